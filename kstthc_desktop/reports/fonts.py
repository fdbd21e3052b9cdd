"""Which serif the documents are set in, and its one-time registration with reportlab.

ND 30 asks for Times New Roman. Every Windows PC has it; elsewhere we fall back to the bundled
Liberation Serif 2.x, which has the same advance widths (so pages break the same way) and covers
every Vietnamese letter. A system Times New Roman that lacks Vietnamese letters is not used.
"""

from __future__ import annotations

import os
import sys
import threading
from functools import cache
from pathlib import Path

from ..resources import resource_file, resources_dir

STYLES = ("regular", "bold", "italic", "bolditalic")
TIMES_NEW_ROMAN = "Times New Roman"
LIBERATION_SERIF = "Liberation Serif"

# reportlab names of the registered faces (one family, so <b>/<i> in Paragraph markup work)
PDF_FAMILY = "KstthcSerif"
PDF_FACES = {
    "regular": PDF_FAMILY,
    "bold": PDF_FAMILY + "-Bold",
    "italic": PDF_FAMILY + "-Italic",
    "bolditalic": PDF_FAMILY + "-BoldItalic",
}

_BUNDLED_NAMES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}

# File names Times New Roman goes by: Windows, Debian msttcorefonts, macOS.
_TNR_NAMES: dict[str, tuple[str, ...]] = {
    "regular": ("times.ttf", "Times_New_Roman.ttf", "Times New Roman.ttf", "TimesNewRoman.ttf"),
    "bold": ("timesbd.ttf", "Times_New_Roman_Bold.ttf", "Times New Roman Bold.ttf", "TimesNewRomanBold.ttf"),
    "italic": (
        "timesi.ttf",
        "Times_New_Roman_Italic.ttf",
        "Times New Roman Italic.ttf",
        "TimesNewRomanItalic.ttf",
    ),
    "bolditalic": (
        "timesbi.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
        "Times New Roman Bold Italic.ttf",
        "TimesNewRomanBoldItalic.ttf",
    ),
}

# Every letter Vietnamese needs beyond ASCII: the precomposed block plus the base letters.
VIETNAMESE_LETTERS = (
    "".join(chr(c) for c in range(0x1EA0, 0x1EFA)) + "ăâđêôơưĂÂĐÊÔƠƯ" + "àáãèéêìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝĩũĨŨ"
)

_lock = threading.Lock()


def bundled_font_dir() -> Path:
    """resources/fonts: in the checkout, the installed package or the frozen bundle."""
    return resources_dir() / "fonts"


def _system_font_dirs() -> list[Path]:
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            Path.home() / "Library" / "Fonts",
        ]
    else:
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            Path.home() / ".local" / "share" / "fonts",
            Path.home() / ".fonts",
        ]
    return [d for d in dirs if d.is_dir()]


def _find_in(directory: Path, names: tuple[str, ...]) -> Path | None:
    for name in names:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    return None


def find_times_new_roman(dirs: list[Path] | None = None) -> dict[str, Path] | None:
    """The four Times New Roman files if all are installed, else None."""
    found: dict[str, Path] = {}
    for directory in dirs if dirs is not None else _system_font_dirs():
        # Linux keeps fonts in sub-folders (truetype/msttcorefonts/…): look one or two levels down.
        folders = [directory]
        if not sys.platform.startswith("win"):
            folders += [p for p in directory.glob("*") if p.is_dir()]
            folders += [p for p in directory.glob("*/*") if p.is_dir()]
        for folder in folders:
            for style in STYLES:
                if style not in found:
                    hit = _find_in(folder, _TNR_NAMES[style])
                    if hit is not None:
                        found[style] = hit
            if len(found) == len(STYLES):
                return found
    return None


def missing_letters(path: Path, letters: str = VIETNAMESE_LETTERS) -> str:
    """Letters the font file has no glyph for (reportlab's TrueType reader, parsed once)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    face = TTFontFile(str(path))
    return "".join(ch for ch in letters if ord(ch) not in face.charToGlyph)


def _prefer_system() -> bool:
    # KSTTHC_REPORT_FONT=bundled forces the bundled serif (reproducible tests and benchmarks).
    return os.environ.get("KSTTHC_REPORT_FONT", "").strip().lower() != "bundled"


@cache
def _choice() -> tuple[str, tuple[tuple[str, Path], ...]]:
    if _prefer_system():
        tnr = find_times_new_roman()
        if tnr is not None and not any(missing_letters(p) for p in tnr.values()):
            return TIMES_NEW_ROMAN, tuple(tnr.items())
    # a bundled face that is missing is a broken install: ResourceMissing, never a fallback font
    return LIBERATION_SERIF, tuple((style, resource_file("fonts", name)) for style, name in _BUNDLED_NAMES.items())


def font_files() -> dict[str, Path]:
    """style ("regular", "bold", "italic", "bolditalic") → TrueType file used for the documents."""
    return dict(_choice()[1])


def font_family_name() -> str:
    """ "Times New Roman" when installed (with Vietnamese), otherwise "Liberation Serif"."""
    return _choice()[0]


_registered = False


def register_pdf_fonts() -> dict[str, str]:
    """Register the four faces once as one reportlab family; returns style → reportlab font name.

    TrueType fonts are always embedded (as subsets) by reportlab, which is what a signed report needs.
    """
    global _registered
    with _lock:
        if not _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            from ..core.errors import ReportError

            files = font_files()
            for style, face in PDF_FACES.items():
                try:
                    pdfmetrics.registerFont(TTFont(face, str(files[style])))
                except Exception as exc:  # a damaged or missing font file
                    raise ReportError(
                        f"Không đọc được phông chữ {files[style].name}.",
                        "Hãy cài lại chương trình hoặc cài phông Times New Roman.",
                    ) from exc
            pdfmetrics.registerFontFamily(
                PDF_FAMILY,
                normal=PDF_FACES["regular"],
                bold=PDF_FACES["bold"],
                italic=PDF_FACES["italic"],
                boldItalic=PDF_FACES["bolditalic"],
            )
            _registered = True
    return dict(PDF_FACES)


def pdf_face(bold: bool = False, italic: bool = False) -> str:
    """reportlab font name of one face (fonts are registered on first call)."""
    register_pdf_fonts()
    key = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
    return PDF_FACES[key]


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of one line of text: used to size the rules under headings in both renderers."""
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, pdf_face(bold, italic), size)
