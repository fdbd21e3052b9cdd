"""Dates, times, periods and deadline summaries in the UI language (English UI: English, via babel)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kstthc_desktop.core.model import Task
from kstthc_desktop.core.periods import parse_period
from kstthc_desktop.core.schedule import parse_schedule
from kstthc_desktop.i18n import install_translators, reset_translators
from kstthc_desktop.ui import formats


@pytest.fixture
def english(qapp):
    install_translators(qapp, "en")
    yield
    reset_translators(qapp)


@pytest.fixture
def vietnamese(qapp):
    install_translators(qapp, "vi")
    yield
    reset_translators(qapp)


def test_english_ui_speaks_english(english) -> None:
    assert formats.period_label(parse_period("2026-Q3")) == "Quarter III 2026"
    assert formats.period_label(parse_period("2026-H1")) == "First half of 2026"
    assert formats.date_text(date(2026, 11, 25)) == "25 Nov 2026"
    assert formats.datetime_text("2026-11-25T14:05:09") == "25 Nov 2026 14:05"
    assert formats.schedule_text(parse_schedule("Quý III năm 2026", 2026)) == "Quarter III/2026, due 30 Sep 2026"
    assert formats.window_text(parse_period("2026-Q1")) == "Figures from 15 Dec 2025 to 14 Mar 2026"
    assert formats.schedule_text(parse_schedule("Khi có yêu cầu", 2026)) == "When it arises"


def test_vietnamese_ui_writes_dd_mm_yyyy_and_hh_mm(vietnamese) -> None:
    assert formats.period_label(parse_period("2026-Q3")) == "quý III năm 2026"
    assert formats.date_text(date(2026, 3, 5)) == "05/03/2026"
    assert formats.datetime_text("2026-11-25T14:05:09") == "25/11/2026 14:05"
    assert formats.schedule_text(parse_schedule("Quý III năm 2026", 2026)).startswith("Quý III/2026")


def test_report_dialog_in_english_names_periods_in_english(qtbot, english, demo_service) -> None:
    from kstthc_desktop.ui.dialogs.report_dialog import ReportDialog

    dlg = ReportDialog(demo_service, date(2026, 11, 25))
    qtbot.addWidget(dlg)
    labels = [dlg.period.itemText(i) for i in range(dlg.period.count())]
    assert "Quarter IV 2026" in labels and not any("quý" in x for x in labels)
    assert dlg.window_label.text().startswith("Figures from ")
    dlg.reject()


def test_issued_time_reads_dd_mm_yyyy_hh_mm(qtbot, vietnamese, demo_service) -> None:
    from kstthc_desktop.ui.dialogs.report_dialog import ReportDialog

    demo_service.issue_report("2026-Q3", "12", date(2026, 10, 2))
    dlg = ReportDialog(demo_service, date(2026, 11, 25))
    qtbot.addWidget(dlg)
    dlg.period.setCurrentIndex(dlg.period.findData("2026-Q3"))
    text = dlg.issued_label.text()
    assert re.search(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}\b", text) and not re.search(r"\dT\d", text), text
    dlg.reject()


def test_task_editor_line_agrees_with_hand_set_dates(qtbot, vietnamese) -> None:
    from kstthc_desktop.ui.dialogs.task_editor import TaskEditorDialog

    dlg = TaskEditorDialog(Task(plan_id=1, content="Báo cáo", deadline_text="Quý III năm 2026"), [], 2026)
    qtbot.addWidget(dlg)
    assert dlg.parsed.text().startswith("→ Quý III/2026")
    dlg.manual.setChecked(True)
    dlg.dues.setText("31/3/2026, 30/6/2026")
    assert dlg.parsed.text() == "→ Tự đặt: 31/03/2026, 30/06/2026"
    dlg.accept()
    assert dlg.result_task.schedule.due == date(2026, 6, 30)  # what the line said
    form_labels = [w.text() for w in dlg.findChildren(type(dlg.parsed)) if w.text()]
    assert "Ngày đến hạn tự đặt" in form_labels
