"""The search box driven like an officer: Ctrl+F, type, read the grouped results, Enter, Esc, click."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication

from kstthc_desktop.ui.main_window import MainWindow
from tests import evidence_files as make
from tests.conftest import TODAY


@pytest.fixture
def window(qtbot, demo_service):
    w = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w)
    w.resize(1366, 698)
    w.show()
    w.activateWindow()
    w.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)  # Ctrl+F goes to the active window
    return w


def _groups(w: MainWindow) -> dict[str, list[str]]:
    tree = w.finder.popup.results
    out = {}
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        out[group.text(0)] = [group.child(i).data(0, Qt.ItemDataRole.UserRole + 2) for i in range(group.childCount())]
    return out


def _keys(widget, text: str) -> None:  # noqa: ANN001
    """Type like a Vietnamese keyboard (Unikey) does: one key event per composed character."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _type(w: MainWindow, qtbot, text: str) -> None:  # noqa: ANN001
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F, as the menu says
    assert w.finder.hasFocus()
    _keys(w.finder, text)
    qtbot.waitUntil(lambda: w.finder.popup.isVisible() and w.finder.results is not None
                    and w.finder.results.text == text, timeout=3000)


def test_type_see_grouped_results_and_enter_opens_the_task_with_the_entry(window: MainWindow, qtbot) -> None:
    _type(window, qtbot, "rà soát hộ ti")  # the last word still being typed
    groups = _groups(window)
    assert list(groups) == ["Progress (1)"]
    assert "<b" in groups["Progress (1)"][0] and "Hộ tịch</b>" in groups["Progress (1)"][0]
    hit = window.finder.popup.current_hit()
    assert hit.kind == "progress"
    qtbot.keyClick(window.finder, Qt.Key.Key_Return)
    assert not window.finder.popup.isVisible()
    assert window.tabs.currentWidget() is window.table
    task = window.service.task(window.selected_task_id())
    assert (task.number, task.content) == ("15", "Lĩnh vực Hộ tịch")
    item = window.detail.progress_list.currentItem()
    assert item.data(Qt.ItemDataRole.UserRole) == hit.item_id and "Hộ tịch" in item.text()


def test_arrow_keys_move_over_the_groups(window: MainWindow, qtbot) -> None:
    _type(window, qtbot, "báo cáo")
    groups = _groups(window)
    assert [g.split(" (")[0] for g in groups] == ["Tasks", "Progress", "Evidence"]
    hits = window.finder.popup.hits()
    first = window.finder.popup.current_hit()
    assert first is hits[0].data(0, Qt.ItemDataRole.UserRole + 1)
    for _ in range(len(next(iter(groups.values())))):
        qtbot.keyClick(window.finder, Qt.Key.Key_Down)
    assert window.finder.popup.current_hit().kind == "progress"  # over the "Progress" title
    qtbot.keyClick(window.finder, Qt.Key.Key_Up)
    assert window.finder.popup.current_hit().kind == "task"
    qtbot.keyClick(window.finder, Qt.Key.Key_PageUp)
    for _ in range(len(hits)):
        qtbot.keyClick(window.finder, Qt.Key.Key_Up)
    assert window.finder.popup.current_hit() is first  # the top stops at the first hit
    for _ in range(len(hits) + 2):
        qtbot.keyClick(window.finder, Qt.Key.Key_Down)
    assert window.finder.popup.current_hit() is hits[-1].data(0, Qt.ItemDataRole.UserRole + 1)  # no wrapping


def test_a_hidden_task_is_shown_and_selected(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.table.search, "khong co nhiem vu nay")  # the table's own text filter hides everything
    assert window.table.proxy.shown_tasks == 0
    _type(window, qtbot, "đơn giản hóa thủ tục hành chính trong nội bộ")
    qtbot.keyClick(window.finder, Qt.Key.Key_Enter)
    assert window.service.task(window.selected_task_id()).number == "1.3"
    assert window.table.search.text() == ""  # the filter gave way so the task can be seen


def test_evidence_pdf_is_read_in_background_found_by_its_body_and_opens(window: MainWindow, qtbot, tmp_path: Path,
                                                                           monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.6")
    window.select_task(tid)
    f = make.pdf(tmp_path / "Quyet dinh kien toan.pdf",
                 ["UỶ BAN NHÂN DÂN XÃ LÊ LỢI", "Điều 1. Kiện toàn Bộ phận Tiếp nhận và Trả kết quả gồm năm công chức."])
    window.attach_files(tid, [str(f)])
    qtbot.waitUntil(lambda: len(window.service.evidence(task_id=tid)) == 1, timeout=10000)
    qtbot.waitUntil(lambda: window.service.pending_file_count() == 0 and not window.finder.reader.running,
                    timeout=15000)
    window.select_task(window.service.tasks(window.plan().id)[0].id)  # somewhere else
    _type(window, qtbot, "gom nam cong chuc")
    groups = _groups(window)
    assert list(groups) == ["Evidence (1)"]
    assert "In the file, page 2" in groups["Evidence (1)"][0]
    qtbot.keyClick(window.finder, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.selected_task_id() == tid
    assert window.detail.evidence_list.currentItem().text().startswith("Quyet dinh kien toan.pdf")
    assert len(opened) == 1 and Path(opened[0]).read_bytes() == f.read_bytes()


def test_click_on_a_result_opens_it(window: MainWindow, qtbot) -> None:
    _type(window, qtbot, "15/BC-UBND")
    tree = window.finder.popup.results
    item = tree.topLevelItem(0).child(0)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.service.task(window.selected_task_id()).number == "1.3"
    assert window.detail.evidence_list.currentItem() is not None


def test_escape_closes_then_clears_and_nothing_found_says_so(window: MainWindow, qtbot) -> None:
    _type(window, qtbot, "xyzzy khong co")
    assert list(_groups(window)) == ["Nothing found for \u201cxyzzy khong co\u201d."]
    qtbot.keyClick(window.finder, Qt.Key.Key_Escape)
    assert not window.finder.popup.isVisible() and window.finder.text() == "xyzzy khong co"
    qtbot.keyClick(window.finder, Qt.Key.Key_Escape)
    assert window.finder.text() == ""


def test_results_fit_in_the_window_and_the_table_filter_lives_in_the_filter_bar(window: MainWindow, qtbot) -> None:
    _type(window, qtbot, "bao cao")
    popup = window.finder.popup
    assert window.rect().contains(popup.geometry())
    assert popup.geometry().top() >= window.finder.mapTo(window, QPoint(0, window.finder.height())).y()
    assert window.table.filter_bar.isAncestorOf(window.table.search)
    assert "Ctrl+Enter" in popup.footer.text()
    QApplication.processEvents()
    popup.grab().save(str(Path(window.service.path).with_name("search-popup.png")))
