"""Colours, fonts and small painting helpers shared by every view (one colour per status)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPixmap

from ..core.model import STATUS_COLORS, STATUS_SYMBOLS, Status


def status_color(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status])


def status_background(status: Status) -> QColor:
    c = QColor(STATUS_COLORS[status])
    c.setAlpha(40)
    return c


def status_symbol(status: Status) -> str:
    return STATUS_SYMBOLS[status]


def apply_base_font() -> None:
    """Readable first: at least 10 pt (DESIGN.md §10)."""
    app = QGuiApplication.instance()
    if app is None:
        return
    font: QFont = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)


_DOCUMENT_PIXMAPS: dict[tuple[int, float], QPixmap] = {}


def document_pixmap(size: int = 16) -> QPixmap:
    """A page with a folded corner, ``size`` px square: the mark of attached files (the table's
    evidence column, the detail panel's file list), sharp on high-density screens.

    Drawn here rather than taken from the style (its SP_FileIcon looks the same): asking the style
    makes PySide build its QStyle and QIcon types, ~720 enum values, ~9 ms before the first paint
    of any plan with evidence."""
    app = QGuiApplication.instance()
    dpr = float(app.devicePixelRatio()) if app is not None else 1.0
    key = (size, dpr)
    if key not in _DOCUMENT_PIXMAPS:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QPainter, QPen, QPolygonF

        px = QPixmap(round(size * dpr), round(size * dpr))
        px.setDevicePixelRatio(dpr)
        px.fill(QColor(0, 0, 0, 0))
        k = size / 16  # drawn on a 16-unit grid, half-unit offsets for crisp 1 px lines

        def pts(*xy: float) -> QPolygonF:
            return QPolygonF([QPointF(xy[i] * k, xy[i + 1] * k) for i in range(0, len(xy), 2)])

        p = QPainter(px)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#6f6f6f"), k))
        p.setBrush(QColor("#ffffff"))
        p.drawPolygon(pts(2.5, 0.5, 9.5, 0.5, 13.5, 4.5, 13.5, 15.5, 2.5, 15.5))  # the page
        p.setBrush(QColor("#d9d9d9"))
        p.drawPolygon(pts(9.5, 0.5, 9.5, 4.5, 13.5, 4.5))  # the folded corner
        p.setPen(QPen(QColor("#9a9a9a"), k))
        for y in (7.5, 9.5, 11.5, 13.5):  # lines of text
            p.drawLine(QPointF(4.5 * k, y * k), QPointF(11.5 * k, y * k))
        p.end()
        _DOCUMENT_PIXMAPS[key] = px
    return _DOCUMENT_PIXMAPS[key]


def status_label(status: Status) -> str:
    """The status in the UI language (the Vietnamese translation equals core.model.STATUS_LABELS_VI).

    Only the status asked is translated: the table asks this for every status cell it paints."""
    if status == Status.DONE_ON_TIME:
        return QCoreApplication.translate("Status", "Done on time")
    if status == Status.DONE_LATE:
        return QCoreApplication.translate("Status", "Done late")
    if status == Status.IN_TIME:
        return QCoreApplication.translate("Status", "In progress, within the deadline")
    if status == Status.OVERDUE:
        return QCoreApplication.translate("Status", "In progress, overdue")
    if status == Status.NO_DEADLINE:
        return QCoreApplication.translate("Status", "Not arisen / no deadline")
    raise KeyError(status)
