"""The program's own Qt classes, found by walking the ui package (shared by the checks)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from PySide6.QtCore import QObject

import kstthc_desktop.ui as ui_package


def ui_classes() -> list[type]:
    """Every QObject subclass defined in a module of the ui package."""
    found = []
    for info in pkgutil.walk_packages(ui_package.__path__, "kstthc_desktop.ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, QObject) and value.__module__ == module.__name__:
                found.append(value)
    return found


def qt_names(cls: type) -> set[str]:
    """Names that Qt's own classes in ``cls``'s ancestry define (methods, signals, properties)."""
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.startswith(("PySide6", "Shiboken")):
            names |= {n for n in dir(base) if not n.startswith("__")}
    return names
