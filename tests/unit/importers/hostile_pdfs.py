"""Hand-made hostile PDFs (written byte by byte, so each hazard is exactly the one named)."""

from __future__ import annotations

import zlib
from pathlib import Path


def _pdf(objects: list[bytes], broken_xref: bool = False) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:  # a damaged table points every object at the wrong place
        out += (f"{(off * 7 + 13) % 99999:010d}" if broken_xref else f"{off:010d}").encode() + b" 00000 n \n"
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length " + str(len(data)).encode() + extra + b" >>\nstream\n" + data + b"\nendstream"


_TEXT = b"BT /F1 12 Tf 72 720 Td (KE HOACH NAM 2026) Tj ET\n"  # text, but no task in it

_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page(extra: bytes = b"", resources: bytes = b"/Font << /F1 5 0 R >>") -> bytes:
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
            + resources + b" >> " + extra + b">>")


def write_all(folder: Path) -> dict[str, Path]:
    """name → path of each hostile file."""
    files: dict[str, bytes] = {}
    good = _pdf([_CATALOG, _PAGES, _page(), _stream(_TEXT), _FONT])
    files["damaged_xref"] = _pdf([_CATALOG, _PAGES, _page(), _stream(_TEXT), _FONT], broken_xref=True)
    files["truncated"] = good[: len(good) // 3]
    n = 5000
    kids = b" ".join(f"{i + 3} 0 R".encode() for i in range(n))
    files["huge_page_count"] = _pdf(
        [_CATALOG, b"<< /Type /Pages /Kids [" + kids + f"] /Count {n} >>".encode()]
        + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    )
    files["lying_page_count"] = _pdf(
        [_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    )
    files["nested_arrays"] = _pdf(
        [_CATALOG, _PAGES, _page(b"/Deep " + b"[" * 200_000 + b"]" * 200_000 + b" "), _stream(_TEXT), _FONT]
    )
    files["nested_dicts"] = _pdf(
        [_CATALOG, _PAGES, _page(b"/Deep " + b"<< /A " * 100_000 + b"1" + b" >>" * 100_000 + b" "),
         _stream(_TEXT), _FONT]
    )
    depth = 300  # form XObjects painting one another 300 deep
    forms = []
    for i in range(depth):
        inner = f"/XObject << /X0 {7 + i} 0 R >> /Font << /F1 5 0 R >>".encode() if i < depth - 1 else b""
        forms.append(_stream(b"0 0 m 100 0 l S " + (b"/X0 Do" if i < depth - 1 else _TEXT),
                             b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << " + inner + b" >>"))
    files["nested_forms"] = _pdf(
        [_CATALOG, _PAGES, _page(resources=b"/Font << /F1 5 0 R >> /XObject << /X0 6 0 R >>"),
         _stream(_TEXT + b"/X0 Do"), _FONT, *forms]
    )
    files["self_painting_form"] = _pdf(
        [_CATALOG, _PAGES, _page(resources=b"/Font << /F1 5 0 R >> /XObject << /X0 6 0 R >>"),
         _stream(_TEXT + b"/X0 Do"), _FONT,
         _stream(b"0 0 m 100 0 l S /X0 Do",
                 b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X0 6 0 R >> >>")]
    )
    ops = _TEXT + b"0 0 m 300 0 l S\n" * 300_000
    files["million_strokes"] = _pdf(
        [_CATALOG, _PAGES, _page(), _stream(zlib.compress(ops), b" /Filter /FlateDecode"), _FONT]
    )
    out: dict[str, Path] = {}
    for name, data in files.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(data)
        out[name] = path
    return out


def encrypted(folder: Path) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = folder / "mat_khau.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("matkhau", ownerPassword="chu"))
    c.drawString(72, 720, "KE HOACH")
    c.save()
    return path
