"""Report statistics forms as data (DOMAIN.md §2).

The TT 01/2020 forms are being replaced (ND 118/2025, ND 09/2026): a form is therefore a plain,
JSON-able dict — a column tree, sum rules, carry-over and rate definitions — that a new file can
replace without code changes. Rows are dicts keyed by column key: {"field": "Hộ tịch", "c4": 10, …}.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Row = dict[str, Any]
Form = dict[str, Any]


def _leaf(key: str, number: int, title: str, kind: str = "count") -> dict[str, Any]:
    return {"key": key, "number": number, "title": title, "kind": kind}


FORM_06A: Form = {
    "code": "06a",
    "name": "Biểu số 06a/VPCP/KSTT",
    "basis": "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
    "title": (
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ "
        "TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    ),
    "unit": "Đơn vị tính: Số hồ sơ TTHC",
    "label_key": "field",
    "total_label": "Tổng số",
    "columns": [
        _leaf("stt", 1, "STT", "index"),
        _leaf("field", 2, "Lĩnh vực, công việc giải quyết theo cấp", "label"),
        {
            "title": "Số hồ sơ nhận giải quyết",
            "children": [
                _leaf("c3", 3, "Tổng số"),
                {
                    "title": "Trong đó",
                    "children": [
                        _leaf("c4", 4, "Trực tuyến"),
                        _leaf("c5", 5, "Trực tiếp và dịch vụ bưu chính"),
                        _leaf("c6", 6, "Từ kỳ trước"),
                    ],
                },
            ],
        },
        {
            "title": "Số hồ sơ đã giải quyết",
            "children": [
                _leaf("c7", 7, "Tổng số"),
                {
                    "title": "Trong đó",
                    "children": [
                        _leaf("c8", 8, "Trước hạn"),
                        _leaf("c9", 9, "Đúng hạn"),
                        _leaf("c10", 10, "Quá hạn"),
                    ],
                },
            ],
        },
        {
            "title": "Số hồ sơ đang giải quyết",
            "children": [
                _leaf("c11", 11, "Tổng số"),
                {
                    "title": "Trong đó",
                    "children": [
                        _leaf("c12", 12, "Trong hạn"),
                        _leaf("c13", 13, "Quá hạn"),
                    ],
                },
            ],
        },
    ],
    # each rule: the total column equals the sum of the part columns, on every row
    "rules": [
        {"total": "c3", "parts": ["c4", "c5", "c6"]},
        {"total": "c3", "parts": ["c7", "c11"]},
        {"total": "c7", "parts": ["c8", "c9", "c10"]},
        {"total": "c11", "parts": ["c12", "c13"]},
    ],
    # next period's column ← this period's column
    "carry_over": {"c6": "c11"},
    "rates": {"on_time": {"numerator": ["c8", "c9"], "denominator": ["c7"]}},
    # relative widths for printing, per leaf column
    "widths": [5, 24, 7, 7, 9, 7, 7, 7, 7, 7, 7, 7, 7],
}


# --- the column tree -------------------------------------------------------------------------


def leaves(form: Form) -> list[dict[str, Any]]:
    """Leaf columns left to right (the printed columns)."""
    out: list[dict[str, Any]] = []

    def walk(nodes: Iterable[dict[str, Any]]) -> None:
        for node in nodes:
            if node.get("children"):
                walk(node["children"])
            else:
                out.append(node)

    walk(form["columns"])
    return out


def count_keys(form: Form) -> list[str]:
    """Keys of the numeric columns."""
    return [c["key"] for c in leaves(form) if c.get("kind", "count") == "count"]


def _depth(nodes: Sequence[dict[str, Any]]) -> int:
    return max((1 + _depth(n["children"]) if n.get("children") else 1) for n in nodes) if nodes else 0


def header_grid(form: Form, numbers: bool = True) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """Header rows as a text grid plus spans (col0, row0, col1, row1), inclusive.

    A group spans its leaves; a leaf reaching less deep than the tree spans down to the last header
    row. With ``numbers`` a last row "(1) (2) …" is added, as printed on the official forms.
    """
    depth = _depth(form["columns"])
    n = len(leaves(form))
    grid = [["" for _ in range(n)] for _ in range(depth)]
    spans: list[tuple[int, int, int, int]] = []

    def place(nodes: Sequence[dict[str, Any]], row: int, col: int) -> int:
        for node in nodes:
            if node.get("children"):
                width = place(node["children"], row + 1, col) - col
                grid[row][col] = node["title"]
                if width > 1:
                    spans.append((col, row, col + width - 1, row))
                col += width
            else:
                grid[row][col] = node["title"]
                if row < depth - 1:
                    spans.append((col, row, col, depth - 1))
                col += 1
        return col

    place(form["columns"], 0, 0)
    if numbers:
        grid.append([f"({c['number']})" for c in leaves(form)])
    return grid, spans


# --- rows ------------------------------------------------------------------------------------


def _as_count(value: Any) -> int | None:
    """A non-negative whole number from an int, an integral float or digits typed as text; else None."""
    if value in (None, ""):
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = str(value).strip().replace(".", "").replace(" ", "")
    return int(text) if text.isdigit() else None


def _value(row: Mapping[str, Any], key: str) -> int:
    return _as_count(row.get(key, 0)) or 0


def _label(form: Form, row: Mapping[str, Any], index: int) -> str:
    name = str(row.get(form.get("label_key", "field"), "")).strip()
    return f"Dòng {index}" + (f" ({name})" if name else "")


def _is_total(row: Mapping[str, Any]) -> bool:
    return bool(row.get("total"))


def validate(form: Form, rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """One plain-Vietnamese message per bad value and per broken sum rule and row."""
    numbers = {c["key"]: c["number"] for c in leaves(form)}
    messages: list[str] = []
    for index, row in enumerate(rows, start=1):
        where = _label(form, row, index)
        bad = False
        for key in count_keys(form):
            if _as_count(row.get(key, 0)) is None:
                messages.append(
                    f"{where}, cột ({numbers[key]}): “{row.get(key)}” không phải là số nguyên không âm."
                )
                bad = True
        if bad:
            continue
        for rule in form.get("rules", []):
            total = _value(row, rule["total"])
            parts = sum(_value(row, key) for key in rule["parts"])
            if total != parts:
                names = " + ".join(f"({numbers[k]})" for k in rule["parts"])
                messages.append(
                    f"{where}: cột ({numbers[rule['total']]}) = {total} nhưng {names} = {parts}; "
                    f"hai số này phải bằng nhau."
                )
    return messages


def total_row(rows: Sequence[Mapping[str, Any]], form: Form = FORM_06A) -> Row:
    """The "Tổng số" row: each numeric column summed over the data rows."""
    data = [r for r in rows if not _is_total(r)]
    out: Row = {form.get("label_key", "field"): form.get("total_label", "Tổng số"), "total": True}
    for key in count_keys(form):
        out[key] = sum(_value(r, key) for r in data)
    return out


def carry_over(previous_rows: Sequence[Mapping[str, Any]], form: Form = FORM_06A) -> list[Row]:
    """Starting rows for the next period: "Từ kỳ trước" (6) = last period's "đang giải quyết" (11)."""
    label = form.get("label_key", "field")
    out: list[Row] = []
    for row in previous_rows:
        if _is_total(row):
            continue
        new: Row = {label: row.get(label, "")}
        for key in count_keys(form):
            new[key] = 0
        for target, source in form.get("carry_over", {}).items():
            new[target] = _value(row, source)
        out.append(new)
    return out


def rate(rows: Sequence[Mapping[str, Any]], name: str, form: Form = FORM_06A) -> float | None:
    """A named ratio of the form over the data rows, or None when the denominator is 0."""
    spec = form["rates"][name]
    data = [r for r in rows if not _is_total(r)]
    num = sum(_value(r, k) for r in data for k in spec["numerator"])
    den = sum(_value(r, k) for r in data for k in spec["denominator"])
    return num / den if den else None


def on_time_rate(rows: Sequence[Mapping[str, Any]], form: Form = FORM_06A) -> float | None:
    """(trước hạn + đúng hạn) / đã giải quyết, or None when nothing was settled."""
    return rate(rows, "on_time", form)


def table_rows(form: Form, rows: Sequence[Mapping[str, Any]], with_total: bool = True) -> list[list[str]]:
    """Rows as printed text: STT, label, numbers; the total row first-class at the top."""
    from .formatting import number

    data = [r for r in rows if not _is_total(r)]
    printed: list[list[str]] = []
    label = form.get("label_key", "field")

    def cells(row: Mapping[str, Any], index: str) -> list[str]:
        out = []
        for col in leaves(form):
            kind = col.get("kind", "count")
            if kind == "index":
                out.append(index)
            elif kind == "label":
                out.append(str(row.get(label, "")))
            else:
                out.append(number(_value(row, col["key"])))
        return out

    if with_total:
        printed.append(cells(total_row(data, form), ""))
    for i, row in enumerate(data, start=1):
        printed.append(cells(row, str(i)))
    return printed


def form_to_json(form: Form) -> str:
    return json.dumps(form, ensure_ascii=False, indent=2)


def form_from_json(text: str) -> Form:
    """Load a replacement form; checks that rules refer to existing numeric columns."""
    form: Form = json.loads(text)
    keys = set(count_keys(form))
    for rule in form.get("rules", []):
        for key in [rule["total"], *rule["parts"]]:
            if key not in keys:
                raise ValueError(f"rule refers to unknown column {key!r}")
    return form


def copy_form(form: Form = FORM_06A) -> Form:
    return copy.deepcopy(form)
