"""Working days of a Vietnamese public office (DOMAIN.md §6).

A working day is Monday–Friday, minus the public holidays of the ``holidays`` package (country
VN, Vietnamese names, including its observed "nghỉ bù" days and the swap days it knows), minus the
days off the user adds from each year's decision of the Thủ tướng / Bộ Nội vụ, plus the make-up
working Saturdays (làm bù) — from the package and from the user. The package does not know every
year's swaps, so the user's overrides always win.

``holidays`` is imported lazily and the result cached per year: start-up does not pay for it. Only
Vietnam's calendar is loaded: ``import holidays.countries`` would import all 250 countries (≈80 ms).
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

USER_DAY_OFF_NAME = "Nghỉ theo quyết định"

_vietnam_lock = threading.Lock()


def vietnam_holidays_class() -> Any:
    """``holidays.countries.vietnam.Vietnam`` without executing ``holidays/countries/__init__.py``.

    That package file imports every country. While the Vietnam module loads, a bare (not executed)
    package object stands in for it; it is removed afterwards, so a later ``import holidays.countries``
    still gets the real package (which then finds the Vietnam module already loaded).
    """
    with _vietnam_lock:
        loaded = sys.modules.get("holidays.countries.vietnam")
        if loaded is None:
            import holidays  # noqa: F401 - the parent package (its registry is lazy)

            stand_in = None
            if "holidays.countries" not in sys.modules:
                spec = importlib.util.find_spec("holidays.countries")
                if spec is not None:
                    stand_in = importlib.util.module_from_spec(spec)
                    sys.modules["holidays.countries"] = stand_in
            try:
                import holidays.countries.vietnam as loaded
            finally:
                if stand_in is not None and sys.modules.get("holidays.countries") is stand_in:
                    del sys.modules["holidays.countries"]
        return loaded.Vietnam


class WorkCalendar:
    """Which days the office works, with the user's per-year corrections."""

    def __init__(self, overrides_off: Iterable[date] = (), overrides_work: Iterable[date] = ()) -> None:
        self.overrides_work: frozenset[date] = frozenset(overrides_work)
        # a day the user says is worked is never also a day off
        self.overrides_off: frozenset[date] = frozenset(overrides_off) - self.overrides_work
        self._years: dict[int, tuple[dict[date, str], frozenset[date]]] = {}

    # --- the package, one year at a time ---------------------------------------------------------
    def _year(self, year: int) -> tuple[dict[date, str], frozenset[date]]:
        """Public holidays (date → Vietnamese name) and the package's working weekend days."""
        cached = self._years.get(year)
        if cached is None:
            try:
                table = vietnam_holidays_class()(years=year, language="vi")  # lazy: first date question
                names = {d: str(n) for d, n in table.items() if d.year == year}
                extra = frozenset(d for d in getattr(table, "weekend_workdays", ()) if d.year == year)
            except (NotImplementedError, KeyError, ValueError):  # a year the package cannot compute
                names, extra = {}, frozenset()
            cached = (names, extra)
            self._years[year] = cached
        return cached

    # --- questions --------------------------------------------------------------------------------
    def is_workday(self, d: date) -> bool:
        if d in self.overrides_work:
            return True
        if d in self.overrides_off:
            return False
        names, extra = self._year(d.year)
        if d in extra:
            return True
        return d.weekday() < 5 and d not in names

    def holiday_name(self, d: date) -> str | None:
        """Vietnamese name of the holiday or user day off on ``d``; None on an ordinary or make-up day."""
        if d in self.overrides_work:
            return None
        name = self._year(d.year)[0].get(d)
        if name:
            return name
        return USER_DAY_OFF_NAME if d in self.overrides_off else None

    def add_workdays(self, d: date, n: int) -> date:
        """The n-th working day after ``d`` (before it when n < 0); ``d`` itself when n == 0."""
        step = 1 if n >= 0 else -1
        left = abs(n)
        cur = d
        while left:
            cur += timedelta(days=step)
            if self.is_workday(cur):
                left -= 1
        return cur

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: ``add_workdays(a, n) == b`` gives n when b is a working day.

        Negative when b is before a.
        """
        if b < a:
            return -self.workdays_between(b, a)
        count = 0
        cur = a + timedelta(days=1)
        while cur <= b:
            if self.is_workday(cur):
                count += 1
            cur += timedelta(days=1)
        return count

    def holidays_in(self, year: int) -> list[tuple[date, str]]:
        """Public holidays and user days off of the year, sorted (make-up days excluded)."""
        days = dict(self._year(year)[0])
        for d in self.overrides_off:
            if d.year == year:
                days.setdefault(d, USER_DAY_OFF_NAME)
        return sorted((d, n) for d, n in days.items() if d not in self.overrides_work)

    def make_up_days_in(self, year: int) -> list[date]:
        """Weekend days worked in the year (the package's swap days and the user's)."""
        extra = {d for d in self._year(year)[1] if d not in self.overrides_off}
        extra |= {d for d in self.overrides_work if d.year == year and d.weekday() >= 5}
        return sorted(extra)
