"""Sizing windows and dialogs for the screen they open on (a 1366×768 laptop with a taskbar, or
1280×720 at 125 %: about 1024×520 logical pixels).

A window never opens bigger than the screen's available area; a remembered geometry that no
longer fits (the laptop left the big monitor) is pulled back inside; dialogs put their content in
scroll areas so their buttons stay on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

SMALL_SCREEN = QSize(1440, 860)  # below this (available area), the main window opens maximised
MARGIN = 16  # room left around a dialog
DECOR = QMargins(4, 32, 4, 4)  # a window's borders and title bar, before the window system says


def available(widget: QWidget | None = None) -> QRect:
    """The available area (without taskbar) of the screen the widget is on, or of the primary one."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def clamp(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved (and if need be shrunk) so that it lies inside ``area``."""
    w, h = min(rect.width(), area.width()), min(rect.height(), area.height())
    x = min(max(rect.x(), area.x()), area.right() - w + 1)
    y = min(max(rect.y(), area.y()), area.bottom() - h + 1)
    return QRect(x, y, w, h)


def show_window(window: QWidget, saved: object, preferred: QSize) -> None:
    """Show a top-level window sized for its screen (see the module docstring)."""
    area = available(window)
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        if window.windowState() & Qt.WindowState.WindowMaximized:
            window.showMaximized()
            return
        # The frame is not known before the window is shown: leave room for a title bar and borders.
        inside = clamp(window.geometry(), area.adjusted(DECOR.left(), DECOR.top(), -DECOR.right(), -DECOR.bottom()))
        window.setGeometry(inside)
        window.show()
        return
    if area.width() < SMALL_SCREEN.width() or area.height() < SMALL_SCREEN.height():
        window.showMaximized()
        return
    size = preferred.boundedTo(QSize(int(area.width() * 0.9), int(area.height() * 0.9)))
    window.resize(size)
    window.move(area.center().x() - size.width() // 2, area.center().y() - size.height() // 2)
    window.show()


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """Resize a dialog to ``preferred``, never beyond the available area of its screen."""
    area = available(dialog)
    limit = QSize(area.width() - MARGIN, area.height() - MARGIN - 30)  # 30: the title bar
    size = preferred.boundedTo(limit)
    dialog.resize(size)
    dialog.setMaximumSize(QSize(max(limit.width(), 200), max(limit.height(), 150)))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless vertical scroll area: a tall form scrolls instead of being cut off."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


__all__ = ["available", "clamp", "fit_dialog", "scrolling", "show_window"]
