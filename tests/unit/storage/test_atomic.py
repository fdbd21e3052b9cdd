"""The one writer every output goes through: atomic, durable, normal permissions, never onto an
office file (whatever spelling the path takes)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import KstthcError, UnsafeOutput
from kstthc_desktop.storage import atomic, migrations
from kstthc_desktop.storage.office_file import OfficeFile


def test_the_office_marker_is_the_migrations_one() -> None:
    assert atomic.APPLICATION_ID == migrations.APPLICATION_ID


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic.atomic_write(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("renderer bug")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]


def test_new_files_get_the_users_normal_permissions_and_replaced_ones_keep_theirs(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        made = atomic.write_bytes(tmp_path / "moi.pdf", b"x")
        kept = tmp_path / "rieng.pdf"
        kept.write_bytes(b"old")
        kept.chmod(0o600)
        atomic.write_bytes(kept, b"new")
    finally:
        os.umask(old)
    assert stat.S_IMODE(made.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and kept.read_bytes() == b"new"


def test_never_replace_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.kstthc"
    target.write_bytes(b"keep")
    with pytest.raises(FileExistsError), atomic.atomic_write(target, replace=False, guard=False) as tmp:
        tmp.write_bytes(b"other")
    assert target.read_bytes() == b"keep"


def test_an_open_office_file_is_protected_under_any_spelling(office_path: Path, monkeypatch) -> None:
    f = OfficeFile.open(office_path, create=True)
    try:
        for target in (office_path, office_path.parent / "." / office_path.name, Path(str(office_path) + "-wal"),
                       office_path.with_name(office_path.name + ".lock")):
            with pytest.raises(UnsafeOutput):
                atomic.guard_output(target)
        # on Windows (and macOS) names ignore case: VAN-PHONG.KSTTHC is the same file
        monkeypatch.setattr(atomic, "_case_insensitive", lambda path: True)
        with pytest.raises(UnsafeOutput):
            atomic.guard_output(office_path.with_name(office_path.name.upper()))
    finally:
        f.close()


def test_a_hard_link_to_an_office_file_is_protected(office_path: Path, tmp_path: Path) -> None:
    OfficeFile.open(office_path, create=True).close()
    link = tmp_path / "bao-cao.pdf"
    os.link(office_path, link)
    with pytest.raises(UnsafeOutput):
        atomic.guard_output(link)


def test_a_disk_error_is_a_plain_message(tmp_path: Path, monkeypatch) -> None:
    import errno

    def full(*a, **k):  # noqa: ANN002, ANN003
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "fsync_file", full)
    with pytest.raises(KstthcError) as err:
        atomic.write_bytes(tmp_path / "x.pdf", b"x")
    assert "ổ đĩa đã đầy" in err.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_path_named_as_protected_is_refused_even_when_it_is_not_an_office_file_yet(tmp_path: Path) -> None:
    """The window's office file while it is being created or restored has no office header yet."""
    office = tmp_path / "moi.kstthc"
    office.write_bytes(b"")
    with pytest.raises(UnsafeOutput):
        atomic.guard_output(office, protect=[office])
    with pytest.raises(UnsafeOutput):
        atomic.guard_output(tmp_path / "." / "moi.kstthc", protect=[office])
    atomic.guard_output(tmp_path / "khac.pdf", protect=[office])  # anything else is fine
