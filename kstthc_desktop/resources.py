"""Where the bundled resources live: a checkout or editable install, an installed wheel, a frozen build.

The repository keeps ``resources/`` and ``i18n/`` at its top level (the source of truth); the wheel
carries them inside the package as ``kstthc_desktop/_resources`` and ``kstthc_desktop/_i18n``
(pyproject.toml maps those two packages onto the top-level folders); PyInstaller puts them beside
the executable (``sys._MEIPASS``). A file that is missing is the sign of a broken install: it raises
``ResourceMissing`` with a message for the officer, never a silent fallback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .core.errors import KstthcError

_PACKAGE = Path(__file__).resolve().parent


class ResourceMissing(KstthcError):
    """A file the program ships with is not there (a damaged or incomplete installation)."""


def _locate(top_level: str, in_package: str) -> Path:
    candidates: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / top_level)
    candidates += [_PACKAGE / in_package, _PACKAGE.parent / top_level]
    for folder in candidates:
        if folder.is_dir():
            return folder
    return candidates[0]  # reported by resource_file() when something is asked of it


def resources_dir() -> Path:
    """Fonts, demo data, icons, the Linux desktop files."""
    return _locate("resources", "_resources")


def i18n_dir() -> Path:
    """Compiled translations (.qm) and, in a checkout, their sources (.ts)."""
    return _locate("i18n", "_i18n")


def resource_file(*parts: str, folder: Path | None = None) -> Path:
    """One shipped file (``resource_file("demo", "le_loi.json")``); ResourceMissing if it is not there."""
    path = (folder or resources_dir()).joinpath(*parts)
    if not path.is_file():
        raise ResourceMissing(
            f"Thiếu tệp '{'/'.join(parts)}' của chương trình (tìm ở {path.parent}).",
            "Bản cài đặt bị thiếu tệp: hãy cài lại KSTTHC Desktop.",
        )
    return path
