"""Start-up paths: first run creates nothing until the office is entered; a damaged file offers a backup."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kstthc_desktop import app
from kstthc_desktop.core.model import Office
from kstthc_desktop.ui import files, windows
from kstthc_desktop.ui.dialogs.office_setup import OfficeSetupDialog


@contextlib.contextmanager
def _restored_window(qtbot, old):  # noqa: ANN001, ANN202
    """The window a restore opens in place of ``old`` once the backup is in place; closed after use."""
    qtbot.waitUntil(lambda: not old.isVisible() and bool(windows.open_windows()), timeout=20000)
    new = windows.open_windows()[-1]
    qtbot.addWidget(new)
    try:
        yield new
    finally:
        new.service.close()
        windows.forget(new)


def test_first_run_cancelled_writes_nothing_and_says_so(qapp, tmp_path: Path, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(OfficeSetupDialog, "ask", classmethod(lambda cls, parent, office=None: asked.append(1)))
    said = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(button))
            return
        said.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, lambda: answer("Enter the office information"))  # once more…
    QTimer.singleShot(200, lambda: answer("Quit"))  # …then give up
    path = tmp_path / "data" / "van-phong.kstthc"
    assert app.first_run(path) is None
    assert len(asked) == 2 and len(said) == 2 and "not been created" in said[0]
    assert not path.exists()


def test_first_run_creates_the_office_file(qapp, tmp_path: Path, monkeypatch) -> None:
    office = Office(name="ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", place_name="An Bình", signatory_name="Nguyễn Văn A")
    monkeypatch.setattr(OfficeSetupDialog, "ask", classmethod(lambda cls, parent, o=None: office))
    path = tmp_path / "data" / "van-phong.kstthc"
    service = app.first_run(path)
    try:
        assert path.exists()
        assert service.office().name_lines == ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"]
        assert service.current_plan() is None  # the window shows the start page next
        assert not service.can_undo()
    finally:
        service.close()


def test_damaged_file_offers_the_newest_backup_and_restores_it(qapp, tmp_path: Path, monkeypatch) -> None:
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "van-phong.kstthc")
    with OfficeService.open(path) as svc:
        plan_title = svc.current_plan().title
        svc.backup(reason="hang-ngay")
    path.write_bytes(b"\x00" * 4096)  # the disk ate the file

    def press_restore() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_restore)
            return
        assert "không phải tệp dữ liệu" in box.text() or "hỏng" in box.text()
        restore = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
        restore.click()

    import threading

    threads: list[int] = []
    real = OfficeService.restore_backup

    def spy(backup, office_path, **kwargs):  # noqa: ANN001, ANN003, ANN202 - a year's documents: seconds
        threads.append(threading.get_ident())
        return real(backup, office_path, **kwargs)

    monkeypatch.setattr(OfficeService, "restore_backup", staticmethod(spy))
    QTimer.singleShot(0, press_restore)
    service = windows.open_service(path)
    try:
        assert service is not None
        assert threads and threads[0] != threading.get_ident()  # copied on a worker, its progress shown
        assert service.current_plan().title == plan_title
        assert service.check() == ""
    finally:
        service.close()
    kept = list(tmp_path.glob("van-phong-truoc-khoi-phuc-*.kstthc"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00" * 4096  # the damaged file is kept aside


def test_restore_from_backup_menu_reopens_with_the_backup(qtbot, tmp_path: Path, monkeypatch) -> None:
    from datetime import date

    from kstthc_desktop.core.model import Task
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "van-phong.kstthc", today=date(2026, 11, 25))
    svc = OfficeService.open(path)
    backup = svc.backup(reason="thu-cong")
    svc.add_task(Task(plan_id=svc.current_plan().id, content="Nhiệm vụ thêm sau khi sao lưu"))
    w = windows.show_main_window(svc, today=date(2026, 11, 25))
    qtbot.addWidget(w)
    windows.forget(w)
    before = w.table.model.task_count()
    monkeypatch.setattr(files, "ask_open", lambda *a, **k: str(backup))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.restore_from_backup()  # checked and copied on a worker, then a new window
    with _restored_window(qtbot, w) as new:
        assert new.table.model.task_count() == before - 1
        assert "Nhiệm vụ thêm sau khi sao lưu" not in {t.content for t in new.service.tasks(new.service.current_plan().id)}
        kept = list(tmp_path.glob("van-phong-truoc-khoi-phuc-*.kstthc"))
        assert len(kept) == 1  # the replaced data is kept aside


def test_restoring_checks_and_copies_on_a_worker_and_a_damaged_backup_changes_nothing(qtbot, tmp_path: Path,
                                                                                      monkeypatch) -> None:
    """A year's documents make a backup of a gigabyte: checking it and copying it take seconds, on
    a worker, while the window takes no input; a damaged backup is said so and nothing is touched."""
    import threading
    from datetime import date

    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "van-phong.kstthc", today=date(2026, 11, 25))
    svc = OfficeService.open(path)
    good = svc.backup(reason="thu-cong")
    bad = good.with_name(good.name.replace("thu-cong", "hong"))
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])  # cut short, as on a pulled USB stick
    w = windows.show_main_window(svc, today=date(2026, 11, 25))
    qtbot.addWidget(w)
    windows.forget(w)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    job = windows.restore_into_new_window(w, bad)
    assert not w.isEnabled()  # no input reaches the file while its backup is checked
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    assert said and "hỏng" in said[0] and w.isEnabled() and w.isVisible()
    assert svc.check() == "" and svc.current_plan() is not None  # the open file is untouched and still open

    threads: list[int] = []
    real = OfficeService.restore_backup

    def spy(backup, office_path, **kwargs):  # noqa: ANN001, ANN003, ANN202
        threads.append(threading.get_ident())
        return real(backup, office_path, **kwargs)

    monkeypatch.setattr(OfficeService, "restore_backup", staticmethod(spy))
    windows.restore_into_new_window(w, good)
    with _restored_window(qtbot, w) as new:
        assert threads and threads[0] != threading.get_ident()
        assert new.service.check() == ""


def test_restoring_waits_for_the_windows_jobs_that_read_the_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The daily backup or a check may still be reading the file on a worker, through a connection
    of its own: on Windows a file held open cannot be replaced. They are stopped first, and the
    backup is put in place only once they have let go."""
    import time
    from datetime import date

    from kstthc_desktop.core.errors import Cancelled
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo
    from kstthc_desktop.storage.office_file import OfficeFile
    from kstthc_desktop.ui.tasks import BackgroundTask

    path = create_demo(tmp_path / "van-phong.kstthc", today=date(2026, 11, 25))
    svc = OfficeService.open(path)
    good = svc.backup(reason="thu-cong")
    w = windows.show_main_window(svc, today=date(2026, 11, 25))
    qtbot.addWidget(w)
    windows.forget(w)
    events: list[str] = []

    def reading(progress) -> None:  # noqa: ANN001 - a quiet job holding a connection until cancelled
        conn = OfficeFile.read_only_connection(path)
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM tasks").fetchone()
            for _ in range(2000):
                progress.report(0, 0)
                time.sleep(0.01)
        except Cancelled:
            time.sleep(0.2)  # letting go takes a moment
            raise
        finally:
            conn.close()
            events.append("job let go")

    job = BackgroundTask(w, "quiet", reading, delay_ms=24 * 3600 * 1000)
    job.start()
    real = OfficeService.restore_backup

    def restore(backup, office_path, **kwargs):  # noqa: ANN001, ANN003, ANN202
        events.append("replaced")
        return real(backup, office_path, **kwargs)

    monkeypatch.setattr(OfficeService, "restore_backup", staticmethod(restore))
    windows.restore_into_new_window(w, good)
    with _restored_window(qtbot, w):
        assert events == ["job let go", "replaced"]


def test_a_damaged_backup_is_refused_before_anything_is_replaced(qapp, tmp_path: Path) -> None:
    from kstthc_desktop.services import OfficeService

    bad = tmp_path / "hong.kstthc"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert OfficeService.check_backup(bad)
    other = tmp_path / "khac.kstthc"
    import sqlite3

    c = sqlite3.connect(other)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    assert "không phải bản sao lưu" in OfficeService.check_backup(other)


def _visible_progress(window, title: str):  # noqa: ANN001, ANN202
    from PySide6.QtWidgets import QProgressDialog

    return next((d for d in window.findChildren(QProgressDialog) if d.isVisible() and d.windowTitle() == title), None)


def test_cancel_while_the_backup_is_checked_restores_nothing_and_the_copy_cannot_be_cancelled(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    """Checking a year's backup takes seconds and shows a progress dialog: its Cancel button leaves
    the office file as it was and the window usable. Once the file is being replaced there is no
    Cancel button: a half-restored file is not a state to stop in."""
    import threading
    from datetime import date

    from PySide6.QtWidgets import QPushButton

    from kstthc_desktop.core.model import Task
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "van-phong.kstthc", today=date(2026, 11, 25))
    svc = OfficeService.open(path)
    backup = svc.backup(reason="thu-cong")
    svc.add_task(Task(plan_id=svc.current_plan().id, content="Nhiệm vụ thêm sau khi sao lưu"))
    w = windows.show_main_window(svc, today=date(2026, 11, 25))
    qtbot.addWidget(w)
    windows.forget(w)
    before = w.table.model.task_count()
    release = threading.Event()
    real_check = OfficeService.check_backup

    def slow_check(path, progress=None):  # noqa: ANN001, ANN202 - a gigabyte being read
        answer = real_check(path, progress)
        assert release.wait(20)
        return answer  # (SQLite asked for the Cancel before this: the answer comes after it)

    monkeypatch.setattr(OfficeService, "check_backup", staticmethod(slow_check))
    monkeypatch.setattr(files, "ask_open", lambda *a, **k: str(backup))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.restore_from_backup()
    qtbot.waitUntil(lambda: _visible_progress(w, "Checking the backup…") is not None, timeout=10000)
    shown = _visible_progress(w, "Checking the backup…")
    next(b for b in shown.findChildren(QPushButton) if b.text() == "Cancel").click()
    release.set()  # the check's answer comes after the click: it is not acted on
    qtbot.waitUntil(lambda: w.isEnabled(), timeout=20000)
    assert w.statusBar().currentMessage() == "Restore cancelled: the office file is unchanged."
    assert w.isVisible() and not windows.open_windows()
    assert w.service.check() == "" and w.table.model.task_count() == before  # still open, still as it was
    assert not list(tmp_path.glob("van-phong-truoc-khoi-phuc-*.kstthc"))

    held = threading.Event()
    real_restore = OfficeService.restore_backup

    def slow_restore(backup, office_path, **kwargs):  # noqa: ANN001, ANN003, ANN202
        assert held.wait(20)
        return real_restore(backup, office_path, **kwargs)

    monkeypatch.setattr(OfficeService, "check_backup", staticmethod(real_check))
    monkeypatch.setattr(OfficeService, "restore_backup", staticmethod(slow_restore))
    w.restore_from_backup()
    qtbot.waitUntil(lambda: _visible_progress(w, "Restoring the backup…") is not None, timeout=10000)
    copying = _visible_progress(w, "Restoring the backup…")
    assert not [b for b in copying.findChildren(QPushButton) if b.isVisible()]
    held.set()
    with _restored_window(qtbot, w) as new:
        assert new.table.model.task_count() == before - 1


def test_checking_a_backup_stops_at_once_when_cancelled(tmp_path: Path) -> None:
    """Cancel is honoured by the check itself: SQLite asks whether to go on while it checks (from
    SQLite 3.43, the Windows build's, also inside its walk of each table; 3.40 here asks after it)."""
    import pytest

    from kstthc_desktop.core.errors import Cancelled
    from kstthc_desktop.core.progress import FlagProgress
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "van-phong.kstthc")
    progress = FlagProgress()
    assert OfficeService.check_backup(path, progress) == ""
    progress.cancel()
    with pytest.raises(Cancelled):
        OfficeService.check_backup(path, progress)

    class PressedDuringTheCheck:  # Cancel pressed; the reports raise nothing: only SQLite can stop
        cancelled = True

        def report(self, done: int, total: int, message: str = "") -> None:
            pass

    with pytest.raises(Cancelled):
        OfficeService.check_backup(path, PressedDuringTheCheck())


def test_the_backup_before_an_upgrade_is_taken_on_a_worker_with_its_progress(qtbot, tmp_path: Path,
                                                                            monkeypatch) -> None:
    """The first open by a newer version upgrades the file's format after a full copy of it: a year's
    documents take seconds (minutes on an old disk) before any window shows, so the copy runs on a
    worker behind a progress dialog. One copy, of the file as it was; a disk too full for it leaves
    the file as it was and says so."""
    import sqlite3
    import threading

    from PySide6.QtWidgets import QProgressDialog

    from kstthc_desktop.core.errors import OfficeFileFull
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo
    from kstthc_desktop.storage import backup as backup_store
    from kstthc_desktop.storage import migrations

    path = create_demo(tmp_path / "van-phong.kstthc")
    old_version = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, ["CREATE TABLE next_release (id INTEGER)"]])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.STEPS))
    assert OfficeService.upgrade_due(path) and not OfficeService.upgrade_due(tmp_path / "none.kstthc")

    def full(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OfficeFileFull("Không đủ chỗ trống để sao lưu.", "Hãy giải phóng ổ đĩa.")

    said: list[str] = []
    watching = [True]

    def close_the_message() -> None:
        if not watching[0]:
            return
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close_the_message)
            return
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Close).click()

    monkeypatch.setattr(backup_store, "make_backup", full)
    QTimer.singleShot(0, close_the_message)
    assert windows.open_service(path) is None
    assert "Không đủ chỗ trống" in said[0]
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == old_version  # not upgraded
    check.close()
    monkeypatch.undo()  # (the real backup, and this version's format again…)
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, ["CREATE TABLE next_release (id INTEGER)"]])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.STEPS))

    release, seen = threading.Event(), {}
    real = backup_store.make_backup

    def slow(conn, office_path, folder, reason="thu-cong", now=None, progress=None):  # noqa: ANN001, ANN202
        seen["thread"], seen["reason"] = threading.get_ident(), reason
        assert release.wait(20)
        return real(conn, office_path, folder, reason, now, progress)

    monkeypatch.setattr(backup_store, "make_backup", slow)

    def look_then_release() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, look_then_release)
            return
        seen["title"] = shown[0].windowTitle()
        release.set()

    QTimer.singleShot(0, look_then_release)
    said.clear()
    QTimer.singleShot(0, close_the_message)  # (a message now, "the file is in use" say, fails the test)
    service = windows.open_service(path)
    watching[0] = False
    try:
        assert not said
        assert service is not None and service.current_plan() is not None
        assert seen["title"] == "Backing up before the upgrade…"
        assert seen["thread"] != threading.get_ident() and seen["reason"] == f"truoc-nang-cap-v{old_version}"
        assert service.file.conn.execute("PRAGMA user_version").fetchone()[0] == old_version + 1
    finally:
        service.close()
    copies = list(backup_store.default_backup_dir(path).glob("*.kstthc"))
    assert [c.name.endswith(f"truoc-nang-cap-v{old_version}.kstthc") for c in copies] == [True]  # one copy
    old = sqlite3.connect(copies[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == old_version  # the file as it was
    old.close()
