"""Timeline, calendar and dashboard driven as a user would, on the demo office at 25/11/2026."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from kstthc_desktop.core.model import ProgressEntry, Status
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from kstthc_desktop.ui.main_window import MainWindow
from kstthc_desktop.ui.views.calendar import CalendarView
from kstthc_desktop.ui.views.dashboard import DashboardView
from kstthc_desktop.ui.views.timeline import TimelineView

TODAY = date(2026, 11, 25)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # noqa: ANN001
    path = create_demo(tmp_path / "demo.kstthc", today=TODAY)
    service = OfficeService.open(path)
    win = MainWindow(service, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    yield win
    win.close()
    service.close()


def _add_views(win: MainWindow) -> tuple[TimelineView, CalendarView, DashboardView]:
    tl = TimelineView(win.service, win.hub, win.today)
    cal = CalendarView(win.service, win.hub, win.today)
    dash = DashboardView(win.service, win.hub, win.today)
    win.add_view(tl, "Timeline")
    win.add_view(cal, "Calendar")
    win.add_view(dash, "Dashboard")
    return tl, cal, dash


def _open_dashboard(qtbot, win: MainWindow, dash: DashboardView) -> None:  # noqa: ANN001
    """Show the window, click the dashboard's tab and wait until it has filled itself in."""
    win.show()
    qtbot.waitExposed(win)
    bar = win.tabs.tabBar()
    index = win.tabs.indexOf(dash)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert win.tabs.currentWidget() is dash
    qtbot.waitUntil(lambda: dash.summary is not None, timeout=5000)


def _task_id(win: MainWindow, number: str, content_start: str) -> int:
    plan = win.service.current_plan()
    return next(t.id for t in win.service.tasks(plan.id)
                if t.number == number and t.content.startswith(content_start))


def test_click_in_timeline_selects_the_task_in_the_tree(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    tl, _, _ = _add_views(window)
    window.show()
    window.tabs.setCurrentWidget(tl)
    qtbot.waitExposed(window)
    tid = _task_id(window, "2.2", "Tổ chức rà soát")
    rect = tl.row_rect(tid)
    assert rect.isValid()
    qtbot.mouseClick(tl.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(60, rect.center().y()))
    assert window.selected_task_id() == tid
    assert tl.selected_task_id() == tid

    # keyboard: Down moves the selection to the next task row, everywhere
    tl.canvas.setFocus()
    qtbot.keyClick(tl.canvas, Qt.Key.Key_Down)
    after = tl.selected_task_id()
    assert after is not None and after != tid
    assert window.selected_task_id() == after


def test_selecting_in_the_tree_highlights_the_timeline_row(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    tl, _, _ = _add_views(window)
    window.show()
    first = _task_id(window, "2.5", "Báo cáo định kỳ")
    second = _task_id(window, "3.2", "Đồng bộ")
    window.select_task(first)
    assert tl.selected_task_id() == first
    window.select_task(second)
    assert tl.selected_task_id() == second


def test_zoom_changes_pixels_per_day(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    tl, _, _ = _add_views(window)
    window.show()
    window.tabs.setCurrentWidget(tl)
    qtbot.waitExposed(window)
    year = tl.pixels_per_day()
    tl.set_zoom("quarter")
    quarter = tl.pixels_per_day()
    tl.set_zoom("month")
    month = tl.pixels_per_day()
    assert year < quarter < month
    assert tl.zoom_box.currentData() == "month"
    tl.canvas.setFocus()
    qtbot.keyClick(tl.canvas, Qt.Key.Key_Minus)
    assert tl.zoom() == "quarter"
    assert tl.pixels_per_day() == pytest.approx(quarter)
    tl.grab()  # paints every zoom without error


def test_timeline_draws_each_deadline_kind_its_own_way(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    tl, _, _ = _add_views(window)
    window.show()
    window.tabs.setCurrentWidget(tl)
    shapes = {r.task_id: r for r in tl.canvas.rows if r.task_id is not None}
    assert shapes[_task_id(window, "1", "Xây dựng")].shape == "ongoing"
    assert shapes[_task_id(window, "2.2", "Tổ chức rà soát")].shape == "milestone"
    assert shapes[_task_id(window, "2.8", "Kiểm tra")].shape == "bar"
    monthly = shapes[_task_id(window, "3.2", "Đồng bộ")]
    assert monthly.shape == "recurring" and len(monthly.occ) == 12
    assert {st for _, _, st in monthly.occ} == {Status.OVERDUE, Status.IN_TIME}
    on_demand = shapes[_task_id(window, "2.7", "Xử lý phản ánh")]
    assert on_demand.shape == "tag" and on_demand.tag
    sections = [r for r in tl.canvas.rows if r.kind == "section"]
    assert len(sections) == 3
    tip = tl.canvas.tooltip_at(100, tl.row_rect(monthly.task_id).center().y())
    assert "Hằng tháng" in tip and "12 lần" in tip
    assert "<b>II.3.2</b> Đồng bộ" in tip  # the tooltip names the task with its section


def test_data_changed_refreshes_the_dashboard(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    _, _, dash = _add_views(window)
    _open_dashboard(qtbot, window, dash)
    before = dict(dash.summary.year_counts)
    tid = _task_id(window, "2.2", "Tổ chức rà soát")
    assert tid in dash.list_task_ids("overdue")
    _, changes = window.service.add_progress(ProgressEntry(task_id=tid, on=TODAY, percent=100, done=True,
                                                           note="Đã hoàn thành"))
    window.hub.data_changed.emit(changes)
    after = dash.summary.year_counts
    assert after[Status.OVERDUE] == before[Status.OVERDUE] - 1
    assert after[Status.DONE_LATE] == before[Status.DONE_LATE] + 1
    assert dash.cards["year"][Status.DONE_LATE].number.text() == str(after[Status.DONE_LATE])
    assert tid not in dash.list_task_ids("overdue")


def test_dashboard_waits_for_the_first_paint(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Start-up: the deadlines (holiday calendar) are computed after the window shows, not before."""
    window.show()
    qtbot.waitExposed(window)
    assert window.dashboard.summary is None  # a hidden tab has computed nothing
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.dashboard)).center())
    assert window.dashboard.summary is None  # the tab paints first…
    qtbot.waitUntil(lambda: window.dashboard.summary is not None, timeout=5000)  # …then fills in
    assert "quý IV năm 2026" in window.dashboard.report_line.text()


def test_dashboard_lists_overdue_tasks_and_next_report(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    _, _, dash = _add_views(window)
    _open_dashboard(qtbot, window, dash)
    overdue = dash.list_texts("overdue")
    assert any("2.2 Tổ chức rà soát" in t for t in overdue)
    assert any("2.6 Kiện toàn" in t for t in overdue)
    assert dash.list_task_ids("due_week")  # the monthly occurrence due 30/11
    assert "quý IV năm 2026" in dash.report_line.text()
    assert "14/12/2026" in dash.report_line.text() and "16/12/2026" in dash.report_line.text()
    # a click on a list line selects its task everywhere
    lst = dash.lists["overdue"]
    item = lst.item(0)
    lst.setCurrentItem(item)
    lst.itemClicked.emit(item)
    assert window.selected_task_id() == item.data(Qt.ItemDataRole.UserRole + 1)


def test_calendar_shows_holiday_and_report_cutoff(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    _, cal, _ = _add_views(window)
    window.show()
    window.tabs.setCurrentWidget(cal)
    qtbot.waitExposed(window)
    cal.set_month(2026, 9)
    holiday = date(2026, 9, 2)
    assert any(m.kind == "holiday" and m.name == "Quốc khánh" for m in cal.marks_on(holiday))
    center = cal.grid.cell_rect(holiday).center().toPoint()
    qtbot.mouseClick(cal.grid, Qt.MouseButton.LeftButton, pos=center)
    assert cal.selected == holiday
    assert any("Quốc khánh" in t for t in cal.agenda_texts())

    cal.step_month(3)
    assert (cal.year, cal.month) == (2026, 12)
    cal.show_day(date(2026, 12, 14))
    assert any("quý IV năm 2026" in t for t in cal.agenda_texts())
    assert any(m.kind == "cutoff" for m in cal.marks_on(date(2026, 12, 14)))
    assert any(m.kind == "submission" for m in cal.marks_on(date(2026, 12, 16)))

    # due occurrences are on their day, with their own status; double-click selects the task
    cal.go_today()
    due = cal.items_on(date(2026, 11, 30))
    assert due and all(it.status == Status.IN_TIME for it in due)
    cal.show_day(date(2026, 11, 30))
    item = next(cal.agenda.item(i) for i in range(cal.agenda.count())
                if cal.agenda.item(i).data(Qt.ItemDataRole.UserRole + 1) is not None)
    cal.agenda.itemDoubleClicked.emit(item)
    assert window.selected_task_id() == item.data(Qt.ItemDataRole.UserRole + 1)

    cal.set_mode(1)
    upcoming = cal.agenda_texts(upcoming=True)
    assert any("quý IV năm 2026" in t for t in upcoming)


def test_calendar_export_pdf_writes_one_page(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    _, cal, _ = _add_views(window)
    cal.set_month(2026, 11)
    assert "tháng 11 năm 2026" in cal.pdf_title()
    assert "XÃ LÊ LỢI" in cal.pdf_title()
    out = cal.export_pdf(tmp_path / "lich.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 2000
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1


def test_views_show_empty_states_without_a_plan(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    service = OfficeService.open(tmp_path / "empty.kstthc", create=True)
    win = MainWindow(service, today=TODAY)
    qtbot.addWidget(win)
    try:
        tl, cal, dash = _add_views(win)
        assert tl.task_ids() == []
        assert tl.canvas.empty_text
        tl.grab()
        cal.refresh()  # the window shows its start page here, not the tabs
        assert not cal.empty.isHidden()
        dash.refresh()
        assert not dash.empty.isHidden()
        assert dash.summary.year_counts[Status.OVERDUE] == 0
    finally:
        win.close()
        service.close()
