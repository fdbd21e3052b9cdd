"""Settings: working-day exceptions change the calendar; limits are stored; language remembered."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kstthc_desktop.ui.dialogs.settings import SettingsDialog


def test_make_up_saturday_and_day_off_change_working_days(qtbot, demo_service) -> None:
    dlg = SettingsDialog(demo_service)
    qtbot.addWidget(dlg)
    saturday = date(2026, 1, 3)
    assert not demo_service.work_calendar().is_workday(saturday)
    dlg.new_day.setDate(QDate(2026, 1, 3))
    dlg.new_kind.setCurrentIndex(dlg.new_kind.findData("work"))
    dlg.new_note.setText("Làm bù cho ngày 02/01")
    dlg.add_day()
    dlg.new_day.setDate(QDate(2026, 1, 2))
    dlg.new_kind.setCurrentIndex(dlg.new_kind.findData("off"))
    dlg.add_day()
    assert dlg.days.rowCount() == 2
    assert not demo_service.work_calendar().is_workday(saturday)  # nothing written before OK
    dlg.accept()
    cal = demo_service.work_calendar()
    assert cal.is_workday(saturday)
    assert not cal.is_workday(date(2026, 1, 2))
    dlg = SettingsDialog(demo_service)
    qtbot.addWidget(dlg)
    dlg.days.setCurrentCell(0, 0)  # 02/01 sorts first
    dlg.remove_day()
    dlg.accept()
    assert demo_service.work_calendar().is_workday(date(2026, 1, 2))


def test_cancel_undoes_add(qtbot, demo_service) -> None:
    dlg = SettingsDialog(demo_service)
    qtbot.addWidget(dlg)
    dlg.new_day.setDate(QDate(2026, 1, 3))
    dlg.new_kind.setCurrentIndex(dlg.new_kind.findData("work"))
    dlg.add_day()
    assert dlg.days.rowCount() == 1
    dlg.reject()
    assert demo_service.workday_overrides() == []
    assert not demo_service.work_calendar().is_workday(date(2026, 1, 3))


def test_accept_stores_limit_rule_and_language(qtbot, demo_service) -> None:
    dlg = SettingsDialog(demo_service)
    qtbot.addWidget(dlg)
    dlg.limit.setValue(50)
    dlg.rule_mode.setCurrentIndex(dlg.rule_mode.findData("day_of_month"))
    dlg.rule_day.setValue(16)
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    said = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        said.append(box.text())
        box.buttons()[0].click()

    QTimer.singleShot(0, read_and_close)
    dlg.accept()
    assert said and "next start" in said[0]  # a new language needs a restart, and the officer is told so
    assert demo_service.evidence_limit() == 50 * 1024 * 1024
    rule = demo_service.submission_rule()
    assert rule.mode == "day_of_month" and rule.day == 16
    assert QSettings().value("language") == "en"
    dlg = SettingsDialog(demo_service)  # unchanged language: nothing to say
    qtbot.addWidget(dlg)
    dlg.accept()
    assert len(said) == 1
