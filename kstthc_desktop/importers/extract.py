"""Plain text out of evidence files, for the search index: PDF, Word, spreadsheets, text files.

Runs off the GUI thread on a temporary copy of the stored file. Everything is capped (file size
per kind, pages, characters) so one huge or hostile file cannot eat the memory or the afternoon;
a file that cannot be read is reported, never raised. Libraries load at first use.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.locks import PDFIUM
from ..core.search import strip_controls
from ..core.text import nfc

VERSION = 1  # bump when the reader improves: files read by an older one are read again
MAX_CHARS = 200_000  # about 60–80 pages of a Word report; the rest of a longer file is not indexed
CHUNK_CHARS = 4_000  # the index ranks and highlights parts of this size
MAX_PAGES = 1_000
MAX_CELLS = 400_000
LIMITS = {  # bytes of the stored file, per kind
    "pdf": 1 << 31, "docx": 60 << 20, "xlsx": 40 << 20, "xls": 40 << 20, "ods": 40 << 20, "text": 1 << 31,
}
MAX_XML = 80 << 20  # uncompressed word/document.xml: a zip bomb stops here
TEXT_SUFFIXES = (".txt", ".csv", ".md", ".log", ".tsv")

Stop = Callable[[], bool]


class Stopped(Exception):
    """Reading was stopped from outside (the window is closing)."""


@dataclass
class Extracted:
    """The outcome for one file: 'done' (text found), 'empty', 'unsupported', 'too_big' or 'failed'."""

    state: str
    pieces: list[tuple[int | None, str]] = field(default_factory=list)  # (page, text) in reading order
    chars: int = 0
    truncated: bool = False
    note: str = ""


def kind_of(name: str, head: bytes) -> str | None:
    """What reader suits a file, from its first bytes first and its name second (names lie)."""
    lower = name.lower()
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if lower.endswith((".docx", ".docm")):
            return "docx"
        if lower.endswith((".xlsx", ".xlsm")):
            return "xlsx"
        if lower.endswith(".ods"):
            return "ods"
        return None
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: old Excel is readable, old Word is not
        return "xls" if lower.endswith(".xls") else None
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def extract(path: Path, kind: str, stop: Stop | None = None, max_chars: int = MAX_CHARS) -> Extracted:
    """Read ``path`` as ``kind``; a damaged or locked file gives state 'failed' with the reason."""
    stop = stop or (lambda: False)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Extracted("failed", note=str(exc))
    if size > LIMITS.get(kind, 0):
        return Extracted("too_big", note=f"{size} bytes")
    sink = _Sink(max_chars, stop)
    try:
        {"pdf": _pdf, "docx": _docx, "xlsx": _sheets, "xls": _sheets, "ods": _sheets, "text": _text}[kind](path, sink)
    except _Full:
        pass
    except _TooBig as exc:
        return Extracted("too_big", note=str(exc))
    except Stopped:
        raise
    except Exception as exc:  # noqa: BLE001 - any library error on a bad file: report it, go on
        return Extracted("failed", note=f"{type(exc).__name__}: {exc}"[:300])
    return Extracted("done" if sink.chars else "empty", sink.pieces, sink.chars, sink.truncated)


class _Full(Exception):
    pass


class _Sink:
    """Collects text up to the cap; legacy-encoded Vietnamese (TCVN3/VNI) is converted on the way."""

    def __init__(self, max_chars: int, stop: Stop) -> None:
        self.max_chars, self.stop = max_chars, stop
        self.pieces: list[tuple[int | None, str]] = []
        self.chars = 0
        self.truncated = False

    def add(self, text: str, page: int | None = None) -> None:
        if self.stop():
            raise Stopped()
        text = strip_controls(nfc(text)).strip()
        if not text:
            return
        from .legacy import fix_legacy

        text, _ = fix_legacy(text)
        room = self.max_chars - self.chars
        if len(text) > room:
            text, self.truncated = text[:room], True
        self.pieces.append((page, text))
        self.chars += len(text)
        if self.chars >= self.max_chars:
            self.truncated = True
            raise _Full()


def _pdf(path: Path, sink: _Sink) -> None:
    import pypdfium2 as pdfium

    with PDFIUM:  # PDFium is not thread-safe (core/locks.py)
        pdf = pdfium.PdfDocument(str(path))
        try:
            pages = len(pdf)
            for i in range(min(pages, MAX_PAGES)):
                page = pdf[i]
                try:
                    textpage = page.get_textpage()
                    try:
                        sink.add(textpage.get_text_range(), page=i + 1)
                    finally:
                        textpage.close()
                finally:
                    page.close()
            if pages > MAX_PAGES:
                sink.truncated = True
        finally:
            pdf.close()


def _docx(path: Path, sink: _Sink) -> None:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("word/document.xml")
        if info.file_size > MAX_XML:
            raise _TooBig()
    from docx import Document
    from docx.oxml.ns import qn

    body = Document(str(path)).element.body
    para, run = qn("w:p"), qn("w:t")
    lines: list[str] = []
    size = 0
    for p in body.iter(para):
        line = "".join(t.text or "" for t in p.iter(run))
        if line.strip():
            lines.append(line)
            size += len(line)
        if size > 8_000:
            sink.add("\n".join(lines))
            lines, size = [], 0
    sink.add("\n".join(lines))


class _TooBig(Exception):
    def __str__(self) -> str:
        return "the document text is too large"


def _sheets(path: Path, sink: _Sink) -> None:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    try:
        cells = 0
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            lines = [name]
            for row in sheet.iter_rows():
                values = [str(v).strip() for v in row if v not in (None, "")]
                cells += len(row)
                if values:
                    lines.append(" | ".join(values))
                if cells > MAX_CELLS:
                    sink.add("\n".join(lines))
                    sink.truncated = True
                    return
                if len(lines) >= 200:
                    sink.add("\n".join(lines))
                    lines = []
            sink.add("\n".join(lines))
    finally:
        wb.close()


def _text(path: Path, sink: _Sink) -> None:
    with open(path, "rb") as fh:
        data = fh.read(sink.max_chars * 4)
    for encoding in ("utf-8-sig", "utf-16") if data[:2] not in (b"\xff\xfe", b"\xfe\xff") else ("utf-16",):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("cp1258", errors="replace")
    for start in range(0, len(text), 8_000):
        sink.add(text[start:start + 8_000])


def chunks(pieces: list[tuple[int | None, str]], size: int = CHUNK_CHARS) -> list[tuple[int | None, str]]:
    """Cut the text into parts of at most ``size`` characters at line or word ends, never across a
    page of a PDF (so a hit knows its page)."""
    out: list[tuple[int | None, str]] = []
    buf: list[str] = []
    buf_len = 0
    page: int | None = None
    for piece_page, text in pieces:
        if buf and piece_page != page:  # a part never spans two pages: a hit can say its page
            out.append((page, "\n".join(buf)))
            buf, buf_len = [], 0
        while text:
            if not buf:
                page = piece_page
            room = size - buf_len
            if len(text) <= room:
                buf.append(text)
                buf_len += len(text) + 1
                text = ""
                continue
            cut = max(text.rfind("\n", 0, room), text.rfind(" ", 0, room))
            if cut <= room // 3:
                if buf:  # flush what we have and retry the piece in a fresh part
                    out.append((page, "\n".join(buf)))
                    buf, buf_len = [], 0
                    continue
                cut = room
            buf.append(text[:cut])
            out.append((page, "\n".join(buf)))
            buf, buf_len = [], 0
            text = text[cut:].lstrip()
    if buf:
        out.append((page, "\n".join(buf)))
    return out
