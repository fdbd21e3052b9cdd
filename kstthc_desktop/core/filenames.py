"""File names every disk accepts: no path parts, nothing Windows refuses, at most 255 bytes.

Evidence keeps the name the officer gave it; when it goes back out (export, ZIP, viewer) the
name must be one Windows and Linux both accept: no ``<>:"/\\|?*`` or control characters, no
reserved device name (``CON``, ``com1 .txt``, ``LPT¹``… whatever the case, extension or trailing
spaces), no trailing dot or space, and no more than 255 bytes in UTF-8 (Vietnamese letters take
2–3 bytes) with the extension kept. Pure functions, no I/O.
"""

from __future__ import annotations

import re

MAX_NAME_BYTES = 255
_FORBIDDEN = set('<>:"/\\|?*') | {chr(i) for i in range(32)} | {"\x7f"}
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
             *(f"COM{i}" for i in (*range(10), "¹", "²", "³")), *(f"LPT{i}" for i in (*range(10), "¹", "²", "³"))}
_EXT = re.compile(r"(\.[^.\s]{1,16})$")


def _fit(text: str, limit: int) -> str:
    """At most ``limit`` bytes of UTF-8, cut on a character boundary."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def split_ext(name: str) -> tuple[str, str]:
    """("báo cáo", ".pdf"); a name without a plausible extension has ""."""
    m = _EXT.search(name)
    if not m or m.start() == 0:
        return name, ""
    return name[: m.start()], m.group(1)


def is_reserved(name: str) -> bool:
    """Windows refuses these as file names whatever follows: ``con.txt``, ``Aux .pdf``, ``NUL``."""
    base = name.split(".")[0].rstrip(" ").upper()
    return base in _RESERVED


def safe_file_name(name: str, suffix: str = "", max_bytes: int = MAX_NAME_BYTES) -> str:
    """A name Windows accepts, with no path parts (no escape from the target folder).

    ``suffix`` (" (2)" for a second copy) goes before the extension and is always kept whole;
    the stem is shortened so the result fits ``max_bytes``.
    """
    name = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join("_" if ch in _FORBIDDEN else ch for ch in name).strip(" .")
    if not name or name in (".", ".."):
        name = "tep"
    if is_reserved(name):
        name = "_" + name
    stem, ext = split_ext(name)
    ext = _fit(ext, 20)
    budget = max_bytes - len((suffix + ext).encode("utf-8"))
    stem = _fit(stem, max(budget, 1)).rstrip(" .") or "tep"
    return f"{stem}{suffix}{ext}"


def unique_name(name: str, taken: set[str], max_bytes: int = MAX_NAME_BYTES) -> str:
    """``name`` or "name (2).ext"…, not in ``taken`` compared case-insensitively (Windows and
    ZIP tools treat "A.pdf" and "a.pdf" as one file). Adds the choice to ``taken`` (casefolded)."""
    candidate = safe_file_name(name, max_bytes=max_bytes)
    n = 2
    while candidate.casefold() in taken:
        candidate = safe_file_name(name, f" ({n})", max_bytes)
        n += 1
    taken.add(candidate.casefold())
    return candidate


__all__ = ["MAX_NAME_BYTES", "is_reserved", "safe_file_name", "split_ext", "unique_name"]
