"""Importing a superior plan (.xlsx, .xls, .ods, .docx, .pdf) into a preview ``ImportedPlan``.

No Qt, no SQL, no storage or reports here (DESIGN.md §3); the heavy readers (openpyxl,
python-calamine, python-docx) are imported only when a file is actually read.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ..core.progress import Progress
from .grid import Grid
from .legacy import detect_legacy, to_unicode
from .ours import assign_roles, office_role, ours_indices
from .plan_table import build_plan, detect_mapping
from .prose import recognise_plan
from .reading import read_grids
from .result import (
    ROLES,
    ColumnMapping,
    ImportedPlan,
    ImportedSection,
    ImportedTask,
    ImportWarning,
    PlanReference,
    ProseItem,
)

__all__ = [
    "ROLES",
    "assign_roles",
    "office_role",
    "ours_indices",
    "ColumnMapping",
    "Grid",
    "ImportWarning",
    "ImportedPlan",
    "ImportedSection",
    "ImportedTask",
    "PlanReference",
    "ProseItem",
    "build_plan",
    "detect_legacy",
    "detect_mapping",
    "read_grids",
    "read_plan",
    "recognise_plan",
    "to_unicode",
]


def read_plan(
    path: str | os.PathLike[str],
    year: int | None = None,
    mapping: ColumnMapping | Mapping[str, ColumnMapping] | None = None,
    progress: Progress | None = None,
    paragraph_overrides: Mapping[int, bool] | None = None,
) -> ImportedPlan:
    """Read ``path`` and recognise its plan (tables, and prose for documents).

    Raises ``ImportFailed`` (or ``Cancelled``). ``year`` overrides the year found in the title;
    ``mapping`` (one ColumnMapping, or one per sheet/table name) overrides the detected header row
    and columns; ``paragraph_overrides`` {paragraph number: is a task} overrules the prose reader.
    """
    grids = read_grids(path, progress)
    return recognise_plan(grids, year=year, mapping=mapping, source_file=os.fspath(path), progress=progress,
                          paragraph_overrides=paragraph_overrides)
