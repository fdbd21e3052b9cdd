"""Page images of a rendered PDF for the live preview and for printing (pypdfium2, loaded lazily)."""

from __future__ import annotations

import io
import os

from ..core.errors import ReportError


def page_images(pdf_path: str | os.PathLike, dpi: float = 60, max_pages: int = 50) -> list[bytes]:
    """PNG bytes of each page (at most ``max_pages``), rendered at ``dpi``."""
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ReportError("Không tạo được ảnh xem trước.", "Thiếu thư viện pypdfium2.") from exc
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        out = []
        for i in range(min(len(pdf), max_pages)):
            page = pdf[i]
            image = page.render(scale=dpi / 72).to_pil()
            buf = io.BytesIO()
            image.save(buf, format="PNG")
            out.append(buf.getvalue())
            page.close()
        return out
    finally:
        pdf.close()
