""""Tổng hợp báo cáo": read a folder of offices' reports, see the summary, save it as .xlsx or PDF.

A window of its own (the main window stays usable); reading runs off the GUI thread with progress
and cancel; a bad file is listed with its reason, never stops the rest. Needs no office file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import files
from ..errors import show_error
from ..tasks import BackgroundTask


def _percent(value: float | None) -> str:
    from ...reports.formatting import percent

    return percent(value)


def _vn_date(iso: str | None) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""
    except ValueError:
        return iso or ""


class RollupDialog(QDialog):
    def __init__(self, today: date, office=None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        from ...core.periods import periods_of_year
        from ...core.status import STATUS_ORDER
        from ..style import status_label

        self.today = today
        self.office = office  # for the header of the PDF summary (may be None)
        self.rollup = None
        self._job: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Roll up reports"))
        self.resize(1200, 660)

        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Folder with the offices' reports (.pdf, .json)"))
        self.folder.setText(str(QSettings().value("rollup/folder", "")))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_folder)
        self.expected = QLineEdit()
        self.expected.setPlaceholderText(self.tr("Optional: list of offices that must report (.txt or .xlsx)"))
        browse_list = QPushButton(self.tr("Browse…"))
        browse_list.clicked.connect(self.choose_list)
        self.period = QComboBox()
        self.period.addItem(self.tr("The period most reports are for"), None)
        for year in (today.year, today.year - 1):
            for p in periods_of_year(year):
                self.period.addItem(p.label, p.code)
        self.run_btn = QPushButton(self.tr("Roll up"))
        self.run_btn.setDefault(True)
        self.run_btn.clicked.connect(self.run_rollup)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Reports"), row)
        row = QHBoxLayout()
        row.addWidget(self.expected, 1)
        row.addWidget(browse_list)
        form.addRow(self.tr("Expected offices"), row)
        row = QHBoxLayout()
        row.addWidget(self.period, 1)
        row.addWidget(self.run_btn)
        form.addRow(self.tr("Period"), row)

        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self._status_keys = [s.value for s in STATUS_ORDER]
        self.table = QTableWidget(0, 5 + len(STATUS_ORDER))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Office"), self.tr("Report"), *[status_label(s) for s in STATUS_ORDER], self.tr("Tasks"),
             self.tr("Done"), self.tr("Checked")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.overdue = QTableWidget(0, 3)
        self.overdue.setHorizontalHeaderLabels([self.tr("Office"), self.tr("No."), self.tr("Task")])
        self.overdue.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.overdue.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems = QTableWidget(0, 2)
        self.problems.setHorizontalHeaderLabels([self.tr("File or office"), self.tr("Why it is left out")])
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("By office"))
        self.tabs.addTab(self.overdue, self.tr("Overdue tasks"))
        self.tabs.addTab(self.problems, self.tr("Files left out, offices missing"))

        self.xlsx_btn = QPushButton(self.tr("Save as Excel…"))
        self.xlsx_btn.clicked.connect(lambda: self.save("xlsx"))
        self.pdf_btn = QPushButton(self.tr("Save the summary report (PDF)…"))
        self.pdf_btn.clicked.connect(lambda: self.save("pdf"))
        for b in (self.xlsx_btn, self.pdf_btn):
            b.setEnabled(False)
        self.close_btn = QPushButton(self.tr("Close"))
        self.close_btn.clicked.connect(self.reject)
        self.saved = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.xlsx_btn)
        buttons.addWidget(self.pdf_btn)
        buttons.addWidget(self.saved, 1)
        buttons.addWidget(self.close_btn)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.totals)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    # --- inputs --------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = files.ask_folder(self, self.tr("Folder with the offices' reports"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def choose_list(self) -> None:
        name = files.ask_open(self, self.tr("List of offices"), self.expected.text(),
                              self.tr("List (*.txt *.csv *.xlsx)"))
        if name:
            self.expected.setText(name)

    # --- work ----------------------------------------------------------------------------
    def run_rollup(self) -> BackgroundTask | None:
        from ...services.rollup import read_office_list, roll_up_folder

        folder = self.folder.text().strip()
        if not folder:
            self.folder.setFocus()
            return None
        try:
            expected = read_office_list(self.expected.text().strip()) if self.expected.text().strip() else []
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        period = self.period.currentData()
        QSettings().setValue("rollup/folder", folder)
        self.run_btn.setEnabled(False)
        self.totals.setText(self.tr("Reading the reports…"))
        self._job = BackgroundTask(self, self.tr("Rolling up the reports…"),
                                   lambda progress: roll_up_folder(folder, period, expected, progress))
        self._job.done.connect(self._show)
        self._job.error.connect(self._failed)
        self._job.cancelled.connect(lambda: (self.totals.setText(self.tr("Cancelled.")), self.run_btn.setEnabled(True)))
        self._job.start()
        return self._job

    def _failed(self, exc: object) -> None:
        self.totals.setText("")
        self.run_btn.setEnabled(True)
        show_error(self, exc)  # type: ignore[arg-type]

    def _show(self, rollup) -> None:  # noqa: ANN001 - reports.rollup.Rollup
        self.rollup = rollup
        self.run_btn.setEnabled(True)
        c = rollup.counts
        self.totals.setText(
            self.tr("%1: %2 report(s) rolled up, %3 file(s) left out, %4 office(s) missing. %5 tasks, %6 done "
                    "(%7), %8 overdue.")
            .replace("%1", rollup.period_label or "—").replace("%2", str(len(rollup.offices)))
            .replace("%3", str(len(rollup.problems))).replace("%4", str(len(rollup.missing)))
            .replace("%5", str(rollup.total)).replace("%6", str(c["done_on_time"] + c["done_late"]))
            .replace("%7", _percent(rollup.done_rate)).replace("%8", str(c["overdue"])))
        rows = [[o.office, " ".join(x for x in (o.number, _vn_date(o.report_date)) if x),
                 *[str(o.counts[k]) for k in self._status_keys], str(o.total),
                 _percent(o.done / o.total if o.total else None),
                 self.tr("PDF checked") if o.verified else self.tr("JSON only")] for o in rollup.offices]
        rows.append([self.tr("Total"), "", *[str(c[k]) for k in self._status_keys], str(rollup.total),
                     _percent(rollup.done_rate), ""])
        self._fill(self.table, rows, bold_last=True)
        for col in range(2, 2 + len(self._status_keys)):  # status titles are long: narrow numeric columns
            header = self.table.horizontalHeaderItem(col)
            header.setToolTip(header.text())
            self.table.setColumnWidth(col, 96)
        self._fill(self.overdue, [[o.office, t["ref"] or t["number"], t["content"]]
                                  for o in rollup.offices for t in o.overdue])
        self._fill(self.problems, [[p.file, p.reason] for p in rollup.problems]
                   + [[name, self.tr("Has not sent a report")] for name in rollup.missing])
        self.tabs.setTabText(2, self.tr("Files left out, offices missing (%1)")
                             .replace("%1", str(len(rollup.problems) + len(rollup.missing))))
        for b in (self.xlsx_btn, self.pdf_btn):
            b.setEnabled(True)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]], bold_last: bool = False) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c > 0 and text.replace(".", "").replace(",", "").replace("%", "").strip().isdigit():
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if bold_last and r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def save(self, kind: str) -> None:
        if self.rollup is None:
            return
        name = f"tong-hop-{self.rollup.period_code or 'bao-cao'}.{kind}"
        start = Path(self.folder.text().strip() or str(Path.home())).parent / name
        filt = self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else "PDF (*.pdf)"
        target = files.ask_save(self, self.tr("Save the roll-up"), str(start), filt, "." + kind)
        if target:
            self.save_to(target)

    def save_to(self, target: str) -> BackgroundTask:
        from ...services.rollup import write_rollup

        rollup, office, today = self.rollup, self.office, self.today
        task = BackgroundTask(self, self.tr("Writing the roll-up…"),
                              lambda progress: write_rollup(rollup, target, office, today, progress))
        task.done.connect(lambda path: self.saved.setText(self.tr("Saved %1").replace("%1", str(path))))
        task.error.connect(lambda exc: show_error(self, exc))
        self._save_job = task
        task.start()
        return task

    def reject(self) -> None:
        for job in (self._job, getattr(self, "_save_job", None)):
            if job is not None and job.running:
                job.cancel()
        super().reject()
