"""What an import produces: a plan preview with per-row warnings, before anything is stored.

The wizard shows this, the CLI prints ``to_json()``, and the services turn it into
``core.model`` entities once the officer confirms. Nothing here touches a file or a database.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..core.model import CommuneRole, Schedule

#: Column roles a plan table can have. "field" is the Lĩnh vực column of an appendix table,
#: whose text becomes the task content.
ROLES: tuple[str, ...] = (
    "number",
    "content",
    "lead",
    "coordinating",
    "deadline",
    "products",
    "field",
    "notes",
)


@dataclass(frozen=True)
class ImportWarning:
    """One doubt about one place in the source file (``row`` is 1-based, None = whole sheet).

    For the running text of a document ``sheet`` is "Văn bản" and ``row`` the paragraph number;
    ``page`` is the PDF page (None for spreadsheets and Word files, which have no fixed pages).
    """

    sheet: str
    row: int | None
    message: str
    page: int | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sheet": self.sheet, "row": self.row, "message": self.message}
        if self.page is not None:
            data["page"] = self.page
        return data


@dataclass
class PlanReference:
    """The plan document's own identity, read from its header and title block.

    The office's plan cites it ("Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND tỉnh
    …"); the wizard shows it for correction and the import stores it in ``Plan.source_*``.
    ``date`` is None when the document leaves the day blank ("ngày    tháng 02 năm 2021");
    ``date_text`` keeps what was written.
    """

    number: str = ""  # số, ký hiệu: "12/KH-UBND" ("/KH-SCT" when the number is left blank)
    date: date | None = None
    date_text: str = ""
    place: str = ""  # địa danh of the date line
    issuer: str = ""  # cơ quan ban hành, as cited: "UBND tỉnh Hải Dương", "Sở Công Thương"
    parent_issuer: str = ""  # cơ quan chủ quản above it, when the header names one
    kind: str = ""  # tên loại: "Kế hoạch", "Quyết định"
    title: str = ""  # tên loại + trích yếu: "Kế hoạch kiểm soát thủ tục hành chính … năm 2021"
    year: int | None = None

    def is_empty(self) -> bool:
        return not (self.number or self.date or self.date_text or self.issuer or self.title)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "place": self.place,
            "issuer": self.issuer,
            "parent_issuer": self.parent_issuer,
            "kind": self.kind,
            "title": self.title,
            "year": self.year,
        }


@dataclass
class ProseItem:
    """One paragraph of a prose plan's sections that is, or could be, a task (for the wizard)."""

    index: int  # paragraph number (1-based, as in warnings)
    page: int | None
    number: str  # as printed: "1", "1.2", "a", "-", "" (unnumbered)
    text: str
    section: str  # "II. NỘI DUNG CÔNG VIỆC"
    is_task: bool


@dataclass
class ImportedTask:
    number: str
    content: str
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    deadline_text: str = ""
    schedule: Schedule = field(default_factory=lambda: Schedule(text=""))
    products: str = ""
    commune_role: CommuneRole = CommuneRole.NONE
    source_sheet: str = ""
    source_row: int | None = None
    children: list[ImportedTask] = field(default_factory=list)
    notes: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "content": self.content,
            "lead": list(self.lead),
            "coordinating": list(self.coordinating),
            "deadline_text": self.deadline_text,
            "schedule": self.schedule.to_json(),
            "products": self.products,
            "commune_role": str(self.commune_role.value),
            "source_row": self.source_row,
            "children": [child.to_json() for child in self.children],
        }

    def iter_tasks(self) -> Iterator[ImportedTask]:
        """This task, then its descendants, depth-first in document order."""
        yield self
        for child in self.children:
            yield from child.iter_tasks()


@dataclass
class ImportedSection:
    number: str
    title: str
    tasks: list[ImportedTask] = field(default_factory=list)
    appendix: bool = False

    def iter_tasks(self) -> Iterator[ImportedTask]:
        for task in self.tasks:
            yield from task.iter_tasks()


@dataclass
class ColumnMapping:
    """Which column (0-based) holds which role, and where the header ends.

    The wizard shows it, lets the officer correct it, and remembers it as a plain dict.
    ``header_row`` is the 0-based index of the LAST header row (-1 = no header, data from row 0);
    ``sheet`` names the grid it belongs to ("" = the main table).
    """

    columns: dict[str, int] = field(default_factory=dict)
    header_row: int = -1
    sheet: str = ""

    def get(self, role: str) -> int | None:
        return self.columns.get(role)

    def to_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "header_row": self.header_row, "columns": dict(self.columns)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ColumnMapping:
        """Rebuild a remembered mapping; stale or hand-edited entries are dropped, not fatal."""
        data = data or {}
        raw_columns = data.get("columns")
        if not isinstance(raw_columns, Mapping):
            # Also accept the flat form {"number": 0, "content": 1, ...}.
            raw_columns = {k: v for k, v in data.items() if k in ROLES}
        columns: dict[str, int] = {}
        used: set[int] = set()
        for role in ROLES:
            value = raw_columns.get(role)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value in used:
                continue
            columns[role] = value
            used.add(value)
        header_row = data.get("header_row", -1)
        if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < -1:
            header_row = -1
        sheet = data.get("sheet", "")
        return cls(columns=columns, header_row=header_row, sheet=sheet if isinstance(sheet, str) else "")


@dataclass
class ImportedPlan:
    title: str
    year: int | None
    sections: list[ImportedSection] = field(default_factory=list)
    appendices: list[ImportedSection] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    source_file: str = ""
    mapping: dict[str, ColumnMapping] = field(default_factory=dict)  # grid name → mapping used
    reference: PlanReference = field(default_factory=PlanReference)
    basis: list[str] = field(default_factory=list)  # căn cứ lines of a prose plan
    paragraphs: list[ProseItem] = field(default_factory=list)  # prose plans: the candidate paragraphs

    def iter_tasks(self) -> Iterator[ImportedTask]:
        """Every task of the sections, then of the appendices, depth-first."""
        for section in (*self.sections, *self.appendices):
            yield from section.iter_tasks()

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "year": self.year,
            "sections": [
                {"number": s.number, "title": s.title, "tasks": [t.to_json() for t in s.tasks]}
                for s in self.sections
            ],
            "appendices": [
                {"title": a.title, "tasks": [t.to_json() for t in a.tasks]} for a in self.appendices
            ],
            "warnings": [w.to_json() for w in self.warnings],
            "reference": self.reference.to_json(),
        }
