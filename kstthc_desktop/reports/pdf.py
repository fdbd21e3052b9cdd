"""PDF rendering of report and plan documents with reportlab platypus, in the ND 30 frame.

reportlab is imported inside the functions (through ``rl.load()``, the fast way): the application
must not pay for it at start-up.
The file is written next to its target and renamed at the end, so a cancelled or failed run never
leaves half a PDF behind.
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from ..core.progress import NullProgress, Progress
from . import nd30, rl
from .content import Appendix, Block, Para, PlanDocContent, ReportContent, Table
from .fonts import pdf_face, register_pdf_fonts, text_width
from .formatting import normal_permissions
from .nd30 import CM, MM, STYLES, DocFrame, TextStyle

_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 4}
_SPACES = re.compile(r"  +")
# a table starts on a new page unless this much room is left (no header row stranded at the bottom)
_TABLE_MIN_ROOM = 4.5 * CM


def _markup(text: str) -> str:
    """User text → Paragraph markup: escaped, line breaks kept.

    (Not xml.sax.saxutils.escape: importing it pulls in urllib.request and costs ~15 ms.)
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    # runs of spaces are blanks to fill by hand ("Số:      /BC-UBND"): keep them, Paragraph would not
    return _SPACES.sub(lambda m: "\u00a0" * len(m.group()), text)


@cache
def _pstyle(name: str, align: str | None = None, bold: bool | None = None) -> Any:
    """reportlab ParagraphStyle for an nd30 style (optionally re-aligned or re-weighted)."""
    from reportlab.lib.styles import ParagraphStyle

    st: TextStyle = STYLES[name]
    is_bold = st.bold if bold is None else bold
    return ParagraphStyle(
        f"{name}-{align}-{bold}",
        fontName=pdf_face(is_bold, st.italic),
        fontSize=st.size,
        leading=st.size * st.leading,
        alignment=_ALIGN[align or st.align],
        firstLineIndent=st.first_indent_cm * CM,
        spaceBefore=st.space_before,
        spaceAfter=st.space_after,
        allowWidows=0,
        allowOrphans=0,
        keepWithNext=1 if name.startswith("heading") else 0,
    )


def _para(text: str, style: str, align: str | None = None, bold: bool | None = None) -> Any:
    return rl.paragraph_class()(_markup(text), _pstyle(style, align, bold))


def _rule_flowable(length: float, space_before: float = 1.0, space_after: float = 0.0) -> Any:
    """A solid horizontal line of ``length`` points, centred in the available width."""
    from reportlab.platypus import Flowable

    class Rule(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.length = length
            self.spaceBefore = space_before
            self.spaceAfter = space_after

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.avail = avail_width
            return avail_width, nd30.RULE_THICKNESS + 1

        def draw(self) -> None:
            x0 = (self.avail - min(self.length, self.avail)) / 2
            self.canv.setLineWidth(nd30.RULE_THICKNESS)
            self.canv.line(x0, nd30.RULE_THICKNESS, x0 + min(self.length, self.avail), nd30.RULE_THICKNESS)

    return Rule()


def _cell_table(rows: list[list[Any]], widths: list[float], extra: list[tuple] | None = None) -> Any:
    """A borderless layout table (header block, closing block)."""
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    t = RLTable(rows, colWidths=widths)
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), pdf_face()),  # else empty cells pull in Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *(extra or []),
            ]
        )
    )
    return t


def _header(frame: DocFrame, width: float) -> list[Any]:
    """Agency / Quốc hiệu block, number / place-date line, then type, trích yếu and its rule."""
    left_w = width * nd30.HEADER_LEFT_FRACTION
    right_w = width - left_w
    left: list[Any] = []
    if frame.parent_agency:
        left.append(_para(frame.parent_agency, "parent_agency"))
    left += [_para(line, "agency") for line in frame.agency_lines]
    agency_rule = nd30.rule_length(frame.agency_lines, STYLES["agency"], nd30.SHORT_RULE_FRACTION)
    left.append(_rule_flowable(agency_rule, space_before=2))
    right = [
        _para(nd30.QUOC_HIEU, "quoc_hieu"),
        _para(nd30.TIEU_NGU, "tieu_ngu"),
        _rule_flowable(nd30.rule_length([nd30.TIEU_NGU], STYLES["tieu_ngu"], 1.0), space_before=2),
    ]
    block = _cell_table(
        [[left, right], [_para(frame.number_line, "number"), _para(frame.place_date, "place_date")]],
        [left_w, right_w],
        [("TOPPADDING", (0, 1), (-1, 1), 6), ("VALIGN", (0, 1), (-1, 1), "BOTTOM")],
    )
    summary_style = STYLES["summary"]
    summary_len = min(text_width(frame.summary, summary_style.size, bold=True), width)
    marks: list[Any] = []
    if frame.marks:  # "DỰ THẢO", "DỮ LIỆU MẪU": boxed, top right, above everything
        text = " – ".join(frame.marks)
        w = text_width(text, STYLES["mark"].size, bold=True) + 12
        box = _cell_table([[_para(text, "mark", "center")]], [w],
                          [("BOX", (0, 0), (-1, -1), 1.0, (0, 0, 0)), ("TOPPADDING", (0, 0), (-1, -1), 2),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
        box.hAlign = "RIGHT"
        marks = [box]
    return [
        *marks,
        block,
        _para(frame.doc_type, "doc_type"),
        _para(frame.summary, "summary"),
        _rule_flowable(summary_len * nd30.SHORT_RULE_FRACTION, space_before=2, space_after=2),
    ]


def _closing(frame: DocFrame, width: float) -> Any:
    from reportlab.platypus import Spacer

    left = [_para(frame.recipients_title, "recipients_title")]
    left += [_para(line, "recipients") for line in frame.recipients]
    right = [_para(line, "sign_title") for line in frame.signature_titles]
    right.append(Spacer(1, nd30.SIGNATURE_SPACE))
    if frame.signer_name:
        right.append(_para(frame.signer_name, "sign_name"))
    left_w = width * nd30.CLOSING_LEFT_FRACTION
    t = _cell_table([[left, right]], [left_w, width - left_w])
    t.spaceBefore = 12
    return t


def _table(spec: Table, width: float) -> Any:
    """A ruled data table; header rows repeat on every page."""
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    head_style, cell_style = (
        ("table_small_header", "table_small_cell") if spec.small else ("table_header", "table_cell")
    )
    ncols = len(spec.widths)
    scale = width / sum(spec.widths)
    widths = [w * scale for w in spec.widths]
    data: list[list[Any]] = []
    for row in spec.header:
        data.append([_para(text, head_style) if text else "" for text in row])
    groups = set(spec.group_rows)
    bold_rows = set(spec.bold_rows)
    styles: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("FONTNAME", (0, 0), (-1, -1), pdf_face()),  # else empty cells pull in Helvetica
        ("VALIGN", (0, 0), (-1, spec.header_rows - 1), "MIDDLE"),
        ("VALIGN", (0, spec.header_rows), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for c0, r0, c1, r1 in spec.spans:
        styles.append(("SPAN", (c0, r0), (c1, r1)))
    for i, row in enumerate(spec.rows):
        r = i + spec.header_rows
        if i in groups:
            first = _para(row[0], cell_style, "center", True) if row[0] else ""
            rest = " ".join(x for x in row[1:] if x)
            data.append([first, _para(rest, cell_style, "left", True)] + [""] * (ncols - 2))
            if ncols > 2:
                styles.append(("SPAN", (1, r), (-1, r)))
            continue
        bold = True if i in bold_rows else None
        data.append(
            [_para(text, cell_style, spec.align[c], bold) if text else "" for c, text in enumerate(row)]
        )
    t = RLTable(data, colWidths=widths, repeatRows=spec.header_rows, splitByRow=1, splitInRow=1)
    t.setStyle(TableStyle(styles))
    t.spaceBefore = 3
    t.spaceAfter = 6
    return t


def _blocks(blocks: list[Block], width: float) -> list[Any]:
    from reportlab.platypus import CondPageBreak

    out: list[Any] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, Para):
            if isinstance(nxt, Table):  # the sentence introducing a table goes with it
                out.append(CondPageBreak(_TABLE_MIN_ROOM))
            out.append(_para(block.text, block.style))
        else:
            if i == 0 or not isinstance(blocks[i - 1], Para):
                out.append(CondPageBreak(_TABLE_MIN_ROOM))
            out.append(_table(block, width))
    return out


def _appendix(ap: Appendix, portrait_w: float, landscape_w: float) -> list[Any]:
    from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

    width = landscape_w if ap.landscape else portrait_w
    out: list[Any] = [NextPageTemplate("landscape" if ap.landscape else "portrait"), PageBreak()]
    if ap.corner:
        left = [_para(ap.label, "appendix_label", "left")]
        if ap.basis:
            left.append(_para(ap.basis, "form_basis"))
        right = [_para(line, "corner") for line in ap.corner]
        out.append(_cell_table([[left, right]], [width * 0.55, width * 0.45]))
        out.append(Spacer(1, 6))
    else:
        out.append(_para(ap.label, "appendix_label"))
    out += [_para(line, "appendix_title") for line in ap.title]
    out += [_para(line, "appendix_subtitle") for line in ap.subtitle]
    if not ap.corner:
        out.append(_rule_flowable(width * 0.15, space_before=5, space_after=4))
    if ap.unit:
        out.append(_para(ap.unit, "appendix_subtitle", "right"))
    out.append(Spacer(1, 4))
    out += _blocks(ap.blocks, width)
    out += _blocks(ap.after, width) if ap.after else []
    return out


def _estimate_pages(body: list[Block], appendices: list[Appendix]) -> int:
    rows = sum(len(b.rows) for b in body if isinstance(b, Table))
    rows += sum(len(b.rows) for ap in appendices for b in ap.blocks if isinstance(b, Table))
    paras = sum(1 for b in body if isinstance(b, Para))
    return max(1, 1 + paras // 12 + rows // 10 + len(appendices))


def _render(
    frame: DocFrame,
    body: list[Block],
    appendices: list[Appendix],
    path: str | os.PathLike[str],
    progress: Progress | None,
) -> Path:
    rl.load()
    from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate

    register_pdf_fonts()
    progress = progress or NullProgress()
    estimate = _estimate_pages(body, appendices)
    progress.report(0, estimate, "Đang chuẩn bị nội dung…")
    portrait, landscape = nd30.PORTRAIT, nd30.LANDSCAPE

    def template(tid: str, geo: nd30.PageGeometry) -> Any:
        size = (geo.width_mm * MM, geo.height_mm * MM)
        f = Frame(
            geo.left_mm * MM,
            geo.bottom_mm * MM,
            geo.text_width_mm * MM,
            geo.text_height_mm * MM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=tid,
        )

        def on_page(canvas: Any, doc: Any) -> None:
            progress.report(min(doc.page, estimate), max(estimate, doc.page + 1), "Đang dàn trang…")
            if doc.page < 2:  # ND 30: no number on the first page
                return
            st = STYLES["page_number"]
            canvas.saveState()
            canvas.setFont(pdf_face(), st.size)
            x = (geo.left_mm + geo.text_width_mm / 2) * MM
            y = size[1] - geo.top_mm * MM / 2 - st.size * 0.35
            canvas.drawCentredString(x, y, str(doc.page))
            canvas.restoreState()

        return PageTemplate(id=tid, frames=[f], onPage=on_page, pagesize=size)

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=target.parent)
    os.close(fd)
    try:
        doc = BaseDocTemplate(
            tmp_name,
            pagesize=(portrait.width_mm * MM, portrait.height_mm * MM),
            leftMargin=portrait.left_mm * MM,
            rightMargin=portrait.right_mm * MM,
            topMargin=portrait.top_mm * MM,
            bottomMargin=portrait.bottom_mm * MM,
            title=frame.title,
            author=frame.author,
            subject=frame.summary,
            creator="KSTTHC Desktop",
            keywords=frame.keywords,
            lang="vi-VN",
            initialFontName=pdf_face(),
            initialFontSize=STYLES["body"].size,
            pageTemplates=[template("portrait", portrait), template("landscape", landscape)],
        )
        width = portrait.text_width_mm * MM
        story: list[Any] = _header(frame, width)
        flow = _blocks(body, width)
        closing = _closing(frame, width)
        # the signature never stands alone on a page: keep it with the last paragraph
        if flow and not isinstance(body[-1], Table):
            story += flow[:-1]
            story.append(KeepTogether([flow[-1], closing]))
        else:
            story += flow
            story.append(KeepTogether([closing]))
        for ap in appendices:
            story += _appendix(ap, width, landscape.text_width_mm * MM)
        doc.build(story)
        normal_permissions(tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    progress.report(estimate, estimate, "Đã xong.")
    return target


def render_report_pdf(
    content: ReportContent, path: str | os.PathLike[str], progress: Progress | None = None
) -> Path:
    """Write the period report as a PDF; returns the path written."""
    return _render(content.frame, content.body, content.appendices, path, progress)


def render_plan_pdf(
    content: PlanDocContent, path: str | os.PathLike[str], progress: Progress | None = None
) -> Path:
    """Write the office's plan document (with its landscape Phụ lục) as a PDF."""
    return _render(content.frame, content.body, content.appendices, path, progress)
