"""End to end: the Sở Công Thương plan (seed 000), re-sent as a messy table, in every format.

Expected values are read off the seed by hand: "trước tháng 6 năm 2021" is due on the last day
of May, "trong năm 2021" is the year, "thường xuyên trong năm 2021" is ongoing work due at the
year's end, and the "(Riêng việc … trước ngày 31/5/2021)" line adds a dated occurrence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.model import CommuneRole
from kstthc_desktop.importers import ImportedPlan, ImportedTask, read_plan

from . import fixtures as fx

FORMATS = ["xlsx", "docx", "ods"]
NUMBERS = [str(i) for i in range(1, 9)]

VP_SO = ["Văn phòng sở"]  # "Văn phòng sở." in the seed: the full stop is not part of the unit
CAC_PHONG = ["các phòng, đơn vị có liên quan"]
ONGOING = "thường xuyên trong năm 2021."


@pytest.fixture(scope="module")
def so_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("so_plan")
    sheets = [fx.so_main()]
    return {
        "xlsx": fx.write_xlsx(folder / "ke_hoach_so_cong_thuong.xlsx", sheets),
        "docx": fx.write_docx(folder / "ke_hoach_so_cong_thuong.docx", sheets),
        "ods": fx.write_ods(folder / "ke_hoach_so_cong_thuong.ods", sheets),
    }


@pytest.fixture(scope="module")
def so(so_files: dict[str, Path]) -> dict[str, ImportedPlan]:
    return {kind: read_plan(path) for kind, path in so_files.items()}


def tasks_of(plan: ImportedPlan) -> dict[str, ImportedTask]:
    return {t.number: t for t in plan.sections[0].tasks}


def without_rows(data: dict | list) -> dict | list:
    """to_json() without source rows (a Word table counts rows from its own first row)."""
    if isinstance(data, list):
        return [without_rows(x) for x in data]
    if isinstance(data, dict):
        return {k: without_rows(v) for k, v in data.items() if k != "source_row"}
    return data


@pytest.mark.parametrize("kind", FORMATS)
def test_so_title_year_one_section_eight_tasks(so: dict[str, ImportedPlan], kind: str) -> None:
    plan = so[kind]
    # "UBND TỈNH HẢI DƯƠNG / SỞ CÔNG THƯƠNG", "Số: …", "Hải Dương, ngày …" are not the title.
    assert plan.title == (
        "KẾ HOẠCH Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2021"
    )
    assert "năm 2021" in plan.title
    assert plan.year == 2021
    # "II NỘI DUNG CÔNG VIỆC" typed in the content cell: numeral and title in one cell, no dot.
    assert [(s.number, s.title, s.appendix) for s in plan.sections] == [("II", "NỘI DUNG CÔNG VIỆC", False)]
    assert plan.appendices == []
    assert [t.number for t in plan.sections[0].tasks] == NUMBERS  # "2." and "5." typed with a dot
    # Nothing lost or duplicated: the "-" lines, the continuation row, the repeated header and
    # the "Nơi nhận:" / "GIÁM ĐỐC" block below the table make no task of their own.
    every = list(plan.iter_tasks())
    assert len(every) == 8
    assert all(t.children == [] for t in every)
    assert not any("Nơi nhận" in t.content or "GIÁM ĐỐC" in t.content for t in every)
    assert not any(t.content.startswith(("STT", "(2)", "Nội dung")) for t in every)
    assert plan.warnings == []


@pytest.mark.parametrize("kind", FORMATS)
def test_so_contents_keep_bullet_lines(so: dict[str, ImportedPlan], kind: str) -> None:
    tasks = tasks_of(so[kind])
    for number, (_, lines, *_rest) in zip(NUMBERS, fx.SO_ITEMS, strict=True):
        assert tasks[number].content.split("\n") == lines, number
    one = tasks["1"].content.split("\n")
    assert one == [
        "Hoàn thiện thể chế về kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông",
        "- Tham gia ý kiến đối với dự thảo Quy chế về tổ chức và hoạt động của Bộ phận Một cửa giải quyết "
        "TTHC trên địa bàn tỉnh Hải Dương.",
    ]
    three = tasks["3"].content.split("\n")
    assert len(three) == 7 and all(line.startswith("- ") for line in three[1:])
    assert three[4] == (
        "- Tổ chức rà soát, đánh giá TTHC thuộc các lĩnh vực: lưu thông hàng hóa trong nước, "
        "thương mại quốc tế và điện."
    )
    assert tasks["6"].content == (
        "Kiểm tra, đôn đốc công tác kiểm soát thủ tục hành chính tại các phòng chuyên môn thuộc Sở"
    )


@pytest.mark.parametrize("kind", FORMATS)
def test_so_page_break_continuation_joined(so: dict[str, ImportedPlan], kind: str) -> None:
    seven = tasks_of(so[kind])["7"]
    # Cut mid-sentence after "xử lý phản ánh," and continued (no number) after the repeated
    # header: joined with a space, as one sentence.
    assert seven.content == (
        "Tuyên truyền hỗ trợ công tác cải cách thủ tục hành chính\n"
        "- Tích cực tuyên truyền về cải cách TTHC, kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa "
        "liên thông trong giải quyết TTHC, tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính "
        "tới toàn thể cán bộ, công chức thuộc Sở và các tổ chức, công dân để tạo sự lan tỏa và đồng "
        "thuận trong xã hội."
    )
    assert seven.products == (
        "tin, bài viết trên website, báo; phóng sự truyền hình; tài liệu tuyên truyền tại các cuộc họp giao ban."
    )
    assert seven.deadline_text == ONGOING  # the continuation brings no second deadline
    assert seven.lead == ["Văn phòng sở, Ban biên tập website Sở"]


@pytest.mark.parametrize("kind", FORMATS)
def test_so_units(so: dict[str, ImportedPlan], kind: str) -> None:
    tasks = tasks_of(so[kind])
    expected = {
        "1": (VP_SO, CAC_PHONG),
        "2": (
            ["các phòng được giao nhiệm vụ chủ trì soạn thảo văn bản quy phạm pháp luật có quy định về TTHC"],
            ["Văn phòng UBND tỉnh", "Sở Tư pháp", "Văn phòng sở"],  # one per line, trailing "," dropped
        ),
        "3": (VP_SO, CAC_PHONG),
        "4": (VP_SO, CAC_PHONG),
        "5": (VP_SO, CAC_PHONG),  # lead merged down from task 4
        "6": (VP_SO, ["các phòng chuyên môn thuộc Sở"]),  # lead merged down from task 4
        # Two bodies joined by a comma in one line: units split only on line breaks and ";",
        # so this stays ONE unit (as "Các sở, ban, ngành" must).
        "7": (["Văn phòng sở, Ban biên tập website Sở"], CAC_PHONG),
        "8": (VP_SO, ["các phòng, đơn vị thuộc Sở"]),
    }
    assert {n: (t.lead, t.coordinating) for n, t in tasks.items()} == expected
    # A Sở plan assigns nothing to communes.
    assert all(t.commune_role is CommuneRole.NONE for t in so[kind].iter_tasks())
    assert {t["commune_role"] for t in so[kind].to_json()["sections"][0]["tasks"]} == {"none"}
    assert tasks["1"].products == "văn bản tham gia ý kiến của Sở."
    assert tasks["3"].products == "kế hoạch, văn bản chỉ đạo, đôn đốc của Sở; tờ trình; báo cáo; …"


@pytest.mark.parametrize("kind", FORMATS)
def test_so_deadlines(so: dict[str, ImportedPlan], kind: str) -> None:
    tasks = tasks_of(so[kind])
    one = tasks["1"]
    assert one.deadline_text == "trước tháng 6 năm 2021."  # lowercase, full stop, as in the seed
    assert one.schedule.kinds == ("date",) and one.schedule.due == date(2021, 5, 31)

    two = tasks["2"]
    assert two.deadline_text == "trong năm 2021."
    assert two.schedule.kinds == ("year",)
    assert (two.schedule.start, two.schedule.due) == (date(2021, 1, 1), date(2021, 12, 31))

    three = tasks["3"]
    assert three.deadline_text == (
        "thường xuyên trong năm 2021.\n(Riêng việc rà soát, đơn giản hóa TTHC hoàn thành trước ngày 31/5/2021)."
    )
    assert "ongoing" in three.schedule.kinds and "date" in three.schedule.kinds
    assert {due for _, due in three.schedule.occurrences} == {date(2021, 5, 31), date(2021, 12, 31)}
    assert three.schedule.due == date(2021, 12, 31)

    for number in ("4", "5", "6", "7"):
        task = tasks[number]
        assert task.deadline_text == ONGOING, number
        assert task.schedule.kinds == ("ongoing",), number
        assert task.schedule.due == date(2021, 12, 31), number

    eight = tasks["8"]
    assert eight.deadline_text == "trước ngày 15/9/2021."
    assert eight.schedule.kinds == ("date",) and eight.schedule.due == date(2021, 9, 15)
    assert all(not t.schedule.warnings for t in tasks.values())


def test_so_same_plan_in_every_format(so: dict[str, ImportedPlan]) -> None:
    reference = without_rows(so["xlsx"].to_json())
    for kind in ("docx", "ods"):
        assert without_rows(so[kind].to_json()) == reference, kind
    contents = {kind: [t.content for t in plan.iter_tasks()] for kind, plan in so.items()}
    assert contents["docx"] == contents["ods"] == contents["xlsx"]


def test_so_mapping_and_source_rows(so: dict[str, ImportedPlan]) -> None:
    plan = so["xlsx"]
    mapping = plan.mapping["KH KSTTHC 2021"]
    # Two header rows (6, 7 counted from 0): "Đơn vị thực hiện" over "Chủ trì | Phối hợp".
    assert mapping.header_row == 7
    assert mapping.columns == {
        "number": 0, "content": 1, "lead": 2, "coordinating": 3, "deadline": 4, "products": 5,
    }  # fmt: skip
    tasks = tasks_of(plan)
    # Row 10 is "II NỘI DUNG CÔNG VIỆC"; task 8 comes after the repeated header (3 rows) and
    # task 7's continuation row.
    assert [tasks[n].source_row for n in NUMBERS] == [11, 12, 13, 14, 15, 16, 17, 22]
    assert {t.source_sheet for t in tasks.values()} == {"KH KSTTHC 2021"}
