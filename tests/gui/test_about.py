"""Help → About: version, licence, every third-party licence (the bundled fonts' in full), in Vietnamese."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from kstthc_desktop import __version__
from kstthc_desktop.i18n import install_translators, reset_translators
from kstthc_desktop.ui.dialogs.about import AboutDialog
from kstthc_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY


def _menu_action(w: MainWindow, menu_text: str, action_text: str):  # noqa: ANN202
    """The action as the officer finds it: the menu by its title, then the item by its text."""
    menu = next(m for m in w.menuBar().findChildren(QMenu) if m.title().replace("&", "") == menu_text)
    return next(a for a in menu.actions() if a.text().replace("&", "") == action_text)


def test_help_about_shows_version_licences_and_closes(qtbot, demo_service, qapp) -> None:  # noqa: ANN001
    install_translators(qapp, "vi")
    try:
        w = MainWindow(demo_service, today=TODAY)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        seen: dict[str, str] = {}

        def handle() -> None:
            dlg = QApplication.activeModalWidget()
            if not isinstance(dlg, AboutDialog):
                QTimer.singleShot(20, handle)
                return
            seen["title"] = dlg.windowTitle()
            seen["summary"] = dlg.summary.text()
            seen["components"] = dlg.components.toPlainText()
            dlg.tabs.setCurrentWidget(dlg.font_licence)
            seen["fonts"] = dlg.font_licence.toPlainText()
            close = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
            seen["close"] = close.text()
            qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, handle)
        _menu_action(w, "Trợ giúp", "Giới thiệu").trigger()  # returns when the dialog is closed
        assert seen["title"] == "Giới thiệu KSTTHC Desktop" and seen["close"] == "Đóng"
        assert f"Phiên bản {__version__}" in seen["summary"] and "MIT" in seen["summary"]
        assert str(demo_service.path) in seen["summary"]
        for name in ("PySide6-Essentials", "reportlab", "openpyxl", "holidays", "Liberation Serif"):
            assert name in seen["components"], name
        assert "LGPL" in seen["components"] and "SIL Open Font License 1.1" in seen["components"]
        assert "phông chữ báo cáo" in seen["components"]
        assert "SIL OPEN FONT LICENSE Version 1.1" in seen["fonts"]
        assert QApplication.activeModalWidget() is None
    finally:
        reset_translators(qapp)


def test_about_fits_a_small_screen(qtbot) -> None:  # noqa: ANN001
    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.width() <= 1366 and dlg.height() <= 698
    assert not dlg.grab().isNull()
