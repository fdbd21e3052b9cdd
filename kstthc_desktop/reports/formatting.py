"""Dates, numbers and document numbers written the way Nghị định 30/2020 and Vietnamese practice want.

Babel is used for numbers so that "1.234" and "12,5%" follow the vi locale rather than Python's.
Whole numbers and shares in tenths of a per cent, which is what reports print, are written directly
with the same result (tests/unit/reports/test_formatting.py holds them against babel): loading babel
and its vi locale data took a tenth of a command-line report.
"""

from __future__ import annotations

import os
from datetime import date

_BLANK = "     "  # the gap left for a number or a date that is filled in by hand


def nd30_date(d: date) -> str:
    """ "ngày 05 tháng 02 năm 2026": day < 10 and months 1, 2 get a leading zero (ND 30, Phụ lục I)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def place_date_line(place: str, d: date | None, year: int | None = None) -> str:
    """The italic "Lê Lợi, ngày 05 tháng 3 năm 2026" line; with no date a blank form to fill by hand."""
    place = place.strip()
    prefix = f"{place}, " if place else ""
    if d is not None:
        return prefix + nd30_date(d)
    y = year if year is not None else date.today().year
    return f"{prefix}ngày{_BLANK} tháng{_BLANK} năm {y}"


def short_date(d: date | None) -> str:
    """ "10/5/2026", "05/02/2026": the short form used inside body text and tables, padded by the
    same ND 30 rule as the date line (day below 10, months 1 and 2), so that one document never
    shows "ngày 9/1/2023" beside "ngày 09 tháng 01"."""
    if d is None:
        return ""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


DOTS = "…"  # a dotted blank left for the pen ("số …/KH-UBND")
DATE_BLANK = "ngày … tháng … năm …"


def date_or_blank(d: date | None) -> str:
    """ "ngày 05/02/2026", or the dotted "ngày … tháng … năm …" to fill by hand."""
    return f"ngày {short_date(d)}" if d is not None else DATE_BLANK


def tenths_percent(tenths: int | None) -> str:
    """A share in tenths of a per cent (from largest-remainder rounding) → "33,3%", "20%"."""
    if tenths is None:
        return "–"
    if type(tenths) is int and tenths >= 0:  # babel's "#,##0.#%" of tenths/1000, without loading babel
        whole, tenth = divmod(tenths, 10)
        return f"{_grouped(whole)},{tenth}%" if tenth else f"{_grouped(whole)}%"
    return percent(tenths / 1000)


_BULLET = ("- ", "+ ", "• ", "* ", "– ")


def joined_text(text: str) -> str:
    """A task's full text as one clause for a sentence: its lines joined with "; " (after a line
    ending in ":" with a space), bullets dropped, no doubled or trailing punctuation."""
    from ..core.text import clean

    out = ""
    for raw in clean(text).split("\n"):
        line = raw.strip()
        while line.startswith(_BULLET):
            line = line[2:].strip()
        if line in ("-", "+", "•", "*", "–"):
            continue
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith(":"):
            out = f"{out} {line}"
        else:
            out = f"{out.rstrip(' .;,')}; {line}"
    return out.rstrip(" .;,:")


def bare(text: str) -> str:
    """Text without its closing punctuation, to put inside brackets or before a colon."""
    return text.strip().rstrip(" .;,:")


def _grouped(whole: int) -> str:
    """An int with the vi locale's thousands separator: 1234 → "1.234" (babel's "#,##0")."""
    return f"{whole:,}".replace(",", ".")


def number(value: float | int, decimals: int = 0) -> str:
    """A number in the vi locale: "1.234", "12,5"."""
    if type(value) is int:  # babel's "#,##0…" of a whole number, without loading babel (a bool is not)
        return _grouped(value)
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale="vi")


def percent(ratio: float | None, decimals: int = 1) -> str:
    """``ratio`` 0.125 → "12,5%"; None (nothing to divide by) → "–"."""
    if ratio is None:
        return "–"
    from babel.numbers import format_percent

    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "") + "%"
    return format_percent(ratio, format=pattern, locale="vi")


def share(part: int, whole: int) -> float | None:
    """part/whole, or None when there is no whole (so a 0/0 never prints as 0%)."""
    return part / whole if whole else None


def pad_doc_number(value: str | int) -> str:
    """Numbers below 10 get a leading zero ("5" → "05"); anything else is kept as typed."""
    text = str(value).strip()
    if text.isdigit() and int(text) < 10:
        return f"{int(text):02d}"
    return text


def document_number(number: str | int | None, doc_type_abbr: str, symbol: str) -> str:
    """ "Số: 05/BC-UBND"; an empty number leaves a gap to fill by hand ("Số:      /BC-UBND")."""
    sign = "-".join(part.strip() for part in (doc_type_abbr, symbol) if part and part.strip())
    text = pad_doc_number(number) if number not in (None, "") else ""
    if not text:
        return f"Số: {_BLANK}/{sign}"
    if "/" in text:  # the user typed the whole "05/BC-UBND"
        return f"Số: {text}"
    return f"Số: {text}/{sign}"


def doc_reference(doc_type: str, doc_number: str, doc_date: date | None, summary: str = "") -> str:
    """ "Kế hoạch số 12/KH-UBND ngày 10/5/2026" — how a body text cites another document."""
    parts = [p for p in (doc_type.strip(), f"số {doc_number.strip()}" if doc_number.strip() else "") if p]
    text = " ".join(parts)
    if doc_date is not None:
        text = f"{text} ngày {short_date(doc_date)}" if text else f"ngày {short_date(doc_date)}"
    if summary.strip():
        text = f"{text} {summary.strip()}" if text else summary.strip()
    return text


def normal_permissions(path: str | os.PathLike[str]) -> None:
    """Give a file written through ``tempfile.mkstemp`` (always 0600) the mode any new file of the
    user gets (0666 less the umask), so that an exported report can be shared and copied."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)
