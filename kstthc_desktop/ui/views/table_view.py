"""The table tab: the plan as a tree with its search, filters, sorting, expansion and Excel export.

Like the other views it knows nothing of the database: the window hands it the task tree and it
tells the window what the officer selected. The search box, the status filter and the count label
are created here (the window decides where they sit: toolbar, status bar).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Plan, Section, Status
from ...services import TaskView
from .. import files
from ..models.task_tree import KIND_ROLE, SECTION_ID_ROLE, TASK_ID_ROLE, Col, TaskFilterProxy, TaskTreeModel
from ..style import status_label
from .table_tools import FilterBar, column_menu, view_rows

DEFAULT_WIDTHS = {Col.NUMBER: 95, Col.CONTENT: 320, Col.STATUS: 250, Col.DUE: 90, Col.DEADLINE: 180,
                  Col.LEAD: 170, Col.COORDINATING: 150, Col.PRODUCTS: 160, Col.EVIDENCE: 60, Col.ROLE: 90}


class _TaskTree(QTreeView):
    """The plan's tree; calls ``on_first_paint`` (once) when its rows have been painted.

    Its own paintEvent rather than an event filter on the viewport: asking for the viewport makes
    PySide create a Python type for every QWidget subclass (the viewport's class is private to
    Qt), ~70 types with their enums — milliseconds the first paint does not need.
    """

    def __init__(self) -> None:
        super().__init__()
        self.on_first_paint = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.on_first_paint is not None:
            work, self.on_first_paint = self.on_first_paint, None
            work()


class TableView(QWidget):
    """Filter bar over the task tree; emits what the officer selects and asks to edit."""

    current_changed = Signal(object)  # the selected TaskView, or None (a section or nothing)
    edit_requested = Signal()  # double-click on a row
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("table")
        self.plan: Plan | None = None
        self.today = date.today()
        self.context_actions: list[QAction | None] = []  # the row menu, set by the window
        self._was_filtered = False
        self._expanded_keys: set[tuple[str, int]] = set()
        self._painted = False  # the first paint of the table (work waits for it: see _open_sections)
        self.partial_count: int | None = None  # the tasks of the plan when only its top is shown
        self._pending_after_paint: list = []

        self.model = TaskTreeModel(self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = _TaskTree()
        self.tree.setObjectName("task_tree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)  # room for "1.1.1" in the No. column
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSortIndicator(Col.NUMBER, Qt.SortOrder.AscendingOrder)  # document order
        self.tree.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self.popup(self.column_menu(), header.mapToGlobal(pos)))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_tree_menu)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.doubleClicked.connect(lambda _: self.edit_requested.emit())
        self.tree.selectionModel().currentChanged.connect(lambda cur, _prev: self.current_changed.emit(self.view_at(cur)))
        self.tree.expanded.connect(lambda idx: self._expanded_keys.add(self._node_key(idx)))
        self.tree.collapsed.connect(lambda idx: self._expanded_keys.discard(self._node_key(idx)))
        self.tree.setAccessibleName(self.tr("Plan tasks"))

        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._on_bar_filter)
        self.filter_bar.clear_requested.connect(self.clear_filters)
        self.search = QLineEdit()  # filters the table by text (Ctrl+F, the window's search box, finds everything)
        self.search.setPlaceholderText(self.tr("Filter the table…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.textChanged.connect(lambda _: self._after_filter())
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for s in Status:
            self.status_filter.addItem(status_label(s), s.value)
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(14)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter)
        self.count_label = QLabel()
        self.filter_bar.layout().insertWidget(0, self.search, 1)

        page = QVBoxLayout(self)
        page.setContentsMargins(4, 6, 4, 0)
        page.setSpacing(0)
        page.addWidget(self.filter_bar)
        page.addWidget(self.tree)

    # --- data ----------------------------------------------------------------------------
    def set_tree(self, plan: Plan | None, tree: list[tuple[Section | None, list[TaskView]]],
                 task_count: int | None = None) -> None:
        """Rebuild from the service's tree, keeping the selection and what was open.

        ``task_count``: the tree is only the top of the plan (``OfficeService.task_tree_head``), which
        has that many tasks; the count says so until the whole tree comes."""
        selected = self.selected_task_id()
        first = self.model.rowCount() == 0 or (plan is not None and self.plan is not None and plan.id != self.plan.id)
        self.plan = plan
        self.partial_count = task_count
        self.model.set_tree(tree)
        if plan is not None:
            self._populate_filters(plan)
        self._span_sections()
        if first:
            self._open_sections()  # every top-level row: the sections, and tasks outside them
            self._expanded_keys = {self._node_key(self.proxy.index(r, 0)) for r in range(self.proxy.rowCount())}
        else:
            self._expand(self._expanded_keys)
        if selected is not None:
            self.select_task(selected)
        self._update_count()

    FIRST_SCREEN_ROWS = 60  # more than a 1080p screen shows

    def _open_sections(self) -> None:
        """Every section opens at first load; those below the first screen right after the first paint.

        Laying out thousands of rows in a Python model costs tens of milliseconds: the officer sees
        the top of the plan first, the scroll bar reaches its full length a moment later.
        """
        rows, later = 0, []
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if rows < self.FIRST_SCREEN_ROWS:
                self.tree.expand(idx)
                rows += 1 + self.proxy.rowCount(idx)
            else:
                later.append(QPersistentModelIndex(idx))
        if later:
            self._after_first_paint(lambda: [self.tree.expand(QModelIndex(p)) for p in later if p.isValid()])

    def _after_first_paint(self, work) -> None:  # noqa: ANN001
        """Run ``work`` once the table has been painted (at once if it already has)."""
        if self._painted:
            work()
            return
        self._pending_after_paint.append(work)
        self.tree.on_first_paint = self._first_painted

    def _first_painted(self) -> None:
        self._painted = True
        pending, self._pending_after_paint = self._pending_after_paint, []
        QTimer.singleShot(0, self, lambda: [work() for work in pending])

    def update_views(self, views: dict[int, TaskView]) -> bool:
        """Refresh some tasks' rows in place; False when the caller must rebuild instead."""
        if not self.model.update_views(views):
            return False
        if self.plan is not None:
            self._populate_filters(self.plan)
        self._update_count()
        return True

    def view_at(self, idx: QModelIndex) -> TaskView | None:
        if not idx.isValid() or idx.data(KIND_ROLE) != "task":
            return None
        return self.proxy.mapToSource(idx).internalPointer().view

    def _span_sections(self) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(KIND_ROLE) == "section":
                self.tree.setFirstColumnSpanned(r, QModelIndex(), True)

    def _node_key(self, idx: QModelIndex) -> tuple[str, int]:
        kind = idx.data(KIND_ROLE)
        return kind, idx.data(TASK_ID_ROLE) if kind == "task" else idx.data(SECTION_ID_ROLE)

    def _expand(self, keys: set[tuple[str, int]]) -> None:
        """Reopen what the officer had open: a lookup per open row, never a walk of the whole tree."""
        for kind, key in list(keys):
            src = self.model.index_for_task(key) if kind == "task" else self.model.index_for_section(key)
            idx = self.proxy.mapFromSource(src)
            if idx.isValid():
                self.tree.expand(idx)

    def _update_count(self) -> None:
        self.filter_bar.clear_button.setEnabled(self.filters_active())
        if self.partial_count is not None and not self.filters_active():
            shown = total = self.partial_count  # the top of the plan, the rest on its way
        else:
            shown, total = self.proxy.shown_tasks, self.model.task_count()
        self.count_label.setText(self.tr("%1 of %2 tasks").replace("%1", str(shown)).replace("%2", str(total)))

    def in_plan_order(self) -> bool:
        """Rows in the plan's own order (the No. column ascending), not sorted by another column."""
        return self.model.sort_state() == (Col.NUMBER, Qt.SortOrder.AscendingOrder)

    # --- filters -------------------------------------------------------------------------
    def _after_filter(self) -> None:
        self._span_sections()
        active = self.filters_active()
        if active:
            self.tree.expandAll()
        elif self._was_filtered:  # rows the filter hid come back: open the sections as at start
            self.tree.expandToDepth(0)
            if self.tree.currentIndex().isValid():
                self.tree.scrollTo(self.tree.currentIndex())
        self._was_filtered = active
        self._update_count()
        self.filters_changed.emit()

    def _on_status_filter(self) -> None:
        value = self.status_filter.currentData()
        self.proxy.set_statuses({value} if value else set())
        self._after_filter()

    def filters_active(self) -> bool:
        return bool(self.search.text() or self.status_filter.currentIndex() > 0 or self.filter_bar.is_active())

    def _populate_filters(self, plan: Plan) -> None:
        from ...core.periods import periods_of_year

        self.filter_bar.populate(self.model.sections(), self.model.units(), periods_of_year(plan.year))

    def _on_bar_filter(self) -> None:
        choice = self.filter_bar.choice()
        self.proxy.set_section(choice.section_id)
        self.proxy.set_unit(choice.unit)
        self.proxy.set_role(choice.role)
        self.proxy.set_window(choice.window)
        self._after_filter()

    def clear_filters(self) -> None:
        """Everything shown again: search, status and the filter bar."""
        for w in (self.search, self.status_filter, self.filter_bar):
            w.blockSignals(True)
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.filter_bar.reset()
        for w in (self.search, self.status_filter, self.filter_bar):
            w.blockSignals(False)
        self.proxy.clear_filters()
        self._after_filter()

    def filter_summary(self) -> str:
        """The filters in words, for the export's subtitle."""
        parts = []
        if self.search.text().strip():
            parts.append(self.tr("Search: \"%1\"").replace("%1", self.search.text().strip()))
        if self.status_filter.currentIndex() > 0:
            parts.append(self.status_filter.currentText())
        parts += self.filter_bar.summary_parts()
        when = self.tr("Status as of %1").replace("%1", self.today.strftime("%d/%m/%Y"))
        if not parts:
            everything = self.tr("All tasks")
            return f"{everything}. {when}."
        label = self.tr("Filters")
        return f"{label}: {'; '.join(parts)}. {when}."

    # --- sorting, columns, menus ---------------------------------------------------------
    def _on_sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        """The No. column is the way back to the plan's own order: it never sorts backwards."""
        if column == Col.NUMBER and order == Qt.SortOrder.DescendingOrder:
            self.tree.header().setSortIndicator(Col.NUMBER, Qt.SortOrder.AscendingOrder)
            return
        idx = self.tree.currentIndex()
        if idx.isValid():
            self.tree.scrollTo(idx)

    def column_menu(self) -> QMenu:
        return column_menu(self.tree.header(), self)

    def tree_menu(self) -> QMenu:
        menu = QMenu(self)
        for a in self.context_actions:
            menu.addSeparator() if a is None else menu.addAction(a)
        return menu

    def _show_tree_menu(self, pos: QPoint) -> None:
        idx = self.tree.indexAt(pos)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)  # the menu acts on the row under the mouse
        self.popup(self.tree_menu(), self.tree.viewport().mapToGlobal(pos))

    def popup(self, menu: QMenu, where: QPoint) -> None:
        menu.exec(where)

    def default_columns(self) -> None:
        for col, w in DEFAULT_WIDTHS.items():
            self.tree.setColumnWidth(col, w)
        self.tree.header().setSectionHidden(Col.ROLE, False)

    # --- selection -----------------------------------------------------------------------
    def selected_kind(self) -> str | None:
        idx = self.tree.currentIndex()
        return idx.data(KIND_ROLE) if idx.isValid() else None

    def selected_task_id(self) -> int | None:
        idx = self.tree.currentIndex()
        return idx.data(TASK_ID_ROLE) if idx.isValid() and idx.data(KIND_ROLE) == "task" else None

    def selected_section_id(self) -> int | None:
        """The section of the selected row (a section row, or the task's own section)."""
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return None
        if idx.data(KIND_ROLE) == "section":
            return idx.data(SECTION_ID_ROLE)
        return self.view_at(idx).task.section_id

    def current_view(self) -> TaskView | None:
        return self.view_at(self.tree.currentIndex())

    def select_task(self, task_id: int) -> bool:
        """Select and show a task; a task hidden by the filters brings everything back first."""
        src = self.model.index_for_task(task_id)
        if not src.isValid():
            return False
        idx = self.proxy.mapFromSource(src)
        if not idx.isValid():
            self.clear_filters()
            idx = self.proxy.mapFromSource(self.model.index_for_task(task_id))
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.selectionModel().select(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect |
                                              QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(idx)
        return idx.isValid()

    def select_section(self, section_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if idx.data(KIND_ROLE) == "section" and idx.data(SECTION_ID_ROLE) == section_id:
                self.tree.setCurrentIndex(idx)
                self.tree.scrollTo(idx)
                return

    # --- export --------------------------------------------------------------------------
    def export_view(self) -> None:
        """What the table shows (filters, sort order, visible columns) into an .xlsx workbook."""
        plan = self.plan
        if plan is None:
            return
        target = files.ask_save(self, self.tr("Export the table view to Excel"), f"ke-hoach-{plan.year}.xlsx",
                                self.tr("Excel workbook (*.xlsx)"), ".xlsx")
        if target is None:
            return
        from ...services.export import write_table_xlsx

        headers, rows, groups = view_rows(self.tree)
        title, summary = plan.title, self.filter_summary()
        self.window().run_job(self.tr("Writing the workbook…"),
                              lambda progress: write_table_xlsx(target, title, headers, rows, groups,
                                                                subtitle=summary, progress=progress),
                              lambda path: self.window().hub.status_message.emit(
                                  self.tr("Saved %1").replace("%1", str(Path(path)))))

    # --- layout memory -------------------------------------------------------------------
    def save_layout(self, s: QSettings) -> None:
        s.setValue("main/header", self.tree.header().saveState())

    def restore_layout(self, s: QSettings) -> None:
        header = s.value("main/header")
        if isinstance(header, QByteArray) and self.tree.header().restoreState(header):
            self._after_header_restore()
        else:
            QTimer.singleShot(0, self, self.default_columns)  # cancelled if the view goes first

    def _after_header_restore(self) -> None:
        """A saved header may come from before sorting existed: make it clickable again and re-sort."""
        h = self.tree.header()
        h.setSectionsClickable(True)
        h.setSortIndicatorShown(True)
        for col in (Col.NUMBER, Col.CONTENT):
            h.setSectionHidden(col, False)
        column, order = h.sortIndicatorSection(), h.sortIndicatorOrder()
        if not 0 <= column < len(Col) or column == Col.NUMBER:
            column, order = Col.NUMBER, Qt.SortOrder.AscendingOrder
        h.setSortIndicator(column, order)
        self.tree.sortByColumn(column, order)


__all__ = ["DEFAULT_WIDTHS", "TableView"]
