"""Report and plan documents as data, before any rendering.

Everything the printed page says is decided here — numbers, statuses at the cut-off, drafted
sentences, table cells — so that the PDF and DOCX renderers only lay it out, and the UI can show and
edit the narrative parts (``ReportContent.sections``) before printing.

The period report follows the Thông tư 01/2020/TT-VPCP outline (DOMAIN.md §2, §7): each task of
the plan is told under its topic (``core.topics``), the task-by-task table is an appendix
("Phụ lục I: Kết quả thực hiện nhiệm vụ"), and every count comes from one ``core.tally.Tally`` so
that the prose, the tables and the dashboard cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..core.model import (
    STATUS_LABELS_VI,
    Evidence,
    Office,
    Plan,
    ProgressEntry,
    Section,
    Status,
    Task,
    parent_numbers,
    qualified_number,
)
from ..core.periods import ReportPeriod, format_short
from ..core.status import DONE_STATUSES, STATUS_ORDER
from ..core.tally import Tally, completion_date, is_ours, period_tally
from ..core.text import clean, one_line
from ..core.topics import TOPICS, topic_of
from . import forms, narrative
from .formatting import (
    bare,
    date_or_blank,
    doc_reference,
    joined_text,
    nd30_date,
    number,
    short_date,
    tenths_percent,
)
from .nd30 import DocFrame, doc_type_of_number, make_frame

REPORT_SUMMARY = (
    "Kết quả thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, "
    "một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử"
)
PLAN_SUMMARY = "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm {year}"
RESULTS_APPENDIX = "Phụ lục I"
DRAFT_MARK = "DỰ THẢO"
SAMPLE_MARK = "DỮ LIỆU MẪU"
CAUSE_BLANK = "…………………………"  # the officer has not written why: room for the pen

# Narrative parts the officer may rewrite, in document order, with their headings for the editor.
SECTION_KEYS: dict[str, str] = {
    "intro": "Mở đầu",
    "direction": "1. Công tác chỉ đạo, điều hành",
    "results_summary": "Kết quả thực hiện Kế hoạch",
    **{f"topic:{key}": title for key, title in TOPICS.items() if key != "direction"},
    "review": "Rà soát theo Phụ lục của Kế hoạch",
    "statistics": "Số liệu giải quyết thủ tục hành chính (Biểu 06a)",
    "limits": "II. Tồn tại, hạn chế và nguyên nhân",
    "next": "III. Phương hướng, nhiệm vụ trọng tâm kỳ tới",
    "proposals": "IV. Đề xuất, kiến nghị",
    "closing": "Kết thúc",
}

SHORT_CONTENT_CHARS = 300


# --- blocks the renderers lay out ---------------------------------------------------------------


@dataclass
class Para:
    """A paragraph; ``style`` is a key of ``nd30.STYLES``; ``key`` marks an editable narrative part."""

    text: str
    style: str = "body"
    key: str = ""


@dataclass
class Table:
    """A table: header grid with spans (col0, row0, col1, row1), body rows, relative column widths.

    ``group_rows`` are body rows printed as one bold line (column 0, then the rest merged), used for
    the plan's sections inside a task table; ``bold_rows`` are e.g. the "Tổng số" row.
    """

    header: list[list[str]]
    rows: list[list[str]]
    widths: list[float]
    align: list[str]
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    group_rows: list[int] = field(default_factory=list)
    bold_rows: list[int] = field(default_factory=list)
    small: bool = False  # 11 pt instead of 12 pt

    @property
    def header_rows(self) -> int:
        return len(self.header)


Block = Para | Table


@dataclass
class Appendix:
    """A Phụ lục or statistics form, printed after the signature, landscape when wide."""

    label: str  # "Phụ lục I", "Biểu số 06a/VPCP/KSTT"
    title: list[str]
    subtitle: list[str] = field(default_factory=list)
    corner: list[str] = field(default_factory=list)  # top-right lines (form: Đơn vị báo cáo …)
    unit: str = ""  # "Đơn vị tính: …", right-aligned above the table
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = True
    basis: str = ""  # "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP …" under the form's label
    after: list[Block] = field(default_factory=list)  # lines under the table (a form's signature)


@dataclass
class TaskResult:
    """One task's line in the report."""

    task_id: int | None
    number: str
    content: str  # the full text, lines joined into one clause
    section: str
    status: Status | None  # None for a parent task whose children carry the status
    status_label: str
    notes: list[str]  # "10/3/2026: …" progress notes dated in the window
    completed_on: date | None
    evidence: list[str]  # "Kế hoạch số 12/KH-UBND ngày 10/5/2026"
    deadline: str
    due: date | None
    ref: str = ""  # number qualified by its section ("II.2"), for sentences
    topic: str = ""
    overdue_cause: str = ""


@dataclass
class ReportContent:
    frame: DocFrame
    period_code: str
    period_label: str
    data_window: str
    kinh_gui: str
    body: list[Block]
    appendices: list[Appendix]
    sections: dict[str, str]  # final narrative text per key (draft or override)
    drafts: dict[str, str]  # the program's drafts, to offer "restore the draft"
    counts: dict[Status, int]
    total_tasks: int
    started_tasks: int
    done_in_window: int
    task_results: list[TaskResult]
    appendix_results: list[TaskResult]
    statistics_rows: list[dict[str, Any]]
    statistics_problems: list[str]
    on_time_rate: float | None
    cutoff: date
    as_of: date | None = None
    draft: bool = False
    sample: bool = False
    shares: dict[Status, int | None] = field(default_factory=dict)  # tenths of a per cent
    warnings: list[str] = field(default_factory=list)  # said before export: what the signer must know
    tally: Tally | None = None


@dataclass
class PlanDocContent:
    frame: DocFrame
    body: list[Block]
    appendices: list[Appendix]


# --- helpers --------------------------------------------------------------------------------------


def short_content(text: str, limit: int = SHORT_CONTENT_CHARS) -> str:
    """The first line of a task's content, cut at a word boundary (lists on screen, never the report)."""
    first = clean(text).split("\n")[0] if text else ""
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def evidence_reference(ev: Evidence) -> str:
    """ "Kế hoạch số 12/KH-UBND ngày 10/5/2026" from the document number; else the file name."""
    number_text = ev.doc_number.strip()
    summary = one_line(ev.summary)
    if number_text:
        ref = doc_reference(doc_type_of_number(number_text), number_text, ev.doc_date)
        if summary:
            ref += f" {summary}" if summary[:1].islower() else f" ({summary})"
        return ref
    name = ev.name.strip() or "tệp đính kèm"
    if summary:
        return f"{summary} (tệp {name})"
    return name


def _evidence_date(ev: Evidence) -> date | None:
    return ev.doc_date or ev.added


def _add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    month_end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)  # (not calendar: 1.6 ms to load)
    return date(year, month, min(d.day, month_end.day))


def next_window(period: ReportPeriod) -> tuple[date, date]:
    """The data window of the following report: a month after a monthly report, a quarter after the
    quarterly ones (quý I, 6 tháng, 9 tháng, năm), the same length after an ad hoc report."""
    start = period.window_end + timedelta(days=1)
    if period.kind == "adhoc" or period.code.startswith("adhoc"):
        return start, start + (period.window_end - period.window_start)
    months = 1 if period.kind == "month" else 3
    return start, _add_months(period.window_end, months)


def _task_due(task: Task) -> date | None:
    return task.schedule.due if task.schedule is not None else None


def _dues(task: Task) -> list[date]:
    if task.schedule is None:
        return []
    dues = [due for _, due in task.schedule.occurrences if due is not None]
    if task.schedule.due is not None:
        dues.append(task.schedule.due)
    return dues


_completion_date = completion_date


def _ordered_sections(sections: Sequence[Section]) -> list[Section]:
    return sorted(sections, key=lambda s: (s.position, s.id or 0))


def _ordered_tasks(tasks: Iterable[Task]) -> list[Task]:
    """Tasks in document order: each parent followed by its subtasks (position is per sibling group)."""
    tasks = list(tasks)
    ids = {t.id for t in tasks}
    children: dict[int | None, list[Task]] = defaultdict(list)
    for t in tasks:
        children[t.parent_id if t.parent_id in ids else None].append(t)
    for group in children.values():
        group.sort(key=lambda t: (t.position, t.id or 0))
    out: list[Task] = []
    stack = list(reversed(children[None]))
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(reversed(children.get(t.id, [])))
    return out


def _lines(text: str) -> list[str]:
    return [line for line in (text or "").split("\n") if line.strip()]


def _paras(key: str, text: str) -> list[Para]:
    return [Para(line, "body", key) for line in _lines(text)]


def _status_cell(result: TaskResult) -> str:
    if result.status is None:
        return ""
    text = result.status_label
    if result.completed_on is not None:
        text += f"\n(ngày {short_date(result.completed_on)})"
    return text


def _result_cell(result: TaskResult) -> str:
    parts = list(result.notes)
    if result.evidence:
        parts.append("Văn bản, tài liệu: " + "; ".join(result.evidence) + ".")
    if result.status == Status.OVERDUE:
        cause = bare(result.overdue_cause)
        parts.append(f"Nguyên nhân chậm: {cause}." if cause else f"Nguyên nhân chậm: {CAUSE_BLANK}")
    return "\n".join(parts)


def _outcome(r: TaskResult) -> str:
    """What became of a task, for the sentence that tells it under its topic."""
    if r.status in DONE_STATUSES:
        when = f" ngày {short_date(r.completed_on)}" if r.completed_on else ""
        text = f"đã hoàn thành{when}" + (", chậm so với thời hạn" if r.status == Status.DONE_LATE else "")
    elif r.status == Status.OVERDUE:
        text = "đang thực hiện, đã quá thời hạn"
    elif r.status == Status.IN_TIME:
        text = "đang thực hiện, trong thời hạn"
    else:
        text = "chưa phát sinh trong kỳ"
    notes = [bare(n.split(": ", 1)[-1]) for n in r.notes]
    if notes:
        text += "; kết quả: " + "; ".join(n for n in notes if n)
    if r.evidence:
        text += "; văn bản: " + "; ".join(bare(e) for e in r.evidence)
    return text


def _line(r: TaskResult, detail: str = "") -> narrative.TaskLine:
    return narrative.TaskLine(r.ref or r.number, r.content, r.deadline, detail)


def _cause(r: TaskResult) -> str:
    cause = bare(r.overdue_cause)
    return f"chưa hoàn thành; nguyên nhân: {cause}" if cause else f"chưa hoàn thành; nguyên nhân: {CAUSE_BLANK}"


# --- the period report ----------------------------------------------------------------------------


def build_period_report(
    office: Office,
    plan: Plan,
    sections: list[Section],
    tasks: list[Task],
    progress: list[ProgressEntry],
    evidence: list[Evidence],
    period: ReportPeriod,
    number: str = "",
    on: date | None = None,
    statistics_rows: list[dict] | None = None,
    overrides: dict[str, str] | None = None,
    recipients: list[str] | None = None,
    today: date | None = None,
    next_plan: Plan | None = None,
    next_tasks: list[Task] | None = None,
    only_ours: bool = True,
) -> ReportContent:
    """The period report of ``plan``: figures at the cut-off, or at ``today`` while the period is
    still open (then a draft, marked "DỰ THẢO"). ``next_plan``/``next_tasks`` are next year's plan,
    when the officer has it, for the "kỳ tới" of a report closing the year. ``only_ours=False`` keeps
    the tasks that do not concern the office too (the hand-back of the superior's whole table)."""
    today = today or date.today()
    tally = period_tally(tasks, sections, progress, period, today, only_ours)
    ours_of = is_ours if only_ours else (lambda _t: True)
    as_of, start = tally.as_of, period.window_start
    progress_by_task: dict[int | None, list[ProgressEntry]] = defaultdict(list)
    for entry in progress:
        if entry.on <= as_of:
            progress_by_task[entry.task_id].append(entry)
    for entries in progress_by_task.values():
        entries.sort(key=lambda e: (e.on, e.id or 0))
    evidence_by_task: dict[int | None, list[Evidence]] = defaultdict(list)
    for ev in evidence:
        d = _evidence_date(ev)
        if d is None or d <= as_of:
            evidence_by_task[ev.task_id].append(ev)

    section_by_id = {s.id: s for s in sections}
    task_by_id = {t.id: t for t in tasks}
    ordered_sections = _ordered_sections(sections)
    ours = [t for t in tasks if ours_of(t)]
    kept_ids = {t.id for t in ours}
    # a parent kept for context when one of its subtasks is ours
    by_id = {t.id: t for t in tasks}
    for t in list(ours):
        p = by_id.get(t.parent_id)
        while p is not None and p.id not in kept_ids:
            kept_ids.add(p.id)
            p = by_id.get(p.parent_id)
    tasks_by_section: dict[int | None, list[Task]] = defaultdict(list)
    for task in _ordered_tasks(tasks):
        if task.id in kept_ids:
            tasks_by_section[task.section_id].append(task)

    def result_of(task: Task, section_title: str, section_number: str = "") -> TaskResult:
        entries = progress_by_task.get(task.id, [])
        status = tally.statuses.get(int(task.id or 0))
        if status is None and section_by_id.get(task.section_id) is not None \
                and section_by_id[task.section_id].appendix and ours_of(task):
            from ..core.status import task_status

            status = task_status(task.schedule, entries, as_of)
        completed = _completion_date(entries) if status in DONE_STATUSES else None
        notes = [f"{short_date(e.on)}: {one_line(e.note)}" for e in entries
                 if start <= e.on <= as_of and e.note.strip()]
        refs = [evidence_reference(ev) for ev in evidence_by_task.get(task.id, [])]
        return TaskResult(
            task_id=task.id, number=task.number, content=joined_text(task.content), section=section_title,
            status=status, status_label=STATUS_LABELS_VI[status] if status is not None else "", notes=notes,
            completed_on=completed, evidence=refs, deadline=one_line(task.deadline_text), due=_task_due(task),
            ref=qualified_number(section_number, task.number, parents=parent_numbers(task, task_by_id)), topic=topic_of(task),
            overdue_cause=one_line(task.overdue_cause))

    main_groups: list[tuple[Section | None, list[TaskResult]]] = []
    appendix_groups: list[tuple[Section, list[TaskResult]]] = []
    for sec in ordered_sections:
        title = " ".join(p for p in (sec.number, sec.title) if p).strip()
        results = [result_of(t, title, sec.number) for t in tasks_by_section.get(sec.id, [])]
        if sec.appendix:
            if results:
                appendix_groups.append((sec, results))
        elif results:
            main_groups.append((sec, results))
    orphans = [t for sid, ts in tasks_by_section.items() if sid not in section_by_id for t in ts]
    if orphans:
        main_groups.insert(0, (None, [result_of(t, "") for t in orphans]))

    task_results = [r for _, rs in main_groups for r in rs]
    appendix_results = [r for _, rs in appendix_groups for r in rs]
    counted = [r for r in task_results if r.status is not None]
    counts = dict(tally.counts)
    total = tally.total
    shares = tally.shares()

    # statistics form 06a
    form = forms.FORM_06A
    stats_rows = [dict(r) for r in (statistics_rows or []) if not r.get("total")]
    has_stats = bool(stats_rows)
    problems = forms.validate(form, stats_rows) if has_stats else []
    rate = forms.on_time_rate(stats_rows, form) if has_stats else None
    totals = forms.total_row(stats_rows, form) if has_stats else {}

    # limits and the next period
    overdue = [r for r in counted if r.status == Status.OVERDUE]
    overdue_lines = [_line(r, _cause(r)) for r in overdue]
    next_start, next_end = next_window(period)
    missing_plan = ""
    due_next: list[narrative.TaskLine] = []
    closes_year = period.window_end.month == 12 and period.kind != "month"
    if closes_year:
        next_year = period.year + 1
        if next_plan is not None:
            for t in _ordered_tasks(next_tasks or []):
                if is_ours(t) and any(next_start <= d <= next_end for d in _dues(t)):
                    due_next.append(narrative.TaskLine(t.number, joined_text(t.content), one_line(t.deadline_text)))
        else:
            superior = one_line(office.superior) or "cấp trên"
            _, short = narrative.office_names(office)
            missing_plan = (
                f"Kế hoạch kiểm soát thủ tục hành chính năm {next_year} của {superior} chưa nhận được; {short} "
                f"sẽ xây dựng, ban hành Kế hoạch năm {next_year} ngay sau khi nhận được."
            )
    else:
        task_by_id = {t.id: t for t in tasks}
        for r in counted:
            if r.status in DONE_STATUSES or r.status == Status.OVERDUE:
                continue
            task = task_by_id.get(r.task_id)
            if task is not None and any(next_start <= d <= next_end for d in _dues(task)):
                due_next.append(_line(r))

    # topics: each counted task (and each parent with work of its own) told under its topic
    by_topic: dict[str, list[TaskResult]] = defaultdict(list)
    for r in counted:  # a task finished before the period is in Phụ lục I, not told again
        if r.status in DONE_STATUSES and r.completed_on is not None and r.completed_on < start:
            continue
        by_topic[r.topic].append(r)

    appendix_name = appendix_groups[0][0].number.strip() if appendix_groups else ""
    appendix_name = (
        appendix_name
        if appendix_name.lower().startswith("phụ lục")
        else (f"Phụ lục {appendix_name}".strip() if appendix_name else "Phụ lục")
    )
    buckets = {s.value: (counts.get(s, 0), shares.get(s)) for s in STATUS_ORDER}
    drafts: dict[str, str] = {
        "intro": narrative.intro(office, plan, period.title_suffix),
        "direction": narrative.direction(office, plan),
        "results_summary": narrative.results_summary(
            office, total, tally.done, tally.in_progress, buckets, buckets[Status.NO_DEADLINE.value],
            tally.done_in_window, as_of, RESULTS_APPENDIX),
        "review": narrative.review(
            office, appendix_name, len([r for r in appendix_results if r.status is not None]),
            sum(1 for r in appendix_results if r.status in DONE_STATUSES), as_of),
        "statistics": narrative.statistics(totals if has_stats else None, rate, form["name"]),
        "limits": narrative.limits(
            office, overdue_lines, counts.get(Status.DONE_LATE, 0),
            int(totals.get("c10", 0)) if has_stats else None, int(totals.get("c13", 0)) if has_stats else None),
        "next": narrative.next_period(due_next, len(overdue_lines), missing_plan, office),
        "proposals": narrative.proposals(office),
        "closing": narrative.closing(office, period.title_suffix),
    }
    for key in TOPICS:
        items = narrative.finish([narrative.task_item(_line(r, _outcome(r))) for r in by_topic.get(key, [])])
        if key == "direction":
            drafts["direction"] += ("\n" + "\n".join(items)) if items else ""
        else:
            drafts[f"topic:{key}"] = "\n".join(items)
    final = dict(drafts)
    for key, text in (overrides or {}).items():
        if key in final and text is not None:
            final[key] = clean(text)

    summary = f"{REPORT_SUMMARY} {period.title_suffix}".strip()
    frame = make_frame(office, "BÁO CÁO", "BC", number, on, summary, period.year, recipients)
    marks = ([DRAFT_MARK] if not tally.closed else []) + ([SAMPLE_MARK] if plan.sample else [])
    frame.marks = marks
    recipient = one_line(office.report_recipient)
    kinh_gui = f"Kính gửi: {recipient}." if recipient else ""
    if tally.closed:
        window_line = f"({period.window_text})" if period.window_text else ""
    else:
        window_line = f"(Số liệu từ ngày {format_short(period.window_start)}, tính đến ngày {short_date(as_of)})"

    body: list[Block] = []
    if window_line:
        body.append(Para(window_line, "data_window"))
    if kinh_gui:
        body.append(Para(kinh_gui, "kinh_gui"))
    body += _paras("intro", final["intro"])
    body.append(Para("I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN", "heading1"))
    body += _paras("results_summary", final["results_summary"])
    body.append(_status_table(counts, total, shares))
    n = 1
    body.append(Para(f"{n}. {TOPICS['direction']}", "heading2"))
    body += _paras("direction", final["direction"])
    for key, title in TOPICS.items():
        if key == "direction":
            continue
        text = final.get(f"topic:{key}", "")
        extra: list[Block] = []
        if key == "review" and appendix_groups and final["review"]:
            extra = _paras("review", final["review"])
        if key == "settlement":
            extra = _paras("statistics", final["statistics"])
        if not _lines(text) and not extra:
            continue
        n += 1
        body.append(Para(f"{n}. {title}", "heading2"))
        body += _paras(f"topic:{key}", text)
        body += extra
    body.append(Para("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "heading1"))
    body += _paras("limits", final["limits"])
    body.append(Para("III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI", "heading1"))
    body += _paras("next", final["next"])
    body.append(Para("IV. ĐỀ XUẤT, KIẾN NGHỊ", "heading1"))
    body += _paras("proposals", final["proposals"])
    body += _paras("closing", final["closing"])

    full, _ = narrative.office_names(office)
    appendices: list[Appendix] = []
    results_blocks: list[Block] = []
    if task_results:
        results_blocks.append(_task_table(main_groups))
    if appendix_groups:
        for sec, results in appendix_groups:
            label = " ".join(p for p in (sec.number, sec.title) if p)
            results_blocks.append(Para(f"Kết quả thực hiện {label} của Kế hoạch", "heading3"))
            results_blocks.append(_appendix_result_table(results))
    if results_blocks:
        num = frame.number_line.removeprefix("Số:").strip()
        num = num if not num.startswith("/") else "…" + num
        ref = f"(Kèm theo Báo cáo số {num} {date_or_blank(on)} của {full})"
        appendices.append(Appendix(label=RESULTS_APPENDIX,
                                   title=["KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH",
                                          period.title_suffix.upper()],
                                   subtitle=[ref, f"(Tình trạng tính đến ngày {short_date(as_of)})"],
                                   blocks=results_blocks, landscape=True))
    appendices.append(_form_06a(form, stats_rows, office, full, recipient, start, as_of))

    warnings: list[str] = []
    if not tally.closed:
        warnings.append(f"Kỳ báo cáo chưa kết thúc (hết ngày {short_date(period.window_end)}): báo cáo là DỰ THẢO, "
                        f"số liệu tính đến ngày {short_date(as_of)}.")
    if not has_stats:
        warnings.append("Chưa có số liệu Biểu 06a: báo cáo in biểu trống và các chỗ chấm (…) để điền tay.")
    if problems:
        warnings.append("Số liệu Biểu 06a chưa khớp: " + " ".join(problems))
    no_cause = [r.ref or r.number for r in overdue if not bare(r.overdue_cause)]
    if no_cause:
        warnings.append(f"{len(no_cause)} nhiệm vụ quá hạn chưa ghi nguyên nhân ({', '.join(no_cause)}): "
                        f"báo cáo để chỗ chấm (…) cho phần nguyên nhân.")
    if not plan.source_number.strip() or plan.source_date is None or not plan.number.strip() \
            or plan.issue_date is None:
        warnings.append("Số, ngày của kế hoạch cấp trên hoặc của kế hoạch cơ quan chưa có: báo cáo để chỗ chấm "
                        "(…) — nhập trong Thông tin kế hoạch.")
    if tally.excluded:
        warnings.append(f"{tally.excluded} nhiệm vụ của kế hoạch cấp trên không thuộc cơ quan mình: không đưa vào "
                        f"báo cáo.")

    return ReportContent(
        frame=frame, period_code=period.code, period_label=period.label, data_window=period.window_text,
        kinh_gui=kinh_gui, body=body, appendices=appendices, sections=final, drafts=drafts, counts=counts,
        total_tasks=total, started_tasks=tally.started, done_in_window=tally.done_in_window,
        task_results=task_results, appendix_results=appendix_results, statistics_rows=stats_rows,
        statistics_problems=problems, on_time_rate=rate, cutoff=period.window_end, as_of=as_of,
        draft=not tally.closed, sample=plan.sample, shares=shares, warnings=warnings, tally=tally)


def _form_06a(form: forms.Form, rows: list[dict], office: Office, full: str, recipient: str, start: date,
              end: date) -> Appendix:
    """Form 06a as printed: filled from the rows, or blank (with room to write) when none were given."""
    grid, spans = forms.header_grid(form)
    leaf_cols = forms.leaves(form)
    if rows:
        printed = forms.table_rows(form, rows)
    else:
        blank = ["" for _ in leaf_cols]
        total = list(blank)
        total[1] = form.get("total_label", "Tổng số")
        printed = [total] + [[str(i)] + blank[1:] for i in range(1, 9)]
    receiver = recipient or one_line(office.superior)
    return Appendix(
        label=form["name"], basis=form.get("basis", ""), title=[form["title"]],
        subtitle=[f"(Từ {nd30_date(start)} đến {nd30_date(end)})"],
        corner=[f"Đơn vị báo cáo: {full}", f"Đơn vị nhận báo cáo: {receiver or '……'}"],
        unit=form["unit"],
        blocks=[Table(header=grid, spans=spans, rows=printed,
                      widths=[float(w) for w in form.get("widths", [1] * len(leaf_cols))],
                      align=["center" if c.get("kind") != "label" else "left" for c in leaf_cols],
                      bold_rows=[0], small=True)],
        landscape=True)


def _status_table(counts: dict[Status, int], total: int, shares: dict[Status, int | None]) -> Table:
    rows = [
        [str(i), STATUS_LABELS_VI[s], number(counts.get(s, 0)), tenths_percent(shares.get(s))]
        for i, s in enumerate(STATUS_ORDER, start=1)
    ]
    rows.append(["", "Tổng số", number(total), tenths_percent(1000 if total else None)])
    return Table(
        header=[["STT", "Tình trạng thực hiện", "Số nhiệm vụ", "Tỷ lệ"]],
        rows=rows,
        widths=[1.2, 8.5, 3, 3],
        align=["center", "left", "center", "center"],
        bold_rows=[len(rows) - 1],
    )


def _task_table(groups: list[tuple[Section | None, list[TaskResult]]]) -> Table:
    rows: list[list[str]] = []
    group_rows: list[int] = []
    for sec, results in groups:
        if sec is not None and (sec.title or sec.number):
            group_rows.append(len(rows))
            rows.append([sec.number, sec.title, "", "", ""])
        for r in results:
            rows.append([r.number, r.content, r.deadline, _result_cell(r), _status_cell(r)])
    return Table(
        header=[["STT", "Nội dung nhiệm vụ", "Thời hạn", "Kết quả thực hiện, văn bản, tài liệu", "Tình trạng"]],
        rows=rows,
        widths=[1.2, 8.6, 3.0, 7.2, 3.0],
        align=["center", "left", "center", "left", "center"],
        group_rows=group_rows,
        small=True,
    )


def _appendix_result_table(results: list[TaskResult]) -> Table:
    rows = [
        [r.number or str(i), r.content, r.deadline, _status_cell(r)] for i, r in enumerate(results, start=1)
    ]
    return Table(
        header=[["STT", "Nội dung", "Thời gian hoàn thành", "Kết quả"]],
        rows=rows,
        widths=[1.2, 10.8, 4.8, 6.2],
        align=["center", "left", "center", "center"],
        small=True,
    )


# --- the office's own plan document ---------------------------------------------------------------

_PURPOSE = [
    "1. Mục đích",
    "Tổ chức thực hiện đầy đủ, kịp thời, có hiệu quả các nhiệm vụ kiểm soát thủ tục hành chính, cải cách "
    "thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành "
    "chính; nâng cao chất lượng phục vụ và sự hài lòng của người dân, doanh nghiệp.",
    "2. Yêu cầu",
    "Nội dung kế hoạch bảo đảm toàn diện, có trọng tâm, đúng tiến độ, khả thi; xác định rõ nhiệm vụ, "
    "trách nhiệm của từng bộ phận, công chức và thời hạn hoàn thành; các nhiệm vụ được theo dõi, đôn đốc "
    "và báo cáo kết quả định kỳ theo quy định.",
]


def _plan_title(plan: Plan) -> str:
    title = one_line(plan.title)
    if title.lower().startswith("kế hoạch "):
        title = title[len("kế hoạch ") :]
    if not title:
        return PLAN_SUMMARY.format(year=plan.year)
    return title[0].upper() + title[1:]


def _basis_lines(plan: Plan, office: Office) -> list[str]:
    lines = [one_line(b).rstrip(";.,") for b in plan.basis if one_line(b)]
    if not lines and plan.source.strip():
        lines = [f"Thực hiện {one_line(plan.source).rstrip(';.,')}"]
    if not lines:
        return []
    return [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


def _roman_row(sec: Section) -> list[str]:
    return [sec.number, sec.title]


def _plan_table(groups: list[tuple[Section | None, list[Task]]], drop_empty: bool = False) -> Table:
    header = [
        "STT",
        "Nội dung công việc",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
        "Sản phẩm",
    ]
    widths = [1.2, 9.5, 3.6, 3.8, 3.4, 3.9]
    align = ["center", "left", "left", "left", "center", "left"]
    rows: list[list[str]] = []
    group_rows: list[int] = []
    for sec, tasks in groups:
        if sec is not None:
            group_rows.append(len(rows))
            rows.append([*_roman_row(sec), "", "", "", ""])
        for task in tasks:
            rows.append(
                [
                    task.number,
                    clean(task.content),
                    "\n".join(task.lead_units),
                    "\n".join(task.coordinating_units),
                    task.deadline_text.strip(),  # printed exactly as written
                    clean(task.products),
                ]
            )
    if drop_empty:
        keep = [0, 1] + [c for c in range(2, len(header)) if any(r[c].strip() for r in rows)]
        header = [header[c] for c in keep]
        widths = [widths[c] for c in keep]
        align = [align[c] for c in keep]
        rows = [[r[c] for c in keep] for r in rows]
    return Table(header=[header], rows=rows, widths=widths, align=align, group_rows=group_rows, small=True)


def _is_organisation(sec: Section) -> bool:
    """A section of the plan that is its "Tổ chức thực hiện" part, not a group of content tasks."""
    from ..core.text import fold

    return "to chuc thuc hien" in fold(sec.title)


def _sentence(title: str) -> str:
    """A section title typed in capitals ("NỘI DUNG CÔNG VIỆC") as a sentence heading."""
    text = one_line(title)
    return text[:1] + text[1:].lower() if text.isupper() else text


def _appendix_labels(extra: list[Section]) -> tuple[str, dict[int | None, str]]:
    """Labels of the plan document's appendices: a plan appendix keeps the numeral it was given
    ("Phụ lục I", so that "chi tiết tại Phụ lục I" in a task still points at it); the task table
    takes the first numeral left free."""
    from ..core.text import fold

    taken: dict[int | None, str] = {}
    used: set[str] = set()
    for sec in extra:
        text = one_line(sec.number)
        if fold(text).startswith("phu luc") and len(text.split()) >= 3:
            taken[sec.id] = text
            used.add(text.split()[-1].upper())
    free = (f"Phụ lục {_roman(i)}" for i in range(1, 40) if _roman(i) not in used)
    main_label = next(free)
    for sec in extra:
        if sec.id not in taken:
            taken[sec.id] = next(free)
    return main_label, taken


def build_plan_document(
    office: Office,
    plan: Plan,
    sections: list[Section],
    tasks: list[Task],
    on: date | None = None,
    recipients: list[str] | None = None,
) -> PlanDocContent:
    """The office's own "KẾ HOẠCH": purpose, content by group, organisation, and the task table
    and each plan appendix as Phụ lục (landscape, rows split across pages)."""
    full, short = narrative.office_names(office)
    department = narrative.is_department(office)
    when = on or plan.issue_date
    title = _plan_title(plan)
    frame = make_frame(office, "KẾ HOẠCH", "KH", plan.number, when, title, plan.year, recipients)
    frame.marks = [SAMPLE_MARK] if plan.sample else []
    tasks_by_section: dict[int | None, list[Task]] = defaultdict(list)
    for task in _ordered_tasks(tasks):
        tasks_by_section[task.section_id].append(task)
    ordered = _ordered_sections(sections)
    main = [s for s in ordered if not s.appendix]
    extra = [s for s in ordered if s.appendix]
    known = {s.id for s in sections}
    orphans = [t for sid, ts in tasks_by_section.items() if sid not in known for t in ts]
    main_label, labels = _appendix_labels(extra)

    body: list[Block] = [Para(line, "basis") for line in _basis_lines(plan, office)]
    if not body:
        body.append(Para(f"Thực hiện {narrative.superior_citation(plan, office)};", "basis"))
    body.append(
        Para(
            f"{full} ban hành Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên "
            f"thông năm {plan.year} như sau:",
            "body",
        )
    )
    body.append(Para("I. MỤC ĐÍCH, YÊU CẦU", "heading1"))
    for i, text in enumerate(_PURPOSE):
        if department:
            text = text.replace("từng bộ phận, công chức", "từng phòng, đơn vị thuộc Sở")
        body.append(Para(text, "heading2" if i % 2 == 0 else "body"))
    body.append(Para("II. NỘI DUNG", "heading1"))
    body.append(
        Para(
            "Các nhiệm vụ cụ thể, đơn vị chủ trì, đơn vị phối hợp, thời gian hoàn thành và sản phẩm của từng "
            f"nhiệm vụ được nêu tại {main_label} kèm theo Kế hoạch này, gồm các nhóm nhiệm vụ sau:",
            "body",
        )
    )
    content_sections = [s for s in main if not _is_organisation(s)]
    groups_listed: list[tuple[str, int]] = []
    if len(content_sections) == 1:  # one "NỘI DUNG" section: its first-level tasks are the groups
        sec = content_sections[0]
        ids = {t.id for t in tasks_by_section.get(sec.id, [])}
        roots = [t for t in tasks_by_section.get(sec.id, []) if t.parent_id not in ids]
        for root in roots:
            n_sub = sum(1 for t in tasks_by_section.get(sec.id, []) if t.parent_id == root.id)
            groups_listed.append((joined_text(root.content), n_sub))
    else:
        for sec in content_sections:
            groups_listed.append((_sentence(sec.title), len(tasks_by_section.get(sec.id, []))))
    for i, (text, n) in enumerate(groups_listed, start=1):
        tail = f" ({number(n)} nhiệm vụ)" if n else ""
        body.append(Para(f"{i}. {bare(text)}{tail}.", "body"))
    for sec in extra:
        body.append(Para(f"- {bare(_sentence(sec.title))}: chi tiết tại {labels[sec.id]} kèm theo.", "body"))
    body.append(Para("III. TỔ CHỨC THỰC HIỆN", "heading1"))
    if department:
        lead = ("1. Giao Văn phòng Sở chủ trì, tham mưu Giám đốc Sở tổ chức triển khai, theo dõi, đôn đốc thực "
                "hiện Kế hoạch này; tổng hợp, báo cáo kết quả định kỳ theo quy định.")
        units = ("2. Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được giao chủ động triển khai thực hiện, bảo đảm "
                 "chất lượng, đúng thời hạn; lưu giữ văn bản, tài liệu chứng minh kết quả thực hiện.")
        who = "các phòng, đơn vị"
    else:
        lead = (f"1. Giao Văn phòng {short} (công chức Văn phòng - Thống kê) chủ trì, tham mưu tổ chức triển khai, "
                f"theo dõi, đôn đốc thực hiện Kế hoạch này; tổng hợp, báo cáo kết quả định kỳ theo quy định.")
        units = ("2. Các bộ phận, công chức chuyên môn căn cứ nhiệm vụ được giao chủ động triển khai thực hiện, bảo "
                 "đảm chất lượng, đúng thời hạn; lưu giữ văn bản, tài liệu chứng minh kết quả thực hiện.")
        who = "các bộ phận, công chức"
    body.append(Para(lead, "body"))
    body.append(Para(units, "body"))
    organisation = [s for s in main if _is_organisation(s)]
    if organisation:
        n_org = sum(len(tasks_by_section.get(s.id, [])) for s in organisation)
        body.append(Para(f"3. Các nhiệm vụ tổ chức thực hiện ({number(n_org)} nhiệm vụ) được nêu tại mục "
                         f"{', '.join(one_line(s.number) or _sentence(s.title) for s in organisation)} của "
                         f"{main_label}.", "body"))
    body.append(Para(f"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, {who} kịp thời báo cáo {short} để "
                     f"xem xét, giải quyết./.", "body"))

    ref_number = frame.number_line.removeprefix("Số:").strip()
    ref_number = ref_number if not ref_number.startswith("/") else "…" + ref_number
    subtitle = f"(Kèm theo Kế hoạch số {ref_number} {date_or_blank(when)} của {full})"
    groups: list[tuple[Section | None, list[Task]]] = []
    if orphans:
        groups.append((None, orphans))
    groups += [(s, tasks_by_section.get(s.id, [])) for s in main]
    appendices = [
        Appendix(
            label=main_label,
            title=[
                f"NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA, "
                f"MỘT CỬA LIÊN THÔNG NĂM {plan.year}"
            ],
            subtitle=[subtitle],
            blocks=[_plan_table(groups)],
            landscape=True,
        )
    ]
    for sec in extra:
        appendices.append(
            Appendix(
                label=labels[sec.id],
                title=[one_line(sec.title).upper()],
                subtitle=[subtitle],
                blocks=[_plan_table([(None, tasks_by_section.get(sec.id, []))], drop_empty=True)],
                landscape=True,
            )
        )
    appendices.sort(key=lambda ap: _roman_value(ap.label.split()[-1]))
    return PlanDocContent(frame=frame, body=body, appendices=appendices)


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(numeral):
        v = values.get(ch, 0)
        total += -v if i + 1 < len(numeral) and values.get(numeral[i + 1], 0) > v else v
    return total


def _roman(n: int) -> str:
    values = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, numeral in values:
        while n >= value:
            out += numeral
            n -= value
    return out
