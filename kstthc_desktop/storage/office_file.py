"""Open, create, lock and check an office file (DESIGN.md §5).

The connection runs in autocommit mode; every user action is one explicit transaction
(``OfficeFile.transaction()``), so nothing is ever half-written and there is no Save button.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import (
    OfficeFileCorrupt,
    OfficeFileError,
    OfficeFileFull,
    OfficeFileLocked,
    OfficeFileReadOnly,
    OfficeFileTooNew,
)
from ..core.progress import Progress
from . import atomic, migrations
from .lock import WAIT_SECONDS, _FileLock, _unwritable, lock_path

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".kstthc"


def checked_after_open(name: str) -> bool:
    """The tables the check at open leaves to the checks run after the window shows: the stored
    documents (``blobs``), the text read from them (``file_*``), and the search tables
    (``search_*``: the records' text, copied by triggers, and its full-text index, which
    ``storage.search.check_index`` re-derives and rebuilds when they drift). Bulk, or rebuilt from
    the records; checking the search copy at every open cost SQLite recomputing its folded columns
    (4 ms for a 2,000-task plan, more than the tasks themselves)."""
    return name == "blobs" or name.startswith(("file_", "search_"))


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
             wait: float = WAIT_SECONDS, held: _FileLock | None = None) -> OfficeFile:
        """Open (or with ``create`` make) an office file; refuse anything we cannot use safely.

        Another program holding the file is waited for ``wait`` seconds, then named in the refusal.
        ``held``: the file's lock, already taken (``backup_before_upgrade``); it is released if the
        open fails.
        """
        try:
            return cls._open(Path(path).expanduser().absolute(), create, backup_dir, wait, held)
        except BaseException:
            if held is not None:
                held.release()
            raise

    @classmethod
    def _open(cls, path: Path, create: bool, backup_dir: Path | None, wait: float,
              held: _FileLock | None) -> OfficeFile:
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
        lock = held
        if lock is None:
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
    def quick_check(self, records_only: bool = True) -> str:
        """'' when healthy, else the first problem SQLite reports.

        ``records_only`` (the check made at every open) leaves out the stored documents' bytes, the
        text read from them and the search tables (``checked_after_open``): the documents are most of a year's file (a gigabyte of scans is common) and
        quick_check reads every page it checks, which made each start wait 0.2 s with the file in
        the disk cache and over a second without (seconds more on an old hard disk). The records
        are checked before anything is written; the documents and the file as a whole are checked
        on a worker right after the window shows (``ui.health``) and weekly, by every byte."""
        try:
            rows: list = []
            for table in self._tables_to_check(records_only):
                rows = self.conn.execute(f"PRAGMA quick_check{table}").fetchall()
                if rows and rows[0][0] != "ok":
                    break
            fk = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return str(exc)
        if rows and rows[0][0] != "ok":
            return "; ".join(r[0] for r in rows[:3])
        if fk:
            return f"{len(fk)} liên kết hỏng"
        return ""

    def _tables_to_check(self, records_only: bool) -> list[str]:
        """What follows ``PRAGMA quick_check``: '("tasks")' for each table of records, or '' once (the
        whole file) when SQLite cannot check one table at a time (before 3.33) or all is asked for."""
        if not records_only or sqlite3.sqlite_version_info < (3, 33, 0):
            return [""]
        names = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
        return ['("' + n.replace('"', '""') + '")' for n in names if not checked_after_open(n)]

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
    def upgrade_due(path: Path) -> int:
        """The format version of an office file that opening will upgrade (0: none due, or not a
        file this program reads: ``open`` says why). Cheap: the header, through a read-only connection."""
        path = Path(path).absolute()
        if not path.is_file():
            return 0
        try:
            conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, timeout=1.0)
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:
            return 0
        return version if app_id == migrations.APPLICATION_ID and 0 < version < migrations.SCHEMA_VERSION else 0

    @classmethod
    def backup_before_upgrade(cls, path: Path, backup_dir: Path, progress: Progress | None = None,
                              wait: float = WAIT_SECONDS) -> _FileLock | None:
        """The copy an upgrade of the file's format is preceded by, taken before ``open`` so that a
        window can show its progress (a year's documents: seconds, minutes on an old disk). It is
        taken holding the file's lock, which is returned, for ``open(..., backup_dir=None,
        held=lock)``: nobody else (a second start of the program, say) opens, upgrades or backs
        up the file in between. None when no upgrade is due; if the copy fails the lock is let go."""
        path = Path(path).expanduser().absolute()
        if not cls.upgrade_due(path):
            return None
        from .backup import make_backup

        lock = _FileLock(lock_path(path))
        lock.acquire(wait)
        try:
            version = cls.upgrade_due(path)  # again, holding the lock: another start may have upgraded it
            if version:
                conn = cls.read_only_connection(path)
                try:
                    make_backup(conn, path, backup_dir, reason=f"truoc-nang-cap-v{version}", progress=progress)
                finally:
                    conn.close()
        except BaseException:
            lock.release()
            raise
        return lock

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
