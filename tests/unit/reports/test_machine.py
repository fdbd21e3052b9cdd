"""The issued report carries its data: JSON embedded in the PDF (and beside it), bound both ways to
the signed document — a changed PDF or changed figures are caught."""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.reports import machine
from kstthc_desktop.reports.machine import ReportFileError, load_report

STATS = [{"field": "Hộ tịch", "c3": 10, "c4": 6, "c5": 4, "c6": 0, "c7": 8, "c8": 5, "c9": 2, "c10": 1,
          "c11": 2, "c12": 2, "c13": 0}]


@pytest.fixture
def issued(demo_service, tmp_path: Path):
    rid, _ = demo_service.issue_report("2026-Q3", "21", date(2026, 9, 15), statistics_rows=STATS)
    pdf, side = demo_service.export_issued_report(rid, tmp_path / "bao-cao.pdf")
    return demo_service, rid, pdf, side


def test_issued_pdf_carries_its_data_and_keeps_the_rendered_pdf_as_its_prefix(issued) -> None:
    svc, rid, pdf, side = issued
    raw = pdf.read_bytes()
    assert raw == svc.issued_pdf(rid) and svc.verify_issued(rid)
    env = machine.read_attachment(raw)
    assert env == json.loads(side.read_text(encoding="utf-8"))
    assert env["schema"] == machine.SCHEMA and env["schema_version"] == 1
    data = env["data"]
    assert data["office"]["name"] == "ỦY BAN NHÂN DÂN XÃ LÊ LỢI"
    assert data["period"]["code"] == "2026-Q3"
    assert data["window"] == {"start": "2026-06-15", "end": "2026-09-14", "text": data["window"]["text"]}
    assert data["report"]["number"] == "21/BC-UBND" and data["report"]["date"] == "2026-09-15"
    # the counts equal the report's own table (computed independently from the task statuses)
    statuses = [t["status"] for t in data["tasks"] if t["status"]]
    assert sum(data["status_counts"].values()) == len(statuses) == data["total_tasks"]
    for key, n in data["status_counts"].items():
        assert statuses.count(key) == n
    assert data["form_06a"]["rows"] == STATS and data["form_06a"]["totals"]["c3"] == 10
    # what is hashed: the first `bytes` bytes are the rendered report, then the attachment follows
    n = env["document"]["bytes"]
    assert hashlib.sha256(raw[:n]).hexdigest() == env["document"]["sha256"]
    assert raw[:n].rstrip().endswith(b"%%EOF") and len(raw) > n
    assert f"kstthc-data-sha256:{env['data_sha256']}".encode() in raw[:n]
    loaded = load_report(pdf, None)
    assert loaded.verified and loaded.data == data


def test_poppler_lists_the_attachment(issued, tmp_path: Path) -> None:
    _, _, pdf, _ = issued
    out = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True)
    assert machine.ATTACHMENT_NAME in out.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "BÁO CÁO" in text  # the document itself is untouched by the attachment


def test_changed_figures_or_a_changed_pdf_are_caught(issued, tmp_path: Path) -> None:
    _, _, pdf, side = issued
    env = json.loads(side.read_text(encoding="utf-8"))
    # figures changed in the JSON: its own hash no longer matches
    env["data"]["status_counts"]["overdue"] = 0
    bad = tmp_path / "sua-so-lieu.json"
    bad.write_text(json.dumps(env, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReportFileError, match="đã bị sửa"):
        load_report(None, bad)
    # … and with the hash recomputed, the PDF (which carries the original data hash) disagrees
    env["data_sha256"] = machine.data_sha256(env["data"])
    bad.write_text(json.dumps(env, ensure_ascii=False), encoding="utf-8")
    assert not load_report(None, bad).verified  # alone it reads, but is marked unverified
    with pytest.raises(ReportFileError, match="không phải của văn bản"):
        load_report(pdf, bad)
    # one byte of the document changed: the prefix hash catches it
    raw = bytearray(pdf.read_bytes())
    i = raw.index(b"/Producer")
    raw[i + 1] = ord("p")
    tampered = tmp_path / "sua-pdf.pdf"
    tampered.write_bytes(bytes(raw))
    with pytest.raises(ReportFileError, match="SHA-256"):
        load_report(tampered, None)


def test_files_that_are_not_reports_say_why(tmp_path: Path) -> None:
    plain = tmp_path / "khac.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(plain))
    c.drawString(100, 100, "Báo cáo khác")
    c.save()
    with pytest.raises(ReportFileError, match="không có dữ liệu báo cáo"):
        load_report(plain, None)
    junk = tmp_path / "hong.pdf"
    junk.write_bytes(b"%PDF-1.4 rubbish")
    with pytest.raises(ReportFileError, match="hỏng"):
        load_report(junk, None)
    newer = tmp_path / "moi.json"
    newer.write_text(json.dumps({"schema": machine.SCHEMA, "schema_version": 99}), encoding="utf-8")
    with pytest.raises(ReportFileError, match="mới hơn"):
        load_report(None, newer)
    other = tmp_path / "khac.json"
    other.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ReportFileError):
        load_report(None, other)
