"""Every write command on a full disk and on a read-only disk: one clean line, nothing lost.

    sudo python tools/disk_trials.py        # needs root: mounts a 4 MB tmpfs, later read-only

The office file lives on a small tmpfs (4 MB: the demo with its search index is ~0.5 MB). First the disk is filled to the last few KB and each
write command is run (progress with a long note, evidence, import, backup, report, pack,
evidence export, demo); then the disk is remounted read-only and the same again. Every command
must fail with exit 2 and one Vietnamese line on stderr, and the office file must still pass the
full check with every earlier write in it. The mount is removed at the end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cli(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "kstthc_desktop.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def fill(folder: Path, leave: int) -> None:
    """Fill the disk until ``leave`` bytes are free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with open(folder / "filler.bin", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))
    try:
        with open(folder / "filler2.bin", "wb") as fh:
            while True:
                fh.write(b"\0" * 1024)
                fh.flush()
                if os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize <= leave:
                    break
    except OSError:
        pass


def trial(label: str, office: Path, outside: Path, plan: Path, big: Path) -> list[tuple[str, int, str]]:
    folder = office.parent
    cases = [
        ("progress", ["progress", "--office", str(office), "--task", "13", "--percent", "60",
                      "--note", "Ghi chép dài " * 8000]),
        ("evidence add", ["evidence", "add", "--office", str(office), "--task", "13", str(big)]),
        ("import", ["import", str(plan), "--office", str(office)]),
        ("backup", ["backup", "--office", str(office)]),
        ("report", ["report", "--office", str(office), "--period", "2026-Q3", "--out", str(folder / "bc.pdf")]),
        ("pack", ["evidence", "pack", "--office", str(office), "--out", str(folder / "goi.zip")]),
        ("export", ["evidence", "export", "--office", str(office), "--to", str(folder / "xuat")]),
        ("demo", ["demo", "--office", str(folder / "mau.kstthc")]),
    ]
    out = []
    for name, args in cases:
        code, _, err = cli(*args)
        line = err.strip()
        refused = code == 2 and len(line.splitlines()) == 1 and "Traceback" not in err
        notes_only = all(x.startswith("kstthc: lưu ý:") for x in line.splitlines())  # a report's reminders
        fitted = code == 0 and notes_only  # the output still had room: a success, not a failure
        out.append((name, code, line))
        print(f"  [{label}] {name:12} exit {code} {'ok ' if refused or fitted else 'BAD'} "
              f"{line[:150] if not fitted else '(done: it fitted)'}", flush=True)
    return out


def verify(office: Path, note: str) -> bool:
    code, out, err = cli("check", "--office", str(office), "--json")
    ok = code == 0 and '"ok": true' in out
    code2, out2, _ = cli("tasks", "--office", str(office), "--json")
    print(f"  check: exit {code} {'ok' if ok else 'PROBLEM ' + (out + err)[:200]}; tasks readable: {code2 == 0}")
    from kstthc_desktop.services.safety import SafetyMixin

    rep = SafetyMixin.check_path(office, full=True)
    import sqlite3

    conn = sqlite3.connect(office.absolute().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        kept = conn.execute("SELECT count(*) FROM progress WHERE note = ?", (note,)).fetchone()[0]
    finally:
        conn.close()
    print(f"  the write acknowledged before the trial is still there: {kept == 1}; full check ok: {rep.ok}")
    return ok and kept == 1 and rep.ok


def main() -> int:
    if os.geteuid() != 0:
        print("needs root (mount)")
        return 2
    mnt = Path(tempfile.mkdtemp(prefix="kstthc-disk-"))
    outside = Path(tempfile.mkdtemp(prefix="kstthc-src-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], check=True)
    try:
        from tests.unit.importers import fixtures as fx

        plan = fx.write_xlsx(outside / "ke-hoach.xlsx", [fx.commune_main()])
        big = outside / "bien-ban.pdf"
        big.write_bytes(os.urandom(600_000))
        office = mnt / "van-phong.kstthc"
        code, _, err = cli("demo", "--office", str(office))
        assert code == 0, err
        note = "ghi trước khi đầy đĩa"
        code, _, err = cli("progress", "--office", str(office), "--task", "13", "--percent", "10", "--note", note)
        assert code == 0, err
        print(f"office file {office.stat().st_size // 1024} KB on a 4 MB tmpfs")
        full: list = []
        ok_full = True
        for left in (16, 160):  # too full to open the file at all; opens, but no room to write
            fill(mnt, left * 1024)
            print(f"FULL DISK ({left} KB left)")
            full += trial(f"{left} KB left", office, outside, plan, big)
            ok_full = verify(office, note) and ok_full
            for f in ("filler.bin", "filler2.bin"):
                (mnt / f).unlink(missing_ok=True)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        print("READ-ONLY DISK")
        ro = trial("read-only", office, outside, plan, big)
        code, out, err = cli("tasks", "--office", str(office), "--json")
        print(f"  tasks on the read-only disk: exit {code} {err.strip()[:150]}")
        ok_ro = verify(office, note)
        bad = [c for c in full + ro if not ((c[1] == 2 and len(c[2].splitlines()) == 1)
                                             or (c[1] == 0 and all(x.startswith("kstthc: lưu ý:")
                                                                   for x in c[2].splitlines())))]
        fitted = sum(1 for c in full + ro if c[1] == 0)
        print(f"\n{len(full) + len(ro)} commands: {len(full) + len(ro) - len(bad) - fitted} one-line exit 2, "
              f"{fitted} fitted and succeeded, {len(bad)} neither;"
              f" office intact after full disk: {ok_full}, after read-only: {ok_ro}")
        return 0 if not bad and ok_full and ok_ro else 1
    finally:
        subprocess.run(["umount", str(mnt)], check=False)
        os.rmdir(mnt)


if __name__ == "__main__":
    raise SystemExit(main())
