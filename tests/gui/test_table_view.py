"""The plan table: sorting, the filter bar, chosen columns, export of the view, context menus."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from kstthc_desktop.core.model import CommuneRole, Status
from kstthc_desktop.core.periods import parse_period
from kstthc_desktop.ui.main_window import MainWindow
from kstthc_desktop.ui.models.task_tree import KIND_ROLE, TASK_ID_ROLE, Col, TaskFilterProxy, TaskTreeModel
from kstthc_desktop.ui.views.table_tools import view_rows
from tests.conftest import TODAY


@pytest.fixture
def window(qtbot, demo_service):
    w = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    return w


def _rows(w: MainWindow) -> list[tuple[str, str]]:
    """Every row the proxy shows, depth first: ("section", title) or ("task", number)."""
    out = []

    def walk(parent: QModelIndex) -> None:
        for r in range(w.table.proxy.rowCount(parent)):
            idx = w.table.proxy.index(r, 0, parent)
            out.append((idx.data(KIND_ROLE), idx.data()))
            walk(idx)

    walk(QModelIndex())
    return out


def _task_ids(w: MainWindow) -> list[int]:
    out = []

    def walk(parent: QModelIndex) -> None:
        for r in range(w.table.proxy.rowCount(parent)):
            idx = w.table.proxy.index(r, 0, parent)
            if idx.data(KIND_ROLE) == "task":
                out.append(idx.data(TASK_ID_ROLE))
            walk(idx)

    walk(QModelIndex())
    return out


def _children_numbers(w: MainWindow, *path: int) -> list[str]:
    parent = QModelIndex()
    for r in path:
        parent = w.table.proxy.index(r, 0, parent)
    return [w.table.proxy.index(r, Col.NUMBER, parent).data() for r in range(w.table.proxy.rowCount(parent))]


def _tid(w: MainWindow, number: str, section_number: str = "II") -> int:
    plan = w.plan()
    sec = next(s for s in w.service.sections(plan.id) if s.number == section_number)
    return next(t.id for t in w.service.tasks(plan.id) if t.number == number and t.section_id == sec.id)


def _choose(combo, data) -> None:  # noqa: ANN001
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


def _click_header(w: MainWindow, qtbot, col: int) -> None:  # noqa: ANN001
    h = w.table.tree.header()
    x = h.sectionViewportPosition(col) + h.sectionSize(col) // 2
    qtbot.mouseClick(h.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, h.height() // 2))


# --- sorting ---------------------------------------------------------------------------------
def test_sort_by_due_within_parents_then_back_to_document_order(window: MainWindow, qtbot) -> None:
    doc = _rows(window)
    sections = [t for k, t in doc if k == "section"]
    tid = _tid(window, "2.6")
    window.select_task(tid)
    assert window.table.tree.isSortingEnabled()

    _click_header(window, qtbot, Col.DUE)
    h = window.table.tree.header()
    assert (h.sortIndicatorSection(), h.sortIndicatorOrder()) == (Col.DUE, Qt.SortOrder.AscendingOrder)
    assert [t for k, t in _rows(window) if k == "section"] == sections  # sections keep their order
    # II.2's children by due date (31/8, 15/9, 30/9, 30/11, 31/12 ×3 in document order); blanks last
    kids = _children_numbers(window, 0, 1)
    views = {v.task.number: v for v in window.service.task_views(window.plan().id, TODAY)
             if v.task.number.startswith("2.")}
    dues = [views[n].due for n in kids]
    present = [d for d in dues if d]
    assert present == sorted(present) and dues[len(present):] == [None] * (len(dues) - len(present))
    assert kids == ["2.2", "2.6", "2.4", "2.8", "2.1", "2.3", "2.5", "2.7", "2.9"]
    # IV: 31/3 before 31/12; the appendix (all 31/8) keeps its numbering as ties stay in document order
    assert _children_numbers(window, 1) == ["1", "2"]
    assert _children_numbers(window, 2) == [str(i) for i in range(1, 28)]
    assert window.selected_task_id() == tid  # selection survives the sort

    _click_header(window, qtbot, Col.DUE)  # second click: latest first, blanks still last
    assert _children_numbers(window, 0, 1) == ["2.1", "2.3", "2.5", "2.8", "2.4", "2.6", "2.2", "2.7", "2.9"]

    _click_header(window, qtbot, Col.NUMBER)  # the No. column: document order again
    assert _rows(window) == doc
    _click_header(window, qtbot, Col.NUMBER)  # … and it never sorts backwards
    assert (h.sortIndicatorSection(), h.sortIndicatorOrder()) == (Col.NUMBER, Qt.SortOrder.AscendingOrder)
    assert _rows(window) == doc
    assert window.selected_task_id() == tid


def test_sort_by_status_keeps_filter_and_survives_reload(window: MainWindow) -> None:
    window.table.status_filter.setCurrentIndex(window.table.status_filter.findData(Status.OVERDUE.value))
    before = set(_task_ids(window))
    shown = window.table.proxy.shown_tasks
    window.table.tree.sortByColumn(Col.CONTENT, Qt.SortOrder.DescendingOrder)
    assert set(_task_ids(window)) == before and window.table.proxy.shown_tasks == shown
    appendix = _children_numbers(window, 2)
    contents = [window.table.proxy.index(r, Col.CONTENT, window.table.proxy.index(2, 0)).data() for r in range(len(appendix))]
    assert contents == ["Lĩnh vực xử lý đơn thư", "Lĩnh vực quản lý Nhà nước về Tôn giáo",
                        "Lĩnh vực quản lý công sản", "Lĩnh vực Chứng thực"]
    window.reload()  # an edit elsewhere rebuilds the model: the sort order stays
    assert [window.table.proxy.index(r, Col.CONTENT, window.table.proxy.index(2, 0)).data()
            for r in range(len(appendix))] == contents


# --- filters ---------------------------------------------------------------------------------
def test_section_filter(window: MainWindow) -> None:
    sec = next(s for s in window.table.model.sections() if s.number == "IV")
    _choose(window.table.filter_bar.section, sec.id)
    assert _rows(window) == [("section", "IV. TỔ CHỨC THỰC HIỆN"), ("task", "1"), ("task", "2")]
    assert window.table.count_label.text().startswith("2 ")
    assert window.table.filter_bar.clear_button.isEnabled()
    window.table.filter_bar.clear_button.click()
    assert len(_task_ids(window)) == 47 and not window.table.filter_bar.clear_button.isEnabled()


def test_unit_filter_lists_plan_units_and_matches_without_accents(window: MainWindow) -> None:
    units = [window.table.filter_bar.unit.itemText(i) for i in range(1, window.table.filter_bar.unit.count())]
    for u in ("Công chức Văn phòng – Thống kê", "Công chức Tư pháp – Hộ tịch", "Công chức Văn hóa – Xã hội",
              "Công chức Tài chính – Kế toán", "Đài truyền thanh xã"):
        assert u in units
    assert len(units) == len(set(units))
    _choose(window.table.filter_bar.unit, "Công chức Tư pháp – Hộ tịch")
    assert _rows(window) == [("section", "II. NỘI DUNG"), ("task", "2"), ("task", "2.8")]
    window.table.proxy.set_unit("tu phap – ho tich")  # the proxy also takes part of a name, accents ignored
    assert [window.service.task(i).number for i in _task_ids(window)] == ["2", "2.8"]
    window.table.proxy.set_unit("dai truyen thanh")  # a coordinating unit counts too
    assert [window.service.task(i).number for i in _task_ids(window)] == ["4"]


def test_role_filter(window: MainWindow) -> None:
    task = window.service.task(_tid(window, "1", "IV"))
    task.commune_role = CommuneRole.COORDINATING
    window.apply_changes(window.service.update_task(task))
    _choose(window.table.filter_bar.role, CommuneRole.COORDINATING.value)
    assert _rows(window) == [("section", "IV. TỔ CHỨC THỰC HIỆN"), ("task", "1")]
    _choose(window.table.filter_bar.role, CommuneRole.NONE.value)
    assert _rows(window) == [] and window.table.proxy.shown_tasks == 0
    _choose(window.table.filter_bar.role, CommuneRole.LEAD.value)
    assert window.table.proxy.shown_tasks == 46


def test_period_filter_uses_the_data_window(window: MainWindow) -> None:
    q3 = parse_period("2026-Q3")
    assert (q3.window_start, q3.window_end) == (date(2026, 6, 15), date(2026, 9, 14))
    codes = [window.table.filter_bar.period.itemData(i) for i in range(1, window.table.filter_bar.period.count())]
    assert codes == ["2026-Q1", "2026-Q2", "2026-H1", "2026-Q3", "2026-9M", "2026-Q4", "2026-H2", "2026-Y"]
    _choose(window.table.filter_bar.period, "2026-Q3")
    ids = set(_task_ids(window))
    appendix = [_tid(window, str(i), "Phụ lục") for i in range(1, 28)]
    assert set(appendix) <= ids
    assert _tid(window, "2.6") not in ids  # due 15/9: after Q3's window (ends 14/9)
    assert _tid(window, "2.2") in ids and _tid(window, "2.3") in ids  # 31/8; 30/6 (a six-monthly occurrence)
    assert _tid(window, "2.4") not in ids  # 30/9
    _choose(window.table.filter_bar.period, "2026-Q4")
    assert _tid(window, "2.6") in set(_task_ids(window))


def test_filters_combine_with_search_and_status(window: MainWindow, qtbot) -> None:
    appendix = next(s for s in window.table.model.sections() if s.number == "Phụ lục")
    _choose(window.table.filter_bar.section, appendix.id)
    _choose(window.table.filter_bar.period, "2026-Q3")
    assert window.table.proxy.shown_tasks == 27
    window.table.status_filter.setCurrentIndex(window.table.status_filter.findData(Status.OVERDUE.value))
    assert window.table.proxy.shown_tasks == 4
    qtbot.keyClicks(window.table.search, "quan ly")
    assert [window.service.task(i).content for i in _task_ids(window)] == [
        "Lĩnh vực quản lý Nhà nước về Tôn giáo", "Lĩnh vực quản lý công sản"]
    _choose(window.table.filter_bar.unit, "Công chức Tư pháp – Hộ tịch")
    assert _task_ids(window) == [] and window.table.count_label.text().startswith("0 ")
    summary = window.table.filter_summary()
    assert "quan ly" in summary and "Tư pháp" in summary and "25/11/2026" in summary
    window.table.clear_filters()
    assert len(_task_ids(window)) == 47 and not window.table.search.text()
    assert window.table.status_filter.currentIndex() == 0 and not window.table.filter_bar.is_active()


def test_filter_keeps_selection_and_a_filtered_out_task_is_found_again(window: MainWindow) -> None:
    tid = _tid(window, "2.8")
    window.select_task(tid)
    _choose(window.table.filter_bar.unit, "Công chức Tư pháp – Hộ tịch")
    assert window.selected_task_id() == tid
    _choose(window.table.filter_bar.unit, "Công chức Văn hóa – Xã hội")
    other = _tid(window, "2.6")
    window.hub.task_activated.emit(other)  # e.g. from the dashboard: the filters give way
    assert window.selected_task_id() == other and not window.table.filter_bar.is_active()


def test_sections_and_units_filters_follow_edits(window: MainWindow) -> None:
    sec = next(s for s in window.table.model.sections() if s.number == "IV")
    _choose(window.table.filter_bar.section, sec.id)
    window.apply_changes(window.service.delete_section(sec.id))
    assert not window.table.filter_bar.is_active() and len(_task_ids(window)) == window.table.model.task_count()
    window.act_undo.trigger()
    assert window.table.filter_bar.section.findData(sec.id) > 0


def test_proxy_with_filters_and_sorting_passes_qt_model_tester(qtmodeltester, demo_service) -> None:
    model = TaskTreeModel()
    model.set_tree(demo_service.task_tree(demo_service.current_plan().id, TODAY))
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_window(date(2026, 6, 15), date(2026, 9, 14))
    proxy.set_unit("van phong")
    proxy.sort(Col.DUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() > 0
    proxy.set_section(model.sections()[0].id)
    proxy.set_role("lead")
    proxy.sort(Col.STATUS)
    qtmodeltester.check(proxy)
    proxy.set_window(None)
    proxy.sort(Col.NUMBER)
    qtmodeltester.check(proxy, force_py=True)
    model.set_tree(demo_service.task_tree(demo_service.current_plan().id, TODAY))
    assert proxy.rowCount() == 1 and proxy.shown_tasks == 18


def _same(a: object, b: object) -> bool:
    from PySide6.QtGui import QPixmap

    if isinstance(a, QPixmap) and isinstance(b, QPixmap):  # two handles on the drawn document mark
        return a.toImage() == b.toImage()
    return type(a) is type(b) and a == b


def test_every_cell_answers_every_role_as_the_full_lookup_does(qapp, demo_service) -> None:  # noqa: ANN001
    """data() answers the roles the view asks of every painted cell in a few comparisons; whatever
    it answers must be what the full per-cell lookup (``_section_data``/``_task_data``) says, for
    every cell of the demo and every role (Qt's 0–40 and ours), sorted too."""
    model = TaskTreeModel()
    model.set_tree(demo_service.task_tree(demo_service.current_plan().id, TODAY))
    roles = [*range(41), *range(int(Qt.ItemDataRole.UserRole), int(Qt.ItemDataRole.UserRole) + 10)]
    for column, order in ((Col.NUMBER, Qt.SortOrder.AscendingOrder), (Col.DUE, Qt.SortOrder.DescendingOrder)):
        model.sort(column, order)
        cells = answered = 0
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                stack.append(model.index(row, 0, parent))
                for col in range(model.columnCount(parent)):
                    index = model.index(row, col, parent)
                    node = index.internalPointer()
                    full = model._section_data if node.view is None else model._task_data
                    cells += 1
                    for role in roles:
                        want = full(node, col, role)
                        assert _same(model.data(index, role), want), (node.view or node.section, col, role)
                        answered += want is not None
        assert cells == (model.task_count() + len(model.sections())) * len(Col) and answered > cells * 5
    assert model.data(QModelIndex(), Qt.ItemDataRole.DisplayRole) is None


def test_the_proxy_answers_many_roles_at_once_as_role_by_role(qapp, demo_service) -> None:  # noqa: ANN001
    """multiData (what the item delegate asks of each painted cell) gives what data() gives, for every
    shown cell and role, filtered and sorted too."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    model = TaskTreeModel()
    model.set_tree(demo_service.task_tree(demo_service.current_plan().id, TODAY))
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    roles = [*range(14), *range(int(Qt.ItemDataRole.UserRole), int(Qt.ItemDataRole.UserRole) + 10)]

    def check() -> int:
        cells = 0
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(proxy.rowCount(parent)):
                stack.append(proxy.index(row, 0, parent))
                for col in range(proxy.columnCount(parent)):
                    index = proxy.index(row, col, parent)
                    cells += 1
                    for role in roles:
                        item = QModelRoleData(role)
                        item.setData("stale")  # a reused slot: a role without an answer is cleared
                        proxy.multiData(index, QModelRoleDataSpan(item))
                        assert _same(item.data(), proxy.data(index, role)), (row, col, role)
        return cells

    assert check() == (model.task_count() + len(model.sections())) * len(Col)
    proxy.set_statuses({Status.OVERDUE.value})  # hides rows between shown ones: proxy rows ≠ source rows
    proxy.sort(Col.DUE, Qt.SortOrder.DescendingOrder)
    first = proxy.index(0, 0, proxy.index(0, 0))
    assert proxy.mapToSource(first).row() != first.row()
    assert 0 < check() < (model.task_count() + len(model.sections())) * len(Col)


def test_the_table_paints_the_same_as_through_qts_own_proxy(qtbot, demo_service) -> None:  # noqa: ANN001
    """The painted table (text, status colours, evidence icons, bold sections) is pixel for pixel
    what Qt's own proxy, asking role by role, paints from the same model."""
    from PySide6.QtCore import QSortFilterProxyModel
    from PySide6.QtWidgets import QTreeView

    model = TaskTreeModel()
    model.set_tree(demo_service.task_tree(demo_service.current_plan().id, TODAY))
    ours, plain = TaskFilterProxy(), QSortFilterProxyModel()
    images = []
    for proxy in (ours, plain):
        proxy.setSourceModel(model)
        view = QTreeView()
        qtbot.addWidget(view)
        view.setModel(proxy)
        view.setAlternatingRowColors(True)
        view.resize(1600, 1400)
        view.expandAll()
        view.show()
        images.append(view.grab().toImage())
    empty = QTreeView()
    qtbot.addWidget(empty)
    empty.resize(1600, 1400)
    empty.show()
    assert images[0] == images[1]
    assert images[0] != empty.grab().toImage().convertToFormat(images[0].format())


def test_a_period_filter_keeps_tasks_due_on_its_first_and_last_day(window: MainWindow) -> None:
    """A task due on the cut-off day (14/9 for quý III) is inside that period; so is one due on
    the window's first day. Only the day after leaves it out."""
    svc = window.service
    task = next(t for t in svc.tasks(svc.current_plan().id)
                if t.schedule and t.schedule.due and len(t.schedule.occurrences) <= 1)
    due = task.schedule.due
    window.table.proxy.set_window(due - timedelta(days=90), due)  # due on the cut-off
    assert task.id in _task_ids(window)
    window.table.proxy.set_window(due, due + timedelta(days=90))  # due on the first day
    assert task.id in _task_ids(window)
    window.table.proxy.set_window(due + timedelta(days=1), due + timedelta(days=90))
    assert task.id not in _task_ids(window)


# --- columns ---------------------------------------------------------------------------------
def test_header_menu_hides_columns_and_the_choice_is_remembered(qtbot, demo_service) -> None:
    w = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    menu = w.table.column_menu()
    actions = {a.data(): a for a in menu.actions()}
    assert len(actions) == len(Col)
    assert not actions[Col.NUMBER].isEnabled() and not actions[Col.CONTENT].isEnabled()
    actions[Col.DEADLINE].trigger()
    actions[Col.PRODUCTS].trigger()
    assert w.table.tree.isColumnHidden(Col.DEADLINE) and w.table.tree.isColumnHidden(Col.PRODUCTS)
    w.table.tree.sortByColumn(Col.DUE, Qt.SortOrder.AscendingOrder)
    w.close()

    w2 = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w2)
    assert w2.table.tree.isColumnHidden(Col.DEADLINE) and w2.table.tree.isColumnHidden(Col.PRODUCTS)
    assert not w2.table.tree.isColumnHidden(Col.DUE)
    assert w2.table.tree.header().sortIndicatorSection() == Col.DUE  # the sort is remembered too
    assert w2.table.model.sort_state()[0] == Col.DUE
    menu = w2.table.column_menu()
    next(a for a in menu.actions() if a.data() == Col.DEADLINE).trigger()  # shown again
    assert not w2.table.tree.isColumnHidden(Col.DEADLINE) and w2.table.tree.columnWidth(Col.DEADLINE) >= 30


def test_old_header_state_without_sorting_still_sorts(qtbot, demo_service) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QTreeView

    old = QTreeView()
    old.setModel(TaskTreeModel())
    old.header().setSectionHidden(Col.CONTENT, True)  # a state saved before this feature
    QSettings().setValue("main/header", old.header().saveState())
    w = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w)
    h = w.table.tree.header()
    assert h.sectionsClickable() and h.isSortIndicatorShown() and not w.table.tree.isColumnHidden(Col.CONTENT)
    assert (h.sortIndicatorSection(), h.sortIndicatorOrder()) == (Col.NUMBER, Qt.SortOrder.AscendingOrder)
    assert [w.table.proxy.index(r, 0, w.table.proxy.index(2, 0)).data() for r in range(3)] == ["1", "2", "3"]


# --- export ----------------------------------------------------------------------------------
def test_export_view_writes_what_the_table_shows(window: MainWindow, qtbot, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook

    from kstthc_desktop.ui import files

    window.table.tree.setColumnHidden(Col.PRODUCTS, True)
    window.table.tree.setColumnHidden(Col.DEADLINE, True)
    appendix = next(s for s in window.table.model.sections() if s.number == "Phụ lục")
    _choose(window.table.filter_bar.period, "2026-Q3")
    window.table.tree.sortByColumn(Col.STATUS, Qt.SortOrder.DescendingOrder)
    headers, rows, groups = view_rows(window.table.tree)

    target = tmp_path / "bang"
    monkeypatch.setattr(files, "ask_save", lambda *a, **k: str(target) + ".xlsx")
    assert window.act_export_view in window.menuBar().actions()[0].menu().actions()
    window.act_export_view.trigger()
    path = tmp_path / "bang.xlsx"
    qtbot.waitUntil(lambda: path.exists() and not window._jobs, timeout=10000)
    assert "bang.xlsx" in window.statusBar().currentMessage()

    ws = load_workbook(path).active
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[0][0] == window.plan().title
    assert "Quý III năm 2026" in values[1][0] and "25/11/2026" in values[1][0]
    header_row = next(i for i, r in enumerate(values) if r[0] == "No.")
    assert values[header_row] == ["No.", "Task", "Status", "Due", "Lead", "Coordinating", "Evidence", "This office"]
    assert headers == values[header_row]
    body = values[header_row + 1:]
    assert ws.freeze_panes == f"A{header_row + 2}"
    # the same rows, in the same order, as the proxy shows them
    shown = _rows(window)
    assert len(body) == len(shown) == len(rows)
    for (kind, first), row in zip(shown, body, strict=True):
        if kind == "section":
            assert row[0] == first and all(v is None for v in row[1:])
        else:
            assert row[0] == first
    assert [body[i][0] for i in groups] == ["II. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN", f"Phụ lục. {appendix.title}"]
    assert ws.cell(row=header_row + 2 + groups[0], column=1).font.b
    # a known task: appendix 15 "Lĩnh vực Hộ tịch", done late, due 31/8/2026
    row = next(r for r in body if r[1] == "Lĩnh vực Hộ tịch")
    assert row[2] == "Done late" and row[3].date() == date(2026, 8, 31)
    assert row[4] == "Công chức Văn phòng – Thống kê" and row[6] == 0
    cell = ws.cell(row=header_row + 2 + body.index(row), column=4)
    assert cell.is_date and cell.number_format == "DD/MM/YYYY"
    assert cell.alignment.wrap_text
    # sorted by status, latest status first: appendix rows start with "no deadline"…"done on time" order reversed
    statuses = [r[2] for r in body[groups[2] + 1:]]
    order = ["Done on time", "Done late", "In progress, within the deadline", "In progress, overdue",
             "Not arisen / no deadline"]
    assert [order.index(s) for s in statuses] == sorted((order.index(s) for s in statuses), reverse=True)


# --- context menu ----------------------------------------------------------------------------
def test_tree_context_menu_reuses_the_window_actions(window: MainWindow) -> None:
    menu = window.table.tree_menu()
    acts = [a for a in menu.actions() if not a.isSeparator()]
    assert acts == [window.act_progress, window.act_attach, window.act_done, window.act_new_task, window.act_new_sub,
                    window.act_edit, window.act_delete, window.act_up, window.act_down, window.act_export_view]
    assert window.table.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert window.table.tree.header().contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_clearing_filters_opens_the_sections_again_and_keeps_the_selection(window: MainWindow) -> None:
    appendix = next(s for s in window.table.model.sections() if s.number == "Phụ lục")
    tid = _tid(window, "15", "Phụ lục")
    window.select_task(tid)
    _choose(window.table.filter_bar.section, appendix.id)
    window.table.filter_bar.clear_button.click()
    assert all(window.table.tree.isExpanded(window.table.proxy.index(r, 0)) for r in range(window.table.proxy.rowCount()))
    assert window.selected_task_id() == tid


def test_the_table_shows_this_office_part_lead_or_coordinating(window: MainWindow) -> None:
    """The "Cơ quan mình" column: Chủ trì / Phối hợp from the task's commune role."""
    from kstthc_desktop.core.model import CommuneRole

    tasks = window.service.tasks(window.plan().id)
    lead = next(t for t in tasks if t.commune_role == CommuneRole.LEAD)
    idx = window.table.model.index_for_task(lead.id)
    assert not window.table.tree.isColumnHidden(Col.ROLE)
    assert window.table.model.index(idx.row(), Col.ROLE, idx.parent()).data() == "Lead"
    assert window.table.model.headerData(Col.ROLE, Qt.Orientation.Horizontal) == "This office"
