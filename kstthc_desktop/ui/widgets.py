"""Small widgets several dialogs share."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from ..core.model import Task


class OccurrenceCombo(QComboBox):
    """'Whole task' or one occurrence of a recurring task (by its due date); data = index or None."""

    def __init__(self, task: Task | None, current: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("Whole task"), None)
        if task is not None and task.schedule and len(task.schedule.occurrences) > 1:
            for i, (_, due) in enumerate(task.schedule.occurrences):
                self.addItem(self.tr("Occurrence due %1").replace("%1", due.strftime("%d/%m/%Y")), i)
        self.setCurrentIndex(max(0, self.findData(current)))

    @property
    def recurring(self) -> bool:
        return self.count() > 1


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK / Cancel wired to the dialog's accept / reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def widen(box: QMessageBox, width: int = 480) -> None:
    """Room for a message box's long lines (file names, a disk's figures) instead of a narrow column."""
    grid = box.layout()
    if isinstance(grid, QGridLayout):
        grid.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
                     grid.rowCount(), 0, 1, grid.columnCount())
