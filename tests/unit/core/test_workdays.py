"""Working days: VN public holidays, weekends, the user's days off and make-up Saturdays."""

from __future__ import annotations

from datetime import date

from kstthc_desktop.core.workdays import USER_DAY_OFF_NAME, WorkCalendar

D = date


def test_tet_2026_is_not_worked() -> None:
    cal = WorkCalendar()
    for day in range(16, 21):
        d = D(2026, 2, day)
        assert not cal.is_workday(d), d
        assert cal.holiday_name(d)
    assert cal.holiday_name(D(2026, 2, 17)) == "Tết Nguyên Đán"
    assert cal.is_workday(D(2026, 2, 13))  # Friday before
    assert cal.is_workday(D(2026, 2, 23))  # Monday after


def test_national_day() -> None:
    cal = WorkCalendar()
    assert not cal.is_workday(D(2026, 9, 2))
    assert cal.holiday_name(D(2026, 9, 2)) == "Quốc khánh"
    assert not cal.is_workday(D(2025, 9, 2))


def test_weekend() -> None:
    cal = WorkCalendar()
    assert not cal.is_workday(D(2026, 3, 14))  # Saturday
    assert not cal.is_workday(D(2026, 6, 14))  # Sunday
    assert cal.holiday_name(D(2026, 6, 14)) is None
    assert cal.is_workday(D(2026, 6, 15))


def test_observed_day_from_the_package() -> None:
    cal = WorkCalendar()
    assert not cal.is_workday(D(2026, 4, 27))  # Giỗ Tổ on Sunday 26/4 → nghỉ bù Monday
    assert "nghỉ bù" in (cal.holiday_name(D(2026, 4, 27)) or "")


def test_user_make_up_saturday_is_a_workday() -> None:
    sat = D(2026, 1, 10)
    assert not WorkCalendar().is_workday(sat)
    cal = WorkCalendar(overrides_work=[sat])
    assert cal.is_workday(sat)
    assert cal.holiday_name(sat) is None
    assert sat in cal.make_up_days_in(2026)


def test_user_day_off_is_not_a_workday() -> None:
    off = D(2026, 1, 2)  # Friday after New Year
    assert WorkCalendar().is_workday(off)
    cal = WorkCalendar(overrides_off=[off])
    assert not cal.is_workday(off)
    assert cal.holiday_name(off) == USER_DAY_OFF_NAME
    assert (off, USER_DAY_OFF_NAME) in cal.holidays_in(2026)


def test_user_work_wins_over_public_holiday() -> None:
    cal = WorkCalendar(overrides_work=[D(2026, 11, 24)])
    assert cal.is_workday(D(2026, 11, 24))
    assert D(2026, 11, 24) not in [d for d, _ in cal.holidays_in(2026)]


def test_add_workdays_across_tet() -> None:
    cal = WorkCalendar()
    assert cal.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert cal.add_workdays(D(2026, 2, 12), 3) == D(2026, 2, 24)
    assert cal.add_workdays(D(2026, 2, 23), -1) == D(2026, 2, 13)
    assert cal.add_workdays(D(2026, 2, 17), 0) == D(2026, 2, 17)


def test_two_workdays_after_a_sunday_cutoff() -> None:
    assert WorkCalendar().add_workdays(D(2026, 6, 14), 2) == D(2026, 6, 16)


def test_make_up_day_counts_when_adding() -> None:
    cal = WorkCalendar(overrides_work=[D(2026, 6, 13)])  # Saturday before the cut-off Sunday
    assert cal.add_workdays(D(2026, 6, 12), 2) == D(2026, 6, 15)


def test_workdays_between() -> None:
    cal = WorkCalendar()
    assert cal.workdays_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert cal.workdays_between(D(2026, 6, 14), D(2026, 6, 16)) == 2
    assert cal.workdays_between(D(2026, 6, 16), D(2026, 6, 14)) == -2
    assert cal.workdays_between(D(2026, 6, 16), D(2026, 6, 16)) == 0
    a = D(2026, 1, 1)
    for n in (1, 5, 20, 60):
        assert cal.workdays_between(a, cal.add_workdays(a, n)) == n


def test_holidays_in_is_sorted_and_vietnamese() -> None:
    days = WorkCalendar(overrides_off=[D(2026, 1, 2)]).holidays_in(2026)
    assert days == sorted(days)
    assert days[0] == (D(2026, 1, 1), "Tết Dương lịch")
    assert days[1] == (D(2026, 1, 2), USER_DAY_OFF_NAME)
    assert all(d.year == 2026 for d, _ in days)
    assert (D(2026, 4, 30), "Ngày Chiến thắng") in days


def test_make_up_days_include_the_package_swap_days() -> None:
    # the package knows 2024's swap (Sat 4/5/2024 worked for 2/5/2024 off)
    assert D(2024, 5, 4) in WorkCalendar().make_up_days_in(2024)
    assert WorkCalendar().is_workday(D(2024, 5, 4))
    assert WorkCalendar(overrides_off=[D(2024, 5, 4)]).make_up_days_in(2024) == []
