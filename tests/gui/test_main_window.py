"""The main window driven like a user would: add, edit, delete, undo, search, detail panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from kstthc_desktop.core.model import Status, Task
from kstthc_desktop.ui import fit
from kstthc_desktop.ui.dialogs.task_editor import TaskEditorDialog
from kstthc_desktop.ui.main_window import MainWindow
from kstthc_desktop.ui.models.task_tree import KIND_ROLE, STATUS_ROLE, TASK_ID_ROLE, Col
from tests.conftest import TODAY


@pytest.fixture
def window(qtbot, demo_service):
    w = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    return w


def _visible_tasks(w: MainWindow) -> list[tuple[int, str]]:
    out = []

    def walk(parent: QModelIndex) -> None:
        for r in range(w.table.proxy.rowCount(parent)):
            idx = w.table.proxy.index(r, 0, parent)
            if idx.data(KIND_ROLE) == "task":
                out.append((idx.data(TASK_ID_ROLE), w.table.proxy.index(r, Col.CONTENT, parent).data()))
            walk(idx)

    walk(QModelIndex())
    return out


def _answer_next_dialog(qtbot, fill) -> None:  # noqa: ANN001
    """Fill and accept the next modal TaskEditorDialog when it appears."""
    def handle() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QDialog):
            QTimer.singleShot(20, handle)
            return
        fill(dlg)
        dlg.accept()

    QTimer.singleShot(0, handle)


def _refocus(w: MainWindow, qtbot) -> None:  # noqa: ANN001
    """After a modal dialog the main window is active again (as on a real desktop)."""
    w.activateWindow()
    w.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.table.tree.setFocus()


def test_window_shows_demo_plan_with_sections_and_statuses(window: MainWindow) -> None:
    assert window.stack.currentIndex() == 1
    assert window.table.model.task_count() == 47
    top = [window.table.proxy.index(r, 0).data() for r in range(window.table.proxy.rowCount())]
    assert top == ["II. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN", "Phụ lục. Rà soát, đánh giá đơn giản hóa thủ tục hành chính năm 2026"]
    statuses = {window.table.proxy.index(r, 0, window.table.proxy.index(2, 0)).data(STATUS_ROLE)
                for r in range(window.table.proxy.rowCount(window.table.proxy.index(2, 0)))}
    assert Status.OVERDUE.value in statuses and Status.DONE_ON_TIME.value in statuses


def test_add_task_through_dialog_then_undo_and_redo(window: MainWindow, qtbot) -> None:
    before = window.table.model.task_count()

    def fill(dlg: TaskEditorDialog) -> None:
        dlg.number.setText("5")
        dlg.content.setPlainText("Niêm yết công khai TTHC mới tại Bộ phận Một cửa")
        dlg.deadline.setText("Trước ngày 20/12/2026")

    window.select_task(window.service.tasks(window.plan().id)[0].id)
    _answer_next_dialog(qtbot, fill)
    window.act_new_task.trigger()
    assert window.table.model.task_count() == before + 1
    added = [c for _, c in _visible_tasks(window) if c.startswith("Niêm yết")]
    assert added == ["Niêm yết công khai TTHC mới tại Bộ phận Một cửa"]
    assert window.selected_task_id() is not None
    assert window.act_undo.isEnabled()

    _refocus(window, qtbot)
    qtbot.keyClick(window.table.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.table.model.task_count() == before
    qtbot.keyClick(window.table.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.table.model.task_count() == before + 1


def test_edit_with_f2_changes_content_and_undo_restores(window: MainWindow, qtbot) -> None:
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.4")
    window.select_task(tid)
    old = window.service.task(tid).content

    def fill(dlg: TaskEditorDialog) -> None:
        dlg.content.setPlainText("Tham gia tập huấn nghiệp vụ do thành phố tổ chức")

    _answer_next_dialog(qtbot, fill)
    window.table.tree.setFocus()
    qtbot.keyClick(window.table.tree, Qt.Key.Key_F2)
    assert window.service.task(tid).content == "Tham gia tập huấn nghiệp vụ do thành phố tổ chức"
    assert window.selected_task_id() == tid  # selection kept across the refresh
    window.act_undo.trigger()
    assert window.service.task(tid).content == old


def test_delete_key_removes_without_asking_and_undo_brings_back(window: MainWindow, qtbot) -> None:
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.7")
    window.select_task(tid)
    before = window.table.model.task_count()
    window.table.tree.setFocus()
    qtbot.keyClick(window.table.tree, Qt.Key.Key_Delete)
    assert window.table.model.task_count() == before - 1
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.act_undo.trigger()
    assert window.table.model.task_count() == before
    assert window.service.task(tid).number == "2.7"


def test_search_is_accent_insensitive(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.table.search, "linh vuc ho tich")
    shown = [c for _, c in _visible_tasks(window)]
    assert shown == ["Lĩnh vực Hộ tịch"]
    assert window.table.count_label.text().startswith("1 ")
    window.table.search.clear()
    qtbot.keyClicks(window.table.search, "HO TICH")  # also matches the unit "Công chức Tư pháp – Hộ tịch"
    shown = [c for _, c in _visible_tasks(window)]
    assert "Lĩnh vực Hộ tịch" in shown and "Lĩnh vực Đất đai" not in shown
    assert any(c.startswith("Kiểm tra kiểm soát") for c in shown)
    window.table.search.clear()
    assert len(_visible_tasks(window)) == 47


def test_status_filter_shows_only_that_bucket(window: MainWindow) -> None:
    window.table.status_filter.setCurrentIndex(window.table.status_filter.findData(Status.DONE_LATE.value))
    ids = [tid for tid, _ in _visible_tasks(window)]
    views = {v.task.id: v for v in window.service.task_views(window.plan().id, TODAY)}
    assert ids and all(views[i].status is Status.DONE_LATE for i in ids)


def test_detail_panel_records_progress_and_status_turns_green(window: MainWindow, qtbot) -> None:
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.6")
    window.select_task(tid)
    # named with its section, as the report names it ("2.6" alone could be in another section)
    assert window.detail.title.text().startswith("II.2.6 ")
    assert window.detail.progress_list.count() == 1
    seen: list[str] = []

    def cancel() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QDialog):
            QTimer.singleShot(20, cancel)
            return
        seen.append(dlg.windowTitle())
        dlg.reject()

    QTimer.singleShot(0, cancel)
    next(b for b in window.detail.findChildren(QPushButton) if b.text() == "Record progress…").click()
    assert seen == ["Record progress – II.2.6"]
    assert window.detail.progress_list.count() == 1  # cancelled: nothing written
    idx = window.table.proxy.mapFromSource(window.table.model.index_for_task(tid))
    assert idx.data(STATUS_ROLE) == Status.OVERDUE.value  # due 15/9, not done by 25/11
    window.detail.mark_done()
    assert window.detail.progress_list.count() == 2
    idx = window.table.proxy.mapFromSource(window.table.model.index_for_task(tid))
    assert idx.data(STATUS_ROLE) == Status.DONE_LATE.value
    assert window.service.progress(tid)[-1].on == TODAY


def test_empty_office_shows_start_page_and_add_by_hand_creates_plan(qtbot, office_path) -> None:
    from kstthc_desktop.core.model import Office
    from kstthc_desktop.services import OfficeService

    svc = OfficeService.open(office_path, create=True)
    svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", place_name="An Bình"))
    w = MainWindow(svc, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    assert w.stack.currentIndex() == 0

    def fill(dlg: TaskEditorDialog) -> None:
        dlg.content.setPlainText("Kiện toàn đầu mối KSTTHC")

    _answer_next_dialog(qtbot, fill)
    w.start_page.add_requested.emit()
    assert w.stack.currentIndex() == 1
    assert [t.content for t in svc.tasks(w.plan().id)] == ["Kiện toàn đầu mối KSTTHC"]
    w.close()
    svc.close()


def test_layout_is_remembered(qtbot, demo_service) -> None:
    w = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    w.resize(w.minimumSizeHint().width() + 5, 560)
    wanted = w.size()
    w.table.tree.setColumnWidth(Col.CONTENT, 333)
    w.close()
    w2 = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w2)
    assert w2.table.tree.columnWidth(Col.CONTENT) == 333
    w2.show_fitted()  # the remembered geometry, pulled inside this (small, headless) screen if need be
    area = fit.available(w2)
    assert area.contains(w2.frameGeometry().topLeft()) and w2.frameGeometry().right() <= area.right()
    assert w2.height() == wanted.height() and w2.width() <= wanted.width()


def test_task_model_passes_qt_model_tester(qtmodeltester, demo_service) -> None:
    from kstthc_desktop.ui.models.task_tree import TaskFilterProxy, TaskTreeModel

    model = TaskTreeModel()
    model.set_tree(demo_service.task_tree(demo_service.current_plan().id, TODAY))
    qtmodeltester.check(model)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("ra soat")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() > 0


def test_task_editor_shows_parsed_deadline_and_refuses_empty_content(qtbot) -> None:
    dlg = TaskEditorDialog(Task(plan_id=1), [], 2026)
    qtbot.addWidget(dlg)
    dlg.deadline.setText("Quý III năm 2026")
    assert "30/09/2026" in dlg.parsed.text()
    dlg.accept()
    assert dlg.result_task is None and dlg.error.isVisibleTo(dlg)


def test_manual_recurrence_overrides_the_parsed_schedule_and_keeps_the_text(qtbot) -> None:
    from kstthc_desktop.core.schedule import parse_schedule

    task = Task(plan_id=1, content="Báo cáo", deadline_text="Theo yêu cầu của cấp trên",
                schedule=parse_schedule("Theo yêu cầu của cấp trên", 2026))
    dlg = TaskEditorDialog(task, [], 2026)
    qtbot.addWidget(dlg)
    dlg.manual.setChecked(True)
    dlg.repeat.setCurrentIndex(2)  # every quarter
    dlg._fill_repeat()
    assert dlg.dues.text() == "31/03/2026, 30/06/2026, 30/09/2026, 31/12/2026"
    dlg.accept()
    t = dlg.result_task
    assert t.schedule_manual and t.deadline_text == "Theo yêu cầu của cấp trên"
    assert [d for _, d in t.schedule.occurrences][1].isoformat() == "2026-06-30"
    assert t.schedule.occurrences[1][0].isoformat() == "2026-04-01"


def test_bad_manual_due_date_is_refused_inline(qtbot) -> None:
    dlg = TaskEditorDialog(Task(plan_id=1, content="A"), [], 2026)
    qtbot.addWidget(dlg)
    dlg.manual.setChecked(True)
    dlg.dues.setText("31/2/2026")
    dlg.accept()
    assert dlg.result_task is None and "31/3/2026" in dlg.error.text()


def test_deleting_task_with_evidence_asks_and_can_save_files_first(window: MainWindow, qtbot, tmp_path,
                                                                  monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kstthc_desktop.ui import files

    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "1.3")  # has demo evidence
    window.select_task(tid)
    out = tmp_path / "giu-lai"
    out.mkdir()
    monkeypatch.setattr(files, "ask_folder", lambda *a, **k: str(out))

    def choose_save() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, choose_save)
            return
        save = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
        save.click()

    QTimer.singleShot(0, choose_save)
    window.delete_selected()
    saved = list(out.rglob("*.txt"))
    assert len(saved) == 1 and "DỮ LIỆU MẪU" in saved[0].read_text(encoding="utf-8")
    assert tid not in {t.id for t in window.service.tasks(window.plan().id)}
    window.act_undo.trigger()
    assert len(window.service.evidence(task_id=tid)) == 1


def test_right_click_selects_the_row_and_opens_the_task_menu(window: MainWindow, qtbot, monkeypatch) -> None:
    shown: list[list] = []
    monkeypatch.setattr(window.table, "popup", lambda menu, _where: shown.append(
        [x for x in menu.actions() if not x.isSeparator()]))
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.8")
    idx = window.table.proxy.mapFromSource(window.table.model.index_for_task(tid))
    window.table.tree.expandAll()
    window.table.tree.scrollTo(idx)
    pos = window.table.tree.visualRect(idx).center()
    window.table.tree.customContextMenuRequested.emit(pos)
    assert window.selected_task_id() == tid
    assert shown and window.act_edit in shown[0] and window.act_export_view in shown[0]
    assert window.act_progress in shown[0] and window.act_attach in shown[0]
    assert window.act_new_sub.isEnabled() and window.act_up.isEnabled()
    window.table.tree.header().customContextMenuRequested.emit(window.table.tree.header().rect().center())
    assert len(shown) == 2 and len(shown[1]) == len(Col)
    assert window.tabs.currentWidget().objectName() == "table"


def test_new_day_rejudges_statuses_in_every_view(window: MainWindow) -> None:
    from datetime import date as _date

    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.8")  # due 30/11/2026
    idx = window.table.proxy.mapFromSource(window.table.model.index_for_task(tid))
    assert idx.data(STATUS_ROLE) == Status.IN_TIME.value
    window.set_today(_date(2026, 12, 1))
    idx = window.table.proxy.mapFromSource(window.table.model.index_for_task(tid))
    assert idx.data(STATUS_ROLE) == Status.OVERDUE.value
    assert window.dashboard.today == _date(2026, 12, 1) and window.timeline.today == _date(2026, 12, 1)


def test_sections_reorder_with_ctrl_arrows_and_undo(window: MainWindow, qtbot) -> None:
    def tops() -> list[str]:
        return [window.table.proxy.index(r, 0).data() for r in range(window.table.proxy.rowCount())]

    assert tops()[:2] == ["II. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN"]
    sid = next(s.id for s in window.service.sections(window.plan().id) if s.number == "IV")
    window.table.select_section(sid)
    window.table.tree.setFocus()
    qtbot.keyClick(window.table.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert tops()[:2] == ["IV. TỔ CHỨC THỰC HIỆN", "II. NỘI DUNG"]
    assert tops()[2].startswith("Phụ lục")  # the appendix stays after the body
    window.act_undo.trigger()
    assert tops()[:2] == ["II. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN"]


def test_date_picker_adds_due_dates_by_hand(qtbot) -> None:
    from PySide6.QtCore import QDate

    dlg = TaskEditorDialog(Task(plan_id=1, content="Kiểm tra"), [], 2026)
    qtbot.addWidget(dlg)
    dlg.manual.setChecked(True)
    for d in (QDate(2026, 10, 15), QDate(2026, 4, 20), QDate(2026, 10, 15)):
        dlg.pick.setDate(d)
        qtbot.mouseClick(dlg.add_due, Qt.MouseButton.LeftButton)
    assert dlg.dues.text() == "20/04/2026, 15/10/2026"
    dlg.accept()
    assert [d.isoformat() for _, d in dlg.result_task.schedule.occurrences] == ["2026-04-20", "2026-10-15"]


def test_in_place_update_respects_filter_and_keeps_open_rows(window: MainWindow) -> None:
    """Recording progress patches rows (no rebuild): open rows stay open, filters re-evaluate."""
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.6")  # overdue
    parent_idx = window.table.proxy.mapFromSource(window.table.model.index_for_task(window.service.task(tid).parent_id))
    window.table.tree.expand(parent_idx)
    collapsed_sibling = window.table.proxy.mapFromSource(window.table.model.index_for_task(
        next(t.id for t in window.service.tasks(window.plan().id) if t.number == "3")))
    window.table.tree.collapse(collapsed_sibling)
    window.select_task(tid)
    window.detail.mark_done()  # done late: 25/11 after 15/9
    parent_idx = window.table.proxy.mapFromSource(window.table.model.index_for_task(window.service.task(tid).parent_id))
    assert window.table.tree.isExpanded(parent_idx)
    assert not window.table.tree.isExpanded(window.table.proxy.mapFromSource(window.table.model.index_for_task(
        next(t.id for t in window.service.tasks(window.plan().id) if t.number == "3"))))
    window.table.status_filter.setCurrentIndex(window.table.status_filter.findData(Status.OVERDUE.value))
    shown_before = window.table.proxy.shown_tasks
    other = next(v.task.id for v in window.service.task_views(window.plan().id, TODAY)
                 if v.status is Status.OVERDUE and not v.task.schedule.kinds[0] == "months")
    window.select_task(other)
    window.detail.mark_done()
    assert other not in [tid_ for tid_, _ in _visible_tasks(window)]
    assert window.table.proxy.shown_tasks < shown_before
    assert window.table.count_label.text().startswith(str(window.table.proxy.shown_tasks))
