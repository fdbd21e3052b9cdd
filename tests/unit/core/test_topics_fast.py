"""The keyword classifier, one call into C per rule, places every text where the rule as written
(a loop over each keyword) places it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kstthc_desktop.core import topics
from kstthc_desktop.core.text import fold


def reference(text: str) -> str:
    """The rule as first written: a keyword that opens the text, then the first rule with a keyword."""
    key = fold(text)
    opening = key[:24]
    for topic, words in topics.RULES:
        if any(opening.startswith(w) for w in words):
            return topic
    for topic, words in topics.RULES:
        if any(w in key for w in words):
            return topic
    return topics.DEFAULT_TOPIC


KEYWORDS = [w for _, words in topics.RULES for w in words]
PIECES = st.one_of(st.sampled_from(KEYWORDS), st.sampled_from(["Tổ chức", "thực hiện", "UBND xã", "năm 2026",
                                                               "Rà soát", "Phản ánh", "công khai", "trực tuyến"]),
                   st.text(alphabet="abcdeghiklmnoprstuvxyàáạăâđêôơư .,;-", max_size=12))
TEXTS = st.lists(PIECES, max_size=8).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_the_fast_classifier_equals_the_rule_as_written(text: str) -> None:
    assert topics.classify(text) == reference(text)


def test_every_keyword_alone_and_inside_a_sentence() -> None:
    for word in KEYWORDS:
        for text in (word, f"Tổ chức {word} trong năm", f"{word.upper()} – báo cáo"):
            assert topics.classify(text) == reference(text), text
