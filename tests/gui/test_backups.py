"""Backups from the window never freeze it: the daily one after start-up, "Back up now" and "Back
up to a folder or USB" copy on a worker (a year of documents takes seconds); the officer's own
backups hold the window until their answer is shown; a quit cancels the quiet ones cleanly."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from kstthc_desktop import app
from kstthc_desktop.core.errors import Cancelled
from kstthc_desktop.core.progress import FlagProgress
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from kstthc_desktop.ui import backups, files, tasks
from kstthc_desktop.ui.main_window import MainWindow

TODAY = date(2026, 11, 25)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    svc = OfficeService.open(create_demo(tmp_path / "van-phong.kstthc", today=TODAY))
    w = MainWindow(svc, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    yield w
    tasks.finish_all()
    svc.close()


def _file_action(window: MainWindow, text: str):  # noqa: ANN202
    menu = window.menuBar().actions()[0].menu()
    menu.aboutToShow.emit()
    return next(a for a in menu.actions() if a.text() == text)


def _held_backup(window: MainWindow, monkeypatch) -> tuple[threading.Event, dict]:  # noqa: ANN001
    """The service's backup, held until released; records the thread it ran on."""
    release, seen = threading.Event(), {}
    real = window.service.backup

    def held(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen["thread"] = threading.get_ident()
        assert release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(window.service, "backup", held)
    return release, seen


def test_back_up_now_copies_on_a_worker_and_holds_the_window_until_it_is_done(window: MainWindow, qtbot,
                                                                              monkeypatch, tmp_path: Path) -> None:
    release, seen = _held_backup(window, monkeypatch)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    _file_action(window, "&Back up now").trigger()
    qtbot.waitUntil(lambda: "thread" in seen, timeout=10000)
    assert seen["thread"] != threading.get_ident()  # the copy is not on the GUI thread
    QApplication.processEvents()  # the window still answers while the copy runs
    window.close()
    assert window.isVisible() and said == ["Please wait: a task is still running."]
    release.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Backup saved: "), timeout=20000)
    copy = Path(window.statusBar().currentMessage().split(": ", 1)[1])
    assert copy.exists() and copy.parent == window.service.backup_folder()
    assert OfficeService.check_backup(copy) == ""
    window.close()
    assert not window.isVisible()


def test_back_up_to_a_usb_folder_says_where_in_a_box(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(files, "ask_folder", lambda *a, **k: str(usb))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    _file_action(window, "Back up to a folder or &USB…").trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    copies = list((usb / "van-phong-saoluu").glob("van-phong-*-usb.kstthc"))
    assert len(copies) == 1 and said == [f"Backup saved: {copies[0]}"]


def test_a_backup_that_cannot_be_written_says_why_and_leaves_nothing(window: MainWindow, qtbot, monkeypatch,
                                                                     tmp_path: Path) -> None:
    target = tmp_path / "khong-phai-thu-muc"
    target.write_text("một tệp, không phải thư mục")
    monkeypatch.setattr(files, "ask_folder", lambda *a, **k: str(target))
    shown: list[BaseException] = []
    monkeypatch.setattr("kstthc_desktop.ui.errors.show_error", lambda _parent, exc: shown.append(exc))
    _file_action(window, "Back up to a folder or &USB…").trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "sao lưu" in str(shown[0]).lower() or "thư mục" in str(shown[0]).lower()
    assert target.read_text() == "một tệp, không phải thư mục"
    assert not any(j.running for j in window._jobs)  # the window is free again


def test_the_progress_dialogs_cancel_button_stops_a_backup(window: MainWindow, qtbot, monkeypatch) -> None:
    """A slow copy (a USB stick) shows its progress after half a second; Cancel stops it."""
    def slow(*_args, progress=None, **_kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        for done in range(2000):
            progress.report(done, 2000, "Đang sao lưu…")
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(window.service, "backup", slow)
    _file_action(window, "&Back up now").trigger()

    def visible_dialog() -> QProgressDialog | None:
        return next((d for d in window.findChildren(QProgressDialog) if d.isVisible()), None)

    qtbot.waitUntil(lambda: visible_dialog() is not None, timeout=10000)
    shown = visible_dialog()
    assert shown.windowTitle() == "Backing up…"
    qtbot.waitUntil(lambda: shown.maximum() == 2000 and shown.labelText() == "Đang sao lưu…", timeout=10000)
    next(b for b in shown.findChildren(QPushButton) if b.text() == "Cancel").click()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Backup cancelled: nothing was written.",
                    timeout=10000)
    assert not any(j.running for j in window._jobs)


def test_the_daily_backup_is_taken_once_a_day_on_a_worker(window: MainWindow, qtbot, monkeypatch) -> None:
    release, seen = _held_backup(window, monkeypatch)
    release.set()
    assert window.service.daily_backup_due(TODAY)
    app._daily_backup(window)  # what the window's timer runs 1.5 s after the start
    qtbot.waitUntil(lambda: not window.service.daily_backup_due(TODAY), timeout=20000)
    assert seen["thread"] != threading.get_ident()
    assert window.statusBar().currentMessage().startswith("Daily backup saved: ")
    copies = list(window.service.backup_folder().glob("van-phong-*-hang-ngay.kstthc"))
    assert len(copies) == 1
    assert backups.run_daily(window) is None  # once a day
    assert len(list(window.service.backup_folder().glob("*.kstthc"))) == 1


def test_quitting_cancels_the_quiet_jobs_and_waits_for_their_workers(window: MainWindow, qtbot) -> None:
    """What the program does after its last window closed: no worker is left running Python."""
    state = {"cancelled": False, "ended": False}

    def long_job(progress) -> None:  # noqa: ANN001
        try:
            for _ in range(2000):  # 20 s unless cancelled
                progress.report(0, 0)
                time.sleep(0.01)
        except Cancelled:
            state["cancelled"] = True
            raise
        finally:
            state["ended"] = True

    job = tasks.BackgroundTask(window, "quiet", long_job, delay_ms=24 * 3600 * 1000)
    job.start()
    time.sleep(0.05)
    start = time.monotonic()
    tasks.finish_all()
    assert state == {"cancelled": True, "ended": True}
    assert time.monotonic() - start < 5


def test_a_cancelled_backup_leaves_no_file(tmp_path: Path) -> None:
    with OfficeService.open(create_demo(tmp_path / "van-phong.kstthc", today=TODAY)) as svc:
        progress = FlagProgress()
        progress.cancel()
        with pytest.raises(Cancelled):
            svc.backup(progress=progress)
        folder = svc.backup_folder()
        assert not folder.exists() or list(folder.iterdir()) == []


def test_a_backup_reports_the_pages_it_copied(tmp_path: Path, monkeypatch) -> None:
    from kstthc_desktop.storage import backup as backup_store

    monkeypatch.setattr(backup_store, "COPY_STEP_PAGES", 8)
    with OfficeService.open(create_demo(tmp_path / "van-phong.kstthc", today=TODAY)) as svc:
        seen: list[tuple[int, int]] = []
        said: list[str] = []
        progress = FlagProgress()
        progress.report = lambda done, total, message="": (seen.append((done, total)), said.append(message))  # type: ignore[method-assign]
        copy = svc.backup(progress=progress)
        pages = svc.file.conn.execute("PRAGMA page_count").fetchone()[0]
        size_mb = pages * svc.file.conn.execute("PRAGMA page_size").fetchone()[0] / 1048576
    assert OfficeService.check_backup(copy) == ""
    assert len(seen) >= pages // 8 and seen[-1] == (pages, pages)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert said[-1] == f"Đang sao lưu… {size_mb:.0f}/{size_mb:.0f} MB"  # how much, in the officer's units


def test_the_window_stays_responsive_while_a_worker_computes_in_python(window: MainWindow, qtbot) -> None:
    """PySide takes Python's lock for every virtual call into a widget made from Python (to look for
    an override): with Python's default hand-over (5 ms), a worker computing in Python (the PDF of
    a report) froze each repaint of the report dialog, with its many widgets, for seconds. Background
    jobs ask for a finer hand-over."""
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

    def compute(progress) -> int:  # noqa: ANN001 - pure Python for 1.5 s, as reportlab's layout is
        end, x = time.monotonic() + 1.5, 0
        while time.monotonic() < end:
            for i in range(2000):
                x += i * i
        return x

    pages = QWidget()  # a report preview's worth of widgets made from Python
    grid = QGridLayout(pages)
    for i in range(150):
        grid.addWidget(QLabel(f"Trang {i + 1}"), i // 10, i % 10)
    qtbot.addWidget(pages)
    pages.show()
    sys.setswitchinterval(0.005)  # Python's default, as at start-up
    painted: list[float] = []

    def repaint() -> None:  # every 10 ms, as a dialog dragged over the window asks
        pages.repaint()
        painted.append(time.perf_counter())

    timer = QTimer()
    timer.timeout.connect(repaint)
    job = tasks.BackgroundTask(window, "compute", compute, delay_ms=24 * 3600 * 1000)
    start = time.perf_counter()
    job.start()
    timer.start(10)
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    timer.stop()
    moments = [start, *painted, time.perf_counter()]
    longest = max(b - a for a, b in zip(moments, moments[1:], strict=False))
    assert longest < 0.5, f"the window waited {longest:.2f} s between repaints ({len(painted)} in all)"


def test_days_without_a_backup_are_said_once_a_day_with_a_usb_backup_at_hand(window: MainWindow, qtbot,
                                                                              monkeypatch, tmp_path: Path) -> None:
    """The daily backup is quiet, its failure a status line: on a full disk that line came at every
    start and the file went weeks without a copy. From three days without one, a message says so
    (once a day), why, and offers the backup to a USB stick."""
    from datetime import datetime, timedelta

    from kstthc_desktop.core.errors import OfficeFileFull
    from kstthc_desktop.storage import backup as backup_store

    folder, path = window.service.backup_folder(), window.service.path
    backup_store.make_backup(window.service.file.conn, path, folder, "hang-ngay",
                             now=datetime.combine(TODAY, datetime.min.time()) - timedelta(days=2) + timedelta(hours=9))

    def full(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OfficeFileFull("Không đủ chỗ trống trên ổ đĩa để sao lưu (cần 2 MB, còn 1 MB).",
                             "Hãy xóa bớt tệp không cần thiết.")

    real = window.service.backup
    monkeypatch.setattr(window.service, "backup", full)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)  # "Backup saved" after the USB one
    usb = tmp_path / "usb"
    shown: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(window, "backup_to", lambda: asked.append("usb"))

    watching = [True]

    def answer() -> None:  # every message box while the test runs (a wrong one fails it, not hangs it)
        if not watching[0]:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text() + "\n" + box.informativeText())
            if len(shown) == 1:  # the first time the USB backup, after that Close
                next(b for b in box.buttons() if b.text() == "Back up to a folder or USB…").click()
            else:
                box.button(QMessageBox.StandardButton.Close).click()
        QTimer.singleShot(20, answer)

    def daily(on: date) -> None:
        window.today = on
        window.service.set_setting("last_daily_backup", "")  # due again
        task = backups.run_daily(window)
        qtbot.waitUntil(lambda: not task.running, timeout=10000)
        qtbot.wait(50)

    QTimer.singleShot(0, answer)
    try:
        daily(TODAY)  # two days without: the status line only
        assert "Không đủ chỗ trống" in window.statusBar().currentMessage() and not shown
        daily(TODAY + timedelta(days=1))  # three days: said, with why and what to do
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        assert shown[0].startswith("No backup of the data file could be made for 3 days.")
        assert "Không đủ chỗ trống" in shown[0] and "USB" in shown[0] and asked == ["usb"]
        daily(TODAY + timedelta(days=1))  # again the same day: not again
        assert len(shown) == 1
        daily(TODAY + timedelta(days=2))  # the next day: again
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
        assert "4 days" in shown[1] and asked == ["usb"]  # Close only closes
        monkeypatch.setattr(window.service, "backup", real)  # the officer backs up to a USB stick…
        window.today = TODAY + timedelta(days=3)
        job = backups.back_up(window, str(usb))
        qtbot.waitUntil(lambda: not job.running, timeout=10000)
        assert list(usb.rglob("*-usb.kstthc"))
        monkeypatch.setattr(window.service, "backup", full)
        daily(TODAY + timedelta(days=4))  # …so the next day's failure is a status line again
        assert len(shown) == 2 and window.service.days_without_backup(TODAY + timedelta(days=4)) == 1
    finally:
        watching[0] = False
