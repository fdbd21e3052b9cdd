"""Hand-back: the superior's own workbook (a copy) with the office's results in the right rows,
its layout untouched; the source kept at import; never an overwrite; never a formula."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kstthc_desktop.core.errors import KstthcError
from kstthc_desktop.reports.handback import result_kind
from tests.unit.importers.fixtures import write_docx, write_ods
from tests.unit.services.handback_data import (
    attach_evidence,
    formatted_province,
    imported_office,
    province_specs,
    record_results,
)

AS_OF = date(2021, 9, 30)


@pytest.fixture
def office(tmp_path: Path):
    svc, source = imported_office(tmp_path)
    ids = record_results(svc)
    attach_evidence(svc, ids["2"], tmp_path)
    yield svc, source, ids
    svc.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_keeps_the_source_file_and_undo_takes_it_back(tmp_path: Path) -> None:
    from kstthc_desktop.importers import read_plan

    svc, source = imported_office(tmp_path)
    try:
        plan = svc.current_plan()
        assert plan.source_blob == _sha(source)
        # the same file again: one blob, same pointer
        svc.apply_import(read_plan(source))
        assert svc.current_plan().source_blob == _sha(source)
        # a revised file replaces the kept source; undo brings the first one back
        revised = tmp_path / "ke-hoach-tinh-2021_v2.xlsx"
        formatted_province(revised, deadline_title="Thời hạn hoàn thành")
        svc.apply_import(read_plan(revised))
        assert svc.current_plan().id == plan.id
        assert svc.current_plan().source_blob == _sha(revised)
        svc.undo()
        assert svc.current_plan().source_blob == _sha(source)
        out = svc.handback(tmp_path / "ra.xlsx", as_of=AS_OF)
        assert out.rows_written > 0
    finally:
        svc.close()


def test_handback_xlsx_keeps_the_layout_and_fills_the_right_rows(office, tmp_path: Path) -> None:
    svc, source, _ = office
    before = _sha(source)
    summary = svc.handback(tmp_path / "ket-qua.xlsx", as_of=AS_OF)
    assert _sha(source) == before  # the source is never written
    src = openpyxl.load_workbook(source)
    out = openpyxl.load_workbook(summary.out)
    for name in ("Kế hoạch", "Phụ lục I"):
        a, b = src[name], out[name]
        width = a.max_column
        for row in a.iter_rows():
            for cell in row:
                assert b.cell(cell.row, cell.column).value == cell.value, (name, cell.coordinate)
                assert repr(b.cell(cell.row, cell.column).font) == repr(cell.font)
                assert repr(b.cell(cell.row, cell.column).border) == repr(cell.border)
        assert {str(r) for r in a.merged_cells.ranges} <= {str(r) for r in b.merged_cells.ranges}
        for letter, dim in a.column_dimensions.items():
            assert b.column_dimensions[letter].width == dim.width
        assert b.page_setup.orientation == a.page_setup.orientation
        assert b.page_setup.fitToWidth == a.page_setup.fitToWidth
        assert b.print_title_rows == a.print_title_rows
        assert b.freeze_panes == a.freeze_panes
        for r, dim in a.row_dimensions.items():
            if dim.height is not None:
                assert (b.row_dimensions[r].height or 0) >= dim.height
        assert width < b.max_column
    ws = out["Kế hoạch"]
    # the new columns: G..J, titles in the header band (merged over its two rows), numbered (7)…(10)
    assert [ws.cell(7, c).value for c in range(7, 11)] == [
        "Tình trạng thực hiện", "Ngày hoàn thành", "Kết quả thực hiện", "Văn bản, tài liệu minh chứng"]
    assert {"G7:G8", "J7:J8"} <= {str(r) for r in ws.merged_cells.ranges}
    assert [ws.cell(9, c).value for c in range(7, 11)] == ["(7)", "(8)", "(9)", "(10)"]
    # row 12 is task 1.1 in the superior's sheet: done on 20/5/2021
    assert ws.cell(12, 1).value == "1.1"
    assert ws.cell(12, 7).value == "Hoàn thành đúng hạn"
    assert ws.cell(12, 8).value.date() == date(2021, 5, 20)
    assert "Quyết định số 15/2021/QĐ-UBND" in ws.cell(12, 9).value
    # row 14 is task 2: its evidence by number and date
    assert ws.cell(14, 1).value == "2."
    assert ws.cell(14, 10).value == "Báo cáo số 25/BC-VP ngày 03/6/2021 về thẩm định TTHC"  # ND 30 padding
    # an untouched task still gets its status; the section row gets nothing
    assert ws.cell(22, 1).value == 4 and ws.cell(22, 7).value == "Đang thực hiện trong hạn"
    assert ws.cell(10, 7).value is None
    # the new cells carry the table's borders
    assert repr(ws.cell(12, 10).border) == repr(ws.cell(12, 6).border)
    # the appendix sheet: its own rows
    pl = out["Phụ lục I"]
    assert pl.cell(5, 1).value == "1." and pl.cell(5, 4).value == "Hoàn thành quá hạn"  # due 31/7, done 1/8
    assert pl.cell(6, 4).value == "Đang thực hiện quá hạn"  # due 31/7, nothing recorded by 30/9


def test_an_existing_result_column_is_filled_not_added(tmp_path: Path) -> None:
    svc, _ = imported_office(tmp_path, result_column="Kết quả thực hiện")
    try:
        record_results(svc)
        summary = svc.handback(tmp_path / "ket-qua.xlsx", as_of=AS_OF)
        ws = openpyxl.load_workbook(summary.out)["Kế hoạch"]
        assert ws.cell(7, 7).value == "Kết quả thực hiện"
        assert "Quyết định số 15/2021/QĐ-UBND" in ws.cell(12, 7).value
        assert ws.column_dimensions["G"].width == 30  # the template's own column, as it was
        assert [ws.cell(7, c).value for c in range(8, 11)] == [
            "Tình trạng thực hiện", "Ngày hoàn thành", "Văn bản, tài liệu minh chứng"]
        assert any("G: Kết quả thực hiện" in x for x in summary.filled)
    finally:
        svc.close()


def test_a_tien_do_column_holding_the_deadlines_is_never_overwritten(tmp_path: Path) -> None:
    svc, _ = imported_office(tmp_path, deadline_title="Tiến độ thực hiện")
    try:
        record_results(svc)
        summary = svc.handback(tmp_path / "ket-qua.xlsx", as_of=AS_OF)
        ws = openpyxl.load_workbook(summary.out)["Kế hoạch"]
        assert ws.cell(12, 5).value == "Xong trước tháng 6 năm 2021"
        assert ws.cell(7, 7).value == "Tình trạng thực hiện"
        assert ws.cell(12, 7).value == "Hoàn thành đúng hạn"
    finally:
        svc.close()


def test_written_text_is_never_a_formula(office, tmp_path: Path) -> None:
    svc, _, ids = office
    bad = tmp_path / "=cmd|' calc'!A0.pdf"
    bad.write_bytes(b"x")
    svc.add_evidence(ids["1.2"], bad)
    summary = svc.handback(tmp_path / "ket-qua.xlsx", as_of=date.today())
    ws = openpyxl.load_workbook(summary.out)["Kế hoạch"]
    cell = ws.cell(13, 10)
    assert cell.value == "=cmd|' calc'!A0.pdf"
    assert cell.data_type == "s" and cell.quotePrefix
    note = ws.cell(17, 9).value  # task 3.1: the bell character is gone, the text kept
    assert "\x07" not in note and "HYPERLINK" in note


def test_never_overwrites_the_source_or_an_office_file(office, tmp_path: Path) -> None:
    svc, source, _ = office
    copy = tmp_path / "copy-of-source.xlsx"
    copy.write_bytes(source.read_bytes())
    with pytest.raises(KstthcError, match="tệp gốc"):
        svc.handback(copy, as_of=AS_OF)
    with pytest.raises(KstthcError, match="dữ liệu"):
        svc.handback(svc.path, as_of=AS_OF)
    with pytest.raises(KstthcError, match=r"\.xlsx"):
        svc.handback(tmp_path / "ket-qua.docx", as_of=AS_OF)
    assert copy.read_bytes() == source.read_bytes()
    assert svc.check() == ""


def test_a_plan_without_its_source_file_says_what_to_do(tmp_path: Path) -> None:
    from kstthc_desktop.core.model import Plan
    from kstthc_desktop.services import OfficeService

    with OfficeService.open(tmp_path / "x.kstthc", create=True) as svc:
        svc.create_plan(Plan(year=2026, title="Kế hoạch tự lập"))
        with pytest.raises(KstthcError, match="chưa lưu tệp gốc") as err:
            svc.handback(tmp_path / "out.xlsx")
        assert "Nhập kế hoạch cấp trên" in err.value.hint
        assert not (tmp_path / "out.xlsx").exists()


def test_handback_of_a_word_plan_adds_result_columns_to_its_table(tmp_path: Path) -> None:
    import docx

    source = write_docx(tmp_path / "ke-hoach-tinh.docx", province_specs())
    svc, _ = imported_office(tmp_path, source=source)
    try:
        record_results(svc)
        assert svc.handback_suffix() == ".docx"
        summary = svc.handback(tmp_path / "ket-qua.docx", as_of=AS_OF)
        table = docx.Document(str(summary.out)).tables[0]
        plan_table = docx.Document(str(source)).tables[0]
        assert len(table.columns) == len(plan_table.columns) + 4
        header = [c.text for c in table.rows[0].cells]
        assert header[6:] == ["Tình trạng thực hiện", "Ngày hoàn thành", "Kết quả thực hiện",
                              "Văn bản, tài liệu minh chứng"]
        task = next(t for t in svc.tasks(svc.current_plan().id) if t.number == "1.1")
        row = table.rows[task.source_row - 1].cells
        assert row[0].text == "1.1"
        assert row[6].text == "Hoàn thành đúng hạn" and row[7].text == "20/05/2021"
        for r, old in zip(table.rows, plan_table.rows, strict=True):  # the plan's own cells unchanged
            assert [c.text for c in r.cells[:6]] == [c.text for c in old.cells]
        assert table.rows[2].cells[6].text == "(7)"
    finally:
        svc.close()


def test_handback_of_an_ods_plan_is_an_xlsx_copy(tmp_path: Path) -> None:
    source = write_ods(tmp_path / "ke-hoach-tinh.ods", province_specs())
    svc, _ = imported_office(tmp_path, source=source)
    try:
        record_results(svc)
        assert svc.handback_suffix() == ".xlsx"
        summary = svc.handback(tmp_path / "ket-qua.xlsx", as_of=AS_OF)
        assert summary.converted_from == "ods"
        ws = openpyxl.load_workbook(summary.out)["Kế hoạch"]
        assert ws.cell(12, 1).value == "1.1" and ws.cell(12, 7).value == "Hoàn thành đúng hạn"
        assert "A7:A8" in {str(r) for r in ws.merged_cells.ranges}
        _prints_like_a_table(ws)
    finally:
        svc.close()


def _prints_like_a_table(ws) -> None:  # noqa: ANN001
    """A workbook converted from .xls/.ods, as a printer sees it (its own widths, heights and print
    setup could not be read): the title and section lines do not widen the STT column, every
    wrapped row is tall enough for its text (LibreOffice does not fit rows itself: the lines of a
    long task overprinted the next task's), A4 landscape, the table one page wide."""
    import math

    from openpyxl.utils import get_column_letter

    width = {c: ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)}
    assert width[1] <= 12, width  # "1.1", "II": not the 50 a section title asked for
    assert 30 <= width[2] <= 50  # the task text: wide, wrapping the longest
    for r in range(1, ws.max_row + 1):
        cells = [ws.cell(r, c) for c in range(1, ws.max_column + 1) if ws.cell(r, c).value not in (None, "")]
        for cell in cells:
            if cell.alignment.wrap_text:
                text = str(cell.value)
                # the test's own estimate: characters per line a little above the width in characters
                lines = sum(max(1, math.ceil(len(x) / (width[cell.column] * 1.2))) for x in text.split("\n"))
                assert ws.row_dimensions[r].height >= lines * 11 * 1.2, (r, cell.column, text[:40])
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert not ws.page_setup.fitToHeight  # as many pages down as it takes


@pytest.mark.parametrize(("title", "kind"), [
    ("Kết quả thực hiện", "note"), ("Tiến độ thực hiện", "status"), ("Tình trạng", "status"),
    ("Ngày hoàn thành thực tế", "completed"), ("Tài liệu minh chứng", "evidence"),
    ("Kết quả dự kiến", None), ("Nội dung công việc", None), ("Thời gian hoàn thành", None),
])
def test_result_columns_are_recognised_by_their_titles(title: str, kind: str | None) -> None:
    assert result_kind(title) == kind


def _portrait_word_plan(path: Path) -> Path:
    """The province plan as a clerk types it in Word: A4 portrait, Nghị định 30 margins, the task
    table as wide as the text, column widths set by hand, numbering from page 1 with no number on
    the first page, prose before and after the tables and the "Nơi nhận" block at the end."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    write_docx(path, province_specs())
    document = docx.Document(str(path))
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Mm(30), Mm(15), Mm(20), Mm(20)
    section.different_first_page_header_footer = True
    number = OxmlElement("w:pgNumType")
    number.set(qn("w:start"), "1")
    section._sectPr.append(number)
    for table, widths in zip(document.tables, ([12, 58, 25, 25, 22, 23], [12, 110, 43]), strict=True):
        grid = table._tbl.find(qn("w:tblGrid"))
        for col, w in zip(grid.iterchildren(qn("w:gridCol")), widths, strict=True):
            col.set(qn("w:w"), str(Mm(w).twips))
        for tr in table._tbl.iterchildren(qn("w:tr")):
            col = 0
            for tc in tr.iterchildren(qn("w:tc")):
                tc.width = Mm(sum(widths[col:col + tc.grid_span]))
                col += tc.grid_span
    purpose = document.add_paragraph(PROSE)  # the plan's text before its table…
    document.tables[0]._tbl.addprevious(purpose._p)
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")  # …and after it
    document.add_paragraph(PROSE)
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Văn phòng Chính phủ (Cục KSTTHC);")
    document.save(str(path))
    return path


PROSE = ("Các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ nhiệm vụ được giao tại Kế "
         "hoạch này chủ động xây dựng kế hoạch, tổ chức triển khai thực hiện; định kỳ hằng quý báo cáo kết quả "
         "thực hiện về Ủy ban nhân dân tỉnh (qua Văn phòng Ủy ban nhân dân tỉnh) trước ngày 15 của tháng cuối quý "
         "để tổng hợp, báo cáo Văn phòng Chính phủ theo quy định.")


def test_a_portrait_word_table_turns_landscape_with_room_for_the_results(tmp_path: Path) -> None:
    """The four result columns would squeeze a portrait table: the table (with its heading, without
    the prose around it) goes on landscape pages, the added columns get their minimum widths at
    least, the plan's own columns keep their proportions, and the table stays within the margins."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm

    from kstthc_desktop.reports.handback import DOCX_MIN_MM, OWN_FLOOR_MM

    source = _portrait_word_plan(tmp_path / "ke-hoach-tinh.docx")
    svc, _ = imported_office(tmp_path, source=source)
    try:
        record_results(svc)
        summary = svc.handback(tmp_path / "ket-qua.docx", as_of=AS_OF)
    finally:
        svc.close()
    assert summary.landscape == ["Bảng 1", "Bảng 2"]
    document = docx.Document(str(summary.out))
    body = document.element.body
    sections = {id(s._sectPr): s for s in document.sections}

    def section_of(el):  # noqa: ANN001, ANN202 - the first sectPr at or after a body child
        children = list(body.iterchildren())
        for child in children[children.index(el):]:
            found = child.find(qn("w:pPr") + "/" + qn("w:sectPr")) if child.tag == qn("w:p") else None
            if child.tag == qn("w:sectPr"):
                found = child
            if found is not None:
                return sections[id(found)]
        raise AssertionError("no section")

    title = next(p for p in document.paragraphs if p.text.startswith("KẾ HOẠCH"))
    first = section_of(title._p)
    assert first.orientation == WD_ORIENT.PORTRAIT and first.different_first_page_header_footer
    after = next(p for p in document.paragraphs if p.text == "III. TỔ CHỨC THỰC HIỆN")
    last = section_of(after._p)
    assert section_of(next(p for p in document.paragraphs if p.text == "Nơi nhận:")._p) is last
    assert last.orientation == WD_ORIENT.PORTRAIT and last.page_width < last.page_height
    assert not last.different_first_page_header_footer  # its first page is not page 1: numbered
    assert last._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) is None  # numbering goes on
    heading = next(p for p in document.paragraphs if p.text.startswith("PHỤ LỤC"))
    assert section_of(heading._p) is section_of(document.tables[1]._tbl)  # the appendix's title goes with it
    plan = docx.Document(str(source))
    for table, old in zip(document.tables, plan.tables, strict=True):
        sect = section_of(table._tbl)
        assert sect.orientation == WD_ORIENT.LANDSCAPE and sect.page_width > sect.page_height
        assert (round(sect.page_width.mm), round(sect.page_height.mm)) == (297, 210)
        assert round(sect.top_margin.mm) == 30  # the binding margin turned with the page
        assert round(sect.left_margin.mm) == round(sect.right_margin.mm) == 20
        usable = (sect.page_width - sect.left_margin - sect.right_margin) // 635  # EMU → twips
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.find(qn("w:tblGrid")).iterchildren(qn("w:gridCol"))]
        before = [int(c.get(qn("w:w"))) for c in old._tbl.find(qn("w:tblGrid")).iterchildren(qn("w:gridCol"))]
        own, added = grid[:len(before)], grid[len(before):]
        assert len(added) == 4
        assert sum(grid) <= usable + 2
        assert sum(grid) >= usable - 60  # the whole width used, not a narrow table
        for w, kind in zip(added, ("status", "completed", "note", "evidence"), strict=True):
            assert w >= Mm(DOCX_MIN_MM[kind]).twips - 1, kind
        floor = Mm(OWN_FLOOR_MM).twips
        kept = [(o, b) for o, b in zip(own, before, strict=True) if b > floor + 60]
        ratios = [o / b for o, b in kept]
        assert max(ratios) - min(ratios) < 0.01, ratios  # the plan's columns keep their proportions
        assert all(o >= min(b, floor) - 1 for o, b in zip(own, before, strict=True))
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        header = table.rows[0]._tr
        widths = [int(tc.tcPr.tcW.get(qn("w:w"))) for tc in header.iterchildren(qn("w:tc"))]
        assert sum(widths) == sum(grid)  # the cells follow the grid
    task_row = next(r for r in document.tables[0].rows if r.cells[0].text == "1.1")
    assert task_row.cells[7].text == "20/05/2021"


def test_a_table_with_room_on_its_page_stays_portrait() -> None:
    from kstthc_desktop.reports.handback import allot_widths

    # plenty of room: nothing grows beyond what it asks for
    assert allot_widths([100, 300, 200], [50, 50, 150], 1000) == [100, 300, 200]
    # tight: the plan's columns (first two) give up the same share, the added one keeps its minimum
    widths = allot_widths([200, 600, 300], [50, 50, 280], 800)
    assert widths[2] == 280 and abs(widths[1] / widths[0] - 3) < 0.02 and sum(widths) <= 800
    # a narrow STT column stops at its floor; the others give up more
    widths = allot_widths([60, 600, 300], [60, 60, 200], 700)
    assert widths[0] == 60 and widths[2] >= 200 and sum(widths) <= 700
