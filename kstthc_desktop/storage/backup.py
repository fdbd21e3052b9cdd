"""Backups you can trust: one folder per office, verified before they count, rotated by age.

- Each office has its own folder, ``<office>-saoluu`` (beside the file, or inside a chosen folder
  such as a USB stick), and a name pattern that matches only this office's copies:
  ``<office>-YYYYMMDD-HHMMSS-mmm-<reason>.kstthc``. Another office's ``<office>-2025.kstthc`` in
  the same place never matches it.
- A backup is written under a hidden temporary name with SQLite's online backup API (a consistent
  snapshot even mid-session), switched to a plain rollback-journal file (no -wal/-shm left
  around), checked (``quick_check``, the office marker, the row count of every table against the
  snapshot it came from), flushed to disk and only then given its final name. A backup killed
  half-way is a leftover temporary file, deleted at the next backup and never counted.
- Rotation keeps the 3 newest automatic copies, the newest of each of the last 7 days, 8 weeks
  and 12 months; it never deletes the last good backup, nor a copy the officer asked for
  ("thu-cong", "usb"), nor anything that does not match the pattern.
- Free space is checked first; a full disk gives one plain message and leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..core.errors import Cancelled, OfficeFileError, OfficeFileFull
from ..core.progress import NullProgress, Progress
from . import atomic

KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 3, 7, 8, 12
MANUAL_REASONS = frozenset({"thu-cong", "usb"})  # copies the officer asked for: never rotated
_AUTOMATIC = re.compile(r"^(hang-ngay|truoc-nhap-ke-hoach|truoc-ban-hanh-bao-cao|truoc-khoi-phuc|"
                        r"truoc-nang-cap-v\d+|truoc-sua-chua)$")
_MARGIN = 64 * 1024  # plus 5 % of the file: room for SQLite's own pages while it copies
KEEP = KEEP_RECENT + KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY  # at most this many automatic copies
# Automatic copies never leave the disk with less free space than this (or a tenth of a small disk):
# by age they may number 30, each as big as a file holding a year's documents.
FREE_SPACE_FLOOR = 5 * 1024**3


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of an office, as its name describes it."""

    path: Path
    taken: datetime
    reason: str

    @property
    def automatic(self) -> bool:
        return bool(_AUTOMATIC.match(self.reason))


def default_backup_dir(office_path: Path) -> Path:
    return atomic.backup_folder_of(Path(office_path))


def folder_for(office_path: Path, chosen: str | Path | None = None) -> Path:
    """The office's own backup folder: beside the file, or ``<chosen>/<office>-saoluu``."""
    office_path = Path(office_path)
    if chosen is None:
        return default_backup_dir(office_path)
    chosen = Path(chosen)
    own = office_path.stem + atomic.BACKUP_FOLDER_SUFFIX
    return chosen if chosen.name.casefold() == own.casefold() else chosen / own


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}})-(\d{{6}})-(\d{{3}})-([a-z0-9]+(?:-[a-z0-9]+)*)\.kstthc$",
                      re.IGNORECASE)


def backup_infos(folder: Path, stem: str) -> list[BackupInfo]:
    """This office's backups in ``folder``, newest first (by the time in their names)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    pattern = _pattern(stem)
    out: list[BackupInfo] = []
    for path in folder.iterdir():
        m = pattern.match(path.name)
        if not m or not path.is_file():
            continue
        try:
            taken = datetime.strptime(f"{m.group(1)}{m.group(2)}{m.group(3)}", "%Y%m%d%H%M%S%f")
        except ValueError:
            continue
        out.append(BackupInfo(path, taken, m.group(4).lower()))
    out.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return out


def list_backups(folder: Path, stem: str) -> list[Path]:
    """Backup files of this office, newest first."""
    return [b.path for b in backup_infos(folder, stem)]


# --- checking ---------------------------------------------------------------------------------


def looks_whole(path: Path) -> bool:
    """Cheap test for a truncated or foreign file: the header's page count times page size must
    be the file's size (true of every backup we finish; a copy cut short on a USB stick fails)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(head) < 100 or head[:16] != atomic.SQLITE_MAGIC:
        return False
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]  # the in-header size is trustworthy
    return not valid or (page >= 512 and size == page * pages)


def check_backup(path: Path, progress: Progress | None = None) -> str:
    """'' when ``path`` is a sound office file to restore, else the reason in Vietnamese.

    Reading a backup of a year's documents takes seconds: ``progress`` may cancel it (``Cancelled``);
    SQLite stops its check when asked (inside its walk of each table from SQLite 3.43, after it before)."""
    from .migrations import APPLICATION_ID, SCHEMA_VERSION

    progress = progress or NullProgress()
    path = Path(path)
    if not path.is_file():
        return f"Không tìm thấy bản sao lưu '{path.name}'."
    if not looks_whole(path):
        return f"Bản sao lưu '{path.name}' bị hỏng hoặc chưa được ghi trọn; hãy chọn bản khác."
    try:
        # immutable: read exactly the bytes that a restore would copy, create no -wal/-shm beside it
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro&immutable=1", uri=True)
        conn.set_progress_handler(lambda: progress.cancelled, 1000)  # true: SQLite stops the check
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return f"Tệp '{path.name}' không phải bản sao lưu dữ liệu KSTTHC."
            if conn.execute("PRAGMA user_version").fetchone()[0] > SCHEMA_VERSION:
                return f"Bản sao lưu '{path.name}' do phiên bản mới hơn tạo ra; hãy cập nhật chương trình."
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return f"Bản sao lưu '{path.name}' bị hỏng; hãy chọn bản khác."
        finally:
            conn.close()
    except sqlite3.Error:
        if progress.cancelled:
            raise Cancelled() from None
        return f"Không đọc được '{path.name}' như một bản sao lưu; hãy chọn bản khác."
    return ""


def newest_good_backup(folder: Path, stem: str) -> Path | None:
    """The newest backup that passes the check (a damaged copy is skipped, never offered)."""
    for candidate in list_backups(folder, stem):
        if not check_backup(candidate):
            return candidate
    return None


# --- writing ----------------------------------------------------------------------------------


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _size_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]


def _full(folder: Path, needed: int | None = None, free: int | None = None) -> OfficeFileFull:
    detail = ""
    if needed is not None and free is not None:
        detail = f" (cần khoảng {needed / 1048576:.1f} MB, còn {free / 1048576:.1f} MB)"
    return OfficeFileFull(
        f"Không đủ chỗ trống để sao lưu vào '{folder}'{detail}.",
        "Hãy giải phóng dung lượng ổ đĩa hoặc chọn ổ khác (ví dụ ổ USB); dữ liệu không bị thay đổi.",
    )


def _failed(folder: Path, exc: BaseException) -> OfficeFileError:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return _full(folder)
    if isinstance(exc, sqlite3.Error) and "full" in str(exc).lower():
        return _full(folder)
    if isinstance(exc, OSError):
        err = atomic.write_error(folder, exc)
        return OfficeFileError(f"Không tạo được bản sao lưu trong '{folder}': {err.message}", err.hint)
    return OfficeFileError(f"Không tạo được bản sao lưu trong '{folder}': {exc}.",
                           "Hãy kiểm tra ổ đĩa và quyền ghi, hoặc chọn thư mục khác.")


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(str(path) + suffix).unlink()


def _clean_leftovers(folder: Path, stem: str) -> None:
    """Temporary files of backups that were killed half-way (only this office's)."""
    pattern = re.compile(rf"^\.{re.escape(stem)}-\d{{8}}-.*\.kstthc\.tmp(-journal|-wal|-shm)?$", re.IGNORECASE)
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if pattern.match(path.name):
                with contextlib.suppress(OSError):
                    path.unlink()


# One backup at a time in this program: they run on workers now (the daily one after start-up, the
# officer's, the one before an import), and a second one's cleaning of half-written copies would
# delete the first one's copy while it is being written.
_ONE_AT_A_TIME = threading.Lock()


def make_backup(conn: sqlite3.Connection, office_path: Path, folder: Path, reason: str = "thu-cong",
                now: datetime | None = None, progress: Progress | None = None) -> Path:
    """Copy the live database (a consistent snapshot), verify the copy, then name and rotate it.

    ``conn`` may be a read-only connection of a worker thread (the copy of a file with a gigabyte
    of documents takes seconds); ``progress`` hears the pages copied and may cancel (``Cancelled``:
    nothing is left behind). A backup asked for while another one is being made waits for it."""
    with _ONE_AT_A_TIME:
        return _make_backup(conn, office_path, folder, reason, now, progress)


def _make_backup(conn: sqlite3.Connection, office_path: Path, folder: Path, reason: str,
                 now: datetime | None, progress: Progress | None) -> Path:
    office_path, folder = Path(office_path), Path(folder)
    stem = office_path.stem
    safe_reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "saoluu"
    reason_ok = safe_reason in MANUAL_REASONS or _AUTOMATIC.match(safe_reason)
    safe_reason = safe_reason if reason_ok else "thu-cong"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _failed(folder, exc) from exc
    _clean_leftovers(folder, stem)
    size = _size_of(conn)
    needed = size + size // 20 + _MARGIN
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    if free is not None and free < needed:
        free += make_room(folder, stem, needed - free)
        if free < needed:
            raise _full(folder, needed, free)
    now = now or datetime.now()
    for attempt in range(1000):
        stamp = now.strftime("%Y%m%d-%H%M%S-") + f"{(now.microsecond // 1000 + attempt) % 1000:03d}"
        target = folder / f"{stem}-{stamp}-{safe_reason}.kstthc"
        if not target.exists():
            break
    tmp = folder / f".{target.name}.tmp"
    try:
        _write_verified(conn, tmp, progress or NullProgress())
        atomic.fsync_file(tmp)
        atomic.publish(tmp, target, replace=False)
        atomic.fsync_folder(folder)
    except BaseException as exc:
        _remove_with_companions(tmp)
        if isinstance(exc, OSError | sqlite3.Error):
            raise _failed(folder, exc) from exc
        raise
    rotate(folder, stem, keep=target)
    spare_the_disk(folder, stem)
    return target


COPY_STEP_PAGES = 2048  # 8 MB a step with 4 KB pages: progress and a chance to cancel between steps


def _write_verified(conn: sqlite3.Connection, tmp: Path, progress: Progress) -> None:
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")  # one read snapshot for the counts and the copy
    try:
        counts = _table_counts(conn)
        dest = sqlite3.connect(tmp, isolation_level=None)
        try:
            dest.execute("PRAGMA journal_mode=OFF")

            mb = conn.execute("PRAGMA page_size").fetchone()[0] / 1048576

            def copied(_status: int, remaining: int, total: int) -> None:  # raising aborts the copy
                progress.report(total - remaining, total,
                                f"Đang sao lưu… {(total - remaining) * mb:.0f}/{total * mb:.0f} MB")

            conn.backup(dest, pages=COPY_STEP_PAGES, progress=copied)
            dest.execute("PRAGMA journal_mode=DELETE")  # a plain file: no -wal/-shm beside a backup
        finally:
            dest.close()
    finally:
        if own_transaction and conn.in_transaction:
            conn.execute("COMMIT")
    check = sqlite3.connect(tmp.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        ok = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        app_id = check.execute("PRAGMA application_id").fetchone()[0]
        copied = _table_counts(check)
    finally:
        check.close()
    source_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if not ok or app_id != source_id or copied != counts:
        raise sqlite3.DatabaseError("the copy does not match the office file")


# --- rotation ---------------------------------------------------------------------------------


def rotate(folder: Path, stem: str, keep: Path | None = None, today: date | None = None) -> list[Path]:
    """Delete automatic copies beyond the age buckets, and broken ones; return what was deleted."""
    deleted: list[Path] = []
    good: list[BackupInfo] = []
    for info in backup_infos(folder, stem):
        if not info.automatic:
            continue  # the officer's own copies are never touched
        if info.path != keep and not looks_whole(info.path):
            _remove_with_companions(info.path)
            deleted.append(info.path)
            continue
        good.append(info)
    kept = {b.path for b in good[:KEEP_RECENT]}
    if keep is not None:
        kept.add(keep)
    buckets = ((lambda d: d.date(), KEEP_DAILY), (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
               (lambda d: (d.year, d.month), KEEP_MONTHLY))
    for key, count in buckets:
        seen: list[object] = []
        for info in good:  # newest first: the newest copy of each bucket stays
            k = key(info.taken)
            if k in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(k)
            kept.add(info.path)
    for info in good:
        if info.path not in kept:
            _remove_with_companions(info.path)
            deleted.append(info.path)
    return deleted


def make_room(folder: Path, stem: str, wanted: int) -> int:
    """Free ``wanted`` bytes for a new backup by deleting this office's oldest automatic copies;
    return the bytes freed (0, and nothing deleted, when even all of them would not be enough).

    A copy of a file with a year's documents is as big as the file, and the age buckets keep up to
    30 automatic copies: on a small disk they would fill it, and then the backup taken before an
    import or a report's issue, and with it the import or the issue, would be refused. The newest
    sound automatic copy and every copy the officer made are never deleted."""
    automatic = [b for b in backup_infos(folder, stem) if b.automatic]
    newest_good = next((b.path for b in automatic if looks_whole(b.path)), None)
    candidates = []  # oldest first
    for info in reversed(automatic):
        if info.path == newest_good:
            continue
        try:
            candidates.append((info.path, info.path.stat().st_size))
        except OSError:
            continue
    if sum(size for _, size in candidates) < wanted:
        return 0
    freed = 0
    for path, size in candidates:
        if freed >= wanted:
            break
        _remove_with_companions(path)
        freed += size
    return freed


def free_space_floor(disk_total: int) -> int:
    """The free space automatic copies leave on a disk of ``disk_total`` bytes."""
    return min(FREE_SPACE_FLOOR, disk_total // 10)


def spare_the_disk(folder: Path, stem: str) -> int:
    """After a backup: when the disk's free space is under the floor and this office's older
    automatic copies can give it back, the oldest of them go (``make_room``: never the newest sound
    one, never the officer's, and none when they would not be enough: a disk full of other things
    is no reason to lose the history). Return the bytes freed."""
    try:
        usage = shutil.disk_usage(folder)
    except OSError:
        return 0
    short = free_space_floor(usage.total) - usage.free
    return make_room(folder, stem, short) if short > 0 else 0


# --- restoring --------------------------------------------------------------------------------


def restore_backup(backup: Path, office_path: Path, wait: float = 3.0, checked: bool = False) -> Path | None:
    """Put a verified backup in place of the (closed) office file; return where the current file
    was kept aside (None when there was none). Nothing is deleted before its copy is on disk.
    ``checked``: the caller has just checked the backup (a gigabyte is not read a second time)."""
    from .lock import _FileLock, lock_path

    backup, office_path = Path(backup), Path(office_path).absolute()
    problem = "" if checked else check_backup(backup)
    if problem:
        raise OfficeFileError(problem, "Hãy chọn bản sao lưu khác.")
    lock = _FileLock(lock_path(office_path))
    lock.acquire(wait)
    try:
        aside = None
        if office_path.exists():
            aside = office_path.with_name(f"{office_path.stem}-truoc-khoi-phuc-{datetime.now():%Y%m%d-%H%M%S}"
                                          f"{office_path.suffix or '.kstthc'}")
            try:
                _copy(office_path, aside, replace=False)
                wal = Path(str(office_path) + "-wal")
                if wal.exists() and wal.stat().st_size:
                    _copy(wal, Path(str(aside) + "-wal"), replace=False)
            except OSError as exc:
                raise _failed(aside.parent, exc) from exc
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(office_path) + suffix).unlink()
        try:
            _copy(backup, office_path, replace=True)
        except OSError as exc:
            raise _failed(office_path.parent, exc) from exc
        return aside
    finally:
        lock.release()


def _copy(src: Path, dst: Path, replace: bool) -> None:
    with atomic.atomic_write(dst, replace=replace, guard=False) as tmp:
        with open(src, "rb") as fin, open(tmp, "wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)


__all__ = ["BackupInfo", "backup_infos", "check_backup", "default_backup_dir", "folder_for", "list_backups",
           "looks_whole", "make_backup", "newest_good_backup", "restore_backup", "rotate"]
