"""Status buckets of tasks and occurrences at a reference date (DESIGN.md §4, DOMAIN.md §4).

The same rules serve "today" on screen and a report's cut-off date, so work recorded after the
reference date is invisible: a report for quý I must not count what was done in April.

Rules for a task with several occurrences (periodic reports, month sets, a main deadline with an
exception):

- any occurrence due on or before ``ref`` and not done → ``overdue``;
- otherwise, every occurrence done → ``done_late`` if any was late, else ``done_on_time``;
- otherwise (only future occurrences are open) → ``in_time``. An earlier occurrence done late
  does not make the task "late" while it is still running: the lateness shows in the
  per-occurrence statuses and in the final status once everything is done.

An ongoing task has one occurrence (start → 31/12), so it is ``in_time`` until the year end
unless marked done. A task with no occurrences (on demand, external, unknown) is
``no_deadline`` until marked done, then ``done_on_time``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .model import ProgressEntry, Schedule, Status

STATUS_ORDER: tuple[Status, ...] = (
    Status.DONE_ON_TIME,
    Status.DONE_LATE,
    Status.IN_TIME,
    Status.OVERDUE,
    Status.NO_DEADLINE,
)
"""Display order: the report's "đã hoàn thành (đúng hạn, quá hạn); chưa hoàn thành (trong hạn,
quá hạn)" then the tasks without a deadline."""

DONE_STATUSES = frozenset({Status.DONE_ON_TIME, Status.DONE_LATE})


def occurrence_status(due: date | None, done_on: date | None, ref: date) -> Status:
    """Bucket of one due instance. ``done_on`` is the completion date if done by ``ref``.

    The due day itself is still in time; the day after is overdue.
    """
    if done_on is not None and done_on <= ref:
        if due is None or done_on <= due:
            return Status.DONE_ON_TIME
        return Status.DONE_LATE
    if due is None:
        return Status.NO_DEADLINE
    return Status.OVERDUE if ref > due else Status.IN_TIME


def _completion_dates(
    n: int, progress: Iterable[ProgressEntry], ref: date
) -> tuple[list[date | None], date | None]:
    """Earliest completion date per occurrence and for the whole task, ignoring entries after ref."""
    per: list[date | None] = [None] * n
    whole: date | None = None
    for entry in progress:
        if not entry.done or entry.on > ref:
            continue
        if entry.occurrence is None:
            whole = entry.on if whole is None else min(whole, entry.on)
        elif 0 <= entry.occurrence < n:
            cur = per[entry.occurrence]
            per[entry.occurrence] = entry.on if cur is None else min(cur, entry.on)
    return per, whole


def _occurrences(schedule: Schedule | None) -> tuple[tuple[date, date], ...]:
    if schedule is None:
        return ()
    if schedule.occurrences:
        return schedule.occurrences
    if schedule.due is not None:  # a hand-made schedule with only a due date
        return ((schedule.start or schedule.due, schedule.due),)
    return ()


def occurrence_statuses(
    schedule: Schedule | None, progress: Sequence[ProgressEntry], ref: date
) -> list[tuple[tuple[date, date], Status]]:
    """Each occurrence of the schedule with its status at ``ref``.

    A done entry with ``occurrence=None`` completes every occurrence on its date; one with an
    index completes that occurrence; entries dated after ``ref`` are ignored.
    """
    occ = _occurrences(schedule)
    per, whole = _completion_dates(len(occ), progress, ref)
    out: list[tuple[tuple[date, date], Status]] = []
    for (start, due), done_on in zip(occ, per, strict=True):
        candidates = [d for d in (done_on, whole) if d is not None]
        out.append(((start, due), occurrence_status(due, min(candidates) if candidates else None, ref)))
    return out


def task_status(schedule: Schedule | None, progress: Sequence[ProgressEntry], ref: date) -> Status:
    """One bucket for the whole task at ``ref`` (see the module docstring for the rules)."""
    statuses = [st for _, st in occurrence_statuses(schedule, progress, ref)]
    if not statuses:
        marked = any(e.done and e.on <= ref for e in progress)
        return Status.DONE_ON_TIME if marked else Status.NO_DEADLINE
    if Status.OVERDUE in statuses:
        return Status.OVERDUE
    if all(st in DONE_STATUSES for st in statuses):
        return Status.DONE_LATE if Status.DONE_LATE in statuses else Status.DONE_ON_TIME
    return Status.IN_TIME


def count_by_status(statuses: Iterable[Status]) -> dict[Status, int]:
    """How many of each bucket; every bucket is present (zero when empty), in display order."""
    counts = {st: 0 for st in STATUS_ORDER}
    for st in statuses:
        counts[Status(st)] += 1
    return counts
