"""Which serif the documents are set in, and its one-time registration with reportlab.

ND 30 asks for Times New Roman. Every Windows PC has it; elsewhere we fall back to the bundled
Liberation Serif 2.x, which has the same advance widths (so pages break the same way) and covers
every Vietnamese letter. A system Times New Roman that lacks Vietnamese letters is not used.

Reading a font's metrics (reportlab parses its cmap and widths in Python) took longer than laying out
a year report, on every run: what it reads is kept in the user's cache folder, one small file per
font file, and used again while the font file, reportlab and the cache format stay the same.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
import zlib
from functools import cache
from pathlib import Path
from typing import Any

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

_lock = threading.RLock()


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
    face = font_face(path)
    return "".join(ch for ch in letters if ord(ch) not in face.charToGlyph)


# ------------------------------------------------------------------ parsed metrics, kept between runs

_CACHE_FORMAT = 1
_CACHE_MAGIC = b"KSTTHC-font-metrics\n"
_faces: dict[str, Any] = {}


def metrics_cache_dir() -> Path:
    """The folder of the kept font metrics: KSTTHC_CACHE_DIR when set (tests), else the user's cache
    folder where platformdirs.user_cache_dir("KSTTHC Desktop", "KSTTHC") puts it (written out here:
    importing platformdirs cost a report 2 ms)."""
    override = os.environ.get("KSTTHC_CACHE_DIR", "").strip()
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        local = os.environ.get("LOCALAPPDATA", "").strip()
        return Path(local or Path.home() / "AppData" / "Local") / "KSTTHC" / "KSTTHC Desktop" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "KSTTHC Desktop"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return Path(xdg if xdg and Path(xdg).is_absolute() else Path.home() / ".cache") / "KSTTHC Desktop"


def _cache_key(path: Path) -> str:
    import reportlab

    st = path.stat()
    return f"{_CACHE_FORMAT}|{reportlab.Version}|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"


def _cache_file(path: Path, key: str) -> Path:
    return metrics_cache_dir() / f"{path.stem}-{zlib.crc32(key.encode()):08x}.metrics"


def _to_plain(state: dict[str, Any]) -> dict[str, Any] | None:
    """A parsed face's attributes as marshal can write them (None when reportlab holds something else)."""
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    out: dict[str, Any] = {}
    for name, value in state.items():
        if name == "_ttf_data":
            continue  # the file itself: read again, it is what the subsets are cut from
        if isinstance(value, TTFNameBytes):
            out[name] = ("TTFNameBytes", bytes(value))
        elif name == "_pdfScale":
            out[name] = ("scale", None)  # a lambda over unitsPerEm, made again on load
        elif type(value) in (bool, int, float, str, bytes, list, dict, tuple, type(None)):
            out[name] = value
        else:
            return None  # an attribute this code does not know how to keep: parse every time instead
    return out


def _from_plain(data: dict[str, Any]) -> dict[str, Any]:
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    state = dict(data)
    for name, value in data.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "TTFNameBytes":
            state[name] = TTFNameBytes(value[1])
        elif name == "_pdfScale":
            units = data["unitsPerEm"]
            state[name] = (lambda x: x) if units == 1000 else (lambda x, m=1000 / units: x * m)  # as reportlab's
    return state


def _read_metrics(path: Path, key: str) -> dict[str, Any] | None:
    try:
        blob = _cache_file(path, key).read_bytes()
        if not blob.startswith(_CACHE_MAGIC):
            return None
        body = blob[len(_CACHE_MAGIC):]
        crc, payload = int.from_bytes(body[:4], "big"), body[4:]
        if zlib.crc32(payload) != crc:
            return None  # damaged: parse the font again (and write a sound copy)
        stored_key, data = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if stored_key != key or not isinstance(data, dict) or "charWidths" not in data:
        return None
    return _from_plain(data)


def _write_metrics(path: Path, key: str, state: dict[str, Any]) -> None:
    """Keep the parsed metrics; a cache that cannot be written only costs the parsing next time."""
    plain = _to_plain(state)
    if plain is None:
        return
    payload = marshal.dumps((key, plain))
    target = _cache_file(path, key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(_CACHE_MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(tmp, target)
    except OSError:
        return


def font_face(path: Path) -> Any:
    """reportlab's parsed TrueType face of ``path``: from the metrics kept by an earlier run when they
    are there and still match the file, else parsed (and kept). One object per file in a process."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    with _lock:
        name = str(path)
        face = _faces.get(name)
        if face is not None:
            return face
        key = _cache_key(path)
        state = _read_metrics(path, key)
        if state is not None:
            face = TTFontFace.__new__(TTFontFace)
            face.__dict__.update(state)
            face._ttf_data = path.read_bytes()
        else:
            face = TTFontFace(name)
            _write_metrics(path, key, face.__dict__)
        _faces[name] = face
        return face


def _ttfont(font_name: str, path: Path) -> Any:
    """A reportlab TTFont over the face from ``font_face`` (TTFont itself would parse the file again)."""
    from reportlab.pdfbase import ttfonts

    face = font_face(path)
    made = ttfonts.TTFontFace

    def given(filename: str, *args: Any, **kwargs: Any) -> Any:
        return face if filename == str(path) else made(filename, *args, **kwargs)

    ttfonts.TTFontFace = given  # only while this one TTFont is made (under the module's lock)
    try:
        return ttfonts.TTFont(font_name, str(path))
    finally:
        ttfonts.TTFontFace = made


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

            from ..core.errors import ReportError

            files = font_files()
            for style, face in PDF_FACES.items():
                try:
                    pdfmetrics.registerFont(_ttfont(face, files[style]))
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
