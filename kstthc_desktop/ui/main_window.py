"""The main window: a thin shell that wires actions, views and the detail panel to the service."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ..core.model import Plan, PlanKind, Task
from ..services import Changes, OfficeService
from . import files, fit
from .errors import show_error
from .events import EventHub
from .panels.task_detail import TaskDetailPanel
from .views.search import SearchBox
from .views.start_page import StartPage
from .views.table_view import TableView

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from .tasks import BackgroundTask

# Dialogs, message boxes and the background-job machinery are imported where they are used: the
# first paint needs none of them (tests/unit/test_architecture.py).


def plan_label(plan: Plan, plans: list[Plan]) -> str:
    """How the plan chooser names a plan: title, year, whose plan, and which revision."""
    from PySide6.QtCore import QCoreApplication

    if plan.kind == PlanKind.SUPERIOR:
        kind = QCoreApplication.translate("MainWindow", "superior's plan")
    else:
        kind = QCoreApplication.translate("MainWindow", "own plan")
    parts = [str(plan.year), kind]
    if plan.revision:  # revised versions imported into it
        parts.append(QCoreApplication.translate("MainWindow", "revision %1").replace("%1", str(plan.revision)))
    base = next((p for p in plans if p.id == plan.revision_of), None) if plan.revision_of else None
    if base is not None:  # a plan kept beside the one it revises
        parts.append(QCoreApplication.translate("MainWindow", "revises \"%1\"").replace("%1", base.title[:40]))
    if plan.sample:
        parts.append(QCoreApplication.translate("MainWindow", "sample"))
    title = plan.title or QCoreApplication.translate("MainWindow", "(untitled plan)")
    return f"{title} ({', '.join(parts)})"


class MainWindow(QMainWindow):
    """One office file on screen. Opening other windows (sample data, a restored backup) is asked
    for with a signal; ``ui.windows``, which opens every window, answers it."""

    demo_requested = Signal()
    restore_requested = Signal(object)  # Path of the backup that replaces this window's file

    def __init__(self, service: OfficeService, today: date | None = None) -> None:
        super().__init__()
        self.service = service
        self.today = today or date.today()
        self.title_suffix = ""  # "SAMPLE DATA" on a demo window
        self.hub = EventHub(self)
        self._first_paint_work: list | None = []  # run once the window has been painted (None: it has)
        self._first_paint_posted = False
        if today is None:  # a window left open overnight moves on to the new day by itself
            self._day_timer = QTimer(self)
            self._day_timer.setInterval(60_000)
            self._day_timer.timeout.connect(lambda: self.set_today(date.today()))
            self.after_first_paint(self._day_timer.start)
        self._jobs: list[BackgroundTask] = []
        self.setWindowTitle(self._title())
        self.setMinimumSize(640, 420)

        self.table = TableView()
        self.table.today = self.today
        self.table.current_changed.connect(self._on_current_changed)
        self.table.edit_requested.connect(self.edit_selected)

        self.detail = TaskDetailPanel(service)
        self.detail.today = lambda: self.today
        self.detail.changed.connect(self.apply_changes)
        self.detail.attach_requested.connect(self.attach_files)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._add_views()
        self.plan_box = QComboBox()
        self.plan_box.setAccessibleName(self.tr("Plan"))
        self.plan_box.setToolTip(self.tr("The plan shown in every tab; the file keeps all of them."))
        self.plan_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_box.setMinimumContentsLength(18)
        self.plan_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.plan_box.activated.connect(lambda i: self.choose_plan(self.plan_box.itemData(i)))
        corner = QWidget()
        cl = QHBoxLayout(corner)
        cl.setContentsMargins(8, 0, 4, 0)
        cl.addWidget(QLabel(self.tr("Plan:")))
        cl.addWidget(self.plan_box, 1)
        corner.setMaximumWidth(460)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([960, 390])
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
        self.reload(first_screen=True)
        self._restore_layout()
        if self.table.partial_count is not None and not self.table.in_plan_order():
            self.reload()  # sorted by another column: its first rows may come from anywhere in the plan
        # evidence text for search: two seconds after the window shows, never before its first paint
        self.after_first_paint(lambda: QTimer.singleShot(2000, self, self.finder.start_reading))

    # --- start-up ------------------------------------------------------------------------
    def after_first_paint(self, work) -> None:  # noqa: ANN001
        """Run ``work`` just after the window's first paint (at once if it has been painted).

        Start-up does only what the first picture needs; timers, the dialog fitter and the like
        wait for it (tests/unit/test_architecture.py keeps an eye on what loads before it).
        """
        if self._first_paint_work is None:
            work()
        else:
            self._first_paint_work.append(work)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        # paintEvent, not an event filter: a filter would hand Python every event of the window,
        # and the first one of a class PySide has no wrapper for (Qt's private events) makes it
        # create a Python type for every QEvent subclass (~50 types, their enums: milliseconds).
        super().paintEvent(event)
        if not self._first_paint_posted:
            self._first_paint_posted = True
            QTimer.singleShot(0, self, self._run_first_paint_work)

    def _run_first_paint_work(self) -> None:
        pending, self._first_paint_work = self._first_paint_work or [], None
        for work in pending:
            work()

    # --- actions -------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, short: str = "") -> QAction:  # noqa: ANN001
        """An action; ``short`` is its toolbar label, kept when the menu text grows (Undo: …)."""
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if short:
            a.setIconText(short)
        a.setStatusTip(text.replace("&", "").rstrip("…"))
        a.triggered.connect(lambda checked=False: slot())
        return a

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_import = self._action(self.tr("&Import superior plan…"), self.import_plan, "Ctrl+I",
                                       self.tr("Import plan…"))
        self.act_plan_doc = self._action(self.tr("Export the office's &plan document…"), self.export_plan_document)
        self.act_export_view = self._action(self.tr("Export the table view to &Excel…"), self.export_view)
        self.act_office = self._action(self.tr("Office &information…"), self.edit_office)
        self.act_plan_info = self._action(self.tr("Plan re&ferences…"), self.edit_plan_info)
        self.act_settings = self._action(self.tr("&Settings…"), self.open_settings)
        self.act_backup = self._action(self.tr("&Back up now"), self.backup_now)
        self.act_backup_to = self._action(self.tr("Back up to a folder or &USB…"), self.backup_to)
        self.act_restore = self._action(self.tr("&Restore from a backup…"), self.restore_from_backup)
        self.act_check = self._action(self.tr("C&heck the data file…"), self.check_data_file)
        self.act_quit = self._action(self.tr("&Quit"), self.close, S.Quit)
        self.act_undo = self._action(self.tr("&Undo"), self.undo, S.Undo, self.tr("Undo"))
        self.act_redo = self._action(self.tr("&Redo"), self.redo, "Ctrl+Y", self.tr("Redo"))
        self.act_find = self._action(self.tr("&Find"), self.focus_search, S.Find)
        self.act_new_task = self._action(self.tr("&New task"), self.new_task, S.New, self.tr("New task"))
        self.act_new_sub = self._action(self.tr("New &subtask"), self.new_subtask, "Ctrl+Shift+N")
        self.act_new_section = self._action(self.tr("New s&ection…"), self.new_section)
        self.act_edit = self._action(self.tr("&Edit…"), self.edit_selected, "F2", self.tr("Edit…"))
        self.act_delete = self._action(self.tr("&Delete"), self.delete_selected, S.Delete, self.tr("Delete"))
        self.act_up = self._action(self.tr("Move &up"), lambda: self.move_selected(-1), "Ctrl+Up")
        self.act_down = self._action(self.tr("Move do&wn"), lambda: self.move_selected(1), "Ctrl+Down")
        self.act_progress = self._action(self.tr("&Record progress…"), self.detail.add_progress, "Ctrl+G",
                                         self.tr("Record progress…"))
        self.act_done = self._action(self.tr("&Mark done"), self.detail.mark_done, "Ctrl+Shift+G")
        self.act_attach = self._action(self.tr("&Attach files…"), self.detail.choose_files, "Ctrl+T",
                                       self.tr("Attach files…"))
        self.act_report = self._action(self.tr("&Periodic report…"), self.open_report, S.Print,
                                       self.tr("Report…"))
        self.act_handback = self._action(self.tr("Fill results into the superior's file…"), self.open_handback)
        self.act_rollup = self._action(self.tr("Roll up reports of many offices…"), self.open_rollup)
        self.act_about = self._action(self.tr("&About"), self.about)
        self.plan_actions = QActionGroup(self)
        self.plan_actions.setExclusive(True)

        mb = self.menuBar()
        menus = (
            (self.tr("&File"), (self.act_import, self.act_plan_doc, self.act_export_view, None, self.act_office,
                                self.act_plan_info, self.act_settings, None, self.act_backup, self.act_backup_to,
                                self.act_restore, self.act_check, None, self.act_quit)),
            (self.tr("&Edit"), (self.act_undo, self.act_redo, None, self.act_find)),
            (self.tr("&Task"), (self.act_new_task, self.act_new_sub, self.act_new_section, self.act_edit,
                                self.act_delete, None, self.act_up, self.act_down, None, self.act_progress,
                                self.act_done, self.act_attach)),
            (self.tr("&Plan"), ()),
            (self.tr("&Report"), (self.act_report, self.act_handback, self.act_rollup)),
            (self.tr("&Help"), (self.act_about,)),
        )
        # Every menu is held here (PySide6 before 6.11.2 let a menu made by addMenu(title) die with
        # its last Python reference; the Plan menu is refilled later).
        self.menus: list[QMenu] = []
        for title, actions in menus:
            m = mb.addMenu(title)
            self.menus.append(m)
            for a in actions:
                m.addSeparator() if a is None else m.addAction(a)
        self.plan_menu = self.menus[3]
        self.plan_menu.aboutToShow.connect(self._fill_plan_menu)
        self._fill_plan_menu()
        self.table.context_actions = [self.act_progress, self.act_attach, self.act_done, None, self.act_new_task,
                                      self.act_new_sub, self.act_edit, self.act_delete, None, self.act_up,
                                      self.act_down, None, self.act_export_view]

        tb = QToolBar(self.tr("Main toolbar"))
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_import, self.act_new_task, self.act_edit, self.act_delete, self.act_undo, self.act_redo,
                  None, self.act_progress, self.act_attach, None, self.act_report):
            tb.addSeparator() if a is None else tb.addAction(a)
        tb.addSeparator()
        self.finder = SearchBox(self.service, lambda: (plan.id if (plan := self.plan()) else None), self)
        self.finder.open_requested.connect(self.open_search_hit)
        self.hub.data_changed.connect(self.finder.on_data_changed)
        tb.addWidget(self.finder)  # Ctrl+F searches everything; the table's own text filter sits in its filter bar
        tb.addWidget(self.table.status_filter)
        self.addToolBar(tb)
        self.toolbar = tb
        self.statusBar().addPermanentWidget(self.table.count_label)
        self.hub.status_message.connect(lambda msg: self.statusBar().showMessage(msg, 5000))

    # --- data ----------------------------------------------------------------------------
    def _title(self) -> str:
        office = self.service.office()
        name = office.name_lines[-1] if office and office.name_lines else ""
        title = f"KSTTHC Desktop – {name}" if name else "KSTTHC Desktop"
        return f"{title} – {self.title_suffix}" if self.title_suffix else title

    def plan(self) -> Plan | None:
        return self.service.current_plan()

    def reload(self, first_screen: bool = False) -> None:
        """Rebuild the table from the service, keeping the selection and expansion.

        ``first_screen`` (the window's first load): of a large plan only the rows the first paint
        shows are read; the whole plan comes right after that paint."""
        plan = self.plan()
        self.table.today = self.today
        if plan is None:
            self.stack.setCurrentIndex(0)
            self.table.set_tree(None, [])
        else:
            self.stack.setCurrentIndex(1)
            head = self.service.task_tree_head(plan.id, self.today, self.table.FIRST_SCREEN_ROWS) if first_screen else None
            if head is None:
                self.table.set_tree(plan, self.service.task_tree(plan.id, self.today))
            else:
                self.table.set_tree(plan, head[0], task_count=head[1])
                self.after_first_paint(self._finish_partial_load)
        self._fill_plan_box()
        self._update_actions()

    def _finish_partial_load(self) -> None:
        if self.table.partial_count is not None:  # (not reloaded whole since)
            self.reload()

    def _patch(self, changes: Changes) -> bool:
        """Apply a change without rebuilding the tree when it only touched some tasks' fields.

        Progress, evidence and in-place task edits refresh just those rows (a rebuild costs a
        model reset and re-expanding every open section: too slow with thousands of tasks).
        """
        if not changes.tables:
            return False  # "everything may have changed" (a new day, a restore, another plan)
        if changes.tables <= {"settings", "reports", "workday_overrides"}:
            self._update_actions()
            return True  # nothing the table shows
        plan = self.plan()
        if (changes.structural or plan is None or not changes.task_ids
                or not changes.tables <= {"tasks", "progress", "evidence", "settings"}):
            return False
        views = {v.task.id: v for v in self.service.task_views(plan.id, self.today) if v.task.id in changes.task_ids}
        if len(views) != len(changes.task_ids) or not self.table.update_views(views):
            return False
        self._update_actions()
        return True

    def apply_changes(self, changes: Changes) -> None:
        self.hub.data_changed.emit(changes)

    def _on_data_changed(self, changes: Changes) -> None:
        self.setWindowTitle(self._title())
        if not self._patch(changes):
            self.reload()
        self._on_current_changed(self.table.current_view())
        if changes.label:
            self.hub.status_message.emit(changes.label)

    def _update_actions(self) -> None:
        has_plan = self.plan() is not None
        kind = self.table.selected_kind()
        on_task = kind == "task"
        undo, redo = self.service.can_undo(), self.service.can_redo()
        self.act_undo.setEnabled(undo)
        self.act_redo.setEnabled(redo)
        self.act_undo.setText(self.tr("&Undo") + (f": {self.service.undo_label()}" if undo else ""))
        self.act_redo.setText(self.tr("&Redo") + (f": {self.service.redo_label()}" if redo else ""))
        self.act_undo.setToolTip(self.act_undo.text().replace("&", ""))
        self.act_redo.setToolTip(self.act_redo.text().replace("&", ""))
        for a in (self.act_new_section, self.act_plan_doc, self.act_report, self.act_find, self.act_export_view):
            a.setEnabled(has_plan)
        self.act_new_task.setEnabled(True)
        for a in (self.act_new_sub, self.act_progress, self.act_done, self.act_attach):
            a.setEnabled(on_task)
        for a in (self.act_edit, self.act_delete, self.act_up, self.act_down):
            a.setEnabled(kind is not None)

    # --- plans ---------------------------------------------------------------------------
    def _fill_plan_box(self) -> None:
        plans = self.service.plans()
        current = self.plan()
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for p in plans:
            label = plan_label(p, plans)
            self.plan_box.addItem(label, p.id)
            self.plan_box.setItemData(self.plan_box.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.plan_box.setCurrentIndex(max(0, self.plan_box.findData(current.id if current else None)))
        self.plan_box.setToolTip(self.plan_box.currentText())
        self.plan_box.blockSignals(False)
        self.tabs.cornerWidget(Qt.Corner.TopRightCorner).setVisible(bool(plans))

    def _fill_plan_menu(self) -> None:
        self.plan_menu.clear()
        for a in self.plan_actions.actions():
            self.plan_actions.removeAction(a)
        plans = self.service.plans()
        current = self.plan()
        for i, p in enumerate(plans):
            prefix = f"&{i + 1} " if i < 9 else ""
            a = QAction(prefix + plan_label(p, plans).replace("&", "&&"), self.plan_menu)
            a.setCheckable(True)
            a.setChecked(current is not None and p.id == current.id)
            a.triggered.connect(lambda _=False, pid=p.id: self.choose_plan(pid))
            self.plan_actions.addAction(a)
            self.plan_menu.addAction(a)
        if not plans:
            empty = self.plan_menu.addAction(self.tr("(no plan yet)"))
            empty.setEnabled(False)
        self.plan_menu.addSeparator()
        self.plan_menu.addAction(self.act_import)

    def choose_plan(self, plan_id: int | None) -> None:
        """Show another plan of the file; nothing of the others is touched or hidden for good."""
        current = self.plan()
        if plan_id is None or (current is not None and current.id == plan_id):
            return
        if self._do(lambda: self.service.set_current_plan(plan_id)) is not None:
            self.apply_changes(Changes(label=""))  # every view shows the other plan now

    # --- views and selection -------------------------------------------------------------
    def selected_task_id(self) -> int | None:
        return self.table.selected_task_id()

    def select_task(self, task_id: int) -> None:
        self.table.select_task(task_id)

    def _on_task_activated(self, task_id: int) -> None:
        if self.tabs.currentWidget() in (self._views.get("dashboard"), self._views.get("evidence_view")):
            self.tabs.setCurrentWidget(self.table)  # a list item opens its task in the table
        if self.selected_task_id() != task_id:
            self.table.select_task(task_id)

    def set_today(self, day: date) -> None:
        """Statuses are judged at 'today': when the date changes, every view re-judges."""
        if day == self.today:
            return
        self.today = day
        self.table.today = day
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
                self.add_view(self.table, self.tr("Table"))
                continue
            holder = QWidget()
            holder.setObjectName(self._LAZY_VIEWS[attr][0])  # the remembered tab finds it by name
            self._placeholders[attr] = holder
            self.add_view(holder, titles[attr])
        self.tabs.setCurrentWidget(self.table)
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

    def _on_current_changed(self, view) -> None:  # noqa: ANN001 - TaskView | None
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
        from .dialogs.task_editor import TaskEditorDialog

        plan = self._ensure_plan()
        if plan is None:
            return
        section_id = self.table.selected_section_id()
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
        from .dialogs.section_editor import SectionDialog

        plan = self._ensure_plan()
        if plan is None:
            return
        value = SectionDialog.ask(self)
        if value:
            self._do(lambda: self.service.add_section(plan.id, *value))

    def edit_selected(self) -> None:
        from .dialogs.section_editor import SectionDialog
        from .dialogs.task_editor import TaskEditorDialog

        plan = self.plan()
        kind = self.table.selected_kind()
        if plan is None or kind is None:
            return
        if kind == "section":
            sid = self.table.selected_section_id()
            sec = next(s for s in self.service.sections(plan.id) if s.id == sid)
            value = SectionDialog.ask(self, sec.number, sec.title, sec.appendix)
            if value:
                sec.number, sec.title, sec.appendix = value
                self._do(lambda: self.service.update_section(sec))
            return
        task = self.service.task(self.selected_task_id())
        edited = TaskEditorDialog.ask(self, task, self.service.sections(plan.id), plan.year)
        if edited is not None:
            self._do(lambda: self.service.update_task(edited))

    def delete_selected(self) -> None:
        """Deleting needs no confirmation: undo brings it back (DESIGN.md §10)."""
        kind = self.table.selected_kind()
        if kind is None:
            return
        if kind == "section":
            sid = self.table.selected_section_id()
            self._do(lambda: self.service.delete_section(sid))
        else:
            tid = self.selected_task_id()
            if not self._settle_evidence_before_delete(tid):
                return
            self._do(lambda: self.service.delete_task(tid))
        self.hub.status_message.emit(self.tr("Deleted. Press Ctrl+Z to undo."))

    def _settle_evidence_before_delete(self, task_id: int) -> bool:
        """A task with evidence: ask whether to save the files first (the delete itself is undoable)."""
        from PySide6.QtWidgets import QMessageBox

        found = self.service.subtree_evidence(task_id)
        if not found:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete task"),
                          self.tr("This task has %1 evidence file(s). They are deleted with the task "
                                  "(Ctrl+Z brings everything back).").replace("%1", str(len(found))), parent=self)
        delete = box.addButton(self.tr("Delete with the evidence"), QMessageBox.ButtonRole.DestructiveRole)
        save = box.addButton(self.tr("Save the evidence to a folder first…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is delete:
            return True
        if box.clickedButton() is save:
            folder = files.ask_folder(self, self.tr("Save the evidence to"))
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
        kind = self.table.selected_kind()
        if kind == "section":
            sid = self.table.selected_section_id()
            self._do(lambda: self.service.move_section(sid, delta))
            self.table.select_section(sid)
        elif kind == "task":
            tid = self.selected_task_id()
            self._do(lambda: self.service.move_task(tid, delta))
            self.select_task(tid)

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
        self.tabs.setCurrentWidget(self.table)
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
            self.table.tree.setFocus()

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
            if task.cancel_requested:  # Cancel pressed while the last file was being stored
                self.hub.status_message.emit(self.tr("Cancelled."))  # (what was stored goes at the next open)
                return
            for path, sha, size in staged:
                if self._do(lambda p=path, h=sha, n=size: service.link_evidence(task_id, p, h, n)) is None:
                    break

        task = self.run_job(self.tr("Attaching files…"), job, link)

    def run_job(self, title: str, fn, on_done) -> BackgroundTask:  # noqa: ANN001
        from .tasks import BackgroundTask

        task = BackgroundTask(self, title, fn)
        task.done.connect(on_done)
        task.error.connect(lambda exc: (show_error(self, exc), self.reload()))
        task.cancelled.connect(lambda: self.hub.status_message.emit(self.tr("Cancelled.")))
        self.track_job(task)
        task.start()
        return task

    def track_job(self, task: BackgroundTask) -> None:
        """Count ``task`` among the window's running work until it has ended and its answer is
        shown (closing the window waits for it)."""
        self._jobs.append(task)
        task.done.connect(lambda _=None, t=task: self._jobs.remove(t) if t in self._jobs else None)
        task.error.connect(lambda _=None, t=task: self._jobs.remove(t) if t in self._jobs else None)
        task.cancelled.connect(lambda t=task: self._jobs.remove(t) if t in self._jobs else None)

    # --- files ---------------------------------------------------------------------------
    def import_plan(self) -> None:
        from .dialogs.import_wizard import ImportWizard

        result = ImportWizard.run(self, self.service)
        if result is not None:
            self.apply_changes(result.changes)

    def open_report(self) -> None:
        from .dialogs.report_dialog import ReportDialog

        ReportDialog.run(self, self.service, self.today)
        self.apply_changes(Changes(label=""))  # causes typed there: every view (the dashboard's offers) hears

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
        self.table.export_view()

    def export_plan_document(self) -> None:
        target = files.ask_save(self, self.tr("Export plan document"), "ke-hoach.pdf",
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
        from . import backups

        backups.back_up(self)  # on a worker: a year of documents takes seconds to copy

    def backup_to(self) -> None:
        from . import backups

        folder = files.ask_folder(self, self.tr("Back up to"))
        if folder:
            backups.back_up(self, folder)

    def restore_from_backup(self) -> None:
        """Replace the office file with a backup; the current file is kept aside, never lost."""
        from PySide6.QtWidgets import QMessageBox

        folder = self.service.backup_folder()
        name = files.ask_open(self, self.tr("Choose a backup"), str(folder), "KSTTHC (*.kstthc)")
        if not name:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore from a backup"),
            self.tr("Replace the data with the backup '%1'? The current data file is kept beside it "
                    "(…-truoc-khoi-phuc-….kstthc), so nothing is lost.").replace("%1", Path(name).name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_requested.emit(Path(name))

    def check_data_file(self) -> None:
        """Every part of the check, now, with progress; problems come with the backup that helps."""
        from . import health

        health.run_full_check(self)

    def open_demo(self) -> None:
        """Sample data opens in its own window on a fresh demo file, never over the office's file."""
        self.demo_requested.emit()

    def about(self) -> None:
        from .dialogs.about import AboutDialog

        AboutDialog.run(self, self.service.path)

    # --- layout --------------------------------------------------------------------------
    def show_fitted(self) -> None:
        """Show sized for the screen: the remembered geometry clamped to it, else maximised on a
        small screen (a 1366×768 laptop) and a comfortable size on a big one."""
        fit.show_window(self, QSettings().value("main/geometry"), QSize(1366, 800))

    def _restore_layout(self) -> None:
        s = QSettings()
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
        self.table.restore_layout(s)

    def closeEvent(self, event: QCloseEvent) -> None:
        if any(j.running for j in self._jobs):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, "KSTTHC Desktop", self.tr("Please wait: a task is still running."))
            event.ignore()
            return
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/splitter", self.splitter.saveState())
        self.table.save_layout(s)
        s.setValue("main/tab", self.tabs.currentWidget().objectName())
        super().closeEvent(event)


__all__ = ["MainWindow", "plan_label"]
