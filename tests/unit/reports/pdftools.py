"""Reading a PDF back with poppler-utils (pdftotext -bbox-layout, pdffonts), independent of reportlab."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest


@pytest.fixture(autouse=False)
def poppler() -> None:
    """The PDF is read back with poppler: missing tools fail loudly, they never skip the checks."""
    missing = [tool for tool in ("pdftotext", "pdffonts") if not shutil.which(tool)]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: install poppler-utils (see README) to check the PDFs")


needs_poppler = pytest.mark.usefixtures("poppler")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]

    def find(self, text: str) -> list[Word]:
        return [w for w in self.words if w.text == text]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pages(pdf: Path) -> list[Page]:
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    result = []
    for w, h, body in _PAGE.findall(out):
        words = [
            Word(unescape(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in _WORD.findall(body)
        ]
        result.append(Page(float(w), float(h), words))
    return result


def text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def flat_text(pdf: Path) -> str:
    """The text with every run of whitespace (line breaks inside table cells too) as one space."""
    return " ".join(text(pdf).split())


def fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(name, embedded) per font."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID
        emb = parts[-5]
        rows.append((parts[0], emb == "yes"))
    return rows
