"""What the dashboard, the calendar and the timeline show, as plain data (no Qt, no SQL).

The views only draw; every "which occurrence is due when, in which bucket" question is answered
here so it can be tested without a window and stays the same in every view.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..core.model import ProgressEntry, ScheduleKind, Section, Status
from ..core.periods import ReportPeriod, SubmissionRule, current_period, periods_of_year, quarter
from ..core.status import DONE_STATUSES, count_by_status, occurrence_statuses

if TYPE_CHECKING:
    from ..core.tally import Tally
    from ..core.workdays import WorkCalendar
    from .facade import OfficeService, TaskView

STALE_DAYS = 30


@dataclass(frozen=True)
class DueItem:
    """One due instance of a task, with its own status at the reference date."""

    task_id: int
    number: str
    content: str
    start: date
    due: date
    status: Status
    index: int = 0  # occurrence index in the task's schedule
    count: int = 1  # how many occurrences the task has
    deadline_text: str = ""
    more_overdue: int = 0  # in the dashboard's overdue list: other overdue occurrences of the task

    @property
    def title(self) -> str:
        """First line of the content with its number, as the lists show it."""
        first = self.content.split("\n", 1)[0]
        return f"{self.number} {first}".strip()


@dataclass(frozen=True)
class DayMark:
    """Something that happens on a day that is not a task: a holiday, a report cut-off…"""

    on: date
    kind: str  # "holiday" | "make_up" | "cutoff" | "submission"
    name: str = ""  # holiday name (Vietnamese, from the holidays package or the user)
    periods: tuple[ReportPeriod, ...] = ()

    @property
    def short_period(self) -> str:
        """The quarter of a cut-off/submission mark without the year: "quý IV"."""
        p = next((p for p in self.periods if p.kind == "quarter"), self.periods[0] if self.periods else None)
        if p is None:
            return ""
        return p.label.replace(f" năm {p.year}", "").strip()

    @property
    def period_labels(self) -> str:
        return "; ".join(p.label for p in self.periods)


@dataclass(frozen=True)
class NextReport:
    period: ReportPeriod
    cutoff: date
    submission: date


@dataclass
class DashboardSummary:
    today: date
    period: ReportPeriod
    year_counts: dict[Status, int]
    period_counts: dict[Status, int]
    overdue: list[DueItem] = field(default_factory=list)
    due_week: list[DueItem] = field(default_factory=list)
    due_month: list[DueItem] = field(default_factory=list)
    recurring_this_month: list[DueItem] = field(default_factory=list)
    on_demand_open: list[TaskView] = field(default_factory=list)
    stale: list[TaskView] = field(default_factory=list)
    next_report: NextReport | None = None


# --- progress and occurrences ------------------------------------------------------------------


def group_progress(entries: Iterable[ProgressEntry]) -> dict[int, list[ProgressEntry]]:
    """Progress entries by task id (the service hands them out per plan, flat)."""
    out: dict[int, list[ProgressEntry]] = defaultdict(list)
    for e in entries:
        if e.task_id is not None:
            out[e.task_id].append(e)
    return dict(out)


def task_occurrences(view: TaskView, progress: Sequence[ProgressEntry], ref: date) -> list[DueItem]:
    """Every occurrence of one task with its own status at ``ref``."""
    t = view.task
    occ = occurrence_statuses(t.schedule, progress, ref)
    return [DueItem(task_id=int(t.id or 0), number=view.ref or t.number, content=t.content, start=s, due=d, status=st,
                    index=i, count=len(occ), deadline_text=t.deadline_text)
            for i, ((s, d), st) in enumerate(occ)]


def all_occurrences(views: Iterable[TaskView], progress: Mapping[int, Sequence[ProgressEntry]],
                    ref: date) -> list[DueItem]:
    """All occurrences of all tasks, sorted by due date then task number order of the input."""
    items: list[DueItem] = []
    for v in views:
        items += task_occurrences(v, progress.get(int(v.task.id or 0), ()), ref)
    items.sort(key=lambda it: it.due)
    return items


def due_items(views: Iterable[TaskView], progress: Mapping[int, Sequence[ProgressEntry]], start: date,
              end: date, ref: date | None = None, open_only: bool = False) -> list[DueItem]:
    """Occurrences due in [start, end], status at ``ref`` (default ``start``), earliest first."""
    ref = ref or start
    out = [it for it in all_occurrences(views, progress, ref) if start <= it.due <= end]
    if open_only:
        out = [it for it in out if it.status not in DONE_STATUSES]
    return out


# --- calendar marks --------------------------------------------------------------------------


def report_marks(year: int, rule: SubmissionRule, calendar: WorkCalendar) -> list[DayMark]:
    """Report cut-offs (the 14th, ND 09/2019) and submission deadlines of the year's periods."""
    cutoffs: dict[date, list[ReportPeriod]] = defaultdict(list)
    subs: dict[date, list[ReportPeriod]] = defaultdict(list)
    for p in periods_of_year(year):
        cutoffs[p.window_end].append(p)
        subs[p.submission_deadline(rule, calendar)].append(p)
    marks = [DayMark(d, "cutoff", periods=tuple(ps)) for d, ps in cutoffs.items()]
    marks += [DayMark(d, "submission", periods=tuple(ps)) for d, ps in subs.items()]
    return sorted(marks, key=lambda m: (m.on, m.kind))


def holiday_marks(year: int, calendar: WorkCalendar) -> list[DayMark]:
    """Public holidays (with their Vietnamese names) and make-up working days of the year."""
    marks = [DayMark(d, "holiday", name=n) for d, n in calendar.holidays_in(year)]
    marks += [DayMark(d, "make_up") for d in calendar.make_up_days_in(year)]
    return sorted(marks, key=lambda m: (m.on, m.kind))


def next_report(today: date, rule: SubmissionRule, calendar: WorkCalendar) -> NextReport:
    """The quarterly report the officer works towards: the first whose submission is not past.

    Between the cut-off and the submission deadline it is still the report just closed.
    """
    for y in (today.year - 1, today.year, today.year + 1):
        for q in range(1, 5):
            p = quarter(y, q)
            sub = p.submission_deadline(rule, calendar)
            if sub >= today:
                return NextReport(p, p.window_end, sub)
    p = current_period(today)  # pragma: no cover - the loop above always finds one
    return NextReport(p, p.window_end, p.submission_deadline(rule, calendar))


def submission_rule(service: OfficeService) -> SubmissionRule:
    """The office's rule as set in Settings (default: two working days after the cut-off)."""
    return service.submission_rule()


# --- dashboard -------------------------------------------------------------------------------


def _aggregate(statuses: Sequence[Status]) -> Status:
    if Status.OVERDUE in statuses:
        return Status.OVERDUE
    if all(s in DONE_STATUSES for s in statuses):
        return Status.DONE_LATE if Status.DONE_LATE in statuses else Status.DONE_ON_TIME
    return Status.IN_TIME


def period_counts(views: Sequence[TaskView], progress: Mapping[int, Sequence[ProgressEntry]], today: date,
                  period: ReportPeriod, sections: Sequence[Section] = ()) -> dict[Status, int]:
    """The period's counts exactly as its report prints them (``core.tally.period_tally``: the
    same tasks, the same as-of rule — the cut-off once passed, else today)."""
    from ..core.tally import period_tally

    entries = [e for es in progress.values() for e in es]
    return period_tally([v.task for v in views], sections, entries, period, today).counts


def _is_on_demand(view: TaskView) -> bool:
    s = view.task.schedule
    return s is not None and ScheduleKind.ON_DEMAND.value in s.kinds


def dashboard_summary(views: Sequence[TaskView], progress: Mapping[int, Sequence[ProgressEntry]], today: date,
                      rule: SubmissionRule | None = None, calendar: WorkCalendar | None = None,
                      tally: Tally | None = None) -> DashboardSummary:
    """Everything "what needs me now" shows, computed at ``today``. ``tally`` is the service's
    ``period_tally`` of the current period (the report's own count); without it the same
    function counts the views."""
    if calendar is None:
        from ..core.workdays import WorkCalendar

        calendar = WorkCalendar()
    rule = rule or SubmissionRule()
    period = current_period(today)
    items = all_occurrences(views, progress, today)

    overdue_by_task: dict[int, list[DueItem]] = defaultdict(list)
    for it in items:
        if it.status == Status.OVERDUE:
            overdue_by_task[it.task_id].append(it)
    overdue = [replace(its[0], more_overdue=len(its) - 1) for its in overdue_by_task.values()]
    overdue.sort(key=lambda it: it.due)

    week_end, month_end = today + timedelta(days=7), today + timedelta(days=30)
    open_items = [it for it in items if it.status not in DONE_STATUSES]
    due_week = [it for it in open_items if today <= it.due <= week_end]
    due_month = [it for it in open_items if week_end < it.due <= month_end]
    recurring = [it for it in items if it.count > 1 and it.due.year == today.year and it.due.month == today.month]

    stale_before = today - timedelta(days=STALE_DAYS)
    stale = [v for v in views if v.status not in DONE_STATUSES
             and (v.last_update is None or v.last_update < stale_before)]
    on_demand = [v for v in views if _is_on_demand(v) and v.status not in DONE_STATUSES]

    return DashboardSummary(
        today=today, period=period,
        year_counts=count_by_status(v.status for v in views),
        period_counts=dict(tally.counts) if tally is not None else period_counts(views, progress, today, period),
        overdue=overdue, due_week=due_week, due_month=due_month, recurring_this_month=recurring,
        on_demand_open=on_demand, stale=stale, next_report=next_report(today, rule, calendar))


def flatten_tree(tree: Iterable[tuple[object, Sequence[TaskView]]]) -> list[TaskView]:
    """The task views of a ``task_tree`` in reading order (section by section, parents first)."""
    out: list[TaskView] = []

    def walk(views: Sequence[TaskView]) -> None:
        for v in views:
            out.append(v)
            walk(v.children)

    for _section, roots in tree:
        walk(roots)
    return out


def plan_overview(service: OfficeService, today: date) -> tuple[list[TaskView], dict[int, list[ProgressEntry]]]:
    """The current plan's task views at ``today`` in reading order, and its progress by task."""
    plan = service.current_plan()
    if plan is None or plan.id is None:
        return [], {}
    return flatten_tree(service.task_tree(plan.id, today)), group_progress(service.plan_progress(plan.id))


__all__ = [
    "DashboardSummary", "DayMark", "DueItem", "NextReport", "all_occurrences", "dashboard_summary",
    "due_items", "flatten_tree", "group_progress", "holiday_marks", "next_report", "period_counts", "plan_overview",
    "report_marks", "submission_rule", "task_occurrences",
]
