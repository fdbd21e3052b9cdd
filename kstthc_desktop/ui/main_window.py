"""The main window: a thin shell that wires actions, views and the detail panel to the service."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Plan, Status, Task
from ..services import Changes, OfficeService
from .dialogs.section_editor import SectionDialog
from .dialogs.task_editor import TaskEditorDialog
from .errors import show_error
from .events import EventHub
from .models.task_tree import KIND_ROLE, SECTION_ID_ROLE, TASK_ID_ROLE, Col, TaskFilterProxy, TaskTreeModel
from .panels.task_detail import TaskDetailPanel
from .style import status_label
from .tasks import BackgroundTask
from .views.search import SearchBox
from .views.start_page import StartPage
from .views.table_tools import FilterBar, column_menu, view_rows


class MainWindow(QMainWindow):
    def __init__(self, service: OfficeService, today: date | None = None) -> None:
        super().__init__()
        self.service = service
        self.today = today or date.today()
        self.hub = EventHub(self)
        if today is None:  # a window left open overnight moves on to the new day by itself
            self._day_timer = QTimer(self)
            self._day_timer.setInterval(60_000)
            self._day_timer.timeout.connect(lambda: self.set_today(date.today()))
            self._day_timer.start()
        self._jobs: list[BackgroundTask] = []
        self._was_filtered = False
        self.setWindowTitle(self._title())
        self.resize(1280, 800)

        self.model = TaskTreeModel(self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
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
        header.customContextMenuRequested.connect(lambda pos: self._popup(self.column_menu(), header.mapToGlobal(pos)))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_tree_menu)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.doubleClicked.connect(lambda _: self.edit_selected())
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self._expanded_keys: set[tuple[str, int]] = set()
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.setAccessibleName(self.tr("Plan tasks"))
        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._on_bar_filter)
        self.filter_bar.clear_requested.connect(self.clear_filters)

        self.detail = TaskDetailPanel(service)
        self.detail.today = lambda: self.today
        self.detail.changed.connect(self.apply_changes)
        self.detail.attach_requested.connect(self.attach_files)

        self.tabs = QTabWidget()
        self.table_page = QWidget()
        self.table_page.setObjectName("table")
        self.tree.setObjectName("task_tree")
        page = QVBoxLayout(self.table_page)
        page.setContentsMargins(4, 6, 4, 0)
        page.setSpacing(0)
        page.addWidget(self.filter_bar)
        page.addWidget(self.tree)
        self._add_views()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 380])
        self.splitter = splitter

        self.start_page = StartPage()
        self.start_page.add_requested.connect(self.start_by_hand)
        self.start_page.import_requested.connect(self.import_plan)
        self.start_page.demo_requested.connect(self.open_demo)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(splitter)
        self.setCentralWidget(self.stack)

        self._build_actions()
        self.hub.data_changed.connect(self._on_data_changed)
        self.hub.task_activated.connect(self._on_task_activated)
        self.reload()
        self._restore_layout()
        QTimer.singleShot(2000, self, self.finder.start_reading)  # evidence text for search, after start-up

    # --- actions -------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        a.triggered.connect(lambda checked=False: slot())
        return a

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_import = self._action(self.tr("&Import superior plan…"), self.import_plan, "Ctrl+I")
        self.act_plan_doc = self._action(self.tr("Export the office's plan document…"), self.export_plan_document)
        self.act_office = self._action(self.tr("Office &information…"), self.edit_office)
        self.act_plan_info = self._action(self.tr("Plan re&ferences…"), self.edit_plan_info)
        self.act_settings = self._action(self.tr("&Settings…"), self.open_settings)
        self.act_backup = self._action(self.tr("&Back up now"), self.backup_now)
        self.act_backup_to = self._action(self.tr("Back up to a folder or USB…"), self.backup_to)
        self.act_restore = self._action(self.tr("Restore from a backup…"), self.restore_from_backup)
        self.act_check = self._action(self.tr("Check the data file…"), self.check_data_file)
        self.act_quit = self._action(self.tr("&Quit"), self.close, S.Quit)
        self.act_undo = self._action(self.tr("&Undo"), self.undo, S.Undo)
        self.act_redo = self._action(self.tr("&Redo"), self.redo, "Ctrl+Y")
        self.act_new_task = self._action(self.tr("&New task"), self.new_task, S.New)
        self.act_new_sub = self._action(self.tr("New &subtask"), self.new_subtask, "Ctrl+Shift+N")
        self.act_new_section = self._action(self.tr("New s&ection…"), self.new_section)
        self.act_edit = self._action(self.tr("&Edit…"), self.edit_selected, "F2")
        self.act_delete = self._action(self.tr("&Delete"), self.delete_selected, S.Delete)
        self.act_up = self._action(self.tr("Move &up"), lambda: self.move_selected(-1), "Ctrl+Up")
        self.act_down = self._action(self.tr("Move do&wn"), lambda: self.move_selected(1), "Ctrl+Down")
        self.act_find = self._action(self.tr("&Find"), self.focus_search, S.Find)
        self.act_report = self._action(self.tr("&Periodic report…"), self.open_report, S.Print)
        self.act_export_view = self._action(self.tr("Export the table view to Excel…"), self.export_view)
        self.act_handback = self._action(self.tr("Fill results into the superior's file…"), self.open_handback)
        self.act_rollup = self._action(self.tr("Roll up reports of many offices…"), self.open_rollup)
        self.act_about = self._action(self.tr("&About"), self.about)

        mb = self.menuBar()
        m = mb.addMenu(self.tr("&File"))
        for a in (self.act_import, self.act_plan_doc, self.act_export_view, None, self.act_office, self.act_plan_info, self.act_settings, None, self.act_backup,
                  self.act_backup_to, self.act_restore, self.act_check, None, self.act_quit):
            m.addSeparator() if a is None else m.addAction(a)
        m = mb.addMenu(self.tr("&Edit"))
        for a in (self.act_undo, self.act_redo, None, self.act_new_task, self.act_new_sub, self.act_new_section,
                  self.act_edit, self.act_delete, None, self.act_up, self.act_down, None, self.act_find):
            m.addSeparator() if a is None else m.addAction(a)
        m = mb.addMenu(self.tr("&Report"))
        m.addAction(self.act_report)
        m.addAction(self.act_handback)
        m.addAction(self.act_rollup)
        m.addAction(self.act_plan_info)
        m = mb.addMenu(self.tr("&Help"))
        m.addAction(self.act_about)

        tb = QToolBar(self.tr("Main toolbar"))
        tb.setObjectName("main_toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_import, self.act_new_task, self.act_edit, self.act_delete, self.act_undo, self.act_redo,
                  self.act_report):
            tb.addAction(a)
        tb.addSeparator()
        self.finder = SearchBox(self.service, lambda: (plan.id if (plan := self.plan()) else None), self)
        self.finder.open_requested.connect(self.open_search_hit)
        self.hub.data_changed.connect(self.finder.on_data_changed)
        tb.addWidget(self.finder)
        self.search = QLineEdit()  # filters the table by text; Ctrl+F searches everything (self.finder)
        self.search.setPlaceholderText(self.tr("Filter the table…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.textChanged.connect(lambda _: self._after_filter())
        self.filter_bar.layout().insertWidget(0, self.search, 1)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for s in Status:
            self.status_filter.addItem(status_label(s), s.value)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter)
        tb.addWidget(self.status_filter)
        self.addToolBar(tb)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.hub.status_message.connect(lambda msg: self.statusBar().showMessage(msg, 5000))

    # --- data ----------------------------------------------------------------------------
    def _title(self) -> str:
        office = self.service.office()
        name = office.name_lines[-1] if office and office.name_lines else ""
        return f"KSTTHC Desktop – {name}" if name else "KSTTHC Desktop"

    def plan(self) -> Plan | None:
        return self.service.current_plan()

    def reload(self) -> None:
        """Rebuild the model from the service, keeping the selection and expansion."""
        plan = self.plan()
        selected = self.selected_task_id()
        if plan is None:
            self.stack.setCurrentIndex(0)
            self.model.set_tree([])
        else:
            self.stack.setCurrentIndex(1)
            first = self.model.rowCount() == 0
            self.model.set_tree(self.service.task_tree(plan.id, self.today))
            self._populate_filters(plan)
            self._span_sections()
            if first:
                self._open_sections()
                self._expanded_keys = {("section", s.id) for s in self.model.sections()}
            else:
                self._expand(self._expanded_keys)
            if selected is not None:
                self.select_task(selected)
        self._update_actions()
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
        if getattr(self, "_painted", False):
            work()
            return
        self._pending_after_paint = [*getattr(self, "_pending_after_paint", []), work]
        if not getattr(self, "_paint_watch", False):
            self._paint_watch = True
            self.tree.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001
        if event.type() == QEvent.Type.Paint and watched is self.tree.viewport() and not getattr(self, "_painted", False):
            self._painted = True
            watched.removeEventFilter(self)
            pending, self._pending_after_paint = self._pending_after_paint, []
            QTimer.singleShot(0, self, lambda: [work() for work in pending])
        return super().eventFilter(watched, event)

    def _patch(self, changes: Changes) -> bool:
        """Apply a change without rebuilding the tree when it only touched some tasks' fields.

        Progress, evidence and in-place task edits refresh just those rows (a rebuild costs a
        model reset and re-expanding every open section: too slow with thousands of tasks).
        """
        if not changes.tables:
            return False  # "everything may have changed" (a new day, a restore)
        if changes.tables <= {"settings", "reports", "workday_overrides"}:
            self._update_actions()
            return True  # nothing the table shows
        plan = self.plan()
        if (changes.structural or plan is None or not changes.task_ids
                or not changes.tables <= {"tasks", "progress", "evidence", "settings"}):
            return False
        views = {v.task.id: v for v in self.service.task_views(plan.id, self.today) if v.task.id in changes.task_ids}
        if len(views) != len(changes.task_ids) or not self.model.update_views(views):
            return False
        self._populate_filters(plan)
        self._update_actions()
        self._update_count()
        return True

    def _span_sections(self) -> None:
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if idx.data(KIND_ROLE) == "section":
                self.tree.setFirstColumnSpanned(r, QModelIndex(), True)

    def _node_key(self, idx: QModelIndex) -> tuple[str, int]:
        kind = idx.data(KIND_ROLE)
        return kind, idx.data(TASK_ID_ROLE) if kind == "task" else idx.data(SECTION_ID_ROLE)

    def _on_expanded(self, idx: QModelIndex) -> None:
        self._expanded_keys.add(self._node_key(idx))

    def _on_collapsed(self, idx: QModelIndex) -> None:
        self._expanded_keys.discard(self._node_key(idx))

    def _expand(self, keys: set[tuple[str, int]]) -> None:
        """Reopen what the officer had open: a lookup per open row, never a walk of the whole tree."""
        for kind, key in list(keys):
            src = self.model.index_for_task(key) if kind == "task" else self.model.index_for_section(key)
            idx = self.proxy.mapFromSource(src)
            if idx.isValid():
                self.tree.expand(idx)

    def apply_changes(self, changes: Changes) -> None:
        self.hub.data_changed.emit(changes)

    def _on_data_changed(self, changes: Changes) -> None:
        self.setWindowTitle(self._title())
        if not self._patch(changes):
            self.reload()
        self._on_current_changed(self.tree.currentIndex(), QModelIndex())
        if changes.label:
            self.hub.status_message.emit(changes.label)

    def _update_actions(self) -> None:
        has_plan = self.plan() is not None
        idx = self.tree.currentIndex()
        kind = idx.data(KIND_ROLE) if idx.isValid() else None
        self.act_undo.setEnabled(self.service.can_undo())
        self.act_redo.setEnabled(self.service.can_redo())
        self.act_undo.setText(self.tr("&Undo") + (f": {self.service.undo_label()}" if self.service.can_undo() else ""))
        self.act_redo.setText(self.tr("&Redo") + (f": {self.service.redo_label()}" if self.service.can_redo() else ""))
        for a in (self.act_new_section, self.act_plan_doc, self.act_report, self.act_find, self.act_export_view):
            a.setEnabled(has_plan)
        self.act_new_task.setEnabled(True)
        self.act_new_sub.setEnabled(kind == "task")
        self.act_edit.setEnabled(kind is not None)
        self.act_delete.setEnabled(kind is not None)
        self.act_up.setEnabled(kind is not None)
        self.act_down.setEnabled(kind is not None)

    def _update_count(self) -> None:
        self.filter_bar.clear_button.setEnabled(self.filters_active())
        self.count_label.setText(self.tr("%1 of %2 tasks").replace("%1", str(self.proxy.shown_tasks))
                                 .replace("%2", str(self.model.task_count())))

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

    def _on_status_filter(self) -> None:
        value = self.status_filter.currentData()
        self.proxy.set_statuses({value} if value else set())
        self._after_filter()

    # --- filter bar, sorting, columns ----------------------------------------------------------
    def filters_active(self) -> bool:
        return bool(self.search.text() or self.status_filter.currentIndex() > 0 or self.filter_bar.is_active())

    def _populate_filters(self, plan: Plan) -> None:
        from ..core.periods import periods_of_year

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
        for a in (self.act_new_task, self.act_new_sub, self.act_edit, self.act_delete, None, self.act_up,
                  self.act_down, None, self.act_export_view):
            menu.addSeparator() if a is None else menu.addAction(a)
        return menu

    def _show_tree_menu(self, pos: QPoint) -> None:
        idx = self.tree.indexAt(pos)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)  # the menu acts on the row under the mouse
        self._popup(self.tree_menu(), self.tree.viewport().mapToGlobal(pos))

    def _popup(self, menu: QMenu, where: QPoint) -> None:
        menu.exec(where)

    # --- selection -----------------------------------------------------------------------
    def selected_task_id(self) -> int | None:
        idx = self.tree.currentIndex()
        return idx.data(TASK_ID_ROLE) if idx.isValid() and idx.data(KIND_ROLE) == "task" else None

    def selected_section_id(self) -> int | None:
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return None
        if idx.data(KIND_ROLE) == "section":
            return idx.data(SECTION_ID_ROLE)
        tid = idx.data(TASK_ID_ROLE)
        return self.service.task(tid).section_id

    def select_task(self, task_id: int) -> None:
        src = self.model.index_for_task(task_id)
        idx = self.proxy.mapFromSource(src)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)
            self.tree.selectionModel().select(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect |
                                              QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(idx)

    def _on_task_activated(self, task_id: int) -> None:
        if self.tabs.currentWidget() in (self._views.get("dashboard"), self._views.get("evidence_view")):
            self.tabs.setCurrentWidget(self.table_page)  # a list item opens its task in the table
        if self.selected_task_id() != task_id:
            if not self.proxy.mapFromSource(self.model.index_for_task(task_id)).isValid():
                self.clear_filters()  # the task is filtered out: show everything again
            self.select_task(task_id)

    def set_today(self, day: date) -> None:
        """Statuses are judged at 'today': when the date changes, every view re-judges."""
        if day == self.today:
            return
        self.today = day
        for view in self._views.values():  # views not made yet take the new day when they are
            view.today = day
        self.hub.data_changed.emit(Changes(label=""))

    # The other tabs are made when first opened: start-up imports and builds only the table.
    _LAZY_VIEWS = {  # attribute → (tab object name, module under ui.views, class)
        "dashboard": ("dashboard", "dashboard", "DashboardView"),
        "timeline": ("timeline", "timeline", "TimelineView"),
        "calendar": ("calendar", "calendar", "CalendarView"),
        "evidence_view": ("evidence", "evidence_register", "EvidenceRegister"),
    }

    def _add_views(self) -> None:
        self._views: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        titles = {"dashboard": self.tr("What needs me now"), "timeline": self.tr("Timeline"),
                  "calendar": self.tr("Calendar"), "evidence_view": self.tr("Evidence")}
        for attr in ("dashboard", None, "timeline", "calendar", "evidence_view"):
            if attr is None:
                self.add_view(self.table_page, self.tr("Table"))
                continue
            holder = QWidget()
            holder.setObjectName(self._LAZY_VIEWS[attr][0])  # the remembered tab finds it by name
            self._placeholders[attr] = holder
            self.add_view(holder, titles[attr])
        self.tabs.setCurrentWidget(self.table_page)
        self.tabs.currentChanged.connect(self._make_current_view)

    def _make_current_view(self, index: int) -> None:
        for attr, holder in list(self._placeholders.items()):
            if self.tabs.widget(index) is holder:
                self._view(attr)

    def _view(self, attr: str) -> QWidget:
        """The tab's real view, made (and put in its placeholder's place) on first use."""
        view = self._views.get(attr)
        if view is None:
            import importlib

            _name, module, cls = self._LAZY_VIEWS[attr]
            view_class = getattr(importlib.import_module(f"{__package__}.views.{module}"), cls)
            view = view_class(self.service, self.hub, self.today)
            self._views[attr] = view
            holder = self._placeholders.pop(attr)
            index = self.tabs.indexOf(holder)
            title = self.tabs.tabText(index)
            current = self.tabs.currentIndex() == index
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, view, title)
            if current:
                self.tabs.setCurrentIndex(index)
            self.tabs.blockSignals(False)
            holder.deleteLater()
        return view

    dashboard = property(lambda self: self._view("dashboard"))
    timeline = property(lambda self: self._view("timeline"))
    calendar = property(lambda self: self._view("calendar"))
    evidence_view = property(lambda self: self._view("evidence_view"))

    def add_view(self, widget: QWidget, title: str) -> None:
        """Views get the hub; they refresh on data_changed and follow task_selected themselves."""
        self.tabs.addTab(widget, title)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = None
        if current.isValid() and current.data(KIND_ROLE) == "task":
            node = self.proxy.mapToSource(current).internalPointer()
            view = node.view
        self.detail.show_task(view)
        self.hub.task_selected.emit(view.task.id if view else None)
        self._update_actions()

    # --- edits ---------------------------------------------------------------------------
    def _do(self, fn) -> object:  # noqa: ANN001
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - shown, never swallowed
            show_error(self, exc)
            return None
        changes = result[1] if isinstance(result, tuple) else result
        if isinstance(changes, Changes):
            self.apply_changes(changes)
        return result

    def _ensure_plan(self) -> Plan | None:
        plan = self.plan()
        if plan is None:
            result = self._do(lambda: self.service.create_plan(
                Plan(year=self.today.year, title=f"Kế hoạch kiểm soát thủ tục hành chính năm {self.today.year}")))
            plan = self.plan() if result else None
        return plan

    def start_by_hand(self) -> None:
        plan = self._ensure_plan()
        if plan is None:
            return
        if not self.service.sections(plan.id):
            self._do(lambda: self.service.add_section(plan.id, "I", "NỘI DUNG"))
        self.new_task()

    def new_task(self, parent_id: int | None = None) -> None:
        plan = self._ensure_plan()
        if plan is None:
            return
        section_id = self.selected_section_id()
        if section_id is None:
            sections = self.service.sections(plan.id)
            section_id = sections[0].id if sections else None
        if parent_id is not None:
            section_id = self.service.task(parent_id).section_id
        draft = Task(plan_id=plan.id, section_id=section_id, parent_id=parent_id)
        task = TaskEditorDialog.ask(self, draft, self.service.sections(plan.id), plan.year)
        if task is None:
            return
        after = self.selected_task_id() if parent_id is None else None
        if after is not None and self.service.task(after).parent_id is not None:
            after = None
        result = self._do(lambda: self.service.add_task(task, after_id=after))
        if result:
            self.select_task(result[0])

    def new_subtask(self) -> None:
        tid = self.selected_task_id()
        if tid is not None:
            self.new_task(parent_id=tid)

    def new_section(self) -> None:
        plan = self._ensure_plan()
        if plan is None:
            return
        value = SectionDialog.ask(self)
        if value:
            self._do(lambda: self.service.add_section(plan.id, *value))

    def edit_selected(self) -> None:
        plan = self.plan()
        idx = self.tree.currentIndex()
        if plan is None or not idx.isValid():
            return
        if idx.data(KIND_ROLE) == "section":
            sid = idx.data(SECTION_ID_ROLE)
            sec = next(s for s in self.service.sections(plan.id) if s.id == sid)
            value = SectionDialog.ask(self, sec.number, sec.title, sec.appendix)
            if value:
                sec.number, sec.title, sec.appendix = value
                self._do(lambda: self.service.update_section(sec))
            return
        task = self.service.task(idx.data(TASK_ID_ROLE))
        edited = TaskEditorDialog.ask(self, task, self.service.sections(plan.id), plan.year)
        if edited is not None:
            self._do(lambda: self.service.update_task(edited))

    def delete_selected(self) -> None:
        """Deleting needs no confirmation: undo brings it back (DESIGN.md §10)."""
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return
        if idx.data(KIND_ROLE) == "section":
            sid = idx.data(SECTION_ID_ROLE)
            self._do(lambda: self.service.delete_section(sid))
        else:
            tid = idx.data(TASK_ID_ROLE)
            if not self._settle_evidence_before_delete(tid):
                return
            self._do(lambda: self.service.delete_task(tid))
        self.hub.status_message.emit(self.tr("Deleted. Press Ctrl+Z to undo."))

    def _settle_evidence_before_delete(self, task_id: int) -> bool:
        """A task with evidence: ask whether to save the files first (the delete itself is undoable)."""
        files = self.service.subtree_evidence(task_id)
        if not files:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete task"),
                          self.tr("This task has %1 evidence file(s). They are deleted with the task "
                                  "(Ctrl+Z brings everything back).").replace("%1", str(len(files))), parent=self)
        delete = box.addButton(self.tr("Delete with the evidence"), QMessageBox.ButtonRole.DestructiveRole)
        save = box.addButton(self.tr("Save the evidence to a folder first…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is delete:
            return True
        if box.clickedButton() is save:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save the evidence to"))
            if not folder:
                return False
            try:
                self.service.export_evidence(folder, task_id=task_id)
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return False
            return True
        return False

    def move_selected(self, delta: int) -> None:
        """Ctrl+Up/Down: move the selected task among its siblings, or a section among sections."""
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return
        if idx.data(KIND_ROLE) == "section":
            sid = idx.data(SECTION_ID_ROLE)
            self._do(lambda: self.service.move_section(sid, delta))
            self.select_section(sid)
            return
        tid = idx.data(TASK_ID_ROLE)
        self._do(lambda: self.service.move_task(tid, delta))
        self.select_task(tid)

    def select_section(self, section_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if idx.data(KIND_ROLE) == "section" and idx.data(SECTION_ID_ROLE) == section_id:
                self.tree.setCurrentIndex(idx)
                self.tree.scrollTo(idx)
                return

    def undo(self) -> None:
        self._do(self.service.undo)

    def redo(self) -> None:
        self._do(self.service.redo)

    def focus_search(self) -> None:
        self.finder.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.finder.selectAll()

    def open_search_hit(self, hit, open_file: bool = False) -> None:  # noqa: ANN001 - core.search.SearchHit
        """Show the task of a search result in the table, with the progress entry or evidence item
        selected in the detail panel; Ctrl+Enter on evidence also opens the file in its viewer."""
        self.tabs.setCurrentWidget(self.table_page)
        self._on_task_activated(hit.task_id)
        if self.selected_task_id() != hit.task_id:
            return
        if hit.kind == "progress":
            self.detail.select_progress(hit.item_id)
        elif hit.kind == "evidence":
            self.detail.select_evidence(hit.item_id)
            if open_file:
                self.detail.open_evidence()
        else:
            self.tree.setFocus()

    def edit_office(self) -> None:
        from .dialogs.office_setup import OfficeSetupDialog

        office = OfficeSetupDialog.ask(self, self.service.office())
        if office is not None:
            self._do(lambda: self.service.save_office(office))

    def edit_plan_info(self) -> None:
        from .dialogs.plan_info import PlanInfoDialog

        changes = PlanInfoDialog.ask(self, self.service)
        if changes is not None:
            self.apply_changes(changes)

    def open_settings(self) -> None:
        from .dialogs.settings import SettingsDialog

        for changes in SettingsDialog.ask(self, self.service):
            self.apply_changes(changes)

    # --- evidence (background) -----------------------------------------------------------
    def attach_files(self, task_id: int, paths: list[str]) -> None:
        """Hash and stream files in on a worker; each link is one undoable write on the GUI thread."""
        service = self.service

        def job(progress):  # noqa: ANN001, ANN202
            return [(p, *service.stage_evidence(p, progress)) for p in paths]

        def link(staged: list) -> None:
            for path, sha, size in staged:
                if self._do(lambda p=path, h=sha, n=size: service.link_evidence(task_id, p, h, n)) is None:
                    break

        self.run_job(self.tr("Attaching files…"), job, link)

    def run_job(self, title: str, fn, on_done) -> BackgroundTask:  # noqa: ANN001
        task = BackgroundTask(self, title, fn)
        task.done.connect(on_done)
        task.error.connect(lambda exc: (show_error(self, exc), self.reload()))
        task.cancelled.connect(lambda: self.hub.status_message.emit(self.tr("Cancelled.")))
        self._jobs.append(task)
        task.done.connect(lambda _=None, t=task: self._jobs.remove(t) if t in self._jobs else None)
        task.error.connect(lambda _=None, t=task: self._jobs.remove(t) if t in self._jobs else None)
        task.cancelled.connect(lambda t=task: self._jobs.remove(t) if t in self._jobs else None)
        task.start()
        return task

    # --- files ---------------------------------------------------------------------------
    def import_plan(self) -> None:
        from .dialogs.import_wizard import ImportWizard

        result = ImportWizard.run(self, self.service)
        if result is not None:
            self.apply_changes(result.changes)

    def open_report(self) -> None:
        from .dialogs.report_dialog import ReportDialog

        ReportDialog.run(self, self.service, self.today)
        self.reload()

    def open_handback(self) -> None:
        """The hand-back: a copy of the superior's file with the results (a window of its own)."""
        from .dialogs.handback_dialog import HandbackDialog

        self.handback_dialog = HandbackDialog(self.service, self.today, self)
        self.handback_dialog.show()

    def open_rollup(self) -> None:
        """The roll-up of many offices' reports: needs no plan, its own window."""
        from .dialogs.rollup_dialog import RollupDialog

        self.rollup_dialog = RollupDialog(self.today, self.service.office(), self)
        self.rollup_dialog.show()

    def export_view(self) -> None:
        """What the table shows (filters, sort order, visible columns) into an .xlsx workbook."""
        plan = self.plan()
        if plan is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export the table view to Excel"),
                                                f"ke-hoach-{plan.year}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        from ..services.export import write_table_xlsx

        headers, rows, groups = view_rows(self.tree)
        title, summary = plan.title, self.filter_summary()
        self.run_job(self.tr("Writing the workbook…"),
                     lambda progress: write_table_xlsx(target, title, headers, rows, groups, subtitle=summary,
                                                       progress=progress),
                     lambda path: self.hub.status_message.emit(self.tr("Saved %1").replace("%1", str(path))))

    def export_plan_document(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export plan document"), "ke-hoach.pdf",
                                                self.tr("PDF (*.pdf);;Word (*.docx)"))
        if target:
            try:
                content = self.service.plan_document_content(self.today)  # read here; render on a worker
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return
            self.run_job(self.tr("Writing the plan document…"),
                         lambda progress: self.service.render_plan_document(content, target),
                         lambda path: self.hub.status_message.emit(self.tr("Saved %1").replace("%1", str(path))))

    def backup_now(self) -> None:
        try:
            path = self.service.backup()
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.hub.status_message.emit(self.tr("Backup saved: %1").replace("%1", str(path)))

    def backup_to(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up to"))
        if folder:
            try:
                path = self.service.backup(folder, reason="usb")
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return
            QMessageBox.information(self, self.tr("Backup"), self.tr("Backup saved: %1").replace("%1", str(path)))

    def restore_from_backup(self) -> None:
        """Replace the office file with a backup; the current file is kept aside, never lost."""
        folder = self.service.backup_folder()
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), str(folder), "KSTTHC (*.kstthc)")
        if not name:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore from a backup"),
            self.tr("Replace the data with the backup '%1'? The current data file is kept beside it "
                    "(…-truoc-khoi-phuc-….kstthc), so nothing is lost.").replace("%1", Path(name).name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from .. import app

        app.restore_into_new_window(self, Path(name))

    def check_data_file(self) -> None:
        """Every part of the check, now, with progress; problems come with the backup that helps."""
        from . import health

        health.run_full_check(self)

    def open_demo(self) -> None:
        """Sample data opens in its own window on a fresh demo file, never over the office's file."""
        from .. import app

        app.open_demo_window(self)

    def about(self) -> None:
        from .dialogs.about import AboutDialog

        AboutDialog.run(self, self.service.path)

    # --- layout --------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        s = QSettings()
        geo = s.value("main/geometry")
        if isinstance(geo, QByteArray):
            self.restoreGeometry(geo)
        state = s.value("main/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = s.value("main/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        tab = s.value("main/tab")
        if isinstance(tab, str):
            for i in range(self.tabs.count()):
                if self.tabs.widget(i).objectName() == tab:
                    self.tabs.setCurrentIndex(i)
        header = s.value("main/header")
        if isinstance(header, QByteArray):
            self.tree.header().restoreState(header)
            self._after_header_restore()
        else:
            QTimer.singleShot(0, self, self._default_columns)  # cancelled if the window goes first

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

    def _default_columns(self) -> None:
        widths = {Col.NUMBER: 95, Col.CONTENT: 320, Col.STATUS: 250, Col.DUE: 90, Col.DEADLINE: 180,
                  Col.LEAD: 170, Col.COORDINATING: 150, Col.PRODUCTS: 160, Col.EVIDENCE: 60}
        for col, w in widths.items():
            self.tree.setColumnWidth(col, w)

    def closeEvent(self, event: QCloseEvent) -> None:
        if any(j.running for j in self._jobs):
            QMessageBox.information(self, "KSTTHC Desktop", self.tr("Please wait: a task is still running."))
            event.ignore()
            return
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/header", self.tree.header().saveState())
        s.setValue("main/tab", self.tabs.currentWidget().objectName())
        super().closeEvent(event)


__all__ = ["MainWindow", "QWidget"]
