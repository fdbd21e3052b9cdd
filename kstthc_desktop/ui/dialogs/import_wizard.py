"""Import wizard: choose file → read off the GUI thread → preview, fix columns, choose tasks → confirm.

Nothing is written to the office file until the officer confirms; the service backs up first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.model import CommuneRole
from .. import files
from ..errors import show_error
from ..tasks import BackgroundTask


def role_titles() -> dict[str, str]:
    """Column roles as the wizard names them (literal translate calls, so lupdate finds them)."""
    return {
        "number": QCoreApplication.translate("ImportWizard", "No."),
        "content": QCoreApplication.translate("ImportWizard", "Content"),
        "lead": QCoreApplication.translate("ImportWizard", "Lead"),
        "coordinating": QCoreApplication.translate("ImportWizard", "Coordinating"),
        "deadline": QCoreApplication.translate("ImportWizard", "Deadline"),
        "products": QCoreApplication.translate("ImportWizard", "Products"),
        "field": QCoreApplication.translate("ImportWizard", "Field"),
        "notes": QCoreApplication.translate("ImportWizard", "Notes"),
    }


class ImportWizard(QDialog):
    def __init__(self, service, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Import the superior plan"))
        self.resize(1100, 700)
        self.grids: list = []
        self.imported = None
        self.outcome = None
        self._job: BackgroundTask | None = None
        self._items: list[tuple[QTreeWidgetItem, object]] = []
        self._paragraph_overrides: dict[int, bool] = {}  # prose: paragraph number → is a task

        lay = QVBoxLayout(self)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._confirm_page())
        row = QHBoxLayout()
        self.back_btn = QPushButton(self.tr("< Back"))
        self.next_btn = QPushButton(self.tr("Next >"))
        self.next_btn.setDefault(True)
        self.cancel_btn = QPushButton(self.tr("Cancel"))
        row.addStretch(1)
        for b in (self.back_btn, self.next_btn, self.cancel_btn):
            row.addWidget(b)
        lay.addLayout(row)
        self.back_btn.clicked.connect(self.back)
        self.next_btn.clicked.connect(self.next)
        self.cancel_btn.clicked.connect(self.reject)
        self._update_buttons()

    # --- pages ---------------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        intro = QLabel(self.tr("Choose the plan file your superior level sent (Excel .xlsx/.xls/.ods, Word "
                               ".docx or PDF). The program reads its table; nothing is saved until you confirm."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.textChanged.connect(lambda _: self._update_buttons())
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("from the file"))
        self.year.setValue(0)
        form.addRow(self.tr("Plan year"), self.year)
        lay.addLayout(form)
        self.file_error = QLabel()
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet("color: #c62828;")
        lay.addWidget(self.file_error)
        lay.addStretch(1)
        return w

    def _preview_page(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        row = QHBoxLayout()
        self.only_mine_btn = QPushButton(self.tr("Keep only tasks that concern this office"))
        self.only_mine_btn.clicked.connect(self.keep_only_mine)
        self.all_btn = QPushButton(self.tr("Keep all"))
        self.all_btn.clicked.connect(lambda: self._check_all(True))
        self.none_btn = QPushButton(self.tr("Keep none"))
        self.none_btn.clicked.connect(lambda: self._check_all(False))
        for b in (self.only_mine_btn, self.all_btn, self.none_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("No."), self.tr("Task"), self.tr("Lead"), self.tr("Coordinating"),
                                   self.tr("Deadline (as written)"), self.tr("Due"), self.tr("This office"),
                                   self.tr("Source row")])
        self.tree.header().moveSection(6, 1)  # "This office" beside the number: never scrolled away
        self.tree.setColumnWidth(0, 90)
        self.tree.setColumnWidth(6, 110)
        self.tree.setColumnWidth(1, 380)
        self.tree.setColumnWidth(2, 150)
        self.tree.setColumnWidth(3, 150)
        self.tree.setColumnWidth(4, 160)
        self.tree.itemChanged.connect(lambda *_: self._update_counts())
        split.addWidget(self.tree)
        # below the tree: warnings and the column choice share one tabbed strip, so the tasks keep the room
        self.bottom = QTabWidget()
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.bottom.addTab(self.warnings, self.tr("Warnings"))
        mbox = QWidget()
        grid = QGridLayout(mbox)
        self.table_choice = QComboBox()
        self.table_choice.currentIndexChanged.connect(self._show_mapping)
        self.header_row = QSpinBox()
        self.header_row.setRange(0, 30)
        grid.addWidget(QLabel(self.tr("Table")), 0, 0)
        grid.addWidget(self.table_choice, 0, 1)
        grid.addWidget(QLabel(self.tr("Header ends at row")), 0, 2)
        grid.addWidget(self.header_row, 0, 3)
        self.role_boxes: dict[str, QComboBox] = {}
        for i, (role, title) in enumerate(role_titles().items()):
            box = QComboBox()
            box.setMinimumContentsLength(18)
            self.role_boxes[role] = box
            r, c = 1 + i // 2, (i % 2) * 2
            grid.addWidget(QLabel(title), r, c)
            grid.addWidget(box, r, c + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.apply_mapping_btn = QPushButton(self.tr("Read again with these columns"))
        self.apply_mapping_btn.clicked.connect(self.apply_mapping)
        grid.addWidget(self.apply_mapping_btn, 1 + (len(role_titles()) + 1) // 2, 3)
        self.bottom.addTab(mbox, self.tr("Columns (fix them if the program guessed wrong)"))
        self._reference_tab()
        self._paragraphs_tab()
        split.addWidget(self.bottom)
        split.setSizes([420, 230])
        lay.addWidget(split)
        return w

    def _reference_tab(self) -> None:
        """The superior document's number, date, issuer and title, for the officer to correct."""
        box = QWidget()
        form = QFormLayout(box)
        self.ref_number = QLineEdit()
        self.ref_number.setPlaceholderText(self.tr("e.g. 12/KH-UBND"))
        self.ref_date = QLineEdit()
        self.ref_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.ref_issuer = QLineEdit()
        self.ref_title = QLineEdit()
        self.ref_year = QSpinBox()
        self.ref_year.setRange(0, 2100)
        self.ref_year.setSpecialValueText(self.tr("unknown"))
        self.ref_date_note = QLabel()
        self.ref_date_note.setWordWrap(True)
        form.addRow(self.tr("Number/symbol"), self.ref_number)
        form.addRow(self.tr("Issue date"), self.ref_date)
        form.addRow("", self.ref_date_note)
        form.addRow(self.tr("Issued by"), self.ref_issuer)
        form.addRow(self.tr("Title"), self.ref_title)
        year_row = QHBoxLayout()
        year_row.addWidget(self.ref_year)
        self.ref_year_btn = QPushButton(self.tr("Read again with this year"))
        self.ref_year_btn.clicked.connect(self.reread_with_year)
        year_row.addWidget(self.ref_year_btn)
        year_row.addStretch(1)
        form.addRow(self.tr("Plan year"), year_row)
        self.bottom.addTab(box, self.tr("Document (number, date, issuer)"))

    def _paragraphs_tab(self) -> None:
        """Prose plans: each numbered paragraph, with a "not a task" tick the officer may change."""
        box = QWidget()
        lay = QVBoxLayout(box)
        hint = QLabel(self.tr("Paragraphs of the plan's sections. Tick \"Not a task\" for a paragraph that "
                              "is only explanation, untick it for one that is a task, then read again."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.paragraph_list = QTreeWidget()
        self.paragraph_list.setHeaderLabels([self.tr("Not a task"), self.tr("Paragraph"), self.tr("No."),
                                             self.tr("Text"), self.tr("Section")])
        self.paragraph_list.setRootIsDecorated(False)
        self.paragraph_list.setColumnWidth(0, 110)
        self.paragraph_list.setColumnWidth(1, 110)
        self.paragraph_list.setColumnWidth(2, 50)
        self.paragraph_list.setColumnWidth(3, 520)
        lay.addWidget(self.paragraph_list)
        self.reread_paragraphs_btn = QPushButton(self.tr("Read again with these choices"))
        self.reread_paragraphs_btn.clicked.connect(self.reread_paragraphs)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reread_paragraphs_btn)
        lay.addLayout(row)
        self._paragraphs_index = self.bottom.addTab(box, self.tr("Paragraphs"))
        self.bottom.setTabVisible(self._paragraphs_index, False)

    def _where(self, w) -> str:  # noqa: ANN001
        """ "Bảng 1, row 5 (page 2)" / "Văn bản, paragraph 12 (page 3)" for a warning."""
        from ...importers.document import DOCUMENT_GRID_NAME

        if w.row and w.sheet == DOCUMENT_GRID_NAME:
            where = self.tr("%1, paragraph %2").replace("%1", w.sheet).replace("%2", str(w.row))
        elif w.row:
            where = self.tr("%1, row %2").replace("%1", w.sheet).replace("%2", str(w.row))
        else:
            where = w.sheet
        page = getattr(w, "page", None)
        if page:
            page_text = self.tr("page %1").replace("%1", str(page))
            where = f"{where} ({page_text})" if where else page_text
        return where

    def _show_document(self, imported) -> None:  # noqa: ANN001
        """Fill the reference fields and the paragraph list from a fresh preview."""
        ref = imported.reference
        self.ref_number.setText(ref.number)
        self.ref_date.setText(ref.date.strftime("%d/%m/%Y") if ref.date else "")
        self.ref_date_note.setText(
            self.tr("Written in the document: %1").replace("%1", ref.date_text) if ref.date_text and not ref.date
            else "")
        self.ref_date_note.setVisible(bool(self.ref_date_note.text()))
        self.ref_issuer.setText(ref.issuer)
        self.ref_title.setText(ref.title)
        self.ref_year.setValue(imported.year or 0)
        self.paragraph_list.clear()
        self._paragraph_items: list[tuple[QTreeWidgetItem, object]] = []
        for p in imported.paragraphs:
            where = str(p.index) if p.page is None else self.tr("%1 (page %2)").replace("%1", str(p.index)) \
                .replace("%2", str(p.page))
            item = QTreeWidgetItem(["", where, p.number, p.text.replace("\n", " "), p.section])
            item.setToolTip(3, p.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked if p.is_task else Qt.CheckState.Checked)
            self.paragraph_list.addTopLevelItem(item)
            self._paragraph_items.append((item, p))
        self.bottom.setTabVisible(self._paragraphs_index, bool(imported.paragraphs))

    def edited_reference(self):  # noqa: ANN201
        """The reference as the officer left it in the fields (a wrong date is refused)."""
        from dataclasses import replace
        from datetime import datetime

        from ...core.errors import ValidationError

        ref = self.imported.reference
        text = self.ref_date.text().strip()
        when = None
        if text:
            for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
                try:
                    when = datetime.strptime(text, fmt).date()
                    break
                except ValueError:
                    continue
            if when is None:
                raise ValidationError(
                    f"Ngày ban hành '{text}' không đúng dạng ngày/tháng/năm.",
                    "Hãy gõ ngày như 05/02/2026, hoặc để trống nếu văn bản chưa ghi ngày.", field="source_date")
        return replace(ref, number=self.ref_number.text().strip(), date=when,
                       issuer=self.ref_issuer.text().strip(), title=self.ref_title.text().strip())

    def _paragraph_choices(self) -> dict[int, bool]:
        choices = dict(getattr(self, "_paragraph_overrides", {}) or {})
        for item, p in getattr(self, "_paragraph_items", []):
            not_task = item.checkState(0) == Qt.CheckState.Checked
            if not_task == (not p.is_task):
                continue
            choices[p.index] = not not_task
        return choices

    def _reread(self, year: int | None) -> None:
        path, grids, service = self.path_edit.text().strip(), self.grids, self.service
        override = getattr(self, "_override", None)
        mapping = {override[0].name: override[1]} if override else None
        choices = self._paragraph_overrides

        def job(progress):  # noqa: ANN001, ANN202
            return service.build_import_preview(grids, path, year=year, mapping=mapping, progress=progress,
                                                remembered={} if mapping else None, paragraph_overrides=choices)

        self._start(self.tr("Reading again…"), job, self._show_preview, lambda exc: show_error(self, exc))

    def reread_paragraphs(self) -> None:
        self._paragraph_overrides = self._paragraph_choices()
        self._reread(self.year.value() or None)

    def reread_with_year(self) -> None:
        self.year.setValue(self.ref_year.value())
        self._reread(self.year.value() or None)

    def _confirm_page(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        # Revision of a stored plan, or a new plan beside the others? The program guesses; the
        # officer decides. Nothing of the other plans is touched either way.
        self.target_box = QGroupBox(self.tr("Is this file a revised version of a plan you already have, or a new plan?"))
        tl = QVBoxLayout(self.target_box)
        self.guess_label = QLabel()
        self.guess_label.setWordWrap(True)
        tl.addWidget(self.guess_label)
        row = QHBoxLayout()
        self.as_revision = QRadioButton(self.tr("Revised version of:"))
        self.revision_of = QComboBox()
        self.revision_of.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.revision_of.setMinimumContentsLength(30)
        row.addWidget(self.as_revision)
        row.addWidget(self.revision_of, 1)
        tl.addLayout(row)
        self.as_new = QRadioButton(self.tr("A new plan (the plans you have stay as they are)"))
        tl.addWidget(self.as_new)
        self.as_revision.toggled.connect(lambda _: self._target_changed())
        self.revision_of.currentIndexChanged.connect(lambda _: self._target_changed())
        lay.addWidget(self.target_box)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_text.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.confirm_text)
        self.diff_list = QListWidget()
        lay.addWidget(self.diff_list)
        return w

    # --- navigation ----------------------------------------------------------------------
    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        self.back_btn.setEnabled(page > 0)
        busy = self._job is not None and self._job.running
        if page == 0:
            self.next_btn.setText(self.tr("Read the file >"))
            self.next_btn.setEnabled(bool(self.path_edit.text().strip()) and not busy)
        elif page == 1:
            self.next_btn.setText(self.tr("Next >"))
            self.next_btn.setEnabled(self._checked_count() > 0 and not busy)
        else:
            self.next_btn.setText(self.tr("Import"))
            self.next_btn.setEnabled(not busy)

    def browse(self) -> None:
        start = QSettings().value("import/last_dir", str(Path.home()))
        name = files.ask_open(self, self.tr("Choose the plan file"), str(start),
                              self.tr("Plans (*.xlsx *.xlsm *.xls *.ods *.docx *.pdf);;All files (*)"))
        if name:
            self.path_edit.setText(name)
            QSettings().setValue("import/last_dir", str(Path(name).parent))

    def back(self) -> None:
        self.pages.setCurrentIndex(max(0, self.pages.currentIndex() - 1))
        self._update_buttons()

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == 0:
            self.read_file()
        elif page == 1:
            self.show_confirm()
        else:
            self.confirm()

    # --- reading -------------------------------------------------------------------------
    def read_file(self) -> None:
        path = self.path_edit.text().strip()
        year = self.year.value() or None
        service = self.service
        remembered = service.remembered_import_mappings()  # read here: the worker never touches the file
        self.file_error.clear()

        def job(progress):  # noqa: ANN001, ANN202
            from ...core.errors import ImportFailed

            grids = service.read_import_grids(path, progress)
            try:
                return grids, service.build_import_preview(grids, path, year=year, progress=progress,
                                                           remembered=remembered), None
            except ImportFailed as exc:  # the file was read but no table was recognised
                if not any(g.rows for g in grids):
                    raise
                return grids, None, exc

        def done(result: tuple) -> None:
            self.grids, imported, problem = result
            if imported is None:
                imported = self._unrecognised(path, problem)
            self._show_preview(imported)
            self.pages.setCurrentIndex(1)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            self.file_error.setText(str(exc))
            show_error(self, exc)
            self._update_buttons()

        self._start(self.tr("Reading the plan…"), job, done, failed)

    def _unrecognised(self, path: str, problem: BaseException):  # noqa: ANN202
        """No table found: an empty preview whose column panel lets the officer point at it."""
        from ...importers import ImportedPlan, ImportWarning

        self.warnings_hint = True
        return ImportedPlan(title="", year=self.year.value() or None, source_file=path,
                            warnings=[ImportWarning(sheet="", row=None, message=str(problem))])

    def _start(self, title: str, job, done, failed) -> None:  # noqa: ANN001
        self._job = BackgroundTask(self, title, job)
        self._job.done.connect(done)
        self._job.error.connect(failed)
        self._job.cancelled.connect(self._update_buttons)
        self._job.start()
        self._update_buttons()

    def apply_mapping(self) -> None:
        from ...importers import ColumnMapping

        grid = self._current_grid()
        if grid is None:
            return
        columns = {role: box.currentData() for role, box in self.role_boxes.items() if box.currentData() is not None}
        mapping = ColumnMapping(columns=columns, header_row=self.header_row.value() - 1, sheet=grid.name)
        self._override = (grid, mapping)
        path, year, grids, service = self.path_edit.text().strip(), self.year.value() or None, self.grids, self.service

        def job(progress):  # noqa: ANN001, ANN202
            return service.build_import_preview(grids, path, year=year, mapping={grid.name: mapping},
                                                progress=progress, remembered={},
                                                paragraph_overrides=self._paragraph_overrides)

        self._start(self.tr("Reading again…"), job, self._show_preview, lambda exc: show_error(self, exc))

    # --- preview -------------------------------------------------------------------------
    def _show_preview(self, imported) -> None:  # noqa: ANN001
        self.imported = imported
        self.service.assign_office_roles(imported)  # the same matching as `kstthc import --only-ours`
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = []
        for sec in [*imported.sections, *imported.appendices]:
            top = QTreeWidgetItem([sec.number, sec.title])
            f = top.font(1)
            f.setBold(True)
            top.setFont(0, f)
            top.setFont(1, f)
            top.setFirstColumnSpanned(False)
            self.tree.addTopLevelItem(top)
            self._add_tasks(top, sec.tasks)
            top.setExpanded(True)
        self.tree.blockSignals(False)
        self.warnings.clear()
        for w in imported.warnings:
            where = self._where(w)
            self.warnings.addItem(f"{where}: {w.message}" if where else w.message)
        self._show_document(imported)
        self.bottom.setTabText(0, self.tr("Warnings (%1)").replace("%1", str(len(imported.warnings))))
        # nothing recognised: go to the columns (a prose plan has no table to map)
        self.bottom.setCurrentIndex(0 if imported.mapping or imported.paragraphs else 1)
        self.table_choice.blockSignals(True)
        self.table_choice.clear()
        for g in self.grids:  # tables the program recognised; all of them when it found none
            is_text = getattr(g, "paragraphs", None) is not None  # a document's running text: no columns
            if g.name in imported.mapping or (not imported.mapping and g.rows and not g.hidden and not is_text):
                self.table_choice.addItem(g.name, g.name)
        self.table_choice.blockSignals(False)
        self._show_mapping()
        self._update_counts()
        if self._is_commune() and any(t.commune_role != CommuneRole.NONE for _, t in self._items):
            self.keep_only_mine()  # a commune starts with its own tasks ticked; "Keep all" is one click

    def _is_commune(self) -> bool:
        from ...core.model import Level

        office = self.service.office()
        return office is not None and office.level == Level.COMMUNE

    def _add_tasks(self, parent: QTreeWidgetItem, tasks: list) -> None:
        for t in tasks:
            due = t.schedule.due.strftime("%d/%m/%Y") if t.schedule and t.schedule.due else ""
            role = {CommuneRole.LEAD: self.tr("leads"), CommuneRole.COORDINATING: self.tr("coordinates")}.get(
                t.commune_role, "")
            item = QTreeWidgetItem([t.number, t.content.split("\n")[0], "; ".join(t.lead),
                                    "; ".join(t.coordinating), t.deadline_text, due, role,
                                    f"{t.source_sheet}:{t.source_row}" if t.source_row else ""])
            item.setToolTip(1, t.content)
            if t.schedule and t.schedule.warnings:
                item.setToolTip(4, "\n".join(t.schedule.warnings))
                item.setText(4, "⚠ " + t.deadline_text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            parent.addChild(item)
            self._items.append((item, t))
            self._add_tasks(item, t.children)
            item.setExpanded(True)

    def _current_grid(self):  # noqa: ANN202
        name = self.table_choice.currentData()
        return next((g for g in self.grids if g.name == name), None)

    def _show_mapping(self) -> None:
        grid = self._current_grid()
        if grid is None or self.imported is None:
            return
        mapping = self.imported.mapping.get(grid.name)
        if mapping and 0 <= mapping.header_row < len(grid.rows):
            header = grid.rows[mapping.header_row]
        else:  # nothing recognised: show the first row's text to help pick the columns
            header = grid.rows[0] if grid.rows else []
        width = max((len(r) for r in grid.rows[:40]), default=0)
        for role, box in self.role_boxes.items():
            box.clear()
            box.addItem(self.tr("(none)"), None)
            for c in range(width):
                title = header[c].replace("\n", " ")[:40] if c < len(header) else ""
                label = self.tr("Column %1").replace("%1", str(c + 1))
                box.addItem(f"{label}: {title}" if title else label, c)
            current = mapping.columns.get(role) if mapping else None
            box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        self.header_row.setValue((mapping.header_row + 1) if mapping else 0)

    def _checked_count(self) -> int:
        return sum(1 for item, _ in self._items if item.checkState(0) == Qt.CheckState.Checked)

    def _update_counts(self) -> None:
        if self.imported is None:
            return
        total = len(self._items)
        mine = sum(1 for _, t in self._items if t.commune_role != CommuneRole.NONE)
        self.summary.setText(self.tr("%1 — %2 tasks read, %3 concern this office, %4 chosen, %5 warnings.")
                             .replace("%1", self.imported.title or Path(self.imported.source_file).name)
                             .replace("%2", str(total)).replace("%3", str(mine))
                             .replace("%4", str(self._checked_count()))
                             .replace("%5", str(len(self.imported.warnings))))
        self.only_mine_btn.setText(self.tr("Keep only tasks that concern this office (%1)").replace("%1", str(mine)))
        self.all_btn.setText(self.tr("Keep all (%1)").replace("%1", str(total)))
        self._update_buttons()

    def _check_all(self, on: bool) -> None:
        self.tree.blockSignals(True)
        for item, _ in self._items:
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._update_counts()

    def keep_only_mine(self) -> None:
        """Keep tasks where this office leads or coordinates, plus their parents for context."""
        from ...importers import ours_indices

        self.tree.blockSignals(True)
        keep = ours_indices(self.imported)
        for i, (item, _) in enumerate(self._items):
            item.setCheckState(0, Qt.CheckState.Checked if i in keep else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._update_counts()

    def selected_indices(self) -> set[int]:
        return {i for i, (item, _) in enumerate(self._items) if item.checkState(0) == Qt.CheckState.Checked}

    # --- confirm -------------------------------------------------------------------------
    def show_confirm(self) -> None:
        self._show_guess()
        if not self._show_diff():
            return
        self.pages.setCurrentIndex(2)
        self._update_buttons()

    def _show_guess(self) -> None:
        """Fill the revision-or-new question with the program's guess (title, year, issuer)."""
        from ...core.model import PlanKind

        guess = self.service.guess_import_target(self.imported)
        self.target_box.setVisible(bool(guess.plans))
        unknown = self.tr("not stated")
        what = self.tr("The file: \"%1\", year %2, issued by %3.") \
            .replace("%1", guess.title or Path(self.imported.source_file).name) \
            .replace("%2", str(guess.year or unknown)).replace("%3", guess.issuer or unknown)
        if guess.plan is not None:
            why = self.tr("same file name") if guess.reason == "file" else self.tr("same year and title")
            what += " " + self.tr("It looks like a revised version of \"%1\" (%2).") \
                .replace("%1", guess.plan.title).replace("%2", why)
        else:
            what += " " + self.tr("It looks like a new plan.")
        self.guess_label.setText(what)
        for w in (self.revision_of, self.as_revision, self.as_new):
            w.blockSignals(True)
        self.revision_of.clear()
        for p in guess.plans:
            kind = self.tr("superior's plan") if p.kind == PlanKind.SUPERIOR else self.tr("own plan")
            self.revision_of.addItem(f"{p.title} ({p.year}, {kind})", p.id)
        if guess.plan is not None:
            self.revision_of.setCurrentIndex(max(0, self.revision_of.findData(guess.plan.id)))
        self.as_revision.setChecked(guess.plan is not None)
        self.as_new.setChecked(guess.plan is None)
        self.revision_of.setEnabled(guess.plan is not None)
        for w in (self.revision_of, self.as_revision, self.as_new):
            w.blockSignals(False)

    def target(self):  # noqa: ANN201 - int | NEW_PLAN
        """Where the import goes: the chosen plan's id (a revision) or NEW_PLAN."""
        from ...services.importing import NEW_PLAN

        if self.revision_of.count() and self.as_revision.isChecked() and self.revision_of.currentData() is not None:
            return self.revision_of.currentData()
        return NEW_PLAN

    def _target_changed(self) -> None:
        self.revision_of.setEnabled(self.as_revision.isChecked())
        self._show_diff()

    def _show_diff(self) -> bool:
        try:
            diff = self.service.diff_import(self.imported, self.selected_indices(), into=self.target())
        except Exception as exc:  # noqa: BLE001 - shown, never swallowed
            show_error(self, exc)
            return False
        self.diff_list.clear()
        for label, items in ((self.tr("New"), diff.added), (self.tr("Changed"), diff.changed),
                             (self.tr("No longer in the plan"), diff.removed),
                             (self.tr("No longer in the plan, kept (has progress or evidence)"), diff.kept)):
            for text in items:
                self.diff_list.addItem(f"{label}: {text}")
        self.confirm_text.setText(
            self.tr("<b>Ready to import.</b> %1 new, %2 changed, %3 no longer in the superior plan "
                    "(kept if they have progress or evidence). A backup is taken first; you can undo "
                    "the import with Ctrl+Z.")
            .replace("%1", str(len(diff.added))).replace("%2", str(len(diff.changed)))
            .replace("%3", str(len(diff.removed) + len(diff.kept))))
        return True

    def confirm(self) -> None:
        """The backup on a worker first (a year's documents take seconds to copy; Cancel stops it and
        imports nothing), then the chosen tasks stored here in one transaction."""
        if self._job is not None and self._job.running:
            return
        service, selected, into = self.service, self.selected_indices(), self.target()
        try:
            self.imported.reference = self.edited_reference()
            service.check_import(self.imported, into)
            if getattr(self, "_override", None):
                service.remember_import_mapping(*self._override)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return

        def backed_up(_backup: Path) -> None:
            try:
                self.outcome = service.apply_import(self.imported, selected, into=into, backed_up=True)
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                self._update_buttons()
                return
            self.accept()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self._update_buttons()

        self._start(self.tr("Backing up before the import…"),
                    lambda progress: service.backup_before_import(progress), backed_up, failed)

    def reject(self) -> None:
        if self._job is not None and self._job.running:
            return  # the progress dialog's Cancel stops the job first
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, service, path: str | None = None):  # noqa: ANN001, ANN206
        dlg = cls(service, parent)
        if path:
            dlg.path_edit.setText(path)
        dlg.exec()
        return dlg.outcome
