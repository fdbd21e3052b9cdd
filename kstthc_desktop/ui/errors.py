"""Showing errors: expected ones in plain Vietnamese with what to do; bugs with details and the log."""

from __future__ import annotations

import logging
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..core.errors import KstthcError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
LOG_PATH_HOLDER: dict[str, str] = {"path": ""}


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox  # not at import: the first paint has no message box

    if isinstance(exc, KstthcError):
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "Cannot do that"), exc.message, parent=parent)
        if exc.hint:
            box.setInformativeText(exc.hint)
        box.exec()
        return
    log.error("Unexpected error", exc_info=exc)
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Errors", "Unexpected error"),
                      QCoreApplication.translate("Errors", "Something went wrong inside the program. Your data is safe: "
                                                 "every change was saved before this happened."), parent=parent)
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    if LOG_PATH_HOLDER["path"]:
        box.setInformativeText(QCoreApplication.translate("Errors", "Details are in the log file: %1").replace("%1", LOG_PATH_HOLDER["path"]))
    box.setDetailedText(detail)
    box.exec()
