"""The headless loop: `kstthc import` of a province workbook + a year report, beside LibreOffice's
headless print (PDF) of the same workbook — one run, interleaved, medians of whole processes.

Run: python tests/benchmarks/bench_headless.py [runs]   (needs soffice: libreoffice-calc-nogui)
Goal (issue 14): import + report ≤ 0.3× LibreOffice printing the workbook.

The workbook is the province plan of the test fixtures (typed from the seed plan 001), with its
legacy-encoded cells in Unicode (the common case) and, as a second figure, with them in TCVN3/VNI
(calamine reads both; for the second the cells' .VnTime/VNI fonts come from the workbook's XML).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def workbook(path: Path, legacy: bool) -> Path:
    from tests.unit.importers import fixtures as fx

    specs = [fx.province_main(), fx.province_appendix()]
    if not legacy:
        for spec in specs:
            for r, c in spec.fonts:
                spec.rows[r][c] = "Công chức Văn phòng – Thống kê"
            spec.fonts.clear()
    return fx.write_xlsx(path, specs)


def empty_office(path: Path) -> Path:
    """An office file with its details filled in (a report needs them) and no plan yet."""
    from kstthc_desktop.core.model import Office
    from kstthc_desktop.services import OfficeService

    with OfficeService.open(path, create=True) as svc:
        svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
    return path


def run(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - t


def main(runs: int = 7) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-calc-nogui")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["KSTTHC_REPORT_FONT"] = "bundled"
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        profile = f"file://{t / 'lo-profile'}"  # its own LibreOffice profile, warmed below
        template = empty_office(t / "template.kstthc")
        for legacy in (False, True):
            book = workbook(t / f"ke-hoach-tinh{'-tcvn3' if legacy else ''}.xlsx", legacy)

            def ours(n: int, book: Path = book) -> float:
                office = t / f"o{n}.kstthc"
                shutil.copyfile(template, office)  # not timed: the officer's file exists already
                a = run([py, "-m", "kstthc_desktop.cli", "import", str(book), "--office", str(office),
                         "--year", "2026"], env)
                b = run([py, "-m", "kstthc_desktop.cli", "report", "--office", str(office), "--period", "2026-Y",
                         "--out", str(t / f"r{n}.pdf")], env)
                return a + b

            def libreoffice(book: Path = book) -> float:
                return run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(t / "lo"), str(book)], env)

            ours(-1), libreoffice()  # warm caches, bytecode and the LibreOffice profile
            pairs = [(ours(i), libreoffice()) for i in range(runs)]
            o = statistics.median(p[0] for p in pairs)
            lo = statistics.median(p[1] for p in pairs)
            ratio = statistics.median(p[0] / p[1] for p in pairs)
            label = "TCVN3/VNI cells" if legacy else "Unicode workbook"
            print(f"{label:28} import+report {o * 1000:6.0f} ms   LibreOffice print {lo * 1000:6.0f} ms   "
                  f"ratio {ratio:.2f}x (goal ≤ 0.3x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
