"""Dates, times, report periods and deadline summaries as the UI language writes them.

Vietnamese (the default): 25/11/2026, 25/11/2026 14:05, "quý III năm 2026", and the deadline
summary of ``core.schedule.describe_schedule``. English: dates through babel ("25 Nov 2026"),
"Quarter III 2026", and the same deadline summary in English words. The language is the one
``i18n.install_translators`` chose (Vietnamese when none was chosen).
"""

from __future__ import annotations

from datetime import date, datetime

from ..core.model import Schedule
from ..core.periods import ReportPeriod

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def english() -> bool:
    from ..i18n import ui_language

    return ui_language() == "en"


def date_text(d: date | None) -> str:
    if d is None:
        return ""
    if english():
        from babel.dates import format_date

        return format_date(d, "d MMM y", locale="en")
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def short_date(d: date) -> str:
    """ "15/6/2026" (vi) or "15 Jun 2026" (en): a window's ends, where room is short."""
    if english():
        return date_text(d)
    return f"{d.day}/{d.month}/{d.year}"


def datetime_text(value: str | datetime | None) -> str:
    """A time kept in the file ("2026-11-25T14:05:09") as the officer reads it: 25/11/2026 14:05."""
    if not value:
        return ""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if english():
        from babel.dates import format_datetime

        return format_datetime(when, "d MMM y HH:mm", locale="en")
    return f"{when.day:02d}/{when.month:02d}/{when.year} {when.hour:02d}:{when.minute:02d}"


def period_label(p: ReportPeriod) -> str:
    """ "quý III năm 2026" / "Quarter III 2026", "6 tháng đầu năm 2026" / "First half of 2026"…"""
    if not english():
        return p.label
    if p.kind == "quarter":
        return f"Quarter {ROMAN.get(p.number, p.number)} {p.year}"
    if p.kind == "half":
        return f"{'First' if p.number == 1 else 'Second'} half of {p.year}"
    if p.kind == "nine_months":
        return f"First nine months of {p.year}"
    if p.kind == "year":
        return f"Year {p.year}"
    if p.kind == "month":
        from babel.dates import format_date

        return format_date(date(p.year, max(1, p.number), 1), "MMMM y", locale="en")
    return f"{date_text(p.window_start)} – {date_text(p.window_end)}"


def window_text(p: ReportPeriod) -> str:
    if not english():
        return p.window_text
    return f"Figures from {date_text(p.window_start)} to {date_text(p.window_end)}"


def schedule_text(s: Schedule | None) -> str:
    """The deadline as the program understood it, in the UI language."""
    if s is None:
        return ""
    from ..core.schedule import describe_schedule

    return describe_schedule(s, _english_words()) if english() else describe_schedule(s)


_ENGLISH_WORDS = None


def _english_words():  # noqa: ANN202 - a subclass of core.schedule.ScheduleWords, made on first use
    """The English words of the deadline summary (core.schedule is not loaded at start-up)."""
    global _ENGLISH_WORDS
    if _ENGLISH_WORDS is None:
        from ..core.schedule import ScheduleWords

        class EnglishScheduleWords(ScheduleWords):
            ongoing = "Ongoing until {due}"
            ongoing_count = "; and {n} deadlines in the year"
            ongoing_also = "; also due {dates}"
            times = "{n} times: {dates}"
            range = "From {start} to {due}"
            month = "During {month}/{year}, due {due}"
            quarter = "Quarter {quarter}/{year}, due {due}"
            periodic = "Periodic, due {due}"
            year = "During {year}, due {due}"
            due = "Due {due}"
            on_demand = "when it arises"
            external = "as a separate plan says"
            unknown = "Deadline not understood"
            alternative = "; or "

            @staticmethod
            def date(d: date) -> str:
                return date_text(d)

            @staticmethod
            def dates(dues: list[date]) -> str:
                return ", ".join(date_text(d) for d in dues)

        _ENGLISH_WORDS = EnglishScheduleWords
    return _ENGLISH_WORDS


__all__ = ["date_text", "datetime_text", "english", "period_label", "schedule_text", "short_date", "window_text"]
