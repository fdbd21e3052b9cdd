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
_MARKS = re.compile(f"([{MARK_START}{MARK_END}])")
_MARKED = re.compile(f"{MARK_START}([^{MARK_END}]*){MARK_END}")

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
    if "đ" not in original and "Đ" not in original:
        return marked  # nothing was folded: the marked text is the original
    out, i = [], 0
    for piece in _MARKS.split(marked):
        if piece in (MARK_START, MARK_END):
            out.append(piece)
        else:
            out.append(original[i:i + len(piece)])
            i += len(piece)
    return "".join(out) if i == len(original) else marked  # not the same text (should not happen)


def make_snippet(marked: str, width: int = 170) -> Snippet:
    """About ``width`` characters where the matches are densest, cut at spaces, '…' at the cuts."""
    first = _densest(marked, width)
    cut_before = first > 2 * width  # a long text (a page of a file): only the stretch around the match
    if cut_before:
        marked = marked[first - width:]
    cut_after = len(marked) > 4 * width
    if cut_after:
        marked = marked[:4 * width]
    text = ""
    marks: list[tuple[int, int]] = []
    start = None
    for piece in _MARKS.split(_SPACE.sub(" ", marked).strip()):
        if piece == MARK_START:
            start = len(text)
        elif piece == MARK_END:
            if start is not None and len(text) > start:
                if marks and not text[marks[-1][1]:start].strip():
                    start = marks.pop()[0]  # "«rà» «soát»" reads better as "«rà soát»"
                marks.append((start, len(text)))
            start = None
        else:
            text += piece
    if len(text) <= width and not (cut_before or cut_after):
        return Snippet(text, tuple(marks))
    focus = _densest_marks(marks, width)
    begin = max(0, focus - width // 4)
    if begin:
        space = text.rfind(" ", 0, begin + 1)
        begin = space + 1 if space > 0 and begin - space < 25 else begin
    elif cut_before:  # the text was cut inside a word: start at the next one
        begin = min(text.find(" ") + 1, focus)
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin + width // 2, end)
        end = space if space > 0 else end
    lead = "…" if begin or cut_before else ""
    tail = "…" if end < len(text) or cut_after else ""
    shift = len(lead) - begin
    kept = tuple((max(a, begin) + shift, min(b, end) + shift) for a, b in marks if b > begin and a < end)
    return Snippet(lead + text[begin:end].strip() + tail, kept)


def _densest(marked: str, width: int) -> int:
    """Where in ``marked`` the window holding most highlighted text starts."""
    return _densest_marks([m.span(1) for m in _MARKED.finditer(marked)], width)


def _densest_marks(marks: list[tuple[int, int]], width: int) -> int:
    """The start of the mark that opens the window of ``width`` with the most marked characters (a
    phrase found whole outweighs its words found one by one elsewhere); the first one on a tie."""
    best, best_n, j, inside = (marks[0][0] if marks else 0), 0, 0, 0
    for a, b in marks:  # a sliding window: linear in the number of marks
        while j < len(marks) and marks[j][0] < a + width * 3 // 4:
            inside += marks[j][1] - marks[j][0]
            j += 1
        if inside > best_n:
            best, best_n = a, inside
        inside -= b - a
    return best


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
    at_least: set[str] = field(default_factory=set)  # groups whose count is a lower bound (very common words)
    pending_files: int = 0  # evidence files whose text is not read yet (results may grow)
    searched: bool = False  # False when the text held nothing to search for

    def groups(self) -> list[tuple[str, list[SearchHit]]]:
        return [("task", self.tasks), ("progress", self.progress), ("evidence", self.evidence)]

    def __len__(self) -> int:
        return len(self.tasks) + len(self.progress) + len(self.evidence)
