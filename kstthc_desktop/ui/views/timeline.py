"""The plan on a time axis: one row per task, each deadline kind drawn its own way.

Custom painted (no chart widget) because a plan may hold thousands of tasks: only the rows in
the viewport are painted, so a repaint costs the same with 20 or 2,000 tasks.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...core.model import STATUS_COLORS, ProgressEntry, ScheduleKind, Section, Status
from ...core.status import STATUS_ORDER, occurrence_statuses
from ...services import OfficeService, TaskView
from ...services.overview import group_progress
from .. import formats
from ..events import EventHub
from ..style import status_label, status_symbol

ZOOMS = ("year", "quarter", "month")
_FIT_DAYS = {"quarter": 92, "month": 31}
_MIN_PPD = {"year": 1.2, "quarter": 4.0, "month": 18.0}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PAD = 12  # pixels before 1 January and after 31 December, so end-of-year marks are whole

CUTOFF_COLOR = QColor("#6a1b9a")  # report cut-offs: purple, a colour no status uses
TODAY_COLOR = QColor("#d81b60")
WEEKEND_COLOR = QColor(0, 0, 0, 16)
HEADER_WEEKEND_COLOR = QColor(0, 0, 0, 22)
HOLIDAY_COLOR = QColor(229, 57, 53, 34)
SECTION_BG = QColor("#e8eaf0")


# --- shared painting helpers (the calendar uses them too) ---------------------------------------


def _colors(status: Status) -> tuple[QColor, QColor]:
    solid = QColor(STATUS_COLORS[status])
    light = QColor(solid)
    light.setAlpha(55)
    return solid, light


def paint_status_mark(p: QPainter, center: QPointF, r: float, status: Status, glyph_font: QFont | None = None) -> None:
    """A diamond whose fill and glyph say the status even without colour.

    Done = filled with ✔, done late = filled with ✔ and an orange "!" after it, in time = hollow,
    overdue = filled red with a white "!" and a thick outline, no deadline = dashed hollow.
    """
    solid, _light = _colors(status)
    poly = QPolygonF([QPointF(center.x(), center.y() - r), QPointF(center.x() + r, center.y()),
                      QPointF(center.x(), center.y() + r), QPointF(center.x() - r, center.y())])
    filled = status in (Status.DONE_ON_TIME, Status.DONE_LATE, Status.OVERDUE)
    pen = QPen(solid.darker(130) if filled else solid, 2.0 if status == Status.OVERDUE else 1.6)
    if status == Status.NO_DEADLINE:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(QBrush(solid) if filled else QBrush(QColor("white")))
    p.drawPolygon(poly)
    glyph = {Status.DONE_ON_TIME: "✔", Status.DONE_LATE: "✔", Status.OVERDUE: "!"}.get(status)
    if glyph and r >= 5.5:
        f = QFont(glyph_font) if glyph_font else QFont(p.font())
        f.setBold(True)
        f.setPixelSize(max(7, int(r * 1.25)))
        p.setFont(f)
        p.setPen(QColor("white"))
        p.drawText(QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, glyph)
    if status == Status.DONE_LATE:
        f = QFont(glyph_font) if glyph_font else QFont(p.font())
        f.setBold(True)
        f.setPixelSize(max(8, int(r * 1.3)))
        p.setFont(f)
        p.setPen(solid)
        p.drawText(QPointF(center.x() + r + 1, center.y() - r * 0.2), "!")


class StatusLegend(QWidget):
    """The five statuses: mark + symbol + Vietnamese label (never colour alone), plus extras.

    Items flow onto a second line when the window is narrow.
    """

    def __init__(self, extras: Sequence[tuple[str, str]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._extras = list(extras)  # (kind, label): kind "today" | "cutoff" | "holiday" | "weekend"

    def _items(self) -> list[tuple[str, object, str]]:
        items: list[tuple[str, object, str]] = [
            ("status", st, f"{status_symbol(st)} {status_label(st)}") for st in STATUS_ORDER]
        items += [(kind, None, label) for kind, label in self._extras]
        return items

    def _layout(self, width: int) -> list[tuple[int, int, tuple[str, object, str]]]:
        fm = self.fontMetrics()
        line_h = fm.height() + 8
        x, y, out = 6, 0, []
        for item in self._items():
            w = 22 + fm.horizontalAdvance(item[2]) + 16
            if x + w > width and x > 6:
                x, y = 6, y + line_h
            out.append((x, y, item))
            x += w
        return out

    def heightForWidth(self, width: int) -> int:
        laid = self._layout(width)
        lines = 1 + (laid[-1][1] // (self.fontMetrics().height() + 8) if laid else 0)
        return lines * (self.fontMetrics().height() + 8) + 4

    def sizeHint(self) -> QSize:
        return QSize(900, self.heightForWidth(max(self.width(), 900)))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 12)

    def resizeEvent(self, event: QResizeEvent) -> None:
        h = self.heightForWidth(event.size().width())
        if h != self.height():
            self.setFixedHeight(h)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        line_h = fm.height() + 8
        for x, y, (kind, st, label) in self._layout(self.width()):
            cy = y + 2 + line_h / 2
            if kind == "status":
                paint_status_mark(p, QPointF(x + 8, cy), 7, st)
                p.setPen(QColor(STATUS_COLORS[st]).darker(115))
            elif kind == "today":
                p.setPen(QPen(TODAY_COLOR, 2))
                p.drawLine(QPointF(x + 8, cy - 8), QPointF(x + 8, cy + 8))
                p.setPen(self.palette().text().color())
            elif kind == "cutoff":
                pen = QPen(CUTOFF_COLOR, 1.3, Qt.PenStyle.DashLine)
                p.setPen(pen)
                p.drawLine(QPointF(x + 8, cy - 8), QPointF(x + 8, cy + 8))
                p.setPen(self.palette().text().color())
            elif kind in ("holiday", "weekend"):
                p.fillRect(QRectF(x, cy - 8, 16, 16), HOLIDAY_COLOR if kind == "holiday" else QColor(0, 0, 0, 30))
                p.setPen(self.palette().text().color())
            p.setFont(self.font())
            p.drawText(QRectF(x + 22, y + 2, fm.horizontalAdvance(label) + 4, line_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        p.end()


# --- rows ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    kind: str  # "section" | "task"
    label: str
    task_id: int | None = None
    depth: int = 0
    status: Status = Status.NO_DEADLINE
    shape: str = "none"  # milestone | bar | recurring | ongoing | tag | none
    occ: list[tuple[int, int, Status]] = field(default_factory=list)  # (start ordinal, due ordinal, status)
    span: tuple[int, int] | None = None  # bar / ongoing band (start, due) ordinals
    tag: str = ""
    percent: int = 0
    view: TaskView | None = None


def _row_for(view: TaskView, depth: int, progress: Sequence[ProgressEntry], today: date, tags: Mapping[str, str],
             year_start: date) -> _Row:
    t = view.task
    first = t.content.split("\n", 1)[0]
    row = _Row("task", f"{t.number} {first}".strip() if t.number else first, task_id=t.id, depth=depth,
               status=view.status, percent=view.percent, view=view)
    sched = t.schedule
    occ = occurrence_statuses(sched, progress, today)
    row.occ = [(s.toordinal(), d.toordinal(), st) for (s, d), st in occ]
    kinds = set(sched.kinds) if sched else {ScheduleKind.UNKNOWN.value}
    if not occ:
        row.shape = "tag"
        if ScheduleKind.ON_DEMAND.value in kinds:
            row.tag = tags["on_demand"]
        elif ScheduleKind.EXTERNAL.value in kinds:
            row.tag = tags["external"]
        else:
            row.tag = tags["unknown"]
    elif ScheduleKind.ONGOING.value in kinds and sched is not None and sched.due is not None:
        row.shape = "ongoing"
        start = sched.start or year_start
        row.span = (start.toordinal(), sched.due.toordinal())
    elif len(occ) > 1:
        row.shape = "recurring"
    elif sched is not None and sched.start is None:
        row.shape = "milestone"
    else:
        row.shape = "bar"
        row.span = (row.occ[0][0], row.occ[0][1])
    return row


# --- the canvas ------------------------------------------------------------------------------


class TimelineCanvas(QAbstractScrollArea):
    """Scrollable painted area: header (time axis), label column and one row per task."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_canvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setMouseTracking(False)
        self.rows: list[_Row] = []
        self.year: int | None = None
        self.today = date.today()
        self.zoom = "year"
        self.ppd = 2.0
        self.selected: int | None = None
        self.empty_text = ""
        self.on_activate = None  # callable(task_id): set by the view
        self.on_zoom_step = None  # callable(delta, anchor_x): set by the view
        self._row_index: dict[int, int] = {}
        self._elided: dict[tuple[int, int], str] = {}
        self._year_start = 0
        self._days = 365
        self._day_kind: list[int] = []  # 0 workday, 1 weekend, 2 holiday, 3 make-up day
        self._holiday_names: dict[int, str] = {}
        self._cutoffs: list[tuple[int, str]] = []
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(140)
        self._anim.valueChanged.connect(lambda v: self.horizontalScrollBar().setValue(int(v)))
        self._update_metrics()

    # --- geometry ---------------------------------------------------------------------------
    def _update_metrics(self) -> None:
        fm = QFontMetrics(self.font())
        self._fm = fm
        self.row_h = max(24, fm.height() + 10)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(8.0, self.font().pointSizeF() * 0.85))
        self._sfm = QFontMetrics(self._small)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._band_h = fm.height() + 6
        self.header_h = 2 * self._band_h + self._sfm.height() + 6
        self._elided.clear()

    @property
    def label_w(self) -> int:
        return int(min(400, max(220, self.viewport().width() * 0.32)))

    @property
    def time_w(self) -> int:
        return max(50, self.viewport().width() - self.label_w)

    def x_of(self, ordinal: float) -> float:
        return self.label_w + _PAD + (ordinal - self._year_start) * self.ppd - self.horizontalScrollBar().value()

    def ordinal_at(self, x: float) -> float:
        return self._year_start + (x - self.label_w - _PAD + self.horizontalScrollBar().value()) / self.ppd

    def _ppd_for(self, zoom: str) -> float:
        fit = _FIT_DAYS.get(zoom, self._days)
        return max(_MIN_PPD[zoom], (self.time_w - 2 * _PAD) / fit)

    def _relayout(self, anchor: tuple[float, float] | None = None) -> None:
        """Recompute pixels per day and scroll ranges; ``anchor`` = (ordinal, x) kept in place."""
        self.ppd = self._ppd_for(self.zoom)
        content_w = int(math.ceil(self._days * self.ppd)) + 2 * _PAD
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(0, content_w - self.time_w))
        hbar.setPageStep(self.time_w)
        hbar.setSingleStep(max(8, int(self.ppd * 7)))
        body_h = max(0, self.viewport().height() - self.header_h)
        vbar = self.verticalScrollBar()
        vbar.setRange(0, max(0, len(self.rows) * self.row_h - body_h))
        vbar.setPageStep(max(self.row_h, body_h))
        vbar.setSingleStep(self.row_h)
        if anchor is not None:
            ordinal, x = anchor
            hbar.setValue(int(round((ordinal - self._year_start) * self.ppd - (x - self.label_w - _PAD))))
        self.viewport().update()

    def set_zoom(self, zoom: str, anchor_x: float | None = None) -> None:
        if zoom not in ZOOMS:
            raise ValueError(zoom)
        if anchor_x is None:  # toolbar or keys: keep the middle, or bring today to the middle
            today_x = self.x_of(self.today.toordinal() + 0.5)
            visible = self.label_w <= today_x <= self.viewport().width()
            in_year = self.year is not None and self.today.year == self.year
            middle = self.label_w + self.time_w / 2
            anchor = (self.today.toordinal() + 0.5, middle) if (visible and in_year) else (
                self.ordinal_at(middle), middle)
        else:
            anchor = (self.ordinal_at(anchor_x), anchor_x)
        self.zoom = zoom
        self._relayout(anchor)

    def scroll_to_ordinal(self, ordinal: float, animate: bool = True) -> None:
        target = int(_PAD + (ordinal - self._year_start) * self.ppd - self.time_w / 2)
        self._animate_h(target if animate else None, target)

    def _animate_h(self, target: int | None, value: int) -> None:
        hbar = self.horizontalScrollBar()
        value = max(hbar.minimum(), min(hbar.maximum(), value))
        if target is None or not self.isVisible():
            hbar.setValue(value)
            return
        self._anim.stop()
        self._anim.setStartValue(hbar.value())
        self._anim.setEndValue(value)
        self._anim.start()

    # --- data -------------------------------------------------------------------------------
    def set_data(self, year: int | None, tree: Sequence[tuple[Section | None, Sequence[TaskView]]],
                 progress: Mapping[int, Sequence[ProgressEntry]], today: date, calendar=None,  # noqa: ANN001
                 tags: Mapping[str, str] | None = None) -> None:
        """Rebuild the rows (cheap: no painting work), keeping the scroll position and selection."""
        self.today = today
        self.year = year
        tags = tags or {"on_demand": "On demand", "external": "Separate plan", "unknown": "No clear deadline"}
        rows: list[_Row] = []
        if year is not None:
            first = date(year, 1, 1)
            self._year_start = first.toordinal()
            self._days = (date(year + 1, 1, 1) - first).days

            def walk(views: Sequence[TaskView], depth: int) -> None:
                for v in views:
                    rows.append(_row_for(v, depth, progress.get(int(v.task.id or 0), ()), today, tags, first))
                    walk(v.children, depth + 1)

            for section, roots in tree:
                if section is not None:
                    title = f"{section.number}. {section.title}" if section.number else section.title
                    rows.append(_Row("section", title))
                walk(roots, 0)
            self._build_calendar(year, calendar)
        self.rows = rows
        self._row_index = {r.task_id: i for i, r in enumerate(rows) if r.task_id is not None}
        self._elided.clear()
        self._relayout()

    def _build_calendar(self, year: int, calendar) -> None:  # noqa: ANN001
        from ...core.periods import periods_of_year

        first = date(year, 1, 1)
        kinds = [1 if (first + timedelta(days=i)).weekday() >= 5 else 0 for i in range(self._days)]
        self._holiday_names = {}
        if calendar is not None:
            for d, name in calendar.holidays_in(year):
                kinds[(d - first).days] = 2
                self._holiday_names[d.toordinal()] = name
            for d in calendar.make_up_days_in(year):
                kinds[(d - first).days] = 3
        self._day_kind = kinds
        cut: dict[int, list[str]] = {}
        for p in periods_of_year(year):
            cut.setdefault(p.window_end.toordinal(), []).append(formats.period_label(p))
        self._cutoffs = sorted((o, "; ".join(labels)) for o, labels in cut.items())

    def row_at(self, y: int) -> int | None:
        if y < self.header_h:
            return None
        i = (y - self.header_h + self.verticalScrollBar().value()) // self.row_h
        return i if 0 <= i < len(self.rows) else None

    def row_rect(self, task_id: int) -> QRect:
        i = self._row_index.get(task_id)
        if i is None:
            return QRect()
        y = self.header_h + i * self.row_h - self.verticalScrollBar().value()
        return QRect(0, y, self.viewport().width(), self.row_h)

    def set_selected(self, task_id: int | None, ensure_visible: bool = True) -> None:
        self.selected = task_id
        if ensure_visible and task_id is not None:
            self.ensure_visible(task_id)
        self.viewport().update()

    def ensure_visible(self, task_id: int, horizontal: bool = True) -> None:
        i = self._row_index.get(task_id)
        if i is None:
            return
        vbar = self.verticalScrollBar()
        body_h = self.viewport().height() - self.header_h
        top = i * self.row_h
        if top < vbar.value():
            vbar.setValue(top)
        elif top + self.row_h > vbar.value() + body_h:
            vbar.setValue(top + self.row_h - body_h)
        row = self.rows[i]
        if horizontal and self.zoom != "year" and row.occ:
            due = row.occ[-1][1]
            x = self.x_of(due)
            if not (self.label_w + 20 <= x <= self.viewport().width() - 20):
                self.scroll_to_ordinal(due)

    # --- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        vp = self.viewport()
        w, h = vp.width(), vp.height()
        pal = self.palette()
        p.fillRect(0, 0, w, h, pal.base())
        p.setFont(self.font())
        if not self.rows or self.year is None:
            p.setPen(pal.placeholderText().color())
            p.drawText(QRect(40, 0, w - 80, h), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.empty_text)
            return
        hh, lw, rh = self.header_h, self.label_w, self.row_h
        vy = self.verticalScrollBar().value()
        first = max(0, vy // rh)
        last = min(len(self.rows) - 1, (vy + h - hh) // rh)
        d0 = max(0, int(math.floor(self.ordinal_at(lw))) - self._year_start)
        d1 = min(self._days - 1, int(math.ceil(self.ordinal_at(w))) - self._year_start)

        # body, time area
        p.save()
        p.setClipRect(QRect(lw, hh, w - lw, h - hh))
        alt = pal.alternateBase()
        for i in range(first, last + 1):
            y = hh + i * rh - vy
            row = self.rows[i]
            if row.kind == "section":
                p.fillRect(QRect(lw, y, w - lw, rh), SECTION_BG)
            elif i % 2:
                p.fillRect(QRect(lw, y, w - lw, rh), alt)
        self._paint_days(p, d0, d1, hh, h)
        self._paint_grid(p, hh, h, w)
        for i in range(first, last + 1):
            row = self.rows[i]
            y = hh + i * rh - vy
            if row.task_id is not None and row.task_id == self.selected:
                sel = QColor(pal.highlight().color())
                sel.setAlpha(60)
                p.fillRect(QRect(lw, y, w - lw, rh), sel)
            if row.kind == "task":
                self._paint_marks(p, row, y, w)
        self._paint_cutoffs(p, hh, h, w)
        self._paint_today(p, hh, h)
        p.restore()

        # label column
        p.save()
        p.setClipRect(QRect(0, hh, w, h - hh))
        p.fillRect(QRect(0, hh, lw, h - hh), pal.base())
        text_pen = pal.text().color()
        for i in range(first, last + 1):
            row = self.rows[i]
            y = hh + i * rh - vy
            if row.kind == "section":
                p.fillRect(QRect(0, y, lw, rh), SECTION_BG)
                p.setFont(self._bold)
                p.setPen(text_pen)
                label = self._elide(i, row.label, w - 16, self._bold)
                p.drawText(QRect(8, y, w - 16, rh), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
                continue
            if i % 2:
                p.fillRect(QRect(0, y, lw, rh), alt)
            if row.task_id == self.selected:
                sel = QColor(pal.highlight().color())
                sel.setAlpha(60)
                p.fillRect(QRect(0, y, lw, rh), sel)
                p.fillRect(QRect(0, y, 4, rh), pal.highlight())
            indent = 8 + row.depth * 16
            solid = QColor(STATUS_COLORS[row.status])
            p.setFont(self._bold)
            p.setPen(solid)
            p.drawText(QRect(indent, y, 26, rh), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       status_symbol(row.status))
            p.setFont(self.font())
            p.setPen(text_pen)
            tx = indent + 26
            label = self._elide(i, row.label, lw - tx - 6, self.font())
            p.drawText(QRect(tx, y, lw - tx - 6, rh), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       label)
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(lw - 1, hh, lw - 1, h)
        p.restore()

        self._paint_header(p, w, d0, d1)

    def _elide(self, i: int, text: str, width: int, font: QFont) -> str:
        key = (i, width)
        out = self._elided.get(key)
        if out is None:
            out = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(10, width))
            if len(self._elided) > 4000:
                self._elided.clear()
            self._elided[key] = out
        return out

    def _day_runs(self, d0: int, d1: int) -> list[tuple[int, int, int]]:
        """Consecutive weekend/holiday days merged into whole-pixel spans (x0, x1, kind).

        Fewer, pixel-aligned fills keep the quarter zoom well inside the repaint budget.
        """
        runs: list[tuple[int, int, int]] = []
        if self.ppd < 4 or not self._day_kind:
            return runs
        d = d0
        while d <= d1:
            kind = self._day_kind[d]
            if kind not in (1, 2):
                d += 1
                continue
            e = d
            while e + 1 <= d1 and self._day_kind[e + 1] == kind:
                e += 1
            x0 = round(self.x_of(self._year_start + d))
            x1 = round(self.x_of(self._year_start + e + 1))
            runs.append((x0, x1, kind))
            d = e + 1
        return runs

    def _paint_days(self, p: QPainter, d0: int, d1: int, top: int, bottom: int) -> None:
        """Weekends and public holidays, once zoomed in enough to see single days."""
        for x0, x1, kind in self._day_runs(d0, d1):
            p.fillRect(QRect(x0, top, x1 - x0, bottom - top), HOLIDAY_COLOR if kind == 2 else WEEKEND_COLOR)

    def _paint_grid(self, p: QPainter, top: int, bottom: int, w: int) -> None:
        assert self.year is not None
        light = QPen(QColor(0, 0, 0, 28), 1)
        strong = QPen(QColor(0, 0, 0, 90), 1)
        for m in range(1, 13):
            x = round(self.x_of(date(self.year, m, 1).toordinal()))
            if self.label_w <= x <= w:
                p.setPen(strong if m in (1, 4, 7, 10) else light)
                p.drawLine(x, top, x, bottom)

    def _paint_cutoffs(self, p: QPainter, top: int, bottom: int, w: int) -> None:
        pen = QPen(CUTOFF_COLOR, 1, Qt.PenStyle.DashLine)
        p.setPen(pen)
        for o, _label in self._cutoffs:
            x = round(self.x_of(o + 1)) + 0.5  # the data window closes at the end of the 14th; crisp line
            if self.label_w <= x <= w:
                p.drawLine(QPointF(x, top), QPointF(x, bottom))

    def _paint_today(self, p: QPainter, top: int, bottom: int) -> None:
        if self.year != self.today.year:
            return
        x = self.x_of(self.today.toordinal() + 0.5)
        p.setPen(QPen(TODAY_COLOR, 2))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))

    def _paint_marks(self, p: QPainter, row: _Row, y: int, w: int) -> None:
        rh = self.row_h
        cy = y + rh / 2
        r = min(7.5, rh * 0.3)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if row.shape == "tag":
            self._paint_tag(p, row, y)
        elif row.shape == "ongoing" and row.span:
            solid, light = _colors(row.status)
            x0, x1 = self.x_of(row.span[0]), self.x_of(row.span[1] + 1)
            band = QRectF(x0, y + rh * 0.3, x1 - x0, rh * 0.4)
            p.fillRect(band, light)
            p.setPen(QPen(solid, 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x0, band.top()), QPointF(x1, band.top()))
            p.drawLine(QPointF(x0, band.bottom()), QPointF(x1, band.bottom()))
            for _s, d, st in row.occ:
                paint_status_mark(p, QPointF(self.x_of(d + 0.5), cy), r, st)
        elif row.shape == "recurring":
            for s, d, st in row.occ:
                solid, light = _colors(st)
                x0, x1 = self.x_of(s), self.x_of(d + 1)
                if x1 < self.label_w - 20 or x0 > w + 20:
                    continue
                if x1 - x0 > 2 * r + 4:
                    bar = QRectF(x0 + 1.5, cy - rh * 0.12, x1 - x0 - 3, rh * 0.24)
                    p.fillRect(bar, solid if st in (Status.DONE_ON_TIME, Status.DONE_LATE) else light)
                paint_status_mark(p, QPointF(self.x_of(d + 0.5), cy), r, st)
        elif row.shape == "bar" and row.span:
            self._paint_bar(p, row, y, r)
        elif row.shape == "milestone" and row.occ:
            _s, d, st = row.occ[-1]
            x = self.x_of(d + 0.5)
            paint_status_mark(p, QPointF(x, cy), r + 1, st)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_bar(self, p: QPainter, row: _Row, y: int, r: float) -> None:
        assert row.span is not None
        rh = self.row_h
        st = row.occ[-1][2] if row.occ else row.status
        solid, light = _colors(st)
        x0, x1 = self.x_of(row.span[0]), self.x_of(row.span[1] + 1)
        bar = QRectF(x0, y + rh * 0.25, max(3.0, x1 - x0), rh * 0.5)
        done = st in (Status.DONE_ON_TIME, Status.DONE_LATE)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(solid if done else light))
        p.drawRoundedRect(bar, 3, 3)
        if not done and row.percent > 0:
            part = QRectF(bar.left(), bar.top(), bar.width() * min(100, row.percent) / 100, bar.height())
            p.setBrush(QBrush(solid))
            p.drawRoundedRect(part, 3, 3)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(solid.darker(120), 2.4 if st == Status.OVERDUE else 1.2))
        p.drawRoundedRect(bar, 3, 3)
        if st != Status.IN_TIME:
            p.setFont(self._bold)
            p.setPen(solid)
            p.drawText(QRectF(bar.right() + 4, y, 40, rh), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       status_symbol(st))

    def _paint_tag(self, p: QPainter, row: _Row, y: int) -> None:
        """No dates to draw: a labelled tag that stays at the left edge of the time area."""
        rh = self.row_h
        solid, light = _colors(row.status)
        text = f"{status_symbol(row.status)} {row.tag}"
        tw = self._sfm.horizontalAdvance(text) + 16
        rect = QRectF(self.label_w + 8, y + 3, tw, rh - 6)
        pen = QPen(solid, 1.2, Qt.PenStyle.DashLine if row.status == Status.NO_DEADLINE else Qt.PenStyle.SolidLine)
        p.setPen(pen)
        p.setBrush(QBrush(light))
        p.drawRoundedRect(rect, (rh - 6) / 2, (rh - 6) / 2)
        p.setFont(self._small)
        p.setPen(solid.darker(125))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_header(self, p: QPainter, w: int, d0: int, d1: int) -> None:
        assert self.year is not None
        pal = self.palette()
        hh, lw, bh = self.header_h, self.label_w, self._band_h
        p.fillRect(QRect(0, 0, w, hh), pal.window())
        p.save()
        p.setClipRect(QRect(lw, 0, w - lw, hh))
        for x0, x1, kind in self._day_runs(d0, d1):
            p.fillRect(QRect(x0, bh, x1 - x0, hh - bh), HOLIDAY_COLOR if kind == 2 else HEADER_WEEKEND_COLOR)
        text = pal.windowText().color()
        grid = QPen(QColor(0, 0, 0, 60), 1)
        year = self.year
        # band 1: quarters (year zoom) or months with the year (closer zooms)
        spans: list[tuple[int, int, list[str]]] = []
        if self.zoom == "year":
            for q in range(1, 5):
                a, b = date(year, 3 * q - 2, 1), date(year, 3 * q, 1)
                b = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
                spans.append((a.toordinal(), b.toordinal(),
                              [self.tr("Quarter %1").replace("%1", _ROMAN[q]) + f"/{year}",
                               self.tr("Quarter %1").replace("%1", _ROMAN[q])]))
        else:
            for m in range(1, 13):
                a = date(year, m, 1)
                b = date(year + 1, 1, 1) if m == 12 else date(year, m + 1, 1)
                spans.append((a.toordinal(), b.toordinal(),
                              [self.tr("Month %1").replace("%1", f"{m}/{year}"), f"{m}/{year}"]))
        p.setFont(self._bold)
        self._paint_band(p, spans, 0, bh, w, grid, text)
        # band 2: months (year zoom), Mondays (quarter), days (month)
        p.setFont(self.font())
        if self.zoom == "year":
            spans = []
            for m in range(1, 13):
                a = date(year, m, 1)
                b = date(year + 1, 1, 1) if m == 12 else date(year, m + 1, 1)
                spans.append((a.toordinal(), b.toordinal(), [self.tr("Month %1").replace("%1", str(m)),
                                                             self.tr("M%1").replace("%1", str(m)), str(m)]))
            self._paint_band(p, spans, bh, bh, w, QPen(QColor(0, 0, 0, 35), 1), text)
        else:
            p.setPen(QPen(QColor(0, 0, 0, 35), 1))
            step_all = self.zoom == "month"
            for d in range(d0, d1 + 1):
                o = self._year_start + d
                day = date.fromordinal(o)
                if not step_all and day.weekday() != 0:
                    continue
                x = self.x_of(o)
                p.setPen(QPen(QColor(0, 0, 0, 35), 1))
                p.drawLine(QPointF(x, bh), QPointF(x, 2 * bh))
                kind = self._day_kind[d] if self._day_kind else 0
                f = self._bold if kind == 3 else self.font()
                p.setFont(f)
                p.setPen(QColor("#c62828") if kind == 2 else (QColor("#1565c0") if kind == 3 else text))
                width = self.ppd if step_all else self.ppd * 7
                align = Qt.AlignmentFlag.AlignCenter if step_all else Qt.AlignmentFlag.AlignLeft
                p.drawText(QRectF(x + (0 if step_all else 3), bh, width, bh), align | Qt.AlignmentFlag.AlignVCenter,
                           str(day.day))
        # band 3: report cut-offs and today
        y3 = 2 * bh
        p.setFont(self._small)
        sh = hh - y3
        for o, _label in self._cutoffs:
            x = round(self.x_of(o + 1)) + 0.5
            if x < lw - 200 or x > w:
                continue
            d = date.fromordinal(o)
            label = f"{d.day}/{d.month}" if self.zoom == "year" else self.tr("Cut-off %1").replace(
                "%1", f"{d.day}/{d.month}")
            p.setPen(QPen(CUTOFF_COLOR, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, y3), QPointF(x, hh))
            p.setPen(CUTOFF_COLOR)
            p.drawText(QRectF(x + 3, y3, self._sfm.horizontalAdvance(label) + 4, sh),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        if self.year == self.today.year:
            x = self.x_of(self.today.toordinal() + 0.5)
            label = self.tr("Today %1").replace("%1", f"{self.today.day}/{self.today.month}")
            tw = self._sfm.horizontalAdvance(label) + 8
            rect = QRectF(x - tw - 2, y3 + 1, tw, sh - 2)
            if rect.left() < lw:
                rect.moveLeft(x + 2)
            p.fillRect(rect, TODAY_COLOR)
            p.setPen(QColor("white"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            p.setPen(QPen(TODAY_COLOR, 2))
            p.drawLine(QPointF(x, y3), QPointF(x, hh))
        p.restore()
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(0, hh - 1, w, hh - 1)
        p.drawLine(lw - 1, 0, lw - 1, hh)
        p.setPen(pal.windowText().color())
        p.setFont(self._bold)
        p.drawText(QRect(8, 0, lw - 16, bh), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   self.tr("Plan %1").replace("%1", str(self.year)))
        p.setFont(self.font())
        p.drawText(QRect(8, bh, lw - 16, bh), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   self.tr("No. and task"))

    def _paint_band(self, p: QPainter, spans: list[tuple[int, int, list[str]]], top: int, height: int, w: int,
                    grid: QPen, text: QColor) -> None:
        fm = p.fontMetrics()
        lw = self.label_w
        for a, b, labels in spans:
            x0, x1 = self.x_of(a), self.x_of(b)
            if x1 < lw or x0 > w:
                continue
            p.setPen(grid)
            p.drawLine(QPointF(x0, top), QPointF(x0, top + height))
            vis0, vis1 = max(x0, lw), min(x1, w)  # keep the label readable while scrolling
            room = vis1 - vis0 - 6
            label = next((s for s in labels if fm.horizontalAdvance(s) <= room), "")
            if label:
                p.setPen(text)
                p.drawText(QRectF(vis0, top, vis1 - vis0, height), Qt.AlignmentFlag.AlignCenter, label)

    # --- tooltips ---------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            he: QHelpEvent = event  # type: ignore[assignment]
            text = self.tooltip_at(he.pos().x(), he.pos().y())
            if text:
                QToolTip.showText(he.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, x: int, y: int) -> str:
        """Rich text: content, the deadline as written, the parsed schedule, the occurrence under x."""
        if self.year is None:
            return ""
        if y < self.header_h:
            if x < self.label_w:
                return ""
            o = int(math.floor(self.ordinal_at(x)))
            parts = []
            name = self._holiday_names.get(o)
            if name:
                parts.append(html.escape(name))
            if 0 <= o - self._year_start < len(self._day_kind) and self._day_kind[o - self._year_start] == 3:
                parts.append(html.escape(self.tr("Make-up working day")))
            for co, label in self._cutoffs:
                if abs(self.x_of(co + 1) - x) <= 4:
                    parts.append(html.escape(self.tr("Report cut-off: %1").replace("%1", label)))
            if parts:
                d = date.fromordinal(o)
                return f"<b>{d.day:02d}/{d.month:02d}/{d.year}</b><br>" + "<br>".join(parts)
            return ""
        i = self.row_at(y)
        if i is None:
            return ""
        row = self.rows[i]
        if row.kind != "task" or row.view is None:
            return f"<b>{html.escape(row.label)}</b>"
        t = row.view.task
        number = row.view.ref or t.number  # with its section ("IV.2"): the tooltip stands alone
        lines = [f"<b>{html.escape(number)}</b> {html.escape(t.content).replace(chr(10), '<br>')}"]
        if t.deadline_text:
            lines.append(html.escape(self.tr("Deadline as written: %1").replace("%1", t.deadline_text)))
        if t.schedule is not None:
            lines.append(html.escape(formats.schedule_text(t.schedule)))
        lines.append(f"<span style='color:{STATUS_COLORS[row.status]}'>"
                     f"{html.escape(status_symbol(row.status) + ' ' + status_label(row.status))}</span>")
        if x >= self.label_w and row.occ:
            o = self.ordinal_at(x)
            for n, (s, d, st) in enumerate(row.occ, 1):
                near = abs(self.x_of(d + 0.5) - x) <= 8
                if s <= o < d + 1 or near:
                    sd, dd = date.fromordinal(s), date.fromordinal(d)
                    text = (self.tr("Occurrence %1 of %2: %3 – %4")
                            .replace("%1", str(n)).replace("%2", str(len(row.occ)))
                            .replace("%3", f"{sd.day:02d}/{sd.month:02d}")
                            .replace("%4", f"{dd.day:02d}/{dd.month:02d}/{dd.year}"))
                    lines.append(f"<span style='color:{STATUS_COLORS[st]}'>{html.escape(text)} · "
                                 f"{html.escape(status_symbol(st) + ' ' + status_label(st))}</span>")
                    break
        return "<p style='white-space:normal'>" + "<br>".join(lines) + "</p>"

    # --- input ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            i = self.row_at(int(event.position().y()))
            if i is not None and self.rows[i].task_id is not None:
                self._activate(self.rows[i].task_id)
                event.accept()
                return
        super().mousePressEvent(event)

    def _activate(self, task_id: int) -> None:
        self.set_selected(task_id, ensure_visible=True)
        if self.on_activate is not None:
            self.on_activate(task_id)

    def _task_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if r.task_id is not None]

    def move_selection(self, delta: int) -> None:
        rows = self._task_rows()
        if not rows:
            return
        cur = self._row_index.get(self.selected) if self.selected is not None else None
        if cur is None:
            target = rows[0] if delta > 0 else rows[-1]
        else:
            pos = rows.index(cur) if cur in rows else 0
            target = rows[max(0, min(len(rows) - 1, pos + delta))]
        tid = self.rows[target].task_id
        if tid is not None:
            self._activate(tid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        K = Qt.Key
        page = max(1, (self.viewport().height() - self.header_h) // self.row_h - 1)
        if key == K.Key_Down:
            self.move_selection(1)
        elif key == K.Key_Up:
            self.move_selection(-1)
        elif key == K.Key_PageDown:
            self.move_selection(page)
        elif key == K.Key_PageUp:
            self.move_selection(-page)
        elif key in (K.Key_Left, K.Key_Right):
            step = max(40, self.time_w // 6) * (1 if key == K.Key_Right else -1)
            hbar = self.horizontalScrollBar()
            base = self._anim.endValue() if self._anim.state() == QVariantAnimation.State.Running else hbar.value()
            self._animate_h(0, int(base) + step)
        elif key in (K.Key_Plus, K.Key_Equal):
            if self.on_zoom_step:
                self.on_zoom_step(1, None)
        elif key in (K.Key_Minus, K.Key_Underscore):
            if self.on_zoom_step:
                self.on_zoom_step(-1, None)
        elif key == K.Key_Home:
            self.scroll_to_ordinal(self.today.toordinal())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        mods = event.modifiers()
        delta = event.angleDelta().y() or event.angleDelta().x()
        if mods & Qt.KeyboardModifier.ControlModifier:
            if delta and self.on_zoom_step:
                self.on_zoom_step(1 if delta > 0 else -1, event.position().x())
            event.accept()
            return
        if mods & Qt.KeyboardModifier.ShiftModifier:
            hbar = self.horizontalScrollBar()
            pixels = event.pixelDelta().y() or event.pixelDelta().x()
            hbar.setValue(hbar.value() - (pixels if pixels else int(delta / 120 * hbar.singleStep() * 3)))
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        left = self.ordinal_at(self.label_w) if self.year is not None else None
        super().resizeEvent(event)
        self._elided.clear()
        self._relayout((left, self.label_w) if left is not None and self.zoom != "year" else None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._update_metrics()
            self._relayout()
        super().changeEvent(event)


# --- the view --------------------------------------------------------------------------------


class TimelineView(QWidget):
    """The timeline tab: zoom controls, the painted canvas, the status legend."""

    def __init__(self, service: OfficeService, hub: EventHub, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.service = service
        self.hub = hub
        self.today = today
        self._dirty = True

        self.canvas = TimelineCanvas(self)
        self.canvas.on_activate = self._on_canvas_activate
        self.canvas.on_zoom_step = self._zoom_step
        self.canvas.empty_text = self.tr("No plan yet. Import the superior plan or add tasks; "
                                         "they will appear here on the time axis.")
        self.setFocusProxy(self.canvas)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(QLabel(self.tr("Zoom:")))
        self.zoom_box = QComboBox()
        for key, label in (("year", self.tr("Whole year")), ("quarter", self.tr("Quarter")),
                           ("month", self.tr("Month"))):
            self.zoom_box.addItem(label, key)
        self.zoom_box.setToolTip(self.tr("Ctrl + mouse wheel or the + and − keys also zoom"))
        self.zoom_box.currentIndexChanged.connect(lambda _: self.set_zoom(self.zoom_box.currentData()))
        bar.addWidget(self.zoom_box)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self._go_today)
        bar.addWidget(self.today_button)
        bar.addStretch(1)
        self.legend = StatusLegend([("today", self.tr("Today")), ("cutoff", self.tr("Report cut-off (14th)")),
                                    ("holiday", self.tr("Public holiday"))])

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(bar)
        lay.addWidget(self.canvas, 1)
        lay.addWidget(self.legend)

        hub.data_changed.connect(self._on_data_changed)
        hub.task_selected.connect(self._on_task_selected)
        # filled when first shown (showEvent): a hidden tab costs nothing at start-up

    # --- public API -------------------------------------------------------------------------
    def zoom(self) -> str:
        return self.canvas.zoom

    def set_zoom(self, zoom: str, anchor_x: float | None = None) -> None:
        """"year" | "quarter" | "month"; the date under ``anchor_x`` (or today) stays in place."""
        self.canvas.set_zoom(zoom, anchor_x)
        i = ZOOMS.index(zoom)
        if self.zoom_box.currentIndex() != i:
            self.zoom_box.blockSignals(True)
            self.zoom_box.setCurrentIndex(i)
            self.zoom_box.blockSignals(False)

    def pixels_per_day(self) -> float:
        return self.canvas.ppd

    def selected_task_id(self) -> int | None:
        return self.canvas.selected

    def row_rect(self, task_id: int) -> QRect:
        """Where the task's row is in the canvas viewport (scrolling it into view first)."""
        self.canvas.ensure_visible(task_id, horizontal=False)
        return self.canvas.row_rect(task_id)

    def task_ids(self) -> list[int]:
        return [r.task_id for r in self.canvas.rows if r.task_id is not None]

    def refresh(self) -> None:
        """Re-query the current plan at ``today`` (the office file is the truth, never a cache)."""
        self._dirty = False
        plan = self.service.current_plan()
        tags = {"on_demand": self.tr("When it arises"), "external": self.tr("Under a separate plan"),
                "unknown": self.tr("Deadline unclear")}
        if plan is None or plan.id is None:
            self.canvas.set_data(None, [], {}, self.today, tags=tags)
            return
        tree = self.service.task_tree(plan.id, self.today)
        progress = group_progress(self.service.plan_progress(plan.id))
        self.canvas.set_data(plan.year, tree, progress, self.today, self.service.work_calendar(), tags=tags)

    def set_data(self, year: int, tree: Sequence[tuple[Section | None, Sequence[TaskView]]],
                 progress: Mapping[int, Sequence[ProgressEntry]]) -> None:
        """Show prepared rows directly (benchmarks, previews) without asking the service."""
        self._dirty = False
        self.canvas.set_data(year, tree, progress, self.today, self.service.work_calendar() if self.service else None)

    # --- slots ------------------------------------------------------------------------------
    def _on_canvas_activate(self, task_id: int) -> None:
        self.hub.task_activated.emit(task_id)

    def _on_task_selected(self, task_id: object) -> None:
        self.canvas.set_selected(task_id if isinstance(task_id, int) else None, ensure_visible=True)

    def _on_data_changed(self, _changes: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def _zoom_step(self, delta: int, anchor_x: float | None) -> None:
        i = max(0, min(len(ZOOMS) - 1, ZOOMS.index(self.canvas.zoom) + delta))
        self.set_zoom(ZOOMS[i], anchor_x)

    def _go_today(self) -> None:
        if self.canvas.zoom == "year":
            self.set_zoom("month")
        self.canvas.scroll_to_ordinal(self.today.toordinal())
        self.canvas.setFocus()


__all__ = ["StatusLegend", "TimelineCanvas", "TimelineView", "ZOOMS", "paint_status_mark"]
