"""The plan's reference (số/ký hiệu, ngày, cơ quan ban hành, tên loại + trích yếu, năm) from its text.

Read from the lines of the header and title block, in whatever order a reader gave them: a Word
header table (agency | national motto), a PDF line where both columns share a baseline ("UBND
TỈNH HẢI DƯƠNG CỘNG HÒA XÃ HỘI …"), or the title rows of a spreadsheet. Unsigned drafts leave
the number and the day blank ("Số:      /KH-SCT", "ngày     tháng 02 năm 2021"): what is
written is kept and the officer completes it in the wizard. Nothing here raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..core.text import fold
from .result import PlanReference

_MOTTO = re.compile(r"(C[ỘO]NG\s*H[OÒ][AÀ]?\s*X[ÃA]\s*H[ỘO]I|Độc\s*lập\s*[-–—]\s*Tự\s*do)", re.IGNORECASE)
_NUMBER = re.compile(r"\bSố\s*:\s*(?P<num>[0-9A-Za-zĐđ.…]*\s*/\s*[0-9A-ZĐa-zđ][0-9A-ZĐa-zđ\-–.]*)")
_DATE = re.compile(
    r"(?P<place>[^\W\d_][^,\n]{0,60}?)\s*,\s*ngày\s*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?[\s.…_]*"
    r"năm\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_ATTACHED = re.compile(
    r"(?:kèm\s+theo|ban\s+hành\s+kèm\s+theo)\s+(?P<kind>Quyết\s+định|Kế\s+hoạch|Công\s+văn)\s+số\s*"
    r"(?P<num>[0-9A-Za-zĐđ.…]*\s*/\s*[0-9A-ZĐa-zđ][0-9A-ZĐa-zđ\-–.]*)"
    r"(?:\s*ngày\s*(?P<d>\d{1,2})?[\s.…_/]*(?:tháng\s*)?(?P<m>\d{1,2})?[\s.…_/]*(?:năm\s*)?(?P<y>\d{4}))?"
    r"(?:\s*của\s+(?P<issuer>[^)\n]+))?",
    re.IGNORECASE,
)
_KINDS = {"ke hoach": "Kế hoạch", "quyet dinh": "Quyết định"}
_TITLE_STOP = re.compile(
    r"^(\(|can cu|thuc hien|theo de nghi|so\s*:|kinh gui|[ivxl]+\s*[.:]|stt\b|chu tich|giam doc|"
    r"quyet dinh\s*:|dieu \d|noi nhan|---|___)"
)
_LEVEL_WORDS = {"tỉnh", "huyện", "xã", "phường", "thị", "trấn", "thành", "phố", "quận"}
_COUNCIL = re.compile(r"^(ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\b", re.IGNORECASE)


def agency_case(text: str) -> str:
    """ "UBND TỈNH HẢI DƯƠNG" → "UBND tỉnh Hải Dương", "SỞ CÔNG THƯƠNG" → "Sở Công Thương"."""
    text = " ".join(text.split())
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) < 0.8 * len(letters):
        return text
    text = _COUNCIL.sub("UBND", text)
    text = re.sub(r"^HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\b", "HĐND", text, flags=re.IGNORECASE)
    words = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        if word in ("UBND", "HĐND") or any(ch.isdigit() for ch in word):
            words.append(word)
        elif low in _LEVEL_WORDS and i > 0:
            words.append(low)
        else:
            words.append(low[:1].upper() + low[1:])
    return " ".join(words)


def _issuer_of(lines: Sequence[str]) -> tuple[str, str]:
    """(issuer, parent) from the agency lines of the header's left column."""
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    if not lines:
        return "", ""
    if len(lines) == 1:
        return agency_case(lines[0]), ""
    first = fold(lines[0])
    if first in ("uy ban nhan dan", "ubnd", "hoi dong nhan dan"):
        return agency_case(" ".join(lines)), ""
    return agency_case(lines[-1]), agency_case(" ".join(lines[:-1]))


def _make_date(d: str | None, m: str | None, y: str | None) -> date | None:
    try:
        return date(int(y), int(m), int(d)) if d and m and y else None  # type: ignore[arg-type]
    except ValueError:
        return None


def _date_text(d: str | None, m: str | None, y: str | None) -> str:
    day = f"{int(d):02d}" if d else "…"
    month = f"{int(m):02d}" if m else "…"
    return f"ngày {day} tháng {month} năm {y}" if y else ""


def _place(raw: str) -> str:
    """The trailing capitalised words before ", ngày": "Số: /KH-SCT Hải Dương" → "Hải Dương"."""
    words = raw.split()
    out: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() and word[:1].isalpha():
            out.append(word)
        else:
            break
    return " ".join(reversed(out[:5]))


def _lower_first(text: str) -> str:
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def split_header_line(line: str) -> list[str]:
    """A line holding both header columns, cut before the motto and before the date line."""
    parts = [line]
    for pattern in (_MOTTO, re.compile(r"(?<=\S)\s+(?=Số\s*:)"), _DATE):
        nxt: list[str] = []
        for part in parts:
            m = pattern.search(part)
            start = 0
            if m:
                start = m.start() if pattern is not _DATE else m.start() + len(m["place"]) - len(_place(m["place"]))
            if start > 0:
                head, tail = part[:start].strip(), part[start:].strip()
                nxt.extend(p for p in (head, tail) if p)
            else:
                nxt.append(part)
        parts = nxt
    return parts


def read_reference(lines: Sequence[str]) -> PlanReference:
    """Read the reference from the header and title lines of a plan (or the decision issuing it)."""
    ref = PlanReference()
    flat: list[str] = []
    for line in lines[:400]:
        for part in line.split("\n"):
            if part.strip():
                flat.extend(split_header_line(part.strip()))
    # The agency: lines before "Số:" / the date / the title, motto lines left out.
    agency: list[str] = []
    for line in flat[:12]:
        folded = fold(line)
        if _MOTTO.search(line) or folded in ("nam", "viet nam"):  # the motto, or its wrapped tail
            continue
        if _NUMBER.search(line) or _DATE.search(line) or folded in _KINDS or _TITLE_STOP.match(folded):
            break
        if set(line) <= set("-_=* ") or len(line) > 80:
            continue
        agency.append(line)
    ref.issuer, ref.parent_issuer = _issuer_of(agency[:4])
    for line in flat[:30]:
        m = _NUMBER.search(line)
        if m:
            ref.number = re.sub(r"\s+", "", m["num"])
            break
    for line in flat[:30]:
        m = _DATE.search(line)
        if m:
            ref.place = _place(m["place"])
            ref.date = _make_date(m["d"], m["m"], m["y"])
            ref.date_text = _date_text(m["d"], m["m"], m["y"])
            break
    _read_title(flat, ref)
    attached = _ATTACHED.search(" ".join(flat))
    if attached is not None:
        if not ref.number:
            ref.number = re.sub(r"\s+", "", attached["num"])
        if not ref.date_text and attached["y"]:
            ref.date = _make_date(attached["d"], attached["m"], attached["y"])
            ref.date_text = _date_text(attached["d"], attached["m"], attached["y"])
        if not ref.issuer and attached["issuer"]:
            ref.issuer = attached["issuer"].strip().rstrip(").").strip()
    if ref.year is None and ref.date_text:
        ref.year = int(ref.date_text[-4:])
    return ref


def _read_title(flat: list[str], ref: PlanReference) -> None:
    """Tên loại + trích yếu. A plan's own "KẾ HOẠCH" block wins over the decision issuing it."""
    found: tuple[str, list[str]] | None = None
    for i, line in enumerate(flat):
        folded = fold(line)
        kind = next((k for k in _KINDS if folded == k or folded.startswith(k + " ")), None)
        if kind is None or not line[:8].isupper():
            continue
        rest = line[len(kind) :].strip()
        parts = [rest] if rest else []
        for nxt in flat[i + 1 : i + 5]:
            nf = fold(nxt)
            if _TITLE_STOP.match(nf) or _MOTTO.search(nxt) or nf in _KINDS or (nxt.isupper() and parts):
                break
            parts.append(nxt.strip())
        if not parts:
            continue
        if found is None or (kind == "ke hoach" and found[0] != "ke hoach"):
            found = (kind, parts)
        if kind == "ke hoach":
            break
    if found is None:
        return
    kind, parts = found
    summary = " ".join(" ".join(parts).split())
    summary = re.split(r"\s\((?:ban hành\s+)?kèm theo\b", summary, maxsplit=1, flags=re.IGNORECASE)[0].strip()
    if kind == "quyet dinh":
        m = re.match(r"(?i)^ban hành\s+(kế hoạch\b.*)$", summary)
        if m:
            ref.kind = "Kế hoạch"
            ref.title = m[1][0].upper() + m[1][1:]
        else:
            ref.kind = "Quyết định"
            ref.title = f"Quyết định {_lower_first(summary)}"
    else:
        ref.kind = "Kế hoạch"
        ref.title = f"Kế hoạch {_lower_first(summary)}"
    years = [int(y) for y in re.findall(r"\bnăm\s+(\d{4})\b", ref.title)]
    years = [y for y in years if 1990 <= y <= 2100]
    if years:
        ref.year = years[-1]


def merge_reference(primary: PlanReference, fallback: PlanReference) -> PlanReference:
    """Fields of ``primary`` where it has them, else those of ``fallback``."""
    out = PlanReference()
    for name in PlanReference.__dataclass_fields__:
        value = getattr(primary, name)
        setattr(out, name, value if value not in ("", None) else getattr(fallback, name))
    return out
