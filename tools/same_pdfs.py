"""Do two checkouts write the same PDFs? For work on rendering speed, where not one word may move.

Run: python tools/same_pdfs.py OTHER_CHECKOUT [THIS_CHECKOUT]
(e.g. `git worktree add ../before main`, then `python tools/same_pdfs.py ../before`).

Each checkout renders, with reportlab's invariant mode (fixed dates and document IDs) and the bundled
serif: the demo office's reports for every period (and a draft), its plan document, the province
workbook of the test fixtures imported and reported for the year (Unicode and TCVN3/VNI cells), and
the 60- and 500-task fixtures. The files are compared byte for byte; the exit status is the number
that differ.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

FIXTURES = r"""
import sys
from pathlib import Path
sys.path.insert(0, ".")
from tests.benchmarks.bench_headless import empty_office, workbook
from kstthc_desktop.core.periods import parse_period
from kstthc_desktop.reports.content import build_period_report
from kstthc_desktop.reports.pdf import render_report_pdf
from tests.unit.reports import sample
out, work = Path(sys.argv[1]), Path(sys.argv[2])
workbook(work / "book.xlsx", False)
workbook(work / "book-tcvn3.xlsx", True)
empty_office(work / "prov.kstthc")
empty_office(work / "prov-tcvn3.kstthc")
for n in (500, 60):
    secs, tasks, progress = sample.big_tasks(n)
    for per in ("2026-H1", "2026-Y"):
        c = build_period_report(sample.office(), sample.plan(), secs, tasks, progress, [], parse_period(per),
                                statistics_rows=sample.statistics_rows())
        render_report_pdf(c, out / f"big{n}-{per}.pdf")
for per in ("2026-Q1", "2026-9M"):
    render_report_pdf(sample.report(per), out / f"sample-{per}.pdf")
    render_report_pdf(sample.report(per, statistics_rows=sample.statistics_rows()), out / f"sample06a-{per}.pdf")
"""


def render(root: Path, out: Path) -> None:
    env = {**os.environ, "KSTTHC_REPORT_FONT": "bundled", "RL_invariant": "1"}
    work = Path(tempfile.mkdtemp(prefix="same-pdfs-"))

    def cli(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "kstthc_desktop.cli", *args], cwd=root, env=env, check=True,
                       capture_output=True)

    subprocess.run([sys.executable, "-c", FIXTURES, str(out), str(work)], cwd=root, env=env, check=True)
    demo = str(work / "demo.kstthc")
    cli("demo", "--office", demo)
    for period in ("2026-Q1", "2026-H1", "2026-9M", "2026-Y"):
        cli("report", "--office", demo, "--period", period, "--as-of", "2026-12-20", "--out", str(out / f"demo-{period}.pdf"))
    cli("report", "--office", demo, "--period", "2026-Q1", "--as-of", "2026-02-01", "--out", str(out / "demo-draft.pdf"))
    cli("plan-document", "--office", demo, "--out", str(out / "demo-plan.pdf"))
    for name in ("prov", "prov-tcvn3"):
        book = work / ("book-tcvn3.xlsx" if name.endswith("tcvn3") else "book.xlsx")
        cli("import", str(book), "--office", str(work / f"{name}.kstthc"), "--year", "2026")
        cli("report", "--office", str(work / f"{name}.kstthc"), "--period", "2026-Y", "--as-of", "2026-12-01",
            "--out", str(out / f"{name}-Y.pdf"))


def main(other: str, this: str = str(HERE)) -> int:
    a, b = Path(tempfile.mkdtemp(prefix="pdfs-a-")), Path(tempfile.mkdtemp(prefix="pdfs-b-"))
    render(Path(other).resolve(), a)
    render(Path(this).resolve(), b)
    differ = 0
    for pdf in sorted(a.glob("*.pdf")):
        same = (b / pdf.name).is_file() and (b / pdf.name).read_bytes() == pdf.read_bytes()
        differ += not same
        print(f"{'same' if same else 'DIFFERENT':9} {pdf.name}")
    print(f"{len(list(a.glob('*.pdf'))) - differ} the same, {differ} different")
    return differ


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:3]))
