"""The plan's references that every report cites: the office's own plan and the superior's.

Read from the imported document when the importer finds them; here the officer types or corrects
them. What stays empty is printed as a dotted blank ("số …/KH-UBND ngày … tháng … năm …").
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..errors import show_error
from ..widgets import ok_cancel


class PlanInfoDialog(QDialog):
    def __init__(self, service, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Plan references"))
        self.setMinimumWidth(560)
        plan = service.current_plan()
        self._plan_id = plan.id if plan else None
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("Every report cites these documents. What is left empty is printed as dots "
                              "(số …/KH-UBND ngày … tháng … năm …) to fill in by hand."))
        hint.setWordWrap(True)
        lay.addWidget(hint)

        def date_text(d) -> str:  # noqa: ANN001
            return d.strftime("%d/%m/%Y") if d else ""

        own = QGroupBox(self.tr("This office's plan"))
        f = QFormLayout(own)
        self.number = QLineEdit(plan.number if plan else "")
        self.number.setPlaceholderText(self.tr("e.g. 05/KH-UBND"))
        self.issue_date = QLineEdit(date_text(plan.issue_date) if plan else "")
        self.issue_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.issuer = QLineEdit(plan.issuer if plan else "")
        self.issuer.setPlaceholderText(self.tr("e.g. UBND xã Lê Lợi"))
        f.addRow(self.tr("Number"), self.number)
        f.addRow(self.tr("Issued on"), self.issue_date)
        f.addRow(self.tr("Issued by"), self.issuer)
        lay.addWidget(own)

        sup = QGroupBox(self.tr("The superior's plan it carries out"))
        f = QFormLayout(sup)
        self.source_number = QLineEdit(plan.source_number if plan else "")
        self.source_number.setPlaceholderText(self.tr("e.g. 12/KH-UBND"))
        self.source_date = QLineEdit(date_text(plan.source_date) if plan else "")
        self.source_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.source_issuer = QLineEdit(plan.source_issuer if plan else "")
        self.source_issuer.setPlaceholderText(self.tr("e.g. UBND tỉnh Hải Dương"))
        self.source_title = QLineEdit(plan.source_title if plan else "")
        f.addRow(self.tr("Number"), self.source_number)
        f.addRow(self.tr("Issued on"), self.source_date)
        f.addRow(self.tr("Issued by"), self.source_issuer)
        f.addRow(self.tr("Title"), self.source_title)
        lay.addWidget(sup)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        lay.addWidget(ok_cancel(self))
        self.saved = False
        self.result_changes = None

    def changes(self) -> dict[str, str]:
        return {"number": self.number.text(), "issue_date": self.issue_date.text(), "issuer": self.issuer.text(),
                "source_number": self.source_number.text(), "source_date": self.source_date.text(),
                "source_issuer": self.source_issuer.text(), "source_title": self.source_title.text()}

    def accept(self) -> None:
        from ...core.errors import KstthcError

        if self._plan_id is None:
            super().accept()
            return
        try:
            self.result_changes = self.service.set_plan_fields(self.changes(), self._plan_id)[1]
        except KstthcError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        except Exception as exc:  # noqa: BLE001 - shown, never swallowed
            show_error(self, exc)
            return
        self.saved = True
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, service):  # noqa: ANN001, ANN206 - services.Changes | None
        """Show the dialog; the write's Changes when the references were saved, else None."""
        dlg = cls(service, parent)
        dlg.exec()
        return dlg.result_changes if dlg.saved else None
