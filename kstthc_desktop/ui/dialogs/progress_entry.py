"""Record a step of work on a task: date, percent, result note, done."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...core.model import ProgressEntry, Task
from ..widgets import OccurrenceCombo, ok_cancel


class ProgressEntryDialog(QDialog):
    def __init__(self, task: Task, entry: ProgressEntry, parent: QWidget | None = None, ref: str = "") -> None:
        super().__init__(parent)
        # the task named with its section ("IV.2"): a bare "2" names a task in every section
        self.setWindowTitle(self.tr("Record progress") + f" – {ref or task.number}".rstrip(" –"))
        self.setMinimumWidth(480)
        self._entry = entry
        form = QFormLayout(self)
        self.on = QDateEdit(QDate(entry.on.year, entry.on.month, entry.on.day))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd/MM/yyyy")
        self.occurrence = OccurrenceCombo(task, entry.occurrence)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(entry.percent)
        self.done_box = QCheckBox(self.tr("Done (completed on this date)"))
        self.done_box.setChecked(entry.done)
        self.done_box.toggled.connect(lambda on: on and self.percent.setValue(100))
        self.note = QPlainTextEdit(entry.note)
        self.note.setPlaceholderText(self.tr("Result (kết quả thực hiện), e.g. the document issued"))
        self.note.setTabChangesFocus(True)
        form.addRow(self.tr("Date"), self.on)
        form.addRow(self.tr("For"), self.occurrence)
        form.addRow(self.tr("Progress"), self.percent)
        form.addRow("", self.done_box)
        form.addRow(self.tr("Result note"), self.note)
        form.addRow(ok_cancel(self))

    def entry(self) -> ProgressEntry:
        q = self.on.date()
        return dataclasses.replace(self._entry, on=date(q.year(), q.month(), q.day()), percent=self.percent.value(),
                                   done=self.done_box.isChecked(), note=self.note.toPlainText().strip(),
                                   occurrence=self.occurrence.currentData())

    @classmethod
    def ask(cls, parent: QWidget | None, task: Task, entry: ProgressEntry | None = None,
            ref: str = "") -> ProgressEntry | None:
        dlg = cls(task, entry or ProgressEntry(task_id=task.id, on=date.today()), parent, ref)
        return dlg.entry() if dlg.exec() == QDialog.DialogCode.Accepted else None
