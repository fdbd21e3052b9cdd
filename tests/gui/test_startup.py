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
