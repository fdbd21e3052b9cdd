"""The fast ways reportlab is used (reports/rl.py, the kept font metrics) change nothing in the PDF.

Each document is rendered twice with reportlab's invariant mode (fixed dates and IDs): as the program
renders it, and with reportlab's plain Paragraph; the two files must be the same to the byte. The
documents are the ones whose layout the shortcuts touch: a long task table that breaks across pages
(rows split inside a cell, header rows repeated), the sample report with form 06a (landscape), and
the plan document.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.periods import parse_period
from kstthc_desktop.reports import fonts, rl
from kstthc_desktop.reports.content import build_period_report, build_plan_document
from kstthc_desktop.reports.pdf import render_plan_pdf, render_report_pdf

from . import sample

ROOT = Path(__file__).resolve().parents[3]


def _long_report():  # noqa: ANN202 - ReportContent
    secs, tasks, progress = sample.big_tasks(120)
    return build_period_report(sample.office(), sample.plan(), secs, tasks, progress, [], parse_period("2026-H1"),
                               statistics_rows=sample.statistics_rows())


DOCUMENTS = {
    "long-table": lambda out: render_report_pdf(_long_report(), out),
    "report-06a": lambda out: render_report_pdf(
        sample.report("2026-9M", number="5", on=date(2026, 9, 20), statistics_rows=sample.statistics_rows()), out),
    "plan": lambda out: render_plan_pdf(
        build_plan_document(sample.office(), sample.plan(), sample.sections(), sample.tasks()), out),
}


@pytest.fixture
def invariant() -> Iterator[None]:
    from reportlab import rl_config

    saved = rl_config.invariant
    rl_config.invariant = 1
    yield
    rl_config.invariant = saved


@pytest.fixture
def line_breaks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts reportlab's line breaking (Paragraph.breakLines) while a document is rendered."""
    from reportlab.platypus.paragraph import Paragraph

    calls = [0]
    real = Paragraph.breakLines

    def counted(self, width):  # noqa: ANN001, ANN202
        calls[0] += 1
        return real(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    return calls


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_fast_rendering_writes_the_same_pdf_as_plain_reportlab(
    name: str, tmp_path: Path, invariant: None, line_breaks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = DOCUMENTS[name](tmp_path / "fast.pdf").read_bytes()
    fast_breaks = line_breaks[0]
    line_breaks[0] = 0
    from reportlab.platypus.paragraph import Paragraph

    monkeypatch.setattr(rl, "paragraph_class", lambda: Paragraph)
    plain = DOCUMENTS[name](tmp_path / "plain.pdf").read_bytes()
    assert plain.startswith(b"%PDF") and len(plain) > 5000
    assert fast == plain, f"{name}: the fast path changed the PDF"
    if name == "long-table":  # each cell is measured again on every page break: broken once instead
        assert fast_breaks < 0.7 * line_breaks[0], (fast_breaks, line_breaks[0])


def test_what_reportlab_loads_but_reports_do_not_use_waits_and_still_works(tmp_path: Path) -> None:
    """In a fresh interpreter, as a command runs: the two wide patterns are compiled, and Pillow's
    image module imported, only when used; then they work as if loaded up front."""
    code = (
        "import re\n"
        "from kstthc_desktop.reports import rl\n"
        "rl.load()\n"
        "from reportlab.lib import textsplit\n"
        "from reportlab.platypus import paragraph\n"
        "assert re.compile is rl._real_compile, 're.compile left patched'\n"
        "for p in (paragraph.uri_pat, textsplit.rx):\n"
        "    assert isinstance(p, rl.LazyPattern) and p._compiled is None, p\n"
        "    real = re.compile(*p._args)\n"
        "    for t in ('http://example.com/a?b=1', 'https://dichvucong.gov.vn', 'không phải địa chỉ', '東京 x'):\n"
        "        assert bool(p.match(t)) == bool(real.match(t)) and bool(p.search(t)) == bool(real.search(t)), t\n"
        "    assert p._compiled is not None\n"
        "assert isinstance(paragraph._hy_letters_pat, re.Pattern)  # only the two wide ones wait\n"
        "import sys\n"
        "assert 'PIL.Image' not in sys.modules  # Pillow's image module waits too, until a bitmap is drawn\n"
        "from reportlab.pdfgen import canvas\n"
        "from reportlab.lib.utils import ImageReader\n"
        "c = canvas.Canvas(sys.argv[1])\n"
        "c.drawImage(ImageReader('resources/icons/kstthc.png'), 10, 10, 64, 64)\n"
        "c.save()\n"
        "from PIL import Image\n"
        "assert sys.modules['PIL.Image'] is Image and Image.Image.__module__ == 'PIL.Image'\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "image.pdf")], cwd=ROOT, capture_output=True,
                         text=True)
    assert out.stdout.strip() == "ok", out.stderr
    assert (tmp_path / "image.pdf").read_bytes().count(b"/Subtype /Image") == 1


def _lines(p) -> list:  # noqa: ANN001 - the broken lines: room left and the words (text only)
    out = []
    for ln in p.blPara.lines:
        extra, words = (ln.extraSpace, ln.words) if hasattr(ln, "words") else (ln[0], ln[1])
        out.append((round(extra, 6), [getattr(w, "text", w) for w in words]))
    return out


def test_a_kept_paragraph_answers_as_reportlab_at_every_width(line_breaks: list[int]) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.paragraph import Paragraph

    style = ParagraphStyle("t", fontName=fonts.pdf_face(), fontSize=13, leading=16, firstLineIndent=28)
    text = "Rà soát, đánh giá thủ tục hành chính <b>thuộc thẩm quyền</b> giải quyết của xã; " * 6
    kept = rl.paragraph_class()(text, style)
    for width in (400, 400, 150, 150, 400, 90):
        plain = Paragraph(text, style)
        assert kept.wrap(width, 800) == plain.wrap(width, 800), width
        assert _lines(kept) == _lines(plain), width
    assert line_breaks[0] == 6 + 4  # the kept one broke its lines only when the width changed
    parts = kept.split(400, 40)
    assert len(parts) == 2 and all(isinstance(p, rl.paragraph_class()) for p in parts)
    line_breaks[0] = 0
    kept.wrap(90, 800)  # after a split: broken again, not answered from before
    assert line_breaks[0] == 1


# ---------------------------------------------------------------------------- kept font metrics


@pytest.fixture
def fresh_faces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty metrics cache and no face parsed yet in this process."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("KSTTHC_CACHE_DIR", str(cache))
    monkeypatch.setattr(fonts, "_faces", {})
    return cache


def _state(face) -> dict:  # noqa: ANN001
    state = dict(face.__dict__)
    state.pop("_pdfScale", None)
    return state


def _parsed(path: Path):  # noqa: ANN202
    from reportlab.pdfbase.ttfonts import TTFontFace

    return TTFontFace(str(path))


def test_kept_metrics_are_what_reportlab_parses(fresh_faces: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase.ttfonts import TTFontFace

    for path in fonts.font_files().values():
        fonts.font_face(path)  # parsed, and kept
    assert len(list(fresh_faces.glob("*.metrics"))) == len(fonts.STYLES)
    monkeypatch.setattr(fonts, "_faces", {})

    def no_parsing(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the font was parsed again")

    monkeypatch.setattr(TTFontFace, "__init__", no_parsing)
    kept = {style: fonts.font_face(path) for style, path in fonts.font_files().items()}
    monkeypatch.undo()
    for style, path in fonts.font_files().items():
        parsed = _parsed(path)
        assert _state(kept[style]) == _state(parsed), style
        assert type(kept[style].familyName) is type(parsed.familyName)
        assert kept[style].familyName.ustr == parsed.familyName.ustr
        if hasattr(parsed, "_pdfScale"):
            assert [kept[style]._pdfScale(v) for v in (0, 1, 7, 1000, 2048, -15.5)] == \
                   [parsed._pdfScale(v) for v in (0, 1, 7, 1000, 2048, -15.5)]


def test_damaged_or_stale_kept_metrics_are_not_used(fresh_faces: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    font = tmp_path / "Serif.ttf"
    font.write_bytes(fonts.font_files()["italic"].read_bytes())
    expected = _state(_parsed(font))
    fonts.font_face(font)
    (kept,) = fresh_faces.glob("*.metrics")
    blob = bytearray(kept.read_bytes())
    blob[len(blob) // 2] ^= 0xFF  # one flipped byte in the widths
    kept.write_bytes(bytes(blob))
    monkeypatch.setattr(fonts, "_faces", {})
    face = fonts.font_face(font)
    assert _state(face) == expected
    assert kept.read_bytes() != bytes(blob)  # written again, sound

    # another font under the same name (an update of the font): its own metrics, not the old ones
    font.write_bytes(fonts.font_files()["bold"].read_bytes())
    monkeypatch.setattr(fonts, "_faces", {})
    assert fonts.font_face(font).name == _parsed(font).name != face.name


def test_no_cache_folder_costs_only_the_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")  # the cache folder cannot be made here
    monkeypatch.setenv("KSTTHC_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setattr(fonts, "_faces", {})
    path = fonts.font_files()["regular"]
    assert _state(fonts.font_face(path)) == _state(_parsed(path))
