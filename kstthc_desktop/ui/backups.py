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
        service.mark_backup_made(window.today)
        window.hub.status_message.emit(translate("Backups", "Daily backup saved: %1").replace("%1", path.name))

    def failed(exc: BaseException) -> None:
        window.statusBar().showMessage(str(exc), 10000)
        if service.backup_warning_due(window.today):  # days without a backup: a status line is not enough
            warn_without_backup(window, exc)

    task.done.connect(finished)
    task.error.connect(failed)
    window._backup_task = task  # kept alive while it runs  # noqa: SLF001
    task.start()
    return task


def warn_without_backup(window, problem: BaseException) -> None:  # noqa: ANN001 - MainWindow
    """Once a day while the daily backup keeps failing (a full disk, say): how long the file has
    gone without one, why, and a backup to a USB stick at hand."""
    from PySide6.QtWidgets import QMessageBox

    from .widgets import widen

    service = window.service
    service.mark_backup_warning(window.today)
    days = service.days_without_backup(window.today)
    if days is None:
        text = translate("Backups", "No backup of the data file has been made yet.")
    else:
        text = translate("Backups", "No backup of the data file could be made for %1 days.").replace("%1", str(days))
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Backups", "Backup"), text, parent=window)
    box.setInformativeText(str(problem) + "\n\n" + translate(
        "Backups", "Free some space on the disk, or back up to a USB stick now: if the computer fails, "
        "the work since the last backup is lost."))
    usb = box.addButton(translate("Backups", "Back up to a folder or USB…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    widen(box)
    box.exec()
    if box.clickedButton() is usb:
        window.backup_to()


def back_up(window, folder: str | None = None) -> BackgroundTask:  # noqa: ANN001 - MainWindow
    """A backup the officer asked for: beside the file, or in ``folder`` (a USB stick, say)."""
    from .errors import show_error

    service = window.service
    reason = "thu-cong" if folder is None else "usb"
    task = BackgroundTask(window, translate("Backups", "Backing up…"),
                          lambda progress: service.backup(folder, reason=reason, progress=progress))

    def finished(path: Path) -> None:
        service.mark_backup_made(window.today)
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


__all__ = ["back_up", "run_daily", "warn_without_backup"]
