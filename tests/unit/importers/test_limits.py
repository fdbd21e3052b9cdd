"""Hostile plan files: refused while streaming, before memory is spent, at one boundary.

Memory and time of the two bombs the issue names are measured (and compared with a normal
import) by ``tests/benchmarks/bench_bombs.py``; here each is refused well under 2 seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import ImportFailed
from kstthc_desktop.importers import boundary, grid, read_plan, reading

from . import fixtures as fx

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"


def _rewrite(src: Path, dst: Path, member: str, change) -> Path:  # noqa: ANN001
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, change(data) if info.filename == member else data)
    return dst


@pytest.fixture
def small_xlsx(tmp_path: Path) -> Path:
    return fx.write_xlsx(tmp_path / "nho.xlsx", [fx.commune_main()])


def merge_bomb(small: Path, dst: Path) -> Path:
    """7.9 KB that asks for 17 billion merged cells."""
    return _rewrite(small, dst, "xl/worksheets/sheet1.xml", lambda d: d.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))


def ods_bomb(dst: Path, rows: int, cols: int) -> Path:
    """A 1 KB spreadsheet: one filled row repeated ``rows`` times, its cell ``cols`` times."""
    return fx.zip_ods(dst, '<table:table table:name="S">'
                      f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
                      f'office:value-type="string" table:number-columns-repeated="{cols}"><text:p>STT</text:p>'
                      '</table:table-cell></table:table-row></table:table>')


def _refused_quickly(path: Path, needle: str = "") -> str:
    started = time.monotonic()
    with pytest.raises(ImportFailed) as err:
        read_plan(path)
    assert time.monotonic() - started < 2.0
    assert path.name in err.value.message and needle in str(err.value)
    return str(err.value)


def test_the_merged_cell_bomb_is_refused_at_once(small_xlsx: Path, tmp_path: Path) -> None:
    bomb = merge_bomb(small_xlsx, tmp_path / "gop.xlsx")
    assert bomb.stat().st_size < 10_000
    _refused_quickly(bomb, "ô gộp")


def test_two_far_apart_cells_are_refused_before_the_reader_fills_the_rectangle(small_xlsx: Path,
                                                                            tmp_path: Path) -> None:
    """calamine allocates every cell between A1 and XFD1048576: 17 billion of them."""
    bomb = _rewrite(small_xlsx, tmp_path / "xa.xlsx", "xl/worksheets/sheet1.xml", lambda d: d.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
    _refused_quickly(bomb, "vùng")


def test_many_small_merges_add_up(small_xlsx: Path, tmp_path: Path) -> None:
    refs = b"".join(b'<mergeCell ref="A%d:CV%d"/>' % (r, r + 99) for r in range(1, 4000, 100))
    bomb = _rewrite(small_xlsx, tmp_path / "gop-nhieu.xlsx", "xl/worksheets/sheet1.xml",
                    lambda d: d.replace(b"</sheetData>", b"</sheetData><mergeCells>" + refs + b"</mergeCells>"))
    _refused_quickly(bomb, "ô gộp")


@pytest.mark.parametrize("rows,cols", [(1_048_576, 1), (20, 16_384), (100_000, 1_000), (2_000, 101)])
def test_the_ods_repeated_row_and_column_bombs_are_refused(tmp_path: Path, rows: int, cols: int) -> None:
    _refused_quickly(ods_bomb(tmp_path / "lap.ods", rows, cols), "lặp lại")


def test_trailing_empty_repeats_of_real_ods_files_are_fine(tmp_path: Path) -> None:
    """LibreOffice ends every sheet with a million empty repeated rows: that is not a bomb."""
    path = fx.write_ods(tmp_path / "kh.ods", [fx.commune_main()])
    tail = (b'<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
            b'table:number-columns-repeated="1024"/></table:table-row></table:table>')
    real = _rewrite(path, tmp_path / "kh-lo.ods", "content.xml", lambda d: d.replace(b"</table:table>", tail, 1))
    assert read_plan(real).title


def test_too_many_cells_or_shared_strings_are_refused_before_loading(small_xlsx: Path, tmp_path: Path,
                                                                      monkeypatch) -> None:
    monkeypatch.setattr(grid, "MAX_XML_CELLS", 50)
    _refused_quickly(small_xlsx, "ô")
    monkeypatch.setattr(grid, "MAX_XML_CELLS", 10**9)
    monkeypatch.setattr(grid, "MAX_SHARED_STRINGS", 5)
    shared = tmp_path / "chung.xlsx"
    with zipfile.ZipFile(small_xlsx) as zin, zipfile.ZipFile(shared, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      + b"<si><t>x</t></si>" * 10 + b"</sst>")
    _refused_quickly(shared, "đoạn chữ")


def test_a_word_plan_with_too_many_table_cells_is_refused_before_loading(tmp_path: Path, monkeypatch) -> None:
    path = fx.write_docx(tmp_path / "kh.docx", [fx.commune_main()])
    monkeypatch.setattr(grid, "MAX_CELLS", 20)
    _refused_quickly(path, "ô")


def test_reading_that_takes_too_long_is_stopped(small_xlsx: Path, monkeypatch) -> None:
    monkeypatch.setattr(boundary, "MAX_SECONDS", 0.0)
    assert "quá lâu" in _refused_quickly(small_xlsx)


def test_a_fifo_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    """Opening a FIFO blocks until a writer comes: forever. (Windows has no FIFOs in the file
    system; there the same test reads the NUL device.)"""
    special = Path("NUL") if os.name == "nt" else tmp_path / "ke-hoach.xlsx"
    if os.name != "nt":
        os.mkfifo(special)
    box: dict = {}
    t = threading.Thread(target=lambda: box.setdefault("r", _catch(special)), daemon=True)
    t.start()
    t.join(5)
    assert not t.is_alive(), "reading a FIFO hung"
    assert "không phải một tệp thông thường" in box["r"]


def _catch(path: Path) -> str:
    try:
        read_plan(path)
    except ImportFailed as exc:
        return str(exc)
    return ""


def test_a_device_and_a_folder_are_refused(tmp_path: Path) -> None:
    if os.path.exists(os.devnull) and os.name != "nt":
        assert "không phải một tệp thông thường" in _catch(Path(os.devnull))
    assert "thư mục" in _catch(tmp_path)


def test_a_rust_panic_in_the_xls_reader_is_one_clean_message() -> None:
    """python-calamine panics (PanicException, a BaseException) on this damaged .xls."""
    text = _catch(DATA / "damaged_panic.xls")
    assert "damaged_panic.xls" in text and "bị hỏng" in text


def test_the_cli_says_one_line_for_the_panic_and_nothing_from_rust(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "kstthc_desktop.cli", "import", str(DATA / "damaged_panic.xls"),
                           "--office", str(tmp_path / "x.kstthc"), "--dry-run"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("kstthc: "), proc.stderr
    assert not (tmp_path / "x.kstthc").exists()


class _NativePanic(BaseException):
    """What a native reader's panic looks like: not an Exception, not our type."""


_NativePanic.__module__ = "pyo3_runtime"


def test_any_reader_failure_becomes_import_failed_at_the_boundary(small_xlsx: Path, monkeypatch) -> None:
    def panicking(path, progress):  # noqa: ANN001
        raise _NativePanic("index out of range")

    monkeypatch.setitem(reading.READERS, "xlsx", panicking)
    assert "bị hỏng" in _catch(small_xlsx)


def test_strict_mode_lets_our_own_bugs_through(small_xlsx: Path, monkeypatch) -> None:
    """A bug in our reader must fail the tests, not pass as "the file is damaged"."""
    real = grid._fill_spans

    # a planted bug inside our readers (calamine's and openpyxl's both fill merged ranges through it)
    monkeypatch.setattr(grid, "_fill_spans", lambda rows, spans: real(None, [(0, 0, 1, 1)]))
    monkeypatch.setenv("KSTTHC_STRICT", "1")
    with pytest.raises(TypeError):
        read_plan(small_xlsx)
    monkeypatch.setenv("KSTTHC_STRICT", "0")  # what the officer gets: a message, never a crash
    assert "bị hỏng" in _catch(small_xlsx)


def test_the_suite_runs_in_strict_mode() -> None:
    assert os.environ.get("KSTTHC_STRICT") == "1"
