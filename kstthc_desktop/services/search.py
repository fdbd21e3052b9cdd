"""Search over everything in the office file, and reading the text of evidence files for it.

``search`` answers on the thread that owns the connection (it takes a few milliseconds); reading
evidence files runs on a worker (or in the CLI) through a connection of its own, one file per
short transaction, so adding evidence never waits for it and a kill loses at most the file
being read. Text read from files is derived data keyed by the file's SHA-256, outside the undo
log: undoing "attach" or "remove" changes which evidence rows point at a file, never the file's
text, and the index follows the rows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.progress import NullProgress, Progress

if TYPE_CHECKING:
    from ..core.search import SearchHit, SearchResults, Snippet
    from ..storage import search as store

# core.search and storage.search are imported by the methods that use them: every command loads
# OfficeService, and those two modules cost each `kstthc import` or `kstthc report` 5 ms for nothing.

_TASK_FIELDS = {"title": "content", "units": "units", "deadline": "deadline", "products": "products",
                "notes": "notes"}
_PROGRESS_FIELDS = {"note": "note", "day": "date"}
_EVIDENCE_FIELDS = {"doc_number": "doc_number", "name": "name", "summary": "summary", "day": "date"}
_SUFFIX = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "xls": ".xls", "ods": ".ods", "text": ".txt"}


@dataclass
class IndexRun:
    """What one pass of the file reader did."""

    read: int = 0  # files whose text is now searchable (or known to hold none)
    failed: int = 0
    remaining: int = 0
    stopped: bool = False
    busy: bool = False  # another pass was already running


def _best(found: store.Found, fields: dict[str, str]) -> tuple[str, Snippet]:
    """The field with the most text found (the first in display order on a tie), as a snippet."""
    from ..core.search import make_snippet, unfold_marks

    chosen = max(fields, key=lambda c: _marked_chars(found.marked.get(c, "")))  # ties: display order
    original = str(found.values.get(chosen) or "")
    marked = unfold_marks(found.marked.get(chosen, original), original)
    return fields[chosen], make_snippet(marked)


class SearchMixin:
    """Methods of OfficeService for search (kept in their own module for size)."""

    # --- searching ------------------------------------------------------------------------
    def search(self, text: str, plan_id: int | None = None, limit: int = 20) -> SearchResults:
        """Tasks, progress entries and evidence that hold every word of ``text``, best first.

        ``plan_id`` limits the search to one plan (the window's); None searches every plan.
        """
        from ..core.search import SearchHit, SearchResults, make_snippet, unfold_marks
        from ..storage import search as store

        results = SearchResults(text=text)
        query = store.parse_query(text)
        with self._reading() as repo:
            conn = repo.conn
            results.pending_files = store.pending_count(conn, _reader_version())
            if query is None:
                return results
            match = query.match
            results.searched = True
            if plan_id is not None and store.plan_count(conn) <= 1:
                plan_id = None  # the only plan: no filter, the faster query
            tasks, n_tasks = store.find_tasks(conn, match, plan_id, limit)
            progress, n_progress = store.find_progress(conn, match, plan_id, limit)
            items, files, holders, n_evidence, exact = store.find_evidence(conn, query, plan_id, limit)
            task_ids = [f.id for f in tasks] + [int(f.values["task_id"]) for f in progress + items]
            task_ids += [int(h["task_id"]) for rows in holders.values() for h in rows]
            briefs = store.task_briefs(conn, task_ids)
        briefs = self._with_refs(briefs)
        results.counts = {"task": n_tasks, "progress": n_progress, "evidence": n_evidence}
        if not exact:
            results.at_least.add("evidence")

        def hit(kind: str, task_id: int, item_id: int | None, f: store.Found, fields: dict[str, str],
                title: str = "") -> SearchHit | None:
            brief = briefs.get(task_id)
            if brief is None:
                return None
            where, snippet = _best(f, fields)
            return SearchHit(kind=kind, task_id=task_id, item_id=item_id, plan_id=brief[0], task_number=brief[1],
                             task_content=brief[2], field=where, snippet=snippet, title=title, score=f.rank)

        results.tasks = [h for f in tasks if (h := hit("task", f.id, None, f, _TASK_FIELDS))]
        results.progress = [h for f in progress
                            if (h := hit("progress", int(f.values["task_id"]), f.id, f, _PROGRESS_FIELDS,
                                         str(f.values["day"]).split(" ")[0]))]
        evidence: dict[int, SearchHit] = {}
        for f in items:
            h = hit("evidence", int(f.values["task_id"]), f.id, f, _EVIDENCE_FIELDS, _evidence_title(f.values))
            if h:
                evidence[f.id] = h
        for f in files:
            original = str(f.values["body"])
            snippet = make_snippet(unfold_marks(f.marked.get("body", original), original))
            for row in holders.get(str(f.values["sha256"]), []):
                if row["id"] in evidence or row["task_id"] not in briefs:
                    continue
                brief = briefs[row["task_id"]]
                evidence[row["id"]] = SearchHit(
                    kind="evidence", task_id=row["task_id"], item_id=row["id"], plan_id=brief[0],
                    task_number=brief[1], task_content=brief[2], field="file", snippet=snippet,
                    title=_evidence_title(row), page=f.values["page"], score=f.rank)
        # best first; parts taken newest-first for a very common word score 0 and come last
        results.evidence = sorted(evidence.values(), key=lambda h: h.score)[:limit]
        return results

    def _with_refs(self, briefs: dict[int, tuple[int, str, str]]) -> dict[int, tuple[int, str, str]]:
        """The tasks' numbers with their section ("IV.2", "III.7.b"), as every list of the window
        names a task: a bare "2" names a task in each section."""
        from ..core.errors import KstthcError

        out = {}
        for task_id, (plan_id, number, content) in briefs.items():
            try:
                number = self.task_ref(self.repo.task(task_id)) or number
            except KstthcError:
                pass
            out[task_id] = (plan_id, number, content)
        return out

    # --- reading evidence files -------------------------------------------------------------
    def pending_file_count(self) -> int:
        """Evidence files whose text is not searchable yet (none to read once the file is closing)."""
        from ..storage import search as store

        if self._index_stop.is_set():
            return 0
        with self._reading() as repo:
            return store.pending_count(repo.conn, _reader_version())

    def index_pending_files(self, progress: Progress | None = None,
                            stop: Callable[[], bool] | None = None) -> IndexRun:
        """Read the text of every evidence file not read yet; safe on a worker thread.

        One file at a time: 'working' is committed before a file is read and its text replaces it
        in one short transaction, so a kill loses only that file's work and the next pass resumes
        (a file that kills the reader three times is given up). ``stop`` (or closing the office
        file) ends the pass between two pages.
        """
        import tempfile

        from ..importers import extract as reader
        from ..storage import search as store
        from ..storage.evidence import write_blob_to

        progress = progress or NullProgress()
        lock: threading.Lock = self._index_lock
        if not lock.acquire(blocking=False):
            return IndexRun(busy=True)
        run = IndexRun()
        try:
            if self._index_stop.is_set():
                run.stopped = True
                return run

            def should_stop() -> bool:
                return self._index_stop.is_set() or bool(stop and stop()) or bool(progress.cancelled)

            conn = store.connect_worker(self.path)
            try:
                store.give_up_on_crashers(conn)
                todo = store.pending_files(conn, reader.VERSION)
                for i, item in enumerate(todo):
                    if should_stop():
                        run.stopped = True
                        break
                    progress.report(i, len(todo), item.name)
                    kind = reader.kind_of(item.name, store.blob_head(conn, item.sha256))
                    if kind is None:
                        store.store_file_text(conn, item.sha256, "unsupported", [], reader.VERSION)
                        run.read += 1
                        continue
                    if item.size > reader.LIMITS[kind]:
                        store.store_file_text(conn, item.sha256, "too_big", [], reader.VERSION, note=f"{item.size}")
                        run.read += 1
                        continue
                    store.mark_working(conn, item.sha256, reader.VERSION)
                    try:
                        with tempfile.TemporaryDirectory(prefix="kstthc-text-") as tmp:
                            copy = Path(tmp) / f"tep{_SUFFIX[kind]}"
                            write_blob_to(conn, item.sha256, copy)
                            found = reader.extract(copy, kind, stop=should_stop)
                    except reader.Stopped:
                        store.release_working(conn, item.sha256)
                        run.stopped = True
                        break
                    store.store_file_text(conn, item.sha256, found.state, reader.chunks(found.pieces),
                                          reader.VERSION, found.chars, found.truncated, found.note)
                    run.read += found.state != "failed"
                    run.failed += found.state == "failed"
                else:
                    progress.report(len(todo), len(todo), "")
                run.remaining = store.pending_count(conn, reader.VERSION)
            finally:
                conn.close()
        finally:
            lock.release()
        return run

    def stop_indexing(self, wait: float = 15.0) -> None:
        """Stop the file reader (the office file is closing) and wait for it to let go of the file."""
        self._index_stop.set()
        if self._index_lock.acquire(timeout=wait):
            self._index_lock.release()

    # --- check ------------------------------------------------------------------------------
    def check_search_index(self, repair: bool = True) -> store.IndexCheck:
        """Compare the search index with the data; with ``repair`` rebuild what drifted (not undoable:
        it is derived data, and the rebuilt index says exactly what the data says)."""
        from ..storage import search as store

        with self.file.transaction() as conn:
            return store.check_index(conn, repair)

    def search_index_status(self) -> dict:
        """Sizes and file-reading states, for `kstthc check` and the About box."""
        from ..storage import search as store

        with self._reading() as repo:
            return {"rows": store.index_sizes(repo.conn), "files": store.file_text_states(repo.conn),
                    "pending_files": store.pending_count(repo.conn, _reader_version())}


def _marked_chars(marked: str) -> int:
    """How many characters the index highlighted (a phrase found whole counts in full)."""
    from ..core.search import MARK_END, MARK_START

    total, start = 0, marked.find(MARK_START)
    while start >= 0:
        end = marked.find(MARK_END, start)
        if end < 0:
            break
        total += end - start - 1
        start = marked.find(MARK_START, end)
    return total


def _reader_version() -> int:
    from ..importers.extract import VERSION

    return VERSION


def _evidence_title(values: dict) -> str:
    number, name = str(values.get("doc_number") or ""), str(values.get("name") or "")
    return f"{number} – {name}" if number else name
