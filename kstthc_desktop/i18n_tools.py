"""Keeping the translations true: extract strings (lupdate), compile (lrelease), check completeness.

Run ``python -m kstthc_desktop.i18n_tools`` after changing user-visible strings; the test suite fails
while a Vietnamese translation is missing or unfinished, or the compiled .qm is stale.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from .resources import i18n_dir

PACKAGE = Path(__file__).resolve().parent
LANGS = ("vi", "en")


def tool(name: str) -> str:
    import PySide6

    path = Path(PySide6.__file__).resolve().parent / name
    if sys.platform == "win32":
        path = path.with_suffix(".exe")
    return str(path)


def lupdate(ts_files: list[Path]) -> str:
    out = subprocess.run([tool("lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                          str(PACKAGE), "-ts", *map(str, ts_files)], capture_output=True, text=True, check=True)
    return out.stdout + out.stderr


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    root = ET.parse(ts).getroot()
    missing = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
                missing.append((name, msg.findtext("source", "")))
    return missing


def translations(ts: Path) -> dict[tuple[str, str], str]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name", ""), msg.findtext("source", "")): (msg.findtext("translation") or "")
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def main() -> int:
    folder = i18n_dir()
    ts_files = [folder / f"kstthc_{lang}.ts" for lang in LANGS]
    print(lupdate(ts_files))
    lrelease(folder / "kstthc_vi.ts", folder / "kstthc_vi.qm")
    lrelease(folder / "qtbase_vi.ts", folder / "qtbase_vi.qm")  # Qt's own words, written by hand
    missing = unfinished(folder / "kstthc_vi.ts") + unfinished(folder / "qtbase_vi.ts")
    for ctx, src in missing:
        print(f"unfinished: [{ctx}] {src}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
