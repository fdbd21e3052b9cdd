"""The dashboard and the report count with ONE computation and ONE as-of rule (issue 12).

They used to disagree for quý IV: the report judged every task at 14/12 even on 01/12, the
dashboard counted occurrences overlapping the window. Now both call ``period_tally``; these tests
build the demo office as it stands on several days of the year and compare, for every period kind,
the report's numbers (prose, status table) with what the dashboard shows.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from kstthc_desktop.core.model import Status
from kstthc_desktop.core.periods import current_period, periods_of_year
from kstthc_desktop.core.status import STATUS_ORDER
from kstthc_desktop.reports.content import Table
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from kstthc_desktop.services.overview import dashboard_summary, plan_overview

DAYS = [date(2026, 5, 20), date(2026, 12, 1), date(2026, 12, 20)]


@pytest.fixture(scope="module")
def offices(tmp_path_factory):  # noqa: ANN001, ANN201
    """The demo office as it stands on each day (built once for the module)."""
    out = {}
    for today in DAYS:
        out[today] = OfficeService.open(create_demo(tmp_path_factory.mktemp("demo") / "demo.kstthc", today=today))
    yield out
    for svc in out.values():
        svc.close()


@pytest.fixture(params=DAYS, ids=lambda d: d.isoformat())
def demo(request, offices):  # noqa: ANN001, ANN201
    return offices[request.param], request.param


def _table_counts(content) -> dict[Status, int]:  # noqa: ANN001
    table = next(b for b in content.body if isinstance(b, Table))
    return {s: int(row[2]) for s, row in zip(STATUS_ORDER, table.rows, strict=False)}


def test_every_period_kind_counts_the_same_in_report_and_dashboard(demo) -> None:  # noqa: ANN001
    svc, today = demo
    for period in periods_of_year(2026):
        content = svc.report_content(period.code, as_of=today)
        tally = svc.period_tally(period.code, today)
        assert content.counts == tally.counts, period.code
        assert _table_counts(content) == tally.counts, period.code
        assert content.as_of == min(today, period.window_end)
        assert content.draft == (today <= period.window_end)
        started = re.search(r"đã triển khai (\d+)/(\d+) nhiệm vụ", content.sections["results_summary"])
        assert started and (int(started[1]), int(started[2])) == (tally.started, tally.total), period.code
    # the dashboard card of the current period shows what its report prints
    period = current_period(today)
    views, progress = plan_overview(svc, today)
    summary = dashboard_summary(views, progress, today, tally=svc.period_tally(period.code, today))
    assert summary.period_counts == svc.report_content(period.code, as_of=today).counts


def test_q4_on_first_of_december_is_a_draft_counted_today(offices) -> None:  # noqa: ANN001
    today = date(2026, 12, 1)
    svc = offices[today]
    content = svc.report_content("2026-Q4", as_of=today)
    assert content.draft and content.as_of == today
    assert "tính đến ngày 01/12/2026" in content.body[0].text
    # a task due 05/12 is still in time on 01/12, not overdue as it would be at the 14/12 cut-off
    at_cutoff = svc.period_tally("2026-Q4", date(2026, 12, 15))
    assert content.counts[Status.OVERDUE] <= at_cutoff.counts[Status.OVERDUE]
