"""Roll-up of many offices' issued reports: checked file by file, summed, written as .xlsx and an
ND 30 report; bad files listed with their reason and skipped; offices that sent nothing named."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kstthc_desktop.cli import main
from kstthc_desktop.core.errors import Cancelled, KstthcError
from kstthc_desktop.core.progress import FlagProgress
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from kstthc_desktop.services.rollup import read_office_list, roll_up_folder, write_rollup
from tests.conftest import TODAY
from tests.unit.reports import rollup_data

STATS = [{"field": "Chứng thực", "c3": 12, "c4": 7, "c5": 5, "c6": 0, "c7": 10, "c8": 6, "c9": 3, "c10": 1,
          "c11": 2, "c12": 1, "c13": 1}]
ISSUED = ["XÃ LÊ LỢI", "XÃ AN BÌNH"]


def _issue_real_reports(tmp: Path, folder: Path) -> list[tuple[str, dict[str, int]]]:
    """Reports made by the program's own issue path; their counts as the report itself shows them."""
    made = []
    for i, name in enumerate(ISSUED):
        path = create_demo(tmp / f"office-{i}.kstthc", today=TODAY)
        with OfficeService.open(path) as svc:
            svc.save_office(dataclasses.replace(svc.office(), name=f"ỦY BAN NHÂN DÂN\n{name}"))
            rid, _ = svc.issue_report("2026-Q3", f"{20 + i}", date(2026, 9, 15), statistics_rows=STATS)
            svc.export_issued_report(rid, folder / f"bao-cao-{name.lower().replace(' ', '-')}.pdf")
            counts = svc.report_content("2026-Q3", statistics_rows=STATS).counts
            made.append((f"UBND {name.split(' ', 1)[0].lower()} {name.split(' ', 1)[1].title()}",
                         {s.value: n for s, n in counts.items()}))
    return made


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("rollup")
    reports = tmp / "bao-cao"
    reports.mkdir()
    real = _issue_real_reports(tmp, reports)
    generated = rollup_data.generate(reports, 300 - len(real))
    return tmp, reports, real, generated


def _bad_files(into: Path, reports: Path) -> dict[str, str]:
    """Each kind of bad file, and a word its reason must contain."""
    into.mkdir()
    (into / "ghi-chu.pdf").write_bytes(b"%PDF-1.4 not really")
    (into / "hong.json").write_text("{not json", encoding="utf-8")
    raw = bytearray((reports / "bao-cao-001.pdf").read_bytes())
    raw[raw.index(b"/Producer") + 1] ^= 0x20  # one byte of the signed document
    (into / "sua-pdf.pdf").write_bytes(bytes(raw))
    office = rollup_data.random_office(900, rollup_data.random.Random(1))
    rollup_data.write_report(into, "quy-2", rollup_data.report_data(office, period="2026-Q2"))
    shutil.copy(reports / "bao-cao-002.pdf", into / "ban-sao-002.pdf")  # the same report twice
    # one office, two different reports: the later one counts
    again = rollup_data.random_office(3, rollup_data.random.Random(7))
    rollup_data.write_report(into, "xa-003-ban-sua", rollup_data.report_data(again, issued_at="2026-09-20T08:00:00"))
    return {"ghi-chu.pdf": "hỏng", "hong.json": "JSON", "sua-pdf.pdf": "SHA-256", "quy-2.pdf": "Kỳ báo cáo khác",
            "ban-sao-002.pdf": "Trùng lặp", "bao-cao-003.pdf": "dùng bản ban hành sau"}


def test_300_offices_roll_up_to_the_totals_summed_here(folder, tmp_path: Path) -> None:
    tmp, reports, real, generated = folder
    work = tmp_path / "nhan"
    shutil.copytree(reports, work)
    expect_bad = _bad_files(work / "loi", work)
    generated = list(generated)
    generated[3] = rollup_data.random_office(3, rollup_data.random.Random(7))  # its newer report wins
    names = [o.name for o in generated] + [n for n, _ in real]
    expected = ["UBND xã Thử Nghiệm 005", "Xã Lê Lợi", "UBND xã Chưa Gửi", "Xã Vắng Mặt"] + names[10:]
    progress = FlagProgress()
    rollup = roll_up_folder(work, expected=expected, progress=progress)
    assert progress.last[0] == progress.last[1] > 300

    assert rollup.period_code == "2026-Q3" and len(rollup.offices) == 300
    assert rollup.missing == ["UBND xã Chưa Gửi", "Xã Vắng Mặt"]
    reasons = {Path(p.file).name: p.reason for p in rollup.problems}
    assert set(reasons) == set(expect_bad)
    for name, word in expect_bad.items():
        assert word in reasons[name], (name, reasons[name])
    # totals summed here from what was generated and what the issued reports show
    want = {k: sum(o.counts[k] for o in generated) + sum(c[k] for _, c in real) for k in rollup_data.STATUS_KEYS}
    assert rollup.counts == want
    assert rollup.total == sum(want.values())
    done = want["done_on_time"] + want["done_late"]
    assert rollup.done_rate == pytest.approx(done / sum(want.values()))
    assert rollup.on_time_task_rate == pytest.approx(want["done_on_time"] / done)
    form = {k: sum(o.form[k] for o in generated) + len(real) * STATS[0][k] for k in rollup_data.FORM_KEYS}
    assert {k: rollup.form_totals[k] for k in rollup_data.FORM_KEYS} == form
    assert rollup.form_on_time_rate == pytest.approx((form["c8"] + form["c9"]) / form["c7"])
    by_office = {o.office: o for o in rollup.offices}
    assert [t["content"] for t in by_office[generated[7].name.replace("Ủy ban nhân dân", "UBND")].overdue] == generated[7].overdue
    assert all(o.verified for o in rollup.offices)

    # the workbook: one row per office plus the totals row, the same figures
    xlsx = write_rollup(rollup, tmp_path / "tong-hop.xlsx")
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Tổng hợp"]
    assert ws.cell(3, 2).value == "Cơ quan, đơn vị"
    total_row = 4 + len(rollup.offices)
    assert ws.cell(total_row, 2).value == "Tổng cộng"
    assert [ws.cell(total_row, c).value for c in range(5, 11)] == [*want.values(), sum(want.values())]
    f = wb["Biểu 06a tổng hợp"]
    assert f.cell(4 + 300, 2).value == "Tổng số" and f.cell(4 + 300, 3).value == form["c3"]
    assert wb["Kiểm tra tệp"].max_row == 3 + len(expect_bad) + 2
    # overdue tasks by office: the generated ones exactly, plus the issued reports' (appendix tasks included)
    real_overdue = sum(len(by_office[n].overdue) for n, _ in real)
    assert real_overdue >= sum(c["overdue"] for _, c in real)
    assert sum(1 for _ in wb["Nhiệm vụ quá hạn"].iter_rows(min_row=4)) == \
        sum(o.counts["overdue"] for o in generated) + real_overdue

    # the ND 30 summary report
    pdf = write_rollup(rollup, tmp_path / "tong-hop.pdf", on=date(2026, 9, 20))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "BÁO CÁO" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Tổng hợp từ 300 báo cáo" in text and "Chưa gửi báo cáo: UBND xã Chưa Gửi; Xã Vắng Mặt." in text
    total = f"{sum(want.values()):,}".replace(",", ".")
    assert f"Tổng số {total} nhiệm vụ" in " ".join(text.split())


def test_cancel_stops_the_roll_up(folder) -> None:
    _, reports, _, _ = folder

    class CancelSoon(FlagProgress):
        def report(self, done: int, total: int, message: str = "") -> None:
            if done >= 20:
                self.cancel()
            super().report(done, total, message)

    with pytest.raises(Cancelled):
        roll_up_folder(reports, progress=CancelSoon())


def test_json_only_reports_are_read_but_marked_unverified(folder, tmp_path: Path) -> None:
    _, reports, _, _ = folder
    only = tmp_path / "json"
    only.mkdir()
    for p in sorted(reports.glob("*.json"))[:5]:
        shutil.copy(p, only / p.name)
    rollup = roll_up_folder(only)
    assert len(rollup.offices) == 5 and not any(o.verified for o in rollup.offices)
    assert all("chưa được xác thực" in o.notes[0] for o in rollup.offices)


def test_office_list_from_text_or_workbook(tmp_path: Path) -> None:
    txt = tmp_path / "ds.txt"
    txt.write_text("\ufeffSTT\nXã Lê Lợi\n\nXã An Bình, ghi chú\nXã Lê Lợi\n", encoding="utf-8")
    assert read_office_list(txt) == ["Xã Lê Lợi", "Xã An Bình"]
    xlsx = tmp_path / "ds.xlsx"
    wb = openpyxl.Workbook()
    for name in ("Tên cơ quan", "Xã Lê Lợi", "Xã An Bình"):
        wb.active.append([name])
    wb.save(xlsx)
    assert read_office_list(xlsx) == ["Xã Lê Lợi", "Xã An Bình"]


def test_cli_rollup_and_its_bad_input(capsys, folder, tmp_path: Path) -> None:
    _, reports, real, _ = folder
    expect = tmp_path / "ds.txt"
    expect.write_text("Xã Lê Lợi\nXã Không Có\n", encoding="utf-8")
    out = tmp_path / "th.xlsx"
    code = main(["rollup", str(reports), "--out", str(out), "--expect", str(expect), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and out.is_file()
    assert len(data["offices"]) == 300 and data["missing"] == ["Xã Không Có"]
    assert data["totals"]["total"] == sum(o["total"] for o in data["offices"])
    for args, needle in (
        (["rollup", str(tmp_path / "khong-co"), "--out", str(out)], "Không tìm thấy thư mục"),
        (["rollup", str(reports), "--out", str(tmp_path / "th.docx")], ".xlsx hoặc .pdf"),
        (["rollup", str(reports), "--out", str(out), "--period", "2026-Q9"], "kỳ"),
    ):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and needle.lower() in err.lower(), err


def test_cli_handback(capsys, tmp_path: Path) -> None:
    from tests.unit.services.handback_data import imported_office, record_results

    svc, _ = imported_office(tmp_path)
    record_results(svc)
    svc.close()
    out = tmp_path / "ket-qua.xlsx"
    code = main(["handback", "--office", str(tmp_path / "van-phong.kstthc"), "--out", str(out),
                 "--as-of", "30/09/2021", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["out"] == str(out) and data["rows_written"] == 30  # 34 tasks, 4 of them parents with nothing of their own
    assert openpyxl.load_workbook(out)["Kế hoạch"].cell(12, 7).value == "Hoàn thành đúng hạn"
    assert main(["handback", "--office", str(tmp_path / "van-phong.kstthc"), "--out", str(out), "--plan", "99"]) == 2
    assert "Không có kế hoạch mã 99" in capsys.readouterr().err


def test_output_never_replaces_an_office_file(folder, tmp_path: Path) -> None:
    _, reports, _, _ = folder
    office = create_demo(tmp_path / "x.xlsx", today=TODAY)  # an office file with a misleading name
    rollup = roll_up_folder(reports)
    with pytest.raises(KstthcError, match="tệp dữ liệu"):
        write_rollup(rollup, office)


def test_offices_are_named_as_a_sentence_names_them_not_in_header_capitals() -> None:
    from kstthc_desktop.reports.rollup import sentence_name

    assert sentence_name({"name": "ỦY BAN NHÂN DÂN XÃ LÊ LỢI", "name_lines": ["ỦY BAN NHÂN DÂN", "XÃ LÊ LỢI"]}) \
        == "UBND xã Lê Lợi"
    assert sentence_name({"name": "SỞ TƯ PHÁP", "name_lines": ["SỞ TƯ PHÁP"]}) == "Sở Tư pháp"
    assert sentence_name({"name": "Sở Tư pháp", "name_lines": ["Sở Tư pháp"]}) == "Sở Tư pháp"
