"""Add or edit a task: number, content, units, the deadline as written (with its parsed dates)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.model import CommuneRole, Schedule, ScheduleKind, Section, Task
from .. import fit, formats
from ..widgets import ok_cancel


def _split_units(text: str) -> list[str]:
    return [u.strip() for u in text.replace(";", "\n").split("\n") if u.strip()]


class TaskEditorDialog(QDialog):
    def __init__(self, task: Task, sections: list[Section], year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit task") if task.id else self.tr("New task"))
        self.setMinimumWidth(700)
        self._task = task
        self._year = year
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.section = QComboBox()
        self.section.addItem(self.tr("(no section)"), None)
        for s in sections:
            self.section.addItem(f"{s.number} {s.title}".strip(), s.id)
        self.section.setCurrentIndex(max(0, self.section.findData(task.section_id)))
        self.section.setEnabled(task.parent_id is None)
        self.number = QLineEdit(task.number)
        self.content = QPlainTextEdit(task.content)
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(90)
        self.lead = QPlainTextEdit("\n".join(task.lead_units))
        self.lead.setTabChangesFocus(True)
        self.lead.setFixedHeight(56)
        self.coord = QPlainTextEdit("\n".join(task.coordinating_units))
        self.coord.setTabChangesFocus(True)
        self.coord.setFixedHeight(56)
        self.deadline = QLineEdit(task.deadline_text)
        self.deadline.setPlaceholderText(self.tr("as written, e.g. Trước ngày 15/9/2026, Quý III năm 2026"))
        self.parsed = QLabel()
        self.parsed.setWordWrap(True)
        self.manual = QCheckBox(self.tr("Set the due dates by hand"))
        self.manual.setChecked(task.schedule_manual)
        self.repeat = QComboBox()
        for label, months in ((self.tr("once"), ()), (self.tr("every month"), tuple(range(1, 13))),
                              (self.tr("every quarter"), (3, 6, 9, 12)), (self.tr("every 6 months"), (6, 12)),
                              (self.tr("once a year"), (12,))):
            self.repeat.addItem(label, months)
        self.repeat.activated.connect(self._fill_repeat)
        self.dues = QLineEdit(", ".join(d.strftime("%d/%m/%Y") for _, d in task.schedule.occurrences)
                              if task.schedule else "")
        self.dues.setPlaceholderText(self.tr("due dates, e.g. 31/3/2026, 30/6/2026"))
        self.pick = QDateEdit(QDate(year, 12, 31))
        self.pick.setCalendarPopup(True)
        self.pick.setDisplayFormat("dd/MM/yyyy")
        self.add_due = QPushButton(self.tr("Add this date"))
        self.add_due.clicked.connect(self._add_picked_date)
        for w in (self.repeat, self.dues, self.pick, self.add_due):
            w.setEnabled(task.schedule_manual)
        self.products = QLineEdit(task.products)
        self.officer = QLineEdit(task.officer)
        self.role = QComboBox()
        for role, label in ((CommuneRole.LEAD, self.tr("Leads")), (CommuneRole.COORDINATING, self.tr("Coordinates")),
                            (CommuneRole.NONE, self.tr("Not concerned"))):
            self.role.addItem(label, role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(task.commune_role.value)))
        from ...core.topics import TOPICS, classify

        self.topic = QComboBox()
        self.topic.addItem(self.tr("Automatic: %1").replace("%1", TOPICS[classify(task.content or "")]), "")
        for key, title in TOPICS.items():
            self.topic.addItem(title, key)
        self.topic.setCurrentIndex(max(0, self.topic.findData(task.topic)))
        self.topic.setToolTip(self.tr("Where the report tells this task (Thông tư 01/2020 outline)."))
        self.cause = QLineEdit(task.overdue_cause)
        self.cause.setPlaceholderText(self.tr("why it is late, printed in the report (left empty: dots to fill in)"))
        self.notes = QPlainTextEdit(task.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(56)
        form.addRow(self.tr("Section"), self.section)
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Task content"), self.content)
        form.addRow(self.tr("Lead units (one per line)"), self.lead)
        form.addRow(self.tr("Coordinating units"), self.coord)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow("", self.parsed)
        form.addRow("", self.manual)
        row = QHBoxLayout()
        row.addWidget(self.repeat)
        row.addWidget(self.pick)
        row.addWidget(self.add_due)
        row.addStretch(1)
        form.addRow(self.tr("Pick a date"), row)
        form.addRow(self.tr("Due dates set by hand"), self.dues)
        form.addRow(self.tr("Expected products"), self.products)
        form.addRow(self.tr("Officer in charge"), self.officer)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role)
        role_row.addWidget(QLabel(self.tr("Report topic")))
        role_row.addWidget(self.topic, 1)
        form.addRow(self.tr("Role of this office"), role_row)
        form.addRow(self.tr("Cause of delay"), self.cause)
        form.addRow(self.tr("Notes"), self.notes)
        body = QWidget()
        body.setLayout(form)
        lay.addWidget(fit.scrolling(body, fill=True), 1)  # a small screen scrolls the form, never the buttons
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        lay.addWidget(self.error)
        lay.addWidget(ok_cancel(self))
        self.deadline.textChanged.connect(self._show_parsed)
        self.dues.textChanged.connect(self._show_parsed)
        self.manual.toggled.connect(self._show_parsed)
        for w in (self.repeat, self.dues, self.pick, self.add_due):
            self.manual.toggled.connect(w.setEnabled)
        self._show_parsed()
        self.result_task: Task | None = None

    def _show_parsed(self) -> None:
        """The "→" line says what the task's due dates are: the hand-set ones when they are set,
        else what the program reads in the deadline text (the two never disagree on screen)."""
        from ...core.schedule import parse_schedule

        if self.manual.isChecked():
            dues = self.manual_dues()
            if dues is None:
                self.parsed.setText("⚠ " + self.tr("A due date is not valid: write them like 31/3/2026, 30/6/2026."))
            elif not dues:
                self.parsed.setText("→ " + self.tr("Set by hand: no due date yet."))
            else:
                self.parsed.setText("→ " + self.tr("Set by hand: %1").replace(
                    "%1", ", ".join(formats.date_text(d) for d in dues)))
            return
        text = self.deadline.text().strip()
        if not text:
            self.parsed.setText(self.tr("No deadline: the task counts as 'no deadline'."))
            return
        s = parse_schedule(text, self._year)
        msg = "→ " + formats.schedule_text(s)
        if s.warnings:
            msg += "\n⚠ " + "\n⚠ ".join(s.warnings)
        self.parsed.setText(msg)

    def _fill_repeat(self) -> None:
        import calendar

        months = self.repeat.currentData()
        if months:
            y = self._year
            self.dues.setText(", ".join(f"{calendar.monthrange(y, m)[1]:02d}/{m:02d}/{y}" for m in months))

    def _add_picked_date(self) -> None:
        """The calendar picker adds one due date to the list (kept sorted, no duplicates)."""
        q = self.pick.date()
        picked = date(q.year(), q.month(), q.day())
        dues = self.manual_dues() or []
        dues = sorted(set(dues) | {picked})
        self.dues.setText(", ".join(d.strftime("%d/%m/%Y") for d in dues))

    def manual_dues(self) -> list[date] | None:
        """The typed due dates, or None when one of them is not a date."""
        out = []
        for part in self.dues.text().replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            bits = part.split("/")
            try:
                d, m = int(bits[0]), int(bits[1])
                y = int(bits[2]) if len(bits) > 2 and bits[2] else self._year
                out.append(date(y, m, d))
            except (ValueError, IndexError):
                return None
        return sorted(set(out))

    def task(self) -> Task:
        manual = self.manual.isChecked()
        schedule = self._task.schedule
        if manual:
            dues = self.manual_dues() or []
            kinds = (ScheduleKind.MONTHS.value,) if len(dues) > 1 else (ScheduleKind.DATE.value,)
            starts = [date(dues[0].year, 1, 1)] + [d + timedelta(days=1) for d in dues[:-1]]
            schedule = Schedule(text=self.deadline.text().strip(), kinds=kinds if dues else ("on_demand",),
                                start=starts[0] if dues else None, due=dues[-1] if dues else None,
                                occurrences=tuple(zip(starts, dues, strict=True)) if dues else ())
        return dataclasses.replace(
            self._task, section_id=self.section.currentData(), number=self.number.text().strip(),
            content=self.content.toPlainText().strip(), lead_units=_split_units(self.lead.toPlainText()),
            coordinating_units=_split_units(self.coord.toPlainText()), deadline_text=self.deadline.text().strip(),
            schedule=schedule, schedule_manual=manual, products=self.products.text().strip(),
            officer=self.officer.text().strip(), commune_role=CommuneRole(self.role.currentData()),
            notes=self.notes.toPlainText().strip(), topic=self.topic.currentData() or "",
            overdue_cause=self.cause.text().strip())

    def accept(self) -> None:
        if self.manual.isChecked() and self.manual_dues() is None:
            self.error.setText(self.tr("A due date is not valid: write them like 31/3/2026, 30/6/2026."))
            self.error.show()
            self.dues.setFocus()
            return
        t = self.task()
        if not t.content:
            self.error.setText(self.tr("The task content cannot be empty."))
            self.error.show()
            self.content.setFocus()
            return
        self.result_task = t
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, task: Task, sections: list[Section], year: int) -> Task | None:
        dlg = cls(task, sections, year, parent)
        return dlg.result_task if dlg.exec() == QDialog.DialogCode.Accepted else None
