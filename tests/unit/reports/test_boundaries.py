"""reports/ stays a leaf: no Qt, no SQL, no storage/importers/services; heavy libraries lazily."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kstthc_desktop.reports as reports

FORBIDDEN = (
    "PySide6",
    "sqlite3",
    "kstthc_desktop.storage",
    "kstthc_desktop.importers",
    "kstthc_desktop.services",
    "kstthc_desktop.ui",
)


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, 0) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append((node.module or "", node.level))
    return out


def test_reports_import_only_core_and_libraries() -> None:
    for path in Path(reports.__file__).parent.glob("*.py"):
        for name, level in _imports(path):
            if level == 2:  # core, and resources (where the shipped fonts are: it imports only core)
                assert name.startswith(("core", "resources")), (path.name, name)
            assert not name.startswith(FORBIDDEN), (path.name, name)
            assert not (level == 2 and name.split(".")[0] in ("storage", "importers", "services", "ui"))


def test_importing_reports_does_not_load_renderer_libraries() -> None:
    code = (
        "import sys, kstthc_desktop.reports\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'docx', 'PySide6', 'sqlite3')]\n"
        "print(bad)\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
