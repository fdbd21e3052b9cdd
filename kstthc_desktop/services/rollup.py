"""Roll-up of many offices' reports: a use case that needs no office file of its own.

Plain functions (no OfficeService): the level above may run them with no data file open, from the
CLI or from the window. Long work reports progress and stops when cancelled.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..core.errors import KstthcError
from ..core.progress import Progress
from ..storage.atomic import atomic_write, guard_output


def roll_up_folder(folder: str | os.PathLike, period: str | None = None, expected: list[str] | None = None,
                   progress: Progress | None = None):  # noqa: ANN201 - reports.rollup.Rollup
    """Read every report PDF/JSON under ``folder``, check each, sum the good ones."""
    from ..core.periods import parse_period
    from ..reports.rollup import report_files, roll_up

    root = Path(folder)
    if not root.is_dir():
        raise KstthcError(f"Không tìm thấy thư mục '{root}'.", "Hãy chọn thư mục chứa các báo cáo (.pdf, .json).")
    if period:
        period = parse_period(period).code  # a bad code: one clear message before any reading
    pairs = report_files(root)
    if not pairs:
        raise KstthcError(f"Thư mục '{root.name}' không có tệp báo cáo .pdf hoặc .json nào.",
                          "Hãy chép các báo cáo của các cơ quan vào một thư mục rồi chọn thư mục đó.")
    return roll_up(pairs, period=period, expected=expected or [], progress=progress, root=root)


def read_office_list(path: str | os.PathLike) -> list[str]:
    """Offices expected to report: one name a line (.txt/.csv), or the first column of an .xlsx."""
    p = Path(path)
    try:
        if p.suffix.lower() == ".xlsx":
            import openpyxl

            wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
            try:
                names = [str(row[0]).strip() for row in wb.worksheets[0].iter_rows(values_only=True)
                         if row and row[0] is not None and str(row[0]).strip()]
            finally:
                wb.close()
        else:
            text = p.read_bytes().decode("utf-8-sig", errors="replace")
            names = [line.split(",")[0].split(";")[0].strip() for line in text.splitlines()]
    except OSError as exc:
        raise KstthcError(f"Không đọc được danh sách cơ quan '{p.name}': {exc.strerror or exc}.",
                          "Hãy chọn tệp .txt (mỗi dòng một cơ quan) hoặc .xlsx (cột đầu).") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged workbook
        raise KstthcError(f"Không đọc được danh sách cơ quan '{p.name}'.",
                          "Hãy chọn tệp .txt (mỗi dòng một cơ quan) hoặc .xlsx (cột đầu).") from exc
    names = [n for n in names if n and n.casefold() not in ("stt", "cơ quan", "tên cơ quan", "đơn vị")]
    return list(dict.fromkeys(names))


def write_rollup(rollup, out: str | os.PathLike, office=None, on: date | None = None,  # noqa: ANN001
                 progress: Progress | None = None) -> Path:
    """The summary as .xlsx (tables) or .pdf (the ND 30 report), by the name's suffix."""
    from ..reports.rollup import render_rollup_pdf, write_rollup_xlsx

    target = Path(out)
    suffix = target.suffix.lower()
    if target.is_file():
        with target.open("rb") as fh:
            if fh.read(16) == b"SQLite format 3\x00":
                raise KstthcError(f"'{target.name}' là một tệp dữ liệu, không ghi đè được.", "Hãy chọn tên tệp khác.")
    if suffix in (".xlsx", ".pdf"):
        guard_output(target)
        with atomic_write(target) as tmp:  # never over an office file, never half a file
            if suffix == ".xlsx":
                write_rollup_xlsx(rollup, tmp)
            else:
                render_rollup_pdf(rollup, tmp, office, on, progress)
        return target
    raise KstthcError(f"Không ghi được '{target.name}'.", "Tên tệp tổng hợp phải có đuôi .xlsx hoặc .pdf.")


__all__ = ["read_office_list", "roll_up_folder", "write_rollup"]
