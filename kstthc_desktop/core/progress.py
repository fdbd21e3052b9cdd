"""The Progress protocol that long jobs report to (GUI, CLI and tests each supply one)."""

from __future__ import annotations

from typing import Protocol

from .errors import Cancelled


class Progress(Protocol):
    def report(self, done: int, total: int, message: str = "") -> None:
        """Tell how far the job is; raises ``Cancelled`` if the user gave up."""

    @property
    def cancelled(self) -> bool: ...


class NullProgress:
    """Progress that shows nothing and is never cancelled."""

    cancelled = False

    def report(self, done: int, total: int, message: str = "") -> None:
        return None


class FlagProgress:
    """Progress with a cancel flag that another thread may set."""

    def __init__(self) -> None:
        self.cancelled = False
        self.last: tuple[int, int, str] = (0, 0, "")

    def cancel(self) -> None:
        self.cancelled = True

    def report(self, done: int, total: int, message: str = "") -> None:
        self.last = (done, total, message)
        if self.cancelled:
            raise Cancelled()
