"""Windows and dialogs sized for the screen they open on (the headless test screen: 800×800)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QPushButton, QVBoxLayout

from kstthc_desktop.ui import fit


def test_clamp_moves_and_shrinks_into_the_area() -> None:
    area = QRect(0, 0, 1366, 728)
    assert fit.clamp(QRect(1200, 600, 400, 300), area) == QRect(966, 428, 400, 300)
    assert fit.clamp(QRect(-50, -20, 2000, 900), area) == QRect(0, 0, 1366, 728)


def test_a_too_big_dialog_is_shrunk_and_kept_on_screen_when_shown(qtbot) -> None:
    fit.install()
    parent = QMainWindow()
    qtbot.addWidget(parent)
    parent.setGeometry(100, 100, 500, 400)
    parent.show()
    dlg = QDialog(parent)
    lay = QVBoxLayout(dlg)
    lay.addWidget(QLabel("Nội dung"))
    lay.addWidget(QPushButton("Đóng"))
    dlg.resize(1600, 1200)  # as a dialog written for a big monitor would ask
    dlg.show()
    qtbot.waitUntil(lambda: fit.available(dlg).contains(dlg.geometry()))
    area = fit.available(dlg)
    assert dlg.width() <= area.width() and dlg.height() <= area.height()
    small = QDialog(parent)
    small.resize(200, 100)
    small.show()
    qtbot.wait(20)
    centre = parent.geometry().center()
    assert abs(small.geometry().center().x() - centre.x()) <= 2  # still placed over its window


def test_remembered_geometry_from_a_bigger_screen_is_pulled_inside(qtbot) -> None:
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(600, 500, 1900, 1000)  # the laptop was on a big monitor last time
    saved = big.saveGeometry()
    w = QMainWindow()
    qtbot.addWidget(w)
    fit.show_window(w, saved, QSize(1366, 800))
    area = fit.available(w)
    assert area.contains(w.geometry()) or w.isMaximized()
    assert w.width() <= area.width() and w.height() <= area.height()


def test_a_small_screen_maximises_a_new_window(qtbot) -> None:
    w = QMainWindow()
    qtbot.addWidget(w)
    fit.show_window(w, QByteArray(), QSize(1366, 800))  # nothing remembered, an 800×800 screen
    qtbot.waitUntil(lambda: w.isMaximized())
