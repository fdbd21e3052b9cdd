"""Edit → every visible view refreshed, with 2,000 tasks, beside a bare model reset (same run).

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_edit.py
Budget (DESIGN.md §9): no GUI freeze over 100 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(runs: int = 7) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTreeView

    from kstthc_desktop.core.model import CommuneRole, Office, ProgressEntry
    from kstthc_desktop.core.schedule import parse_schedule
    from kstthc_desktop.importers.result import ImportedPlan, ImportedSection, ImportedTask
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    kinds = ["Quý III năm 2026", "Thường xuyên năm 2026", "Tháng 3, 6, 9, 12/2026", "Trước ngày 15/9/2026",
             "Khi có phát sinh"]
    sections = [ImportedSection(number=str(s + 1), title=f"MỤC {s + 1}", tasks=[
        ImportedTask(number=str(i + 1), content=f"Nhiệm vụ {s + 1}.{i + 1}: rà soát, công khai TTHC",
                     lead=["UBND cấp xã"], deadline_text=kinds[i % 5], schedule=parse_schedule(kinds[i % 5], 2026),
                     commune_role=CommuneRole.LEAD) for i in range(100)]) for s in range(20)]
    with tempfile.TemporaryDirectory() as tmp:
        svc = OfficeService.open(Path(tmp) / "tai.kstthc", create=True)
        svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ THỬ", place_name="Thử"))
        svc.apply_import(ImportedPlan(title="KH", year=2026, sections=sections, source_file="tai.xlsx"))
        w = MainWindow(svc)
        w.resize(1280, 800)
        w.show()
        app.processEvents()
        tid = svc.tasks(svc.current_plan().id)[5].id
        # baseline: resetting a plain model of the same rows and repainting
        plain = QStandardItemModel()
        view = QTreeView()
        view.setModel(plain)
        view.resize(1280, 800)
        view.show()
        base = []
        for _ in range(runs):
            t = time.perf_counter()
            plain.clear()
            for s in range(20):
                parent = QStandardItem(f"MỤC {s + 1}")
                for i in range(100):
                    parent.appendRow([QStandardItem(f"Nhiệm vụ {s + 1}.{i + 1}"), QStandardItem("Quý III")])
                plain.appendRow(parent)
            view.expandToDepth(0)
            app.processEvents()
            base.append(time.perf_counter() - t)
        print(f"baseline: plain model rebuilt + repainted: median {statistics.median(base) * 1000:6.0f} ms")
        for i in range(w.tabs.count()):
            w.tabs.setCurrentIndex(i)
            app.processEvents()
            times = []
            for n in range(runs):
                t = time.perf_counter()
                changes = svc.add_progress(ProgressEntry(task_id=tid, percent=10 + n, note="cập nhật"))[1]
                w.apply_changes(changes)
                app.processEvents()
                times.append(time.perf_counter() - t)
            med = statistics.median(times)
            print(f"edit with '{w.tabs.widget(i).objectName()}' shown: median {med * 1000:6.0f} ms "
                  f"(ratio {med / statistics.median(base):.1f}x; budget 100 ms)")
        w.close()
        svc.close()


if __name__ == "__main__":
    main()
