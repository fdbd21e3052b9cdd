"""Sample office, plan, progress and evidence for the report tests (built here, not loaded).

The appendix rows are the 27 lĩnh vực of the Lê Lợi 2022 plan (seeds/004), moved to 2026.
"""

from __future__ import annotations

from datetime import date

from kstthc_desktop.core.model import (
    Evidence,
    Office,
    Plan,
    ProgressEntry,
    Schedule,
    Section,
    Task,
)

YEAR = 2026

APPENDIX_FIELDS = [
    "Lĩnh vực đường thủy nội địa",
    "Lĩnh vực thi đua khen thưởng",
    "Lĩnh vực quản lý Nhà nước về Tôn giáo",
    "Lĩnh vực Đất đai",
    "Lĩnh vực Môi trường",
    "Lĩnh vực Văn hóa cơ sở",
    "Lĩnh vực Bảo trợ xã hội",
    "Lĩnh vực người có công",
    "Lĩnh vực giáo dục và đào tạo",
    "Lĩnh vực phát triển nông thôn",
    "Lĩnh vực Bảo hiểm",
    "Lĩnh vực Bồi thường nhà nước",
    "Lĩnh vực Chứng thực",
    "Lĩnh vực Dân số - Sức khỏe sinh sản",
    "Lĩnh vực Hộ tịch",
    "Lĩnh vực nuôi, con nuôi",
    "Lĩnh vực phòng chống tệ nạn xã hội",
    "Lĩnh vực phòng, chống tham nhũng",
    "Lĩnh vực phòng, chống thiên tai",
    "Lĩnh vực phổ biến giáo dục pháp luật",
    "Lĩnh vực quản lý công sản",
    "Lĩnh vực Thể dục thể thao",
    "Lĩnh vực tiếp công dân",
    "Lĩnh vực Trồng trọt",
    "Lĩnh vực việc làm",
    "Lĩnh vực xử lý đơn thư",
    "Lĩnh vực trẻ em",
]


def office() -> Office:
    return Office(
        name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI",
        parent_agency="UBND TỈNH HẢI DƯƠNG",
        place_name="Lê Lợi",
        symbol="UBND",
        superior="UBND tỉnh Hải Dương",
        report_recipient="Ủy ban nhân dân tỉnh Hải Dương",
        signatory_authority="TM.",
        signatory_collective="ỦY BAN NHÂN DÂN",
        signatory_title="CHỦ TỊCH",
        signatory_name="Đoàn Duy Việt",
        recipients=[
            "UBND tỉnh (qua Văn phòng UBND tỉnh)",
            "TT Đảng ủy, TT HĐND xã",
            "CT, các PCT UBND xã",
        ],
        drafting_unit="VP",
    )


def plan() -> Plan:
    return Plan(
        id=1,
        year=YEAR,
        title="Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2026",
        number="05/KH-UBND",
        issue_date=date(YEAR, 1, 10),
        basis=[
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính",
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh Hải Dương",
        ],
    )


def one_day(d: date, text: str | None = None) -> Schedule:
    return Schedule(
        text=text or f"Trước ngày {d.day}/{d.month}/{d.year}",
        kinds=("date",),
        due=d,
        occurrences=((date(YEAR, 1, 1), d),),
    )


def sections() -> list[Section]:
    return [
        Section(id=1, plan_id=1, number="I", title="Xây dựng và hoàn thiện thể chế", position=1),
        Section(
            id=2, plan_id=1, number="II", title="Kiểm soát thủ tục hành chính và cơ chế một cửa", position=2
        ),
        Section(
            id=3, plan_id=1, number="III", title="Ứng dụng công nghệ thông tin, truyền thông", position=3
        ),
        Section(
            id=4,
            plan_id=1,
            number="Phụ lục I",
            title="Rà soát, đánh giá đơn giản hóa thủ tục hành chính năm 2026",
            position=4,
            appendix=True,
        ),
    ]


def tasks() -> list[Task]:
    """10 plan tasks with known statuses at the quý I cut-off (14/3/2026), then 27 appendix rows."""
    ongoing = Schedule(
        text="Thường xuyên",
        kinds=("ongoing",),
        start=date(YEAR, 1, 1),
        due=date(YEAR, 12, 31),
        occurrences=((date(YEAR, 1, 1), date(YEAR, 12, 31)),),
    )
    quarterly = Schedule(
        text="Hằng quý (trước ngày 14 tháng cuối quý)",
        kinds=("periodic",),
        due=date(YEAR, 12, 14),
        occurrences=tuple((date(YEAR, m - 2, 1), date(YEAR, m, 14)) for m in (3, 6, 9, 12)),
    )
    on_demand = Schedule(text="Khi có phát sinh", kinds=("on_demand",))
    rows: list[tuple[int, str, str, Schedule | None]] = [
        (
            1,
            "1",
            "Tham gia ý kiến dự thảo văn bản quy phạm pháp luật có quy định thủ tục hành chính",
            one_day(date(YEAR, 2, 28)),
        ),
        (
            1,
            "2",
            "Xây dựng, ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026 của UBND xã",
            one_day(date(YEAR, 1, 31)),
        ),
        (
            1,
            "3",
            "Rà soát, kiện toàn công chức đầu mối kiểm soát thủ tục hành chính",
            one_day(date(YEAR, 3, 10)),
        ),
        (2, "1", "Cập nhật, niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", ongoing),
        (2, "2", "Báo cáo định kỳ tình hình, kết quả kiểm soát thủ tục hành chính", quarterly),
        (2, "3", "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính", on_demand),
        (
            2,
            "4",
            "Đánh giá chất lượng giải quyết thủ tục hành chính theo Quyết định số 766/QĐ-TTg",
            one_day(date(YEAR, 4, 30), "Quý II năm 2026"),
        ),
        (
            3,
            "1",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; thanh toán trực tuyến",
            one_day(date(YEAR, 3, 31), "Tháng 3/2026"),
        ),
        (
            3,
            "2",
            "Tuyên truyền về cải cách thủ tục hành chính trên Đài truyền thanh xã",
            one_day(date(YEAR, 2, 15)),
        ),
        (
            3,
            "3",
            "Theo dõi, tổng hợp thông tin báo chí về giải quyết thủ tục hành chính",
            one_day(date(YEAR, 6, 30), "Trước ngày 30/6/2026"),
        ),
    ]
    out: list[Task] = []
    for i, (sec, num, content, sched) in enumerate(rows, start=1):
        out.append(
            Task(
                id=i,
                plan_id=1,
                section_id=sec,
                position=i,
                number=num,
                content=content,
                lead_units=["Văn phòng - Thống kê"],
                coordinating_units=["Các công chức chuyên môn"],
                deadline_text=sched.text if sched else "",
                schedule=sched,
                products="Báo cáo" if num == "2" else "Văn bản",
            )
        )
    due = date(2022 + 4, 8, 31)
    for j, name in enumerate(APPENDIX_FIELDS, start=1):
        out.append(
            Task(
                id=100 + j,
                plan_id=1,
                section_id=4,
                position=100 + j,
                number=str(j),
                content=name,
                lead_units=["Công chức chuyên môn"],
                deadline_text="Trước ngày 31/8/2026",
                schedule=one_day(due, "Trước ngày 31/8/2026"),
            )
        )
    return out


def progress() -> list[ProgressEntry]:
    """Q1 2026 window: 15/12/2025 → 14/3/2026."""
    return [
        # task 1: done on time (24/2 ≤ 28/2)
        ProgressEntry(id=1, task_id=1, on=date(YEAR, 2, 10), percent=50, note="Đã nghiên cứu dự thảo"),
        ProgressEntry(
            id=2, task_id=1, on=date(YEAR, 2, 24), percent=100, note="Đã gửi ý kiến góp ý", done=True
        ),
        # task 2: done late (5/2 > 31/1)
        ProgressEntry(id=3, task_id=2, on=date(YEAR, 2, 5), percent=100, note="Ban hành Kế hoạch", done=True),
        # task 3: overdue at 14/3 (due 10/3), done only in April → ignored by the Q1 report
        ProgressEntry(id=4, task_id=3, on=date(YEAR, 3, 1), percent=30, note="Đang rà soát danh sách"),
        ProgressEntry(
            id=5, task_id=3, on=date(YEAR, 4, 2), percent=100, note="Quyết định kiện toàn", done=True
        ),
        # task 4: ongoing, in time
        ProgressEntry(
            id=6, task_id=4, on=date(YEAR, 1, 15), percent=25, note="Niêm yết 125 thủ tục hành chính"
        ),
        # task 5: quarterly, first occurrence done on 12/3 → in time overall
        ProgressEntry(
            id=7,
            task_id=5,
            occurrence=0,
            on=date(YEAR, 3, 12),
            percent=25,
            note="Báo cáo quý I gửi UBND tỉnh",
            done=True,
        ),
        # task 8: tuyên truyền done before the window? no: task 9 done 10/2 on time
        ProgressEntry(
            id=8,
            task_id=9,
            on=date(YEAR, 2, 10),
            percent=100,
            note="Phát 4 tin bài trên Đài truyền thanh xã",
            done=True,
        ),
        # appendix: 3 fields reviewed in the window
        ProgressEntry(id=20, task_id=115, on=date(YEAR, 3, 5), percent=100, note="Đã rà soát", done=True),
        ProgressEntry(id=21, task_id=113, on=date(YEAR, 3, 6), percent=100, note="Đã rà soát", done=True),
        ProgressEntry(id=22, task_id=104, on=date(YEAR, 2, 20), percent=100, note="Đã rà soát", done=True),
        # an entry dated before the window: counts for status, its note is not printed
        ProgressEntry(id=30, task_id=7, on=date(2025, 12, 1), percent=10, note="Chuẩn bị từ năm trước"),
    ]


def evidence() -> list[Evidence]:
    return [
        Evidence(id=1, task_id=2, name="KH05-2026.pdf", doc_number="05/KH-UBND", doc_date=date(YEAR, 2, 5)),
        Evidence(id=2, task_id=1, name="gop-y.docx", doc_number="12/UBND-VP", doc_date=date(YEAR, 2, 24)),
        Evidence(id=3, task_id=9, name="anh-tuyen-truyen.jpg", added=date(YEAR, 2, 10)),
        Evidence(
            id=4, task_id=3, name="QD-kien-toan.pdf", doc_number="45/QĐ-UBND", doc_date=date(YEAR, 4, 2)
        ),
        Evidence(
            id=5,
            task_id=5,
            name="BC-quy-I.pdf",
            doc_number="3/BC-UBND",
            doc_date=date(YEAR, 3, 12),
            summary="về kết quả kiểm soát thủ tục hành chính quý I",
        ),
    ]


def statistics_rows() -> list[dict]:
    return [
        {
            "field": "Hộ tịch",
            "c3": 40,
            "c4": 25,
            "c5": 13,
            "c6": 2,
            "c7": 38,
            "c8": 20,
            "c9": 16,
            "c10": 2,
            "c11": 2,
            "c12": 2,
            "c13": 0,
        },
        {
            "field": "Chứng thực",
            "c3": 120,
            "c4": 30,
            "c5": 90,
            "c6": 0,
            "c7": 120,
            "c8": 100,
            "c9": 20,
            "c10": 0,
            "c11": 0,
            "c12": 0,
            "c13": 0,
        },
        {
            "field": "Bảo trợ xã hội",
            "c3": 8,
            "c4": 2,
            "c5": 5,
            "c6": 1,
            "c7": 6,
            "c8": 3,
            "c9": 3,
            "c10": 0,
            "c11": 2,
            "c12": 1,
            "c13": 1,
        },
    ]


def big_tasks(n: int = 500) -> tuple[list[Section], list[Task], list[ProgressEntry]]:
    """A plan of ``n`` tasks over 10 sections with some progress, for the performance tests."""
    secs = [
        Section(
            id=s,
            plan_id=1,
            number=str(s),
            title=f"Nhóm nhiệm vụ số {s} về kiểm soát thủ tục hành chính",
            position=s,
        )
        for s in range(1, 11)
    ]
    tks: list[Task] = []
    prog: list[ProgressEntry] = []
    for i in range(1, n + 1):
        due = date(YEAR, 1 + i % 12, 1 + i % 28)
        tks.append(
            Task(
                id=i,
                plan_id=1,
                section_id=1 + (i - 1) * 10 // n,
                position=i,
                number=str(i),
                content=f"Nhiệm vụ số {i}: rà soát, đánh giá, đơn giản hóa thủ tục hành chính thuộc lĩnh vực "
                f"được giao; cập nhật, công khai trên Cổng Dịch vụ công và tại Bộ phận Một cửa của xã",
                lead_units=["Văn phòng - Thống kê"],
                coordinating_units=["Tư pháp - Hộ tịch"],
                deadline_text=f"Trước ngày {due.day}/{due.month}/{due.year}",
                schedule=one_day(due),
            )
        )
        if i % 3:
            prog.append(
                ProgressEntry(
                    id=i,
                    task_id=i,
                    on=date(YEAR, 1 + i % 3, 5),
                    percent=60,
                    note="Đã triển khai, có báo cáo kết quả gửi Chủ tịch UBND xã",
                    done=i % 2 == 0,
                )
            )
    return secs, tks, prog


def report(period: str = "2026-Q1", **kwargs):  # noqa: ANN003, ANN201 - ReportContent
    """The sample commune's report for ``period``; keyword arguments go to build_period_report."""
    from kstthc_desktop.core.periods import parse_period
    from kstthc_desktop.reports.content import build_period_report

    return build_period_report(office(), plan(), sections(), tasks(), progress(), evidence(),
                               parse_period(period), **kwargs)
