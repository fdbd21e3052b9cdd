from __future__ import annotations

import json

from kstthc_desktop.reports import forms
from kstthc_desktop.reports.forms import FORM_06A, carry_over, on_time_rate, total_row, validate

from . import sample


def test_form_is_plain_json_data() -> None:
    text = forms.form_to_json(FORM_06A)
    again = forms.form_from_json(text)
    assert again == json.loads(json.dumps(FORM_06A))
    assert [c["number"] for c in forms.leaves(FORM_06A)] == list(range(1, 14))


def test_header_grid_has_three_rows_and_number_row() -> None:
    grid, spans = forms.header_grid(FORM_06A)
    assert len(grid) == 4 and all(len(r) == 13 for r in grid)
    assert grid[0][2] == "Số hồ sơ nhận giải quyết"
    assert grid[2][3] == "Trực tuyến"
    assert grid[3] == [f"({i})" for i in range(1, 14)]
    assert (2, 0, 5, 0) in spans  # "Số hồ sơ nhận giải quyết" over (3)…(6)
    assert (0, 0, 0, 2) in spans  # STT down three rows


def test_sample_rows_are_valid() -> None:
    assert validate(FORM_06A, sample.statistics_rows()) == []


def test_validation_catches_each_broken_rule() -> None:
    row = {
        "field": "Hộ tịch",
        "c3": 10,
        "c4": 5,
        "c5": 4,
        "c6": 0,
        "c7": 9,
        "c8": 3,
        "c9": 3,
        "c10": 2,
        "c11": 1,
        "c12": 0,
        "c13": 0,
    }
    messages = validate(FORM_06A, [row])
    joined = "\n".join(messages)
    assert len(messages) == 3, messages
    assert "Dòng 1 (Hộ tịch)" in joined
    assert "(3) = 10 nhưng (4) + (5) + (6) = 9" in joined
    assert "(7) = 9 nhưng (8) + (9) + (10) = 8" in joined
    assert "(11) = 1 nhưng (12) + (13) = 0" in joined


def test_validation_rejects_non_numbers() -> None:
    messages = validate(FORM_06A, [{"field": "X", "c4": -1}, {"field": "Y", "c5": "abc"}])
    assert any("cột (4)" in m for m in messages)
    assert any("cột (5)" in m for m in messages)


def test_total_row_and_on_time_rate() -> None:
    rows = sample.statistics_rows()
    total = total_row(rows)
    assert total["field"] == "Tổng số" and total["c3"] == 168 and total["c7"] == 164
    assert validate(FORM_06A, [total]) == []
    assert on_time_rate(rows) == (123 + 39) / 164
    assert on_time_rate(rows + [total]) == (123 + 39) / 164  # a total row is not counted twice
    assert on_time_rate([{"field": "X"}]) is None


def test_carry_over_moves_pending_to_from_previous_period() -> None:
    nxt = carry_over(sample.statistics_rows())
    assert [r["field"] for r in nxt] == ["Hộ tịch", "Chứng thực", "Bảo trợ xã hội"]
    assert [r["c6"] for r in nxt] == [2, 0, 2]
    assert all(r["c3"] == 0 and r["c11"] == 0 for r in nxt)


def test_printed_rows_start_with_total() -> None:
    printed = forms.table_rows(FORM_06A, sample.statistics_rows())
    assert printed[0][1] == "Tổng số" and printed[0][2] == "168"
    assert printed[1][:3] == ["1", "Hộ tịch", "40"]
