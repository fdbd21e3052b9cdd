"""Which tasks of a superior plan concern the office: one matching for the wizard and the CLI.

A commune finds itself in "UBND cấp xã", "các xã, phường" (``plan_table.commune_role``) or its own
name; a department (Sở) in its own name ("Sở Tư pháp") or in "các sở, ban, ngành". A province plan
names every Sở; a Sở that imports it keeps only its own tasks (``kstthc import --only-ours``, the
wizard's "keep only this office's tasks"), with the parents of those tasks for context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.model import CommuneRole, Level
from ..core.text import fold
from .plan_table import commune_role
from .result import ImportedPlan, ImportedTask

_ALL_DEPARTMENTS = re.compile(r"\bcac so\b|\bso\s*,\s*ban\s*,\s*nganh\b|\bcac co quan chuyen mon (thuoc )?ubnd tinh\b")
_AGENCY_HEADS = ("uy ban nhan dan", "ubnd")


def _own_keys(name_lines: Sequence[str]) -> list[str]:
    """Accent-free names the office may be written as: "so tu phap"; "ubnd xa le loi", "xa le loi"."""
    lines = [fold(line) for line in name_lines if line.strip()]
    if not lines:
        return []
    if lines[0] in _AGENCY_HEADS and len(lines) > 1:
        place = " ".join(lines[1:])
        return [f"ubnd {place}", f"uy ban nhan dan {place}"]
    return [" ".join(lines)]


def _names(units: Sequence[str], keys: Sequence[str]) -> bool:
    text = fold("\n".join(units))
    return any(re.search(r"(?<!\w)" + re.escape(k) + r"(?!\w)", text) for k in keys)


def office_role(lead: Sequence[str], coordinating: Sequence[str], name_lines: Sequence[str],
                level: Level | None) -> CommuneRole:
    """The office's role in one task, from the unit columns."""
    keys = _own_keys(name_lines)
    if keys and _names(lead, keys):
        return CommuneRole.LEAD
    if level in (Level.DEPARTMENT, Level.PROVINCE):
        if _ALL_DEPARTMENTS.search(fold("\n".join(lead))):
            return CommuneRole.LEAD
        if keys and _names(coordinating, keys):
            return CommuneRole.COORDINATING
        if _ALL_DEPARTMENTS.search(fold("\n".join(coordinating))):
            return CommuneRole.COORDINATING
        return CommuneRole.NONE
    role = commune_role(lead, coordinating)
    if role == CommuneRole.NONE and keys and _names(coordinating, keys):
        return CommuneRole.COORDINATING
    return role


def _tasks(plan: ImportedPlan) -> list[ImportedTask]:
    out: list[ImportedTask] = []
    for sec in (*plan.sections, *plan.appendices):
        for t in sec.tasks:
            out.extend(t.iter_tasks())
    return out


def assign_roles(plan: ImportedPlan, name_lines: Sequence[str], level: Level | None) -> int:
    """Set each task's role for this office; how many tasks concern it. Without an office name the
    roles read by the importer (the commune patterns) stay as they are."""
    if not name_lines and level in (None, Level.COMMUNE):
        return sum(1 for t in _tasks(plan) if t.commune_role != CommuneRole.NONE)
    for t in _tasks(plan):
        t.commune_role = office_role(t.lead, t.coordinating, name_lines, level)
    return sum(1 for t in _tasks(plan) if t.commune_role != CommuneRole.NONE)


def ours_indices(plan: ImportedPlan) -> set[int]:
    """Indices (in the wizard's and ``apply_import``'s order) of the office's tasks, their parents
    kept for context and an appendix row kept when the office is named in it."""
    keep: set[int] = set()
    counter = 0

    def walk(tasks: list[ImportedTask], path: list[int]) -> None:
        nonlocal counter
        for t in tasks:
            idx = counter
            counter += 1
            if t.commune_role != CommuneRole.NONE:
                keep.update(path)
                keep.add(idx)
            walk(t.children, [*path, idx])

    for sec in (*plan.sections, *plan.appendices):
        walk(sec.tasks, [])
    return keep


__all__ = ["assign_roles", "office_role", "ours_indices"]
