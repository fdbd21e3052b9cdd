"""The lock on an office file: one writer at a time across processes, named when it refuses,
never left blocking after a crash."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import OfficeFileLocked
from kstthc_desktop.storage.office_file import OfficeFile, lock_path

ROOT = Path(__file__).resolve().parents[3]

# A child that takes the lock `n` times; inside, it creates a marker that must not exist yet.
HAMMER = """
import os, sys, time
from pathlib import Path
from kstthc_desktop.storage.lock import _FileLock
lock_file, marker, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
overlaps = 0
for i in range(n):
    lock = _FileLock(lock_file)
    lock.acquire(wait=30)
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        os.close(fd)
    except FileExistsError:
        overlaps += 1
    else:
        time.sleep(0.0005)
        marker.unlink()
    lock.release()
print(overlaps)
"""

HOLD = """
import sys, time
from kstthc_desktop.storage import lock, office_file
lock.holder_app = "kstthc (thử)"
f = office_file.OfficeFile.open(sys.argv[1], create=True)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
f.close()
"""


def _child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE, text=True)


def test_the_lock_file_stays_after_closing(office_path: Path) -> None:
    """Deleting it let a process that had opened it in between hold a lock nobody saw."""
    OfficeFile.open(office_path, create=True).close()
    assert lock_path(office_path).exists()
    OfficeFile.open(office_path).close()  # and it does not block the next open


def test_two_processes_never_hold_the_lock_together(tmp_path: Path) -> None:
    lock_file, marker = tmp_path / "x.kstthc.lock", tmp_path / "inside"
    children = [_child(HAMMER, str(lock_file), str(marker), "150") for _ in range(2)]
    overlaps = [int(c.communicate(timeout=120)[0].strip()) for c in children]
    assert [c.returncode for c in children] == [0, 0]
    assert overlaps == [0, 0]


def test_a_second_writer_waits_for_the_first_to_finish(office_path: Path) -> None:
    holder = _child(HOLD, str(office_path), "0.8")
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    f = OfficeFile.open(office_path, wait=10)
    waited = time.monotonic() - started
    f.close()
    holder.communicate(timeout=30)
    assert 0.2 < waited < 5


def test_a_refusal_names_who_holds_the_file(office_path: Path) -> None:
    holder = _child(HOLD, str(office_path), "30")
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(OfficeFileLocked) as err:
            OfficeFile.open(office_path, wait=0.5)
        assert time.monotonic() - started >= 0.45  # it waited a moment before giving up
        text = str(err.value)
        assert "đang được mở bởi kstthc (thử)" in text
        assert socket.gethostname() in text and str(holder.pid) in text
    finally:
        holder.kill()
        holder.communicate()


def test_a_crashed_holder_never_blocks(office_path: Path) -> None:
    holder = _child(HOLD, str(office_path), "60")
    assert holder.stdout.readline().strip() == "held"
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate()
    assert b"kstthc" in lock_path(office_path).read_bytes()  # its note is still there
    f = OfficeFile.open(office_path, wait=0)  # but the OS released the lock itself
    f.close()


def test_the_same_process_is_refused_at_once(office_path: Path) -> None:
    first = OfficeFile.open(office_path, create=True)
    try:
        started = time.monotonic()
        with pytest.raises(OfficeFileLocked):
            OfficeFile.open(office_path, wait=0)
        assert time.monotonic() - started < 0.5
        with pytest.raises(OfficeFileLocked):  # a case- or spelling-variant is the same file
            OfficeFile.open(office_path.parent / "." / office_path.name, wait=0)
    finally:
        first.close()


def test_the_lock_note_names_the_computer_as_socket_does_without_uname(monkeypatch) -> None:  # noqa: ANN001
    """The note's host name comes from uname where there is one (no socket import at start-up) and
    from socket elsewhere (Windows): the same name either way."""
    from kstthc_desktop.storage import lock

    assert lock._host_name() == socket.gethostname()
    monkeypatch.delattr(os, "uname", raising=False)
    assert lock._host_name() == socket.gethostname()
