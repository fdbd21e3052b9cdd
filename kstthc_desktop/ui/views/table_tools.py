"""Helpers around the plan table: the filter bar, the column chooser and reading the view as rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTreeView,
    QWidget,
)

from ...core.model import CommuneRole, Section
from ...core.periods import ReportPeriod
from .. import formats
from ..models.task_tree import EXPORT_ROLE, KIND_ROLE, Col


class ElidingComboBox(QComboBox):
    """A combobox that shrinks with its row and elides a long choice ("Phụ lục. Rà soát, đánh…").

    The popup still shows every choice in full; the current one is also the tooltip.
    """

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setAccessibleName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.currentIndexChanged.connect(lambda _: self.update_tip())

    def update_tip(self) -> None:
        self.setToolTip(f"{self.name}: {self.currentText()}" if self.name else self.currentText())

    def showPopup(self) -> None:  # noqa: N802 - Qt API
        view = self.view()
        width = max(view.sizeHintForColumn(0) + 24, self.width())
        view.setMinimumWidth(min(width, 640))
        super().showPopup()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        rect = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)
        opt.currentText = self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight,
                                                         max(0, rect.width() - 4))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


@dataclass
class FilterChoice:
    """What the filter bar asks for; None means "any"."""

    section_id: int | None = None
    unit: str | None = None
    role: str | None = None
    window: tuple[date, date] | None = None


def period_title(p: ReportPeriod) -> str:
    """ "Quý III năm 2026 (15/6/2026–14/9/2026)": the name and the data window it covers."""
    name = formats.period_label(p)
    label = name[:1].upper() + name[1:]
    return f"{label} ({formats.short_date(p.window_start)}–{formats.short_date(p.window_end)})"


class FilterBar(QWidget):
    """A compact row above the table: section, unit, commune role, report period, Clear filters."""

    changed = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_bar")
        self.section = ElidingComboBox(self.tr("Section"))
        self.unit = ElidingComboBox(self.tr("Unit (lead or coordinating)"))
        self.role = ElidingComboBox(self.tr("Commune role"))
        self.role.addItem(self.tr("All roles"), None)
        self.role.addItem(self.tr("Commune leads"), CommuneRole.LEAD.value)
        self.role.addItem(self.tr("Commune coordinates"), CommuneRole.COORDINATING.value)
        self.role.addItem(self.tr("Commune not involved"), CommuneRole.NONE.value)
        self.period = ElidingComboBox(self.tr("Report period (data window)"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clear_button.clicked.connect(self.clear_requested)
        self._windows: dict[str, tuple[date, date]] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(6)
        self.role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # a few short choices
        self.role.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for combo, stretch in ((self.section, 1), (self.unit, 1), (self.role, 0), (self.period, 1)):
            layout.addWidget(combo, stretch)
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        layout.addWidget(self.clear_button)
        self.populate([], [], [])

    def populate(self, sections: list[Section], units: list[str], periods: list[ReportPeriod]) -> None:
        """Refill the choices from the plan, keeping what was chosen when it still exists."""
        self._windows = {p.code: (p.window_start, p.window_end) for p in periods}
        fills = (
            (self.section, self.tr("All sections"),
             [(f"{s.number}. {s.title}" if s.number else s.title, s.id) for s in sections]),
            (self.unit, self.tr("All units"), [(u, u) for u in units]),
            (self.period, self.tr("All periods"), [(period_title(p), p.code) for p in periods]),
        )
        emit = False
        for combo, everything, items in fills:
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in items:
                combo.addItem(text, data)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            i = combo.findData(kept) if kept is not None else 0
            combo.setCurrentIndex(max(i, 0))
            combo.update_tip()
            combo.blockSignals(False)
            emit = emit or (kept is not None and i < 0)
        self.role.update_tip()
        if emit:  # a chosen section or unit disappeared: the filter changes with it
            self.changed.emit()

    def choice(self) -> FilterChoice:
        code = self.period.currentData()
        return FilterChoice(self.section.currentData(), self.unit.currentData(), self.role.currentData(),
                            self._windows.get(code) if code else None)

    def is_active(self) -> bool:
        return any(c.currentIndex() > 0 for c in (self.section, self.unit, self.role, self.period))

    def reset(self) -> None:
        """Back to "all" everywhere, with one ``changed`` signal."""
        for combo in (self.section, self.unit, self.role, self.period):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.update_tip()
            combo.blockSignals(False)
        self.changed.emit()

    def summary_parts(self) -> list[str]:
        """ "Section: II. NỘI DUNG", … for the chosen filters (for titles and exports)."""
        combos = (self.section, self.unit, self.role, self.period)
        return [f"{c.name}: {c.currentText()}" for c in combos if c.currentIndex() > 0]


# --- columns -------------------------------------------------------------------------------------
LOCKED_COLUMNS = frozenset({Col.NUMBER, Col.CONTENT})


def column_menu(header: QHeaderView, parent: QWidget | None = None) -> QMenu:
    """Checkable column names; No. and Task always stay. Hidden columns live in the header state."""
    menu = QMenu(parent or header)
    model = header.model()
    for logical in range(header.count()):
        title = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        action = menu.addAction(str(title))
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(logical))
        action.setData(logical)
        if logical in LOCKED_COLUMNS:
            action.setEnabled(False)
        else:
            action.toggled.connect(lambda on, col=logical: _show_column(header, col, on))
    return menu


def _show_column(header: QHeaderView, logical: int, on: bool) -> None:
    header.setSectionHidden(logical, not on)
    if on and header.sectionSize(logical) < 30:
        header.resizeSection(logical, header.defaultSectionSize())


def visible_columns(header: QHeaderView) -> list[int]:
    """Logical columns the user sees, in the order shown."""
    out = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if not header.isSectionHidden(logical):
            out.append(logical)
    return out


# --- reading the view ----------------------------------------------------------------------------
def view_rows(tree: QTreeView) -> tuple[list[str], list[list[object]], list[int]]:
    """The table as it stands: visible columns in their order, every row the filters let through (in
    the current sort order, collapsed or not), section rows listed in ``group_rows``.

    Cells come from ``EXPORT_ROLE``: real dates, full task text, status words without the symbol.
    """
    model = tree.model()
    header = tree.header()
    cols = visible_columns(header)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)) for c in cols]
    rows: list[list[object]] = []
    groups: list[int] = []

    def walk(parent: QModelIndex) -> None:
        for r in range(model.rowCount(parent)):
            first = model.index(r, 0, parent)
            if first.data(KIND_ROLE) == "section":
                groups.append(len(rows))
                rows.append([first.data(EXPORT_ROLE)] + [None] * (len(cols) - 1))
            else:
                rows.append([model.index(r, c, parent).data(EXPORT_ROLE) for c in cols])
            walk(first)

    walk(QModelIndex())
    return headers, rows, groups


__all__ = ["ElidingComboBox", "FilterBar", "FilterChoice", "LOCKED_COLUMNS", "column_menu", "period_title",
           "view_rows", "visible_columns"]
