"""Report topics of the Thông tư 01/2020/TT-VPCP outline, and a keyword classifier for tasks.

The report is organised by these topics (DOMAIN.md §7), not by the plan's own sections. Each
task is placed under one topic: the one the officer chose (``Task.topic``, remembered) or, when
none was chosen, the first rule below whose keywords appear in the task's text. The rules are
ordered from the most specific wording to the most general, and are data the program can change.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Task
from .text import fold

# key → heading, in the order of the outline
TOPICS: dict[str, str] = {
    "direction": "Công tác chỉ đạo, điều hành",
    "regulation": "Kiểm soát quy định thủ tục hành chính",
    "publicity": "Công bố, công khai thủ tục hành chính",
    "review": "Rà soát, đánh giá, đơn giản hóa thủ tục hành chính",
    "settlement": "Tình hình, kết quả giải quyết thủ tục hành chính",
    "feedback": "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
    "one_stop": "Thực hiện cơ chế một cửa, một cửa liên thông",
    "online": "Thực hiện thủ tục hành chính trên môi trường điện tử",
    "communication": "Công tác truyền thông hỗ trợ hoạt động kiểm soát thủ tục hành chính",
    "inspection": "Công tác kiểm tra",
}

DEFAULT_TOPIC = "direction"

# (topic, accent-free keywords); the first rule with a keyword in the text wins.
RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("feedback", ("phan anh", "kien nghi ve quy dinh", "pakn")),
    ("direction", ("kien toan", "dau moi", "ban hanh ke hoach", "xay dung ke hoach", "ke hoach kiem soat",
                   "bao cao dinh ky", "che do bao cao", "tap huan", "boi duong", "giao ban", "du toan kinh phi",
                   "chi dao", "hoc tap kinh nghiem", "to chuc thuc hien ke hoach")),
    ("regulation", ("du thao", "van ban quy pham", "tham dinh", "tac dong", "hoan thien the che")),
    ("review", ("ra soat", "don gian hoa", "cat giam")),
    ("publicity", ("cong bo", "cong khai", "niem yet", "co so du lieu quoc gia")),
    ("online", ("truc tuyen", "moi truong dien tu", "dich vu cong", "thanh toan", "chu ky so",
                "he thong thong tin giai quyet", "cong nghe thong tin")),
    ("one_stop", ("mot cua", "so hoa", "tiep nhan ho so", "tra ket qua", "phuc vu hanh chinh cong",
                  "hai long", "buu chinh", "chat luong giai quyet", "danh gia chat luong")),
    ("communication", ("tuyen truyen", "truyen thong", "pho bien", "bao chi")),
    ("inspection", ("kiem tra",)),
    ("settlement", ("giai quyet ho so", "ho so qua han", "xin loi")),
)


@lru_cache(maxsize=1)
def _matchers(rules: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, tuple[str, ...], re.Pattern], ...]:
    """Each rule's keywords as a tuple for ``str.startswith`` and as one pattern for anywhere in the
    text: one call into C per rule, where a loop over every keyword cost a year report tens of
    milliseconds (2,000 tasks: 126,000 keyword tests)."""
    return tuple((topic, words, re.compile("|".join(re.escape(w) for w in words) if words else "(?!)"))
                 for topic, words in rules)  # "(?!)": a rule without keywords matches nothing


@lru_cache(maxsize=4096)  # a report is built again after each edit of its preview, with the same tasks
def classify(text: str) -> str:
    """The topic a task's text belongs to (``DEFAULT_TOPIC`` if none): a keyword that opens the
    text ("Tuyên truyền …", "Kiểm tra …") first, then the first rule with a keyword anywhere."""
    key = fold(text)
    opening = key[:24]
    matchers = _matchers(RULES)
    for topic, words, _anywhere in matchers:
        if opening.startswith(words):
            return topic
    for topic, _words, anywhere in matchers:
        if anywhere.search(key):
            return topic
    return DEFAULT_TOPIC


def topic_of(task: Task) -> str:
    """The officer's choice when there is one, else the classifier's (first line first)."""
    if task.topic in TOPICS:
        return task.topic
    lines = [line for line in (task.content or "").split("\n") if line.strip()]
    if not lines:
        return DEFAULT_TOPIC
    first = classify(lines[0])
    if first != DEFAULT_TOPIC or len(lines) == 1:
        return first
    return classify(" ".join(lines))


__all__ = ["DEFAULT_TOPIC", "RULES", "TOPICS", "classify", "topic_of"]
