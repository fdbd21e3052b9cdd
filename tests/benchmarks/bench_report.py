"""Benchmark: a 500-task period report to PDF (and DOCX) beside a raw reportlab table of the same size.

Run: python tests/benchmarks/bench_report.py [N_TASKS]   (not collected by pytest)
Budget (DESIGN.md §9): report of 500 tasks ≤ 3 s.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from timing import median_time  # noqa: E402 - beside this script

from kstthc_desktop.core.periods import parse_period  # noqa: E402
from kstthc_desktop.reports.content import build_period_report  # noqa: E402
from kstthc_desktop.reports.docx import render_report_docx  # noqa: E402
from kstthc_desktop.reports.fonts import pdf_face  # noqa: E402
from kstthc_desktop.reports.pdf import render_report_pdf  # noqa: E402
from tests.unit.reports import sample  # noqa: E402

RUNS = 5


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    secs, tasks, progress = sample.big_tasks(n)
    period = parse_period("2026-H1")
    out = Path(tempfile.mkdtemp(prefix="kstthc-bench-"))

    def build() -> object:
        return build_period_report(
            sample.office(),
            sample.plan(),
            secs,
            tasks,
            progress,
            [],
            period,
            statistics_rows=sample.statistics_rows(),
        )

    content = build()
    rows = [[r.number, r.content, "\n".join(r.notes), r.status_label] for r in content.task_results]

    def raw_reportlab() -> None:
        """Baseline: the same rows as one plain platypus table, no ND 30 frame, no narrative."""
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

        style = ParagraphStyle("c", fontName=pdf_face(), fontSize=11, leading=12.5)
        data = [[Paragraph(c.replace("\n", "<br/>"), style) if c else "" for c in row] for row in rows]
        table = Table(
            [["STT", "Nội dung", "Kết quả", "Tình trạng"], *data], colWidths=[30, 170, 190, 80], repeatRows=1
        )
        table.setStyle(
            TableStyle(
                [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("FONTNAME", (0, 0), (-1, -1), pdf_face())]
            )
        )
        SimpleDocTemplate(str(out / "raw.pdf"), pagesize=A4).build([table])

    raw_reportlab()  # warm-up: font registration and imports count for neither side
    render_report_pdf(content, out / "warm.pdf")
    t_build = median_time(build)
    t_pdf = median_time(lambda: render_report_pdf(build(), out / "report.pdf"))  # type: ignore[arg-type]
    t_docx = median_time(lambda: render_report_docx(build(), out / "report.docx"), runs=3)  # type: ignore[arg-type]
    t_raw = median_time(raw_reportlab)
    print(f"tasks: {n}  (medians of {RUNS} runs; output in {out})")
    print(f"  content only          {t_build * 1000:8.1f} ms")
    print(f"  report → PDF          {t_pdf * 1000:8.1f} ms   (budget 3000 ms)")
    print(f"  report → DOCX         {t_docx * 1000:8.1f} ms")
    print(f"  raw reportlab table   {t_raw * 1000:8.1f} ms")
    print(f"  ratio PDF / raw       {t_pdf / t_raw:8.2f} ×")


if __name__ == "__main__":
    main()
