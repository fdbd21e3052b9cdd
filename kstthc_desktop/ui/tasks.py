"""Long work off the GUI thread: ``job(args, progress)`` with a progress dialog after 500 ms."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from ..core.errors import Cancelled
from ..core.progress import FlagProgress


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _SignalProgress(FlagProgress):
    def __init__(self, signals: _Signals) -> None:
        super().__init__()
        self._signals = signals

    def report(self, done: int, total: int, message: str = "") -> None:
        self._signals.progressed.emit(done, total, message)
        super().report(done, total, message)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable, progress: _SignalProgress, signals: _Signals, ended: threading.Event) -> None:
        super().__init__()
        self.fn, self.progress, self.signals, self.ended = fn, progress, signals, ended
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # delivered to the GUI thread and shown there
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self.ended.set()


# How often a thread holding Python's lock hands it over to one waiting for it (Python's default:
# 5 ms). The GUI thread needs the lock for every virtual call into a widget made from Python (PySide
# looks for a Python override each time): while a worker computes in Python (a report's PDF, a plan
# read), a repaint of the report dialog waited 5 ms per call, and the window froze ~3 s. At 0.5 ms the
# longest freeze of that preview is ~0.5 s, for ~9 % more time on the worker.
SWITCH_INTERVAL_S = 0.0005


def share_the_gil() -> None:
    """Before a worker thread starts computing in Python: the GUI thread gets the lock back sooner."""
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)


_RUNNING: set[FlagProgress] = set()  # the progress of each job started and not yet ended


def finish_all() -> None:
    """At exit: cancel every job still running (its window may be gone already: the flag is plain
    Python), then wait for the pool's workers to return."""
    for progress in list(_RUNNING):
        progress.cancel()
    _RUNNING.clear()
    QThreadPool.globalInstance().waitForDone()


class BackgroundTask(QObject):
    """Run ``fn(progress)`` on the thread pool; ``done``/``error`` fire on the GUI thread.

    ``cancellable=False``: a job past its point of no return (a backup being put in place of the
    office file) shows its progress without a Cancel button. A job that may be cancelled must
    honour it: ``fn`` reports progress (which raises ``Cancelled``), and a result that arrives after
    the officer pressed Cancel is looked at with ``cancel_requested`` before it is used."""

    done = Signal(object)
    error = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, title: str, fn: Callable, delay_ms: int = 500,
                 cancellable: bool = True) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._progress = _SignalProgress(self._signals)
        self._dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self._dialog.setWindowTitle(title)
        self._dialog.setMinimumWidth(380)  # Qt sizes it to its first label; the MB counts after are longer
        self._dialog.setMinimumDuration(delay_ms)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._cancellable = cancellable
        if cancellable:
            self._dialog.canceled.connect(self._progress.cancel)
        else:
            self._dialog.setCancelButton(None)
        self._signals.progressed.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._fn = fn
        self._ended = threading.Event()  # set on the worker when ``fn`` has returned
        self.running = False

    def start(self) -> None:
        share_the_gil()
        self.running = True
        _RUNNING.add(self._progress)
        self._dialog.setValue(0)
        QThreadPool.globalInstance().start(_Runnable(self._fn, self._progress, self._signals, self._ended))

    def wait_ended(self, timeout: float) -> bool:
        """From another worker: wait until ``fn`` has returned (True), or ``timeout`` seconds."""
        return self._ended.wait(timeout)

    def _alive(self) -> bool:
        """False once the window that owned this job is gone (a late signal from the worker)."""
        return isValid(self) and isValid(self._dialog)

    def cancel(self) -> None:
        self._progress.cancel()

    @property
    def cancel_requested(self) -> bool:
        """The officer pressed Cancel (or the window cancelled the job), even if ``fn`` finished."""
        return self._progress.cancelled

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if not self.running or not self._alive():  # a late signal queued before the job ended
            return
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))
        if message:
            self._dialog.setLabelText(message)

    def _close(self) -> None:
        self.running = False
        _RUNNING.discard(self._progress)
        self._signals.progressed.disconnect(self._on_progress)
        if self._cancellable:
            self._dialog.canceled.disconnect(self._progress.cancel)
        self._dialog.close()
        self._dialog.deleteLater()

    def _on_finished(self, result: object) -> None:
        if not self._alive():
            return
        self._close()
        self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        if not self._alive():
            return
        self._close()
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            self.error.emit(exc)


def run_and_wait(parent: QWidget | None, title: str, fn: Callable) -> object:
    """Where there is no window yet to keep answering (opening an office file): run ``fn(progress)``
    on a worker behind its progress dialog (no Cancel: the open waits for it) and wait for it in a
    local event loop; return its result or raise its error (``Cancelled`` if the program quits)."""
    from PySide6.QtCore import QEventLoop

    task = BackgroundTask(parent, title, fn, cancellable=False)
    loop, outcome = QEventLoop(), {}
    task.done.connect(lambda result: (outcome.setdefault("result", result), loop.quit()))
    task.error.connect(lambda exc: (outcome.setdefault("error", exc), loop.quit()))
    task.cancelled.connect(lambda: (outcome.setdefault("error", Cancelled()), loop.quit()))
    task.start()
    loop.exec()
    task.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
