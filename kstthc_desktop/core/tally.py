"""One count of a plan's tasks for one report period, shared by the report and the dashboard.

Before this module the dashboard and the report each counted in their own way and disagreed
(issue 12: quý IV). Now both call ``period_tally``:

- **which tasks count**: the plan's tasks outside its appendix sections that concern the office
  (``is_ours``), and only the ones that carry a status of their own — a parent task whose
  subtasks carry the work is a heading, not a task to count;
- **as of when**: the period's cut-off (window end) once it has passed, otherwise today. A report
  for a period that is not closed is a draft "số liệu tính đến ngày <today>";
- **what is "đã triển khai"**: done (on time or late) plus in progress (in time or overdue);
  tasks with no deadline that nothing has been recorded for are "chưa phát sinh".

Percentages are shares of the total by the largest-remainder method in tenths of a per cent, so
the printed shares always add up to exactly 100 %.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .model import CommuneRole, ProgressEntry, Section, Status, Task
from .periods import ReportPeriod
from .status import DONE_STATUSES, STATUS_ORDER, count_by_status, task_status

IN_PROGRESS = frozenset({Status.IN_TIME, Status.OVERDUE})


def as_of_date(period: ReportPeriod, today: date) -> date:
    """The date a period's figures are taken at: its cut-off, or today while it is still open."""
    return min(today, period.window_end)


def is_closed(period: ReportPeriod, today: date) -> bool:
    """A period is closed the day after its cut-off (the 14th is still inside the window)."""
    return today > period.window_end


def is_ours(task: Task) -> bool:
    """Does the task concern the office? A task read from the superior's plan that names neither
    this office nor its level among the units (role "none") is not reported as the office's own;
    a task the officer typed in by hand always is."""
    return not (task.origin and task.commune_role == CommuneRole.NONE)


def largest_remainder(counts: Sequence[int], scale: int = 1000) -> list[int] | None:
    """Shares of ``sum(counts)`` in units of 1/``scale`` that add up to exactly ``scale``.

    Each share is rounded down, then the units left over go to the largest remainders; buckets
    with the same count move together, so "3 nhiệm vụ" never reads 17,7% in one row and 17,6% in
    the next. None when there is nothing to share.
    """
    total = sum(counts)
    if total <= 0:
        return None
    exact = [c * scale / total for c in counts]
    shares = [int(x) for x in exact]
    left = scale - sum(shares)
    # equal counts always print equal shares: a unit goes to every bucket of a count, or to none
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(counts):
        groups.setdefault(c, []).append(i)
    order = sorted(groups.values(), key=lambda g: (-(exact[g[0]] - shares[g[0]]), g[0]))
    for group in order:
        if 0 < len(group) <= left and exact[group[0]] > shares[group[0]]:
            for i in group:
                shares[i] += 1
            left -= len(group)
    for group in order:  # what is still left (rare: all candidates tied in too large groups)
        for i in group:
            if left > 0 and exact[i] > shares[i]:
                shares[i] += 1
                left -= 1
    return shares


@dataclass
class Tally:
    """The counted tasks of a plan for one period and how each stands at ``as_of``."""

    period: ReportPeriod
    as_of: date
    closed: bool
    statuses: dict[int, Status] = field(default_factory=dict)  # task id → status (counted tasks)
    completed_on: dict[int, date] = field(default_factory=dict)  # counted done tasks → when
    counts: dict[Status, int] = field(default_factory=dict)
    excluded: int = 0  # tasks left out because they do not concern the office

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return sum(self.counts.get(s, 0) for s in DONE_STATUSES)

    @property
    def in_progress(self) -> int:
        return sum(self.counts.get(s, 0) for s in IN_PROGRESS)

    @property
    def started(self) -> int:
        """ "đã triển khai": done plus in progress."""
        return self.done + self.in_progress

    @property
    def done_in_window(self) -> int:
        p = self.period
        return sum(1 for d in self.completed_on.values() if p.window_start <= d <= self.as_of)

    def shares(self) -> dict[Status, int | None]:
        """Each bucket's share in tenths of a per cent (adds up to 1000), None when empty plan."""
        parts = largest_remainder([self.counts.get(s, 0) for s in STATUS_ORDER])
        if parts is None:
            return dict.fromkeys(STATUS_ORDER, None)
        return dict(zip(STATUS_ORDER, parts, strict=True))

    def share_of(self, part: int) -> int | None:
        """Share of ``part`` in tenths of a per cent, rounded half up (for sums of buckets)."""
        return (part * 2000 + self.total) // (2 * self.total) if self.total else None


def completion_date(entries: Sequence[ProgressEntry]) -> date | None:
    """When the task became done: the first whole-task "done", else the last occurrence finished."""
    whole = [e.on for e in entries if e.done and e.occurrence is None]
    if whole:
        return min(whole)
    first_per_occurrence: dict[int, date] = {}
    for e in entries:
        if e.done and e.occurrence is not None:
            cur = first_per_occurrence.get(e.occurrence)
            first_per_occurrence[e.occurrence] = e.on if cur is None else min(cur, e.on)
    return max(first_per_occurrence.values()) if first_per_occurrence else None


def counted_tasks(tasks: Iterable[Task], sections: Iterable[Section],
                  progress_by_task: Mapping[int | None, Sequence[ProgressEntry]], only_ours: bool = True) -> list[Task]:
    """The tasks a report counts: ours, outside appendices, not a parent heading (a parent with
    progress of its own counts as a task)."""
    tasks = list(tasks)
    appendix = {s.id for s in sections if s.appendix}
    parents = {t.parent_id for t in tasks if t.parent_id is not None}
    return [t for t in tasks if t.section_id not in appendix and (is_ours(t) or not only_ours)
            and (t.id not in parents or progress_by_task.get(t.id))]


def period_tally(tasks: Iterable[Task], sections: Iterable[Section], progress: Iterable[ProgressEntry],
                 period: ReportPeriod, today: date, only_ours: bool = True) -> Tally:
    """THE count of a plan for a period (report prose, report tables and dashboard alike).
    ``only_ours=False`` counts every task (the hand-back fills in the superior's whole table)."""
    as_of = as_of_date(period, today)
    by_task: dict[int | None, list[ProgressEntry]] = defaultdict(list)
    for e in progress:
        if e.on <= as_of:
            by_task[e.task_id].append(e)
    tasks = list(tasks)
    sections = list(sections)
    counted = counted_tasks(tasks, sections, by_task, only_ours)
    appendix = {s.id for s in sections if s.appendix}
    tally = Tally(period=period, as_of=as_of, closed=is_closed(period, today))
    if only_ours:
        tally.excluded = sum(1 for t in tasks if t.section_id not in appendix and not is_ours(t))
    for t in counted:
        entries = by_task.get(t.id, [])
        st = task_status(t.schedule, entries, as_of)
        tally.statuses[int(t.id or 0)] = st
        if st in DONE_STATUSES:
            done_on = completion_date(entries)
            if done_on is not None:
                tally.completed_on[int(t.id or 0)] = done_on
    tally.counts = count_by_status(tally.statuses.values())
    return tally


__all__ = ["IN_PROGRESS", "Tally", "as_of_date", "completion_date", "counted_tasks", "is_closed", "is_ours",
           "largest_remainder", "period_tally"]
