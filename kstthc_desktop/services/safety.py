"""Keeping the office file safe: backups, restore, and the check of everything that can rot.

The window and the CLI reach backups and checks only through these methods of ``OfficeService``
(widgets never touch storage, DESIGN.md §3).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.progress import Progress
from ..storage.office_file import OfficeFile

BACKUP_WARNING_DAYS = 3  # a daily backup that failed this many days running is said in a message box

if TYPE_CHECKING:  # storage.integrity (and hashlib with it) loads when a check runs, not with the window
    from ..storage.backup import BackupInfo
    from ..storage.integrity import CheckPart

FULL_CHECK_EVERY_DAYS = 7


def _backups():  # noqa: ANN202 - the storage.backup module
    """``storage.backup``, loaded with the first backup or list of backups (the daily one comes after
    the window's first paint), not with every command and window."""
    from ..storage import backup

    return backup


@dataclass
class CheckReport:
    """The result of a check, part by part (``parts`` in the order they ran)."""

    parts: list[CheckPart] = field(default_factory=list)
    full: bool = True

    @property
    def ok(self) -> bool:
        return all(p.ok for p in self.parts)

    def problems(self) -> list[str]:
        return [f"{p.label}: {msg}" for p in self.parts for msg in p.problems]

    def part(self, key: str) -> CheckPart | None:
        return next((p for p in self.parts if p.key == key), None)

    def summary(self) -> str:
        """'' when healthy, else every problem on one line."""
        return "; ".join(self.problems())

    def to_json(self) -> dict:
        return {"ok": self.ok, "full": self.full, "parts": [p.to_json() for p in self.parts]}


class SafetyMixin:
    """Methods of OfficeService for backups, restore and checks."""

    # --- backups ---------------------------------------------------------------------------
    def backup(self, folder: str | os.PathLike | None = None, reason: str = "thu-cong",
               progress: Progress | None = None) -> Path:
        """A verified copy in the office's own backup folder (beside the file, or
        ``<folder>/<office>-saoluu`` on a chosen disk such as a USB stick).

        Safe on a worker thread (it then copies through a read-only connection of its own): with a
        year of documents the copy takes seconds, which the window must not freeze for."""
        if folder is not None:
            from ..storage.atomic import guard_folder

            guard_folder(folder)
        target = _backups().folder_for(self.path, folder)
        with self._reading() as repo:
            return _backups().make_backup(repo.conn, self.path, target, reason, progress=progress)

    def _day_noted(self, key: str) -> date | None:
        """The day a setting noted with ``_note_day`` (None: never, or unreadable)."""
        try:
            return date.fromisoformat(str(self.setting(key)))
        except ValueError:
            return None

    def _note_day(self, key: str, day: date | None) -> None:
        self.set_setting(key, (day or date.today()).isoformat())

    def daily_backup_due(self, today: date | None = None) -> bool:
        """No automatic backup has been taken today yet."""
        return self._day_noted("last_daily_backup") != (today or date.today())

    def mark_daily_backup(self, today: date | None = None) -> None:
        self._note_day("last_daily_backup", today)

    def days_without_backup(self, today: date | None = None) -> int | None:
        """Days since the newest backup: beside the file, or the last one the window made anywhere (a
        USB stick); None when there is none at all."""
        made = [b.taken.date() for b in self.backups()[:1]]
        if (elsewhere := self._day_noted("last_backup_made")) is not None:
            made.append(elsewhere)
        return ((today or date.today()) - max(made)).days if made else None

    def mark_backup_made(self, on: date | None = None) -> None:
        """A backup was made (on the GUI thread, once the worker that made it has ended)."""
        self._note_day("last_backup_made", on)

    def backup_warning_due(self, today: date | None = None) -> bool:
        """The daily backup failed and the last one is BACKUP_WARNING_DAYS old (or there is none):
        the officer is told once a day, not only by a status line."""
        today = today or date.today()
        if self._day_noted("backup_warning_shown") == today:
            return False
        days = self.days_without_backup(today)
        return days is None or days >= BACKUP_WARNING_DAYS

    def mark_backup_warning(self, today: date | None = None) -> None:
        self._note_day("backup_warning_shown", today)

    def backup_folder(self) -> Path:
        """Where this office's automatic backups go."""
        return _backups().default_backup_dir(self.path)

    def backups(self) -> list[BackupInfo]:
        """This office's backups beside the file, newest first."""
        return _backups().backup_infos(self.backup_folder(), self.path.stem)

    def newest_good_backup(self) -> Path | None:
        return _backups().newest_good_backup(self.backup_folder(), self.path.stem)

    @staticmethod
    def newest_good_backup_of(path: str | os.PathLike) -> Path | None:
        """The newest sound backup of an office file that cannot be opened (damaged, say)."""
        p = Path(path).absolute()
        return _backups().newest_good_backup(_backups().default_backup_dir(p), p.stem)

    @staticmethod
    def backup_folder_of(path: str | os.PathLike) -> Path:
        return _backups().default_backup_dir(Path(path).absolute())

    @staticmethod
    def upgrade_due(path: str | os.PathLike) -> bool:
        """Opening this file will upgrade its format (after a backup of it)."""
        return bool(OfficeFile.upgrade_due(Path(path)))

    @staticmethod
    def backup_before_upgrade(path: str | os.PathLike, progress: Progress | None = None) -> object | None:
        """The backup an upgrade of the file's format needs first, taken holding the file (what
        ``open(run_upgrade_backup=…)`` hands out as its job); None when no upgrade is due."""
        p = Path(path).absolute()
        return OfficeFile.backup_before_upgrade(p, _backups().default_backup_dir(p), progress)

    @staticmethod
    def restore_backup(backup: str | os.PathLike, office_path: str | os.PathLike, checked: bool = False) -> Path | None:
        """Put a backup in place of a closed office file; returns where the old file was kept.
        ``checked``: the caller has just found it sound (``check_backup``), so it is not read twice."""
        return _backups().restore_backup(Path(backup), Path(office_path), checked=checked)

    @staticmethod
    def check_backup(path: str | os.PathLike, progress: Progress | None = None) -> str:
        """'' when a backup file is a sound office file, else why it cannot be restored (``progress``
        may cancel the check: ``Cancelled``)."""
        return _backups().check_backup(Path(path), progress)

    # --- who holds the file -----------------------------------------------------------------
    @staticmethod
    def set_holder_name(name: str) -> None:
        """How this program is named to another one refused the file ("KSTTHC Desktop", "kstthc")."""
        from ..storage import lock

        lock.holder_app = name

    # --- files the window writes ------------------------------------------------------------
    @staticmethod
    def write_output(target: str | os.PathLike, write: Callable[[Path], object]) -> Path:
        """Have ``write(temp_path)`` produce a file, then put it at ``target`` in one step: never
        over an office file, never half written, with the user's normal permissions."""
        from ..storage.atomic import atomic_write

        target = Path(target)
        with atomic_write(target) as tmp:
            write(tmp)
        return target

    @classmethod
    def write_form06a_template(cls, target: str | os.PathLike, rows: list[dict] | None = None,
                               title_suffix: str = "") -> Path:
        """The form 06a workbook the officer fills in, written through the guarded writer."""
        from ..reports.form_io import write_template

        return cls.write_output(target, lambda tmp: write_template(tmp, rows, title_suffix))

    def save_issued_pdf(self, report_id: int, target: str | os.PathLike) -> Path:
        """The issued report, byte for byte, written safely to ``target``."""
        pdf = self.issued_pdf(report_id)
        return self.write_output(target, lambda tmp: tmp.write_bytes(pdf))

    # --- checks ----------------------------------------------------------------------------
    def check_file(self, full: bool = True, progress: Progress | None = None) -> CheckReport:
        """Check the office file part by part. The cheap part takes milliseconds (run on open);
        the full one reads every stored byte. Safe on a worker thread (own read-only connection)."""
        from ..storage import integrity

        with self._reading() as repo:
            parts = integrity.run(repo.conn, full=full, progress=progress, only=integrity.select(full))
        return CheckReport(parts, full)

    @staticmethod
    def check_path(path: str | os.PathLike, full: bool = True, progress: Progress | None = None) -> CheckReport:
        """Check a file without opening it for work: no lock, no migration, nothing written, so a
        damaged file (or one on a read-only disk) is described rather than refused."""
        from ..storage import integrity

        conn = integrity.open_for_check(Path(path))
        try:
            parts = integrity.run(conn, full=full, progress=progress, only=integrity.select(full))
        finally:
            conn.close()
        return CheckReport(parts, full)

    def check(self) -> str:
        """'' when the file is healthy, else what is wrong (every part of the full check)."""
        return self.check_file(full=True).summary()

    def full_check_due(self, today: date | None = None) -> bool:
        """The weekly full check has not run for a week (or ever)."""
        last = self._day_noted("last_full_check")
        return last is None or ((today or date.today()) - last).days >= FULL_CHECK_EVERY_DAYS

    def mark_full_check(self, today: date | None = None) -> None:
        self._note_day("last_full_check", today)

    def backup_for_repair(self, report: CheckReport) -> Path | None:
        """The newest backup that is sound and free of the damage ``report`` found (the newest good
        one when the damage is structural); None when no backup helps."""
        from ..storage import integrity

        broken = {p.key for p in report.parts if not p.ok}
        for candidate in _backups().list_backups(self.backup_folder(), self.path.stem):
            if _backups().check_backup(candidate):
                continue
            deep = broken & {"reports", "evidence", "freeze", "foreign_keys"}
            if not deep:
                return candidate
            conn = _read_only(candidate)
            try:
                if all(p.ok for p in integrity.run(conn, full=True, only=deep)):
                    return candidate
            finally:
                conn.close()
        return None


def _read_only(path: Path):  # noqa: ANN202 - sqlite3.Connection
    import sqlite3

    return sqlite3.connect(path.absolute().as_uri() + "?mode=ro&immutable=1", uri=True, check_same_thread=False)


__all__ = ["CheckReport", "SafetyMixin"]
