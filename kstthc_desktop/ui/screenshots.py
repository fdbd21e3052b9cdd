"""Render each main view at 1280×800 into PNGs (README images and UI review)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication


def save_screenshots(window, folder: Path) -> list[Path]:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1280, 800)
    out = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        name = window.tabs.widget(i).objectName() or f"view{i}"
        path = folder / f"{name}.png"
        window.grab().save(str(path))
        out.append(path)
    return out
