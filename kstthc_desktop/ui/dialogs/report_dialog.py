"""The periodic report: choose the period, edit the drafted parts and form 06a, see the pages live,
export PDF/Word, print, and issue (freeze) it. Rendering runs off the GUI thread."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import files, fit, formats
from ..errors import show_error
from ..tasks import BackgroundTask

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)  # page width as a share of the pane's width (1.0: fit)
PAGE_BORDER = 1  # the thin frame drawn around each page


class _Page(QLabel):
    """One page of the preview: its pixmap drawn into the label's size (sharp when the pixmap was
    rendered at that size; scaled only for the moment until the sharp one arrives)."""

    def __init__(self, points: tuple[float, float]) -> None:
        super().__init__()
        self.points = points  # the page's (width, height) in points: its shape before it is drawn
        self.drawn_width = 0  # device pixels of the pixmap shown
        self.base: QPixmap | None = None  # drawn at the width the pane had when the report was made
        self.setScaledContents(True)
        self.setStyleSheet(f"border: {PAGE_BORDER}px solid #999; background: white;")

    def set_drawn(self, pix: QPixmap, base: bool = False) -> None:
        if base:
            self.base = pix
        self.drawn_width = pix.width()
        self.setPixmap(pix)

    def set_display_width(self, width: int) -> None:
        w, h = self.points
        self.setFixedSize(width + 2 * PAGE_BORDER, round(width * h / max(w, 1.0)) + 2 * PAGE_BORDER)


def _pixmap(bitmap, ratio: float) -> QPixmap:  # noqa: ANN001 - reports.preview.PageBitmap
    image = QImage(bitmap.rgb, bitmap.width, bitmap.height, bitmap.width * 3, QImage.Format.Format_RGB888).copy()
    pix = QPixmap.fromImage(image)
    pix.setDevicePixelRatio(ratio)
    return pix


class ReportDialog(QDialog):
    def __init__(self, service, today: date, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        from ...core.periods import current_period, periods_of_year
        from ...reports.content import SECTION_KEYS
        from ...reports.forms import FORM_06A, count_keys

        self.service = service
        self.today = today
        self.setWindowTitle(self.tr("Periodic report"))
        fit.fit_dialog(self, QSize(1250, 820))
        self._tmp = Path(tempfile.mkdtemp(prefix="kstthc-report-"))
        self._job: BackgroundTask | None = None
        self._pending = False
        self._loading = False
        self.content = None
        self._keys = list(SECTION_KEYS)
        self._count_keys = count_keys(FORM_06A)

        plan = service.current_plan()
        office = service.office()
        year = plan.year if plan else today.year
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)

        left = QWidget()
        ll = QVBoxLayout(left)
        form = QFormLayout()
        self.period = QComboBox()
        for p in periods_of_year(year):
            self.period.addItem(formats.period_label(p), p.code)
        current = current_period(today)
        self.period.setCurrentIndex(max(0, self.period.findData(current.code)))
        self.window_label = QLabel()
        self.window_label.setWordWrap(True)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("e.g. 05 (left blank: filled in by hand)"))
        self.on = QDateEdit(QDate(today.year, today.month, today.day))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd/MM/yyyy")
        self.authority = QComboBox()
        for value in ("TM.", "KT.", ""):
            self.authority.addItem(value or self.tr("(none)"), value)
        self.authority.setCurrentIndex(max(0, self.authority.findData(office.signatory_authority if office else "TM.")))
        self.sign_title = QLineEdit(office.signatory_title if office else "")
        self.sign_deputy = QLineEdit(office.signatory_deputy_title if office else "")
        self.sign_deputy.setPlaceholderText(self.tr("with KT.: e.g. PHÓ CHỦ TỊCH"))
        self.sign_name = QLineEdit(office.signatory_name if office else "")
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.authority)
        sign_row.addWidget(self.sign_title, 2)
        sign_row.addWidget(self.sign_deputy, 2)
        self.recipients = QPlainTextEdit("\n".join(office.recipients if office else []))
        self.recipients.setFixedHeight(80)
        self.recipients.setTabChangesFocus(True)
        form.addRow(self.tr("Period"), self.period)
        form.addRow("", self.window_label)
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Date"), self.on)
        form.addRow(self.tr("Signed by"), sign_row)
        form.addRow(self.tr("Name of the signer"), self.sign_name)
        form.addRow(self.tr("Recipients (Nơi nhận)"), self.recipients)
        ll.addLayout(form)

        self.tabs = QTabWidget()
        self.editors: dict[str, QPlainTextEdit] = {}
        for key, title in SECTION_KEYS.items():
            page = QWidget()
            pl = QVBoxLayout(page)
            ed = QPlainTextEdit()
            ed.setTabChangesFocus(True)
            ed.textChanged.connect(self._schedule_preview)
            reset = QPushButton(self.tr("Restore the program's draft"))
            reset.clicked.connect(lambda _=False, k=key: self._restore_draft(k))
            pl.addWidget(ed)
            pl.addWidget(reset, 0, Qt.AlignmentFlag.AlignRight)
            self.editors[key] = ed
            self.tabs.addTab(page, title.split(" ", 1)[-1] if title[0].isdigit() else title)
        stats_page = QWidget()
        sl = QVBoxLayout(stats_page)
        sl.addWidget(QLabel(self.tr("Form 06a: dossiers per field. Column (6) is carried over from the last "
                                    "issued report.")))
        self.stats = QTableWidget(0, 1 + len(self._count_keys))
        self.stats.setHorizontalHeaderLabels([self.tr("Field")] + [f"({k[1:]})" for k in self._count_keys])
        self.stats.itemChanged.connect(self._on_stats_changed)
        sl.addWidget(self.stats)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add row"))
        add.clicked.connect(self._add_stats_row)
        remove = QPushButton(self.tr("Remove row"))
        remove.clicked.connect(lambda: self.stats.removeRow(self.stats.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.xlsx_in_btn = QPushButton(self.tr("Read from Excel…"))
        self.xlsx_in_btn.clicked.connect(self.import_stats)
        self.xlsx_out_btn = QPushButton(self.tr("Save an Excel template…"))
        self.xlsx_out_btn.clicked.connect(self.save_stats_template)
        row.addWidget(self.xlsx_in_btn)
        row.addWidget(self.xlsx_out_btn)
        sl.addLayout(row)
        self.stats_problems = QLabel()
        self.stats_problems.setWordWrap(True)
        self.stats_problems.setStyleSheet("color: #c62828;")
        sl.addWidget(self.stats_problems)
        self.tabs.addTab(stats_page, self.tr("Form 06a"))
        causes_page = QWidget()
        cl = QVBoxLayout(causes_page)
        cl.addWidget(QLabel(self.tr("Overdue tasks: write why each is late. The cause is printed in part II of "
                                    "the report; nothing is invented when it is left empty.")))
        self.causes = QTableWidget(0, 3)
        self.causes.setHorizontalHeaderLabels([self.tr("Task"), self.tr("Content"), self.tr("Cause of the delay")])
        self.causes.horizontalHeader().setStretchLastSection(True)
        self.causes.itemChanged.connect(self._on_cause_changed)
        cl.addWidget(self.causes)
        self.tabs.addTab(causes_page, self.tr("Overdue causes"))
        ll.addWidget(self.tabs, 1)
        self.warn_label = QLabel()
        self.warn_label.setWordWrap(True)
        self.warn_label.setStyleSheet("color: #b45309;")
        ll.addWidget(self.warn_label)
        self.refs_btn = QPushButton(self.tr("Plan references…"))
        self.refs_btn.clicked.connect(self.edit_references)

        buttons = QHBoxLayout()
        self.pdf_btn = QPushButton(self.tr("Export PDF…"))
        self.pdf_btn.clicked.connect(lambda: self.export("pdf"))
        self.docx_btn = QPushButton(self.tr("Export Word…"))
        self.docx_btn.clicked.connect(lambda: self.export("docx"))
        self.print_btn = QPushButton(self.tr("Print…"))
        self.print_btn.clicked.connect(self.print_report)
        self.issue_btn = QPushButton(self.tr("Issue (freeze)…"))
        self.issue_btn.clicked.connect(self.issue)
        self.close_btn = QPushButton(self.tr("Close"))
        self.close_btn.clicked.connect(self.accept)
        for b in (self.pdf_btn, self.docx_btn, self.print_btn, self.issue_btn, self.refs_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_btn)
        # Below both panes, the full width: the preview shrinks on a small screen, never these buttons.
        outer.addLayout(buttons)
        self.issued_label = QLabel()
        self.issued_label.setWordWrap(True)
        outer.addWidget(self.issued_label)
        self.since_label = QLabel()
        self.since_label.setWordWrap(True)
        outer.addWidget(self.since_label)
        split.addWidget(fit.scrolling(left, fill=True))

        right = QWidget()
        rl = QVBoxLayout(right)
        head = QHBoxLayout()
        self.preview_status = QLabel(self.tr("Preview"))
        head.addWidget(self.preview_status, 1)
        self.zoom_out_btn = QToolButton()
        self.zoom_out_btn.setText("−")
        self.zoom_out_btn.setToolTip(self.tr("Smaller pages (Ctrl+minus)"))
        self.zoom_out_btn.setAccessibleName(self.tr("Zoom out"))
        self.zoom_out_btn.clicked.connect(lambda: self.zoom_by(-1))
        self.fit_btn = QToolButton()
        self.fit_btn.setText(self.tr("Fit width"))
        self.fit_btn.setToolTip(self.tr("Pages as wide as this pane (Ctrl+0)"))
        self.fit_btn.setCheckable(True)
        self.fit_btn.clicked.connect(lambda: self.set_zoom(1.0))
        self.zoom_in_btn = QToolButton()
        self.zoom_in_btn.setText("+")
        self.zoom_in_btn.setToolTip(self.tr("Larger pages, for detail (Ctrl+plus)"))
        self.zoom_in_btn.setAccessibleName(self.tr("Zoom in"))
        self.zoom_in_btn.clicked.connect(lambda: self.zoom_by(1))
        for b in (self.zoom_out_btn, self.fit_btn, self.zoom_in_btn):
            head.addWidget(b)
        rl.addLayout(head)
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(True)
        # the scroll bar is always there, so fitting the pages never makes it come and go
        self.preview_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.preview_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages_host = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_host)
        self.pages_layout.setContentsMargins(8, 8, 8, 8)
        self.pages_layout.setSpacing(10)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_scroll.setWidget(self.pages_host)
        rl.addWidget(self.preview_scroll)
        self.zoom = 1.0
        self.page_count = 0
        self._pages: list[_Page] = []
        self._pdf: bytes | None = None
        self._raster_job: BackgroundTask | None = None
        self._issue_job: BackgroundTask | None = None
        self.issued_id: int | None = None  # the report this dialog issued last
        self._closed = False
        self._raster_pending = False
        self._sharpen = QTimer(self)  # sharp pages once resizing or scrolling pauses
        self._sharpen.setSingleShot(True)
        self._sharpen.setInterval(150)
        self._sharpen.timeout.connect(self._sharpen_visible)
        self.preview_scroll.viewport().installEventFilter(self)
        self.preview_scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._sharpen.start())
        for keys, step in (("Ctrl++", 1), ("Ctrl+=", 1), ("Ctrl+-", -1), ("Ctrl+0", 0)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda s=step: self.zoom_by(s) if s else self.set_zoom(1.0))
        self._show_zoom()
        right.setMinimumWidth(160)
        split.addWidget(right)
        split.setSizes([620, 630])

        self.frozen = None  # the issued report shown read-only, if the period has one
        self._correcting: dict[str, bool] = {}
        self.correct_btn = QPushButton(self.tr("Draft a corrected version"))
        self.correct_btn.clicked.connect(self.start_correction)
        self.open_issued_btn = QPushButton(self.tr("Open the issued PDF"))
        self.open_issued_btn.clicked.connect(lambda: self.frozen and self.open_issued(self.frozen.id))
        frozen_row = QHBoxLayout()
        frozen_row.addWidget(self.open_issued_btn)
        frozen_row.addWidget(self.correct_btn)
        frozen_row.addStretch(1)
        outer.addLayout(frozen_row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(700)
        self._timer.timeout.connect(self.refresh_preview)
        self.period.currentIndexChanged.connect(self._load_period)
        self.number.textChanged.connect(self._schedule_preview)
        self.on.dateChanged.connect(self._schedule_preview)
        self.recipients.textChanged.connect(self._schedule_preview)
        self.authority.currentIndexChanged.connect(self._schedule_preview)
        for edit in (self.sign_title, self.sign_deputy, self.sign_name):
            edit.textChanged.connect(self._schedule_preview)
        for b in self.findChildren(QPushButton):  # Enter in a field exports, prints or issues nothing
            b.setAutoDefault(False)
            b.setDefault(False)
        for label in self.tabs.findChildren(QLabel):  # long notes wrap instead of widening the pane
            label.setWordWrap(True)
        fit.relayout(self)
        self._load_period()

    # --- state ---------------------------------------------------------------------------
    def period_code(self) -> str:
        return self.period.currentData()

    def overrides(self) -> dict[str, str]:
        """Only the parts the officer changed; the rest follows the data."""
        if self.content is None:
            return {}
        out = {}
        for key, ed in self.editors.items():
            text = ed.toPlainText().strip()
            if text and text != (self.content.drafts.get(key) or "").strip():
                out[key] = text
        return out

    def statistics_rows(self) -> list[dict]:
        rows = []
        for r in range(self.stats.rowCount()):
            label = self.stats.item(r, 0)
            row: dict = {"field": label.text().strip() if label else ""}
            for c, key in enumerate(self._count_keys, start=1):
                item = self.stats.item(r, c)
                text = item.text().strip() if item else ""
                row[key] = int(text) if text.isdigit() else 0
            if row["field"] or any(row[k] for k in self._count_keys):
                rows.append(row)
        return rows

    def signatory(self) -> dict[str, str]:
        return {"signatory_authority": self.authority.currentData(), "signatory_title": self.sign_title.text().strip(),
                "signatory_deputy_title": self.sign_deputy.text().strip(),
                "signatory_name": self.sign_name.text().strip()}

    def recipient_lines(self) -> list[str]:
        return [x.strip(" -;") for x in self.recipients.toPlainText().split("\n") if x.strip(" -;")]

    def on_date(self) -> date:
        q = self.on.date()
        return date(q.year(), q.month(), q.day())

    def _load_period(self) -> None:
        from ...core.periods import parse_period

        self._loading = True
        code = self.period_code()
        period = parse_period(code)
        self.window_label.setText(formats.window_text(period))
        draft = self.service.report_draft(code)
        self._set_stats(draft.get("statistics_rows") or [])
        if draft.get("number"):
            self.number.setText(draft["number"])
        sign = draft.get("signatory") or {}
        if sign:
            self.authority.setCurrentIndex(max(0, self.authority.findData(sign.get("signatory_authority", "TM."))))
            self.sign_title.setText(sign.get("signatory_title", ""))
            self.sign_deputy.setText(sign.get("signatory_deputy_title", ""))
            self.sign_name.setText(sign.get("signatory_name", ""))
        self._saved_overrides = draft.get("overrides", {})
        self.content = None
        try:
            self.content = self._build_content()
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
        if self.content is not None:
            for key, ed in self.editors.items():
                ed.blockSignals(True)
                ed.setPlainText(self._saved_overrides.get(key) or self.content.sections.get(key, ""))
                ed.blockSignals(False)
        self._fill_causes()
        issued = [r for r in self.service.reports() if r.period == code and r.issued]
        self.frozen = issued[-1] if issued and not self._correcting.get(code) else None
        self.issued_label.setText(
            self.tr("Issued on %1 (number %2). Issued reports are kept unchanged in the data file.")
            .replace("%1", formats.datetime_text(issued[-1].issued_at)).replace("%2", issued[-1].number or "—")
            if issued else "")
        self._apply_frozen_state()
        self._show_changes_since(code)
        for label in (self.issued_label, self.since_label):  # no empty strip under the buttons
            label.setVisible(bool(label.text()))
        self._show_warnings()  # at once (the preview's worker brings them again after each edit)
        self._loading = False
        self.refresh_preview()

    def _show_warnings(self) -> None:
        """What the signer must know before export: a draft, blank figures, missing causes, blank citations."""
        warnings = list(self.content.warnings) if self.content is not None else []
        self.warn_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warn_label.setVisible(bool(warnings))
        blank_refs = any("Thông tin kế hoạch" in w for w in warnings)
        self.refs_btn.setStyleSheet("font-weight: bold;" if blank_refs else "")
        draft = self.content is not None and self.content.draft
        self.issue_btn.setEnabled(self.frozen is None and not draft and not self._issuing())
        self.issue_btn.setToolTip(self.tr("The period is not over yet: the report is a draft.") if draft else "")

    def _fill_causes(self) -> None:
        from ...core.model import Status

        self.causes.blockSignals(True)
        self.causes.setRowCount(0)
        results = self.content.task_results if self.content is not None else []
        for r in results:
            if r.status != Status.OVERDUE:
                continue
            row = self.causes.rowCount()
            self.causes.insertRow(row)
            number = QTableWidgetItem(r.ref or r.number)
            number.setFlags(number.flags() & ~Qt.ItemFlag.ItemIsEditable)
            number.setData(Qt.ItemDataRole.UserRole, r.task_id)
            content = QTableWidgetItem(r.content)
            content.setFlags(content.flags() & ~Qt.ItemFlag.ItemIsEditable)
            content.setToolTip(r.content)
            self.causes.setItem(row, 0, number)
            self.causes.setItem(row, 1, content)
            self.causes.setItem(row, 2, QTableWidgetItem(r.overdue_cause))
        self.causes.setColumnWidth(1, 260)
        self.causes.blockSignals(False)
        self.tabs.setTabText(self.tabs.indexOf(self.causes.parentWidget()),
                             self.tr("Overdue causes (%1)").replace("%1", str(self.causes.rowCount())))

    def _on_cause_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 2:
            return
        task_id = self.causes.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        try:
            self.service.set_overdue_cause(int(task_id), item.text())
        except Exception as exc:  # noqa: BLE001 - shown, never swallowed
            show_error(self, exc)
            return
        self._schedule_preview()

    def edit_references(self) -> None:
        from .plan_info import PlanInfoDialog

        if PlanInfoDialog.ask(self, self.service) is not None:
            self.refresh_preview()

    def import_stats(self) -> None:
        target = files.ask_open(self, self.tr("Read form 06a figures"), str(Path.home()),
                                "Excel (*.xlsx);;JSON (*.json)")
        if target:
            self.load_stats_file(target)

    def load_stats_file(self, path: str) -> bool:
        """Rows from the filled-in template (or a JSON file) replace the table; bad files change nothing."""
        from ...reports.form_io import read_rows

        try:
            rows = read_rows(path)
        except Exception as exc:  # noqa: BLE001 - shown, never swallowed
            show_error(self, exc)
            return False
        self._set_stats(rows)
        self.stats_problems.clear()
        self._schedule_preview()
        return True

    def save_stats_template(self) -> None:
        target = files.ask_save(self, self.tr("Save a form 06a template"),
                                str(Path.home() / f"bieu-06a-{self.period_code()}.xlsx"), "Excel (*.xlsx)", ".xlsx")
        if target:
            self.write_stats_template(target)

    def write_stats_template(self, path: str) -> None:
        from ...core.periods import parse_period

        try:
            self.service.write_form06a_template(path, self.statistics_rows(), parse_period(self.period_code()).label)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)

    def _apply_frozen_state(self) -> None:
        """An issued report is shown read-only: its frozen pages, no editing, no re-issuing."""
        frozen = self.frozen is not None
        for w in (self.number, self.on, self.recipients, self.stats, self.authority, self.sign_title,
                  self.sign_deputy, self.sign_name, self.docx_btn, self.issue_btn):
            w.setEnabled(not frozen)
        for ed in self.editors.values():
            ed.setReadOnly(frozen)
        self.open_issued_btn.setVisible(frozen)
        self.correct_btn.setVisible(frozen)
        if frozen:
            self.number.setText(self.frozen.number)

    def start_correction(self) -> None:
        """Edit again for a corrected version; the issued one stays frozen in the file."""
        self._correcting[self.period_code()] = True
        self._load_period()

    def _show_changes_since(self, code: str) -> None:
        try:
            changes = self.service.changes_since_issued(code)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        if not changes:
            self.since_label.clear()
            return
        text = self.tr("Since report %1 (%2): %3 task(s) completed, %4 became overdue, %5 new, %6 removed.") \
            .replace("%1", changes["report"] or "—").replace("%2", changes["period"]) \
            .replace("%3", str(len(changes["completed"]))).replace("%4", str(len(changes["newly_overdue"]))) \
            .replace("%5", str(len(changes["new"]))).replace("%6", str(len(changes["removed"])))
        self.since_label.setText(text)
        details = [*(f"✔ {x}" for x in changes["completed"]), *(f"! {x}" for x in changes["newly_overdue"]),
                   *(f"+ {x}" for x in changes["new"]), *(f"– {x}" for x in changes["removed"])]
        self.since_label.setToolTip("\n".join(details[:40]))

    def _set_stats(self, rows: list[dict]) -> None:
        self.stats.blockSignals(True)
        self.stats.setRowCount(0)
        for row in rows:
            self._add_stats_row(row)
        self.stats.blockSignals(False)

    def _add_stats_row(self, row: dict | None = None) -> None:
        row = row or {}
        r = self.stats.rowCount()
        self.stats.insertRow(r)
        self.stats.setItem(r, 0, QTableWidgetItem(str(row.get("field", ""))))
        for c, key in enumerate(self._count_keys, start=1):
            value = row.get(key)
            self.stats.setItem(r, c, QTableWidgetItem("" if value in (None, "") else str(value)))

    def _on_stats_changed(self, item: QTableWidgetItem) -> None:
        if item.column() > 0 and item.text().strip() and not item.text().strip().isdigit():
            self.stats_problems.setText(self.tr("Column %1, row %2: type a whole number of dossiers.")
                                        .replace("%1", f"({self._count_keys[item.column() - 1][1:]})")
                                        .replace("%2", str(item.row() + 1)))
            return
        from ...reports.forms import FORM_06A, validate

        self.stats_problems.setText("\n".join(validate(FORM_06A, self.statistics_rows())))
        self._schedule_preview()

    def _restore_draft(self, key: str) -> None:
        if self.content is not None:
            self.editors[key].setPlainText(self.content.drafts.get(key, ""))

    def _save_draft(self) -> None:
        try:
            self.service.save_report_draft(self.period_code(), {
                "number": self.number.text().strip(), "overrides": self.overrides(),
                "statistics_rows": self.statistics_rows(), "signatory": self.signatory()})
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)

    def _build_content(self):  # noqa: ANN202
        return self._content_builder()()

    def _content_builder(self):  # noqa: ANN202 - the reads now; the call builds (on a worker for the preview)
        return self.service.report_content_builder(
            self.period_code(), number=self.number.text().strip(), on=self.on_date(), as_of=self.today,
            statistics_rows=self.statistics_rows(), overrides=self.overrides() or self._saved_overrides,
            recipients=self.recipient_lines(), signatory=self.signatory())

    # --- preview -------------------------------------------------------------------------
    def _issuing(self) -> bool:
        return self._issue_job is not None and self._issue_job.running

    def _schedule_preview(self) -> None:
        if not self._loading and not self._issuing():
            self._timer.start()

    def refresh_preview(self) -> None:
        """Read the report's data here (fast reads); build its content, render and rasterise it on
        a worker (a 2,000-task plan's content took the window 0.1 s, more while a worker computed)."""
        if self._issuing():  # one PDF at a time: the issued one is being rendered (the GIL is one)
            return
        if self._job is not None and self._job.running:
            self._pending = True
            return
        try:
            build = self._content_builder()
        except Exception as exc:  # noqa: BLE001
            self.preview_status.setText(str(exc))
            return
        service, target = self.service, self._tmp / "xem-truoc.pdf"
        frozen_pdf = service.issued_pdf(self.frozen.id) if self.frozen is not None else None
        if frozen_pdf is None:
            self._save_draft()

        ratio = self.devicePixelRatioF()
        width = round(min(self.display_width(), self.fit_width()) * ratio)  # zoomed pages: sharpened after

        def job(progress):  # noqa: ANN001, ANN202
            from ...reports.preview import page_bitmaps, page_sizes

            content = build()
            if frozen_pdf is not None:
                target.write_bytes(frozen_pdf)
            else:
                service.render_report(content, target, progress)
            pdf = target.read_bytes()
            return content, pdf, page_sizes(pdf), page_bitmaps(pdf, width), ratio

        self.preview_status.setText(self.tr("Updating the preview…"))
        self._job = BackgroundTask(self, self.tr("Preparing the report"), job, delay_ms=1500)
        self._job.done.connect(self._show_pages)
        self._job.error.connect(lambda exc: (self.preview_status.setText(str(exc)), self._after_job()))
        self._job.cancelled.connect(self._after_job)
        self._job.start()

    def _after_job(self) -> None:
        if self._pending:
            self._pending = False
            QTimer.singleShot(0, self, self.refresh_preview)  # cancelled if the dialog goes first

    def _show_pages(self, result: tuple) -> None:
        self.content, pdf, sizes, bitmaps, ratio = result
        self._show_warnings()
        top = self.preview_scroll.verticalScrollBar().value()
        while self.pages_layout.count():
            w = self.pages_layout.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self._pdf = pdf
        self._pages = []
        for points, bitmap in zip(sizes, bitmaps, strict=True):
            page = _Page(points)
            page.set_drawn(_pixmap(bitmap, ratio), base=True)
            self._pages.append(page)
            self.pages_layout.addWidget(page)
        self.page_count = len(bitmaps)
        self.preview_status.setText(self.tr("Preview: %1 pages").replace("%1", str(len(bitmaps))))
        self._apply_size()
        self.preview_scroll.verticalScrollBar().setValue(top)  # an edit keeps the page being read in view
        self._after_job()

    # --- zoom ----------------------------------------------------------------------------
    def fit_width(self) -> int:
        """The page width (logical pixels) that fills the pane without a sideways scroll bar."""
        margins = self.pages_layout.contentsMargins()
        return max(80, self.preview_scroll.viewport().width() - margins.left() - margins.right() - 2 * PAGE_BORDER)

    def display_width(self) -> int:
        return max(40, round(self.fit_width() * self.zoom))

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, ZOOMS[0]), ZOOMS[-1])
        if zoom == self.zoom:
            self._show_zoom()
            return
        bar = self.preview_scroll.verticalScrollBar()
        share = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.zoom = zoom
        self._apply_size()
        self.pages_host.layout().activate()
        bar.setValue(round(share * bar.maximum()))  # the same place of the report stays in view

    def zoom_by(self, steps: int) -> None:
        """One step larger (1) or smaller (-1) along ZOOMS."""
        i = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - self.zoom))
        self.set_zoom(ZOOMS[min(max(i + steps, 0), len(ZOOMS) - 1)])

    def _show_zoom(self) -> None:
        self.fit_btn.setChecked(self.zoom == 1.0)
        self.zoom_out_btn.setEnabled(self.zoom > ZOOMS[0])
        self.zoom_in_btn.setEnabled(self.zoom < ZOOMS[-1])

    def _apply_size(self) -> None:
        """Every page at the zoom's width at once (scaled for the moment), sharp ones drawn next."""
        self._show_zoom()
        wider = self.zoom > 1.0
        self.preview_scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if wider else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        width = self.display_width()
        for page in self._pages:
            page.set_display_width(width)
        self._sharpen.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.preview_scroll.viewport():
            if event.type() == QEvent.Type.Resize and self._pages:
                self._apply_size()
            elif event.type() == QEvent.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.zoom_by(1 if event.angleDelta().y() > 0 else -1)
                return True
        return super().eventFilter(watched, event)

    def _visible_pages(self) -> range:
        """Pages in view, and one either side (read next when scrolling)."""
        top = self.preview_scroll.verticalScrollBar().value()
        bottom = top + self.preview_scroll.viewport().height()
        shown = [i for i, p in enumerate(self._pages) if p.y() < bottom and p.y() + p.height() > top]
        if not shown:
            return range(0)
        return range(max(0, shown[0] - 1), min(len(self._pages), shown[-1] + 2))

    def _sharpen_visible(self) -> None:
        """Draw the pages in view at the width they are shown; pages out of view go back to their
        first drawing (a long report zoomed in keeps a few big pictures, not all of them)."""
        if not self._pages or self._pdf is None or (self._job is not None and self._job.running):
            return
        if self._raster_job is not None and self._raster_job.running:
            self._raster_pending = True
            return
        ratio = self.devicePixelRatioF()
        needed = round(self.display_width() * ratio)
        near = self._visible_pages()
        for i, page in enumerate(self._pages):
            if i not in near and page.base is not None and page.drawn_width != page.base.width():
                page.set_drawn(page.base)
        todo = [i for i in near if self._pages[i].drawn_width != needed]
        if not todo:
            return
        pdf, pages = self._pdf, list(self._pages)

        def job(progress):  # noqa: ANN001, ANN202
            from ...reports.preview import page_bitmaps

            return pdf, todo, page_bitmaps(pdf, needed, pages=todo, progress=progress)

        def show(result: tuple) -> None:
            done_pdf, indices, bitmaps = result
            if done_pdf is self._pdf and pages == self._pages:  # not a report replaced meanwhile
                for i, bitmap in zip(indices, bitmaps, strict=True):
                    self._pages[i].set_drawn(_pixmap(bitmap, ratio))
            self._after_raster()

        self._raster_job = BackgroundTask(self, self.tr("Preparing the report"), job, delay_ms=60_000)
        self._raster_job.done.connect(show)
        self._raster_job.error.connect(lambda exc: (self.preview_status.setText(str(exc)), self._after_raster()))
        self._raster_job.cancelled.connect(self._after_raster)
        self._raster_job.start()

    def _after_raster(self) -> None:
        if self._raster_pending:
            self._raster_pending = False
            self._sharpen.start()

    # --- output --------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        name = f"bao-cao-{self.period_code()}.{kind}"
        start = Path(str(QSettings().value("report/last_dir", str(Path.home())))) / name
        filt = "PDF (*.pdf)" if kind == "pdf" else "Word (*.docx)"
        if self.frozen is None and self.content is not None and self.content.warnings:
            answer = QMessageBox.warning(
                self, self.tr("Export the report"),
                self.tr("Before it is signed, note:") + "\n\n" + "\n".join(f"• {w}" for w in self.content.warnings)
                + "\n\n" + self.tr("Export anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        target = files.ask_save(self, self.tr("Export the report"), str(start), filt, f".{kind}")
        if target:
            QSettings().setValue("report/last_dir", str(Path(target).parent))
            self.export_to(target)

    def export_to(self, target: str) -> BackgroundTask:
        service = self.service
        if self.frozen is not None:  # the issued document, byte for byte, and its data (.json) beside it
            pdf, data = service.issued_pdf(self.frozen.id), service.issued_report_json(self.frozen.id)
            task = BackgroundTask(self, self.tr("Writing the report…"),
                                  lambda progress: service.write_issued_files(pdf, data, target)[0])
            task.done.connect(lambda path: self.preview_status.setText(self.tr("Saved %1").replace("%1", str(path))))
            task.error.connect(lambda exc: show_error(self, exc))
            self._export_job = task
            task.start()
            return task
        content = self._build_content()
        task = BackgroundTask(self, self.tr("Writing the report…"),
                              lambda progress: service.render_report(content, target, progress))
        task.done.connect(lambda path: self.preview_status.setText(self.tr("Saved %1").replace("%1", str(path))))
        task.error.connect(lambda exc: show_error(self, exc))
        self._export_job = task
        task.start()
        return task

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        try:
            from PySide6.QtGui import QPainter

            from ...reports.preview import page_images

            pdf = self._tmp / "in.pdf"
            if self.frozen is not None:
                pdf.write_bytes(self.service.issued_pdf(self.frozen.id))
            else:
                self.service.render_report(self._build_content(), pdf)
            painter = QPainter(printer)
            for i, png in enumerate(page_images(pdf, dpi=200)):
                if i:
                    printer.newPage()
                pix = QPixmap()
                pix.loadFromData(png)
                rect = painter.viewport()
                size = pix.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawPixmap(0, 0, size.width(), size.height(), pix)
            painter.end()
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)

    def issue(self) -> None:
        number = self.number.text().strip()
        if not number:
            QMessageBox.information(self, self.tr("Issue the report"),
                                    self.tr("Type the report's number first (the number given by the clerk)."))
            self.number.setFocus()
            return
        answer = QMessageBox.question(
            self, self.tr("Issue the report"),
            self.tr("Issuing freezes this report: its text and PDF are kept unchanged in the data file and "
                    "cannot be edited afterwards. Issue it now?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.issue_now()

    def issue_now(self) -> BackgroundTask | None:
        """Issue without asking: checked here, the PDF rendered and the file backed up on a worker
        (seconds for a big plan with a year's documents), then frozen into the file here. Closing
        the dialog before the end issues nothing."""
        if self._issuing():
            return self._issue_job
        self._correcting.pop(self.period_code(), None)
        service = self.service
        try:
            job = service.prepare_issue(
                self.period_code(), self.number.text().strip(), self.on_date(), overrides=self.overrides(),
                statistics_rows=self.statistics_rows(), recipients=self.recipient_lines(),
                signatory=self.signatory(), as_of=self.today)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        self._timer.stop()  # no preview is rendered beside the issued PDF: both would crawl
        if self._job is not None and self._job.running:
            self._job.cancel()
        task = BackgroundTask(self, self.tr("Issuing the report…"),
                              lambda progress: service.render_issue(job, progress))

        def given_up() -> None:
            self.issue_btn.setEnabled(True)
            if not self._closed:
                self.preview_status.setText(self.tr("Issuing cancelled: nothing was issued."))
                self._schedule_preview()

        def rendered(ready) -> None:  # noqa: ANN001 - reports.machine.IssueJob
            if self._closed or task.cancel_requested:  # closed or cancelled meanwhile: nothing is issued
                given_up()
                return
            self.issue_btn.setEnabled(True)
            try:
                self.issued_id, _changes = service.commit_issue(ready)
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return
            self._load_period()

        task.done.connect(rendered)
        task.error.connect(lambda exc: (self.issue_btn.setEnabled(True), show_error(self, exc)))
        task.cancelled.connect(given_up)
        self._issue_job = task
        self.issue_btn.setEnabled(False)
        task.start()
        return task

    def open_issued(self, report_id: int) -> None:
        path = self._tmp / f"bao-cao-da-ban-hanh-{report_id}.pdf"
        path.write_bytes(self.service.issued_pdf(report_id))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def hideEvent(self, event) -> None:  # noqa: ANN001 - however the dialog goes away, keep the text
        if self.frozen is None:
            self._save_draft()
        super().hideEvent(event)

    def done(self, result: int) -> None:
        self._closed = True
        for job in (self._job, self._raster_job, getattr(self, "_export_job", None), self._issue_job):
            if job is not None and job.running:
                job.cancel()
        if self.frozen is None:
            self._save_draft()
        super().done(result)

    @classmethod
    def run(cls, parent: QWidget | None, service, today: date) -> None:  # noqa: ANN001
        dlg = cls(service, today, parent)
        dlg.exec()
