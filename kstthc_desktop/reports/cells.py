"""Text that is safe to put in a spreadsheet cell someone else will open.

A cell whose text starts with = + - @ (or a tab/CR that a spreadsheet strips first) can be taken
for a formula by Excel or LibreOffice ("formula injection"): openpyxl itself stores any "=…" string
as a formula, and a user who edits a "+…"/"-…"/"@…" cell turns it into one. Control characters make
the workbook unreadable. Everything this program writes into a workbook goes through
``write_cell``: control characters removed, length capped, stored as a string, and a formula-like
start marked with the spreadsheet's own "quote prefix" (the cell shows "- Đã ban hành…" exactly as
typed, but is text for good — no visible apostrophe).

Note for the integrator: issue #11 writes a shared neutraliser for every xlsx export; this module
follows the same rule and can be replaced by it (one call site per writer: ``write_cell``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

MAX_CELL_TEXT = 32767  # Excel's limit for one cell
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # \t, \n, \r are legal in a cell
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_cell_text(text: str) -> str:
    """``text`` without the characters a workbook cannot hold, cut to Excel's cell limit."""
    return _CONTROL.sub("", text)[:MAX_CELL_TEXT]


def formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (after leading blanks)."""
    return text.lstrip(" ").startswith(_FORMULA_START)


def write_cell(cell: Any, value: object) -> None:
    """Put ``value`` in an openpyxl cell: numbers and dates as they are, text never as a formula."""
    if value is None or isinstance(value, int | float | date | datetime) and not isinstance(value, bool):
        cell.value = value
        if isinstance(value, date | datetime):
            cell.number_format = "DD/MM/YYYY"
        return
    text = clean_cell_text(str(value))
    cell.value = text
    cell.data_type = "s"  # openpyxl would store "=…" as a formula
    if formula_like(text):
        cell.quotePrefix = True


__all__ = ["MAX_CELL_TEXT", "clean_cell_text", "formula_like", "write_cell"]
