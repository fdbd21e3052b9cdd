"""Search results as data, and the highlighted snippet shown for each hit (no Qt, no SQL).

The index highlights matches with two control characters; here they become a short window of
the original text with the marked spans listed, which the window paints in bold and the CLI
prints between « ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MARK_START = "\x02"
MARK_END = "\x03"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACE = re.compile(r"\s+")

# What a hit was found in (the window and the CLI name them in their own words).
FIELDS = ("content", "units", "deadline", "products", "notes", "note", "date", "doc_number", "name", "summary",
          "file")


def strip_controls(text: str) -> str:
    """Control characters out of extracted or typed text (they would clash with the highlight marks)."""
    return _CONTROL.sub(" ", text)


@dataclass(frozen=True)
class Snippet:
    """A short piece of the original text and the spans that matched, as [start, end) offsets."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def marked(self, start: str = "«", end: str = "»") -> str:
        out, pos = [], 0
        for a, b in self.marks:
            out += [self.text[pos:a], start, self.text[a:b], end]
            pos = b
        out.append(self.text[pos:])
        return "".join(out)


def unfold_marks(marked: str, original: str) -> str:
    """Copy highlight marks made on the folded text (đ→d, one character for one) onto the original."""
    plain = marked.replace(MARK_START, "").replace(MARK_END, "")
    if len(plain) != len(original):
        return marked  # not the same text (should not happen): show what the index has
    out, i = [], 0
    for ch in marked:
        if ch in (MARK_START, MARK_END):
            out.append(ch)
        else:
            out.append(original[i])
            i += 1
    return "".join(out)


def make_snippet(marked: str, width: int = 170) -> Snippet:
    """A window of about ``width`` characters around the first match, cut at spaces, '…' at the cuts."""
    flat = _SPACE.sub(" ", marked).strip()
    text_parts: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    start = None
    for piece in re.split(f"([{MARK_START}{MARK_END}])", flat):
        if piece == MARK_START:
            start = pos
        elif piece == MARK_END:
            if start is not None and pos > start:
                if marks and not "".join(text_parts)[marks[-1][1]:start].strip():
                    start = marks.pop()[0]  # "«rà» «soát»" reads better as "«rà soát»"
                marks.append((start, pos))
            start = None
        else:
            text_parts.append(piece)
            pos += len(piece)
    text = "".join(text_parts)
    if len(text) <= width:
        return Snippet(text, tuple(marks))
    first = marks[0][0] if marks else 0
    begin = max(0, first - width // 4)
    if begin:
        space = text.rfind(" ", 0, begin + 1)
        begin = space + 1 if space > 0 and begin - space < 25 else begin
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin + width // 2, end)
        end = space if space > 0 else end
    lead = "…" if begin else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - begin
    kept = tuple((max(a, begin) + shift, min(b, end) + shift) for a, b in marks if b > begin and a < end)
    return Snippet(lead + text[begin:end] + tail, kept)


@dataclass
class SearchHit:
    """One thing found: a task, a progress entry or an evidence item, with the task it belongs to."""

    kind: str  # "task" | "progress" | "evidence"
    task_id: int
    item_id: int | None  # the progress entry or evidence item (None for a task)
    plan_id: int
    task_number: str
    task_content: str
    field: str  # one of FIELDS: where the words were found
    snippet: Snippet
    title: str = ""  # progress: its date; evidence: number and file name
    page: int | None = None  # evidence found inside a PDF: the page
    score: float = 0.0  # bm25: lower is better


@dataclass
class SearchResults:
    """Hits grouped as the window shows them; ``counts`` are all matches, not just those listed."""

    text: str
    tasks: list[SearchHit] = field(default_factory=list)
    progress: list[SearchHit] = field(default_factory=list)
    evidence: list[SearchHit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    pending_files: int = 0  # evidence files whose text is not read yet (results may grow)
    searched: bool = False  # False when the text held nothing to search for

    def groups(self) -> list[tuple[str, list[SearchHit]]]:
        return [("task", self.tasks), ("progress", self.progress), ("evidence", self.evidence)]

    def __len__(self) -> int:
        return len(self.tasks) + len(self.progress) + len(self.evidence)
