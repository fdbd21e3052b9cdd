"""The plan as a tree model (sections → tasks → subtasks) and its accent-insensitive filter proxy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from ...core.model import CommuneRole, Section, Status
from ...core.text import fold
from ...services import TaskView
from .. import formats
from ..style import document_pixmap, status_background, status_color, status_label, status_symbol


class Col(IntEnum):
    NUMBER = 0
    CONTENT = 1
    STATUS = 2
    DUE = 3
    DEADLINE = 4
    LEAD = 5
    COORDINATING = 6
    PRODUCTS = 7
    EVIDENCE = 8
    ROLE = 9  # this office's part: leads / coordinates (last, so remembered header layouts still fit)


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("TaskTreeModel", "No."),
        QCoreApplication.translate("TaskTreeModel", "Task"),
        QCoreApplication.translate("TaskTreeModel", "Status"),
        QCoreApplication.translate("TaskTreeModel", "Due"),
        QCoreApplication.translate("TaskTreeModel", "Deadline (as written)"),
        QCoreApplication.translate("TaskTreeModel", "Lead"),
        QCoreApplication.translate("TaskTreeModel", "Coordinating"),
        QCoreApplication.translate("TaskTreeModel", "Expected products"),
        QCoreApplication.translate("TaskTreeModel", "Evidence"),
        QCoreApplication.translate("TaskTreeModel", "This office"),
    ]


def role_text(role: str) -> str:
    """This office's part in a task, as the table and its export show it."""
    if role == CommuneRole.LEAD.value:
        return QCoreApplication.translate("TaskTreeModel", "Lead")
    if role == CommuneRole.COORDINATING.value:
        return QCoreApplication.translate("TaskTreeModel", "Coordinating")
    return ""


TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 5
KIND_ROLE = Qt.ItemDataRole.UserRole + 6
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 7  # the cell as a spreadsheet wants it: real dates, full text


_COLUMNS = len(Col)
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# The roles some cell answers (data() returns None for any other at once) ...
_ANSWERED = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
    TASK_ID_ROLE, STATUS_ROLE, SEARCH_ROLE, SORT_ROLE, SECTION_ID_ROLE, KIND_ROLE, EXPORT_ROLE))
# ... and, for a task, the roles only one column answers (sections answer the font role instead).
_TASK_COLUMN_ROLES = {int(Qt.ItemDataRole.DecorationRole): int(Col.EVIDENCE),
                      int(Qt.ItemDataRole.ForegroundRole): int(Col.STATUS),
                      int(Qt.ItemDataRole.BackgroundRole): int(Col.STATUS),
                      int(Qt.ItemDataRole.FontRole): -1}


@dataclass(eq=False, slots=True)
class Node:
    """One row of the tree (a section or a task) with the keys its filters and sorting read."""

    parent: Node | None
    section: Section | None = None
    view: TaskView | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0  # current row under the parent (changes when sorted)
    search_key: str | None = None  # folded text the search matches; a task's is made on first use (``search``)
    pos: int = 0  # row in document order (the plan's own order)
    section_id: int | None = None  # of the section the task belongs to (tasks and sections)
    units: str = ""  # folded lead + coordinating units, one per line
    role: str = ""  # CommuneRole value
    status: str = ""  # Status value
    dues: tuple[int, ...] = ()  # ordinals of the occurrence due dates

    @property
    def is_section(self) -> bool:
        return self.view is None

    @property
    def search(self) -> str:
        """The folded text a search looks in. Folded when first asked (the first search), not when
        the tree is built: the start-up of a 2,000-task plan saves the ~10 ms of folding every text."""
        if self.search_key is None:
            if self.view is None:  # the root
                return ""
            t = self.view.task
            self.search_key = fold(" ".join([t.number, t.content, *t.lead_units, *t.coordinating_units,
                                             t.deadline_text, t.products, t.notes]))
        return self.search_key


class TaskTreeModel(QAbstractItemModel):
    """Read-only tree; edits go through the service and come back via ``set_tree``."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._root = Node(None)
        self._by_task: dict[int, Node] = {}
        self._titles = column_titles()
        self._sort: tuple[int, Qt.SortOrder] = (Col.NUMBER, Qt.SortOrder.AscendingOrder)
        self._units: list[str] = []

    # --- data in --------------------------------------------------------------------------
    def set_tree(self, tree: list[tuple[Section | None, list[TaskView]]]) -> None:
        self.beginResetModel()
        self._root = Node(None)
        self._by_task = {}
        units: dict[str, str] = {}  # folded → as first written
        for section, views in tree:
            if section is None:
                parent = self._root
            else:
                parent = Node(self._root, section=section, row=len(self._root.children),
                              pos=len(self._root.children), section_id=section.id,
                              search_key=fold(f"{section.number} {section.title}"))
                self._root.children.append(parent)
            for v in views:
                self._add(parent, v, units)
        self._units = sorted(units.values(), key=lambda u: (fold(u), u))
        if self._sort != (Col.NUMBER, Qt.SortOrder.AscendingOrder):
            self._sort_tree(*self._sort)
        self.endResetModel()

    def _add(self, parent: Node, view: TaskView, units: dict[str, str]) -> None:
        node = Node(parent, row=len(parent.children), pos=len(parent.children))
        self._fill(node, view, units)
        parent.children.append(node)
        self._by_task[view.task.id] = node
        for child in view.children:
            self._add(node, child, units)

    @staticmethod
    def _fill(node: Node, view: TaskView, units: dict[str, str]) -> None:
        """The node's view and the keys filtering and sorting read, precomputed once."""
        t = view.task
        unit_keys = []
        for u in (*t.lead_units, *t.coordinating_units):
            key = fold(u)
            unit_keys.append(key)
            if key and key not in units:
                units[key] = u
        occurrences = t.schedule.occurrences if t.schedule else ()
        node.view = view
        node.section_id = t.section_id
        node.units = "\n".join(unit_keys)
        node.role = str(t.commune_role.value)
        node.status = view.status.value
        node.dues = tuple(d.toordinal() for _, d in occurrences if d) or ((view.due.toordinal(),) if view.due else ())
        node.search_key = None  # folded on first use (Node.search)

    def update_views(self, views: dict[int, TaskView]) -> bool:
        """Refresh known tasks in place with precise dataChanged (no reset: the view keeps its state).

        Returns False when a task is not in the tree; the caller then rebuilds the whole tree.
        """
        nodes = [self._by_task.get(tid) for tid in views]
        if any(n is None for n in nodes):
            return False
        units = {fold(u): u for u in self._units}
        last = len(Col) - 1
        for node, view in zip(nodes, views.values(), strict=True):
            children = node.view.children if node.view else []
            self._fill(node, view, units)
            node.view.children = children
            self.dataChanged.emit(self.createIndex(node.row, 0, node), self.createIndex(node.row, last, node))
        self._units = sorted(units.values(), key=lambda u: (fold(u), u))
        if self._sort != (Col.NUMBER, Qt.SortOrder.AscendingOrder) and nodes:
            column, order = self._sort
            self._sort = (Col.NUMBER, Qt.SortOrder.AscendingOrder)
            self.sort(column, order)  # an edited value may move the row
        return True

    def index_for_section(self, section_id: int) -> QModelIndex:
        for node in self._root.children:
            if node.section is not None and node.section.id == section_id:
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def index_for_task(self, task_id: int) -> QModelIndex:
        node = self._by_task.get(task_id)
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

    def task_count(self) -> int:
        return len(self._by_task)

    def sections(self) -> list[Section]:
        """The plan's sections in document order (for the section filter)."""
        return [n.section for n in sorted(self._root.children, key=lambda n: n.pos) if n.is_section]

    def units(self) -> list[str]:
        """Every lead or coordinating unit named in the plan, once each (accent-insensitively), sorted."""
        return list(self._units)

    # --- sorting ----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort tasks within their parent; sections keep their order; No. gives document order.

        Sorting happens here, in one Python sort on precomputed keys, rather than in the proxy: a
        proxy sort would call back into Python for every comparison (seconds for 20,000 tasks) and
        again for every row a filter change lets in.
        """
        column = int(column) if 0 <= int(column) < len(Col) else int(Col.NUMBER)
        if self._sort == (column, order):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keep = [(i.internalPointer(), i.column()) for i in old]
        self._sort = (column, order)
        self._sort_tree(column, order)
        self.changePersistentIndexList(old, [self.createIndex(n.row, c, n) for n, c in keep])
        self.layoutChanged.emit()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def _sort_tree(self, column: int, order: Qt.SortOrder) -> None:
        key = _SORT_KEYS.get(Col(column))
        reverse = order == Qt.SortOrder.DescendingOrder
        stack = [self._root]
        while stack:
            node = stack.pop()
            kids = node.children
            if len(kids) > 1:
                slots = [i for i, c in enumerate(kids) if not c.is_section]
                tasks = sorted((kids[i] for i in slots), key=lambda n: n.pos)
                if key is None:
                    if reverse:
                        tasks.reverse()
                else:
                    keyed = [(key(n), n) for n in tasks]
                    present = [(k, n) for k, n in keyed if k is not None]
                    present.sort(key=lambda kn: kn[0], reverse=reverse)  # stable: ties keep document order
                    tasks = [n for _, n in present] + [n for k, n in keyed if k is None]  # blanks last
                for i, n in zip(slots, tasks, strict=True):
                    kids[i] = n
                for i, n in enumerate(kids):
                    n.row = i
            stack.extend(c for c in kids if c.children)

    # --- Qt model API ---------------------------------------------------------------------
    def _node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        # the checks of hasIndex() in Python: the view asks this for every row it lays out
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            node = parent.internalPointer()
        else:
            node = self._root
        if 0 <= row < len(node.children) and 0 <= column < _COLUMNS:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        p = node.parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Col):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles[section]
            if role == Qt.ItemDataRole.InitialSortOrderRole:  # a first click always sorts ascending
                return Qt.SortOrder.AscendingOrder.value
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS  # made once: the view asks every painted row, and ``|`` of two flags runs Python

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """The view asks seven roles of every cell it paints (Qt 6's item delegate), and this runs
        in Python for each: roles no cell answers end here, and a task's cell skips the roles only its
        own column answers, before the full answer (``_section_data``/``_task_data``) is looked up.
        Ints, not Qt's enum members, are compared: an enum member costs an attribute lookup each."""
        if role not in _ANSWERED or not index.isValid():
            return None
        node: Node = index.internalPointer()
        col = index.column()
        if node.view is None:
            return self._section_data(node, col, role)
        if role in _TASK_COLUMN_ROLES and col != _TASK_COLUMN_ROLES[role]:
            return None
        return self._task_data(node, col, role)

    def _section_data(self, node: Node, col: int, role: int):  # noqa: ANN202
        sec = node.section
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.NUMBER:  # the view spans this column over the whole row
                return f"{sec.number}. {sec.title}" if sec.number else sec.title
            return None
        if role == Qt.ItemDataRole.FontRole and col in (Col.NUMBER, Col.CONTENT):
            f = QFont()
            f.setBold(True)
            return f
        if role == SEARCH_ROLE:
            return node.search
        if role == SECTION_ID_ROLE:
            return sec.id
        if role == KIND_ROLE:
            return "section"
        if role == SORT_ROLE:
            return node.pos
        if role == EXPORT_ROLE:
            return f"{sec.number}. {sec.title}" if sec.number else sec.title
        return None

    def _task_data(self, node: Node, col: int, role: int):  # noqa: ANN202
        v = node.view
        t = v.task
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.NUMBER:
                return t.number
            if col == Col.CONTENT:
                return t.content.split("\n")[0] if t.content else ""
            if col == Col.LEAD:
                return "; ".join(t.lead_units)
            if col == Col.COORDINATING:
                return "; ".join(t.coordinating_units)
            if col == Col.DEADLINE:
                return t.deadline_text
            if col == Col.DUE:
                return formats.date_text(v.due)
            if col == Col.STATUS:
                return f"{status_symbol(v.status)} {status_label(v.status)}"
            if col == Col.PRODUCTS:
                return t.products
            if col == Col.EVIDENCE:
                mark = " ⚠" if v.done_without_evidence else ""
                return (str(v.evidence_count) if v.evidence_count else "") + mark
            if col == Col.ROLE:
                return role_text(node.role)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == Col.CONTENT:
                return t.content
            if col == Col.DEADLINE and t.schedule:
                tip = formats.schedule_text(t.schedule)
                if t.schedule.warnings:
                    tip += "\n" + "\n".join(t.schedule.warnings)
                return tip
            if col == Col.EVIDENCE and v.done_without_evidence:
                return QCoreApplication.translate("TaskTreeModel", "Marked done but no evidence is attached")
            return None
        elif role == Qt.ItemDataRole.DecorationRole and col == Col.EVIDENCE and v.evidence_count:
            return document_pixmap()  # a QPixmap paints as an icon does; no emoji font needed
        elif role == Qt.ItemDataRole.ForegroundRole and col == Col.STATUS:
            return status_color(v.status)  # a QColor paints as its brush (making QBrush costs start-up)
        elif role == Qt.ItemDataRole.BackgroundRole and col == Col.STATUS:
            return status_background(v.status)
        elif role == TASK_ID_ROLE:
            return t.id
        elif role == STATUS_ROLE:
            return v.status.value
        elif role == SEARCH_ROLE:
            return node.search
        elif role == KIND_ROLE:
            return "task"
        elif role == SORT_ROLE:
            if col == Col.DUE:
                return v.due.toordinal() if v.due else 10**7
            if col == Col.STATUS:
                return list(Status).index(v.status)
            if col == Col.EVIDENCE:
                return v.evidence_count
            return node.pos
        elif role == EXPORT_ROLE:
            return _export_value(v, col)
        return None


def _export_value(v: TaskView, col: int) -> object:
    t = v.task
    if col == Col.NUMBER:
        return t.number
    if col == Col.CONTENT:
        return t.content
    if col == Col.STATUS:
        return status_label(v.status)
    if col == Col.DUE:
        return v.due
    if col == Col.DEADLINE:
        return t.deadline_text
    if col == Col.LEAD:
        return "; ".join(t.lead_units)
    if col == Col.COORDINATING:
        return "; ".join(t.coordinating_units)
    if col == Col.PRODUCTS:
        return t.products
    if col == Col.EVIDENCE:
        return v.evidence_count
    if col == Col.ROLE:
        return role_text(t.commune_role.value)
    return None


def _text_key(text: str) -> tuple[str, str] | None:
    return (fold(text), text) if text else None


_STATUS_ORDER = {s.value: i for i, s in enumerate(Status)}
_SORT_KEYS: dict[Col, Callable[[Node], object]] = {
    Col.CONTENT: lambda n: _text_key(n.view.task.content),
    Col.STATUS: lambda n: _STATUS_ORDER[n.status],
    Col.DUE: lambda n: n.view.due.toordinal() if n.view.due else None,
    Col.DEADLINE: lambda n: _text_key(n.view.task.deadline_text),
    Col.LEAD: lambda n: _text_key("; ".join(n.view.task.lead_units)),
    Col.COORDINATING: lambda n: _text_key("; ".join(n.view.task.coordinating_units)),
    Col.PRODUCTS: lambda n: _text_key(n.view.task.products),
    Col.EVIDENCE: lambda n: n.view.evidence_count,
    Col.ROLE: lambda n: {"lead": 0, "coordinating": 1}.get(n.role),
}  # Col.NUMBER: none — document order


class TaskFilterProxy(QSortFilterProxyModel):
    """Accent-insensitive search ("ra soat" finds "rà soát") plus status, section, unit, commune-role
    and report-window filters, combined (AND); parents of matches stay.

    The matching set is computed in one pure-Python pass over the tree when a filter changes, so
    ``filterAcceptsRow`` is a set lookup (20,000 tasks filter well inside the 50 ms budget). Sorting is
    delegated to the source model (see ``TaskTreeModel.sort``), which keeps this proxy a pure filter.
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._needle = ""
        self._statuses: frozenset[str] = frozenset()
        self._section: int | None = None
        self._unit = ""  # folded
        self._role: str | None = None
        self._window: tuple[int, int] | None = None  # ordinals, inclusive
        self._visible: set[int] | None = None  # ids of nodes shown; None = everything
        self.shown_tasks = 0  # tasks the view shows (matches and their parent tasks)
        self.setSortRole(SORT_ROLE)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt API
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._recompute)
            old.dataChanged.disconnect(self._on_source_data_changed)
        # Connected before the proxy's own handling, so the visible set is new before anyone asks.
        model.modelReset.connect(self._recompute)
        model.dataChanged.connect(self._on_source_data_changed)
        super().setSourceModel(model)
        self._recompute()

    def _on_source_data_changed(self, *_args: object) -> None:
        """A task changed in place: with a filter on, its (and its parents') visibility may change."""
        if self._visible is None:
            self.shown_tasks = self.sourceModel().task_count()
            return
        self.beginFilterChange()
        self._recompute()
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The view's header click: the source model reorders; the filter set stays valid."""
        model = self.sourceModel()
        if isinstance(model, TaskTreeModel):
            model.sort(column, order)

    # --- filters ----------------------------------------------------------------------------
    def _change(self, name: str, value: object) -> None:
        if getattr(self, name) != value:
            self.beginFilterChange()
            setattr(self, name, value)
            self._recompute()
            self.endFilterChange()

    def set_text(self, text: str) -> None:
        self._change("_needle", fold(text))

    def set_statuses(self, statuses: set[str]) -> None:
        self._change("_statuses", frozenset(statuses))

    def set_section(self, section_id: int | None) -> None:
        """Only the tasks of this section (None: every section)."""
        self._change("_section", section_id)

    def set_unit(self, unit: str | None) -> None:
        """Tasks naming this unit (or a part of its name) as lead or coordinating, accents ignored."""
        self._change("_unit", fold(unit))

    def set_role(self, role: str | None) -> None:
        """Tasks where the commune has this role (a ``CommuneRole`` value; None: any)."""
        self._change("_role", str(role) if role else None)

    def set_window(self, start: date | tuple[date, date] | None, end: date | None = None) -> None:
        """Tasks with an occurrence due inside ``start``–``end`` (a report period's data window)."""
        if isinstance(start, tuple):
            start, end = start
        window = None if start is None or end is None else (start.toordinal(), end.toordinal())
        self._change("_window", window)

    def clear_filters(self) -> None:
        self.beginFilterChange()
        self._needle, self._statuses, self._section, self._unit = "", frozenset(), None, ""
        self._role, self._window = None, None
        self._recompute()
        self.endFilterChange()

    def is_filtered(self) -> bool:
        return bool(self._needle or self._statuses or self._section is not None or self._unit or self._role
                    or self._window)

    def _matcher(self) -> Callable[[Node], bool]:
        words = self._needle.split()
        statuses, unit, role, window = self._statuses, self._unit, self._role, self._window
        lo, hi = window if window else (0, 0)

        def matches(node: Node) -> bool:
            if statuses and node.status not in statuses:
                return False
            if role is not None and node.role != role:
                return False
            if unit and unit not in node.units:
                return False
            if window is not None:
                for d in node.dues:
                    if lo <= d <= hi:
                        break
                else:
                    return False
            search = node.search
            for word in words:
                if word not in search:
                    return False
            return True

        return matches

    def _recompute(self) -> None:
        model = self.sourceModel()
        if model is None or not self.is_filtered():
            self._visible = None
            self.shown_tasks = model.task_count() if model is not None else 0
            return
        visible: set[int] = set()
        add = visible.add
        matches = self._matcher()
        tasks = 0

        def walk(node: Node) -> bool:  # a task: shown when it or a descendant matches
            nonlocal tasks
            shown = matches(node)
            for child in node.children:
                if walk(child):
                    shown = True
            if shown:
                add(id(node))
                tasks += 1
            return shown

        section = self._section
        for top in model._root.children:
            if top.is_section:
                if section is not None and top.section_id != section:
                    continue
                shown = False
                for child in top.children:
                    if walk(child):
                        shown = True
                if shown:
                    add(id(top))
            elif section is None:
                walk(top)
        self._visible = visible
        self.shown_tasks = tasks

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan) -> None:  # noqa: ANN001, N802, N803 - Qt API
        """Every role the item delegate asks of a cell it paints (seven), in one call into Python.

        Qt's default asks ``data`` role by role, and the proxy maps each to the source again: per
        painted cell seven calls of the model's ``index`` and seven of its ``data``, each a call from
        C++ into Python. Here the cell is mapped once and the source's ``data`` called directly: the
        same values (tests/gui/test_table_view.py), about a tenth less time per paint of the table.
        """
        source = self.mapToSource(index)
        data = self.sourceModel().data
        for item in roleDataSpan:
            value = data(source, item.role())
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        visible = self._visible
        if visible is None:
            return True
        parent: Node = source_parent.internalPointer() if source_parent.isValid() else self.sourceModel()._root
        return id(parent.children[source_row]) in visible
