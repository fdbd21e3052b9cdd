"""Demo office built from the commune plan in resources/demo (a real plan, moved to this year)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from ..core.errors import UnsafeOutput
from ..core.model import CommuneRole, Level, Office, Plan, ProgressEntry, Task
from ..resources import resource_file
from ..storage.atomic import fsync_file, fsync_folder, guard_output, publish, write_error
from .facade import OfficeService


def _fill(value: object, year: int) -> object:
    if isinstance(value, str):
        return value.replace("{Y}", str(year))
    if isinstance(value, list):
        return [_fill(v, year) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, year) for k, v in value.items()}
    return value


def create_demo(path: str | os.PathLike, today: date | None = None) -> Path:
    """Write a new demo office file at ``path``; an existing file there is never touched.

    The demo is built in a private folder beside ``path`` and moved into place in one step that
    refuses to replace anything, so even a file created meanwhile (or held open by the window) is safe.
    """
    path = Path(path).absolute()
    _refuse_existing(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".kstthc-mau-", dir=path.parent))
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        built = _build(work / path.name, today or date.today())
        fsync_file(built)
        try:
            publish(built, path, replace=False)
        except FileExistsError:
            _refuse_existing(path)
            raise
        except OSError as exc:
            raise write_error(path, exc) from exc
        fsync_folder(path.parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return path


def _refuse_existing(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        if Path(str(path) + suffix).exists():
            raise UnsafeOutput(f"Đã có tệp '{path.name}' ở đó: dữ liệu mẫu không ghi đè lên tệp có sẵn.",
                               "Hãy chọn một tên tệp mới cho dữ liệu mẫu.")
    guard_output(path)


def _build(path: Path, today: date) -> Path:
    year = today.year
    data = _fill(json.loads(resource_file("demo", "le_loi.json").read_text(encoding="utf-8")), year)
    with OfficeService.open(path, create=True) as svc:
        o = dict(data["office"])
        o["level"] = Level(o["level"])
        svc.save_office(Office(**o))
        p = data["plan"]
        plan_id, _ = svc.create_plan(Plan(year=year, title=p["title"], number=p["number"], source=p["source"],
                                          basis=p["basis"], sample=True, issue_date=date(year, 2, 28)))
        keys: dict[str, int] = {}

        def add(section_key: str, section_id: int, parent_id: int | None, spec: dict) -> None:
            task = Task(plan_id=plan_id, section_id=section_id, parent_id=parent_id, number=spec["number"],
                        content=spec["content"], lead_units=spec["lead"], coordinating_units=spec["coordinating"],
                        deadline_text=spec["deadline_text"], products=spec["products"],
                        commune_role=CommuneRole.LEAD)
            tid, _ = svc.add_task(task)
            keys[f"{section_key}/{spec['number']}"] = tid
            for child in spec["children"]:
                add(section_key, section_id, tid, child)

        for sec in data["sections"]:
            sid, _ = svc.add_section(plan_id, sec["number"], sec["title"], appendix=sec["appendix"])
            for spec in sec["tasks"]:
                add(sec["number"], sid, None, spec)
        for entry in data["progress"]:
            on = date(year, entry["month"], entry["day"])
            if on > today:
                continue
            svc.add_progress(ProgressEntry(task_id=keys[entry["task"]], occurrence=entry.get("occurrence"), on=on,
                                           percent=entry["percent"], note=entry["note"],
                                           done=entry.get("done", False)))
        sample = date(year, 5, 25)
        if sample <= today:
            with tempfile.TemporaryDirectory() as tmp:
                f = Path(tmp) / "Bao-cao-ra-soat-TTHC-noi-bo.txt"
                f.write_text("DỮ LIỆU MẪU – Báo cáo kết quả rà soát thủ tục hành chính nội bộ.\n", encoding="utf-8")
                svc.add_evidence(keys["II/1.3"], f, doc_number="15/BC-UBND", doc_date=sample,
                                 summary="Báo cáo kết quả rà soát TTHC nội bộ")
        svc.clear_undo()  # a fresh demo starts with nothing to undo
    return path
