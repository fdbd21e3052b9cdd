"""Real evidence files for the search tests and benchmark: PDFs with reportlab (Vietnamese text in an
embedded TrueType font, as an office's own exports are), Word files with python-docx, workbooks with
openpyxl. Nothing here is read by the program; it only writes what officers attach."""

from __future__ import annotations

import random
from pathlib import Path

SENTENCES = [
    "Ủy ban nhân dân xã ban hành Quyết định kiện toàn Bộ phận Một cửa theo quy định.",
    "Công chức Văn phòng – Thống kê thực hiện rà soát thủ tục hành chính thuộc thẩm quyền giải quyết.",
    "Đã niêm yết công khai đầy đủ thủ tục hành chính tại trụ sở và trên Cổng dịch vụ công.",
    "Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính.",
    "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên chín mươi phần trăm trong kỳ báo cáo.",
    "Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo hướng dẫn của tỉnh.",
    "Tổ chức tuyên truyền về cải cách hành chính trên hệ thống truyền thanh cơ sở.",
    "Đánh giá chất lượng phục vụ của Bộ phận Tiếp nhận và Trả kết quả định kỳ hằng quý.",
]


def pdf(path: Path, pages: list[str], image_bytes: int = 0, seed: int = 0) -> Path:
    """A PDF whose pages hold ``pages`` (wrapped lines); ``image_bytes`` of noise makes it as heavy as a
    scan-plus-text file is (the noise is an incompressible inline image on the last page)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    from kstthc_desktop.reports.fonts import pdf_face

    face = pdf_face()
    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    width, height = A4
    for text in pages:
        y = height - 60
        c.setFont(face, 12)
        for paragraph in text.split("\n"):
            for line in simpleSplit(paragraph, face, 12, width - 120):
                c.drawString(60, y, line)
                y -= 16
                if y < 60:
                    c.showPage()
                    c.setFont(face, 12)
                    y = height - 60
        c.showPage()
    if image_bytes:
        from reportlab.lib.utils import ImageReader

        side = max(8, int((image_bytes / 3) ** 0.5))
        noise = random.Random(seed).randbytes(side * side * 3)
        from io import BytesIO

        from PIL import Image

        img = Image.frombytes("RGB", (side, side), noise)
        buf = BytesIO()
        img.save(buf, format="PNG", compress_level=0)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 60, 200, width=300, height=300)
        c.showPage()
    c.save()
    return path


def docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    from docx import Document

    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    doc.save(str(path))
    return path


def xlsx(path: Path, rows: list[list[object]], sheet: str = "Danh muc") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(str(path))
    return path


def prose(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))
