"""The fast .xlsx reader (calamine) gives exactly openpyxl's grid, or steps aside for openpyxl."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from kstthc_desktop.core.progress import NullProgress
from kstthc_desktop.importers import grid
from kstthc_desktop.importers.grid import read_grids

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


def test_legacy_encoded_text_goes_to_openpyxl_for_its_font(tmp_path: Path) -> None:
    spec = fx.province_main()
    assert spec.fonts, "the province fixture carries TCVN3/VNI cells with their fonts"
    path = fx.write_xlsx(tmp_path / "legacy.xlsx", [spec])
    fast, reference = _both(path)
    assert fast is None
    grids = _same(read_grids(path))
    assert grids == reference
    assert any(fx.TCVN3_LEAD in cell for row in grids[0].rows for cell in row)


def test_a_workbook_calamine_cannot_read_is_judged_by_openpyxl(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    path = fx.write_xlsx(tmp_path / "p.xlsx", [fx.commune_main()])

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("calamine failed")

    monkeypatch.setattr(grid, "_read_calamine", broken)
    assert _same(read_grids(path)) == _same(grid._read_xlsx_openpyxl(path, NullProgress()))
