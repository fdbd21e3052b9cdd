"""The window checks the file: cheap part on open, full check weekly (quietly) or from the menu,
and offers the newest backup that does not have what it found."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from kstthc_desktop.ui import health, windows
from kstthc_desktop.ui.main_window import MainWindow

TODAY = date(2026, 11, 25)
MARK = b"BIEN-BAN-" + bytes(range(256)) * 16


def _office(tmp_path: Path) -> Path:
    path = create_demo(tmp_path / "van-phong.kstthc", today=TODAY)
    doc = tmp_path / "Bien ban kiem tra.pdf"
    doc.write_bytes(b"%PDF-1.4\n" + MARK)
    with OfficeService.open(path) as svc:
        svc.add_evidence(13, doc)
        svc.backup(reason="hang-ngay")  # a good copy from before the damage
    return path


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[data.find(MARK[:200]) + 50] ^= 0xFF
    path.write_bytes(bytes(data))


def _answer(button_text: str, seen: dict) -> None:
    """Wait for the check's message box, remember what it says, press ``button_text``."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _answer(button_text, seen))
        return
    seen["text"], seen["info"] = box.text(), box.informativeText()
    next(b for b in box.buttons() if b.text() == button_text).click()


def _menu_action(window: MainWindow, text: str):  # noqa: ANN202
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == text)


def test_the_check_menu_finds_a_damaged_document_and_restores_the_backup_without_it(qtbot, tmp_path: Path) -> None:
    path = _office(tmp_path)
    _damage(path)
    w = windows.show_main_window(OfficeService.open(path), today=TODAY)
    qtbot.addWidget(w)
    windows.forget(w)
    seen: dict = {}
    QTimer.singleShot(0, lambda: _answer("Restore that backup", seen))
    _menu_action(w, "C&heck the data file…").trigger()
    qtbot.waitUntil(lambda: bool(windows.open_windows()), timeout=20000)
    new = windows.open_windows()[-1]
    qtbot.addWidget(new)
    try:
        assert "problems" in seen["text"] and "Bien ban kiem tra.pdf" in seen["info"]
        assert "van-phong-" in seen["info"] and "hang-ngay" in seen["info"]  # names the backup it offers
        assert new.service.check() == ""
    finally:
        new.service.close()
        windows.forget(new)
    assert len(list(tmp_path.glob("van-phong-truoc-khoi-phuc-*.kstthc"))) == 1  # the damaged file kept aside


def test_closing_the_offer_changes_nothing(qtbot, tmp_path: Path) -> None:
    path = _office(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER reports_issued_no_replace")
    conn.commit()
    conn.close()
    svc = OfficeService.open(path)
    w = MainWindow(svc, today=TODAY)
    qtbot.addWidget(w)
    seen: dict = {}
    QTimer.singleShot(0, lambda: _answer("Close", seen))
    health.on_open(w)  # the cheap part (on a worker) finds the missing trigger
    qtbot.waitUntil(lambda: "info" in seen, timeout=20000)
    assert "reports_issued_no_replace" in seen["info"]
    assert w.service is svc and "reports_issued_no_replace" in svc.check_file(full=False).summary()
    svc.close()


def test_the_weekly_full_check_runs_quietly_once_a_week(qtbot, tmp_path: Path) -> None:
    path = _office(tmp_path)
    svc = OfficeService.open(path)
    w = MainWindow(svc, today=TODAY)
    qtbot.addWidget(w)
    assert svc.full_check_due(TODAY)
    health.on_open(w)
    qtbot.waitUntil(lambda: not svc.full_check_due(TODAY), timeout=20000)
    assert QApplication.activeModalWidget() is None  # healthy: nothing to say, no dialog
    assert svc.setting("last_full_check") == TODAY.isoformat()
    svc.close()


def test_the_asked_for_check_is_the_windows_work_until_its_answer_is_read(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The check from the menu holds the window (closing says 'please wait') until the officer has
    read its answer; the quiet weekly one never holds it."""
    import threading

    svc = OfficeService.open(_office(tmp_path))
    w = MainWindow(svc, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    release = threading.Event()
    real = svc.check_file

    def slow_check(full: bool = True, progress=None):  # noqa: ANN001, ANN202
        release.wait(20)
        return real(full=full, progress=progress)

    monkeypatch.setattr(svc, "check_file", slow_check)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    _menu_action(w, "C&heck the data file…").trigger()
    w.close()  # while it reads: refused, with a word
    assert w.isVisible() and said == ["Please wait: a task is still running."]
    release.set()
    qtbot.waitUntil(lambda: len(said) == 2, timeout=20000)  # the answer: the file is sound
    assert "sound" in said[1]
    w.close()
    assert not w.isVisible()

    w2 = MainWindow(svc, today=TODAY)
    qtbot.addWidget(w2)
    w2.show()
    release.clear()
    task = health.run_full_check(w2, quiet=True)
    w2.close()  # the weekly check is left to end by itself
    assert not w2.isVisible() and task.running
    release.set()
    qtbot.waitUntil(lambda: not task.running if shiboken_valid(task) else True, timeout=20000)
    svc.close()


def shiboken_valid(obj) -> bool:  # noqa: ANN001
    from shiboken6 import isValid

    return isValid(obj)


def test_the_check_after_start_up_reads_on_a_worker(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The cheap check reads the whole file's structure, documents included (a gigabyte of them
    takes 0.2 s in the disk cache, seconds from a cold disk): never on the GUI thread."""
    import threading

    svc = OfficeService.open(_office(tmp_path))
    w = MainWindow(svc, today=TODAY)
    qtbot.addWidget(w)
    threads: list[int] = []
    real = svc.check_file

    def spy(full: bool = True, progress=None):  # noqa: ANN001, ANN202
        threads.append(threading.get_ident())
        return real(full=full, progress=progress)

    monkeypatch.setattr(svc, "check_file", spy)
    health.on_open(w)
    qtbot.waitUntil(lambda: not svc.full_check_due(TODAY), timeout=20000)  # cheap, then the weekly full one
    assert len(threads) == 2 and threading.get_ident() not in threads
    svc.close()
