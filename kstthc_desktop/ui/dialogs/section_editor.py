"""Add or rename a section (a Roman-numeral part of the plan, or an appendix)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from ..widgets import ok_cancel


class SectionDialog(QDialog):
    def __init__(self, number: str, title: str, appendix: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Section"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.number = QLineEdit(number)
        self.number.setPlaceholderText("III")
        self.title = QLineEdit(title)
        self.appendix = QCheckBox(self.tr("This is an appendix (Phụ lục)"))
        self.appendix.setChecked(appendix)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Title"), self.title)
        form.addRow("", self.appendix)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.value: tuple[str, str, bool] | None = None

    def accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("The section title cannot be empty."))
            self.error.show()
            self.title.setFocus()
            return
        self.value = (self.number.text().strip(), self.title.text().strip(), self.appendix.isChecked())
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, number: str = "", title: str = "",
            appendix: bool = False) -> tuple[str, str, bool] | None:
        dlg = cls(number, title, appendix, parent)
        return dlg.value if dlg.exec() == QDialog.DialogCode.Accepted else None
