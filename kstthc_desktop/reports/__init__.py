"""Reports: content as data (content.py), the ND 30 frame (nd30.py), PDF and DOCX renderers.

No Qt, no SQL, no storage: only ``kstthc_desktop.core`` and libraries. reportlab and python-docx are
imported lazily inside the render functions, so importing this package stays cheap.
"""

from __future__ import annotations

from .content import (
    Appendix,
    Para,
    PlanDocContent,
    ReportContent,
    Table,
    TaskResult,
    build_period_report,
    build_plan_document,
    evidence_reference,
)
from .docx import render_plan_docx, render_report_docx
from .fonts import font_family_name, font_files
from .formatting import document_number, nd30_date, number, percent, place_date_line, short_date
from .forms import FORM_06A, carry_over, on_time_rate, total_row, validate
from .pdf import render_plan_pdf, render_report_pdf

__all__ = [
    "FORM_06A",
    "Appendix",
    "Para",
    "PlanDocContent",
    "ReportContent",
    "Table",
    "TaskResult",
    "build_period_report",
    "build_plan_document",
    "carry_over",
    "document_number",
    "evidence_reference",
    "font_family_name",
    "font_files",
    "nd30_date",
    "number",
    "on_time_rate",
    "percent",
    "place_date_line",
    "render_plan_docx",
    "render_plan_pdf",
    "render_report_docx",
    "render_report_pdf",
    "short_date",
    "total_row",
    "validate",
]
