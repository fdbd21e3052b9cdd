"""Full-text search in the office file: queries, the text read from evidence files, check and repair.

The schema is migration V3 (derived tables kept by triggers, FTS5 external-content indexes in the
shape sqlite-utils makes). Ranked lookups go through sqlite-utils' ``Table.search`` and repairs
through its ``rebuild_fts``, on a ``Database`` wrapper that never touches our connection's
settings (its default would switch ``recursive_triggers`` on) and never commits: every write here
runs inside the caller's transaction (sqlite-utils 4.0 and later keep an open transaction open;
3.x committed it behind our back - ``tests/unit/storage/test_search.py`` holds it to that).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..core.text import fold
from . import migrations

MAX_TERMS = 12
MAX_ATTEMPTS = 3  # a file that killed the reader this many times is skipped, not retried forever
_WORD = re.compile(r"[^\W_]+")

# table → (its FTS index, the original columns in index order)
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "search_tasks": ("search_tasks_fts", ("title", "units", "deadline", "products", "notes")),
    "search_progress": ("search_progress_fts", ("note", "day")),
    "search_evidence": ("search_evidence_fts", ("doc_number", "name", "summary", "day")),
    "file_chunks": ("file_chunks_fts", ("body",)),
}


def _utils(conn: sqlite3.Connection):  # noqa: ANN202 - sqlite_utils.Database
    """sqlite-utils over our connection, imported at first use (it is not needed at start-up)."""
    from sqlite_utils import Database

    return Database(conn, recursive_triggers=False, execute_plugins=False)


# --- the query -------------------------------------------------------------------------------

def match_expression(text: str) -> str | None:
    """The FTS5 query for what the officer typed, or None when there is nothing to look for."""
    query = parse_query(text)
    return query.match if query else None


def parse_query(text: str) -> Query | None:
    """What the officer typed, as FTS5 queries (None when there is nothing to look for).

    Every word must occur (accents, case and đ/d do not matter); a word that holds separators,
    like a document number "418/QĐ-UBND" or a date "15/6/2026", must occur as that sequence of
    whole tokens ("418" does not match "1418"); the last word, while still being typed, matches
    as a prefix once it has two characters (a prefix index answers those fast) and is left out
    while it has one (results stay put instead of flickering away). Quotes, stars and
    operators the officer types are searched as words, never run as FTS syntax. Rows holding the
    words side by side, as typed, rank above rows that hold them scattered.
    """
    words = [parts for w in fold(text).split()[:MAX_TERMS] if (parts := _WORD.findall(w))]
    typing = bool(text) and not text[-1].isspace()
    star = ""
    if typing and words:
        if len(words[-1][-1]) >= 2:
            star = "*"
        elif len(words) > 1 and len(words[-1]) == 1:
            words.pop()  # one letter of the next word: keep showing what the words before it found
    if not words:
        return None
    terms = ['"' + " ".join(parts) + '"' for parts in words]
    terms[-1] += star
    if len(terms) == 1:
        return Query(terms[0], None, terms[0])
    # the same rows as all the words; those holding them as one phrase rank first
    phrase = '"' + " ".join(p for parts in words for p in parts) + '"' + star
    every = " ".join(terms)
    return Query(f"{phrase} OR ({every})", phrase, every)


@dataclass(frozen=True)
class Query:
    """An FTS5 query in its parts: ``match`` (what every index is asked), the words as one
    ``phrase`` (None for one word) and ``every`` word anywhere."""

    match: str
    phrase: str | None
    every: str


@dataclass
class Found:
    """One ranked row of an index: its id, the original text of each column and the marked copy."""

    id: int
    rank: float
    values: dict[str, object]
    marked: dict[str, str] = field(default_factory=dict)


def _ranked(conn: sqlite3.Connection, table: str, match: str, columns: Sequence[str], where: str | None,
            args: dict, limit: int) -> list[Found]:
    """The best ``limit`` rows, highlighted.

    Unfiltered, one FTS5 query ranks and highlights together: FTS5 sorts by rank itself and
    computes highlight() for the rows kept only. Limited to one plan, SQLite has to sort the
    joined rows, so the ranking goes through sqlite-utils' ``Table.search`` and only the rows kept
    are highlighted afterwards (measured: the single query is 3-7 times faster, hence both).
    """
    if where is None:
        fts, indexed = INDEXES[table]
        picks = ", ".join(f"highlight({fts}, {i}, char(2), char(3))" for i in range(len(indexed)))
        names = ", ".join(f"s.{c}" for c in ("id", *columns))
        rows = conn.execute(f"SELECT {names}, f.rank, {picks} FROM {fts} f JOIN {table} s ON s.id = f.rowid "
                            f"WHERE f.{fts} MATCH ? ORDER BY f.rank LIMIT ?", (match, limit)).fetchall()
        width = len(columns) + 1
        return [Found(id=int(r[0]), rank=float(r[width]), values=dict(zip(("id", *columns), r[:width], strict=True)),
                      marked={c: r[width + 1 + i] or "" for i, c in enumerate(indexed)}) for r in rows]
    rows = _utils(conn).table(table).search(match, columns=["id", *columns], where=where, where_args=args or None,
                                            limit=limit, include_rank=True)
    found = [Found(id=int(r["id"]), rank=float(r["rank"]), values=r) for r in rows]
    _mark(conn, table, match, found)
    return found


def _mark(conn: sqlite3.Connection, table: str, match: str, found: list[Found]) -> None:
    """Fill ``marked`` with the index's highlight of every text column (only for the listed rows)."""
    if not found:
        return
    fts, columns = INDEXES[table]
    picks = ", ".join(f"highlight({fts}, {i}, char(2), char(3))" for i in range(len(columns)))
    rows = conn.execute(f"SELECT rowid, {picks} FROM {fts} WHERE {fts} MATCH ? "
                        "AND rowid IN (SELECT value FROM json_each(?))",
                        (match, json.dumps([f.id for f in found]))).fetchall()
    by_id = {f.id: f for f in found}
    for r in rows:
        hit = by_id.get(r[0])
        if hit is not None:
            hit.marked = {c: r[i + 1] or "" for i, c in enumerate(columns)}


def _plan_filter(column: str, plan_id: int | None) -> tuple[str | None, dict]:
    if plan_id is None:
        return None, {}
    return f"{column} IN (SELECT id FROM tasks WHERE plan_id = :plan)", {"plan": plan_id}


def _count(conn: sqlite3.Connection, table: str, match: str, where: str | None, args: dict) -> int:
    fts = INDEXES[table][0]
    if where is None:
        return int(conn.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (match,)).fetchone()[0])
    sql = (f"SELECT count(*) FROM {fts} JOIN {table} ON {table}.id = {fts}.rowid WHERE {fts} MATCH :query "
           f"AND {table}.{where}")
    return int(conn.execute(sql, {"query": match, **args}).fetchone()[0])


def find_tasks(conn: sqlite3.Connection, match: str, plan_id: int | None, limit: int) -> tuple[list[Found], int]:
    where, args = _plan_filter("id", plan_id)
    found = _ranked(conn, "search_tasks", match, INDEXES["search_tasks"][1], where, args, limit)
    return found, _count(conn, "search_tasks", match, where, args)


def find_progress(conn: sqlite3.Connection, match: str, plan_id: int | None,
                  limit: int) -> tuple[list[Found], int]:
    where, args = _plan_filter("task_id", plan_id)
    found = _ranked(conn, "search_progress", match, ("task_id", "note", "day"), where, args, limit)
    return found, _count(conn, "search_progress", match, where, args)


def plan_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM plans").fetchone()[0])


RANK_MAX = 2_000  # parts of files a query may match and still be ranked in full (a few ms)
PICK = 120  # parts looked at to find the best files (several parts of one file count once)


def _count_upto(conn: sqlite3.Connection, fts: str, match: str, cap: int) -> int:
    """How many rows match, counting no further than ``cap`` (FTS5 streams matches; this stops)."""
    return int(conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT ?)",
                            (match, cap)).fetchone()[0])


def find_evidence(conn: sqlite3.Connection, query: Query, plan_id: int | None,
                  limit: int) -> tuple[list[Found], list[Found], dict[str, list[dict]], int, bool]:
    """Evidence found by its own details; files found by their text (the best part of each file);
    the evidence items holding those files; how many evidence items match; and whether that count
    is exact.

    The text of a gigabyte of files is tens of millions of words: ranking every part that holds a
    very common word ("thủ tục hành chính" is on nearly every page) would cost hundreds of
    milliseconds. So the work is bounded: a query matching at most RANK_MAX parts is ranked in
    full; a broader one gives first the parts holding the words as one phrase (ranked, when those
    are few) and then the most recently read parts - and its count is a lower bound.
    """
    match = query.match
    where, args = _plan_filter("task_id", plan_id)
    items = _ranked(conn, "search_evidence", match, ("task_id", "sha256", "doc_number", "name", "summary", "day"),
                    where, args, limit)
    in_plan: set[str] | None = None
    if plan_id is not None:
        in_plan = {r[0] for r in conn.execute("SELECT DISTINCT e.sha256 FROM evidence e JOIN tasks t "
                                              "ON t.id = e.task_id WHERE t.plan_id = ?", (plan_id,))}
    fts = "file_chunks_fts"
    matching = _count_upto(conn, fts, query.every, RANK_MAX + 1)
    exact = matching <= RANK_MAX
    picked: dict[str, Found] = {}

    def take(sql: str, expr: str) -> None:
        rows = conn.execute(sql, (expr, PICK)).fetchall()
        if not rows:
            return
        where_ids = json.dumps([r[0] for r in rows])
        parts = {r[0]: r for r in conn.execute("SELECT id, sha256, page FROM file_chunks "
                                               "WHERE id IN (SELECT value FROM json_each(?))", (where_ids,))}
        for chunk_id, rank in rows:
            part = parts.get(chunk_id)
            if part is None or part[1] in picked or (in_plan is not None and part[1] not in in_plan):
                continue
            if len(picked) >= limit:
                return
            picked[part[1]] = Found(id=chunk_id, rank=float(rank), values={"sha256": part[1], "page": part[2]})

    ranked = f"SELECT rowid, rank FROM {fts} WHERE {fts} MATCH ? ORDER BY rank LIMIT ?"
    if exact:
        take(ranked, match)
    else:
        if query.phrase and _count_upto(conn, fts, query.phrase, RANK_MAX + 1) <= RANK_MAX:
            take(ranked, query.phrase)
        take(f"SELECT rowid, 0.0 FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT ?", query.every)
    files = list(picked.values())
    if files:
        bodies = dict(conn.execute("SELECT id, body FROM file_chunks WHERE id IN (SELECT value FROM json_each(?))",
                                   (json.dumps([f.id for f in files]),)).fetchall())
        for f in files:
            f.values["body"] = bodies.get(f.id, "")
    _mark(conn, "file_chunks", match, files)
    holders: dict[str, list[dict]] = {}
    if files:
        sql = ("SELECT id, task_id, sha256, doc_number, name, summary, day FROM search_evidence "
               "WHERE sha256 IN (SELECT value FROM json_each(:shas))")
        if where:
            sql += f" AND {where}"
        for r in conn.execute(sql + " ORDER BY id", {"shas": json.dumps([f.values["sha256"] for f in files]),
                                                       **args}):
            holders.setdefault(r["sha256"], []).append(dict(r))
    in_files = (f"SELECT c.sha256 FROM file_chunks c WHERE c.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :query "
                f"LIMIT {RANK_MAX + 1})")
    count_sql = ("SELECT count(*) FROM search_evidence s WHERE (s.id IN (SELECT rowid FROM search_evidence_fts "
                 f"WHERE search_evidence_fts MATCH :query) OR s.sha256 IN ({in_files}))")
    if where:
        count_sql += f" AND s.{where}"
    total = int(conn.execute(count_sql, {"query": match, **args}).fetchone()[0])
    return items, files, holders, total, exact


def task_briefs(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, tuple[int, str, str]]:
    """task id → (plan id, number, content) for the tasks the hits belong to."""
    rows = conn.execute("SELECT id, plan_id, number, content FROM tasks WHERE id IN (SELECT value FROM json_each(?))",
                        (json.dumps(sorted(set(ids))),))
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


# --- text read from evidence files -------------------------------------------------------------

@dataclass(frozen=True)
class PendingFile:
    sha256: str
    size: int
    name: str


def connect_worker(path: Path) -> sqlite3.Connection:
    """A connection of its own for the background reader (a worker thread or the CLI)."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def give_up_on_crashers(conn: sqlite3.Connection) -> int:
    """Files whose reading was interrupted MAX_ATTEMPTS times (the reader crashed on them): skip them."""
    with _tx(conn):
        cur = conn.execute("UPDATE file_text SET state = 'failed', note = 'reading stopped the program', "
                           "updated = ? WHERE state = 'working' AND attempts >= ?", (_now(), MAX_ATTEMPTS))
    return cur.rowcount


def pending_files(conn: sqlite3.Connection, version: int) -> list[PendingFile]:
    """Evidence files whose text is not read yet (or was read by an older reader), small ones first."""
    rows = conn.execute(
        "SELECT e.sha256, b.size, min(e.name) FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 "
        "LEFT JOIN file_text f ON f.sha256 = e.sha256 "
        "WHERE f.sha256 IS NULL OR f.version < ? OR (f.state = 'working' AND f.attempts < ?) "
        "GROUP BY e.sha256 ORDER BY b.size, e.sha256", (version, MAX_ATTEMPTS)).fetchall()
    return [PendingFile(r[0], int(r[1]), r[2]) for r in rows]


def pending_count(conn: sqlite3.Connection, version: int) -> int:
    return int(conn.execute(
        "SELECT count(DISTINCT e.sha256) FROM evidence e LEFT JOIN file_text f ON f.sha256 = e.sha256 "
        "WHERE f.sha256 IS NULL OR f.version < ? OR (f.state = 'working' AND f.attempts < ?)",
        (version, MAX_ATTEMPTS)).fetchone()[0])


def blob_head(conn: sqlite3.Connection, sha256: str, size: int = 8192) -> bytes:
    r = conn.execute("SELECT substr(data, 1, ?) FROM blobs WHERE sha256 = ?", (size, sha256)).fetchone()
    return bytes(r[0]) if r and r[0] is not None else b""


def mark_working(conn: sqlite3.Connection, sha256: str, version: int) -> None:
    """Committed before reading starts: a kill leaves 'working' behind, so the next run knows."""
    with _tx(conn):
        conn.execute("INSERT INTO file_text (sha256, state, attempts, version, updated) VALUES (?, 'working', 1, ?, ?) "
                     "ON CONFLICT(sha256) DO UPDATE SET state = 'working', attempts = attempts + 1, "
                     "version = excluded.version, updated = excluded.updated", (sha256, version, _now()))


def release_working(conn: sqlite3.Connection, sha256: str) -> None:
    """Reading was stopped on purpose (the window closed): that attempt does not count."""
    with _tx(conn):
        conn.execute("UPDATE file_text SET attempts = max(attempts - 1, 0) WHERE sha256 = ? AND state = 'working'",
                     (sha256,))


def store_file_text(conn: sqlite3.Connection, sha256: str, state: str, chunks: Sequence[tuple[int | None, str]],
                    version: int, chars: int = 0, truncated: bool = False, note: str = "") -> None:
    """Replace the text of one file in one short transaction (the GUI's writes wait at most this long)."""
    with _tx(conn):
        conn.execute("DELETE FROM file_chunks WHERE sha256 = ?", (sha256,))
        conn.executemany("INSERT INTO file_chunks (sha256, seq, page, body) VALUES (?, ?, ?, ?)",
                         [(sha256, i, page, body) for i, (page, body) in enumerate(chunks)])
        conn.execute("INSERT INTO file_text (sha256, state, attempts, version, chars, truncated, note, updated) "
                     "VALUES (?, ?, 0, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET state = excluded.state, "
                     "attempts = 0, version = excluded.version, chars = excluded.chars, "
                     "truncated = excluded.truncated, note = excluded.note, updated = excluded.updated",
                     (sha256, state, version, chars, int(truncated), note[:300], _now()))


def file_text_states(conn: sqlite3.Connection) -> dict[str, int]:
    return {r[0]: r[1] for r in conn.execute("SELECT state, count(*) FROM file_text GROUP BY state")}


class _tx:
    """A short transaction on a worker connection (joins the caller's when one is open)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.own = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.own = True
        return self.conn

    def __exit__(self, exc_type, *rest) -> None:  # noqa: ANN001
        if self.own:
            self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


# --- check and repair ----------------------------------------------------------------------------

@dataclass
class IndexCheck:
    """What the check of the search index found: the parts that drifted, and what was done."""

    drifted: list[str] = field(default_factory=list)
    repaired: bool = False
    details: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.drifted


def _fts_consistent(conn: sqlite3.Connection, fts: str) -> str:
    """'' when the index agrees with its content table word for word, else SQLite's complaint."""
    try:
        conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return ""


def _derived_drift(conn: sqlite3.Connection, table: str) -> int:
    """Rows of a derived table that differ from what the source rows say now (both directions)."""
    select = migrations.derived_select(table)
    cols = ", ".join(["id", *migrations.DERIVED[table][1]])
    sql = (f"SELECT count(*) FROM (SELECT {cols} FROM {table} EXCEPT {select}) "
           f"UNION ALL SELECT count(*) FROM ({select} EXCEPT SELECT {cols} FROM {table})")
    return sum(r[0] for r in conn.execute(sql))


def _missing_schema(conn: sqlite3.Connection) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type IN ('trigger', 'table')")}
    return [name for name in migrations.V3_OBJECTS if name not in have]


def check_index(conn: sqlite3.Connection, repair: bool) -> IndexCheck:
    """Compare every derived table with its source and every index with its content; with ``repair``
    re-derive and rebuild what drifted (the caller holds the transaction)."""
    result = IndexCheck()
    missing = _missing_schema(conn)
    if missing:
        result.drifted.append("schema")
        result.details.append("missing: " + ", ".join(missing))
        if repair:
            for statement in migrations.V3:
                name = migrations.object_name(statement)
                if name in missing:
                    conn.execute(statement)
    for table in migrations.DERIVED:
        n = _derived_drift(conn, table)
        if n:
            result.drifted.append(table)
            result.details.append(f"{table}: {n} rows differ from the data")
    orphans = conn.execute("SELECT count(*) FROM file_chunks WHERE sha256 NOT IN "
                           "(SELECT sha256 FROM file_text WHERE state = 'done')").fetchone()[0]
    lost = conn.execute("SELECT count(*) FROM file_text f WHERE state = 'done' AND chars > 0 AND NOT EXISTS "
                        "(SELECT 1 FROM file_chunks c WHERE c.sha256 = f.sha256)").fetchone()[0]
    if orphans or lost:
        result.drifted.append("file_chunks")
        result.details.append(f"file_chunks: {orphans} parts without a file, {lost} files without their text")
    for table, (fts, _) in INDEXES.items():
        complaint = _fts_consistent(conn, fts)
        if complaint:
            if table not in result.drifted:
                result.drifted.append(table)
            result.details.append(f"{fts}: {complaint}")
    if repair and result.drifted:
        _repair(conn, result.drifted)
        result.repaired = True
    return result


def _repair(conn: sqlite3.Connection, parts: list[str]) -> None:
    """Re-derive the drifted tables with their index triggers lifted (a damaged index must not be
    asked to delete what it never held), then rebuild each index from its table (sqlite-utils)."""
    db = _utils(conn)
    tables = list(INDEXES) if "schema" in parts else [p for p in parts if p in INDEXES]
    for table in tables:
        triggers = [f"{table}_ai", f"{table}_ad", f"{table}_au"]
        for name in triggers:
            conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        if table in migrations.DERIVED:
            cols = ", ".join(["id", *migrations.DERIVED[table][1]])
            conn.execute(f"DELETE FROM {table}")
            conn.execute(f"INSERT INTO {table} ({cols}) {migrations.derived_select(table)}")
        else:
            conn.execute("DELETE FROM file_chunks WHERE sha256 NOT IN "
                         "(SELECT sha256 FROM file_text WHERE state = 'done')")
            conn.execute("DELETE FROM file_text WHERE state = 'done' AND chars > 0 AND NOT EXISTS "
                         "(SELECT 1 FROM file_chunks c WHERE c.sha256 = file_text.sha256)")  # read again
        for statement in migrations.V3:
            if migrations.object_name(statement) in triggers:
                conn.execute(statement)
        db.table(table).rebuild_fts()


def index_sizes(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in INDEXES}
