"""Benchmark: roll-up of N offices' issued reports (PDF with attached data, a third with .json beside)
beside a bare loop that only reads and parses the same files' JSON.

Run: python tests/benchmarks/bench_rollup.py [N]   (not collected by pytest)
Budget (issue #16): 300 reports roll up in under 5 s. The ratio says what the checks cost on top
of reading: pairing the files, hashing each PDF's signed prefix, extracting the attachment when no
.json is beside it, schema and period checks, duplicates, sums.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from timing import median_time  # noqa: E402 - beside this script

from kstthc_desktop.reports import machine  # noqa: E402
from kstthc_desktop.services.rollup import roll_up_folder, write_rollup  # noqa: E402
from tests.unit.reports import rollup_data  # noqa: E402

RUNS = 5


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    folder = Path(tempfile.mkdtemp(prefix="kstthc-bench-rollup-"))
    rollup_data.generate(folder, n)
    # the same files' JSON, extracted once, so the baseline reads exactly the data the roll-up uses
    bare = Path(tempfile.mkdtemp(prefix="kstthc-bench-json-"))
    for pdf in sorted(folder.glob("*.pdf")):
        env = machine.read_attachment(pdf.read_bytes())
        (bare / f"{pdf.stem}.json").write_bytes(machine.envelope_bytes(env))

    def baseline() -> object:
        total = 0
        for p in sorted(bare.glob("*.json")):
            total += sum(json.loads(p.read_bytes())["data"]["status_counts"].values())
        return total

    def rollup() -> object:
        return roll_up_folder(folder)

    base = median_time(baseline, RUNS)
    full = median_time(rollup, RUNS)
    result = rollup()
    assert len(result.offices) == n and not result.problems, result.problems[:3]
    xlsx = median_time(lambda: write_rollup(result, folder / "tong-hop.xlsx"), 3)
    pdf = median_time(lambda: write_rollup(result, folder / "tong-hop.pdf"), 3)
    print(f"reports: {n} (PDF with attached data; {sum(1 for _ in folder.glob('*.json'))} with .json beside)")
    print(f"bare JSON read loop: {base * 1000:8.1f} ms (median of {RUNS})")
    print(f"roll-up (checked):   {full * 1000:8.1f} ms (median of {RUNS})  ratio {full / base:5.1f}x  "
          f"budget 5000 ms: {'OK' if full < 5 else 'OVER'}")
    print(f"summary .xlsx:       {xlsx * 1000:8.1f} ms;  ND 30 summary .pdf: {pdf * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
