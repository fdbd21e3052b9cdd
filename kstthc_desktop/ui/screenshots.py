"""Render each main view at 1280×800 into PNGs (README images and UI review).

The layout is the default one (not the user's remembered widths), and a task that has progress
and evidence is selected, so the detail panel shows what it is for.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication


def save_screenshots(window, folder: Path, size: tuple[int, int] = (1280, 800)) -> list[Path]:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    window._default_columns()
    window.splitter.setSizes([880, 400])
    plan = window.plan()
    if plan is not None:
        views = window.service.task_views(plan.id, window.today)
        pick = next((v for v in views if v.evidence_count and v.percent), None) or next(iter(views), None)
        if pick is not None:
            window.select_task(pick.task.id)
    out = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        name = window.tabs.widget(i).objectName() or f"view{i}"
        path = folder / f"{name}.png"
        window.grab().save(str(path))
        out.append(path)
    return out
