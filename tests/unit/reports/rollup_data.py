"""Many offices' issued reports, made fast: the real format (a PDF with its data hash in the metadata and
the JSON attached as an incremental update, exactly as ``issue_report`` makes it) around a one-page
document, with figures the caller chooses — so a test can sum them itself."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

from kstthc_desktop.reports import machine

STATUS_KEYS = ["done_on_time", "done_late", "in_time", "overdue", "no_deadline"]
FORM_KEYS = ["c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13"]
WINDOW = {"2026-Q3": ("2026-06-15", "2026-09-14", "quý III năm 2026"),
          "2026-Q2": ("2026-03-15", "2026-06-14", "quý II năm 2026")}


@dataclass
class Office:
    name: str
    counts: dict[str, int]
    form: dict[str, int]
    overdue: list[str]


def random_office(i: int, rng: random.Random) -> Office:
    counts = {k: rng.randint(0, 12) for k in STATUS_KEYS}
    counts["overdue"] = rng.randint(0, 3)
    c7 = [rng.randint(0, 40), rng.randint(0, 30), rng.randint(0, 5)]
    c11 = [rng.randint(0, 10), rng.randint(0, 3)]
    c3 = sum(c7) + sum(c11)
    c6 = rng.randint(0, min(5, c3))
    c4 = rng.randint(0, c3 - c6)
    form = {"c3": c3, "c4": c4, "c5": c3 - c6 - c4, "c6": c6, "c7": sum(c7), "c8": c7[0], "c9": c7[1],
            "c10": c7[2], "c11": sum(c11), "c12": c11[0], "c13": c11[1]}
    return Office(f"Ủy ban nhân dân xã Thử Nghiệm {i:03d}", counts, form,
                  [f"Nhiệm vụ chậm {k + 1} của xã {i:03d}" for k in range(counts["overdue"])])


def report_data(office: Office, period: str = "2026-Q3", issued_at: str = "2026-09-16T09:00:00") -> dict:
    start, end, label = WINDOW[period]
    tasks = []
    n = 0
    for key in STATUS_KEYS:
        for k in range(office.counts[key]):
            n += 1
            content = office.overdue[k] if key == "overdue" else f"Nhiệm vụ {n}"
            tasks.append({"id": n, "number": str(n), "ref": f"I.{n}", "content": content, "section": "I. NỘI DUNG",
                          "status": key, "status_label": key, "completed_on": None, "due": end,
                          "deadline": f"Trước ngày {end}", "notes": [], "evidence": []})
    return {
        "office": {"name": office.name.upper(), "name_lines": ["ỦY BAN NHÂN DÂN", office.name.upper()[16:]],
                   "parent_agency": "UBND TỈNH THỬ NGHIỆM"},
        "report": {"number": "05/BC-UBND", "date": "2026-09-16", "place_date": "", "issued_at": issued_at,
                   "summary": ""},
        "period": {"code": period, "label": label, "year": 2026, "kind": "quarter"},
        "window": {"start": start, "end": end, "text": ""},
        "status_counts": dict(office.counts),
        "status_labels": {},
        "total_tasks": sum(office.counts.values()),
        "done_in_window": 0,
        "tasks": tasks,
        "appendix_tasks": [],
        "form_06a": {"form": "06a", "rows": [dict(office.form, field="Hộ tịch")], "totals": {}, "on_time_rate": None},
    }


def write_report(folder: Path, stem: str, data: dict, with_json: bool = False) -> Path:
    """``folder/stem.pdf`` in the issued format (and ``stem.json`` beside it when asked)."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=1)
    c.setKeywords(machine.pdf_keywords(data))
    c.setTitle("Báo cáo")
    c.drawString(72, 760, "BAO CAO " + stem)
    c.save()
    pdf = buf.getvalue()
    env = machine.envelope(data, pdf, stem + ".pdf")
    out = folder / f"{stem}.pdf"
    out.write_bytes(machine.embed(pdf, env))
    if with_json:
        (folder / f"{stem}.json").write_bytes(machine.envelope_bytes(env))
    return out


def generate(folder: Path, n: int, seed: int = 16, start: int = 0) -> list[Office]:
    rng = random.Random(seed)
    offices = [random_office(start + i, rng) for i in range(n)]
    for i, office in enumerate(offices):
        write_report(folder, f"bao-cao-{start + i:03d}", report_data(office), with_json=i % 3 == 0)
    return offices
