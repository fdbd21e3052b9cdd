"""The one entry for reading any plan file into grids: check the file, tell its kind from its
bytes, hand it to that kind's reader, all inside the one boundary (``boundary.guarded``).

The readers live below this module: spreadsheets and Word tables in grid.py, Word running text in
document.py, PDF in pdf.py (those two load when such a file is read).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import ImportFailed
from ..core.progress import NullProgress, Progress
from .boundary import guarded
from .grid import MAX_FILE_BYTES, Grid, _open_regular, _read_calamine, _read_xlsx, _sniff


def read_grids(path: str | os.PathLike[str], progress: Progress | None = None) -> list[Grid]:
    """Read every sheet (or every Word table) of ``path``; raise ``ImportFailed`` on any problem.

    Every limit is enforced before memory is spent on it (file kind and size, cells, merged
    area, repeated rows and columns, shared strings, wall time); whatever the reader raises ends
    at the one boundary (``boundary.guarded``) as a plain message.
    """
    progress = progress or NullProgress()
    p = Path(path)
    return guarded(lambda: _read_grids(p, progress), p.name)


def _read_grids(p: Path, progress: Progress) -> list[Grid]:
    name = p.name
    head, size = _open_regular(p)
    if size == 0 or not head:
        raise ImportFailed(f"Tệp '{name}' rỗng (0 byte).", "Hãy kiểm tra lại tệp gốc hoặc xin gửi lại tệp.")
    if size > MAX_FILE_BYTES:
        raise ImportFailed(
            f"Tệp '{name}' quá lớn ({size / 1024 / 1024:.0f} MB, tối đa {MAX_FILE_BYTES // 1024 // 1024} MB).",
            "Hãy xóa các trang tính, hình ảnh không cần thiết rồi lưu lại, chỉ giữ bảng kế hoạch.",
        )
    progress.report(0, 1, f"Đang mở tệp {name}")
    kind = _sniff(p, head)
    grids = READERS[kind](p, progress)
    progress.report(1, 1, f"Đã đọc {len(grids)} bảng")
    return grids


def _read_docx_document(path: Path, progress: Progress) -> list[Grid]:
    """The tables, and the running text for prose plans (importers/document.py)."""
    from .document import read_docx_document

    return read_docx_document(path, progress)


def _read_pdf(path: Path, progress: Progress) -> list[Grid]:
    from .pdf import read_pdf

    return read_pdf(path, progress)


# Every reader is dispatched from here and runs inside ``boundary.guarded`` (read_grids).
READERS = {
    "xlsx": _read_xlsx,
    "docx": _read_docx_document,
    "pdf": _read_pdf,
    "xls": lambda path, progress: _read_calamine(path, "xls", progress),
    "ods": lambda path, progress: _read_calamine(path, "ods", progress),
}
