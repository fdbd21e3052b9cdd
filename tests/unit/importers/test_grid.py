"""The grid readers: merged cells, values, Word tables, and hostile files refused politely."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import ImportFailed
from kstthc_desktop.importers import grid as grid_module
from kstthc_desktop.importers import read_grids, read_plan
from kstthc_desktop.importers.grid import format_value

from . import fixtures as fx

# --------------------------------------------------------------------------- values & merges


def test_format_value() -> None:
    assert format_value(3.0) == "3"
    assert format_value(1.1) == "1.1"
    assert format_value(12) == "12"
    assert format_value(datetime(2022, 8, 31)) == "31/08/2022"
    assert format_value(date(2021, 5, 1)) == "01/05/2021"
    assert format_value(None) == ""
    assert format_value(float("nan")) == ""


def test_xlsx_merges_filled_and_recorded(province_files: dict[str, Path]) -> None:
    grids = read_grids(province_files["xlsx"])
    assert [g.name for g in grids] == ["Kế hoạch", "Phụ lục I"]
    main = grids[0]
    assert main.rows[0][0] == "UỶ BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG"  # line break inside a cell kept
    assert main.rows[0][1] == main.rows[0][0]  # merged A1:B1
    assert main.rows[6][2] == main.rows[6][3] == "Đơn vị thực hiện"  # group header over 2 columns
    assert main.rows[7][0] == "STT"  # STT merged down over the two header rows
    assert main.origin(7, 0) == (6, 0)
    assert main.origin(6, 3) == (6, 2)
    assert main.origin(12, 1) == (12, 1)
    # The lead unit merged down over 3.2 … 3.3 is in every row of the range.
    assert main.rows[17][2] == main.rows[20][2] != ""
    assert main.rows[10][0] == "1"  # int written as 1, not 1.0


def test_docx_tables_and_title_paragraphs(province_files: dict[str, Path]) -> None:
    grids = read_grids(province_files["docx"])
    # the tables, then the running text of the document (for prose plans) as one last grid
    assert [g.name for g in grids] == ["Bảng 1", "Bảng 2", "Bảng 3", "Văn bản"]
    first = grids[0]
    assert "KẾ HOẠCH" in first.title_lines
    assert first.rows[0][2] == first.rows[0][3] == "Đơn vị thực hiện"  # gridSpan, repeated
    assert first.origin(0, 3) == (0, 2)
    assert first.rows[1][0] == "STT" and first.origin(1, 0) == (0, 0)  # vMerge continuation filled
    assert grids[1].title_lines[-2:] == ["PHỤ LỤC I:", "Rà soát, đánh giá thủ tục hành chính năm 2021"]
    assert grids[2].title_lines == []  # the appendix table continued after a page break


def test_ods_and_xls_merges(province_files: dict[str, Path]) -> None:
    for kind in ("ods", "xls"):
        main = read_grids(province_files[kind])[0]
        assert main.rows[7][0] == "STT", kind
        assert main.origin(7, 0) == (6, 0), kind
        assert main.rows[17][2] == main.rows[20][2] != "", kind


def test_legacy_cells_converted_with_a_note(province_files: dict[str, Path]) -> None:
    main = read_grids(province_files["xlsx"])[0]
    assert main.rows[30][2] == fx.TCVN3_LEAD
    assert main.notes and main.notes[0][0] == 31


def test_extension_is_ignored_content_decides(tmp_path: Path, commune_files: dict[str, Path]) -> None:
    disguised = tmp_path / "ke_hoach.docx"
    disguised.write_bytes(commune_files["xlsx"].read_bytes())
    assert len(read_plan(disguised).appendices[0].tasks) == 27


# --------------------------------------------------------------------------- hostile input


def assert_refused(path: Path, *words: str) -> ImportFailed:
    with pytest.raises(ImportFailed) as info:
        read_plan(path)
    error = info.value
    assert f"'{path.name}'" in error.message, error.message
    assert error.hint
    for word in words:
        assert word in str(error), str(error)
    return error


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "rong.xlsx"
    path.write_bytes(b"")
    assert_refused(path, "rỗng")


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "khong_co.xlsx", "Không mở được")


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "ngau_nhien.xlsx"
    path.write_bytes(os.urandom(3000))
    assert_refused(path, "không phải bảng tính hay văn bản Word", ".xlsx")


def test_truncated_zip(tmp_path: Path, commune_files: dict[str, Path]) -> None:
    data = commune_files["xlsx"].read_bytes()
    path = tmp_path / "tai_do.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert_refused(path, "bị hỏng")


def test_encrypted_ooxml(tmp_path: Path) -> None:
    path = fx.ole_file(tmp_path / "mat_khau.xlsx", "EncryptionInfo", "EncryptedPackage")
    assert_refused(path, "mật khẩu", "bỏ mật khẩu")


def test_legacy_word_doc(tmp_path: Path) -> None:
    path = fx.ole_file(tmp_path / "ke_hoach.doc", "WordDocument", "1Table")
    assert_refused(path, ".doc", ".docx")


def test_unknown_ole(tmp_path: Path) -> None:
    assert_refused(fx.ole_file(tmp_path / "la.xls", "Something"), ".xlsx")


def test_zip_bomb_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(20):
                fh.write(chunk)
    assert_refused(path, "giải nén ra quá lớn")


def test_zip_bomb_total_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, commune_files: dict[str, Path]
) -> None:
    monkeypatch.setattr(grid_module, "MAX_UNCOMPRESSED_BYTES", 10_000)
    assert_refused(commune_files["xlsx"], "giải nén ra quá lớn")


def test_too_big_file(tmp_path: Path) -> None:
    path = tmp_path / "qua_lon.xlsx"
    with path.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: no disk used
    assert_refused(path, "quá lớn", "50 MB")


def test_too_many_cells(monkeypatch: pytest.MonkeyPatch, province_files: dict[str, Path]) -> None:
    monkeypatch.setattr(grid_module, "MAX_CELLS", 100)
    for kind in ("xlsx", "docx", "ods", "xls"):
        assert_refused(province_files[kind], "quá lớn", "ô")


def _rewrite_member(source: Path, target: Path, member: str, transform) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == member:
                data = transform(data)
            zout.writestr(info.filename, data)
    return target


def test_xml_entity_declaration_refused(tmp_path: Path, commune_files: dict[str, Path]) -> None:
    laughs = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\n'
    )

    def poison(data: bytes) -> bytes:
        return laughs + (data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data)

    xlsx = _rewrite_member(commune_files["xlsx"], tmp_path / "entity.xlsx", "xl/workbook.xml", poison)
    assert_refused(xlsx, "DOCTYPE/ENTITY")
    docx = _rewrite_member(commune_files["docx"], tmp_path / "entity.docx", "word/document.xml", poison)
    assert_refused(docx, "DOCTYPE/ENTITY")
    ods = _rewrite_member(commune_files["ods"], tmp_path / "entity.ods", "content.xml", poison)
    assert_refused(ods, "DOCTYPE/ENTITY")


def test_utf16_doctype_refused(tmp_path: Path, commune_files: dict[str, Path]) -> None:
    def poison(data: bytes) -> bytes:
        body = data.decode().split("?>", 1)[1] if data.startswith(b"<?xml") else data.decode()
        text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]>' + body
        return text.encode("utf-16")

    path = _rewrite_member(commune_files["xlsx"], tmp_path / "utf16.xlsx", "xl/workbook.xml", poison)
    assert_refused(path, "DOCTYPE/ENTITY")


def test_workbook_without_a_table(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Danh sách cán bộ"
    ws["A2"] = "Nguyễn Văn A"
    ws["B2"] = "Chuyên viên"
    path = tmp_path / "khong_co_bang.xlsx"
    wb.save(path)
    error = assert_refused(path, "Không tìm thấy bảng kế hoạch")
    assert "chọn cột bằng tay" in error.hint


def test_docx_without_a_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    path = tmp_path / "van_xuoi.docx"
    document.save(path)
    assert_refused(path, "Không tìm thấy nhiệm vụ nào")


@pytest.mark.parametrize(
    ("name", "data", "word"),
    [
        ("ke_hoach.pdf.xlsx", b"%PDF-1.7\n...", "PDF"),
        ("ke_hoach.rtf.docx", b"{\\rtf1\\ansi ...}", "RTF"),
        ("xuat_tu_web.xls", b"<html><table><tr><td>1</td></tr></table></html>", "trang web"),
    ],
)
def test_other_formats(tmp_path: Path, name: str, data: bytes, word: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert_refused(path, word)


def test_zip_that_is_not_office(tmp_path: Path) -> None:
    path = tmp_path / "anh.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8\xff")
    path.write_bytes(buffer.getvalue())
    assert_refused(path, "không phải bảng tính")


def test_damaged_member_inside_valid_zip(tmp_path: Path, commune_files: dict[str, Path]) -> None:
    path = _rewrite_member(
        commune_files["xlsx"], tmp_path / "hong.xlsx", "xl/worksheets/sheet1.xml", lambda d: d[:200]
    )
    assert_refused(path, "Không đọc được")
