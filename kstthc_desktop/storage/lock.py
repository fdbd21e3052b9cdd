"""The office file's lock: one writer at a time, across processes and computers on a shared folder.

An OS-level lock on ``<file>.lock`` (fcntl on POSIX, msvcrt on Windows) that the OS releases when
its holder dies; the lock file itself is never deleted, and a note inside it names the holder so
that a refusal can say who has the file open.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import threading
import time
from datetime import datetime
from pathlib import Path

from ..core.errors import OfficeFileError, OfficeFileLocked, OfficeFileReadOnly
from . import atomic

log = logging.getLogger(__name__)

WAIT_SECONDS = 3.0  # a second writer waits this long for the first to finish before giving up
LOCK_OFFSET = 4096  # the byte that is locked; the holder's note before it stays readable on Windows
NOTE_BYTES = 1024
holder_app = "KSTTHC"  # what the lock file says holds the file; the CLI and the window name themselves

_held: dict[str, _FileLock] = {}  # locks this process holds (POSIX locks are per process)
_held_lock = threading.Lock()


class _FileLock:
    """An OS-level lock on ``<file>.lock``, released by the OS when the holder dies.

    The lock file is never deleted: a process that opened it just before a deletion would hold a
    lock on a file nobody else sees (the old design let two writers in). Inside it, a short note
    says who holds it (app, computer, process, since when) so a refusal can name the holder.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key = atomic._key(path)
        self._fd: int | None = None
        self.os_locked = False

    def acquire(self, wait: float = WAIT_SECONDS) -> None:
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            if self._try():
                return
            if self._key in _held or time.monotonic() >= deadline:  # this process: waiting cannot help
                raise self._busy()
            time.sleep(0.05)

    def _try(self) -> bool:
        with _held_lock:
            if self._key in _held:  # already open in this process: a POSIX lock would not see it
                return False
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
            except OSError as exc:
                raise _unwritable(self.path.with_name(self.path.name[: -len(".lock")]), exc) from exc
            try:
                locked = _os_lock(fd)
            except BaseException:
                os.close(fd)
                raise
            if locked is False:
                os.close(fd)
                return False
            self._fd, self.os_locked = fd, bool(locked)
            _held[self._key] = self
        self._write_note()
        return True

    def _write_note(self) -> None:
        note = json.dumps({"app": holder_app, "host": _host_name(), "pid": os.getpid(),
                           "since": datetime.now().isoformat(timespec="seconds")}, ensure_ascii=False)
        data = note.encode("utf-8")[: NOTE_BYTES - 1].ljust(NOTE_BYTES - 1) + b"\n"
        with contextlib.suppress(OSError):  # the note is a courtesy; the lock is what counts
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, data)

    def holder(self) -> dict:
        """Who holds the lock, as its note says ({} when unknown)."""
        with _held_lock:
            mine = _held.get(self._key)
        if mine is not None:
            return {"app": holder_app, "host": _host_name(), "pid": os.getpid(), "here": True}
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read(NOTE_BYTES)
            data = json.loads(raw.decode("utf-8", "replace").strip() or "{}")
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _busy(self) -> OfficeFileLocked:
        name = self.path.name[: -len(".lock")]
        who = self.holder()
        if who.get("here"):
            return OfficeFileLocked(f"Tệp '{name}' đang được mở ở một cửa sổ khác của chương trình này.",
                                    "Hãy dùng cửa sổ đang mở.")
        parts = []
        if who.get("host"):
            parts.append(f"trên máy {who['host']}")
        if who.get("pid"):
            parts.append(f"tiến trình {who['pid']}")
        since = str(who.get("since", ""))
        if since:
            with contextlib.suppress(ValueError):
                parts.append(f"từ {datetime.fromisoformat(since):%H:%M ngày %d/%m/%Y}")
        by = f" bởi {who['app']}" if who.get("app") else ""
        detail = f" ({', '.join(parts)})" if parts else ""
        return OfficeFileLocked(
            f"Tệp '{name}' đang được mở{by}{detail}.",
            "Hãy ghi trong cửa sổ đang mở, hoặc đóng nó rồi thử lại; tệp không bị thay đổi.",
        )

    def release(self) -> None:
        with _held_lock:
            if self._fd is None:
                return
            fd, self._fd = self._fd, None
            _held.pop(self._key, None)
            try:
                with contextlib.suppress(OSError):
                    os.lseek(fd, 0, os.SEEK_SET)
                    os.write(fd, b" " * (NOTE_BYTES - 1) + b"\n")  # nobody holds it now
                if self.os_locked:
                    _os_unlock(fd)
            finally:
                os.close(fd)  # closing also drops the lock; the file itself stays


def _host_name() -> str:
    """This computer's name for the lock's note: what ``socket.gethostname()`` says (on POSIX both
    read uname's node name), without importing socket and selectors at start-up (~1.5 ms)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _os_lock(fd: int) -> bool | None:
    """True locked, False held by another process, None when the disk cannot lock at all."""
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, LOCK_OFFSET, os.SEEK_SET)
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", -1), errno.EINVAL):
            log.warning("no OS lock on this disk (%s); relying on SQLite's own locking", exc)
            return None
        return False
    return True


def _os_unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.lockf(fd, fcntl.LOCK_UN, 1, LOCK_OFFSET, os.SEEK_SET)


def _unwritable(path: Path, exc: OSError, file_itself: bool = False) -> OfficeFileError:
    """Why the office file cannot be worked on, in the officer's words."""
    if exc.errno == errno.EROFS or _read_only_disk(path):
        what = "nằm trên ổ đĩa chỉ cho đọc (ổ USB có thể đang gạt khóa ghi)"
    elif exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        what = "nằm trên ổ đĩa đã đầy"
    elif file_itself:
        what = "được đặt chỉ cho đọc"
    else:
        what = "nằm trong thư mục không cho ghi"
    return OfficeFileReadOnly(
        f"Không mở được tệp '{path.name}' để làm việc: tệp {what}.",
        "Hãy sao chép tệp vào thư mục của bạn (ví dụ Tài liệu) rồi mở bản sao; tệp gốc không bị thay đổi.",
    )


def _read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path if path.exists() else path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # Windows has no statvfs
        return False


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")
