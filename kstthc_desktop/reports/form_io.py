"""Form 06a figures in and out of the program: JSON for scripts, an .xlsx template for people.

The one-stop software of the province gives the officer these figures; they arrive by hand, in a
spreadsheet or from a script. Whatever the way in, the rows are checked here with one plain
Vietnamese message for what is wrong, and nothing half-read is ever used.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..core.errors import KstthcError
from . import forms
from .cells import write_cell

_TEMPLATE_SHEET = "Bieu 06a"
_FIRST_DATA_ROW = 6  # 1-based: title, subtitle, blank, column titles, column numbers, then data


def _rows_from_list(items: Any, source: str) -> list[dict[str, Any]]:
    form = forms.FORM_06A
    keys = forms.count_keys(form)
    label = form.get("label_key", "field")
    if not isinstance(items, list):
        raise KstthcError(f"Tệp {source} không đúng dạng Biểu 06a.",
                          'Cần dạng {"rows": [{"field": "Hộ tịch", "c3": 120, …}]}.')
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise KstthcError(f"Dòng {i} của {source} không phải một dòng số liệu.",
                              'Mỗi dòng có dạng {"field": "Hộ tịch", "c3": 120, …}.')
        unknown = sorted(k for k in item if k not in keys and k not in (label, "total"))
        if unknown:
            raise KstthcError(f"Dòng {i} của {source} có cột không có trong Biểu 06a: {', '.join(unknown)}.",
                              "Các cột số là c3 … c13; tên lĩnh vực là field.")
        if item.get("total"):
            continue  # the total is always computed, never read
        row: dict[str, Any] = {label: str(item.get(label, "") or "").strip()}
        for key in keys:
            value = item.get(key, 0)
            count = forms._as_count(value)
            if count is None:
                raise KstthcError(f"Dòng {i} của {source}, cột ({key[1:]}): “{value}” không phải số nguyên không âm.",
                                  "Hãy ghi số hồ sơ bằng số nguyên, ví dụ 120.")
            row[key] = count
        rows.append(row)
    problems = forms.validate(form, rows)
    if problems:
        raise KstthcError(f"Số liệu Biểu 06a trong {source} chưa khớp: {problems[0]}",
                          "Hãy sửa số liệu cho các cột cộng đúng rồi thử lại.")
    return rows


def rows_from_json(text: str, source: str = "tệp JSON") -> list[dict[str, Any]]:
    """Rows from ``{"rows": [{"field": "Hộ tịch", "c3": 120, …}]}`` (or a bare list of rows)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise KstthcError(f"Không đọc được {source}: không phải JSON hợp lệ (dòng {getattr(exc, 'lineno', '?')}).",
                          'Cần dạng {"rows": [{"field": "Hộ tịch", "c3": 120, …}]}.') from None
    items = data.get("rows") if isinstance(data, dict) else data
    return _rows_from_list(items, source)


def write_template(path: str | os.PathLike[str], rows: list[dict[str, Any]] | None = None,
                   title_suffix: str = "") -> Path:
    """An .xlsx the officer fills in: one row per lĩnh vực, columns (3)…(13) as on the form."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    form = forms.FORM_06A
    leaves = forms.leaves(form)
    wb = Workbook()
    ws = wb.active
    ws.title = _TEMPLATE_SHEET
    write_cell(ws.cell(1, 1), f"{form['name']} – {form['title']}")
    ws.cell(1, 1).font = Font(bold=True)
    write_cell(ws.cell(2, 1), ("Kỳ báo cáo: " + title_suffix + ". " if title_suffix else "") +
               "Ghi số hồ sơ vào các cột (3)–(13), mỗi lĩnh vực một dòng; không ghi dòng Tổng số.")
    header = [c["title"] for c in leaves]
    header[2] = "Nhận giải quyết: Tổng số"
    header[6] = "Đã giải quyết: Tổng số"
    header[10] = "Đang giải quyết: Tổng số"
    for c, text in enumerate(header, start=1):
        cell = ws.cell(4, c)
        write_cell(cell, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.cell(5, c, f"({leaves[c - 1]['number']})").alignment = Alignment(horizontal="center")
    ws.row_dimensions[4].height = 45
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 40
    for col in "CDEFGHIJKLM":
        ws.column_dimensions[col].width = 12
    label = form.get("label_key", "field")
    for r, row in enumerate(rows or [], start=_FIRST_DATA_ROW):
        ws.cell(r, 1, r - _FIRST_DATA_ROW + 1)
        write_cell(ws.cell(r, 2), str(row.get(label, "")))  # typed text: never a formula
        for c, col in enumerate(leaves[2:], start=3):
            value = row.get(col["key"])
            if value not in (None, ""):
                ws.cell(r, c, int(value))
    target = Path(path)
    tmp = target.with_name(f".{target.stem}.tmp.xlsx")
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KstthcError(f"Không ghi được '{target.name}': {exc.strerror}.", "Hãy chọn thư mục khác.") from exc
    return target


def read_template(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Rows typed into the template (or any sheet laid out the same way), checked."""
    from openpyxl import load_workbook

    source = Path(path).name
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same for the officer
        raise KstthcError(f"Không đọc được '{source}' như một tệp Excel (.xlsx).",
                          "Hãy dùng mẫu Biểu 06a do chương trình tạo, lưu dạng .xlsx.") from exc
    try:
        ws = wb[_TEMPLATE_SHEET] if _TEMPLATE_SHEET in wb.sheetnames else wb.worksheets[0]
        keys = forms.count_keys(forms.FORM_06A)
        items: list[dict[str, Any]] = []
        for values in ws.iter_rows(min_row=_FIRST_DATA_ROW, values_only=True):
            values = list(values) + [None] * (2 + len(keys) - len(values))
            name = str(values[1] or "").strip()
            numbers = values[2:2 + len(keys)]
            if not name and all(v in (None, "") for v in numbers):
                continue
            if name.lower().startswith("tổng số"):
                continue
            items.append({"field": name, **{k: (0 if v in (None, "") else v) for k, v in zip(keys, numbers, strict=True)}})
    finally:
        wb.close()
    return _rows_from_list(items, f"'{source}'")


def read_rows(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Rows from a .json or .xlsx file, by its extension."""
    p = Path(path)
    if p.suffix.lower() == ".xlsx":
        return read_template(p)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise KstthcError(f"Không đọc được '{p.name}': {exc.strerror}.", "Hãy kiểm tra đường dẫn tệp.") from exc
    return rows_from_json(text, f"'{p.name}'")


__all__ = ["read_rows", "read_template", "rows_from_json", "write_template"]
