"""The month calendar: due occurrences, report cut-offs and deadlines, holidays and make-up days.

The grid is painted by one function for the screen and for the PDF, so what is printed for the
meeting is exactly what the officer saw.
"""

from __future__ import annotations

import calendar as pycalendar
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QMarginsF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...core.model import STATUS_COLORS, Status
from ...core.periods import month as month_period
from ...services import OfficeService
from ...services.overview import (
    DayMark,
    DueItem,
    all_occurrences,
    holiday_marks,
    plan_overview,
    report_marks,
    submission_rule,
)
from .. import files
from ..events import EventHub
from ..style import status_label, status_symbol
from .timeline import CUTOFF_COLOR, HOLIDAY_COLOR, StatusLegend, paint_status_mark

TASK_ROLE = Qt.ItemDataRole.UserRole + 1
UPCOMING_DAYS = 60
MAKE_UP_COLOR = QColor("#1565c0")


@dataclass(frozen=True)
class GridLabels:
    """Translated words the painter needs (it is a plain function, shared with the PDF)."""

    weekdays: tuple[str, ...]
    cutoff: str  # "Cut-off %1"
    submission: str  # "Report due %1"
    make_up: str
    more: str  # "+%1 more"


def month_weeks(year: int, month: int) -> list[list[date]]:
    """The weeks (Monday first, as Vietnamese calendars) covering the month, with the days around it."""
    cal = pycalendar.Calendar(firstweekday=0)
    return [list(week) for week in cal.monthdatescalendar(year, month)]


def chip_text(it: DueItem) -> str:
    return f"{status_symbol(it.status)} {it.title}"


def fit_lines(fm: QFontMetrics, text: str, width: int, count: int) -> list[str]:
    """``text`` broken at spaces into at most ``count`` lines of ``width``; the last one elided."""
    out: list[str] = []
    rest = text
    while rest and len(out) < count - 1:
        words, line = rest.split(" "), ""
        while words and fm.horizontalAdvance((line + " " + words[0]).strip()) <= width:
            line = (line + " " + words.pop(0)).strip()
        if not line:  # one word longer than the line: leave it to the eliding below
            break
        out.append(line)
        rest = " ".join(words)
    if rest:
        out.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return out


def paint_month(p: QPainter, rect: QRectF, year: int, month: int, items: Mapping[date, Sequence[DueItem]],
                marks: Mapping[date, Sequence[DayMark]], today: date | None, selected: date | None,
                labels: GridLabels, font: QFont) -> dict[date, QRectF]:
    """Paint the month grid into ``rect``; returns each day's cell (for hit tests)."""
    fm = QFontMetrics(font, p.device())
    small = QFont(font)
    small.setPointSizeF(max(7.5, font.pointSizeF() * 0.86))
    sfm = QFontMetrics(small, p.device())
    bold = QFont(font)
    bold.setBold(True)
    weeks = month_weeks(year, month)
    head_h = fm.height() + 8
    cell_w = rect.width() / 7
    cell_h = (rect.height() - head_h) / len(weeks)
    line_h = sfm.height() + 3
    cells: dict[date, QRectF] = {}
    grid_pen = QPen(QColor("#b0b4bc"), 1)
    p.save()
    p.fillRect(rect, QColor("white"))
    p.setFont(bold)
    for i, name in enumerate(labels.weekdays):
        r = QRectF(rect.left() + i * cell_w, rect.top(), cell_w, head_h)
        p.fillRect(r, QColor("#e8eaf0"))
        p.setPen(QColor("#c62828") if i == 6 else QColor("#263238"))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, name)
    for wi, week in enumerate(weeks):
        for di, day in enumerate(week):
            x0, x1 = round(rect.left() + di * cell_w), round(rect.left() + (di + 1) * cell_w)
            y0 = round(rect.top() + head_h + wi * cell_h)
            y1 = round(rect.top() + head_h + (wi + 1) * cell_h)
            r = QRectF(x0, y0, x1 - x0, y1 - y0)  # whole pixels: crisp, even grid lines
            cells[day] = r
            inside = day.month == month
            day_marks = marks.get(day, ())
            holiday = next((m for m in day_marks if m.kind == "holiday"), None)
            make_up = any(m.kind == "make_up" for m in day_marks)
            if not inside:
                p.fillRect(r, QColor("#f4f5f7"))
            elif holiday is not None:
                p.fillRect(r, HOLIDAY_COLOR)
            elif di >= 5 and not make_up:
                p.fillRect(r, QColor(0, 0, 0, 14))
            if selected == day:
                sel = QColor("#1565c0")
                sel.setAlpha(28)
                p.fillRect(r, sel)
            p.setPen(grid_pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r)
            # day number
            num_rect = QRectF(r.left() + 4, r.top() + 2, r.width() - 8, fm.height() + 2)
            p.setFont(bold)
            if today == day:
                badge = QRectF(num_rect.left() - 1, num_rect.top(), fm.horizontalAdvance("00") + 10, num_rect.height())
                p.setBrush(QColor("#d81b60"))
                p.setPen(Qt.PenStyle.NoPen)
                p.drawRoundedRect(badge, 4, 4)
                p.setPen(QColor("white"))
                p.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(day.day))
            else:
                color = QColor("#9aa0a6") if not inside else (
                    QColor("#c62828") if (holiday is not None or di == 6) else QColor("#263238"))
                p.setPen(color)
                p.drawText(num_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
            if not inside:
                continue
            y = num_rect.bottom() + 1
            lines: list[tuple[str, object]] = []
            if holiday is not None:
                lines.append(("holiday", holiday.name))
            if make_up:
                lines.append(("make_up", labels.make_up))
            for m in day_marks:
                if m.kind == "cutoff":
                    lines.append(("cutoff", labels.cutoff.replace("%1", m.short_period)))
                elif m.kind == "submission":
                    lines.append(("submission", labels.submission.replace("%1", m.short_period)))
            day_items = list(items.get(day, ()))
            room = int((r.bottom() - y - 2) // line_h)
            shown_items = day_items
            if len(lines) + len(day_items) > room:
                shown_items = day_items[: max(0, room - len(lines) - 1)]
            # a day with few tasks gives each chip two lines, so "1.2 Triển khai…" reads as words
            chip_lines = 2 if day_items and len(lines) + 2 * len(day_items) <= room else 1
            mark_lines = 2 if 2 * len(lines) + chip_lines * len(day_items) <= room else 1
            p.setFont(small)
            inner_w = r.width() - 8
            for kind, text in lines:
                if y + line_h * mark_lines > r.bottom():
                    break
                lr = QRectF(r.left() + 4, y, inner_w, line_h * mark_lines - 1)
                if kind == "holiday":
                    p.setPen(QColor("#b71c1c"))
                elif kind == "make_up":
                    p.setPen(MAKE_UP_COLOR)
                else:
                    p.setPen(Qt.PenStyle.NoPen)
                    bg = QColor(CUTOFF_COLOR)
                    bg.setAlpha(30 if kind == "cutoff" else 55)
                    p.setBrush(bg)
                    p.drawRoundedRect(lr, 3, 3)
                    p.setPen(QPen(CUTOFF_COLOR, 1, Qt.PenStyle.DashLine if kind == "cutoff" else Qt.PenStyle.SolidLine))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRoundedRect(lr, 3, 3)
                    p.setPen(CUTOFF_COLOR)
                for i, part in enumerate(fit_lines(sfm, str(text), int(lr.width() - 5), mark_lines)):
                    p.drawText(QRectF(lr.left() + 3, lr.top() + i * line_h, lr.width() - 5, line_h - 1),
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, part)
                y += line_h * mark_lines
            for it in shown_items:
                if y + line_h * chip_lines > r.bottom():
                    break
                lr = QRectF(r.left() + 4, y, inner_w, line_h * chip_lines - 1)
                solid = QColor(STATUS_COLORS[it.status])
                light = QColor(solid)
                light.setAlpha(38)
                p.fillRect(lr, light)
                p.fillRect(QRectF(lr.left(), lr.top(), 3, lr.height()), solid)
                p.setPen(solid.darker(135))
                f = small
                if it.status == Status.OVERDUE:
                    f = QFont(small)
                    f.setBold(True)
                p.setFont(f)
                text_w = int(lr.width() - 8)
                for i, part in enumerate(fit_lines(QFontMetrics(f, p.device()), chip_text(it), text_w, chip_lines)):
                    p.drawText(QRectF(lr.left() + 6, lr.top() + i * line_h, text_w, line_h - 1),
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, part)
                p.setFont(small)
                y += line_h * chip_lines
            hidden = len(day_items) - len(shown_items)
            if hidden > 0 and y + line_h <= r.bottom() + 1:
                p.setPen(QColor("#455a64"))
                p.drawText(QRectF(r.left() + 4, y, inner_w, line_h), Qt.AlignmentFlag.AlignLeft |
                           Qt.AlignmentFlag.AlignVCenter, labels.more.replace("%1", str(hidden)))
    p.restore()
    return cells


class MonthGrid(QWidget):
    """The painted month; click a day to see its agenda, double-click a task line to select it."""

    day_clicked = Signal(object)  # date
    task_activated = Signal(int)

    def __init__(self, labels: GridLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_grid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(420, 280)  # a 1280×720 screen at 125 % leaves ~1024×520
        self.labels = labels
        self.year, self.month = 2000, 1
        self.items: Mapping[date, Sequence[DueItem]] = {}
        self.marks: Mapping[date, Sequence[DayMark]] = {}
        self.today: date | None = None
        self.selected: date | None = None
        self._cells: dict[date, QRectF] = {}

    def sizeHint(self) -> QSize:
        return QSize(900, 620)

    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.update()

    def cell_rect(self, day: date) -> QRectF:
        """Where a day's cell is (computed without painting, for tests and keyboard use)."""
        weeks = month_weeks(self.year, self.month)
        head_h = self.fontMetrics().height() + 8
        w, h = self.width() / 7, (self.height() - head_h) / len(weeks)
        for wi, week in enumerate(weeks):
            if day in week:
                return QRectF(week.index(day) * w, head_h + wi * h, w, h)
        return QRectF()

    def day_at(self, pos: QPointF) -> date | None:
        for week in month_weeks(self.year, self.month):
            for day in week:
                if self.cell_rect(day).contains(pos):
                    return day
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            self._cells = paint_month(p, QRectF(0, 0, self.width() - 1, self.height() - 1), self.year, self.month,
                                      self.items, self.marks, self.today, self.selected, self.labels, self.font())
        finally:
            p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is not None:
            self.selected = day
            self.update()
            self.day_clicked.emit(day)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            he: QHelpEvent = event  # type: ignore[assignment]
            day = self.day_at(QPointF(he.pos()))
            lines: list[str] = []
            if day is not None:
                for m in self.marks.get(day, ()):
                    if m.kind == "holiday":
                        lines.append(m.name)
                    elif m.kind == "make_up":
                        lines.append(self.labels.make_up)
                    else:
                        label = self.labels.cutoff if m.kind == "cutoff" else self.labels.submission
                        lines.append(label.replace("%1", m.period_labels))
                lines += [chip_text(it) for it in self.items.get(day, ())]
            if lines:
                QToolTip.showText(he.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is not None:
            its = list(self.items.get(day, ()))
            if its:
                self.task_activated.emit(its[0].task_id)
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        step = steps.get(Qt.Key(event.key()))
        if step is not None:
            base = self.selected or date(self.year, self.month, 1)
            day = base + timedelta(days=step)
            self.selected = day
            if (day.year, day.month) != (self.year, self.month):
                self.set_month(day.year, day.month)
            self.update()
            self.day_clicked.emit(day)
            event.accept()
            return
        super().keyPressEvent(event)


_ICONS: dict[tuple[Status, int], QIcon] = {}


def status_icon(status: Status, size: int = 16) -> QIcon:
    """The status mark as an icon; five of them exist, so they are painted once and reused."""
    icon = _ICONS.get((status, size))
    if icon is None:
        icon = _ICONS[(status, size)] = _paint_status_icon(status, size)
    return icon


def _paint_status_icon(status: Status, size: int) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_status_mark(p, QPointF(size / 2, size / 2), size / 2 - 1.5, status)
    p.end()
    return QIcon(pm)


class CalendarView(QWidget):
    """Month grid + agenda of the chosen day, or the agenda of the next 60 days."""

    def __init__(self, service: OfficeService, hub: EventHub, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar")
        self.service = service
        self.hub = hub
        self.today = today
        self._dirty = True
        self.items_by_day: dict[date, list[DueItem]] = {}
        self.marks_by_day: dict[date, list[DayMark]] = {}
        self._items: list[DueItem] = []
        self._marks_years: set[int] = set()

        loc = QLocale()
        weekdays = tuple(loc.dayName(i, QLocale.FormatType.ShortFormat) for i in range(1, 8))
        labels = GridLabels(weekdays=weekdays, cutoff=self.tr("Cut-off %1"), submission=self.tr("Report due %1"),
                            make_up=self.tr("Make-up working day"), more=self.tr("+%1 more"))

        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self.go_today)
        self.title = QLabel()
        tf = self.title.font()
        tf.setPointSizeF(tf.pointSizeF() * 1.3)
        tf.setBold(True)
        self.title.setFont(tf)
        self.month_mode = QToolButton()
        self.month_mode.setText(self.tr("Month"))
        self.list_mode = QToolButton()
        self.list_mode.setText(self.tr("Next 60 days"))
        self.modes = QButtonGroup(self)
        for i, b in enumerate((self.month_mode, self.list_mode)):
            b.setCheckable(True)
            self.modes.addButton(b, i)
        self.month_mode.setChecked(True)
        self.modes.idClicked.connect(self.set_mode)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._ask_print)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        for w in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.month_mode)
        bar.addWidget(self.list_mode)
        bar.addSpacing(8)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)

        self.grid = MonthGrid(labels)
        self.grid.day_clicked.connect(self.show_day)
        self.grid.task_activated.connect(self.hub.task_activated.emit)
        self.day_title = QLabel()
        self.day_title.setWordWrap(True)
        df = self.day_title.font()
        df.setBold(True)
        self.day_title.setFont(df)
        self.agenda = QListWidget()
        self.agenda.setObjectName("calendar_agenda")
        self.agenda.setWordWrap(True)
        self.agenda.setSpacing(2)
        self.agenda.itemActivated.connect(self._activate_item)
        self.agenda.itemDoubleClicked.connect(self._activate_item)
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(4, 0, 0, 0)
        side_lay.addWidget(self.day_title)
        side_lay.addWidget(self.agenda, 1)
        hint = QLabel(self.tr("Double-click a task to select it."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        side_lay.addWidget(hint)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.grid)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([760, 210])

        self.upcoming = QListWidget()
        self.upcoming.setObjectName("calendar_upcoming")
        self.upcoming.setWordWrap(True)
        self.upcoming.setSpacing(2)
        self.upcoming.itemActivated.connect(self._activate_item)
        self.upcoming.itemDoubleClicked.connect(self._activate_item)
        self.stack = QStackedWidget()
        self.stack.addWidget(split)
        self.stack.addWidget(self.upcoming)

        self.empty = QLabel(self.tr("No plan yet. Import the superior plan or add tasks; their deadlines will "
                                    "appear on this calendar."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6368;")
        self.empty.hide()

        self.legend = StatusLegend([("cutoff", self.tr("Report cut-off / deadline")),
                                    ("holiday", self.tr("Public holiday"))])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(bar)
        lay.addWidget(self.empty)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.legend)

        self.year, self.month = today.year, today.month
        self.selected = today
        hub.data_changed.connect(self._on_data_changed)
        # filled when first shown (showEvent): a hidden tab costs nothing at start-up

    # --- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-query occurrences and marks; the shown month and selected day stay."""
        self._dirty = False
        views, progress = plan_overview(self.service, self.today)
        self._items = all_occurrences(views, progress, self.today)
        by_day: dict[date, list[DueItem]] = defaultdict(list)
        for it in self._items:
            by_day[it.due].append(it)
        self.items_by_day = dict(by_day)
        self._marks_years = set()
        self.marks_by_day = {}
        self.empty.setVisible(not views)
        self._ensure_marks(self.year)
        self._show()

    def _ensure_marks(self, *years: int) -> None:
        cal = None
        for y in years:
            for yy in (y - 1, y, y + 1):
                if yy in self._marks_years:
                    continue
                cal = cal or self.service.work_calendar()
                rule = submission_rule(self.service)
                for m in holiday_marks(yy, cal) + report_marks(yy, rule, cal):
                    self.marks_by_day.setdefault(m.on, []).append(m)
                self._marks_years.add(yy)

    def marks_on(self, day: date) -> list[DayMark]:
        self._ensure_marks(day.year)
        return list(self.marks_by_day.get(day, ()))

    def items_on(self, day: date) -> list[DueItem]:
        return list(self.items_by_day.get(day, ()))

    # --- navigation -------------------------------------------------------------------------
    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        if self.selected is None or (self.selected.year, self.selected.month) != (year, month):
            self.selected = self.today if (self.today.year, self.today.month) == (year, month) else date(year, month, 1)
        self._ensure_marks(year)
        self._show()

    def step_month(self, delta: int) -> None:
        m = self.year * 12 + (self.month - 1) + delta
        self.set_month(m // 12, m % 12 + 1)

    def go_today(self) -> None:
        self.selected = self.today
        self.set_month(self.today.year, self.today.month)

    def set_mode(self, mode: int) -> None:
        """0 = month grid, 1 = agenda of the next 60 days."""
        self.stack.setCurrentIndex(mode)
        (self.month_mode if mode == 0 else self.list_mode).setChecked(True)
        for w in (self.prev_button, self.next_button, self.today_button):
            w.setEnabled(mode == 0)
        self._show()

    def month_title(self) -> str:
        return month_period(self.year, self.month).label  # "tháng 11 năm 2026"

    def _show(self) -> None:
        label = self.month_title()
        self.title.setText(label[:1].upper() + label[1:] if self.stack.currentIndex() == 0 else
                           self.tr("Next 60 days"))
        self.grid.items, self.grid.marks = self.items_by_day, self.marks_by_day
        self.grid.today, self.grid.selected = self.today, self.selected
        self.grid.set_month(self.year, self.month)
        if self.selected is not None:
            self._fill_day(self.selected)
        if self.stack.currentIndex() == 1:
            self._fill_upcoming()

    def show_day(self, day: date) -> None:
        self.selected = day
        if (day.year, day.month) != (self.year, self.month):
            self.set_month(day.year, day.month)
        self.grid.selected = day
        self.grid.update()
        self._fill_day(day)

    # --- agenda lists -----------------------------------------------------------------------
    def _day_heading(self, day: date) -> str:
        name = QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        return f"{name[:1].upper()}{name[1:]}, {day.day:02d}/{day.month:02d}/{day.year}"

    def _mark_text(self, m: DayMark) -> str:
        if m.kind == "holiday":
            return m.name
        if m.kind == "make_up":
            return self.tr("Make-up working day")
        if m.kind == "cutoff":
            return self.tr("Report cut-off: %1").replace("%1", m.period_labels)
        return self.tr("Report submission deadline: %1").replace("%1", m.period_labels)

    def _add_day_entries(self, lst: QListWidget, day: date) -> int:
        n = 0
        for m in self.marks_on(day):
            item = QListWidgetItem(("★ " if m.kind == "holiday" else "◆ ") + self._mark_text(m))
            item.setForeground(QColor("#b71c1c") if m.kind == "holiday" else (
                MAKE_UP_COLOR if m.kind == "make_up" else CUTOFF_COLOR))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            lst.addItem(item)
            n += 1
        for it in self.items_on(day):
            text = f"{it.title}\n{status_symbol(it.status)} {status_label(it.status)}"
            if it.count > 1:
                text += " · " + self.tr("occurrence %1 of %2").replace("%1", str(it.index + 1)).replace(
                    "%2", str(it.count))
            item = QListWidgetItem(status_icon(it.status), text)
            item.setData(TASK_ROLE, it.task_id)
            item.setToolTip(f"{it.content}\n{it.deadline_text}")
            if it.status == Status.OVERDUE:
                item.setForeground(QColor(STATUS_COLORS[Status.OVERDUE]))
            lst.addItem(item)
            n += 1
        return n

    def _fill_day(self, day: date) -> None:
        self.day_title.setText(self._day_heading(day))
        self.agenda.clear()
        if not self._add_day_entries(self.agenda, day):
            item = QListWidgetItem(self.tr("Nothing due on this day."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.agenda.addItem(item)

    def _fill_upcoming(self) -> None:
        self.upcoming.clear()
        any_entry = False
        for i in range(UPCOMING_DAYS + 1):
            day = self.today + timedelta(days=i)
            if not self.marks_on(day) and not self.items_on(day):
                continue
            head = QListWidgetItem(self._day_heading(day))
            f = head.font()
            f.setBold(True)
            head.setFont(f)
            head.setBackground(QColor("#e8eaf0"))
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.upcoming.addItem(head)
            self._add_day_entries(self.upcoming, day)
            any_entry = True
        if not any_entry:
            item = QListWidgetItem(self.tr("Nothing is due in the next 60 days."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.upcoming.addItem(item)

    def agenda_texts(self, upcoming: bool = False) -> list[str]:
        lst = self.upcoming if upcoming else self.agenda
        return [lst.item(i).text() for i in range(lst.count())]

    def _activate_item(self, item: QListWidgetItem) -> None:
        tid = item.data(TASK_ROLE)
        if isinstance(tid, int):
            self.hub.task_activated.emit(tid)

    # --- printing ---------------------------------------------------------------------------
    def pdf_title(self) -> str:
        office = self.service.office()
        name = " ".join(office.name_lines) if office else ""
        title = self.tr("Work calendar %1").replace("%1", self.month_title())
        return f"{title} – {name}" if name else title

    def export_pdf(self, path: str | Path) -> Path:
        """The shown month as one landscape A4 page (title, grid, legend), vector text; written
        through the service's safe writer (never over an office file, never half a file)."""
        from PySide6.QtPrintSupport import QPrinter

        def write(tmp: Path) -> None:
            printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp))
            self.print_to(printer)

        return OfficeService.write_output(path, write)

    def print_to(self, printer) -> None:  # noqa: ANN001 - a QPrinter (paper or PDF)
        """The shown month on one landscape A4 page, for the notice board."""
        printer.setDocName(self.pdf_title())
        printer.setCreator("KSTTHC Desktop")
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                          QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
        p = QPainter()
        if not p.begin(printer):
            from ...core.errors import KstthcError

            raise KstthcError(f"Không in hoặc ghi được lịch ra '{printer.outputFileName() or printer.printerName()}'.",
                              "Hãy kiểm tra máy in, hoặc đóng tệp PDF đang mở rồi thử lại.")
        try:
            page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            page.moveTo(0, 0)
            self._paint_page(p, page)
        finally:
            p.end()

    def _paint_page(self, p: QPainter, page: QRectF) -> None:
        font = QFont(self.font())
        font.setPointSizeF(9)
        title_font = QFont(font)
        title_font.setPointSizeF(14)
        title_font.setBold(True)
        p.setFont(title_font)
        tfm = QFontMetrics(title_font, p.device())
        p.setPen(QColor("#263238"))
        title_h = tfm.height() + 8
        p.drawText(QRectF(page.left(), page.top(), page.width(), title_h),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.pdf_title())
        fm = QFontMetrics(font, p.device())
        entries: list[tuple[str, object, str]] = [("status", st, f"{status_symbol(st)} {status_label(st)}")
                                                  for st in Status]
        entries += [("cutoff", None, self.tr("Report cut-off / deadline")),
                    ("holiday", None, self.tr("Public holiday"))]
        line_h = fm.height() + 6
        placed: list[tuple[float, int, tuple[str, object, str]]] = []
        x, line = 0.0, 0
        for e in entries:  # wrap the legend instead of running off the page
            w = 15 + fm.horizontalAdvance(e[2]) + 18
            if x + w > page.width() and x > 0:
                x, line = 0.0, line + 1
            placed.append((x, line, e))
            x += w
        legend_h = (line + 1) * line_h + 4
        grid_rect = QRectF(page.left(), page.top() + title_h, page.width(), page.height() - title_h - legend_h)
        paint_month(p, grid_rect, self.year, self.month, self.items_by_day, self.marks_by_day, None, None,
                    self.grid.labels, font)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = page.bottom() - legend_h + 6
        for x, line, (kind, st, text) in placed:
            lx, ly = page.left() + x, top + line * line_h
            if kind == "status":
                paint_status_mark(p, QPointF(lx + 6, ly + fm.height() / 2), 5, st)
            elif kind == "cutoff":
                p.setPen(QPen(CUTOFF_COLOR, 1, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(lx + 1, ly + 2, 10, fm.height() - 4))
            else:
                p.fillRect(QRectF(lx + 1, ly + 2, 10, fm.height() - 4), HOLIDAY_COLOR)
            p.setFont(font)
            p.setPen(QColor("#263238"))
            p.drawText(QPointF(lx + 15, ly + fm.ascent()), text)

    def _ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        from ...core.errors import KstthcError

        try:
            self.print_to(printer)
        except KstthcError as exc:
            from ..errors import show_error

            show_error(self, exc)

    def _ask_pdf(self) -> None:
        default = f"lich-cong-viec-{self.year}-{self.month:02d}.pdf"
        target = files.ask_save(self, self.tr("Save the calendar as PDF"), default, self.tr("PDF (*.pdf)"), ".pdf")
        if not target:
            return
        from ...core.errors import KstthcError

        try:
            self.export_pdf(target)
        except (OSError, KstthcError) as exc:
            from ..errors import show_error

            show_error(self, exc)
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        self.hub.status_message.emit(self.tr("Saved %1").replace("%1", target))
        QDesktopServices.openUrl(QUrl.fromLocalFile(target))

    # --- refresh ----------------------------------------------------------------------------
    def _on_data_changed(self, _changes: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: ANN001
        if self._dirty:
            self.refresh()
        super().showEvent(event)


__all__ = ["CalendarView", "GridLabels", "MonthGrid", "month_weeks", "paint_month"]
