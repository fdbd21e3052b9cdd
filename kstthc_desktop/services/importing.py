"""Importing the superior plan: preview (pure, off the GUI thread) and apply (one transaction)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.model import Plan, Task, parent_numbers, qualified_number
from ..core.progress import Progress
from ..core.text import fold
from ..storage.repository import RowChange, plan_to_row, section_to_row, task_to_row

if TYPE_CHECKING:
    from .import_records import ImportDiff, ImportGuess, ImportResult


NEW_PLAN = "new"  # ``into=NEW_PLAN``: store the file as a new plan beside the others


def preview_import(path: str | os.PathLike, year: int | None = None, mapping=None,  # noqa: ANN001
                   progress: Progress | None = None,
                   paragraph_overrides=None):  # noqa: ANN001, ANN201 - importers.ImportedPlan
    """Read a plan file without touching the office file (safe to run on a worker thread)."""
    from ..importers import read_plan

    return read_plan(path, year=year, mapping=mapping, progress=progress, paragraph_overrides=paragraph_overrides)


def apply_reference(plan: Plan, imported) -> None:  # noqa: ANN001
    """The superior document the office's plan carries out, as read (and corrected) at import."""
    ref = getattr(imported, "reference", None)
    if ref is None or ref.is_empty():
        return
    plan.source_number = ref.number or plan.source_number
    plan.source_date = ref.date or plan.source_date
    plan.source_issuer = ref.issuer or plan.source_issuer
    plan.source_title = ref.title or plan.source_title


def _origin(section_number: str, path: list[str], content: str) -> str:
    return f"{fold(section_number)}|{'/'.join(path)}|{fold(content)[:60]}"


def _stem(name: str) -> str:
    return Path(name).stem.split("_v")[0]


def _ref(sec, task, parents: dict[int, list[str]]) -> str:  # noqa: ANN001 - ImportedSection, ImportedTask
    """ "II.3.2 Nội dung…": the section-qualified number and the start of the content."""
    number = qualified_number(getattr(sec, "number", "") or "", task.number, bool(getattr(sec, "appendix", False)),
                              parents.get(id(task), ()))
    return f"{number or task.number} {task.content[:60]}".strip()


def _imported_parents(imported) -> dict[int, list[str]]:  # noqa: ANN001
    """id(ImportedTask) → its parents' numbers, outermost first."""
    out: dict[int, list[str]] = {}

    def walk(tasks, above: list[str]) -> None:  # noqa: ANN001
        for t in tasks:
            out[id(t)] = above
            walk(t.children, [*above, t.number])

    for sec in [*imported.sections, *imported.appendices]:
        walk(sec.tasks, [])
    return out


def _stored_ref(task: Task, sections: dict[int, object], by_id: dict) -> str:
    sec = sections.get(task.section_id)
    number = qualified_number(sec.number, task.number, sec.appendix, parent_numbers(task, by_id)) \
        if sec is not None else task.number
    return f"{number or task.number} {task.content[:60]}".strip()


def _flatten(imported, selected: set[int] | None):  # noqa: ANN001, ANN202
    """(section, parent origin, origin, ImportedTask) in order, skipping unselected tasks."""
    out = []
    counter = 0
    for sec in [*imported.sections, *imported.appendices]:
        number = getattr(sec, "number", "") or ""

        def walk(tasks, path, parent, sec=sec, number=number):  # noqa: ANN001, ANN202
            nonlocal counter
            for t in tasks:
                idx = counter
                counter += 1
                p = [*path, t.number or str(idx)]
                origin = _origin(number or sec.title, p, t.content)
                keep = selected is None or idx in selected
                if keep:
                    out.append((sec, parent, origin, t))
                walk(t.children, p, origin if keep else parent)

        walk(sec.tasks, [], None)
    return out


def header_signature(grid, header_row: int) -> str:  # noqa: ANN001
    """A key for 'a table laid out like this one', used to remember the officer's column choice."""
    if not (0 <= header_row < len(grid.rows)):
        return ""
    return "|".join(fold(c)[:30] for c in grid.rows[header_row])


def _source_file(path: str) -> tuple[Path, str, int] | None:
    """(path, SHA-256, size) of the imported file when it is still there to be kept."""
    from ..storage import evidence as blobstore

    src = Path(path) if path else None
    if src is None or not src.is_file():
        return None
    try:
        sha, size = blobstore.hash_file(src)
    except OSError:
        return None  # unreadable now: the plan is still imported, only the hand-back lacks it
    return src, sha, size


class ImportMixin:
    """Methods of OfficeService for importing (kept in their own module for size)."""

    def preview_import(self, path, year=None, mapping=None, progress=None,  # noqa: ANN001, ANN201
                       paragraph_overrides=None):  # noqa: ANN001
        return preview_import(path, year, mapping, progress, paragraph_overrides)

    @staticmethod
    def read_import_grids(path, progress=None):  # noqa: ANN001, ANN205
        """Step 1 of a preview (slow, worker thread): the file as uniform grids."""
        from ..importers import read_grids

        return read_grids(path, progress)

    def remembered_import_mappings(self) -> dict:
        return dict(self.repo.setting("import_mappings", {}) or {})

    def build_import_preview(self, grids, source_file: str, year=None, mapping=None,  # noqa: ANN001, ANN201
                             progress=None, remembered: dict | None = None,  # noqa: ANN001
                             paragraph_overrides=None):  # noqa: ANN001
        """Step 2 (fast, may be repeated with a corrected mapping): recognise the plan in the grids.

        Without an explicit mapping, a column choice the officer made before for a table with
        the same header is reused. A worker thread passes ``remembered`` (read beforehand on the
        thread that owns the connection) so that it never touches the database itself.
        ``paragraph_overrides`` {paragraph number: is a task} carries the officer's choices for a
        prose plan ("không phải nhiệm vụ").
        """
        from ..importers import ColumnMapping, detect_mapping
        from ..importers import recognise_plan as build_plan

        if mapping is None:
            if remembered is None:
                remembered = self.remembered_import_mappings()
            chosen = {}
            for g in grids:
                if getattr(g, "paragraphs", None) is not None:  # the running text, not a table
                    continue
                found = detect_mapping(g)
                rows = [found[0]] if found is not None else range(min(30, len(g.rows)))
                for r in rows:  # also tables the program could not recognise by itself
                    sig = header_signature(g, r)
                    if sig in remembered:
                        m = ColumnMapping.from_dict(remembered[sig])
                        chosen[g.name] = ColumnMapping(columns=m.columns, header_row=r, sheet=g.name)
                        break
            mapping = chosen or None
        return build_plan(grids, year=year, mapping=mapping, source_file=source_file, progress=progress,
                          paragraph_overrides=paragraph_overrides)

    def remember_import_mapping(self, grid, mapping) -> None:  # noqa: ANN001
        remembered = dict(self.repo.setting("import_mappings", {}) or {})
        sig = header_signature(grid, mapping.header_row)
        if sig:
            remembered[sig] = mapping.to_dict()
            self.set_setting("import_mappings", remembered)

    @staticmethod
    def concerned_import_indices(imported) -> set[int]:  # noqa: ANN001
        """The tasks that concern this office (and their parents): what a commune keeps by default."""
        from ..importers import ours_indices

        return ours_indices(imported)

    def _keep_source_file(self, plan: Plan, path: Path, sha: str, size: int, log: list[RowChange]) -> None:
        """Store the source file in the blob store (deduplicated) inside the import's transaction;
        the plan points at the newest one. Undo restores the old pointer; a blob no plan or
        evidence uses any more is dropped on the next open."""
        from ..storage import evidence as blobstore

        if not blobstore.has_blob(self.repo.conn, sha):
            blobstore.store_blob(self.repo.conn, path, sha, size)
        if plan.source_blob != sha:
            plan.source_blob = sha
            self.repo.update("plans", plan_to_row(plan), log)

    def guess_import_target(self, imported) -> ImportGuess:  # noqa: ANN001
        """Is this file the revised version of a stored plan (same year and same file name or same
        title), or a new plan? Only a guess: the officer confirms or changes it in the wizard."""
        from difflib import SequenceMatcher

        from .import_records import ImportGuess

        plans = self.repo.plans()
        ref = getattr(imported, "reference", None)
        guess = ImportGuess(title=(ref.title if ref is not None and ref.title else "") or imported.title,
                            year=imported.year, plans=plans, issuer=ref.issuer if ref is not None else "")
        same_year = [p for p in plans if p.year == imported.year]
        for p in same_year:
            if p.source_file and _stem(p.source_file) == _stem(imported.source_file):
                guess.plan, guess.reason = p, "file"
                return guess
        number = (ref.number if ref is not None else "").strip()
        for p in same_year:  # the same superior document (số, ký hiệu) read again
            if number and not number.startswith("/") and p.source_number == number:
                guess.plan, guess.reason = p, "number"
                return guess
        # Only a plan that itself came from a file can have a revised version of that file; titles
        # are alike across plans ("Kế hoạch KSTTHC năm 2026"), so they must be nearly the same.
        title = fold(imported.title or "")
        scored = [(SequenceMatcher(None, title, fold(p.title)).ratio(), p) for p in same_year
                  if title and p.title and p.source_file]
        if scored:
            ratio, best = max(scored, key=lambda rp: rp[0])
            if ratio >= 0.9:
                guess.plan, guess.reason = best, "title"
        return guess

    def _target_plan(self, imported, into) -> Plan | None:  # noqa: ANN001
        """The plan a revision goes into: ``into`` a plan id, NEW_PLAN, or None for the guess."""
        if into == NEW_PLAN:
            return None
        if into is None:
            return self.guess_import_target(imported).plan
        return self.repo.plan(int(into))

    def diff_import(self, imported, selected: set[int] | None = None, into=None) -> ImportDiff:  # noqa: ANN001
        from .import_records import ImportDiff

        plan = self._target_plan(imported, into)
        diff = ImportDiff()
        incoming = _flatten(imported, selected)
        parents = _imported_parents(imported)
        if plan is None:
            diff.added = [_ref(sec, t, parents) for sec, _, _, t in incoming]
            return diff
        sections = {s.id: s for s in self.repo.sections(plan.id)}
        stored = self.repo.tasks(plan.id)
        by_id = {t.id: t for t in stored}
        existing = {t.origin: t for t in stored if t.origin}
        seen = set()
        for sec, _, origin, t in incoming:
            old = existing.get(origin)
            seen.add(origin)
            if old is None:
                diff.added.append(_ref(sec, t, parents))
            elif (old.content, old.lead_units, old.coordinating_units, old.deadline_text, old.products) != \
                    (t.content, t.lead, t.coordinating, t.deadline_text, t.products):
                diff.changed.append(_ref(sec, t, parents))
        for o, t in existing.items():
            if o not in seen:
                (diff.kept if self.repo.task_in_use(t.id) else diff.removed).append(_stored_ref(t, sections, by_id))
        return diff

    def check_import(self, imported, into=None) -> Plan | None:  # noqa: ANN001
        """What ``apply_import`` refuses before anything is written (the window asks first, before the
        backup it takes on a worker); the plan the tasks go into (None: a new plan)."""
        if not imported.year:
            from ..core.errors import ValidationError

            raise ValidationError(
                "Chưa xác định được năm của kế hoạch nên chưa lưu.",
                "Hãy nhập năm của kế hoạch (ô Năm kế hoạch, hoặc --year khi dùng lệnh) rồi đọc lại.",
                field="year",
            )
        return self._target_plan(imported, into)

    def backup_before_import(self, progress: Progress | None = None) -> Path:
        """The backup ``apply_import`` takes first; safe on a worker (a year's documents take seconds)."""
        return self.backup(reason="truoc-nhap-ke-hoach", progress=progress)

    def apply_import(self, imported, selected: set[int] | None = None, into=None,  # noqa: ANN001
                     backed_up: bool = False) -> ImportResult:
        """Store the chosen tasks: a backup first, then one transaction.

        ``into`` a plan id: the file is a revised version of that plan, updated in place (tasks gone
        from the new version are kept when they carry progress or evidence); ``NEW_PLAN``: a new plan
        beside the others; None: the program's guess. The other plans are never touched.
        ``backed_up``: the caller has just taken the backup (``backup_before_import``, on a worker).
        """
        from .import_records import ImportResult

        plan = self.check_import(imported, into)
        if not backed_up:
            self.backup_before_import()
        result = ImportResult(plan_id=plan.id if plan else 0)
        incoming = _flatten(imported, selected)
        source = _source_file(imported.source_file)  # hashed before the transaction (may be large)

        def do(log: list[RowChange]) -> None:
            nonlocal plan
            if plan is None:
                new = Plan(year=imported.year, title=imported.title or f"Kế hoạch năm {imported.year}",
                           source=imported.title, source_file=Path(imported.source_file).name)
                apply_reference(new, imported)
                pid = int(self.repo.insert("plans", plan_to_row(new), log))
                plan = self.repo.plan(pid)
            else:
                plan.source_file = Path(imported.source_file).name
                plan.revision += 1
                apply_reference(plan, imported)
                self.repo.update("plans", plan_to_row(plan), log)
            if source is not None:  # the superior's file itself, kept for the hand-back (#16)
                self._keep_source_file(plan, *source, log)
            self.repo.set_setting("current_plan", plan.id, log)
            result.plan_id = plan.id
            sections = {(s.number, s.title): s for s in self.repo.sections(plan.id)}
            section_ids: dict[int, int] = {}
            existing = {t.origin: t for t in self.repo.tasks(plan.id) if t.origin}
            origin_ids: dict[str, int] = {}
            positions: dict[tuple, int] = {}
            for sec, parent_origin, origin, it in incoming:
                key = id(sec)
                if key not in section_ids:
                    found = sections.get((sec.number, sec.title))
                    if found is None:
                        from ..core.model import Section

                        pos = self.repo.next_position("sections", "plan_id = ?", (plan.id,))
                        s = Section(plan_id=plan.id, number=sec.number, title=sec.title, position=pos,
                                    appendix=bool(getattr(sec, "appendix", False)))
                        section_ids[key] = int(self.repo.insert("sections", section_to_row(s), log))
                    else:
                        section_ids[key] = found.id
                sid = section_ids[key]
                parent_id = origin_ids.get(parent_origin) if parent_origin else None
                pos_key = (sid, parent_id)
                positions[pos_key] = positions.get(pos_key, -1) + 1
                task = Task(plan_id=plan.id, section_id=sid, parent_id=parent_id, position=positions[pos_key],
                            number=it.number, content=it.content, lead_units=list(it.lead),
                            coordinating_units=list(it.coordinating), deadline_text=it.deadline_text,
                            schedule=it.schedule, products=it.products, notes=getattr(it, "notes", "") or "",
                            commune_role=it.commune_role, origin=origin, source_sheet=it.source_sheet,
                            source_row=it.source_row)
                old = existing.pop(origin, None)
                if old is None:
                    origin_ids[origin] = int(self.repo.insert("tasks", task_to_row(task), log))
                    result.added += 1
                else:
                    task.id = old.id
                    task.officer, task.notes = old.officer, old.notes or task.notes
                    if old.schedule_manual:
                        task.schedule, task.schedule_manual = old.schedule, True
                    before = len(log)
                    self.repo.update("tasks", task_to_row(task), log)
                    origin_ids[origin] = old.id
                    if len(log) > before and (old.content, old.lead_units, old.coordinating_units,
                                              old.deadline_text, old.products) != \
                            (task.content, task.lead_units, task.coordinating_units, task.deadline_text,
                             task.products):
                        result.changed += 1
            for old in sorted(existing.values(), key=lambda t: -(t.parent_id or 0)):
                if self.repo.task_in_use(old.id):
                    old.notes = (old.notes + "\n" if old.notes else "") + "Không còn trong kế hoạch cấp trên mới."
                    self.repo.update("tasks", task_to_row(old), log)
                    result.kept += 1
                else:
                    self.repo.delete("tasks", old.id, log)
                    result.removed += 1

        what = "Nhập bản sửa đổi" if plan is not None else "Nhập kế hoạch"
        result.changes = self._write(f"{what} '{Path(imported.source_file).name}'", do)
        return result
