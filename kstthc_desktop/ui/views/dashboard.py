""""What needs me now": status counts, what is overdue or due soon, the next report's dates.

The first screen a busy officer reads; every line leads to its task with one click.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.model import STATUS_COLORS, Status
from ...core.status import STATUS_ORDER
from ...services import OfficeService, TaskView
from ...services.overview import DashboardSummary, DueItem, dashboard_summary, plan_overview, submission_rule
from .. import formats
from ..errors import show_error
from ..events import EventHub
from ..style import status_label, status_symbol
from .calendar import status_icon
from .timeline import CUTOFF_COLOR

TASK_ROLE = Qt.ItemDataRole.UserRole + 1
BUTTON_ROOM_ROLE = Qt.ItemDataRole.UserRole + 2  # pixels kept free at the row's right end for its button
LISTS = ("overdue", "due_week", "due_month", "recurring", "on_demand", "stale")


def _d(d: date) -> str:
    return formats.date_text(d)


class StatusCard(QFrame):
    """One bucket: colour band, symbol, Vietnamese label, number (never colour alone)."""

    def __init__(self, status: Status, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        color = STATUS_COLORS[status]
        light = QColor(color)
        light.setAlpha(30)
        self.setObjectName("status_card")
        self.setStyleSheet(
            f"QFrame#status_card {{ background: rgba({light.red()},{light.green()},{light.blue()},30);"
            f" border: 1px solid {color}; border-left: 6px solid {color}; border-radius: 4px; }}")
        self.number = QLabel("0")
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 2.0)
        f.setBold(True)
        self.number.setFont(f)
        self.number.setStyleSheet(f"color: {color}; border: none; background: transparent;")
        self.label = QLabel(f"{status_symbol(status)} {status_label(status)}")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(f"color: {QColor(color).darker(125).name()}; border: none; background: transparent;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 8, 6)
        lay.setSpacing(0)
        lay.addWidget(self.number)
        lay.addWidget(self.label)
        lay.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumWidth(120)

    def set_count(self, n: int) -> None:
        self.number.setText(str(n))
        self.setAccessibleName(f"{status_label(self.status)}: {n}")


class _RowWithButton(QStyledItemDelegate):
    """Rows as tall as a small button; a row with a button at its right end has its text cut short
    before it (the tooltip has it all)."""

    def __init__(self, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row_height = row_height

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        # no width of its own: the line is as wide as the list, so the button at its end is in view
        return QSize(0, max(super().sizeHint(option, index).height(), self.row_height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        room = index.data(BUTTON_ROOM_ROLE)
        if room:
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(0, 0, -int(room), 0)
        super().paint(painter, option, index)


class DashboardView(QWidget):
    """Counts and lists computed by services.overview at ``today``; refreshes on data_changed."""

    def __init__(self, service: OfficeService, hub: EventHub, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.service = service
        self.hub = hub
        self.today = today
        self._dirty = True
        self.summary: DashboardSummary | None = None

        body = QWidget()
        body.setObjectName("dashboard_body")
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(8)

        self.heading = QLabel()
        hf = QFont(self.font())
        hf.setPointSizeF(hf.pointSizeF() * 1.35)
        hf.setBold(True)
        self.heading.setFont(hf)
        lay.addWidget(self.heading)
        self.report_line = QLabel()
        self.report_line.setWordWrap(True)
        rf = QFont(self.font())
        rf.setBold(True)
        self.report_line.setFont(rf)
        self.report_line.setStyleSheet(f"color: {CUTOFF_COLOR.name()}; padding: 6px; border: 1px dashed "
                                       f"{CUTOFF_COLOR.name()}; border-radius: 4px;")
        lay.addWidget(self.report_line)

        self.empty = QLabel(self.tr("No plan yet. Import the superior plan (File → Import) or add tasks by hand; "
                                    "this page will then show what is overdue and what is due soon."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6368; padding: 20px;")
        lay.addWidget(self.empty)

        self.cards: dict[str, dict[Status, StatusCard]] = {}
        self.card_titles: dict[str, QLabel] = {}
        for key, title in (("year", self.tr("Whole plan year")), ("period", "")):
            t = QLabel(title)
            t.setWordWrap(True)
            tf = QFont(self.font())
            tf.setBold(True)
            t.setFont(tf)
            self.card_titles[key] = t
            lay.addWidget(t)
            row = QHBoxLayout()
            row.setSpacing(8)
            self.cards[key] = {}
            for st in STATUS_ORDER:
                card = StatusCard(st)
                self.cards[key][st] = card
                row.addWidget(card)
            lay.addLayout(row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for i, key in enumerate(LISTS):
            box = QGroupBox()
            box_lay = QVBoxLayout(box)
            box_lay.setContentsMargins(6, 6, 6, 6)
            lst = QListWidget()
            lst.setObjectName(f"dashboard_{key}")
            lst.setMinimumHeight(150)
            lst.setUniformItemSizes(True)
            lst.setTextElideMode(Qt.TextElideMode.ElideRight)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elide; tooltip has it all
            lst.itemActivated.connect(self._activate)
            lst.itemClicked.connect(self._activate)
            if key == "overdue":  # each line without a cause offers to write it
                probe = self._cause_button(0)
                lst.setItemDelegate(_RowWithButton(probe.sizeHint().height() + 2, lst))
                probe.deleteLater()
            box_lay.addWidget(lst)
            self.lists[key] = lst
            self.boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid, 1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        hub.data_changed.connect(self._on_data_changed)
        # Nothing computed yet: the first show fills the page (start-up does not pay for deadlines).

    # --- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        views, progress = plan_overview(self.service, self.today)
        has_plan = self.service.current_plan() is not None and bool(views)
        from ...core.periods import current_period

        tally = self.service.period_tally(current_period(self.today).code, self.today) if has_plan else None
        self.summary = s = dashboard_summary(views, progress, self.today, submission_rule(self.service),
                                             self.service.work_calendar(), tally=tally)
        self.heading.setText(self.tr("What needs me now – %1").replace("%1", _d(self.today)))
        nr = s.next_report
        if nr is not None:
            self.report_line.setText(
                self.tr("Report for %1: figures close on %2, send by %3")
                .replace("%1", formats.period_label(nr.period)).replace("%2", _d(nr.cutoff))
                .replace("%3", _d(nr.submission)))
        self.empty.setVisible(not has_plan)
        p = s.period
        self.card_titles["period"].setText(
            self.tr("Current report period: %1 (%2)").replace("%1", formats.period_label(p)).replace(
                "%2", f"{formats.short_date(p.window_start)} – {formats.short_date(p.window_end)}"))
        for key, counts in (("year", s.year_counts), ("period", s.period_counts)):
            for st, card in self.cards[key].items():
                card.set_count(counts.get(st, 0))

        titles = {
            "overdue": self.tr("Overdue"),
            "due_week": self.tr("Due in the next 7 days"),
            "due_month": self.tr("Due in 8 to 30 days"),
            "recurring": self.tr("Recurring tasks due this month"),
            "on_demand": self.tr("On-demand tasks still open"),
            "stale": self.tr("No progress recorded for 30 days"),
        }
        empties = {
            "overdue": self.tr("Nothing is overdue. Well done."),
            "due_week": self.tr("Nothing is due this week."),
            "due_month": self.tr("Nothing else is due this month."),
            "recurring": self.tr("No recurring task is due this month."),
            "on_demand": self.tr("No on-demand task is open. Record progress when one arises."),
            "stale": self.tr("Every open task has a recent update."),
        }
        if not has_plan:
            empties = dict.fromkeys(empties, self.tr("Import or create a plan first."))
        causes = {v.task.id: v.task.overdue_cause.strip() for v in views}
        content: dict[str, list[QListWidgetItem]] = {
            "overdue": [self._due_item(it, overdue=True, cause=causes.get(it.task_id, "")) for it in s.overdue],
            "due_week": [self._due_item(it) for it in s.due_week],
            "due_month": [self._due_item(it) for it in s.due_month],
            "recurring": [self._due_item(it, occurrence=True) for it in s.recurring_this_month],
            "on_demand": [self._task_item(v) for v in s.on_demand_open],
            "stale": [self._task_item(v, stale=True) for v in s.stale],
        }
        for key in LISTS:
            lst = self.lists[key]
            items = content[key]
            self.boxes[key].setTitle(f"{titles[key]} ({len(items)})")
            lst.clear()
            for item in items:
                lst.addItem(item)
                if key == "overdue" and not causes.get(item.data(TASK_ROLE)):
                    self._offer_cause(lst, item)
            if not items:
                item = QListWidgetItem(empties[key])
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setForeground(QColor("#5f6368"))
                lst.addItem(item)

    def _due_item(self, it: DueItem, overdue: bool = False, occurrence: bool = False,
                  cause: str = "") -> QListWidgetItem:
        text = f"{_d(it.due)} · {it.title.splitlines()[0] if it.title else ''}"
        if overdue and it.more_overdue:
            text += " " + self.tr("(+%1 more overdue)").replace("%1", str(it.more_overdue))
        if occurrence:
            text += " · " + self.tr("occurrence %1 of %2").replace("%1", str(it.index + 1)).replace(
                "%2", str(it.count))
        item = QListWidgetItem(status_icon(it.status), text)
        item.setData(TASK_ROLE, it.task_id)
        tip = f"{it.content}\n{it.deadline_text}\n{status_symbol(it.status)} {status_label(it.status)}"
        if overdue:
            tip += "\n" + (self.tr("Cause of the delay: %1").replace("%1", cause) if cause
                           else self.tr("No cause of the delay written yet."))
        item.setToolTip(tip)
        if it.status == Status.OVERDUE:
            item.setForeground(QColor(STATUS_COLORS[Status.OVERDUE]).darker(110))
        return item

    def _task_item(self, v: TaskView, stale: bool = False) -> QListWidgetItem:
        t = v.task
        first = t.content.split("\n", 1)[0]
        text = f"{v.ref or t.number} {first}".strip()
        if stale:
            last = _d(v.last_update) if v.last_update else self.tr("never")
            text = self.tr("last update: %1").replace("%1", last) + " · " + text
        item = QListWidgetItem(status_icon(v.status), text)
        item.setData(TASK_ROLE, t.id)
        item.setToolTip(f"{t.content}\n{t.deadline_text}\n{status_symbol(v.status)} {status_label(v.status)}")
        return item

    # --- overdue causes -------------------------------------------------------------------
    def _cause_button(self, task_id: int) -> QToolButton:
        button = QToolButton()
        button.setText(self.tr("Write the cause…"))
        button.setToolTip(self.tr("Why is it late? Printed in the report's part on shortcomings."))
        button.setProperty("task_id", task_id)
        return button

    def _offer_cause(self, lst: QListWidget, item: QListWidgetItem) -> None:
        """A 'Write the cause…' button at the right end of an overdue line that has no cause."""
        task_id = item.data(TASK_ROLE)
        button = self._cause_button(task_id)
        button.setAccessibleName(f"{button.text()} {item.text()}")
        # after the click has returned: saving refreshes the list, which deletes this button
        button.clicked.connect(lambda: QTimer.singleShot(0, self, lambda: self.write_cause(task_id)))
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 1, 4, 1)
        row.addStretch(1)
        row.addWidget(button)
        item.setData(BUTTON_ROOM_ROLE, button.sizeHint().width() + 8)
        lst.setItemWidget(item, holder)

    def cause_buttons(self) -> list[QToolButton]:
        """The overdue lines' 'Write the cause…' buttons, in list order."""
        lst = self.lists["overdue"]
        out = []
        for i in range(lst.count()):
            holder = lst.itemWidget(lst.item(i))
            if holder is not None:
                out += holder.findChildren(QToolButton)
        return out

    def write_cause(self, task_id: int) -> None:
        """Ask why the task is late and keep it on the task (undoable); every view hears of it."""
        from ..dialogs.overdue_cause import OverdueCauseDialog

        task = self.service.task(task_id)
        cause = OverdueCauseDialog.ask(self, task, self.service.task_ref(task))
        if cause is None:
            return
        try:
            changes = self.service.set_overdue_cause(task_id, cause)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never swallowed
            show_error(self, exc)
            return
        self.hub.data_changed.emit(changes)

    def list_texts(self, key: str) -> list[str]:
        lst = self.lists[key]
        return [lst.item(i).text() for i in range(lst.count())]

    def list_task_ids(self, key: str) -> list[int]:
        lst = self.lists[key]
        return [lst.item(i).data(TASK_ROLE) for i in range(lst.count()) if lst.item(i).data(TASK_ROLE) is not None]

    def _activate(self, item: QListWidgetItem) -> None:
        tid = item.data(TASK_ROLE)
        if isinstance(tid, int):
            self.hub.task_activated.emit(tid)

    # --- refresh ----------------------------------------------------------------------------
    def _on_data_changed(self, _changes: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty and self.summary is None:
            # the window's first paint comes first; the deadlines (holiday calendar) right after it
            QTimer.singleShot(0, self, self._refresh_if_dirty)
        elif self._dirty:
            self.refresh()
        super().showEvent(event)

    def _refresh_if_dirty(self) -> None:
        if self._dirty:
            self.refresh()


__all__ = ["DashboardView", "StatusCard"]
