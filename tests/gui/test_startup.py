"""Start-up (issue 14): work that waits for the first paint still happens, and the shortcuts taken to
reach the first paint sooner draw and measure exactly what the long way does."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication, QComboBox

from kstthc_desktop.ui import fit, windows
from kstthc_desktop.ui.main_window import MainWindow
from kstthc_desktop.ui.views.table_tools import ElidingComboBox
from tests.conftest import TODAY


def test_what_waits_for_the_first_paint_runs_right_after_it(qtbot, demo_service, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(fit, "_fitter", [])  # as in a fresh process
    window = windows.show_main_window(demo_service, keep=False)  # today=None: the day timer runs
    qtbot.addWidget(window)
    assert not window._day_timer.isActive() and not fit._fitter  # shown, not painted yet: nothing started
    qtbot.waitUntil(lambda: window._day_timer.isActive(), timeout=3000)
    assert fit._fitter, "the dialog fitter is installed after the first paint"
    ran = []
    window.after_first_paint(lambda: ran.append(1))  # asked later: runs at once
    assert ran == [1]


def test_sections_below_the_first_screen_open_once_the_table_is_painted(qtbot, demo_service) -> None:  # noqa: ANN001
    """Sections below the first screen open right after the first paint (the tree's own paintEvent)."""
    window = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(window)
    window.table.FIRST_SCREEN_ROWS = 1  # the demo is small: make it open its first section only
    window.table.set_tree(window.plan(), [])
    window.reload()
    proxy, tree = window.table.proxy, window.table.tree
    sections = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    assert len(sections) > 2 and not all(tree.isExpanded(i) for i in sections)
    window.show()
    qtbot.waitUntil(lambda: all(tree.isExpanded(i) for i in sections), timeout=3000)


def test_the_detail_panel_measures_its_text_at_the_viewports_width(qtbot, demo_service) -> None:  # noqa: ANN001
    """The width is worked out without handing Qt's private viewport to Python: it must be the same."""
    window = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(window)
    views = demo_service.task_views(window.plan().id, TODAY)
    long = dataclasses.replace(views[3], task=dataclasses.replace(
        views[3].task, content=" ".join(["Rà soát, đánh giá thủ tục hành chính"] * 60), notes="ghi chú " * 150))
    bars = set()
    for size in ((1366, 698), (1024, 520), (900, 450), (700, 420)):
        window.resize(*size)
        window.show()
        for view in (*views[:6], long, None):
            window.detail.show_task(view)
            QApplication.processEvents()
            about = window.detail._about
            assert window.detail._viewport_width() == about.viewport().width(), (size, view and view.task.number)
            bars.add(about.verticalScrollBar().isVisible())
    assert bars == {True, False}  # measured with and without the scroll bar


def test_a_choice_that_fits_is_painted_as_the_eliding_painter_would(qtbot, monkeypatch) -> None:  # noqa: ANN001
    def image(box: QComboBox):  # noqa: ANN202
        box.resize(260, 26)
        return box.grab().toImage()

    short = ElidingComboBox("Mục")
    long = ElidingComboBox("Mục")
    plain = QComboBox()
    for box in (short, long, plain):
        qtbot.addWidget(box)
    short.addItem("Tất cả mục")
    text = "Phụ lục. Rà soát, đánh giá quy định, thủ tục hành chính liên quan đến hoạt động kinh doanh"
    long.addItem(text)
    plain.addItem(text)
    fast = image(short)
    assert image(long) != image(plain)  # too long: elided ("…"), not cut off as a plain box would
    monkeypatch.setattr(ElidingComboBox, "SURE_FIT_MARGIN", 10**6)  # every paint takes the eliding branch
    assert image(short) == fast


def test_the_program_leaves_a_callers_collector_alone_and_its_own_to_the_os(tmp_path) -> None:  # noqa: ANN001
    """As ``kstthc`` does: called from Python, main() gives the garbage collector back as it found
    it; run as the program, it freezes what is alive at the end (no shutdown pass over it all)."""
    import subprocess
    import sys

    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "demo.kstthc", today=TODAY)
    code = (
        "import atexit, gc, sys\n"
        "from kstthc_desktop import app\n"
        "gc.disable()\n"
        f"app.main(['--office', {str(path)!r}, '--smoke-test'])\n"
        "print('caller', gc.isenabled(), gc.get_freeze_count())\n"
        "gc.enable()\n"
        f"sys.argv = ['kstthc-desktop', '--office', {str(path)!r}, '--smoke-test']\n"
        "atexit.register(lambda: print('program', gc.isenabled(), gc.get_freeze_count() > 0, flush=True))\n"
        "raise SystemExit(app.main())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "caller False 0" in out
    assert "program True True" in out


def _shown_rows(window: MainWindow, n: int = 10**6) -> list[tuple]:
    """The table's first ``n`` rows top to bottom as the officer reads them: every column's text, and
    whether a row opens (its arrow)."""
    from PySide6.QtCore import QModelIndex

    proxy, tree = window.table.proxy, window.table.tree
    rows: list[tuple] = []
    idx = proxy.index(0, 0, QModelIndex())
    while idx.isValid() and len(rows) < n:
        cells = tuple(proxy.index(idx.row(), c, idx.parent()).data() for c in range(proxy.columnCount()))
        rows.append((cells, proxy.hasChildren(idx), tree.isExpanded(idx)))
        idx = tree.indexBelow(idx)
    return rows


def test_a_large_plan_is_painted_from_its_first_screen_and_read_whole_right_after(qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """A plan of more than four screens: the window reads the rows its first paint shows, the count
    says the whole plan, and right after the paint the rest arrives without a row of the first
    screen changing. Once settled the table is the one a window reading the whole plan shows."""
    from kstthc_desktop.ui.views.table_view import TableView
    from tests.large_plan import large_plan

    svc = large_plan(tmp_path / "lon.kstthc")
    try:
        total = len(svc.tasks(svc.current_plan().id))
        window = MainWindow(svc, today=TODAY)
        qtbot.addWidget(window)
        table = window.table
        assert table.model.task_count() < 80 < total  # the first screen, not the plan
        first = _shown_rows(window, TableView.FIRST_SCREEN_ROWS)
        assert len(first) == TableView.FIRST_SCREEN_ROWS
        count = table.count_label.text()
        assert count.count(str(total)) == 2, count  # "307 of 307 tasks", not the rows read so far
        window.resize(1366, 698)
        window.show()
        qtbot.waitUntil(lambda: table.model.task_count() == total, timeout=5000)
        assert table.partial_count is None
        assert _shown_rows(window, TableView.FIRST_SCREEN_ROWS) == first
        assert table.count_label.text() == count
        settled = _shown_rows(window)

        monkeypatch.setattr(TableView, "FIRST_SCREEN_ROWS", 1000)  # a plan of under four screens: read whole
        whole = MainWindow(svc, today=TODAY)
        qtbot.addWidget(whole)
        assert whole.table.model.task_count() == total
        whole.resize(1366, 698)
        whole.show()
        qtbot.waitUntil(lambda: _shown_rows(whole) == settled, timeout=5000)
        assert whole.table.count_label.text() == count
    finally:
        svc.close()


def test_a_large_plan_sorted_by_another_column_is_read_whole_before_its_first_paint(qtbot, tmp_path) -> None:  # noqa: ANN001
    """Sorted by due date (remembered from the last session), the first rows may come from anywhere
    in the plan: the window reads it all before painting."""
    from PySide6.QtCore import QSettings, Qt

    from kstthc_desktop.ui.models.task_tree import Col
    from tests.large_plan import large_plan

    svc = large_plan(tmp_path / "lon.kstthc")
    try:
        total = len(svc.tasks(svc.current_plan().id))
        window = MainWindow(svc, today=TODAY)
        qtbot.addWidget(window)
        window.table.tree.header().setSortIndicator(Col.DUE, Qt.SortOrder.DescendingOrder)
        window.table.save_layout(QSettings())
        again = MainWindow(svc, today=TODAY)
        qtbot.addWidget(again)
        assert again.table.model.task_count() == total and again.table.partial_count is None
        assert not again.table.in_plan_order()
        dues = [r[0][Col.DUE] for r in _shown_rows(again) if r[0][Col.DUE]]
        from datetime import datetime

        days = [datetime.strptime(d, "%d/%m/%Y") for d in dues]
        assert days[0] == max(days)  # the latest due date of the whole plan is on the first screen
    finally:
        svc.close()


def test_the_smoke_test_counts_a_large_plan_whole(tmp_path) -> None:  # noqa: ANN001
    """``--smoke-test`` waits for what follows the first paint: a large plan's rest is read too."""
    import os
    import subprocess
    import sys

    from tests.large_plan import large_plan

    svc = large_plan(tmp_path / "lon.kstthc")
    total = len(svc.tasks(svc.current_plan().id))
    svc.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "kstthc_desktop", "--office", str(tmp_path / "lon.kstthc"),
                           "--smoke-test"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert f"smoke-test ok: {total} tasks painted" in proc.stdout
