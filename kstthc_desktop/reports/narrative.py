"""Drafted report sentences: plain, formal Vietnamese written from the numbers.

These are drafts the officer edits (each is a key of ``ReportContent.sections``). They state facts
the program knows — counts, dates, the text of tasks and what the officer recorded — and never
invent causes or achievements: what the program does not know is left as a dotted blank for the
pen ("số …/KH-UBND ngày … tháng … năm …"), never silently dropped.

Wording follows the office's level: a xã or phường speaks of its công chức and Bộ phận Một cửa,
a Sở of its phòng, đơn vị.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..core.model import Level, Office, Plan
from ..core.text import one_line
from .formatting import DOTS, bare, date_or_blank, number, percent, short_date, tenths_percent


@dataclass(frozen=True)
class TaskLine:
    """A task as mentioned in a sentence: qualified number, full text, deadline as written."""

    number: str
    content: str
    deadline: str = ""
    detail: str = ""  # what follows the colon: the result, or the cause of delay


# --- names ------------------------------------------------------------------------------------

_PLACE_WORDS = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "ĐẶC KHU", "PHƯỜNG", "HUYỆN", "QUẬN", "TỈNH", "XÃ")
_AGENCY_WORDS = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "VĂN PHÒNG", "TRUNG TÂM", "CHI CỤC", "CỤC", "SỞ", "BAN",
                 "PHÒNG")
# compound names that keep both capitals (ND 30 Phụ lục VI practice)
_KEEP = {"CÔNG THƯƠNG": "Công Thương"}


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def _place_phrase(line: str) -> tuple[str, str]:
    """ "XÃ LÊ LỢI" → ("xã", "xã Lê Lợi"); a place name keeps a capital on every syllable."""
    text = line.strip()
    upper = text.upper()
    for word in _PLACE_WORDS:
        if upper.startswith(word + " "):
            rest = text[len(word) + 1 :].strip()
            rest = " ".join(_cap(w) for w in rest.split()) if rest.isupper() else rest
            return word.lower(), f"{word.lower()} {rest}"
    return "", agency_case(text)


def agency_case(text: str) -> str:
    """A name typed in capitals as it is written in a sentence: "SỞ TƯ PHÁP" → "Sở Tư pháp",
    "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "Sở Kế hoạch và Đầu tư". A name typed in normal case is kept as typed."""
    text = " ".join(text.split())
    if not text or not text.isupper():
        return text
    upper = text.upper()
    for whole, kept in _KEEP.items():
        upper = upper.replace(whole, kept.upper())
    for word in _PLACE_WORDS:  # "… TỈNH HẢI DƯƠNG": the place keeps its capitals
        marker = f" {word} "
        if marker in upper:
            head, tail = upper.split(marker, 1)
            return f"{agency_case(head)} {word.lower()} {' '.join(_cap(w) for w in tail.split())}"
    head = next((w for w in _AGENCY_WORDS if upper.startswith(w + " ") or upper == w), "")
    words = upper[len(head):].split()
    out: list[str] = [" ".join(_cap(w) if i == 0 else w.lower() for i, w in enumerate(head.split()))] if head else []
    start = True
    for w in words:
        core = w.rstrip(",")
        if core == "VÀ":
            out.append("và")
            start = True
            continue
        out.append(_cap(w) if start else w.lower())
        start = w.endswith(",")
    text = " ".join(out)
    for kept in _KEEP.values():
        text = text.replace(_cap(kept.split()[0]) + " " + kept.split()[1].lower(), kept)
    return text


def office_names(office: Office) -> tuple[str, str]:
    """(full, short) names used in sentences: ("UBND xã Lê Lợi", "UBND xã"), ("Sở Tư pháp", "Sở")."""
    lines = office.name_lines
    if not lines:
        return "Cơ quan", "Cơ quan"
    head = lines[0].strip().upper()
    if head in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND"):
        if len(lines) > 1:
            kind, place = _place_phrase(" ".join(lines[1:]))
            return f"UBND {place}", f"UBND {kind}" if kind else "UBND"
        return "UBND", "UBND"
    full = agency_case(" ".join(line.strip() for line in lines))
    if office.level == Level.DEPARTMENT or full.startswith("Sở "):
        return full, "Sở"
    return full, full.split(" ")[0]


def is_department(office: Office) -> bool:
    return office.level in (Level.DEPARTMENT, Level.PROVINCE)


def staff(office: Office) -> str:
    """Who does the work, in the office's own words."""
    return "các phòng, đơn vị thuộc Sở" if is_department(office) else "các bộ phận, công chức chuyên môn"


# --- citations --------------------------------------------------------------------------------

_DOC_TYPES = {"KH": "Kế hoạch", "QĐ": "Quyết định", "CTR": "Chương trình", "CV": "Công văn", "HD": "Hướng dẫn"}


def _doc_type(number_text: str) -> str:
    if "/" in number_text:
        abbr = number_text.split("/", 1)[1].split("-", 1)[0].strip().upper()
        return _DOC_TYPES.get(abbr, "Kế hoạch")
    return "Kế hoạch"


def _number_or_blank(number_text: str, symbol: str) -> str:
    text = number_text.strip()
    if not text:
        return f"số {DOTS}/KH-{symbol}"
    if text.startswith("/"):  # the symbol without its number ("/QĐ-UBND", left blank in the source): dots for the pen
        return f"số {DOTS}{text}"
    return f"số {text}"


def superior_citation(plan: Plan, office: Office) -> str:
    """The superior plan this one carries out: "Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh
    Hải Dương về …"; what is not known stays a dotted blank."""
    issuer = one_line(plan.source_issuer) or one_line(office.superior) or DOTS
    symbol = "UBND"
    text = f"{_doc_type(plan.source_number)} {_number_or_blank(plan.source_number, symbol)} "
    text += f"{date_or_blank(plan.source_date)} của {issuer}"
    title = bare(one_line(plan.source_title))
    if title:
        low = title[0].lower() + title[1:]
        for prefix in ("kế hoạch ", "quyết định "):
            if low.startswith(prefix):
                low = low[len(prefix):]
        if not low.startswith(("về ", "ban hành ")):
            low = "về " + low
        text += f" {low}"
    else:
        text += f" về kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm {plan.year}"
    return text


def own_citation(plan: Plan, office: Office) -> str:
    """The office's own plan: "Kế hoạch số 05/KH-UBND ngày 10/01/2026 của UBND xã Lê Lợi …"."""
    full, _ = office_names(office)
    text = f"{_doc_type(plan.number)} {_number_or_blank(plan.number, office.symbol or 'UBND')} "
    text += f"{date_or_blank(plan.issue_date)} của {full}"
    return text + f" về kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm {plan.year}"


def intro(office: Office, plan: Plan, title_suffix: str) -> str:
    full, _ = office_names(office)
    return (
        f"Thực hiện {superior_citation(plan, office)};\n"
        f"Thực hiện {own_citation(plan, office)};\n"
        f"{full} báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế một "
        f"cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử {title_suffix} "
        f"như sau:"
    )


def direction(office: Office, plan: Plan) -> str:
    full, short = office_names(office)
    cited = own_citation(plan, office).replace(f" của {full}", "")
    who = "các phòng, đơn vị thuộc Sở" if is_department(office) else "các bộ phận, công chức"
    return (
        f"{full} đã ban hành {cited} và triển khai đến {who}; phân công theo dõi, đôn đốc thực hiện từng "
        f"nhiệm vụ; chỉ đạo thực hiện nghiêm các quy định về kiểm soát thủ tục hành chính, cơ chế một cửa, "
        f"một cửa liên thông."
    )


# --- counts -----------------------------------------------------------------------------------


def _count(n: int) -> str:
    return f"{number(n)} nhiệm vụ"


def results_summary(office: Office, total: int, done: int, in_progress: int, buckets: Mapping[str, tuple[int, int | None]],
                    no_deadline: tuple[int, int | None], done_in_window: int, as_of: date, appendix_label: str) -> str:
    """ "Kế hoạch có 30 nhiệm vụ; tính đến ngày …, đã triển khai 24/30 nhiệm vụ (hoàn thành 10,
    đang thực hiện 14) …" — every number here is a cell of the status table."""
    _, short = office_names(office)
    if total == 0:
        return "Kế hoạch chưa có nhiệm vụ nào được cập nhật vào chương trình theo dõi."
    started = done + in_progress

    def part(label: str, key: str) -> str:
        n, tenths = buckets[key]
        return f"{label} {_count(n)} ({tenths_percent(tenths)})"

    text = (
        f"Kế hoạch có {_count(total)} của {short}; tính đến ngày {short_date(as_of)}, đã triển khai "
        f"{number(started)}/{number(total)} nhiệm vụ (đã hoàn thành {number(done)}, đang thực hiện "
        f"{number(in_progress)}), trong đó: "
        + "; ".join([part("hoàn thành đúng hạn", "done_on_time"), part("hoàn thành quá hạn", "done_late"),
                     part("đang thực hiện trong hạn", "in_time"), part("đang thực hiện quá hạn", "overdue")])
    )
    n, tenths = no_deadline
    if n:
        text += f"; {_count(n)} chưa phát sinh hoặc chưa xác định thời hạn ({tenths_percent(tenths)})"
    text += "."
    if done_in_window:
        text += f" Trong kỳ báo cáo đã hoàn thành {_count(done_in_window)}."
    text += f" Kết quả thực hiện từng nhiệm vụ chi tiết tại {appendix_label} kèm theo."
    return text


def review(office: Office, appendix_title: str, total: int, done: int, as_of: date) -> str:
    _, short = office_names(office)
    if total == 0:
        return ""
    rest = total - done
    text = (
        f"Theo {appendix_title} của Kế hoạch, {short} thực hiện rà soát, đánh giá {number(total)} nội dung; "
        f"tính đến ngày {short_date(as_of)} đã hoàn thành {number(done)}/{number(total)} nội dung"
    )
    text += f", còn {number(rest)} nội dung đang thực hiện." if rest else "."
    return text


def statistics(totals: Mapping[str, int] | None, on_time: float | None, form_name: str) -> str:
    """One sentence per group of form 06a columns; dotted blanks when the figures are not in yet.

    Column (3) is every dossier handled in the period, including (6) those carried over; (10) is
    settled late, (13) still pending past its deadline: two different things, never added up.
    """
    if not totals:
        b = DOTS
        return (
            f"Tổng số hồ sơ nhận giải quyết trong kỳ: {b} hồ sơ (từ kỳ trước chuyển sang: {b}; tiếp nhận mới "
            f"trong kỳ: {b}, gồm trực tuyến: {b}, trực tiếp và qua dịch vụ bưu chính: {b}). Đã giải quyết: {b} "
            f"hồ sơ (trước hạn: {b}; đúng hạn: {b}; quá hạn: {b}). Đang giải quyết: {b} hồ sơ (trong hạn: {b}; "
            f"quá hạn: {b}). Chi tiết tại {form_name} kèm theo."
        )
    t = {k: number(v) for k, v in totals.items() if isinstance(v, int) and not isinstance(v, bool)}
    if not totals.get("c3"):
        return f"Trong kỳ, không phát sinh hồ sơ thủ tục hành chính (chi tiết tại {form_name} kèm theo)."
    new = number(int(totals.get("c4", 0)) + int(totals.get("c5", 0)))
    rate = f"; tỷ lệ giải quyết trước hạn và đúng hạn đạt {percent(on_time)}" if on_time is not None else ""
    return (
        f"Tổng số hồ sơ nhận giải quyết trong kỳ: {t['c3']} hồ sơ (từ kỳ trước chuyển sang: {t['c6']}; tiếp "
        f"nhận mới trong kỳ: {new}, gồm trực tuyến: {t['c4']}, trực tiếp và qua dịch vụ bưu chính: {t['c5']}). "
        f"Đã giải quyết: {t['c7']} hồ sơ (trước hạn: {t['c8']}; đúng hạn: {t['c9']}; quá hạn: {t['c10']}){rate}. "
        f"Đang giải quyết: {t['c11']} hồ sơ (trong hạn: {t['c12']}; quá hạn: {t['c13']}). Chi tiết tại "
        f"{form_name} kèm theo."
    )


# --- task items -------------------------------------------------------------------------------


def task_item(t: TaskLine) -> str:
    """ "- Nhiệm vụ II.3 (thời hạn: Quý II năm 2026): <text>: <detail>;" with clean punctuation."""
    head = f"- Nhiệm vụ {t.number}" if t.number and t.number not in ("-", "+") else "- Nhiệm vụ"
    deadline = bare(t.deadline)
    if deadline:
        head += f" (thời hạn: {deadline})"
    text = f"{head}: {bare(t.content)}"
    if t.detail:
        text += f": {bare(t.detail)}"
    return text + ";"


def finish(lines: list[str]) -> list[str]:
    """The last item of a list ends with a full stop instead of a semicolon."""
    if lines and lines[-1].endswith(";"):
        lines[-1] = lines[-1][:-1] + "."
    return lines


def limits(office: Office, overdue: Sequence[TaskLine], done_late: int, late_settled: int | None,
           late_pending: int | None) -> str:
    """Overdue tasks each with the cause the officer wrote (a dotted blank when none was written)."""
    lines: list[str] = []
    if overdue:
        lines.append(f"Còn {_count(len(overdue))} đang thực hiện quá hạn, cụ thể:")
        lines += finish([task_item(t) for t in overdue])
    if done_late:
        lines.append(f"Có {_count(done_late)} hoàn thành nhưng chậm so với thời hạn của Kế hoạch.")
    if late_settled:
        lines.append(f"Trong kỳ có {number(late_settled)} hồ sơ thủ tục hành chính được giải quyết quá hạn.")
    if late_pending:
        lines.append(f"Còn {number(late_pending)} hồ sơ thủ tục hành chính đang giải quyết đã quá hạn.")
    if not lines:
        lines.append("Các nhiệm vụ theo Kế hoạch được triển khai đúng tiến độ; không có nhiệm vụ quá hạn.")
    return "\n".join(lines)


def next_period(due_next: Sequence[TaskLine], overdue_count: int, missing_plan: str = "",
                office: Office | None = None) -> str:
    lines = ["Tiếp tục triển khai thực hiện có hiệu quả các nhiệm vụ theo Kế hoạch, trong đó tập trung:"]
    if missing_plan:
        lines = [missing_plan, "Trong khi chờ Kế hoạch, tập trung:"]
    if overdue_count:
        lines.append(f"- Khẩn trương hoàn thành {_count(overdue_count)} đang thực hiện quá hạn;")
    lines += [task_item(t) for t in due_next]
    where = "tại Bộ phận Một cửa" if office is None or not is_department(office) else "tại Bộ phận Một cửa của Sở"
    lines.append(
        f"- Tiếp nhận, giải quyết thủ tục hành chính {where} theo cơ chế một cửa, một cửa liên thông; công "
        "khai đầy đủ, kịp thời thủ tục hành chính; báo cáo định kỳ đúng thời hạn;"
    )
    return "\n".join(finish(lines))


def proposals(office: Office) -> str:
    _, short = office_names(office)
    return f"{short} không có đề xuất, kiến nghị."


def closing(office: Office, title_suffix: str) -> str:
    full, _ = office_names(office)
    return (
        f"Trên đây là báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế "
        f"một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử "
        f"{title_suffix} của {full}./."
    )


def plan_reference(plan: Plan, office: Office) -> str:
    """Kept for callers that cite the office's plan in one phrase."""
    return own_citation(plan, office)
