"""Reading the text of 1 GB of evidence in the background while the window stays responsive.

Uses the office file bench_search.py built (``--keep DIR``), on a copy whose extracted text is
forgotten, then reads it all again with the window's own reader (a worker thread) while the GUI
thread: ticks a 10 ms timer (the longest gap is the worst freeze), and attaches a file every
second (the time a link waits for the reader's write is what "never blocking an evidence add"
costs). Also times the schema-3 migration of a copy turned back into a schema-2 file.

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_search_reader.py --keep DIR
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, required=True, help="the folder bench_search.py built")
    args = ap.parse_args()
    source = args.keep / "bench-search.kstthc"
    work = Path(tempfile.mkdtemp(prefix="bench-reader-"))
    copy = work / "copy.kstthc"
    shutil.copy2(source, copy)
    conn = sqlite3.connect(copy)
    conn.execute("DELETE FROM file_chunks")
    conn.execute("DELETE FROM file_text")
    conn.commit()
    conn.close()

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    svc = OfficeService.open(copy)
    window = MainWindow(svc)
    window.resize(1366, 698)
    window.show()
    app.processEvents()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()
    extra = work / "extra"
    extra.mkdir()
    task_id = svc.tasks(svc.current_plan().id)[0].id
    links: list[float] = []

    def attach() -> None:
        f = extra / f"ghi-chu-{len(links)}.txt"
        f.write_text(f"Ghi chú bổ sung số {len(links)}", encoding="utf-8")
        sha, size = svc.stage_evidence(f)
        t = time.perf_counter()
        svc.link_evidence(task_id, f, sha, size)  # the GUI thread's write, as the window does it
        links.append((time.perf_counter() - t) * 1000)

    attacher = QTimer()
    attacher.setInterval(1000)
    attacher.timeout.connect(attach)
    attacher.start()
    started = time.perf_counter()
    window.finder.reader.start()
    while window.finder.reader.running or svc.pending_file_count():
        app.processEvents()
        time.sleep(0.002)
        if not window.finder.reader.running and svc.pending_file_count():
            window.finder.reader.start()  # files attached meanwhile
    took = time.perf_counter() - started
    ticker.stop()
    attacher.stop()
    status = svc.search_index_status()
    print(f"read {sum(status['files'].values())} files in {took:.0f} s with the window open: {status['files']}")
    print(f"event loop: {len(gaps)} ticks of 10 ms, median gap {statistics.median(gaps):.0f} ms, "
          f"99th percentile {sorted(gaps)[int(len(gaps) * 0.99)]:.0f} ms, longest {max(gaps):.0f} ms")
    print(f"{len(links)} evidence links during reading: median {statistics.median(links):.1f} ms, "
          f"longest {max(links):.1f} ms")
    print(f"peak memory (window + reader): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    window.close()
    svc.close()

    # the migration of an existing file: schema 2 → 3 builds the index of 2,000 tasks and 10,000 notes
    old = work / "old.kstthc"
    shutil.copy2(source, old)
    conn = sqlite3.connect(old)
    from kstthc_desktop.storage import migrations

    for statement in migrations.V3:
        name = migrations.object_name(statement)
        if statement.lstrip().startswith("CREATE TRIGGER"):
            conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    for table in ("search_tasks_fts", "search_progress_fts", "search_evidence_fts", "file_chunks_fts",
                  "search_tasks", "search_progress", "search_evidence", "file_chunks", "file_text"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    t = time.perf_counter()
    svc = OfficeService.open(old)
    print(f"opening a schema-2 file with 2,000 tasks, 10,000 notes, 1 GB of evidence: {time.perf_counter() - t:.1f} s "
          f"(backup first, then the index built inside the migration); {svc.pending_file_count()} files to read")
    svc.close()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
