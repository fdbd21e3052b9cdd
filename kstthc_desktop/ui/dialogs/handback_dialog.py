""""Điền kết quả vào tệp của cấp trên": choose the plan, the date and where to write the copy.

The copy is written off the GUI thread; the superior's file itself is never touched.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import files
from ..errors import show_error
from ..tasks import BackgroundTask


class HandbackDialog(QDialog):
    def __init__(self, service, today: date, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Fill results into the superior's file"))
        self.resize(720, 330)
        self._job: BackgroundTask | None = None
        self.summary = None  # the last HandbackSummary written

        intro = QLabel(self.tr("A copy of the plan file the superior sent is written with the results of each "
                               "task in its own row (status, completion date, result, evidence). The "
                               "superior's file itself is not changed."))
        intro.setWordWrap(True)
        self.plan = QComboBox()
        current = service.current_plan()
        for p in service.plans():
            if p.source_blob:
                self.plan.addItem(f"{p.title} ({p.source_file})", p.id)
        if current is not None and self.plan.findData(current.id) >= 0:
            self.plan.setCurrentIndex(self.plan.findData(current.id))
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("dd/MM/yyyy")
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("Where to write the copy"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_target)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Plan"), self.plan)
        form.addRow(self.tr("Results as of"), self.as_of)
        form.addRow(self.tr("Save the copy as"), row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.write_btn = QPushButton(self.tr("Write the copy"))
        self.write_btn.setDefault(True)
        self.write_btn.clicked.connect(self.write)
        self.open_btn = QPushButton(self.tr("Open the copy"))
        self.open_btn.setEnabled(False)
        self.open_btn.clicked.connect(lambda: self.summary and QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.summary.out))))
        self.close_btn = QPushButton(self.tr("Close"))
        self.close_btn.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.write_btn)
        buttons.addWidget(self.open_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.close_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status, 1)
        layout.addLayout(buttons)
        if self.plan.count() == 0:
            self.status.setText(self.tr("No plan here keeps the superior's file. Import the superior's plan "
                                        "(File → Import superior plan): from now on its file is kept for this."))
            self.write_btn.setEnabled(False)
        else:
            self._suggest_target()
        self.plan.currentIndexChanged.connect(self._suggest_target)

    def _suffix(self) -> str:
        try:
            return self.service.handback_suffix(self.plan.currentData())
        except Exception:  # noqa: BLE001 - shown when writing
            return ".xlsx"

    def _suggest_target(self) -> None:
        folder = Path(str(QSettings().value("handback/last_dir", str(Path.home()))))
        self.target.setText(str(folder / f"ket-qua-thuc-hien{self._suffix()}"))

    def choose_target(self) -> None:
        suffix = self._suffix()
        filt = self.tr("Word document (*.docx)") if suffix == ".docx" else self.tr("Excel workbook (*.xlsx)")
        name = files.ask_save(self, self.tr("Save the copy as"), self.target.text(), filt, suffix)
        if name:
            self.target.setText(name)

    def write(self) -> BackgroundTask | None:
        target = self.target.text().strip()
        if not target:
            self.target.setFocus()
            return None
        plan_id = self.plan.currentData()
        q = self.as_of.date()
        as_of = date(q.year(), q.month(), q.day())
        service = self.service
        self.write_btn.setEnabled(False)
        self.status.setText(self.tr("Writing the copy…"))
        self._job = BackgroundTask(self, self.tr("Filling in the results…"),
                                   lambda progress: service.handback(target, plan_id, as_of, progress))
        self._job.done.connect(self._written)
        self._job.error.connect(self._failed)
        self._job.cancelled.connect(lambda: (self.status.setText(self.tr("Cancelled.")), self.write_btn.setEnabled(True)))
        self._job.start()
        return self._job

    def _written(self, summary) -> None:  # noqa: ANN001 - reports.handback.HandbackSummary
        self.summary = summary
        QSettings().setValue("handback/last_dir", str(Path(summary.out).parent))
        text = self.tr("Written: %1\nResults filled in for %2 task(s).").replace("%1", str(summary.out)) \
            .replace("%2", str(summary.rows_written))
        if summary.filled:
            text += "\n" + self.tr("Columns of the superior's file filled: %1").replace("%1", "; ".join(summary.filled))
        if summary.added:
            text += "\n" + self.tr("Columns added: %1").replace("%1", "; ".join(summary.added))
        if summary.tasks_without_row:
            text += "\n" + self.tr("%1 task(s) added here by hand are not in the superior's file.") \
                .replace("%1", str(summary.tasks_without_row))
        self.status.setText(text)
        self.write_btn.setEnabled(True)
        self.open_btn.setEnabled(True)

    def _failed(self, exc: object) -> None:
        self.status.setText("")
        self.write_btn.setEnabled(True)
        show_error(self, exc)  # type: ignore[arg-type]

    def reject(self) -> None:
        if self._job is not None and self._job.running:
            self._job.cancel()
        super().reject()
