"""The one place where a plan reader's failure becomes ``ImportFailed`` — and only there.

Third-party readers (openpyxl, python-calamine, python-docx, a PDF library…) raise anything on a
damaged or hostile file: their own exception types, ``MemoryError``, even a Rust panic
(``pyo3_runtime.PanicException`` derives from ``BaseException``, not ``Exception``). ``guarded``
wraps whatever reader function is dispatched and turns every such failure into one plain
Vietnamese message, while ``KstthcError`` (our own refusals: limits, passwords, cancel) passes
through untouched. Nothing else in ``importers`` catches broadly.

In strict mode (``KSTTHC_STRICT=1``, the test suite) an exception raised by *our* code — its
innermost frame is in this package and its type is a built-in or ours — is re-raised, so a bug
in our readers fails the robustness tests instead of hiding behind "the file is damaged".

A native panic also prints to the process's stderr from inside the library; while a reader runs,
that stream is caught and written to the log instead, so the CLI keeps its one-line contract.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from ..core.errors import ImportFailed, KstthcError, strict_mode

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_SECONDS = 120.0  # wall time for reading one file, checked while reading
_PACKAGE = str(Path(__file__).resolve().parents[1])
_deadline: ContextVar[tuple[float, str, float] | None] = ContextVar("import_deadline", default=None)
_stderr_lock = threading.Lock()


def guarded(reader: Callable[[], T], name: str, seconds: float | None = None) -> T:
    """Run ``reader()`` for the file called ``name``: its failures become ``ImportFailed``,
    it may take at most ``seconds`` (``MAX_SECONDS``) of wall time."""
    limit = MAX_SECONDS if seconds is None else seconds
    token = _deadline.set((time.monotonic() + limit, name, limit))
    try:
        with _native_stderr_to_log():
            return reader()
    except (KstthcError, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - THE boundary: readers raise anything, even panics
        if strict_mode() and is_ours(exc):
            raise
        raise reader_failure(name, exc) from exc
    finally:
        _deadline.reset(token)


def tick() -> None:
    """Call in long loops: refuse a file whose reading has taken longer than allowed."""
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise ImportFailed(
            f"Đọc tệp '{current[1]}' quá lâu nên đã dừng (quá {current[2]:g} giây).",
            "Tệp quá lớn hoặc có cấu trúc bất thường: hãy mở bằng Excel/Word, chỉ giữ bảng kế hoạch rồi lưu "
            "thành tệp mới.",
        )


def reader_failure(name: str, exc: BaseException) -> ImportFailed:
    kind = type(exc).__name__
    if kind == "PasswordError":
        return ImportFailed(
            f"Tệp '{name}' được đặt mật khẩu.",
            "Hãy mở bằng Excel (hoặc Word), bỏ mật khẩu rồi lưu lại dưới dạng .xlsx (hoặc .docx).",
        )
    if isinstance(exc, MemoryError):
        return ImportFailed(
            f"Tệp '{name}' quá lớn để đọc trên máy này.",
            "Hãy mở bằng Excel/Word, chỉ giữ bảng kế hoạch rồi lưu thành tệp mới.",
        )
    return ImportFailed(
        f"Không đọc được tệp '{name}': tệp bị hỏng hoặc có định dạng lạ ({kind}).",
        "Hãy mở tệp bằng Excel/Word, lưu lại dưới dạng .xlsx hoặc .docx rồi nhập lại.",
    )


def is_ours(exc: BaseException) -> bool:
    """Raised by our own code: the innermost frame is in this package and the exception is a
    built-in or ours (a third-party type raised from native code called by us is not ours)."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    filename = str(Path(tb.tb_frame.f_code.co_filename).resolve())
    module = type(exc).__module__ or ""
    own_type = module == builtins.__name__ or module.startswith("kstthc_desktop")
    return filename.startswith(_PACKAGE) and own_type


@contextlib.contextmanager
def _native_stderr_to_log() -> Iterator[None]:
    """Send what native code writes to fd 2 into the log while a reader runs (the process-wide
    stream is swapped once, under a lock; the GUI's own messages go to the log file anyway)."""
    if not _stderr_lock.acquire(blocking=False):  # another reader already holds the swap
        yield
        return
    saved = None
    try:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
            capture = tempfile.TemporaryFile()
            os.dup2(capture.fileno(), 2)
        except (OSError, ValueError, AttributeError):  # no usable fd 2 (a windowed app): nothing to hide
            saved = None
        try:
            yield
        finally:
            if saved is not None:
                with contextlib.suppress(OSError):
                    os.dup2(saved, 2)
                os.close(saved)
                capture.seek(0)
                text = capture.read(20000).decode("utf-8", "replace").strip()
                capture.close()
                if text:
                    log.info("reader wrote to stderr: %s", text)
    finally:
        _stderr_lock.release()


__all__ = ["MAX_SECONDS", "guarded", "is_ours", "reader_failure", "tick"]
