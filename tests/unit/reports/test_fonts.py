from __future__ import annotations

from pathlib import Path

import pytest

from kstthc_desktop.reports import fonts


def test_bundled_fonts_cover_vietnamese_and_carry_their_licence() -> None:
    folder = fonts.bundled_font_dir()
    assert (folder / "LICENSE-LiberationSerif.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE")
    assert (folder / "README.md").is_file()
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        path = folder / f"LiberationSerif-{name}.ttf"
        assert fonts.missing_letters(path) == "", path


def test_font_choice_is_complete() -> None:
    files = fonts.font_files()
    assert set(files) == set(fonts.STYLES)
    assert all(p.is_file() for p in files.values())
    assert fonts.font_family_name() in (fonts.TIMES_NEW_ROMAN, fonts.LIBERATION_SERIF)


def test_times_new_roman_is_found_in_a_windows_like_folder(tmp_path: Path) -> None:
    for name in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"):
        (tmp_path / name).write_bytes(b"")
    found = fonts.find_times_new_roman([tmp_path])
    assert found is not None and found["bold"].name == "timesbd.ttf"
    (tmp_path / "timesbi.ttf").unlink()
    assert fonts.find_times_new_roman([tmp_path]) is None  # all four or none


def test_registration_gives_one_family() -> None:
    from reportlab.lib.fonts import tt2ps

    faces = fonts.register_pdf_fonts()
    assert tt2ps(fonts.PDF_FAMILY, 1, 1) == faces["bolditalic"]
    assert fonts.text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True) == pytest.approx(171.4, abs=3)
