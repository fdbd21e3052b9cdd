from __future__ import annotations

from datetime import date

import pytest

from kstthc_desktop.core.model import Evidence, Level, Office, Status
from kstthc_desktop.core.periods import parse_period
from kstthc_desktop.reports import nd30
from kstthc_desktop.reports.content import (
    Para,
    Table,
    build_period_report,
    build_plan_document,
    evidence_reference,
    next_window,
)

from . import sample


def report(period: str = "2026-Q1", **kw):
    kw.setdefault("number", "5")
    kw.setdefault("on", date(2026, 2, 5))
    return build_period_report(
        sample.office(),
        sample.plan(),
        sample.sections(),
        sample.tasks(),
        sample.progress(),
        sample.evidence(),
        parse_period(period),
        **kw,
    )


def by_id(content, task_id: int):
    return next(r for r in content.task_results if r.task_id == task_id)


def test_status_counts_at_the_cutoff_ignore_later_progress() -> None:
    c = report()
    assert c.cutoff == date(2026, 3, 14)
    assert c.counts == {
        Status.DONE_ON_TIME: 2,
        Status.DONE_LATE: 1,
        Status.IN_TIME: 5,
        Status.OVERDUE: 1,  # task 3: its "done" of 2/4 is after the cut-off
        Status.NO_DEADLINE: 1,
    }
    assert c.total_tasks == 10
    assert by_id(c, 3).status == Status.OVERDUE
    # six months later the April entry counts: done, but late
    h1 = report("2026-H1")
    assert by_id(h1, 3).status == Status.DONE_LATE
    assert by_id(h1, 3).completed_on == date(2026, 4, 2)


def test_started_is_done_plus_in_progress_and_done_in_window() -> None:
    c = report()
    # "đã triển khai" = done (2 on time + 1 late) + in progress (5 in time + 1 overdue); the task
    # without a deadline and without progress is "chưa phát sinh", not started
    assert c.started_tasks == 9
    assert "đã triển khai 9/10 nhiệm vụ (đã hoàn thành 3, đang thực hiện 6)" in c.sections["results_summary"]
    assert c.done_in_window == 3  # 1, 2, 9


def test_percentages_in_summary() -> None:
    text = report().sections["results_summary"]
    assert text.startswith("Kế hoạch có 10 nhiệm vụ của UBND xã; tính đến ngày 14/3/2026, đã triển khai 9/10")
    assert "hoàn thành đúng hạn 2 nhiệm vụ (20%)" in text
    assert "đang thực hiện quá hạn 1 nhiệm vụ (10%)" in text


def test_notes_only_from_the_window_and_evidence_only_up_to_cutoff() -> None:
    c = report()
    assert by_id(c, 1).notes == ["10/02/2026: Đã nghiên cứu dự thảo", "24/02/2026: Đã gửi ý kiến góp ý"]
    assert by_id(c, 3).notes == ["01/3/2026: Đang rà soát danh sách"]
    assert by_id(c, 3).evidence == []  # the April decision is not evidence yet
    assert by_id(c, 7).notes == []  # its only entry predates the window
    assert by_id(c, 2).evidence == ["Kế hoạch số 05/KH-UBND ngày 05/02/2026"]
    assert by_id(c, 2).completed_on == date(2026, 2, 5)


def test_evidence_reference_formatting() -> None:
    ev = Evidence(doc_number="12/KH-UBND", doc_date=date(2026, 5, 10), name="x.pdf")
    assert evidence_reference(ev) == "Kế hoạch số 12/KH-UBND ngày 10/5/2026"
    assert evidence_reference(Evidence(doc_number="45/QĐ-UBND", doc_date=date(2026, 4, 2))) == (
        "Quyết định số 45/QĐ-UBND ngày 02/4/2026"
    )
    assert evidence_reference(Evidence(doc_number="12/UBND-VP", doc_date=date(2026, 2, 24))) == (
        "Công văn số 12/UBND-VP ngày 24/02/2026"
    )
    assert evidence_reference(Evidence(name="anh-tuyen-truyen.jpg")) == "anh-tuyen-truyen.jpg"
    with_summary = Evidence(doc_number="3/BC-UBND", doc_date=date(2026, 3, 12), summary="về kết quả quý I")
    assert evidence_reference(with_summary) == "Báo cáo số 3/BC-UBND ngày 12/3/2026 về kết quả quý I"


def test_header_fields() -> None:
    f = report().frame
    assert f.parent_agency == "UBND TỈNH HẢI DƯƠNG"
    assert f.agency_lines == ["ỦY BAN NHÂN DÂN", "XÃ LÊ LỢI"]
    assert f.number_line == "Số: 05/BC-UBND"
    assert f.place_date == "Lê Lợi, ngày 05 tháng 02 năm 2026"
    assert f.doc_type == "BÁO CÁO"
    assert f.summary.startswith("Kết quả thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế")
    assert f.summary.endswith("trên môi trường điện tử quý I năm 2026")
    assert f.signature_titles == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert f.signer_name == "Đoàn Duy Việt"
    assert f.recipients[-1] == "- Lưu: VT, VP."
    assert f.recipients[0] == "- UBND tỉnh (qua Văn phòng UBND tỉnh);"


def test_blank_number_and_date_give_a_form_to_fill() -> None:
    f = report(number="", on=None).frame
    assert f.number_line == "Số:      /BC-UBND"
    assert f.place_date == "Lê Lợi, ngày      tháng      năm 2026"


def test_data_window_and_kinh_gui_open_the_body() -> None:
    c = report()
    assert c.body[0] == Para("(Số liệu từ ngày 15/12/2025 đến ngày 14/3/2026)", "data_window")
    assert c.body[1].text == "Kính gửi: Ủy ban nhân dân tỉnh Hải Dương."
    headings = [b.text for b in c.body if isinstance(b, Para) and b.style == "heading1"]
    assert headings == [
        "I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]


def test_limits_and_next_period() -> None:
    c = report()
    assert "Nhiệm vụ I.3 (thời hạn: Trước ngày 10/3/2026): Rà soát, kiện toàn công chức đầu mối" in c.sections[
        "limits"]
    nxt = c.sections["next"]
    assert "Nhiệm vụ II.4 (thời hạn: Quý II năm 2026): Đánh giá chất lượng" in nxt  # Quý II, due 30/4
    assert "Nhiệm vụ III.1" in nxt  # due 31/3
    assert "III.3" not in nxt  # due 30/6: after the next window (→ 14/6)
    assert next_window(parse_period("2026-Q1")) == (date(2026, 3, 15), date(2026, 6, 14))
    assert next_window(parse_period("2026-M05")) == (date(2026, 5, 15), date(2026, 6, 14))


def test_overrides_replace_drafts() -> None:
    c = report(overrides={"proposals": "Đề nghị UBND tỉnh tổ chức tập huấn.\nĐề nghị bổ sung kinh phí."})
    assert c.sections["proposals"] == "Đề nghị UBND tỉnh tổ chức tập huấn.\nĐề nghị bổ sung kinh phí."
    assert c.drafts["proposals"] == "UBND xã không có đề xuất, kiến nghị."
    texts = [b.text for b in c.body if isinstance(b, Para) and b.key == "proposals"]
    assert texts == ["Đề nghị UBND tỉnh tổ chức tập huấn.", "Đề nghị bổ sung kinh phí."]


def test_task_table_grouped_by_section_and_appendix_results() -> None:
    c = report()
    (status_table,) = [b for b in c.body if isinstance(b, Table)]
    results, _form = c.appendices
    assert results.label == "Phụ lục I"
    task_table, appendix_table = [b for b in results.blocks if isinstance(b, Table)]
    assert status_table.rows[-1][1:3] == ["Tổng số", "10"]
    assert [task_table.rows[i][1] for i in task_table.group_rows] == [
        "Xây dựng và hoàn thiện thể chế",
        "Kiểm soát thủ tục hành chính và cơ chế một cửa",
        "Ứng dụng công nghệ thông tin, truyền thông",
    ]
    assert len(task_table.rows) == 13
    assert len(appendix_table.rows) == 27
    assert "đã hoàn thành 3/27 nội dung" in c.sections["review"]


def test_statistics_appendix_and_rate() -> None:
    c = report(statistics_rows=sample.statistics_rows())
    assert c.on_time_rate == pytest.approx(162 / 164)
    assert "tỷ lệ giải quyết trước hạn và đúng hạn đạt 98,8%" in c.sections["statistics"]
    assert c.statistics_problems == []
    ap = c.appendices[-1]
    assert ap.landscape and ap.label == "Biểu số 06a/VPCP/KSTT"
    table = ap.blocks[0]
    assert isinstance(table, Table) and table.header_rows == 4 and len(table.widths) == 13
    blank = report().appendices[-1]  # no figures: a blank form to fill by hand, never a placeholder
    assert blank.label == "Biểu số 06a/VPCP/KSTT" and blank.blocks[0].rows[0][1] == "Tổng số"
    assert all(cell == "" for row in blank.blocks[0].rows for cell in row[2:])


def test_broken_statistics_are_reported_not_printed_silently() -> None:
    rows = sample.statistics_rows()
    rows[0]["c3"] = 41
    assert report(statistics_rows=rows).statistics_problems


def test_signature_variants() -> None:
    kt = Office(signatory_authority="KT.", signatory_title="CHỦ TỊCH", signatory_deputy_title="PHÓ CHỦ TỊCH")
    assert nd30.signature_titles(kt) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    so = Office(
        level=Level.DEPARTMENT,
        signatory_authority="KT.",
        signatory_collective="SỞ TƯ PHÁP",
        signatory_title="GIÁM ĐỐC",
        signatory_deputy_title="PHÓ GIÁM ĐỐC",
    )
    assert nd30.signature_titles(so) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    so_head = Office(level=Level.DEPARTMENT, signatory_authority="", signatory_title="GIÁM ĐỐC")
    assert nd30.signature_titles(so_head) == ["GIÁM ĐỐC"]


def test_recipients_normalised() -> None:
    office = sample.office()
    lines = nd30.recipients_lines(["Như trên", "- Lưu: VT, VP"], office)
    assert lines == ["- Như trên;", "- Lưu: VT, VP."]


def test_plan_document() -> None:
    doc = build_plan_document(sample.office(), sample.plan(), sample.sections(), sample.tasks())
    assert doc.frame.doc_type == "KẾ HOẠCH"
    assert doc.frame.number_line == "Số: 05/KH-UBND"
    assert doc.frame.place_date == "Lê Lợi, ngày 10 tháng 01 năm 2026"
    assert doc.frame.summary == (
        "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2026"
    )
    basis = [b.text for b in doc.body if isinstance(b, Para) and b.style == "basis"]
    assert basis[0].endswith(";") and basis[-1].endswith(".")
    headings = [b.text for b in doc.body if isinstance(b, Para) and b.style == "heading1"]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]
    # the plan's own appendix keeps its numeral "Phụ lục I" (tasks say "chi tiết tại Phụ lục I");
    # the task table takes the next free one, and the body points at the right labels
    review, main = doc.appendices
    assert main.landscape and main.label == "Phụ lục II"
    body = "\n".join(b.text for b in doc.body if isinstance(b, Para))
    assert "được nêu tại Phụ lục II kèm theo" in body
    assert "Rà soát, đánh giá đơn giản hóa thủ tục hành chính năm 2026: chi tiết tại Phụ lục I kèm theo" in body
    table = main.blocks[0]
    assert isinstance(table, Table)
    assert table.header[0] == [
        "STT",
        "Nội dung công việc",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
        "Sản phẩm",
    ]
    # deadlines printed exactly as written
    assert "Hằng quý (trước ngày 14 tháng cuối quý)" in [r[4] for r in table.rows]
    assert review.label == "Phụ lục I" and len(review.blocks[0].rows) == 27


def test_intro_cites_the_plan() -> None:
    assert (
        report()
        .sections["intro"]
        .split("\n")[1]
        .startswith(
            "Thực hiện Kế hoạch số 05/KH-UBND ngày 10/01/2026 của UBND xã Lê Lợi về kiểm soát thủ tục hành chính"
        )
    )


def test_parent_tasks_are_rows_without_status() -> None:
    from kstthc_desktop.core.model import Task

    tasks = sample.tasks()
    tasks.append(Task(id=50, plan_id=1, section_id=2, position=50, number="5", content="Nhiệm vụ có mục con"))
    tasks.append(
        Task(
            id=51,
            plan_id=1,
            section_id=2,
            parent_id=50,
            position=51,
            number="5.1",
            content="Mục con",
            schedule=sample.one_day(date(2026, 3, 1)),
        )
    )
    c = build_period_report(
        sample.office(),
        sample.plan(),
        sample.sections(),
        tasks,
        sample.progress(),
        sample.evidence(),
        parse_period("2026-Q1"),
    )
    parent = by_id(c, 50)
    assert parent.status is None and parent.status_label == ""
    assert by_id(c, 51).status == Status.OVERDUE
    assert c.total_tasks == 11 and c.counts[Status.OVERDUE] == 2


def test_tasks_are_listed_in_document_order_parent_then_children() -> None:
    """Positions restart in each sibling group: 1, 1.1, 1.2, 2, 2.1 — never 1, 2, 1.1, 2.1."""
    from datetime import date as _date

    from kstthc_desktop.core.model import Office, Plan, Section, Task
    from kstthc_desktop.core.periods import parse_period
    from kstthc_desktop.reports.content import build_period_report

    sec = Section(id=1, plan_id=1, number="II", title="NỘI DUNG", position=0)
    tasks = [
        Task(id=1, plan_id=1, section_id=1, position=0, number="1", content="Một"),
        Task(id=2, plan_id=1, section_id=1, position=1, number="2", content="Hai"),
        Task(id=3, plan_id=1, section_id=1, parent_id=1, position=0, number="1.1", content="Một một"),
        Task(id=4, plan_id=1, section_id=1, parent_id=2, position=0, number="2.1", content="Hai một"),
        Task(id=5, plan_id=1, section_id=1, parent_id=1, position=1, number="1.2", content="Một hai"),
    ]
    content = build_period_report(Office(name="ỦY BAN NHÂN DÂN\nXÃ A", place_name="A"),
                                  Plan(id=1, year=2026, title="KH"), [sec], tasks, [], [],
                                  parse_period("2026-Q3"), on=_date(2026, 9, 15))
    assert [r.number for r in content.task_results] == ["1", "1.1", "1.2", "2", "2.1"]


def test_status_table_shares_count_every_task_including_those_without_a_deadline() -> None:
    """10 tasks, 1 without a deadline: each row's share is out of 10, and the shares add up."""
    c = report()
    status_table = next(b for b in c.body if isinstance(b, Table))
    shares = {row[1]: row[3] for row in status_table.rows[:-1]}
    assert shares == {"Hoàn thành đúng hạn": "20%", "Hoàn thành quá hạn": "10%", "Đang thực hiện trong hạn": "50%",
                      "Đang thực hiện quá hạn": "10%", "Chưa phát sinh / không xác định hạn": "10%"}
    assert status_table.rows[-1][1:] == ["Tổng số", "10", "100%"]
