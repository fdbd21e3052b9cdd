from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import Cancelled
from kstthc_desktop.core.progress import FlagProgress
from kstthc_desktop.reports import fonts
from kstthc_desktop.reports.content import build_plan_document
from kstthc_desktop.reports.pdf import render_plan_pdf, render_report_pdf

from . import pdftools, sample
from .pdftools import needs_poppler, poppler  # noqa: F401 - fixture

pytestmark = needs_poppler

MM = 72 / 25.4
A4 = (595.27, 841.89)
LETTERS = fonts.VIETNAMESE_LETTERS


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = sample.report(
        "2026-Q1",
        number="5",
        on=date(2026, 2, 5),
        statistics_rows=sample.statistics_rows(),
        overrides={"proposals": f"Kiểm tra chữ: {LETTERS} <b>&amp; không phải thẻ</b>"},
    )
    return render_report_pdf(content, tmp_path_factory.mktemp("pdf") / "bao-cao.pdf")


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = build_plan_document(sample.office(), sample.plan(), sample.sections(), sample.tasks())
    return render_plan_pdf(content, tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf")


def test_pages_are_a4_and_forms_landscape(report_pdf: Path) -> None:
    pages = pdftools.pages(report_pdf)
    assert len(pages) >= 3
    body = [p for p in pages if not any(w.text == "Phụ" for w in p.words[:3]) and p.width < p.height]
    assert body and body[0] is pages[0]
    for page in body:
        assert (page.width, page.height) == pytest.approx(A4, abs=0.1)
    appendix = pages[len(body):]  # Phụ lục I (task results) and Biểu 06a, landscape
    assert appendix and all((p.width, p.height) == pytest.approx(A4[::-1], abs=0.1) for p in appendix)
    last = pages[-1]  # Biểu 06a
    assert (last.width, last.height) == pytest.approx(A4[::-1], abs=0.1)
    assert any(w.text == "06a/VPCP/KSTT" for w in last.words)


def test_margins_from_text_positions(report_pdf: Path) -> None:
    pages = pdftools.pages(report_pdf)
    for n, page in enumerate(pages, start=1):
        body = [w for w in page.words if w.y0 > 20 * MM]  # not the page number
        assert min(w.x0 for w in body) >= 30 * MM - 0.5, n
        assert max(w.x1 for w in body) <= page.width - 15 * MM + 0.5, n
        assert max(w.y1 for w in body) <= page.height - 20 * MM + 0.5, n
        assert min(w.y0 for w in body) >= 20 * MM - 0.5, n
    first = pages[0]
    # the text block really starts at the margins: justified body lines touch both sides
    assert min(w.x0 for w in first.words) == pytest.approx(30 * MM, abs=1.0)
    assert max(w.x1 for w in first.words) == pytest.approx(first.width - 15 * MM, abs=1.0)
    assert min(w.y0 for w in first.words) == pytest.approx(20 * MM, abs=6.0)


def _line_text(page: pdftools.Page, first_word: pdftools.Word) -> str:
    same = sorted((w for w in page.words if abs(w.y1 - first_word.y1) < 1.5), key=lambda w: w.x0)
    return " ".join(w.text for w in same)


def test_header_block(report_pdf: Path) -> None:
    page = pdftools.pages(report_pdf)[0]
    text = pdftools.text(report_pdf)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH HẢI DƯƠNG",
        "ỦY BAN NHÂN DÂN",
        "XÃ LÊ LỢI",
        "Số: 05/BC-UBND",
        "Lê Lợi, ngày 05 tháng 02 năm 2026",
        "BÁO CÁO",
        "(Số liệu từ ngày 15/12/2025 đến ngày 14/3/2026)",
        "Kính gửi: Ủy ban nhân dân tỉnh Hải Dương.",
    ):
        assert expected in text, expected
    # agency left (≈40%), national title right; number and date share one line
    cong = page.find("CỘNG")[0]
    ubnd = page.find("UBND")[0]
    assert ubnd.x1 < cong.x0 and abs(ubnd.y0 - cong.y0) < 2
    so = page.find("Số:")[0]
    ngay = next(w for w in page.words if w.text == "Lợi," and w.x0 > cong.x0)
    assert abs(so.y1 - ngay.y1) < 1.5
    assert _line_text(page, so).startswith("Số: 05/BC-UBND Lê Lợi, ngày 05 tháng 02 năm 2026")
    # the national title's line is centred over the right column
    right_start = 30 * MM + (page.width - 45 * MM) * 0.4
    line = [w for w in page.words if abs(w.y1 - cong.y1) < 1 and w.x0 >= right_start - 1]
    centre = (min(w.x0 for w in line) + max(w.x1 for w in line)) / 2
    assert centre == pytest.approx((right_start + page.width - 15 * MM) / 2, abs=2)


def test_page_numbers_from_page_two_centred_in_top_margin(report_pdf: Path) -> None:
    pages = pdftools.pages(report_pdf)
    assert all(w.y1 > 20 * MM for w in pages[0].words), "page 1 has no number"
    for n, page in enumerate(pages[1:], start=2):
        top = [w for w in page.words if w.y1 < 20 * MM]
        assert [w.text for w in top] == [str(n)]
        centre = (top[0].x0 + top[0].x1) / 2
        assert centre == pytest.approx(30 * MM + (page.width - 45 * MM) / 2, abs=1.5)


def test_signature_and_recipients_side_by_side(report_pdf: Path) -> None:
    pages = pdftools.pages(report_pdf)
    page = next(p for p in pages if p.find("Nơi"))
    noi = page.find("Nơi")[0]
    tm = page.find("TM.")[0]
    assert abs(noi.y0 - tm.y0) < 3 and tm.x0 > noi.x1
    name = page.find("Việt")[-1]
    assert name.y0 > tm.y0 + 60  # room for signature and seal
    assert any(w.text == "VT," for w in page.words)


def test_vietnamese_round_trips(report_pdf: Path) -> None:
    text = pdftools.flat_text(report_pdf)
    assert unicodedata.is_normalized("NFC", text)
    for phrase in (
        "thủ tục hành chính",
        "ỦY BAN NHÂN DÂN",
        "Hạnh phúc",
        "đúng hạn",
        "Đoàn Duy Việt",
        "Lĩnh vực Dân số - Sức khỏe sinh sản",
        "Trực tiếp và dịch vụ bưu chính",
    ):
        assert phrase in text, phrase
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", LETTERS) in flat
    assert "<b>&amp;" in text  # user text is escaped, not taken as markup


def test_fonts_embedded_serif(report_pdf: Path, plan_pdf: Path) -> None:
    for pdf in (report_pdf, plan_pdf):
        rows = pdftools.fonts(pdf)
        assert rows and all(embedded for _, embedded in rows), rows
        assert all(re.search(r"LiberationSerif|TimesNewRoman", name) for name, _ in rows), rows


def test_plan_pdf_has_landscape_appendix(plan_pdf: Path) -> None:
    pages = pdftools.pages(plan_pdf)
    assert (pages[0].width, pages[0].height) == pytest.approx(A4, abs=0.1)
    assert (pages[-1].width, pages[-1].height) == pytest.approx(A4[::-1], abs=0.1)
    text = pdftools.flat_text(plan_pdf)
    assert "KẾ HOẠCH" in text and "Số: 05/KH-UBND" in text
    assert "Lê Lợi, ngày 10 tháng 01 năm 2026" in text
    assert "Thời gian hoàn thành" in text
    cells = [w.text for p in pages[2:] for w in p.words]
    assert all(word in cells for word in "Hằng quý (trước ngày 14 tháng cuối quý)".split())
    assert "Lĩnh vực trẻ em" in text


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    content = build_plan_document(sample.office(), sample.plan(), sample.sections(), sample.tasks())
    progress = FlagProgress()
    progress.cancel()
    with pytest.raises(Cancelled):
        render_plan_pdf(content, tmp_path / "x.pdf", progress)
    assert list(tmp_path.iterdir()) == []


def test_blank_number_and_date_keep_their_gaps(tmp_path: Path) -> None:
    content = sample.report("2026-Q1")
    page = pdftools.pages(render_report_pdf(content, tmp_path / "blank.pdf"))[0]
    so = page.find("Số:")[0]
    symbol = page.find("/BC-UBND")[0]
    assert symbol.x0 - so.x1 > 15  # room to write the number by hand
    ngay, thang = page.find("ngày")[0], page.find("tháng")[0]
    assert thang.x0 - ngay.x1 > 15
