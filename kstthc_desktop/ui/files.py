"""Asking for a file or folder: the one place the program opens the system's file dialogs.

Every "open / save / choose a folder" question goes through these four functions, so the rest of
the UI never touches QFileDialog, and tests answer them with prepared paths (a native dialog of
the operating system cannot be driven by a test). ``None`` (or ``[]``) means the officer cancelled.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_open(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> str | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return name or None


def ask_open_many(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> list[str]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return list(names)


def ask_save(parent: QWidget | None, title: str, start: str = "", filters: str = "", suffix: str = "") -> str | None:
    """A path to write; ``suffix`` (".xlsx") is added when the officer typed a name without it."""
    name, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    if not name:
        return None
    if suffix and not name.lower().endswith(suffix.lower()):
        name += suffix
    return name


def ask_folder(parent: QWidget | None, title: str, start: str = "") -> str | None:
    name = QFileDialog.getExistingDirectory(parent, title, start)
    return name or None


__all__ = ["ask_folder", "ask_open", "ask_open_many", "ask_save"]
