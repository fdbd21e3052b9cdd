"""The issued report as data a machine can read: JSON embedded in the PDF and written beside it.

The level above receives dozens to hundreds of reports; it should not retype their figures. Each
issued report therefore carries its own data (office, period, window, status counts, per-task
results, form 06a rows) as a JSON attachment of the PDF (an EmbeddedFiles entry, which Acrobat,
poppler's ``pdfdetach`` and LibreOffice list), and the export writes the same JSON beside the PDF.

What is hashed, precisely (the data and the signed document bind each other both ways):

1. ``data_sha256`` = SHA-256 of the canonical JSON of ``data`` (keys sorted, no spaces, UTF-8).
   It is written into the PDF's own metadata (Keywords ``kstthc-data-sha256:<hex>``) *before*
   the PDF is rendered, so it lies inside the document layer the officer signs.
2. ``document.sha256`` = SHA-256 of the first ``document.bytes`` bytes of the PDF file: the report
   exactly as rendered and frozen at issue. The JSON attachment is then appended as a PDF
   incremental update (new objects and a new cross-reference section after the original bytes),
   so those bytes stay a byte-for-byte prefix of the final file — and so does anything appended
   later the same way (a digital signature is also an incremental update).

A roll-up checks: hash(prefix) == document.sha256 (the PDF was not changed), the Keywords in the
prefix == hash(data) (the data is the data this PDF was made from), the schema and the period.
A JSON file alone can be read but not verified (there is no PDF to check it against).

pypdfium2 (already a dependency for the live preview, PDFium underneath) writes the attachment
with an incremental save and reads it back fast enough to roll up hundreds of reports; reportlab
has no public API for embedded files. No Qt, no SQL.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import KstthcError
from ..core.locks import PDFIUM
from ..core.model import STATUS_LABELS_VI, Status
from ..core.status import STATUS_ORDER

if TYPE_CHECKING:
    from .content import ReportContent

SCHEMA = "kstthc-bao-cao"
SCHEMA_VERSION = 1
ATTACHMENT_NAME = "du-lieu-bao-cao.json"
MARKER = "kstthc-data-sha256:"
_MARKER_RE = re.compile(rb"kstthc-data-sha256:([0-9a-f]{64})")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class ReportFileError(KstthcError):
    """A report file that cannot be used in a roll-up: the message says why."""


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _task(r: Any) -> dict[str, Any]:
    return {
        "id": r.task_id,
        "number": r.number,
        "ref": r.ref,
        "content": r.content,
        "section": r.section,
        "status": r.status.value if r.status is not None else None,
        "status_label": r.status_label,
        "completed_on": _iso(r.completed_on),
        "due": _iso(r.due),
        "deadline": r.deadline,
        "notes": list(r.notes),
        "evidence": list(r.evidence),
    }


def report_data(content: Any, on: date | None = None, issued_at: str = "") -> dict[str, Any]:
    """The report's figures from its content (``reports.content.ReportContent``) — the one place
    that knows the content's shape, so a reshaped content needs changes only here."""
    from ..core.periods import parse_period
    from . import forms

    period = parse_period(content.period_code)
    frame = content.frame
    rows = [dict(r) for r in content.statistics_rows]
    totals = forms.total_row(rows, forms.FORM_06A) if rows else {}
    counts = {s.value: int(content.counts.get(s, 0)) for s in STATUS_ORDER}
    return {
        "office": {
            "name": " ".join(frame.agency_lines),
            "name_lines": list(frame.agency_lines),
            "parent_agency": frame.parent_agency,
        },
        "report": {
            "number": frame.number_line.removeprefix("Số:").strip(),
            "date": _iso(on),
            "place_date": frame.place_date,
            "issued_at": issued_at,
            "summary": frame.summary,
        },
        "period": {"code": period.code, "label": period.label, "year": period.year, "kind": period.kind},
        "window": {"start": period.window_start.isoformat(), "end": period.window_end.isoformat(),
                   "text": content.data_window},
        "status_counts": counts,
        "status_labels": {s.value: STATUS_LABELS_VI[s] for s in STATUS_ORDER},
        "total_tasks": int(content.total_tasks),
        "done_in_window": int(content.done_in_window),
        "tasks": [_task(r) for r in content.task_results],
        "appendix_tasks": [_task(r) for r in content.appendix_results],
        "form_06a": {
            "form": forms.FORM_06A["code"],
            "rows": rows,
            "totals": {k: v for k, v in totals.items() if k not in ("total",)},
            "on_time_rate": content.on_time_rate,
        },
    }


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def data_sha256(data: Any) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def pdf_keywords(data: Any) -> str:
    """The PDF metadata keywords that bind the document to its data (ASCII only)."""
    return MARKER + data_sha256(data)


def envelope(data: dict[str, Any], pdf: bytes, pdf_name: str = "", generator: str = "KSTTHC Desktop") -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generator": generator,
        "data_sha256": data_sha256(data),
        "document": {
            "file": pdf_name,
            "sha256": hashlib.sha256(pdf).hexdigest(),
            "bytes": len(pdf),
            "hashed": "the first `bytes` bytes of the PDF: the report as rendered and issued; the data "
                      "attachment (and any signature) is appended after them as an incremental update",
        },
        "data": data,
    }


def envelope_bytes(env: dict[str, Any]) -> bytes:
    return json.dumps(env, ensure_ascii=False, indent=1).encode("utf-8")


def embed(pdf: bytes, env: dict[str, Any]) -> bytes:
    """``pdf`` with the JSON attached as an incremental update: ``pdf`` stays its exact prefix."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with PDFIUM:  # PDFium is not thread-safe (core/locks.py)
        doc = pdfium.PdfDocument(pdf)
        try:
            att = doc.new_attachment(ATTACHMENT_NAME)
            att.set_data(envelope_bytes(env))
            att.set_str_value("Desc", "Dữ liệu báo cáo (JSON) để tổng hợp tự động")
            out = io.BytesIO()
            doc.save(out, flags=pdfium_c.FPDF_INCREMENTAL)
        finally:
            doc.close()
    final = out.getvalue()
    if final[: len(pdf)] != pdf:  # pragma: no cover - PDFium rewrote the file: never sign that
        raise KstthcError("Không gắn được dữ liệu vào báo cáo PDF.", "Hãy báo lỗi cho người hỗ trợ.")
    return final


def read_attachment(pdf: bytes) -> dict[str, Any] | None:
    """The embedded report JSON of a PDF, or None when it has none."""
    import pypdfium2 as pdfium

    with PDFIUM:  # PDFium is not thread-safe (core/locks.py)
        try:
            doc = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as exc:
            raise ReportFileError("Tệp PDF bị hỏng hoặc không đọc được.", "Hãy xin cơ quan gửi lại tệp.") from exc
        try:
            raw = None
            for i in range(doc.count_attachments()):
                att = doc.get_attachment(i)
                if att.get_name() == ATTACHMENT_NAME:
                    raw = bytes(att.get_data())
                    break
        finally:
            doc.close()
    return _parse(raw) if raw is not None else None


def _parse(raw: bytes) -> dict[str, Any]:
    try:
        env = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ReportFileError("Dữ liệu báo cáo không phải JSON hợp lệ.", "Hãy xin cơ quan gửi lại tệp.") from exc
    if not isinstance(env, dict):
        raise ReportFileError("Dữ liệu báo cáo không đúng mẫu.", "Hãy xin cơ quan gửi lại tệp.")
    return env


def check_schema(env: dict[str, Any]) -> None:
    """Raise ReportFileError unless ``env`` is a report of a schema version this program reads."""
    if env.get("schema") != SCHEMA:
        raise ReportFileError("Không phải dữ liệu báo cáo của KSTTHC Desktop.", "Bỏ qua tệp này.")
    version = env.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ReportFileError("Phiên bản dữ liệu báo cáo không hợp lệ.", "Hãy xin cơ quan gửi lại tệp.")
    if version > SCHEMA_VERSION:
        raise ReportFileError(f"Dữ liệu báo cáo phiên bản {version} mới hơn chương trình này.",
                              "Hãy cập nhật KSTTHC Desktop rồi tổng hợp lại.")
    data = env.get("data")
    doc = env.get("document")
    if not isinstance(data, dict) or not isinstance(doc, dict):
        raise ReportFileError("Dữ liệu báo cáo thiếu phần bắt buộc.", "Hãy xin cơ quan gửi lại tệp.")
    for key, kind in (("office", dict), ("period", dict), ("window", dict), ("status_counts", dict),
                      ("tasks", list), ("form_06a", dict)):
        if not isinstance(data.get(key), kind):
            raise ReportFileError(f"Dữ liệu báo cáo thiếu mục '{key}'.", "Hãy xin cơ quan gửi lại tệp.")
    if not str(data["office"].get("name", "")).strip():
        raise ReportFileError("Dữ liệu báo cáo không ghi tên cơ quan.", "Hãy xin cơ quan gửi lại tệp.")
    counts = data["status_counts"]
    if any(not isinstance(counts.get(s.value, 0), int) or counts.get(s.value, 0) < 0 for s in Status):
        raise ReportFileError("Số nhiệm vụ theo tình trạng không hợp lệ.", "Hãy xin cơ quan gửi lại tệp.")
    if not _HEX64.match(str(env.get("data_sha256", ""))) or not _HEX64.match(str(doc.get("sha256", ""))) \
            or not isinstance(doc.get("bytes"), int):
        raise ReportFileError("Dữ liệu báo cáo thiếu mã kiểm tra.", "Hãy xin cơ quan gửi lại tệp.")
    if data_sha256(data) != env["data_sha256"]:
        raise ReportFileError("Số liệu trong dữ liệu báo cáo đã bị sửa (mã kiểm tra không khớp).",
                              "Hãy xin cơ quan gửi lại tệp gốc.")


def check_document(env: dict[str, Any], pdf: bytes) -> None:
    """Raise ReportFileError unless ``pdf`` is the document ``env`` was made with (see module doc)."""
    doc = env["document"]
    n = doc["bytes"]
    if n <= 0 or n > len(pdf) or hashlib.sha256(memoryview(pdf)[:n]).hexdigest() != doc["sha256"]:
        raise ReportFileError("Tệp PDF không khớp với dữ liệu báo cáo (mã băm SHA-256 khác): tệp đã bị sửa "
                              "sau khi ban hành hoặc không phải bản đi kèm.", "Hãy xin cơ quan gửi lại tệp gốc.")
    m = _MARKER_RE.search(memoryview(pdf)[:n].tobytes()) if n else None
    if m is None or m.group(1).decode() != env["data_sha256"]:
        raise ReportFileError("Dữ liệu báo cáo không phải của văn bản PDF này.", "Hãy xin cơ quan gửi lại tệp gốc.")


@dataclass
class LoadedReport:
    """One report read for a roll-up: its data and where it came from."""

    envelope: dict[str, Any]
    files: list[Path]
    verified: bool  # the PDF was there and matched
    notes: list[str] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        return self.envelope["data"]


def load_report(pdf_path: Path | None, json_path: Path | None) -> LoadedReport:
    """Read one report from its PDF (embedded JSON), its .json, or both; raise ReportFileError."""
    pdf = None
    env = None
    files = [p for p in (pdf_path, json_path) if p is not None]
    try:
        if pdf_path is not None:
            pdf = pdf_path.read_bytes()
            if not pdf.startswith(b"%PDF"):
                raise ReportFileError("Không phải tệp PDF.", "Bỏ qua tệp này.")
        if json_path is not None:
            env = _parse(json_path.read_bytes())
        elif pdf is not None:
            env = read_attachment(pdf)
            if env is None:
                raise ReportFileError("Tệp PDF không có dữ liệu báo cáo đính kèm (không phải báo cáo đã ban hành "
                                      "bằng KSTTHC Desktop).", "Hãy xin cơ quan gửi kèm tệp .json hoặc nhập tay.")
    except OSError as exc:
        raise ReportFileError(f"Không đọc được tệp: {exc.strerror or exc}.", "Hãy kiểm tra quyền đọc.") from exc
    assert env is not None
    check_schema(env)
    notes = []
    if pdf is not None:
        check_document(env, pdf)
    else:
        notes.append("Không có tệp PDF để đối chiếu: số liệu chưa được xác thực.")
    return LoadedReport(envelope=env, files=files, verified=pdf is not None, notes=notes)


@dataclass
class IssueJob:
    """A report on its way to being issued: checked and its statuses taken (``prepare_issue``, on the
    owner thread), its PDF rendered and the file backed up (``render_issue``, on a worker), then frozen
    into the file (``commit_issue``)."""

    plan_id: int
    period_code: str
    number: str
    on: date
    content: ReportContent
    overrides: dict[str, str]
    statistics_rows: list[dict]
    recipients: list[str]
    snapshot: dict[str, list]
    issued_at: str
    pdf: bytes | None = None


__all__ = [
    "ATTACHMENT_NAME",
    "SCHEMA",
    "SCHEMA_VERSION",
    "IssueJob",
    "LoadedReport",
    "ReportFileError",
    "canonical",
    "check_document",
    "check_schema",
    "data_sha256",
    "embed",
    "envelope",
    "envelope_bytes",
    "load_report",
    "pdf_keywords",
    "read_attachment",
    "report_data",
]
