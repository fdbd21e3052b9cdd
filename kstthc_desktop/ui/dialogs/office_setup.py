"""Office setup: the lines the document header and the signature need; checked inline."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.model import Level, Office
from ...services.facade import validate_office
from .. import fit
from ..widgets import ok_cancel


class OfficeSetupDialog(QDialog):
    def __init__(self, office: Office | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Office information"))
        self.setMinimumWidth(560)
        o = office or Office()
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("These lines are printed at the top of every report and plan. "
                               "You can change them later (File → Office information)."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.name = QPlainTextEdit(o.name)
        self.name.setPlaceholderText("ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI")
        self.name.setFixedHeight(64)
        self.name.setTabChangesFocus(True)
        self.parent_agency = QLineEdit(o.parent_agency)
        self.parent_agency.setPlaceholderText(self.tr("(optional) e.g. UBND TỈNH …"))
        self.level = QComboBox()
        for lv, label in ((Level.COMMUNE, self.tr("Commune / ward")), (Level.DEPARTMENT, self.tr("Department (Sở)")),
                          (Level.PROVINCE, self.tr("Province")), (Level.DISTRICT, self.tr("District (before 7/2025)"))):
            self.level.addItem(label, lv.value)
        self.level.setCurrentIndex(max(0, self.level.findData(o.level.value)))
        self.place = QLineEdit(o.place_name)
        self.place.setPlaceholderText("Lê Lợi")
        self.symbol = QLineEdit(o.symbol)
        self.superior = QLineEdit(o.superior)
        self.recipient = QLineEdit(o.report_recipient)
        self.authority = QComboBox()
        for value in ("TM.", "KT.", ""):
            self.authority.addItem(value or self.tr("(none)"), value)
        self.authority.setCurrentIndex(max(0, self.authority.findData(o.signatory_authority)))
        self.collective = QLineEdit(o.signatory_collective)
        self.title = QLineEdit(o.signatory_title)
        self.deputy = QLineEdit(o.signatory_deputy_title)
        self.deputy.setPlaceholderText(self.tr("with KT.: e.g. PHÓ CHỦ TỊCH"))
        self.signer = QLineEdit(o.signatory_name)
        self.recipients = QPlainTextEdit("\n".join(o.recipients))
        self.recipients.setFixedHeight(80)
        self.recipients.setTabChangesFocus(True)
        form.addRow(self.tr("Office name (one line each)"), self.name)
        form.addRow(self.tr("Parent agency"), self.parent_agency)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Place name for the date line"), self.place)
        form.addRow(self.tr("Symbol in document numbers"), self.symbol)
        form.addRow(self.tr("Superior agency"), self.superior)
        form.addRow(self.tr("Reports go to (Kính gửi)"), self.recipient)
        form.addRow(self.tr("Signing authority"), self.authority)
        form.addRow(self.tr("Collective (after TM.)"), self.collective)
        form.addRow(self.tr("Title of the signer"), self.title)
        form.addRow(self.tr("Deputy title"), self.deputy)
        form.addRow(self.tr("Name of the signer"), self.signer)
        form.addRow(self.tr("Default recipients (Nơi nhận)"), self.recipients)
        body = QWidget()
        body.setLayout(form)
        lay.addWidget(fit.scrolling(body, fill=True), 1)  # a small screen scrolls the form, never the buttons
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        lay.addWidget(ok_cancel(self))
        self._base = o
        self.result_office: Office | None = None

    def office(self) -> Office:
        return dataclasses.replace(
            self._base,
            name=self.name.toPlainText().strip(), parent_agency=self.parent_agency.text().strip(),
            level=Level(self.level.currentData()), place_name=self.place.text().strip(),
            symbol=self.symbol.text().strip(), superior=self.superior.text().strip(),
            report_recipient=self.recipient.text().strip(), signatory_authority=self.authority.currentData(),
            signatory_collective=self.collective.text().strip(), signatory_title=self.title.text().strip(),
            signatory_deputy_title=self.deputy.text().strip(), signatory_name=self.signer.text().strip(),
            recipients=[x.strip(" -;") for x in self.recipients.toPlainText().split("\n") if x.strip(" -;")])

    def accept(self) -> None:
        office = self.office()
        try:
            validate_office(office)
        except ValidationError as exc:
            self.error.setText(f"{exc.message} {exc.hint}")
            self.error.show()
            widget = {"name": self.name, "place_name": self.place, "symbol": self.symbol}.get(exc.field)
            if widget is not None:
                widget.setFocus()
            return
        self.result_office = office
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, office: Office | None = None) -> Office | None:
        dlg = cls(office, parent)
        return dlg.result_office if dlg.exec() == QDialog.DialogCode.Accepted else None
