"""Backups: own folder, only this office's copies, verified before named, rotated by age, never
the officer's own copies, clean on a full disk, nothing stray left beside them."""

from __future__ import annotations

import errno
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import OfficeFileError, OfficeFileFull
from kstthc_desktop.services import OfficeService
from kstthc_desktop.storage import backup as bk
from kstthc_desktop.storage.office_file import OfficeFile

T0 = datetime(2026, 11, 25, 9, 30)


@pytest.fixture
def office(office_path: Path):
    f = OfficeFile.open(office_path, create=True)
    with f.transaction() as c:
        c.execute("INSERT INTO plans (year, title) VALUES (2026, 'KH')")
        c.execute("INSERT INTO tasks (plan_id, number, content) VALUES (1, '1', 'Rà soát')")
    yield f
    f.close()


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_backups_to_a_shared_folder_never_touch_another_offices_file(office, tmp_path: Path) -> None:
    """31 backups of 'ke-hoach' to a USB folder used to delete 'ke-hoach-2025.kstthc' there."""
    office_path = tmp_path / "ke-hoach.kstthc"
    f = OfficeFile.open(office_path, create=True)
    usb = tmp_path / "usb"
    usb.mkdir()
    other = usb / "ke-hoach-2025.kstthc"
    other.write_bytes(b"another office's file")
    (usb / "ke-hoach-saoluu").mkdir()
    stranger = usb / "ke-hoach-saoluu" / "ke-hoach-2025.kstthc"
    stranger.write_bytes(b"left here by hand")
    try:
        svc = OfficeService(f)
        for i in range(35):
            bk.make_backup(f.conn, office_path, bk.folder_for(office_path, usb), "hang-ngay",
                           now=T0 - timedelta(days=i))
        svc.backup(usb)  # the officer's own copy to the USB stick
    finally:
        f.close()
    assert other.read_bytes() == b"another office's file"
    assert stranger.read_bytes() == b"left here by hand"
    own = bk.list_backups(usb / "ke-hoach-saoluu", "ke-hoach")
    assert own and all(p.parent == usb / "ke-hoach-saoluu" for p in own)


def test_a_copy_that_fails_verification_never_gets_a_backup_name(office, office_path: Path, tmp_path: Path,
                                                                  monkeypatch) -> None:
    folder = tmp_path / "bk"
    real = bk._table_counts
    calls = {"n": 0}

    def lying(conn):  # noqa: ANN001 - the copy loses a row
        calls["n"] += 1
        counts = real(conn)
        if calls["n"] == 2:
            counts["tasks"] -= 1
        return counts

    monkeypatch.setattr(bk, "_table_counts", lying)
    with pytest.raises(OfficeFileError):
        bk.make_backup(office.conn, office_path, folder, "hang-ngay")
    assert _names(folder) == []


def test_a_backup_killed_half_way_is_not_counted_and_is_cleaned(office, office_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    good = bk.make_backup(office.conn, office_path, folder, "hang-ngay", now=T0)
    # what a SIGKILL during the copy leaves: a temp file and its journal, never a final name
    (folder / f".{office_path.stem}-20261125-100000-000-hang-ngay.kstthc.tmp").write_bytes(b"SQLite format 3\x00")
    (folder / f".{office_path.stem}-20261125-100000-000-hang-ngay.kstthc.tmp-journal").write_bytes(b"x")
    assert bk.list_backups(folder, office_path.stem) == [good]
    newer = bk.make_backup(office.conn, office_path, folder, "hang-ngay", now=T0 + timedelta(hours=1))
    assert _names(folder) == sorted([good.name, newer.name])


def test_broken_backups_are_deleted_and_never_push_out_a_good_one(office, office_path: Path,
                                                                 tmp_path: Path) -> None:
    """29 broken copies and 1 good one: the good one stays, the broken ones go."""
    folder = tmp_path / "bk"
    good = bk.make_backup(office.conn, office_path, folder, "hang-ngay", now=T0 - timedelta(days=60))
    data = good.read_bytes()
    for i in range(29):
        when = T0 - timedelta(days=59 - i)
        (folder / f"{office_path.stem}-{when:%Y%m%d-%H%M%S}-000-hang-ngay.kstthc").write_bytes(data[: len(data) // 2])
    assert bk.newest_good_backup(folder, office_path.stem) == good
    bk.rotate(folder, office_path.stem)
    assert bk.list_backups(folder, office_path.stem) == [good]


def test_rotation_keeps_age_buckets_and_the_officers_own_copies(office, office_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    manual = [bk.make_backup(office.conn, office_path, folder, "thu-cong", now=T0 - timedelta(days=400 + i))
              for i in range(3)]
    sample = bk.make_backup(office.conn, office_path, tmp_path, "hang-ngay").read_bytes()
    for day in range(730, 0, -1):  # two years of daily copies (made quickly: rotation reads names)
        when = T0 - timedelta(days=day)
        (folder / f"{office_path.stem}-{when:%Y%m%d-%H%M%S}-000-hang-ngay.kstthc").write_bytes(sample)
    bk.make_backup(office.conn, office_path, folder, "hang-ngay", now=T0)  # today's copy rotates the rest
    infos = bk.backup_infos(folder, office_path.stem)
    auto = [i for i in infos if i.automatic]
    days = {i.taken.date() for i in auto}
    assert all((T0 - timedelta(days=d)).date() in days for d in range(7))  # one for each of the last 7 days
    weeks = {i.taken.isocalendar()[:2] for i in auto}
    assert len(weeks) >= 8
    months = {(i.taken.year, i.taken.month) for i in auto}
    assert len(months) == 12 and min(months) == (2025, 12)
    assert len(auto) <= bk.KEEP
    assert all(m.exists() for m in manual)  # copies the officer made are never rotated


def test_backups_are_listed_newest_first(office, office_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    made = [bk.make_backup(office.conn, office_path, folder, "thu-cong", now=T0 + timedelta(minutes=m))
            for m in (5, 1, 9, 3)]
    listed = bk.list_backups(folder, office_path.stem)
    assert listed[0] == made[2] and listed[-1] == made[1]
    assert bk.newest_good_backup(folder, office_path.stem) == made[2]


def test_nothing_stray_is_left_beside_backups(office, office_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    for i in range(30):
        bk.make_backup(office.conn, office_path, folder, "hang-ngay", now=T0 - timedelta(days=3 * i))
    assert bk.newest_good_backup(folder, office_path.stem)
    OfficeService.check_backup(bk.list_backups(folder, office_path.stem)[-1])
    assert all(n.endswith(".kstthc") for n in _names(folder)), _names(folder)


def test_a_backup_holds_exactly_what_the_file_holds(office, office_path: Path, tmp_path: Path) -> None:
    path = bk.make_backup(office.conn, office_path, tmp_path / "bk", "thu-cong")
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT content FROM tasks").fetchall() == [("Rà soát",)]
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no -wal/-shm when opened
    copy.close()
    assert bk.check_backup(path) == ""


def test_too_little_free_space_is_said_before_writing(office, office_path: Path, tmp_path: Path,
                                                     monkeypatch) -> None:
    import shutil

    monkeypatch.setattr(shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(10**9, 10**9 - 1000, 1000))
    with pytest.raises(OfficeFileFull) as err:
        bk.make_backup(office.conn, office_path, tmp_path / "bk", "hang-ngay")
    assert "Không đủ chỗ trống" in err.value.message and "MB" in err.value.message
    assert _names(tmp_path / "bk") == []


def test_old_automatic_copies_make_room_for_a_new_one_on_a_full_disk(office, office_path: Path, tmp_path: Path,
                                                                      monkeypatch) -> None:
    """A year of documents makes each copy as big as the file: when the disk has no room left for
    the next one, this office's oldest automatic copies go (never the newest sound one, never the
    officer's own), instead of the backup being refused and with it the import or the report's
    issue that needs it. When they would not be enough, none is deleted."""
    import shutil

    folder = tmp_path / "bk"
    mine = bk.make_backup(office.conn, office_path, folder, "thu-cong", now=T0 - timedelta(days=90))
    auto = [bk.make_backup(office.conn, office_path, folder, "hang-ngay", now=T0 - timedelta(days=d))
            for d in (60, 30, 10, 2)]  # oldest first
    size = auto[0].stat().st_size
    needed = size + size // 20 + bk._MARGIN
    free = {"bytes": needed - size}  # one old copy short of room
    real_unlink = Path.unlink

    def unlink(path: Path, missing_ok: bool = False) -> None:  # the disk gets back what is deleted
        if path.exists():
            free["bytes"] += path.stat().st_size
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(10**9, 10**9 - free["bytes"],
                                                                                free["bytes"]))
    made = bk.make_backup(office.conn, office_path, folder, "truoc-ban-hanh-bao-cao", now=T0)
    left = bk.list_backups(folder, office_path.stem)
    assert made in left and mine in left and auto[-1] in left  # the new copy, the officer's, the newest
    assert not auto[0].exists() and auto[1].exists()  # the oldest automatic copy, and only it, made room

    other = tmp_path / "bk2"  # one old automatic copy would not be enough, and the newest never goes
    free["bytes"] = 10**9
    bk.make_backup(office.conn, office_path, other, "thu-cong", now=T0 - timedelta(days=9))
    bk.make_backup(office.conn, office_path, other, "hang-ngay", now=T0 - timedelta(days=5))
    bk.make_backup(office.conn, office_path, other, "hang-ngay", now=T0 - timedelta(days=1))
    free["bytes"] = needed - size - 1
    before = _names(other)
    with pytest.raises(OfficeFileFull):
        bk.make_backup(office.conn, office_path, other, "hang-ngay", now=T0)
    assert _names(other) == before


def test_automatic_copies_leave_the_disk_its_free_space(office, office_path: Path, tmp_path: Path,
                                                       monkeypatch) -> None:
    """Kept by age, automatic copies may number 30, each as big as a file with a year's documents:
    once the disk's free space falls under 5 GB (a tenth of a small disk), the oldest of them go until
    it is back (never the newest sound one, never the officer's). When the disk is full of other
    things and they could not give it back, none goes."""
    import shutil

    folder = tmp_path / "bk"
    total, other = 10**11, {"bytes": 0}  # a 100 GB disk, the rest of it used by other programs

    def usage(_path):  # noqa: ANN001, ANN202 - a disk whose free space follows what the folder holds
        used = other["bytes"] + sum(p.stat().st_size for p in folder.glob("*") if p.is_file())
        return shutil._ntuple_diskusage(total, used, total - used)

    monkeypatch.setattr(shutil, "disk_usage", usage)
    mine = bk.make_backup(office.conn, office_path, folder, "thu-cong", now=T0 - timedelta(days=90))
    auto = [bk.make_backup(office.conn, office_path, folder, "hang-ngay", now=T0 - timedelta(days=d))
            for d in (60, 30, 10, 2)]  # oldest first; plenty of room: all kept
    assert all(p.exists() for p in (mine, *auto))
    size = auto[0].stat().st_size
    floor = 5 * 1024**3
    assert bk.free_space_floor(total) == floor and bk.free_space_floor(8 * 1024**3) == 8 * 1024**3 // 10
    other["bytes"] = total - floor - 6 * size + size * 3 // 2  # with the next copy: 1.5 copies under
    made = bk.make_backup(office.conn, office_path, folder, "truoc-nhap-ke-hoach", now=T0)
    assert not auto[0].exists() and not auto[1].exists()  # the two oldest automatic copies went
    assert all(p.exists() for p in (mine, auto[2], auto[3], made))
    assert usage(folder).free >= floor

    other["bytes"] += 100 * size  # full of other things: the copies left could not give it back
    before = _names(folder)
    newer = bk.make_backup(office.conn, office_path, folder, "hang-ngay", now=T0 + timedelta(hours=1))
    assert _names(folder) == sorted([*before, newer.name])


def test_a_disk_that_fills_during_the_copy_leaves_nothing(office, office_path: Path, tmp_path: Path,
                                                         monkeypatch) -> None:
    def full(conn, tmp, *_progress):  # noqa: ANN001, ANN002
        tmp.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(bk, "_write_verified", full)
    with pytest.raises(OfficeFileFull):
        bk.make_backup(office.conn, office_path, tmp_path / "bk", "hang-ngay")
    assert _names(tmp_path / "bk") == []
    monkeypatch.setattr(bk, "_write_verified", lambda c, t, *_: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(OfficeFileFull):
        bk.make_backup(office.conn, office_path, tmp_path / "bk", "hang-ngay")
    assert _names(tmp_path / "bk") == []


def test_restore_keeps_the_current_file_aside_and_refuses_a_broken_backup(office_path: Path,
                                                                          tmp_path: Path) -> None:
    from kstthc_desktop.core.model import Plan

    svc = OfficeService.open(office_path, create=True)
    svc.create_plan(Plan(year=2026, title="Trước"))
    before = svc.backup()
    svc.create_plan(Plan(year=2027, title="Sau"))
    svc.close()
    broken = tmp_path / "broken.kstthc"
    broken.write_bytes(before.read_bytes()[:2000])
    with pytest.raises(OfficeFileError):
        OfficeService.restore_backup(broken, office_path)
    aside = OfficeService.restore_backup(before, office_path)
    with OfficeService.open(office_path) as svc:
        assert [p.title for p in svc.plans()] == ["Trước"]
    with OfficeService.open(aside) as svc:  # nothing lost: the replaced data is kept beside it
        assert sorted(p.title for p in svc.plans()) == ["Sau", "Trước"]


def test_restore_waits_for_and_refuses_a_file_still_open(office_path: Path) -> None:
    from kstthc_desktop.core.errors import OfficeFileLocked

    svc = OfficeService.open(office_path, create=True)
    try:
        b = svc.backup()
        with pytest.raises(OfficeFileLocked):
            bk.restore_backup(b, office_path, wait=0.2)
    finally:
        svc.close()


def test_two_backups_at_once_wait_for_each_other(office, office_path: Path, tmp_path: Path, monkeypatch) -> None:
    """Backups run on workers: the daily one may still be copying when the officer asks for one. The
    second one's cleaning of half-written copies deleted the first one's copy under it; now it waits."""
    import threading
    import time

    folder = tmp_path / "bk"
    written, release = threading.Event(), threading.Event()
    real = bk._write_verified

    def held(conn, tmp, progress):  # noqa: ANN001, ANN202 - the first copy waits, written, before its name
        real(conn, tmp, progress)
        if threading.current_thread().name == "daily":
            written.set()
            assert release.wait(10)

    monkeypatch.setattr(bk, "_write_verified", held)
    made: dict[str, object] = {}

    def backup(reason: str) -> None:
        conn = OfficeFile.read_only_connection(office_path)  # as a worker reads
        try:
            made[reason] = bk.make_backup(conn, office_path, folder, reason)
        except Exception as exc:  # noqa: BLE001
            made[reason] = exc
        finally:
            conn.close()

    daily = threading.Thread(target=backup, args=("hang-ngay",), name="daily")
    daily.start()
    assert written.wait(10)
    asked = threading.Thread(target=backup, args=("thu-cong",), name="asked")
    asked.start()
    time.sleep(0.3)  # the second backup would clean up the first one's copy now
    release.set()
    daily.join(20)
    asked.join(20)
    assert all(isinstance(p, Path) for p in made.values()), made
    assert {bk.check_backup(p) for p in made.values()} == {""}
