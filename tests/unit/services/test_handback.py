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
    finally:
        svc.close()


@pytest.mark.parametrize(("title", "kind"), [
    ("Kết quả thực hiện", "note"), ("Tiến độ thực hiện", "status"), ("Tình trạng", "status"),
    ("Ngày hoàn thành thực tế", "completed"), ("Tài liệu minh chứng", "evidence"),
    ("Kết quả dự kiến", None), ("Nội dung công việc", None), ("Thời gian hoàn thành", None),
])
def test_result_columns_are_recognised_by_their_titles(title: str, kind: str | None) -> None:
    assert result_kind(title) == kind
