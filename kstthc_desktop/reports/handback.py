"""Results written back into a copy of the superior's own plan file ("Điền kết quả vào tệp của cấp trên").

The superior often wants results in *its* template: the workbook it sent, with a "Kết quả thực
hiện" / "Tiến độ" column filled in. This module writes such a copy. It never touches the source
file: the source is opened, changed in memory and saved under another name (written beside the
target and moved over it, so a failure never leaves half a file).

- .xlsx: opened with openpyxl, so formatting, merged cells, column widths, row heights, print setup
  and the title block stay as they are; result columns the template already has (recognised by
  their titles, and only when the plan's own text is not in them) are filled, the missing ones are
  added at the right of the table with the look of the table's last column.
- .xls/.ods: openpyxl cannot open them; their cells and merged ranges are copied into a new .xlsx,
  then filled the same way (their own fonts, widths, heights and print setup cannot be read, so
  sensible ones are set: columns as wide as most of their cells, rows as tall as their wrapped
  text, A4 landscape one page wide).
- .docx: the task table gets its result cells; missing columns are added (the table keeps its
  total width: the existing columns give up a share).

The caller (services) says where each sheet's header band is and which columns hold the plan's
own text, and gives the results per (sheet, 1-based row) as kept on each task at import.
No Qt, no SQL; openpyxl/python-docx are imported when used.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..core.errors import KstthcError
from ..core.progress import NullProgress, Progress
from ..core.text import fold
from .cells import clean_cell_text, write_cell

KINDS: tuple[str, ...] = ("status", "completed", "note", "evidence")
TITLES: dict[str, str] = {
    "status": "Tình trạng thực hiện",
    "completed": "Ngày hoàn thành",
    "note": "Kết quả thực hiện",
    "evidence": "Văn bản, tài liệu minh chứng",
}
WIDTHS: dict[str, float] = {"status": 18, "completed": 13, "note": 42, "evidence": 36}

_PUNCT = re.compile(r"[\s./:;,()\-–—_*]+")
_NUMBER_CELL = re.compile(r"^\(?\s*\d{1,2}\s*\)?$")


@dataclass
class TaskValues:
    """What goes into one task's row."""

    status: str = ""
    completed: date | None = None
    note: str = ""
    evidence: str = ""

    def get(self, kind: str) -> object:
        return getattr(self, kind)

    def empty(self) -> bool:
        return not (self.status or self.completed or self.note or self.evidence)


@dataclass
class SheetLayout:
    """Where the table sits on one sheet (or Word table): rows and columns are 1-based."""

    sheet: str
    header_first: int
    header_last: int
    plan_columns: set[int] = field(default_factory=set)  # columns the importer read the plan from
    number_row: int | None = None  # the "(1) (2) (3)" row under the header, if there is one


@dataclass
class HandbackSummary:
    out: Path
    kind: str  # "xlsx" | "docx"
    rows_written: int = 0
    filled: list[str] = field(default_factory=list)  # "Kế hoạch!H: Kết quả thực hiện"
    added: list[str] = field(default_factory=list)
    missing_rows: list[tuple[str, int]] = field(default_factory=list)  # results with no such row/sheet
    converted_from: str = ""  # "xls"/"ods" when the copy is a conversion
    landscape: list[str] = field(default_factory=list)  # Word tables put on landscape pages to make room
    tasks_without_row: int = 0  # tasks added by hand: not in the superior's file


def result_kind(title: str) -> str | None:
    """Which result a column title asks for, or None (accent- and case-insensitive)."""
    t = _PUNCT.sub(" ", fold(title.replace("\n", " "))).strip()
    if not t or len(t) > 80 or "du kien" in t:  # "Kết quả dự kiến" is the plan's product
        return None
    if "minh chung" in t or "kiem chung" in t or "van ban tai lieu" in t or "san pham dat duoc" in t:
        return "evidence"
    if "ngay hoan thanh" in t or "thuc te" in t:
        return "completed"
    if any(w in t for w in ("tinh trang", "trang thai", "tien do", "muc do hoan thanh", "danh gia")):
        return "status"
    if any(w in t for w in ("ket qua", "tinh hinh thuc hien")):
        return "note"
    return None


def file_kind(path: Path) -> str:
    """ "xlsx", "docx", "ods" or "xls" from the file's bytes (never its name)."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if head.startswith(b"PK"):
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "content.xml" in names:
            return "ods"
    raise KstthcError("Tệp gốc của cấp trên không phải bảng tính hay văn bản Word.",
                      "Chỉ điền kết quả được vào tệp .xlsx, .xls, .ods hoặc .docx.")


def output_kind(source_kind: str) -> str:
    return "docx" if source_kind == "docx" else "xlsx"


# --------------------------------------------------------------------------- writing


def _atomic_save(target: Path, save: Callable[[Path], None]) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".kstthc-", suffix=target.suffix, dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise KstthcError(f"Không ghi được vào thư mục '{target.parent}': {exc.strerror}.",
                          "Hãy chọn thư mục khác có quyền ghi.") from exc
    tmp = Path(tmp_name)
    try:
        save(tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise KstthcError(f"Không ghi được '{target.name}': tệp đang mở ở chương trình khác?",
                          "Hãy đóng tệp (ví dụ trong Excel hoặc Word) rồi thử lại.") from exc
    finally:
        tmp.unlink(missing_ok=True)


def write_handback(source: Path, out: Path, layouts: Sequence[SheetLayout],
                   values: Mapping[tuple[str, int], TaskValues], progress: Progress | None = None,
                   grids: Sequence[Any] | None = None) -> HandbackSummary:
    """Write the copy; ``grids`` (importers.Grid) are needed to convert .xls/.ods."""
    progress = progress or NullProgress()
    kind = file_kind(source)
    if kind == "docx":
        return _write_docx(source, out, layouts, values, progress)
    if kind in ("xls", "ods"):
        if grids is None:
            raise ValueError("grids are needed to convert a .xls/.ods source")
        wb, border = _workbook_from_grids(grids)
        summary = _fill_workbook(wb, out, layouts, values, progress, converted=True, border=border)
        summary.converted_from = kind
        return summary
    import openpyxl

    with source.open("rb") as fh:
        import warnings

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"openpyxl(\..*)?")
            wb = openpyxl.load_workbook(fh, rich_text=True)
    return _fill_workbook(wb, out, layouts, values, progress, converted=False)


# --------------------------------------------------------------------------- xlsx


def _workbook_from_grids(grids: Sequence[Any]) -> tuple[Any, Any]:
    """A plain workbook with the cells and merged ranges of a .xls/.ods (values only), and the
    thin border its result cells get (the source's own borders cannot be read)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    for g in grids:
        ws = wb.create_sheet(re.sub(r"[\[\]:*?/\\]", "_", g.name)[:31] or "Sheet")
        covered = {(r, c) for r0, c0, r1, c1 in g.spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
                   if (r, c) != (r0, c0)}
        lengths: list[list[int]] = [[] for _ in range(max(g.width, 1))]
        table_rows: set[int] = set()
        for r, row in enumerate(g.rows):
            # a title or section line stands alone in its row and runs over the empty cells beside
            # it: it neither wraps nor widens its column (a 50-wide "STT" pushed the table off the page)
            table_row = sum(1 for c, text in enumerate(row) if text and (r, c) not in covered) > 1
            if table_row:
                table_rows.add(r)
            for c, text in enumerate(row):
                if text and (r, c) not in covered:
                    cell = ws.cell(row=r + 1, column=c + 1)
                    write_cell(cell, text)
                    cell.alignment = Alignment(wrap_text=table_row, vertical="top")
                    if table_row:
                        lengths[c].append(max(len(x) for x in text.split("\n")))
        for r0, c0, r1, c1 in g.spans:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        widths = [_column_width(ls) for ls in lengths]  # most cells on one line; the longest wrap
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = w
        for r, row in enumerate(g.rows):  # heights for the wrapped text: LibreOffice does not fit rows itself
            cells = [(c, text) for c, text in enumerate(row) if text and (r, c) not in covered]
            lines = max(((_wrapped_lines(text, widths[c]) if r in table_rows else text.count("\n") + 1)
                         for c, text in cells), default=1)
            ws.row_dimensions[r + 1].height = round(lines * _LINE_POINTS + 4, 1)
        # the source's print setup cannot be read either: A4 landscape, the table one page wide
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    return wb, Border(left=thin, right=thin, top=thin, bottom=thin)


_LINE_POINTS = 11 * 1.3  # one line of openpyxl's default 11-point font


def _column_width(lengths: Sequence[int]) -> float:
    """A converted column's width from its cells' longest lines: wide enough for nine cells in ten
    (the rest wrap), between 8 and 50 characters."""
    if not lengths:
        return 8.0
    ordered = sorted(lengths)
    return max(8.0, min(50.0, ordered[int(0.9 * (len(ordered) - 1))] * 0.9))


def _wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a wrapped cell ``width`` characters wide (a little generous)."""
    import math

    per_line = max(4.0, width * 1.15)
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


def _merged_anchor(ws: Any, row: int, col: int) -> tuple[int, int] | None:
    """Top-left of the merged range covering (row, col), or None when the cell is not merged."""
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
            return rng.min_row, rng.min_col
    return None


def _header_text(ws: Any, layout: SheetLayout, col: int) -> tuple[str, str]:
    """(last header row's text, whole band's text) of a column, merged cells read at their anchor."""
    texts: list[str] = []
    for r in range(layout.header_first, layout.header_last + 1):
        anchor = _merged_anchor(ws, r, col) or (r, col)
        value = ws.cell(row=anchor[0], column=anchor[1]).value
        text = str(value).strip() if value is not None else ""
        if text and (not texts or texts[-1] != text):
            texts.append(text)
    last = ws.cell(*(_merged_anchor(ws, layout.header_last, col) or (layout.header_last, col))).value
    return (str(last).strip() if last is not None else ""), " ".join(texts)


def _table_last_col(ws: Any, layout: SheetLayout) -> int:
    last = 0
    for r in range(layout.header_first, layout.header_last + 1):
        for c in range(1, ws.max_column + 1):
            if ws.cell(row=r, column=c).value not in (None, ""):
                last = max(last, c)
        for rng in ws.merged_cells.ranges:
            if rng.min_row <= r <= rng.max_row and ws.cell(rng.min_row, rng.min_col).value not in (None, ""):
                last = max(last, rng.max_col)
    return last


def _result_columns(ws: Any, layout: SheetLayout, last_col: int,
                    task_rows: Sequence[int]) -> dict[str, int]:
    """Result columns the template already has: titled so, and not holding the plan's own text."""
    found: dict[str, int] = {}
    for c in range(1, last_col + 1):
        sub, band = _header_text(ws, layout, c)
        kind = result_kind(sub) or result_kind(band)
        if kind is None or kind in found:
            continue
        if c in layout.plan_columns:
            used = any(ws.cell(row=r, column=c).value not in (None, "") for r in task_rows
                       if _merged_anchor(ws, r, c) in (None, (r, c)))
            if used:  # e.g. "Tiến độ" holding the deadlines: the plan's text, never ours
                continue
        found[kind] = c
    return found


def _grow_row(ws: Any, row: int, col: int) -> None:
    """A row the template gave a fixed height grows to show our text (never shrinks); a row
    without one is left to the spreadsheet's own fitting, as the source was."""
    from openpyxl.utils import get_column_letter

    dim = ws.row_dimensions[row]
    if dim.height is None:
        return
    width = ws.column_dimensions[get_column_letter(col)].width or 9.0
    lines = _wrapped_lines(str(ws.cell(row=row, column=col).value or ""), width)
    size = ws.cell(row=row, column=col).font.sz or 11
    needed = lines * size * 1.3 + 4
    if needed > dim.height:
        dim.height = round(needed, 1)


def _copy_style(src: Any, dst: Any) -> None:
    if src.has_style:
        dst._style = copy.copy(src._style)


def _fill_workbook(wb: Any, out: Path, layouts: Sequence[SheetLayout],
                   values: Mapping[tuple[str, int], TaskValues], progress: Progress,
                   converted: bool, border: Any = None) -> HandbackSummary:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter, range_boundaries

    summary = HandbackSummary(out=out, kind="xlsx")
    by_sheet: dict[str, dict[int, TaskValues]] = {}
    for (sheet, row), v in values.items():
        by_sheet.setdefault(sheet, {})[row] = v
    names = {ws.title: ws for ws in wb.worksheets}
    if converted:  # sheet names may have lost characters Excel forbids
        names.update({re.sub(r"[\[\]:*?/\\]", "_", n)[:31]: ws for n, ws in list(names.items())})
        for layout in layouts:
            names.setdefault(layout.sheet, names.get(re.sub(r"[\[\]:*?/\\]", "_", layout.sheet)[:31]))
    done = 0
    total = max(1, len(values))
    for layout in layouts:
        ws = names.get(layout.sheet)
        rows = by_sheet.pop(layout.sheet, {})
        if ws is None:
            summary.missing_rows += [(layout.sheet, r) for r in rows]
            continue
        if not rows:
            continue
        last_col = _table_last_col(ws, layout) or ws.max_column
        columns = _result_columns(ws, layout, last_col, sorted(rows))
        for kind in KINDS:
            if kind in columns:
                summary.filled.append(f"{ws.title}!{get_column_letter(columns[kind])}: {TITLES[kind]}")
        next_col = last_col + 1
        for kind in KINDS:
            if kind in columns:
                continue
            col = columns[kind] = next_col
            next_col += 1
            letter = get_column_letter(col)
            summary.added.append(f"{ws.title}!{letter}: {TITLES[kind]}")
            style_from = last_col
            for r in range(layout.header_first, layout.header_last + 1):
                _copy_style(ws.cell(row=r, column=style_from), ws.cell(row=r, column=col))
            head = ws.cell(row=layout.header_first, column=col)
            write_cell(head, TITLES[kind])
            head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if layout.header_last > layout.header_first:
                ws.merge_cells(start_row=layout.header_first, start_column=col,
                               end_row=layout.header_last, end_column=col)
            if layout.number_row is not None:
                num = ws.cell(row=layout.number_row, column=col)
                _copy_style(ws.cell(row=layout.number_row, column=style_from), num)
                write_cell(num, f"({col})" if str(ws.cell(layout.number_row, style_from).value or "")
                           .strip().startswith("(") else str(col))
            ws.column_dimensions[letter].width = WIDTHS[kind]
            first_body = (layout.number_row or layout.header_last) + 1
            last_body = max(rows) if rows else first_body
            for r in range(first_body, last_body + 1):
                cell = ws.cell(row=r, column=col)
                _copy_style(ws.cell(row=r, column=style_from), cell)
                if border is not None:
                    cell.border = border
            if border is not None:
                for r in range(layout.header_first, layout.header_last + 1):
                    ws.cell(row=r, column=col).border = border
        # the values, gathered per target cell (tasks sharing a merged result cell share its text)
        pending: dict[tuple[int, int], list[object]] = {}
        for r in sorted(rows):
            v = rows[r]
            if v.empty():
                continue
            for kind in KINDS:
                value = v.get(kind)
                if value in (None, ""):
                    continue
                anchor = _merged_anchor(ws, r, columns[kind]) or (r, columns[kind])
                pending.setdefault(anchor, []).append(value)
            summary.rows_written += 1
            done += 1
            if done % 200 == 0:
                progress.report(done, total, "Đang điền kết quả…")
        for (r, c), parts in pending.items():
            cell = ws.cell(row=r, column=c)
            existing = cell.value
            if len(parts) == 1 and existing in (None, ""):
                write_cell(cell, parts[0])
            else:
                texts = [str(existing)] if existing not in (None, "") else []
                texts += [p.strftime("%d/%m/%Y") if isinstance(p, date) else str(p) for p in parts]
                write_cell(cell, "\n".join(dict.fromkeys(texts)))
            wrap = copy.copy(cell.alignment)
            wrap.wrap_text, wrap.vertical = True, cell.alignment.vertical or "top"
            cell.alignment = wrap
            _grow_row(ws, r, c)
        if ws.print_area:
            area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
            ref = area.split("!")[-1].replace("$", "")
            try:
                c0, r0, c1, r1 = range_boundaries(ref)
            except ValueError:
                c0 = None
            if c0 is not None and c1 is not None and c1 < next_col - 1:
                ws.print_area = f"{get_column_letter(c0)}{r0}:{get_column_letter(next_col - 1)}{r1}"
    for sheet, rows in by_sheet.items():
        summary.missing_rows += [(sheet, r) for r in rows]
    progress.report(total, total, "Đang ghi tệp…")
    _atomic_save(out, wb.save)
    return summary


# --------------------------------------------------------------------------- docx


def _docx_tables(document: Any) -> list[Any]:
    """Top-level tables in the order the importer numbers them ("Bảng 1", "Bảng 2", …)."""
    from docx.oxml.ns import qn

    w_tbl, w_sdt, w_content = qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")

    def walk(parent: Any) -> list[Any]:
        out = []
        for child in parent.iterchildren():
            if child.tag == w_sdt:
                for content in child.iterchildren(w_content):
                    out += walk(content)
            elif child.tag == w_tbl:
                out.append(child)
        return out

    return walk(document.element.body)


def _tc_text(tc: Any) -> str:
    from docx.oxml.ns import qn

    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iterchildren(qn("w:p")))


def _row_cells(tr: Any) -> list[tuple[int, Any]]:
    """(first grid column 1-based, w:tc) of a row."""
    from docx.oxml.ns import qn

    col = 1
    before = tr.find(qn("w:trPr"))
    if before is not None:
        gb = before.find(qn("w:gridBefore"))
        if gb is not None:
            col += int(gb.get(qn("w:val"), "0") or 0)
    out = []
    for tc in tr.iterchildren(qn("w:tc")):
        out.append((col, tc))
        span = 1
        tcpr = tc.find(qn("w:tcPr"))
        if tcpr is not None and tcpr.find(qn("w:gridSpan")) is not None:
            span = int(tcpr.find(qn("w:gridSpan")).get(qn("w:val"), "1") or 1)
        col += span
    return out


def _set_tc_text(tc: Any, text: str, template_run: Any | None) -> None:
    """Replace a cell's text by ``text`` (one paragraph per line), keeping its run formatting."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraphs = list(tc.iterchildren(qn("w:p")))
    first = paragraphs[0] if paragraphs else OxmlElement("w:p")
    if not paragraphs:
        tc.append(first)
    ppr = first.find(qn("w:pPr"))
    rpr = None
    for r in first.iter(qn("w:r")):
        if r.find(qn("w:rPr")) is not None:
            rpr = r.find(qn("w:rPr"))
            break
    if rpr is None and template_run is not None:
        rpr = template_run
    for p in paragraphs:
        tc.remove(p)
    for line in clean_cell_text(text).split("\n"):
        p = OxmlElement("w:p")
        if ppr is not None:
            p.append(copy.deepcopy(ppr))
        r = OxmlElement("w:r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        t = OxmlElement("w:t")
        t.text = line
        t.set(qn("xml:space"), "preserve")
        r.append(t)
        p.append(r)
        tc.append(p)


def _new_tc(like: Any, width_twips: int, vmerge: str | None) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc = OxmlElement("w:tc")
    old = like.find(qn("w:tcPr"))
    tcpr = copy.deepcopy(old) if old is not None else OxmlElement("w:tcPr")
    for tag in ("w:gridSpan", "w:vMerge", "w:hMerge", "w:tcW"):
        for el in tcpr.findall(qn(tag)):
            tcpr.remove(el)
    w = OxmlElement("w:tcW")
    w.set(qn("w:w"), str(width_twips))
    w.set(qn("w:type"), "dxa")
    tcpr.insert(0, w)
    if vmerge is not None:
        vm = OxmlElement("w:vMerge")
        if vmerge == "restart":
            vm.set(qn("w:val"), "restart")
        tcpr.append(vm)
    tc.append(tcpr)
    p = OxmlElement("w:p")
    like_p = like.find(qn("w:p"))
    if like_p is not None and like_p.find(qn("w:pPr")) is not None:
        p.append(copy.deepcopy(like_p.find(qn("w:pPr"))))
    tc.append(p)
    return tc


def _first_rpr(tc: Any) -> Any | None:
    from docx.oxml.ns import qn

    for r in tc.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is not None:
            return rpr
    return None


# Added columns of a Word table: never narrower than these (a date "20/05/2021" on one line at 13–14 pt,
# a status in two lines), as wide as the preferred ones when the page has room.
DOCX_MIN_MM: dict[str, float] = {"status": 28, "completed": 27, "note": 40, "evidence": 34}
DOCX_PREF_MM: dict[str, float] = {"status": 32, "completed": 28, "note": 60, "evidence": 48}
PORTRAIT_KEEP = 0.8  # the plan's own columns give up at most a fifth of their width on a portrait page
OWN_FLOOR_MM = 12  # a plan's narrow column (STT) keeps this much: "1.1" stays on one line
_TWIPS_PER_MM = 1440 / 25.4
_A4_TWIPS = (11906, 16838)


def allot_widths(preferred: Sequence[int], minimum: Sequence[int], room: int) -> list[int]:
    """Column widths within ``room``: every column gives up the same share of its preferred width
    (so the plan's own columns keep their proportions), none goes below its minimum (the others
    give up more instead), none grows beyond its preferred width. Only when not even the minimums
    fit are they narrowed too, all in proportion."""
    clamped: set[int] = set()
    while True:
        fixed = sum(minimum[i] for i in clamped)
        flexible = sum(w for i, w in enumerate(preferred) if i not in clamped)
        factor = max(0.0, min(1.0, (room - fixed) / flexible)) if flexible else 1.0
        more = {i for i, w in enumerate(preferred) if i not in clamped and w * factor < minimum[i]}
        if not more:
            break
        clamped |= more
    widths = [minimum[i] if i in clamped else int(w * factor) for i, w in enumerate(preferred)]
    total = sum(widths)
    if total > room:
        widths = [int(w * room / total) for w in widths]
    return widths


def _twips(length: Any, default: int) -> int:
    return default if length is None else int(length) // 635  # python-docx lengths are EMU


def _body_child(el: Any, body: Any) -> Any:
    while el.getparent() is not body:
        el = el.getparent()
    return el


def _section_props(body: Any, child: Any) -> Any:
    """The w:sectPr of the section holding a body child: the first one at or after it."""
    from docx.oxml.ns import qn

    children = list(body.iterchildren())
    for el in children[children.index(child):]:
        if el.tag == qn("w:sectPr"):
            return el
        if el.tag == qn("w:p") and el.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
            return el.find(qn("w:pPr") + "/" + qn("w:sectPr"))
    return body.find(qn("w:sectPr"))


def _text_width(section: Any) -> int:
    """Twips between the margins of a python-docx Section (A4 and 1-inch margins when unset)."""
    from docx.enum.section import WD_ORIENT

    portrait = section.orientation != WD_ORIENT.LANDSCAPE
    width = _twips(section.page_width, _A4_TWIPS[0] if portrait else _A4_TWIPS[1])
    return width - _twips(section.left_margin, 1440) - _twips(section.right_margin, 1440)


def _has_content(el: Any) -> bool:
    """A body child that puts something on the page (an empty paragraph does not)."""
    from docx.oxml.ns import qn

    if el.tag != qn("w:p"):
        return el.tag in (qn("w:tbl"), qn("w:sdt"))
    return any((t.text or "").strip() for t in el.iter(qn("w:t"))) or \
        next(el.iter(qn("w:drawing"), qn("w:pict"), qn("w:object")), None) is not None


HEADING_CHARS = 700  # text before (or after) a table that is its heading (or closing block), not prose
HEADING_LINE = 300


def _keeps_own_pages(elements: Sequence[Any]) -> bool:
    """Whether what comes before or after a table in its section stays on its own (portrait) pages:
    prose or another big table does; a short heading ("PHỤ LỤC I", the plan's title block) or a
    closing block ("Nơi nhận", the signature) goes onto the table's landscape pages with it."""
    from docx.oxml.ns import qn

    if not any(_has_content(el) for el in elements):
        return False
    total = 0
    for el in elements:
        if el.tag == qn("w:tbl") and len(el.findall(qn("w:tr"))) > 4:
            return True
        for p in [el] if el.tag == qn("w:p") else el.iter(qn("w:p")):
            line = sum(len(t.text or "") for t in p.iter(qn("w:t")))
            if line > HEADING_LINE:
                return True
            total += line
    return total > HEADING_CHARS


def _break_paragraph(sect_pr: Any) -> Any:
    """An empty, tiny paragraph that ends a section with ``sect_pr``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = OxmlElement("w:p")
    ppr = p.get_or_add_pPr()
    ppr.spacing_before, ppr.spacing_after = 0, 0
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    rpr.append(size)
    ppr.append(rpr)
    ppr.append(sect_pr)
    return p


def _continuing(sect_pr: Any) -> None:
    """A section that follows another: a new page, page numbers going on, no title page of its own."""
    from docx.oxml.ns import qn

    for el in sect_pr.findall(qn("w:titlePg")):
        sect_pr.remove(el)
    num = sect_pr.find(qn("w:pgNumType"))
    if num is not None and num.get(qn("w:start")) is not None:
        del num.attrib[qn("w:start")]
    kind = sect_pr.find(qn("w:type"))
    if kind is not None:
        sect_pr.remove(kind)  # no w:type: the section starts on a new page


def _landscape(document: Any, table_child: Any, sect_pr: Any) -> Any:
    """Put the table (with its heading and closing block) on landscape pages; prose before and after
    it in its section stays on the pages it had. The page turns the way a bound document turns it:
    the binding margin (left) goes to the top. Returns the landscape python-docx Section."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.section import Section
    from docx.shared import Twips

    body = document.element.body
    children = list(body.iterchildren())
    at = children.index(table_child)
    start = at
    while start > 0 and not (children[start - 1].tag == qn("w:p")
                             and children[start - 1].find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None):
        start -= 1
    before = _keeps_own_pages(children[start:at])
    carrier = sect_pr.getparent().getparent() if sect_pr.getparent() is not body else None
    end = children.index(carrier) if carrier is not None else len(children)
    after = _keeps_own_pages(children[at + 1:end + 1])
    original = copy.deepcopy(sect_pr)
    if before:  # the section's first part keeps its pages (and its own first page, numbering start)
        table_child.addprevious(_break_paragraph(copy.deepcopy(original)))
    if after:  # the table's own section ends right after it; the rest keeps the original one
        own = copy.deepcopy(original)
        table_child.addnext(_break_paragraph(own))
        _continuing(sect_pr)
    else:
        own = sect_pr
    if before:
        _continuing(own)
    section = Section(own, document.part)
    width, height = _twips(section.page_width, _A4_TWIPS[0]), _twips(section.page_height, _A4_TWIPS[1])
    top, bottom = section.top_margin, section.bottom_margin
    left, right = section.left_margin, section.right_margin
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(max(width, height)), Twips(min(width, height))
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = left, right, bottom, top
    return section


def _set_table_width(tbl: Any, total: int) -> None:
    """w:tblW in twips and a fixed layout: Word and LibreOffice keep the widths written here."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        anchor = None
        for tag in ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                    "w:tblStyleColBandSize"):
            anchor = tbl_pr.find(qn(tag)) if tbl_pr.find(qn(tag)) is not None else anchor
        anchor.addnext(width) if anchor is not None else tbl_pr.insert(0, width)
    width.set(qn("w:w"), str(total))
    width.set(qn("w:type"), "dxa")
    tbl_pr.get_or_add_tblLayout().type = "fixed"


def _make_room(document: Any, tbl: Any, trs: list[Any], grid_cols: list[Any], ncols: int,
               missing: list[str]) -> dict[str, int]:
    """Widths (twips) for the added columns; the table's own columns narrowed in proportion, and
    its pages turned landscape when a portrait page would squeeze them (``"landscape": 1``)."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.section import Section

    body = document.element.body
    child = _body_child(tbl, body)
    sect_pr = _section_props(body, child)
    section = Section(sect_pr, document.part) if sect_pr is not None else None
    room = _text_width(section) if section is not None else _A4_TWIPS[0] - 2 * 1440
    own = [int(gc.get(qn("w:w"), "0") or 0) for gc in grid_cols] or [room // max(ncols, 1)] * ncols
    preferred = own + [int(DOCX_PREF_MM[k] * _TWIPS_PER_MM) for k in missing]
    minimum = [min(w, int(OWN_FLOOR_MM * _TWIPS_PER_MM)) for w in own] + \
        [int(DOCX_MIN_MM[k] * _TWIPS_PER_MM) for k in missing]
    widths = allot_widths(preferred, minimum, room)

    def squeezed() -> bool:  # the plan's columns lose more than a fifth, or an added one its minimum
        return sum(widths[:len(own)]) < PORTRAIT_KEEP * sum(own) or \
            any(w < m for w, m in zip(widths[len(own):], minimum[len(own):], strict=True))

    turned = 0
    if squeezed() and section is not None and section.orientation != WD_ORIENT.LANDSCAPE \
            and child.tag == qn("w:tbl"):
        section = _landscape(document, child, sect_pr)
        widths = allot_widths(preferred, minimum, _text_width(section))
        turned = 1
    own_w, added = widths[:len(own)], widths[len(own):]
    for gc, w in zip(grid_cols, own_w, strict=False):
        gc.set(qn("w:w"), str(w))
    for tr in trs:  # each cell as wide as the grid columns it spans
        for col, tc in _row_cells(tr):
            tcw = tc.get_or_add_tcPr().get_or_add_tcW()
            tcw.set(qn("w:w"), str(sum(own_w[col - 1:col - 1 + tc.grid_span])))
            tcw.set(qn("w:type"), "dxa")
    _set_table_width(tbl, sum(own_w) + sum(added))
    out: dict[str, int] = dict(zip(missing, added, strict=True))
    out["landscape"] = turned
    return out


def _write_docx(source: Path, out: Path, layouts: Sequence[SheetLayout],
                values: Mapping[tuple[str, int], TaskValues], progress: Progress) -> HandbackSummary:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    summary = HandbackSummary(out=out, kind="docx")
    with source.open("rb") as fh:
        document = docx.Document(fh)
    tables = _docx_tables(document)
    by_sheet: dict[str, dict[int, TaskValues]] = {}
    for (sheet, row), v in values.items():
        by_sheet.setdefault(sheet, {})[row] = v
    for layout in layouts:
        rows = by_sheet.pop(layout.sheet, {})
        m = re.fullmatch(r"Bảng (\d+)", layout.sheet)
        tbl = tables[int(m[1]) - 1] if m and 0 < int(m[1]) <= len(tables) else None
        if tbl is None:
            summary.missing_rows += [(layout.sheet, r) for r in rows]
            continue
        if not rows:
            continue
        trs = list(tbl.iterchildren(qn("w:tr")))
        grid = tbl.find(qn("w:tblGrid"))
        grid_cols = list(grid.iterchildren(qn("w:gridCol"))) if grid is not None else []
        ncols = len(grid_cols) or max(len(_row_cells(tr)) for tr in trs)

        def cell_at(r: int, col: int, trs: list = trs) -> Any | None:
            if not 1 <= r <= len(trs):
                return None
            hit = None
            for c, tc in _row_cells(trs[r - 1]):
                if c <= col:
                    hit = (c, tc)
            return hit[1] if hit else None

        columns: dict[str, int] = {}
        for col in range(1, ncols + 1):
            texts = [_tc_text(cell_at(r, col)) for r in range(layout.header_first, layout.header_last + 1)
                     if cell_at(r, col) is not None]
            sub = texts[-1] if texts else ""
            kind = result_kind(sub) or result_kind(" ".join(dict.fromkeys(texts)))
            if kind is None or kind in columns:
                continue
            if col in layout.plan_columns and any(
                    _tc_text(cell_at(r, col)).strip() for r in rows if cell_at(r, col) is not None):
                continue
            columns[kind] = col
        for kind in KINDS:
            if kind in columns:
                summary.filled.append(f"{layout.sheet}, cột {columns[kind]}: {TITLES[kind]}")
        missing = [k for k in KINDS if k not in columns]
        if missing:
            new_widths = _make_room(document, tbl, trs, grid_cols, ncols, missing)
            if new_widths.pop("landscape", 0):
                summary.landscape.append(layout.sheet)
            for k in missing:
                ncols += 1
                columns[k] = ncols
                summary.added.append(f"{layout.sheet}, cột {ncols}: {TITLES[k]}")
                if grid is not None:
                    gc = OxmlElement("w:gridCol")
                    gc.set(qn("w:w"), str(new_widths[k]))
                    grid.append(gc)
                for r, tr in enumerate(trs, start=1):
                    cells = _row_cells(tr)
                    like = cells[-1][1] if cells else OxmlElement("w:tc")
                    vmerge = None
                    if layout.header_first <= r <= layout.header_last and layout.header_last > layout.header_first:
                        vmerge = "restart" if r == layout.header_first else "continue"
                    tc = _new_tc(like, new_widths[k], vmerge)
                    tr.append(tc)
                    if r == layout.header_first:
                        _set_tc_text(tc, TITLES[k], _first_rpr(like))
                        bold = OxmlElement("w:b")
                        for run in tc.iter(qn("w:r")):
                            rpr = run.find(qn("w:rPr"))
                            if rpr is None:
                                rpr = OxmlElement("w:rPr")
                                run.insert(0, rpr)
                            if rpr.find(qn("w:b")) is None:
                                rpr.append(copy.deepcopy(bold))
                    elif layout.number_row == r:
                        label = _tc_text(like).strip()
                        _set_tc_text(tc, f"({ncols})" if label.startswith("(") else str(ncols), _first_rpr(like))
        done = 0
        for r in sorted(rows):
            v = rows[r]
            if v.empty():
                continue
            if not 1 <= r <= len(trs):
                summary.missing_rows.append((layout.sheet, r))
                continue
            for kind in KINDS:
                value = v.get(kind)
                if value in (None, ""):
                    continue
                text = value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)
                tc = cell_at(r, columns[kind])
                if tc is None:
                    continue
                existing = _tc_text(tc).strip()
                _set_tc_text(tc, f"{existing}\n{text}" if existing and existing != text else text, _first_rpr(tc))
            summary.rows_written += 1
            done += 1
            if done % 200 == 0:
                progress.report(done, len(rows), "Đang điền kết quả…")
    for sheet, rows in by_sheet.items():
        summary.missing_rows += [(sheet, r) for r in rows]
    _atomic_save(out, document.save)
    return summary


__all__ = [
    "KINDS",
    "TITLES",
    "HandbackSummary",
    "SheetLayout",
    "TaskValues",
    "file_kind",
    "output_kind",
    "result_kind",
    "write_handback",
]
