"""End to end: the messy province and commune plans, in every format, read to the same plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import Cancelled
from kstthc_desktop.core.model import CommuneRole
from kstthc_desktop.core.progress import FlagProgress
from kstthc_desktop.importers import ImportedPlan, ImportedTask, read_plan

from . import fixtures as fx

FORMATS = ["xlsx", "docx", "ods", "xls"]


def by_number(tasks: list[ImportedTask]) -> dict[str, ImportedTask]:
    return {t.number: t for t in tasks}


def find(plan: ImportedPlan, number: str) -> ImportedTask:
    matches = [t for t in plan.iter_tasks() if t.number == number and t.source_sheet != "Phụ lục I"]
    assert matches, number
    return matches[0]


def without_rows(data: dict | list) -> dict | list:
    """to_json() without source rows (a Word table counts rows from its own first row)."""
    if isinstance(data, list):
        return [without_rows(x) for x in data]
    if isinstance(data, dict):
        return {k: without_rows(v) for k, v in data.items() if k != "source_row"}
    return data


# --------------------------------------------------------------------------- province (001)


@pytest.fixture(scope="module")
def province(province_files: dict[str, Path]) -> dict[str, ImportedPlan]:
    return {kind: read_plan(path) for kind, path in province_files.items()}


@pytest.mark.parametrize("kind", FORMATS)
def test_province_title_year_sections(province: dict[str, ImportedPlan], kind: str) -> None:
    plan = province[kind]
    assert plan.title.startswith("KẾ HOẠCH Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa")
    assert plan.title.endswith("năm 2021 trên địa bàn tỉnh Hải Dương")
    assert plan.year == 2021
    assert [(s.number, s.title) for s in plan.sections] == [
        ("I", "HOÀN THIỆN THỂ CHẾ VÀ THẨM ĐỊNH THỦ TỤC HÀNH CHÍNH"),  # "I. TITLE" merged across
        ("II", "TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH, KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"),  # numeral | title
        ("III", "TUYÊN TRUYỀN VÀ NGHIÊN CỨU SÁNG KIẾN CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),  # "III TITLE"
    ]
    assert [[t.number for t in s.tasks] for s in plan.sections] == [
        ["1", "2"],
        ["3", "4", "5", "6"],
        ["7", "8", "9", "10"],
    ]


@pytest.mark.parametrize("kind", FORMATS)
def test_province_hierarchy_units_deadlines(province: dict[str, ImportedPlan], kind: str) -> None:
    plan = province[kind]
    one = find(plan, "1")
    assert [c.number for c in one.children] == ["1.1", "1.2"]
    assert one.deadline_text == "" and one.lead == []
    t11 = by_number(one.children)["1.1"]
    assert t11.lead == ["Văn phòng UBND tỉnh"]
    assert t11.coordinating == ["Các cơ quan, đơn vị, địa phương có liên quan"]
    assert t11.schedule.kinds == ("date",) and t11.schedule.due == date(2021, 5, 31)
    assert t11.products == "Quyết định của UBND tỉnh"
    # Units split on line breaks and ";" only; multi-line cell with "-" bullets kept as content.
    two = find(plan, "2")
    assert two.coordinating == ["Văn phòng UBND tỉnh", "Sở Tư pháp"]
    assert two.content.split("\n")[1].startswith("- Lấy ý kiến đánh giá tác động")
    # Commas live inside unit names: one unit.
    t31 = find(plan, "3.1")
    assert len(t31.coordinating) == 1 and t31.coordinating[0].startswith("Các sở, ban, ngành thuộc UBND tỉnh")
    assert t31.commune_role is CommuneRole.COORDINATING
    # Bullet rows without units/deadline are bullet lines of the task above …
    t32 = find(plan, "3.2")
    assert t32.children == []
    assert t32.content.split("\n") == [
        "Nhóm nội dung công việc:",
        "- Tổ chức theo dõi, đôn đốc công bố, công khai thủ tục hành chính;",
        "- Tổ chức tập huấn, bồi dưỡng chuyên môn, nghiệp vụ về kiểm soát thủ tục hành chính;",
    ]
    # … and a unit merged down over several tasks belongs to each of them.
    t33 = find(plan, "3.3")
    assert t33.lead == t32.lead == ["Văn phòng UBND tỉnh và các cơ quan được giao nhiệm vụ chủ trì rà soát"]
    assert [c.number for c in find(plan, "3").children] == ["3.1", "3.2", "3.3"]
    # The tail of task 4 after the repeated header is joined to it (mid-sentence: a space).
    four = find(plan, "4")
    assert four.content == (
        "Nâng cao chất lượng việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính"
    )
    assert four.commune_role is CommuneRole.LEAD  # "UBND cấp huyện, cấp xã" in the lead column
    five = find(plan, "5")
    assert five.lead == [
        "Văn phòng UBND tỉnh",
        "Trung tâm Phục vụ hành chính công, Bộ phận Tiếp nhận và Trả kết quả của UBND cấp huyện, cấp xã",
    ]
    assert five.commune_role is CommuneRole.LEAD
    six = find(plan, "6")
    assert six.schedule.kinds == ("range",)
    assert (six.schedule.start, six.schedule.due) == (date(2021, 4, 1), date(2021, 11, 30))
    assert six.commune_role is CommuneRole.NONE
    seven = find(plan, "7")
    assert [c.number for c in seven.children] == ["a", "b"]
    a = seven.children[0]
    assert a.lead == [
        "Các cơ quan giải quyết hồ sơ thủ tục hành chính",
        "Cổng thông tin điện tử UBND tỉnh",
    ]  # TCVN3
    assert a.commune_role is CommuneRole.COORDINATING
    nine = find(plan, "9")  # typed "9."
    assert nine.schedule.kinds == ("quarter",) and nine.schedule.due == date(2021, 9, 30)
    ten = find(plan, "10")
    assert [(c.number, c.content, c.schedule.due) for c in ten.children] == [
        ("-", "Xây dựng dự thảo báo cáo tổng kết", date(2021, 11, 30))
    ]
    assert ten.children[0].lead == ["Văn phòng UBND tỉnh"]


@pytest.mark.parametrize("kind", FORMATS)
def test_province_appendix(province: dict[str, ImportedPlan], kind: str) -> None:
    plan = province[kind]
    assert len(plan.appendices) == 1
    appendix = plan.appendices[0]
    assert appendix.appendix and appendix.number == "I"
    assert appendix.title == "PHỤ LỤC I: Rà soát, đánh giá thủ tục hành chính năm 2021"
    assert [t.number for t in appendix.tasks] == [str(i) for i in range(1, 17)]
    assert appendix.tasks[0].content.startswith("Sở Công thương Thủ tục hành chính các lĩnh vực")
    dues = [t.schedule.due for t in appendix.tasks]
    assert dues[:5] == [date(2021, 5, 31)] * 5
    assert dues[5:12] == [date(2021, 6, 30)] * 7
    assert dues[12:] == [date(2021, 7, 31)] * 4
    assert all(t.schedule.kinds == ("date",) for t in appendix.tasks)


@pytest.mark.parametrize("kind", FORMATS)
def test_province_warnings_name_sheet_and_row(province: dict[str, ImportedPlan], kind: str) -> None:
    plan = province[kind]
    # The only doubt in this plan is the converted TCVN3 cell (row 31 of the sheet).
    assert len(plan.warnings) == 1, plan.warnings
    warning = plan.warnings[0]
    assert "TCVN3" in warning.message
    if kind == "docx":
        assert (warning.sheet, warning.row) == ("Bảng 1", 25)
    else:
        assert (warning.sheet, warning.row) == ("Kế hoạch", 31)


def test_province_same_plan_in_every_format(province: dict[str, ImportedPlan]) -> None:
    reference = without_rows(province["xlsx"].to_json())
    reference.pop("warnings")
    for kind in ("docx", "ods", "xls"):
        data = without_rows(province[kind].to_json())
        data.pop("warnings")
        assert data == reference, kind


def test_province_source_rows_point_at_the_sheet(province: dict[str, ImportedPlan]) -> None:
    plan = province["xlsx"]
    assert find(plan, "1.1").source_row == 12
    assert find(plan, "4").source_row == 22
    assert find(plan, "1.1").source_sheet == "Kế hoạch"
    assert plan.appendices[0].tasks[0].source_row == 5
    assert plan.mapping["Kế hoạch"].columns == {
        "number": 0, "content": 1, "lead": 2, "coordinating": 3, "deadline": 4, "products": 5,
    }  # fmt: skip
    assert plan.mapping["Kế hoạch"].header_row == 7


def test_explicit_year_wins_and_other_years_warn(province_files: dict[str, Path]) -> None:
    plan = read_plan(province_files["xlsx"], year=2022)
    assert plan.year == 2022
    assert any("2021" in w.message and w.row == 12 for w in plan.warnings)


# --------------------------------------------------------------------------- commune (004)


@pytest.fixture(scope="module")
def commune(commune_files: dict[str, Path]) -> dict[str, ImportedPlan]:
    return {kind: read_plan(path) for kind, path in commune_files.items()}


@pytest.mark.parametrize("kind", FORMATS)
def test_commune_plan(commune: dict[str, ImportedPlan], kind: str) -> None:
    plan = commune[kind]
    assert plan.year == 2022
    assert plan.title == (
        "KẾ HOẠCH Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, "
        "một cửa liên thông của UBND xã năm 2022"
    )
    assert [(s.number, s.title) for s in plan.sections] == [("II", "NỘI DUNG")]
    tasks = by_number(plan.sections[0].tasks)
    assert list(tasks) == ["1", "2", "3", "4"]
    one = tasks["1"]
    # A "-" row with its own deadline is a child task; one without is a bullet line.
    assert [(c.number, c.schedule.kinds) for c in one.children] == [("-", ("on_demand",))]
    assert one.content.endswith(
        "\n- Triển khai Kế hoạch thống kê, rà soát, đơn giản hóa thủ tục hành chính nội bộ"
    )
    two = tasks["2"]
    assert two.content.endswith("\n- Tổ chức thực hiện các nhiệm vụ kiểm soát thủ tục hành chính:")
    assert [c.number for c in two.children] == ["+", "+", "+"]
    assert two.children[1].schedule.due == date(2022, 8, 31)
    assert two.children[2].schedule.kinds == ("months",)
    assert tasks["1"].schedule.kinds == ("ongoing",) and tasks["1"].schedule.due == date(2022, 12, 31)
    assert tasks["3"].lead == ["Công chức Văn phòng – Thống kê", "Công chức Tư pháp – Hộ tịch"]
    assert tasks["4"].lead == ["Công chức Văn hóa – Xã hội"]  # typed in VNI
    assert tasks["4"].coordinating == ["Đài truyền thanh xã"]
    assert tasks["4"].notes == "Hợp đồng chức danh Văn hóa"
    assert all(t.commune_role is CommuneRole.NONE for t in plan.iter_tasks())


@pytest.mark.parametrize("kind", FORMATS)
def test_commune_appendix_27_fields_due_31_august(commune: dict[str, ImportedPlan], kind: str) -> None:
    plan = commune[kind]
    assert len(plan.appendices) == 1
    appendix = plan.appendices[0]
    assert appendix.title == "PHỤ LỤC: Rà soát, đánh giá đơn giản hóa thủ tục hành chính năm 2022"
    assert len(appendix.tasks) == 27
    assert [t.content for t in appendix.tasks] == fx.COMMUNE_FIELDS
    assert {t.schedule.due for t in appendix.tasks} == {date(2022, 8, 31)}
    assert {t.schedule.kinds for t in appendix.tasks} == {("date",)}
    assert [t.number for t in appendix.tasks] == [str(i) for i in range(1, 28)]


def test_commune_warnings(commune: dict[str, ImportedPlan]) -> None:
    warnings = commune["xlsx"].warnings
    assert [(w.sheet, w.row) for w in warnings] == [("KH 2022", 18)]
    assert "VNI" in warnings[0].message


def test_to_json_shape(commune: dict[str, ImportedPlan]) -> None:
    data = commune["xlsx"].to_json()
    assert set(data) == {"title", "year", "sections", "appendices", "warnings", "reference"}
    assert set(data["sections"][0]) == {"number", "title", "tasks"}
    assert set(data["appendices"][0]) == {"title", "tasks"}
    task = data["sections"][0]["tasks"][0]
    assert set(task) == {
        "number", "content", "lead", "coordinating", "deadline_text", "schedule", "products",
        "commune_role", "source_row", "children",
    }  # fmt: skip
    assert task["commune_role"] == "none"
    assert task["schedule"]["kinds"] == ["ongoing"]
    assert set(data["warnings"][0]) == {"sheet", "row", "message"}


# --------------------------------------------------------------------------- progress


def test_progress_reports_and_cancel(commune_files: dict[str, Path]) -> None:
    seen: list[tuple[int, int, str]] = []

    class Recorder:
        cancelled = False

        def report(self, done: int, total: int, message: str = "") -> None:
            seen.append((done, total, message))

    read_plan(commune_files["xlsx"], progress=Recorder())
    assert any("KH 2022" in m for _, _, m in seen)
    progress = FlagProgress()
    progress.cancel()
    with pytest.raises(Cancelled):
        read_plan(commune_files["xlsx"], progress=progress)
