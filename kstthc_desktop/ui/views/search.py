"""One search box over everything (Ctrl+F): tasks, progress notes, evidence and the text inside files.

Results drop down under the box, grouped by tasks / progress / evidence, best first, with the
words found in bold. Typing keeps going to the box (the list never takes the focus); ↑/↓ move,
Enter opens the task with the hit selected, Ctrl+Enter opens an evidence file in its viewer,
Esc closes. The reader of evidence files runs here too, on a worker, and says how far it is.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from ...services import Changes, OfficeService

if TYPE_CHECKING:  # core.search loads with the first search, as the service's search does
    from PySide6.QtGui import QFocusEvent, QKeyEvent

    from ...core.search import SearchHit, SearchResults
    from .search_popup import SearchPopup

log = logging.getLogger(__name__)
LIMIT = 10  # per group: enough to see the answer, few enough that evidence stays in view


class FileReader(QObject):
    """Reads the text of new evidence files on a worker thread, one file at a time, quietly.

    It never blocks anything: attaching a file only asks it to look again; the service stops it
    when the office file closes.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)  # services.search.IndexRun

    def __init__(self, service: OfficeService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._thread: threading.Thread | None = None
        self._again = False
        self.last = (0, 0, "")

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            self._again = True  # new files came while reading: one more pass afterwards
            return
        from ..tasks import share_the_gil

        share_the_gil()
        self._again = False
        signals = _ReaderSignals()  # lives with the thread, so a closed window is never called back
        signals.progressed.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        service = self.service

        class _Progress:
            cancelled = False

            def report(self, done: int, total: int, message: str = "") -> None:
                signals.progressed.emit(done, total, message)

        def work() -> None:
            try:
                run = service.index_pending_files(_Progress())
            except Exception as exc:  # noqa: BLE001 - a reader failure must not take the window down
                log.warning("reading evidence files for search failed: %s", exc)
                run = None
            signals.finished.emit(run)

        self._thread = threading.Thread(target=work, name="kstthc-file-reader", daemon=True)
        self._thread.start()

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.last = (done, total, name)
        self.progressed.emit(done, total, name)

    def _on_finished(self, run: object) -> None:
        self._thread = None
        self.last = (0, 0, "")
        self.finished.emit(run)
        if self._again:
            self.start()


class _ReaderSignals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)


class SearchBox(QLineEdit):
    """The box in the toolbar. Emits ``open_requested(hit, open_file)`` when a result is chosen."""

    open_requested = Signal(object, bool)

    def __init__(self, service: OfficeService, plan_id: Callable[[], int | None], window: QWidget) -> None:
        super().__init__(window)
        self.service = service
        self.plan_id = plan_id
        self.setObjectName("search_box")
        self.setPlaceholderText(self.tr("Search everything (Ctrl+F)…"))
        self.setToolTip(self.tr("Tasks, progress notes, evidence details and the text inside PDF, Word and "
                                "Excel files. Accents do not matter; document numbers like 418/QĐ-UBND are "
                                "found whole."))
        self.setAccessibleName(self.tr("Search everything"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(150)  # squeezes like the other toolbar boxes on a 125 % screen
        self.setMaximumWidth(360)
        self._host = window
        self._popup: SearchPopup | None = None  # the result list: made by the first search
        self.reader = FileReader(service, self)
        self.reader.progressed.connect(lambda *_: self._refresh_footer())
        self.reader.finished.connect(self._on_reader_finished)
        self.results: SearchResults | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)  # a pause in typing, not every keystroke on a slow PC
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _: self._timer.start())
        self.textChanged.connect(self._on_text_changed)

    @property
    def popup(self) -> SearchPopup:
        """The drop-down list of results, made on first use (start-up does not build it)."""
        if self._popup is None:
            from .search_popup import SearchPopup

            self._popup = SearchPopup(self._host)
            self._popup.activated.connect(self._choose)
            self._host.installEventFilter(self)  # keep the list under the box when the window moves or resizes
        return self._popup

    def _popup_shown(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    def _hide_popup(self) -> None:
        if self._popup is not None:
            self._popup.hide()

    # --- searching -------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._hide_popup()
            self.results = None
        elif not self._timer.isActive():
            self._timer.start()

    def run_search(self) -> None:
        text = self.text()
        if not text.strip():
            return
        try:
            self.results = self.service.search(text, plan_id=self.plan_id(), limit=LIMIT)
        except Exception:  # noqa: BLE001 - shown as an empty list, logged, never a crash dialog per keystroke
            log.exception("search failed")
            from ...core.search import SearchResults

            self.results = SearchResults(text=text)
        self.popup.show_results(self.results, self._pending_note())
        self._place_popup()
        self.popup.show()
        self.popup.raise_()

    def _pending_note(self) -> str:
        done, total, _ = self.reader.last
        if self.reader.running and total:
            return self.tr("Reading the text of evidence files for search: %1 of %2…") \
                .replace("%1", str(done + 1)).replace("%2", str(total))
        pending = self.results.pending_files if self.results else 0
        if pending:
            return self.tr("%1 evidence file(s) not read yet: results may grow.").replace("%1", str(pending))
        return ""

    def _refresh_footer(self) -> None:
        if self._popup_shown() and self.results is not None:
            hint = self.popup.footer.text().split("\n")[-1]
            note = self._pending_note()
            self.popup.footer.setText(f"{note}\n{hint}" if note else hint)

    def _on_reader_finished(self, _run: object) -> None:
        if self._popup_shown():
            self.run_search()  # the newly read files may hold what was asked for

    def on_data_changed(self, changes: Changes) -> None:
        """After any write: new evidence is read in the background; open results are refreshed."""
        if not changes.tables or "evidence" in changes.tables:
            QTimer.singleShot(300, self, self.reader.start)
        if self._popup_shown():
            self.run_search()

    def start_reading(self) -> None:
        if self.isVisible() and self.service.pending_file_count():
            self.reader.start()

    # --- keys and focus ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not self._popup_shown() and self.text().strip():
                self.run_search()
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[key]
            if self._popup is not None:
                self._popup.step_selection(step)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self._popup_shown():
                self._timer.stop()
                self.run_search()
            hit = self._popup.current_hit() if self._popup is not None else None
            if hit is not None:
                self._choose(hit, bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
            return
        if key == Qt.Key.Key_Escape:
            if self._popup_shown():
                self._popup.hide()
            else:
                self.clear()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        _warm_up()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._hide_popup()

    def _choose(self, hit: SearchHit, open_file: bool) -> None:
        self.popup.hide()
        self.open_requested.emit(hit, open_file)

    # --- placing the list ----------------------------------------------------------------------
    def _place_popup(self) -> None:
        window = self.popup.parentWidget()
        top_left = self.mapTo(window, QPoint(0, self.height()))
        width = min(max(self.width(), 620), window.width() - 8)
        x = max(4, min(top_left.x(), window.width() - width - 4))
        height = min(int(window.height() * 0.7), 560)
        self.popup.setGeometry(x, top_left.y() + 2, width, max(160, height))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self._popup_shown():
            self._place_popup()
        return False


_warmed = False


def _warm_up() -> None:
    """Load the search library on a worker the first time the box gets the focus (not at start-up)."""
    global _warmed
    if _warmed:
        return
    _warmed = True

    def load() -> None:
        import sqlite_utils  # noqa: F401

    threading.Thread(target=load, name="kstthc-search-warm-up", daemon=True).start()
