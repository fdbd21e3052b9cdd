"""Render each main view, the report dialog and the progress dialog into PNGs (README images, UI review).

The window is the one ``windows.show_main_window`` opened (sized by the real fit logic for the
screen); ``kstthc-desktop --screenshot DIR --size 1366x698`` gives the headless screen that size, so
the pictures show what a 1366×768 laptop shows. The column layout is the default one and a task
with progress and evidence is selected, so the detail panel shows what it is for.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

FRAME = 2  # the headless platform's window frame on each side


def configure_headless_screen(size: tuple[int, int]) -> None:
    """Before the QApplication exists: a headless screen whose maximised window is exactly ``size``."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.split(":")[0] != "offscreen" or "configfile" in platform:
        return
    w, h = size
    screen = {"name": "kstthc", "x": 0, "y": 0, "width": w + 2 * FRAME, "height": h + 2 * FRAME,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path = Path(tempfile.mkdtemp(prefix="kstthc-screen-")) / "screen.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


def _settle(widget: QWidget, until=lambda: True, timeout: float = 10.0) -> None:  # noqa: ANN001
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QApplication.processEvents()
        if until():
            break
        time.sleep(0.02)
    QApplication.processEvents()


def save_screenshots(window, folder: Path, size: tuple[int, int] | None = None) -> list[Path]:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    if size is not None and window.size() != QSize(*size):
        window.showNormal()
        window.resize(*size)
    window.table.default_columns()
    plan = window.plan()
    if plan is not None:
        views = window.service.task_views(plan.id, window.today)
        pick = next((v for v in views if v.evidence_count and v.percent), None) or next(iter(views), None)
        if pick is not None:
            window.select_task(pick.task.id)
    out = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        _settle(window, timeout=0.2)
        name = window.tabs.widget(i).objectName() or f"view{i}"
        path = folder / f"{name}.png"
        window.grab().save(str(path))
        out.append(path)
    window.tabs.setCurrentWidget(window.table)
    if plan is not None:
        out += _dialog_shots(window, folder)
    return out


def _dialog_shots(window, folder: Path) -> list[Path]:  # noqa: ANN001
    from ..core.model import ProgressEntry
    from .dialogs.progress_entry import ProgressEntryDialog
    from .dialogs.report_dialog import ReportDialog

    out = []
    report = ReportDialog(window.service, window.today, window)
    report.show()
    _settle(report, lambda: getattr(report, "page_count", 0) > 0)
    _settle(report, timeout=0.4)  # the pages' layout lands after they arrive
    out.append(folder / "report.png")
    report.grab().save(str(out[-1]))
    report.reject()
    task = window.detail.task
    if task is not None:
        dlg = ProgressEntryDialog(task, ProgressEntry(task_id=task.id, on=window.today), window)
        dlg.show()
        _settle(dlg, timeout=0.2)
        out.append(folder / "progress.png")
        dlg.grab().save(str(out[-1]))
        dlg.reject()
    return out
