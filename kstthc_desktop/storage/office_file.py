"""Open, create, lock and check an office file (DESIGN.md §5).

The connection runs in autocommit mode; every user action is one explicit transaction
(``OfficeFile.transaction()``), so nothing is ever half-written and there is no Save button.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import OfficeFileCorrupt, OfficeFileError, OfficeFileLocked, OfficeFileTooNew
from . import migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".kstthc"


class _FileLock:
    """An OS-level lock on ``<file>.lock``: released by the OS even if the program dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = None

    def acquire(self) -> None:
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise OfficeFileLocked(
                f"Tệp '{self.path.with_suffix('').name}' đang được mở ở một cửa sổ hoặc chương trình khác.",
                "Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại tệp.",
            ) from None
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            if os.name == "nt":
                import msvcrt

                self._fh.seek(0)
                with contextlib.suppress(OSError):
                    msvcrt.locking(self._fh.fileno(), msvcrt.LK_UNLCK, 1)
        finally:
            self._fh.close()
            self._fh = None
            with contextlib.suppress(OSError):
                self.path.unlink()


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
    def open(cls, path: str | os.PathLike, create: bool = False, backup_dir: Path | None = None) -> OfficeFile:
        """Open (or with ``create`` make) an office file; refuse anything we cannot use safely."""
        path = Path(path).expanduser().absolute()
        exists = path.exists()
        if not exists and not create:
            raise OfficeFileError(
                f"Không tìm thấy tệp dữ liệu '{path.name}'.",
                "Hãy chọn tệp khác hoặc tạo tệp mới.",
            )
        if exists:
            _check_header(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OfficeFileError(
                    f"Không tạo được thư mục cho tệp dữ liệu: {exc.strerror}.",
                    "Hãy chọn một thư mục khác có quyền ghi.",
                ) from exc
        lock = _FileLock(lock_path(path))
        lock.acquire()
        try:
            conn = _connect(path)
            office = cls(path, conn, lock)
            office._prepare(backup_dir)
        except BaseException:
            lock.release()
            raise
        return office

    def _prepare(self, backup_dir: Path | None) -> None:
        conn = self.conn
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _corrupt(self.path, exc) from exc
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
        """One user action = one transaction; nested use joins the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

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
            self._lock.release()


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
