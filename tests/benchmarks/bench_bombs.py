"""Hostile plan files: wall time and peak memory of refusing them, beside a normal import.

    python tests/benchmarks/bench_bombs.py [SOURCE_TREE]

Each file is read in a fresh process (``read_plan``), its peak resident memory taken from the
kernel (``wait4``); a 4 GB address-space cap keeps an unguarded reader from taking the machine
down. SOURCE_TREE (default: this checkout) lets the same files be read by an older version.
Budget (issue 11): each bomb refused in under 2 s and under 300 MB.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CHILD = """
import sys
from kstthc_desktop.core.errors import ImportFailed
from kstthc_desktop.importers import read_plan
try:
    plan = read_plan(sys.argv[1])
    print("read", sum(1 for _ in plan.iter_tasks()), "tasks")
except ImportFailed as exc:
    print("refused:", exc.message[:90])
"""


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run(tree: Path, path: Path) -> tuple[float, float, str]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=tree, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=_cap, env={**os.environ, "RUST_BACKTRACE": "0"})
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    out = proc.stdout.read().decode("utf-8", "replace").strip().splitlines()
    err = proc.stderr.read().decode("utf-8", "replace").strip().splitlines()
    proc.stdout.close()
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    what = out[-1] if out else f"exit {code}: {(err or ['?'])[-1][:90]}"
    return elapsed, usage.ru_maxrss / 1024, what


def make_files(folder: Path) -> dict[str, Path]:
    import dataclasses

    from tests.unit.importers import fixtures as fx

    normal = fx.write_xlsx(folder / "ke-hoach-xa.xlsx", [fx.commune_main(), fx.commune_appendix()])
    plain = fx.write_xlsx(folder / "khong-gop.xlsx", [dataclasses.replace(fx.commune_main(), merges=[])])
    bomb = folder / "merge-bomb.xlsx"  # one <mergeCell ref="A1:XFD1048576"/> in a sheet that had none
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>",
                                    b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')
            zout.writestr(info, data)
    ods = fx.zip_ods(folder / "repeated-row-bomb.ods",
                     '<table:table table:name="S"><table:table-column table:number-columns-repeated="3"/>'
                     '<table:table-row table:number-rows-repeated="1048576">'
                     + "".join(f'<table:table-cell office:value-type="string"><text:p>{w}</text:p></table:table-cell>'
                               for w in ("STT", "Nội dung công việc", "Đơn vị chủ trì"))
                     + "</table:table-row></table:table>")
    return {"normal plan (baseline)": normal, "merged-cell bomb": bomb, "repeated-row bomb": ods}


def main() -> None:
    tree = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    with tempfile.TemporaryDirectory() as folder:
        files = make_files(Path(folder))
        print(f"source tree: {tree}")
        for label, path in files.items():
            times, peaks, what = [], [], ""
            for _ in range(3):
                t, mb, what = run(tree, path)
                times.append(t)
                peaks.append(mb)
            times.sort()
            print(f"{label:24} {path.stat().st_size:>7,} B  median {times[1]:6.2f} s  peak {max(peaks):7.0f} MB  {what}")


if __name__ == "__main__":
    main()
