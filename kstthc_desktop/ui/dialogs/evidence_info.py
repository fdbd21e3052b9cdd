"""The document details of an evidence file: number (Số 12/KH-UBND), date and summary."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ...core.model import Evidence, Task
from ..widgets import OccurrenceCombo, ok_cancel


class EvidenceInfoDialog(QDialog):
    def __init__(self, ev: Evidence, parent: QWidget | None = None, task: Task | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document details"))
        self.setMinimumWidth(460)
        self._ev = ev
        form = QFormLayout(self)
        self.number = QLineEdit(ev.doc_number)
        self.number.setPlaceholderText("12/KH-UBND")
        self.has_date = QCheckBox(self.tr("Document date"))
        self.has_date.setChecked(ev.doc_date is not None)
        d = ev.doc_date or ev.added or date.today()
        self.doc_date = QDateEdit(QDate(d.year, d.month, d.day))
        self.doc_date.setCalendarPopup(True)
        self.doc_date.setDisplayFormat("dd/MM/yyyy")
        self.doc_date.setEnabled(ev.doc_date is not None)
        self.has_date.toggled.connect(self.doc_date.setEnabled)
        self.summary = QLineEdit(ev.summary)
        self.summary.setPlaceholderText(self.tr("e.g. Kế hoạch kiểm tra công tác KSTTHC năm 2026"))
        form.addRow(self.tr("File"), QLineEdit(ev.name, readOnly=True))
        form.addRow(self.tr("Number and symbol"), self.number)
        form.addRow(self.has_date, self.doc_date)
        form.addRow(self.tr("Summary"), self.summary)
        self.occurrence = OccurrenceCombo(task, ev.occurrence)
        if self.occurrence.recurring:
            form.addRow(self.tr("Proves"), self.occurrence)
        form.addRow(ok_cancel(self))

    def evidence(self) -> Evidence:
        q = self.doc_date.date()
        return dataclasses.replace(self._ev, doc_number=self.number.text().strip(),
                                   doc_date=date(q.year(), q.month(), q.day()) if self.has_date.isChecked() else None,
                                   summary=self.summary.text().strip(), occurrence=self.occurrence.currentData())

    @classmethod
    def ask(cls, parent: QWidget | None, ev: Evidence, task: Task | None = None) -> Evidence | None:
        dlg = cls(ev, parent, task)
        return dlg.evidence() if dlg.exec() == QDialog.DialogCode.Accepted else None
