"""The one facade the UI and the CLI call (DESIGN.md §3). No Qt here."""

from .facade import Changes, OfficeService, TaskView, default_office_path

__all__ = ["Changes", "OfficeService", "TaskView", "default_office_path"]
