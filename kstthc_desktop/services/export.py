"""Writing a table (what the plan view shows) to an .xlsx workbook. No Qt here.

The UI walks its view and hands over plain rows; this module only lays them out: a title, a filter
summary, bold column titles with frozen panes, section rows as bold group rows, real dates, wrapped
text. openpyxl is imported at first use (start-up must not pay for it, DESIGN.md §3). Every cell
goes through ``core.spreadsheet.set_cell`` (text, never a live formula), and the file through
``storage.atomic`` (never over an office file, never half a workbook).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path

from ..core.errors import KstthcError
from ..core.progress import NullProgress, Progress
from ..core.spreadsheet import MAX_CELL_TEXT, cell_text, set_cell
from ..storage.atomic import atomic_write, guard_output

_MIN_WIDTH, _MAX_WIDTH, _DATE_WIDTH = 6, 60, 12
_GROUP_FILL = "E8EEF4"
_HEADER_FILL = "D9E2EC"


def _cannot_write(target: Path, detail: str = "") -> KstthcError:
    return KstthcError(
        f"Không ghi được tệp '{target.name}'{': ' + detail if detail else ''}.",
        "Nếu tệp đang mở trong Excel, hãy đóng tệp rồi làm lại; hoặc chọn thư mục khác có quyền ghi.",
    )


def _width(value: object) -> float:
    if isinstance(value, date | datetime):
        return _DATE_WIDTH
    if value is None:
        return 0
    text = str(value)
    return max((len(line) for line in text.split("\n")), default=0) * 1.1 + 2


def write_table_xlsx(path: str | os.PathLike, title: str, headers: Sequence[str],
                     rows: Sequence[Sequence[object]], group_rows: Collection[int] = (),
                     subtitle: str = "", sheet_title: str = "Kế hoạch",
                     progress: Progress | None = None) -> Path:
    """Write ``rows`` under ``headers``; rows whose index is in ``group_rows`` are section titles.

    Cells may hold ``str``, ``int``/``float``, ``date`` (written as real dates) or ``None``.
    Returns the path written; raises ``KstthcError`` (in Vietnamese) when the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    progress = progress or NullProgress()
    target = Path(path)
    guard_output(target)
    if not target.parent.is_dir():
        raise _cannot_write(target, "thư mục chứa tệp không tồn tại")
    ncols = max(1, len(headers))
    groups = set(group_rows)

    wb = Workbook()
    ws = wb.active
    ws.title = (cell_text(sheet_title).translate(str.maketrans("", "", "[]:*?/\\")).strip("'") or "Sheet")[:31]
    wrap = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="A0A7B0")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    last_col = get_column_letter(ncols)

    def put(r: int, c: int, value: object):  # noqa: ANN202 - every cell: data, never a formula
        return set_cell(ws.cell(row=r, column=c), value)

    row = 1
    put(row, 1, title).font = Font(bold=True, size=14)
    ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="center")
    if ncols > 1:
        ws.merge_cells(f"A{row}:{last_col}{row}")
    ws.row_dimensions[row].height = 36
    if subtitle:
        row += 1
        cell = put(row, 1, subtitle)
        cell.font = Font(italic=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if ncols > 1:
            ws.merge_cells(f"A{row}:{last_col}{row}")
        ws.row_dimensions[row].height = 30
    row += 2
    header_row = row
    for c, name in enumerate(headers, start=1):
        cell = put(row, c, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border

    widths = [_width(h) for h in headers] or [_MIN_WIDTH]
    group_font = Font(bold=True)
    group_fill = PatternFill("solid", fgColor=_GROUP_FILL)
    for i, values in enumerate(rows):
        row += 1
        if i in groups:
            cell = put(row, 1, values[0] if values else "")
            cell.font, cell.fill, cell.alignment = group_font, group_fill, wrap
            for c in range(1, ncols + 1):
                ws.cell(row=row, column=c).border = border
                ws.cell(row=row, column=c).fill = group_fill
            if ncols > 1:
                ws.merge_cells(f"A{row}:{last_col}{row}")
        else:
            for c, value in enumerate(values[:ncols], start=1):
                cell = put(row, c, value)
                if isinstance(value, date | datetime):
                    cell.number_format = "DD/MM/YYYY"
                cell.alignment = wrap
                cell.border = border
                widths[c - 1] = max(widths[c - 1], _width(value))
            for c in range(len(values) + 1, ncols + 1):
                ws.cell(row=row, column=c).border = border
        if i % 500 == 0:
            progress.report(i, len(rows))

    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = max(_MIN_WIDTH, min(_MAX_WIDTH, w))
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    with atomic_write(target) as tmp:
        wb.save(tmp)
    progress.report(len(rows), len(rows))
    return target


__all__ = ["MAX_CELL_TEXT", "write_table_xlsx"]
