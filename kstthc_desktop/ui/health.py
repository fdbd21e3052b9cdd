"""The window's side of ``check``: the cheap part on open, the full one weekly in the background
(or on demand from the File menu), and the newest backup that helps when something is found.

Everything goes through the service (``check_file``, ``backup_for_repair``); the full check reads
every stored document on a worker thread with its own read-only connection, without a progress
dialog unless the officer asked for it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .tasks import BackgroundTask
from .widgets import widen

_QUIET_MS = 24 * 3600 * 1000  # the weekly check never shows a progress dialog


def on_open(window) -> BackgroundTask:  # noqa: ANN001 - MainWindow
    """Right after the window shows: the cheap check, then the full one if a week has passed.

    On a worker too: the cheap check reads the whole file's structure, documents included (the
    check made when the file opens leaves them out: ``OfficeFile.quick_check``), which takes the
    thread 0.2 s for a gigabyte of documents in the disk cache and seconds from a cold disk."""
    import logging

    service = window.service
    task = BackgroundTask(window, QCoreApplication.translate("Health", "Checking the data file…"),
                          lambda progress: service.check_file(full=False, progress=progress), delay_ms=_QUIET_MS)

    def finished(report) -> None:  # noqa: ANN001 - services.safety.CheckReport
        if not report.ok:
            offer_repair(window, report)
        elif service.full_check_due(window.today):
            run_full_check(window, quiet=True)

    task.done.connect(finished)
    task.error.connect(lambda exc: logging.getLogger("kstthc").warning("check on open failed: %s", exc))
    window._open_check_task = task  # kept alive while it runs  # noqa: SLF001
    task.start()
    return task


def run_full_check(window, quiet: bool = False) -> BackgroundTask:  # noqa: ANN001
    """Read every stored byte off the GUI thread; report only problems when ``quiet``."""
    service = window.service
    task = BackgroundTask(window, QCoreApplication.translate("Health", "Checking the data file…"),
                          lambda progress: service.check_file(full=True, progress=progress),
                          delay_ms=_QUIET_MS if quiet else 500)

    def finished(report) -> None:  # noqa: ANN001 - services.safety.CheckReport
        service.mark_full_check(window.today)
        if not report.ok:
            offer_repair(window, report)
        elif not quiet:
            QMessageBox.information(window, QCoreApplication.translate("Health", "Check the data file"),
                                    QCoreApplication.translate("Health", "The data file is sound: %1 documents and %2 issued reports checked.")
                                    .replace("%1", str(report.part("evidence").checked))
                                    .replace("%2", str(report.part("reports").checked)))

    task.done.connect(finished)
    if not quiet:  # asked for: the window's work until its answer is read (the quiet one may be left)
        from .errors import show_error

        task.error.connect(lambda exc: show_error(window, exc))
        window.track_job(task)
    window._health_task = task  # kept alive while it runs  # noqa: SLF001
    task.start()
    return task


def offer_repair(window: QWidget, report) -> None:  # noqa: ANN001 - services.safety.CheckReport
    """Say what the check found and offer the newest backup that does not have the problem."""
    service = window.service
    backup = service.backup_for_repair(report)
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Health", "Check the data file"),
                      QCoreApplication.translate("Health", "The check found problems in the data file."), parent=window)
    problems = [msg for part in report.parts for msg in part.problems]  # each says what and where
    shown = "\n".join(f"• {p}" for p in problems[:6]) + ("\n…" if len(problems) > 6 else "")
    if backup is not None:
        box.setInformativeText(shown + "\n\n" + QCoreApplication.translate("Health", "The backup '%1' does not have these problems. Restoring it "
                                                   "keeps the current file beside it, so nothing is lost.")
                               .replace("%1", backup.name))
        restore = box.addButton(QCoreApplication.translate("Health", "Restore that backup"), QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText(shown + "\n\n" + QCoreApplication.translate("Health", "No backup without these problems was found. Keep working and "
                                                   "make a copy of the file to a USB stick."))
        restore = None
    box.addButton(QMessageBox.StandardButton.Close)
    widen(box)  # room for the file names
    box.exec()
    if restore is not None and box.clickedButton() is restore:
        window.restore_requested.emit(backup)  # the window's owner closes it and reopens the backup


__all__ = ["offer_repair", "on_open", "run_full_check"]
