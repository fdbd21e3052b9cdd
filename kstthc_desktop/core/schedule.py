"""Deadline phrases ("Thời gian hoàn thành") → :class:`Schedule`.

Real plans write deadlines as free Vietnamese text ("Xong trước tháng 6 năm 2021", "Quý III năm
2021", "Thường xuyên trong năm 2021. (Riêng việc rà soát … trước ngày 31/5/2021)"). The officer
needs dates to sort, colour and count tasks, so every phrase is turned into dates *where it can
be*, and the original text is always kept. Parsing never raises: what is not understood becomes
kind ``unknown`` with a warning asking for a date by hand.

Conventions (DOMAIN.md §4):

- Matching is done on ``fold()``-ed text, so case, diacritics and spacing do not matter.
- A missing year is the plan year; a written year different from the plan year is kept and
  warned about.
- "trước ngày X" → due X; "trước tháng M" → due = last day of month M−1; a month, quarter or
  year → due = its last day, start = its first day.
- ``start`` is only set when the phrase implies a beginning (a month, quarter, range, year,
  periodic or ongoing work); a plain "trước ngày X" has ``start=None``. Every schedule with a
  ``due`` still has at least one occurrence, which then starts on 1 January of the plan year.
- Occurrences are sorted by (due, start); an occurrence index stays stable for a given text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .errors import strict_mode
from .model import Schedule, ScheduleKind
from .text import fold
from .workdays import WorkCalendar

K = ScheduleKind

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QNUM = r"(?:iv|iii|ii|i|[1-4])(?![a-z0-9])"
_MWORD = r"(?:thang\s*|th\.\s*|t\.?\s?)"
_YEAR4 = r"(?:\s*,?\s*(?:nam|/|-|\.)\s*(?P<y>\d{4})(?!\d))?"

# "05 ngày làm việc kể từ ngày nhận", "trong vòng 30 ngày": the date depends on an event.
_RELATIVE = re.compile(
    r"\b\d+\s*ngay(?:\s*lam viec)?\s*(?:ke tu|tu|sau|truoc|tinh tu)\b"
    r"|\btrong (?:vong|thoi han|thoi gian)\s*\d+\s*ngay\b"
)
# "05 ngày làm việc kể từ ngày 10/3/2026": counted from a written date, so the due can be computed.
_RELATIVE_DATED = re.compile(
    r"(?P<n>\d{1,3})\s*ngay(?P<wd>\s*lam viec)?\s*(?:ke tu|tinh tu|tu|sau)\s*(?:ngay\s*)?"
    r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?(?![\d/])"
)
# "ngày 15 tháng 9 năm 2021", "15 tháng 9"
_VERBAL_DATE = re.compile(
    r"(?<![\d/.])(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})(?!\d)(?!\s*lan)"
    r"(?:\s*,?\s*nam\s*(?P<y>\d{4})(?!\d))?"
)
# "15/9/2021", "15-09-2021", "15.9.2021", "15/9", "15/9/21"
_NUM_DATE = re.compile(
    r"(?<![\d/.,])(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2}))?(?![\d/])"
)
# "tháng 3,6,9,12/2023", "các tháng 6 và 12", "tháng 4 đến tháng 11 năm 2021", "T12/2023"
_MONTHS = re.compile(
    r"(?:\bcac\s+)?\b" + _MWORD + r"(?P<first>\d{1,2})(?!\d)"
    r"(?P<rest>(?:\s*(?:,|;|\bva\b|&|\+|-|~|\bden\b|\btoi\b)\s*(?:het\s+)?(?:" + _MWORD + r")?\d{1,2}(?!\d)(?!\s*thang))*)"
    + _YEAR4
)
_MONTH_ITEM = re.compile(r"(,|;|\bva\b|&|\+|-|~|\bden\b|\btoi\b)?\s*(?:het\s+)?(?:" + _MWORD + r")?(\d{1,2})")
# "Quý III năm 2021", "quý II/2023", "Quý 2", "quý I, II", "Q3"
_QUARTERS = re.compile(
    r"\b(?:quy\s*|q)(?P<first>" + _QNUM + r")"
    r"(?P<rest>(?:\s*(?:,|\bva\b|&|-|\bden\b|\btoi\b)\s*(?:quy\s*)?" + _QNUM + r")*)" + _YEAR4
)
_QUARTER_ITEM = re.compile(r"(,|\bva\b|&|-|\bden\b|\btoi\b)?\s*(?:quy\s*)?(iv|iii|ii|i|[1-4])")
# "6 tháng đầu năm", "6 tháng cuối năm 2021", "nửa đầu năm"
_PART_OF_YEAR = re.compile(
    r"\b(?:(?P<n>\d{1,2})\s*thang|(?P<half>nua))\s*(?P<pos>dau|cuoi)\s*(?:cua\s*)?nam"
    r"(?:\s*(?:/|-)?\s*(?P<y>\d{4})(?!\d))?"
)
_YEAR = re.compile(
    r"\bnam\s*(?P<y>\d{4})(?!\d)|(?<![\d/.])(?P<bare>(?:19|20)\d{2})(?![\d/])"
    r"|\b(?:trong|cuoi)\s+nam\b(?!\s*\d)|\bnam nay\b"
)

_LOOKBACK = 40  # characters before an expression that may qualify it ("xong trước", "bắt đầu từ")
_MAX_CHARS = 1000  # a deadline is a phrase; a whole paragraph pasted in a cell is read in part
_RANGE_GAP = re.compile(r"^\s*[,;]?\s*(?:den|toi|cho den|-|~)\s*(?:het\s*)?(?:ngay\s*)?$")
_BEFORE = re.compile(r"\btruoc\s*(?:ngay\s*)?$")
_UNTIL = re.compile(r"\b(?:den|toi|het|cham nhat|truoc het|han)\s*(?:ngay\s*)?$")
_FROM = re.compile(r"\b(?:tu|bat dau|ke tu|tinh tu)\s*(?:ngay\s*)?$")
_NOT_A_DATE_BEFORE = re.compile(r"(?:\b(?:thang|th\.?|t\.?|quy|so)\s*|[a-z])$")

_ONGOING = re.compile(
    r"\b(?:thuong xuyen|lien tuc|ca nam|suot nam|quanh nam|(?:hang|moi) (?:ngay|tuan)|bat dau tu)\b"
)
_ON_DEMAND = re.compile(
    r"\b(?:khi co|khi phat sinh|phat sinh|khi can|khi duoc|dot xuat|theo yeu cau|khi yeu cau"
    r"|tuy tinh hinh|khi nhan duoc)\b"
)
_EXTERNAL = re.compile(
    r"\btheo (?:ke hoach|tien do|huong dan|lo trinh|quy dinh|chi dao|thong bao|van ban|lich"
    r"|thoi gian|thoi han|de an|chuong trinh|quyet dinh|cong van)\b"
)
_EVERY = re.compile(r"\b(?:hang|moi)\s+(?P<u>thang|quy|nam)\b")
_EVERY_HALF = re.compile(r"\b(?:hang|moi)\s+(?:0?6|sau)\s+thang\b|\b(?:0?6|sau)\s+thang\s+(?:mot|1)\s+lan\b")
_PERIODIC = re.compile(r"\bdinh ky\b")
_TAIL_STOP = re.compile(r"\bhoac\b|[;().]|\brieng\b|\bve\b|\bcua\b|\bcho\b|\bvoi\b|\btheo\b")


@dataclass
class _Tok:
    """One date-like expression found in the text, before its year is known."""

    unit: str  # "day" | "month" | "quarter" | "year"
    segs: list[tuple[int, int]]  # day: [(d, m)]; month/quarter: [(from, to)]; year: []
    year: int | None
    pos: int
    end: int
    raw: str


@dataclass
class _Item:
    kind: str
    start: date | None  # explicit start (None for "trước ngày X")
    due: date
    pos: int


@dataclass
class _Part:
    """What one clause of the phrase says."""

    kinds: list[tuple[int, str]] = field(default_factory=list)  # (position, kind)
    occurrences: list[tuple[date, date]] = field(default_factory=list)
    starts: list[date] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    used_default_year: bool = False

    @property
    def known(self) -> bool:
        return bool(self.kinds)


# --- small date helpers ---------------------------------------------------------------------


def _month_end(y: int, m: int) -> date:
    date(y, m, 1)  # a month outside 1..12 is a ValueError, as calendar.monthrange made it
    return (date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)) - timedelta(days=1)


def _quarter_bounds(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _fmt(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _dedupe(seq: list[str]) -> list[str]:
    out: list[str] = []
    for x in seq:
        if x not in out:
            out.append(x)
    return out


# --- normalisation --------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Folded, one line, dashes unified, doubled words and stray dots removed."""
    s = fold(text.replace("\r", " ").replace("\n", " "))
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = s.replace("…", " ")
    s = re.sub(r"\.{2,}", " ", s)
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\b([a-z]+)(?:\s+\1\b)+", r"\1", s)  # "truoc truoc ngay"
    return s.strip(" .;,:")


def _split_parts(s: str) -> tuple[str, list[str]]:
    """Main clause and exception clauses ("(Riêng việc … trước ngày 31/5/2021)")."""
    extras = [m.group(1) for m in re.finditer(r"\(([^()]*)\)", s)]
    main = re.sub(r"\([^()]*\)", " ", s)
    main = main.replace("(", " ").replace(")", " ")
    m = re.search(r"\brieng\b", main)
    if m and m.start() > 0:
        extras.insert(0, main[m.start():])
        main = main[: m.start()]
    return main.strip(" .;,:-"), [e.strip(" .;,:-") for e in extras if e.strip(" .;,:-")]


# --- token extraction -----------------------------------------------------------------------


class _Scanner:
    """Finds expressions in order of priority, blanking what was used so it is not read twice."""

    def __init__(self, s: str) -> None:
        self.orig = s
        self.s = s

    def take(self, pattern: re.Pattern[str], accept=None) -> list[re.Match[str]]:
        found = [m for m in pattern.finditer(self.s) if accept is None or accept(m)]
        if found:
            chars = list(self.s)
            for m in found:
                chars[m.start(): m.end()] = " " * (m.end() - m.start())
            self.s = "".join(chars)
        return found

    def blank_from(self, pos: int) -> None:
        self.s = self.s[:pos] + " " * (len(self.s) - pos)


def _int_year(raw: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    return 2000 + y if len(raw) <= 2 else y  # "15/9/21" → 2021; "năm 0000" stays invalid


def _tokens(sc: _Scanner) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in sc.take(_VERBAL_DATE):
        toks.append(_Tok("day", [(int(m["d"]), int(m["m"]))], _int_year(m["y"]), m.start(), m.end(), m[0]))

    def date_ok(m: re.Match[str]) -> bool:
        return not _NOT_A_DATE_BEFORE.search(sc.s[max(0, m.start() - _LOOKBACK): m.start()])

    for m in sc.take(_NUM_DATE, date_ok):
        toks.append(_Tok("day", [(int(m["d"]), int(m["m"]))], _int_year(m["y"]), m.start(), m.end(), m[0]))
    for m in sc.take(_PART_OF_YEAR):
        n = 6 if m["half"] else int(m["n"])
        n = max(1, min(12, n))
        seg = (1, n) if m["pos"] == "dau" else (13 - n, 12)
        toks.append(_Tok("month", [seg], _int_year(m["y"]), m.start(), m.end(), m[0]))
    for m in sc.take(_MONTHS):
        segs = _segments(m["first"] + (m["rest"] or ""), _MONTH_ITEM, int)
        toks.append(_Tok("month", segs, _int_year(m["y"]), m.start(), m.end(), m[0]))
    for m in sc.take(_QUARTERS):
        segs = _segments(m["first"] + (m["rest"] or ""), _QUARTER_ITEM, lambda x: _ROMAN[x])
        toks.append(_Tok("quarter", segs, _int_year(m["y"]), m.start(), m.end(), m[0]))
    for m in sc.take(_YEAR):
        toks.append(_Tok("year", [], _int_year(m["y"] or m["bare"]), m.start(), m.end(), m[0]))
    toks.sort(key=lambda t: t.pos)
    return toks


def _segments(body: str, item: re.Pattern[str], conv) -> list[tuple[int, int]]:
    """"3,6,9,12" → [(3,3),(6,6),…]; "4 đến tháng 11" → [(4,11)]."""
    segs: list[tuple[int, int]] = []
    for m in item.finditer(body):
        sep, value = m.group(1), conv(m.group(2))
        if segs and sep in ("-", "~", "den", "toi"):
            a, _ = segs[-1]
            segs[-1] = (a, value)
        else:
            segs.append((value, value))
    return segs


# --- from tokens to dates -------------------------------------------------------------------


def _intervals(tok: _Tok, year: int) -> list[tuple[date, date, bool]]:
    """(start, end, is_range) for each segment; raises ValueError on impossible dates."""
    out: list[tuple[date, date, bool]] = []
    if tok.unit == "day":
        d, m = tok.segs[0]
        day = date(year, m, d)
        out.append((day, day, False))
    elif tok.unit == "month":
        for a, b in tok.segs:
            if not (1 <= a <= 12 and 1 <= b <= 12):
                raise ValueError("month")
            start_year = year - 1 if a > b else year
            out.append((date(start_year, a, 1), _month_end(year, b), a != b))
    elif tok.unit == "quarter":
        for a, b in tok.segs:
            a, b = min(a, b), max(a, b)
            out.append((_quarter_bounds(year, a)[0], _quarter_bounds(year, b)[1], a != b))
    else:
        out.append((date(year, 1, 1), date(year, 12, 31), False))
    return out


def _invalid_message(tok: _Tok, year: int) -> str:
    if not 1900 <= year <= 2200:
        return f"Năm không hợp lệ: {year:04d}."
    if tok.unit == "day":
        d, m = tok.segs[0]
        return f"Ngày không hợp lệ: {d}/{m}/{year}."
    bad = [x for seg in tok.segs for x in seg if not 1 <= x <= 12]
    return f"Tháng không hợp lệ: {bad[0] if bad else tok.raw.strip()}."


def _resolve_years(toks: list[_Tok], default_year: int) -> list[int]:
    """Year of each token: its own, else the next written one, else the previous, else default."""
    following: list[int | None] = [None] * len(toks)
    nxt: int | None = None
    for i in range(len(toks) - 1, -1, -1):
        following[i] = nxt = toks[i].year if toks[i].year is not None else nxt
    years: list[int] = []
    prv: int | None = None
    for i, t in enumerate(toks):
        y = following[i] if following[i] is not None else prv
        years.append(default_year if y is None else y)
        prv = t.year if t.year is not None else prv
    return years


def _parse_part(s: str, default_year: int, calendar_: WorkCalendar | None = None) -> _Part:
    part = _Part()
    sc = _Scanner(s)
    dated = _RELATIVE_DATED.search(s)
    if dated:
        try:
            y = int(dated["y"]) if dated["y"] else default_year
            anchor = date(y, int(dated["m"]), int(dated["d"]))
            n = int(dated["n"])
            if dated["wd"]:
                due = (calendar_ or WorkCalendar()).add_workdays(anchor, n)
            else:
                due = anchor + timedelta(days=n)
        except ValueError:
            part.warnings.append(f"Ngày '{dated.group(0)}' không có thật; hãy nhập hạn bằng tay.")
        else:
            part.kinds.append((dated.start(), K.DATE.value))
            part.occurrences.append((anchor, due))
            part.starts.append(anchor)
            part.years.append(y)
            part.used_default_year = part.used_default_year or not dated["y"]
            sc.s = sc.s[:dated.start()] + " " * (dated.end() - dated.start()) + sc.s[dated.end():]
            s = sc.s
    rel = _RELATIVE.search(s)
    if rel:
        part.kinds.append((rel.start(), K.EXTERNAL.value))
        part.warnings.append(
            "Thời hạn tính theo số ngày kể từ một sự việc; hãy nhập hạn bằng tay khi biết ngày bắt đầu.")
        sc.blank_from(rel.start())
    toks = _tokens(sc)
    years = _resolve_years(toks, default_year)

    resolved: list[tuple[_Tok, list[tuple[date, date, bool]], int]] = []
    for tok, y in zip(toks, years, strict=True):
        try:
            if not 1900 <= y <= 2200:
                raise ValueError("year")
            resolved.append((tok, _intervals(tok, y), y))
            if tok.year is not None:
                part.years.append(tok.year)
        except ValueError:
            part.warnings.append(_invalid_message(tok, y))
    # every token takes a written year when there is one, so the default is used only when none is
    written = [y for t, _, y in resolved if t.year is not None]
    context_year = written[0] if written else default_year
    part.used_default_year = not written

    items: list[_Item] = []
    year_items: list[_Item] = []
    from_marks: list[tuple[int, date]] = []
    i = 0
    while i < len(resolved):
        tok, ivs, y = resolved[i]
        if i + 1 < len(resolved) and len(ivs) == 1 and tok.unit != "year":
            tok2, ivs2, _ = resolved[i + 1]
            if len(ivs2) == 1 and _RANGE_GAP.match(s[tok.end: tok2.pos]):
                start, end = ivs[0][0], ivs2[0][1]
                if start > end and tok.year is None:
                    try:
                        start = _intervals(tok, y - 1)[0][0]
                    except ValueError:
                        pass
                if start > end:
                    start, end = end, start
                    part.warnings.append("Ngày bắt đầu sau ngày kết thúc; đã đổi chỗ hai ngày.")
                items.append(_Item(K.RANGE.value, start, end, tok.pos))
                i += 2
                continue
        prefix = s[max(0, tok.pos - _LOOKBACK): tok.pos]
        before, until, since = (bool(r.search(prefix)) for r in (_BEFORE, _UNTIL, _FROM))
        for start, end, is_range in ivs:
            if is_range:
                items.append(_Item(K.RANGE.value, start, end, tok.pos))
            elif before and tok.unit != "day":
                items.append(_Item(K.DATE.value, None, start - timedelta(days=1), tok.pos))
            elif (before or until) and tok.unit != "year":
                items.append(_Item(K.DATE.value, None, end, tok.pos))
            elif since:
                from_marks.append((tok.pos, start))
            elif tok.unit == "day":
                items.append(_Item(K.DATE.value, None, end, tok.pos))
            elif tok.unit == "month":
                items.append(_Item(K.MONTH.value, start, end, tok.pos))
            elif tok.unit == "quarter":
                items.append(_Item(K.QUARTER.value, start, end, tok.pos))
            else:
                year_items.append(_Item(K.YEAR.value, start, end, tok.pos))
        i += 1

    # keywords
    ongoing = _ONGOING.search(s)
    units, periodic_pos, periodic_default = _periodic(s)
    on_demand = _ON_DEMAND.search(s)
    external = _EXTERNAL.search(s)

    first_of_year = date(context_year, 1, 1)
    explicit_start = min((d for _, d in from_marks), default=None)

    several_months = sum(1 for x in items if x.kind == K.MONTH.value) > 1
    for it in items:
        kind = K.MONTHS.value if it.kind == K.MONTH.value and several_months else it.kind
        part.kinds.append((it.pos, kind))
        start = it.start or explicit_start
        if it.start:
            part.starts.append(it.start)
        occ_start = start or (first_of_year if first_of_year <= it.due else date(it.due.year, 1, 1))
        part.occurrences.append((min(occ_start, it.due), it.due))

    if units:
        part.kinds.append((periodic_pos, K.PERIODIC.value))
        if periodic_default:
            part.warnings.append("Không rõ chu kỳ định kỳ; tạm tính theo quý.")
        part.starts.append(first_of_year)
        part.occurrences.extend(_periodic_occurrences(units, context_year))

    if ongoing or (from_marks and not items):
        start = explicit_start or first_of_year
        end = date(start.year if explicit_start else context_year, 12, 31)
        pos = ongoing.start() if ongoing else from_marks[0][0]
        part.kinds.append((pos, K.ONGOING.value))
        part.starts.append(start)
        part.occurrences.append((start, end))
    elif explicit_start:
        part.starts.append(explicit_start)

    if year_items and not part.kinds:
        for it in year_items:
            part.kinds.append((it.pos, K.YEAR.value))
            part.starts.append(it.start or first_of_year)
            part.occurrences.append((it.start or first_of_year, it.due))

    if on_demand:
        part.kinds.append((on_demand.start(), K.ON_DEMAND.value))
    if external and not part.occurrences:
        part.kinds.append((external.start(), K.EXTERNAL.value))
    return part


def _periodic(s: str) -> tuple[set[str], int, bool]:
    """Period units ("M", "Q", "H", "Y") named by periodic words, their position, default used."""
    units: set[str] = set()
    pos = -1
    default = False
    for m in _EVERY_HALF.finditer(s):
        units.add("H")
        pos = m.start() if pos < 0 else pos
    for m in _EVERY.finditer(s):
        units.add({"thang": "M", "quy": "Q", "nam": "Y"}[m["u"]])
        pos = m.start() if pos < 0 else min(pos, m.start())
    for m in _PERIODIC.finditer(s):
        pos = m.start() if pos < 0 else min(pos, m.start())
        tail = s[m.end(): m.end() + 40]
        stop = _TAIL_STOP.search(tail)
        if stop:
            tail = tail[: stop.start()]
        tail = re.sub(r"\bnam\s*\d{4}", " ", tail)
        found: set[str] = set()
        if re.search(r"\b0?6\s*thang\b|\bsau thang\b", tail):
            found.add("H")
            tail = re.sub(r"\b0?6\s*thang\b|\bsau thang\b", " ", tail)
        if re.search(r"\bthang\b", tail):
            found.add("M")
        if re.search(r"\bquy\b", tail):
            found.add("Q")
        if re.search(r"\bnam\b", tail):
            found.add("Y")
        if not found and not units:
            found.add("Q")
            default = True
        units |= found
    return units, pos, default


def _periodic_occurrences(units: set[str], y: int) -> list[tuple[date, date]]:
    occ: list[tuple[date, date]] = []
    if "M" in units:
        occ += [(date(y, m, 1), _month_end(y, m)) for m in range(1, 13)]
    if "Q" in units:
        occ += [_quarter_bounds(y, q) for q in range(1, 5)]
    if "H" in units:
        occ += [(date(y, 1, 1), date(y, 6, 30)), (date(y, 7, 1), date(y, 12, 31))]
    if "Y" in units:
        occ.append((date(y, 1, 1), date(y, 12, 31)))
    return occ


def _first_written_year(s: str) -> int | None:
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", s)
    return int(m.group(1)) if m else None


# --- public API -----------------------------------------------------------------------------


def parse_schedule(text: str, year: int | None = None, calendar: WorkCalendar | None = None) -> Schedule:
    """Turn a deadline phrase into a Schedule. Never raises; doubts become warnings.

    ``calendar`` counts "N ngày làm việc kể từ <date>" (default: public holidays only).
    """
    raw = text if isinstance(text, str) else ("" if text is None else str(text))
    try:
        return _parse(raw, year, calendar)
    except Exception:  # the contract is "never raise": a bug here must not block an import …
        if strict_mode():  # … but in the tests it must fail loudly, not become "unknown"
            raise
        import logging  # here only: importing it (and calendar) at load cost each plan import ~3 ms

        logging.getLogger(__name__).exception("parse_schedule failed on %r", raw)
        return Schedule(text=raw, kinds=(K.UNKNOWN.value,),
                        warnings=(_not_understood(raw),))


def _not_understood(raw: str) -> str:
    shown = " ".join(raw.split())
    if len(shown) > 80:
        shown = shown[:79] + "…"
    return f"Không hiểu thời hạn: '{shown}'. Hãy nhập hạn bằng tay."


def _parse(raw: str, plan_year: int | None, work_calendar: WorkCalendar | None = None) -> Schedule:
    s = _normalise(raw)
    if not s:
        return Schedule(text=raw, kinds=(K.UNKNOWN.value,), warnings=("Chưa có thời hạn.",))
    too_long = len(s) > _MAX_CHARS
    if too_long:
        s = s[:_MAX_CHARS]
    plan_year = _plan_year(plan_year)
    default_year = plan_year or _first_written_year(s) or date.today().year

    main_text, extra_texts = _split_parts(s)
    main = _parse_part(main_text, default_year, work_calendar) if main_text else _Part()
    extras = [_parse_part(e, default_year, work_calendar) for e in extra_texts]
    if not main.known:
        # "(Khi có phát sinh)" alone, or a deadline written only inside brackets
        for e in extras:
            if e.known:
                main.warnings += e.warnings
                main, extras = _merge(main, e), [x for x in extras if x is not e]
                break

    # an exception adds dated occurrences; "(trong năm 2021)" after a main deadline only repeats the year
    parts = [main, *[e for e in extras if e.occurrences and (not main.known or _kinds(e) - {K.YEAR.value})]]
    kinds: list[str] = []
    for p in parts:
        kinds += [k for _, k in sorted(p.kinds, key=lambda x: x[0])]
    kinds = _dedupe(kinds)

    warnings: list[str] = []
    if too_long:
        warnings.append(f"Thời hạn quá dài; chỉ đọc {_MAX_CHARS} ký tự đầu.")
    for p in [main, *extras]:
        warnings += p.warnings

    if plan_year is not None:
        for y in _dedupe([str(y) for p in parts for y in p.years]):
            if int(y) != plan_year:
                warnings.append(f"Năm {y} khác năm của kế hoạch ({plan_year}).")

    if not kinds:
        warnings.append(_not_understood(raw))
        return Schedule(text=raw, kinds=(K.UNKNOWN.value,), warnings=tuple(_dedupe(warnings)))

    by_due: dict[date, date] = {}
    for p in parts:
        for st, du in p.occurrences:
            st = min(st, du)
            by_due[du] = max(by_due.get(du, st), st)  # one occurrence per due: the narrowest
    occurrences = tuple(sorted(((st, du) for du, st in by_due.items()), key=lambda o: (o[1], o[0])))
    due = max((du for _, du in occurrences), default=None)
    if plan_year is None and occurrences and any(p.used_default_year for p in parts):
        warnings.append(f"Chưa biết năm của kế hoạch; tạm dùng năm {default_year}.")
    starts = main.starts or [st for p in parts for st in p.starts]
    start = min(starts) if starts else None
    if start and due and start > due:
        start = min(st for st, _ in occurrences)
    return Schedule(text=raw, kinds=tuple(kinds), start=start, due=due, occurrences=occurrences,
                    warnings=tuple(_dedupe(warnings)))


def _plan_year(value: object) -> int | None:
    """The plan year if it is a plausible one ("2021" and 2021 both do); otherwise unknown."""
    try:
        y = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return None
    return y if 1900 <= y <= 2200 and not isinstance(value, bool) else None


def _kinds(p: _Part) -> set[str]:
    return {k for _, k in p.kinds}


def _merge(a: _Part, b: _Part) -> _Part:
    return _Part(kinds=a.kinds + b.kinds, occurrences=a.occurrences + b.occurrences,
                 starts=a.starts + b.starts, warnings=list(a.warnings), years=a.years + b.years,
                 used_default_year=a.used_default_year or b.used_default_year)


_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}


class ScheduleWords:
    """The words of ``describe_schedule``: Vietnamese here; the UI's English is a subclass
    (``ui.formats``), so the cases and their order are written once."""

    ongoing = "Thường xuyên đến {due}"
    ongoing_count = "; và {n} hạn trong năm"
    ongoing_also = "; riêng hạn {dates}"
    times = "{n} lần: {dates}"
    range = "Từ {start} đến {due}"
    month = "Trong tháng {month}/{year}, hạn {due}"
    quarter = "Quý {quarter}/{year}, hạn {due}"
    periodic = "Định kỳ, hạn {due}"
    year = "Trong năm {year}, hạn {due}"
    due = "Hạn {due}"
    on_demand = "khi có phát sinh"
    external = "theo kế hoạch, hướng dẫn riêng"
    unknown = "Chưa rõ hạn"
    alternative = "; hoặc "

    @staticmethod
    def date(d: date) -> str:
        return _fmt(d)

    @staticmethod
    def dates(dues: list[date]) -> str:
        """A repeated task's dues: day/month only while they share a year, the last one whole."""
        same_year = len({d.year for d in dues}) == 1
        shown = [f"{d.day:02d}/{d.month:02d}" if same_year else _fmt(d) for d in dues[:-1]]
        return ", ".join([*shown, _fmt(dues[-1])])


def describe_schedule(s: Schedule, words: type[ScheduleWords] = ScheduleWords) -> str:
    """A short summary for tooltips and the CLI ("Hạn 15/09/2021", "4 lần: …"), in ``words``."""
    w = words
    kinds = set(s.kinds)
    occ = list(s.occurrences)
    parts: list[str] = []
    if occ and s.due:
        if K.ONGOING.value in kinds:
            text = w.ongoing.format(due=w.date(s.due))
            others = [du for _, du in occ if du != s.due]
            if len(others) > 3:
                text += w.ongoing_count.format(n=len(others))
            elif others:
                text += w.ongoing_also.format(dates=", ".join(w.date(d) for d in others))
            parts.append(text)
        elif len(occ) > 1:
            parts.append(w.times.format(n=len(occ), dates=w.dates([du for _, du in occ])))
        else:
            st, du = occ[0]
            fields = {"start": w.date(st), "due": w.date(du), "month": du.month, "year": du.year,
                      "quarter": _ROMAN_OUT[(du.month + 2) // 3]}
            kind = next((k for k in (K.RANGE, K.MONTH, K.QUARTER, K.PERIODIC, K.YEAR) if k.value in kinds), None)
            template = {K.RANGE: w.range, K.MONTH: w.month, K.QUARTER: w.quarter, K.PERIODIC: w.periodic,
                        K.YEAR: w.year}.get(kind, w.due)
            parts.append(template.format(**fields))
    for kind, text in ((K.ON_DEMAND, w.on_demand), (K.EXTERNAL, w.external)):
        if kind.value in kinds:
            parts.append(text if parts else text[:1].upper() + text[1:])
    if not parts:
        return w.unknown
    return parts[0] + "".join(w.alternative + p for p in parts[1:])
