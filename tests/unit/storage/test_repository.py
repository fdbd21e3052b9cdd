"""Reading tasks in bulk gives exactly what reading them one by one gives."""

from __future__ import annotations

from kstthc_desktop.core.model import CommuneRole, Task
from kstthc_desktop.core.schedule import parse_schedule
from kstthc_desktop.storage.repository import task_from_row


def test_bulk_read_of_a_plans_tasks_equals_the_row_by_row_read(demo_service) -> None:  # noqa: ANN001
    svc = demo_service
    plan = svc.current_plan()
    section = svc.sections(plan.id)[0].id
    parent, _ = svc.add_task(Task(plan_id=plan.id, section_id=section, content="Không hạn, không đơn vị",
                                  commune_role=CommuneRole.NONE))
    svc.add_task(Task(plan_id=plan.id, section_id=section, parent_id=parent, content="Việc con",
                      lead_units=["Văn phòng", "Tư pháp"], coordinating_units=["Công an xã"],
                      deadline_text="Quý III năm 2026", schedule=parse_schedule("Quý III năm 2026", 2026),
                      commune_role=CommuneRole.COORDINATING, notes="ghi chú", topic="Hộ tịch"))
    rows = svc.repo.conn.execute("SELECT * FROM tasks WHERE plan_id = ? ORDER BY position, id", (plan.id,))
    one_by_one = [task_from_row(r) for r in rows]
    bulk = svc.repo.tasks(plan.id)
    assert len(bulk) == len(one_by_one) > 40
    assert bulk == one_by_one
    assert {t.commune_role for t in bulk} == set(CommuneRole)
    assert any(t.schedule is None for t in bulk) and any(t.lead_units == [] for t in bulk)


def test_tasks_read_in_bulk_do_not_share_their_unit_lists(demo_service) -> None:  # noqa: ANN001
    tasks = demo_service.repo.tasks(demo_service.current_plan().id)
    same = [t for t in tasks if t.lead_units == tasks[0].lead_units]
    assert len(same) > 1  # the demo repeats its units: the decoded list is reused, then copied
    same[0].lead_units.append("Đơn vị mới")
    assert "Đơn vị mới" not in same[1].lead_units
