"""Status buckets at a reference date: edge days, recurring, ongoing, on demand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kstthc_desktop.core.model import STATUS_LABELS_VI, ProgressEntry, Schedule, Status
from kstthc_desktop.core.status import (
    STATUS_ORDER,
    count_by_status,
    occurrence_status,
    occurrence_statuses,
    task_status,
)

D = date
DUE = D(2021, 9, 15)
ONE_OFF = Schedule(text="Trước ngày 15/9/2021", kinds=("date",), due=DUE,
                   occurrences=((D(2021, 1, 1), DUE),))
QUARTERLY = Schedule(
    text="hằng quý", kinds=("periodic",), start=D(2026, 1, 1), due=D(2026, 12, 31),
    occurrences=(
        (D(2026, 1, 1), D(2026, 3, 31)),
        (D(2026, 4, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2026, 9, 30)),
        (D(2026, 10, 1), D(2026, 12, 31)),
    ),
)
ONGOING = Schedule(text="Thường xuyên năm 2021", kinds=("ongoing",), start=D(2021, 1, 1),
                   due=D(2021, 12, 31), occurrences=((D(2021, 1, 1), D(2021, 12, 31)),))
ON_DEMAND = Schedule(text="Khi có phát sinh", kinds=("on_demand",))


def done(on: date, occurrence: int | None = None) -> ProgressEntry:
    return ProgressEntry(task_id=1, occurrence=occurrence, on=on, percent=100, done=True)


def note(on: date, percent: int = 50) -> ProgressEntry:
    return ProgressEntry(task_id=1, on=on, percent=percent, note="đang làm")


# --- one occurrence -------------------------------------------------------------------------


def test_due_day_itself_is_in_time() -> None:
    assert occurrence_status(DUE, None, DUE) is Status.IN_TIME
    assert task_status(ONE_OFF, [], DUE) is Status.IN_TIME


def test_day_after_due_is_overdue() -> None:
    ref = DUE + timedelta(days=1)
    assert occurrence_status(DUE, None, ref) is Status.OVERDUE
    assert task_status(ONE_OFF, [note(D(2021, 9, 1))], ref) is Status.OVERDUE


def test_done_on_the_due_day_is_on_time() -> None:
    assert occurrence_status(DUE, DUE, D(2021, 12, 31)) is Status.DONE_ON_TIME
    assert task_status(ONE_OFF, [done(DUE)], D(2021, 12, 31)) is Status.DONE_ON_TIME


def test_done_the_day_after_is_late() -> None:
    late = DUE + timedelta(days=1)
    assert occurrence_status(DUE, late, late) is Status.DONE_LATE
    assert task_status(ONE_OFF, [done(late)], D(2021, 12, 31)) is Status.DONE_LATE


def test_no_due_not_done_is_no_deadline() -> None:
    assert occurrence_status(None, None, DUE) is Status.NO_DEADLINE
    assert occurrence_status(None, DUE, DUE) is Status.DONE_ON_TIME


def test_progress_after_ref_is_ignored() -> None:
    """A report cut off on 14/9 must not see work finished on 20/9."""
    entries = [note(D(2021, 9, 1)), done(D(2021, 9, 20))]
    assert task_status(ONE_OFF, entries, D(2021, 9, 14)) is Status.IN_TIME
    assert task_status(ONE_OFF, entries, D(2021, 9, 19)) is Status.OVERDUE
    assert task_status(ONE_OFF, entries, D(2021, 9, 20)) is Status.DONE_LATE


def test_not_done_entry_does_not_complete() -> None:
    assert task_status(ONE_OFF, [note(D(2021, 3, 1), 90)], D(2021, 10, 1)) is Status.OVERDUE


def test_earliest_completion_counts() -> None:
    entries = [done(D(2021, 10, 1)), done(D(2021, 9, 10))]
    assert task_status(ONE_OFF, entries, D(2021, 12, 31)) is Status.DONE_ON_TIME


def test_no_schedule_is_no_deadline_until_done() -> None:
    assert task_status(None, [], DUE) is Status.NO_DEADLINE
    assert task_status(None, [done(DUE)], DUE) is Status.DONE_ON_TIME


def test_schedule_with_due_but_no_occurrences() -> None:
    hand_made = Schedule(text="tay", kinds=("date",), due=DUE)
    assert task_status(hand_made, [], DUE) is Status.IN_TIME
    assert task_status(hand_made, [], DUE + timedelta(days=1)) is Status.OVERDUE


# --- recurring ------------------------------------------------------------------------------


def test_recurring_open_past_occurrence_is_overdue() -> None:
    assert task_status(QUARTERLY, [], D(2026, 3, 31)) is Status.IN_TIME
    assert task_status(QUARTERLY, [], D(2026, 4, 1)) is Status.OVERDUE


def test_recurring_past_done_future_open_is_in_time() -> None:
    entries = [done(D(2026, 3, 20), 0)]
    assert task_status(QUARTERLY, entries, D(2026, 5, 1)) is Status.IN_TIME


def test_recurring_earlier_late_then_in_time_is_in_time() -> None:
    """Documented rule: a late Q1 report does not make the running task 'late'."""
    entries = [done(D(2026, 4, 10), 0)]
    ref = D(2026, 5, 1)
    assert task_status(QUARTERLY, entries, ref) is Status.IN_TIME
    statuses = [st for _, st in occurrence_statuses(QUARTERLY, entries, ref)]
    assert statuses == [Status.DONE_LATE, Status.IN_TIME, Status.IN_TIME, Status.IN_TIME]


def test_recurring_all_done_with_one_late() -> None:
    entries = [done(D(2026, 3, 30), 0), done(D(2026, 7, 2), 1), done(D(2026, 9, 30), 2), done(D(2026, 12, 1), 3)]
    assert task_status(QUARTERLY, entries, D(2026, 12, 31)) is Status.DONE_LATE


def test_recurring_all_done_on_time() -> None:
    entries = [done(D(2026, 3, 30), 0), done(D(2026, 6, 30), 1), done(D(2026, 9, 30), 2), done(D(2026, 12, 1), 3)]
    assert task_status(QUARTERLY, entries, D(2026, 12, 31)) is Status.DONE_ON_TIME


def test_whole_task_done_completes_every_occurrence() -> None:
    entries = [done(D(2026, 5, 10))]
    got = occurrence_statuses(QUARTERLY, entries, D(2026, 12, 31))
    assert [st for _, st in got] == [Status.DONE_LATE, Status.DONE_ON_TIME, Status.DONE_ON_TIME, Status.DONE_ON_TIME]
    assert got[0][0] == (D(2026, 1, 1), D(2026, 3, 31))
    assert task_status(QUARTERLY, entries, D(2026, 12, 31)) is Status.DONE_LATE


def test_bad_occurrence_index_is_ignored() -> None:
    assert task_status(QUARTERLY, [done(D(2026, 3, 1), 9), done(D(2026, 3, 1), -1)], D(2026, 4, 1)) is Status.OVERDUE


def test_exception_deadline_inside_ongoing_task() -> None:
    """Sở plan: thường xuyên 2021, riêng rà soát trước 31/5/2021."""
    s = Schedule(text="…", kinds=("ongoing", "date"), start=D(2021, 1, 1), due=D(2021, 12, 31),
                 occurrences=((D(2021, 1, 1), D(2021, 5, 31)), (D(2021, 1, 1), D(2021, 12, 31))))
    assert task_status(s, [], D(2021, 5, 31)) is Status.IN_TIME
    assert task_status(s, [], D(2021, 6, 1)) is Status.OVERDUE
    assert task_status(s, [done(D(2021, 5, 20), 0)], D(2021, 6, 1)) is Status.IN_TIME


# --- ongoing and on demand ------------------------------------------------------------------


def test_ongoing_is_in_time_until_year_end() -> None:
    assert task_status(ONGOING, [], D(2021, 1, 1)) is Status.IN_TIME
    assert task_status(ONGOING, [note(D(2021, 6, 1))], D(2021, 12, 31)) is Status.IN_TIME
    assert task_status(ONGOING, [], D(2022, 1, 1)) is Status.OVERDUE


def test_ongoing_marked_done() -> None:
    assert task_status(ONGOING, [done(D(2021, 12, 20))], D(2022, 1, 5)) is Status.DONE_ON_TIME


def test_on_demand_is_no_deadline_until_done() -> None:
    assert task_status(ON_DEMAND, [], D(2021, 6, 1)) is Status.NO_DEADLINE
    assert task_status(ON_DEMAND, [note(D(2021, 5, 1))], D(2021, 6, 1)) is Status.NO_DEADLINE
    assert task_status(ON_DEMAND, [done(D(2021, 5, 1))], D(2021, 6, 1)) is Status.DONE_ON_TIME
    assert task_status(ON_DEMAND, [done(D(2021, 7, 1))], D(2021, 6, 1)) is Status.NO_DEADLINE
    assert occurrence_statuses(ON_DEMAND, [done(D(2021, 5, 1))], D(2021, 6, 1)) == []


@pytest.mark.parametrize("kinds", [("external",), ("unknown",)])
def test_external_and_unknown_are_no_deadline(kinds: tuple[str, ...]) -> None:
    s = Schedule(text="theo kế hoạch riêng", kinds=kinds)
    assert task_status(s, [], D(2021, 6, 1)) is Status.NO_DEADLINE


# --- counting -------------------------------------------------------------------------------


def test_count_by_status_has_every_key() -> None:
    counts = count_by_status([Status.OVERDUE, Status.OVERDUE, Status.IN_TIME])
    assert list(counts) == list(STATUS_ORDER)
    assert counts == {Status.DONE_ON_TIME: 0, Status.DONE_LATE: 0, Status.IN_TIME: 1,
                      Status.OVERDUE: 2, Status.NO_DEADLINE: 0}
    assert count_by_status([]) == dict.fromkeys(STATUS_ORDER, 0)


def test_status_order_covers_every_status_with_a_label() -> None:
    assert set(STATUS_ORDER) == set(Status)
    assert all(STATUS_LABELS_VI[s] for s in STATUS_ORDER)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.dates(D(2025, 10, 1), D(2027, 3, 1)), st.sampled_from([None, 0, 1, 2, 3]),
                       st.booleans()), max_size=8),
    st.dates(D(2025, 10, 1), D(2027, 3, 1)),
)
def test_later_progress_never_changes_the_status(raw: list, ref: date) -> None:
    entries = [ProgressEntry(task_id=1, occurrence=o, on=d, done=f) for d, o, f in raw]
    visible = [e for e in entries if e.on <= ref]
    assert task_status(QUARTERLY, entries, ref) is task_status(QUARTERLY, visible, ref)
    assert task_status(QUARTERLY, entries, ref) in STATUS_ORDER
