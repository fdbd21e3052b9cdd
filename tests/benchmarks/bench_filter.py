"""Filtering 20,000 tasks in the plan table, beside a plain Qt filter over the same rows (same run).

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_filter.py
Budget (DESIGN.md §9): ≤ 50 ms per filter change.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WORDS = ["Rà soát", "đơn giản hóa", "thủ tục hành chính", "niêm yết", "công khai", "Bộ phận Một cửa", "báo cáo",
         "kiểm tra", "tuyên truyền", "dịch vụ công trực tuyến", "phản ánh, kiến nghị", "số hóa hồ sơ"]


def tree(n: int):  # noqa: ANN201
    from kstthc_desktop.core.model import Schedule, Section, Status, Task
    from kstthc_desktop.services import TaskView

    sections = []
    for s in range(20):
        sec = Section(id=s + 1, plan_id=1, number=str(s + 1), title=f"Mục {s + 1}")
        views = []
        for i in range(n // 20):
            tid = s * 100000 + i
            content = f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]} lĩnh vực {i}"
            t = Task(id=tid, plan_id=1, section_id=sec.id, number=str(i + 1), content=content,
                     lead_units=["UBND cấp xã"], deadline_text="Quý III năm 2026",
                     schedule=Schedule(text="Quý III năm 2026", kinds=("quarter",), due=date(2026, 9, 30)))
            views.append(TaskView(task=t, status=list(Status)[i % 5], due=date(2026, 9, 30)))
        sections.append((sec, views))
    return sections


def main(n: int = 20000, runs: int = 11) -> None:
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication

    from kstthc_desktop.ui.models.task_tree import TaskFilterProxy, TaskTreeModel

    app = QApplication.instance() or QApplication([])  # noqa: F841
    data = tree(n)
    model = TaskTreeModel()
    model.set_tree(data)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    plain = QStandardItemModel()
    for _, views in data:
        for v in views:
            plain.appendRow(QStandardItem(v.task.content))
    base = QSortFilterProxyModel()
    base.setSourceModel(plain)
    base.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    needles = ["ra soat", "niem yet cong khai", "bao cao", "kiem tra 12", ""]
    plain_needles = ["Rà soát", "niêm yết", "báo cáo", "kiểm tra", ""]
    def walk(m, parent=None) -> int:  # noqa: ANN001 - every visible row, as the expanded view shows them
        from PySide6.QtCore import QModelIndex

        parent = parent or QModelIndex()
        n = m.rowCount(parent)
        return n + sum(walk(m, m.index(r, 0, parent)) for r in range(n) if m.hasChildren(m.index(r, 0, parent)))

    ours, baseline = [], []
    for r in range(runs):
        t = time.perf_counter()
        base.setFilterFixedString(plain_needles[r % len(plain_needles)])
        walk(base)
        baseline.append(time.perf_counter() - t)
        t = time.perf_counter()
        proxy.set_text(needles[r % len(needles)])
        shown = walk(proxy)
        ours.append(time.perf_counter() - t)
    b, o = statistics.median(baseline), statistics.median(ours)
    print(f"{n} tasks (last filter showed {shown} rows)")
    print(f"plain QSortFilterProxyModel (accented, flat): median {b * 1000:6.1f} ms")
    print(f"TaskFilterProxy (accent-insensitive, tree)   : median {o * 1000:6.1f} ms  (budget 50 ms)")
    print(f"ratio: {o / b:.2f}x")


if __name__ == "__main__":
    main()
