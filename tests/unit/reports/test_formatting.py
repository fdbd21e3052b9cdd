from __future__ import annotations

from datetime import date

import pytest

from kstthc_desktop.reports.formatting import (
    doc_reference,
    document_number,
    nd30_date,
    number,
    pad_doc_number,
    percent,
    place_date_line,
    share,
    short_date,
    tenths_percent,
)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 1, 1), "ngày 01 tháng 01 năm 2026"),
        (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
        (date(2026, 12, 9), "ngày 09 tháng 12 năm 2026"),
        (date(2026, 11, 24), "ngày 24 tháng 11 năm 2026"),
        (date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
    ],
)
def test_nd30_date_zero_padding(d: date, expected: str) -> None:
    assert nd30_date(d) == expected


def test_place_date_line() -> None:
    assert place_date_line("Lê Lợi", date(2026, 3, 5)) == "Lê Lợi, ngày 05 tháng 3 năm 2026"
    assert place_date_line("Lê Lợi", None, 2026) == "Lê Lợi, ngày      tháng      năm 2026"


def test_short_date_is_padded_like_the_date_line() -> None:
    """One rule in one document: never "9/1/2023" beside "ngày 09 tháng 01"."""
    assert short_date(date(2026, 5, 10)) == "10/5/2026"
    assert short_date(date(2026, 1, 5)) == "05/01/2026"
    assert short_date(date(2023, 1, 9)) == "09/01/2023"
    assert short_date(None) == ""


def test_numbers_and_percentages_in_vi_locale() -> None:
    assert number(1234) == "1.234"
    assert number(12.5, 1) == "12,5"
    assert percent(0.125) == "12,5%"
    assert percent(1 / 3) == "33,3%"
    assert percent(0.5) == "50%"
    assert percent(None) == "–"
    assert share(1, 0) is None


def test_whole_numbers_and_tenths_are_written_as_babel_writes_them() -> None:
    """The fast paths (no babel loaded) must give babel's vi text exactly: every grouping and sign."""
    from babel.numbers import format_decimal, format_percent

    for n in [*range(-2100, 2100), *range(-10**7, 10**7, 99991), 10**12 + 7, -(10**9)]:
        assert number(n) == format_decimal(n, format="#,##0", locale="vi"), n
    for t in [*range(0, 12001), 999_999, 1_234_567]:
        assert tenths_percent(t) == format_percent(t / 1000, format="#,##0.#%", locale="vi"), t
    assert number(3.0) == "3" and tenths_percent(None) == "–"


@pytest.mark.parametrize(
    ("num", "expected"),
    [
        ("5", "Số: 05/BC-UBND"),
        (5, "Số: 05/BC-UBND"),
        ("12", "Số: 12/BC-UBND"),
        ("", "Số:      /BC-UBND"),
        (None, "Số:      /BC-UBND"),
        ("07/BC-UBND", "Số: 07/BC-UBND"),
    ],
)
def test_document_number(num: object, expected: str) -> None:
    assert document_number(num, "BC", "UBND") == expected  # type: ignore[arg-type]


def test_pad_and_reference() -> None:
    assert pad_doc_number("9") == "09"
    assert pad_doc_number("10") == "10"
    assert (
        doc_reference("Kế hoạch", "12/KH-UBND", date(2026, 5, 10)) == "Kế hoạch số 12/KH-UBND ngày 10/5/2026"
    )
