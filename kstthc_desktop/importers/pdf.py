"""A PDF with a text layer → the same grids the spreadsheet and Word readers give.

Why pypdfium2 and not pdfplumber: measured on a 60-page ruled plan table (tests/benchmarks/
bench_pdf_import.py), pdfplumber's table finder took about 12 s and pdfminer's bare text about
8 s, while this reader previews the whole plan from the same file in about 1 s (pdfium's bare
text: 0.1 s). The project already ships pypdfium2 (report preview), so the table finding is done
here: ruling lines
come from the page's path objects, characters are grouped into words, lines and cells by their
boxes, and tables without lines are cut into columns at the positions of their header titles.

What comes out: one ``PagedGrid`` per table (a table broken over pages is one grid: the header
repeated on the next page and a cell cut by the page break stay as rows, which plan_table.py
already skips and joins), and one ``DocumentGrid`` with the running text as paragraphs (running
page headers and page numbers removed) for the prose reader. No OCR, ever: a PDF without a text
layer is refused with a message naming what to ask for.

Limits, so a hostile file cannot hang or exhaust the program: pages, characters and drawing
objects per page, form nesting depth, and wall time per file.
"""

from __future__ import annotations

import ctypes
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ImportFailed
from ..core.locks import PDFIUM
from ..core.progress import Progress
from ..core.text import clean, fold
from .document import PagedGrid, Paragraph, make_document_grid
from .grid import Grid, Span, _LegacyLog
from .plan_table import header_role

MAX_PAGES = 300
MAX_SECONDS = 30.0
MAX_CHARS_PER_PAGE = 60_000
MAX_OBJECTS_PER_PAGE = 30_000
MAX_FORM_DEPTH = 6
MAX_SEGMENTS_PER_PATH = 400

_TOL = 2.0  # points: lines this close are the same line
_MIN_RULE = 6.0  # shorter strokes are glyph decorations, not table rules


def _refused_scan(name: str) -> ImportFailed:
    return ImportFailed(
        f"Tệp '{name}' là bản scan (ảnh chụp văn bản), không có lớp chữ nên chương trình không đọc được "
        "nội dung; chương trình không tự đoán chữ từ ảnh.",
        "Hãy xin cấp trên gửi tệp Word (.docx) hoặc Excel (.xlsx) của kế hoạch, hoặc bản PDF có lớp chữ "
        "xuất từ hệ thống quản lý văn bản (không phải bản quét).",
    )


# --------------------------------------------------------------------------- page content


@dataclass
class _Word:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Line:
    words: list[_Word]
    page: int

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.height for w in self.words)

    def text(self) -> str:
        return _words_text(self.words)

    def segments(self, factor: float) -> list[list[_Word]]:
        """Split at gaps wider than ``factor`` × the line height (columns of a header block)."""
        out: list[list[_Word]] = [[self.words[0]]]
        limit = factor * self.height
        for prev, word in zip(self.words, self.words[1:], strict=False):
            if word.x0 - prev.x1 > limit:
                out.append([word])
            else:
                out[-1].append(word)
        return out


def _words_text(words: list[_Word]) -> str:
    parts: list[str] = []
    prev: _Word | None = None
    for w in words:
        if prev is not None and w.x0 - prev.x1 > 0.12 * min(w.height, prev.height):
            parts.append(" ")
        parts.append(w.text)
        prev = w
    return "".join(parts)


@dataclass
class _Rule:
    horizontal: bool
    pos: float  # y of a horizontal rule, x of a vertical one
    a: float  # start along the rule
    b: float  # end along the rule


@dataclass
class _Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[_Word]
    rules: list[_Rule]
    images: int
    notes: list[str] = field(default_factory=list)


def _page_words(textpage: object, pdfium_c: object, height: float, name: str, number: int) -> list[_Word]:
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    if count > MAX_CHARS_PER_PAGE:
        raise ImportFailed(
            f"Tệp '{name}': trang {number} có quá nhiều ký tự ({count:,}) nên không được đọc.".replace(",", "."),
            "Tệp có thể bị hỏng hoặc không phải văn bản kế hoạch; hãy xin tệp Word/Excel của kế hoạch.",
        )
    text = textpage.get_text_range(0, count)
    rect = pdfium_c.FS_RECTF()
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    ref = ctypes.byref(rect)
    words: list[_Word] = []
    cur: _Word | None = None
    for i, ch in enumerate(text[:count]):
        if ch.isspace() or ch == "\ufffe" or not ch.isprintable():
            cur = None
            continue
        if not get_box(textpage, i, ref):
            cur = None
            continue
        x0, x1 = rect.left, rect.right
        top, bottom = height - rect.top, height - rect.bottom
        if x1 - x0 <= 0 and bottom - top <= 0:
            cur = None
            continue
        if cur is not None:
            h = cur.height
            if (
                abs((top + bottom) / 2 - cur.cy) > 0.45 * h
                or x0 - cur.x1 > 0.2 * h
                or x0 < cur.x1 - 0.6 * h
            ):
                cur = None
        if cur is None:
            cur = _Word(x0, top, x1, bottom, ch)
            words.append(cur)
        else:
            cur.text += ch
            cur.x1 = max(cur.x1, x1)
            cur.top = min(cur.top, top)
            cur.bottom = max(cur.bottom, bottom)
    return words


def _page_rules(page: object, pdfium_c: object, height: float) -> tuple[list[_Rule], int, bool]:
    """Straight horizontal/vertical strokes and thin filled bars; (rules, image count, truncated)."""
    rules: list[_Rule] = []
    images = 0
    seen = 0
    truncated = False
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    matrix = pdfium_c.FS_MATRIX()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    px, py = ctypes.c_float(), ctypes.c_float()

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        w, h = abs(x1 - x0), abs(y1 - y0)
        if h <= _TOL and w >= _MIN_RULE:
            y = height - (y0 + y1) / 2
            rules.append(_Rule(True, y, min(x0, x1), max(x0, x1)))
        elif w <= _TOL and h >= _MIN_RULE:
            x = (x0 + x1) / 2
            rules.append(_Rule(False, x, height - max(y0, y1), height - min(y0, y1)))

    def walk(container: object, is_form: bool, depth: int, mats: list[tuple[float, ...]]) -> None:
        nonlocal images, seen, truncated
        if is_form:
            n = pdfium_c.FPDFFormObj_CountObjects(container)
        else:
            n = pdfium_c.FPDFPage_CountObjects(container)
        for i in range(max(n, 0)):
            seen += 1
            if seen > MAX_OBJECTS_PER_PAGE:
                truncated = True
                return
            obj = (pdfium_c.FPDFFormObj_GetObject if is_form else pdfium_c.FPDFPage_GetObject)(container, i)
            if not obj:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth < MAX_FORM_DEPTH and pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
                    m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                    walk(obj, True, depth + 1, [m, *mats])
                elif depth >= MAX_FORM_DEPTH:
                    truncated = True
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                if not pdfium_c.FPDFPageObj_GetBounds(
                    obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
                ):
                    continue
                box = _transform_box((left.value, bottom.value, right.value, top.value), mats)
                w, h = box[2] - box[0], box[3] - box[1]
                if (w <= _TOL and h >= _MIN_RULE) or (h <= _TOL and w >= _MIN_RULE):
                    add(*box)
                    continue
                if w < _MIN_RULE and h < _MIN_RULE:
                    continue
                pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke))
                if not stroke.value:
                    continue
                _path_edges(obj, pdfium_c, mats, px, py, add)

    walk(page, False, 0, [])
    return rules, images, truncated


def _path_edges(obj: object, pdfium_c: object, mats: list, px: object, py: object, add: object) -> None:
    """The straight edges of a stroked path (a cell drawn as a rectangle), in page space."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return
    own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if n <= 0 or n > MAX_SEGMENTS_PER_PATH:
        return
    points: list[tuple[float, float, int]] = []
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(px), ctypes.byref(py)):
            continue
        x, y = _apply(own, px.value, py.value)
        for m in mats:
            x, y = _apply(m, x, y)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        closes = bool(pdfium_c.FPDFPathSegment_GetClose(seg))
        points.append((x, y, kind))
        if closes:
            start = next((p for p in reversed(points) if p[2] == pdfium_c.FPDF_SEGMENT_MOVETO), None)
            if start is not None:
                points.append((start[0], start[1], pdfium_c.FPDF_SEGMENT_LINETO))
    for (x0, y0, _), (x1, y1, kind) in zip(points, points[1:], strict=False):
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            add(x0, y0, x1, y1)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _transform_box(box: tuple[float, float, float, float], mats: list) -> tuple[float, float, float, float]:
    if not mats:
        return box
    x0, y0, x1, y1 = box
    pts = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
    for m in mats:
        pts = [_apply(m, x, y) for x, y in pts]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _load_pages(path: Path, progress: Progress) -> list[_Page]:
    with PDFIUM:  # PDFium is not thread-safe (core/locks.py)
        return _read_pages(path, progress)


def _read_pages(path: Path, progress: Progress) -> list[_Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    name = path.name
    started = time.monotonic()
    data = path.read_bytes()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # pypdfium2 5 gives the code; 4.x only names it in the message
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise ImportFailed(
                f"Tệp PDF '{name}' được đặt mật khẩu nên không mở được.",
                "Hãy xin cấp trên gửi bản không đặt mật khẩu, hoặc tệp Word/Excel của kế hoạch.",
            ) from exc
        raise ImportFailed(
            f"Tệp PDF '{name}' bị hỏng hoặc chưa được tải về trọn vẹn.",
            "Hãy tải lại hoặc xin gửi lại tệp (tốt nhất là tệp Word/Excel của kế hoạch).",
        ) from exc
    try:
        count = len(pdf)
        if count == 0:
            raise ImportFailed(f"Tệp PDF '{name}' không có trang nào.", "Hãy kiểm tra lại tệp gốc.")
        if count > MAX_PAGES:
            raise ImportFailed(
                f"Tệp PDF '{name}' có {count} trang, quá dài cho một kế hoạch (tối đa {MAX_PAGES} trang).",
                "Hãy chỉ giữ các trang của kế hoạch (văn bản và phụ lục), hoặc xin tệp Word/Excel.",
            )
        pages: list[_Page] = []
        for index in range(count):
            if time.monotonic() - started > MAX_SECONDS:
                raise ImportFailed(
                    f"Tệp PDF '{name}' đọc quá lâu (quá {MAX_SECONDS:.0f} giây) nên đã dừng.",
                    "Tệp có thể bị hỏng hoặc quá phức tạp; hãy xin tệp Word/Excel của kế hoạch.",
                )
            progress.report(index, count, f"Đang đọc trang {index + 1}/{count}")
            page = pdf[index]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    words = _page_words(textpage, pdfium_c, height, name, index + 1)
                finally:
                    textpage.close()
                rules, images, truncated = _page_rules(page, pdfium_c, height)
            finally:
                page.close()
            notes = []
            if truncated:
                notes.append(f"Trang {index + 1} có quá nhiều hình vẽ; có thể không nhận ra đường kẻ bảng.")
            pages.append(_Page(index + 1, width, height, words, rules, images, notes))
        return pages
    finally:
        pdf.close()


# --------------------------------------------------------------------------- lines


def _group_lines(words: list[_Word], page: int) -> list[_Line]:
    """Words on one baseline band form a line (sorted left to right); lines top to bottom."""
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        placed = False
        for line in reversed(lines[-4:]):
            ref = line.words[0]
            overlap = min(line.bottom, w.bottom) - max(line.top, w.top)
            if overlap >= 0.5 * min(ref.height, w.height):
                line.words.append(w)
                placed = True
                break
        if not placed:
            lines.append(_Line([w], page))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: ln.top)
    return lines


def _soft_join(lines: list[tuple[str, float, float, float]], right: float, width: float) -> str:
    """Join the lines of one cell: a line break is kept only where the writer broke the line.

    Each line is (text, x0, x1, width of its first word). A line wrapped by the layout ends
    where the next word would not fit; a line that stops short although the next word fits
    was broken by hand (a list of units, a new sentence).
    """
    out = ""
    prev_end = right
    for text, _x0, x1, first_width in lines:
        if not out:
            out = text
        else:
            room = right - prev_end
            explicit = (
                out.rstrip()[-1:] in ".;:!?"
                or _MARKER.match(text) is not None
                or room > first_width + 0.05 * width + 6
            )
            out = f"{out}\n{text}" if explicit else f"{out} {text}"
        prev_end = x1
    return out


def _line_parts(line: _Line) -> tuple[str, float, float, float]:
    first = line.words[0]
    return line.text(), line.x0, line.x1, first.x1 - first.x0


_MARKER = re.compile(
    r"^([-+–—•*·]\s|\d{1,3}(\.\d{1,3})*[.)]\s|[a-zđ][).]\s|[IVXL]{1,5}[.:]\s|\(\d+\)|căn cứ|nơi nhận)",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- ruled tables


def _merge_rules(rules: list[_Rule]) -> list[_Rule]:
    out: list[_Rule] = []
    for horizontal in (True, False):
        group = sorted((r for r in rules if r.horizontal == horizontal), key=lambda r: (r.pos, r.a))
        merged: list[_Rule] = []
        for r in group:
            for m in reversed(merged[-12:]):
                if abs(m.pos - r.pos) <= _TOL and r.a <= m.b + _TOL and r.b >= m.a - _TOL:
                    m.a, m.b = min(m.a, r.a), max(m.b, r.b)
                    break
            else:
                merged.append(_Rule(horizontal, r.pos, r.a, r.b))
        out.extend(merged)
    return out


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _TOL * 1.5:
            continue
        out.append(v)
    return out


@dataclass
class _Ruled:
    page: int
    xs: list[float]
    ys: list[float]
    hs: list[_Rule]
    vs: list[_Rule]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def contains(self, w: _Word) -> bool:
        return self.xs[0] - _TOL <= w.cx <= self.xs[-1] + _TOL and self.ys[0] - _TOL <= w.cy <= self.ys[-1] + _TOL


def _find_ruled(rules: list[_Rule], page: int) -> list[_Ruled]:
    rules = _merge_rules(rules)
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if not r.horizontal]
    if len(hs) < 2 or len(vs) < 2 or len(hs) * len(vs) > 400_000:
        return []
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.a - _TOL <= v.pos <= h.b + _TOL and v.a - _TOL <= h.pos <= v.b + _TOL:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    tables: list[_Ruled] = []
    for g_hs, g_vs in groups.values():
        xs = _cluster([v.pos for v in g_vs])
        ys = _cluster([h.pos for h in g_hs])
        # A row cut by the page end often has no closing rule: the column rules still run to
        # where the row stops, so their ends close the last (or first) band.
        if ys:
            low = max(v.b for v in g_vs)
            high = min(v.a for v in g_vs)
            if low > ys[-1] + 4:
                ys.append(low)
            if high < ys[0] - 4:
                ys.insert(0, high)
        if len(xs) >= 2 and len(ys) >= 2 and xs[-1] - xs[0] > 30 and ys[-1] - ys[0] > 8:
            tables.append(_Ruled(page, xs, ys, g_hs, g_vs))
    tables.sort(key=lambda t: t.top)
    return tables


def _has_rule(rules: list[_Rule], pos: float, a: float, b: float) -> bool:
    mid = (a + b) / 2
    return any(abs(r.pos - pos) <= _TOL * 1.5 and r.a - _TOL <= mid <= r.b + _TOL for r in rules)


def _ruled_rows(table: _Ruled, words: list[_Word]) -> tuple[list[list[str]], list[Span]]:
    xs, ys = table.xs, table.ys
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not _has_rule(table.vs, xs[c + 1], ys[r], ys[r + 1]):
                parent[find(r * n_cols + c)] = find(r * n_cols + c + 1)
            if r + 1 < n_rows and not _has_rule(table.hs, ys[r + 1], xs[c], xs[c + 1]):
                parent[find(r * n_cols + c)] = find((r + 1) * n_cols + c)
    boxes: dict[int, list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            box = boxes.setdefault(find(r * n_cols + c), [r, c, r, c])
            box[0], box[1] = min(box[0], r), min(box[1], c)
            box[2], box[3] = max(box[2], r), max(box[3], c)
    origin_of: dict[tuple[int, int], tuple[int, int]] = {}
    spans: list[Span] = []
    for r0, c0, r1, c1 in boxes.values():
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                origin_of[(r, c)] = (r0, c0)
        if r1 > r0 or c1 > c0:
            spans.append((r0, c0, r1, c1))
    cell_words: dict[tuple[int, int], list[_Word]] = {}
    for w in words:
        r = _band(ys, w.cy)
        c = _band(xs, w.cx)
        if r is None or c is None:
            continue
        cell_words.setdefault(origin_of[(r, c)], []).append(w)
    rows = [[""] * n_cols for _ in range(n_rows)]
    extent = {(b[0], b[1]): b for b in boxes.values()}
    for (r, c), ws in cell_words.items():
        b = extent.get((r, c), [r, c, r, c])
        left, right = xs[b[1]], xs[b[3] + 1]
        lines = _group_lines(ws, table.page)
        texts = [_line_parts(ln) for ln in lines]
        rows[r][c] = clean(_soft_join(texts, right - 2, right - left))
    return rows, spans


def _band(edges: list[float], v: float) -> int | None:
    for i in range(len(edges) - 1):
        if edges[i] - _TOL <= v < edges[i + 1] + (_TOL if i == len(edges) - 2 else 0):
            return i
    return None


# --------------------------------------------------------------------------- the document flow


@dataclass
class _TableItem:
    page: int
    top: float
    rows: list[list[str]]
    spans: list[Span]
    xs: list[float]
    ruled: bool


def _running_lines(pages: list[_Page], page_lines: dict[int, list[_Line]]) -> set[tuple[int, int]]:
    """(page, line index) of page numbers and running headers/footers repeated page after page."""
    drop: set[tuple[int, int]] = set()
    seen: Counter[str] = Counter()
    bands: dict[tuple[int, int], str] = {}
    for page in pages:
        lines = page_lines[page.number]
        for i, line in enumerate(lines):
            in_margin = line.top < 0.09 * page.height or line.bottom > 0.93 * page.height
            if not in_margin:
                continue
            text = line.text()
            key = fold(re.sub(r"\d+", "#", text))
            if re.fullmatch(r"[-–—\s]*(trang\s*)?\d{1,4}(\s*/\s*\d{1,4})?[-–—\s]*", fold(text)):
                drop.add((page.number, i))
                continue
            bands[(page.number, i)] = key
            seen[key] += 1
    if len(pages) >= 3:
        for where, key in bands.items():
            if seen[key] >= max(3, len(pages) // 2):
                drop.add(where)
    return drop


def _header_band(lines: list[_Line], i: int) -> tuple[int, list[tuple[float, float, str]]] | None:
    """An unruled table's header at line ``i`` (maybe with 1–2 wrapped lines under it)."""
    from .plan_table import _valid_roles

    first = lines[i]
    if len(first.segments(1.0)) < 2:
        return None
    best = None
    for extra in range(0, 3):
        band = lines[i : i + extra + 1]
        if len(band) < extra + 1 or band[-1].page != first.page:
            break
        if extra and band[-1].top - band[-2].bottom > 1.2 * first.height:
            break
        cols: list[list[float | str]] = []
        for line in band:
            for seg in line.segments(1.0):
                x0, x1, text = seg[0].x0, max(w.x1 for w in seg), _words_text(seg)
                for col in cols:
                    if x0 <= col[1] + 2 and x1 >= col[0] - 2:  # type: ignore[operator]
                        col[0], col[1] = min(col[0], x0), max(col[1], x1)  # type: ignore[type-var]
                        col[2] = f"{col[2]} {text}"
                        break
                else:
                    cols.append([x0, x1, text])
        cols.sort(key=lambda c: c[0])  # type: ignore[arg-type, return-value]
        roles: dict[str, int] = {}
        for c, col in enumerate(cols):
            role = header_role(str(col[2]))
            if role and role not in roles:
                roles[role] = c
        if _valid_roles(roles) and len(cols) >= 2 and (best is None or len(roles) > best[2]):
            best = (i + extra, [(float(c[0]), float(c[1]), str(c[2])) for c in cols], len(roles))
    if best is None:
        return None
    return best[0], best[1]


def _unruled_table(
    lines: list[_Line], start: int, header: list[tuple[float, float, str]], header_end: int
) -> tuple[int, list[list[str]], list[int]]:
    """Cut lines into rows/columns under an unruled header; (index after the table, rows, pages)."""
    n = len(header)
    number_col = next((k for k, h in enumerate(header) if header_role(h[2]) == "number"), None)
    rows: list[list[list[tuple[str, float, float, float]]]] = []
    pages: list[int] = []
    header_words = {fold(h[2]) for h in header}

    def col_of_segment(x0: float, x1: float) -> int | None:
        """The column of a run of words: the header it lies under; None for a line across columns."""
        overlaps = [max(0.0, min(x1, h[1]) - max(x0, h[0])) for h in header]
        hit = [k for k, o in enumerate(overlaps) if o > 0]
        if len(hit) > 1 and sorted(overlaps)[-2] > 4:
            return None
        if hit:
            return max(hit, key=lambda k: overlaps[k])
        fits = [
            k for k in range(n)
            if (k == 0 or x0 >= header[k - 1][1] - 1) and (k == n - 1 or x1 <= header[k + 1][0] + 1)
        ]
        pool = fits or list(range(n))
        mid = (x0 + x1) / 2
        return min(pool, key=lambda k: abs((header[k][0] + header[k][1]) / 2 - mid))

    # the header rows themselves (so plan_table sees the titles)
    rows.append([[(h[2], h[0], h[1], 0.0)] for h in header])
    pages.append(lines[start].page)
    i = header_end + 1
    prev: _Line | None = lines[header_end]
    while i < len(lines):
        line = lines[i]
        folded = fold(line.text())
        if re.match(r"^(ghi chu|noi nhan|phu luc|tm\.|kt\.|tuq\.|nguoi lap)", folded):
            break
        cells: list[list[_Word]] = [[] for _ in range(n)]
        crossing = False
        for seg in line.segments(0.9):
            k = col_of_segment(seg[0].x0, max(w.x1 for w in seg))
            if k is None:
                crossing = True
                break
            cells[k].extend(seg)
        if crossing:  # a prose line runs across the columns: the table has ended
            break
        if prev is not None and line.page == prev.page and line.top - prev.bottom > 3.0 * line.height:
            break
        if fold(" ".join(_words_text(c) for c in cells if c)) in header_words:
            i += 1
            continue
        texts = [(_words_text(c), c[0].x0, max(w.x1 for w in c), c[0].x1 - c[0].x0) if c else None for c in cells]
        starts_row = (
            not rows[1:]
            or (number_col is not None and texts[number_col] is not None)
            or (number_col is None and prev is not None and line.top - prev.bottom > 0.9 * line.height)
            or (prev is not None and line.page != prev.page and _header_line_repeat(line, header))
        )
        if starts_row:
            rows.append([[t] if t else [] for t in texts])
            pages.append(line.page)
        else:
            for k, t in enumerate(texts):
                if t:
                    rows[-1][k].append(t)
        prev = line
        i += 1
    # Without rules a column's right edge is where its longest line ends.
    col_left = [min((p[1] for row in rows[1:] for p in row[k]), default=header[k][0]) for k in range(n)]
    col_right = [max((p[2] for row in rows[1:] for p in row[k]), default=header[k][1]) for k in range(n)]
    out_rows: list[list[str]] = []
    for r, row in enumerate(rows):
        out: list[str] = []
        for k, parts in enumerate(row):
            width = max(col_right[k] - col_left[k], 1)
            out.append(clean(_soft_join(parts, col_right[k], width)) if r else clean(parts[0][0]))
        out_rows.append(out)
    return i, out_rows, pages


def _header_line_repeat(line: _Line, header: list[tuple[float, float, str]]) -> bool:
    return fold(line.text()) == fold(" ".join(h[2] for h in header))


def read_pdf(path: Path, progress: Progress) -> list[Grid]:
    """Every table of the PDF as a grid, then the running text as a ``DocumentGrid``."""
    pages = _load_pages(path, progress)
    total_words = sum(len(p.words) for p in pages)
    if total_words == 0:
        if any(p.images for p in pages):
            raise _refused_scan(path.name)
        raise ImportFailed(
            f"Tệp PDF '{path.name}' không có chữ nào.",
            "Hãy kiểm tra lại tệp gốc, hoặc xin tệp Word/Excel của kế hoạch.",
        )
    notes: list[tuple[int, str]] = []
    flow: list[_Line | _TableItem] = []
    page_lines: dict[int, list[_Line]] = {}
    page_tables: dict[int, list[_Ruled]] = {}
    for page in pages:
        for note in page.notes:
            notes.append((page.number, note))
        if not page.words and page.images:
            notes.append((page.number, f"Trang {page.number} là ảnh quét, không có chữ nên không đọc được."))
        tables = _find_ruled(page.rules, page.number)
        page_tables[page.number] = tables
        free = [w for w in page.words if not any(t.contains(w) for t in tables)]
        page_lines[page.number] = _group_lines(free, page.number)
    drop = _running_lines(pages, page_lines)
    for page in pages:
        items: list[tuple[float, _Line | _TableItem]] = []
        for i, line in enumerate(page_lines[page.number]):
            if (page.number, i) not in drop:
                items.append((line.top, line))
        for t in page_tables[page.number]:
            inside = [w for w in page.words if t.contains(w)]
            if not inside:
                continue
            rows, spans = _ruled_rows(t, inside)
            items.append((t.top, _TableItem(page.number, t.top, rows, spans, t.xs, True)))
        items.sort(key=lambda it: it[0])
        flow.extend(item for _, item in items)
    return _assemble(flow, notes, path.name)


def _assemble(flow: list[_Line | _TableItem], notes: list[tuple[int, str]], name: str) -> list[Grid]:
    # Unruled tables: find header bands among consecutive text lines.
    items: list[_Line | _TableItem] = []
    i = 0
    while i < len(flow):
        item = flow[i]
        if isinstance(item, _Line):
            run_end = i
            while run_end < len(flow) and isinstance(flow[run_end], _Line):
                run_end += 1
            lines: list[_Line] = flow[i:run_end]  # type: ignore[assignment]
            k = 0
            while k < len(lines):
                found = _header_band(lines, k)
                if found is None:
                    items.append(lines[k])
                    k += 1
                    continue
                header_end, header = found
                after, rows, pages = _unruled_table(lines, k, header, header_end)
                if len(rows) < 2:
                    items.append(lines[k])
                    k += 1
                    continue
                xs = [h[0] for h in header]
                items.append(_TableItem(lines[k].page, lines[k].top, rows, [], xs, False))
                items[-1].pages = pages  # type: ignore[attr-defined]
                k = after
            i = run_end
        else:
            items.append(item)
            i += 1

    grids: list[Grid] = []
    paragraphs: list[Paragraph] = []
    pending: list[str] = []
    current: PagedGrid | None = None
    current_xs: list[float] = []
    lines_since_table = 0
    para_lines: list[_Line] = []
    body = _body_geometry([it for it in items if isinstance(it, _Line)])

    def flush_para() -> None:
        nonlocal para_lines
        if para_lines:
            for text, page, centered in _paragraphs_of(para_lines, body):
                paragraphs.append(Paragraph(len(paragraphs) + 1, text, page, centered))
                pending.append(text)
            para_lines = []

    for item in items:
        if isinstance(item, _Line):
            para_lines.append(item)
            lines_since_table += 1
            continue
        flush_para()
        row_pages = getattr(item, "pages", None) or [item.page] * len(item.rows)
        continues = (
            current is not None
            and lines_since_table == 0
            and item.ruled
            and len(item.xs) == len(current_xs)
            and all(abs(a - b) <= 3 for a, b in zip(item.xs, current_xs, strict=True))
        )
        if continues:
            assert current is not None
            offset = len(current.rows)
            current.rows.extend(item.rows)
            current.spans.extend((r0 + offset, c0, r1 + offset, c1) for r0, c0, r1, c1 in item.spans)
            current.pages.extend(row_pages)
        else:
            name_t = f"Bảng {len(grids) + 1}"
            width = max((len(r) for r in item.rows), default=0)
            rows = [r + [""] * (width - len(r)) for r in item.rows]
            current = PagedGrid(name=name_t, rows=rows, spans=list(item.spans), title_lines=pending,
                                pages=list(row_pages))
            grids.append(current)
            paragraphs.append(Paragraph(len(paragraphs) + 1, "", item.page, False, name_t))
            pending = []
        current_xs = item.xs
        lines_since_table = 0
    flush_para()
    for grid in grids:
        assert isinstance(grid, PagedGrid)
        log = _LegacyLog()  # a plan typed in TCVN3/VNI keeps its legacy codes in the PDF's text too
        grid.rows = [[log.text(text, r + 1) if text else "" for text in row] for r, row in enumerate(grid.rows)]
        grid.notes = log.notes()
        _fill_pdf_spans(grid)
        grid.title_lines = grid.title_lines[-2000:]
    log = _LegacyLog()
    for p in paragraphs:
        p.text = log.text(p.text, p.index) if p.text else ""
    doc = make_document_grid(paragraphs, "pdf")
    doc.notes = [(None, note) for _, note in notes] + log.notes()
    return [*grids, doc]


def _fill_pdf_spans(grid: PagedGrid) -> None:
    from .grid import _fill_spans

    grid.spans = _fill_spans(grid.rows, grid.spans)


@dataclass
class _Body:
    left: float
    right: float
    pitch: float


def _body_geometry(lines: list[_Line]) -> _Body:
    if not lines:
        return _Body(0, 600, 14)
    lefts = Counter(round(ln.x0) for ln in lines)
    left = min(x for x, n in lefts.most_common(3))
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and b.top > a.top]
    pitch = statistics.median(gaps) if gaps else 14.0
    return _Body(float(left), float(right), float(pitch))


def _paragraphs_of(lines: list[_Line], body: _Body) -> list[tuple[str, int, bool]]:
    """Text lines → paragraphs: a new one at a marker, an indent, after a short line or a gap."""
    out: list[list] = []  # [texts, page, centered, last line]
    width = max(body.right - body.left, 1)
    for line in lines:
        segments = line.segments(3.0)
        if len(segments) > 1:  # two blocks side by side (header, signature): one paragraph each
            for seg in segments:
                out.append([[_words_text(seg)], line.page, False, None])
            continue
        text = line.text()
        indent = line.x0 - body.left
        centered = indent > 0.12 * width and abs((line.x0 + line.x1) / 2 - (body.left + body.right) / 2) < 0.08 * width
        prev = out[-1][3] if out else None
        new = (
            prev is None
            or _MARKER.match(text) is not None
            or indent > 8
            or prev.x1 < body.right - 0.12 * width
            or (prev.page == line.page and line.top - prev.bottom > 1.2 * max(body.pitch - prev.height, prev.height))
            or abs(line.height - prev.height) > 0.25 * prev.height
            or out[-1][2]
        )
        if new:
            out.append([[text], line.page, centered, line])
        else:
            out[-1][0].append(text)
            out[-1][3] = line
    result: list[tuple[str, int, bool]] = []
    for texts, page, centered, _ in out:
        text = clean(" ".join(texts))
        if text:
            result.append((text, page, centered))
    return result
