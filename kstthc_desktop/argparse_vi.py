"""Command-line parsing in Vietnamese, shared by ``kstthc`` and ``kstthc-desktop`` (no Qt here).

argparse words its own messages ("usage:", "options", "required") through ``gettext``, looked up in
the argparse module each time. ``vietnamese()`` swaps in Vietnamese wording only while our parsers
are built and used, so nothing else in the process is touched. Dates are accepted as dd/mm/yyyy
(how an officer writes them) as well as ISO.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Iterator
from datetime import date

_WORDS = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "Tham số",
    "options": "Tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn %(option)s chưa rõ, có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "giá trị %(value)r không có (chọn một trong %(choices)s)",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}


def _gettext(message: str) -> str:
    return _WORDS.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def vietnamese() -> Iterator[None]:
    """argparse speaks Vietnamese inside this block (parsers are built and used inside it)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An argument parser that answers in Vietnamese and fails with one line and exit 2."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("add_help", False)
        with vietnamese():
            super().__init__(*args, **kwargs)
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="in hướng dẫn này rồi thoát")

    def parse_known_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201
        with vietnamese():
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        with vietnamese():
            return super().format_help()

    def format_usage(self) -> str:
        with vietnamese():
            return super().format_usage()

    def add_subparsers(self, **kwargs):  # noqa: ANN003, ANN201
        kwargs.setdefault("parser_class", type(self))
        kwargs.setdefault("title", "Lệnh")
        with vietnamese():
            return super().add_subparsers(**kwargs)

    def error(self, message: str) -> None:  # one line, exit 2, as for every bad input
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(2)


_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def parse_date(text: str) -> date:
    """dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd."""
    m = _DMY.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày không hợp lệ '{text}' (ghi dạng dd/mm/yyyy, ví dụ 14/09/2026, hoặc 2026-09-14)") from None


def parse_year(text: str) -> int:
    """A plan year: 2000–2100 (a year outside that is a typing slip, not a plan)."""
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"năm không hợp lệ '{text}' (ví dụ 2026)") from None
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"năm {year} nằm ngoài khoảng 2000–2100")
    return year


MAX_ID = 2**63 - 1  # SQLite's largest integer: a bigger "id" is a typing slip, not a task


def parse_id(text: str) -> int:
    """A record id (task, report…): a positive whole number SQLite can hold."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"mã không hợp lệ '{text}' (một số nguyên dương, ví dụ 12)") from None
    if not 1 <= value <= MAX_ID:
        shown = text.strip() if len(text.strip()) <= 24 else text.strip()[:21] + "…"
        raise argparse.ArgumentTypeError(f"mã '{shown}' không tồn tại (mã là số nguyên dương, ví dụ 12)")
    return value


__all__ = ["Parser", "parse_date", "parse_id", "parse_year", "vietnamese"]
