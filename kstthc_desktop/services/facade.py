"""Use cases over one office file: the only code that combines storage, importers and reports.

Every write runs in one transaction, is recorded for undo, and returns a ``Changes`` record that
the UI turns into one ``data_changed`` signal.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..core.errors import EvidenceError, KstthcError, ValidationError
from ..core.filenames import safe_file_name, unique_name
from ..core.model import (
    Evidence,
    Office,
    Plan,
    ProgressEntry,
    Section,
    Status,
    Task,
    parent_numbers,
    qualified_number,
)
from ..core.progress import NullProgress, Progress
from ..core.text import clean
from ..core.validate import validate_office
from ..storage import evidence as blobstore
from ..storage.atomic import atomic_write, backup_folder_of, guard_folder, guard_output, write_error
from ..storage.office_file import OfficeFile
from ..storage.repository import Repository, RowChange
from .handback import HandbackMixin
from .importing import ImportMixin
from .references import ReferencesMixin
from .reporting import ReportMixin
from .safety import SafetyMixin
from .search import SearchMixin

DEFAULT_EVIDENCE_LIMIT = 200 * 1024 * 1024
UNDO_LIMIT = 200


def default_office_path() -> Path:
    """The office file in the platform's user-data folder (first run creates it)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("KSTTHC Desktop", "KSTTHC", roaming=True)) / "van-phong.kstthc"


@dataclass(frozen=True)
class Changes:
    """What one write touched, so views refresh themselves (DESIGN.md §3)."""

    label: str = ""
    tables: frozenset[str] = frozenset()
    task_ids: frozenset[int] = frozenset()
    structural: bool = True  # tasks or sections added, removed or moved: views rebuild, not patch

    @classmethod
    def of(cls, label: str, log: Iterable[RowChange]) -> Changes:
        log = list(log)
        tables = frozenset(ch.table for ch in log)
        structural = any(
            ch.table in ("plans", "sections")
            or (ch.table == "tasks" and (ch.before is None or ch.after is None
                                         or any(ch.before[k] != ch.after[k]
                                                for k in ("position", "parent_id", "section_id", "plan_id"))))
            for ch in log)
        ids: set[int] = set()
        for ch in log:
            if ch.table == "tasks":
                ids.add(int(ch.key))
            elif ch.table in ("progress", "evidence"):
                row = ch.after or ch.before or {}
                if row.get("task_id") is not None:
                    ids.add(int(row["task_id"]))
        return cls(label, tables, frozenset(ids), structural)


@dataclass
class UndoStep:
    """One undoable action: its label in the Edit menu and the rows it changed."""

    label: str
    changes: list[RowChange]


@dataclass
class TaskView:
    """A task with what the views show beside it (status at a date, counts)."""

    task: Task
    status: Status
    due: date | None
    percent: int = 0
    last_update: date | None = None
    evidence_count: int = 0
    done_without_evidence: bool = False
    children: list[TaskView] = field(default_factory=list)
    ref: str = ""  # the number with its section ("II.3.2"), for lists where a bare "3" is ambiguous


class OfficeService(ImportMixin, ReportMixin, ReferencesMixin, HandbackMixin, SearchMixin, SafetyMixin):
    """The facade over one open office file."""

    def __init__(self, office_file: OfficeFile) -> None:
        self.file = office_file
        self.repo = Repository(office_file.conn)
        self._owner = threading.get_ident()  # the thread that owns the connection (and every write)
        self._undo: list[UndoStep] = []
        self._redo: list[UndoStep] = []
        # Reads that several views ask for after one change are computed once, and kept until a
        # write touches a table they depend on.
        self._cache: dict[tuple, tuple[frozenset[str], object]] = {}
        self._index_lock = threading.Lock()  # one pass of the evidence-file reader at a time
        self._index_stop = threading.Event()  # set on close: the reader lets go of the file

    # --- lifecycle -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, create: bool = False,
             run_upgrade_backup: Callable[[Callable[[Progress | None], object]], object] | None = None,
             ) -> OfficeService:
        """``run_upgrade_backup``: when opening upgrades the file's format, the backup it needs first
        (seconds for a year's documents) is handed to this as ``job(progress)``, to run where the
        officer sees it (the window: on a worker behind a progress dialog) and return ``job``'s
        result; the file stays held from that copy to the open. Without it, the copy is made inside
        the open."""
        p = Path(path)
        held = None
        if run_upgrade_backup is not None and cls.upgrade_due(p):
            held = run_upgrade_backup(lambda progress=None: cls.backup_before_upgrade(p, progress))
        folder = None if held is not None else backup_folder_of(p.absolute())
        office_file = OfficeFile.open(p, create=create, backup_dir=folder, held=held)
        service = cls(office_file)
        with service.file.transaction() as conn:
            blobstore.drop_orphan_blobs(conn)
        return service

    @property
    def path(self) -> Path:
        return self.file.path

    def close(self) -> None:
        self.stop_indexing()
        self.file.close()

    def __enter__(self) -> OfficeService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[Repository]:
        """The repository to read from: the owned connection on its own thread; from a worker
        (exports, packing), a short-lived read-only connection, so the owner's transactions and
        the worker never share a connection."""
        if threading.get_ident() == self._owner:
            yield self.repo
            return
        conn = OfficeFile.read_only_connection(self.path)
        try:
            yield Repository(conn)
        finally:
            conn.close()

    def _cached(self, key: tuple, compute, depends: frozenset[str]):  # noqa: ANN001, ANN202
        hit = self._cache.get(key)
        if hit is not None:
            return hit[1]
        value = compute()
        self._cache[key] = (depends, value)
        return value

    def _invalidate(self, tables: Iterable[str] | None = None) -> None:
        """Forget cached reads that depend on ``tables`` (all of them when unknown)."""
        if tables is None:
            self._cache.clear()
            return
        touched = set(tables)
        for key in [k for k, (deps, _) in self._cache.items() if deps & touched]:
            del self._cache[key]

    def _write(self, label: str, fn, undoable: bool = True) -> Changes:  # noqa: ANN001
        log: list[RowChange] = []
        try:
            with self.file.transaction():
                fn(log)
        except BaseException:
            self._invalidate()  # rolled back: nothing changed, but be safe
            raise
        self._invalidate(ch.table for ch in log)
        if log and undoable:
            self._undo.append(UndoStep(label, log))
            del self._undo[:-UNDO_LIMIT]
            self._redo.clear()
        return Changes.of(label, log)

    # --- undo ------------------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def clear_undo(self) -> None:
        """Start with nothing to undo (after setting up a new file, say)."""
        self._undo.clear()
        self._redo.clear()

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def undo(self) -> Changes:
        if not self._undo:
            return Changes()
        step = self._undo.pop()
        self._invalidate()
        with self.file.transaction():
            self.repo.apply(step.changes, inverse=True)
        self._redo.append(step)
        return Changes.of(step.label, step.changes)

    def redo(self) -> Changes:
        if not self._redo:
            return Changes()
        step = self._redo.pop()
        self._invalidate()
        with self.file.transaction():
            self.repo.apply(step.changes, inverse=False)
        self._undo.append(step)
        return Changes.of(step.label, step.changes)

    # --- office ----------------------------------------------------------------------------
    def office(self) -> Office | None:
        return self.repo.office()

    def has_office(self) -> bool:
        return self.repo.office() is not None

    def save_office(self, office: Office) -> Changes:
        validate_office(office)
        office.name = "\n".join(clean(office.name).split("\n"))
        return self._write("Sửa thông tin cơ quan", lambda log: self.repo.save_office(office, log))

    def setting(self, key: str, default: object = None) -> object:
        return self.repo.setting(key, default)

    def set_setting(self, key: str, value: object) -> Changes:
        return self._write("Cài đặt", lambda log: self.repo.set_setting(key, value, log), undoable=False)

    # --- plans -----------------------------------------------------------------------------
    def plans(self) -> list[Plan]:
        return self.repo.plans()

    def plan(self, plan_id: int) -> Plan:
        return self.repo.plan(plan_id)

    def current_plan(self) -> Plan | None:
        plans = self.repo.plans()
        if not plans:
            return None
        wanted = self.repo.setting("current_plan")
        return next((p for p in plans if p.id == wanted), plans[0])

    def set_current_plan(self, plan_id: int) -> Changes:
        """The plan the window shows; the others stay in the file, untouched."""
        self.repo.plan(plan_id)  # a plan that is not there is an error, not a silent choice
        return self._write("Chọn kế hoạch", lambda log: self.repo.set_setting("current_plan", plan_id, log),
                           undoable=False)

    def create_plan(self, plan: Plan) -> tuple[int, Changes]:
        if not (1900 < plan.year < 2200):
            raise ValidationError("Năm của kế hoạch không hợp lệ.", "Hãy nhập năm, ví dụ 2026.", "year")
        plan.title = clean(plan.title)
        box: list[int] = []

        def do(log: list[RowChange]) -> None:
            from ..storage.repository import plan_to_row

            pid = int(self.repo.insert("plans", plan_to_row(plan), log))
            self.repo.set_setting("current_plan", pid, log)
            box.append(pid)

        changes = self._write(f"Tạo kế hoạch năm {plan.year}", do)
        return box[0], changes

    def update_plan(self, plan: Plan) -> Changes:
        from ..storage.repository import plan_to_row

        return self._write("Sửa kế hoạch", lambda log: self.repo.update("plans", plan_to_row(plan), log))

    def sections(self, plan_id: int) -> list[Section]:
        return self.repo.sections(plan_id)

    def tasks(self, plan_id: int) -> list[Task]:
        return self.repo.tasks(plan_id)

    def task(self, task_id: int) -> Task:
        return self.repo.task(task_id)

    # --- sections --------------------------------------------------------------------------
    def add_section(self, plan_id: int, number: str, title: str, appendix: bool = False) -> tuple[int, Changes]:
        title = clean(title)
        if not title:
            raise ValidationError("Tên mục không được để trống.", "Hãy nhập tên mục, ví dụ 'NỘI DUNG'.", "title")
        box: list[int] = []

        def do(log: list[RowChange]) -> None:
            from ..storage.repository import section_to_row

            pos = self.repo.next_position("sections", "plan_id = ?", (plan_id,))
            sec = Section(plan_id=plan_id, number=clean(number), title=title, position=pos, appendix=appendix)
            box.append(int(self.repo.insert("sections", section_to_row(sec), log)))

        changes = self._write(f"Thêm mục {number}".strip(), do)
        return box[0], changes

    def update_section(self, section: Section) -> Changes:
        from ..storage.repository import section_to_row

        section.title = clean(section.title)
        if not section.title:
            raise ValidationError("Tên mục không được để trống.", "Hãy nhập tên mục.", "title")
        return self._write("Sửa mục", lambda log: self.repo.update("sections", section_to_row(section), log))

    def move_section(self, section_id: int, delta: int) -> Changes:
        """Move a section up (-1) or down (+1) among the plan's sections (appendices stay last)."""
        sec = self.repo.section(section_id)

        def do(log: list[RowChange]) -> None:
            from ..storage.repository import section_to_row

            group = [s for s in self.repo.sections(sec.plan_id) if s.appendix == sec.appendix]
            ids = [s.id for s in group]
            i = ids.index(section_id)
            j = max(0, min(len(ids) - 1, i + delta))
            if i == j:
                return
            ids.insert(j, ids.pop(i))
            by_id = {s.id: s for s in group}
            base = min(s.position for s in group)
            for pos, sid in enumerate(ids, start=base):
                if by_id[sid].position != pos:
                    by_id[sid].position = pos
                    self.repo.update("sections", section_to_row(by_id[sid]), log)

        return self._write(f"Di chuyển mục {sec.number}".strip(), do)

    def delete_section(self, section_id: int) -> Changes:
        def do(log: list[RowChange]) -> None:
            for tid in self.repo.root_task_ids(section_id):
                self._delete_task_rows(tid, log)
            self.repo.delete("sections", section_id, log)

        sec = self.repo.section(section_id)
        return self._write(f"Xóa mục {sec.number} {sec.title[:30]}".strip(), do)

    # --- tasks -----------------------------------------------------------------------------
    def add_task(self, task: Task, after_id: int | None = None) -> tuple[int, Changes]:
        """Add a task (at the end of its parent/section, or right after ``after_id``)."""
        self._prepare_task(task)
        box: list[int] = []

        def do(log: list[RowChange]) -> None:
            from ..storage.repository import task_to_row

            siblings = self._siblings(task.plan_id, task.section_id, task.parent_id)
            if after_id is not None and after_id in siblings:
                idx = siblings.index(after_id) + 1
            else:
                idx = len(siblings)
            task.position = idx
            tid = int(self.repo.insert("tasks", task_to_row(task), log))
            siblings.insert(idx, tid)
            self._renumber(siblings, log)
            box.append(tid)

        changes = self._write("Thêm nhiệm vụ", do)
        return box[0], changes

    def update_task(self, task: Task) -> Changes:
        self._prepare_task(task)
        from ..storage.repository import task_to_row

        return self._write(f"Sửa nhiệm vụ {self.task_ref(task)}".strip(),
                           lambda log: self.repo.update("tasks", task_to_row(task), log))

    def delete_task(self, task_id: int) -> Changes:
        task = self.repo.task(task_id)
        return self._write(f"Xóa nhiệm vụ {self.task_ref(task)}".strip(),
                           lambda log: self._delete_task_rows(task_id, log))

    def move_task(self, task_id: int, delta: int) -> Changes:
        """Move a task up (-1) or down (+1) among its siblings."""
        task = self.repo.task(task_id)

        def do(log: list[RowChange]) -> None:
            siblings = self._siblings(task.plan_id, task.section_id, task.parent_id)
            i = siblings.index(task_id)
            j = max(0, min(len(siblings) - 1, i + delta))
            if i == j:
                return
            siblings.insert(j, siblings.pop(i))
            self._renumber(siblings, log)

        return self._write(f"Di chuyển nhiệm vụ {self.task_ref(task)}".strip(), do)

    def task_ref(self, task: Task) -> str:
        """The task's number with its section ("II.3.2", "PL.3"): a bare "3" names several tasks."""
        if task.section_id is None:
            return task.number
        try:
            sec = self.repo.section(task.section_id)
        except KstthcError:
            return task.number
        by_id: dict = {}
        if task.parent_id is not None and task.plan_id is not None:
            plan_id = task.plan_id
            by_id = {t.id: t for t in self._cached(("tasks", plan_id), lambda: self.repo.tasks(plan_id),
                                                   frozenset({"plans", "tasks"}))}
        return qualified_number(sec.number, task.number, sec.appendix, parent_numbers(task, by_id)) or task.number

    def _prepare_task(self, task: Task) -> None:
        task.content = clean(task.content)
        if not task.content:
            raise ValidationError("Nội dung nhiệm vụ không được để trống.", "Hãy nhập nội dung công việc.", "content")
        if task.plan_id is None:
            raise ValidationError("Nhiệm vụ phải thuộc một kế hoạch.", "Hãy tạo hoặc chọn kế hoạch trước.")
        task.number = clean(task.number)
        task.deadline_text = clean(task.deadline_text)
        task.lead_units = [u for u in (clean(x) for x in task.lead_units) if u]
        task.coordinating_units = [u for u in (clean(x) for x in task.coordinating_units) if u]
        if not task.schedule_manual:
            plan = self.repo.plan(task.plan_id)
            from ..core.schedule import parse_schedule

            task.schedule = (parse_schedule(task.deadline_text, plan.year, self.work_calendar())
                             if task.deadline_text else None)

    def _siblings(self, plan_id: int | None, section_id: int | None, parent_id: int | None) -> list[int]:
        return self.repo.sibling_ids(plan_id, section_id, parent_id)

    def _renumber(self, ids: list[int], log: list[RowChange]) -> None:
        for pos, tid in enumerate(ids):
            if self.repo.task_position(tid) != pos:
                self.repo.update("tasks", {"id": tid, "position": pos}, log)

    def _delete_task_rows(self, task_id: int, log: list[RowChange]) -> None:
        ids = self.repo.subtree_ids(task_id)
        for tid in ids:
            for eid in self.repo.ids_for_task("evidence", tid):
                self.repo.delete("evidence", eid, log)
            for pid in self.repo.ids_for_task("progress", tid):
                self.repo.delete("progress", pid, log)
        for tid in reversed(ids):
            self.repo.delete("tasks", tid, log)

    # --- views -----------------------------------------------------------------------------
    def task_views(self, plan_id: int, ref: date | None = None) -> list[TaskView]:
        """Every task of the plan with its status at ``ref`` (flat, in tree order).

        Computed once per write and handed out as fresh copies (callers may fill ``children``).
        """
        ref = ref or date.today()
        views = self._cached(("task_views", plan_id, ref), lambda: self._compute_task_views(plan_id, ref),
                             frozenset({"plans", "sections", "tasks", "progress", "evidence"}))
        return [_fresh_view(v) for v in views]

    def plan_progress(self, plan_id: int) -> list[ProgressEntry]:
        return list(self._cached(("progress", plan_id), lambda: self.repo.progress(plan_id=plan_id),
                                 frozenset({"plans", "tasks", "progress"})))

    def _compute_task_views(self, plan_id: int, ref: date) -> list[TaskView]:
        tasks = self._cached(("tasks", plan_id), lambda: self.repo.tasks(plan_id), frozenset({"plans", "tasks"}))
        ev_count = self._cached(("evidence_counts", plan_id), lambda: self.repo.evidence_counts(plan_id),
                                frozenset({"tasks", "evidence"}))
        return self._views(tasks, self.plan_progress(plan_id), ev_count, self.repo.sections(plan_id), ref)

    @staticmethod
    def _views(tasks: list[Task], progress_entries: Iterable[ProgressEntry], ev_count: dict[int, int],
               plan_sections: list[Section], ref: date) -> list[TaskView]:
        """``tasks`` (with every parent of each) as views at ``ref``."""
        from ..core.status import task_status

        progress: dict[int, list[ProgressEntry]] = defaultdict(list)
        for p in progress_entries:
            progress[p.task_id].append(p)
        sections = {s.id: s for s in plan_sections}
        # Without progress a task's status depends on its schedule alone, and tasks read together
        # share the schedules they have in common (Repository.tasks): each is judged once.
        unreported: dict[int, Status] = {}
        by_id = {t.id: t for t in tasks}
        views = []
        for t in tasks:
            sec = sections.get(t.section_id)
            entries = progress.get(t.id, [])
            seen = [p for p in entries if p.on <= ref]
            if entries:
                status = task_status(t.schedule, entries, ref)
            else:
                status = unreported.get(id(t.schedule))
                if status is None:
                    status = unreported[id(t.schedule)] = task_status(t.schedule, entries, ref)
            done = status in (Status.DONE_ON_TIME, Status.DONE_LATE)
            views.append(TaskView(
                task=t, status=status, due=t.schedule.due if t.schedule else None,
                percent=100 if done else max((p.percent for p in seen), default=0),
                last_update=max((p.on for p in entries), default=None),
                evidence_count=ev_count.get(t.id, 0),
                done_without_evidence=done and not ev_count.get(t.id, 0),
                ref=(qualified_number(sec.number, t.number, sec.appendix, parent_numbers(t, by_id)) if sec else "")
                or t.number))
        return views

    def task_tree(self, plan_id: int, ref: date | None = None) -> list[tuple[Section | None, list[TaskView]]]:
        """Sections in order, each with its root task views (children nested)."""
        return self._nest(self.task_views(plan_id, ref), self.repo.sections(plan_id))

    @staticmethod
    def _nest(views: list[TaskView], sections: list[Section]) -> list[tuple[Section | None, list[TaskView]]]:
        by_id = {v.task.id: v for v in views}
        roots: dict[int | None, list[TaskView]] = defaultdict(list)
        for v in sorted(views, key=lambda v: (v.task.position, v.task.id)):
            if v.task.parent_id is not None and v.task.parent_id in by_id:
                by_id[v.task.parent_id].children.append(v)
            else:
                roots[v.task.section_id].append(v)
        out: list[tuple[Section | None, list[TaskView]]] = []
        if roots.get(None):
            out.append((None, roots[None]))
        for sec in sections:
            out.append((sec, roots.get(sec.id, [])))
        return out

    def task_tree_head(self, plan_id: int, ref: date | None = None,
                       rows: int = 60) -> tuple[list[tuple[Section | None, list[TaskView]]], int] | None:
        """The top of ``task_tree`` for a large plan's first picture, and the plan's task count.

        Every section, and in the tree's order the root tasks (each with all its subtasks) that
        fill the first ``rows`` rows of a table whose sections are open: what the window shows
        first, read in a few milliseconds where the whole of a 2,000-task plan takes tens (the
        window reads the rest right after its first paint). None for a plan of up to four
        screens: reading all of it costs about as much."""
        ref = ref or date.today()
        count = self.repo.task_count(plan_id)
        if count <= 4 * rows:
            return None
        sections = self.repo.sections(plan_id)
        picked: list[int] = []
        shown = 0
        for section_id in [None, *(s.id for s in sections)]:  # the table's order
            shown += section_id is not None  # the section's own row
            if shown >= rows:
                break
            found = self.repo.first_root_tasks(plan_id, section_id, rows - shown)
            picked += found
            shown += len(found)
        level, seen = picked, set(picked)
        while level:  # their subtasks, a generation at a time
            level = [tid for tid in self.repo.child_task_ids(plan_id, level) if tid not in seen]
            seen.update(level)
            picked += level
        tasks = self.repo.tasks(plan_id, ids=picked)
        views = self._views(tasks, self.repo.progress(task_ids=picked),
                            self.repo.evidence_counts(plan_id, task_ids=picked), sections, ref)
        return self._nest(views, sections), count

    # --- progress --------------------------------------------------------------------------
    def progress(self, task_id: int) -> list[ProgressEntry]:
        return self.repo.progress(task_id=task_id)

    def add_progress(self, entry: ProgressEntry) -> tuple[int, Changes]:
        task = self.repo.task(entry.task_id)
        _validate_progress(entry, task)
        box: list[int] = []

        def do(log: list[RowChange]) -> None:
            from ..storage.repository import progress_to_row

            box.append(int(self.repo.insert("progress", progress_to_row(entry), log)))

        label = "Đánh dấu hoàn thành" if entry.done else "Cập nhật tiến độ"
        changes = self._write(f"{label} {self.task_ref(task)}".strip(), do)
        return box[0], changes

    def update_progress(self, entry: ProgressEntry) -> Changes:
        task = self.repo.task(entry.task_id)
        _validate_progress(entry, task)
        from ..storage.repository import progress_to_row

        return self._write("Sửa tiến độ", lambda log: self.repo.update("progress", progress_to_row(entry), log))

    def delete_progress(self, entry_id: int) -> Changes:
        self.repo.progress_entry(entry_id)
        return self._write("Xóa tiến độ", lambda log: self.repo.delete("progress", entry_id, log))

    # --- evidence --------------------------------------------------------------------------
    def evidence(self, task_id: int | None = None, plan_id: int | None = None) -> list[Evidence]:
        return self.repo.evidence(plan_id=plan_id, task_id=task_id)

    def evidence_limit(self) -> int:
        with self._reading() as repo:
            return int(repo.setting("evidence_limit", DEFAULT_EVIDENCE_LIMIT))

    def add_evidence(self, task_id: int, path: str | os.PathLike, progress: Progress | None = None,
                     doc_number: str = "", doc_date: date | None = None, summary: str = "",
                     occurrence: int | None = None) -> tuple[int, Changes]:
        """Store a file inside the office file (streamed, deduplicated) and link it to a task."""
        self.repo.task(task_id)
        sha, size = self.stage_evidence(path, progress)
        return self.link_evidence(task_id, path, sha, size, doc_number, doc_date, summary, occurrence)

    def stage_evidence(self, path: str | os.PathLike, progress: Progress | None = None) -> tuple[str, int]:
        """Hash and store the file's bytes as a content-addressed BLOB. Safe on a worker thread.

        It uses its own connection and transaction, so the GUI keeps reading (WAL) while a large
        file streams in; an unlinked BLOB is harmless and is dropped on the next open.
        """
        progress = progress or NullProgress()
        src = Path(path)
        try:
            if not src.is_file():
                raise EvidenceError(f"Không tìm thấy tệp '{src.name}'.", "Có thể tệp đã bị di chuyển hoặc xóa.")
            size = src.stat().st_size
        except OSError as exc:
            raise EvidenceError(f"Không đọc được tệp '{src.name}': {exc.strerror}.", "Hãy chọn tệp khác.") from exc
        limit = self.evidence_limit()
        if size > limit:
            raise EvidenceError(
                f"Tệp '{src.name}' ({size / 1048576:.0f} MB) vượt giới hạn {limit / 1048576:.0f} MB mỗi tệp.",
                "Hãy nén hoặc chia nhỏ tệp, hoặc tăng giới hạn trong Cài đặt.")
        try:
            sha, size = blobstore.hash_file(src, progress)
        except OSError as exc:
            raise EvidenceError(f"Không đọc được tệp '{src.name}': {exc.strerror}.", "Hãy chọn tệp khác.") from exc
        try:
            blobstore.store_blob_separately(self.path, src, sha, size, progress)
        except OSError as exc:
            raise EvidenceError(f"Không đọc được tệp '{src.name}': {exc.strerror}.", "Hãy thử lại.") from exc
        return sha, size

    def link_evidence(self, task_id: int, path: str | os.PathLike, sha: str, size: int, doc_number: str = "",
                      doc_date: date | None = None, summary: str = "",
                      occurrence: int | None = None) -> tuple[int, Changes]:
        """Link a staged BLOB to a task: one small, undoable transaction on the main connection."""
        task = self.repo.task(task_id)
        src = Path(path)
        if not blobstore.has_blob(self.repo.conn, sha):
            raise EvidenceError(f"Nội dung tệp '{src.name}' chưa được lưu.", "Hãy đính kèm lại.")
        box: list[int] = []

        def do(log: list[RowChange]) -> None:
            import mimetypes

            from ..storage.repository import evidence_to_row

            ev = Evidence(task_id=task_id, occurrence=occurrence, sha256=sha, name=clean(src.name) or "tep",
                          size=size, mime=mimetypes.guess_type(src.name)[0] or "", added=date.today(),
                          doc_number=clean(doc_number), doc_date=doc_date, summary=clean(summary))
            box.append(int(self.repo.insert("evidence", evidence_to_row(ev), log)))

        changes = self._write(f"Đính kèm '{src.name}' vào nhiệm vụ {self.task_ref(task)}".strip(), do)
        return box[0], changes

    def update_evidence(self, ev: Evidence) -> Changes:
        from ..storage.repository import evidence_to_row

        return self._write("Sửa thông tin tài liệu", lambda log: self.repo.update("evidence", evidence_to_row(ev), log))

    def remove_evidence(self, evidence_id: int) -> Changes:
        ev = self.repo.evidence_item(evidence_id)
        return self._write(f"Gỡ tài liệu '{ev.name}'", lambda log: self.repo.delete("evidence", evidence_id, log))

    def save_evidence_copy(self, evidence_id: int, target: str | os.PathLike,
                           progress: Progress | None = None) -> Path:
        ev = self.repo.evidence_item(evidence_id)
        target = guard_output(target)
        if target.exists():
            raise EvidenceError(f"Đã có tệp '{target.name}' ở nơi lưu.", "Hãy chọn tên khác.")
        blobstore.write_blob_to(self.repo.conn, ev.sha256, target, progress)
        return target

    def extract_for_viewing(self, evidence_id: int) -> Path:
        """Write the file into a private temp folder so the system viewer can open it."""
        import tempfile

        ev = self.repo.evidence_item(evidence_id)
        folder = Path(tempfile.mkdtemp(prefix="kstthc-"))
        target = folder / safe_file_name(ev.name)
        blobstore.write_blob_to(self.repo.conn, ev.sha256, target)
        return target

    def subtree_evidence(self, task_id: int, repo: Repository | None = None) -> list[Evidence]:
        """Evidence of a task and all its subtasks (what deleting the task would take with it)."""
        repo = repo or self.repo
        out: list[Evidence] = []
        for tid in repo.subtree_ids(task_id):
            out.extend(repo.evidence(task_id=tid))
        return out

    def _evidence_in(self, repo: Repository, plan_id: int | None, period_code: str | None,
                     task_id: int | None = None) -> list[Evidence]:
        items = self.subtree_evidence(task_id, repo) if task_id is not None else repo.evidence(plan_id=plan_id)
        if period_code:
            from ..core.periods import parse_period

            period = parse_period(period_code)
            items = [e for e in items
                     if period.window_start <= (e.doc_date or e.added or period.window_start) <= period.window_end]
        return items

    def export_evidence(self, folder: str | os.PathLike, plan_id: int | None = None,
                        progress: Progress | None = None, period_code: str | None = None,
                        task_id: int | None = None) -> list[Path]:
        """Write evidence files to ``folder/<task number>/<safe name>``; never overwrite, never
        escape, never into an office file's backup folder. A document whose bytes are damaged is
        not written; the others are, and the damaged ones are named at the end."""
        progress = progress or NullProgress()
        root = guard_folder(folder)
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            err = write_error(root, exc)
            raise EvidenceError(err.message, err.hint) from exc
        damaged: list[str] = []
        with self._reading() as repo:
            items = self._evidence_in(repo, plan_id, period_code, task_id)
            tasks: dict[int, Task] = {}
            taken: dict[Path, set[str]] = {}
            written: list[Path] = []
            for i, ev in enumerate(items):
                if ev.task_id not in tasks:
                    tasks[ev.task_id] = repo.task(ev.task_id)
                sub = root / _task_folder(tasks[ev.task_id])
                try:
                    sub.mkdir(exist_ok=True)
                except OSError as exc:
                    err = write_error(sub, exc)
                    raise EvidenceError(err.message, err.hint) from exc
                if sub not in taken:
                    taken[sub] = {p.name.casefold() for p in sub.iterdir()}
                target = sub / unique_name(ev.name, taken[sub])
                try:
                    blobstore.write_blob_to(repo.conn, ev.sha256, target)
                except blobstore.BlobDamaged:
                    damaged.append(ev.name)
                    continue
                written.append(target)
                progress.report(i + 1, len(items), ev.name)
        if damaged:
            raise blobstore.BlobDamaged(
                f"Đã xuất {len(written)} tệp; {len(damaged)} tài liệu bị hỏng nên không xuất: "
                + ", ".join(f"'{n}'" for n in damaged[:5]) + ("…" if len(damaged) > 5 else "") + ".",
                "Hãy chạy 'Kiểm tra tệp dữ liệu' và khôi phục các tài liệu đó từ bản sao lưu.")
        return written

    def pack_for_inspection(self, zip_path: str | os.PathLike, plan_id: int | None = None,
                            period_code: str | None = None, progress: Progress | None = None) -> Path:
        """One ZIP for the inspectors: the files by task plus an index workbook task → documents."""
        progress = progress or NullProgress()
        target = guard_output(zip_path)
        with self._reading() as repo:
            return self._pack(repo, target, plan_id, period_code, progress)

    def _pack(self, repo: Repository, target: Path, plan_id: int | None, period_code: str | None,
              progress: Progress) -> Path:
        import io
        import zipfile

        from openpyxl import Workbook

        from ..core.spreadsheet import set_row

        items = self._evidence_in(repo, plan_id, period_code)
        wb = Workbook()
        ws = wb.active
        ws.title = "Danh muc minh chung"
        set_row(ws, 1, ["Nhiệm vụ", "Nội dung nhiệm vụ", "Tài liệu", "Số, ký hiệu", "Ngày văn bản", "Trích yếu",
                        "Tệp trong gói"])
        tasks: dict[int, Task] = {}
        folders: dict[str, tuple[str, set[str]]] = {}  # casefolded → (spelling used, names taken)
        with atomic_write(target) as tmp:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                for i, ev in enumerate(items):
                    if ev.task_id not in tasks:
                        tasks[ev.task_id] = repo.task(ev.task_id)
                    t = tasks[ev.task_id]
                    # names unique case-insensitively: Windows unpacks "A.pdf" and "a.pdf" onto one file
                    folder, taken = folders.setdefault(_task_folder(t).casefold(), (_task_folder(t), set()))
                    name = f"{folder}/{unique_name(ev.name, taken)}"
                    with zf.open(name, "w", force_zip64=ev.size > 2**31) as out:
                        blobstore.copy_blob(repo.conn, ev.sha256, out, ev.name)
                    set_row(ws, ws.max_row + 1, [t.number, t.content[:500], ev.name, ev.doc_number,
                                                 ev.doc_date.strftime("%d/%m/%Y") if ev.doc_date else "",
                                                 ev.summary, name])
                    progress.report(i + 1, len(items) + 1, ev.name)
                buf = io.BytesIO()
                for col, width in zip("ABCDEFG", (10, 60, 36, 16, 14, 40, 40), strict=True):
                    ws.column_dimensions[col].width = width
                wb.save(buf)
                zf.writestr("Danh-muc-minh-chung.xlsx", buf.getvalue())
        return target

    # --- working days ----------------------------------------------------------------------
    def work_calendar(self):  # noqa: ANN201 - core.workdays.WorkCalendar
        from ..core.workdays import WorkCalendar

        rows = self.repo.workday_overrides()
        return WorkCalendar(overrides_off=[d for d, k, _ in rows if k == "off"],
                            overrides_work=[d for d, k, _ in rows if k == "work"])

    def submission_rule(self):  # noqa: ANN201 - core.periods.SubmissionRule
        from ..core.periods import SubmissionRule

        return SubmissionRule.from_json(self.repo.setting("submission_rule", {}) or {})

    def set_submission_rule(self, rule) -> Changes:  # noqa: ANN001
        if rule.mode == "workdays" and not (0 <= rule.workdays <= 30):
            raise ValidationError("Số ngày làm việc phải từ 0 đến 30.", "Hãy nhập lại.", "workdays")
        if rule.mode == "day_of_month" and not (1 <= rule.day <= 31):
            raise ValidationError("Ngày trong tháng phải từ 1 đến 31.", "Hãy nhập lại.", "day")
        return self.set_setting("submission_rule", rule.to_json())

    def set_evidence_limit(self, megabytes: int) -> Changes:
        if not (1 <= megabytes <= 2048):
            raise ValidationError("Giới hạn mỗi tệp phải từ 1 đến 2048 MB.", "Hãy nhập lại.", "evidence_limit")
        return self.set_setting("evidence_limit", megabytes * 1024 * 1024)

    def workday_overrides(self) -> list[tuple[date, str, str]]:
        return self.repo.workday_overrides()

    def set_workday_override(self, day: date, kind: str | None, note: str = "") -> Changes:
        def do(log: list[RowChange]) -> None:
            self.repo.delete("workday_overrides", day.isoformat(), log)
            if kind:
                self.repo.insert("workday_overrides", {"day": day.isoformat(), "kind": kind, "note": note}, log)

        return self._write("Sửa ngày nghỉ/làm bù", do)


# --- helpers ---------------------------------------------------------------------------------

def _fresh_view(view: TaskView) -> TaskView:
    """A copy with its own (empty) children list: ``dataclasses.replace`` without its per-field
    checks (three times faster; a 2,000-task plan makes 2,000 of these at start-up)."""
    copy = object.__new__(TaskView)
    copy.__dict__.update(view.__dict__)
    copy.children = []
    return copy


def _task_folder(task: Task) -> str:
    return safe_file_name(f"NV {task.number}".strip() if task.number else f"NV {task.id}").replace(".", "_")


def _validate_progress(entry: ProgressEntry, task: Task) -> None:
    if not (0 <= entry.percent <= 100):
        raise ValidationError("Tỷ lệ hoàn thành phải từ 0 đến 100%.", "Hãy nhập lại.", "percent")
    if entry.on is None or entry.on.year < 1990 or entry.on > date.today().replace(year=date.today().year + 1):
        raise ValidationError("Ngày cập nhật không hợp lệ.", "Hãy chọn ngày thực hiện.", "on")
    if entry.occurrence is not None:
        n = len(task.schedule.occurrences) if task.schedule else 0
        if not (0 <= entry.occurrence < max(n, 1)):
            raise ValidationError("Lần thực hiện không tồn tại.", "Hãy chọn một lần trong danh sách.", "occurrence")
    if entry.done and entry.percent < 100:
        entry.percent = 100
    entry.note = clean(entry.note)


__all__ = ["Changes", "OfficeService", "TaskView", "default_office_path", "safe_file_name", "validate_office"]
