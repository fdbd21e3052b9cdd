"""Sizing windows and dialogs for the screen they open on (a 1366×768 laptop with a taskbar, or
1280×720 at 125 %: about 1024×520 logical pixels).

A window never opens bigger than the screen's available area; a remembered geometry that no
longer fits (the laptop left the big monitor) is pulled back inside; dialogs put their content in
scroll areas so their buttons stay on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QScrollArea, QWidget

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
        # the whole area first: where no window manager maximises (a bare X server), it still fills it
        window.setGeometry(area.adjusted(DECOR.left(), DECOR.top(), -DECOR.right(), -DECOR.bottom()))
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


class DialogFitter(QObject):
    """Every dialog, however it was sized, is pulled inside the screen's available area when it
    shows (dialogs other features add later included): too big → made smaller (its content
    scrolls), partly off screen → moved back."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            fit_shown(watched)
        return False


def fit_shown(dialog: QWidget) -> None:
    area = available(dialog).adjusted(DECOR.left(), DECOR.top(), -DECOR.right(), -DECOR.bottom())
    relayout(dialog)
    # Qt opens a window at most 2/3 of the screen: a dialog whose form scrolls would open cramped.
    # Take the size it asks for (never below its minimum), up to the whole available area.
    wanted = dialog.size().expandedTo(dialog.sizeHint()).expandedTo(dialog.minimumSizeHint())
    if dialog.layout() is not None:
        wanted = wanted.boundedTo(dialog.layout().totalSizeHint().expandedTo(dialog.size())
                                  .expandedTo(dialog.minimumSizeHint()))
    wanted = wanted.boundedTo(area.size())
    if wanted != dialog.size():
        dialog.resize(wanted)
    # Qt places the dialog over its window after this: pull it inside the screen once it has.
    QTimer.singleShot(0, dialog, lambda: _keep_inside(dialog, area))


def _keep_inside(dialog: QWidget, area: QRect) -> None:
    inside = clamp(dialog.geometry(), area)
    if inside.topLeft() != dialog.geometry().topLeft():
        dialog.move(inside.topLeft() - (dialog.geometry().topLeft() - dialog.pos()))


def relayout(widget: QWidget) -> None:
    """Forget the sizes the layouts remembered while the widget was being built (a label made
    word-wrapping afterwards no longer widens it), and lay it out again."""
    for w in [*widget.findChildren(QWidget), widget]:
        lay = w.layout()
        if lay is not None:
            lay.invalidate()
    if widget.layout() is not None:
        widget.layout().activate()


_fitter: list[DialogFitter] = []


def install() -> None:
    """Fit every dialog of the application to its screen (once per process)."""
    app = QApplication.instance()
    if app is not None and not _fitter:
        _fitter.append(DialogFitter(app))
        app.installEventFilter(_fitter[0])


class _VerticalScroll(QScrollArea):
    """Scrolls up and down only, and is never narrower than its content needs."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2
        return QSize(max(hint.width(), width), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """As big as the content likes: a dialog opens showing all of it when the screen allows."""
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width() + 2, hint.height() + 2)


class _Holder(QWidget):
    """Holds the content of a scroll area without a layout: a layout would pass on the
    height-for-width of word-wrapped labels, and the scroll area would then make the content as
    tall as it would like to be (scrolling for nothing). The content gets the visible height, and
    scrolls only below its minimum."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.content = content
        content.setParent(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.content.minimumSizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.content.sizeHint()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        self.content.setGeometry(self.rect())
        super().resizeEvent(event)


def scrolling(content: QWidget, fill: bool = False) -> QScrollArea:
    """``content`` in a frameless vertical scroll area: what does not fit scrolls instead of being
    cut off. Text (``fill`` False) scrolls to show all of it; a form with stretchy editors
    (``fill`` True) takes the visible height and scrolls only below its minimum."""
    area = _VerticalScroll()
    area.setWidget(_Holder(content) if fill else content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


__all__ = ["DialogFitter", "available", "clamp", "fit_dialog", "install", "relayout", "scrolling", "show_window"]
