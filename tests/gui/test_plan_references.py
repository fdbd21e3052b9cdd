"""Editing what the report cites and how it tells a task, through the real dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kstthc_desktop.ui.dialogs.plan_info import PlanInfoDialog
from kstthc_desktop.ui.dialogs.task_editor import TaskEditorDialog


def _button(dlg, which) -> object:  # noqa: ANN001
    return dlg.findChild(QDialogButtonBox).button(which)


def test_plan_references_typed_and_saved_through_ok(qtbot, demo_service) -> None:
    dlg = PlanInfoDialog(demo_service)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.source_number, "12/KH-UBND")
    qtbot.keyClicks(dlg.source_date, "05/01/2026")
    dlg.source_issuer.insert("UBND thành phố Hải Phòng")  # QTest cannot type non-ASCII keys
    qtbot.keyClicks(dlg.number, "05/KH-UBND")
    qtbot.mouseClick(_button(dlg, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dlg.saved
    plan = demo_service.current_plan()
    assert (plan.source_number, plan.source_date.isoformat(), plan.number) == ("12/KH-UBND", "2026-01-05", "05/KH-UBND")
    text = demo_service.report_content("2026-Q3").sections["intro"]
    assert text.startswith("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND thành phố Hải Phòng")


def test_bad_date_is_said_in_the_dialog_and_nothing_saved(qtbot, demo_service) -> None:
    dlg = PlanInfoDialog(demo_service)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.source_date, "32/13/2026")
    qtbot.mouseClick(_button(dlg, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dlg.saved and dlg.error.isVisibleTo(dlg)
    assert "Ngày không hợp lệ" in dlg.error.text()
    assert demo_service.current_plan().source_date is None
    qtbot.mouseClick(_button(dlg, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dlg.saved


def test_task_editor_topic_and_cause_are_kept(qtbot, demo_service) -> None:
    plan = demo_service.current_plan()
    task = next(t for t in demo_service.tasks(plan.id) if t.number == "2.2")
    dlg = TaskEditorDialog(task, demo_service.sections(plan.id), plan.year)
    qtbot.addWidget(dlg)
    assert dlg.topic.currentData() == "" and "Rà soát" in dlg.topic.itemText(0)  # automatic, says where
    dlg.topic.setCurrentIndex(dlg.topic.findData("inspection"))
    dlg.cause.insert("Chờ hướng dẫn của cấp trên")  # QTest cannot type non-ASCII keys
    qtbot.mouseClick(_button(dlg, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    edited = dlg.result_task
    assert edited.topic == "inspection" and edited.overdue_cause == "Chờ hướng dẫn của cấp trên"
    demo_service.update_task(edited)
    stored = demo_service.task(task.id)
    assert (stored.topic, stored.overdue_cause) == ("inspection", "Chờ hướng dẫn của cấp trên")
