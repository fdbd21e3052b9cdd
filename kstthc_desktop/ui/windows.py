"""Opening windows: the one place that turns an office file into a shown main window.

Start-up (``app.main``), "Open sample data" and "Restore from a backup" all come here, so a window
is always sized for the screen it opens on and kept alive until it closes, and ``app`` and the
main window no longer import each other.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..core.errors import KstthcError, OfficeFileCorrupt, OfficeFileError
from . import files

_open: list = []  # windows opened besides the first (demo, restored): kept alive while shown


def open_windows() -> list:
    """Every main window opened here (their files are closed when the program ends)."""
    return list(_open)


def forget(window) -> None:  # noqa: ANN001
    """Stop keeping ``window`` (its owner closes its file)."""
    if window in _open:
        _open.remove(window)


def open_service(path: Path, parent: QWidget | None = None, create: bool = False):  # noqa: ANN201
    """Open the office file; on failure offer another file or a backup. None if the officer gives up."""
    from ..services import OfficeService

    while True:
        try:
            return OfficeService.open(path, create=create, run_upgrade_backup=lambda job: _with_progress(
                parent, QCoreApplication.translate("App", "Backing up before the upgrade…"), job))
        except KstthcError as exc:
            from PySide6.QtWidgets import QMessageBox  # only when it fails: start-up needs no message box

            box = QMessageBox(QMessageBox.Icon.Warning, "KSTTHC Desktop", exc.message, parent=parent)
            box.setInformativeText(exc.hint)
            choose = box.addButton(QCoreApplication.translate("App", "Choose another file…"),
                                   QMessageBox.ButtonRole.AcceptRole)
            good = OfficeService.newest_good_backup_of(path) if isinstance(exc, OfficeFileCorrupt) else None
            restore = box.addButton(QCoreApplication.translate("App", "Restore the newest backup"),
                                    QMessageBox.ButtonRole.ActionRole) if good else None
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            clicked = box.clickedButton()
            if clicked is choose:
                name = files.ask_open(parent, "KSTTHC Desktop", str(path.parent), "KSTTHC (*.kstthc);;* (*)")
                if not name:
                    return None
                path, create = Path(name), False
            elif restore is not None and clicked is restore:
                try:  # checked and copied: seconds for a year's documents, with its progress
                    _with_progress(parent, QCoreApplication.translate("App", "Restoring the backup…"),
                                   lambda _progress, b=good, p=path: OfficeService.restore_backup(b, p))
                except (OSError, OfficeFileError) as err:
                    QMessageBox.warning(parent, "KSTTHC Desktop", str(err))
                    return None
            else:
                return None


def _with_progress(parent: QWidget | None, title: str, job):  # noqa: ANN001, ANN202
    from .tasks import run_and_wait  # (only when a file is upgraded or restored as it opens)

    return run_and_wait(parent, title, job)


def show_main_window(service, today: date | None = None, title_suffix: str = "", keep: bool = True):  # noqa: ANN001, ANN201
    """A main window on ``service``, sized for its screen, shown; kept alive until it closes."""
    from .main_window import MainWindow

    window = MainWindow(service, today=today)
    # every dialog is kept inside the screen; installed after the first paint, because an
    # application-wide filter sees every event of the start-up (a few thousand calls into Python)
    window.after_first_paint(_install_fitter)
    if title_suffix:
        window.title_suffix = title_suffix
        window.setWindowTitle(window.windowTitle())
    window.demo_requested.connect(lambda: open_demo_window(window))
    window.restore_requested.connect(lambda backup: restore_into_new_window(window, backup))
    window.show_fitted()
    if keep:
        _open.append(window)
    return window


def _install_fitter() -> None:
    from . import fit  # imported with it: the first paint does not need it

    fit.install()


def open_demo_window(parent: QWidget | None = None):  # noqa: ANN201
    """Sample data in its own window on a fresh demo file, never over the office's file."""
    import tempfile

    from ..services.demo import create_demo

    path = create_demo(Path(tempfile.mkdtemp(prefix="kstthc-demo-")) / "du-lieu-mau.kstthc")
    service = open_service(path, parent)
    if service is None:
        return None
    return show_main_window(service, title_suffix=QCoreApplication.translate("App", "SAMPLE DATA"))


def restore_into_new_window(window, backup: Path):  # noqa: ANN001, ANN201
    """Close the office file, put the backup in its place, reopen it in a fresh window.

    The backup is checked and copied on a worker (a year's documents: seconds each); the window
    takes no input meanwhile, and its file is closed only once the backup has been found sound.
    Returns the job checking the backup (the new window opens when the copy is done)."""
    from PySide6.QtWidgets import QMessageBox

    from ..services import OfficeService
    from .tasks import BackgroundTask

    path, today = window.service.path, window.today
    window.setEnabled(False)  # nothing reaches the file while it is checked and replaced

    def reopen(problem: BaseException | None) -> None:
        if problem is not None:
            QMessageBox.warning(window, "KSTTHC Desktop", str(problem))
        service = open_service(path, window)
        window.close()
        if service is not None:
            show_main_window(service, today=today)

    def checked(problem: str) -> None:
        if problem:
            window.setEnabled(True)
            QMessageBox.warning(window, "KSTTHC Desktop", problem)
            return
        # the window's jobs still reading the file (the daily backup, a check) stop first: on Windows
        # a file that another connection holds open cannot be replaced
        reading = [t for t in window.findChildren(BackgroundTask) if t.running and t is not check]
        for job in reading:
            job.cancel()
        window.service.close()

        def replace(progress) -> Path | None:  # noqa: ANN001
            for job in reading:
                job.wait_ended(120)
            return OfficeService.restore_backup(backup, path, checked=True)  # checked just before

        # past the point of no return (the file is closed, the copy replaces it): no Cancel button
        copy = BackgroundTask(window, QCoreApplication.translate("Windows", "Restoring the backup…"), replace,
                              cancellable=False)
        copy.done.connect(lambda _kept: reopen(None))
        copy.error.connect(reopen)
        window._restore_task = copy  # noqa: SLF001 - kept alive while it runs
        copy.start()

    def given_up() -> None:  # Cancel while the backup was checked: nothing was touched
        window.setEnabled(True)
        window.statusBar().showMessage(
            QCoreApplication.translate("Windows", "Restore cancelled: the office file is unchanged."), 10000)

    check = BackgroundTask(window, QCoreApplication.translate("Windows", "Checking the backup…"),
                           lambda progress: OfficeService.check_backup(backup, progress))
    check.done.connect(lambda problem: given_up() if check.cancel_requested else checked(problem))
    check.cancelled.connect(given_up)
    check.error.connect(lambda exc: (window.setEnabled(True), QMessageBox.warning(window, "KSTTHC Desktop", str(exc))))
    window._restore_task = check  # noqa: SLF001
    check.start()
    return check


__all__ = ["forget", "open_demo_window", "open_service", "open_windows", "restore_into_new_window", "show_main_window"]
