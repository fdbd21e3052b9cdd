"""The drop-down list of the search box's results (``ui/views/search.py``): grouped hits with the
words found in bold. Made the first time a search runs, so start-up never builds it (nor loads its
rich-text machinery)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.search import SearchHit, SearchResults, Snippet

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


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


__all__ = ["HIT_ROLE", "HTML_ROLE", "SearchPopup", "snippet_html"]
