"""Killed while reading evidence files (power cut, Task Manager): reopen, nothing lost, reading resumes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kstthc_desktop.core.model import Office, Plan, Task
from kstthc_desktop.services import OfficeService
from tests import evidence_files as make

ROOT = Path(__file__).resolve().parents[3]


def test_sigkill_while_reading_a_file_then_reopen_and_resume(tmp_path: Path) -> None:
    path = tmp_path / "van-phong.kstthc"
    with OfficeService.open(path, create=True) as svc:
        svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
        pid, _ = svc.create_plan(Plan(year=2026, title="KH 2026"))
        tid, _ = svc.add_task(Task(plan_id=pid, number="1", content="Kiện toàn Bộ phận Một cửa"))
        for i in range(3):
            svc.add_evidence(tid, make.pdf(tmp_path / f"nho-{i}.pdf", [f"Công văn số {i}0/UBND-VP về số hóa"]))
        big = make.pdf(tmp_path / "lon.pdf", [f"Trang {n}. {make.SENTENCES[n % 8]}" for n in range(400)]
                       + ["Trang cuối: biên bản bàn giao hồ sơ lưu trữ."])
        svc.add_evidence(tid, big)
        big_sha = svc.evidence(task_id=tid)[-1].sha256
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kstthc_desktop.cli", "search", "--office", str(path), "bàn giao"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watcher = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        deadline = time.monotonic() + 60
        state = None
        while time.monotonic() < deadline and proc.poll() is None:
            row = watcher.execute("SELECT state FROM file_text WHERE sha256 = ?", (big_sha,)).fetchone()
            state = row[0] if row else None
            if state == "working":
                break
            time.sleep(0.005)
        assert state == "working", "the big file was never seen being read"
        proc.kill()  # SIGKILL (TerminateProcess on Windows): no handler, no clean-up runs
        proc.wait(10)
    finally:
        watcher.close()
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == (-9 if os.name != "nt" else 1)
    with OfficeService.open(path) as svc:
        assert svc.check() == ""
        assert svc.check_search_index(repair=False).ok
        status = svc.search_index_status()
        assert status["files"] == {"done": 3, "working": 1} and status["pending_files"] == 1
        assert svc.search("so hoa ").counts["evidence"] == 3  # what was read before the kill is kept
        run = svc.index_pending_files()
        assert (run.read, run.remaining) == (1, 0)
        hit = svc.search("ban giao ho so luu tru ").evidence[0]
        assert (hit.field, hit.page) == ("file", 401)
        assert svc.search_index_status()["files"] == {"done": 4}
