"""Deadline phrases → Schedule. Expected values are worked out by hand from the phrase."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kstthc_desktop.core.model import Schedule, ScheduleKind
from kstthc_desktop.core.schedule import describe_schedule, parse_schedule

D = date
NO_DUE = None

# (phrase, plan year, kinds, start, due, number of occurrences)
# Every deadline phrase of the three real plans in /work/shared/seeds, exactly as written.
SEED_PHRASES = [
    # 000 — Sở Công Thương Hải Dương, kế hoạch 2021 (items "c) Thời gian hoàn thành: …")
    ("trước tháng 6 năm 2021.", 2021, ("date",), None, D(2021, 5, 31), 1),
    ("trong năm 2021.", 2021, ("year",), D(2021, 1, 1), D(2021, 12, 31), 1),
    (
        "thường xuyên trong năm 2021.\n"
        "(Riêng việc rà soát, đơn giản hóa TTHC hoàn thành trước ngày 31/5/2021).",
        2021, ("ongoing", "date"), D(2021, 1, 1), D(2021, 12, 31), 2,
    ),
    ("thường xuyên trong năm 2021.", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("trước ngày 15/9/2021.", 2021, ("date",), None, D(2021, 9, 15), 1),
    # 001 — UBND tỉnh Hải Dương, kế hoạch 2021
    ("Xong trước tháng 6 năm 2021.", 2021, ("date",), None, D(2021, 5, 31), 1),
    ("Thường xuyên năm 2021.", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("Thường xuyên trong năm 2021.", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("Từ tháng 4 đến tháng 11 năm 2021.", 2021, ("range",), D(2021, 4, 1), D(2021, 11, 30), 1),
    ("Trước ngày 15 tháng 9 năm 2021.", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("Quý III năm 2021.", 2021, ("quarter",), D(2021, 7, 1), D(2021, 9, 30), 1),  # "Thời gian dự kiến"
    ("Trước ngày 15 tháng 12 năm 2021.", 2021, ("date",), None, D(2021, 12, 15), 1),
    # 001 — Phụ lục I, column "Thời gian hoàn thành"
    ("Trước ngày 31/5/2021", 2021, ("date",), None, D(2021, 5, 31), 1),
    ("Trước ngày 30/6/2021", 2021, ("date",), None, D(2021, 6, 30), 1),
    ("Trước ngày 31/7/2021", 2021, ("date",), None, D(2021, 7, 31), 1),
    # 004 — UBND xã Lê Lợi, kế hoạch 2022, Phụ lục column "Thời gian hoàn thành" (27 rows)
    ("Trước ngày 31/8/2022", 2022, ("date",), None, D(2022, 8, 31), 1),
    # deadlines written inside task contents of the seeds
    ("Tổng hợp báo cáo định kỳ quý, năm hoặc đột xuất", 2021, ("periodic", "on_demand"),
     D(2021, 1, 1), D(2021, 12, 31), 4),
    ("định kỳ hoặc đột xuất báo cáo Chủ tịch UBND tỉnh kết quả việc thực hiện", 2021,
     ("periodic", "on_demand"), D(2021, 1, 1), D(2021, 12, 31), 4),
    ("Tham dự giao ban định kỳ 6 tháng, 1 năm", 2022, ("periodic",), D(2022, 1, 1), D(2022, 12, 31), 2),
    ("Báo cáo định kỳ hoặc đột xuất", 2022, ("periodic", "on_demand"), D(2022, 1, 1), D(2022, 12, 31), 4),
    ("theo chỉ đạo của cấp trên", 2022, ("external",), None, NO_DUE, 0),
]

EXTRA_PHRASES = [
    # exact dates in every spelling
    ("15/9/2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("15/09/2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("15-9-2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("15.9.2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("ngày 15 tháng 9 năm 2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("ngày 28 tháng 02 năm 2022", 2022, ("date",), None, D(2022, 2, 28), 1),
    ("15/9", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("15/9/21", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("trước ngày 15/9", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("xong trước 15/9", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("hoàn thành trước 15/9/2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("chậm nhất 15/9/2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("Đến 30/6/2021", 2021, ("date",), None, D(2021, 6, 30), 1),
    ("29/2/2024", 2024, ("date",), None, D(2024, 2, 29), 1),
    # before a month: the month before ends it
    ("trước tháng 6/2021", 2021, ("date",), None, D(2021, 5, 31), 1),
    ("trước tháng 3 năm 2024", 2024, ("date",), None, D(2024, 2, 29), 1),
    ("trước tháng 1 năm 2022", 2022, ("date",), None, D(2021, 12, 31), 1),
    ("đến hết tháng 6", 2021, ("date",), None, D(2021, 6, 30), 1),
    # within a month
    ("Tháng 5/2021", 2021, ("month",), D(2021, 5, 1), D(2021, 5, 31), 1),
    ("trong tháng 5 năm 2021", 2021, ("month",), D(2021, 5, 1), D(2021, 5, 31), 1),
    ("Hoàn thành trong tháng 6/2021", 2021, ("month",), D(2021, 6, 1), D(2021, 6, 30), 1),
    ("Tháng 02/2024", 2024, ("month",), D(2024, 2, 1), D(2024, 2, 29), 1),
    ("T12/2023", 2023, ("month",), D(2023, 12, 1), D(2023, 12, 31), 1),
    ("T12", 2023, ("month",), D(2023, 12, 1), D(2023, 12, 31), 1),
    # quarters, halves, years
    ("Quý 2", 2023, ("quarter",), D(2023, 4, 1), D(2023, 6, 30), 1),
    ("quý II/2023", 2023, ("quarter",), D(2023, 4, 1), D(2023, 6, 30), 1),
    ("trong quý IV", 2023, ("quarter",), D(2023, 10, 1), D(2023, 12, 31), 1),
    ("Quý I năm 2023", 2023, ("quarter",), D(2023, 1, 1), D(2023, 3, 31), 1),
    ("quý III, quý IV năm 2021", 2021, ("quarter",), D(2021, 7, 1), D(2021, 12, 31), 2),
    ("6 tháng đầu năm", 2023, ("range",), D(2023, 1, 1), D(2023, 6, 30), 1),
    ("6 tháng cuối năm", 2023, ("range",), D(2023, 7, 1), D(2023, 12, 31), 1),
    ("Năm 2021", 2021, ("year",), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("trong năm 2023", 2023, ("year",), D(2023, 1, 1), D(2023, 12, 31), 1),
    # ranges
    ("từ ngày 1/3 đến ngày 31/5/2021", 2021, ("range",), D(2021, 3, 1), D(2021, 5, 31), 1),
    ("tháng 4-11/2021", 2021, ("range",), D(2021, 4, 1), D(2021, 11, 30), 1),
    ("từ tháng 3/2021 đến tháng 5/2021", 2021, ("range",), D(2021, 3, 1), D(2021, 5, 31), 1),
    ("từ tháng 12 đến tháng 2 năm 2022", 2022, ("range",), D(2021, 12, 1), D(2022, 2, 28), 1),
    ("từ quý II đến quý IV", 2021, ("range",), D(2021, 4, 1), D(2021, 12, 31), 1),
    # explicit month sets
    ("Tháng 3,6,9,12/2023", 2023, ("months",), D(2023, 3, 1), D(2023, 12, 31), 4),
    ("các tháng 6 và 12", 2023, ("months",), D(2023, 6, 1), D(2023, 12, 31), 2),
    ("tháng 6, tháng 12", 2023, ("months",), D(2023, 6, 1), D(2023, 12, 31), 2),
    # periodic
    ("hằng tháng", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 12),
    ("hàng tháng", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 12),
    ("hằng quý", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 4),
    ("hàng quý", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 4),
    ("định kỳ quý", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 4),
    ("định kỳ 6 tháng", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 2),
    ("định kỳ hằng năm", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 1),
    ("báo cáo định kỳ", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 4),
    ("định kỳ quý, năm", 2023, ("periodic",), D(2023, 1, 1), D(2023, 12, 31), 4),
    # ongoing
    ("Thường xuyên", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("liên tục", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("cả năm", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("hằng ngày", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("bắt đầu từ tháng 3", 2023, ("ongoing",), D(2023, 3, 1), D(2023, 12, 31), 1),
    ("Thường xuyên (trong năm 2021)", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
    # on demand
    ("Khi có phát sinh", 2021, ("on_demand",), None, NO_DUE, 0),
    ("khi có yêu cầu", 2021, ("on_demand",), None, NO_DUE, 0),
    ("đột xuất", 2021, ("on_demand",), None, NO_DUE, 0),
    ("theo yêu cầu", 2021, ("on_demand",), None, NO_DUE, 0),
    ("khi có văn bản", 2021, ("on_demand",), None, NO_DUE, 0),
    ("(Khi có phát sinh)", 2021, ("on_demand",), None, NO_DUE, 0),
    # set elsewhere
    ("theo kế hoạch riêng", 2021, ("external",), None, NO_DUE, 0),
    ("theo tiến độ", 2021, ("external",), None, NO_DUE, 0),
    ("theo hướng dẫn của Bộ Tư pháp", 2021, ("external",), None, NO_DUE, 0),
    ("theo lộ trình", 2021, ("external",), None, NO_DUE, 0),
    ("theo quy định", 2021, ("external",), None, NO_DUE, 0),
    # compound
    ("theo yêu cầu hoặc thường xuyên", 2021, ("on_demand", "ongoing"), D(2021, 1, 1), D(2021, 12, 31), 1),
    ("định kỳ hoặc đột xuất", 2021, ("periodic", "on_demand"), D(2021, 1, 1), D(2021, 12, 31), 4),
    ("Thường xuyên; riêng báo cáo quý trước ngày 15/3", 2021, ("ongoing", "date"),
     D(2021, 1, 1), D(2021, 12, 31), 2),
    # noise: case, missing diacritics, doubled words, dots, newlines
    ("QUY III NAM 2021", 2021, ("quarter",), D(2021, 7, 1), D(2021, 9, 30), 1),
    ("Quy III nam 2021", 2021, ("quarter",), D(2021, 7, 1), D(2021, 9, 30), 1),
    ("truoc ngay 15/9/2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("  Trước   trước ngày 15/9/2021 ..  ", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("HOÀN THÀNH TRƯỚC NGÀY 15/9/2021.", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("Trước ngày\n15/9/2021", 2021, ("date",), None, D(2021, 9, 15), 1),
    ("thuong xuyen trong nam 2021", 2021, ("ongoing",), D(2021, 1, 1), D(2021, 12, 31), 1),
]


def _check(text: str, year: int, kinds: tuple, start: date | None, due: date | None, n: int) -> Schedule:
    s = parse_schedule(text, year)
    assert s.text == text
    assert s.kinds == kinds
    assert s.start == start
    assert s.due == due
    assert len(s.occurrences) == n
    return s


@pytest.mark.parametrize(("text", "year", "kinds", "start", "due", "n"), SEED_PHRASES)
def test_seed_phrases(text: str, year: int, kinds: tuple, start: date | None, due: date | None, n: int) -> None:
    s = _check(text, year, kinds, start, due, n)
    assert s.warnings == () or "periodic" in s.kinds  # the plan year is written right in the seeds


@pytest.mark.parametrize(("text", "year", "kinds", "start", "due", "n"), EXTRA_PHRASES)
def test_extra_phrases(text: str, year: int, kinds: tuple, start: date | None, due: date | None, n: int) -> None:
    _check(text, year, kinds, start, due, n)


def test_seed_exception_adds_a_dated_occurrence() -> None:
    s = parse_schedule(
        "thường xuyên trong năm 2021.\n(Riêng việc rà soát, đơn giản hóa TTHC hoàn thành trước ngày 31/5/2021).",
        2021)
    assert s.occurrences == ((D(2021, 1, 1), D(2021, 5, 31)), (D(2021, 1, 1), D(2021, 12, 31)))


def test_date_occurrence_starts_on_first_of_plan_year() -> None:
    assert parse_schedule("Trước ngày 31/8/2022", 2022).occurrences == ((D(2022, 1, 1), D(2022, 8, 31)),)


def test_range_occurrence() -> None:
    s = parse_schedule("Từ tháng 4 đến tháng 11 năm 2021.", 2021)
    assert s.occurrences == ((D(2021, 4, 1), D(2021, 11, 30)),)


def test_month_set_occurrences() -> None:
    s = parse_schedule("Tháng 3,6,9,12/2023", 2023)
    assert s.occurrences == (
        (D(2023, 3, 1), D(2023, 3, 31)),
        (D(2023, 6, 1), D(2023, 6, 30)),
        (D(2023, 9, 1), D(2023, 9, 30)),
        (D(2023, 12, 1), D(2023, 12, 31)),
    )


def test_quarterly_occurrences_end_at_quarter_ends() -> None:
    s = parse_schedule("hằng quý", 2026)
    assert s.occurrences == (
        (D(2026, 1, 1), D(2026, 3, 31)),
        (D(2026, 4, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2026, 9, 30)),
        (D(2026, 10, 1), D(2026, 12, 31)),
    )


def test_monthly_occurrences_in_a_leap_year() -> None:
    s = parse_schedule("hàng tháng", 2028)
    assert s.occurrences[1] == (D(2028, 2, 1), D(2028, 2, 29))
    assert [du.month for _, du in s.occurrences] == list(range(1, 13))


def test_half_yearly_and_yearly_report_meetings() -> None:
    s = parse_schedule("Tham dự giao ban định kỳ 6 tháng, 1 năm", 2022)
    assert s.occurrences == ((D(2022, 1, 1), D(2022, 6, 30)), (D(2022, 7, 1), D(2022, 12, 31)))


def test_ongoing_from_a_month() -> None:
    assert parse_schedule("bắt đầu từ tháng 3", 2023).occurrences == ((D(2023, 3, 1), D(2023, 12, 31)),)


def test_other_year_is_kept_with_a_warning() -> None:
    s = parse_schedule("Thường xuyên năm 2022", 2021)
    assert s.kinds == ("ongoing",)
    assert (s.start, s.due) == (D(2022, 1, 1), D(2022, 12, 31))
    assert s.warnings == ("Năm 2022 khác năm của kế hoạch (2021).",)


def test_year_from_text_when_plan_year_missing() -> None:
    s = parse_schedule("Quý III năm 2021")
    assert s.due == D(2021, 9, 30)
    assert s.warnings == ()


def test_invalid_date_is_a_warning() -> None:
    s = parse_schedule("31/2/2021", 2021)
    assert s.kinds == ("unknown",)
    assert s.due is None and s.occurrences == ()
    assert "Ngày không hợp lệ: 31/2/2021." in s.warnings
    assert any(w.startswith("Không hiểu thời hạn") for w in s.warnings)


def test_not_a_leap_year() -> None:
    s = parse_schedule("29/2/2023", 2023)
    assert s.kinds == ("unknown",)
    assert "Ngày không hợp lệ: 29/2/2023." in s.warnings


def test_invalid_month_is_a_warning() -> None:
    s = parse_schedule("tháng 13/2021", 2021)
    assert s.kinds == ("unknown",)
    assert "Tháng không hợp lệ: 13." in s.warnings


@pytest.mark.parametrize("text", ["xin chào", "Nghị định số 45/2020/NĐ-CP", "???", "1/1/1"])
def test_unknown_text_is_kept(text: str) -> None:
    s = parse_schedule(text, 2021)
    assert s.kinds == ("unknown",)
    assert s.text == text
    assert s.start is None and s.due is None and s.occurrences == ()
    assert s.warnings[-1] == f"Không hiểu thời hạn: '{text}'. Hãy nhập hạn bằng tay."


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text(text: str) -> None:
    s = parse_schedule(text, 2021)
    assert s.kinds == ("unknown",)
    assert s.warnings


def test_working_days_after_an_event_is_external_with_warning() -> None:
    s = parse_schedule("05 ngày làm việc kể từ ngày nhận được văn bản", 2021)
    assert s.kinds == ("external",)
    assert s.due is None and s.occurrences == ()
    assert len(s.warnings) == 1


def test_periodic_without_period_warns_and_assumes_quarters() -> None:
    s = parse_schedule("báo cáo định kỳ", 2023)
    assert s.warnings == ("Không rõ chu kỳ định kỳ; tạm tính theo quý.",)


def test_json_round_trip() -> None:
    s = parse_schedule("Tháng 3,6,9,12/2023", 2023)
    assert Schedule.from_json(s.to_json()) == s


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("trước ngày 15/9/2021", 2021, "Hạn 15/09/2021"),
        ("Tháng 3,6,9,12/2023", 2023, "4 lần: 31/03, 30/06, 30/09, 31/12/2023"),
        ("hằng quý", 2023, "4 lần: 31/03, 30/06, 30/09, 31/12/2023"),
        ("Thường xuyên năm 2021", 2021, "Thường xuyên đến 31/12/2021"),
        ("Khi có phát sinh", 2021, "Khi có phát sinh"),
        ("Quý III năm 2021", 2021, "Quý III/2021, hạn 30/09/2021"),
        ("Từ tháng 4 đến tháng 11 năm 2021", 2021, "Từ 01/04/2021 đến 30/11/2021"),
        ("Tháng 5/2021", 2021, "Trong tháng 5/2021, hạn 31/05/2021"),
        ("Năm 2021", 2021, "Trong năm 2021, hạn 31/12/2021"),
        ("theo kế hoạch riêng", 2021, "Theo kế hoạch, hướng dẫn riêng"),
        ("xin chào", 2021, "Chưa rõ hạn"),
        ("định kỳ hoặc đột xuất", 2021, "4 lần: 31/03, 30/06, 30/09, 31/12/2021; hoặc khi có phát sinh"),
        (
            "thường xuyên trong năm 2021. (Riêng việc rà soát trước ngày 31/5/2021)",
            2021,
            "Thường xuyên đến 31/12/2021; riêng hạn 31/05/2021",
        ),
    ],
)
def test_describe(text: str, year: int, expected: str) -> None:
    assert describe_schedule(parse_schedule(text, year)) == expected


# --- properties ----------------------------------------------------------------------------

KIND_VALUES = {k.value for k in ScheduleKind}


def _assert_well_formed(s: Schedule) -> None:
    assert isinstance(s, Schedule)
    assert s.kinds and set(s.kinds) <= KIND_VALUES
    assert all(isinstance(w, str) and w for w in s.warnings)
    dues = [du for _, du in s.occurrences]
    assert dues == sorted(dues)
    for start, due in s.occurrences:
        assert start <= due
    if s.due is not None:
        assert s.occurrences, "a schedule with a due date has an occurrence"
        assert s.due == max(dues)
    else:
        assert s.occurrences == ()
    if s.start is not None and s.due is not None:
        assert s.start <= s.due
    if set(s.kinds) <= {"on_demand", "external", "unknown"}:
        assert s.occurrences == ()
    if "unknown" in s.kinds:
        assert s.kinds == ("unknown",) and s.warnings


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(min_value=-10, max_value=10_000)))
def test_arbitrary_text_never_raises(text: str, year: int | None) -> None:
    s = parse_schedule(text, year)
    assert s.text == text
    _assert_well_formed(s)


VOCAB = [
    "trước", "ngày", "tháng", "quý", "năm", "từ", "đến", "hết", "và", ",", "/", "-", ".", "(", ")",
    "riêng", "thường xuyên", "định kỳ", "hằng", "hoặc", "đột xuất", "khi có phát sinh", "theo kế hoạch",
    "T", "I", "II", "III", "IV", "6 tháng đầu năm", "ngày làm việc kể từ",
    "0", "1", "2", "3", "6", "9", "12", "13", "15", "29", "31", "99", "2021", "2022", "0000", "\n",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=14), st.sampled_from([2021, 2022, 2024]))
def test_word_soup_never_raises(words: list[str], year: int) -> None:
    text = " ".join(words)
    _assert_well_formed(parse_schedule(text, year))
    _assert_well_formed(parse_schedule("".join(words), year))


def _valid_day(data: st.DataObject, y: int) -> tuple[int, int]:
    m = data.draw(st.integers(1, 12))
    last = (date(y + (m == 12), m % 12 + 1, 1) - date(y, m, 1)).days
    return data.draw(st.integers(1, last)), m


@settings(max_examples=300, deadline=None)
@given(st.data(), st.integers(2000, 2099))
def test_dates_stay_in_the_plan_year_unless_written(data: st.DataObject, plan_year: int) -> None:
    written = data.draw(st.sampled_from([None, plan_year, plan_year + 1]))
    d, m = _valid_day(data, written or plan_year)
    q = data.draw(st.sampled_from(["I", "II", "III", "IV", "1", "2", "3", "4"]))
    m2 = data.draw(st.integers(2, 12))
    templates = [
        "trước ngày {d}/{m}{ys}", "Hoàn thành trước ngày {d} tháng {m}{yn}", "{d}-{m}{yd}",
        "Tháng {m}{ys}", "trong tháng {m}{yn}", "Quý {q}{yn}", "quý {q}{ys}",
        "Xong trước tháng {m2}{yn}", "Tháng 3, {m2}{ys}", "Từ tháng 1 đến tháng {m2}{yn}",
        "Thường xuyên{yn}", "hằng quý{yn}", "hàng tháng{yn}", "định kỳ 6 tháng{yn}", "Năm {y}",
        "6 tháng cuối năm{yy}", "Thường xuyên{yn} (riêng báo cáo trước ngày {d}/{m}{ys})",
    ]
    template = data.draw(st.sampled_from(templates))
    y = written or plan_year
    text = template.format(
        d=d, m=m, q=q, m2=m2, y=y,
        ys=f"/{written}" if written else "", yd=f"-{written}" if written else "",
        yn=f" năm {written}" if written else "", yy=f" {written}" if written else "",
    )
    s = parse_schedule(text, plan_year)
    _assert_well_formed(s)
    assert s.due is not None, text
    expected_year = y
    years = {s.due.year, *(x.year for o in s.occurrences for x in o)}
    if s.start:
        years.add(s.start.year)
    assert years == {expected_year}, text
    other = f"Năm {expected_year} khác năm của kế hoạch ({plan_year})."
    assert (other in s.warnings) == (expected_year != plan_year), text
    assert not any(w.startswith("Không hiểu") for w in s.warnings)
    assert re.sub(r"\s+", " ", s.text) == re.sub(r"\s+", " ", text)


def test_working_days_counted_from_a_written_date_skip_tet_and_weekends() -> None:
    """12/2/2026 is a Thursday; 16–20/2/2026 is Tết: Fri 13 = 1, then 23, 24, 25, 26 = 5."""
    s = parse_schedule("Trong vòng 5 ngày làm việc kể từ ngày 12/2/2026", 2026)
    assert s.kinds == ("date",)
    assert s.start == date(2026, 2, 12) and s.due == date(2026, 2, 26)
    assert s.occurrences == ((date(2026, 2, 12), date(2026, 2, 26)),)


def test_working_days_follow_the_offices_own_days_off() -> None:
    from kstthc_desktop.core.workdays import WorkCalendar

    cal = WorkCalendar(overrides_off=[date(2026, 3, 11)])  # a day off decided locally
    s = parse_schedule("03 ngày làm việc kể từ ngày 09/3/2026", 2026, cal)
    assert s.due == date(2026, 3, 13)  # 10, 12, 13 (11 is off)
    assert parse_schedule("03 ngày làm việc kể từ ngày 09/3/2026", 2026).due == date(2026, 3, 12)


def test_calendar_days_and_event_anchored_durations() -> None:
    assert parse_schedule("10 ngày kể từ ngày 25/12/2026", 2026).due == date(2027, 1, 4)
    s = parse_schedule("05 ngày làm việc kể từ ngày nhận được văn bản", 2026)
    assert s.kinds == ("external",) and s.due is None and s.warnings


def test_a_bug_in_the_parser_fails_the_tests_but_never_an_import(monkeypatch) -> None:
    """The catch-all keeps a parser bug from blocking the officer (the phrase becomes "unknown"),
    but in strict mode (the test suite) the bug surfaces instead of hiding."""
    import kstthc_desktop.core.schedule as schedule_module

    monkeypatch.setattr(schedule_module, "_parse", lambda raw, year, calendar: [][0])
    monkeypatch.setenv("KSTTHC_STRICT", "1")
    with pytest.raises(IndexError):
        parse_schedule("Quý III năm 2026", 2026)
    monkeypatch.setenv("KSTTHC_STRICT", "0")
    sched = parse_schedule("Quý III năm 2026", 2026)
    assert sched.kinds == ("unknown",) and "Không hiểu thời hạn" in sched.warnings[0]
