"""Benchmark: repainting the timeline with 2,000 tasks beside a bare widget painting 2,000 text rows.

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_views.py [N_TASKS]   (not collected)
Budget (DESIGN.md §9, no GUI freeze): one full repaint at 1280×800 < 16 ms, at every zoom level.
Tasks of mixed deadline kinds are built as TaskViews directly (parsing real phrases), so the
figure is the painting, not the database.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from timing import median_time  # noqa: E402 - beside this script

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtGui import QImage, QPainter, QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

RUNS = 20
BUDGET_MS = 16.0
TODAY = date(2026, 11, 25)
PHRASES = [
    "Trước ngày 31/8/2026", "Quý III năm 2026", "Từ tháng 4 đến tháng 11 năm 2026", "Hằng tháng", "Hằng quý",
    "Tháng 3, 6, 9, 12/2026", "Thường xuyên năm 2026", "Khi có phát sinh", "Theo kế hoạch riêng của UBND tỉnh",
    "Định kỳ 6 tháng", "Trong tháng 5/2026", "", "Trước ngày 15/12/2026",
]


def build_tree(n: int):  # noqa: ANN201
    from kstthc_desktop.core.model import ProgressEntry, Section, Task
    from kstthc_desktop.core.schedule import parse_schedule
    from kstthc_desktop.core.status import task_status
    from kstthc_desktop.services import TaskView

    parsed = {p: (parse_schedule(p, 2026) if p else None) for p in PHRASES}
    progress: dict[int, list[ProgressEntry]] = {}
    tree = []
    tid = 0
    per_section = 100
    for s in range(max(1, n // per_section)):
        section = Section(id=s + 1, plan_id=1, number=str(s + 1), title=f"MỤC {s + 1}: NHIỆM VỤ TRỌNG TÂM")
        roots: list[TaskView] = []
        for i in range(per_section):
            tid += 1
            phrase = PHRASES[tid % len(PHRASES)]
            sched = parsed[phrase]
            entries = []
            if tid % 3 == 0:
                entries.append(ProgressEntry(task_id=tid, on=date(2026, 6, 1), percent=100, done=True))
            progress[tid] = entries
            task = Task(id=tid, plan_id=1, section_id=s + 1, number=f"{i + 1}",
                        content=f"Rà soát, đánh giá thủ tục hành chính thuộc lĩnh vực số {tid} của Ủy ban nhân dân xã",
                        deadline_text=phrase, schedule=sched)
            v = TaskView(task=task, status=task_status(sched, entries, TODAY), due=sched.due if sched else None,
                         percent=40 if tid % 5 == 0 else 0)
            if i % 4 == 3 and roots:
                task.parent_id = roots[-1].task.id
                roots[-1].children.append(v)
            else:
                roots.append(v)
        tree.append((section, roots))
    return tree, progress


class BareRows(QWidget):
    """Baseline: the cheapest honest painter of the same rows (text only, clipped to the viewport)."""

    def __init__(self, labels: list[str]) -> None:
        super().__init__()
        self.labels = labels
        self.offset = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        row_h = self.fontMetrics().height() + 10
        first = self.offset // row_h
        last = min(len(self.labels) - 1, (self.offset + self.height()) // row_h)
        p.fillRect(self.rect(), self.palette().base())
        for i in range(first, last + 1):
            p.drawText(QRect(8, i * row_h - self.offset, self.width() - 16, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.labels[i])
        p.end()


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm-up (font caches)
    return median_time(fn, runs) * 1000


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.ui.events import EventHub
    from kstthc_desktop.ui.style import apply_base_font
    from kstthc_desktop.ui.views.timeline import TimelineView

    apply_base_font()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        service = OfficeService.open(Path(tmp) / "bench.kstthc", create=True)  # empty: rows come from build_tree
        hub = EventHub()
        tree, progress = build_tree(n)
        t0 = time.perf_counter()
        view = TimelineView(service, hub, TODAY)
        view.resize(1280, 800)
        view.show()
        view.set_data(2026, tree, progress)
        build_ms = (time.perf_counter() - t0) * 1000
        app.processEvents()
        rows = len(view.canvas.rows)
        image = QImage(1280, 800, QImage.Format.Format_ARGB32_Premultiplied)

        labels = [r.label for r in view.canvas.rows]
        bare = BareRows(labels)
        bare.resize(1280, 800)
        bare.show()
        app.processEvents()
        middle = len(labels) // 2 * (bare.fontMetrics().height() + 10)
        bare.offset = middle
        baseline = median_ms(lambda: bare.render(image))

        print(f"timeline: {rows} rows ({n} tasks + section headers), rows built in {build_ms:.0f} ms")
        print(f"baseline: bare QWidget, {len(labels)} text rows clipped to the viewport: {baseline:.2f} ms/repaint")
        worst = 0.0
        for zoom in ("year", "quarter", "month"):
            view.set_zoom(zoom)
            view.canvas.verticalScrollBar().setValue(view.canvas.verticalScrollBar().maximum() // 2)
            view.canvas.scroll_to_ordinal(TODAY.toordinal(), animate=False)
            app.processEvents()
            whole = median_ms(lambda: view.render(image))
            canvas = median_ms(lambda: view.canvas.viewport().repaint())
            worst = max(worst, whole, canvas)
            print(f"  zoom {zoom:8s} widget.render(1280×800): {whole:6.2f} ms   viewport.repaint(): {canvas:6.2f} ms"
                  f"   ratio to baseline: {whole / baseline:4.1f}×")
        verdict = "OK" if worst < BUDGET_MS else "OVER BUDGET"
        print(f"worst repaint {worst:.2f} ms; budget {BUDGET_MS:.0f} ms: {verdict}")
        view.close()
        bare.close()
        service.close()
    return 0 if worst < BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
