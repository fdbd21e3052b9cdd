"""Report periods: codes, labels and ND 09/2019 data windows."""

from __future__ import annotations

from datetime import date

import pytest

from kstthc_desktop.core.errors import ValidationError
from kstthc_desktop.core.periods import (
    ReportPeriod,
    SubmissionRule,
    current_period,
    format_short,
    parse_period,
    periods_of_year,
)
from kstthc_desktop.core.workdays import WorkCalendar

D = date


@pytest.mark.parametrize(
    ("code", "kind", "label", "start", "end"),
    [
        ("2026-Q1", "quarter", "quý I năm 2026", D(2025, 12, 15), D(2026, 3, 14)),
        ("2026-Q2", "quarter", "quý II năm 2026", D(2026, 3, 15), D(2026, 6, 14)),
        ("2026-Q3", "quarter", "quý III năm 2026", D(2026, 6, 15), D(2026, 9, 14)),
        ("2026-Q4", "quarter", "quý IV năm 2026", D(2026, 9, 15), D(2026, 12, 14)),
        ("2026-H1", "half", "6 tháng đầu năm 2026", D(2025, 12, 15), D(2026, 6, 14)),
        ("2026-H2", "half", "6 tháng cuối năm 2026", D(2026, 6, 15), D(2026, 12, 14)),
        ("2026-9M", "nine_months", "9 tháng năm 2026", D(2025, 12, 15), D(2026, 9, 14)),
        ("2026-Y", "year", "năm 2026", D(2025, 12, 15), D(2026, 12, 14)),
        ("2026-M05", "month", "tháng 5 năm 2026", D(2026, 4, 15), D(2026, 5, 14)),
        ("2026-M01", "month", "tháng 1 năm 2026", D(2025, 12, 15), D(2026, 1, 14)),
        ("2026-M12", "month", "tháng 12 năm 2026", D(2026, 11, 15), D(2026, 12, 14)),
        ("adhoc:2026-03-01:2026-03-31", "adhoc", "đột xuất (từ ngày 01/3/2026 đến ngày 31/3/2026)",
         D(2026, 3, 1), D(2026, 3, 31)),
    ],
)
def test_every_kind(code: str, kind: str, label: str, start: date, end: date) -> None:
    p = parse_period(code)
    assert (p.code, p.kind, p.year, p.label) == (code, kind, 2026, label)
    assert (p.window_start, p.window_end) == (start, end)


def test_window_text_is_unpadded() -> None:
    assert parse_period("2026-Q1").window_text == "Số liệu từ ngày 15/12/2025 đến ngày 14/3/2026"
    assert parse_period("2026-M01").window_text == "Số liệu từ ngày 15/12/2025 đến ngày 14/1/2026"


def test_title_suffix() -> None:
    assert parse_period("2026-Q1").title_suffix == "quý I năm 2026"
    assert parse_period("2026-H1").title_suffix == "6 tháng đầu năm 2026"
    assert parse_period("adhoc:2026-02-05:2026-03-31").title_suffix == "từ ngày 05/02/2026 đến ngày 31/3/2026"


def test_format_short() -> None:
    assert format_short(D(2026, 3, 5)) == "5/3/2026"
    assert format_short(D(2025, 12, 15)) == "15/12/2025"


def test_q1_crosses_the_year_end() -> None:
    q1 = parse_period("2027-Q1")
    assert q1.window_start == D(2026, 12, 15)
    assert q1.contains(D(2026, 12, 31)) and q1.contains(D(2027, 1, 1))
    assert not parse_period("2026-Q4").contains(D(2026, 12, 15))


def test_fourteenth_and_fifteenth_edges() -> None:
    q1, q2 = parse_period("2026-Q1"), parse_period("2026-Q2")
    assert q1.contains(D(2026, 3, 14)) and not q1.contains(D(2026, 3, 15))
    assert q2.contains(D(2026, 3, 15)) and not q2.contains(D(2026, 3, 14))
    assert not q1.contains(D(2025, 12, 14))


@pytest.mark.parametrize(
    ("today", "code"),
    [
        (D(2026, 3, 14), "2026-Q1"),
        (D(2026, 3, 15), "2026-Q2"),
        (D(2026, 6, 14), "2026-Q2"),
        (D(2026, 6, 15), "2026-Q3"),
        (D(2026, 9, 15), "2026-Q4"),
        (D(2026, 12, 14), "2026-Q4"),
        (D(2026, 12, 15), "2027-Q1"),
        (D(2026, 12, 31), "2027-Q1"),
        (D(2026, 1, 1), "2026-Q1"),
        (D(2026, 2, 20), "2026-Q1"),
    ],
)
def test_current_period(today: date, code: str) -> None:
    p = current_period(today)
    assert p.code == code
    assert p.contains(today)


def test_current_period_contains_every_day_of_a_leap_year() -> None:
    d = D(2028, 1, 1)
    while d.year == 2028:
        p = current_period(d)
        assert p.kind == "quarter" and p.contains(d)
        d = D.fromordinal(d.toordinal() + 1)


def test_leap_year_february() -> None:
    feb = parse_period("2028-M02")
    assert (feb.window_start, feb.window_end) == (D(2028, 1, 15), D(2028, 2, 14))
    adhoc = parse_period("adhoc:2028-02-01:2028-02-29")
    assert adhoc.window_end == D(2028, 2, 29)
    assert adhoc.label == "đột xuất (từ ngày 01/02/2028 đến ngày 29/02/2028)"
    assert current_period(D(2028, 2, 29)).code == "2028-Q1"


def test_periods_of_year() -> None:
    codes = [p.code for p in periods_of_year(2026)]
    assert codes == ["2026-Q1", "2026-Q2", "2026-H1", "2026-Q3", "2026-9M", "2026-Q4", "2026-H2", "2026-Y"]
    assert all(isinstance(p, ReportPeriod) for p in periods_of_year(2026))


def test_code_round_trip_and_leniency() -> None:
    for p in periods_of_year(2030):
        assert parse_period(p.code) == p
    assert parse_period(" 2026-q1 ").code == "2026-Q1"
    assert parse_period("2026-M5").code == "2026-M05"


@pytest.mark.parametrize(
    "code",
    ["", "2026", "2026-Q5", "2026-Q0", "2026-H3", "2026-M13", "2026-M00", "26-Q1", "2026-X",
     "adhoc:2026-03-31:2026-03-01", "adhoc:2026-02-30:2026-03-01", "adhoc:2026-03-01", "quý I", "0000-Y"],
)
def test_bad_codes_raise_validation_error(code: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_period(code)
    assert err.value.message
    assert any(ch in err.value.message for ch in "ăâđêôơưạảáàãệ")


def test_non_string_code() -> None:
    with pytest.raises(ValidationError):
        parse_period(None)  # type: ignore[arg-type]


def test_default_rule_two_working_days_after_cutoff() -> None:
    cal = WorkCalendar()
    assert SubmissionRule().mode == "workdays"
    # cut-off 14/6/2026 is a Sunday → Mon 15, Tue 16
    assert parse_period("2026-H1").submission_deadline(SubmissionRule(), cal) == D(2026, 6, 16)
    # cut-off 14/3/2026 is a Saturday → Mon 16, Tue 17
    assert parse_period("2026-Q1").submission_deadline(SubmissionRule(), cal) == D(2026, 3, 17)


def test_fixed_day_rule() -> None:
    cal = WorkCalendar()
    rule = SubmissionRule(mode="day_of_month", day=16)
    assert parse_period("2021-Q3").submission_deadline(rule, cal) == D(2021, 9, 16)  # Bắc Kạn 2021
    early = SubmissionRule(mode="day_of_month", day=5)
    assert parse_period("2026-Q4").submission_deadline(early, cal) == D(2027, 1, 5)
    assert SubmissionRule.from_json(rule.to_json()) == rule


def test_unknown_rule_mode() -> None:
    with pytest.raises(ValidationError):
        parse_period("2026-Q1").submission_deadline(SubmissionRule(mode="?"), WorkCalendar())


def test_fixed_day_rule_on_the_cut_off_day_moves_to_the_next_month() -> None:
    """A report cannot be due on the day its figures close: day 14 with cut-off 14/3 is 14/4."""
    cal = WorkCalendar()
    rule = SubmissionRule(mode="day_of_month", day=14)
    assert parse_period("2026-Q1").submission_deadline(rule, cal) == D(2026, 4, 14)
    assert parse_period("2026-Q4").submission_deadline(rule, cal) == D(2027, 1, 14)
    assert parse_period("2026-Q1").submission_deadline(SubmissionRule(mode="day_of_month", day=15), cal) == D(2026, 3, 15)
