"""Prose plans: the numbered paragraphs of a plan's sections are its tasks.

A plan typed as a document (seed plans 000 and 004) reads: header block, "KẾ HOẠCH" + trích
yếu, "Căn cứ…/Thực hiện…", sections "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG…", "III. KINH PHÍ",
"IV. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", signature, then appendices. The rules:

- In a task section every numbered paragraph ("1.", "1.1.", "2)") is a task, its number as
  printed; "1.1" is a child of "1". Two paragraphs both numbered "5." stay two tasks (warned).
- Lines "a) Đơn vị chủ trì: …", "- Thời gian hoàn thành: …", "Sản phẩm dự kiến: …" fill the task's
  fields; an unnumbered line right after a field that opens with "(" or a small letter continues
  that field ("(Riêng việc rà soát … trước ngày 31/5/2021)").
- "a)", "-", "+" items and unnumbered paragraphs join the task above as content lines; one that
  carries its own deadline ("… hoàn thành trước ngày 31/5") is a child task.
- "Mục đích, yêu cầu" and "Tổ chức thực hiện" items are tasks only when they assign work with a
  deadline; "Kinh phí" never. Units and deadlines found inside the text ("Cơ quan chủ trì: …",
  "Thời gian thực hiện: …", "… hoàn thành trước ngày …") fill empty fields.
- A section heading cut by a page break ("IV. CÔNG TÁC … MỘT CỬA" | "LIÊN THÔNG") is joined.
- The officer may overrule any paragraph in the wizard ("không phải nhiệm vụ" / "là nhiệm vụ").

``recognise_plan`` combines this with the table recogniser: a document with both prose tasks and
a task or appendix table gives both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..core.errors import ImportFailed
from ..core.model import Schedule
from ..core.progress import NullProgress, Progress
from ..core.text import fold
from .document import DocumentGrid, Paragraph
from .grid import Grid
from .plan_table import (
    _plan_title,
    _uppercase_share,
    _year_from_deadlines,
    build_plan,
    commune_role,
    header_role,
    split_units,
)
from .reference import merge_reference, read_reference
from .result import (
    ColumnMapping,
    ImportedPlan,
    ImportedSection,
    ImportedTask,
    ImportWarning,
    PlanReference,
    ProseItem,
)

SHEET = "Văn bản"

_ROMAN = re.compile(r"^(?P<num>(XL|L?X{0,3})(IX|IV|V?I{0,3}))\s*[.:)\-–]?\s+(?P<title>\S.*)$")
_NUMBERED_STRICT = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*(?P<rest>\S.*)$")
_NUMBERED_SUB = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?P<rest>\S.*)$")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\s*[).]\s*(?P<rest>\S.*)$")
_BULLET = re.compile(r"^(?P<num>[-–—•+*·])\s*(?P<rest>\S.*)$")
_FIELD = re.compile(r"^(?P<label>[^:;]{3,60}?)\s*:\s*(?P<value>.*)$", re.S)
_SIGNATURE = re.compile(
    r"^(tm\.|kt\.|q\.|tuq\.|chu tich|pho chu tich|giam doc|pho giam doc|truong ban|chanh van phong|thu truong)"
)
_INLINE_DEADLINE = re.compile(
    r"(?:hoàn\s+thành|thực\s+hiện\s+xong|xong|báo\s+cáo|ban\s+hành|trình|nộp|gửi)\s*(?:,\s*)?"
    r"(?P<when>(?:trước|chậm\s+nhất|muộn\s+nhất|trong|vào)\s+(?:ngày|tháng|quý|năm|\d)[^.;)\n]*)",
    re.IGNORECASE,
)
_DATED = re.compile(  # "… báo cáo kết quả trước ngày 15/12/2026": a date, whatever verb comes before
    r"(?P<when>(?:trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót)\s+(?:ngày\s+)?\d{1,2}\s*(?:[/.-]\s*\d{1,2}|tháng)"
    r"[^.;)\n]*)",
    re.IGNORECASE,
)
_INLINE_FIELD = re.compile(
    r"(?P<label>(?:Cơ\s+quan|Đơn\s+vị)\s+chủ\s+trì|(?:Cơ\s+quan|Đơn\s+vị)\s+phối\s+hợp|"
    r"Thời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?|Sản\s+phẩm(?:\s+dự\s+kiến)?(?:\s+hoàn\s+thành)?)"
    r"\s*:\s*(?P<value>[^;\n]+?)(?=\s*(?:;|\.\s|\.$|$|\n))",
    re.IGNORECASE,
)
_FIELD_ROLES = ("lead", "coordinating", "deadline", "products")


@dataclass
class _Token:
    para: Paragraph
    kind: str  # heading | number | letter | bullet | text | field | end | appendix | title | table | basis
    number: str = ""
    text: str = ""
    role: str = ""  # for fields
    value: str = ""
    level: int = 0


def _field_of(text: str) -> tuple[str, str] | None:
    """ "Đơn vị chủ trì: Văn phòng sở." → ("lead", "Văn phòng sở.")."""
    m = _FIELD.match(text)
    if not m:
        return None
    label = m["label"].strip()
    if len(label.split()) > 7:
        return None
    role = header_role(label)
    if role in _FIELD_ROLES:
        return role, m["value"].strip()
    if role == "content" and fold(label).startswith(("noi dung", "nhiem vu")):
        return "content", m["value"].strip()
    return None


def _tokenise(paragraphs: Sequence[Paragraph]) -> list[_Token]:
    tokens: list[_Token] = []
    for p in paragraphs:
        text = p.text.strip()
        if p.table:
            tokens.append(_Token(p, "table", text=p.table))
            continue
        if not text:
            continue
        folded = fold(text)
        if folded.startswith("noi nhan"):
            tokens.append(_Token(p, "end", text=text))
            continue
        if folded.startswith("phu luc") and _uppercase_share(text[:8]) > 0.6:
            tokens.append(_Token(p, "appendix", text=text))
            continue
        if folded in ("ke hoach", "quyet dinh") and text[:8].isupper():
            tokens.append(_Token(p, "title", text=text))
            continue
        if _SIGNATURE.match(folded) and _uppercase_share(text) > 0.8 and len(text.split()) <= 8:
            tokens.append(_Token(p, "end", text=text))
            continue
        if folded.startswith(("can cu", "thuc hien ", "theo de nghi", "xet de nghi")):
            tokens.append(_Token(p, "basis", text=text))
            continue
        m = _ROMAN.match(text)
        if m and m["num"] and (_uppercase_share(m["title"]) >= 0.6 or len(m["title"]) < 40):
            tokens.append(_Token(p, "heading", number=m["num"], text=m["title"].strip()))
            continue
        stripped = text
        bullet = _BULLET.match(stripped)
        if bullet and not re.match(r"^[-–—]\s*\d", stripped):
            inner = bullet["rest"]
            letter = _LETTER.match(inner)
            candidate = letter["rest"] if letter else inner
            f = _field_of(candidate)
            if f:
                tokens.append(_Token(p, "field", role=f[0], value=f[1], text=text))
                continue
            tokens.append(_Token(p, "bullet", number="+" if bullet["num"] == "+" else "-", text=inner))
            continue
        letter = _LETTER.match(stripped)
        if letter:
            f = _field_of(letter["rest"])
            if f:
                tokens.append(_Token(p, "field", role=f[0], value=f[1], text=text))
                continue
            tokens.append(_Token(p, "letter", number=letter["num"], text=letter["rest"]))
            continue
        num = _NUMBERED_STRICT.match(stripped) or _NUMBERED_SUB.match(stripped)
        if num and not re.match(r"^\d{1,2}/\d", stripped):
            parts = num["num"].split(".")
            tokens.append(
                _Token(p, "number", number=".".join(str(int(x)) for x in parts), text=num["rest"], level=len(parts))
            )
            continue
        f = _field_of(stripped)
        if f and f[0] != "content":
            tokens.append(_Token(p, "field", role=f[0], value=f[1], text=text))
            continue
        tokens.append(_Token(p, "text", text=text))
    return tokens


def _section_kind(title: str) -> str:
    t = fold(title)
    if "kinh phi" in t or t.startswith(("can cu", "danh gia ket qua", "ket qua thuc hien")):
        return "none"
    if "muc dich" in t or "yeu cau" in t or "to chuc thuc hien" in t or "quan diem" in t:
        return "preamble"
    return "tasks"


@dataclass
class _Open:
    task: ImportedTask
    level: int
    para: Paragraph


@dataclass
class ProseResult:
    sections: list[ImportedSection] = field(default_factory=list)
    items: list[ProseItem] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    reference: PlanReference = field(default_factory=PlanReference)
    title: str = ""
    basis: list[str] = field(default_factory=list)
    table_sections: dict[str, tuple[str, str]] = field(default_factory=dict)
    task_paras: dict[int, Paragraph] = field(default_factory=dict)  # id(task) → paragraph

    def has_tasks(self) -> bool:
        return any(s.tasks for s in self.sections)


def _join(before: str, after: str) -> str:
    if not before:
        return after
    if not after:
        return before
    return f"{before}\n{after}"


def _inline_fields(task: ImportedTask, text: str) -> None:
    for m in _INLINE_FIELD.finditer(text):
        role = header_role(m["label"])
        value = m["value"].strip()
        if role == "lead" and not task.lead:
            task.lead = split_units(value)
        elif role == "coordinating" and not task.coordinating:
            task.coordinating = split_units(value)
        elif role == "deadline" and not task.deadline_text:
            task.deadline_text = value
        elif role == "products" and not task.products:
            task.products = value
    if not task.deadline_text:
        m = _INLINE_DEADLINE.search(text) or _DATED.search(text)
        if m:
            task.deadline_text = m["when"].strip().rstrip(",")


def _has_deadline(text: str) -> bool:
    return bool(_INLINE_DEADLINE.search(text) or _DATED.search(text)) or any(
        header_role(m["label"]) == "deadline" for m in _INLINE_FIELD.finditer(text)
    )


def read_prose(doc: DocumentGrid, overrides: Mapping[int, bool] | None = None) -> ProseResult:
    """Sections, tasks, reference and title of a document's running text."""
    overrides = dict(overrides or {})
    tokens = _tokenise(doc.paragraphs)
    result = ProseResult()
    # -- header and title block: everything before the first heading / basis line
    first_body = next((i for i, t in enumerate(tokens) if t.kind in ("heading", "basis")), len(tokens))
    header_end = next(
        (i for i, t in enumerate(tokens) if t.kind in ("heading", "basis", "table", "appendix", "end")), len(tokens)
    )
    header_lines = [t.para.text for t in tokens[:header_end]]
    # A decision issuing the plan ("QUYẾT ĐỊNH … Điều 1") is followed by the plan's own title
    # block; read both, the plan's "KẾ HOẠCH" block wins for the title.
    plan_title_at = next(
        (i for i, t in enumerate(tokens) if t.kind == "title" and fold(t.text) == "ke hoach" and i >= first_body), None
    )
    more: list[str] = []
    if plan_title_at is not None:
        for t in tokens[plan_title_at : plan_title_at + 8]:
            if t.kind in ("heading", "table"):
                break
            more.append(t.para.text)
    result.reference = read_reference(header_lines + more)
    # The plan's title as the table reader gives it, so a plan reads the same in every format.
    result.title = _plan_title([more, header_lines]) if result.reference.title else ""
    # -- the body
    section: ImportedSection | None = None
    kind = "none"
    stack: list[_Open] = []
    last_field: tuple[ImportedTask, str] | None = None
    closed = first_body >= len(tokens)
    body_started = False
    candidates: list[tuple[ImportedSection, ImportedTask, Paragraph, str]] = []  # preamble tasks
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok.kind == "basis" and not body_started:
            result.basis.append(tok.text)
            continue
        if tok.kind == "title":
            closed = True  # the decision's text ends; the plan's title block follows
            continue
        if tok.kind == "appendix":
            closed = True
            section = None
            stack = []
            continue
        if tok.kind == "end":
            closed = True
            stack = []
            continue
        if tok.kind == "table":
            if section is not None and not closed:
                result.table_sections[tok.text] = (section.number, section.title)
            continue
        if tok.kind == "heading":
            title = tok.text
            # a heading cut by a page break / repeated header: the next all-capital line joins it
            while (
                i < len(tokens)
                and tokens[i].kind == "text"
                and _uppercase_share(tokens[i].text) >= 0.9
                and title[-1:] not in ".:;"
                and len(tokens[i].text) < 120
            ):
                title = f"{title} {tokens[i].text}"
                i += 1
            section = ImportedSection(number=tok.number, title=title)
            kind = _section_kind(title)
            result.sections.append(section)
            stack = []
            last_field = None
            closed = False
            body_started = True
            continue
        if closed or section is None:
            continue
        para = tok.para
        label = f"{section.number}. {section.title}"
        forced = overrides.get(para.index)
        if tok.kind == "field":
            target = stack[-1].task if stack else None
            if target is None:
                continue
            _apply_field(target, tok.role, tok.value, result, para)
            last_field = (target, tok.role)
            continue
        if tok.kind == "text" and last_field is not None and (tok.text[:1] == "(" or tok.text[:1].islower()):
            _continue_field(*last_field, tok.text)
            continue
        last_field = None
        is_numbered = tok.kind == "number"
        own_deadline = _has_deadline(tok.text)
        if forced is None:
            make_task = (is_numbered and kind != "none") or (
                tok.kind in ("letter", "bullet", "text") and kind == "tasks" and own_deadline and bool(stack)
            )
        else:
            make_task = bool(forced)
        if make_task:
            number = tok.number if tok.kind != "text" else ""
            task = ImportedTask(number=number, content=tok.text, source_sheet=SHEET, source_row=para.index)
            result.task_paras[id(task)] = para
            _inline_fields(task, tok.text)
            level = tok.level if is_numbered else 99
            while stack and stack[-1].level >= level:
                stack.pop()
            if stack:
                stack[-1].task.children.append(task)
            else:
                section.tasks.append(task)
            stack.append(_Open(task, level, para))
            if kind == "preamble" and forced is None:
                candidates.append((section, task, para, label))
            result.items.append(ProseItem(para.index, para.page, number, tok.text, label, True))
            continue
        # content of the task above (or text of the section before its first task)
        if stack:
            target = stack[-1].task
            line = f"{tok.number}) {tok.text}" if tok.kind == "letter" else (
                f"{tok.number} {tok.text}" if tok.kind == "bullet" else tok.text
            )
            target.content = _join(target.content, line)
            _inline_fields(target, tok.text)
        if tok.kind != "text" or kind == "tasks":
            result.items.append(ProseItem(para.index, para.page, tok.number, tok.text, label, False))
    # Preamble items are tasks only when they assign work with a deadline.
    for section, task, para, _label in candidates:
        if _subtree_has_deadline(task):
            result.warnings.append(
                ImportWarning(
                    SHEET, para.index,
                    f"Đoạn '{task.number}' trong phần '{section.title}' giao việc có thời hạn; đã coi là nhiệm vụ.",
                    para.page,
                )
            )
            continue
        _remove(section, task)
        for item in result.items:
            if item.index == para.index:
                item.is_task = False
    result.sections = [s for s in result.sections if s.tasks]
    _check(result)
    return result


def _apply_field(task: ImportedTask, role: str, value: str, result: ProseResult, para: Paragraph) -> None:
    if role == "lead":
        task.lead.extend(u for u in split_units(value) if u not in task.lead)
    elif role == "coordinating":
        task.coordinating.extend(u for u in split_units(value) if u not in task.coordinating)
    elif role == "deadline":
        if task.deadline_text:
            result.warnings.append(
                ImportWarning(SHEET, para.index, "Nhiệm vụ có hai dòng thời hạn; đã ghép lại, hãy kiểm tra.", para.page)
            )
        task.deadline_text = _join(task.deadline_text, value)
    elif role == "products":
        task.products = _join(task.products, value) if task.products else value
    elif role == "content" and value:
        task.content = _join(task.content, value)


def _continue_field(task: ImportedTask, role: str, text: str) -> None:
    if role == "deadline":
        task.deadline_text = _join(task.deadline_text, text)
    elif role in ("lead", "coordinating"):
        units = task.lead if role == "lead" else task.coordinating
        units.extend(u for u in split_units(text) if u not in units)
    elif role == "products":
        task.products = f"{task.products} {text}".strip()
    else:
        task.content = _join(task.content, text)


def _subtree_has_deadline(task: ImportedTask) -> bool:
    return bool(task.deadline_text) or any(_subtree_has_deadline(c) for c in task.children)


def _remove(section: ImportedSection, task: ImportedTask) -> None:
    def drop(tasks: list[ImportedTask]) -> bool:
        for k, t in enumerate(tasks):
            if t is task:
                del tasks[k]
                return True
            if drop(t.children):
                return True
        return False

    drop(section.tasks)


def _check(result: ProseResult) -> None:
    def walk(tasks: list[ImportedTask], inherited: bool) -> None:
        counts = Counter(t.number for t in tasks if t.number and t.number not in ("-", "+"))
        for t in tasks:
            para = result.task_paras.get(id(t))
            page = para.page if para else None
            if t.number and counts[t.number] > 1:
                result.warnings.append(
                    ImportWarning(SHEET, t.source_row, f"Số thứ tự '{t.number}' bị trùng; đã giữ thành hai nhiệm vụ.", page)
                )
                counts[t.number] = 0
            has = inherited or bool(t.deadline_text)
            if not t.children and not has:
                result.warnings.append(ImportWarning(SHEET, t.source_row, "Nhiệm vụ chưa có thời hạn.", page))
            walk(t.children, has)

    for s in result.sections:
        walk(s.tasks, False)


# --------------------------------------------------------------------------- both together


def recognise_plan(
    grids: Sequence[Grid],
    year: int | None = None,
    mapping: ColumnMapping | Mapping[str, ColumnMapping] | None = None,
    source_file: str = "",
    progress: Progress | None = None,
    paragraph_overrides: Mapping[int, bool] | None = None,
) -> ImportedPlan:
    """The plan in a file's grids: its tables (shared recogniser) and, for documents, its prose."""
    progress = progress or NullProgress()
    doc = next((g for g in grids if isinstance(g, DocumentGrid)), None)
    tables = [g for g in grids if not isinstance(g, DocumentGrid)]
    if doc is None:
        return build_plan(tables, year=year, mapping=mapping, source_file=source_file, progress=progress)
    prose = read_prose(doc, paragraph_overrides)
    name = source_file.replace("\\", "/").rsplit("/", 1)[-1] or "tệp"
    plan_year = year or prose.reference.year
    table_plan: ImportedPlan | None = None
    table_problem: ImportFailed | None = None
    if tables:
        try:
            table_plan = build_plan(tables, year=plan_year, mapping=mapping, source_file=source_file,
                                    progress=progress)
        except ImportFailed as exc:
            if mapping:
                raise
            table_problem = exc
    if table_plan is None and not prose.has_tasks():
        if table_problem is not None and doc.kind == "docx" and not prose.sections and not prose.items:
            raise table_problem
        raise ImportFailed(
            f"Không tìm thấy nhiệm vụ nào trong tệp '{name}': không có bảng kế hoạch, cũng không có "
            "đoạn đánh số trong các mục của kế hoạch.",
            "Hãy kiểm tra đây đúng là kế hoạch (có mục II. Nội dung… với các nhiệm vụ đánh số 1., 2., …), "
            "hoặc xin tệp Word/Excel có bảng nhiệm vụ.",
        )
    warnings: list[ImportWarning] = []
    for _, note in doc.notes:
        warnings.append(ImportWarning(SHEET, None, note))
    if plan_year is None and table_plan is not None:
        plan_year = table_plan.year
    if plan_year is None:
        texts = [t.deadline_text for s in prose.sections for t in s.iter_tasks()]
        plan_year = _year_from_deadlines(texts)
        if plan_year is not None:
            warnings.append(ImportWarning("", None, f"Không thấy năm trong tên kế hoạch; lấy năm {plan_year} theo các thời hạn."))
    if plan_year is None:
        warnings.append(ImportWarning("", None, "Không xác định được năm của kế hoạch; hãy nhập năm."))
    _finish_tasks(prose, plan_year)
    sections = list(prose.sections)
    appendices: list[ImportedSection] = []
    reference = prose.reference
    title = prose.title
    mapping_used: dict[str, ColumnMapping] = {}
    if table_plan is not None:
        for sec in table_plan.sections:
            first = next(iter(sec.iter_tasks()), None)
            if not sec.title and first is not None and first.source_sheet in prose.table_sections:
                sec.number, sec.title = prose.table_sections[first.source_sheet]
        sections.extend(table_plan.sections)
        appendices = table_plan.appendices
        reference = merge_reference(reference, table_plan.reference)
        title = title or table_plan.title
        mapping_used = table_plan.mapping
        skip = "Không thấy năm trong tên kế hoạch"
        warnings.extend(
            _with_page(w, tables) for w in table_plan.warnings if not (w.message.startswith(skip) and prose.reference.year)
        )
    elif table_problem is not None and tables:
        warnings.append(ImportWarning(tables[0].name, None, "Có bảng trong văn bản nhưng không phải bảng nhiệm vụ; "
                                      "đã đọc nhiệm vụ từ các đoạn văn."))
    warnings = prose.warnings + warnings
    return ImportedPlan(
        title=title,
        year=plan_year,
        sections=sections,
        appendices=appendices,
        warnings=warnings,
        source_file=source_file,
        mapping=mapping_used,
        reference=reference,
        basis=prose.basis,
        paragraphs=prose.items,
    )


def _with_page(warning: ImportWarning, tables: Sequence[Grid]) -> ImportWarning:
    if warning.page is not None:
        return warning
    grid = next((g for g in tables if g.name == warning.sheet), None)
    page_of = getattr(grid, "page_of", None)
    page = page_of(warning.row) if page_of else None
    if page is None:
        return warning
    return ImportWarning(warning.sheet, warning.row, warning.message, page)


def _finish_tasks(prose: ProseResult, year: int | None) -> None:
    from ..core.schedule import parse_schedule

    parsed: dict[str, Schedule] = {"": Schedule(text="")}
    for section in prose.sections:
        for task in section.iter_tasks():
            text = task.deadline_text
            if text not in parsed:
                parsed[text] = parse_schedule(text, year)
            task.schedule = parsed[text]
            para = prose.task_paras.get(id(task))
            if text:
                short = text.replace("\n", " ")
                short = short if len(short) <= 60 else short[:59] + "…"
                for message in task.schedule.warnings:
                    prose.warnings.append(
                        ImportWarning(SHEET, task.source_row, f"Thời hạn “{short}”: {message}", para.page if para else None)
                    )
            task.commune_role = commune_role(task.lead, task.coordinating)
