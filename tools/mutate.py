"""Plant small bugs in the core rules and see whether the tests notice (a mutation run).

    python tools/mutate.py            # every mutant
    python tools/mutate.py 3 7        # only mutants 3 and 7
    python tools/mutate.py --list

Each mutant changes one line of the program in a temporary copy of the repository (the working
tree is never touched, so an interrupted run leaves nothing behind), then runs the tests that
guard that rule. A mutant the tests fail on is *killed*; one they pass with *survived* and
points at a missing test. The first six are the mutants that once survived the whole suite
(issue 11).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutant:
    what: str
    file: str
    before: str
    after: str
    tests: tuple[str, ...]


MUTANTS = [
    Mutant("continuation rows: no new line after ';' or ':'", "kstthc_desktop/importers/plan_table.py",
           'before.rstrip()[-1:] in ".;:!?…"', 'before.rstrip()[-1:] in ".!?…"',
           ("tests/unit/importers/test_plan_table.py",)),
    Mutant("status table: shares left out the tasks without a deadline", "kstthc_desktop/core/tally.py",
           "parts = largest_remainder([self.counts.get(s, 0) for s in STATUS_ORDER])",
           "parts = largest_remainder([self.counts.get(s, 0) if s is not Status.NO_DEADLINE else 0 "
           "for s in STATUS_ORDER])",
           ("tests/unit/reports/test_content.py",)),
    Mutant("period filter: a task due on the cut-off day dropped", "kstthc_desktop/ui/models/task_tree.py",
           "if lo <= d <= hi:", "if lo <= d < hi:", ("tests/gui/test_table_view.py",)),
    Mutant("submission rule: the fixed day may fall on the cut-off itself", "kstthc_desktop/core/periods.py",
           "if day <= cutoff.day:", "if day < cutoff.day:", ("tests/unit/core/test_periods.py",)),
    Mutant("backups listed oldest first", "kstthc_desktop/storage/backup.py",
           "out.sort(key=lambda b: (b.taken, b.path.name), reverse=True)",
           "out.sort(key=lambda b: (b.taken, b.path.name), reverse=False)",
           ("tests/unit/storage/test_backup.py", "tests/unit/storage/test_office_file.py")),
    Mutant("undo history trimmed from the newest end", "kstthc_desktop/services/facade.py",
           "del self._undo[:-UNDO_LIMIT]", "del self._undo[UNDO_LIMIT:]",
           ("tests/unit/services/test_facade.py",)),
    # --- more core rules ----------------------------------------------------------------------
    Mutant("status: done on the due date counted late", "kstthc_desktop/core/status.py",
           "if due is None or done_on <= due:", "if due is None or done_on < due:",
           ("tests/unit/core/test_status.py",)),
    Mutant("status: overdue already on the due date", "kstthc_desktop/core/status.py",
           "return Status.OVERDUE if ref > due else Status.IN_TIME",
           "return Status.OVERDUE if ref >= due else Status.IN_TIME", ("tests/unit/core/test_status.py",)),
    Mutant("status: one overdue occurrence no longer makes the task overdue", "kstthc_desktop/core/status.py",
           "    if Status.OVERDUE in statuses:\n        return Status.OVERDUE\n", "",
           ("tests/unit/core/test_status.py",)),
    Mutant("periods: a quarter's window starts a month late", "kstthc_desktop/core/periods.py",
           "_day15_of_previous_month(year, last - 2), _day14(year, last), q)",
           "_day15_of_previous_month(year, last - 1), _day14(year, last), q)", ("tests/unit/core/test_periods.py",)),
    Mutant("periods: the 15th still belongs to the old quarter", "kstthc_desktop/core/periods.py",
           "if m == 3 * q and d >= 15:", "if m == 3 * q and d > 15:", ("tests/unit/core/test_periods.py",)),
    Mutant("workdays: weekends and holidays counted as working days", "kstthc_desktop/core/workdays.py",
           "            if self.is_workday(cur):\n                left -= 1",
           "            if True:\n                left -= 1", ("tests/unit/core/test_workdays.py",)),
    Mutant("schedule: parser bug hidden as 'unknown' even in tests", "kstthc_desktop/core/schedule.py",
           "        if strict_mode():  # … but in the tests it must fail loudly, not become \"unknown\"\n"
           "            raise\n", "", ("tests/unit/core/test_schedule.py",)),
    Mutant("import boundary: our own bugs hidden as 'damaged file'", "kstthc_desktop/importers/boundary.py",
           "if strict_mode() and is_ours(exc):", "if False:", ("tests/unit/importers/test_limits.py",)),
    Mutant("backups: rotation keeps only 6 days", "kstthc_desktop/storage/backup.py",
           "KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 3, 7, 8, 12",
           "KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 1, 6, 8, 12", ("tests/unit/storage/test_backup.py",)),
    Mutant("backups: rotation deletes the officer's own copies", "kstthc_desktop/storage/backup.py",
           "            continue  # the officer's own copies are never touched", "            pass",
           ("tests/unit/storage/test_backup.py",)),
    Mutant("backups: broken copies counted as good", "kstthc_desktop/storage/backup.py",
           "if info.path != keep and not looks_whole(info.path):", "if False:",
           ("tests/unit/storage/test_backup.py",)),
    Mutant("output guard: the office file itself not protected", "kstthc_desktop/storage/atomic.py",
           '        if _same(target, office):\n            return "đây chính là tệp dữ liệu của cơ quan"\n', "",
           ("tests/unit/test_cli_safety.py", "tests/unit/storage/test_atomic.py")),
    Mutant("output guard: companions (-wal, -shm, .lock) not protected", "kstthc_desktop/storage/atomic.py",
           'COMPANIONS = ("-wal", "-shm", "-journal", ".lock")', 'COMPANIONS = ("-journal",)',
           ("tests/unit/test_cli_safety.py", "tests/unit/storage/test_atomic.py")),
    Mutant("lock: the same process may open a file twice", "kstthc_desktop/storage/lock.py",
           "            if self._key in _held:  # already open in this process", "            if False:",
           ("tests/unit/storage/test_lock.py", "tests/unit/storage/test_office_file.py")),
    Mutant("lock: the lock file deleted on release", "kstthc_desktop/storage/lock.py",
           "                os.close(fd)  # closing also drops the lock; the file itself stays",
           "                os.close(fd)\n                self.path.unlink()", ("tests/unit/storage/test_lock.py",)),
    Mutant("check: evidence bytes never compared", "kstthc_desktop/storage/integrity.py",
           "if actual != sha or length != size:", "if False:", ("tests/unit/services/test_check.py",)),
    Mutant("check: issued report PDFs never compared", "kstthc_desktop/storage/integrity.py",
           "        if actual != sha:\n            part.problems.append(f\"PDF của",
           "        if False:\n            part.problems.append(f\"PDF của", ("tests/unit/services/test_check.py",)),
    Mutant("export: damaged bytes written out as the document", "kstthc_desktop/storage/evidence.py",
           "        if check.hexdigest() != sha256:\n            raise _damaged(target.name)", "",
           ("tests/unit/services/test_check.py",)),
    Mutant("xlsx: only '=' treated as a formula", "kstthc_desktop/core/spreadsheet.py",
           'FORMULA_STARTS = ("=", "+", "-", "@", "\\uff1d", "\\uff0b", "\\uff0d", "\\uff20", "\\t", "\\r")',
           'FORMULA_STARTS = ("=",)', ("tests/unit/services/test_export.py", "tests/unit/test_cli_safety.py")),
    Mutant("xlsx: formula check made before control characters are stripped", "kstthc_desktop/core/spreadsheet.py",
           "    value = safe_value(value)\n    cell.value = value",
           "    raw = value\n    value = safe_value(value)\n    cell.value = value\n    value = raw",
           ("tests/unit/services/test_export.py",)),
    Mutant("file names: 'Con .pdf' (reserved name with a space) allowed", "kstthc_desktop/core/filenames.py",
           'base = name.split(".")[0].rstrip(" ").upper()', 'base = name.split(".")[0].upper()',
           ("tests/unit/core/test_filenames.py",)),
    Mutant("file names: ZIP names unique only case-sensitively", "kstthc_desktop/core/filenames.py",
           "while candidate.casefold() in taken:", "while candidate in taken:",
           ("tests/unit/core/test_filenames.py", "tests/unit/services/test_evidence.py")),
    # --- start-up and backups with a year of documents (issue 14) --------------------------------
    Mutant("the check at open reads the documents too", "kstthc_desktop/storage/office_file.py",
           'return name == "blobs" or name.startswith(("file_", "search_"))', "return False",
           ("tests/unit/storage/test_office_file.py",)),
    Mutant("the check at open reads the search tables too", "kstthc_desktop/storage/office_file.py",
           'return name == "blobs" or name.startswith(("file_", "search_"))',
           'return name == "blobs" or name.startswith("file_")',
           ("tests/unit/storage/test_office_file.py",)),
    Mutant("the check at open skips the records", "kstthc_desktop/storage/office_file.py",
           "if not checked_after_open(n)]", "if False]",
           ("tests/unit/storage/test_office_file.py",)),
    Mutant("making room deletes the newest sound backup", "kstthc_desktop/storage/backup.py",
           "        if info.path == newest_good:", "        if False:",
           ("tests/unit/storage/test_backup.py",)),
    Mutant("making room deletes copies that will not make enough room", "kstthc_desktop/storage/backup.py",
           "    if sum(size for _, size in candidates) < wanted:", "    if False:",
           ("tests/unit/storage/test_backup.py",)),
    Mutant("two backups at once", "kstthc_desktop/storage/backup.py",
           "    with _ONE_AT_A_TIME:", "    if True:",
           ("tests/unit/storage/test_backup.py",)),
    Mutant("automatic copies fill the disk", "kstthc_desktop/storage/backup.py",
           "    return make_room(folder, stem, short) if short > 0 else 0", "    return 0",
           ("tests/unit/storage/test_backup.py",)),
    Mutant("a cancelled check of a backup goes on to restore it", "kstthc_desktop/ui/windows.py",
           "given_up() if check.cancel_requested else checked(problem)", "checked(problem)",
           ("tests/gui/test_app_start.py",)),
    Mutant("a cancelled issue is frozen into the file", "kstthc_desktop/ui/dialogs/report_dialog.py",
           "if self._closed or task.cancel_requested:", "if self._closed:",
           ("tests/gui/test_report_dialog.py",)),
    Mutant("days without a backup go unsaid", "kstthc_desktop/services/safety.py",
           "        return days is None or days >= BACKUP_WARNING_DAYS", "        return False",
           ("tests/gui/test_backups.py",)),
    Mutant("a cancelled attach links its files", "kstthc_desktop/ui/main_window.py",
           "            if task.cancel_requested:  # Cancel pressed while", "            if False:  # Cancel pressed while",
           ("tests/gui/test_evidence_ui.py",)),
    # --- the first screen of a large plan (issue 14) -----------------------------------------------
    Mutant("first screen: subtasks of its roots left out", "kstthc_desktop/services/facade.py",
           "        while level:  # their subtasks, a generation at a time", "        while False:",
           ("tests/unit/services/test_first_screen.py",)),
    Mutant("first screen: one row short", "kstthc_desktop/services/facade.py",
           "found = self.repo.first_root_tasks(plan_id, section_id, rows - shown)",
           "found = self.repo.first_root_tasks(plan_id, section_id, rows - shown - 1)",
           ("tests/unit/services/test_first_screen.py",)),
    Mutant("first screen: a task whose parent is in another plan is no root", "kstthc_desktop/storage/repository.py",
           '"SELECT id FROM tasks WHERE plan_id = ?1 AND section_id IS ?2 AND (parent_id IS NULL OR "',
           '"SELECT id FROM tasks WHERE plan_id = ?1 AND section_id IS ?2 AND (parent_id IS NULL OR 0 AND "',
           ("tests/unit/services/test_first_screen.py",)),
    Mutant("first screen: the rest of the plan never comes", "kstthc_desktop/ui/main_window.py",
           "                self.after_first_paint(self._finish_partial_load)", "                pass",
           ("tests/gui/test_startup.py",)),
    Mutant("first screen: the count says the rows read", "kstthc_desktop/ui/views/table_view.py",
           "        if self.partial_count is not None and not self.filters_active():", "        if False:",
           ("tests/gui/test_startup.py",)),
]


def _copy_tree(dest: Path) -> None:
    for item in ROOT.iterdir():
        if item.name.startswith(".") or item.name in ("build", "dist") or item.name.endswith(".egg-info"):
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(item, dest / item.name)


def _pytest(tree: Path, tests: tuple[str, ...]) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                           "-W", "ignore::DeprecationWarning", *tests], cwd=tree, env=env, capture_output=True, text=True)


def baseline(tests: tuple[str, ...]) -> None:
    """The unmutated copy must pass, or a "killed" would mean nothing."""
    with tempfile.TemporaryDirectory(prefix="kstthc-mutant-") as folder:
        tree = Path(folder)
        _copy_tree(tree)
        proc = _pytest(tree, tests)
        if proc.returncode != 0:
            raise SystemExit("the tests fail without any mutant:\n" + proc.stdout[-2000:])


def run(mutant: Mutant, index: int) -> tuple[bool, float]:
    """True when the tests fail on the mutant (killed) because of an assertion or a raised
    error in a test, not because the copy could not even be collected."""
    with tempfile.TemporaryDirectory(prefix="kstthc-mutant-") as folder:
        tree = Path(folder)
        _copy_tree(tree)
        target = tree / mutant.file
        text = target.read_text(encoding="utf-8")
        if text.count(mutant.before) != 1:
            raise SystemExit(f"mutant {index}: the line to change was not found exactly once in {mutant.file}")
        target.write_text(text.replace(mutant.before, mutant.after), encoding="utf-8")
        started = time.perf_counter()
        proc = _pytest(tree, mutant.tests)
        if proc.returncode not in (0, 1):  # 2: interrupted/collection error, 3+: internal — not a kill
            raise SystemExit(f"mutant {index}: pytest could not run the tests (exit {proc.returncode}):\n"
                             + proc.stdout[-2000:])
        return proc.returncode == 1, time.perf_counter() - started


def main(argv: list[str]) -> int:
    if "--list" in argv:
        for i, m in enumerate(MUTANTS, start=1):
            print(f"{i:2}. {m.what}  [{m.file}]")
        return 0
    chosen = [int(a) for a in argv] or list(range(1, len(MUTANTS) + 1))
    baseline(tuple(sorted({t for i in chosen for t in MUTANTS[i - 1].tests})))
    survived = []
    for i in chosen:
        m = MUTANTS[i - 1]
        killed, seconds = run(m, i)
        print(f"{i:2}. {'killed  ' if killed else 'SURVIVED'} {seconds:5.1f} s  {m.what}", flush=True)
        if not killed:
            survived.append(i)
    print(f"\n{len(chosen) - len(survived)} killed, {len(survived)} survived"
          + (f" (mutants {', '.join(map(str, survived))})" if survived else ""))
    return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
