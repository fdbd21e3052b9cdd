"""Settings: language, working-day exceptions, report submission rule, evidence size limit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import LANGUAGES
from ..errors import show_error
from ..widgets import ok_cancel


class SettingsDialog(QDialog):
    def __init__(self, service, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.service = service
        self.changes: list = []
        self._pending: dict = {}  # day → (kind, note), or None to remove: written on OK only
        self.setWindowTitle(self.tr("Settings"))
        self.resize(620, 480)
        lay = QVBoxLayout(self)
        tabs = QTabWidget()
        lay.addWidget(tabs)

        general = QWidget()
        form = QFormLayout(general)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(QSettings().value("language", "vi"))))
        form.addRow(self.tr("Language (after restart)"), self.language)
        self.limit = QSpinBox()
        self.limit.setRange(1, 2048)
        self.limit.setSuffix(" MB")
        self.limit.setValue(max(1, service.evidence_limit() // (1024 * 1024)))
        form.addRow(self.tr("Largest evidence file"), self.limit)
        rule = service.submission_rule()
        self.rule_mode = QComboBox()
        self.rule_mode.addItem(self.tr("working days after the cut-off"), "workdays")
        self.rule_mode.addItem(self.tr("fixed day of the month"), "day_of_month")
        self.rule_mode.setCurrentIndex(max(0, self.rule_mode.findData(rule.mode)))
        self.rule_days = QSpinBox()
        self.rule_days.setRange(0, 30)
        self.rule_days.setValue(rule.workdays)
        self.rule_day = QSpinBox()
        self.rule_day.setRange(1, 31)
        self.rule_day.setValue(rule.day)
        row = QHBoxLayout()
        row.addWidget(self.rule_mode)
        row.addWidget(self.rule_days)
        row.addWidget(self.rule_day)
        form.addRow(self.tr("Report due"), row)
        self.rule_mode.currentIndexChanged.connect(self._rule_widgets)
        self._rule_widgets()
        tabs.addTab(general, self.tr("General"))

        days = QWidget()
        dl = QVBoxLayout(days)
        note = QLabel(self.tr("Public holidays (Tết from the lunar calendar) are known. Add the days off and "
                              "make-up working Saturdays decided each year."))
        note.setWordWrap(True)
        dl.addWidget(note)
        self.days = QTableWidget(0, 3)
        self.days.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Note")])
        self.days.horizontalHeader().setStretchLastSection(True)
        dl.addWidget(self.days)
        row = QHBoxLayout()
        self.new_day = QDateEdit(QDate.currentDate())
        self.new_day.setCalendarPopup(True)
        self.new_day.setDisplayFormat("dd/MM/yyyy")
        self.new_kind = QComboBox()
        self.new_kind.addItem(self.tr("Day off"), "off")
        self.new_kind.addItem(self.tr("Make-up working day"), "work")
        self.new_note = QLineEdit()
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_day)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_day)
        for w in (self.new_day, self.new_kind, self.new_note, add, remove):
            row.addWidget(w)
        dl.addLayout(row)
        tabs.addTab(days, self.tr("Working days"))
        self._fill_days()

        lay.addWidget(ok_cancel(self))

    def _rule_widgets(self) -> None:
        workdays = self.rule_mode.currentData() == "workdays"
        self.rule_days.setVisible(workdays)
        self.rule_day.setVisible(not workdays)

    def _fill_days(self) -> None:
        """The stored days with the ones added or removed here (written only on OK)."""
        days = {d: (kind, note) for d, kind, note in self.service.workday_overrides()}
        for d, change in self._pending.items():
            if change is None:
                days.pop(d, None)
            else:
                days[d] = change
        self.days.setRowCount(0)
        for d in sorted(days):
            kind, note = days[d]
            r = self.days.rowCount()
            self.days.insertRow(r)
            self.days.setItem(r, 0, QTableWidgetItem(d.strftime("%d/%m/%Y")))
            self.days.setItem(r, 1, QTableWidgetItem(self.tr("Day off") if kind == "off" else
                                                     self.tr("Make-up working day")))
            self.days.setItem(r, 2, QTableWidgetItem(note))

    def add_day(self) -> None:
        q = self.new_day.date()
        self._pending[date(q.year(), q.month(), q.day())] = (self.new_kind.currentData(), self.new_note.text().strip())
        self._fill_days()

    def remove_day(self) -> None:
        r = self.days.currentRow()
        if r < 0:
            return
        d, m, y = (int(x) for x in self.days.item(r, 0).text().split("/"))
        self._pending[date(y, m, d)] = None
        self._fill_days()

    def accept(self) -> None:
        """Everything is written here, on OK; Cancel leaves the file as it was (added days too)."""
        from ...core.periods import SubmissionRule

        try:
            for day, change in sorted(self._pending.items()):
                kind, note = change if change is not None else (None, "")
                self.changes.append(self.service.set_workday_override(day, kind, note))
            self._pending.clear()
            self.changes.append(self.service.set_evidence_limit(self.limit.value()))
            self.changes.append(self.service.set_submission_rule(SubmissionRule(
                mode=self.rule_mode.currentData(), workdays=self.rule_days.value(), day=self.rule_day.value())))
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            self._fill_days()
            return
        language = self.language.currentData()
        if language != QSettings().value("language", "vi"):
            QSettings().setValue("language", language)
            QMessageBox.information(self, self.tr("Language"), self.tr(
                "The program speaks the chosen language from its next start: close it and open it again."))
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, service) -> list:  # noqa: ANN001
        dlg = cls(service, parent)
        dlg.exec()
        return dlg.changes
