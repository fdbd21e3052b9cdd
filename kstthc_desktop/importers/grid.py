"""Any plan file (.xlsx, .xls, .ods, .docx, .pdf) → a uniform grid of cleaned text per sheet/table.

The table recogniser (plan_table.py) only ever sees ``Grid``s, so file-format quirks stay here:
merged cells are filled with their top-left value (and remembered in ``spans``), numbers and
dates become the text an officer sees, legacy TCVN3/VNI text is converted, and every hostile
or broken file ends as ``ImportFailed`` with a message that names the file and what to do.
Heavy libraries are imported inside the readers so start-up does not pay for them. The entry
point that tells a file's kind and dispatches to its reader is reading.py (``read_grids``).
"""

from __future__ import annotations

import os
import re
import stat
import warnings
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..core.errors import ImportFailed, KstthcError, strict_mode
from ..core.progress import Progress
from ..core.text import clean
from .boundary import is_ours, tick
from .legacy import fix_legacy, might_be_legacy

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_ZIP_MEMBERS = 10_000
MAX_CELLS = 200_000  # cells of the grid we build (height × width of the used area)
MAX_XML_CELLS = 300_000  # cell elements in an .xlsx, styled-but-empty ones too (openpyxl keeps them all)
MAX_MERGED_AREA = 200_000  # cells covered by merged ranges (openpyxl makes an object for each)
MAX_XLSX_AREA = 2_000_000  # the rectangle spanned by a sheet's cells (calamine allocates all of it)
MAX_SHARED_STRINGS = 500_000
MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024  # python-docx holds document.xml as one tree
_SCAN_CHUNK = 1 << 20
_RATIO_MIN_BYTES = 1024 * 1024  # tiny members compress absurdly well; judge only big ones
_PROLOG_SCAN_BYTES = 64 * 1024
_MAX_SPAN = 10_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

Span = tuple[int, int, int, int]  # first row, first col, last row, last col (0-based, inclusive)


@dataclass
class Grid:
    """One sheet (or one Word table) as rows of cleaned text; row i is sheet row i + 1."""

    name: str
    rows: list[list[str]]
    spans: list[Span] = field(default_factory=list)
    title_lines: list[str] = field(default_factory=list)  # Word: paragraphs just above the table
    notes: list[tuple[int | None, str]] = field(default_factory=list)  # (1-based row, message)
    hidden: bool = False
    _origins: dict[tuple[int, int], tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, col: int) -> str:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return ""

    def origin(self, row: int, col: int) -> tuple[int, int]:
        """Top-left cell of the merged range holding (row, col); the cell itself if not merged."""
        if self._origins is None:
            origins: dict[tuple[int, int], tuple[int, int]] = {}
            for r0, c0, r1, c1 in self.spans:
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        if (r, c) != (r0, c0):
                            origins[(r, c)] = (r0, c0)
            self._origins = origins
        return self._origins.get((row, col), (row, col))


def _open_regular(p: Path) -> tuple[bytes, int]:
    """The first bytes and the size of a regular file; FIFOs, devices and folders are refused
    before anything waits on them (opening a FIFO blocks until a writer comes, forever)."""
    name = p.name
    try:
        st = os.stat(p)
    except OSError as exc:
        raise ImportFailed(
            f"Không mở được tệp '{name}' ({exc.strerror or exc}).",
            "Hãy kiểm tra tệp còn tồn tại, không bị chương trình khác khóa rồi thử lại.",
        ) from exc
    if stat.S_ISDIR(st.st_mode):
        raise ImportFailed(f"'{name}' là một thư mục, không phải tệp kế hoạch.", "Hãy chọn tệp .xlsx, .xls, .ods hoặc .docx.")
    if not stat.S_ISREG(st.st_mode):
        raise ImportFailed(f"'{name}' không phải một tệp thông thường (thiết bị hoặc đường ống).",
                           "Hãy chọn tệp .xlsx, .xls, .ods hoặc .docx đã lưu trên ổ đĩa.")
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a FIFO after the check
                raise ImportFailed(f"'{name}' không phải một tệp thông thường.", "Hãy chọn tệp khác.")
            head = os.read(fd, 4096)
        finally:
            os.close(fd)
    except OSError as exc:
        raise ImportFailed(
            f"Không mở được tệp '{name}' ({exc.strerror or exc}).",
            "Hãy kiểm tra tệp còn tồn tại, không bị chương trình khác khóa rồi thử lại.",
        ) from exc
    return head, st.st_size


# --------------------------------------------------------------------------- file type & safety


def _not_a_plan(name: str) -> ImportFailed:
    return ImportFailed(
        f"Tệp '{name}' không phải bảng tính hay văn bản Word.",
        "Hãy lưu lại dưới dạng .xlsx hoặc .docx rồi nhập lại.",
    )


def _password(name: str) -> ImportFailed:
    return ImportFailed(
        f"Tệp '{name}' được đặt mật khẩu.",
        "Hãy mở bằng Excel (hoặc Word), bỏ mật khẩu rồi lưu lại dưới dạng .xlsx (hoặc .docx).",
    )


def _damaged(name: str) -> ImportFailed:
    return ImportFailed(
        f"Tệp '{name}' bị hỏng hoặc chưa được tải về trọn vẹn.",
        "Hãy tải lại hoặc xin gửi lại tệp, thử mở bằng Excel/Word trước khi nhập.",
    )


def _sniff(path: Path, head: bytes) -> str:
    """Decide the format from the bytes (never the extension) and vet containers for safety."""
    name = path.name
    if head.startswith(_ZIP_MAGICS):
        return _sniff_zip(path)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"{\\rtf"):
        raise ImportFailed(
            f"Tệp '{name}' là văn bản RTF, không phải .docx.",
            "Hãy mở bằng Word và lưu lại dưới dạng .docx (Word Document).",
        )
    if b"%pdf-" in head[:1024].lower():  # readers accept a little junk before the marker
        return "pdf"
    if stripped.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        raise ImportFailed(
            f"Tệp '{name}' là trang web/XML mang đuôi bảng tính, không phải tệp Excel thật.",
            "Hãy mở bằng Excel rồi lưu lại dưới dạng .xlsx (Excel Workbook).",
        )
    raise _not_a_plan(name)


def _sniff_zip(path: Path) -> str:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                raise _bomb(name)
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos)
            if total > MAX_UNCOMPRESSED_BYTES:
                raise _bomb(name)
            if total > _RATIO_MIN_BYTES and total > MAX_RATIO * max(packed, 1):
                raise _bomb(name)
            for info in infos:
                if info.file_size > _RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
                    info.compress_size, 1
                ):
                    raise _bomb(name)
            names = {i.filename for i in infos}
            if any(i.flag_bits & 0x1 for i in infos):
                raise _password(name)
            kind = _zip_kind(zf, names)
            if kind is None:
                raise _not_a_plan(name)
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _check_xml_prolog(zf, info, name)
            if kind == "xlsx":
                _scan_xlsx(zf, infos, name)
            elif kind == "docx":
                _scan_docx(zf, name)
            return kind
    except (
        zipfile.BadZipFile,
        EOFError,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        zlib.error,
    ) as exc:
        raise _damaged(name) from exc
    except OSError as exc:  # zlib / truncated reads surface as OSError subclasses too
        raise _damaged(name) from exc


def _too_big(name: str, what: str) -> ImportFailed:
    return ImportFailed(
        f"Tệp '{name}' quá lớn hoặc bất thường: {what}.",
        "Hãy mở bằng Excel/Word, chỉ giữ bảng kế hoạch (xóa các dòng, cột, ô gộp thừa) rồi lưu thành tệp mới.",
    )


def _stream_tags(zf: zipfile.ZipFile, member: str) -> Iterable[bytes]:
    """The member's bytes in pieces that end after a '>' (a tag is never cut in two)."""
    buf = b""
    with zf.open(member) as fh:
        while chunk := fh.read(_SCAN_CHUNK):
            tick()
            buf += chunk
            cut = buf.rfind(b">") + 1
            if cut == 0 and len(buf) < 4 * _SCAN_CHUNK:
                continue
            cut = cut or len(buf)
            yield buf[:cut]
            buf = buf[cut:]
    if buf:
        yield buf


_XLSX_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_XLSX_MERGE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?\"")
_XLSX_SHARED = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_XLSX_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br=\"([A-Za-z]{1,3})(\d{1,7})\"")


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _scan_xlsx(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> None:
    """Count what openpyxl would build, streaming, and stop at the first limit passed:
    cell elements, the area of merged ranges (one ``mergeCell A1:XFD1048576`` is 17 billion
    cells), shared strings."""
    cells = merged = 0
    for info in infos:
        member = info.filename
        if member.startswith("xl/worksheets/") and member.endswith(".xml") and "/_rels/" not in member:
            top = left = 1 << 30
            bottom = right = 0
            for piece in _stream_tags(zf, member):
                cells += len(_XLSX_CELL.findall(piece))
                if cells > MAX_XML_CELLS:
                    raise _too_big(name, f"có hơn {MAX_XML_CELLS:,} ô".replace(",", "."))
                for m in _XLSX_REF.finditer(piece):  # two cells, A1 and XFD1048576, span 17 billion
                    col, row = _col_index(m.group(1)), int(m.group(2))
                    top, bottom, left, right = min(top, row), max(bottom, row), min(left, col), max(right, col)
                if bottom and (bottom - top + 1) * (right - left + 1) > MAX_XLSX_AREA:
                    raise _too_big(name, f"các ô trải trên vùng hơn {MAX_XLSX_AREA:,} ô".replace(",", "."))
                for m in _XLSX_MERGE.finditer(piece):
                    c0, r0 = _col_index(m.group(1)), int(m.group(2))
                    c1, r1 = (_col_index(m.group(3)), int(m.group(4))) if m.group(3) else (c0, r0)
                    merged += (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1)
                    if merged > MAX_MERGED_AREA:
                        raise _too_big(name, f"vùng ô gộp phủ hơn {MAX_MERGED_AREA:,} ô".replace(",", "."))
        elif member == "xl/sharedStrings.xml":
            count = 0
            for piece in _stream_tags(zf, member):
                count += len(_XLSX_SHARED.findall(piece))
                if count > MAX_SHARED_STRINGS:
                    raise _too_big(name, f"có hơn {MAX_SHARED_STRINGS:,} đoạn chữ".replace(",", "."))


_DOCX_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?tc[\s>]")


def _scan_docx(zf: zipfile.ZipFile, name: str) -> None:
    """python-docx builds the whole document as one tree: bound its size and its table cells."""
    if zf.getinfo("word/document.xml").file_size > MAX_DOCUMENT_XML_BYTES:
        raise _too_big(name, "nội dung văn bản quá dài")
    cells = 0
    for piece in _stream_tags(zf, "word/document.xml"):
        cells += len(_DOCX_CELL.findall(piece))
        if cells > MAX_CELLS:
            raise _too_big(name, f"các bảng có hơn {MAX_CELLS:,} ô".replace(",", "."))


def _bomb(name: str) -> ImportFailed:
    return ImportFailed(
        f"Tệp '{name}' có nội dung nén bất thường (giải nén ra quá lớn) nên không được mở.",
        "Hãy mở bằng Excel/Word, chỉ giữ bảng kế hoạch rồi lưu thành tệp mới.",
    )


def _zip_kind(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        if "xl/workbook.bin" in names and "xl/workbook.xml" not in names:
            raise ImportFailed(
                f"Tệp '{Path(zf.filename or '').name}' là bảng tính nhị phân .xlsb.",
                "Hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Excel Workbook).",
            )
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names:
        mimetype = zf.read("mimetype")[:100].strip()
        if mimetype == b"application/vnd.oasis.opendocument.spreadsheet":
            return "ods"
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            raise ImportFailed(
                f"Tệp '{Path(zf.filename or '').name}' là văn bản OpenDocument (.odt).",
                "Hãy mở bằng LibreOffice/Word và lưu lại dưới dạng .docx.",
            )
    return None


_ELEMENT_START = re.compile(r"<(?![?!])")
_UNSAFE = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_xml_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Refuse DTDs/entities: lxml (openpyxl, python-docx) would expand them."""
    with zf.open(info) as fh:
        raw = fh.read(_PROLOG_SCAN_BYTES)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="ignore")
    elif raw[:2] in (b"<\x00", b"\x00<"):
        text = raw.decode("utf-16-le" if raw[0] == 0x3C else "utf-16-be", errors="ignore")
    else:
        text = raw.decode("latin-1")
    start = _ELEMENT_START.search(text)
    prolog = text[: start.start()] if start else text
    if _UNSAFE.search(prolog) or (start is None and len(raw) >= _PROLOG_SCAN_BYTES):
        raise ImportFailed(
            f"Tệp '{name}' chứa khai báo XML không an toàn (DOCTYPE/ENTITY) nên không được mở.",
            "Hãy mở bằng Excel/Word và lưu lại thành tệp mới rồi nhập lại.",
        )


def _ole_streams(data: bytes) -> set[str]:
    """Names of OLE2 directory entries, found where a directory entry must be (128-byte slots)."""
    found: set[str] = set()
    for stream in (
        "EncryptedPackage",
        "EncryptionInfo",
        "WordDocument",
        "Workbook",
        "Book",
        "PowerPoint Document",
    ):
        needle = stream.encode("utf-16-le") + b"\x00\x00"
        length = (len(stream) + 1) * 2
        start = 0
        while True:
            pos = data.find(needle, start)
            if pos < 0:
                break
            start = pos + 1
            if (
                pos >= 512
                and pos % 128 == 0
                and int.from_bytes(data[pos + 64 : pos + 66], "little") == length
            ):
                found.add(stream)
                break
    return found


def _sniff_ole(path: Path) -> str:
    name = path.name
    data = path.read_bytes()
    streams = _ole_streams(data)
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise _password(name)
    if "WordDocument" in streams:
        raise ImportFailed(
            f"Tệp '{name}' là văn bản Word cũ (.doc).",
            "Hãy mở bằng Word và lưu lại dưới dạng .docx (Tệp → Lưu thành → Word Document).",
        )
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    if "PowerPoint Document" in streams:
        raise _not_a_plan(name)
    raise ImportFailed(
        f"Tệp '{name}' là tệp Office cũ nhưng không nhận ra được nội dung (có thể bị hỏng).",
        "Hãy mở bằng Excel/Word và lưu lại dưới dạng .xlsx hoặc .docx.",
    )


# --------------------------------------------------------------------------- values


def format_value(value: Any) -> str:
    """A cell value as the officer sees it: 3 not 3.0, dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


class _LegacyLog:
    """Collects which rows held legacy-encoded text, for one note per grid."""

    def __init__(self) -> None:
        self.rows: dict[str, list[int]] = {}

    def text(self, raw: str, row: int, font: str | None = None) -> str:
        if not might_be_legacy(raw):
            return clean(raw)
        converted, encoding = fix_legacy(raw, font)
        if encoding:
            self.rows.setdefault(encoding, []).append(row)
        return clean(converted)

    def notes(self) -> list[tuple[int | None, str]]:
        out: list[tuple[int | None, str]] = []
        labels = {"tcvn3": "TCVN3 (ABC, phông .VnTime)", "vni": "VNI (phông VNI-Times)"}
        for encoding, rows in self.rows.items():
            rows = sorted(set(rows))
            shown = ", ".join(str(r) for r in rows[:8]) + (", …" if len(rows) > 8 else "")
            out.append(
                (
                    rows[0],
                    f"Đã chuyển {len(rows)} dòng gõ bằng mã {labels[encoding]} sang Unicode (dòng {shown}); hãy kiểm tra lại chữ.",
                )
            )
        return out


def _check_area(name: str, sheet: str, rows: int, cols: int) -> None:
    if rows * cols > MAX_CELLS:
        raise ImportFailed(
            f"Tệp '{name}' quá lớn: trang '{sheet}' có {rows * cols:,} ô (tối đa {MAX_CELLS:,}).".replace(
                ",", "."
            ),
            "Hãy chỉ giữ lại bảng kế hoạch (xóa các dòng, cột thừa) rồi lưu thành tệp mới.",
        )


def _fill_spans(rows: list[list[str]], spans: Iterable[Span]) -> list[Span]:
    """Copy each merged range's top-left text into the whole range; clip to the grid."""
    kept: list[Span] = []
    height = len(rows)
    width = max((len(r) for r in rows), default=0)
    for r0, c0, r1, c1 in spans:
        r1 = min(r1, height - 1, r0 + _MAX_SPAN)
        c1 = min(c1, width - 1, c0 + _MAX_SPAN)
        if r0 < 0 or c0 < 0 or r0 >= height or c0 >= width or (r1 <= r0 and c1 <= c0):
            continue
        value = rows[r0][c0]
        for r in range(r0, r1 + 1):
            if r % 1000 == 0:
                tick()
            row = rows[r]
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    row[c] = value
        kept.append((r0, c0, r1, c1))
    return kept


# --------------------------------------------------------------------------- xlsx


def _read_xlsx(path: Path, progress: Progress) -> list[Grid]:
    """calamine (Rust, ~10× faster) when it yields the same grid as openpyxl; openpyxl otherwise.

    calamine knows no fonts, and a legacy-encoded cell is told apart by its font name (.VnTime,
    VNI-Times): those names are read here from the workbook's own XML (its cell styles and the
    style of each cell); a workbook whose XML this does not follow, or one calamine cannot read,
    goes to openpyxl, whose errors are the ones reported.
    tests/unit/importers/test_grid_xlsx_readers.py proves both give equal grids on the test workbooks.
    """
    try:
        grids = _read_xlsx_calamine(path, progress)
    except (KstthcError, KeyboardInterrupt, SystemExit):  # our refusals (limits, cancel) stand
        raise
    except BaseException as exc:  # noqa: BLE001 - any doubt (a Rust panic too): the reference reader decides
        if strict_mode() and is_ours(exc):  # … but a bug of ours must not hide behind the fallback
            raise
        grids = None
    return grids if grids is not None else _read_xlsx_openpyxl(path, progress)


_LEGACY_FONT = re.compile(rb'<(?:\w+:)?name\s+val="\s*(?:\.vn|vni)', re.IGNORECASE)


def _read_xlsx_calamine(path: Path, progress: Progress) -> list[Grid] | None:
    """None when legacy fonts are used in a way _legacy_fonts cannot follow: then openpyxl reads it."""
    fonts: dict[str, dict[tuple[int, int], str]] = {}
    with zipfile.ZipFile(path) as zf:
        try:
            styles = zf.read("xl/styles.xml")
        except KeyError:
            styles = b""
        if _LEGACY_FONT.search(styles):
            found = _legacy_fonts(zf, styles)
            if found is None:
                return None
            fonts = found
    return _read_calamine(path, "xlsx", progress, fonts)


# the parts of SpreadsheetML that say which font a cell is in (attributes in any order, any prefix)
_XML_TAG = re.compile(rb"<(?:[\w.-]+:)?(fonts|font|name|cellXfs|xf|sheet|Relationship|c)\b([^>]*)>|"
                      rb"</(?:[\w.-]+:)?(fonts|font|cellXfs)>")
_XML_ATTR = re.compile(rb'([\w.:-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


def _attrs(raw: bytes) -> dict[str, str]:
    from html import unescape

    return {k.decode().rpartition(":")[2] if not k.startswith(b"xmlns") else k.decode():
            unescape((a if a is not None else b).decode("utf-8")) for k, a, b in _XML_ATTR.findall(raw)}


def _legacy_fonts(zf: zipfile.ZipFile, styles: bytes) -> dict[str, dict[tuple[int, int], str]] | None:
    """sheet name → {(row, col) 0-based: font name} for the cells whose style's font is .Vn…/VNI…
    (the only font names fix_legacy listens to); None when the XML is not what this reads (then
    openpyxl reads the file, and its verdict on damaged XML is the one the officer sees)."""
    try:
        return _legacy_fonts_of(zf, styles)
    except (ValueError, KeyError, zipfile.BadZipFile):  # UnicodeDecodeError is a ValueError
        return None


def _legacy_fonts_of(zf: zipfile.ZipFile, styles: bytes) -> dict[str, dict[tuple[int, int], str]] | None:
    font_names: list[str] = []
    xf_fonts: list[int] = []
    section = None
    in_font = False
    for m in _XML_TAG.finditer(styles):
        tag, raw, closing = m.group(1), m.group(2), m.group(3)
        if closing:
            section = None if closing in (b"fonts", b"cellXfs") else section
            in_font = False if closing == b"font" else in_font
        elif tag in (b"fonts", b"cellXfs"):
            section = None if raw.rstrip().endswith(b"/") else tag
        elif tag == b"font" and section == b"fonts":
            font_names.append("")
            in_font = not raw.rstrip().endswith(b"/")
        elif tag == b"name" and section == b"fonts" and in_font:
            font_names[-1] = _attrs(raw).get("val", "")
        elif tag == b"xf" and section == b"cellXfs":
            xf_fonts.append(int(_attrs(raw).get("fontId", "0")))
    legacy_xfs = {i: font_names[f] for i, f in enumerate(xf_fonts)
                  if f < len(font_names) and font_names[f].strip().lower().startswith((".vn", "vni"))}
    if not font_names or not xf_fonts:
        return None
    if not legacy_xfs:
        return {}
    sheets = [(a.get("name", ""), a.get("id", "")) for m in _XML_TAG.finditer(zf.read("xl/workbook.xml"))
              if m.group(1) == b"sheet" for a in [_attrs(m.group(2))]]
    targets = {a.get("Id"): a.get("Target", "") for m in _XML_TAG.finditer(zf.read("xl/_rels/workbook.xml.rels"))
               if m.group(1) == b"Relationship" for a in [_attrs(m.group(2))]}
    out: dict[str, dict[tuple[int, int], str]] = {}
    for name, rel in sheets:
        target = targets.get(rel)
        if not target:
            return None
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        cells: dict[tuple[int, int], str] = {}
        for m in _XML_TAG.finditer(zf.read(part)):
            if m.group(1) != b"c":
                continue
            a = _attrs(m.group(2))
            xf = int(a.get("s", "0"))
            if xf not in legacy_xfs:
                continue
            ref = _CELL_REF.match(a.get("r", ""))
            if ref is None:
                return None  # a cell placed by its order alone: openpyxl knows how to count
            col = 0
            for ch in ref.group(1):
                col = col * 26 + ord(ch) - 64
            cells[(int(ref.group(2)) - 1, col - 1)] = legacy_xfs[xf]
        out[name] = cells
    return out


def _read_xlsx_openpyxl(path: Path, progress: Progress) -> list[Grid]:
    import openpyxl

    # A file object, not the path: openpyxl would judge by the extension and leak the handle
    # when the file is damaged.
    with path.open("rb") as fh:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, slicers…): not our concern.
            warnings.filterwarnings("ignore", module=r"openpyxl(\..*)?")
            wb = openpyxl.load_workbook(fh, read_only=False, data_only=True)
        return _xlsx_grids(path, wb, progress)


def _xlsx_grids(path: Path, wb: Any, progress: Progress) -> list[Grid]:
    try:
        grids: list[Grid] = []
        sheets = wb.worksheets
        for index, ws in enumerate(sheets):
            progress.report(index, len(sheets), f"Đang đọc trang '{ws.title}'")
            grids.append(_xlsx_sheet(path.name, ws, progress))
        return grids
    finally:
        wb.close()


def _xlsx_sheet(file_name: str, ws: Any, progress: Progress) -> Grid:
    cells: dict[tuple[int, int], Any] = getattr(ws, "_cells", None)
    if cells is None:  # pragma: no cover - openpyxl internals changed
        cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
    present = [(key, cell) for key, cell in cells.items() if cell.value is not None and cell.value != ""]
    height = max((r for (r, _), _ in present), default=0)
    width = max((c for (_, c), _ in present), default=0)
    _check_area(file_name, ws.title, height, width)
    rows = [[""] * width for _ in range(height)]
    log = _LegacyLog()
    for done, ((r, c), cell) in enumerate(present):
        if done and done % 5000 == 0:
            progress.report(done, len(present), f"Đang đọc trang '{ws.title}'")
            tick()
        raw = format_value(cell.value)
        font = None
        if might_be_legacy(raw):  # the font name (".VnTime", "VNI-Times") settles doubts
            font = getattr(getattr(cell, "font", None), "name", None)
        rows[r - 1][c - 1] = log.text(raw, r, font)
    spans = [
        (rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1) for rng in ws.merged_cells.ranges
    ]
    spans = _fill_spans(rows, spans)
    hidden = getattr(ws, "sheet_state", "visible") != "visible"
    return Grid(name=ws.title, rows=rows, spans=spans, notes=log.notes(), hidden=hidden)


# --------------------------------------------------------------------------- xls / ods


def _read_calamine(path: Path, kind: str, progress: Progress,
                   fonts: dict[str, dict[tuple[int, int], str]] | None = None) -> list[Grid]:
    """``fonts``: the legacy font names of .xlsx cells, per sheet (see _legacy_fonts)."""
    from python_calamine import CalamineWorkbook

    ods_spans = _ods_spans(path) if kind == "ods" else {}
    wb = CalamineWorkbook.from_path(str(path))
    try:
        grids: list[Grid] = []
        metas = {m.name: m for m in wb.sheets_metadata}
        names = list(wb.sheet_names)
        if kind == "xlsx":  # openpyxl's worksheets: chart sheets have no cells
            names = [n for n in names if n not in metas or str(getattr(metas[n], "typ", "")).endswith("WorkSheet")]
        for index, sheet_name in enumerate(names):
            progress.report(index, len(names), f"Đang đọc trang '{sheet_name}'")
            tick()
            sheet = wb.get_sheet_by_name(sheet_name)
            _check_area(path.name, sheet_name, sheet.total_height, sheet.total_width)
            data = sheet.to_python(skip_empty_area=False)
            log = _LegacyLog()
            if kind == "xlsx":  # openpyxl's grid: as wide as the last column holding text
                raws = [[format_value(v) for v in row] for row in data]
                width = max((c + 1 for row in raws for c, v in enumerate(row) if v), default=0)
                named = (fonts or {}).get(sheet_name, {})
                rows = [[log.text(v, r + 1, named.get((r, c))) for c, v in enumerate(row[:width])]
                        + [""] * (width - len(row)) for r, row in enumerate(raws)]
            else:
                rows = [[log.text(format_value(v), r + 1) for v in row] for r, row in enumerate(data)]
            while rows and not any(rows[-1]):
                rows.pop()
            notes: list[tuple[int | None, str]] = []
            if kind in ("xls", "xlsx"):
                merged = sheet.merged_cell_ranges or []
                spans = [(a[0], a[1], b[0], b[1]) for a, b in merged]
            else:
                spans = ods_spans.get(index, [])
            spans = _fill_spans(rows, spans)
            meta = metas.get(sheet_name)
            hidden = meta is not None and str(getattr(meta, "visible", "")).endswith(("Hidden", "VeryHidden"))
            grids.append(
                Grid(name=sheet_name, rows=rows, spans=spans, notes=notes + log.notes(), hidden=hidden)
            )
        return grids
    finally:
        wb.close()


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _ods_spans(path: Path) -> dict[int, list[Span]]:
    """Merged ranges of each ODS sheet (calamine does not expose them for ODS), read in one
    streaming pass that also refuses, before calamine expands anything, a sheet whose repeated
    rows or columns of content would cover more than ``MAX_CELLS`` (a 1 KB file can repeat one
    filled row a million times)."""
    from defusedxml.ElementTree import iterparse

    spans: dict[int, list[Span]] = {}
    table_index = -1
    row = col = 0
    last_row = last_col = -1  # the used area of the sheet so far (what calamine makes dense)
    filled = row_filled = row_last_col = 0
    t, value_type = _ODS_TABLE, _ODS_OFFICE + "value-type"
    name = path.name
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
        for event, elem in iterparse(fh, events=("start", "end"), forbid_dtd=True):
            tag = elem.tag
            if event == "start":
                if tag == t + "table":
                    table_index += 1
                    row, last_row, last_col, filled = 0, -1, -1, 0
                elif tag == t + "table-row":
                    col, row_filled, row_last_col = 0, 0, -1
                continue
            if tag in (t + "table-cell", t + "covered-table-cell"):
                repeat = _int_attr(elem, t + "number-columns-repeated", 1)
                if tag == t + "table-cell":
                    cs = _int_attr(elem, t + "number-columns-spanned", 1)
                    rs = _int_attr(elem, t + "number-rows-spanned", 1)
                    if cs > 1 or rs > 1:
                        spans.setdefault(table_index, []).append((row, col, row + rs - 1, col + cs - 1))
                    if elem.get(value_type) is not None or len(elem):
                        row_filled += repeat
                        row_last_col = col + repeat - 1
                col += repeat
                elem.clear()
            elif tag == t + "table-row":
                repeat = _int_attr(elem, t + "number-rows-repeated", 1)
                if row_filled:
                    last_row, last_col = row + repeat - 1, max(last_col, row_last_col)
                    filled += row_filled * repeat
                    if filled > MAX_CELLS or (last_row + 1) * (last_col + 1) > MAX_CELLS:
                        raise _too_big(name, f"trang {table_index + 1} có dòng/cột lặp lại phủ hơn "
                                             f"{MAX_CELLS:,} ô".replace(",", "."))
                row += repeat
                elem.clear()
                tick()
    return spans


def _int_attr(elem: Any, name: str, default: int) -> int:
    try:
        return max(1, min(int(elem.get(name, default)), 1_048_576))
    except (TypeError, ValueError):
        return default


# --------------------------------------------------------------------------- docx


def _read_docx(path: Path, progress: Progress) -> list[Grid]:
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    with path.open("rb") as fh:
        document = docx.Document(fh)
    body = document.element.body
    w_p, w_tbl, w_sdt, w_content = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")

    def blocks(parent: Any) -> Iterable[Any]:
        for child in parent.iterchildren():
            if child.tag == w_sdt:
                for content in child.iterchildren(w_content):
                    yield from blocks(content)
            elif child.tag in (w_p, w_tbl):
                yield child

    all_blocks = list(blocks(body))
    total = sum(1 for b in all_blocks if b.tag == w_tbl)
    grids: list[Grid] = []
    pending: list[str] = []
    cells_seen = 0
    for block in all_blocks:
        tick()
        if block.tag == w_p:
            text = clean(fix_legacy(Paragraph(block, document).text)[0])
            if text and len(pending) < 2000:
                pending.extend(text.split("\n"))
            continue
        progress.report(len(grids), max(total, 1), f"Đang đọc bảng {len(grids) + 1}")
        name = f"Bảng {len(grids) + 1}"
        rows, spans, log = _docx_table(block, document)
        cells_seen += sum(len(r) for r in rows)
        _check_area(path.name, name, 1, cells_seen)
        spans = _fill_spans(rows, spans)
        grids.append(Grid(name=name, rows=rows, spans=spans, title_lines=pending, notes=log.notes()))
        pending = []
    return grids


def _docx_table(tbl: Any, document: Any) -> tuple[list[list[str]], list[Span], _LegacyLog]:
    """Walk w:tr/w:tc ourselves: python-docx repeats merged cells, we need their geometry."""
    from docx.oxml.ns import qn

    w_tr, w_tc = qn("w:tr"), qn("w:tc")
    log = _LegacyLog()
    rows: list[list[str]] = []
    spans: list[Span] = []
    open_vertical: dict[int, list[int]] = {}  # first col → [r0, c0, r1, c1]
    for r, tr in enumerate(tbl.iterchildren(w_tr)):
        col = _safe_int(lambda tr=tr: tr.grid_before, 0)
        row: list[str] = [""] * col
        seen_cols: set[int] = set()
        for tc in tr.iterchildren(w_tc):
            span = max(1, min(_safe_int(lambda tc=tc: tc.grid_span, 1), 64))
            vmerge = _safe_value(lambda tc=tc: tc.vMerge)
            origin = open_vertical.get(col)
            if vmerge == "continue" and origin is not None:
                origin[2] = r
                text = rows[origin[0]][origin[1]] if origin[1] < len(rows[origin[0]]) else ""
            else:
                closed = open_vertical.pop(col, None)
                if closed is not None:
                    _close_vertical(closed, spans)
                text = log.text(_docx_cell_text(tc, document), r + 1)
                if vmerge == "restart":
                    open_vertical[col] = [r, col, r, col + span - 1]
                elif span > 1:
                    spans.append((r, col, r, col + span - 1))
            row.extend([text] * span)
            seen_cols.add(col)
            col += span
        for start in [c for c in open_vertical if c not in seen_cols]:
            _close_vertical(open_vertical.pop(start), spans)
        rows.append(row)
    for origin in open_vertical.values():
        _close_vertical(origin, spans)
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    return rows, spans, log


def _close_vertical(origin: list[int], spans: list[Span]) -> None:
    r0, c0, r1, c1 = origin
    if r1 > r0 or c1 > c0:
        spans.append((r0, c0, r1, c1))


def _docx_cell_text(tc: Any, document: Any) -> str:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):  # nested table: keep its text, line by line
            for tr in child.iterchildren(qn("w:tr")):
                parts = [_docx_cell_text(inner, document) for inner in tr.iterchildren(qn("w:tc"))]
                lines.append(" | ".join(p for p in parts if p))
    return "\n".join(lines)


def _attribute_errors() -> tuple[type[BaseException], ...]:
    """What python-docx raises for a malformed attribute value (w:gridSpan="x", w:vMerge="?")."""
    from docx.exceptions import InvalidXmlError

    return (ValueError, TypeError, LookupError, InvalidXmlError)


def _safe_int(getter: Any, default: int) -> int:
    try:
        value = getter()
        return int(value) if value is not None else default
    except _attribute_errors():  # a hostile file's attribute: use the default, keep reading
        return default


def _safe_value(getter: Any) -> Any:
    try:
        return getter()
    except _attribute_errors():
        return None
