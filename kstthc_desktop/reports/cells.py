"""Text that is safe to put in a spreadsheet cell someone else will open.

The rule (control characters removed, length capped, stored as text, a formula-like start marked
with the spreadsheet's "quote prefix") lives in ``core.spreadsheet``, shared by every workbook the
program writes; this module keeps the report writers' name for it and their date format.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..core.spreadsheet import MAX_CELL_TEXT, looks_like_formula, set_cell
from ..core.spreadsheet import cell_text as clean_cell_text


def formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (after leading blanks)."""
    return looks_like_formula(text)


def write_cell(cell: Any, value: object) -> None:
    """Put ``value`` in an openpyxl cell: numbers and dates as they are, text never as a formula."""
    set_cell(cell, value)
    if isinstance(value, date | datetime):
        cell.number_format = "DD/MM/YYYY"


__all__ = ["MAX_CELL_TEXT", "clean_cell_text", "formula_like", "write_cell"]
