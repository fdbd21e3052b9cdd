"""Start-up to a painted window, beside a bare PySide6 window with a tree view (one run, interleaved).

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_startup.py [runs]
Budgets (DESIGN.md §9, issue 14): ≤ 1.5 s to a painted window; ≤ 1.6× the bare window with the demo
file and ≤ 2× with a 2,000-task plan.

A user's install has bytecode: the script unsets PYTHONDONTWRITEBYTECODE and compiles the package
first, so neither side pays for compiling. Each process is timed from outside (start to exit), the
same way ``farm-bench --vs`` does; the ratio is the median of the pairwise ratios.
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
    "app.processEvents(); assert not w.grab().isNull()\n"
)


def timed(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - t


def main(runs: int = 9) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from bench_memory import build

    from kstthc_desktop.services.demo import create_demo

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    compileall.compile_dir(str(ROOT / "kstthc_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        demo = create_demo(Path(tmp) / "demo.kstthc")
        big = Path(tmp) / "2000.kstthc"
        build(big, 2000, 0)
        cases = {
            "bare PySide6 window": [sys.executable, "-c", BARE],
            "KSTTHC, demo file": [sys.executable, "-m", "kstthc_desktop", "--office", str(demo), "--smoke-test"],
            "KSTTHC, 2,000 tasks": [sys.executable, "-m", "kstthc_desktop", "--office", str(big), "--smoke-test"],
        }
        for cmd in cases.values():  # warm the file cache and write any missing bytecode
            timed(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):  # interleaved so every case sees the same machine load
            for name, cmd in cases.items():
                times[name].append(timed(cmd, env))
    bare = times["bare PySide6 window"]
    print(f"{'':22} {'median':>8} {'min':>8} {'max':>8}   ratio to bare (median of pairs)")
    for name, ts in times.items():
        ratio = statistics.median(t / b for t, b in zip(ts, bare, strict=True))
        print(f"{name:22} {statistics.median(ts) * 1000:6.0f}ms {min(ts) * 1000:6.0f}ms {max(ts) * 1000:6.0f}ms"
              f"   {ratio:.2f}x")
    print("budgets: demo ≤ 1.6x, 2,000 tasks ≤ 2.0x, both ≤ 1500 ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
