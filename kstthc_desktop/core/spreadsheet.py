"""What goes into a cell of a workbook the program writes: text, never a live formula.

Task contents, evidence summaries and names come from outside (imported plans, typed text,
file names). A string that starts with "=" becomes a formula in Excel (``=HYPERLINK(…)``, DDE);
one starting with "+", "-" or "@" becomes one as soon as the cell is edited. So every string is
first stripped of the control characters XML cannot hold (else "\\x01=…" would slip past a
check made before stripping), clipped to Excel's cell limit, and then, when it looks like a
formula, stored as text with Excel's "quote prefix" (shown unchanged, never evaluated, even
after editing). Every xlsx writer calls ``set_cell``; it duck-types openpyxl's cell, so this
module imports nothing.
"""

from __future__ import annotations

import re
from datetime import date, datetime

MAX_CELL_TEXT = 32767  # Excel's limit for one cell
# and their full-width forms; a tab or CR that a spreadsheet strips first
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def cell_text(value: str) -> str:
    """A string a cell can hold: no XML-illegal control characters, at most 32,767 characters."""
    return _ILLEGAL.sub("", value)[:MAX_CELL_TEXT]


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (leading spaces are skipped)."""
    return text.lstrip(" ").startswith(FORMULA_STARTS)


def safe_value(value: object) -> object:
    """Numbers and dates stay as they are; anything else becomes cleaned text."""
    if value is None or isinstance(value, bool | int | float | date | datetime):
        return value
    return cell_text(str(value))


def set_cell(cell, value: object):  # noqa: ANN001, ANN201 - an openpyxl cell, returned for chaining
    """Put ``value`` into ``cell`` as data, never as a formula."""
    value = safe_value(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl stores any "=…" string as a formula
        if looks_like_formula(value):
            cell.quotePrefix = True  # shown as typed, stays text even after editing
    return cell


def set_row(ws, row: int, values, start_col: int = 1) -> None:  # noqa: ANN001 - an openpyxl worksheet
    for c, value in enumerate(values, start=start_col):
        set_cell(ws.cell(row=row, column=c), value)


__all__ = ["MAX_CELL_TEXT", "cell_text", "looks_like_formula", "safe_value", "set_cell", "set_row"]
