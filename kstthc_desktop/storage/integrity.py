"""What can rot inside an office file, checked part by part (``kstthc check``, the window).

SQLite's own checks see the structure of the file, not the meaning of the bytes: a damaged
sector inside a stored document, or an issued report swapped behind the triggers' back, passes
``integrity_check``. So each part below looks at one thing and names what it found, in plain
Vietnamese. Parts are registered by name (``register``) so later features add their own (the
search index, for one) and the window and the CLI show them without knowing them.

Cheap parts (run each time a file is opened) take milliseconds; the full check reads every
stored byte and runs weekly in the background, or on demand.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.progress import NullProgress, Progress
from . import migrations

CHUNK = 1 << 20


@dataclass
class CheckPart:
    """One part of the check: its name, what it looked at and what it found wrong."""

    key: str
    label: str
    problems: list[str] = field(default_factory=list)
    checked: int = 0  # how many items it looked at (pages, reports, documents…)
    notes: list[str] = field(default_factory=list)  # what was found and put right (derived data rebuilt)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {"key": self.key, "label": self.label, "ok": self.ok, "checked": self.checked,
                "problems": list(self.problems), "notes": list(self.notes)}


CheckFn = Callable[[sqlite3.Connection, Progress], CheckPart]


@dataclass(frozen=True)
class _Registered:
    key: str
    fn: CheckFn
    cheap: bool


_PARTS: list[_Registered] = []


def register(key: str, fn: CheckFn, cheap: bool = False) -> None:
    """Add (or replace) a named part; ``cheap`` parts also run when a file is opened."""
    _PARTS[:] = [p for p in _PARTS if p.key != key]
    _PARTS.append(_Registered(key, fn, cheap))


def part_keys(full: bool = True) -> list[str]:
    return [p.key for p in _PARTS if full or p.cheap]


def run(conn: sqlite3.Connection, full: bool = True, progress: Progress | None = None,
        only: set[str] | None = None) -> list[CheckPart]:
    """Every registered part (only the cheap ones unless ``full``), in registration order."""
    progress = progress or NullProgress()
    out = []
    for p in _PARTS:
        if (full or p.cheap) and (only is None or p.key in only):
            out.append(p.fn(conn, progress))
    return out


# --- the parts --------------------------------------------------------------------------------


def sqlite_quick(conn: sqlite3.Connection, progress: Progress) -> CheckPart:
    part = CheckPart("sqlite", "Cấu trúc tệp (SQLite quick_check)")
    _pragma_check(conn, "quick_check", part)
    return part


def sqlite_integrity(conn: sqlite3.Connection, progress: Progress) -> CheckPart:
    part = CheckPart("sqlite", "Cấu trúc tệp (SQLite integrity_check)")
    progress.report(0, 1, "Đang kiểm tra cấu trúc tệp…")
    _pragma_check(conn, "integrity_check", part)
    return part


def _pragma_check(conn: sqlite3.Connection, pragma: str, part: CheckPart) -> None:
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        part.checked = conn.execute("PRAGMA page_count").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        part.problems.append(f"SQLite không đọc được tệp: {exc}")
        return
    if rows != ["ok"]:
        part.problems.extend(f"SQLite báo: {r}" for r in rows[:5])
        if len(rows) > 5:
            part.problems.append(f"… và {len(rows) - 5} lỗi khác")


_TABLE_LABELS = {"sections": "mục", "tasks": "nhiệm vụ", "progress": "tiến độ", "evidence": "tài liệu",
                 "reports": "báo cáo", "plans": "kế hoạch"}


def foreign_keys(conn: sqlite3.Connection, progress: Progress) -> CheckPart:
    part = CheckPart("foreign_keys", "Liên kết giữa các bản ghi")
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        part.problems.append(f"Không kiểm tra được liên kết: {exc}")
        return part
    counts: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in rows:
        counts[(table, parent)] = counts.get((table, parent), 0) + 1
    for (table, parent), n in sorted(counts.items()):
        part.problems.append(f"{n} {_TABLE_LABELS.get(table, table)} trỏ tới {_TABLE_LABELS.get(parent, parent)} "
                             f"không còn tồn tại")
    part.checked = sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                       for t in ("sections", "tasks", "progress", "evidence", "reports"))
    return part


def _norm_sql(sql: str) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().rstrip(";").lower()


def expected_triggers(version: int | None = None) -> dict[str, str]:
    """The freeze triggers (on ``reports``) the migration steps up to ``version`` created, by name →
    their SQL. (The search index keeps triggers of its own; its part checks and rebuilds them.)"""
    out: dict[str, str] = {}
    for step in migrations.STEPS[:version]:
        for statement in step:
            m = re.match(r"\s*CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s+.*?\bON\s+reports\b",
                         statement, re.IGNORECASE | re.DOTALL)
            if m:
                out[m.group(1)] = statement
    return out


def freeze(conn: sqlite3.Connection, progress: Progress) -> CheckPart:
    """The triggers that keep issued reports frozen are there, and are what we wrote."""
    part = CheckPart("freeze", "Khóa báo cáo đã ban hành")
    try:
        present = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")}
    except sqlite3.DatabaseError as exc:
        part.problems.append(f"Không đọc được danh sách trigger: {exc}")
        return part
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for name, sql in expected_triggers(version).items():
        part.checked += 1
        if name not in present:
            part.problems.append(f"Thiếu trigger '{name}': báo cáo đã ban hành có thể bị sửa hoặc thay.")
        elif _norm_sql(present[name]) != _norm_sql(sql):
            part.problems.append(f"Trigger '{name}' đã bị sửa khác bản gốc.")
    return part


def issued_reports(conn: sqlite3.Connection, progress: Progress) -> CheckPart:
    """Every issued report's stored PDF still has the SHA-256 recorded when it was issued."""
    part = CheckPart("reports", "Báo cáo đã ban hành (mã SHA-256 của PDF)")
    rows = conn.execute("SELECT id, period, number, pdf_sha256, pdf IS NULL FROM reports WHERE issued = 1 "
                        "ORDER BY id").fetchall()
    for i, (rid, period, number, sha, missing) in enumerate(rows):
        progress.report(i, len(rows), "Đang kiểm tra báo cáo đã ban hành…")
        part.checked += 1
        name = f"báo cáo {period}" + (f" số {number}" if number else "")
        if missing:
            part.problems.append(f"Mất tệp PDF của {name}.")
            continue
        try:
            actual = _hash_blob(conn, "reports", "pdf", rid)
        except sqlite3.DatabaseError as exc:
            part.problems.append(f"Không đọc được PDF của {name}: {exc}")
            continue
        if actual != sha:
            part.problems.append(f"PDF của {name} đã bị thay đổi hoặc hỏng (mã SHA-256 không khớp).")
    return part


def evidence_blobs(conn: sqlite3.Connection, progress: Progress) -> CheckPart:
    """Every stored document's bytes against the SHA-256 it is stored under."""
    part = CheckPart("evidence", "Tài liệu minh chứng (mã SHA-256 của từng tệp)")
    blobs = conn.execute("SELECT rowid, sha256, size FROM blobs ORDER BY rowid").fetchall()
    total = sum(int(r[2] or 0) for r in blobs) or 1
    done = 0
    for rowid, sha, size in blobs:
        part.checked += 1
        try:
            actual, length = _hash_blob(conn, "blobs", "data", rowid, with_length=True,
                                        progress=progress, base=done, total=total)
        except sqlite3.DatabaseError as exc:
            actual, length = f"error: {exc}", -1
        done += int(size or 0)
        if actual != sha or length != size:
            part.problems.append(f"Nội dung {_blob_users(conn, sha)} bị hỏng (mã SHA-256 không khớp).")
    missing = conn.execute("SELECT source_blob, title FROM plans WHERE source_blob IS NOT NULL "
                           "AND source_blob NOT IN (SELECT sha256 FROM blobs)").fetchall()
    for _, title in missing:
        part.problems.append(f"Mất tệp gốc đã nhập của kế hoạch '{(title or '')[:60]}'.")
    return part


def _blob_users(conn: sqlite3.Connection, sha: str) -> str:
    rows = conn.execute("SELECT e.name, t.number FROM evidence e LEFT JOIN tasks t ON t.id = e.task_id "
                        "WHERE e.sha256 = ? ORDER BY e.id LIMIT 3", (sha,)).fetchall()
    if rows:
        return ", ".join(f"tài liệu '{name}'" + (f" (nhiệm vụ {number})" if number else "")
                         for name, number in rows)
    if conn.execute("SELECT 1 FROM plans WHERE source_blob = ?", (sha,)).fetchone():
        return "tệp gốc của kế hoạch đã nhập"
    return f"một tệp lưu trữ ({sha[:12]}…)"


def _hash_blob(conn: sqlite3.Connection, table: str, column: str, rowid: int, with_length: bool = False,
               progress: Progress | None = None, base: int = 0, total: int = 1):  # noqa: ANN202
    h = hashlib.sha256()
    length = 0
    with conn.blobopen(table, column, rowid, readonly=True) as blob:
        while chunk := blob.read(CHUNK):
            h.update(chunk)
            length += len(chunk)
            if progress is not None:
                progress.report(base + length, total, "Đang kiểm tra tài liệu minh chứng…")
    return (h.hexdigest(), length) if with_length else h.hexdigest()


def open_for_check(path: Path) -> sqlite3.Connection:
    """A read-only connection to any office file (damaged, foreign-made, on a read-only disk)."""
    from ..core.errors import OfficeFileCorrupt, OfficeFileError

    path = Path(path)
    if not path.is_file():
        raise OfficeFileError(f"Không tìm thấy tệp dữ liệu '{path.name}'.", "Hãy kiểm tra đường dẫn.")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise OfficeFileError(f"Không đọc được tệp '{path.name}': {exc.strerror}.", "Hãy chọn tệp khác.") from exc
    if head[:16] != b"SQLite format 3\x00":
        raise OfficeFileCorrupt(f"Tệp '{path.name}' không phải tệp dữ liệu KSTTHC (hoặc hỏng ngay từ phần đầu).",
                                "Hãy khôi phục từ bản sao lưu gần nhất.")
    uri = path.absolute().as_uri()
    conn = None
    for query in ("?mode=ro", "?mode=ro&immutable=1"):  # a read-only disk cannot hold the -shm
        try:
            conn = sqlite3.connect(uri + query, uri=True, check_same_thread=False)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            break
        except sqlite3.DatabaseError:
            if conn is not None:
                conn.close()
            conn = None
    if conn is None:
        raise OfficeFileCorrupt(f"SQLite không mở được tệp '{path.name}'.", "Hãy khôi phục từ bản sao lưu gần nhất.")
    if app_id != migrations.APPLICATION_ID:
        conn.close()
        raise OfficeFileCorrupt(f"Tệp '{path.name}' không phải tệp dữ liệu KSTTHC.",
                                "Hãy chọn đúng tệp dữ liệu (đuôi .kstthc).")
    return conn


register("sqlite_quick", sqlite_quick, cheap=True)
register("foreign_keys", foreign_keys, cheap=True)
register("freeze", freeze, cheap=True)
register("sqlite", sqlite_integrity)
register("reports", issued_reports)
register("evidence", evidence_blobs)


def select(full: bool) -> set[str]:
    """The part keys to run: the full check replaces quick_check by integrity_check."""
    keys = set(part_keys(full))
    if full:
        keys.discard("sqlite_quick")
    return keys


__all__ = ["CheckPart", "expected_triggers", "part_keys", "register", "run", "select"]
