"""Text rules shared by the importer, search and reports: NFC, whitespace, accent-free keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str | None) -> str:
    """NFC, control characters dropped (Word's line/page breaks become new lines), spaces
    collapsed on each line, blank lines dropped, ends trimmed."""
    if not text:
        return ""
    text = nfc(str(text)).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = _CONTROL.sub("", text)
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def one_line(text: str | None) -> str:
    return " ".join(clean(text).split("\n"))


def fold(text: str | None) -> str:
    """Accent- and case-insensitive key: "Rà soát" and "ra soat" give the same key."""
    if not text:
        return ""
    return _fold(str(text))


@lru_cache(maxsize=65536)  # the same task texts are folded again at every refresh
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _WS.sub(" ", text.casefold()).strip()
