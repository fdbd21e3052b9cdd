"""Benchmark: preview of a 60-page PDF plan (budget < 3 s) beside the raw text extraction of the same file.

Two 60-page files drawn with reportlab: the province's ruled task table (sections, a header
repeated on every page) and a prose plan (seed 000's sections repeated). The baseline is pdfium's
bare text of the same file (pypdfium2 get_text_range, every page). With PDFPLUMBER_PATH set to a
folder where pdfplumber is installed (pip install --target DIR pdfplumber) the script also times
pdfplumber's table finder and pdfminer's bare text on the table file — the measurement behind the
choice of pypdfium2 (see importers/pdf.py).

Run: python tests/benchmarks/bench_pdf_import.py   (not collected by pytest)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402 - beside this script

BUDGET_S = 3.0
PAGES = 60


def table_pdf(path: Path) -> int:
    from tests.unit.importers import documents as docs

    rows = [["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
             "Sản phẩm dự kiến"]]
    deadlines = ["Thường xuyên năm 2026", "Trước ngày 31/8/2026", "Quý III năm 2026", "Từ tháng 4 đến tháng 11 năm 2026"]
    n = 0
    for s, roman in enumerate(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]):
        rows.append([roman, f"NHÓM NHIỆM VỤ SỐ {s + 1} VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", "", "", "", ""])
        for i in range(1, 119):
            n += 1
            rows.append([str(i), f"Tổ chức rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết "
                                 f"của các cơ quan, đơn vị, địa phương (nhiệm vụ {n})", "Văn phòng UBND tỉnh",
                         "Các sở, ban, ngành; UBND cấp huyện, cấp xã", deadlines[n % 4], "Báo cáo"])
    block = docs.Block("table", rows=rows, widths=[1, 8, 3, 3, 3, 2], repeat=1)
    docs.write_pdf(path, [docs.Block("center", "KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026", bold=True),
                          block], landscape=True, font_size=11)
    return n


def prose_pdf(path: Path, pages: int) -> None:
    from tests.unit.importers import documents as docs

    blocks = docs.seed000()
    body = [b for b in blocks if b.kind in ("heading", "p")]
    head, tail = blocks[:4], blocks[-1:]
    doc = list(head)
    while len(doc) < 23 * pages:
        doc.extend(body)
    docs.write_pdf(path, doc + tail)


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def raw_text(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    total = 0
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            total += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return total


def main() -> int:
    from kstthc_desktop.importers import read_plan

    folder = Path(tempfile.mkdtemp(prefix="bench_pdf_"))
    table = folder / "bang.pdf"
    tasks = table_pdf(table)
    prose = folder / "van_ban.pdf"
    prose_pdf(prose, PAGES)
    ok = True
    for label, path in (("ruled table", table), ("prose", prose)):
        pages = page_count(path)
        plan = read_plan(path)
        found = sum(1 for _ in plan.iter_tasks())
        base = median_time(lambda path=path: raw_text(path))
        preview = median_time(lambda path=path: read_plan(path))
        ok &= preview < BUDGET_S
        print(f"{label}: {pages} pages, {found} tasks read; preview median {preview:.2f} s "
              f"(budget {BUDGET_S:.1f} s), raw pdfium text {base:.3f} s, ratio {preview / base:.1f}×")
    if label and tasks and os.environ.get("PDFPLUMBER_PATH"):
        sys.path.insert(0, os.environ["PDFPLUMBER_PATH"])
        import pdfplumber
        from pdfminer.high_level import extract_text

        def plumber_tables() -> None:
            with pdfplumber.open(str(table)) as pdf:
                for page in pdf.pages:
                    page.extract_tables()

        print(f"pdfplumber extract_tables on the table file: {median_time(plumber_tables, runs=1):.2f} s; "
              f"pdfminer extract_text: {median_time(lambda: extract_text(str(table)), runs=1):.2f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
