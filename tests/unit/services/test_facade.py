"""The service facade: edits, undo/redo across committed writes, validation, backups, CLI-visible data."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import NotFoundError, ValidationError
from kstthc_desktop.core.model import Office, Plan, ProgressEntry, Status, Task
from kstthc_desktop.services import OfficeService
from tests.conftest import TODAY


@pytest.fixture
def svc(office_path: Path):
    s = OfficeService.open(office_path, create=True)
    s.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
    yield s
    s.close()


def _plan(svc: OfficeService) -> int:
    pid, _ = svc.create_plan(Plan(year=2026, title="Kế hoạch KSTTHC năm 2026"))
    return pid


def test_add_edit_delete_task_and_undo_each_step(svc: OfficeService) -> None:
    pid = _plan(svc)
    sid, _ = svc.add_section(pid, "II", "NỘI DUNG")
    tid, changes = svc.add_task(Task(plan_id=pid, section_id=sid, number="1", content="  Rà soát   TTHC ",
                                     deadline_text="Trước ngày 15/9/2026"))
    assert tid in changes.task_ids
    t = svc.task(tid)
    assert t.content == "Rà soát TTHC"
    assert t.schedule is not None and t.schedule.due == date(2026, 9, 15)

    svc.update_task(dataclasses.replace(t, content="Rà soát, đơn giản hóa TTHC"))
    assert svc.task(tid).content == "Rà soát, đơn giản hóa TTHC"
    svc.delete_task(tid)
    with pytest.raises(NotFoundError):
        svc.task(tid)

    svc.undo()  # the delete
    assert svc.task(tid).content == "Rà soát, đơn giản hóa TTHC"
    svc.undo()  # the edit
    assert svc.task(tid).content == "Rà soát TTHC"
    svc.redo()
    assert svc.task(tid).content == "Rà soát, đơn giản hóa TTHC"
    assert svc.check() == ""


def test_undo_survives_reopening_the_connection_state(svc: OfficeService, office_path: Path) -> None:
    """Every edit is committed at once: another reader sees it before any save."""
    pid = _plan(svc)
    svc.add_task(Task(plan_id=pid, content="Nhiệm vụ A"))
    other = sqlite3.connect(office_path)
    assert other.execute("SELECT content FROM tasks").fetchall() == [("Nhiệm vụ A",)]
    svc.undo()
    assert other.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
    other.close()


def test_deleting_a_task_with_children_progress_and_evidence_undoes_completely(svc: OfficeService,
                                                                                 tmp_path: Path) -> None:
    pid = _plan(svc)
    parent, _ = svc.add_task(Task(plan_id=pid, number="1", content="Cha"))
    child, _ = svc.add_task(Task(plan_id=pid, parent_id=parent, number="1.1", content="Con"))
    svc.add_progress(ProgressEntry(task_id=child, on=date(2026, 3, 1), percent=50, note="Nửa chừng"))
    f = tmp_path / "cv.txt"
    f.write_text("công văn", encoding="utf-8")
    svc.add_evidence(child, f, doc_number="12/KH-UBND")
    svc.delete_task(parent)
    assert svc.tasks(pid) == []
    svc.undo()
    assert {t.content for t in svc.tasks(pid)} == {"Cha", "Con"}
    assert svc.progress(child)[0].note == "Nửa chừng"
    ev = svc.evidence(task_id=child)
    assert ev[0].doc_number == "12/KH-UBND"
    out = tmp_path / "out.txt"
    svc.save_evidence_copy(ev[0].id, out)
    assert out.read_text(encoding="utf-8") == "công văn"
    assert svc.check() == ""


def test_move_task_reorders_siblings_and_undo_restores(svc: OfficeService) -> None:
    pid = _plan(svc)
    ids = [svc.add_task(Task(plan_id=pid, number=str(i), content=f"NV {i}"))[0] for i in range(1, 4)]
    svc.move_task(ids[2], -1)
    order = [t.content for t in sorted(svc.tasks(pid), key=lambda t: t.position)]
    assert order == ["NV 1", "NV 3", "NV 2"]
    svc.undo()
    order = [t.content for t in sorted(svc.tasks(pid), key=lambda t: t.position)]
    assert order == ["NV 1", "NV 2", "NV 3"]


def test_new_edit_clears_redo(svc: OfficeService) -> None:
    pid = _plan(svc)
    svc.add_task(Task(plan_id=pid, content="A"))
    svc.undo()
    assert svc.can_redo()
    svc.add_task(Task(plan_id=pid, content="B"))
    assert not svc.can_redo()


@pytest.mark.parametrize("field,value", [("name", "   "), ("place_name", ""), ("symbol", "UB ND"),
                                          ("place_name", "x" * 200)])
def test_absurd_office_values_are_rejected(svc: OfficeService, field: str, value: str) -> None:
    office = dataclasses.replace(svc.office(), **{field: value})
    with pytest.raises(ValidationError) as err:
        svc.save_office(office)
    assert err.value.field == field
    assert svc.office().place_name == "Lê Lợi"


def test_empty_task_content_rejected_and_nothing_written(svc: OfficeService) -> None:
    pid = _plan(svc)
    with pytest.raises(ValidationError):
        svc.add_task(Task(plan_id=pid, content="   "))
    assert svc.tasks(pid) == []
    with pytest.raises(ValidationError):
        svc.add_progress(ProgressEntry(task_id=svc.add_task(Task(plan_id=pid, content="A"))[0], percent=150))


def test_status_follows_progress_and_done(svc: OfficeService) -> None:
    pid = _plan(svc)
    tid, _ = svc.add_task(Task(plan_id=pid, content="Báo cáo", deadline_text="Trước ngày 15/9/2026"))
    view = {v.task.id: v for v in svc.task_views(pid, TODAY)}[tid]
    assert view.status is Status.OVERDUE
    svc.add_progress(ProgressEntry(task_id=tid, on=date(2026, 9, 10), percent=100, done=True))
    view = {v.task.id: v for v in svc.task_views(pid, TODAY)}[tid]
    assert view.status is Status.DONE_ON_TIME
    assert view.done_without_evidence


@pytest.mark.parametrize("ref", [date(2026, 3, 31), date(2026, 8, 31), TODAY, date(2027, 1, 15)])
def test_every_task_view_has_the_status_its_own_schedule_and_progress_give(demo_service: OfficeService,
                                                                            ref: date) -> None:
    """Tasks without progress that share a schedule are judged once (start-up): never another's verdict."""
    from kstthc_desktop.core.status import task_status

    plan = demo_service.current_plan()
    progress = demo_service.plan_progress(plan.id)
    views = demo_service.task_views(plan.id, ref)
    shared = {}
    for v in views:
        shared.setdefault(id(v.task.schedule), []).append(v)
        assert v.status is task_status(v.task.schedule, [p for p in progress if p.task_id == v.task.id], ref), \
            v.task.number
    assert any(len(vs) > 1 and any(p.task_id == vs[0].task.id for p in progress) for vs in shared.values())
    assert len({v.status for v in views}) >= 3


def test_backup_is_a_consistent_copy(svc: OfficeService, tmp_path: Path) -> None:
    pid = _plan(svc)
    svc.add_task(Task(plan_id=pid, content="A"))
    path = svc.backup(tmp_path / "usb")
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT content FROM tasks").fetchall() == [("A",)]
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_demo_has_every_view_something_to_show(demo_service: OfficeService) -> None:
    plan = demo_service.current_plan()
    assert plan.sample and plan.year == 2026
    sections = demo_service.sections(plan.id)
    assert [s.number for s in sections][-1] == "Phụ lục"
    appendix = [t for t in demo_service.tasks(plan.id) if t.section_id == sections[-1].id]
    assert len(appendix) == 27
    assert all(t.schedule.due == date(2026, 8, 31) for t in appendix)
    statuses = {v.status for v in demo_service.task_views(plan.id, TODAY)}
    assert {Status.DONE_ON_TIME, Status.DONE_LATE, Status.IN_TIME, Status.OVERDUE, Status.NO_DEADLINE} <= statuses
    assert demo_service.office().signatory_name == "Đoàn Duy Việt"
    assert not demo_service.can_undo()


def test_cached_views_follow_every_kind_of_write(svc: OfficeService, tmp_path: Path) -> None:
    """Views are computed once per change; each write, undo and redo must show through."""
    pid = _plan(svc)
    tid, _ = svc.add_task(Task(plan_id=pid, content="Báo cáo quý", deadline_text="Trước ngày 15/9/2026"))

    def view():  # noqa: ANN202
        return {v.task.id: v for v in svc.task_views(pid, TODAY)}[tid]

    assert view().status is Status.OVERDUE and view().evidence_count == 0
    svc.add_progress(ProgressEntry(task_id=tid, on=date(2026, 9, 1), percent=100, done=True))
    assert view().status is Status.DONE_ON_TIME
    svc.update_task(dataclasses.replace(svc.task(tid), deadline_text="Trước ngày 20/8/2026"))
    assert view().status is Status.DONE_LATE and view().due == date(2026, 8, 20)
    f = tmp_path / "bc.pdf"
    f.write_bytes(b"%PDF")
    eid, _ = svc.add_evidence(tid, f)
    assert view().evidence_count == 1
    svc.remove_evidence(eid)
    assert view().evidence_count == 0
    svc.undo()  # the removal
    assert view().evidence_count == 1
    svc.undo()  # the attachment
    svc.undo()  # the deadline edit
    assert view().due == date(2026, 9, 15) and view().status is Status.DONE_ON_TIME
    svc.redo()
    assert view().due == date(2026, 8, 20)
    a, b = svc.task_views(pid, TODAY), svc.task_views(pid, TODAY)
    a[0].children.append(a[0])  # callers may fill children: the cache must not see it
    assert b[0].children == [] and svc.task_views(pid, TODAY)[0].children == []


def test_changes_tell_in_place_edits_from_structural_ones(svc: OfficeService) -> None:
    pid = _plan(svc)
    tid, added = svc.add_task(Task(plan_id=pid, content="A"))
    assert added.structural
    edited = svc.update_task(dataclasses.replace(svc.task(tid), content="A sửa"))
    assert not edited.structural and edited.task_ids == {tid}
    progress = svc.add_progress(ProgressEntry(task_id=tid, on=date(2026, 3, 1), percent=20))[1]
    assert not progress.structural and progress.task_ids == {tid} and progress.tables == {"progress"}
    svc.add_task(Task(plan_id=pid, content="B"))
    moved = svc.move_task(tid, +1)
    assert moved.structural
    assert svc.delete_task(tid).structural
    assert svc.undo().structural


def test_a_long_undo_history_forgets_the_oldest_steps_not_the_newest(svc: OfficeService, monkeypatch) -> None:
    from kstthc_desktop.services import facade

    monkeypatch.setattr(facade, "UNDO_LIMIT", 3)
    pid = _plan(svc)
    tid, _ = svc.add_task(Task(plan_id=pid, content="Bản 0"))
    for i in range(1, 6):
        svc.update_task(dataclasses.replace(svc.task(tid), content=f"Bản {i}"))
    assert svc.undo_label().startswith("Sửa nhiệm vụ")
    for expected in ("Bản 4", "Bản 3", "Bản 2"):  # the three newest edits undo, newest first
        svc.undo()
        assert svc.task(tid).content == expected
    assert not svc.can_undo()
