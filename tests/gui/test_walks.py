"""The walks of tests/gui/walks run here, each in a child process.

A crash of Qt (a segfault like the first release's "Ghi tiến độ…") ends only the child: this test
fails with the child's Python stack (faulthandler). A modal dialog nobody answers ends the child
after a timeout (pytest-timeout, with stacks), instead of hanging the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WALKS = Path(__file__).resolve().parent / "walks"


def run_walk(name: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-X", "faulthandler", "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rA",
           "-o", "python_files=walk_*.py", "--timeout", "180", "--timeout-method", "thread",
           "--basetemp", str(tmp_path / "child"), str(WALKS / name), *extra]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PYTHONFAULTHANDLER="1")
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=420)


@pytest.mark.parametrize("name", ["walk_click_everything.py", "walk_journeys.py"])
def test_walk(name: str, tmp_path: Path) -> None:
    out = run_walk(name, tmp_path)
    report = (out.stdout + "\n" + out.stderr)[-6000:]
    assert out.returncode == 0, f"the walk ended with {out.returncode} (negative: killed by a signal):\n{report}"
    assert " passed" in out.stdout and " failed" not in out.stdout and "skipped" not in out.stdout, report
