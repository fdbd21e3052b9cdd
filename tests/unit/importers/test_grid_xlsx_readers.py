"""The fast .xlsx reader (calamine) gives exactly openpyxl's grid, or steps aside for openpyxl."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from kstthc_desktop.core.progress import NullProgress
from kstthc_desktop.importers import grid, read_grids

from . import fixtures as fx

SPECS = {
    "province": lambda: [fx.province_main(), fx.province_appendix()],
    "so": lambda: [fx.so_main()],
    "commune": lambda: [fx.commune_main(), fx.commune_appendix()],
}


def _same(grids: list[grid.Grid]) -> list[grid.Grid]:
    """Merged ranges in one order (openpyxl keeps them in a set; they never overlap, so order is moot)."""
    return [replace(g, spans=sorted(g.spans)) for g in grids]


def _both(path: Path) -> tuple[list[grid.Grid] | None, list[grid.Grid]]:
    fast = grid._read_xlsx_calamine(path, NullProgress())
    return (None if fast is None else _same(fast)), _same(grid._read_xlsx_openpyxl(path, NullProgress()))


@pytest.mark.parametrize("name", sorted(SPECS))
def test_calamine_and_openpyxl_read_the_fixture_plans_alike(tmp_path: Path, name: str) -> None:
    specs = SPECS[name]()
    for spec in specs:  # legacy-encoded cells have their own test below: plain Unicode here
        for r, c in spec.fonts:
            spec.rows[r][c] = "Công chức Văn phòng – Thống kê"
        spec.fonts.clear()
    path = fx.write_xlsx(tmp_path / f"{name}.xlsx", specs)
    fast, reference = _both(path)
    assert fast == reference
    assert [g.spans for g in fast] == [g.spans for g in reference] and any(g.spans for g in fast)


def test_values_dates_hidden_sheets_and_styled_empty_columns_read_alike(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kế hoạch"
    ws["A1"] = "Nội dung\ncông việc"
    ws["B2"] = 3.0
    ws["C3"] = datetime(2026, 3, 1)
    ws["C4"] = date(2026, 5, 2)
    ws["D4"] = True
    ws["E5"] = "=1/0"  # a formula never calculated: no cached value
    ws["F6"] = time(8, 30)
    ws["A7"] = 3.25
    ws["B7"] = 1234567
    ws["H2"] = "=1+1"  # the farthest cell: a formula with no cached value is empty text
    ws["J1"].font = Font(bold=True)  # formatted but empty: not part of the grid
    ws["A30"].font = Font(bold=True)
    ws.merge_cells("A8:C9")
    ws["A8"] = "Gộp ô"
    ws.merge_cells("E8:E12")  # runs past the last row with text: clipped
    ws["E8"] = "Dọc"
    hidden = wb.create_sheet("Ẩn")
    hidden.sheet_state = "hidden"
    hidden["B2"] = "ẩn"
    path = tmp_path / "values.xlsx"
    wb.save(path)
    fast, reference = _both(path)
    assert fast == reference
    assert fast[0].rows[0][0] == "Nội dung\ncông việc"
    assert fast[0].width == 6 and fast[0].rows[7][:3] == ["Gộp ô"] * 3
    assert [g.hidden for g in fast] == [False, True]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_legacy_encoded_text_is_read_with_its_font_by_both_readers(tmp_path: Path, name: str) -> None:
    """.VnTime/VNI-Times cells: calamine's grid with the font names read from the workbook's XML."""
    specs = SPECS[name]()
    assert any(spec.fonts for spec in specs) or name == "so"
    path = fx.write_xlsx(tmp_path / "legacy.xlsx", specs)
    fast, reference = _both(path)
    assert fast is not None and fast == reference
    assert _same(read_grids(path)) == reference
    if name == "province":
        assert any(fx.TCVN3_LEAD in cell for row in fast[0].rows for cell in row)
        assert fast[0].notes and "TCVN3" in fast[0].notes[0][1]


def test_legacy_fonts_on_many_sheets_styles_and_columns(tmp_path: Path) -> None:
    """Legacy text far right, on a second sheet, in the all-capitals .VnTimeH, beside a bold cell
    of the same font and Unicode text in a legacy font (left as it is): still openpyxl's grid."""
    from kstthc_desktop.importers.legacy import from_unicode

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kế hoạch & PL"
    ws["A1"] = "Nội dung"
    ws["AB3"] = from_unicode(fx.TCVN3_LEAD, "tcvn3")
    ws["AB3"].font = Font(name=".VnTime")
    ws["C4"] = from_unicode("ĐẨY MẠNH CẢI CÁCH HÀNH CHÍNH", "tcvn3")
    ws["C4"].font = Font(name=".VnTimeH")
    ws["D4"] = from_unicode("Ủy ban nhân dân xã", "tcvn3")
    ws["D4"].font = Font(name=".VnTime", bold=True)
    ws["G5"] = "Vâ"  # a short name: only its font tells it is TCVN3
    ws["G5"].font = Font(name=".VnTime")
    ws["H5"] = "Vâ"  # and in capitals
    ws["H5"].font = Font(name=".VnTimeH")
    ws["I5"] = "Vâ"  # in no legacy font: as typed
    ws["E4"] = "Công chức Tư pháp – Hộ tịch"  # Unicode in a legacy font
    ws["E4"].font = Font(name=".VnTime")
    ws["F4"] = from_unicode(fx.VNI_LEAD, "vni")  # legacy bytes in a Unicode font: judged by the text
    second = wb.create_sheet("PL 2")
    second["B2"] = from_unicode(fx.VNI_LEAD, "vni")
    second["B2"].font = Font(name="VNI-Times")
    second["B3"] = from_unicode(fx.VNI_LEAD, "vni")
    second["C9"] = "Sôn"
    second["C9"].font = Font(name="VNI-Times")
    path = tmp_path / "fonts.xlsx"
    wb.save(path)
    fast, reference = _both(path)
    assert fast is not None and fast == reference
    assert fast[0].rows[2][27] == fx.TCVN3_LEAD and fast[1].rows[1][1] == fx.VNI_LEAD
    assert fast[1].rows[8][2] == "Sơn"
    assert fast[0].rows[3][2] == "ĐẨY MẠNH CẢI CÁCH HÀNH CHÍNH"
    assert fast[0].rows[4][6:9] == ["Võ", "VÕ", "Vâ"]


def test_cells_placed_by_order_alone_go_to_openpyxl(tmp_path: Path) -> None:
    """A writer may leave out a cell's reference (r="B5"): then the font lookup steps aside."""
    import re
    import zipfile

    source = fx.write_xlsx(tmp_path / "with-refs.xlsx", [fx.province_main()])
    path = tmp_path / "no-refs.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'(<c\b[^>]*?) r="[A-Z]+[0-9]+"', rb"\1", data)
            zout.writestr(item, data)
    assert grid._legacy_fonts(zipfile.ZipFile(path), zipfile.ZipFile(path).read("xl/styles.xml")) is None
    assert grid._read_xlsx_calamine(path, NullProgress()) is None
    assert _same(read_grids(path)) == _same(grid._read_xlsx_openpyxl(path, NullProgress()))


def test_a_workbook_calamine_cannot_read_is_judged_by_openpyxl(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    path = fx.write_xlsx(tmp_path / "p.xlsx", [fx.commune_main()])

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("calamine failed")

    monkeypatch.setattr(grid, "_read_calamine", broken)
    assert _same(read_grids(path)) == _same(grid._read_xlsx_openpyxl(path, NullProgress()))


def test_undecodable_bytes_in_the_workbook_xml_step_aside_for_openpyxl(tmp_path: Path) -> None:
    """A workbook.xml with bytes that are not UTF-8 (found by the fuzz test in strict mode): the font
    scan gives up cleanly and openpyxl's verdict stands — never a UnicodeDecodeError from our reader."""
    import zipfile

    from kstthc_desktop.core.errors import KstthcError

    src = tmp_path / "src.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Noäi dung"
    wb.active["A1"].font = Font(name=".VnTime")
    wb.save(src)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'name="Sheet"', b'name="Sh\xffeet"')
            zout.writestr(item, data)
    with zipfile.ZipFile(bad) as zf:
        assert grid._legacy_fonts(zf, zf.read("xl/styles.xml")) is None
    try:
        read_grids(bad)
    except KstthcError:
        pass  # a clean refusal is as good as a reading
