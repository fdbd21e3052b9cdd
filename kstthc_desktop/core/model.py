"""Domain entities of one office's plans (DESIGN.md §4). Plain dataclasses: no Qt, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


class Level(StrEnum):
    """Administrative level of the office keeping the file."""

    PROVINCE = "tinh"
    DEPARTMENT = "so"
    DISTRICT = "huyen"
    COMMUNE = "xa"


class CommuneRole(StrEnum):
    """How a superior-plan task concerns a commune (read from the unit columns)."""

    LEAD = "lead"
    COORDINATING = "coordinating"
    NONE = "none"


class Status(StrEnum):
    """The five status buckets (DESIGN.md §4); Vietnamese labels live in ``STATUS_LABELS_VI``."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_TIME = "in_time"
    OVERDUE = "overdue"
    NO_DEADLINE = "no_deadline"


STATUS_LABELS_VI: dict[Status, str] = {
    Status.DONE_ON_TIME: "Hoàn thành đúng hạn",
    Status.DONE_LATE: "Hoàn thành quá hạn",
    Status.IN_TIME: "Đang thực hiện trong hạn",
    Status.OVERDUE: "Đang thực hiện quá hạn",
    Status.NO_DEADLINE: "Chưa phát sinh / không xác định hạn",
}

# One colour per status everywhere (DESIGN.md §10), with a text/shape cue beside it.
STATUS_COLORS: dict[Status, str] = {
    Status.DONE_ON_TIME: "#2e7d32",
    Status.DONE_LATE: "#ef6c00",
    Status.IN_TIME: "#1565c0",
    Status.OVERDUE: "#c62828",
    Status.NO_DEADLINE: "#757575",
}

STATUS_SYMBOLS: dict[Status, str] = {
    Status.DONE_ON_TIME: "✔",
    Status.DONE_LATE: "✔!",
    Status.IN_TIME: "▶",
    Status.OVERDUE: "!",
    Status.NO_DEADLINE: "–",
}


class ScheduleKind(StrEnum):
    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    RANGE = "range"
    MONTHS = "months"
    PERIODIC = "periodic"
    ONGOING = "ongoing"
    YEAR = "year"
    ON_DEMAND = "on_demand"
    EXTERNAL = "external"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Schedule:
    """A deadline phrase turned into dates. The phrase itself is kept and printed as written."""

    text: str
    kinds: tuple[str, ...] = (ScheduleKind.UNKNOWN.value,)
    start: date | None = None
    due: date | None = None
    occurrences: tuple[tuple[date, date], ...] = ()
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "text": self.text,
            "kinds": list(self.kinds),
            "start": iso(self.start),
            "due": iso(self.due),
            "occurrences": [{"start": iso(s), "due": iso(d)} for s, d in self.occurrences],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: dict) -> Schedule:
        p = lambda s: date.fromisoformat(s) if s else None  # noqa: E731
        return cls(
            text=data.get("text", ""),
            kinds=tuple(data.get("kinds") or (ScheduleKind.UNKNOWN.value,)),
            start=p(data.get("start")),
            due=p(data.get("due")),
            occurrences=tuple((p(o.get("start")), p(o.get("due"))) for o in data.get("occurrences", [])),
            warnings=tuple(data.get("warnings", [])),
        )


@dataclass
class Office:
    """The one office a file belongs to: everything the document header and signature need."""

    name: str = ""  # cơ quan ban hành, may hold a line break: "ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI"
    parent_agency: str = ""  # cơ quan chủ quản, e.g. "UBND TỈNH HẢI DƯƠNG" (may be empty)
    level: Level = Level.COMMUNE
    place_name: str = ""  # for the date line: "Lê Lợi, ngày …"
    symbol: str = "UBND"  # ký hiệu of the issuing agency in numbers: 05/BC-UBND
    superior: str = ""  # cơ quan cấp trên
    report_recipient: str = ""  # đầu mối nhận báo cáo (Kính gửi)
    signatory_authority: str = "TM."  # "TM.", "KT.", "" …
    signatory_collective: str = "ỦY BAN NHÂN DÂN"  # after TM.
    signatory_title: str = "CHỦ TỊCH"
    signatory_deputy_title: str = ""  # with KT.: "PHÓ CHỦ TỊCH"
    signatory_name: str = ""
    recipients: list[str] = field(default_factory=list)  # default "Nơi nhận" lines
    drafting_unit: str = "VP"  # for "Lưu: VT, VP."
    locale: str = "vi"

    @property
    def name_lines(self) -> list[str]:
        return [line for line in self.name.split("\n") if line.strip()]


class PlanKind(StrEnum):
    """Whose plan a stored plan is: the office's own, or the superior's as it was received."""

    OWN = "own"
    SUPERIOR = "superior"


@dataclass
class Plan:
    """One plan in the file. An office file holds several (years, revisions, the superior's plan
    beside the office's own); none is ever hidden with its progress, evidence or reports."""

    id: int | None = None
    year: int = 0
    title: str = ""
    number: str = ""  # số, ký hiệu of this plan (or of the decision issuing it): "05/KH-UBND"
    issue_date: date | None = None
    basis: list[str] = field(default_factory=list)  # căn cứ lines
    source: str = ""  # free text about the superior plan it derives from (older files)
    source_file: str = ""  # name of the file it was imported from
    sample: bool = False  # demo data, clearly marked
    kind: PlanKind = PlanKind.OWN
    revision_of: int | None = None  # the plan this one revises (kept, never hidden)
    issuer: str = ""  # cơ quan ban hành of this plan ("UBND xã Lê Lợi")
    # The superior document this plan carries out, cited by every report:
    # "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND tỉnh …".
    source_number: str = ""
    source_date: date | None = None
    source_issuer: str = ""
    source_title: str = ""
    source_blob: str | None = None  # SHA-256 of the imported source file kept in the blob store
    created: str = ""  # ISO date-time the plan was stored
    revision: int = 0  # how many revised versions of the superior plan were imported into it


@dataclass
class Section:
    """A part of the plan ("I", "II", "Phụ lục I") that its tasks are listed under."""

    id: int | None = None
    plan_id: int | None = None
    number: str = ""  # "I", "II", "Phụ lục I"
    title: str = ""
    position: int = 0
    appendix: bool = False


@dataclass
class Task:
    """One task of a plan, its deadline kept exactly as written beside its parsed schedule."""

    id: int | None = None
    plan_id: int | None = None
    section_id: int | None = None
    parent_id: int | None = None
    position: int = 0
    number: str = ""  # as printed: "1", "1.1", "a", "-"
    content: str = ""  # may hold bullet lines
    lead_units: list[str] = field(default_factory=list)
    coordinating_units: list[str] = field(default_factory=list)
    deadline_text: str = ""  # exactly as written
    schedule: Schedule | None = None  # parsed (or set by hand when schedule_manual)
    schedule_manual: bool = False
    products: str = ""
    officer: str = ""
    notes: str = ""
    commune_role: CommuneRole = CommuneRole.NONE
    origin: str = ""  # superior task number/title it comes from
    source_sheet: str = ""
    source_row: int | None = None
    topic: str = ""  # report topic chosen by the officer ("" = classified from the text)
    overdue_cause: str = ""  # why it is late, as the officer wrote it (printed in the report)


_BULLETS = ("-", "+", "*", "•")


def qualified_number(section_number: str, task_number: str, appendix: bool = False,
                     parents: Sequence[str] = ()) -> str:
    """ "II" + "3.2" → "II.3.2": one name per task, where a bare "3" would be ambiguous (numbering
    restarts in every section). A subtask numbered on its own ("b" under "7") carries its parents'
    numbers (``parents``, outermost first): "III.7.b", never "III.b"; "1.2" under "1" stays "1.2".
    An appendix's tasks read "PL.3" when asked (``appendix``); a section without a short number
    leaves the number as it is; a bullet task ("-") has none ("")."""
    num = task_number.strip().rstrip(".")
    if not num or num in _BULLETS:
        return ""
    chain = ""
    for raw in (*parents, num):
        part = raw.strip().rstrip(".")
        if not part or part in _BULLETS:
            continue
        chain = part if not chain or part.startswith(chain + ".") else f"{chain}.{part}"
    sec = "PL" if appendix else section_number.strip().rstrip(".")
    if sec and len(sec) <= 6 and " " not in sec:
        return f"{sec}.{chain}"
    return chain


def parent_numbers(task: Task, by_id: Mapping[int | None, Task]) -> list[str]:
    """The numbers of ``task``'s parents, outermost first (for ``qualified_number``)."""
    out: list[str] = []
    seen = {task.id}
    p = by_id.get(task.parent_id) if task.parent_id is not None else None
    while p is not None and p.id not in seen:
        seen.add(p.id)
        out.append(p.number)
        p = by_id.get(p.parent_id) if p.parent_id is not None else None
    return out[::-1]


@dataclass
class ProgressEntry:
    """One recorded step of work. ``occurrence`` indexes ``schedule.occurrences`` (None = whole task)."""

    id: int | None = None
    task_id: int | None = None
    occurrence: int | None = None
    on: date = field(default_factory=date.today)
    percent: int = 0
    note: str = ""
    done: bool = False


@dataclass
class Evidence:
    """A document kept as evidence of a task (its bytes stored in the office file)."""

    id: int | None = None
    task_id: int | None = None
    occurrence: int | None = None
    sha256: str = ""
    name: str = ""
    size: int = 0
    mime: str = ""
    added: date | None = None
    doc_number: str = ""  # "12/KH-UBND"
    doc_date: date | None = None
    summary: str = ""


@dataclass
class Report:
    """A periodic report: its period, number, edited parts and, once issued, its frozen PDF."""

    id: int | None = None
    plan_id: int | None = None
    period: str = ""  # "2026-Q1", "2026-H1", "2026-9M", "2026-Y", "2026-M05", "adhoc:2026-03-01:2026-03-31"
    number: str = ""
    on: date | None = None
    sections: dict[str, str] = field(default_factory=dict)  # narrative parts, edited by the officer
    statistics: dict = field(default_factory=dict)  # form 06a etc. as data
    recipients: list[str] = field(default_factory=list)
    issued: bool = False
    issued_at: str = ""
    pdf_sha256: str = ""
