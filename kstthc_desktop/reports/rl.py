"""reportlab for the renderers, loaded and used the fast way (the output is the same to the byte).

A report from the command line is a short process, and reportlab's own costs were most of it:

- Importing ``reportlab.platypus`` compiles two regular expressions that span U+00A1–U+FFFF: the
  case-insensitive URL pattern of ``paragraph.py`` (≈27 ms, used only to hyphenate URLs, which our
  documents never ask for) and the CJK pattern of ``textsplit.py`` (≈4 ms, used only for CJK
  wrapping). ``load()`` imports platypus with those two compiled on first use instead.
- ``reportlab.lib.utils`` imports Pillow's ``PIL.Image`` (≈8 ms, most of it its EXIF tag tables) to
  draw bitmaps, which our documents do not have: ``load()`` gives it a stand-in that imports the real
  module the first time anything of it is used.
- ``Paragraph.wrap`` breaks the lines again on every call. A table measures each cell, measures it
  again every time its remaining rows move to the next page, and once more to draw it: a 500-task
  report wrapped 3,815 paragraphs 8,887 times. ``paragraph_class()`` keeps the last result for the
  same width (what ``wrap`` computes depends on nothing else).

tests/unit/reports/test_pdf_fastpath.py renders documents both ways and wants the same bytes.
"""

from __future__ import annotations

import importlib
import re
import sys
import threading
import types
from functools import cache
from typing import Any

_real_compile = re.compile
_lock = threading.RLock()
_loaded = False
_DEFERRED_MODULES = ("PIL.Image",)


class LazyPattern:
    """A regular expression compiled when first used (attribute access), then just delegated to."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _real_compile(*self._args)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)


def _deferring_compile(pattern: Any, flags: int = 0) -> Any:
    """re.compile while platypus loads: reportlab's patterns over the whole BMP wait for their first use."""
    if isinstance(pattern, str) and "\uffff" in pattern:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller.startswith("reportlab."):
            return LazyPattern(pattern, flags)
    return _real_compile(pattern, flags)


class DeferredModule(types.ModuleType):
    """Stands for a module until one of its attributes is asked for, then answers from the real one
    (imported then, thread-safely, by the import system)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_real_module(self.__name__), name)


def _real_module(name: str) -> types.ModuleType:
    with _lock:
        module = sys.modules.get(name)
        if module is None or isinstance(module, DeferredModule):
            sys.modules.pop(name, None)
            module = importlib.import_module(name)
        return module


def load() -> None:
    """Import reportlab.platypus once, its two wide patterns and Pillow's image module left for their
    first use (a no-op when reportlab is loaded already)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        if "reportlab.platypus" not in sys.modules:
            stand_ins = {n: DeferredModule(n) for n in _DEFERRED_MODULES if n not in sys.modules}
            sys.modules.update(stand_ins)  # while reportlab imports: they hold the stand-in
            saved = re.compile
            re.compile = _deferring_compile
            try:
                import reportlab.platypus  # noqa: F401 - the import is the point
            finally:
                re.compile = saved
                for name, stand_in in stand_ins.items():
                    if sys.modules.get(name) is stand_in:
                        del sys.modules[name]  # anyone else importing it gets the real module
        _loaded = True


@cache
def paragraph_class() -> type:
    """reportlab's Paragraph, remembering its last line breaking for the width it was wrapped to."""
    load()
    from reportlab.platypus.paragraph import Paragraph
    from reportlab.rl_config import _FUZZ

    class KeptParagraph(Paragraph):
        """wrap() at the width of the last wrap answers as that wrap did: it set width, height, blPara
        (and breakLines its own fields) from the text, the style and the width only, and nothing
        changes them in between; a split or a new text or style breaks the lines again."""

        _kst_last: tuple | None = None

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
            last = self._kst_last
            if last is not None and last[0] == availWidth and last[1] is self.frags and last[2] is self.style:
                return last[3]
            size = super().wrap(availWidth, availHeight)
            if availWidth >= _FUZZ:  # not the "cannot fit here" answer, which sets nothing
                self._kst_last = (availWidth, self.frags, self.style, size)
            return size

        def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
            self._kst_last = None  # splitting may rework the broken lines: never reuse them after
            return super().split(availWidth, availHeight)

    return KeptParagraph
