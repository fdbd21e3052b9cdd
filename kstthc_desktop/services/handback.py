"""Hand-back: the office's results written into a copy of the superior's own plan file.

The source file is the one kept in the office file at import (``plans.source_blob``); each task
knows the sheet and row it came from. Reads go through ``_reading()`` so the whole job may run on a
worker thread; nothing is written to the office file.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..core.errors import KstthcError
from ..core.progress import NullProgress, Progress
from ..core.text import one_line
from ..storage.atomic import atomic_write, guard_output

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _number_row(grid, header_last: int) -> int | None:  # noqa: ANN001 - importers.Grid
    """The "(1) (2) (3)" row right under the header band, as a 1-based row number."""
    import re

    r = header_last + 1
    if r >= len(grid.rows):
        return None
    cells = [c.strip() for c in grid.rows[r] if c.strip()]
    if len(cells) >= 2 and all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in cells):
        return r + 1
    return None


def _band_first(grid, header_last: int) -> int:  # noqa: ANN001
    """First row (0-based) of the header band ending at ``header_last``: the row above belongs to
    it when a title cell there is merged down into the last header row ("Đơn vị thực hiện" over
    "Chủ trì" / "Phối hợp") or it holds two column titles itself."""
    from ..importers.plan_table import header_role

    above = header_last - 1
    if above < 0:
        return header_last
    if any(r0 == above and r1 >= header_last for r0, _, r1, _ in grid.spans):
        return above
    if sum(1 for c in grid.rows[above] if header_role(c)) >= 2:
        return above
    return header_last


def sheet_layouts(grids, task_rows: dict[str, list[int]], remembered: dict | None = None) -> list:  # noqa: ANN001
    """Where each sheet's table header is, found the way the importer found it."""
    from ..importers import ColumnMapping, detect_mapping
    from ..reports.handback import SheetLayout
    from .importing import header_signature

    out = []
    for g in grids:
        rows = sorted(task_rows.get(g.name, []))
        if not rows:
            continue
        found = detect_mapping(g)
        mapping = found[1] if found is not None else None
        if mapping is None and remembered:
            for r in range(min(30, len(g.rows))):
                sig = header_signature(g, r)
                if sig in remembered:
                    m = ColumnMapping.from_dict(remembered[sig])
                    mapping = ColumnMapping(columns=m.columns, header_row=r, sheet=g.name)
                    break
        if mapping is not None and mapping.header_row + 1 < rows[0]:
            last = mapping.header_row
            first = _band_first(g, last)
            plan_cols = {c + 1 for c in mapping.columns.values()}
        else:  # no header recognised: the row above the first task stands for it
            last = first = max(0, rows[0] - 2)
            plan_cols = {c + 1 for c in range(g.width)}
        out.append(SheetLayout(sheet=g.name, header_first=first + 1, header_last=last + 1,
                               plan_columns=plan_cols, number_row=_number_row(g, last)))
    return out


class HandbackMixin:
    """Methods of OfficeService for the hand-back (kept in their own module for size)."""

    def handback_plan(self, plan_id: int | None = None):  # noqa: ANN201 - core.model.Plan
        """The plan to hand back (the current one by default), with its kept source file."""
        with self._reading() as repo:
            plans = repo.plans()
            if plan_id is None:
                wanted = repo.setting("current_plan")
                plan = next((p for p in plans if p.id == wanted), plans[0] if plans else None)
            else:
                plan = next((p for p in plans if p.id == plan_id), None)
                if plan is None:
                    raise KstthcError(f"Không có kế hoạch mã {plan_id} trong tệp dữ liệu.",
                                      "Hãy xem mã kế hoạch bằng lệnh 'kstthc plan' hoặc bỏ --plan.")
        if plan is None:
            raise KstthcError("Chưa có kế hoạch nào trong tệp dữ liệu.", "Hãy nhập kế hoạch cấp trên trước.")
        if not plan.source_blob:
            raise KstthcError(
                f"Kế hoạch '{one_line(plan.title)[:80]}' chưa lưu tệp gốc của cấp trên.",
                "Hãy nhập lại tệp kế hoạch cấp trên (Tệp → Nhập kế hoạch cấp trên): từ nay tệp gốc "
                "được lưu kèm để điền kết quả.")
        return plan

    def handback_suffix(self, plan_id: int | None = None) -> str:
        """".docx" when the superior sent a Word file, else ".xlsx" (what the copy will be)."""
        plan = self.handback_plan(plan_id)
        return ".docx" if Path(plan.source_file).suffix.lower() == ".docx" else ".xlsx"

    def handback_values(self, plan_id: int, as_of: date) -> dict:
        """(sheet, row) → TaskValues of every task of the plan imported from a row of the source."""
        from ..core.model import Office
        from ..core.periods import adhoc
        from ..reports.content import build_period_report
        from ..reports.handback import TaskValues

        with self._reading() as repo:
            plan = repo.plan(plan_id)
            office = repo.office() or Office(name="")
            tasks = repo.tasks(plan_id)
            progress = repo.progress(plan_id=plan_id)  # the report's rules keep what is dated <= as_of
            evidence = repo.evidence(plan_id=plan_id)
            sections = repo.sections(plan_id)
        start = min([date(plan.year - 1, 1, 1), *(p.on for p in progress if p.on <= as_of)])
        content = build_period_report(office, plan, sections, tasks, progress, evidence, adhoc(start, as_of),
                                      today=as_of, only_ours=False)
        by_id = {t.id: t for t in tasks}
        out: dict[tuple[str, int], TaskValues] = {}
        for r in [*content.task_results, *content.appendix_results]:
            task = by_id.get(r.task_id)
            if task is None or not task.source_row:
                continue
            out[(task.source_sheet, int(task.source_row))] = TaskValues(
                status=r.status_label, completed=r.completed_on, note="\n".join(r.notes),
                evidence="; ".join(r.evidence))
        return out

    def handback(self, out: str | os.PathLike, plan_id: int | None = None, as_of: date | None = None,
                 progress: Progress | None = None):  # noqa: ANN201 - reports.handback.HandbackSummary
        """Write a copy of the superior's file with the results filled in (never the source itself)."""
        import tempfile

        from ..importers import read_grids
        from ..reports.handback import file_kind, output_kind, write_handback
        from ..storage import evidence as blobstore

        progress = progress or NullProgress()
        as_of = as_of or date.today()
        plan = self.handback_plan(plan_id)
        target = Path(out)
        self._check_handback_target(target, plan.source_blob)
        values = self.handback_values(plan.id, as_of)
        with tempfile.TemporaryDirectory(prefix="kstthc-handback-") as tmp:
            source = Path(tmp) / (Path(plan.source_file).name or "ke-hoach-cap-tren")
            with self._reading() as repo:
                blobstore.write_blob_to(repo.conn, plan.source_blob, source)
            kind = file_kind(source)
            wanted = "." + output_kind(kind)
            if target.suffix.lower() != wanted:
                raise KstthcError(
                    f"Tệp gốc của cấp trên là {'văn bản Word' if kind == 'docx' else 'bảng tính'}: "
                    f"bản điền kết quả phải có đuôi {wanted}.",
                    f"Hãy đặt tên tệp ra, ví dụ '{target.stem}{wanted}'.")
            progress.report(0, 3, "Đang đọc tệp gốc của cấp trên…")
            grids = read_grids(source)
            rows: dict[str, list[int]] = {}
            for sheet, row in values:
                rows.setdefault(sheet, []).append(row)
            with self._reading() as repo:
                remembered = dict(repo.setting("import_mappings", {}) or {})
            layouts = sheet_layouts(grids, rows, remembered)
            with atomic_write(target) as out_tmp:  # never over an office file, never half a workbook
                summary = write_handback(source, out_tmp, layouts, values, progress, grids=grids)
            summary.out = target
        with self._reading() as repo:
            summary.tasks_without_row = sum(1 for t in repo.tasks(plan.id) if not t.source_row)
        return summary

    def _check_handback_target(self, target: Path, source_sha: str) -> None:
        """Never write over the office file, any SQLite file, or the superior's original."""
        from ..storage import evidence as blobstore

        guard_output(target)
        if target.is_dir():
            raise KstthcError(f"'{target}' là một thư mục.", "Hãy chọn tên tệp để ghi, ví dụ ket-qua.xlsx.")
        try:
            same = target.exists() and target.resolve() == Path(self.path).resolve()
        except OSError:
            same = False
        if same:
            raise KstthcError("Không được ghi đè lên tệp dữ liệu của cơ quan.", "Hãy chọn tên tệp khác.")
        if target.is_file():
            with target.open("rb") as fh:
                head = fh.read(16)
            if head == _SQLITE_MAGIC:
                raise KstthcError(f"'{target.name}' là một tệp dữ liệu, không ghi đè được.",
                                  "Hãy chọn tên tệp khác.")
            if blobstore.hash_file(target)[0] == source_sha:
                raise KstthcError(f"'{target.name}' là tệp gốc của cấp trên: không ghi đè lên tệp gốc.",
                                  "Hãy chọn tên tệp khác cho bản điền kết quả.")


__all__ = ["HandbackMixin", "sheet_layouts"]
