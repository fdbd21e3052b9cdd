"""Recognise the plan table in a set of grids and turn it into an ``ImportedPlan``.

Superior plans arrive in many shapes: a title block above the table, one- or two-row headers
with a "(1) (2) (3)" row, the header repeated at each page break, Roman-numeral section rows
merged across the table, units merged down over several tasks, cells split at page breaks,
bullet lines, appendix tables on other sheets. The rules below are the ones that read the real
province/district/commune plans correctly; every place where a rule had to guess becomes an
``ImportWarning`` with the sheet and the 1-based row, so the officer can check it in the preview.

Decisions worth knowing:

- A "-"/"+" bullet row that carries its own units, deadline or products is a child task of the
  numbered task above it; a bullet row without them is a bullet line of that task's content.
- A row without a number continues the task above (text joined with a line break after a full
  stop/colon or before a capital/bullet, else with a space) unless it brings a unit or deadline
  the task above already has: then it is a separate unnumbered task (with a warning).
- A Roman-numeral row opens a section; if it also carries units/deadline it is a task of that
  section too. In an appendix table Roman rows are group tasks whose children follow.
- A table whose header has "Lĩnh vực" but no "Nội dung" column, or that sits on a sheet named
  "Phụ lục…"/"PL…", or under a "PHỤ LỤC" title, is an appendix: one task per row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..core.errors import ImportFailed
from ..core.model import CommuneRole, Schedule
from ..core.progress import NullProgress, Progress
from ..core.text import fold
from .grid import Grid
from .result import ColumnMapping, ImportedPlan, ImportedSection, ImportedTask, ImportWarning

HEADER_SCAN_ROWS = 30
_MAX_HEADER_TEXT = 70
_UNIT_ROLES = ("lead", "coordinating", "deadline", "products", "notes")
_TASK_COLUMNS = ("lead", "coordinating", "deadline", "products")

# --------------------------------------------------------------------------- header titles

_NUMBER_TITLES = {"stt", "tt", "sott", "sothutu", "thutu", "st", "sotn"}
_LEAD_EXACT = {
    "don vi thuc hien",
    "co quan thuc hien",
    "co quan don vi thuc hien",
    "trach nhiem thuc hien",
    "don vi chiu trach nhiem",
    "nguoi thuc hien",
    "bo phan thuc hien",
}
_FIELD_EXACT = {
    "co quan don vi",
    "don vi",
    "co quan",
    "ten don vi",
    "ten co quan",
    "don vi duoc kiem tra",
    "co quan duoc kiem tra",
    "co quan don vi duoc kiem tra",
}
_CONTENT_WORDS = ("noi dung", "nhiem vu", "cong viec", "hoat dong", "danh muc", "ten thu tuc")
_DEADLINE_WORDS = ("thoi gian", "thoi han", "tien do", "han hoan thanh", "moc hoan thanh")
_HEADER_PUNCT = re.compile(r"[\s./:;,()\-–—_*]+")


def _norm_header(text: str) -> str:
    return _HEADER_PUNCT.sub(" ", fold(text.replace("\n", " "))).strip()


def header_role(text: str) -> str | None:
    """The column role a header title names, or None (accent- and case-insensitive)."""
    t = _norm_header(text)
    if not t or len(t) > _MAX_HEADER_TEXT:
        return None
    if t.replace(" ", "") in _NUMBER_TITLES:
        return "number"
    if "ghi chu" in t:
        return "notes"
    if "chu tri" in t or t in _LEAD_EXACT:
        return "lead"
    if "phoi hop" in t:
        return "coordinating"
    if "san pham" in t or "ket qua du kien" in t:
        return "products"
    if any(w in t for w in _DEADLINE_WORDS):
        return "deadline"
    if "linh vuc" in t or t in _FIELD_EXACT:
        return "field"
    if any(w in t for w in _CONTENT_WORDS):
        return "content"
    return None


def _valid_roles(roles: Mapping[str, int]) -> bool:
    if "content" not in roles and "field" not in roles:
        return False
    return len(roles) >= 2 and any(
        r in roles for r in ("number", "lead", "coordinating", "deadline", "products", "notes")
    )


def _roles_of(texts: Sequence[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for col, text in enumerate(texts):
        role = header_role(text)
        if role and role not in roles:
            roles[role] = col
    return roles


def _header_at(grid: Grid, r: int) -> tuple[int, dict[str, int]] | None:
    """The header band starting at row ``r`` (one row, or a group row over sub-titles)."""
    width = grid.width
    first = [grid.cell(r, c) for c in range(width)]
    single = _roles_of(first)
    if r + 1 < len(grid.rows):
        second = [grid.cell(r + 1, c) for c in range(width)]
        sub_is_header = any(second) and all(
            not b or b == a or header_role(b) is not None for a, b in zip(first, second, strict=True)
        )
        if sub_is_header:
            combined = [
                a if (not b or a == b) else (b if not a else f"{a} {b}")
                for a, b in zip(first, second, strict=True)
            ]
            pair = _roles_of(combined)
            if _valid_roles(pair) and len(pair) > len(single):
                return r + 1, pair
    if _valid_roles(single):
        return r, single
    return None


def _band_start(grid: Grid, header_row: int) -> int:
    """First row of the header band whose last row is ``header_row`` (group titles above)."""
    above = header_row - 1
    if above >= 0 and _roles_of(grid.rows[above]) and (_header_at(grid, above) or (0, {}))[0] == header_row:
        return above
    return max(header_row, 0)


def detect_mapping(grid: Grid) -> tuple[int, ColumnMapping] | None:
    """Find the header band in the first rows; (last header row, mapping) or None."""
    best: tuple[int, int, dict[str, int]] | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        found = _header_at(grid, r)
        if found and (best is None or len(found[1]) > len(best[2])):
            best = (r, found[0], found[1])
    if best is None:
        return None
    return best[1], ColumnMapping(columns=dict(best[2]), header_row=best[1], sheet=grid.name)


# --------------------------------------------------------------------------- numbering

_ROMAN_RE = re.compile(r"^(XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_TITLE = re.compile(r"^(?P<num>[IVXL]{1,6})\s*[.:)\-–]\s*(?P<title>\S.*)$", re.S)
_ROMAN_SPACE_TITLE = re.compile(r"^(?P<num>[IVXL]{1,6})\s+(?P<title>\S.*)$", re.S)
_DOTTED = re.compile(r"^\(?(\d{1,3}(?:\.\d{1,3})*)\.?\)?$")
_LETTER = re.compile(r"^\(?([a-zđ])[).]?$")
_BULLET = re.compile(r"^[-+–—•*·]$")
_CONTENT_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]\s+(?=\S)|^(\d{1,2}(?:\.\d{1,2})+)\s+(?=\S)")
_CONTENT_LETTER = re.compile(r"^([a-zđ])[).]\s+(?=\S)")
_CONTENT_BULLET = re.compile(r"^([-+–—•*·])\s*(?=\S)")
_APPENDIX_SHEET = re.compile(r"^(phu luc|pl\b|pl[\s\d._-])")
_STOP = re.compile(r"^((ghi chu|noi nhan|luu y)\s*:|(ghi chu|noi nhan)$|(tm|kt)\.\s)")


def _is_roman(text: str) -> bool:
    return bool(text) and bool(_ROMAN_RE.match(text))


def _uppercase_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ch.isupper()) / len(letters)


def _split_roman(text: str) -> tuple[str, str] | None:
    """ "III. TITLE", "III TITLE" (title in capitals) or "III" → (numeral, title)."""
    text = text.strip()
    if _is_roman(text.rstrip(".:)")):
        return text.rstrip(".:)"), ""
    m = _ROMAN_TITLE.match(text)
    if m and _is_roman(m["num"]):
        return m["num"], m["title"].strip()
    m = _ROMAN_SPACE_TITLE.match(text)
    if m and _is_roman(m["num"]) and _uppercase_share(m["title"]) >= 0.6:
        return m["num"], m["title"].strip()
    return None


@dataclass(frozen=True)
class _Number:
    kind: str  # "num" | "letter" | "bullet" | "other"
    text: str  # as it will be stored: "1.2", "a", "-"
    parts: tuple[int, ...] = ()


def _parse_number(raw: str) -> _Number | None:
    text = raw.strip()
    if not text:
        return None
    m = _DOTTED.match(text)
    if m:
        parts = tuple(int(p) for p in m[1].split("."))
        return _Number("num", ".".join(str(p) for p in parts), parts)
    m = _LETTER.match(text)
    if m:
        return _Number("letter", m[1])
    if _BULLET.match(text):
        return _Number("bullet", "+" if text == "+" else "-")
    return _Number("other", text)


def _number_from_content(content: str) -> tuple[_Number, str] | None:
    """A number typed at the start of the content when the STT column is empty."""
    m = _CONTENT_DOTTED.match(content)
    if m:
        digits = m[1] or m[2]
        parts = tuple(int(p) for p in digits.split("."))
        return _Number("num", ".".join(str(p) for p in parts), parts), content[m.end() :]
    m = _CONTENT_LETTER.match(content)
    if m:
        return _Number("letter", m[1]), content[m.end() :]
    m = _CONTENT_BULLET.match(content)
    if m and "\n" not in content.strip():
        marker = "+" if m[1] == "+" else "-"
        return _Number("bullet", marker), content[m.end() :]
    return None


# --------------------------------------------------------------------------- units & roles

_UNIT_SPLIT = re.compile(r"[\n;]+")
_UNIT_STRIP_HEAD = re.compile(r"^[\s\-+•*–—·]+")
_UNIT_STRIP_TAIL = re.compile(r"[\s.,;:]+$")


def split_units(text: str) -> list[str]:
    """Units on line breaks and ";" only: "Các sở, ban, ngành" is ONE unit."""
    units: list[str] = []
    for part in _UNIT_SPLIT.split(text or ""):
        unit = _UNIT_STRIP_TAIL.sub("", _UNIT_STRIP_HEAD.sub("", part))
        if unit and unit not in units:
            units.append(unit)
    return units


_COMMUNE = re.compile(
    r"\b(ubnd|uy ban nhan dan)\s+(cac\s+|cap\s+)?xa\b(?!\s+hoi)"
    r"|\bcap\s+xa\b"
    r"|\bcac\s+xa\s*,\s*phuong\b"
    r"|(?<!thi )\bxa\s*,\s*phuong\s*,\s*(thi tran|dac khu)\b"
    r"|\bbo phan (mot cua|tiep nhan va tra ket qua) (cua )?(ubnd )?xa\b"
)


def mentions_commune(units: Sequence[str] | str) -> bool:
    """True when a unit list names the communes ("UBND cấp xã", "các xã, phường, thị trấn"…)."""
    text = units if isinstance(units, str) else "\n".join(units)
    return bool(_COMMUNE.search(fold(text)))


def commune_role(lead: Sequence[str], coordinating: Sequence[str]) -> CommuneRole:
    if mentions_commune(lead):
        return CommuneRole.LEAD
    if mentions_commune(coordinating):
        return CommuneRole.COORDINATING
    return CommuneRole.NONE


# --------------------------------------------------------------------------- rows


@dataclass
class _Cells:
    row: int  # 0-based grid row
    texts: dict[str, str]  # role → text (copies of a merge above kept for unit roles)
    fresh: set[str]  # roles whose text is written in this row (not a merge copy)
    origins: list[tuple[tuple[int, int], str]]  # distinct non-empty cells of the whole row
    wide: bool  # one text merged across two or more columns


def _read_cells(grid: Grid, r: int, columns: Mapping[str, int]) -> _Cells:
    texts: dict[str, str] = {}
    fresh: set[str] = set()
    for role, col in columns.items():
        text = grid.cell(r, col)
        if not text:
            continue
        r0, c0 = grid.origin(r, col)
        if r0 < r:  # merged down from a row above
            if role in _UNIT_ROLES:
                texts[role] = text
            continue
        if c0 != col and c0 in columns.values():  # horizontal copy of another mapped column
            continue
        texts[role] = text
        fresh.add(role)
    seen: dict[tuple[int, int], str] = {}
    wide = False
    row = grid.rows[r] if r < len(grid.rows) else []
    for c, text in enumerate(row):
        if not text:
            continue
        origin = grid.origin(r, c)
        if origin[0] < r:
            continue
        if origin != (r, c):
            wide = True
        seen.setdefault(origin, text)
    return _Cells(r, texts, fresh, list(seen.items()), wide)


_COLNUM_PAREN = re.compile(r"^\(\s*[\w*=+x\-\s]{1,12}\s*\)$")


def _is_column_number_row(cells: _Cells) -> bool:
    values = [t for _, t in cells.origins]
    if len(values) < 2:
        return False
    if all(_COLNUM_PAREN.match(v) for v in values):
        return True
    if len(values) >= 3 and all(v.isdigit() for v in values):
        nums = [int(v) for v in values]
        return nums == list(range(nums[0], nums[0] + len(nums)))
    return False


def _is_header_like(cells: _Cells, header_texts: set[str]) -> bool:
    values = [t for _, t in cells.origins]
    if len(values) < 2:
        return False
    roles = 0
    for value in values:
        norm = _norm_header(value)
        if header_role(value) is not None:
            roles += 1
        elif norm not in header_texts:
            return False
    return roles >= 2


# --------------------------------------------------------------------------- the builder


@dataclass
class _Segment:
    """One recognised table (a grid may hold several: main table, then an appendix)."""

    grid: Grid
    mapping: ColumnMapping
    appendix: bool
    header_texts: set[str]
    user: bool = False


@dataclass
class _Pending:
    task: ImportedTask
    sheet: str
    row: int


@dataclass
class _State:
    section: ImportedSection | None = None
    stack: list[tuple[ImportedTask, _Number | None]] = field(default_factory=list)
    last: ImportedTask | None = None
    last_parent: ImportedTask | None = None  # parent of ``last`` (None = section level)


class _PlanBuilder:
    def __init__(self, source_file: str, progress: Progress) -> None:
        self.source_file = source_file
        self.progress = progress
        self.sections: list[ImportedSection] = []
        self.appendices: list[ImportedSection] = []
        self.warnings: list[ImportWarning] = []
        self.pending: list[_Pending] = []
        self.title_blocks: list[list[str]] = []
        self.mappings: dict[str, ColumnMapping] = {}
        self.state = _State()
        self.prev_segment: _Segment | None = None
        self.rows_done = 0
        self.rows_total = 1
        self.page_of: dict[str, object] = {}  # grid name → page_of(row) for PDF tables

    # -- warnings -----------------------------------------------------------------------
    def warn(self, grid: Grid, row: int | None, message: str) -> None:
        self.warnings.append(ImportWarning(grid.name, None if row is None else row + 1, message))

    # -- sections -----------------------------------------------------------------------
    def open_section(self, number: str, title: str, appendix: bool) -> ImportedSection:
        section = ImportedSection(number=number, title=title, appendix=appendix)
        (self.appendices if appendix else self.sections).append(section)
        self.state = _State(section=section)
        return section

    def current_section(self, segment: _Segment) -> ImportedSection:
        if self.state.section is None or self.state.section.appendix != segment.appendix:
            if segment.appendix:
                self.open_section("", "Phụ lục", True)
            else:
                self.open_section("", "", False)
        assert self.state.section is not None
        return self.state.section

    # -- tasks --------------------------------------------------------------------------
    def new_task(self, segment: _Segment, cells: _Cells, number: str, content: str) -> ImportedTask:
        texts = cells.texts
        lead = split_units(texts.get("lead", ""))
        coordinating = split_units(texts.get("coordinating", ""))
        notes = texts.get("notes", "")
        if (
            segment.appendix is False
            and "field" in segment.mapping.columns
            and "content" in segment.mapping.columns
        ):
            field_text = texts.get("field", "")
            if field_text:
                notes = f"Lĩnh vực: {field_text}" + (f"\n{notes}" if notes else "")
        task = ImportedTask(
            number=number,
            content=content,
            lead=lead,
            coordinating=coordinating,
            deadline_text=texts.get("deadline", ""),
            products=texts.get("products", ""),
            source_sheet=segment.grid.name,
            source_row=cells.row + 1,
            notes=notes,
        )
        self.pending.append(_Pending(task, segment.grid.name, cells.row))
        return task

    def attach(self, task: ImportedTask, parent: ImportedTask | None, segment: _Segment) -> None:
        if parent is None:
            self.current_section(segment).tasks.append(task)
        else:
            parent.children.append(task)
        self.state.last = task
        self.state.last_parent = parent

    def place_numbered(self, task: ImportedTask, number: _Number, segment: _Segment) -> None:
        """Find the parent from the numbering and push the task on the open-task stack."""
        self.current_section(segment)  # may open a section, which starts a new stack
        stack = self.state.stack
        if number.kind == "num":
            while stack:
                top = stack[-1][1]
                if top is None or (
                    top.kind == "num"
                    and top.parts == number.parts[: len(top.parts)]
                    and len(top.parts) < len(number.parts)
                ):
                    break
                stack.pop()
        elif number.kind == "letter":
            while stack and stack[-1][1] is not None and stack[-1][1].kind not in ("num",):
                stack.pop()
        elif number.kind == "bullet":
            while stack:
                top = stack[-1][1]
                if top is None or top.kind in ("num", "letter", "other"):
                    break
                if number.text == "+" and top.kind == "bullet" and top.text == "-":
                    break
                stack.pop()
        else:  # unusual numbering: a sibling of the last top-level item
            while stack and stack[-1][1] is not None:
                stack.pop()
        parent = stack[-1][0] if stack else None
        self.attach(task, parent, segment)
        stack.append((task, number))

    # -- grids --------------------------------------------------------------------------
    def add_grid(self, grid: Grid, mapping: ColumnMapping | None) -> bool:
        """Read every table of one grid; False when the grid holds no plan table."""
        user = mapping is not None
        if mapping is None:
            found = detect_mapping(grid)
            if found is None:
                return False
            mapping = found[1]
        header_row = mapping.header_row
        for note_row, message in grid.notes:
            self.warnings.append(ImportWarning(grid.name, note_row, message))
        if getattr(grid, "page_of", None) is not None:
            self.page_of[grid.name] = grid.page_of  # type: ignore[attr-defined]
        self.mappings.setdefault(grid.name, mapping)
        block = list(grid.title_lines) + self.rows_as_lines(grid, 0, header_row + 1, mapping)
        self.title_blocks.append(block)
        segment = self.make_segment(grid, mapping, block, user)
        self.begin_segment(segment, block)
        r = header_row + 1
        stopped_at: int | None = None
        title_lines: list[str] = []  # "PHỤ LỤC …" lines met inside the grid, for the next table
        while r < len(grid.rows):
            self.rows_done += 1
            if self.rows_done % 200 == 0:
                self.progress.report(self.rows_done, self.rows_total, f"Đang nhận dạng bảng '{grid.name}'")
            cells = _read_cells(grid, r, segment.mapping.columns)
            if not cells.origins:
                r += 1
                continue
            if _is_header_like(cells, segment.header_texts):
                found = None if segment.user else _header_at(grid, r)
                if found and (found[1] != segment.mapping.columns or stopped_at is not None):
                    new_mapping = ColumnMapping(columns=dict(found[1]), header_row=found[0], sheet=grid.name)
                    segment = self.make_segment(grid, new_mapping, title_lines, False)
                    self.begin_segment(segment, title_lines)
                    title_lines = []
                    stopped_at = None
                    r = found[0] + 1
                    continue
                r = (found[0] + 1) if found else r + 1
                continue
            if stopped_at is not None:
                if len(cells.origins) == 1:
                    title_lines.extend(cells.origins[0][1].split("\n"))
                r += 1
                continue
            if _is_column_number_row(cells):
                r += 1
                continue
            first_text = cells.origins[0][1]
            appendix_title = len(cells.origins) == 1 and fold(first_text).startswith("phu luc")
            if appendix_title or _STOP.match(fold(first_text)):
                # "Ghi chú:", "Nơi nhận:", a signature or the next appendix's title: the table ends.
                stopped_at = r
                title_lines = first_text.split("\n") if appendix_title else []
                r += 1
                continue
            self.add_row(segment, cells)
            r += 1
        return True

    def rows_as_lines(
        self, grid: Grid, start: int, stop: int, mapping: ColumnMapping | None = None
    ) -> list[str]:
        """Title-block rows as text lines (each merged text once, header rows left out)."""
        lines: list[str] = []
        header_first = stop if mapping is None else _band_start(grid, mapping.header_row)
        for r in range(start, min(stop, header_first, len(grid.rows))):
            seen: set[tuple[int, int]] = set()
            for c, text in enumerate(grid.rows[r]):
                origin = grid.origin(r, c)
                if text and origin not in seen and origin[0] == r:
                    seen.add(origin)
                    lines.extend(line for line in text.split("\n") if line)
        return lines

    def make_segment(
        self, grid: Grid, mapping: ColumnMapping, title_lines: Sequence[str], user: bool
    ) -> _Segment:
        roles = mapping.columns
        appendix = ("field" in roles and "content" not in roles) or bool(
            _APPENDIX_SHEET.match(fold(grid.name))
        )
        if not appendix and any(fold(line).startswith("phu luc") for line in title_lines[-8:]):
            appendix = True
        if "content" in roles and sum(role in roles for role in _TASK_COLUMNS) >= 3:
            # Full task columns: the plan's task table, even titled "Phụ lục: NHIỆM VỤ CỤ THỂ…"
            appendix = False
        header_texts: set[str] = set()
        for r in range(max(0, mapping.header_row - 2), mapping.header_row + 1):
            for col in range(grid.width):
                if grid.cell(r, col):
                    header_texts.add(_norm_header(grid.cell(r, col)))
        if "content" not in roles and "field" in roles:
            roles = dict(roles)
            roles["content"] = roles.pop("field")
            mapping = ColumnMapping(columns=roles, header_row=mapping.header_row, sheet=mapping.sheet)
        return _Segment(grid, mapping, appendix, header_texts, user)

    def begin_segment(self, segment: _Segment, title_lines: Sequence[str]) -> None:
        prev = self.prev_segment
        self.prev_segment = segment
        own_title = [line for line in title_lines if line.strip()]
        continues = (
            prev is not None
            and not own_title
            and prev.appendix == segment.appendix
            and prev.mapping.columns == segment.mapping.columns
            and self.state.section is not None
        )
        if continues:  # a table broken over pages/tables: keep filling the same section
            return
        if segment.appendix:
            number, title = _appendix_title(own_title, segment.grid.name)
            self.open_section(number, title, True)
        else:
            self.state = _State(
                section=self.state.section if self.state.section and not self.state.section.appendix else None
            )

    # -- one data row -------------------------------------------------------------------
    def add_row(self, segment: _Segment, cells: _Cells) -> None:
        grid = segment.grid
        texts = cells.texts
        number_raw = texts.get("number", "") if "number" in cells.fresh else ""
        content = texts.get("content", "") if "content" in cells.fresh else ""
        carries = any(role in cells.fresh for role in ("lead", "coordinating", "deadline", "products"))

        # A text merged across the row, or alone outside the content column: a banner.
        if len(cells.origins) == 1:
            (_, col), text = cells.origins[0]
            role_at = {c: role for role, c in segment.mapping.columns.items()}.get(col)
            lone_number = _parse_number(text) if role_at == "number" and not cells.wide else None
            if (cells.wide or role_at in (None, "number")) and (
                lone_number is None or lone_number.kind == "other"
            ):
                self.add_banner(segment, cells, text)
                return

        # Roman numeral in the number column (title beside it or in the same cell).
        roman = _split_roman(number_raw) if number_raw else None
        if roman is None and not number_raw and content:
            in_content = _split_roman(content)
            if in_content is not None and in_content[1]:
                roman, content = in_content, ""
        if roman is not None:
            numeral, title = roman
            title = title or content
            self.add_section_row(segment, cells, numeral, title, carries)
            return

        number = _parse_number(number_raw) if number_raw else None
        if number is None and content:
            extracted = _number_from_content(content)
            if extracted is not None:
                number, content = extracted
        if number is not None and number.kind == "bullet":
            self.add_bullet(segment, cells, number, content, carries)
            return
        if number is not None:
            if number.kind == "other":
                self.warn(grid, cells.row, f"Số thứ tự lạ '{number.text}'; đã coi là một nhiệm vụ.")
            if not content and not carries:
                self.warn(grid, cells.row, f"Dòng số '{number.text}' không có nội dung.")
            task = self.new_task(segment, cells, number.text, content)
            self.place_numbered(task, number, segment)
            return
        self.add_unnumbered(segment, cells, content, carries)

    def add_banner(self, segment: _Segment, cells: _Cells, text: str) -> None:
        grid = segment.grid
        roman = _split_roman(text)
        if roman is not None:
            self.add_section_row(segment, cells, roman[0], roman[1], False)
            return
        extracted = _number_from_content(text)
        if extracted is not None and extracted[0].kind != "bullet":
            number, content = extracted
            task = self.new_task(
                segment, _Cells(cells.row, {}, set(), cells.origins, cells.wide), number.text, content
            )
            self.place_numbered(task, number, segment)
            return
        if _uppercase_share(text) >= 0.7 and not segment.appendix:
            if self.continues_section_title(text):
                return
            self.open_section("", text.replace("\n", " "), False)
            return
        if _uppercase_share(text) >= 0.7 and segment.appendix:
            task = self.new_task(segment, _Cells(cells.row, {}, set(), cells.origins, cells.wide), "", text)
            self.attach(task, None, segment)
            self.state.stack = [(task, None)]
            return
        target = self.state.last
        if target is None:
            task = self.new_task(segment, _Cells(cells.row, {}, set(), cells.origins, cells.wide), "", text)
            self.attach(task, None, segment)
            self.warn(
                grid, cells.row, "Dòng chữ trải ngang bảng, không có số thứ tự; đã coi là một nhiệm vụ."
            )
            return
        target.content = _join(target.content, text)
        self.warn(
            grid,
            cells.row,
            f"Dòng chữ trải ngang bảng, không có số thứ tự; đã ghép vào nhiệm vụ '{target.number or target.content[:30]}'.",
        )

    def add_section_row(
        self, segment: _Segment, cells: _Cells, numeral: str, title: str, carries: bool
    ) -> None:
        title = title.replace("\n", " ").strip()
        if segment.appendix:
            task = self.new_task(segment, cells, numeral, title)
            self.attach(task, None, segment)
            self.state.stack = [(task, None)]
            return
        self.open_section(numeral, title, False)
        if carries:
            task = self.new_task(segment, cells, numeral, title)
            self.attach(task, None, segment)
            self.state.last = task

    def add_bullet(
        self, segment: _Segment, cells: _Cells, number: _Number, content: str, carries: bool
    ) -> None:
        if carries:
            task = self.new_task(segment, cells, number.text, content)
            self.place_numbered(task, number, segment)
            return
        target = self.bullet_owner(number)
        if target is None:
            task = self.new_task(segment, cells, number.text, content)
            self.place_numbered(task, number, segment)
            self.warn(
                segment.grid,
                cells.row,
                "Dòng gạch đầu dòng không thuộc nhiệm vụ nào; đã coi là một nhiệm vụ.",
            )
            return
        if not content:
            return
        target.content = _join(target.content, f"{number.text} {content}", force_newline=True)

    def bullet_owner(self, number: _Number) -> ImportedTask | None:
        """The task a bullet line belongs to: the numbered task above ("+" may sit under a "-")."""
        for task, key in reversed(self.state.stack):
            if key is None or key.kind != "bullet" or (number.text == "+" and key.text == "-"):
                return task
        return self.state.last

    def continues_section_title(self, text: str) -> bool:
        """ "IV. CÔNG TÁC … MỘT CỬA" | page break, header repeated | "LIÊN THÔNG": one title.

        Capitals right after a section row, before any task of it, finish its title.
        """
        section = self.state.section
        if (
            section is None
            or section.appendix
            or section.tasks
            or self.state.last is not None
            or not section.title
            or section.title.rstrip()[-1:] in ".:;"
            or _uppercase_share(text) < 0.9
        ):
            return False
        section.title = f"{section.title} {text.replace(chr(10), ' ').strip()}"
        return True

    def add_unnumbered(self, segment: _Segment, cells: _Cells, content: str, carries: bool) -> None:
        grid = segment.grid
        prev = self.state.last
        if prev is None:
            if not content and not carries:
                return
            if content and not carries and not segment.appendix and self.continues_section_title(content):
                return
            task = self.new_task(segment, cells, "", content)
            self.attach(task, None, segment)
            self.state.stack = [(task, _Number("other", ""))] if content else []
            return
        clash = [
            role
            for role in ("lead", "coordinating", "deadline")
            if role in cells.fresh and _task_field(prev, role)
        ]
        if carries and clash and content:
            task = self.new_task(segment, cells, "", content)
            self.attach(task, self.state.last_parent, segment)
            self.warn(
                grid,
                cells.row,
                "Dòng không có số thứ tự nhưng có đơn vị/thời hạn riêng; đã coi là một nhiệm vụ riêng.",
            )
            return
        # Continuation: the rest of the task above (a cell split at a page break).
        if content:
            prev.content = _join(prev.content, content)
        for role in ("lead", "coordinating"):
            if role in cells.fresh:
                units = split_units(cells.texts[role])
                target = prev.lead if role == "lead" else prev.coordinating
                target.extend(u for u in units if u not in target)
        warned = False
        if "deadline" in cells.fresh:
            if prev.deadline_text:
                warned = True
                prev.deadline_text = f"{prev.deadline_text}\n{cells.texts['deadline']}"
                self.warn(
                    grid,
                    cells.row,
                    "Dòng tiếp theo có thêm thời hạn; đã ghép vào thời hạn của nhiệm vụ phía trên, hãy kiểm tra.",
                )
            else:
                prev.deadline_text = cells.texts["deadline"]
        if "products" in cells.fresh:
            prev.products = _join(prev.products, cells.texts["products"])
        if "notes" in cells.fresh:
            prev.notes = _join(prev.notes, cells.texts["notes"])
        if clash and not content and not warned:
            self.warn(
                grid, cells.row, "Dòng không có số thứ tự; đã ghép vào nhiệm vụ phía trên, hãy kiểm tra."
            )

    # -- finishing ----------------------------------------------------------------------
    def finish(self, year: int | None) -> ImportedPlan:
        title = _plan_title(self.title_blocks)
        warnings_head: list[ImportWarning] = []
        if year is None:
            year = _year_from_title(title)
        if year is None:
            year = _year_from_deadlines(p.task.deadline_text for p in self.pending)
            if year is not None:
                warnings_head.append(
                    ImportWarning(
                        "", None, f"Không thấy năm trong tên kế hoạch; lấy năm {year} theo các thời hạn."
                    )
                )
        if year is None:
            warnings_head.append(
                ImportWarning("", None, "Không xác định được năm của kế hoạch; hãy nhập năm.")
            )
        from ..core.schedule import parse_schedule

        parsed: dict[str, Schedule] = {"": Schedule(text="")}  # plans repeat the same phrases
        for item in self.pending:
            task = item.task
            text = task.deadline_text
            if text not in parsed:
                parsed[text] = parse_schedule(text, year)
            task.schedule = parsed[text]
            if text:
                for message in task.schedule.warnings:
                    self.warnings.append(
                        ImportWarning(item.sheet, item.row + 1, f"Thời hạn “{_short(text)}”: {message}")
                    )
            task.commune_role = commune_role(task.lead, task.coordinating)
        for section in (*self.sections, *self.appendices):
            self.check_tasks(section.tasks, inherited_deadline=False)
        from .reference import read_reference

        return ImportedPlan(
            title=title,
            year=year,
            sections=self.sections,
            appendices=self.appendices,
            warnings=[self.paged(w) for w in warnings_head + self.warnings],
            source_file=self.source_file,
            mapping=self.mappings,
            reference=read_reference(self.title_blocks[0] if self.title_blocks else []),
        )

    def paged(self, warning: ImportWarning) -> ImportWarning:
        """The PDF page of a warning's row (a PDF table's grid knows the page of each row)."""
        page_of = self.page_of.get(warning.sheet)
        page = page_of(warning.row) if page_of is not None and warning.page is None else None
        return warning if page is None else ImportWarning(warning.sheet, warning.row, warning.message, page)

    def check_tasks(self, tasks: list[ImportedTask], inherited_deadline: bool) -> None:
        numbers: Counter[str] = Counter(t.number for t in tasks if t.number and t.number not in ("-", "+"))
        previous: int | None = None
        for task in tasks:
            sheet, row = task.source_sheet, task.source_row
            if task.number and numbers[task.number] > 1:
                self.warnings.append(ImportWarning(sheet, row, f"Số thứ tự '{task.number}' bị trùng."))
                numbers[task.number] = 0
            last = task.number.rsplit(".", 1)[-1]
            if last.isdecimal():  # "²" is a digit int() refuses
                value = int(last)
                if previous is not None and value > previous + 1:
                    self.warnings.append(
                        ImportWarning(
                            sheet, row, f"Số thứ tự nhảy từ {previous} sang {value}; có thể thiếu dòng."
                        )
                    )
                previous = value
            has_deadline = inherited_deadline or bool(task.deadline_text)
            if not task.children:
                if not task.content:
                    self.warnings.append(ImportWarning(sheet, row, "Nhiệm vụ không có nội dung."))
                if not has_deadline:
                    self.warnings.append(ImportWarning(sheet, row, "Nhiệm vụ chưa có thời hạn."))
            self.check_tasks(task.children, has_deadline)


def _task_field(task: ImportedTask, role: str) -> bool:
    return bool({"lead": task.lead, "coordinating": task.coordinating, "deadline": task.deadline_text}[role])


def _join(before: str, after: str, force_newline: bool = False) -> str:
    """Join the tail of a split cell: new line after a full stop or before a bullet/capital."""
    if not before:
        return after
    if not after:
        return before
    first = after.lstrip()[:1]
    if (
        force_newline
        or before.rstrip()[-1:] in ".;:!?…"
        or first in "-+•*–—"
        or first.isupper()
        or first.isdigit()
    ):
        return f"{before}\n{after}"
    return f"{before} {after}"


def _short(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _appendix_title(lines: Sequence[str], sheet: str) -> tuple[str, str]:
    """ "PHỤ LỤC I:" + the line(s) under it → ("I", "PHỤ LỤC I: Rà soát …")."""
    start = None
    for i in range(len(lines) - 1, -1, -1):
        if fold(lines[i]).startswith("phu luc"):
            start = i
            break
    if start is None:
        useful = [line for line in lines if line.strip() and not line.startswith(("(", "-"))]
        if _APPENDIX_SHEET.match(fold(sheet)):
            return "", sheet + (f": {useful[-1]}" if useful else "")
        return "", useful[-1] if useful else "Phụ lục"
    head = lines[start].strip()
    m = re.match(r"(?i)^ph[uụ]\s*l[uụ]c\s+([IVXL]+|\d+)\b", head)
    number = m.group(1) if m else ""
    parts = [head]
    for line in lines[start + 1 : start + 4]:
        line = line.strip()
        if not line or line.startswith(("(", "-", "—", "_")) or set(line) <= set("-_=*. "):
            break
        parts.append(line)
    title = parts[0]
    for part in parts[1:]:
        title = f"{title} {part}" if title[-1:] in ":.-–" else f"{title}: {part}"
    return number, title


_KE_HOACH = re.compile(r"^ke hoach\b")
_ATTACHED_NOTE = re.compile(r"\s\((?:ban hành\s+)?kèm theo\b", re.IGNORECASE)
_TITLE_STOP = re.compile(
    r"^(\(|can cu|thuc hien|so[: ]|kinh gui|i\b|stt\b|ban hanh|kem theo|---|___|noi nhan)"
)
_BOILERPLATE = re.compile(r"^(ubnd|uy ban|cong hoa|doc lap|so[: ]|so$|---|so\b.*/kh)|ngay .* thang .* nam")


def _plan_title(blocks: Sequence[Sequence[str]]) -> str:
    for want_upper in (True, False):
        for block in blocks:
            for i, line in enumerate(block):
                folded = fold(line)
                if not _KE_HOACH.match(folded) or len(line) > 300:
                    continue
                if want_upper and _uppercase_share(line[:8]) < 0.9:
                    continue
                parts = [line.strip()]
                for nxt in block[i + 1 : i + 4]:
                    if not nxt.strip() or _TITLE_STOP.match(fold(nxt)) or header_role(nxt):
                        break
                    parts.append(nxt.strip())
                # a PDF line may run on into "(Ban hành kèm theo Quyết định …)": not the title
                return _ATTACHED_NOTE.split(" ".join(parts), maxsplit=1)[0].strip()
    for block in blocks:
        for line in block:
            if line.strip() and not _BOILERPLATE.search(fold(line)):
                return line.strip()
    return ""


def _year_from_title(title: str) -> int | None:
    years = [int(y) for y in re.findall(r"\bnam\s+(\d{4})\b", fold(title))]
    years = [y for y in years if 1990 <= y <= 2100]
    return years[-1] if years else None


def _year_from_deadlines(texts: object) -> int | None:
    counter: Counter[int] = Counter()
    for text in texts:  # type: ignore[attr-defined]
        for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", str(text)):
            if 1990 <= int(y) <= 2100:
                counter[int(y)] += 1
    if not counter:
        return None
    return counter.most_common(1)[0][0]


# --------------------------------------------------------------------------- entry point


def build_plan(
    grids: Sequence[Grid],
    year: int | None = None,
    mapping: ColumnMapping | Mapping[str, ColumnMapping] | None = None,
    source_file: str = "",
    progress: Progress | None = None,
) -> ImportedPlan:
    """Recognise the plan in ``grids``; ``mapping`` (from the wizard) overrides detection."""
    progress = progress or NullProgress()
    name = source_file.replace("\\", "/").rsplit("/", 1)[-1] or "tệp"
    builder = _PlanBuilder(source_file, progress)
    builder.rows_total = max(1, sum(len(g.rows) for g in grids))
    overrides = _resolve_overrides(grids, mapping)
    found_any = False
    for grid in grids:
        if grid.hidden and grid.name not in overrides:
            if any(any(row) for row in grid.rows):
                builder.warnings.append(
                    ImportWarning(grid.name, None, f"Trang tính '{grid.name}' đang ẩn nên không được đọc.")
                )
            continue
        user_mapping = overrides.get(grid.name)
        if user_mapping is not None:
            if "content" not in user_mapping.columns and "field" not in user_mapping.columns:
                raise ImportFailed(
                    f"Cách chọn cột cho '{grid.name}' trong tệp '{name}' chưa có cột Nội dung.",
                    "Hãy chọn cột Nội dung công việc (hoặc Lĩnh vực) rồi xem lại.",
                )
        if builder.add_grid(grid, user_mapping):
            found_any = True
        elif any(any(row) for row in grid.rows) and len(grids) > 1:
            builder.warnings.append(
                ImportWarning(grid.name, None, f"Không thấy bảng kế hoạch trong '{grid.name}'; đã bỏ qua.")
            )
    if not found_any:
        raise ImportFailed(
            f"Không tìm thấy bảng kế hoạch trong tệp '{name}'.",
            "Hãy chọn cột bằng tay: cho biết dòng tiêu đề và các cột STT, Nội dung công việc, "
            "Đơn vị chủ trì, Thời gian hoàn thành.",
        )
    return builder.finish(year)


def _resolve_overrides(
    grids: Sequence[Grid], mapping: ColumnMapping | Mapping[str, ColumnMapping] | None
) -> dict[str, ColumnMapping]:
    if mapping is None:
        return {}
    if isinstance(mapping, ColumnMapping):
        if mapping.sheet:
            return {mapping.sheet: mapping}
        for grid in grids:
            if not grid.hidden and any(any(row) for row in grid.rows):
                return {grid.name: mapping}
        return {}
    out: dict[str, ColumnMapping] = {}
    for key, value in mapping.items():
        out[key] = value if isinstance(value, ColumnMapping) else ColumnMapping.from_dict(value)
    return out
