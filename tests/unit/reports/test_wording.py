"""The small rules behind a report that reads right: shares, names, task text, topics, citations."""

from __future__ import annotations

from datetime import date

import pytest

from kstthc_desktop.core.model import Level, Office, Plan, Task
from kstthc_desktop.core.tally import largest_remainder
from kstthc_desktop.core.topics import classify, topic_of
from kstthc_desktop.reports import narrative
from kstthc_desktop.reports.formatting import joined_text

from . import sample


@pytest.mark.parametrize("counts", [[3, 0, 7, 4, 3], [1, 2], [2, 1, 0, 0, 0], [1] * 7, [5, 5, 5, 5, 5], [0, 0, 9]])
def test_shares_add_up_to_exactly_100_and_equal_counts_read_equal_when_possible(counts: list[int]) -> None:
    shares = largest_remainder(counts)
    assert sum(shares) == 1000
    exact = [c * 1000 / sum(counts) for c in counts]
    assert all(abs(s - e) < 1 for s, e in zip(shares, exact, strict=True))
    if counts == [3, 0, 7, 4, 3]:
        assert shares[0] == shares[4] == 176  # not 17,7% beside 17,6% for the same 3 tasks
    assert largest_remainder([0, 0]) is None


@pytest.mark.parametrize(("typed", "prose"), [
    ("SỞ TƯ PHÁP", "Sở Tư pháp"),
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
    ("Sở Tư pháp", "Sở Tư pháp"),  # typed as written: kept exactly
    ("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường"),
])
def test_department_names_read_as_written(typed: str, prose: str) -> None:
    office = Office(name=typed, level=Level.DEPARTMENT)
    assert narrative.office_names(office) == (prose, "Sở")


def test_commune_and_ward_names() -> None:
    assert narrative.office_names(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI")) == ("UBND xã Lê Lợi", "UBND xã")
    assert narrative.office_names(Office(name="ỦY BAN NHÂN DÂN\nPHƯỜNG HỒNG BÀNG")) == (
        "UBND phường Hồng Bàng", "UBND phường")


def test_full_task_text_joined_cleanly() -> None:
    text = "Triển khai các nhiệm vụ về:\n- Công bố, công khai thủ tục hành chính;\n- Rà soát quy định.\n"
    assert joined_text(text) == "Triển khai các nhiệm vụ về: Công bố, công khai thủ tục hành chính; Rà soát quy định"
    assert joined_text("Thực hiện nhiệm vụ khác do UBND giao.") == "Thực hiện nhiệm vụ khác do UBND giao"
    item = narrative.task_item(narrative.TaskLine("II.3", "Báo cáo tháng 12/2023.", "Tháng 12/2023.", "đã xong."))
    assert item == "- Nhiệm vụ II.3 (thời hạn: Tháng 12/2023): Báo cáo tháng 12/2023: đã xong;"


def test_topics_by_keywords_and_the_officers_choice_wins() -> None:
    assert classify("Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính") == "feedback"
    assert classify("Tuyên truyền về cải cách thủ tục hành chính, cơ chế một cửa") == "communication"
    assert classify("Kiểm tra việc thực hiện cơ chế một cửa") == "inspection"
    assert classify("Thực hiện dịch vụ công trực tuyến và thanh toán trực tuyến") == "online"
    assert classify("Niêm yết công khai thủ tục hành chính") == "publicity"
    task = Task(content="Niêm yết công khai thủ tục hành chính", topic="one_stop")
    assert topic_of(task) == "one_stop"
    content = sample.report("2026-Q1")
    tasks = sample.tasks()
    moved = next(t for t in tasks if t.id == 9)  # a communication task, told under "kiểm tra" by choice
    moved.topic = "inspection"
    from kstthc_desktop.core.periods import parse_period
    from kstthc_desktop.reports.content import build_period_report

    again = build_period_report(sample.office(), sample.plan(), sample.sections(), tasks, sample.progress(),
                                sample.evidence(), parse_period("2026-Q1"))
    assert joined_text(moved.content) in again.sections["topic:inspection"]
    assert joined_text(moved.content) not in again.sections.get("topic:communication", "")
    assert joined_text(moved.content) in content.sections["topic:communication"]


def test_citations_dotted_when_unknown_never_dropped() -> None:
    office = sample.office()
    plan = Plan(year=2026)
    assert narrative.superior_citation(plan, office).startswith(
        "Kế hoạch số …/KH-UBND ngày … tháng … năm … của UBND tỉnh Hải Dương")
    assert narrative.own_citation(plan, office).startswith("Kế hoạch số …/KH-UBND ngày … tháng … năm … của UBND xã Lê Lợi")
    known = Plan(year=2026, source_number="418/QĐ-UBND", source_date=date(2026, 2, 28), source_issuer="UBND tỉnh Hải Dương",
                 source_title="Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026")
    assert narrative.superior_citation(known, office) == (
        "Quyết định số 418/QĐ-UBND ngày 28/02/2026 của UBND tỉnh Hải Dương ban hành Kế hoạch kiểm soát thủ tục "
        "hành chính năm 2026")
    unnumbered = Plan(year=2021, source_number="/QĐ-UBND", source_issuer="UBND tỉnh Hải Dương")  # "Số: /QĐ-UBND" in the file
    assert narrative.superior_citation(unnumbered, office).startswith(
        "Quyết định số …/QĐ-UBND ngày … tháng … năm … của UBND tỉnh Hải Dương")


def test_year_report_looks_at_next_years_plan(tmp_path) -> None:  # noqa: ANN001
    """"Kỳ tới" of a report closing the year: next year's tasks, or the plan not yet received."""
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo

    with OfficeService.open(create_demo(tmp_path / "d.kstthc", today=date(2026, 12, 20))) as svc:
        before = svc.report_content("2026-Y", as_of=date(2026, 12, 20)).sections["next"]
        assert "Kế hoạch kiểm soát thủ tục hành chính năm 2027 của UBND thành phố Hải Phòng chưa nhận được" in before
        assert "Nhiệm vụ II.2.5" not in before  # this year's tasks are not next period's work
        current = svc.current_plan()
        plan_2027, _ = svc.create_plan(Plan(year=2027, title="Kế hoạch kiểm soát thủ tục hành chính năm 2027"))
        svc.add_task(Task(plan_id=plan_2027, number="1", content="Xây dựng, ban hành Kế hoạch năm 2027",
                          deadline_text="Trước ngày 31/01/2027"))
        svc.set_setting("current_plan", current.id)
        after = svc.report_content("2026-Y", as_of=date(2026, 12, 20)).sections["next"]
        assert "chưa nhận được" not in after
        assert "Nhiệm vụ 1 (thời hạn: Trước ngày 31/01/2027): Xây dựng, ban hành Kế hoạch năm 2027;" in after
