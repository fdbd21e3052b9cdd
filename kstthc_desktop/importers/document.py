"""The running text of a whole document (.docx or PDF) beside its tables, as grids.

A plan arrives as the document itself: header block, title, "Căn cứ…", prose sections whose
numbered paragraphs are the tasks, "Nơi nhận", signature, appendix tables. The table grids go to
the shared table recogniser (plan_table.py) exactly like a spreadsheet's sheets; the paragraphs
travel beside them in one ``DocumentGrid`` (one paragraph per row) so the wizard's two-step
preview (read grids on a worker, recognise them, maybe again) works unchanged. Tables that only
lay out the header or the signature block (borderless two-column tables) are folded into the
paragraphs: they are not plan tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.progress import Progress
from ..core.text import clean, fold
from .grid import Grid, _check_area, _docx_table, _fill_spans
from .legacy import fix_legacy

DOCUMENT_GRID_NAME = "Văn bản"


@dataclass
class Paragraph:
    """One paragraph of running text; ``index`` is 1-based in reading order, ``page`` 1-based (PDF)."""

    index: int
    text: str
    page: int | None = None
    centered: bool = False
    table: str = ""  # set on a marker paragraph standing where a table sits in the flow


@dataclass
class DocumentGrid(Grid):
    """The document's running text: row i is paragraph i + 1 (a table marker has its name)."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    kind: str = "docx"  # "docx" | "pdf"


@dataclass
class PagedGrid(Grid):
    """A table read from a PDF: ``pages[i]`` is the page of row i (a table may span pages)."""

    pages: list[int] = field(default_factory=list)

    def page_of(self, row: int | None) -> int | None:
        """The page of a 1-based row (as in warnings), None when unknown."""
        if row is None or not (1 <= row <= len(self.pages)):
            return None
        return self.pages[row - 1]


def make_document_grid(paragraphs: list[Paragraph], kind: str) -> DocumentGrid:
    return DocumentGrid(
        name=DOCUMENT_GRID_NAME,
        rows=[[p.table or p.text] for p in paragraphs],
        paragraphs=paragraphs,
        kind=kind,
    )


# --------------------------------------------------------------------------- layout tables

_LAYOUT_WORDS = ("cong hoa xa hoi", "doc lap - tu do", "doc lap – tu do", "noi nhan", "so:", "tm.", "kt.")


def is_layout_table(rows: list[list[str]]) -> bool:
    """A borderless table that only places the header or signature block (never a plan table)."""
    from .plan_table import detect_mapping

    if len(rows) > 8:
        return False
    text = fold(" ".join(" ".join(r) for r in rows))
    if not any(word in text for word in _LAYOUT_WORDS):
        return False
    return detect_mapping(Grid(name="", rows=rows)) is None


def layout_lines(rows: list[list[str]]) -> list[str]:
    """The text of a layout table in reading order: each distinct cell top to bottom, left first."""
    lines: list[str] = []
    width = max((len(r) for r in rows), default=0)
    for col in range(width):
        seen = None
        for row in rows:
            text = row[col] if col < len(row) else ""
            if text and text != seen:
                lines.extend(line for line in text.split("\n") if line.strip())
            seen = text
    return lines


# --------------------------------------------------------------------------- docx

_ROMAN_DIGITS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN_DIGITS:
        while n >= value:
            out += digits
            n -= value
    return out


def _format_number(fmt: str, n: int) -> str:
    if fmt == "lowerLetter":
        return _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)
    if fmt == "upperLetter":
        return _LETTERS[(n - 1) % 26].upper() * ((n - 1) // 26 + 1)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


class _Numbering:
    """Word's automatic list numbers ("1.", "a)", "–"), which the paragraph text does not hold.

    Plans typed with Word's numbering buttons carry their task numbers only in numbering.xml; the
    prose reader needs them, so they are rendered here with their counters (a level restarts when
    a level above it moves on).
    """

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (fmt, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = getattr(part, "element", None)  # a damaged numbering part loads as a plain Part (no XML)
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iterchildren(qn("w:abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iterchildren(qn("w:lvl")):
                ilvl = _int(lvl.get(qn("w:ilvl")), 0)
                fmt = _val(lvl, qn("w:numFmt"), qn) or "decimal"
                text = _val(lvl, qn("w:lvlText"), qn) or ""
                start = _int(_val(lvl, qn("w:start"), qn), 1)
                levels[ilvl] = (fmt, text, start)
            abstract[an.get(qn("w:abstractNumId")) or ""] = levels
        for num in root.iterchildren(qn("w:num")):
            ref = _val(num, qn("w:abstractNumId"), qn) or ""
            self.levels[num.get(qn("w:numId")) or ""] = abstract.get(ref, {})
        for style in document.styles.element.iterchildren(qn("w:style")):
            ppr = style.find(qn("w:pPr"))
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if numpr is not None:
                num_id = _val(numpr, qn("w:numId"), qn)
                if num_id:
                    self.style_num[style.get(qn("w:styleId")) or ""] = (num_id, _int(_val(numpr, qn("w:ilvl"), qn), 0))

    def label(self, p: Any) -> str:
        """The number Word shows before paragraph ``p`` ("" when it has none)."""
        qn = self.qn
        if not self.levels:
            return ""
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            return ""
        numpr = ppr.find(qn("w:numPr"))
        num_id, ilvl = None, 0
        if numpr is not None:
            num_id = _val(numpr, qn("w:numId"), qn)
            ilvl = _int(_val(numpr, qn("w:ilvl"), qn), 0)
        else:
            style = _val(ppr, qn("w:pStyle"), qn)
            if style in self.style_num:
                num_id, ilvl = self.style_num[style]
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        fmt, text, _start = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels.get(ilvl, ("", "", 1))[2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "-"

        def repl(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            level_fmt, _text, start = levels.get(k, ("decimal", "", 1))
            return _format_number(level_fmt, counters.get(k, start))

        return re.sub(r"%(\d)", repl, text)


def _val(elem: Any, tag: str, qn: Any) -> str | None:
    child = elem.find(tag)
    return None if child is None else child.get(qn("w:val"))


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default



def read_docx_document(path: Path, progress: Progress) -> list[Grid]:
    """Every table of a .docx as a grid (as the table reader always gave) + the running text."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph as DocxParagraph

    with path.open("rb") as fh:
        document = docx.Document(fh)
    body = document.element.body
    w_p, w_tbl, w_sdt, w_content = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
    w_jc, w_ppr = qn("w:jc"), qn("w:pPr")

    def blocks(parent: Any) -> Iterable[Any]:
        for child in parent.iterchildren():
            if child.tag == w_sdt:
                for content in child.iterchildren(w_content):
                    yield from blocks(content)
            elif child.tag in (w_p, w_tbl):
                yield child

    def centered(p: Any) -> bool:
        ppr = p.find(w_ppr)
        jc = ppr.find(w_jc) if ppr is not None else None
        return jc is not None and jc.get(qn("w:val")) == "center"

    numbering = _Numbering(document)
    all_blocks = list(blocks(body))
    total = sum(1 for b in all_blocks if b.tag == w_tbl)
    grids: list[Grid] = []
    paragraphs: list[Paragraph] = []
    pending: list[str] = []
    cells_seen = 0
    table_no = 0

    def add_para(text: str, is_centered: bool = False, table: str = "") -> None:
        for line in text.split("\n") if not table else [table]:
            if line.strip() or table:
                paragraphs.append(Paragraph(len(paragraphs) + 1, line.strip(), None, is_centered, table))

    for block in all_blocks:
        if block.tag == w_p:
            text = clean(fix_legacy(DocxParagraph(block, document).text)[0])
            if text and len(pending) < 2000:
                pending.extend(text.split("\n"))
            if text and len(paragraphs) < 20_000:
                label = numbering.label(block)  # Word's automatic "1." / "a)": only the prose needs it
                add_para(f"{label} {text}" if label else text, centered(block))
            continue
        table_no += 1
        progress.report(table_no - 1, max(total, 1), f"Đang đọc bảng {table_no}")
        name = f"Bảng {table_no}"
        rows, spans, log = _docx_table(block, document)
        cells_seen += sum(len(r) for r in rows)
        _check_area(path.name, name, 1, cells_seen)
        spans = _fill_spans(rows, spans)
        if is_layout_table(rows):
            lines = layout_lines(rows)
            pending.extend(lines)
            for line in lines:
                add_para(line)
            continue
        grids.append(Grid(name=name, rows=rows, spans=spans, title_lines=pending, notes=log.notes()))
        add_para("", table=name)
        pending = []
    grids.append(make_document_grid(paragraphs, "docx"))
    return grids
