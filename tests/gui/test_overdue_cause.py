"""The cause of an overdue task, offered where the officer sees it turn overdue: "Ghi nguyên nhân…"
on each line of the dashboard's overdue list that has none, and in the task's detail panel; saved
through the service (undoable), printed in the report, and the offer gone once it is written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kstthc_desktop.core.model import Status
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from kstthc_desktop.ui.dialogs.overdue_cause import OverdueCauseDialog
from kstthc_desktop.ui.main_window import MainWindow
from tests.gui.walks.harness import accept_button, click, reject_button, type_into

TODAY = date(2026, 11, 25)
CAUSE = "Chờ Sở Nội vụ hướng dẫn tiêu chí đánh giá"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # noqa: ANN001
    service = OfficeService.open(create_demo(tmp_path / "demo.kstthc", today=TODAY))
    win = MainWindow(service, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.close()
    service.close()


def _answer(fill: Callable[[OverdueCauseDialog], None]) -> list[OverdueCauseDialog]:
    """Answer the next cause dialog from the event loop (it is modal): ``fill`` types and closes it."""
    seen: list[OverdueCauseDialog] = []

    def tick() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, OverdueCauseDialog) or not dlg.isVisible():
            QTimer.singleShot(20, tick)
            return
        seen.append(dlg)
        try:
            fill(dlg)
        finally:
            if dlg.isVisible():  # a failed check must not leave the test hanging on the dialog
                dlg.reject()

    QTimer.singleShot(0, tick)
    return seen


def _open_dashboard(qtbot, win: MainWindow):  # noqa: ANN001, ANN202
    bar = win.tabs.tabBar()
    index = next(i for i in range(win.tabs.count()) if win.tabs.widget(i).objectName() == "dashboard")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    dash = win.tabs.currentWidget()
    qtbot.waitUntil(lambda: dash.summary is not None, timeout=5000)
    return dash


def _task(win: MainWindow, number: str) -> int:
    return next(t.id for t in win.service.tasks(win.plan().id) if t.number == number)


def test_dashboard_offers_the_cause_on_each_overdue_line_until_it_is_written(qtbot, window) -> None:  # noqa: ANN001
    dash = _open_dashboard(qtbot, window)
    overdue = dash.list_task_ids("overdue")
    buttons = dash.cause_buttons()
    assert len(overdue) >= 5 and len(buttons) == len(overdue)  # the demo has no cause written yet
    assert all(b.text() == "Write the cause…" for b in buttons)
    lst = dash.lists["overdue"]
    first = buttons[0]
    right = first.mapTo(lst.viewport(), first.rect().topRight()).x()
    assert 0 < right < lst.viewport().width()  # at the line's end, in view: not pushed off by long text
    assert first.visibleRegion().boundingRect().size() == first.size()
    tid = _task(window, "2.2")
    row = dash.list_task_ids("overdue").index(tid)
    lst.scrollToItem(lst.item(row))
    button = next(b for b in dash.cause_buttons() if b.property("task_id") == tid)
    qtbot.waitUntil(button.isVisible)

    # Cancel: nothing written, the offer stays
    seen = _answer(lambda dlg: click(reject_button(dlg)))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert window.service.task(tid).overdue_cause == ""
    assert len(dash.cause_buttons()) == len(overdue)
    assert window.tabs.currentWidget() is dash  # the button opens the dialog, not the task

    # OK: the cause is kept on the task and the line no longer offers it
    def write(dlg: OverdueCauseDialog) -> None:
        assert any("2.2" in label.text() for label in dlg.findChildren(QLabel))  # which task it asks about
        assert not accept_button(dlg).isEnabled()  # nothing typed yet: nothing to save
        type_into(dlg.cause, CAUSE)
        click(accept_button(dlg))

    seen = _answer(write)
    button = next(b for b in dash.cause_buttons() if b.property("task_id") == tid)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.service.task(tid).overdue_cause == CAUSE, timeout=5000)
    assert tid in dash.list_task_ids("overdue")  # still overdue…
    assert all(b.property("task_id") != tid for b in dash.cause_buttons())  # …but no longer asking
    assert len(dash.cause_buttons()) == len(overdue) - 1
    line = lst.item(dash.list_task_ids("overdue").index(tid))
    assert CAUSE in line.toolTip()
    content = window.service.report_content("2026-Q4", as_of=TODAY)
    assert CAUSE in " ".join(content.sections.values())  # printed in the report

    # Undo takes it back, and the offer with it
    assert "2.2" in window.act_undo.text()
    window.act_undo.trigger()
    assert window.service.task(tid).overdue_cause == ""
    assert any(b.property("task_id") == tid for b in dash.cause_buttons())


def test_a_click_on_the_line_beside_the_button_still_opens_the_task(qtbot, window) -> None:  # noqa: ANN001
    dash = _open_dashboard(qtbot, window)
    lst = dash.lists["overdue"]
    rect = lst.visualItemRect(lst.item(0))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 60, rect.center().y()))
    assert window.tabs.currentWidget() is window.table
    assert window.selected_task_id() == dash.list_task_ids("overdue")[0]


def test_detail_panel_shows_the_cause_of_an_overdue_task_and_writes_it(qtbot, window) -> None:  # noqa: ANN001
    detail = window.detail
    views = window.service.task_views(window.plan().id, TODAY)
    fine = next(v for v in views if v.status == Status.IN_TIME)
    window.select_task(fine.task.id)
    assert not detail.cause_row.isVisible()  # only an overdue task asks why it is late
    late = next(v for v in views if v.status == Status.OVERDUE and v.task.number == "2.6")
    window.select_task(late.task.id)
    assert detail.cause_row.isVisible()
    assert detail.cause_btn.text() == "Write the cause…"
    assert "no cause" in detail.cause_hint.text()

    def write(dlg: OverdueCauseDialog) -> None:
        type_into(dlg.cause, CAUSE)
        qtbot.keyClick(dlg.cause, Qt.Key.Key_Return)  # Enter saves

    seen = _answer(write)
    qtbot.mouseClick(detail.cause_btn, Qt.MouseButton.LeftButton)
    assert seen and window.service.task(late.task.id).overdue_cause == CAUSE
    assert CAUSE in detail.facts.text()
    assert detail.cause_btn.text() == "Edit the cause…" and not detail.cause_hint.text()
    dash = _open_dashboard(qtbot, window)
    assert all(b.property("task_id") != late.task.id for b in dash.cause_buttons())

    # Edited, then emptied: the cause goes, the offer comes back
    window.tabs.setCurrentWidget(window.table)
    window.select_task(late.task.id)
    def empty(dlg: OverdueCauseDialog) -> None:
        assert dlg.cause.toPlainText() == CAUSE
        dlg.cause.selectAll()
        qtbot.keyClick(dlg.cause, Qt.Key.Key_Delete)
        click(accept_button(dlg))

    seen = _answer(empty)
    qtbot.mouseClick(detail.cause_btn, Qt.MouseButton.LeftButton)
    assert seen and window.service.task(late.task.id).overdue_cause == ""
    assert detail.cause_btn.text() == "Write the cause…"


def test_a_cause_typed_in_the_report_dialog_ends_the_dashboards_offer(qtbot, window) -> None:  # noqa: ANN001
    from kstthc_desktop.ui.dialogs.report_dialog import ReportDialog

    dash = _open_dashboard(qtbot, window)
    before = len(dash.cause_buttons())
    typed: list[int] = []

    def in_report() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, ReportDialog):
            QTimer.singleShot(20, in_report)
            return
        try:
            dlg.causes.item(0, 2).setText(CAUSE)  # the "Overdue causes" tab, first line
            typed.append(dlg.causes.item(0, 0).data(Qt.ItemDataRole.UserRole))
        finally:
            click(next(b for b in dlg.findChildren(QPushButton) if b.text() == "Close"))

    QTimer.singleShot(0, in_report)
    window.open_report()
    assert typed and window.service.task(typed[0]).overdue_cause == CAUSE
    assert len(dash.cause_buttons()) == before - 1
    assert all(b.property("task_id") != typed[0] for b in dash.cause_buttons())
