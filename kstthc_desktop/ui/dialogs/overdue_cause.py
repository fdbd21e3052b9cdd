"""Why an overdue task is late, asked where the officer sees it turn overdue (the dashboard's
overdue list, the task's detail panel). The cause is printed as written in the report's
"Tồn tại, hạn chế"; nothing is invented when it is left empty."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...core.model import Task
from ...core.text import one_line
from .. import fit
from ..widgets import ok_cancel


class OverdueCauseDialog(QDialog):
    def __init__(self, task: Task, parent: QWidget | None = None, ref: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cause of the delay"))
        self.setMinimumWidth(480)
        self._had_cause = bool(task.overdue_cause.strip())
        lay = QVBoxLayout(self)
        content = one_line(task.content)
        if len(content) > 300:
            content = content[:300].rsplit(" ", 1)[0] + " …"
        about = QLabel(f"<b>{escape(ref or task.number)}</b> {escape(content)}")
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(about)
        if task.deadline_text:
            deadline = QLabel(self.tr("Deadline (as written): %1").replace("%1", one_line(task.deadline_text)))
            deadline.setWordWrap(True)
            lay.addWidget(deadline)
        prompt = QLabel(self.tr("Why is this task late? It is printed as written in the report's part on "
                                "shortcomings (Tồn tại, hạn chế)."))
        prompt.setWordWrap(True)
        lay.addWidget(prompt)
        self.cause = QPlainTextEdit(task.overdue_cause)
        self.cause.setPlaceholderText(self.tr("e.g. Waiting for the guidance of the superior level"))
        self.cause.setTabChangesFocus(True)
        self.cause.setFixedHeight(self.cause.fontMetrics().lineSpacing() * 4 + 12)
        self.cause.installEventFilter(self)
        lay.addWidget(self.cause)
        self.buttons = ok_cancel(self)
        self.ok_btn = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_btn.setDefault(True)
        lay.addWidget(self.buttons)
        self.cause.textChanged.connect(self._enable_ok)
        self._enable_ok()
        self.cause.setFocus()
        fit.relayout(self)
        self.resize(self.width(), self.layout().totalHeightForWidth(self.width()))

    def _enable_ok(self) -> None:
        """Nothing to save until something is written (emptying a written cause removes it)."""
        self.ok_btn.setEnabled(bool(self.cause.toPlainText().strip()) or self._had_cause)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Enter saves (the report prints the cause on one line); Shift+Enter still breaks the line."""
        if watched is self.cause and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            if self.ok_btn.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)

    def cause_text(self) -> str:
        return one_line(self.cause.toPlainText())

    @classmethod
    def ask(cls, parent: QWidget | None, task: Task, ref: str = "") -> str | None:
        """The cause written, or None when the officer cancelled."""
        dlg = cls(task, parent, ref)
        return dlg.cause_text() if dlg.exec() == QDialog.DialogCode.Accepted else None


__all__ = ["OverdueCauseDialog"]
