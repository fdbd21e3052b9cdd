"""services.overview: the pure data behind the dashboard, calendar and timeline (no Qt)."""

from __future__ import annotations

from datetime import date

from kstthc_desktop.core.model import ProgressEntry, Section, Status, Task
from kstthc_desktop.core.periods import SubmissionRule
from kstthc_desktop.core.schedule import parse_schedule
from kstthc_desktop.core.status import task_status
from kstthc_desktop.core.workdays import WorkCalendar
from kstthc_desktop.services import TaskView
from kstthc_desktop.services.overview import (
    all_occurrences,
    dashboard_summary,
    due_items,
    flatten_tree,
    group_progress,
    holiday_marks,
    next_report,
    report_marks,
)

TODAY = date(2026, 11, 25)
CAL = WorkCalendar()


def view(tid: int, number: str, deadline: str, progress: list[ProgressEntry] = (), last: date | None = None,
         ref: date = TODAY) -> TaskView:
    sched = parse_schedule(deadline, 2026) if deadline else None
    task = Task(id=tid, plan_id=1, number=number, content=f"Nhiệm vụ {number}", deadline_text=deadline,
                schedule=sched)
    return TaskView(task=task, status=task_status(sched, list(progress), ref), due=sched.due if sched else None,
                    last_update=last)


def sample() -> tuple[list[TaskView], dict[int, list[ProgressEntry]]]:
    progress = [
        ProgressEntry(task_id=2, occurrence=0, on=date(2026, 1, 30), percent=100, done=True),
        ProgressEntry(task_id=2, occurrence=1, on=date(2026, 3, 5), percent=100, done=True),  # late
        ProgressEntry(task_id=4, on=date(2026, 11, 20), percent=40),
    ]
    by_task = group_progress(progress)
    views = [
        view(1, "1", "Trước ngày 31/8/2026"),  # overdue one-off
        view(2, "2", "Hằng tháng", by_task[2]),  # monthly: 2 done, 8 overdue, 2 open
        view(3, "3", "Khi có phát sinh"),  # on demand, open
        view(4, "4", "Trước ngày 30/11/2026", by_task[4], last=date(2026, 11, 20)),  # due this week
        view(5, "5", "Trước ngày 20/12/2026"),  # due in 8–30 days
        view(6, "6", "Thường xuyên năm 2026"),  # ongoing: in time until 31/12
    ]
    return views, by_task


def test_occurrences_carry_their_own_status() -> None:
    views, progress = sample()
    items = [it for it in all_occurrences(views, progress, TODAY) if it.task_id == 2]
    assert len(items) == 12
    assert [it.status for it in items[:3]] == [Status.DONE_ON_TIME, Status.DONE_LATE, Status.OVERDUE]
    assert items[-1].status == Status.IN_TIME and items[-1].due == date(2026, 12, 31)
    assert all(it.count == 12 for it in items)
    assert [it.index for it in items] == list(range(12))


def test_due_items_window_and_open_only() -> None:
    views, progress = sample()
    nov = due_items(views, progress, date(2026, 11, 1), date(2026, 11, 30), ref=TODAY)
    assert {(it.task_id, it.due) for it in nov} == {(2, date(2026, 11, 30)), (4, date(2026, 11, 30))}
    early = due_items(views, progress, date(2026, 1, 1), date(2026, 3, 31), ref=TODAY, open_only=True)
    assert [it.due for it in early] == [date(2026, 3, 31)]


def test_dashboard_summary_lists() -> None:
    views, progress = sample()
    s = dashboard_summary(views, progress, TODAY, SubmissionRule(), CAL)
    assert s.year_counts[Status.OVERDUE] == 2  # tasks 1 and 2
    assert s.year_counts[Status.NO_DEADLINE] == 1
    assert sum(s.year_counts.values()) == len(views)
    overdue = {it.task_id: it for it in s.overdue}
    assert set(overdue) == {1, 2}
    assert overdue[2].due == date(2026, 3, 31) and overdue[2].more_overdue == 7  # March … October
    assert [it.task_id for it in s.due_week] == [2, 4] or [it.task_id for it in s.due_week] == [4, 2]
    assert [it.task_id for it in s.due_month] == [5]
    assert [it.due for it in s.recurring_this_month] == [date(2026, 11, 30)]
    assert [v.task.id for v in s.on_demand_open] == [3]
    assert 4 not in {v.task.id for v in s.stale}  # updated 5 days ago
    assert {1, 2, 3, 5, 6} <= {v.task.id for v in s.stale}
    assert s.period.code == "2026-Q4"
    assert s.next_report is not None
    assert (s.next_report.cutoff, s.next_report.submission) == (date(2026, 12, 14), date(2026, 12, 16))


def test_done_tasks_are_never_stale() -> None:
    done = [ProgressEntry(task_id=1, on=date(2026, 8, 1), percent=100, done=True)]
    v = view(1, "1", "Trước ngày 31/8/2026", done, last=date(2026, 8, 1))
    s = dashboard_summary([v], group_progress(done), TODAY, SubmissionRule(), CAL)
    assert s.stale == [] and s.overdue == []
    assert s.year_counts[Status.DONE_ON_TIME] == 1


def test_report_marks_cutoffs_and_submissions() -> None:
    marks = report_marks(2026, SubmissionRule(), CAL)
    cutoffs = {m.on: m for m in marks if m.kind == "cutoff"}
    assert sorted(cutoffs) == [date(2026, 3, 14), date(2026, 6, 14), date(2026, 9, 14), date(2026, 12, 14)]
    assert cutoffs[date(2026, 12, 14)].short_period == "quý IV"
    assert "năm 2026" in cutoffs[date(2026, 12, 14)].period_labels
    subs = {m.on for m in marks if m.kind == "submission"}
    assert date(2026, 12, 16) in subs
    fixed = report_marks(2026, SubmissionRule(mode="day_of_month", day=16), CAL)
    assert date(2026, 3, 16) in {m.on for m in fixed if m.kind == "submission"}


def test_holiday_marks_have_names() -> None:
    marks = holiday_marks(2026, CAL)
    names = {m.on: m.name for m in marks if m.kind == "holiday"}
    assert names[date(2026, 9, 2)] == "Quốc khánh"
    assert date(2026, 8, 22) in {m.on for m in marks if m.kind == "make_up"}


def test_next_report_between_cutoff_and_submission_is_the_closed_one() -> None:
    nr = next_report(date(2026, 12, 15), SubmissionRule(), CAL)
    assert nr.period.code == "2026-Q4" and nr.submission == date(2026, 12, 16)
    nr = next_report(date(2026, 12, 17), SubmissionRule(), CAL)
    assert nr.period.code == "2027-Q1"


def test_flatten_tree_is_reading_order() -> None:
    a, b, c = view(1, "1", ""), view(2, "1.1", ""), view(3, "2", "")
    a.children.append(b)
    tree = [(None, [a]), (Section(id=1, number="II", title="NỘI DUNG"), [c])]
    assert [v.task.id for v in flatten_tree(tree)] == [1, 2, 3]
