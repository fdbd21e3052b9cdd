"""Backups with SQLite's online backup API into a folder beside the file, rotated."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from ..core.errors import OfficeFileError

KEEP = 30


def default_backup_dir(office_path: Path) -> Path:
    return office_path.with_name(office_path.stem + "-saoluu")


def make_backup(conn: sqlite3.Connection, office_path: Path, folder: Path, reason: str = "thu-cong") -> Path:
    """Copy the live database consistently (even mid-session) and prune old automatic copies."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
    safe_reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "saoluu"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{office_path.stem}-{stamp}-{safe_reason}.kstthc"
        dest = sqlite3.connect(target)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as exc:
        raise OfficeFileError(
            f"Không tạo được bản sao lưu trong '{folder}': {exc}.",
            "Hãy kiểm tra dung lượng ổ đĩa và quyền ghi, hoặc chọn thư mục khác.",
        ) from exc
    _rotate(folder, office_path.stem)
    return target


def list_backups(folder: Path, stem: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{stem}-*.kstthc"), reverse=True)


def check_backup(path: Path) -> str:
    """'' when ``path`` is a sound office file to restore, else the reason in Vietnamese."""
    from .migrations import APPLICATION_ID, SCHEMA_VERSION

    try:
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return f"Bản sao lưu '{path.name}' bị hỏng; hãy chọn bản khác."
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return f"Tệp '{path.name}' không phải bản sao lưu dữ liệu KSTTHC."
            if conn.execute("PRAGMA user_version").fetchone()[0] > SCHEMA_VERSION:
                return f"Bản sao lưu '{path.name}' do phiên bản mới hơn tạo ra; hãy cập nhật chương trình."
        finally:
            conn.close()
    except sqlite3.Error:
        return f"Không đọc được '{path.name}' như một bản sao lưu; hãy chọn bản khác."
    return ""


def newest_good_backup(folder: Path, stem: str) -> Path | None:
    """The newest backup that is a sound SQLite file (a damaged copy is skipped, not offered)."""
    for candidate in list_backups(folder, stem):
        if not check_backup(candidate):
            return candidate
    return None


def _rotate(folder: Path, stem: str) -> None:
    for old in list_backups(folder, stem)[KEEP:]:
        old.unlink(missing_ok=True)


def restore_backup(backup: Path, office_path: Path) -> None:
    """Replace the (closed) office file with a backup; the current file is kept aside first."""
    if not backup.is_file():
        raise OfficeFileError(f"Không tìm thấy bản sao lưu '{backup.name}'.", "Hãy chọn bản khác.")
    if office_path.exists():
        aside = office_path.with_name(office_path.stem + f"-truoc-khoi-phuc-{datetime.now():%Y%m%d-%H%M%S}.kstthc")
        shutil.copy2(office_path, aside)
    for suffix in ("-wal", "-shm"):
        Path(str(office_path) + suffix).unlink(missing_ok=True)
    tmp = office_path.with_name(office_path.name + ".restoring")
    shutil.copy2(backup, tmp)
    tmp.replace(office_path)
