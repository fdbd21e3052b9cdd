"""Drafted report sentences: plain, formal Vietnamese written from the numbers.

These are drafts the officer edits (each is a key of ``ReportContent.sections``); they state facts
the program knows and never invent causes or achievements.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..core.model import Office, Plan, Status
from .formatting import number, percent, share, short_date


@dataclass(frozen=True)
class TaskLine:
    """A task as mentioned in a sentence: number, short content, deadline as written."""

    number: str
    content: str
    deadline: str = ""


_PLACE_WORDS = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "ĐẶC KHU", "PHƯỜNG", "HUYỆN", "QUẬN", "TỈNH", "XÃ")


def _place_phrase(line: str) -> tuple[str, str]:
    """ "XÃ LÊ LỢI" → ("xã", "xã Lê Lợi")."""
    text = line.strip()
    upper = text.upper()
    for word in _PLACE_WORDS:
        if upper.startswith(word + " "):
            return word.lower(), word.lower() + " " + text[len(word) + 1 :].strip().title()
    return "", text.title() if text.isupper() else text


def office_names(office: Office) -> tuple[str, str]:
    """(full, short) names used in sentences: ("UBND xã Lê Lợi", "UBND xã")."""
    lines = office.name_lines
    if not lines:
        return "Cơ quan", "Cơ quan"
    head = lines[0].strip().upper()
    if head in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND"):
        if len(lines) > 1:
            kind, place = _place_phrase(" ".join(lines[1:]))
            return f"UBND {place}", f"UBND {kind}" if kind else "UBND"
        return "UBND", "UBND"
    full = " ".join(line.strip() for line in lines)
    full = full.title() if full.isupper() else full
    return full, full.split(" ")[0]


def plan_reference(plan: Plan, office: Office) -> str:
    """ "Kế hoạch số 05/KH-UBND ngày 10/01/2026 của UBND xã Lê Lợi" (or without number/date)."""
    full, _ = office_names(office)
    text = "Kế hoạch"
    if plan.number.strip():
        text += f" số {plan.number.strip()}"
    if plan.issue_date is not None:
        text += f" ngày {short_date(plan.issue_date)}"
    text += f" của {full}"
    if not plan.number.strip():
        text += f" về kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm {plan.year}"
    return text


def intro(office: Office, plan: Plan, title_suffix: str) -> str:
    full, short = office_names(office)
    ref = "Kế hoạch"
    if plan.number.strip():
        ref += f" số {plan.number.strip()}"
    if plan.issue_date is not None:
        ref += f" ngày {short_date(plan.issue_date)}"
    ref += (
        f" của {short} về kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông "
        f"năm {plan.year}"
    )
    return (
        f"Thực hiện {ref}, {full} báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính, triển "
        f"khai cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử "
        f"{title_suffix} như sau:"
    )


def direction(office: Office, plan: Plan) -> str:
    full, short = office_names(office)
    return (
        f"{full} đã ban hành và tổ chức triển khai {plan_reference(plan, office).replace(' của ' + full, '')}; "
        f"phân công công chức theo dõi, đôn đốc từng nhiệm vụ; thường xuyên chỉ đạo các bộ phận chuyên môn "
        f"thực hiện nghiêm các quy định về kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông."
    )


def _count(n: int) -> str:
    return f"{number(n)} nhiệm vụ"


def results_summary(
    office: Office,
    counts: Mapping[Status, int],
    total: int,
    started: int,
    done_in_window: int,
    cutoff: date,
) -> str:
    """ "Trong kỳ, UBND xã đã triển khai 24/30 nhiệm vụ theo Kế hoạch; trong đó …" with shares of the total."""
    _, short = office_names(office)
    if total == 0:
        return "Kế hoạch chưa có nhiệm vụ nào được cập nhật vào chương trình theo dõi."

    def part(status: Status, label: str) -> str:
        n = counts.get(status, 0)
        return f"{label} {_count(n)} ({percent(share(n, total))})"

    text = (
        f"Trong kỳ, {short} đã triển khai {number(started)}/{number(total)} nhiệm vụ theo Kế hoạch; "
        f"tính đến ngày {short_date(cutoff)}: "
        + ", ".join(
            [
                part(Status.DONE_ON_TIME, "hoàn thành đúng hạn"),
                part(Status.DONE_LATE, "hoàn thành quá hạn"),
                part(Status.IN_TIME, "đang thực hiện trong hạn"),
                part(Status.OVERDUE, "đang thực hiện quá hạn"),
            ]
        )
    )
    if counts.get(Status.NO_DEADLINE, 0):
        n = counts[Status.NO_DEADLINE]
        text += f"; {_count(n)} chưa phát sinh hoặc không xác định thời hạn ({percent(share(n, total))})"
    text += "."
    if done_in_window:
        text += f" Trong kỳ báo cáo đã hoàn thành thêm {_count(done_in_window)}."
    return text


def review(office: Office, appendix_title: str, total: int, done: int, cutoff: date) -> str:
    _, short = office_names(office)
    if total == 0:
        return ""
    rest = total - done
    text = (
        f"Theo {appendix_title} của Kế hoạch, {short} thực hiện rà soát, đánh giá {number(total)} nội dung; "
        f"tính đến ngày {short_date(cutoff)} đã hoàn thành {number(done)}/{number(total)} nội dung"
    )
    text += f", còn {number(rest)} nội dung đang thực hiện." if rest else "."
    return text


def statistics(totals: Mapping[str, int], on_time: float | None, form_name: str) -> str:
    """Sentence over the 06a totals (column keys c3…c13)."""
    t = {k: number(v) for k, v in totals.items() if isinstance(v, int) and not isinstance(v, bool)}
    if not totals.get("c3"):
        return f"Trong kỳ, không phát sinh hồ sơ thủ tục hành chính (chi tiết tại {form_name} kèm theo)."
    return (
        f"Tổng số hồ sơ tiếp nhận trong kỳ: {t['c3']} hồ sơ (trực tuyến: {t['c4']}; trực tiếp và qua dịch vụ "
        f"bưu chính: {t['c5']}; từ kỳ trước chuyển sang: {t['c6']}). Số hồ sơ đã giải quyết: {t['c7']} hồ sơ "
        f"(trước hạn: {t['c8']}; đúng hạn: {t['c9']}; quá hạn: {t['c10']}); tỷ lệ giải quyết đúng hạn "
        f"{percent(on_time)}. Số hồ sơ đang giải quyết: {t['c11']} hồ sơ (trong hạn: {t['c12']}; quá hạn: "
        f"{t['c13']}). Chi tiết tại {form_name} kèm theo."
    )


def _task_item(t: TaskLine) -> str:
    head = f"- Nhiệm vụ {t.number}: " if t.number and t.number not in ("-", "+") else "- "
    if not t.deadline:
        tail = ""
    elif "(" in t.deadline:
        tail = f", thời hạn: {t.deadline}"
    else:
        tail = f" (thời hạn: {t.deadline})"
    return f"{head}{t.content}{tail};"


def _finish(lines: list[str]) -> list[str]:
    if lines and lines[-1].endswith(";"):
        lines[-1] = lines[-1][:-1] + "."
    return lines


def limits(overdue: Sequence[TaskLine], done_late: int, overdue_dossiers: int, stats_known: bool) -> str:
    lines: list[str] = []
    if overdue:
        lines.append(f"Còn {_count(len(overdue))} đang thực hiện quá hạn, gồm:")
        lines += _finish([_task_item(t) for t in overdue])
    if done_late:
        lines.append(f"Có {_count(done_late)} hoàn thành nhưng chậm so với thời hạn của Kế hoạch.")
    if stats_known and overdue_dossiers:
        lines.append(f"Còn {number(overdue_dossiers)} hồ sơ thủ tục hành chính giải quyết quá hạn.")
    if not lines:
        lines.append(
            "Các nhiệm vụ theo Kế hoạch cơ bản được triển khai đúng tiến độ; không có nhiệm vụ quá hạn."
        )
    return "\n".join(lines)


def next_period(due_next: Sequence[TaskLine], overdue_count: int) -> str:
    lines = ["Tiếp tục triển khai thực hiện có hiệu quả các nhiệm vụ theo Kế hoạch, trong đó tập trung:"]
    if overdue_count:
        lines.append(f"- Khẩn trương hoàn thành {_count(overdue_count)} đang thực hiện quá hạn;")
    lines += [_task_item(t) for t in due_next]
    lines.append(
        "- Thực hiện tốt việc tiếp nhận, giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên "
        "thông; công khai đầy đủ, kịp thời thủ tục hành chính; báo cáo định kỳ đúng thời hạn;"
    )
    return "\n".join(_finish(lines))


def proposals() -> str:
    return "Không có đề xuất, kiến nghị."


def closing(office: Office, title_suffix: str) -> str:
    full, _ = office_names(office)
    return (
        f"Trên đây là báo cáo kết quả thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế "
        f"một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử "
        f"{title_suffix} của {full}./."
    )
