"""DOCX rendering of report and plan documents with python-docx, in the same ND 30 frame as the PDF.

The officer often finishes a report in Word, so the file uses real Word features: section page
setup, a PAGE field in a "different first page" header, repeated table header rows, borderless
layout tables and paragraph borders for the rules. The font is always named "Times New Roman"
(Word on Windows has it), with the East Asian and complex-script slots set as well.
python-docx is imported inside the functions: start-up must not pay for it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from . import nd30
from .content import Appendix, Block, Para, PlanDocContent, ReportContent, Table
from .fonts import text_width
from .formatting import normal_permissions
from .nd30 import STYLES, DocFrame, PageGeometry, TextStyle

FONT_NAME = "Times New Roman"
_SINGLE = 1.15  # Word's "single" line height for Times New Roman, as a multiple of the size


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _el(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(_qn(key), value)
    return el


_TBLPR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)


def _set_tblpr(tblpr: Any, el: Any) -> None:
    """Put ``el`` into tblPr replacing its namesake, in schema order (Word rejects other orders)."""
    tag = el.tag
    for old in tblpr.findall(tag):
        tblpr.remove(old)
    names = [_qn(t) for t in _TBLPR_ORDER]
    later = names[names.index(tag) + 1 :] if tag in names else []
    for child in tblpr:
        if child.tag in later:
            child.addprevious(el)
            return
    tblpr.append(el)


def _set_run_fonts(rpr: Any) -> None:
    rfonts = rpr.find(_qn("w:rFonts"))
    if rfonts is None:
        rfonts = _el("w:rFonts")
        rpr.insert(0, rfonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(_qn(slot), FONT_NAME)


def _setup_styles(doc: Any) -> None:
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    _set_run_fonts(rpr)
    lang = _el("w:lang", **{"w:val": "vi-VN", "w:eastAsia": "vi-VN", "w:bidi": "ar-SA"})
    rpr.append(lang)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    # the document defaults too, so tables and headers inherit the font
    defaults = doc.styles.element.find(_qn("w:docDefaults"))
    if defaults is not None:
        drpr = defaults.find(_qn("w:rPrDefault"))
        if drpr is not None and drpr.find(_qn("w:rPr")) is not None:
            _set_run_fonts(drpr.find(_qn("w:rPr")))
    for name in ("Header", "Footer", "Table Grid"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.font.name = FONT_NAME
        _set_run_fonts(style.element.get_or_add_rPr())


def _page_setup(section: Any, geo: PageGeometry) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if geo.width_mm > geo.height_mm else WD_ORIENT.PORTRAIT
    section.page_width = Mm(geo.width_mm)
    section.page_height = Mm(geo.height_mm)
    section.top_margin = Mm(geo.top_mm)
    section.bottom_margin = Mm(geo.bottom_mm)
    section.left_margin = Mm(geo.left_mm)
    section.right_margin = Mm(geo.right_mm)
    section.header_distance = Mm(geo.top_mm / 2 - 3)
    section.footer_distance = Mm(geo.bottom_mm / 2)


def _add_page_field(paragraph: Any) -> None:
    """PAGE field (complex field runs, as Word writes it)."""
    from docx.shared import Pt

    def run_with(el: Any) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(STYLES["page_number"].size)
        run._r.append(el)

    run_with(_el("w:fldChar", **{"w:fldCharType": "begin"}))
    instr = _el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    run_with(instr)
    run_with(_el("w:fldChar", **{"w:fldCharType": "separate"}))
    run = paragraph.add_run("2")
    run.font.size = Pt(STYLES["page_number"].size)
    run_with(_el("w:fldChar", **{"w:fldCharType": "end"}))


def _page_numbers(section: Any) -> None:
    """Number centred in the top margin from page 2; page 1 gets an empty first-page header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(p)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].text = ""


class _Writer:
    """Adds ND 30 styled paragraphs and tables to a document or a table cell."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc

    # paragraphs --------------------------------------------------------------------------------

    def para(
        self,
        container: Any,
        text: str,
        style: str,
        align: str | None = None,
        bold: bool | None = None,
        reuse_first: bool = False,
    ) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        st: TextStyle = STYLES[style]
        p = _new_paragraph(container, reuse_first)
        p.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        }[align or st.align]
        pf = p.paragraph_format
        pf.space_before = Pt(st.space_before)
        pf.space_after = Pt(st.space_after)
        pf.line_spacing = round(st.leading / _SINGLE, 2) if st.leading > _SINGLE else 1.0
        if st.first_indent_cm:
            pf.first_line_indent = Cm(st.first_indent_cm)
        lines = text.split("\n")
        run = p.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
        if "  " in text:  # blanks to fill by hand ("Số:      /BC-UBND") must survive
            for t in run._r.findall(_qn("w:t")):
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.font.size = Pt(st.size)
        run.font.bold = st.bold if bold is None else bold
        run.font.italic = st.italic
        # the paragraph mark takes the same size, so empty lines keep their height
        mark = p._p.get_or_add_pPr()
        rpr = mark.find(_qn("w:rPr"))
        if rpr is None:
            rpr = _el("w:rPr")
            mark.append(rpr)
        rpr.append(_el("w:sz", **{"w:val": str(int(st.size * 2))}))
        return p

    def rule(self, container: Any, length_pt: float, width_pt: float, reuse_first: bool = False) -> Any:
        """A centred solid line ``length_pt`` long: a tiny empty paragraph with a bottom border."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.shared import Pt

        p = _new_paragraph(container, reuse_first)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        side = max(0.0, (width_pt - length_pt) / 2)
        pf = p.paragraph_format
        pf.left_indent = Pt(side)
        pf.right_indent = Pt(side)
        pf.space_before = Pt(0)
        pf.space_after = Pt(2)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(3)
        ppr = p._p.get_or_add_pPr()
        borders = _el("w:pBdr")
        borders.append(
            _el("w:bottom", **{"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"})
        )
        # pBdr must come before spacing/indent/jc in CT_PPr order
        anchor = None
        for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
            anchor = ppr.find(_qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(borders)
        else:
            ppr.append(borders)
        rpr = _el("w:rPr")
        rpr.append(_el("w:sz", **{"w:val": "4"}))
        ppr.append(rpr)
        return p

    # tables ------------------------------------------------------------------------------------

    @staticmethod
    def _fix_widths(table: Any, widths_pt: list[float]) -> None:
        from docx.shared import Pt

        tbl = table._tbl
        tblpr = tbl.tblPr
        _set_tblpr(tblpr, _el("w:tblLayout", **{"w:type": "fixed"}))
        _set_tblpr(tblpr, _el("w:tblW", **{"w:w": str(int(sum(widths_pt) * 20)), "w:type": "dxa"}))
        for col, w in zip(table.columns, widths_pt, strict=True):
            col.width = Pt(w)
        for row in table.rows:
            for cell, w in zip(row.cells, widths_pt, strict=False):
                cell.width = Pt(w)

    @staticmethod
    def _borderless(table: Any, pad_pt: float = 0.0) -> None:
        tblpr = table._tbl.tblPr
        borders = _el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(_el(f"w:{side}", **{"w:val": "nil"}))
        _set_tblpr(tblpr, borders)
        margins = _el("w:tblCellMar")
        for side in ("left", "right"):
            margins.append(_el(f"w:{side}", **{"w:w": str(int(pad_pt * 20)), "w:type": "dxa"}))
        _set_tblpr(tblpr, margins)

    def layout_table(self, rows: int, widths_pt: list[float]) -> Any:
        table = self.doc.add_table(rows=rows, cols=len(widths_pt))
        self._borderless(table)
        self._fix_widths(table, widths_pt)
        return table

    def data_table(self, spec: Table, width_pt: float) -> Any:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

        head_style, cell_style = (
            ("table_small_header", "table_small_cell") if spec.small else ("table_header", "table_cell")
        )
        ncols = len(spec.widths)
        scale = width_pt / sum(spec.widths)
        widths = [w * scale for w in spec.widths]
        blocks = [el for el in self.doc.element.body if not el.tag.endswith("}sectPr")]
        if blocks and blocks[-1].tag.endswith("}p"):  # the sentence introducing the table stays with it
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=spec.header_rows + len(spec.rows), cols=ncols)
        try:
            table.style = self.doc.styles["Table Grid"]
        except KeyError:
            pass
        self._fix_widths(table, widths)
        rows = list(table.rows)
        for r, texts in enumerate(spec.header):
            tr = rows[r]._tr
            trpr = tr.get_or_add_trPr()
            trpr.append(_el("w:cantSplit"))
            trpr.append(_el("w:tblHeader"))  # repeated at the top of every page
            cells = rows[r].cells
            for c, text in enumerate(texts):
                if text:
                    self.para(cells[c], text, head_style, reuse_first=True)
                cells[c].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        groups, bold_rows = set(spec.group_rows), set(spec.bold_rows)
        for i, texts in enumerate(spec.rows):
            row = rows[spec.header_rows + i]
            if i in groups or sum(len(t) for t in texts) < 400:  # a long row may split across pages
                row._tr.get_or_add_trPr().append(_el("w:cantSplit"))
            cells = row.cells
            if i in groups:
                if texts[0]:
                    self.para(cells[0], texts[0], cell_style, "center", True, reuse_first=True)
                merged = cells[1].merge(cells[-1]) if ncols > 2 else cells[1]
                self.para(
                    merged, " ".join(t for t in texts[1:] if t), cell_style, "left", True, reuse_first=True
                )
                continue
            bold = True if i in bold_rows else None
            for c, text in enumerate(texts):
                if text:
                    self.para(cells[c], text, cell_style, spec.align[c], bold, reuse_first=True)
        # header rows, section rows and the first task row never end a page on their own
        sticky = set(range(spec.header_rows)) | {spec.header_rows + g for g in groups} | {spec.header_rows}
        for r in sticky:
            if r < len(rows) - 1:
                for cell in rows[r].cells:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = True
        for c0, r0, c1, r1 in spec.spans:
            merged = table.cell(r0, c0).merge(table.cell(r1, c1))
            # merging concatenates paragraphs: keep the first non-empty one
            for extra in merged.paragraphs[1:]:
                if not extra.text:
                    extra._p.getparent().remove(extra._p)
        self.para(self.doc, "", "table_cell")  # Word needs a paragraph between tables
        return table


def _width_pt(geo: PageGeometry) -> float:
    return geo.text_width_mm * nd30.MM


def _header(w: _Writer, frame: DocFrame) -> None:
    width = _width_pt(nd30.PORTRAIT)
    if frame.marks:  # "DỰ THẢO", "DỮ LIỆU MẪU": boxed, top right, above everything
        text = " – ".join(frame.marks)
        mark_w = text_width(text, STYLES["mark"].size, bold=True) + 12
        box = w.layout_table(1, [mark_w])
        from docx.enum.table import WD_TABLE_ALIGNMENT

        box.alignment = WD_TABLE_ALIGNMENT.RIGHT
        w.para(box.cell(0, 0), text, "mark", "center", reuse_first=True)
        tcpr = box.cell(0, 0)._tc.get_or_add_tcPr()
        borders = _el("w:tcBorders")
        for side in ("top", "left", "bottom", "right"):
            borders.append(_el(f"w:{side}", **{"w:val": "single", "w:sz": "8", "w:space": "0", "w:color": "000000"}))
        tcpr.append(borders)
    left_w = width * nd30.HEADER_LEFT_FRACTION
    table = w.layout_table(2, [left_w, width - left_w])
    left, right = table.cell(0, 0), table.cell(0, 1)
    first = True
    if frame.parent_agency:
        w.para(left, frame.parent_agency, "parent_agency", reuse_first=True)
        first = False
    for line in frame.agency_lines:
        w.para(left, line, "agency", reuse_first=first)
        first = False
    agency = STYLES["agency"]
    longest = max((text_width(line, agency.size, bold=True) for line in frame.agency_lines), default=0.0)
    w.rule(left, longest * nd30.SHORT_RULE_FRACTION, left_w)
    w.para(right, nd30.QUOC_HIEU, "quoc_hieu", reuse_first=True)
    w.para(right, nd30.TIEU_NGU, "tieu_ngu")
    w.rule(right, text_width(nd30.TIEU_NGU, STYLES["tieu_ngu"].size, bold=True), width - left_w)
    from docx.shared import Pt

    p = w.para(table.cell(1, 0), frame.number_line, "number", reuse_first=True)
    p.paragraph_format.space_before = Pt(6)
    p = w.para(table.cell(1, 1), frame.place_date, "place_date", reuse_first=True)
    p.paragraph_format.space_before = Pt(6)
    w.para(w.doc, frame.doc_type, "doc_type")
    w.para(w.doc, frame.summary, "summary")
    summary = STYLES["summary"]
    length = min(text_width(frame.summary, summary.size, bold=True), width) * nd30.SHORT_RULE_FRACTION
    w.rule(w.doc, length, width)


def _closing(w: _Writer, frame: DocFrame) -> None:
    from docx.shared import Pt

    width = _width_pt(nd30.PORTRAIT)
    left_w = width * nd30.CLOSING_LEFT_FRACTION
    w.para(w.doc, "", "recipients").paragraph_format.keep_with_next = True
    table = w.layout_table(1, [left_w, width - left_w])
    table.rows[0]._tr.get_or_add_trPr().append(_el("w:cantSplit"))
    left, right = table.cell(0, 0), table.cell(0, 1)
    w.para(
        left, frame.recipients_title, "recipients_title", reuse_first=True
    ).paragraph_format.keep_with_next = True
    for line in frame.recipients:
        w.para(left, line, "recipients").paragraph_format.keep_with_next = True
    first = True
    for line in frame.signature_titles:
        w.para(right, line, "sign_title", reuse_first=first).paragraph_format.keep_with_next = True
        first = False
    if frame.signer_name:
        p = w.para(right, frame.signer_name, "sign_name", reuse_first=first)
        p.paragraph_format.space_before = Pt(nd30.SIGNATURE_SPACE)


def _blocks(w: _Writer, blocks: list[Block], geo: PageGeometry) -> None:
    for block in blocks:
        if isinstance(block, Para):
            p = w.para(w.doc, block.text, block.style)
            if block.style.startswith("heading"):
                p.paragraph_format.keep_with_next = True
        else:
            w.data_table(block, _width_pt(geo))


def _appendix(w: _Writer, ap: Appendix) -> None:
    from docx.enum.section import WD_SECTION

    geo = nd30.LANDSCAPE if ap.landscape else nd30.PORTRAIT
    section = w.doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(section, geo)
    section.different_first_page_header_footer = False  # its first page is not page 1
    width = _width_pt(geo)
    if ap.corner:
        table = w.layout_table(1, [width * 0.55, width * 0.45])
        w.para(table.cell(0, 0), ap.label, "appendix_label", "left", reuse_first=True)
        if ap.basis:
            w.para(table.cell(0, 0), ap.basis, "form_basis")
        first = True
        for line in ap.corner:
            w.para(table.cell(0, 1), line, "corner", reuse_first=first)
            first = False
    else:
        w.para(w.doc, ap.label, "appendix_label")
    for line in ap.title:
        w.para(w.doc, line, "appendix_title")
    for line in ap.subtitle:
        w.para(w.doc, line, "appendix_subtitle")
    if not ap.corner:
        w.rule(w.doc, width * 0.15, width)
    if ap.unit:
        w.para(w.doc, ap.unit, "appendix_subtitle", "right")
    _blocks(w, ap.blocks, geo)
    if ap.after:
        _blocks(w, ap.after, geo)


def _render(
    frame: DocFrame, body: list[Block], appendices: list[Appendix], path: str | os.PathLike[str]
) -> Path:
    from docx import Document

    doc = Document()
    _setup_styles(doc)
    props = doc.core_properties
    props.title = frame.title
    props.author = frame.author
    props.subject = frame.summary
    props.language = "vi-VN"
    section = doc.sections[0]
    _page_setup(section, nd30.PORTRAIT)
    _page_numbers(section)
    # python-docx starts with one empty paragraph in some templates: drop it
    for p in list(doc.paragraphs):
        if not p.text:
            p._p.getparent().remove(p._p)
    w = _Writer(doc)
    _header(w, frame)
    _blocks(w, body, nd30.PORTRAIT)
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _closing(w, frame)
    for ap in appendices:
        _appendix(w, ap)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".docx", dir=target.parent)
    os.close(fd)
    try:
        doc.save(tmp_name)
        normal_permissions(tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def render_report_docx(content: ReportContent, path: str | os.PathLike[str]) -> Path:
    """Write the period report as a Word document; returns the path written."""
    return _render(content.frame, content.body, content.appendices, path)


def render_plan_docx(content: PlanDocContent, path: str | os.PathLike[str]) -> Path:
    """Write the office's plan document (with its landscape Phụ lục) as a Word document."""
    return _render(content.frame, content.body, content.appendices, path)


def _new_paragraph(container: Any, reuse_first: bool) -> Any:
    """A fresh paragraph; a new table cell's own empty paragraph is reused instead of adding one."""
    if reuse_first and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
        return container.paragraphs[0]
    return container.add_paragraph()
