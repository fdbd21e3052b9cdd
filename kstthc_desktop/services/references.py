"""Office details and plan references, edited field by field (CLI ``office``/``plan``, GUI dialog).

Every report cites the superior's plan and the office's own plan by số, ngày and cơ quan ban
hành; these are read at import (issue 13) and corrected here. Values arrive as text (a command
line, a form field); each is checked and converted with one plain Vietnamese message when wrong,
and the whole change is one undoable write.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date

from ..core.errors import ValidationError
from ..core.model import Level, Office, Plan
from ..core.text import clean
from ..core.validate import validate_office

OFFICE_KEYS: dict[str, str] = {
    "name": "tên cơ quan ban hành (xuống dòng bằng \\n: ỦY BAN NHÂN DÂN\\nXÃ LÊ LỢI)",
    "parent_agency": "cơ quan chủ quản, ví dụ UBND TỈNH HẢI DƯƠNG",
    "level": "cấp: commune (xã, phường) hoặc department (sở)",
    "place_name": "địa danh ở dòng ngày tháng",
    "symbol": "ký hiệu cơ quan trong số văn bản, ví dụ UBND, STP",
    "superior": "cơ quan cấp trên, ví dụ UBND tỉnh Hải Dương",
    "report_recipient": "nơi nhận báo cáo (Kính gửi)",
    "signatory_authority": "thẩm quyền ký: TM., KT. hoặc để trống",
    "signatory_collective": "tập thể sau TM., ví dụ ỦY BAN NHÂN DÂN",
    "signatory_title": "chức vụ người ký, ví dụ CHỦ TỊCH",
    "signatory_deputy_title": "chức vụ khi ký thay, ví dụ PHÓ CHỦ TỊCH",
    "signatory_name": "họ tên người ký",
    "recipients": "nơi nhận, các mục cách nhau bằng dấu ;",
    "drafting_unit": "đơn vị soạn thảo ở dòng Lưu: VT, …",
}

PLAN_KEYS: dict[str, str] = {
    "number": "số, ký hiệu kế hoạch của cơ quan, ví dụ 05/KH-UBND",
    "issue_date": "ngày ban hành kế hoạch của cơ quan (dd/mm/yyyy)",
    "title": "tên kế hoạch",
    "issuer": "cơ quan ban hành kế hoạch, ví dụ UBND xã Lê Lợi",
    "source_number": "số, ký hiệu kế hoạch cấp trên, ví dụ 12/KH-UBND",
    "source_date": "ngày ban hành kế hoạch cấp trên (dd/mm/yyyy)",
    "source_issuer": "cơ quan ban hành kế hoạch cấp trên, ví dụ UBND tỉnh Hải Dương",
    "source_title": "trích yếu kế hoạch cấp trên",
    "basis": "các dòng căn cứ, cách nhau bằng dấu ;",
}

_LEVELS = {"commune": Level.COMMUNE, "xa": Level.COMMUNE, "xã": Level.COMMUNE, "ward": Level.COMMUNE,
           "phuong": Level.COMMUNE, "phường": Level.COMMUNE, "department": Level.DEPARTMENT, "so": Level.DEPARTMENT,
           "sở": Level.DEPARTMENT, "province": Level.PROVINCE, "tinh": Level.PROVINCE, "tỉnh": Level.PROVINCE,
           "district": Level.DISTRICT, "huyen": Level.DISTRICT, "huyện": Level.DISTRICT}


def _list(value: str) -> list[str]:
    text = value.strip()
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            raise ValidationError("Danh sách không đọc được.", 'Ghi các mục cách nhau bằng dấu ;, hoặc dạng ["…", "…"].') \
                from None
        return [clean(str(x)) for x in items if clean(str(x))]
    return [clean(x) for x in text.split(";") if clean(x)]


def _date(value: str, key: str) -> date | None:
    from ..argparse_vi import parse_date

    if not value.strip():
        return None
    try:
        return parse_date(value)
    except Exception:  # noqa: BLE001 - argparse's error type; one message for the officer
        raise ValidationError(f"Ngày không hợp lệ ở {key}: '{value}'.", "Ghi dạng dd/mm/yyyy, ví dụ 05/01/2026.",
                              key) from None


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["name=…", "level=department"]`` → a dict; a pair without "=" is an error."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValidationError(f"'{pair}' không đúng dạng KHÓA=GIÁ_TRỊ.", "Ví dụ: --set source_number=12/KH-UBND.")
        out[key.strip()] = value
    return out


def office_changes(office: Office, changes: dict[str, str]) -> Office:
    """A copy of ``office`` with the typed values converted; unknown keys are refused."""
    values: dict[str, object] = {}
    for key, raw in changes.items():
        if key not in OFFICE_KEYS:
            raise ValidationError(f"Không có thông tin cơ quan '{key}'.", "Các khóa: " + ", ".join(OFFICE_KEYS) + ".",
                                  key)
        if key == "level":
            level = _LEVELS.get(raw.strip().lower())
            if level is None:
                raise ValidationError(f"Cấp '{raw}' không hợp lệ.", "Ghi commune (xã, phường) hoặc department (sở).",
                                      key)
            values[key] = level
        elif key == "recipients":
            values[key] = _list(raw)
        elif key == "name":
            values[key] = "\n".join(clean(line) for line in raw.replace("\\n", "\n").split("\n") if clean(line))
        else:
            values[key] = clean(raw)
    return dataclasses.replace(office, **values)


def plan_changes(plan: Plan, changes: dict[str, str]) -> Plan:
    values: dict[str, object] = {}
    for key, raw in changes.items():
        if key not in PLAN_KEYS:
            raise ValidationError(f"Không có thông tin kế hoạch '{key}'.", "Các khóa: " + ", ".join(PLAN_KEYS) + ".",
                                  key)
        if key in ("issue_date", "source_date"):
            values[key] = _date(raw, key)
        elif key == "basis":
            values[key] = _list(raw)
        else:
            values[key] = clean(raw)
    return dataclasses.replace(plan, **values)


def office_json(office: Office | None) -> dict:
    if office is None:
        return {}
    data = {k: getattr(office, k) for k in OFFICE_KEYS}
    data["level"] = {Level.COMMUNE: "commune", Level.DEPARTMENT: "department", Level.PROVINCE: "province",
                     Level.DISTRICT: "district"}[office.level]
    return data


def plan_json(plan: Plan) -> dict:
    data = {k: getattr(plan, k) for k in PLAN_KEYS}
    for key in ("issue_date", "source_date"):
        data[key] = data[key].strftime("%d/%m/%Y") if data[key] else ""
    return {"id": plan.id, "year": plan.year, "kind": plan.kind.value, **data}


class ReferencesMixin:
    """Methods of OfficeService that edit the office details and plan references field by field."""

    def set_office_fields(self, changes: dict[str, str]):  # noqa: ANN201 - (Office, Changes)
        current = self.office() or Office()
        office = office_changes(current, changes)
        validate_office(office)
        return office, self.save_office(office)

    def set_plan_fields(self, changes: dict[str, str], plan_id: int | None = None):  # noqa: ANN201
        plan = self.plan(plan_id) if plan_id is not None else self.current_plan()
        if plan is None:
            raise ValidationError("Chưa có kế hoạch nào.", "Hãy nhập kế hoạch cấp trên hoặc tạo kế hoạch trước.")
        updated = plan_changes(plan, changes)
        return updated, self.update_plan(updated)

    def set_overdue_cause(self, task_id: int, cause: str):  # noqa: ANN201 - Changes
        """Why a task is late, as the officer writes it; printed in "Tồn tại, hạn chế" (undoable)."""
        task = self.task(task_id)
        task.overdue_cause = clean(cause)
        from ..storage.repository import task_to_row

        return self._write(f"Ghi nguyên nhân chậm nhiệm vụ {task.number}".strip(),
                           lambda log: self.repo.update("tasks", task_to_row(task), log))

    def set_task_topic(self, task_id: int, topic: str):  # noqa: ANN201 - Changes
        """The report topic the officer chose for a task ("" = let the program classify it)."""
        from ..core.topics import TOPICS
        from ..storage.repository import task_to_row

        if topic and topic not in TOPICS:
            raise ValidationError(f"Không có mục báo cáo '{topic}'.", "Chọn một mục trong danh sách.", "topic")
        task = self.task(task_id)
        task.topic = topic
        return self._write(f"Chọn mục báo cáo cho nhiệm vụ {task.number}".strip(),
                           lambda log: self.repo.update("tasks", task_to_row(task), log))

    def assign_office_roles(self, imported) -> int:  # noqa: ANN001 - importers.ImportedPlan
        """Mark which imported tasks concern this office (the wizard's "Cơ quan mình" column and
        ``kstthc import --only-ours`` use this one matching); returns how many do."""
        from ..importers import assign_roles

        office = self.office()
        return assign_roles(imported, office.name_lines if office else [], office.level if office else None)


__all__ = ["OFFICE_KEYS", "PLAN_KEYS", "ReferencesMixin", "office_changes", "office_json", "parse_assignments",
           "plan_changes", "plan_json"]
