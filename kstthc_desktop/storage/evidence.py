"""Evidence files stored as BLOBs inside the office file, streamed in chunks, deduplicated by SHA-256."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..core.errors import Cancelled, EvidenceError
from ..core.progress import NullProgress, Progress

CHUNK = 1 << 20  # 1 MiB: memory stays flat whatever the file size


def _sha256():  # noqa: ANN202 - hashlib's sha256 object
    """hashlib imported here, not with the module: it loads OpenSSL, and opening the window hashes nothing."""
    import hashlib

    return hashlib.sha256()


def hash_file(path: Path, progress: Progress | None = None) -> tuple[str, int]:
    progress = progress or NullProgress()
    h = _sha256()
    size = 0
    total = path.stat().st_size
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
            progress.report(size, total * 2, "Đang kiểm tra tệp…")
    return h.hexdigest(), size


def has_blob(conn: sqlite3.Connection, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha256,)).fetchone() is not None


def store_blob(conn: sqlite3.Connection, path: Path, sha256: str, size: int, progress: Progress | None = None) -> None:
    """Write the file into a zero-filled BLOB chunk by chunk; the caller's transaction covers it."""
    progress = progress or NullProgress()
    cur = conn.execute("INSERT INTO blobs (sha256, size, data) VALUES (?, ?, zeroblob(?))", (sha256, size, size))
    rowid = cur.lastrowid
    written = 0
    check = _sha256()
    if size:
        with conn.blobopen("blobs", "data", rowid) as blob, open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                if written + len(chunk) > size:
                    raise EvidenceError(f"Tệp '{path.name}' đã thay đổi trong khi đang đính kèm.", "Hãy thử lại.")
                blob.write(chunk)
                check.update(chunk)
                written += len(chunk)
                progress.report(size + written, size * 2, "Đang lưu tệp vào dữ liệu…")
    if written != size or check.hexdigest() != sha256:
        raise EvidenceError(f"Tệp '{path.name}' đã thay đổi trong khi đang đính kèm.", "Hãy thử lại.")


def store_blob_separately(db_path: Path, path: Path, sha256: str, size: int,
                          progress: Progress | None = None) -> None:
    """Store a BLOB through a connection of its own (a worker thread), in its own transaction.

    The main connection keeps reading meanwhile (WAL); an unlinked BLOB is dropped on the next open.
    """
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=30.0)
    try:
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not has_blob(conn, sha256):
                store_blob(conn, path, sha256, size, progress)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (a full disk does)
                conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:  # disk full, locked too long …
        if "full" in str(exc).lower():
            raise EvidenceError(f"Không lưu được tệp '{path.name}': ổ đĩa chứa tệp dữ liệu đã đầy.",
                                "Hãy giải phóng dung lượng ổ đĩa rồi đính kèm lại; dữ liệu đã có vẫn nguyên vẹn.") from exc
        raise EvidenceError(f"Không lưu được tệp '{path.name}' vào dữ liệu: {exc}.",
                            "Hãy kiểm tra dung lượng ổ đĩa rồi thử lại.") from exc
    finally:
        conn.close()


class BlobDamaged(EvidenceError):
    """A stored document's bytes no longer match the SHA-256 it was stored under."""


def _damaged(name: str) -> BlobDamaged:
    return BlobDamaged(f"Tài liệu '{name}' trong tệp dữ liệu bị hỏng (nội dung không khớp mã SHA-256) nên không xuất ra.",
                       "Hãy chạy 'Kiểm tra tệp dữ liệu' và khôi phục tài liệu từ bản sao lưu.")


def write_blob_to(conn: sqlite3.Connection, sha256: str, target: Path, progress: Progress | None = None) -> None:
    """Stream a stored file back out, checking its SHA-256 on the way: damaged bytes are never
    handed out as the document. A partial file is removed on any failure."""
    progress = progress or NullProgress()
    r = conn.execute("SELECT rowid, size FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
    if r is None:
        raise EvidenceError("Không tìm thấy nội dung tài liệu trong tệp dữ liệu.", "Hãy chạy kiểm tra tệp dữ liệu.")
    rowid, size = r[0], r[1]
    check = _sha256()
    try:
        with open(target, "xb") as out:
            if size:
                with conn.blobopen("blobs", "data", rowid, readonly=True) as blob:
                    done = 0
                    while chunk := blob.read(CHUNK):
                        out.write(chunk)
                        check.update(chunk)
                        done += len(chunk)
                        progress.report(done, size, "Đang xuất tệp…")
        if check.hexdigest() != sha256:
            raise _damaged(target.name)
    except FileExistsError:
        raise
    except (OSError, Cancelled, BlobDamaged) as exc:
        target.unlink(missing_ok=True)
        if isinstance(exc, Cancelled | BlobDamaged):
            raise
        from .atomic import write_error

        err = write_error(target, exc)
        raise EvidenceError(err.message, err.hint) from exc


def copy_blob(conn: sqlite3.Connection, sha256: str, out, name: str = "") -> None:  # noqa: ANN001
    """Stream a stored file into an open binary file object (a ZIP member, for example); raise
    ``BlobDamaged`` when the bytes no longer match their SHA-256."""
    r = conn.execute("SELECT rowid, size FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
    if r is None:
        raise EvidenceError("Không tìm thấy nội dung tài liệu trong tệp dữ liệu.", "Hãy chạy kiểm tra tệp dữ liệu.")
    check = _sha256()
    if r[1]:
        with conn.blobopen("blobs", "data", r[0], readonly=True) as blob:
            while chunk := blob.read(CHUNK):
                out.write(chunk)
                check.update(chunk)
    if check.hexdigest() != sha256:
        raise _damaged(name or sha256[:12])


def drop_orphan_blobs(conn: sqlite3.Connection) -> int:
    """Blobs no evidence row or plan (its imported source file) uses any more (kept during a
    session so undo can restore them)."""
    cur = conn.execute("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM evidence) "
                       "AND sha256 NOT IN (SELECT source_blob FROM plans WHERE source_blob IS NOT NULL)")
    return cur.rowcount
