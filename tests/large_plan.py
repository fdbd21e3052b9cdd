"""A large plan with every shape the table must show the same way whether it reads the whole plan or
only its first screen (``OfficeService.task_tree_head``): sections and an appendix, subtasks, a task
outside every section, a subtask whose parent sits in another section, a task moved by hand,
a task whose parent lies in another plan, progress and evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kstthc_desktop.core.model import CommuneRole, Office, Plan, ProgressEntry, Task
from kstthc_desktop.core.schedule import parse_schedule
from kstthc_desktop.importers.result import ImportedPlan, ImportedSection, ImportedTask
from kstthc_desktop.services import OfficeService

DEADLINES = ["Quý III năm 2026", "Thường xuyên năm 2026", "Trước ngày 15/9/2026", "Khi có phát sinh", "Tháng 3/2026"]


def _task(s: int, i: int, children: int = 0) -> ImportedTask:
    text = DEADLINES[(s + i) % len(DEADLINES)]
    return ImportedTask(number=str(i + 1), content=f"Nhiệm vụ {s}.{i + 1}: rà soát thủ tục hành chính",
                        lead=[f"Công chức {'Văn phòng' if i % 2 else 'Tư pháp'}"], deadline_text=text,
                        schedule=parse_schedule(text, 2026), commune_role=CommuneRole.LEAD,
                        children=[ImportedTask(number=f"{i + 1}.{c + 1}", content=f"Việc con {c + 1}",
                                               deadline_text="Tháng 6/2026", schedule=parse_schedule("Tháng 6/2026", 2026))
                                  for c in range(children)])


def large_plan(path: Path) -> OfficeService:
    """An office file at ``path`` holding a 307-task plan; the service open on it (the caller closes it)."""
    sections = [ImportedSection(number="I", title="MỤC ĐÍCH", tasks=[_task(1, i, children=3 if i % 4 == 1 else 0)
                                                                      for i in range(8)]),
                ImportedSection(number="II", title="NỘI DUNG", tasks=[_task(2, i, children=1 if i == 2 else 0)
                                                                       for i in range(150)]),
                ImportedSection(number="III", title="TỔ CHỨC THỰC HIỆN", tasks=[_task(3, i) for i in range(40)]),
                ImportedSection(number="Phụ lục", title="RÀ SOÁT THEO LĨNH VỰC", appendix=True,
                                tasks=[_task(4, i) for i in range(100)])]
    svc = OfficeService.open(path, create=True)
    svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", place_name="An Bình"))
    svc.apply_import(ImportedPlan(title="Kế hoạch KSTTHC năm 2026", year=2026, sections=sections,
                                  source_file="ke-hoach.xlsx"))
    plan_id = svc.current_plan().id
    tasks = svc.tasks(plan_id)
    by_content = {t.content: t for t in tasks}
    svc.add_task(Task(plan_id=plan_id, section_id=None, content="Việc phát sinh ngoài các mục"))
    parent = by_content["Nhiệm vụ 3.2: rà soát thủ tục hành chính"]
    section_two = by_content["Nhiệm vụ 2.1: rà soát thủ tục hành chính"].section_id
    svc.add_task(Task(plan_id=plan_id, section_id=section_two, parent_id=parent.id, number="a",
                      content="Việc con ghi ở mục khác"))
    svc.move_task(by_content["Nhiệm vụ 2.6: rà soát thủ tục hành chính"].id, -3)
    for n, t in enumerate(tasks[:60:3]):
        svc.add_progress(ProgressEntry(task_id=t.id, on=date(2026, 3 + n % 8, 10), percent=40 + n, note="đang làm",
                                       done=n % 2 == 0))
    # a task whose parent lies in another plan (an old file's leftover): a root of its own section
    other, _ = svc.create_plan(Plan(year=2025, title="Kế hoạch năm 2025"))
    elsewhere, _ = svc.add_task(Task(plan_id=other, content="Nhiệm vụ của năm trước"))
    svc.set_current_plan(plan_id)
    with svc.file.transaction() as conn:
        conn.execute("UPDATE tasks SET parent_id = ? WHERE id = ?",
                     (elsewhere, by_content["Nhiệm vụ 1.3: rà soát thủ tục hành chính"].id))
    doc = path.with_name("bien-ban.txt")
    doc.write_text("Biên bản rà soát", encoding="utf-8")
    for t in tasks[1:40:7]:
        svc.add_evidence(t.id, doc)
    return svc
