"""One search box over everything (Ctrl+F): tasks, progress notes, evidence and the text inside files.

Results drop down under the box, grouped by tasks / progress / evidence, best first, with the
words found in bold. Typing keeps going to the box (the list never takes the focus); ↑/↓ move,
Enter opens the task with the hit selected, Ctrl+Enter opens an evidence file in its viewer,
Esc closes. The reader of evidence files runs here too, on a worker, and says how far it is.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.search import SearchHit, SearchResults, Snippet
from ...services import Changes, OfficeService

log = logging.getLogger(__name__)
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
LIMIT = 10  # per group: enough to see the answer, few enough that evidence stays in view


def snippet_html(snippet: Snippet) -> str:
    """The snippet as rich text: the words found in bold on a light highlight."""
    out, pos = [], 0
    for a, b in snippet.marks:
        out.append(html.escape(snippet.text[pos:a]))
        out.append(f"<b style='background-color:#fff1a8; color:#000000'>{html.escape(snippet.text[a:b])}</b>")
        pos = b
    out.append(html.escape(snippet.text[pos:]))
    return "".join(out)


class _HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML (two lines for a hit: where it is, then the snippet)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._doc(text, opt)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft() + QPoint(2, 1))
        painter.setClipRect(QRect(0, 0, opt.rect.width() - 4, opt.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        text = index.data(HTML_ROLE)
        if not text:
            return super().sizeHint(option, index)
        doc = self._doc(text, option)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)

    @staticmethod
    def _doc(text: str, option: QStyleOptionViewItem) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(text)
        width = option.rect.width() - 4
        doc.setTextWidth(width if width > 50 else 600)
        return doc


class SearchPopup(QFrame):
    """The drop-down list of results; a child of the window so it never steals the typing focus."""

    activated = Signal(object, bool)  # SearchHit, open the file (Ctrl+Enter / Ctrl+click)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("search_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(1, 1, 1, 1)
        lay.setSpacing(0)
        self.results = QTreeWidget()
        self.results.setObjectName("search_results")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setIndentation(8)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setItemDelegate(_HtmlDelegate(self.results))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.itemClicked.connect(self._on_click)
        lay.addWidget(self.results)
        self.footer = QLabel()
        self.footer.setObjectName("search_footer")
        self.footer.setWordWrap(True)
        self.footer.setContentsMargins(6, 3, 6, 3)
        lay.addWidget(self.footer)
        self.hide()

    # --- filling ---------------------------------------------------------------------------
    def show_results(self, results: SearchResults, pending_note: str) -> None:
        self.results.clear()
        titles = {"task": self.tr("Tasks"), "progress": self.tr("Progress"), "evidence": self.tr("Evidence")}
        first: QTreeWidgetItem | None = None
        for kind, hits in results.groups():
            total = results.counts.get(kind, 0)
            if not hits:
                continue
            more = "+" if kind in results.at_least else ""  # a very common word: counted up to a bound
            label = f"{titles[kind]} ({total}{more})" if total == len(hits) and not more else \
                self.tr("%1 (%2, best %3 shown)").replace("%1", titles[kind]).replace("%2", f"{total}{more}") \
                    .replace("%3", str(len(hits)))
            group = QTreeWidgetItem([label])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.results.addTopLevelItem(group)
            for hit in hits:
                item = QTreeWidgetItem(group)
                item.setData(0, HIT_ROLE, hit)
                item.setData(0, HTML_ROLE, self._hit_html(hit))
                item.setToolTip(0, hit.snippet.text)
                first = first or item
            group.setExpanded(True)
        if first is None:
            empty = QTreeWidgetItem([self.tr("Nothing found for \u201c%1\u201d.").replace("%1", results.text.strip())
                                     if results.searched else self.tr("Type a word to search for.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addTopLevelItem(empty)
        else:
            self.results.setCurrentItem(first)
        hint = self.tr("Enter: open the task · Ctrl+Enter: open the file · Esc: close")
        self.footer.setText(f"{pending_note}\n{hint}" if pending_note else hint)

    def _hit_html(self, hit: SearchHit) -> str:
        where = {"content": "", "units": self.tr("Units"), "deadline": self.tr("Deadline"),
                 "products": self.tr("Products"), "notes": self.tr("Notes"), "note": "", "date": self.tr("Date"),
                 "doc_number": "", "name": "", "summary": self.tr("Summary"),
                 "file": self.tr("In the file")}[hit.field]
        if hit.page:
            where = self.tr("In the file, page %1").replace("%1", str(hit.page))
        task = f"{hit.task_number} {hit.task_content}".strip()
        limit = 90 if hit.kind == "task" else 60
        task = task if len(task) <= limit else task[:limit - 1] + "…"
        if hit.kind == "task" and hit.field == "content":
            return snippet_html(hit.snippet)  # the task's own words, found ones in bold
        if hit.kind == "task":
            head = html.escape(task)
        else:
            head = f"{html.escape(hit.title)} <span style='color:gray'>· {html.escape(task)}</span>"
        label = f"<i>{html.escape(where)}:</i> " if where else ""
        return f"{head}<br>{label}{snippet_html(hit.snippet)}"

    # --- moving and choosing -----------------------------------------------------------------
    def hits(self) -> list[QTreeWidgetItem]:
        out = []
        for g in range(self.results.topLevelItemCount()):
            group = self.results.topLevelItem(g)
            out += [group.child(i) for i in range(group.childCount())]
        return out

    def current_hit(self) -> SearchHit | None:
        item = self.results.currentItem()
        return item.data(0, HIT_ROLE) if item is not None else None

    def step_selection(self, step: int) -> None:
        """↑/↓ from the box: the previous or next hit, over the group titles."""
        items = self.hits()
        if not items:
            return
        current = self.results.currentItem()
        i = items.index(current) if current in items else -1
        i = max(0, min(len(items) - 1, i + step))
        self.results.setCurrentItem(items[i])
        self.results.scrollToItem(items[i])

    def _on_click(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            from PySide6.QtWidgets import QApplication

            ctrl = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
            self.activated.emit(hit, ctrl)


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
        self.popup = SearchPopup(window)
        self.popup.activated.connect(self._choose)
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
        window.installEventFilter(self)  # keep the list under the box when the window moves or resizes

    # --- searching -------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self.popup.hide()
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
        if self.popup.isVisible() and self.results is not None:
            hint = self.popup.footer.text().split("\n")[-1]
            note = self._pending_note()
            self.popup.footer.setText(f"{note}\n{hint}" if note else hint)

    def _on_reader_finished(self, _run: object) -> None:
        if self.popup.isVisible():
            self.run_search()  # the newly read files may hold what was asked for

    def on_data_changed(self, changes: Changes) -> None:
        """After any write: new evidence is read in the background; open results are refreshed."""
        if not changes.tables or "evidence" in changes.tables:
            QTimer.singleShot(300, self, self.reader.start)
        if self.popup.isVisible():
            self.run_search()

    def start_reading(self) -> None:
        if self.isVisible() and self.service.pending_file_count():
            self.reader.start()

    # --- keys and focus ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not self.popup.isVisible() and self.text().strip():
                self.run_search()
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[key]
            self.popup.step_selection(step)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self.popup.isVisible():
                self._timer.stop()
                self.run_search()
            hit = self.popup.current_hit()
            if hit is not None:
                self._choose(hit, bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
            return
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.popup.hide()
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
            self.popup.hide()

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
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self.popup.isVisible():
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
