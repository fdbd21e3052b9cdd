"""Text out of evidence files for search: real PDF, Word, Excel and text files; caps; damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kstthc_desktop.importers import extract
from tests import evidence_files as make

BODY = "Điều 2. Giao Văn phòng HĐND và UBND xã chủ trì, phối hợp rà soát thủ tục hành chính về đất đai."


def _text(result: extract.Extracted) -> str:
    return "\n".join(t for _, t in result.pieces)


def test_pdf_text_comes_out_with_its_pages(tmp_path: Path) -> None:
    f = make.pdf(tmp_path / "qd.pdf", ["QUYẾT ĐỊNH số 418/QĐ-UBND", BODY])
    kind = extract.kind_of("qd.pdf", f.read_bytes()[:8192])
    result = extract.extract(f, kind)
    assert (kind, result.state) == ("pdf", "done")
    assert [p for p, _ in result.pieces] == [1, 2]
    assert "418/QĐ-UBND" in result.pieces[0][1]
    assert " ".join(result.pieces[1][1].split()) == BODY


def test_word_paragraphs_and_tables(tmp_path: Path) -> None:
    f = make.docx(tmp_path / "bc.docx", ["BÁO CÁO kết quả rà soát", BODY],
                  table=[["STT", "Thủ tục"], ["1", "Đăng ký khai sinh"]])
    result = extract.extract(f, extract.kind_of(f.name, f.read_bytes()[:8]))
    text = _text(result)
    assert result.state == "done"
    assert BODY in text and "Đăng ký khai sinh" in text


def test_workbook_cells(tmp_path: Path) -> None:
    f = make.xlsx(tmp_path / "ds.xlsx", [["STT", "Tên thủ tục", "Lĩnh vực"], [1, "Chứng thực bản sao", "Chứng thực"]])
    result = extract.extract(f, extract.kind_of(f.name, f.read_bytes()[:8]))
    assert result.state == "done"
    assert "Chứng thực bản sao" in _text(result)


def test_text_file_in_a_windows_encoding(tmp_path: Path) -> None:
    f = tmp_path / "ghi-chu.txt"
    f.write_bytes("Ghi chú: họp ngày 5/6".encode("utf-16"))
    result = extract.extract(f, "text")
    assert _text(result) == "Ghi chú: họp ngày 5/6"


def test_legacy_tcvn3_text_becomes_unicode(tmp_path: Path) -> None:
    from kstthc_desktop.importers.legacy import from_unicode

    f = tmp_path / "cu.txt"
    f.write_text(from_unicode("Rà soát thủ tục hành chính", "tcvn3"), encoding="utf-8")
    assert _text(extract.extract(f, "text")) == "Rà soát thủ tục hành chính"


@pytest.mark.parametrize(("name", "head", "kind"), [
    ("scan.PDF", b"%PDF-1.7", "pdf"),
    ("renamed.doc", b"%PDF-1.4", "pdf"),  # the bytes decide, not the name
    ("bc.docx", b"PK\x03\x04", "docx"),
    ("ds.xlsx", b"PK\x03\x04", "xlsx"),
    ("ds.ods", b"PK\x03\x04", "ods"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "xls"),
    ("old.doc", b"\xd0\xcf\x11\xe0", None),
    ("anh.jpg", b"\xff\xd8\xff", None),
    ("archive.zip", b"PK\x03\x04", None),
    ("note.txt", b"hello", "text"),
])
def test_kind_of(name: str, head: bytes, kind: str | None) -> None:
    assert extract.kind_of(name, head) == kind


def test_text_is_capped_and_cut_into_parts(tmp_path: Path) -> None:
    f = make.pdf(tmp_path / "dai.pdf", [BODY * 30 for _ in range(5)])
    result = extract.extract(f, "pdf", max_chars=6_000)
    assert result.truncated and result.chars == 6_000
    parts = extract.chunks(result.pieces, size=1_000)
    assert all(len(body) <= 1_000 for _, body in parts)
    assert sum(len(body.split()) for _, body in parts) >= 6_000 // 8  # nothing lost but the cut spaces
    assert parts[0][0] == 1 and parts[-1][0] >= 2


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("hong.pdf", b"%PDF-1.4\n1 0 obj garbage", "pdf"),
    ("hong.docx", b"PK\x03\x04" + bytes(200), "docx"),
    ("hong.xlsx", b"PK\x03\x04" + bytes(200), "xlsx"),
])
def test_a_damaged_file_is_reported_not_raised(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    result = extract.extract(f, kind)
    assert result.state == "failed" and result.note


def test_a_word_zip_bomb_is_not_opened(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(extract, "MAX_XML", 10_000)
    f = make.docx(tmp_path / "to.docx", [BODY * 100])
    assert extract.extract(f, "docx").state == "too_big"


def test_stopping_mid_file(tmp_path: Path) -> None:
    f = make.pdf(tmp_path / "x.pdf", ["một", "hai", "ba"])
    with pytest.raises(extract.Stopped):
        extract.extract(f, "pdf", stop=lambda: True)
