"""The table writer: layout, real dates, Vietnamese text, atomic replace, plain errors."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import KstthcError
from kstthc_desktop.services.export import write_table_xlsx

HEADERS = ["STT", "Nhiệm vụ", "Tình trạng", "Hạn", "Minh chứng"]
ROWS = [
    ["II. NỘI DUNG", None, None, None, None],
    ["1", "Rà soát, đơn giản hóa thủ tục hành chính\n- Lĩnh vực Hộ tịch", "Hoàn thành quá hạn",
     date(2026, 8, 31), 2],
    ["2", "=SUM(A1:A2) không phải công thức", "Chưa phát sinh / không xác định hạn", None, 0],
    ["Phụ lục. Rà soát, đánh giá", None, None, None, None],
    ["1", "Lĩnh vực Đất đai\x0b", "Đang thực hiện trong hạn", date(2026, 12, 31), 0],
]


def _load(path: Path):  # noqa: ANN202
    from openpyxl import load_workbook

    return load_workbook(path).active


def test_writes_title_headers_groups_dates_and_vietnamese_text(tmp_path: Path) -> None:
    path = tmp_path / "bảng kế hoạch.xlsx"
    out = write_table_xlsx(path, "Kế hoạch KSTTHC năm 2026", HEADERS, ROWS, [0, 3],
                           subtitle="Lọc: Kỳ báo cáo: Quý III năm 2026")
    assert out == path
    ws = _load(path)
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[0][0] == "Kế hoạch KSTTHC năm 2026" and ws["A1"].font.b
    assert values[1][0] == "Lọc: Kỳ báo cáo: Quý III năm 2026"
    assert values[3] == HEADERS
    assert ws.freeze_panes == "A5"
    body = values[4:]
    assert len(body) == len(ROWS)
    assert body[0][0] == "II. NỘI DUNG" and ws["A5"].font.b
    assert "A5:E5" in {str(r) for r in ws.merged_cells.ranges}
    assert body[1][1] == "Rà soát, đơn giản hóa thủ tục hành chính\n- Lĩnh vực Hộ tịch"
    assert body[1][3].date() == date(2026, 8, 31) and ws["D6"].is_date and ws["D6"].number_format == "DD/MM/YYYY"
    assert body[1][4] == 2 and ws["B6"].alignment.wrap_text
    assert body[2][1] == "=SUM(A1:A2) không phải công thức" and ws["B7"].data_type == "s"
    assert body[4][1] == "Lĩnh vực Đất đai"  # a control character Excel refuses is dropped
    widths = {c: ws.column_dimensions[c].width for c in "ABCDE"}
    assert 6 <= widths["A"] < widths["B"] <= 60 and widths["D"] >= 12


def test_replaces_an_existing_file_atomically_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "bang.xlsx"
    path.write_bytes(b"old")
    write_table_xlsx(path, "T", HEADERS, ROWS, [0, 3])
    assert _load(path)["A1"].value == "T"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bang.xlsx"]


def test_a_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl.workbook.workbook as wbmod

    path = tmp_path / "bang.xlsx"
    path.write_bytes(b"old")

    def broken(self, filename) -> None:  # noqa: ANN001
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(wbmod.Workbook, "save", broken)
    with pytest.raises(KstthcError) as err:
        write_table_xlsx(path, "T", HEADERS, ROWS, [0, 3])
    assert "Không ghi được 'bang.xlsx': ổ đĩa đã đầy" in err.value.message and "dung lượng" in err.value.hint
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bang.xlsx"]


def test_a_directory_or_missing_folder_is_a_plain_error(tmp_path: Path) -> None:
    folder = tmp_path / "thư mục.xlsx"
    folder.mkdir()
    with pytest.raises(KstthcError) as err:
        write_table_xlsx(folder, "T", HEADERS, ROWS)
    assert "thư mục" in err.value.message
    with pytest.raises(KstthcError):
        write_table_xlsx(tmp_path / "không có" / "bang.xlsx", "T", HEADERS, ROWS)
    assert [p.name for p in tmp_path.iterdir()] == ["thư mục.xlsx"]


def test_empty_table_and_single_column(tmp_path: Path) -> None:
    write_table_xlsx(tmp_path / "a.xlsx", "Trống", ["STT"], [])
    ws = _load(tmp_path / "a.xlsx")
    assert [list(r) for r in ws.iter_rows(values_only=True)] == [["Trống"], [None], ["STT"]]


def test_module_is_headless_and_loads_openpyxl_lazily() -> None:
    code = ("import sys, kstthc_desktop.services.export\n"
            "print(sorted(m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('openpyxl', 'PySide6')))")
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_cell_of_the_view_export_is_a_formula_section_rows_included(tmp_path: Path) -> None:
    """A section title, a header, a title, or text hiding '=' behind a control character:
    all stay text, and text that could turn into a formula on editing carries a quote prefix."""
    from tests.unit.services.xlsx_checks import assert_no_formulas

    rows = [
        ['=HYPERLINK("http://x.invalid","I. MỤC")', None, None, None, None],
        ["1", "\x01=1+1", "@SUM(A1)", "-2+3", "+CMD|' /C calc'!A0"],
        ["2", "\uff1dSUM(A1)", "- Gạch đầu dòng bình thường", date(2026, 5, 1), 3],
        ["3", "\x01@SUM(A1)", "\x02+1+1", "\x1f-1", None],
    ]
    path = tmp_path / "bang.xlsx"
    write_table_xlsx(path, "=TIÊU ĐỀ", ["=STT", *HEADERS[1:]], rows, [0], subtitle="\x02=LỌC")
    cells = assert_no_formulas(path.read_bytes())
    for text in ('=HYPERLINK("http://x.invalid","I. MỤC")', "=1+1", "@SUM(A1)", "-2+3", "=TIÊU ĐỀ", "=LỌC", "=STT",
                 "- Gạch đầu dòng bình thường", "+1+1", "-1"):
        assert text in cells, text


def test_exported_workbooks_get_the_users_normal_permissions(tmp_path: Path) -> None:
    """mkstemp's 0600 left exported tables unreadable to colleagues sharing the folder."""
    import os
    import stat

    old = os.umask(0o022)
    try:
        path = write_table_xlsx(tmp_path / "bang.xlsx", "T", HEADERS, ROWS)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
