"""Roll-up ("Tổng hợp báo cáo"): many offices' issued reports read, checked and summed.

A province's Văn phòng, or a Sở collecting from its units, receives dozens to hundreds of report
PDFs (with their data attached, see machine.py) or their .json. Each file is checked (schema, the
PDF's hash, the period, duplicates); a bad file is listed with its reason and skipped, never stops
the rest; the offices on the user's list that sent nothing are named. The summary — per office
status counts and form 06a totals, totals and rates, overdue tasks by office — is data here, and is
written as an .xlsx workbook and as an ND 30 report (the same frame and PDF renderer as the
office's own reports). Needs no office file. No Qt, no SQL.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..core.errors import Cancelled
from ..core.model import STATUS_LABELS_VI, Level, Office, Status
from ..core.progress import NullProgress, Progress
from ..core.status import STATUS_ORDER
from ..core.text import fold
from . import forms
from .machine import LoadedReport, ReportFileError, load_report

STATUS_KEYS = [s.value for s in STATUS_ORDER]
_UBND = re.compile(r"^(uy ban nhan dan|ubnd)\s+")


def office_key(name: str) -> str:
    """ "ỦY BAN NHÂN DÂN XÃ LÊ LỢI", "UBND xã Lê Lợi" and "Xã Lê Lợi" name the same office."""
    key = re.sub(r"[\s,.;:]+", " ", fold(name)).strip()
    return _UBND.sub("", key)


@dataclass
class OfficeResult:
    """One office's accepted report."""

    office: str
    key: str
    number: str
    report_date: str | None
    issued_at: str
    counts: dict[str, int]
    total: int
    overdue: list[dict[str, Any]]
    form_rows: list[dict[str, Any]]
    form_totals: dict[str, Any]
    files: list[str]
    verified: bool
    notes: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.counts.get("done_on_time", 0) + self.counts.get("done_late", 0)


@dataclass
class Problem:
    """A file left out of the roll-up, and why (in plain Vietnamese)."""

    file: str
    reason: str


@dataclass
class Rollup:
    period_code: str
    period_label: str
    window_text: str
    offices: list[OfficeResult]
    problems: list[Problem]
    missing: list[str]  # offices on the expected list that sent nothing usable
    files_read: int

    @property
    def counts(self) -> dict[str, int]:
        return {k: sum(o.counts.get(k, 0) for o in self.offices) for k in STATUS_KEYS}

    @property
    def total(self) -> int:
        return sum(o.total for o in self.offices)

    @property
    def done_rate(self) -> float | None:
        """Share of tasks completed (on time or late)."""
        c = self.counts
        return (c["done_on_time"] + c["done_late"]) / self.total if self.total else None

    @property
    def on_time_task_rate(self) -> float | None:
        """Of the completed tasks, the share completed on time."""
        c = self.counts
        done = c["done_on_time"] + c["done_late"]
        return c["done_on_time"] / done if done else None

    @property
    def form_totals(self) -> dict[str, Any]:
        rows = [dict(o.form_totals, field=o.office) for o in self.offices if o.form_totals]
        return forms.total_row(rows, forms.FORM_06A) if rows else {}

    @property
    def form_on_time_rate(self) -> float | None:
        totals = {k: v for k, v in self.form_totals.items() if k != "total"}  # a "total" row is skipped
        return forms.on_time_rate([totals], forms.FORM_06A) if totals else None

    def to_json(self) -> dict[str, Any]:
        return {
            "period": {"code": self.period_code, "label": self.period_label, "window": self.window_text},
            "files_read": self.files_read,
            "offices": [
                {"office": o.office, "number": o.number, "date": o.report_date, "counts": o.counts,
                 "total": o.total, "overdue": o.overdue, "form_06a_totals": o.form_totals,
                 "files": o.files, "verified": o.verified, "notes": o.notes}
                for o in self.offices
            ],
            "totals": {"counts": self.counts, "total": self.total, "done_rate": self.done_rate,
                       "on_time_task_rate": self.on_time_task_rate,
                       "form_06a": {k: v for k, v in self.form_totals.items() if k != "total"},
                       "form_06a_on_time_rate": self.form_on_time_rate},
            "problems": [{"file": p.file, "reason": p.reason} for p in self.problems],
            "missing": self.missing,
        }


# --------------------------------------------------------------------------- reading


def report_files(folder: str | os.PathLike) -> list[tuple[Path | None, Path | None]]:
    """(pdf, json) pairs in ``folder`` and its subfolders, paired by name ("x.pdf" + "x.json")."""
    pairs: dict[tuple[Path, str], list[Path | None]] = {}
    for path in sorted(Path(folder).rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".pdf", ".json") or not path.is_file() or path.name.startswith("."):
            continue
        slot = pairs.setdefault((path.parent, path.stem.casefold()), [None, None])
        slot[0 if suffix == ".pdf" else 1] = path
    return [(p, j) for p, j in pairs.values()]


def _label(pdf: Path | None, js: Path | None, root: Path | None) -> str:
    path = pdf or js
    assert path is not None
    try:
        return str(path.relative_to(root)) if root else path.name
    except ValueError:
        return path.name


def sentence_name(office: dict) -> str:
    """The office as a sentence names it ("UBND xã Lê Lợi", "Sở Tư pháp"), not its header capitals."""
    from .narrative import office_names

    lines = [str(line) for line in office.get("name_lines") or [] if str(line).strip()]
    name = "\n".join(lines) or str(office.get("name", "")).strip()
    return office_names(Office(name=name))[0]


def _result(loaded: LoadedReport, files: list[str]) -> OfficeResult:
    data = loaded.data
    counts = {k: int(data["status_counts"].get(k, 0)) for k in STATUS_KEYS}
    overdue = [
        {"number": t.get("number", ""), "ref": t.get("ref", ""), "content": t.get("content", ""),
         "deadline": t.get("deadline", ""), "due": t.get("due")}
        for t in [*data.get("tasks", []), *data.get("appendix_tasks", [])]
        if isinstance(t, dict) and t.get("status") == Status.OVERDUE.value
    ]
    form = data.get("form_06a") or {}
    rows = [r for r in form.get("rows", []) if isinstance(r, dict)]
    totals = forms.total_row(rows, forms.FORM_06A) if rows else {}
    return OfficeResult(
        office=sentence_name(data["office"]),
        key=office_key(str(data["office"]["name"])),
        number=str(data.get("report", {}).get("number", "")),
        report_date=data.get("report", {}).get("date"),
        issued_at=str(data.get("report", {}).get("issued_at", "")),
        counts=counts,
        total=int(data.get("total_tasks", sum(counts.values()))),
        overdue=overdue,
        form_rows=rows,
        form_totals={k: v for k, v in totals.items() if k != "total"},
        files=files,
        verified=loaded.verified,
        notes=list(loaded.notes),
    )


def roll_up(pairs: Sequence[tuple[Path | None, Path | None]], period: str | None = None,
            expected: Iterable[str] = (), progress: Progress | None = None,
            root: Path | None = None) -> Rollup:
    """Check and sum the reports; ``period`` (a code like "2026-Q3") defaults to the most common one."""
    from ..core.periods import parse_period

    progress = progress or NullProgress()
    loaded: list[tuple[LoadedReport, list[str]]] = []
    problems: list[Problem] = []
    total = len(pairs)
    for i, (pdf, js) in enumerate(pairs):
        if i % 10 == 0:
            progress.report(i, total, f"Đang đọc báo cáo {i + 1}/{total}…")
        label = _label(pdf, js, root)
        try:
            report = load_report(pdf, js)
        except ReportFileError as exc:
            problems.append(Problem(label, f"{exc.message} {exc.hint}".strip()))
            continue
        except Cancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - one broken file never stops the roll-up
            problems.append(Problem(label, f"Không đọc được tệp ({type(exc).__name__})."))
            continue
        loaded.append((report, [_label(p, None, root) for p in report.files]))
    progress.report(total, total, "Đang tổng hợp…")

    codes = Counter(r.data["period"].get("code") for r, _ in loaded)
    code = period or (codes.most_common(1)[0][0] if codes else "")
    label = window = ""
    if code:
        try:
            p = parse_period(code)
            label, window = p.label, p.window_text
        except Exception:  # noqa: BLE001 - a code read from a file may be anything
            label = str(code)
    accepted: dict[str, tuple[OfficeResult, object]] = {}
    for report, files in loaded:
        data = report.data
        got = data["period"].get("code")
        if got != code:
            problems.append(Problem(files[0], f"Kỳ báo cáo khác: {data['period'].get('label') or got} "
                                              f"(đang tổng hợp {label or code})."))
            continue
        result = _result(report, files)
        if not result.key:
            problems.append(Problem(files[0], "Dữ liệu báo cáo không ghi tên cơ quan."))
            continue
        sha = report.envelope.get("data_sha256")
        if result.key not in accepted:
            accepted[result.key] = (result, sha)
            continue
        other, other_sha = accepted[result.key]
        if sha == other_sha:
            problems.append(Problem(files[0], f"Trùng lặp: cùng báo cáo của {result.office} đã có ở "
                                              f"'{other.files[0]}'."))
            continue
        newer, older = (result, other) if result.issued_at > other.issued_at else (other, result)
        accepted[result.key] = (newer, sha if newer is result else other_sha)
        problems.append(Problem(older.files[0], f"Trùng cơ quan: {older.office} gửi hai báo cáo khác nhau; dùng "
                                                f"bản ban hành sau ('{newer.files[0]}')."))
    missing = [name.strip() for name in expected if name.strip() and office_key(name) not in accepted]
    offices = sorted((o for o, _ in accepted.values()), key=lambda o: fold(o.office))
    return Rollup(code or "", label, window, offices, problems, missing, total)


# --------------------------------------------------------------------------- the workbook


def write_rollup_xlsx(rollup: Rollup, out: str | os.PathLike) -> Path:
    """Sheets: summary by office, form 06a by office (06b), overdue tasks, files checked, missing."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from .cells import write_cell
    from .handback import _atomic_save

    wb = Workbook()
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="D9E2EC")

    def sheet(title: str, caption: str, headers: list[str], rows: list[list[object]], widths: list[float],
              bold_last: bool = False) -> None:
        ws = wb.create_sheet(title)
        write_cell(ws.cell(1, 1), caption)
        ws.cell(1, 1).font = Font(bold=True, size=13)
        if len(headers) > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        for c, h in enumerate(headers, start=1):
            cell = ws.cell(3, c)
            write_cell(cell, h)
            cell.font, cell.fill, cell.border = Font(bold=True), head_fill, box
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        for r, row in enumerate(rows, start=4):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(r, c)
                write_cell(cell, value)
                cell.border = box
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(value, float):
                    cell.number_format = "0.0%"
                if bold_last and r == len(rows) + 3:
                    cell.font = Font(bold=True)
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = w
        ws.freeze_panes = "B4"
        ws.print_title_rows = "3:3"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    caption = f"TỔNG HỢP BÁO CÁO {rollup.period_label.upper()}".strip()
    status_titles = [STATUS_LABELS_VI[s] for s in STATUS_ORDER]
    rows: list[list[object]] = []
    for i, o in enumerate(rollup.offices, start=1):
        rows.append([i, o.office, o.number, o.report_date or "", *[o.counts[k] for k in STATUS_KEYS], o.total,
                     o.done / o.total if o.total else None, len(o.overdue),
                     "Đã đối chiếu PDF" if o.verified else "Chưa đối chiếu (chỉ có .json)"])
    c = rollup.counts
    rows.append(["", "Tổng cộng", "", "", *[c[k] for k in STATUS_KEYS], rollup.total, rollup.done_rate,
                 sum(len(o.overdue) for o in rollup.offices), ""])
    sheet("Tổng hợp", caption, ["STT", "Cơ quan, đơn vị", "Số báo cáo", "Ngày", *status_titles, "Tổng số nhiệm vụ",
                                 "Tỷ lệ hoàn thành", "Số nhiệm vụ quá hạn", "Kiểm tra"],
          rows, [6, 36, 14, 12, 12, 12, 12, 12, 12, 10, 11, 11, 20], bold_last=True)
    wb.remove(wb["Sheet"])

    keys = forms.count_keys(forms.FORM_06A)
    leaf = {col["key"]: col for col in forms.leaves(forms.FORM_06A)}
    rows = [[i, o.office, *[o.form_totals.get(k, 0) for k in keys]] for i, o in enumerate(rollup.offices, start=1)
            if o.form_totals]
    totals = rollup.form_totals
    rows.append(["", "Tổng số", *[totals.get(k, 0) for k in keys]])
    sheet("Biểu 06a tổng hợp", f"TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC THEO ĐƠN VỊ {rollup.period_label.upper()}",
          ["STT", "Cơ quan, đơn vị", *[f"({leaf[k]['number']}) {leaf[k]['title']}" for k in keys]],
          rows, [6, 36, *[11] * len(keys)], bold_last=True)

    rows = [[o.office, t["ref"] or t["number"], t["content"], t["deadline"], t["due"] or ""]
            for o in rollup.offices for t in o.overdue]
    sheet("Nhiệm vụ quá hạn", "NHIỆM VỤ ĐANG THỰC HIỆN QUÁ HẠN THEO ĐƠN VỊ",
          ["Cơ quan, đơn vị", "STT", "Nội dung nhiệm vụ", "Thời hạn", "Hạn"], rows, [32, 8, 70, 24, 12])
    rows = [[p.file, p.reason] for p in rollup.problems] + [[name, "Chưa gửi báo cáo"] for name in rollup.missing]
    sheet("Kiểm tra tệp", f"TỆP KHÔNG ĐƯA VÀO TỔNG HỢP VÀ CƠ QUAN CHƯA GỬI ({rollup.files_read} tệp đã đọc)",
          ["Tệp / cơ quan", "Lý do"], rows, [48, 90])
    target = Path(out)
    _atomic_save(target, wb.save)
    return target


# --------------------------------------------------------------------------- the ND 30 report


def _pct(value: float | None) -> str:
    from .formatting import percent

    return percent(value)


def build_rollup_document(rollup: Rollup, office: Office | None = None, on: date | None = None) -> Any:
    """The summary as an ND 30 "BÁO CÁO" (frame, body, appendices) for the PDF renderer."""
    from .content import Appendix, Para, PlanDocContent, Table
    from .formatting import number
    from .nd30 import make_frame

    office = office or Office(name="………………………", place_name="…………", symbol="……", level=Level.PROVINCE)
    year = int(rollup.period_code[:4]) if rollup.period_code[:4].isdigit() else (on or date.today()).year
    summary = f"Tổng hợp kết quả thực hiện công tác kiểm soát thủ tục hành chính {rollup.period_label}".strip()
    frame = make_frame(office, "BÁO CÁO", "BC", "", on, summary, year)
    c = rollup.counts
    n = len(rollup.offices)
    body: list[Any] = []
    if rollup.window_text:
        body.append(Para(f"({rollup.window_text})", "data_window"))
    body.append(Para(
        f"Tổng hợp từ {number(n)} báo cáo của các cơ quan, đơn vị gửi về"
        + (f"; {number(len(rollup.missing))} cơ quan, đơn vị chưa gửi báo cáo" if rollup.missing else "")
        + (f"; {number(len(rollup.problems))} tệp không đưa vào tổng hợp" if rollup.problems else "")
        + ", kết quả như sau:", "body"))
    body.append(Para("1. Kết quả thực hiện nhiệm vụ theo kế hoạch", "heading2"))
    body.append(Para(
        f"Tổng số {number(rollup.total)} nhiệm vụ; đã hoàn thành {number(c['done_on_time'] + c['done_late'])} "
        f"nhiệm vụ (đạt {_pct(rollup.done_rate)}), trong đó đúng hạn {number(c['done_on_time'])}, quá hạn "
        f"{number(c['done_late'])}; đang thực hiện trong hạn {number(c['in_time'])}, đang thực hiện quá hạn "
        f"{number(c['overdue'])}; chưa phát sinh hoặc không xác định hạn {number(c['no_deadline'])}.", "body"))
    rows = [[str(i), o.office, *[number(o.counts[k]) for k in STATUS_KEYS], number(o.total)]
            for i, o in enumerate(rollup.offices, start=1)]
    rows.append(["", "Tổng cộng", *[number(c[k]) for k in STATUS_KEYS], number(rollup.total)])
    body.append(Table(header=[["STT", "Cơ quan, đơn vị", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
                               "Đang thực hiện trong hạn", "Đang thực hiện quá hạn", "Chưa xác định hạn",
                               "Tổng số"]],
                      rows=rows, widths=[1.1, 5.4, 2, 2, 2, 2, 2, 1.7],
                      align=["center", "left", *["center"] * 6], bold_rows=[len(rows) - 1], small=True))
    body.append(Para("2. Tình hình, kết quả giải quyết thủ tục hành chính", "heading2"))
    totals = rollup.form_totals
    if totals:
        body.append(Para(
            f"Tổng số hồ sơ tiếp nhận {number(totals.get('c3', 0))}; đã giải quyết {number(totals.get('c7', 0))} "
            f"(trước hạn {number(totals.get('c8', 0))}, đúng hạn {number(totals.get('c9', 0))}, quá hạn "
            f"{number(totals.get('c10', 0))}), tỷ lệ giải quyết đúng hạn {_pct(rollup.form_on_time_rate)}; đang "
            f"giải quyết {number(totals.get('c11', 0))} (quá hạn {number(totals.get('c13', 0))}). Chi tiết theo "
            f"đơn vị tại Phụ lục kèm theo.", "body"))
    else:
        body.append(Para("Các báo cáo gửi về chưa có số liệu Biểu 06a.", "body"))
    body.append(Para("3. Nhiệm vụ đang thực hiện quá hạn", "heading2"))
    late = [o for o in rollup.offices if o.overdue]
    if late:
        for o in late:
            items = "; ".join(f"{t['ref'] or t['number']} {t['content']}".strip() for t in o.overdue[:8])
            more = f" và {number(len(o.overdue) - 8)} nhiệm vụ khác" if len(o.overdue) > 8 else ""
            body.append(Para(f"- {o.office}: {number(len(o.overdue))} nhiệm vụ ({items}{more}).", "body"))
    else:
        body.append(Para("Không có nhiệm vụ đang thực hiện quá hạn.", "body"))
    if rollup.missing or rollup.problems:
        body.append(Para("4. Cơ quan, đơn vị chưa gửi hoặc gửi báo cáo không hợp lệ", "heading2"))
        if rollup.missing:
            body.append(Para("Chưa gửi báo cáo: " + "; ".join(rollup.missing) + ".", "body"))
        for p in rollup.problems[:30]:
            body.append(Para(f"- {p.file}: {p.reason}", "body"))
        if len(rollup.problems) > 30:
            body.append(Para(f"- … và {number(len(rollup.problems) - 30)} tệp khác (xem bảng tổng hợp .xlsx).",
                             "body"))
    appendices = []
    keys = forms.count_keys(forms.FORM_06A)
    grid, spans = forms.header_grid(forms.FORM_06A)
    form_rows = [[str(i), o.office, *[number(o.form_totals.get(k, 0)) for k in keys]]
                 for i, o in enumerate([o for o in rollup.offices if o.form_totals], start=1)]
    if form_rows:
        form_rows.append(["", "Tổng số", *[number(totals.get(k, 0)) for k in keys]])
        appendices.append(Appendix(
            label="Phụ lục",
            title=["TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CƠ QUAN, ĐƠN VỊ"],
            subtitle=[f"({rollup.window_text})" if rollup.window_text else ""],
            unit=forms.FORM_06A["unit"],
            blocks=[Table(header=grid, spans=spans, rows=form_rows,
                          widths=[float(w) for w in forms.FORM_06A["widths"]],
                          align=["center", "left", *["center"] * len(keys)], bold_rows=[len(form_rows) - 1],
                          small=True)],
            landscape=True))
    return PlanDocContent(frame=frame, body=body, appendices=appendices)


def render_rollup_pdf(rollup: Rollup, out: str | os.PathLike, office: Office | None = None,
                      on: date | None = None, progress: Progress | None = None) -> Path:
    from .pdf import render_plan_pdf  # the ND 30 renderer: frame, body, appendices

    return render_plan_pdf(build_rollup_document(rollup, office, on), out, progress)


__all__ = ["OfficeResult", "Problem", "Rollup", "build_rollup_document", "office_key", "render_rollup_pdf",
           "report_files", "roll_up", "write_rollup_xlsx"]
