"""Reports: build content from the office's data, render PDF/DOCX, issue (freeze) a report."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import KstthcError, ReportError
from ..core.model import Report
from ..core.progress import Progress
from ..storage.atomic import atomic_write, guard_output, write_bytes, write_error
from ..storage.repository import RowChange

if TYPE_CHECKING:  # reports load when a report is made, not with the window
    from ..reports.machine import IssueJob


class ReportMixin:
    """Methods of OfficeService for the periodic report and the plan document."""

    def _require_plan(self):  # noqa: ANN202
        plan = self.current_plan()
        if plan is None:
            raise ReportError("Chưa có kế hoạch nào để lập báo cáo.", "Hãy nhập kế hoạch cấp trên hoặc thêm nhiệm vụ.")
        office = self.office()
        if office is None:
            raise ReportError("Chưa có thông tin cơ quan.", "Hãy nhập thông tin cơ quan trong Cài đặt.")
        return office, plan

    def report_content(self, period_code: str, number: str = "", on: date | None = None,
                       as_of: date | None = None, statistics_rows: list[dict] | None = None,
                       overrides: dict[str, str] | None = None, recipients: list[str] | None = None,
                       signatory: dict[str, str] | None = None):  # noqa: ANN201
        """The report as data (reports.content.ReportContent).

        ``as_of`` is "today" for the report: the figures are taken at the period's cut-off once it
        has passed, else at this date (a draft). ``signatory`` replaces the office's signature
        fields for this report only (a deputy signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" this quarter).
        """
        return self.report_content_builder(period_code, number, on, as_of, statistics_rows, overrides,
                                           recipients, signatory)()

    def report_content_builder(self, period_code: str, number: str = "", on: date | None = None,
                               as_of: date | None = None, statistics_rows: list[dict] | None = None,
                               overrides: dict[str, str] | None = None, recipients: list[str] | None = None,
                               signatory: dict[str, str] | None = None):  # noqa: ANN201
        """``report_content`` in two steps: the reads here, on the file's own thread (~20 ms for a
        2,000-task plan); the returned call builds the content from them anywhere, a worker
        included (~100 ms, which the report dialog's preview would otherwise take from the window)."""
        import dataclasses
        import functools

        from ..core.periods import parse_period
        from ..reports.content import build_period_report

        office, plan = self._require_plan()
        if signatory:
            allowed = {"signatory_authority", "signatory_title", "signatory_deputy_title", "signatory_name"}
            office = dataclasses.replace(office, **{k: v for k, v in signatory.items() if k in allowed})
        period = parse_period(period_code)
        today = as_of or date.today()
        progress = [p for p in self.repo.progress(plan_id=plan.id) if p.on <= today]
        evidence = [e for e in self.repo.evidence(plan_id=plan.id) if (e.added or today) <= today]
        if statistics_rows is None:
            statistics_rows = self._saved_statistics(plan.id, period_code)
        next_plan = self._next_year_plan(plan)
        return functools.partial(
            build_period_report, office, plan, self.repo.sections(plan.id), self.repo.tasks(plan.id), progress,
            evidence, period, number=number, on=on, statistics_rows=statistics_rows, overrides=overrides,
            recipients=recipients, today=today, next_plan=next_plan,
            next_tasks=self.repo.tasks(next_plan.id) if next_plan is not None else None)

    def _next_year_plan(self, plan):  # noqa: ANN001, ANN202
        """The office's plan for the year after ``plan`` (for the "kỳ tới" of a year-end report)."""
        from ..core.model import PlanKind

        later = [p for p in self.repo.plans() if p.year == plan.year + 1 and p.kind == PlanKind.OWN]
        return later[-1] if later else None

    def period_tally(self, period_code: str, today: date | None = None, plan_id: int | None = None):  # noqa: ANN201
        """THE count of the current plan for a period (core.tally.Tally): the dashboard shows what
        the report would print, with the same as-of rule."""
        from ..core.periods import parse_period
        from ..core.tally import period_tally

        plan = self.repo.plan(plan_id) if plan_id is not None else self.current_plan()
        if plan is None:
            return None
        today = today or date.today()
        return period_tally(self.repo.tasks(plan.id), self.repo.sections(plan.id),
                            self.plan_progress(plan.id), parse_period(period_code), today)

    def _saved_statistics(self, plan_id: int, period_code: str) -> list[dict] | None:
        for rep in reversed(self.repo.reports(plan_id)):
            if rep.period == period_code and rep.statistics.get("rows"):
                return rep.statistics["rows"]
        return None

    def render_report(self, content, out: str | os.PathLike, progress: Progress | None = None) -> Path:  # noqa: ANN001
        """Write the content to .pdf or .docx; a partial file never replaces a good one."""
        from ..reports import render_report_docx, render_report_pdf

        out = Path(out)
        return _atomic_render(out, lambda tmp: (render_report_pdf(content, tmp, progress) if out.suffix.lower() == ".pdf"
                                                else render_report_docx(content, tmp)))

    def export_report(self, period_code: str, out: str | os.PathLike, number: str = "",
                      as_of: date | None = None, progress: Progress | None = None) -> Path:
        content = self.report_content(period_code, number=number, as_of=as_of)
        return self.render_report(content, out, progress)

    def plan_document_content(self, on: date | None = None):  # noqa: ANN201 - reports.PlanDocContent
        """The office's own plan document as data (read here, render anywhere)."""
        from ..reports import build_plan_document

        office, plan = self._require_plan()
        return build_plan_document(office, plan, self.repo.sections(plan.id), self.repo.tasks(plan.id), on)

    @staticmethod
    def render_plan_document(content, out: str | os.PathLike) -> Path:  # noqa: ANN001
        """Write a plan document to .pdf or .docx; pure rendering, safe on a worker thread."""
        from ..reports import render_plan_docx, render_plan_pdf

        out = Path(out)
        return _atomic_render(out, lambda tmp: (render_plan_pdf(content, tmp) if out.suffix.lower() == ".pdf"
                                                else render_plan_docx(content, tmp)))

    def export_plan_document(self, out: str | os.PathLike, on: date | None = None) -> Path:
        return self.render_plan_document(self.plan_document_content(on), out)

    def report_draft(self, period_code: str) -> dict:
        """What the officer typed for this period's report (kept so nothing typed is lost)."""
        draft = self.repo.setting(f"report_draft:{period_code}", None)
        if draft:
            return draft
        return {"statistics_rows": self.carried_statistics(period_code)}

    def save_report_draft(self, period_code: str, draft: dict) -> None:
        self.set_setting(f"report_draft:{period_code}", draft)

    def carried_statistics(self, period_code: str) -> list[dict]:
        """Form 06a rows for a new period: the last issued report's pending dossiers carried over."""
        from ..reports.forms import carry_over

        plan = self.current_plan()
        if plan is None:
            return []
        issued = [r for r in self.repo.reports(plan.id) if r.issued and r.period != period_code
                  and r.statistics.get("rows")]
        return carry_over(issued[-1].statistics["rows"]) if issued else []

    def reports(self) -> list[Report]:
        plan = self.current_plan()
        return self.repo.reports(plan.id) if plan else []

    def issued_pdf(self, report_id: int) -> bytes:
        pdf, _ = self.repo.report_pdf(report_id)
        if pdf is None:
            raise ReportError("Báo cáo này chưa được ban hành.", "Hãy ban hành báo cáo trước.")
        return pdf

    def issue_report(self, period_code: str, number: str, on: date, overrides: dict[str, str] | None = None,
                     statistics_rows: list[dict] | None = None, recipients: list[str] | None = None,
                     signatory: dict[str, str] | None = None, as_of: date | None = None):  # noqa: ANN201
        """Freeze a report: content and PDF stored with a hash; never altered afterwards. A period that
        is not over at ``as_of`` (default today) is a draft and cannot be issued.

        The three steps in a row; the window runs the middle one on a worker (the PDF of a big plan
        and the backup of a year's documents take seconds)."""
        prepared = self.prepare_issue(period_code, number, on, overrides=overrides, statistics_rows=statistics_rows,
                                      recipients=recipients, signatory=signatory, as_of=as_of)
        return self.commit_issue(self.render_issue(prepared))

    def prepare_issue(self, period_code: str, number: str, on: date, overrides: dict[str, str] | None = None,
                      statistics_rows: list[dict] | None = None, recipients: list[str] | None = None,
                      signatory: dict[str, str] | None = None, as_of: date | None = None) -> IssueJob:
        """The report to issue, checked (no draft, form 06a consistent), with the statuses it freezes."""
        _office, plan = self._require_plan()
        content = self.report_content(period_code, number=number, on=on, statistics_rows=statistics_rows,
                                      overrides=overrides, recipients=recipients, signatory=signatory, as_of=as_of)
        if content.draft:
            raise ReportError(
                f"Kỳ báo cáo {content.period_label} chưa kết thúc (hết ngày "
                f"{content.cutoff.strftime('%d/%m/%Y')}): báo cáo còn là dự thảo, chưa ban hành được.",
                "Hãy xuất bản dự thảo để xin ý kiến; ban hành sau ngày chốt số liệu.")
        if content.statistics_problems:
            raise ReportError("Số liệu Biểu 06a chưa khớp: " + content.statistics_problems[0],
                              "Hãy sửa số liệu Biểu 06a rồi ban hành lại.")
        from ..reports.machine import IssueJob

        snapshot = {str(v.task.id): [v.status.value, v.task.number, v.task.content[:120]]
                    for v in self.task_views(plan.id, content.cutoff)}
        return IssueJob(plan_id=plan.id, period_code=period_code, number=number, on=on, content=content,
                        overrides=dict(overrides or {}), statistics_rows=statistics_rows or [],
                        recipients=list(recipients or []), snapshot=snapshot,
                        issued_at=datetime.now().isoformat(timespec="seconds"))

    def render_issue(self, job: IssueJob, progress: Progress | None = None) -> IssueJob:
        """The issued PDF, then a backup of the file as it is before the report is frozen into it.
        Safe on a worker thread (its own read-only connection for the backup)."""
        job.pdf = self._issued_pdf_bytes(job.content, job.on, job.issued_at, f"bao-cao-{job.period_code}.pdf")
        self.backup(reason="truoc-ban-hanh-bao-cao", progress=progress)
        return job

    def commit_issue(self, job: IssueJob):  # noqa: ANN201 - (report id, Changes)
        """Freeze the rendered report into the file (one transaction, on the owner thread)."""
        import hashlib  # (hashlib here, not at import: the window's start-up does not need it)

        if job.pdf is None:
            raise ReportError("Báo cáo chưa được dựng để ban hành.", "Hãy bấm Ban hành lại.")
        report = Report(plan_id=job.plan_id, period=job.period_code, number=job.number, on=job.on,
                        sections=job.overrides,
                        statistics={"rows": job.statistics_rows, "task_statuses": job.snapshot},
                        recipients=job.recipients, issued=True, issued_at=job.issued_at,
                        pdf_sha256=hashlib.sha256(job.pdf).hexdigest())
        box: list[int] = []

        def do(log: list[RowChange]) -> None:
            box.append(self.repo.insert_issued_report(report, job.pdf))

        changes = self._write(f"Ban hành báo cáo {job.period_code}", do, undoable=False)
        return box[0], changes

    def _issued_pdf_bytes(self, content, on: date, issued_at: str, name: str) -> bytes:  # noqa: ANN001
        """The issued PDF: its data hash in the document's metadata, the data JSON attached after it
        as an incremental update (reports/machine.py says exactly what each hash covers)."""
        import dataclasses
        import tempfile

        from .. import __version__
        from ..reports import machine

        data = machine.report_data(content, on=on, issued_at=issued_at)
        content.frame = dataclasses.replace(content.frame, keywords=machine.pdf_keywords(data))
        with tempfile.TemporaryDirectory() as tmp:
            pdf = self.render_report(content, Path(tmp) / "bao-cao.pdf").read_bytes()
        return machine.embed(pdf, machine.envelope(data, pdf, name, f"KSTTHC Desktop {__version__}"))

    def issued_report_json(self, report_id: int) -> bytes:
        """The data JSON attached to an issued report's PDF (b"" for reports issued before it existed)."""
        from ..reports import machine

        env = machine.read_attachment(self.issued_pdf(report_id))
        return machine.envelope_bytes(env) if env is not None else b""

    def export_issued_report(self, report_id: int, out: str | os.PathLike) -> tuple[Path, Path | None]:
        """The issued PDF byte for byte, and its data as ``.json`` beside it (same name)."""
        return self.write_issued_files(self.issued_pdf(report_id), self.issued_report_json(report_id), out)

    @staticmethod
    def write_issued_files(pdf: bytes, data: bytes, out: str | os.PathLike) -> tuple[Path, Path | None]:
        """Write what ``export_issued_report`` writes from bytes read beforehand (safe on a worker)."""
        out = Path(out)
        if out.suffix.lower() != ".pdf":
            raise KstthcError(f"Không xuất được '{out.name}'.", "Báo cáo đã ban hành được xuất ra tệp .pdf.")
        _atomic_render(out, lambda tmp: tmp.write_bytes(pdf))
        if not data:
            return out, None
        side = out.with_suffix(".json")
        write_bytes(side, data)  # guarded and atomic like the PDF beside it
        return out, side

    def changes_since_issued(self, period_code: str) -> dict | None:
        """What changed since the last issued report of an earlier period (None if there is none).

        Compares each task's status at this period's cut-off with the snapshot frozen at issue time.
        """
        from ..core.model import Status
        from ..core.periods import parse_period

        plan = self.current_plan()
        if plan is None:
            return None
        period = parse_period(period_code)
        earlier = [r for r in self.repo.reports(plan.id) if r.issued and r.period != period_code
                   and r.statistics.get("task_statuses") and parse_period(r.period).window_end < period.window_end]
        if not earlier:
            return None
        last = max(earlier, key=lambda r: (parse_period(r.period).window_end, r.issued_at))
        before = last.statistics["task_statuses"]
        done = {Status.DONE_ON_TIME.value, Status.DONE_LATE.value}
        out = {"report": last.number, "period": parse_period(last.period).label, "completed": [],
               "newly_overdue": [], "new": [], "removed": []}
        now = {str(v.task.id): v for v in self.task_views(plan.id, period.window_end)}
        for tid, v in now.items():
            label = f"{v.task.number} {v.task.content[:80]}".strip()
            old = before.get(tid)
            if old is None:
                out["new"].append(label)
            elif v.status.value in done and old[0] not in done:
                out["completed"].append(label)
            elif v.status is Status.OVERDUE and old[0] != Status.OVERDUE.value:
                out["newly_overdue"].append(label)
        out["removed"] = [f"{num} {content[:80]}".strip() for tid, (_, num, content) in before.items()
                          if tid not in now]
        return out

    def verify_issued(self, report_id: int) -> bool:
        import hashlib

        pdf, sha = self.repo.report_pdf(report_id)
        return pdf is not None and hashlib.sha256(pdf).hexdigest() == sha


def _atomic_render(out: Path, render) -> Path:  # noqa: ANN001
    """Render into a temp file beside ``out`` and move it over ``out`` only when complete; never
    onto an office file (storage.atomic)."""
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise KstthcError(f"Không xuất được '{out.name}'.", "Tên tệp phải có đuôi .pdf hoặc .docx.")
    guard_output(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(out, exc) from exc
    with atomic_write(out) as tmp:
        render(tmp)
    return out
