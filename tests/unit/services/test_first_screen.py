"""The first picture of a large plan (issue 14): ``OfficeService.task_tree_head`` reads only the rows
the window shows first, and they must be exactly the top of the whole tree the window shows a
moment later: same tasks in the same order, same numbers, statuses, progress and evidence counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from tests.large_plan import large_plan

TODAY = date(2026, 11, 25)
@pytest.fixture
def big(tmp_path: Path):  # noqa: ANN201
    svc = large_plan(tmp_path / "lon.kstthc")
    yield svc
    svc.close()


def _shape(view) -> tuple:  # noqa: ANN001
    """What the table shows of a task view and everything under it."""
    return (view.task.id, view.ref, view.task.content, view.status, view.due, view.percent, view.last_update,
            view.evidence_count, view.done_without_evidence, tuple(_shape(c) for c in view.children))


def _rows(tree, n: int | None = None) -> list[tuple]:  # noqa: ANN001
    """The first ``n`` rows of a table whose sections are open and tasks closed (the window's first
    load), as the table shows them: section rows and root tasks with all they carry."""
    out: list[tuple] = []
    for section, roots in tree:
        if section is not None:
            out.append(("section", section.id, section.number, section.title))
        out += [_shape(v) for v in roots]
    return out[:n]


def test_the_first_screen_is_the_top_of_the_whole_tree(big) -> None:  # noqa: ANN001
    plan_id = big.current_plan().id
    whole = big.task_tree(plan_id, TODAY)
    head, count = big.task_tree_head(plan_id, TODAY, rows=60)
    assert count == len(big.tasks(plan_id)) > 300
    assert _rows(head, 60) == _rows(whole, 60)
    assert [s.id if s else None for s, _ in head] == [s.id if s else None for s, _ in whole]  # every section
    for (_, roots), (_, all_roots) in zip(head, whole, strict=True):  # nothing but the top of each
        assert [_shape(v) for v in roots] == [_shape(v) for v in all_roots[:len(roots)]]
    assert sum(len(roots) for _, roots in head) < 70
    shown = [v for _, roots in head for v in roots]
    assert any(v.children for v in shown) and any(v.evidence_count for v in shown)
    assert any(v.percent for v in shown) and any(v.last_update for v in shown)
    assert shown[0].task.section_id is None  # the task outside the sections comes first, as in the table


def test_any_number_of_rows_is_the_same_top(big) -> None:  # noqa: ANN001
    plan_id = big.current_plan().id
    whole = big.task_tree(plan_id, TODAY)
    for rows in (1, 2, 5, 9, 10, 11, 12, 40, 75):  # up to a quarter of the plan (more: all of it)
        head, _count = big.task_tree_head(plan_id, TODAY, rows=rows)
        assert _rows(head, rows) == _rows(whole, rows), rows
        for (_, roots), (_, all_roots) in zip(head, whole, strict=True):
            assert [_shape(v) for v in roots] == [_shape(v) for v in all_roots[:len(roots)]]


def test_a_plan_of_a_few_screens_is_read_whole(tmp_path: Path) -> None:
    with OfficeService.open(create_demo(tmp_path / "demo.kstthc")) as svc:
        assert svc.task_tree_head(svc.current_plan().id, TODAY, rows=60) is None  # 47 tasks: all of it at once
