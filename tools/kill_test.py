"""Kill the program (SIGKILL) in the middle of every kind of write and count what was lost.

    python tools/kill_test.py [KILLS_PER_OPERATION] [OPERATION…] [--child-tree PATH]

Operations: progress, import, evidence, issue, backup. A child process opens an office file and
repeats one write, printing an acknowledgement after each commit; the parent kills it at a random
moment, then checks the file: it must open, pass the full check (SQLite structure, links, the
freeze, every issued PDF and every document against its SHA-256), hold every acknowledged write,
and an interrupted import must be all or nothing. Every backup that has a backup's name must pass
its own check. "lost" counts acknowledged writes missing afterwards, "damaged" files or backups
that fail their check. Both must be 0. POSIX only (SIGKILL). ``--child-tree`` runs the writing
child from another checkout (an older version), judged by this version's checks.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CHILD_TREE = ROOT

CHILD = r"""
import hashlib, json, os, sys
from datetime import date
from pathlib import Path
from kstthc_desktop.core.model import ProgressEntry
from kstthc_desktop.services import OfficeService

op, office, work, run = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
svc = OfficeService.open(office)

def ack(**data):
    sys.stdout.write("ACK " + json.dumps(data) + "\n")
    sys.stdout.flush()

print("READY", flush=True)
i = 0
if op == "import":
    from kstthc_desktop.importers import read_plan
    plans = [read_plan(work / "a.xlsx"), read_plan(work / "b.xlsx")]
while True:
    i += 1
    if op == "progress":
        note = f"kill-{run}-{i}"
        pid, _ = svc.add_progress(ProgressEntry(task_id=13, on=date(2026, 6, 1), percent=i % 100, note=note))
        ack(note=note, id=pid)
    elif op == "evidence":
        f = work / f"tai-lieu-{run}-{i}.bin"
        size = (1 + (run * 7 + i * 13) % 6) * 1024 * 1024
        block = hashlib.sha256(f"{run}-{i}".encode()).digest() * 32768
        with open(f, "wb") as fh:
            while fh.tell() < size:
                fh.write(block)
        eid, _ = svc.add_evidence(13, f, summary=f"kill-{run}-{i}")
        f.unlink()
        ack(id=eid, sha=svc.repo.evidence_item(eid).sha256)
    elif op == "issue":
        rid, _ = svc.issue_report("2026-Q3", f"{run}{i}", date(2026, 9, 16))
        ack(id=rid)
    elif op == "backup":
        ack(path=str(svc.backup(reason="hang-ngay")))
    elif op == "import":
        which = i % 2
        svc.apply_import(plans[which])
        ack(version=which)
"""


def _plans(work: Path) -> tuple[set[str], set[str]]:
    """Two versions of one superior plan (B changes every task's wording)."""
    from tests.unit.importers import fixtures as fx

    a = fx.commune_main()
    b = fx.commune_main()
    b.rows = [[(f"{c} (sửa đổi)" if isinstance(c, str) and len(c) > 30 else c) for c in row] for row in b.rows]
    fx.write_xlsx(work / "a.xlsx", [a])
    fx.write_xlsx(work / "b.xlsx", [b])
    from kstthc_desktop.importers import read_plan

    return ({t.content for t in read_plan(work / "a.xlsx").iter_tasks()},
            {t.content for t in read_plan(work / "b.xlsx").iter_tasks()})


def _fresh_office(folder: Path) -> Path:
    from kstthc_desktop.services.demo import create_demo

    for p in folder.iterdir():
        if p.is_file():
            p.unlink()
        else:
            import shutil

            shutil.rmtree(p)
    from datetime import date

    return create_demo(folder / "van-phong.kstthc", today=date(2026, 11, 25))


def one_kill(op: str, office: Path, work: Path, run: int, versions: tuple[set[str], set[str]]) -> dict:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, op, str(office), str(work), str(run)], cwd=CHILD_TREE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            if line.startswith("READY"):
                ready.set()
            lines.append(line)
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(60)
    time.sleep(random.uniform(0.02, {"import": 3.0, "evidence": 2.0, "issue": 3.0}.get(op, 1.2)))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(10)
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    acks = [json.loads(line[4:]) for line in lines if line.startswith("ACK ")]
    return verify(op, office, acks, versions, err)


def verify(op: str, office: Path, acks: list[dict], versions: tuple[set[str], set[str]], err: str) -> dict:
    from kstthc_desktop.core.errors import KstthcError
    from kstthc_desktop.services import OfficeService

    result = {"acks": len(acks), "lost": 0, "damaged": 0, "note": ""}
    if "Traceback" in err:
        result["note"] = "child error: " + err.strip().splitlines()[-1]
    try:
        svc = OfficeService.open(office)
    except KstthcError as exc:
        result["damaged"] += 1
        result["note"] = f"does not open: {exc}"
        return result
    try:
        report = svc.check_file(full=True)
        if not report.ok:
            result["damaged"] += 1
            result["note"] = report.summary()[:200]
        if op == "progress":
            notes = {p.note for p in svc.progress(13)}
            result["lost"] += sum(1 for a in acks if a["note"] not in notes)
        elif op == "evidence":
            have = {e.id: e.sha256 for e in svc.evidence(task_id=13)}
            result["lost"] += sum(1 for a in acks if have.get(a["id"]) != a["sha"])
        elif op == "issue":
            result["lost"] += sum(1 for a in acks if not svc.verify_issued(a["id"]))
        elif op == "backup":
            if acks and not Path(acks[-1]["path"]).exists():
                result["lost"] += 1
        elif op == "import":
            plan = svc.current_plan()
            contents = {t.content for t in svc.tasks(plan.id)} if plan else set()
            imported = [c for c in contents if c in versions[0] | versions[1]]
            if acks:
                state = {c for c in imported}
                if state != versions[0] and state != versions[1]:
                    result["damaged"] += 1  # half an import
                    result["note"] = "an import was applied in part"
        for b in svc.backups():
            if svc.check_backup(b.path):
                result["damaged"] += 1
                result["note"] = f"backup fails its check: {b.path.name}"
    finally:
        svc.close()
    return result


def main(argv: list[str]) -> int:
    global CHILD_TREE
    if "--child-tree" in argv:
        at = argv.index("--child-tree")
        CHILD_TREE = Path(argv[at + 1]).resolve()
        argv = argv[:at] + argv[at + 2:]
    kills = int(argv[0]) if argv and argv[0].isdigit() else 40
    ops = [a for a in argv if not a.isdigit()] or ["progress", "import", "evidence", "issue", "backup"]
    random.seed(11)
    totals = {"kills": 0, "acks": 0, "lost": 0, "damaged": 0}
    with tempfile.TemporaryDirectory(prefix="kstthc-kill-") as folder:
        root = Path(folder)
        work = root / "work"
        work.mkdir()
        versions = _plans(work)
        for op in ops:
            data = root / op
            data.mkdir()
            office = _fresh_office(data)
            per = {"kills": 0, "acks": 0, "lost": 0, "damaged": 0}
            started = time.perf_counter()
            for run in range(kills):
                if office.stat().st_size > 300 * 1024 * 1024:
                    office = _fresh_office(data)
                r = one_kill(op, office, work, run, versions)
                per["kills"] += 1
                for k in ("acks", "lost", "damaged"):
                    per[k] += r[k]
                if r["lost"] or r["damaged"] or r["note"]:
                    print(f"  {op} run {run}: {r}", flush=True)
            backups = len(list((data / "van-phong-saoluu").glob("*.kstthc"))) if (data / "van-phong-saoluu").exists() else 0
            print(f"{op:9} kills {per['kills']:4}  acknowledged writes {per['acks']:5}  lost {per['lost']}  "
                  f"damaged {per['damaged']}  ({backups} backups kept, {time.perf_counter() - started:.0f} s)",
                  flush=True)
            for k in totals:
                totals[k] += per[k]
    print(f"TOTAL    kills {totals['kills']:4}  acknowledged writes {totals['acks']:5}  lost {totals['lost']}  "
          f"damaged {totals['damaged']}")
    return 0 if not (totals["lost"] or totals["damaged"]) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
