"""One hub for the app's signals: views refresh from ``data_changed`` and share the selection."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventHub(QObject):
    data_changed = Signal(object)  # services.Changes
    task_selected = Signal(object)  # task id or None: the selection every view shows
    task_activated = Signal(int)  # a view asks for this task to become the selection
    status_message = Signal(str)
