"""House rules that keep the layers apart (DESIGN.md §3), checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_headless_layers_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import kstthc_desktop.core.model, kstthc_desktop.core.schedule, kstthc_desktop.core.status\n"
        "import kstthc_desktop.core.periods, kstthc_desktop.core.workdays\n"
        "import kstthc_desktop.storage.office_file, kstthc_desktop.storage.repository\n"
        "import kstthc_desktop.services, kstthc_desktop.services.demo, kstthc_desktop.cli\n"
        "import kstthc_desktop.importers, kstthc_desktop.reports\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_startup_modules_do_not_load_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "import kstthc_desktop.services, kstthc_desktop.cli, kstthc_desktop.importers, kstthc_desktop.reports\n"
        "heavy = ('openpyxl', 'reportlab', 'docx', 'python_calamine', 'holidays', 'sqlite_utils', 'pypdfium2')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_sql_in_ui() -> None:
    for path in (ROOT / "kstthc_desktop" / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ("execute(", "SELECT ", "INSERT INTO", "DELETE FROM"):
            assert needle not in text, f"{path.name} contains SQL ({needle})"


def test_widgets_and_the_app_reach_storage_only_through_the_service() -> None:
    """Backups, restore and checks go through OfficeService (DESIGN.md §3): no storage in ui/ or app.py."""
    import re

    files = [*(ROOT / "kstthc_desktop" / "ui").rglob("*.py"), ROOT / "kstthc_desktop" / "app.py"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = re.findall(r"^\s*(?:from\s+\S*storage\S*\s+import|import\s+\S*storage)", text, re.MULTILINE)
        assert not found, f"{path.name} imports storage: {found}"


def test_only_vietnams_holiday_calendar_is_loaded() -> None:
    """`import holidays.countries` imports all 250 countries (≈80 ms): the work calendar loads one."""
    code = (
        "import sys\n"
        "from kstthc_desktop.core.workdays import WorkCalendar\n"
        "cal = WorkCalendar()\n"
        "assert cal.holiday_name(__import__('datetime').date(2026, 9, 2)) == 'Quốc khánh'\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('holidays.countries'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "holidays.countries.vietnam"


def test_the_window_module_loads_no_heavy_library() -> None:
    """What the first paint needs: Qt and our modules; holidays, spreadsheets and PDF come later."""
    code = (
        "import sys\n"
        "import kstthc_desktop.app, kstthc_desktop.ui.main_window\n"
        "heavy = ('openpyxl', 'reportlab', 'docx', 'python_calamine', 'holidays', 'babel', 'pypdfium2', 'PIL')\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
