"""Start-up to a painted window, beside a bare PySide6 window with a tree view (one run, interleaved),
and beside the same window as the program's built without the program (COMPARABLE: what PySide itself
costs for menus, toolbar, tabs and a table of the demo's 47 tasks).

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_startup.py [runs] [--baseline DIR] [--screen WxH]
                                                                         [--documents GB] [--instructions]
  --baseline DIR: also start the program from another checkout (its bytecode compiled too), interleaved
                  in the same runs: before/after figures measured under the same machine load.
  --screen WxH:   the headless screen every case gets (default 1366x768, the officer's screen in
                  DESIGN.md §9; the offscreen platform's own is 800x800).
  --documents GB: a third file, the 2,000 tasks with GB gigabytes of stored documents (a year's
                  scans): what an office file looks like by the end of its year.
  --instructions: each case once under ``valgrind --tool=callgrind``, stopped as its first paint ends:
                  CPU instructions, the same on every run however loaded the machine (valgrind needed).
Budgets (DESIGN.md §9, issue 14): ≤ 1.5 s to a painted window; ≤ 1.6× the bare window with the demo
file and ≤ 2× with a 2,000-task plan.

A user's install has bytecode: the script unsets PYTHONDONTWRITEBYTECODE and compiles the package
first, so neither side pays for compiling. Three figures per case, each the median of the interleaved
runs, ratios as the median of the pairwise ratios; every time is taken by the parent's and the child's
time.monotonic() (one system-wide clock):
- "to first paint": from the parent starting the process to the end of the window's first paint
  (the smoke test's one processEvents(): offscreen, it paints the whole window, table included) —
  what the officer waits for;
- "to grab": until a second rendering (QWidget.grab, which checks that something was drawn) has
  returned as well, after what waits for the first paint has run (since this stop: a large plan's
  tasks below the first screen, the dialog fitter, the collector). Both sides grab, but the real window renders everything again (~10 ms) where
  the bare one has an empty view: this column was the benchmark's figure until the first paint was
  stamped on its own;
- "whole process": start to exit, as ``farm-bench --vs`` measures it; it adds the tear-down of Python
  and Qt after the window closed (tens of milliseconds for a real window, a few for the bare one).
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QMainWindow(); w.setCentralWidget(QTreeView()); w.resize(1280, 800); w.show()\n"
    "app.processEvents()\n"
    "import os; os.environ.get('KSTTHC_BENCH_PAINTED') == 'exit' and os._exit(0)  # --instructions\n"
    "import time; print(f'first-paint-at {time.monotonic():.6f}')\n"
    "assert not w.grab().isNull()\n"
    "print(f'painted-at {time.monotonic():.6f}')\n"
)

# The same window without the program: what any PySide program showing this screen pays. Menus and
# a toolbar of the same size, the five tabs, the filter row, the demo's 47 tasks in a C++ item model
# (text, status colours, bold sections) and the task panel beside them; no office file, no program
# module. Rows are filled in from the demo file before timing (ROWS).
COMPARABLE = """import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QMainWindow, QPushButton, QSplitter, QTabWidget, QToolBar, QTreeView,
                               QVBoxLayout, QWidget)
ROWS = %r
app = QApplication(sys.argv[:1])
w = QMainWindow()
for title in ("&Tệp", "&Sửa", "&Nhiệm vụ", "&Kế hoạch", "&Báo cáo", "&Trợ giúp"):
    menu = w.menuBar().addMenu(title)
    for i in range(6):
        a = QAction(f"{title[1:]} – mục {i}…", w)
        a.setShortcut(QKeySequence(f"Ctrl+Shift+{i}"))
        menu.addAction(a)
bar = QToolBar("Thanh công cụ")
for text in ("Nhập kế hoạch…", "Thêm nhiệm vụ", "Sửa…", "Xóa", "Hoàn tác", "Làm lại", "Ghi tiến độ…",
             "Đính kèm tệp…", "Báo cáo…"):
    bar.addAction(QAction(text, w))
find = QLineEdit(); find.setPlaceholderText("Tìm trong kế hoạch, tiến độ, minh chứng (Ctrl+F)")
bar.addWidget(find)
status = QComboBox(); status.addItems(["Mọi tình trạng", "Quá hạn", "Sắp đến hạn"]); bar.addWidget(status)
w.addToolBar(bar)
tabs = QTabWidget()
table_page = QWidget(); page = QVBoxLayout(table_page)
filters = QHBoxLayout(); filters.addWidget(QLineEdit(placeholderText="Lọc bảng theo chữ…"))
for first in ("Mọi mục", "Mọi đơn vị", "Mọi vai trò", "Mọi kỳ"):
    box = QComboBox(); box.addItem(first); filters.addWidget(box)
filters.addWidget(QPushButton("Bỏ lọc")); page.addLayout(filters)
model = QStandardItemModel(0, 6)
model.setHorizontalHeaderLabels(["STT", "Nhiệm vụ", "Tình trạng", "Hạn", "Thời hạn (nguyên văn)", "Minh chứng"])
colours = {"✔ Hoàn thành đúng hạn": "#e3f1e4", "! Đang thực hiện quá hạn": "#f8d7da",
           "▶ Đang thực hiện trong hạn": "#dbe8f5"}
bold = QFont(); bold.setBold(True)
section = None
for kind, number, content, state, due, text in ROWS:
    if kind == "section":
        section = QStandardItem(content); section.setFont(bold); model.appendRow([section])
        continue
    cells = [QStandardItem(v) for v in (number, content, state, due, text, "")]
    cells[2].setBackground(QBrush(QColor(colours.get(state, "#ffffff"))))
    cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    section.appendRow(cells)
tree = QTreeView(); tree.setModel(model); tree.expandAll(); tree.setAlternatingRowColors(True)
for row in range(model.rowCount()):
    tree.setFirstColumnSpanned(row, tree.rootIndex(), True)
for col, width in enumerate((60, 300, 200, 80, 170, 80)):
    tree.setColumnWidth(col, width)
page.addWidget(tree)
for name in ("Việc cần làm ngay",):
    tabs.addTab(QLabel(name), name)
tabs.addTab(table_page, "Bảng")
for name in ("Dòng thời gian", "Lịch", "Minh chứng"):
    tabs.addTab(QWidget(), name)
tabs.setCurrentWidget(table_page)
corner = QWidget(); plans = QHBoxLayout(corner); plans.setContentsMargins(0, 0, 0, 0); plans.addWidget(QLabel("Kế hoạch:"))
plan = QComboBox(); plan.addItem("Kế hoạch kiểm soát thủ tục hành chính năm 2026"); plans.addWidget(plan)
tabs.setCornerWidget(corner)
side = QWidget(); panel = QVBoxLayout(side)
head = QLabel(f"<b>{ROWS[1][1]} {ROWS[1][2]}</b>"); head.setWordWrap(True); panel.addWidget(head)
for line in ("Chủ trì: Công chức Văn phòng – Thống kê", "Thời hạn (nguyên văn): Hằng quý", "Sản phẩm dự kiến: Báo cáo"):
    panel.addWidget(QLabel(line))
panel.addWidget(QLabel("Tiến độ thực hiện")); panel.addWidget(QListWidget())
for row in (("Ghi tiến độ…", "Đánh dấu hoàn thành"), ("Sửa", "Xóa")):
    line = QHBoxLayout(); [line.addWidget(QPushButton(t)) for t in row]; panel.addLayout(line)
panel.addWidget(QLabel("Minh chứng (kéo thả tệp vào đây)")); panel.addWidget(QListWidget())
line = QHBoxLayout(); [line.addWidget(QPushButton(t)) for t in ("Đính kèm tệp…", "Mở", "Thông tin…")]; panel.addLayout(line)
split = QSplitter(); split.addWidget(tabs); split.addWidget(side); split.setSizes([960, 400])
w.setCentralWidget(split)
w.statusBar().showMessage("Sẵn sàng")
w.statusBar().addPermanentWidget(QLabel(f"{sum(r[0] == 'task' for r in ROWS)} / {sum(r[0] == 'task' for r in ROWS)} nhiệm vụ"))
w.setWindowTitle("KSTTHC Desktop"); w.showMaximized()
app.processEvents()
import os; os.environ.get('KSTTHC_BENCH_PAINTED') == 'exit' and os._exit(0)  # --instructions
import time; print(f'first-paint-at {time.monotonic():.6f}')
assert not w.grab().isNull()
print(f'painted-at {time.monotonic():.6f}')
"""


def _demo_rows(path: Path) -> list[tuple[str, str, str, str, str, str]]:
    """The demo's sections and tasks, in their order, with status words of the same lengths as
    the table's (the comparable window only displays them)."""
    from kstthc_desktop.services import OfficeService

    states = ("✔ Hoàn thành đúng hạn", "▶ Đang thực hiện trong hạn", "! Đang thực hiện quá hạn")
    with OfficeService.open(path) as svc:
        plan = svc.current_plan()
        tasks = svc.tasks(plan.id)
        rows = []
        for section in svc.sections(plan.id):
            rows.append(("section", "", section.title, "", "", ""))
            rows += [("task", t.number, t.content, states[i % 3], "31/12/2026", t.deadline_text)
                     for i, t in enumerate(t for t in tasks if t.section_id == section.id)]
    return rows


def timed(cmd: list[str], env: dict, cwd: Path = ROOT) -> tuple[float | None, float, float]:
    """(seconds to the first paint, to the grab after it, to exit) of one run (``cwd``: the checkout)."""
    start = time.monotonic()
    out = subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout
    end = time.monotonic()

    def stamp(name: str) -> float | None:
        return next((float(line.split()[1]) - start for line in out.splitlines() if line.startswith(f"{name} ")),
                    None)

    painted = stamp("painted-at")
    assert painted is not None, out
    return stamp("first-paint-at"), painted, end - start


def _screen(env: dict, size: str, folder: Path) -> None:
    """Every case on a headless screen of ``size`` (WxH), as ``--screenshot --size`` makes one."""
    import json

    w, h = (int(v) for v in size.lower().split("x"))
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": w, "height": h,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _count_instructions(cases: dict[str, tuple[list[str], Path]], env: dict, folder: Path) -> None:
    """Each case once under callgrind, stopped at the end of its first paint: CPU instructions, the
    same count on every run whatever else the machine does (a few per mille apart between runs)."""
    env = {**env, "KSTTHC_BENCH_PAINTED": "exit"}  # each case leaves right after its first paint
    counts = {}
    for n, (name, (cmd, cwd)) in enumerate(cases.items()):
        out = folder / f"callgrind.{n}"
        ran = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], cwd=cwd,
                             env=env, check=True, capture_output=True, text=True)
        line = next(li for li in out.read_text().splitlines() if li.startswith(("summary:", "totals:")))
        counts[name] = int(line.split()[1])
        if "painted-at" in ran.stdout:  # a checkout from before the exit at the first paint: counted to its end
            counts[f"{name} (to its end)"] = counts.pop(name)
    bare, same = counts["bare PySide6 window"], counts["same window, no program"]
    print(f"{'':36} {'instructions to the end of the first paint':>44}")
    for name, count in counts.items():
        print(f"{name:36} {count / 1e6:9.1f} M {count / bare:5.2f}x   {count / same:5.2f}x the same window")
    print("budgets (to the painted window): demo ≤ 1.6x, 2,000 tasks ≤ 2.0x")


def main(runs: int = 9, baseline: Path | None = None, screen: str = "1366x768", documents: float = 0.0,
         instructions: bool = False) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from bench_memory import build

    from kstthc_desktop.services.demo import create_demo

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["KSTTHC_BENCH_PAINTED"] = "1"
    compileall.compile_dir(str(ROOT / "kstthc_desktop"), quiet=1)
    if baseline is not None:
        compileall.compile_dir(str(baseline / "kstthc_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        _screen(env, screen, Path(tmp))
        files = [("demo file", create_demo(Path(tmp) / "demo.kstthc")), ("2,000 tasks", Path(tmp) / "2000.kstthc")]
        build(files[1][1], 2000, 0)
        if documents:
            files.append((f"2,000 + {documents:g} GB docs", Path(tmp) / "docs.kstthc"))
            build(files[2][1], 2000, documents)
        app = [sys.executable, "-m", "kstthc_desktop", "--smoke-test", "--office"]
        cases = {"bare PySide6 window": ([sys.executable, "-c", BARE], ROOT),
                 "same window, no program": ([sys.executable, "-c", COMPARABLE % (_demo_rows(files[0][1]),)], ROOT)}
        for label, path in files:
            if baseline is not None:
                cases[f"baseline, {label}"] = ([*app, str(path)], baseline)
            cases[f"KSTTHC, {label}"] = ([*app, str(path)], ROOT)
        for cmd, cwd in cases.values():  # warm the file cache and write any missing bytecode
            timed(cmd, env, cwd)
        if instructions:
            _count_instructions(cases, env, Path(tmp))
            return
        times: dict[str, list[tuple[float | None, float, float]]] = {name: [] for name in cases}
        for _ in range(runs):  # interleaved so every case sees the same machine load
            for name, (cmd, cwd) in cases.items():
                times[name].append(timed(cmd, env, cwd))
    bare = times["bare PySide6 window"]
    print(f"{'':26} {'to first paint':>16} {'to grab':>15} {'whole process':>15}   (medians of {runs}, "
          f"screen {screen})")
    for name, ts in times.items():
        cols = []
        for k in (0, 1, 2):
            if any(t[k] is None for t in ts):  # a baseline from before the first paint was stamped
                cols.append(f"{'–':>15}")
                continue
            ratio = statistics.median(t[k] / b[k] for t, b in zip(ts, bare, strict=True))
            cols.append(f"{statistics.median(t[k] for t in ts) * 1000:7.0f}ms {ratio:5.2f}x")
        print(f"{name:26} {cols[0]:>16} {cols[1]:>15} {cols[2]:>15}")
    same = times["same window, no program"]
    print("the program over the same window without it, to first paint: " + ", ".join(
        f"{name.removeprefix('KSTTHC, ')} {statistics.median(t[0] / c[0] for t, c in zip(ts, same, strict=True)):.2f}x"
        for name, ts in times.items() if name.startswith("KSTTHC")))
    print("budgets (to the painted window): demo ≤ 1.6x, 2,000 tasks ≤ 2.0x, both ≤ 1500 ms")


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description="Start-up to a painted window beside a bare PySide6 window.")
    p.add_argument("runs", nargs="?", type=int, default=9, help="interleaved runs per case")
    p.add_argument("--baseline", type=Path, help="another checkout, measured in the same runs")
    p.add_argument("--screen", default="1366x768", help="headless screen size (default 1366x768)")
    p.add_argument("--documents", type=float, default=0.0, help="add the 2,000 tasks with GB of documents")
    p.add_argument("--instructions", action="store_true",
                   help="count CPU instructions to the first paint under valgrind instead (one run per case)")
    a = p.parse_args()
    main(a.runs, a.baseline.resolve() if a.baseline else None, a.screen, a.documents, a.instructions)
