"""Task detail: what the task is, its progress log and its evidence (drop files here to attach)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.model import ProgressEntry, Status, Task
from ...services import OfficeService, TaskView
from .. import files, fit, formats
from ..errors import show_error
from ..style import status_color, status_label, status_symbol

if TYPE_CHECKING:  # the drop events' types are made when a file is first dragged over, not at start-up
    from PySide6.QtGui import QDragEnterEvent, QDropEvent


class TaskDetailPanel(QWidget):
    """Shows one task; every button calls one service and emits the resulting Changes."""

    changed = Signal(object)  # services.Changes
    attach_requested = Signal(int, list)  # task id, paths (run as a background job by the window)

    def __init__(self, service: OfficeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.today = date.today  # the window replaces this with its own notion of today
        self.task: Task | None = None
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(6)
        # What the task is scrolls on its own; the progress and evidence buttons below never move
        # off screen, however long the task text (a 1366×768 laptop has ~620 px for this panel).
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.status = QLabel()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.title)
        lay.addWidget(self.status)
        lay.addWidget(self.facts)
        lay.addStretch(1)
        about = fit.scrolling(body)
        about.setMinimumHeight(90)
        outer.addWidget(about, 3)
        self._about, self._about_body = about, body

        # An overdue task: why it is late (printed in the report), written here when it turns overdue
        self.cause_row = QWidget()
        cr = QHBoxLayout(self.cause_row)
        cr.setContentsMargins(0, 0, 0, 0)
        self.cause_hint = QLabel()
        self.cause_hint.setWordWrap(True)
        self.cause_hint.setStyleSheet(f"color: {status_color(Status.OVERDUE).name()};")
        self.cause_btn = QPushButton(self.tr("Write the cause…"))
        self.cause_btn.setToolTip(self.tr("Why is it late? Printed in the report's part on shortcomings."))
        self.cause_btn.clicked.connect(self.write_cause)
        cr.addWidget(self.cause_hint, 1)
        cr.addWidget(self.cause_btn)
        outer.addWidget(self.cause_row)

        box = QGroupBox(self.tr("Progress log"))
        bl = QVBoxLayout(box)
        bl.setContentsMargins(6, 4, 6, 6)
        self.progress_list = QListWidget()
        self.progress_list.setWordWrap(True)
        self.progress_list.setMinimumHeight(54)
        self.progress_list.itemDoubleClicked.connect(lambda _: self.edit_progress())
        bl.addWidget(self.progress_list, 1)
        row = QGridLayout()
        self.add_progress_btn = QPushButton(self.tr("Record progress…"))
        self.add_progress_btn.clicked.connect(self.add_progress)
        self.done_btn = QPushButton(self.tr("Mark done"))
        self.done_btn.clicked.connect(self.mark_done)
        self.edit_progress_btn = QPushButton(self.tr("Edit"))
        self.edit_progress_btn.clicked.connect(self.edit_progress)
        self.del_progress_btn = QPushButton(self.tr("Delete"))
        self.del_progress_btn.clicked.connect(self.delete_progress)
        for i, b in enumerate((self.add_progress_btn, self.done_btn, self.edit_progress_btn, self.del_progress_btn)):
            row.addWidget(b, i // 2, i % 2)
        bl.addLayout(row)
        outer.addWidget(box, 2)

        box = QGroupBox(self.tr("Evidence (drop files here)"))
        bl = QVBoxLayout(box)
        bl.setContentsMargins(6, 4, 6, 6)
        self.evidence_list = QListWidget()
        self.evidence_list.setMinimumHeight(54)
        self._icon = None
        self.evidence_list.itemDoubleClicked.connect(lambda _: self.open_evidence())
        bl.addWidget(self.evidence_list, 1)
        row = QGridLayout()
        self.attach_btn = QPushButton(self.tr("Attach files…"))
        self.attach_btn.clicked.connect(self.choose_files)
        self.open_btn = QPushButton(self.tr("Open"))
        self.open_btn.clicked.connect(self.open_evidence)
        self.save_btn = QPushButton(self.tr("Save a copy…"))
        self.save_btn.clicked.connect(self.save_copy)
        self.info_btn = QPushButton(self.tr("Details…"))
        self.info_btn.clicked.connect(self.edit_evidence_info)
        self.remove_btn = QPushButton(self.tr("Remove"))
        self.remove_btn.clicked.connect(self.remove_evidence)
        for i, b in enumerate((self.attach_btn, self.open_btn, self.info_btn, self.save_btn, self.remove_btn)):
            row.addWidget(b, i // 3, i % 3)
        bl.addLayout(row)
        outer.addWidget(box, 2)
        self.show_task(None)

    # --- showing -------------------------------------------------------------------------
    def _fit_about(self) -> None:
        """The task's text takes the room it needs (scrolling beyond that); the lists get the rest.

        Only when shown: laying out text for a hidden panel (the window being built) measures at a
        width it will not have and costs the start-up the first text layout; showing does it.
        """
        if not self.isVisible():
            return
        need = self._about_body.layout().totalHeightForWidth(self._viewport_width())
        self._about.setMaximumHeight(max(90, need + 4))

    def _viewport_width(self) -> int:
        """``self._about.viewport().width()``, worked out without asking for the viewport: its class
        is private to Qt, and wrapping it makes PySide create a Python type for every QWidget
        subclass (~70, with their enums), milliseconds of the start-up."""
        width = self._about.maximumViewportSize().width()
        bar = self._about.verticalScrollBar()
        if bar.isVisibleTo(self._about):
            width -= bar.sizeHint().width()
        return width

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self._fit_about()

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        self._fit_about()

    def _file_icon(self):  # noqa: ANN202 - QIcon, made when the first evidence item is listed
        if self._icon is None:
            from PySide6.QtGui import QIcon

            from ..style import document_pixmap

            self._icon = QIcon(document_pixmap())  # the table's evidence column shows the same page
        return self._icon

    def show_task(self, view: TaskView | None) -> None:
        self.task = view.task if view else None
        enabled = view is not None
        for w in (self.add_progress_btn, self.done_btn, self.edit_progress_btn, self.del_progress_btn,
                  self.attach_btn, self.open_btn, self.info_btn, self.save_btn, self.remove_btn):
            w.setEnabled(enabled)
        self.progress_list.clear()
        self.evidence_list.clear()
        overdue = view is not None and view.status == Status.OVERDUE
        self.cause_row.setVisible(overdue)
        if overdue:
            written = bool(view.task.overdue_cause.strip())
            self.cause_hint.setText("" if written else self.tr("Overdue: no cause of the delay written yet."))
            self.cause_btn.setText(self.tr("Edit the cause…") if written else self.tr("Write the cause…"))
        if view is None:
            self.title.setText(self.tr("Select a task to see its details."))
            self.status.clear()
            self.facts.clear()
            self._fit_about()
            return
        t = view.task
        self.title.setText(f"{view.ref or t.number} {t.content}".strip())
        color = status_color(view.status).name()
        self.status.setText(f"<span style='color:{color}; font-weight:bold'>{status_symbol(view.status)} "
                            f"{status_label(view.status)}</span>")
        from html import escape

        facts = [
            (self.tr("Cause of the delay"), t.overdue_cause if overdue else ""),
            (self.tr("Lead"), "; ".join(t.lead_units)),
            (self.tr("Coordinating"), "; ".join(t.coordinating_units)),
            (self.tr("Deadline (as written)"), t.deadline_text),
            (self.tr("Understood as"), formats.schedule_text(t.schedule)),
            (self.tr("Expected products"), t.products),
            (self.tr("Officer in charge"), t.officer),
            (self.tr("Notes"), t.notes),
            (self.tr("Source"), f"{t.source_sheet} dòng {t.source_row}" if t.source_row else ""),
        ]
        self.facts.setText("<br>".join(f"<b>{escape(k)}:</b> {escape(v)}" for k, v in facts if v))
        for p in self.service.progress(t.id):
            when = formats.date_text(p.on)
            occ = ""
            if p.occurrence is not None and t.schedule and p.occurrence < len(t.schedule.occurrences):
                occ = f" [{t.schedule.occurrences[p.occurrence][1].strftime('%d/%m')}]"
            text = f"{when}{occ} – {p.percent}%{' ✔' if p.done else ''}  {p.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.progress_list.addItem(item)
        for ev in self.service.evidence(task_id=t.id):
            label = ev.name
            if ev.doc_number:
                label = f"{ev.doc_number} – {label}"
            if ev.occurrence is not None and t.schedule and ev.occurrence < len(t.schedule.occurrences):
                label += f" [{t.schedule.occurrences[ev.occurrence][1].strftime('%d/%m')}]"
            item = QListWidgetItem(self._file_icon(), f"{label} ({_size(ev.size)})")
            item.setData(Qt.ItemDataRole.UserRole, ev.id)
            item.setToolTip(ev.summary or ev.name)
            self.evidence_list.addItem(item)
        self._fit_about()

    def select_progress(self, entry_id: int | None) -> bool:
        """Select (and focus) one progress entry of the shown task, as a search result asks."""
        return _select(self.progress_list, entry_id)

    def select_evidence(self, evidence_id: int | None) -> bool:
        return _select(self.evidence_list, evidence_id)

    # --- progress ------------------------------------------------------------------------
    def _run(self, fn) -> None:  # noqa: ANN001
        try:
            changes = fn()
        except Exception as exc:  # noqa: BLE001 - shown to the user, never swallowed
            show_error(self, exc)
            return
        if changes is not None:
            self.changed.emit(changes)

    def add_progress(self) -> None:
        if self.task is None:
            return
        from ..dialogs.progress_entry import ProgressEntryDialog

        entry = ProgressEntryDialog.ask(self, self.task, ProgressEntry(task_id=self.task.id, on=self.today()),
                                        self.service.task_ref(self.task))
        if entry is not None:
            self._run(lambda: self.service.add_progress(entry)[1])

    def write_cause(self) -> None:
        """Why the overdue task is late, as the officer writes it (undoable)."""
        from ..dialogs.overdue_cause import OverdueCauseDialog

        if self.task is None:
            return
        cause = OverdueCauseDialog.ask(self, self.task, self.service.task_ref(self.task))
        if cause is not None:
            task_id = self.task.id
            self._run(lambda: self.service.set_overdue_cause(task_id, cause))

    def mark_done(self) -> None:
        if self.task is None:
            return
        from ...core.model import ProgressEntry

        entry = ProgressEntry(task_id=self.task.id, on=self.today(), percent=100, done=True)
        self._run(lambda: self.service.add_progress(entry)[1])

    def _selected_id(self, lst: QListWidget) -> int | None:
        item = lst.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def edit_progress(self) -> None:
        pid = self._selected_id(self.progress_list)
        if pid is None or self.task is None:
            return
        current = next((p for p in self.service.progress(self.task.id) if p.id == pid), None)
        from ..dialogs.progress_entry import ProgressEntryDialog

        entry = ProgressEntryDialog.ask(self, self.task, current, self.service.task_ref(self.task))
        if entry is not None:
            self._run(lambda: self.service.update_progress(entry))

    def delete_progress(self) -> None:
        pid = self._selected_id(self.progress_list)
        if pid is not None:
            self._run(lambda: self.service.delete_progress(pid))

    # --- evidence ------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.task is None:
            return
        paths = files.ask_open_many(self, self.tr("Attach evidence"))
        if paths:
            self.attach_requested.emit(self.task.id, paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.task is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if self.task is not None and paths:
            event.acceptProposedAction()
            self.attach_requested.emit(self.task.id, paths)

    def open_evidence(self) -> None:
        eid = self._selected_id(self.evidence_list)
        if eid is None:
            return
        try:
            path = self.service.extract_for_viewing(eid)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        from PySide6.QtCore import QUrl  # QUrl's enums only when a file is opened (start-up: ~0.5 ms)
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_copy(self) -> None:
        eid = self._selected_id(self.evidence_list)
        if eid is None:
            return
        ev = next(e for e in self.service.evidence(task_id=self.task.id) if e.id == eid)
        target = files.ask_save(self, self.tr("Save a copy"), str(Path.home() / ev.name))
        if target:
            try:
                Path(target).unlink(missing_ok=True)  # the dialog already asked about overwriting
                self.service.save_evidence_copy(eid, target)
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)

    def edit_evidence_info(self) -> None:
        from ..dialogs.evidence_info import EvidenceInfoDialog

        eid = self._selected_id(self.evidence_list)
        if eid is None or self.task is None:
            return
        ev = next(e for e in self.service.evidence(task_id=self.task.id) if e.id == eid)
        edited = EvidenceInfoDialog.ask(self, ev, self.task)
        if edited is not None:
            self._run(lambda: self.service.update_evidence(edited))

    def remove_evidence(self) -> None:
        eid = self._selected_id(self.evidence_list)
        if eid is not None:
            self._run(lambda: self.service.remove_evidence(eid))


def _select(lst: QListWidget, item_id: int | None) -> bool:
    for i in range(lst.count()):
        item = lst.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == item_id:
            lst.setCurrentItem(item)
            lst.scrollToItem(item)
            lst.setFocus()
            return True
    return False


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)
