"""The walks of tests/gui/walks run here, each in a child process.

A crash of Qt (a segfault like the first release's "Ghi tiến độ…") ends only the child: this test
fails with the child's Python stack (faulthandler). A modal dialog nobody answers ends the child
after a timeout (pytest-timeout, with stacks), instead of hanging the run. The fit walk runs on
two headless screens set up before Qt starts: a 1366×768 laptop and a 1280×720 one at 125 %.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WALKS = Path(__file__).resolve().parent / "walks"
FRAME = 2  # the headless platform's window border on each side

# name → (available screen area in physical pixels, scale factor). 1366×768 less a 40 px taskbar
# and a 30 px title bar leaves a 1366×698 client area; 1280×720 at 125 % leaves about 1024×514.
SCREENS = {
    "1366x768": ((1366 + 2 * FRAME, 698 + 2 * FRAME), "1"),
    "1280x720-125": ((1280 + 2 * FRAME, 642 + 2 * FRAME), "1.25"),
}


def run_walk(name: str, tmp_path: Path, screen: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-X", "faulthandler", "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rA", "-s",
           "-o", "python_files=walk_*.py", "--timeout", "180", "--timeout-method", "thread",
           "--basetemp", str(tmp_path / "child"), str(WALKS / name)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PYTHONFAULTHANDLER="1")
    env.pop("QT_SCALE_FACTOR", None)
    if screen is not None:
        (w, h), scale = SCREENS[screen]
        config = tmp_path / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": screen, "x": 0, "y": 0, "width": w, "height": h,
                                                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        env["QT_SCALE_FACTOR"] = scale
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=420)


@pytest.mark.parametrize(("name", "screen"), [
    ("walk_click_everything.py", None),
    ("walk_journeys.py", None),
    ("walk_fit.py", "1366x768"),
    ("walk_fit.py", "1280x720-125"),
])
def test_walk(name: str, screen: str | None, tmp_path: Path) -> None:
    out = run_walk(name, tmp_path, screen)
    report = (out.stdout + "\n" + out.stderr)[-6000:]
    assert out.returncode == 0, f"the walk ended with {out.returncode} (negative: killed by a signal):\n{report}"
    assert " passed" in out.stdout and " failed" not in out.stdout, report
    for line in out.stdout.splitlines():  # the figures the fit walk measured, for the record
        if "lowest button ends" in line:
            print(screen, line.lstrip(".sF"))
