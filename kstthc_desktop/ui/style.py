"""Colours, fonts and small painting helpers shared by every view (one colour per status)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QGuiApplication

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
