"""Page pictures for the report preview: drawn at the width asked (sharp), and PDFium entered by
one thread at a time everywhere the program uses it (two at once can crash the process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kstthc_desktop.core.locks import PDFIUM
from kstthc_desktop.reports import machine, preview
from tests import evidence_files as make


def _pdf(tmp_path: Path) -> Path:
    return make.pdf(tmp_path / "bc.pdf", ["BÁO CÁO kết quả kiểm soát thủ tục hành chính", "Trang hai"])


def test_pages_are_drawn_at_the_width_asked(tmp_path: Path) -> None:
    data = _pdf(tmp_path).read_bytes()
    sizes = preview.page_sizes(data)
    assert len(sizes) == 2
    for width in (300, 1234):
        pages = preview.page_bitmaps(data, width)
        assert [p.width for p in pages] == [width, width]
        w, h = sizes[0]
        assert abs(pages[0].height - width * h / w) <= 1
        assert len(pages[0].rgb) == pages[0].width * pages[0].height * 3
    only = preview.page_bitmaps(data, 200, pages=[1, 7])  # a page that does not exist is skipped
    assert len(only) == 1 and only[0].width == 200


@pytest.fixture
def pdfium_checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PDFium document opened (and closed) records whether this thread held PDFIUM."""
    import pypdfium2 as pdfium

    seen: list[str] = []
    opened, closed = pdfium.PdfDocument.__init__, pdfium.PdfDocument.close

    def check(what: str) -> None:
        seen.append(what if PDFIUM._is_owned() else f"{what} WITHOUT the lock")

    def init(self, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        check("open")
        opened(self, *args, **kwargs)

    def close(self) -> None:  # noqa: ANN001
        check("close")
        closed(self)

    monkeypatch.setattr(pdfium.PdfDocument, "__init__", init)
    monkeypatch.setattr(pdfium.PdfDocument, "close", close)
    return seen


def test_every_use_of_pdfium_holds_the_lock(pdfium_checked: list[str], tmp_path: Path) -> None:
    from kstthc_desktop.core.progress import NullProgress
    from kstthc_desktop.importers import extract
    from kstthc_desktop.importers.pdf import _load_pages

    path = _pdf(tmp_path)
    data = path.read_bytes()
    preview.page_sizes(data)
    preview.page_bitmaps(data, 100)
    preview.page_images(path, dpi=20)
    signed = machine.embed(data, {"kind": "test"})
    machine.read_attachment(signed)
    extract.extract(path, "pdf")
    _load_pages(path, NullProgress())
    assert len(pdfium_checked) >= 14
    assert all("WITHOUT" not in s for s in pdfium_checked), pdfium_checked

