"""Start-up to a painted window with the demo file, beside a bare PySide6 window (same run).

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_startup.py
Budget (DESIGN.md §9): ≤ 1.5 s to a painted window.
"""

from __future__ import annotations

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


def main(runs: int = 7) -> None:
    sys.path.insert(0, str(ROOT))
    from kstthc_desktop.services.demo import create_demo

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as tmp:
        demo = create_demo(Path(tmp) / "demo.kstthc")
        app_cmd = [sys.executable, "-m", "kstthc_desktop", "--office", str(demo), "--smoke-test"]
        bare_cmd = [sys.executable, "-c", BARE]
        timed(app_cmd, env)  # warm the file cache
        bare, ours = [], []
        for _ in range(runs):  # interleaved so both see the same machine load
            bare.append(timed(bare_cmd, env))
            ours.append(timed(app_cmd, env))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window : median {b * 1000:7.0f} ms")
    print(f"KSTTHC with demo    : median {o * 1000:7.0f} ms  (budget 1500 ms)")
    print(f"ratio               : {o / b:.2f}x   extra {1000 * (o - b):.0f} ms")


if __name__ == "__main__":
    main()
