"""The plan as a tree model (sections → tasks → subtasks) and its accent-insensitive filter proxy."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from ...core.model import Section, Status
from ...core.text import fold
from ...services import TaskView
from ..style import status_background, status_color, status_label, status_symbol


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
    ]


TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 5
KIND_ROLE = Qt.ItemDataRole.UserRole + 6


@dataclass(eq=False)
class Node:
    parent: Node | None
    section: Section | None = None
    view: TaskView | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    search: str = ""

    @property
    def is_section(self) -> bool:
        return self.view is None


class TaskTreeModel(QAbstractItemModel):
    """Read-only tree; edits go through the service and come back via ``set_tree``."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._root = Node(None)
        self._by_task: dict[int, Node] = {}
        self._titles = column_titles()

    # --- data in --------------------------------------------------------------------------
    def set_tree(self, tree: list[tuple[Section | None, list[TaskView]]]) -> None:
        self.beginResetModel()
        self._root = Node(None)
        self._by_task = {}
        for section, views in tree:
            if section is None:
                parent = self._root
            else:
                parent = Node(self._root, section=section, row=len(self._root.children),
                              search=fold(f"{section.number} {section.title}"))
                self._root.children.append(parent)
            for v in views:
                self._add(parent, v)
        self.endResetModel()

    def _add(self, parent: Node, view: TaskView) -> None:
        t = view.task
        node = Node(parent, view=view, row=len(parent.children),
                    search=fold(" ".join([t.number, t.content, *t.lead_units, *t.coordinating_units,
                                          t.deadline_text, t.products, t.notes])))
        parent.children.append(node)
        self._by_task[t.id] = node
        for child in view.children:
            self._add(node, child)

    def index_for_task(self, task_id: int) -> QModelIndex:
        node = self._by_task.get(task_id)
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

    def task_count(self) -> int:
        return len(self._by_task)

    # --- Qt model API ---------------------------------------------------------------------
    def _node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        return self.createIndex(row, column, node.children[row])

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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Col):
            return self._titles[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        col = index.column()
        if node.is_section:
            return self._section_data(node, col, role)
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
            return node.row
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
                return v.due.strftime("%d/%m/%Y") if v.due else ""
            if col == Col.STATUS:
                return f"{status_symbol(v.status)} {status_label(v.status)}"
            if col == Col.PRODUCTS:
                return t.products
            if col == Col.EVIDENCE:
                mark = " ⚠" if v.done_without_evidence else ""
                return (f"📎 {v.evidence_count}" if v.evidence_count else "") + mark
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == Col.CONTENT:
                return t.content
            if col == Col.DEADLINE and t.schedule:
                from ...core.schedule import describe_schedule

                tip = describe_schedule(t.schedule)
                if t.schedule.warnings:
                    tip += "\n" + "\n".join(t.schedule.warnings)
                return tip
            if col == Col.EVIDENCE and v.done_without_evidence:
                return QCoreApplication.translate("TaskTreeModel", "Marked done but no evidence is attached")
            return None
        elif role == Qt.ItemDataRole.ForegroundRole and col == Col.STATUS:
            return QBrush(status_color(v.status))
        elif role == Qt.ItemDataRole.BackgroundRole and col == Col.STATUS:
            return QBrush(status_background(v.status))
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
            return node.row
        return None


class TaskFilterProxy(QSortFilterProxyModel):
    """Accent-insensitive search ("ra soat" finds "rà soát") plus status filter; parents of matches stay.

    The matching set is computed in one pure-Python pass over the tree when the filter changes, so
    ``filterAcceptsRow`` is a set lookup (20,000 tasks filter well inside the 50 ms budget).
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._needle = ""
        self._statuses: frozenset[str] = frozenset()
        self._visible: set[int] | None = None  # ids of nodes shown; None = everything
        self.shown_tasks = 0  # tasks the view shows (matches and their parent tasks)
        self.setSortRole(SORT_ROLE)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt API
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._recompute)
        super().setSourceModel(model)
        model.modelReset.connect(self._recompute)
        self._recompute()

    def set_text(self, text: str) -> None:
        needle = fold(text)
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self._recompute()
            self.endFilterChange()

    def set_statuses(self, statuses: set[str]) -> None:
        value = frozenset(statuses)
        if value != self._statuses:
            self.beginFilterChange()
            self._statuses = value
            self._recompute()
            self.endFilterChange()

    def _matches(self, node: Node) -> bool:
        if node.is_section:
            return False
        if self._statuses and node.view.status.value not in self._statuses:
            return False
        return all(word in node.search for word in self._needle.split())

    def _recompute(self) -> None:
        model = self.sourceModel()
        if model is None or not (self._needle or self._statuses):
            self._visible = None
            self.shown_tasks = model.task_count() if model is not None else 0
            return
        visible: set[int] = set()
        tasks = 0

        def walk(node: Node) -> bool:
            nonlocal tasks
            shown = self._matches(node) if node.parent is not None else False
            for child in node.children:
                if walk(child):
                    shown = True
            if shown:
                visible.add(id(node))
                tasks += not node.is_section
            return shown

        walk(model._root)
        self._visible = visible
        self.shown_tasks = tasks

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._visible is None:
            return True
        parent: Node = source_parent.internalPointer() if source_parent.isValid() else self.sourceModel()._root
        return id(parent.children[source_row]) in self._visible
