"""Open, create, lock and check an office file (DESIGN.md §5).

The connection runs in autocommit mode; every user action is one explicit transaction
(``OfficeFile.transaction()``), so nothing is ever half-written and there is no Save button.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..core.errors import (
    OfficeFileCorrupt,
    OfficeFileError,
    OfficeFileFull,
    OfficeFileLocked,
    OfficeFileReadOnly,
    OfficeFileTooNew,
)
from . import atomic, migrations

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".kstthc"


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


class OfficeFile:
    """One open office file: its connection, lock and transaction helper."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: _FileLock) -> None:
        self.path = path
        self.conn = conn
        self._lock = lock
        self._depth = 0

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, create: bool = False, backup_dir: Path | None = None,
             wait: float = WAIT_SECONDS) -> OfficeFile:
        """Open (or with ``create`` make) an office file; refuse anything we cannot use safely.

        Another program holding the file is waited for ``wait`` seconds, then named in the refusal.
        """
        path = Path(path).expanduser().absolute()
        exists = path.exists()
        if not exists and not create:
            raise OfficeFileError(
                f"Không tìm thấy tệp dữ liệu '{path.name}'.",
                "Hãy chọn tệp khác hoặc tạo tệp mới.",
            )
        if exists:
            if path.is_dir():
                raise OfficeFileError(f"'{path.name}' là một thư mục, không phải tệp dữ liệu.",
                                      "Hãy chọn tệp dữ liệu (đuôi .kstthc).")
            _check_header(path)
            if not os.access(path, os.W_OK):
                raise _unwritable(path, PermissionError(errno.EACCES, "read-only"), file_itself=True)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OfficeFileError(
                    f"Không tạo được thư mục cho tệp dữ liệu: {exc.strerror}.",
                    "Hãy chọn một thư mục khác có quyền ghi.",
                ) from exc
        lock = _FileLock(lock_path(path))
        lock.acquire(wait)
        try:
            conn = _connect(path)
            office = cls(path, conn, lock)
            office._prepare(backup_dir)
        except BaseException:
            lock.release()
            raise
        atomic.register_office(path)
        return office

    def _prepare(self, backup_dir: Path | None) -> None:
        conn = self.conn
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise (self._disk_failure(str(exc)) or _corrupt(self.path, exc)) from exc
        if tables and app_id != migrations.APPLICATION_ID:
            conn.close()
            raise OfficeFileCorrupt(
                f"Tệp '{self.path.name}' là cơ sở dữ liệu SQLite nhưng không phải tệp dữ liệu KSTTHC.",
                "Hãy chọn đúng tệp dữ liệu của cơ quan (đuôi .kstthc).",
            )
        if version > migrations.SCHEMA_VERSION:
            conn.close()
            raise OfficeFileTooNew(
                f"Tệp '{self.path.name}' được tạo bởi phiên bản mới hơn của chương trình (định dạng {version}).",
                "Hãy cập nhật KSTTHC Desktop lên phiên bản mới nhất rồi mở lại. Tệp không bị thay đổi.",
            )
        if tables:
            problem = self.quick_check()
            if problem:
                conn.close()
                disk = self._disk_failure(problem)
                if disk is not None:
                    raise disk
                raise OfficeFileCorrupt(
                    f"Tệp '{self.path.name}' bị hỏng ({problem}).",
                    "Hãy khôi phục từ bản sao lưu gần nhất.",
                )
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            if version < migrations.SCHEMA_VERSION:
                if version > 0 and backup_dir is not None:
                    from .backup import make_backup

                    make_backup(conn, self.path, backup_dir, reason=f"truoc-nang-cap-v{version}")
                self._migrate(version)
        except sqlite3.OperationalError as exc:
            conn.close()
            if "no such module" in str(exc):  # e.g. an SQLite built without FTS5 (search, schema 3)
                raise OfficeFileError(
                    f"Thư viện SQLite của máy này thiếu phần cần cho tệp dữ liệu ({exc}). Tệp không bị thay đổi.",
                    "Hãy cài KSTTHC Desktop bằng bộ cài chính thức, hoặc dùng Python từ python.org.",
                ) from exc
            if "locked" in str(exc) or "busy" in str(exc):
                raise OfficeFileLocked(
                    f"Tệp '{self.path.name}' đang bị chương trình khác giữ.",
                    "Hãy đóng chương trình đó rồi thử lại.",
                ) from exc
            known = self._disk_failure(str(exc)) or self._write_failed(exc)
            if known is not None:
                raise known from exc
            raise OfficeFileError(
                f"Không ghi được vào tệp '{self.path.name}': {exc}.",
                "Hãy kiểm tra quyền ghi của thư mục hoặc chọn tệp khác.",
            ) from exc

    def _migrate(self, version: int) -> None:
        """Run every missing step in one exclusive transaction: all or nothing."""
        conn = self.conn
        conn.execute("BEGIN EXCLUSIVE")
        try:
            for step in migrations.STEPS[version:]:
                for statement in step:
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (a full disk does)
                conn.execute("ROLLBACK")
            raise

    # --- use -----------------------------------------------------------------------------
    def quick_check(self) -> str:
        """'' when healthy, else the first problem SQLite reports."""
        try:
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
            fk = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return str(exc)
        if rows and rows[0][0] != "ok":
            return "; ".join(r[0] for r in rows[:3])
        if fk:
            return f"{len(fk)} liên kết hỏng"
        return ""

    def integrity_check(self) -> str:
        try:
            rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return str(exc)
        return "" if rows and rows[0][0] == "ok" else "; ".join(r[0] for r in rows[:3])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action = one transaction; nested use joins the outer one.

        A full disk, a disk turned read-only or a holder that never lets go roll the whole action
        back and become one ``OfficeFileError`` saying so; the file stays as it was.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            mapped = self._write_failed(exc)
            if mapped is None:
                raise
            raise mapped from exc
        self._depth = 1
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._depth = 0
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            mapped = self._write_failed(exc) if isinstance(exc, sqlite3.OperationalError) else None
            if mapped is not None:
                raise mapped from exc
            raise
        self._depth = 0

    def _disk_failure(self, text: str) -> OfficeFileError | None:
        """SQLite says "disk I/O error" when it cannot even create the -shm file beside a WAL
        database: on a full disk that is not damage, and must not send the officer to a backup."""
        text = text.lower()
        if "disk i/o" not in text and "full" not in text:
            return None
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError:
            free = None
        if "full" in text or (free is not None and free < 1024 * 1024):
            return OfficeFileFull(f"Ổ đĩa chứa tệp '{self.path.name}' đã đầy nên chưa mở được tệp để làm việc.",
                                  "Hãy giải phóng dung lượng ổ đĩa (xóa tệp không cần) rồi mở lại; dữ liệu không "
                                  "bị thay đổi.")
        return OfficeFileError(f"Lỗi đọc/ghi ổ đĩa khi mở tệp '{self.path.name}'.",
                               "Hãy kiểm tra ổ đĩa (ổ USB có thể đã bị rút ra), hoặc sao chép tệp sang ổ khác rồi mở "
                               "bản sao.")

    def _write_failed(self, exc: sqlite3.OperationalError) -> OfficeFileError | None:
        """The disk's refusals in plain Vietnamese (None for anything else: that is a bug)."""
        text = str(exc).lower()
        name = self.path.name
        if "full" in text:
            return OfficeFileFull(f"Ổ đĩa chứa tệp '{name}' đã đầy: thay đổi vừa rồi chưa được ghi.",
                                  "Hãy giải phóng dung lượng ổ đĩa rồi làm lại; dữ liệu đã có vẫn nguyên vẹn.")
        if "readonly" in text or "read-only" in text:
            return OfficeFileReadOnly(f"Không ghi được vào tệp '{name}': tệp hoặc ổ đĩa chỉ cho đọc.",
                                      "Hãy sao chép tệp vào thư mục của bạn rồi mở bản sao.")
        if "locked" in text or "busy" in text:
            return OfficeFileLocked(f"Tệp '{name}' đang bận (một chương trình khác đang ghi).",
                                    "Hãy đợi một lát rồi làm lại.")
        if "disk i/o" in text:
            return OfficeFileError(f"Lỗi đọc/ghi ổ đĩa với tệp '{name}': thay đổi vừa rồi chưa được ghi.",
                                   "Hãy kiểm tra ổ đĩa (ổ USB có thể đã bị rút ra) rồi làm lại.")
        return None

    @staticmethod
    def read_only_connection(path: Path) -> sqlite3.Connection:
        """A separate read-only connection (for a worker thread's exports), WAL-consistent."""
        conn = sqlite3.connect(Path(path).absolute().as_uri() + "?mode=ro", uri=True, timeout=10.0,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        return conn

    def close(self) -> None:
        try:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA optimize")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
        finally:
            atomic.unregister_office(self.path)
            self._lock.release()

    def holder(self) -> dict:
        """Who holds this file's lock (this process while it is open)."""
        return self._lock.holder()


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
    except sqlite3.Error as exc:
        raise OfficeFileError(
            f"Không mở được tệp '{path.name}': {exc}.",
            "Hãy kiểm tra quyền đọc/ghi hoặc chọn tệp khác.",
        ) from exc
    conn.row_factory = sqlite3.Row
    return conn


def _check_header(path: Path) -> None:
    """Refuse what is not SQLite before SQLite sees it (an empty file is a new office file)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except PermissionError as exc:
        raise OfficeFileError(
            f"Không có quyền đọc tệp '{path.name}'.",
            "Hãy sao chép tệp vào thư mục của bạn hoặc chọn tệp khác.",
        ) from exc
    except OSError as exc:
        raise OfficeFileError(f"Không đọc được tệp '{path.name}': {exc.strerror}.", "Hãy chọn tệp khác.") from exc
    if head and head != SQLITE_MAGIC:
        raise OfficeFileCorrupt(
            f"Tệp '{path.name}' không phải tệp dữ liệu KSTTHC.",
            "Hãy chọn đúng tệp dữ liệu (đuôi .kstthc) hoặc khôi phục từ bản sao lưu.",
        )


def _corrupt(path: Path, exc: Exception) -> OfficeFileCorrupt:
    return OfficeFileCorrupt(
        f"Tệp '{path.name}' bị hỏng hoặc không đọc được ({exc}).",
        "Hãy khôi phục từ bản sao lưu gần nhất.",
    )
