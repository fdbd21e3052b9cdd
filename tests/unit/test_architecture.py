"""House rules that keep the layers apart (DESIGN.md §3), checked in a fresh interpreter."""

from __future__ import annotations

import json
import os
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


def test_the_first_paint_loads_only_what_it_shows(tmp_path: Path) -> None:
    """Start-up (issue 14): what the program has loaded and started when its window is first painted.

    Dialogs, the tabs behind the table, the search result list, background jobs, exports, reports
    and importers come later; so do the cyclic garbage collector and the application-wide dialog
    fitter. No Python event filter or viewport may reach Python before the paint either: PySide
    would make a Python type for every QEvent or QWidget subclass it has (~100 types).
    """
    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "demo.kstthc")
    code = (
        "import gc, json, sys\n"
        "from kstthc_desktop import app\n"
        "from kstthc_desktop.ui import fit, main_window\n"
        "seen = {}\n"
        "painted = main_window.MainWindow._run_first_paint_work\n"
        "def run_first_paint_work(self):  # the paint is done; what waited for it begins\n"
        "    if not seen:\n"
        "        import PySide6.QtWidgets as widgets\n"
        "        seen.update(modules=sorted(sys.modules), gc=gc.isenabled(), fitter=bool(fit._fitter),\n"
        "                    types=sorted(n for n in vars(widgets) if n.startswith('Q')))\n"
        "    painted(self)\n"
        "main_window.MainWindow._run_first_paint_work = run_first_paint_work\n"
        f"code = app.main(['--office', {str(path)!r}, '--smoke-test'])\n"
        "print(json.dumps(dict(seen, code=code)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    modules = set(seen["modules"])
    later = ("kstthc_desktop.ui.dialogs", "kstthc_desktop.ui.tasks", "kstthc_desktop.ui.views.dashboard",
             "kstthc_desktop.ui.views.timeline", "kstthc_desktop.ui.views.calendar",
             "kstthc_desktop.ui.views.evidence_register", "kstthc_desktop.ui.views.search_popup",
             "kstthc_desktop.services.demo", "kstthc_desktop.services.export", "kstthc_desktop.reports",
             "kstthc_desktop.core.search", "kstthc_desktop.storage.search", "kstthc_desktop.storage.integrity",
             "kstthc_desktop.storage.backup", "kstthc_desktop.services.import_records",
             "kstthc_desktop.importers", "openpyxl", "reportlab", "docx", "python_calamine", "holidays", "babel",
             "pypdfium2", "PIL", "sqlite_utils", "hashlib", "mimetypes")
    early = sorted(m for m in modules if m.startswith(later))
    assert early == [], f"loaded before the first paint: {early}"
    qt = {m.split(".")[1] for m in modules if m.startswith("PySide6.Qt")}
    assert qt == {"QtCore", "QtGui", "QtWidgets"}
    assert not seen["gc"], "the garbage collector waits for the first paint"
    assert not seen["fitter"], "the application-wide dialog fitter waits for the first paint"
    walked = {"QCalendarWidget", "QMdiArea", "QWizard", "QGraphicsSceneMouseEvent"} & set(seen["types"])
    assert not walked, f"PySide made a type for every QWidget/QEvent subclass: {sorted(walked)}"
    assert len(seen["types"]) < 120, len(seen["types"])


def test_the_lighter_pyside_import_check_gives_pysides_own_verdicts() -> None:
    """``app._lighter_pyside_import_check`` replaces PySide's per-import source check (an
    ``inspect.getsource`` walking ``sys.modules``) with a direct read: same verdict for every kind of
    module — ours with and without Qt, the standard library, built-in and extension modules."""
    code = (
        "import json, sys\n"
        "import PySide6.QtCore\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "table = feature.pyside_feature_dict\n"
        "from kstthc_desktop import app\n"
        "import kstthc_desktop.ui.main_window, kstthc_desktop.core.model, kstthc_desktop.storage.repository\n"
        "import json.decoder, _sqlite3, email.mime\n"
        "names = ['kstthc_desktop.app', 'kstthc_desktop.ui.main_window', 'kstthc_desktop.core.model',\n"
        "         'kstthc_desktop.storage.repository', 'json', 'json.decoder', 'sys', '_sqlite3', 'email.mime',\n"
        "         'PySide6', 'PySide6.QtCore']\n"
        "pyside = {n: 0 if feature._mod_uses_pyside(sys.modules[n]) else -1 for n in names}\n"
        "app._lighter_pyside_import_check()\n"
        "ours = {}\n"
        "for n in names:\n"
        "    table.pop(n, None)\n"
        "    feature.feature_imported(sys.modules[n])\n"
        "    ours[n] = table[n]\n"
        "print(json.dumps([pyside, ours]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    pyside, ours = json.loads(out.stdout.strip().splitlines()[-1])
    assert ours == pyside
    assert pyside["kstthc_desktop.ui.main_window"] == 0 and pyside["kstthc_desktop.core.model"] == -1


def test_painting_the_evidence_column_needs_no_style_icon(tmp_path: Path) -> None:
    """The table marks tasks with evidence by a drawn page, not the style's SP_FileIcon: asking the
    style makes PySide build its QStyle type (566 enum values, ~7 ms) before the first paint of any
    plan with evidence on a screen wide enough to show that column. (QIcon's type is made anyway:
    the combo boxes' addItem has an overload that takes an icon.)"""
    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "demo.kstthc")
    code = (
        "import enum, gc, sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "from kstthc_desktop.services import OfficeService\n"
        "from kstthc_desktop.ui.models.task_tree import Col\n"
        "from kstthc_desktop.ui.views.table_view import TableView\n"
        f"svc = OfficeService.open(Path({str(path)!r}))\n"
        "plan = svc.current_plan()\n"
        "view = TableView()\n"
        "view.set_tree(plan, svc.task_tree(plan.id, date(2026, 11, 25)))\n"
        "view.resize(2400, 700)\n"
        "view.show(); app.processEvents(); image = view.grab().toImage()\n"
        "marks, stack = [], [view.proxy.index(r, 0) for r in range(view.proxy.rowCount())]\n"
        "while stack:\n"
        "    parent = stack.pop()\n"
        "    marks.append(parent.siblingAtColumn(Col.EVIDENCE).data(1))\n"
        "    stack += [view.proxy.index(r, 0, parent) for r in range(view.proxy.rowCount(parent))]\n"
        "owners = {o.__qualname__.split('.')[0] for o in gc.get_objects() if isinstance(o, enum.EnumType)}\n"
        "print(sum(type(m).__name__ == 'QPixmap' for m in marks), 'QStyle' in owners)\n"
        "svc.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    marked, style = out.stdout.split()
    assert int(marked) > 0  # tasks of the demo with evidence carry the page
    assert style == "False"
