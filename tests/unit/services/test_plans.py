"""Several plans per office file: a revised plan goes into the plan it revises (nothing carrying
progress or evidence is lost), a new plan goes beside the others, and the window can switch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import KstthcError
from kstthc_desktop.core.model import Office, ProgressEntry, qualified_number
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.importing import NEW_PLAN


def _workbook(path: Path, rows: list[list[str]], title: str = "KẾ HOẠCH kiểm soát thủ tục hành chính năm 2026") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "KH"
    ws.append(["UBND TỈNH HẢI DƯƠNG"])
    ws.append([title])
    ws.append([])
    ws.append(["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


ROWS = [
    ["I", "HOÀN THIỆN THỂ CHẾ"],
    ["1", "Tham mưu ban hành Quy chế Bộ phận Một cửa", "Văn phòng UBND tỉnh", "Các sở", "Quý II năm 2026"],
    ["2", "Niêm yết công khai TTHC tại Bộ phận Một cửa cấp xã", "UBND cấp xã", "", "Thường xuyên năm 2026"],
    ["II", "KIỂM TRA"],
    ["1", "Kiểm tra công tác KSTTHC", "Văn phòng UBND tỉnh", "UBND các xã", "Từ tháng 4 đến tháng 11 năm 2026"],
    ["2", "Tổng kết công tác KSTTHC", "Văn phòng UBND tỉnh", "", "Tháng 12 năm 2026"],
]


@pytest.fixture
def svc(tmp_path: Path):
    s = OfficeService.open(tmp_path / "van-phong.kstthc", create=True)
    s.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
    yield s
    s.close()


def test_qualified_numbers_name_one_task() -> None:
    assert qualified_number("II", "3.2") == "II.3.2"
    assert qualified_number("Phụ lục", "3", appendix=True) == "PL.3"
    assert qualified_number("Phụ lục", "3") == "3"  # a long section name is not glued to the number
    assert qualified_number("II", "-") == ""


def test_revision_from_a_file_with_another_name_updates_the_plan_in_place(svc: OfficeService, tmp_path: Path) -> None:
    first = svc.apply_import(svc.preview_import(_workbook(tmp_path / "ke-hoach-2026.xlsx", ROWS)))
    plan = svc.plan(first.plan_id)
    tasks = {t.content: t for t in svc.tasks(plan.id)}
    gone = tasks["Tổng kết công tác KSTTHC"]
    svc.add_progress(ProgressEntry(task_id=gone.id, on=date(2026, 5, 4), percent=30, note="Đã dự thảo"))
    dropped = tasks["Kiểm tra công tác KSTTHC"]  # no progress, no evidence

    revised_rows = [r for r in ROWS if r[1] not in ("Tổng kết công tác KSTTHC", "Kiểm tra công tác KSTTHC")]
    revised_rows[2] = ["2", "Niêm yết công khai TTHC tại Bộ phận Một cửa cấp xã", "UBND cấp xã", "",
                       "Trước ngày 30/6/2026"]
    imported = svc.preview_import(_workbook(tmp_path / "KH sua doi (ban moi).xlsx", revised_rows))
    guess = svc.guess_import_target(imported)
    assert guess.plan is not None and guess.plan.id == plan.id and guess.reason == "title"
    assert guess.year == 2026 and "năm 2026" in guess.title

    diff = svc.diff_import(imported, into=plan.id)
    assert diff.changed == ["I.2 Niêm yết công khai TTHC tại Bộ phận Một cửa cấp xã"]
    assert diff.removed == ["II.1 Kiểm tra công tác KSTTHC"]
    assert diff.kept == ["II.2 Tổng kết công tác KSTTHC"]
    result = svc.apply_import(imported, into=plan.id)
    assert (result.plan_id, result.changed, result.removed, result.kept) == (plan.id, 1, 1, 1)
    assert len(svc.plans()) == 1 and svc.plan(plan.id).revision == 1
    left = {t.content for t in svc.tasks(plan.id)}
    assert "Tổng kết công tác KSTTHC" in left and dropped.content not in left
    assert svc.progress(gone.id)[0].note == "Đã dự thảo"  # the progress is still there


def test_a_new_plan_goes_beside_and_the_old_one_stays_whole(svc: OfficeService, tmp_path: Path) -> None:
    first = svc.apply_import(svc.preview_import(_workbook(tmp_path / "a.xlsx", ROWS)))
    old = svc.plan(first.plan_id)
    task = svc.tasks(old.id)[0]
    svc.add_progress(ProgressEntry(task_id=task.id, on=date(2026, 3, 2), percent=50, note="Đang làm"))
    before = [(t.id, t.content) for t in svc.tasks(old.id)]

    other = svc.preview_import(_workbook(tmp_path / "b.xlsx", ROWS[:3], title="KẾ HOẠCH rà soát TTHC năm 2026"))
    assert svc.guess_import_target(other).plan is None  # another title: looks new
    same = svc.preview_import(_workbook(tmp_path / "c.xlsx", ROWS))
    assert svc.guess_import_target(same).plan.id == old.id
    result = svc.apply_import(same, into=NEW_PLAN)  # the officer says: a new plan after all
    assert result.plan_id != old.id and len(svc.plans()) == 2
    assert svc.current_plan().id == result.plan_id
    assert [(t.id, t.content) for t in svc.tasks(old.id)] == before  # untouched
    assert svc.progress(task.id)[0].note == "Đang làm"

    svc.set_current_plan(old.id)
    assert svc.current_plan().id == old.id
    with pytest.raises(KstthcError):
        svc.set_current_plan(9999)
    assert svc.current_plan().id == old.id


def test_the_commune_default_keeps_its_tasks_and_their_parents() -> None:
    from kstthc_desktop.core.model import CommuneRole
    from kstthc_desktop.importers import ImportedPlan, ImportedSection, ImportedTask

    child = ImportedTask(number="1.1", content="con", commune_role=CommuneRole.COORDINATING)
    plan = ImportedPlan(title="KH", year=2026, sections=[ImportedSection(number="I", title="A", tasks=[
        ImportedTask(number="1", content="cha", children=[child, ImportedTask(number="1.2", content="khác")]),
        ImportedTask(number="2", content="xã", commune_role=CommuneRole.LEAD),
        ImportedTask(number="3", content="tỉnh")])])
    assert OfficeService.concerned_import_indices(plan) == {0, 1, 3}


def test_undo_labels_name_the_task_with_its_section(svc: OfficeService, tmp_path: Path) -> None:
    result = svc.apply_import(svc.preview_import(_workbook(tmp_path / "a.xlsx", ROWS)))
    task = next(t for t in svc.tasks(result.plan_id) if t.content.startswith("Kiểm tra"))
    svc.add_progress(ProgressEntry(task_id=task.id, on=date(2026, 6, 1), percent=40))
    assert svc.undo_label() == "Cập nhật tiến độ II.1"
    assert svc.task_ref(task) == "II.1"


def test_a_subtask_numbered_on_its_own_carries_its_parents_numbers() -> None:
    from kstthc_desktop.core.model import Task, parent_numbers

    assert qualified_number("III", "b", parents=["7"]) == "III.7.b"  # not "III.b": section III has no b
    assert qualified_number("I", "1.2", parents=["1"]) == "I.1.2"  # the number already says its parent
    assert qualified_number("II", "a", parents=["3", "3.1"]) == "II.3.1.a"
    assert qualified_number("II", "a", parents=["3", "-"]) == "II.3.a"  # a bullet parent adds nothing
    assert qualified_number("II", "-", parents=["3"]) == ""  # a bullet has no number of its own
    assert qualified_number("Phụ lục", "b", appendix=True, parents=["2"]) == "PL.2.b"
    top, mid, leaf = Task(id=1, number="7"), Task(id=2, number="b", parent_id=1), Task(id=3, number="-", parent_id=2)
    by_id = {t.id: t for t in (top, mid, leaf)}
    assert parent_numbers(leaf, by_id) == ["7", "b"] and parent_numbers(top, by_id) == []


def test_a_lettered_subtask_is_named_with_its_parent_in_views_undo_and_report(svc: OfficeService, tmp_path: Path) -> None:
    rows = [*ROWS, ["III", "TUYÊN TRUYỀN"],
            ["7", "Tuyên truyền hỗ trợ công tác cải cách thủ tục hành chính"],
            ["a", "Đăng tải tin, bài trên Trang thông tin điện tử", "UBND cấp xã", "", "Thường xuyên năm 2026"],
            ["b", "Theo dõi, tổng hợp thông tin báo chí về thủ tục hành chính", "UBND cấp xã", "",
             "Thường xuyên năm 2026"]]
    imported = svc.preview_import(_workbook(tmp_path / "ke-hoach.xlsx", rows))
    assert "III.7.b Theo dõi, tổng hợp thông tin báo chí về thủ tục hành chính" in svc.diff_import(imported).added
    plan_id = svc.apply_import(imported).plan_id
    views = {v.task.content[:10]: v for v in svc.task_views(plan_id, date(2026, 9, 1))}
    assert views["Theo dõi, "].ref == "III.7.b" and views["Đăng tải t"].ref == "III.7.a"
    b = views["Theo dõi, "].task
    svc.add_progress(ProgressEntry(task_id=b.id, on=date(2026, 8, 3), percent=100, done=True, note="Đã tổng hợp"))
    assert svc.task_ref(b) == "III.7.b"
    text = " ".join(r.ref for r in svc.report_content("2026-Q3", on=date(2026, 9, 20)).task_results)
    assert "III.7.b" in text.split() and "III.b" not in text.split()
    revised = svc.preview_import(_workbook(tmp_path / "ke-hoach-sua.xlsx", rows[:-2]))
    assert svc.diff_import(revised, into=plan_id).kept == [
        "III.7.b Theo dõi, tổng hợp thông tin báo chí về thủ tục hành chính"]  # it carries progress
