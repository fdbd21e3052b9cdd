from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from kstthc_desktop.reports.content import build_plan_document
from kstthc_desktop.reports.docx import render_plan_docx, render_report_docx

from . import sample

TOL = Mm(0.2)


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    content = sample.report(
        "2026-Q1",
        number="5",
        on=date(2026, 2, 5),
        statistics_rows=sample.statistics_rows(),
    )
    path = render_report_docx(content, tmp_path_factory.mktemp("docx") / "bao-cao.docx")
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    content = build_plan_document(sample.office(), sample.plan(), sample.sections(), sample.tasks())
    path = render_plan_docx(content, tmp_path_factory.mktemp("docx") / "ke-hoach.docx")
    return docx.Document(str(path))


def _all_text(doc: docx.document.Document) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def test_sections_page_setup(report_docx: docx.document.Document, plan_docx: docx.document.Document) -> None:
    for doc in (report_docx, plan_docx):
        first, *rest = doc.sections
        assert first.orientation == WD_ORIENT.PORTRAIT
        assert abs(first.page_width - Mm(210)) < TOL and abs(first.page_height - Mm(297)) < TOL
        assert abs(first.top_margin - Mm(20)) < TOL and abs(first.bottom_margin - Mm(20)) < TOL
        assert abs(first.left_margin - Mm(30)) < TOL and abs(first.right_margin - Mm(15)) < TOL
        assert rest, "the wide table gets its own section"
        last = rest[-1]
        assert last.orientation == WD_ORIENT.LANDSCAPE
        assert abs(last.page_width - Mm(297)) < TOL and abs(last.page_height - Mm(210)) < TOL
        assert abs(last.left_margin - Mm(30)) < TOL


def test_header_texts(report_docx: docx.document.Document) -> None:
    header = report_docx.tables[0]
    left = header.cell(0, 0).text
    right = header.cell(0, 1).text
    assert "UBND TỈNH HẢI DƯƠNG" in left and "ỦY BAN NHÂN DÂN" in left and "XÃ LÊ LỢI" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert header.cell(1, 0).text == "Số: 05/BC-UBND"
    assert header.cell(1, 1).text == "Lê Lợi, ngày 05 tháng 02 năm 2026"
    text = _all_text(report_docx)
    assert "BÁO CÁO" in text
    assert "(Số liệu từ ngày 15/12/2025 đến ngày 14/3/2026)" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Đoàn Duy Việt" in text and "- Lưu: VT, VP." in text
    # the layout tables have no borders
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and all(b.get(qn("w:val")) == "nil" for b in borders)


def test_place_date_is_italic_and_titles_bold(report_docx: docx.document.Document) -> None:
    run = report_docx.tables[0].cell(1, 1).paragraphs[0].runs[0]
    assert run.font.italic and run.font.size.pt == 14
    qh = report_docx.tables[0].cell(0, 1).paragraphs[0].runs[0]
    assert qh.font.bold and qh.font.size.pt == 13


def test_font_is_times_new_roman(report_docx: docx.document.Document) -> None:
    normal = report_docx.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert rfonts.get(qn("w:cs")) == "Times New Roman"
    body = next(p for p in report_docx.paragraphs if p.text.startswith("Thực hiện Kế hoạch"))
    assert body.paragraph_format.first_line_indent is not None
    assert abs(body.paragraph_format.first_line_indent - Mm(12.7)) < TOL
    assert body.paragraph_format.space_after.pt == 6


def test_data_tables_repeat_their_header_rows(report_docx: docx.document.Document) -> None:
    data_tables = [t for t in report_docx.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(data_tables) >= 4  # status, tasks, appendix results, 06a
    for table in data_tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    form = data_tables[-1]
    flags = [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in form.rows[:5]]
    assert flags == [True, True, True, True, False]  # three header rows + the (1)…(13) row
    assert form.rows[3].cells[12].text == "(13)"


def test_page_number_field_and_first_page_different(report_docx: docx.document.Document) -> None:
    first = report_docx.sections[0]
    assert first.different_first_page_header_footer
    header_xml = first.header._element.xml
    assert "PAGE" in header_xml and "fldChar" in header_xml
    assert "PAGE" not in first.first_page_header._element.xml
    for later in report_docx.sections[1:]:
        assert not later.different_first_page_header_footer


def test_closing_block_keeps_together(report_docx: docx.document.Document) -> None:
    closing = next(t for t in report_docx.tables if "Nơi nhận:" in t.cell(0, 0).text)
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    assert "CHỦ TỊCH" in closing.cell(0, 1).text


def test_plan_docx_texts(plan_docx: docx.document.Document) -> None:
    text = _all_text(plan_docx)
    for expected in (
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG",
        "III. TỔ CHỨC THỰC HIỆN",
        "Phụ lục I",
        "Hằng quý (trước ngày 14 tháng cuối quý)",
        "Lĩnh vực trẻ em",
    ):
        assert expected in text, expected


def test_docx_written_atomically(tmp_path: Path) -> None:
    content = build_plan_document(sample.office(), sample.plan(), sample.sections(), sample.tasks())
    out = render_plan_docx(content, tmp_path / "sub" / "kh.docx")
    assert [p.name for p in out.parent.iterdir()] == ["kh.docx"]


def test_blank_number_survives_in_word(tmp_path: Path) -> None:
    content = sample.report("2026-Q1")
    doc = docx.Document(str(render_report_docx(content, tmp_path / "blank.docx")))
    cell = doc.tables[0].cell(1, 0)
    assert cell.text == "Số:      /BC-UBND"
    t = cell.paragraphs[0].runs[0]._r.find(qn("w:t"))
    assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_table_headers_and_section_rows_never_end_a_page(report_docx: docx.document.Document) -> None:
    """A header row (or a section row) stranded at the foot of a page is kept with the next row."""
    checked = 0
    for table in report_docx.tables[1:]:  # table 0 is the borderless header block
        header_rows = [r for r in table.rows if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None]
        if not header_rows or len(table.rows) <= len(header_rows) + 1:
            continue
        for row in header_rows:
            assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
        checked += 1
    assert checked >= 1


def test_the_sentence_before_a_table_keeps_with_it(report_docx: docx.document.Document) -> None:
    body = report_docx.element.body
    checked = 0
    for i, el in enumerate(body):
        if el.tag == qn("w:tbl") and i and body[i - 1].tag == qn("w:p"):
            ppr = body[i - 1].find(qn("w:pPr"))
            if ppr is not None and ppr.find(qn("w:keepNext")) is not None:
                checked += 1
    assert checked >= 2  # at least the status table and the task table
