"""Guard against a binding regression seen in PySide6 6.12.0 on Python 3.11.

There, every Qt method returning nothing dropped one reference to ``None``; a few thousand
paints later the interpreter aborted ("none_dealloc"). pyproject pins a release without it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qapp) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Kiểm soát thủ tục hành chính")
        label.update()
    after = sys.getrefcount(None)
    assert after > before - 200, f"None lost {before - after} references over 4,000 void calls"
