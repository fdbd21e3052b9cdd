"""File names every disk accepts (Windows' reserved names, 255 bytes, case-insensitive clashes)."""

from __future__ import annotations

import pytest

from kstthc_desktop.core.filenames import safe_file_name, unique_name


@pytest.mark.parametrize("name", ["CON", "con.txt", "Con .pdf", "NUL.tar.gz", "aux", "COM1.docx", "lpt9 .xlsx",
                                  "COM¹.pdf", "CONIN$", "prn. .pdf", "Nul  "])
def test_windows_reserved_names_are_never_produced(name: str) -> None:
    out = safe_file_name(name)
    assert out.startswith("_") and not out.endswith((" ", "."))


@pytest.mark.parametrize("name", ["Console.pdf", "COM10.pdf", "auxiliary.doc", "Báo cáo CON.pdf"])
def test_ordinary_names_that_only_look_reserved_are_kept(name: str) -> None:
    assert safe_file_name(name) == name


def test_long_vietnamese_names_fit_255_bytes_and_keep_their_extension() -> None:
    name = "Báo cáo kết quả rà soát, đánh giá thủ tục hành chính " * 8 + ".docx"
    out = safe_file_name(name)
    assert len(out.encode("utf-8")) <= 255 and out.endswith(".docx")
    assert out.startswith("Báo cáo kết quả")
    second = safe_file_name(name, " (2)")
    assert len(second.encode("utf-8")) <= 255 and second.endswith(" (2).docx")


def test_a_253_byte_name_still_fits_with_a_copy_number() -> None:
    name = "a" * 248 + ".pdf"  # 252 bytes
    assert safe_file_name(name) == name
    taken: set[str] = set()
    first, second = unique_name(name, taken), unique_name(name, taken)
    assert first == name and second.endswith(" (2).pdf") and len(second.encode()) <= 255


def test_names_are_unique_ignoring_case() -> None:
    taken: set[str] = set()
    got = [unique_name(n, taken) for n in ("Bao cao.pdf", "bao cao.PDF", "BAO CAO.pdf", "Bao cao (2).pdf")]
    assert len({g.casefold() for g in got}) == 4
    assert got[:2] == ["Bao cao.pdf", "bao cao (2).PDF"]
