"""Every file the program writes goes through here: no output can ever land on an office file.

``atomic_write(target)`` hands out a temporary path beside ``target``; when the block ends
without error the bytes are flushed to disk (fsync), the file gets the user's normal
permissions (umask, not the 0600 of ``mkstemp``) and is renamed over the target in one step,
so a crash, a full disk or a killed process leaves either the old file or the new one, never
half of one. Before anything is written the target is checked against every office file: the
files open in this process, any existing file that *is* an office file (its SQLite header says
so), their ``-wal``/``-shm``/``-journal``/``.lock`` companions and their backup folders
(compared resolved, and case-insensitively where the file system is).

Failures of the disk (full, read-only, no permission, a folder in the way) become one
``KstthcError`` in plain Vietnamese; anything else is a bug and propagates.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..core.errors import KstthcError, UnsafeOutput

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x4B535443  # the same "KSTC" as migrations.APPLICATION_ID (checked by a test)
OFFICE_SUFFIX = ".kstthc"
BACKUP_FOLDER_SUFFIX = "-saoluu"
COMPANIONS = ("-wal", "-shm", "-journal", ".lock")

_open_offices: dict[str, Path] = {}
_registry_lock = threading.Lock()


# --- which paths belong to an office file ---------------------------------------------------


def register_office(path: Path) -> None:
    """An office file opened in this process (its paths are protected while it is open)."""
    with _registry_lock:
        _open_offices[_key(path)] = Path(path)


def unregister_office(path: Path) -> None:
    with _registry_lock:
        _open_offices.pop(_key(path), None)


def open_offices() -> list[Path]:
    with _registry_lock:
        return list(_open_offices.values())


def backup_folder_of(office: Path) -> Path:
    """``<folder>/<name>-saoluu``: the office's own backup folder."""
    return office.with_name(office.stem + BACKUP_FOLDER_SUFFIX)


def is_office_file(path: Path) -> bool:
    """True when the file's header says it is an office file (whatever its name)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(72)
    except OSError:
        return False
    return head[:16] == SQLITE_MAGIC and len(head) >= 72 and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve(strict=False)
    except (OSError, RuntimeError):  # a symlink loop: compare the absolute spelling
        return Path(os.path.abspath(Path(path).expanduser()))


def _key(path: Path) -> str:
    """Comparable spelling: resolved, and case-folded where names ignore case (Windows, macOS)."""
    text = os.path.normcase(str(_resolved(path)))
    return text.casefold() if os.name == "nt" or _case_insensitive(path) else text


def _case_insensitive(path: Path) -> bool:
    """macOS and Windows file systems ignore case by default; probe the folder to be sure."""
    if os.name == "nt":
        return True
    folder = _resolved(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    name = folder.name
    if not name or name.swapcase() == name:
        return False
    try:
        return os.path.samefile(folder, folder.with_name(name.swapcase()))
    except OSError:
        return False


def _same(a: Path, b: Path) -> bool:
    if _key(a) == _key(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links, bind mounts, 8.3 names
    except OSError:
        return False


def protected_reason(target: Path, protect: Iterable[Path] = ()) -> str:
    """Why writing ``target`` could destroy an office file ('' when it cannot)."""
    target = _resolved(target)
    offices = [_resolved(p) for p in [*protect, *open_offices()]]
    for office in offices:
        if _same(target, office):
            return "đây chính là tệp dữ liệu của cơ quan"
        for suffix in COMPANIONS:
            if _same(target, Path(str(office) + suffix)):
                return "đây là tệp đi kèm của tệp dữ liệu"
        folder = backup_folder_of(office)
        if _within(target, folder):
            return "đây là thư mục sao lưu của tệp dữ liệu"
    if target.exists() and not target.is_dir() and is_office_file(target):
        return "đây là một tệp dữ liệu KSTTHC"
    for suffix in COMPANIONS:
        if target.name.lower().endswith(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            if base.exists() and is_office_file(base):
                return "đây là tệp đi kèm của một tệp dữ liệu KSTTHC"
    for folder in (target, *target.parents):
        if folder.name.lower().endswith(BACKUP_FOLDER_SUFFIX):
            office = folder.with_name(folder.name[: -len(BACKUP_FOLDER_SUFFIX)] + OFFICE_SUFFIX)
            if office.exists() or any(_same(backup_folder_of(o), folder) for o in offices):
                return "đây là thư mục sao lưu của một tệp dữ liệu"
    return ""


def _within(target: Path, folder: Path) -> bool:
    key, root = _key(target), _key(folder)
    return key == root or key.startswith(root.rstrip(os.sep) + os.sep)


def guard_output(target: str | os.PathLike, protect: Iterable[Path] = ()) -> Path:
    """Refuse an output file that is, or belongs to, an office file; or that is a folder."""
    path = Path(target)
    reason = protected_reason(path, protect)
    if reason:
        raise UnsafeOutput(f"Không ghi vào '{path.name}': {reason}.",
                           "Hãy chọn tên tệp khác ở thư mục khác; tệp dữ liệu không bị thay đổi.")
    if path.is_dir():
        raise UnsafeOutput(f"Không ghi được '{path.name}': đây là một thư mục.",
                           "Hãy ghi rõ tên tệp, ví dụ bao-cao.pdf.")
    return path


def guard_folder(folder: str | os.PathLike, protect: Iterable[Path] = ()) -> Path:
    """Refuse an output folder that is an office file's backup folder (or an office file)."""
    path = Path(folder)
    reason = protected_reason(path, protect)
    if reason:
        raise UnsafeOutput(f"Không ghi vào '{path.name}': {reason}.", "Hãy chọn một thư mục khác.")
    if path.exists() and not path.is_dir():
        raise UnsafeOutput(f"'{path.name}' là một tệp, không phải thư mục.", "Hãy chọn một thư mục.")
    return path


# --- writing --------------------------------------------------------------------------------


def write_error(target: Path, exc: OSError) -> KstthcError:
    """A disk failure in plain Vietnamese: what happened to which file and what to do."""
    name = Path(target).name
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return KstthcError(f"Không ghi được '{name}': ổ đĩa đã đầy.",
                           "Hãy giải phóng dung lượng (xóa tệp không cần) hoặc chọn ổ đĩa khác rồi làm lại.")
    if code == errno.EROFS:
        return KstthcError(f"Không ghi được '{name}': ổ đĩa chỉ cho đọc.",
                           "Hãy chọn một thư mục trên ổ đĩa khác (ổ USB có thể đang khóa ghi).")
    if code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return KstthcError(f"Không ghi được '{name}': không có quyền ghi, hoặc tệp đang mở ở chương trình khác.",
                           "Hãy đóng tệp (ví dụ trong Word, Excel, trình đọc PDF) hoặc chọn thư mục khác.")
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return KstthcError(f"Không ghi được '{name}': đây là một thư mục.", "Hãy ghi rõ tên tệp.")
    if code == errno.ENAMETOOLONG:
        return KstthcError(f"Không ghi được '{name[:40]}…': tên tệp quá dài.", "Hãy chọn tên ngắn hơn.")
    if code == errno.ENOENT or isinstance(exc, FileNotFoundError | NotADirectoryError):
        return KstthcError(f"Không ghi được '{name}': thư mục chứa tệp không tồn tại.", "Hãy chọn thư mục khác.")
    detail = exc.strerror or str(exc)
    return KstthcError(f"Không ghi được '{name}': {detail}.", "Hãy kiểm tra ổ đĩa rồi làm lại, hoặc chọn thư mục khác.")


def _temp_path(target: Path) -> Path:
    """A hidden name beside the target (same folder: the final rename stays on one disk)."""
    stem = target.stem.encode("utf-8")[:40].decode("utf-8", "ignore")
    # os.urandom as secrets.token_hex does: secrets would load hmac and OpenSSL with the window
    return target.with_name(f".{stem}.{os.urandom(4).hex()}.tmp{target.suffix}")


def _create_private(path: Path) -> None:
    """Create an empty file with the user's normal permissions (0666 minus the umask)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _final_mode(target: Path) -> int:
    """A replaced file keeps its permissions; a new one gets the user's normal ones. (Writers
    such as reportlab or python-docx may swap in their own 0600 temp file under our name.)"""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no folder handles to flush."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def publish(tmp: Path, target: Path, replace: bool) -> None:
    if replace:
        os.replace(tmp, target)
        return
    if os.name == "nt":
        os.rename(tmp, target)  # refuses an existing target by itself
        return
    try:
        os.link(tmp, target)  # atomic and never over an existing file
    except FileExistsError:
        raise
    except OSError:  # FAT/exFAT USB sticks have no hard links
        if target.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        os.rename(tmp, target)
        return
    tmp.unlink()


@contextlib.contextmanager
def atomic_write(target: str | os.PathLike, *, protect: Iterable[Path] = (), replace: bool = True,
                 guard: bool = True) -> Iterator[Path]:
    """Yield a temp path to write; on success it becomes ``target`` (fsync + atomic rename).

    ``replace=False`` never overwrites an existing file (``FileExistsError``). ``guard=False`` is
    only for the storage layer's own files (backups), which do their own checks.
    """
    target = Path(target)
    if guard:
        guard_output(target, protect)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise KstthcError(f"Không ghi được '{target.name}': thư mục '{folder}' không tồn tại.",
                          "Hãy chọn một thư mục có sẵn.")
    tmp = _temp_path(target)
    try:
        _create_private(tmp)
    except OSError as exc:
        raise write_error(target, exc) from exc
    try:
        yield tmp
        fsync_file(tmp)
        if os.name != "nt":
            with contextlib.suppress(OSError):
                os.chmod(tmp, _final_mode(target))
        publish(tmp, target, replace)
        fsync_folder(folder)
    except FileExistsError:
        raise
    except OSError as exc:
        raise write_error(target, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_bytes(target: str | os.PathLike, data: bytes, *, protect: Iterable[Path] = (),
                replace: bool = True) -> Path:
    """Small files in one go, through ``atomic_write``."""
    with atomic_write(target, protect=protect, replace=replace) as tmp:
        tmp.write_bytes(data)
    return Path(target)


__all__ = ["atomic_write", "backup_folder_of", "fsync_file", "fsync_folder", "publish", "guard_folder", "guard_output", "is_office_file", "open_offices",
           "protected_reason", "register_office", "unregister_office", "write_bytes", "write_error"]
