"""Memory with 2,000 tasks and 1 GB of evidence, beside a bare PySide6 window (same run).

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_memory.py [--gb 1.0]
Budget (DESIGN.md §9): ≤ 300 MB resident with the window open on such a file.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PROBE = r"""
import resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView
app = QApplication(sys.argv[:1])
path = sys.argv[1] if len(sys.argv) > 1 else ""
if path:
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.ui.main_window import MainWindow
    svc = OfficeService.open(path)
    w = MainWindow(svc)
    w.resize(1280, 800); w.show(); app.processEvents()
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i); app.processEvents(); w.grab()
    w.evidence_view.refresh()
else:
    w = QMainWindow(); w.setCentralWidget(QTreeView()); w.resize(1280, 800); w.show(); app.processEvents(); w.grab()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def build(path: Path, tasks: int, gigabytes: float) -> None:
    from kstthc_desktop.core.model import CommuneRole, Office
    from kstthc_desktop.core.schedule import parse_schedule
    from kstthc_desktop.importers.result import ImportedPlan, ImportedSection, ImportedTask
    from kstthc_desktop.services import OfficeService

    deadlines = ["Quý III năm 2026", "Thường xuyên năm 2026", "Tháng 3, 6, 9, 12/2026", "Trước ngày 15/9/2026",
                 "Khi có phát sinh"]
    sections = []
    for s in range(20):
        items = []
        for i in range(tasks // 20):
            text = deadlines[i % len(deadlines)]
            items.append(ImportedTask(number=str(i + 1), content=f"Nhiệm vụ {s + 1}.{i + 1}: rà soát, công khai TTHC",
                                      lead=["UBND cấp xã"], deadline_text=text, schedule=parse_schedule(text, 2026),
                                      commune_role=CommuneRole.LEAD, source_sheet="KH", source_row=i + 5))
        sections.append(ImportedSection(number=str(s + 1), title=f"MỤC {s + 1}", tasks=items))
    plan = ImportedPlan(title="Kế hoạch thử tải năm 2026", year=2026, sections=sections, source_file="tai.xlsx")
    with OfficeService.open(path, create=True) as svc:
        svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ THỬ TẢI", place_name="Thử Tải"))
        svc.apply_import(plan)
        task_ids = [t.id for t in svc.tasks(svc.current_plan().id)]
        chunk = 64 * 1024 * 1024
        files = max(1, int(gigabytes * 1024 ** 3 // chunk)) if gigabytes > 0 else 0
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(files):
                f = Path(tmp) / f"bien-ban-{n}.bin"
                with open(f, "wb") as fh:
                    for _ in range(chunk // (1 << 20)):
                        fh.write(os.urandom(1 << 20))
                svc.add_evidence(task_ids[n * 37 % len(task_ids)], f)
                f.unlink()


def rss(args: list[str]) -> int:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=2000)
    ap.add_argument("--gb", type=float, default=1.0)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tai.kstthc"
        t = time.perf_counter()
        build(path, a.tasks, a.gb)
        print(f"built {a.tasks} tasks + {a.gb:.1f} GB evidence in {time.perf_counter() - t:.0f} s "
              f"(file {path.stat().st_size / 1e9:.2f} GB)")
        bare, ours = rss([]), rss([str(path)])
    print(f"bare PySide6 window : peak RSS {bare} MB")
    print(f"KSTTHC on that file : peak RSS {ours} MB  (budget 300 MB)")
    print(f"ratio {ours / bare:.2f}x, extra {ours - bare} MB")


if __name__ == "__main__":
    main()
