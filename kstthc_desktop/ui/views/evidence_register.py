"""The evidence register: every document of the plan with its task, filterable, exportable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Evidence, Task
from ...core.text import fold
from .. import files
from ..errors import show_error

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class EvidenceModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[tuple[Evidence, Task]] = []
        self.refs: dict[int, str] = {}  # task id → section-qualified number
        self._titles = [
            QCoreApplication.translate("EvidenceModel", "Task"),
            QCoreApplication.translate("EvidenceModel", "Task content"),
            QCoreApplication.translate("EvidenceModel", "File"),
            QCoreApplication.translate("EvidenceModel", "Number"),
            QCoreApplication.translate("EvidenceModel", "Date"),
            QCoreApplication.translate("EvidenceModel", "Summary"),
            QCoreApplication.translate("EvidenceModel", "Size"),
            QCoreApplication.translate("EvidenceModel", "Added"),
        ]

    def set_rows(self, rows: list[tuple[Evidence, Task]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._titles):
            return self._titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        ev, task = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            fmt = lambda d: d.strftime("%d/%m/%Y") if d else ""  # noqa: E731
            return [self.refs.get(task.id) or task.number, task.content.split("\n")[0], ev.name, ev.doc_number, fmt(ev.doc_date), ev.summary,
                    f"{ev.size / 1024:.0f} KB", fmt(ev.added)][index.column()]
        if role == TASK_ID_ROLE:
            return task.id
        if role == SEARCH_ROLE:
            return fold(" ".join([task.number, task.content, ev.name, ev.doc_number, ev.summary]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return task.content
        return None


class EvidenceFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        key = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE)
        return all(w in key for w in self._needle.split())


class EvidenceRegister(QWidget):
    def __init__(self, service, hub, today: date, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("evidence")
        self.service, self.hub, self.today = service, hub, today
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter documents…"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.export_btn = QPushButton(self.tr("Export all to a folder…"))
        self.export_btn.clicked.connect(self.export_all)
        self.pack_btn = QPushButton(self.tr("Pack for inspection (ZIP)…"))
        self.pack_btn.clicked.connect(self.pack)
        row.addWidget(self.export_btn)
        row.addWidget(self.pack_btn)
        lay.addLayout(row)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #ef6c00;")
        lay.addWidget(self.missing)
        self.model = EvidenceModel(self)
        self.proxy = EvidenceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 320)
        self.table.setColumnWidth(2, 220)
        self.table.doubleClicked.connect(lambda idx: self.hub.task_activated.emit(idx.data(TASK_ID_ROLE)))
        lay.addWidget(self.table)
        self.empty = QLabel(self.tr("No evidence yet. Select a task and drop files on its detail panel, "
                                    "or use 'Attach files…'."))
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.search.textChanged.connect(self.proxy.set_text)
        self._dirty = True
        hub.data_changed.connect(self._on_data_changed)
        self.refresh()

    def _on_data_changed(self, _changes: object) -> None:
        """Refresh now if shown; otherwise when the tab is next opened (edits stay fast)."""
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: ANN001
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._dirty = False
        plan = self.service.current_plan()
        if plan is None:
            self.model.set_rows([])
            self.missing.clear()
            self.empty.setVisible(True)
            return
        views = self.service.task_views(plan.id, self.today)
        tasks = {v.task.id: v.task for v in views}
        self.model.refs = {v.task.id: v.ref for v in views}  # "II.3", not a bare "3"
        rows = [(ev, tasks[ev.task_id]) for ev in self.service.evidence(plan_id=plan.id) if ev.task_id in tasks]
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        missing = [v.ref for v in views if v.done_without_evidence]
        self.missing.setText(self.tr("⚠ %1 task(s) marked done without evidence: %2")
                             .replace("%1", str(len(missing)))
                             .replace("%2", ", ".join(missing[:15]) + ("…" if len(missing) > 15 else ""))
                             if missing else "")

    def export_all(self) -> None:
        folder = files.ask_folder(self, self.tr("Export evidence to"))
        if folder:
            self.window().run_job(self.tr("Exporting evidence…"),
                                  lambda progress: self.service.export_evidence(folder, progress=progress),
                                  lambda files: self.hub.status_message.emit(
                                      self.tr("%1 files exported").replace("%1", str(len(files)))))

    def pack(self) -> None:
        target = files.ask_save(self, self.tr("Pack for inspection"), str(Path.home() / "minh-chung-kstthc.zip"),
                                "ZIP (*.zip)", ".zip")
        if target:
            try:
                self.window().run_job(self.tr("Packing evidence…"),
                                      lambda progress: self.service.pack_for_inspection(target, progress=progress),
                                      lambda path: self.hub.status_message.emit(
                                          self.tr("Saved %1").replace("%1", str(path))))
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
