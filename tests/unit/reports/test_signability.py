"""Could the chairman sign it as printed? Checks over the REAL rendered files (PDF text through
poppler, DOCX text through python-docx), for every period kind, for a commune (the demo) and for a
department that imported the province plan (issue 12, item 9).

Each report is rendered once per case and shared by the checks. What a signer would retype fails
here: a placeholder sentence, a task cut short, a count in the prose that the table contradicts,
shares that do not add up to 100 %, a name re-cased by the program, a citation silently dropped.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.model import Level, Office, ProgressEntry, Status
from kstthc_desktop.core.periods import periods_of_year
from kstthc_desktop.reports.formatting import joined_text
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo

from ..importers import fixtures as fx
from .pdftools import needs_poppler, poppler  # noqa: F401 - fixture

pytestmark = needs_poppler

CLOSED_DAY = date(2026, 12, 20)  # every period of 2026 is closed
OPEN_DAY = date(2026, 12, 1)  # quý IV, 6 tháng cuối năm and năm are still open
PERIODS = [p.code for p in periods_of_year(2026)]
PLACEHOLDERS = ("chưa được cập nhật", "None", "nan", "{", "}", "TODO", "Sở Tư Pháp", "Sở Công Thương Thương",
                "Kế hoạch ngày", "Kế hoạch của Sở")
STATUS_ROWS = [("1", "Hoàn thành đúng hạn"), ("2", "Hoàn thành quá hạn"), ("3", "Đang thực hiện trong hạn"),
               ("4", "Đang thực hiện quá hạn"), ("5", "Chưa phát sinh / không xác định hạn")]
CITATION = re.compile(r"Thực hiện (?:Kế hoạch|Quyết định) số (?:\S+/\S+) "
                      r"(?:ngày \d\d/\d\d?/\d{4}|ngày … tháng … năm …) của ")


# --- the department: a Sở that imported the province plan (shape of seed 001, 2026) -------------

PROVINCE_TASKS = [
    # (section, number, content, lead, coordinating, deadline)
    ("I. HOÀN THIỆN THỂ CHẾ VÀ KIỂM SOÁT QUY ĐỊNH THỦ TỤC HÀNH CHÍNH", None, None, None, None, None),
    (None, "1", "Tham mưu ban hành Quy chế phối hợp giải quyết thủ tục hành chính tại Bộ phận Một cửa các cấp "
     "trên địa bàn tỉnh.", "Văn phòng UBND tỉnh", "Các cơ quan, đơn vị có liên quan", "Quý II năm 2026"),
    (None, "2", "Thẩm định quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do HĐND, UBND tỉnh "
     "ban hành", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Thường xuyên năm 2026"),
    (None, "3", "Lấy ý kiến đánh giá tác động thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật:\n"
     "- Đối với dự thảo do cơ quan chủ trì soạn thảo;\n- Gửi hồ sơ đề nghị thẩm định.", "Các sở, ban, ngành",
     "Sở Tư pháp", "Khi có phát sinh"),
    ("II. KIỂM SOÁT THỦ TỤC HÀNH CHÍNH VÀ CƠ CHẾ MỘT CỬA", None, None, None, None, None),
    (None, "4", "Công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của ngành y tế", "Sở Y tế",
     "Văn phòng UBND tỉnh", "Trước ngày 30/6/2026"),
    (None, "5", "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực hộ tịch, chứng thực, lý lịch tư pháp; đề xuất "
     "phương án cắt giảm thời gian giải quyết, bảo đảm cắt giảm ít nhất 30% chi phí tuân thủ so với năm 2025 "
     "theo chỉ đạo của UBND tỉnh.", "Sở Tư pháp", "UBND các xã, phường", "Trước ngày 31/8/2026"),
    (None, "6", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh",
     "Các sở, ban, ngành", "Trung tâm Phục vụ hành chính công tỉnh", "Thường xuyên năm 2026"),
    (None, "7", "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", "Sở Khoa học và Công nghệ",
     "Văn phòng UBND tỉnh", "Quý III năm 2026"),
    ("III. TRUYỀN THÔNG, KIỂM TRA VÀ BÁO CÁO", None, None, None, None, None),
    (None, "8", "Tuyên truyền, phổ biến quy định về thủ tục hành chính lĩnh vực tư pháp", "Sở Tư pháp",
     "Báo và Phát thanh, Truyền hình tỉnh", "Thường xuyên năm 2026"),
    (None, "9", "Kiểm tra việc thực hiện cơ chế một cửa, một cửa liên thông tại các xã, phường",
     "Văn phòng UBND tỉnh", "Sở Nội vụ", "Từ tháng 5 đến tháng 10 năm 2026"),
    (None, "10", "Báo cáo định kỳ tình hình, kết quả kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một "
     "cửa liên thông gửi Văn phòng UBND tỉnh", "Các sở, ban, ngành; UBND các xã, phường", "",
     "Tháng 3, 6, 9, 12/2026"),
]
OURS = {"2", "3", "5", "6", "8", "10"}  # led by the Sở, or by "các sở, ban, ngành"


def province_sheet() -> fx.SheetSpec:
    s = fx.SheetSpec("Kế hoạch", 6)
    r = s.add("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
              "Hạnh phúc")
    s.merge(r, 0, r, 1)
    s.merge(r, 2, r, 5)
    s.banner("KẾ HOẠCH")
    s.banner("Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2026 trên địa bàn "
             "tỉnh Hưng Yên")
    s.add()
    s.header_start = len(s.rows)
    s.add("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
          "Sản phẩm dự kiến")
    for section, number, content, lead, coord, deadline in PROVINCE_TASKS:
        if section:
            s.banner(section)
        else:
            s.add(number, content, lead, coord, deadline, "Văn bản, báo cáo")
    return s


def build_department(folder: Path) -> OfficeService:
    from kstthc_desktop.importers import ours_indices, read_plan

    source = fx.write_xlsx(folder / "ke-hoach-tinh-2026.xlsx", [province_sheet()])
    svc = OfficeService.open(folder / "so-tu-phap.kstthc", create=True)
    svc.save_office(Office(name="SỞ TƯ PHÁP", parent_agency="UBND TỈNH HƯNG YÊN", level=Level.DEPARTMENT,
                           place_name="Hưng Yên", symbol="STP", superior="UBND tỉnh Hưng Yên",
                           report_recipient="Văn phòng UBND tỉnh Hưng Yên", signatory_authority="KT.",
                           signatory_collective="", signatory_title="GIÁM ĐỐC", signatory_deputy_title="PHÓ GIÁM ĐỐC",
                           recipients=["Văn phòng UBND tỉnh", "Giám đốc, các Phó Giám đốc Sở"], drafting_unit="VP"))
    imported = read_plan(source)
    svc.assign_office_roles(imported)
    svc.apply_import(imported, ours_indices(imported))
    # the province plan's reference, as the import helper would read it; the Sở's own plan number unknown
    svc.set_plan_fields({"source_number": "25/KH-UBND", "source_date": "20/01/2026",
                         "source_issuer": "UBND tỉnh Hưng Yên"})
    tasks = {t.number: t for t in svc.tasks(svc.current_plan().id)}
    add = svc.add_progress
    add(ProgressEntry(task_id=tasks["2"].id, on=date(2026, 2, 15), percent=30, note="Thẩm định 02 dự thảo quyết định"))
    add(ProgressEntry(task_id=tasks["5"].id, on=date(2026, 8, 20), percent=100, done=True,
                      note="Ban hành Báo cáo số 112/BC-STP ngày 20/8/2026 về kết quả rà soát"))
    add(ProgressEntry(task_id=tasks["8"].id, on=date(2026, 4, 10), percent=40, note="Phát hành 1.500 tờ gấp"))
    add(ProgressEntry(task_id=tasks["10"].id, occurrence=0, on=date(2026, 3, 12), percent=25, done=True))
    add(ProgressEntry(task_id=tasks["10"].id, occurrence=1, on=date(2026, 7, 2), percent=50, done=True))
    svc.set_overdue_cause(tasks["10"].id, "Chờ số liệu của Trung tâm Phục vụ hành chính công")
    return svc


# --- rendering once per case ----------------------------------------------------------------------


@dataclass
class Rendered:
    content: object  # reports.content.ReportContent
    text: str  # whitespace collapsed
    tasks: list  # the tasks as stored (the expected text comes from here, not from the report)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    out: list[str] = []
    for el in doc.element.body.iter():
        if el.tag.endswith("}p"):
            out.append("".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")))
    return "\n".join(out)


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[OfficeService, date]]:
    folder = tmp_path_factory.mktemp("sign")
    demo = OfficeService.open(create_demo(folder / "demo.kstthc", today=CLOSED_DAY))
    demo_open = OfficeService.open(create_demo(folder / "demo-open.kstthc", today=OPEN_DAY))
    dept = build_department(folder)
    yield {"commune": (demo, CLOSED_DAY), "commune-open": (demo_open, OPEN_DAY), "department": (dept, CLOSED_DAY)}
    for svc, _ in (demo, CLOSED_DAY), (demo_open, OPEN_DAY), (dept, CLOSED_DAY):
        svc.close()


@pytest.fixture(scope="module")
def rendered(offices, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    folder = tmp_path_factory.mktemp("out")
    cache: dict[tuple[str, str, str], Rendered] = {}

    def get(office: str, period: str, fmt: str) -> Rendered:
        key = (office, period, fmt)
        if key not in cache:
            svc, today = offices[office]
            content = svc.report_content(period, number="", as_of=today)
            path = svc.render_report(content, folder / f"{office}-{period}.{fmt}")
            raw = _pdf_text(path) if fmt == "pdf" else _docx_text(path)
            cache[key] = Rendered(content, _squash(raw), svc.tasks(svc.current_plan().id))
        return cache[key]

    return get


CASES = [(o, p, f) for o in ("commune", "department") for p in PERIODS for f in ("pdf", "docx")]
CASES += [("commune-open", p, "pdf") for p in ("2026-Q4", "2026-H2", "2026-Y")]


def _pct(text: str) -> int:
    """ "17,6%" → 176 tenths."""
    whole, _, dec = text.rstrip("%").partition(",")
    return int(whole.replace(".", "")) * 10 + (int(dec[:1]) if dec else 0)


@pytest.mark.parametrize(("office", "period", "fmt"), CASES, ids=lambda x: str(x))
def test_report_is_signable(rendered, office: str, period: str, fmt: str) -> None:  # noqa: ANN001
    r = rendered(office, period, fmt)
    text, content = r.text, r.content

    # no placeholder, no program slip
    for phrase in PLACEHOLDERS:
        assert phrase not in text, phrase
    assert "Số liệu về tình hình" not in text

    # every counted task told in full (its stored text, every line), punctuation joined cleanly
    counted = [t for t in r.tasks if int(t.id) in content.tally.statuses]
    assert counted
    for task in counted:
        full = _squash(joined_text(task.content))
        assert full in text, full[:60]
        assert f"{full}…" not in text
        last_line = task.content.strip().split("\n")[-1].lstrip("- ").rstrip(" .;")
        assert last_line in text
    assert ".)" not in text.replace("./.", "") and ";." not in text and "..." not in text

    # the status table and the prose say the same numbers; the shares add up to exactly 100 %
    table: dict[str, tuple[int, int]] = {}
    for n, label in STATUS_ROWS:
        m = re.search(rf"{n} {re.escape(label)} (\d+) (\d+(?:,\d)?%)", text)
        assert m, label
        table[label] = (int(m[1]), _pct(m[2]))
    total = re.search(r"Tổng số (\d+) 100%", text)
    assert total and int(total[1]) == sum(n for n, _ in table.values())
    assert sum(p for _, p in table.values()) == 1000
    m = re.search(r"Kế hoạch có (\d+) nhiệm vụ của .+?; tính đến ngày (\S+), đã triển khai (\d+)/(\d+) nhiệm vụ "
                  r"\(đã hoàn thành (\d+), đang thực hiện (\d+)\)", text)
    assert m, "summary sentence"
    planned, started, of, done, running = int(m[1]), int(m[3]), int(m[4]), int(m[5]), int(m[6])
    assert planned == of == int(total[1]) == content.total_tasks
    assert done == table["Hoàn thành đúng hạn"][0] + table["Hoàn thành quá hạn"][0]
    assert running == table["Đang thực hiện trong hạn"][0] + table["Đang thực hiện quá hạn"][0]
    assert started == done + running
    for label, prose in (("Hoàn thành đúng hạn", "hoàn thành đúng hạn"), ("Hoàn thành quá hạn", "hoàn thành quá hạn"),
                         ("Đang thực hiện trong hạn", "đang thực hiện trong hạn"),
                         ("Đang thực hiện quá hạn", "đang thực hiện quá hạn")):
        n, tenths = table[label]
        said = re.search(rf"{prose} (\d+) nhiệm vụ \((\d+(?:,\d)?%)\)", text)
        assert said and (int(said[1]), _pct(said[2])) == (n, tenths), label
    overdue = table["Đang thực hiện quá hạn"][0]
    if overdue:
        assert f"Còn {overdue} nhiệm vụ đang thực hiện quá hạn" in text
    assert content.counts[Status.OVERDUE] == overdue

    # names exactly as typed: capitals in the header, as written in sentences
    if office == "department":
        assert "SỞ TƯ PHÁP" in text and "UBND TỈNH HƯNG YÊN" in text
        assert "Sở Tư pháp báo cáo kết quả" in text
        assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text and "TM." not in text
        assert "công chức Văn phòng - Thống kê" not in text and "Bộ phận Một cửa của Sở" in text
        late = any(r.number == "10" and r.status == Status.OVERDUE for r in content.task_results)
        # the cause as the officer wrote it, printed while the task is overdue
        assert ("Chờ số liệu của Trung tâm Phục vụ hành chính công" in text) == late
        # only the Sở's own tasks: another Sở's task is not reported as its own
        assert "ngành y tế" not in text and "Nâng cấp Hệ thống thông tin" not in text
        assert {r.number for r in content.task_results if r.status is not None} == OURS
    else:
        assert "XÃ LÊ LỢI" in text and "UBND xã Lê Lợi báo cáo kết quả" in text
        assert "DỮ LIỆU MẪU" in text

    # the superior's plan then the office's own, each with số and ngày, or dotted for the pen
    citations = CITATION.findall(text)
    assert len(citations) >= 2, citations
    if office == "department":
        assert "Kế hoạch số 25/KH-UBND ngày 20/01/2026 của UBND tỉnh Hưng Yên" in text
        assert "Kế hoạch số …/KH-STP ngày … tháng … năm … của Sở Tư pháp" in text

    # form 06a: never a placeholder; the form carries its legal basis
    assert "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP" in text
    assert "Tổng số hồ sơ nhận giải quyết trong kỳ: … hồ sơ (từ kỳ trước chuyển sang: …" in text

    # a period still open is a draft counted today; a closed one is not
    if office == "commune-open":
        assert "DỰ THẢO" in text and "tính đến ngày 01/12/2026" in text
    else:
        assert "DỰ THẢO" not in text
    # the year's "kỳ tới" looks at next year's plan, which this office has not received
    if period in ("2026-Y", "2026-Q4", "2026-H2"):
        assert "Kế hoạch kiểm soát thủ tục hành chính năm 2027" in text and "chưa nhận được" in text


def test_form06a_figures_agree_between_sentence_and_form(offices, tmp_path) -> None:  # noqa: ANN001
    svc, today = offices["commune"]
    rows = [{"field": "Hộ tịch", "c3": 120, "c4": 30, "c5": 80, "c6": 10, "c7": 110, "c8": 20, "c9": 88, "c10": 2,
             "c11": 10, "c12": 9, "c13": 1},
            {"field": "Chứng thực", "c3": 45, "c4": 5, "c5": 40, "c6": 0, "c7": 45, "c8": 30, "c9": 15, "c10": 0,
             "c11": 0, "c12": 0, "c13": 0}]
    content = svc.report_content("2026-Q3", as_of=today, statistics_rows=rows)
    for fmt in ("pdf", "docx"):
        path = svc.render_report(content, tmp_path / f"q3.{fmt}")
        text = _squash(_pdf_text(path) if fmt == "pdf" else _docx_text(path))
        # col 3 includes the carry-over (col 6); col 10 (settled late) and col 13 (pending, late) apart
        assert ("Tổng số hồ sơ nhận giải quyết trong kỳ: 165 hồ sơ (từ kỳ trước chuyển sang: 10; tiếp nhận mới "
                "trong kỳ: 155, gồm trực tuyến: 35, trực tiếp và qua dịch vụ bưu chính: 120)") in text
        assert "Đã giải quyết: 155 hồ sơ (trước hạn: 50; đúng hạn: 103; quá hạn: 2)" in text
        assert "Đang giải quyết: 10 hồ sơ (trong hạn: 9; quá hạn: 1)" in text
        assert "Trong kỳ có 2 hồ sơ thủ tục hành chính được giải quyết quá hạn." in text
        assert "Còn 1 hồ sơ thủ tục hành chính đang giải quyết đã quá hạn." in text
        assert "Tổng số 165 35 120 10 155 50 103 2 10 9 1" in text
        assert "…" not in text.split("Tình hình, kết quả giải quyết")[1].split("Chi tiết tại")[0]
