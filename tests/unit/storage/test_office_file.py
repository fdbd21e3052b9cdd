"""The office file: creation, pragmas, refusal of bad or foreign files, locking, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import OfficeFileCorrupt, OfficeFileError, OfficeFileLocked, OfficeFileTooNew
from kstthc_desktop.storage import migrations
from kstthc_desktop.storage.office_file import OfficeFile


def test_create_sets_wal_full_sync_and_foreign_keys(office_path: Path) -> None:
    f = OfficeFile.open(office_path, create=True)
    try:
        c = f.conn
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert c.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
        assert c.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
        assert f.quick_check() == ""
    finally:
        f.close()


def test_missing_file_is_not_created_without_asking(office_path: Path) -> None:
    with pytest.raises(OfficeFileError) as err:
        OfficeFile.open(office_path)
    assert "Không tìm thấy" in err.value.message
    assert not office_path.exists()


def test_second_open_of_same_file_is_refused(office_path: Path) -> None:
    first = OfficeFile.open(office_path, create=True)
    try:
        with pytest.raises(OfficeFileLocked) as err:
            OfficeFile.open(office_path)
        assert "đang được mở" in err.value.message
    finally:
        first.close()
    OfficeFile.open(office_path).close()  # free again once closed


@pytest.mark.parametrize("content", [b"PK\x03\x04 this is a zip, not a database", b"hello world" * 100])
def test_non_sqlite_file_is_refused_and_left_untouched(office_path: Path, content: bytes) -> None:
    office_path.write_bytes(content)
    with pytest.raises(OfficeFileCorrupt):
        OfficeFile.open(office_path)
    assert office_path.read_bytes() == content


def test_foreign_sqlite_database_is_refused(office_path: Path) -> None:
    conn = sqlite3.connect(office_path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = office_path.read_bytes()
    with pytest.raises(OfficeFileCorrupt) as err:
        OfficeFile.open(office_path)
    assert "không phải tệp dữ liệu KSTTHC" in err.value.message
    assert office_path.read_bytes() == before


def test_file_from_newer_program_is_refused_untouched(office_path: Path) -> None:
    OfficeFile.open(office_path, create=True).close()
    conn = sqlite3.connect(office_path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = office_path.read_bytes()
    with pytest.raises(OfficeFileTooNew) as err:
        OfficeFile.open(office_path)
    assert "phiên bản mới hơn" in err.value.message
    assert office_path.read_bytes() == before


def test_truncated_file_is_reported_as_damaged(office_path: Path, tmp_path: Path) -> None:
    from kstthc_desktop.services.demo import create_demo

    create_demo(office_path)
    data = office_path.read_bytes()
    broken = tmp_path / "broken.kstthc"
    broken.write_bytes(data[: len(data) // 3] + b"\x00" * 100)
    with pytest.raises(OfficeFileCorrupt):
        f = OfficeFile.open(broken)
        f.close()


def test_transaction_rolls_back_everything_on_error(office_path: Path) -> None:
    f = OfficeFile.open(office_path, create=True)
    try:
        with pytest.raises(RuntimeError), f.transaction() as c:
            c.execute("INSERT INTO plans (year, title) VALUES (2026, 'a')")
            raise RuntimeError("boom")
        assert f.conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 0
    finally:
        f.close()


def test_migration_from_older_version_backs_up_first(office_path: Path, tmp_path: Path, monkeypatch) -> None:
    OfficeFile.open(office_path, create=True).close()
    extra = ["CREATE TABLE extra_for_test (id INTEGER PRIMARY KEY)"]
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, extra])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.STEPS))
    backups = tmp_path / "bk"
    f = OfficeFile.open(office_path, backup_dir=backups)
    try:
        assert f.conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.STEPS)
        assert f.conn.execute("SELECT count(*) FROM extra_for_test").fetchone()[0] == 0
    finally:
        f.close()
    saved = list(backups.rglob("*.kstthc"))
    assert len(saved) == 1
    old = sqlite3.connect(saved[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == len(migrations.STEPS) - 1
    old.close()


def test_the_backup_before_an_upgrade_holds_the_file_until_it_is_opened(office_path: Path, tmp_path: Path,
                                                                        monkeypatch) -> None:
    """Taken before the open (so a window can show its progress), the copy is made holding the
    file's lock, handed to the open: a second start of the program meanwhile neither opens nor
    copies it. A held lock is let go when the open fails."""
    OfficeFile.open(office_path, create=True).close()
    other = OfficeFile.open(office_path)  # another start of the program has the file
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, ["CREATE TABLE next_release (id INTEGER)"]])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.STEPS))
    backups = tmp_path / "bk"
    try:
        assert OfficeFile.upgrade_due(office_path) == len(migrations.STEPS) - 1
        with pytest.raises(OfficeFileLocked):
            OfficeFile.backup_before_upgrade(office_path, backups, wait=0.1)
        assert not list(backups.glob("*.kstthc"))
    finally:
        other.close()
    held = OfficeFile.backup_before_upgrade(office_path, backups)
    assert len(list(backups.glob("*-truoc-nang-cap-v*.kstthc"))) == 1
    with pytest.raises(OfficeFileLocked):  # held from the copy to the open
        OfficeFile.open(office_path, wait=0.1)
    f = OfficeFile.open(office_path, held=held)
    try:
        assert f.conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.STEPS)
        assert OfficeFile.upgrade_due(office_path) == 0
    finally:
        f.close()
    assert OfficeFile.backup_before_upgrade(office_path, backups) is None  # nothing due: nothing held
    OfficeFile.open(office_path).close()
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, ["CREATE TABLE after_that (id INTEGER)"]])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.STEPS))
    held = OfficeFile.backup_before_upgrade(office_path, backups)
    with pytest.raises(OfficeFileError):
        OfficeFile.open(tmp_path, held=held)  # a failed open (here: a folder) lets the lock go
    OfficeFile.open(office_path).close()


def test_a_first_release_file_keeps_its_data_through_the_migration(office_path: Path, tmp_path: Path) -> None:
    """A file written by the first release (schema 1) opens with every row intact and the new
    plan/task fields at their defaults."""
    conn = sqlite3.connect(office_path)
    for statement in migrations.STEPS[0]:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO plans (id, year, title, number) VALUES (1, 2026, 'Kế hoạch KSTTHC', '05/KH-UBND')")
    conn.execute("INSERT INTO tasks (id, plan_id, number, content) VALUES (7, 1, '1', 'Rà soát TTHC')")
    conn.commit()
    conn.close()
    from kstthc_desktop.core.model import PlanKind
    from kstthc_desktop.storage.repository import Repository

    f = OfficeFile.open(office_path, backup_dir=tmp_path / "bk")
    try:
        repo = Repository(f.conn)
        plan = repo.plan(1)
        assert (plan.title, plan.number, plan.kind, plan.source_number) == (
            "Kế hoạch KSTTHC", "05/KH-UBND", PlanKind.OWN, "")
        task = repo.task(7)
        assert (task.content, task.topic, task.overdue_cause) == ("Rà soát TTHC", "", "")
    finally:
        f.close()


def test_insert_or_replace_cannot_swap_an_issued_report(office_path: Path) -> None:
    """REPLACE deletes the old row without firing DELETE triggers: a BEFORE INSERT trigger guards it."""
    from kstthc_desktop.core.model import Report
    from kstthc_desktop.storage.repository import Repository

    f = OfficeFile.open(office_path, create=True)
    try:
        with f.transaction() as c:
            c.execute("INSERT INTO plans (id, year) VALUES (1, 2026)")
            rid = Repository(c).insert_issued_report(
                Report(plan_id=1, period="2026-Q1", issued=True, pdf_sha256="ab"), b"%PDF")
        for verb in ("INSERT OR REPLACE", "REPLACE"):
            with pytest.raises(sqlite3.IntegrityError, match="frozen"):
                f.conn.execute(f"{verb} INTO reports (id, plan_id, period, issued) VALUES (?, 1, '2026-Q2', 0)",
                               (rid,))
        row = f.conn.execute("SELECT period, issued, pdf FROM reports WHERE id = ?", (rid,)).fetchone()
        assert (row[0], row[1], bytes(row[2])) == ("2026-Q1", 1, b"%PDF")
    finally:
        f.close()


def test_issued_report_cannot_be_altered_or_deleted_even_with_raw_sql(office_path: Path) -> None:
    from kstthc_desktop.core.model import Report
    from kstthc_desktop.storage.repository import Repository

    f = OfficeFile.open(office_path, create=True)
    try:
        with f.transaction() as c:
            c.execute("INSERT INTO plans (year, title) VALUES (2026, 'KH')")
            rid = Repository(c).insert_issued_report(
                Report(plan_id=1, period="2026-Q1", number="05", issued=True, pdf_sha256="x"), b"%PDF-frozen")
        for sql in ("UPDATE reports SET number = '06' WHERE id = ?", "UPDATE reports SET pdf = x'00' WHERE id = ?",
                    "DELETE FROM reports WHERE id = ?"):
            with pytest.raises(sqlite3.IntegrityError, match="frozen"), f.transaction() as c:
                c.execute(sql, (rid,))
        assert tuple(f.conn.execute("SELECT number, pdf FROM reports").fetchone()) == ("05", b"%PDF-frozen")
    finally:
        f.close()


def test_newest_good_backup_skips_a_damaged_copy(office_path: Path, tmp_path: Path) -> None:
    import time

    from kstthc_desktop.storage.backup import make_backup, newest_good_backup

    f = OfficeFile.open(office_path, create=True)
    folder = tmp_path / "bk"
    try:
        good = make_backup(f.conn, office_path, folder, "hang-ngay")
        time.sleep(0.01)
        bad = make_backup(f.conn, office_path, folder, "hang-ngay")
    finally:
        f.close()
    bad.write_bytes(bad.read_bytes()[:1000])  # truncated on a failing USB stick
    assert newest_good_backup(folder, office_path.stem) == good


def test_paths_with_vietnamese_spaces_and_uri_characters(tmp_path: Path) -> None:
    """'Tài liệu #1 (50%)' is a real folder name: every connection kind must cope with it."""
    from kstthc_desktop.services.demo import create_demo
    from kstthc_desktop.storage.backup import check_backup, make_backup

    folder = tmp_path / "Tài liệu #1 (50%) ?x"
    folder.mkdir()
    path = create_demo(folder / "văn phòng xã.kstthc")
    f = OfficeFile.open(path)
    try:
        ro = OfficeFile.read_only_connection(path)
        assert ro.execute("SELECT count(*) FROM tasks").fetchone()[0] == 47
        ro.close()
        backup = make_backup(f.conn, path, folder / "sao lưu", "thu-cong")
        assert check_backup(backup) == ""
    finally:
        f.close()


MIDDLE = b"TRANG-GIUA-TAI-LIEU-" * 8  # lies on an overflow page of the stored document


def _office_with_a_document(path: Path) -> None:
    import os

    from kstthc_desktop.core.model import Office, Plan, Task
    from kstthc_desktop.services import OfficeService

    with OfficeService.open(path, create=True) as svc:
        svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", place_name="An Bình"))
        svc.create_plan(Plan(year=2026, title="Kế hoạch"))
        plan_id = svc.current_plan().id
        svc.add_task(Task(plan_id=plan_id, content="Rà soát thủ tục hành chính"))
        doc = path.with_name("bien-ban.pdf")
        doc.write_bytes(os.urandom(1 << 20) + MIDDLE + os.urandom(1 << 20))
        svc.add_evidence(svc.tasks(plan_id)[0].id, doc)


def _page_size(data: bytes | bytearray) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def test_the_check_at_open_leaves_the_documents_to_the_checks_made_after_it(tmp_path: Path) -> None:
    """A year's documents (a gigabyte is common) are not read at every start (0.2 s in the disk
    cache, seconds from a cold disk): damage inside a stored document lets the file open, and the
    cheap check the window runs right after (``check_file(full=False)``) names it."""
    from kstthc_desktop.services import OfficeService

    path = tmp_path / "van-phong.kstthc"
    _office_with_a_document(path)
    data = bytearray(path.read_bytes())
    at = data.find(MIDDLE) // _page_size(data) * _page_size(data)
    data[at:at + 4] = (0xFFFFFF).to_bytes(4, "big")  # the overflow page's link to the next one
    path.write_bytes(bytes(data))
    with OfficeService.open(path) as svc:
        assert svc.tasks(svc.current_plan().id)[0].content == "Rà soát thủ tục hành chính"
        report = svc.check_file(full=False)
    assert not report.ok and "invalid page number" in report.summary()


def _break_table(path: Path, table: str) -> None:
    """Make the first page of ``table`` no b-tree page any more (a damage only a check can see)."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * _page_size(data)] = 0xFF
    path.write_bytes(bytes(data))


def test_damage_in_the_records_is_refused_at_open(tmp_path: Path) -> None:
    """The records are checked table by table before anything is written: the office's header
    lines (no link to another table, so only the check itself can see the damage)."""
    path = tmp_path / "van-phong.kstthc"
    _office_with_a_document(path)
    _break_table(path, "office")
    before = path.read_bytes()
    with pytest.raises(OfficeFileCorrupt) as err:
        OfficeFile.open(path)
    assert "bị hỏng" in err.value.message
    assert path.read_bytes() == before


def test_the_check_at_open_leaves_the_search_copy_to_the_check_made_after_it(tmp_path: Path) -> None:
    """The search tables are the records' text copied by triggers, with its full-text index: damage
    there lets the file open (the records are sound), and the check the window runs right after it
    names the damage (``check_file(full=False)``; the index check re-derives the copy)."""
    from kstthc_desktop.services import OfficeService

    path = tmp_path / "van-phong.kstthc"
    _office_with_a_document(path)
    _break_table(path, "search_tasks")
    with OfficeService.open(path) as svc:
        assert svc.tasks(svc.current_plan().id)[0].content == "Rà soát thủ tục hành chính"
        report = svc.check_file(full=False)
    assert not report.ok and "malformed" in report.summary()
