"""`kstthc` as its own process tunes the garbage collector for a short run (cli.CLI_GC_THRESHOLD, and
gc.freeze() at the end); called from Python (tests, scripts) it leaves the caller's collector alone.
What a command wrote is whole either way."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from kstthc_desktop.cli import CLI_GC_THRESHOLD, main

ROOT = Path(__file__).resolve().parents[2]


def test_a_caller_keeps_its_own_garbage_collector(capsys) -> None:  # noqa: ANN001
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    assert main(["schedule", "Quý III năm 2026", "--json"]) == 0
    assert '"2026-09-30"' in capsys.readouterr().out
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == frozen


def test_the_program_collects_less_often_and_writes_whole_files(tmp_path: Path) -> None:
    office, pdf = tmp_path / "demo.kstthc", tmp_path / "bao-cao.pdf"
    code = (
        "import gc, sys\n"
        "from kstthc_desktop import cli\n"
        "for argv in (['demo', '--office', sys.argv[1]],\n"
        "             ['report', '--office', sys.argv[1], '--period', '2026-Y', '--as-of', '2026-12-20',\n"
        "              '--out', sys.argv[2]]):\n"
        "    sys.argv = ['kstthc', *argv]\n"
        "    assert cli.main() == 0\n"
        "print(gc.get_threshold(), gc.get_freeze_count() > 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(office), str(pdf)], cwd=ROOT, capture_output=True,
                         text=True, env={**os.environ, "KSTTHC_REPORT_FONT": "bundled"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == f"{CLI_GC_THRESHOLD} True"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF") and len(data) > 20_000
