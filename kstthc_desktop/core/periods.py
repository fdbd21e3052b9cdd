"""Report periods and their data windows (Nghị định 09/2019/NĐ-CP, Điều 12; DOMAIN.md §1).

A period has a calendar label ("quý I năm 2026") and a data window that ends on the 14th
("Số liệu từ ngày 15/12/2025 đến ngày 14/3/2026"): quý = 15th of the month before the quarter →
14th of its last month; 6 tháng đầu năm 15/12(N−1) → 14/6; 6 tháng cuối năm 15/6 → 14/12;
9 tháng (a provincial addition) 15/12(N−1) → 14/9; năm 15/12(N−1) → 14/12; tháng 15th of the
previous month → 14th. Ad hoc (đột xuất) periods carry their own dates.

Codes are stable strings stored with reports: "2026-Q1", "2026-H2", "2026-9M", "2026-Y",
"2026-M05", "adhoc:2026-03-01:2026-03-31". The submission deadline is a rule kept as data,
because each province sets its own.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .errors import ValidationError

if TYPE_CHECKING:
    from .workdays import WorkCalendar

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MIN_YEAR, _MAX_YEAR = 1990, 2200
_CODE_HINT = "Dùng dạng 2026-Q1, 2026-H1, 2026-9M, 2026-Y, 2026-M05 hoặc adhoc:2026-03-01:2026-03-31."


def format_short(d: date) -> str:
    """"15/3/2026": day and month unpadded, as in the data-window sentence."""
    return f"{d.day}/{d.month}/{d.year}"


def _format_nd30(d: date) -> str:
    """"01/3/2026": day padded below 10, month padded for 1 and 2 (ND 30 rule)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def _day14(year: int, month: int) -> date:
    return date(year, month, 14)


def _day15_of_previous_month(year: int, month: int) -> date:
    return date(year - 1, 12, 15) if month == 1 else date(year, month - 1, 15)


@dataclass(frozen=True)
class ReportPeriod:
    """One reporting period: what it is called and which days its figures cover."""

    code: str
    kind: str  # "quarter" | "half" | "nine_months" | "year" | "month" | "adhoc"
    year: int
    label: str
    window_start: date
    window_end: date
    number: int = 0  # quarter 1–4, half 1–2, month 1–12; 0 otherwise

    @property
    def window_text(self) -> str:
        return f"Số liệu từ ngày {format_short(self.window_start)} đến ngày {format_short(self.window_end)}"

    @property
    def title_suffix(self) -> str:
        """What follows the report title: "… quý I năm 2026", "… từ ngày 01/3/2026 đến ngày 31/3/2026"."""
        if self.kind == "adhoc":
            return f"từ ngày {_format_nd30(self.window_start)} đến ngày {_format_nd30(self.window_end)}"
        return self.label

    def contains(self, d: date) -> bool:
        return self.window_start <= d <= self.window_end

    def submission_deadline(self, rule: SubmissionRule, calendar: WorkCalendar) -> date:
        return rule.deadline(self.window_end, calendar)


@dataclass(frozen=True)
class SubmissionRule:
    """When a report is due, as data the officer can edit.

    ``mode="workdays"``: ``workdays`` working days after the cut-off (Khánh Hòa QĐ 01/2023: 2).
    ``mode="day_of_month"``: a fixed ``day`` of the cut-off month (Bắc Kạn 2021: 16 for a xã);
    when that day is not after the cut-off, the same day of the next month.
    """

    mode: str = "workdays"
    workdays: int = 2
    day: int = 16

    def deadline(self, cutoff: date, calendar: WorkCalendar) -> date:
        if self.mode == "day_of_month":
            day = max(1, min(31, self.day))
            y, m = cutoff.year, cutoff.month
            if day <= cutoff.day:
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            return _clamped(y, m, day)
        if self.mode == "workdays":
            return calendar.add_workdays(cutoff, max(0, self.workdays))
        raise ValidationError(f"Quy tắc hạn gửi báo cáo không hợp lệ: '{self.mode}'.",
                              "Chọn 'workdays' hoặc 'day_of_month'.", "mode")

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> SubmissionRule:
        return cls(mode=str(data.get("mode", "workdays")), workdays=int(data.get("workdays", 2)),
                   day=int(data.get("day", 16)))


def _clamped(y: int, m: int, day: int) -> date:
    nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
    return date(y, m, min(day, (nxt - timedelta(days=1)).day))


# --- building periods -------------------------------------------------------------------------


def quarter(year: int, q: int) -> ReportPeriod:
    last = 3 * q
    return ReportPeriod(f"{year}-Q{q}", "quarter", year, f"quý {_ROMAN[q]} năm {year}",
                        _day15_of_previous_month(year, last - 2), _day14(year, last), q)


def half(year: int, h: int) -> ReportPeriod:
    if h == 1:
        return ReportPeriod(f"{year}-H1", "half", year, f"6 tháng đầu năm {year}",
                            date(year - 1, 12, 15), _day14(year, 6), 1)
    return ReportPeriod(f"{year}-H2", "half", year, f"6 tháng cuối năm {year}",
                        date(year, 6, 15), _day14(year, 12), 2)


def nine_months(year: int) -> ReportPeriod:
    return ReportPeriod(f"{year}-9M", "nine_months", year, f"9 tháng năm {year}",
                        date(year - 1, 12, 15), _day14(year, 9))


def whole_year(year: int) -> ReportPeriod:
    return ReportPeriod(f"{year}-Y", "year", year, f"năm {year}", date(year - 1, 12, 15), _day14(year, 12))


def month(year: int, m: int) -> ReportPeriod:
    return ReportPeriod(f"{year}-M{m:02d}", "month", year, f"tháng {m} năm {year}",
                        _day15_of_previous_month(year, m), _day14(year, m), m)


def adhoc(start: date, end: date) -> ReportPeriod:
    if end < start:
        raise ValidationError("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu.",
                              "Hãy chọn lại khoảng thời gian.", "period")
    label = f"đột xuất (từ ngày {_format_nd30(start)} đến ngày {_format_nd30(end)})"
    return ReportPeriod(f"adhoc:{start.isoformat()}:{end.isoformat()}", "adhoc", end.year, label, start, end)


_CODE = re.compile(r"^(\d{4})-(?:Q([1-4])|H([12])|(9M)|(Y)|M(\d{1,2}))$", re.IGNORECASE)
_ADHOC = re.compile(r"^adhoc:(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$", re.IGNORECASE)


def _bad_code(code: object) -> ValidationError:
    return ValidationError(f"Mã kỳ báo cáo không hợp lệ: '{code}'.", _CODE_HINT, "period")


def parse_period(code: str) -> ReportPeriod:
    """The period named by ``code``; ``ValidationError`` with a Vietnamese message when it is wrong."""
    if not isinstance(code, str):
        raise _bad_code(code)
    text = code.strip()
    m = _ADHOC.match(text)
    if m:
        try:
            start, end = date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        except ValueError:
            raise _bad_code(code) from None
        if not (_MIN_YEAR <= start.year <= _MAX_YEAR and _MIN_YEAR <= end.year <= _MAX_YEAR):
            raise _bad_code(code)
        return adhoc(start, end)
    m = _CODE.match(text)
    if not m:
        raise _bad_code(code)
    year = int(m.group(1))
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _bad_code(code)
    if m.group(2):
        return quarter(year, int(m.group(2)))
    if m.group(3):
        return half(year, int(m.group(3)))
    if m.group(4):
        return nine_months(year)
    if m.group(5):
        return whole_year(year)
    mm = int(m.group(6))
    if not 1 <= mm <= 12:
        raise _bad_code(code)
    return month(year, mm)


def periods_of_year(year: int) -> list[ReportPeriod]:
    """The usual periods of a year (four quarters, two halves, nine months, the year), by cut-off.

    Ties on the cut-off put the shorter period first: Q1, Q2, H1, Q3, 9M, Q4, H2, Y.
    """
    periods = [quarter(year, q) for q in range(1, 5)] + [half(year, 1), half(year, 2),
                                                         nine_months(year), whole_year(year)]
    return sorted(periods, key=lambda p: (p.window_end, -p.window_start.toordinal()))


def current_period(today: date) -> ReportPeriod:
    """The quarter whose data window contains ``today`` (15/12 already belongs to next year's Q1)."""
    y, m, d = today.year, today.month, today.day
    if m == 12 and d >= 15:
        return quarter(y + 1, 1)
    q = (m - 1) // 3 + 1
    if m == 3 * q and d >= 15:  # past the cut-off of this quarter
        q += 1
    return quarter(y, q)
