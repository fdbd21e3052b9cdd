"""The whole report headless (issue 12, item 8): office, plan references, form 06a, report, issue,
plan document, and a department keeping only its own tasks of the province plan."""

from __future__ import annotations

import json
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.cli import main
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo

from .reports import test_signability as sign
from .reports.pdftools import needs_poppler, poppler  # noqa: F401 - fixture

pytestmark = needs_poppler

CLOSED = date(2026, 12, 20)


def run(capsys, *args: str) -> tuple[int, object, str]:  # noqa: ANN001
    code = main(list(args))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return create_demo(tmp_path / "demo.kstthc", today=CLOSED)


def _text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(raw.split())


def test_office_show_and_set(capsys, demo: Path) -> None:
    code, data, _ = run(capsys, "office", "--office", str(demo), "--json")
    assert code == 0 and data["level"] == "commune" and data["name"] == "ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI"
    code, data, _ = run(capsys, "office", "--office", str(demo), "--set", "name=SỞ TƯ PHÁP", "--set",
                        "level=department", "--set", "symbol=STP", "--set", "recipients=Văn phòng UBND tỉnh; Lưu", "--json")
    assert code == 0 and data["level"] == "department" and data["recipients"] == ["Văn phòng UBND tỉnh", "Lưu"]
    with OfficeService.open(demo) as svc:
        assert svc.office().name == "SỞ TƯ PHÁP" and svc.office().symbol == "STP"


@pytest.mark.parametrize(("args", "needle"), [
    (["--set", "colour=red"], "Không có thông tin cơ quan 'colour'"),
    (["--set", "level=galaxy"], "Cấp 'galaxy' không hợp lệ"),
    (["--set", "novalue"], "KHÓA=GIÁ_TRỊ"),
    (["--set", "symbol=U B"], "Ký hiệu cơ quan không hợp lệ"),
])
def test_office_bad_values_exit_2_and_change_nothing(capsys, demo: Path, args: list[str], needle: str) -> None:
    before = demo.read_bytes()
    code, _, err = run(capsys, "office", "--office", str(demo), *args)
    assert code == 2 and needle in err and err.count("\n") == 1
    with OfficeService.open(demo) as svc:
        assert svc.office().name == "ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI"
    assert len(demo.read_bytes()) == len(before)


def test_plan_references_set_then_cited(capsys, demo: Path, tmp_path: Path) -> None:
    code, data, _ = run(capsys, "plan", "--office", str(demo), "--set", "number=05/KH-UBND", "--set",
                        "source_number=12/KH-UBND", "--set", "source_date=05/01/2026", "--set",
                        "source_issuer=UBND thành phố Hải Phòng", "--json")
    assert code == 0 and data["source_date"] == "05/01/2026" and data["number"] == "05/KH-UBND"
    code, _, err = run(capsys, "plan", "--office", str(demo), "--set", "source_date=31/02/2026")
    assert code == 2 and "Ngày không hợp lệ" in err
    out = tmp_path / "q3.pdf"
    code, data, err = run(capsys, "report", "--office", str(demo), "--period", "2026-Q3", "--out", str(out),
                          "--as-of", "20/12/2026", "--json")
    assert code == 0 and not data["draft"] and "Biểu 06a" in err  # said, not hidden
    text = _text(out)
    assert "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND thành phố Hải Phòng" in text
    assert "Thực hiện Kế hoạch số 05/KH-UBND ngày 28/02/2026 của UBND xã Lê Lợi" in text
    mode = stat.S_IMODE(out.stat().st_mode)
    assert mode & 0o044 == 0o044  # readable by others as any file the user makes (umask 022 here)


def test_report_with_form06a_json_then_issue(capsys, demo: Path, tmp_path: Path) -> None:
    rows = tmp_path / "06a.json"
    rows.write_text(json.dumps({"rows": [{"field": "Hộ tịch", "c3": 120, "c4": 30, "c5": 80, "c6": 10, "c7": 110,
                                          "c8": 20, "c9": 88, "c10": 2, "c11": 10, "c12": 9, "c13": 1}]},
                               ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "q3.pdf"
    code, data, _ = run(capsys, "report", "--office", str(demo), "--period", "2026-Q3", "--out", str(out),
                        "--form06a", str(rows), "--number", "21", "--date", "16/09/2026", "--issue", "--json")
    assert code == 0 and data["issued"]
    text = _text(out)
    assert "Số: 21/BC-UBND" in text and "Tổng số hồ sơ nhận giải quyết trong kỳ: 120 hồ sơ" in text
    with OfficeService.open(demo) as svc:
        (report,) = [r for r in svc.reports() if r.issued]
        assert report.statistics["rows"][0]["c3"] == 120 and svc.issued_pdf(report.id) == out.read_bytes()
    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))  # its data beside it


def test_issue_of_an_open_period_or_bad_figures_is_refused(capsys, tmp_path: Path) -> None:
    office = create_demo(tmp_path / "open.kstthc", today=date(2026, 12, 1))
    bad = tmp_path / "bad.json"
    bad.write_text('{"rows": [{"field": "Hộ tịch", "c3": 5, "c4": 1}]}', encoding="utf-8")
    code, _, err = run(capsys, "report", "--office", str(office), "--period", "2026-Q3", "--out",
                       str(tmp_path / "x.pdf"), "--form06a", str(bad))
    assert code == 2 and "chưa khớp" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = run(capsys, "report", "--office", str(office), "--period", "2026-Q4", "--out",
                       str(tmp_path / "y.pdf"), "--number", "30", "--issue", "--as-of", "01/12/2026")
    assert code == 2 and "chưa kết thúc" in err
    with OfficeService.open(office) as svc:
        assert svc.reports() == []


def test_form06a_template_round_trip(capsys, demo: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    template = tmp_path / "bieu.xlsx"
    code, _, _ = run(capsys, "form06a", "--out", str(template), "--office", str(demo), "--period", "2026-Q3")
    assert code == 0
    wb = load_workbook(template)
    ws = wb.active
    ws.append([1, "Chứng thực", 45, 5, 40, 0, 45, 30, 15, 0, 0, 0, 0])
    wb.save(template)
    out = tmp_path / "q3.pdf"
    code, data, _ = run(capsys, "report", "--office", str(demo), "--period", "2026-Q3", "--out", str(out),
                        "--form06a", str(template), "--json")
    assert code == 0 and "Tổng số 45 5 40 0 45 30 15 0 0 0 0" in _text(out)


def test_plan_document_command(capsys, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.pdf"
    code, _, _ = run(capsys, "plan-document", "--office", str(demo), "--out", str(out))
    assert code == 0
    text = _text(out)
    assert "KẾ HOẠCH" in text and "Phụ lục I" in text and "được nêu tại Phụ lục I kèm theo" in text
    assert "chi tiết tại Phụ lục II kèm theo" in text and "Phụ lục II" in text
    assert "9/1/2026" not in text


def test_import_only_ours_keeps_the_departments_tasks(capsys, tmp_path: Path) -> None:
    source = sign.fx.write_xlsx(tmp_path / "tinh.xlsx", [sign.province_sheet()])
    office = tmp_path / "so.kstthc"
    code, _, err = run(capsys, "import", str(source), "--office", str(office), "--only-ours")
    assert code == 2 and "chưa có thông tin cơ quan" in err
    run(capsys, "office", "--office", str(office), "--set", "name=SỞ TƯ PHÁP", "--set", "level=department",
        "--set", "place_name=Hưng Yên", "--set", "symbol=STP")
    code, data, _ = run(capsys, "import", str(source), "--office", str(office), "--only-ours", "--dry-run", "--json")
    assert code == 0 and len(data["ours"]) == len(sign.OURS)
    code, data, _ = run(capsys, "import", str(source), "--office", str(office), "--only-ours", "--json")
    assert code == 0 and data["stored"]["added"] == len(sign.OURS)
    with OfficeService.open(office) as svc:
        assert {t.number for t in svc.tasks(svc.current_plan().id)} == sign.OURS
