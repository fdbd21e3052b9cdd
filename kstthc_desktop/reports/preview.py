"""Page images of a rendered PDF for the live preview and for printing (pypdfium2, loaded lazily).

The preview asks for pages at the pixel width it shows them (``page_bitmaps``): a page drawn at
its own size stays sharp, where a small picture scaled up would be blurred.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.errors import ReportError
from ..core.locks import PDFIUM
from ..core.progress import NullProgress, Progress


def _open(pdf: str | os.PathLike | bytes):  # noqa: ANN202 - pypdfium2.PdfDocument
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ReportError("Không tạo được ảnh xem trước.", "Thiếu thư viện pypdfium2.") from exc
    return pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))


def _rgb(page, scale: float):  # noqa: ANN001, ANN202 - pypdfium2 page → PIL image (RGB) of its own
    bitmap = page.render(scale=scale)
    try:
        image = bitmap.to_pil()
        return image.convert("RGB") if image.mode != "RGB" else image.copy()  # a copy outlives the bitmap
    finally:
        bitmap.close()


def page_images(pdf_path: str | os.PathLike | bytes, dpi: float = 60, max_pages: int = 50) -> list[bytes]:
    """PNG bytes of each page (at most ``max_pages``), rendered at ``dpi``."""
    with PDFIUM:  # PDFium is not thread-safe (core/locks.py)
        pdf = _open(pdf_path)
        try:
            images = []
            for i in range(min(len(pdf), max_pages)):
                page = pdf[i]
                try:
                    images.append(_rgb(page, dpi / 72))
                finally:
                    page.close()
        finally:
            pdf.close()
    out = []
    for image in images:
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        out.append(buf.getvalue())
    return out


@dataclass(frozen=True)
class PageBitmap:
    """One page as packed RGB pixels (3 bytes a pixel, rows without padding)."""

    width: int
    height: int
    rgb: bytes


def page_sizes(pdf_source: str | os.PathLike | bytes, max_pages: int = 50) -> list[tuple[float, float]]:
    """(width, height) of each page in points: the preview sizes its pages before they are drawn."""
    with PDFIUM:
        pdf = _open(pdf_source)
        try:
            return [tuple(pdf.get_page_size(i)) for i in range(min(len(pdf), max_pages))]
        finally:
            pdf.close()


def page_bitmaps(pdf_source: str | os.PathLike | bytes, width_px: int, max_pages: int = 50,
                 pages: Sequence[int] | None = None, progress: Progress | None = None) -> list[PageBitmap]:
    """Each page (or the 0-based ``pages`` asked for) drawn ``width_px`` pixels wide, its height in
    proportion; cancellable between pages."""
    progress = progress or NullProgress()
    with PDFIUM:
        pdf = _open(pdf_source)
        try:
            wanted = list(range(min(len(pdf), max_pages))) if pages is None else [i for i in pages if 0 <= i < len(pdf)]
            out = []
            for n, i in enumerate(wanted):
                progress.report(n, len(wanted))
                page = pdf[i]
                try:
                    image = _rgb(page, max(1, width_px) / page.get_width())
                finally:
                    page.close()
                out.append(PageBitmap(image.width, image.height, image.tobytes()))
            return out
        finally:
            pdf.close()


__all__ = ["PageBitmap", "page_bitmaps", "page_images", "page_sizes"]
