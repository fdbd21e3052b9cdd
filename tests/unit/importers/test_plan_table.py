"""Table recognition on hand-made grids: headers, numbering, sections, continuations, roles."""

from __future__ import annotations

from datetime import date

import pytest

from kstthc_desktop.core.errors import ImportFailed
from kstthc_desktop.core.model import CommuneRole
from kstthc_desktop.importers import ColumnMapping, Grid, build_plan, detect_mapping
from kstthc_desktop.importers.plan_table import commune_role, header_role, mentions_commune, split_units

HEADER = [
    "STT",
    "Nội dung công việc",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
]
TITLE = ["KẾ HOẠCH kiểm soát thủ tục hành chính năm 2024"]


def grid(
    rows: list[list[str]], name: str = "Sheet1", spans: list[tuple[int, int, int, int]] | None = None
) -> Grid:
    width = max(len(r) for r in rows)
    return Grid(name=name, rows=[r + [""] * (width - len(r)) for r in rows], spans=spans or [])


def plan_of(*rows: list[str], **kwargs):
    return build_plan([grid([TITLE, HEADER, *rows])], source_file="ke_hoach.xlsx", **kwargs)


def numbers(tasks) -> list:
    return [(t.number, numbers(t.children)) if t.children else t.number for t in tasks]


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (HEADER, {"number": 0, "content": 1, "lead": 2, "coordinating": 3, "deadline": 4, "products": 5}),
        (
            [
                "TT",
                "Nhiệm vụ",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thời hạn hoàn thành",
                "Dự kiến sản phẩm",
                "Ghi chú",
            ],
            {
                "number": 0,
                "content": 1,
                "lead": 2,
                "coordinating": 3,
                "deadline": 4,
                "products": 5,
                "notes": 6,
            },
        ),
        (
            [
                "Số\nTT",
                "Tên nhiệm vụ",
                "Chủ trì",
                "Phối hợp",
                "Thời gian thực hiện",
                "Sản phẩm dự kiến hoàn thành",
            ],
            {"number": 0, "content": 1, "lead": 2, "coordinating": 3, "deadline": 4, "products": 5},
        ),
        (["Stt", "Ngành/Lĩnh vực", "Thời gian hoàn thành"], {"number": 0, "field": 1, "deadline": 2}),
        (["Số TT", "Lĩnh vực", "Thời hạn"], {"number": 0, "field": 1, "deadline": 2}),
        (
            ["STT", "NOI DUNG CONG VIEC", "DON VI CHU TRI", "THOI GIAN"],
            {"number": 0, "content": 1, "lead": 2, "deadline": 3},
        ),
        (["Nội dung", "Thời gian"], {"content": 0, "deadline": 1}),
    ],
)
def test_header_variants(header: list[str], expected: dict[str, int]) -> None:
    found = detect_mapping(grid([["Tiêu đề"], header, ["1", "x"]]))
    assert found is not None
    row, mapping = found
    assert row == 1
    assert mapping.columns == expected


def test_header_roles_are_accent_and_case_insensitive() -> None:
    assert header_role("THỜI HẠN HOÀN THÀNH") == "deadline"
    assert header_role("thoi han hoan thanh") == "deadline"
    assert header_role("Cơ quan/đơn vị") == "field"
    assert header_role("Văn phòng UBND tỉnh") is None
    assert header_role("Nội dung " * 20) is None  # prose is not a header


def test_header_found_anywhere_in_first_30_rows() -> None:
    rows = [[f"Dòng tiêu đề {i}"] for i in range(25)] + [
        HEADER,
        ["1", "Việc một", "Văn phòng", "", "Quý I", ""],
    ]
    found = detect_mapping(grid(rows))
    assert found is not None and found[0] == 25
    rows = [[f"Dòng {i}"] for i in range(31)] + [HEADER]
    assert detect_mapping(grid(rows)) is None


def test_two_row_header_with_merged_group() -> None:
    rows = [
        ["STT", "Nội dung", "Đơn vị thực hiện", "Đơn vị thực hiện", "Thời gian", "Sản phẩm"],
        ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["1", "Việc một", "Văn phòng", "Tư pháp", "Quý II năm 2024", "Báo cáo"],
    ]
    spans = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4), (0, 5, 1, 5)]
    found = detect_mapping(grid(rows, spans=spans))
    assert found is not None
    assert found[0] == 1
    assert found[1].columns == {
        "number": 0,
        "content": 1,
        "lead": 2,
        "coordinating": 3,
        "deadline": 4,
        "products": 5,
    }
    plan = build_plan([grid(rows, spans=spans)], year=2024)
    task = plan.sections[0].tasks[0]
    assert (task.number, task.lead, task.coordinating) == ("1", ["Văn phòng"], ["Tư pháp"])
    assert task.schedule.due == date(2024, 6, 30)


def test_column_number_rows_skipped() -> None:
    plan = plan_of(["1", "2", "3", "4", "5", "6"], ["1", "Việc một", "Văn phòng", "", "Quý I", ""])
    assert numbers(plan.sections[0].tasks) == ["1"]


# --------------------------------------------------------------------------- numbering


def test_numbering_hierarchy() -> None:
    plan = plan_of(
        ["1", "Nhóm một"],
        ["1.1", "Việc 1.1", "Văn phòng", "", "Quý I"],
        ["1.1.1", "Việc 1.1.1", "Văn phòng", "", "Quý I"],
        ["1.2.", "Việc 1.2", "Văn phòng", "", "Quý II"],
        ["a)", "Việc a", "Văn phòng", "", "Quý II"],
        ["b", "Việc b", "Văn phòng", "", "Quý II"],
        ["2", "Nhóm hai", "Tư pháp", "", "Quý III"],
        ["-", "Bước có hạn riêng", "Tư pháp", "", "Tháng 8"],
        ["+", "Bước con", "", "", "Tháng 9"],
        ["-", "Dòng gạch đầu dòng không có đơn vị"],
        ["3.", "Việc ba", "Văn phòng", "", "Quý IV"],
    )
    tasks = plan.sections[0].tasks
    assert numbers(tasks) == [
        ("1", [("1.1", ["1.1.1"]), ("1.2", ["a", "b"])]),
        ("2", [("-", ["+"])]),
        "3",
    ]
    assert tasks[1].content == "Nhóm hai\n- Dòng gạch đầu dòng không có đơn vị"
    assert tasks[1].children[0].children[0].schedule.due == date(2024, 9, 30)


def test_number_typed_in_the_content_column() -> None:
    plan = plan_of(
        ["", "1. Việc một", "Văn phòng", "", "Quý I"],
        ["", "1.1. Việc con", "Văn phòng", "", "Quý I"],
        ["", "2) Việc hai", "Văn phòng", "", "Quý II"],
    )
    tasks = plan.sections[0].tasks
    assert numbers(tasks) == [("1", ["1.1"]), "2"]
    assert tasks[0].content == "Việc một"
    assert tasks[0].children[0].content == "Việc con"


def test_sections_from_roman_numerals() -> None:
    plan = plan_of(
        [
            "I. MỤC TIÊU CHUNG",
            "I. MỤC TIÊU CHUNG",
            "I. MỤC TIÊU CHUNG",
            "I. MỤC TIÊU CHUNG",
            "I. MỤC TIÊU CHUNG",
            "I. MỤC TIÊU CHUNG",
        ],
        ["1", "Việc một", "Văn phòng", "", "Quý I"],
        ["II", "NHIỆM VỤ CÓ HẠN RIÊNG", "Văn phòng", "", "Tháng 6"],
        ["1", "Việc hai", "Văn phòng", "", "Quý II"],
        ["", "III. KINH PHÍ"],
        ["1", "Việc ba", "Văn phòng", "", "Quý III"],
        ["IV TỔ CHỨC THỰC HIỆN"],
        ["1", "Việc bốn", "Văn phòng", "", "Quý IV"],
    )
    assert [(s.number, s.title) for s in plan.sections] == [
        ("I", "MỤC TIÊU CHUNG"),
        ("II", "NHIỆM VỤ CÓ HẠN RIÊNG"),
        ("III", "KINH PHÍ"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
    ]
    # A section row that carries its own unit/deadline is also a task of that section.
    second = plan.sections[1]
    assert [(t.number, t.content) for t in second.tasks] == [
        ("II", "NHIỆM VỤ CÓ HẠN RIÊNG"),
        ("1", "Việc hai"),
    ]
    assert second.tasks[0].schedule.due == date(2024, 6, 30)


def test_section_row_merged_across_is_one_section() -> None:
    rows = [TITLE, HEADER, ["II. NỘI DUNG"] * 6, ["1", "Việc một", "Văn phòng", "", "Quý I"]]
    plan = build_plan([grid(rows, spans=[(2, 0, 2, 5)])])
    assert [(s.number, s.title) for s in plan.sections] == [("II", "NỘI DUNG")]


# --------------------------------------------------------------------------- continuation


def test_continuation_rows_joined() -> None:
    plan = plan_of(
        ["1", "Nâng cao chất lượng việc thực hiện cơ chế một cửa, một cửa liên", "Văn phòng", "", "Quý I"],
        ["", "thông trong giải quyết thủ tục hành chính.", "", "", "", "báo cáo"],
        ["", "Tổ chức đánh giá việc giải quyết thủ tục hành chính"],
        ["", "", "Tư pháp"],
    )
    task = plan.sections[0].tasks[0]
    # Mid-sentence split: a space; after a full stop: a new line.
    assert task.content == (
        "Nâng cao chất lượng việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.\n"
        "Tổ chức đánh giá việc giải quyết thủ tục hành chính"
    )
    assert task.products == "báo cáo"
    # A unit alone on the next row is appended, but the task already had one: say so.
    assert task.lead == ["Văn phòng", "Tư pháp"]
    assert [(w.sheet, w.row) for w in plan.warnings] == [("Sheet1", 6)]


def test_ambiguous_unnumbered_row_becomes_task_with_warning() -> None:
    plan = plan_of(
        ["1", "Việc một", "Văn phòng", "", "Quý I"],
        ["", "Việc không số", "Tư pháp", "", "Quý II"],
    )
    assert [t.content for t in plan.sections[0].tasks] == ["Việc một", "Việc không số"]
    assert [(w.sheet, w.row) for w in plan.warnings] == [("Sheet1", 4)]
    assert "không có số thứ tự" in plan.warnings[0].message


def test_second_deadline_on_continuation_row_warns() -> None:
    plan = plan_of(
        ["1", "Việc một", "Văn phòng", "", "Thường xuyên"],
        ["", "", "", "", "(Riêng rà soát trước ngày 31/5)"],
    )
    task = plan.sections[0].tasks[0]
    assert task.deadline_text == "Thường xuyên\n(Riêng rà soát trước ngày 31/5)"
    assert [(w.sheet, w.row) for w in plan.warnings] == [("Sheet1", 4)]


def test_doubts_become_warnings_with_rows() -> None:
    plan = plan_of(
        ["1", "Việc một", "Văn phòng", "", "Quý I"],
        ["3", "Việc ba", "Văn phòng", "", "Quý I"],
        ["3", "Việc ba lặp", "Văn phòng", "", "Quý I"],
        ["Bước 4", "Việc lạ", "Văn phòng", "", "Quý I"],
        ["5", "Việc không hạn", "Văn phòng"],
        ["6", "Việc hạn khó hiểu", "Văn phòng", "", "khi nào xong thì thôi"],
    )
    rows = {(w.row, w.message.split(" ")[0]) for w in plan.warnings}
    messages = " | ".join(w.message for w in plan.warnings)
    assert "nhảy từ 1 sang 3" in messages
    assert "bị trùng" in messages
    assert "Số thứ tự lạ 'Bước 4'" in messages
    assert "chưa có thời hạn" in messages
    assert "khi nào xong thì thôi" in messages
    assert {r for r, _ in rows} >= {4, 6, 7, 8}
    assert all(w.sheet == "Sheet1" for w in plan.warnings)


def test_table_ends_at_notes_and_signature() -> None:
    plan = plan_of(
        ["1", "Việc một", "Văn phòng", "", "Quý I"],
        ["Nơi nhận:", "", "", "TM. ỦY BAN NHÂN DÂN"],
        ["- Như trên;", "", "", "CHỦ TỊCH"],
    )
    assert numbers(plan.sections[0].tasks) == ["1"]


# --------------------------------------------------------------------------- appendix, year, title


def test_appendix_below_the_main_table_on_the_same_sheet() -> None:
    plan = plan_of(
        ["1", "Việc một", "Văn phòng", "", "Quý I"],
        [""],
        ["PHỤ LỤC II"],
        ["Kiểm tra công tác kiểm soát thủ tục hành chính"],
        ["Stt", "Cơ quan/đơn vị", "Ghi chú"],
        ["I", "KHỐI CÁC SỞ, BAN, NGÀNH"],
        ["1", "Sở Công Thương"],
        ["2", "Sở Giao thông vận tải"],
        ["II", "KHỐI CẤP HUYỆN"],
        ["1", "UBND thành phố Chí Linh", "Kiểm tra các phòng chuyên môn"],
    )
    assert numbers(plan.sections[0].tasks) == ["1"]
    (appendix,) = plan.appendices
    assert appendix.title == "PHỤ LỤC II: Kiểm tra công tác kiểm soát thủ tục hành chính"
    assert numbers(appendix.tasks) == [("I", ["1", "2"]), ("II", ["1"])]
    assert appendix.tasks[1].children[0].notes == "Kiểm tra các phòng chuyên môn"


def test_appendix_sheet_by_name() -> None:
    rows = [
        ["Rà soát năm 2024"],
        ["TT", "Nội dung", "Thời hạn"],
        ["1", "Lĩnh vực Hộ tịch", "Trước ngày 31/8"],
    ]
    plan = build_plan([grid([TITLE, HEADER, ["1", "Việc", "VP", "", "Quý I"]]), grid(rows, name="PL 1")])
    assert plan.appendices[0].title == "PL 1: Rà soát năm 2024"
    assert plan.appendices[0].tasks[0].schedule.due == date(2024, 8, 31)


def test_year_from_deadlines_when_title_has_none() -> None:
    rows = [
        ["KẾ HOẠCH"],
        HEADER,
        ["1", "Việc", "VP", "", "Trước ngày 31/5/2023"],
        ["2", "Việc", "VP", "", "Quý II năm 2023"],
    ]
    plan = build_plan([grid(rows)])
    assert plan.year == 2023
    assert plan.warnings[0].row is None and "2023" in plan.warnings[0].message


def test_no_year_anywhere_warns() -> None:
    plan = build_plan([grid([HEADER, ["1", "Việc", "VP", "", "Thường xuyên"]])])
    assert plan.year is None
    assert any("năm của kế hoạch" in w.message for w in plan.warnings)


def test_title_from_several_lines() -> None:
    rows = [
        ["UBND TỈNH HẢI DƯƠNG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["KẾ HOẠCH"],
        ["Kiểm soát thủ tục hành chính năm 2021"],
        ["(Kèm theo Quyết định số 381/QĐ-UBND)"],
        HEADER,
        ["1", "Việc", "VP", "", "Quý I"],
    ]
    plan = build_plan([grid(rows)])
    assert plan.title == "KẾ HOẠCH Kiểm soát thủ tục hành chính năm 2021"
    assert plan.year == 2021


# --------------------------------------------------------------------------- mapping override


def test_no_table_raises_with_hint() -> None:
    with pytest.raises(ImportFailed) as info:
        build_plan([grid([["Cột A", "Cột B"], ["x", "y"]])], source_file="/tmp/ke_hoach.xlsx")
    assert "'ke_hoach.xlsx'" in info.value.message
    assert "chọn cột bằng tay" in info.value.hint


def test_user_mapping_overrides_detection() -> None:
    rows = [
        ["Cột A", "Cột B", "Cột C"],
        ["1", "Việc một", "Quý I năm 2024"],
        ["2", "Việc hai", "Quý II năm 2024"],
    ]
    mapping = ColumnMapping(columns={"number": 0, "content": 1, "deadline": 2}, header_row=0)
    plan = build_plan([grid(rows)], mapping=mapping)
    assert [(t.number, t.schedule.due) for t in plan.sections[0].tasks] == [
        ("1", date(2024, 3, 31)),
        ("2", date(2024, 6, 30)),
    ]
    assert plan.mapping["Sheet1"] is mapping
    # Remembered as a dict, rebuilt, and given per sheet.
    remembered = ColumnMapping.from_dict(mapping.to_dict())
    again = build_plan([grid(rows)], mapping={"Sheet1": remembered})
    assert again.to_json() == plan.to_json()
    # A mapping that swaps columns wins over a header that would be detected.
    swapped = ColumnMapping(columns={"number": 0, "content": 2, "deadline": 4}, header_row=1)
    plan = plan_of(["1", "Việc", "Văn phòng", "", "Quý I"], mapping=swapped)
    assert plan.sections[0].tasks[0].content == "Văn phòng"


def test_user_mapping_without_content_refused() -> None:
    with pytest.raises(ImportFailed):
        plan_of(["1", "Việc"], mapping=ColumnMapping(columns={"number": 0}, header_row=1))


def test_hidden_sheet_skipped_with_warning() -> None:
    hidden = grid([HEADER, ["1", "Việc ẩn", "VP", "", "Quý I"]], name="Ẩn")
    hidden.hidden = True
    plan = build_plan([grid([TITLE, HEADER, ["1", "Việc", "VP", "", "Quý I"]]), hidden])
    assert [t.content for t in plan.iter_tasks()] == ["Việc"]
    assert [(w.sheet, w.row) for w in plan.warnings] == [("Ẩn", None)]


# --------------------------------------------------------------------------- units and roles


def test_split_units() -> None:
    assert split_units("Các sở, ban, ngành") == ["Các sở, ban, ngành"]
    assert split_units("Văn phòng UBND tỉnh;\nSở Tư pháp.") == ["Văn phòng UBND tỉnh", "Sở Tư pháp"]
    assert split_units("- Văn phòng\n- Tư pháp;\n- Văn phòng") == ["Văn phòng", "Tư pháp"]
    assert split_units("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND cấp xã", True),
        ("UBND các xã", True),
        ("UBND xã", True),
        ("Ủy ban nhân dân cấp xã", True),
        ("các xã, phường, thị trấn", True),
        ("UBND các xã, phường, thị trấn (sau đây gọi tắt là UBND cấp xã)", True),
        ("UBND cấp huyện, cấp xã", True),
        ("Bộ phận một cửa cấp xã", True),
        ("Văn phòng UBND tỉnh", False),
        ("UBND các huyện, thị xã, thành phố", False),
        ("Sở Lao động, Thương binh và Xã hội", False),
        ("Đài truyền thanh xã", False),
        ("UBND cấp huyện", False),
    ],
)
def test_mentions_commune(text: str, expected: bool) -> None:
    assert mentions_commune([text]) is expected


def test_commune_role_lead_first() -> None:
    assert commune_role(["UBND cấp xã"], ["UBND cấp xã"]) is CommuneRole.LEAD
    assert commune_role(["Văn phòng"], ["UBND cấp huyện, cấp xã"]) is CommuneRole.COORDINATING
    assert commune_role(["Văn phòng"], []) is CommuneRole.NONE


@pytest.mark.parametrize("mark", [";", ":"])
def test_a_continuation_after_a_semicolon_or_colon_starts_a_new_line(mark: str) -> None:
    """"Rà soát các thủ tục sau:" / "thủ tục cấp xã" is a list, not one run-on sentence."""
    plan = plan_of(
        ["1", f"Rà soát, đánh giá các thủ tục hành chính sau{mark}", "Văn phòng", "", "Quý I"],
        ["", "thủ tục lĩnh vực hộ tịch"],
    )
    assert plan.sections[0].tasks[0].content == (
        f"Rà soát, đánh giá các thủ tục hành chính sau{mark}\nthủ tục lĩnh vực hộ tịch")
