"""What the import's steps hand back (kept apart from ``services.importing``: the officer's first
window does not need these three classes, whose making costs start-up time like any dataclass)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.model import Plan


@dataclass
class ImportResult:
    """What storing an imported plan did: the plan it went into and its tasks counted."""

    plan_id: int
    added: int = 0
    changed: int = 0
    removed: int = 0
    kept: int = 0  # gone from the new version but kept because they carry progress or evidence
    changes: object = None


@dataclass
class ImportDiff:
    """What re-importing a revised plan would do to the stored one (tasks named "II.3.2 Nội dung…")."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # removed upstream, kept: they carry progress or evidence


@dataclass
class ImportGuess:
    """What the program thinks an imported file is, shown to the officer before anything is written:
    the revised version of a plan already in the file (``plan``), or a new plan (``plan`` None)."""

    title: str
    year: int | None
    issuer: str
    plan: Plan | None = None
    reason: str = ""  # "file" (same file name), "title" (same year, same title) or ""
    plans: list[Plan] = field(default_factory=list)  # every plan a revision could go into
