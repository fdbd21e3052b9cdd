"""The window's backups: the daily one after start-up, "Back up now" and "Back up to a folder or
USB" — each on a worker thread.

A year's office file holds its documents (a gigabyte of scans is common): copying and verifying it
takes seconds on a hard disk and longer on a USB stick, which the window must not freeze for. The
officer's own backups show progress after half a second and hold the window until their answer is
read (closing says "please wait"); the daily one is quiet: it says one line in the status bar, and
a quit in the middle cancels it cleanly (the copy is retried at the next start).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .tasks import BackgroundTask

translate = QCoreApplication.translate  # lupdate reads the literal context and text of each call below

_QUIET_MS = 24 * 3600 * 1000  # the daily backup never shows a progress dialog


def run_daily(window) -> BackgroundTask | None:  # noqa: ANN001 - MainWindow (which imports this module)
    """Today's automatic backup, unless one was taken today already; None when there is nothing to do."""
    service = window.service
    if not service.daily_backup_due(window.today):
        return None
    task = BackgroundTask(window, translate("Backups", "Backing up…"),
                          lambda progress: service.backup(reason="hang-ngay", progress=progress), delay_ms=_QUIET_MS)

    def finished(path: Path) -> None:
        service.mark_daily_backup(window.today)
        window.hub.status_message.emit(translate("Backups", "Daily backup saved: %1").replace("%1", path.name))

    task.done.connect(finished)
    task.error.connect(lambda exc: window.statusBar().showMessage(str(exc), 10000))
    window._backup_task = task  # kept alive while it runs  # noqa: SLF001
    task.start()
    return task


def back_up(window, folder: str | None = None) -> BackgroundTask:  # noqa: ANN001 - MainWindow
    """A backup the officer asked for: beside the file, or in ``folder`` (a USB stick, say)."""
    from .errors import show_error

    service = window.service
    reason = "thu-cong" if folder is None else "usb"
    task = BackgroundTask(window, translate("Backups", "Backing up…"),
                          lambda progress: service.backup(folder, reason=reason, progress=progress))

    def finished(path: Path) -> None:
        if folder is None:
            window.hub.status_message.emit(translate("Backups", "Backup saved: %1").replace("%1", str(path)))
        else:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(window, translate("Backups", "Backup"), translate("Backups", "Backup saved: %1").replace("%1", str(path)))

    task.done.connect(finished)
    task.error.connect(lambda exc: show_error(window, exc))
    task.cancelled.connect(lambda: window.hub.status_message.emit(translate("Backups", "Backup cancelled: nothing was written.")))
    window.track_job(task)
    window._backup_task = task  # noqa: SLF001
    task.start()
    return task


__all__ = ["back_up", "run_daily"]
