"""Schema steps on ``PRAGMA user_version``. Append a step; never edit a released one."""

from __future__ import annotations

import re

APPLICATION_ID = 0x4B535443  # "KSTC": marks a SQLite file as an office file

V1 = [
    """CREATE TABLE office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL
    )""",
    """CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL DEFAULT '',
        issue_date TEXT,
        basis TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL DEFAULT '',
        source_file TEXT NOT NULL DEFAULT '',
        sample INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        number TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        appendix INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        section_id INTEGER REFERENCES sections(id),
        parent_id INTEGER REFERENCES tasks(id),
        position INTEGER NOT NULL DEFAULT 0,
        number TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        lead_units TEXT NOT NULL DEFAULT '[]',
        coordinating_units TEXT NOT NULL DEFAULT '[]',
        deadline_text TEXT NOT NULL DEFAULT '',
        schedule TEXT,
        schedule_manual INTEGER NOT NULL DEFAULT 0,
        products TEXT NOT NULL DEFAULT '',
        officer TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        commune_role TEXT NOT NULL DEFAULT 'none',
        origin TEXT NOT NULL DEFAULT '',
        source_sheet TEXT NOT NULL DEFAULT '',
        source_row INTEGER
    )""",
    "CREATE INDEX tasks_plan ON tasks(plan_id, section_id, parent_id, position)",
    """CREATE TABLE progress (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES tasks(id),
        occurrence INTEGER,
        on_date TEXT NOT NULL,
        percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
        note TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX progress_task ON progress(task_id)",
    """CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        data BLOB NOT NULL
    )""",
    """CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES tasks(id),
        occurrence INTEGER,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        mime TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL,
        doc_number TEXT NOT NULL DEFAULT '',
        doc_date TEXT,
        summary TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX evidence_task ON evidence(task_id)",
    """CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        period TEXT NOT NULL,
        number TEXT NOT NULL DEFAULT '',
        on_date TEXT,
        sections TEXT NOT NULL DEFAULT '{}',
        statistics TEXT NOT NULL DEFAULT '{}',
        recipients TEXT NOT NULL DEFAULT '[]',
        issued INTEGER NOT NULL DEFAULT 0,
        issued_at TEXT NOT NULL DEFAULT '',
        pdf_sha256 TEXT NOT NULL DEFAULT '',
        pdf BLOB
    )""",
    # An issued report is frozen: neither its content nor its PDF may change, nor may it vanish.
    """CREATE TRIGGER reports_issued_frozen BEFORE UPDATE ON reports WHEN OLD.issued = 1
       BEGIN SELECT RAISE(ABORT, 'issued report is frozen'); END""",
    """CREATE TRIGGER reports_issued_kept BEFORE DELETE ON reports WHEN OLD.issued = 1
       BEGIN SELECT RAISE(ABORT, 'issued report is frozen'); END""",
    """CREATE TABLE workday_overrides (
        day TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
        note TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
]

# V2: several plans per file (the office's own, the superior's as received, revisions), the
# reference of the superior document each plan cites, the imported source file kept for the
# hand-back, the report topic and overdue cause of a task, and a freeze that INSERT OR REPLACE
# cannot get round (REPLACE deletes without firing DELETE triggers).
V2 = [
    "ALTER TABLE plans ADD COLUMN kind TEXT NOT NULL DEFAULT 'own' CHECK (kind IN ('own', 'superior'))",
    "ALTER TABLE plans ADD COLUMN revision_of INTEGER REFERENCES plans(id)",
    "ALTER TABLE plans ADD COLUMN issuer TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE plans ADD COLUMN source_number TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE plans ADD COLUMN source_date TEXT",
    "ALTER TABLE plans ADD COLUMN source_issuer TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE plans ADD COLUMN source_title TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE plans ADD COLUMN source_blob TEXT",
    "ALTER TABLE plans ADD COLUMN created TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE tasks ADD COLUMN topic TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE tasks ADD COLUMN overdue_cause TEXT NOT NULL DEFAULT ''",
    """CREATE TRIGGER reports_issued_no_replace BEFORE INSERT ON reports
       WHEN EXISTS (SELECT 1 FROM reports WHERE id = NEW.id AND issued = 1)
       BEGIN SELECT RAISE(ABORT, 'issued report is frozen'); END""",
    "ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
]

# V3: full-text search (issue 15). Everything here is derived data, rebuilt from the rows above:
# - search_tasks / search_progress / search_evidence hold the searchable text of each row, kept by
#   triggers on the source tables (so undo, redo, import and any other writer keep them exact; an
#   INSERT OR REPLACE - how undo writes rows back - is handled by deleting before inserting);
# - file_text / file_chunks hold the text read from evidence files, keyed by the blob's SHA-256
#   (written by the background reader, never by a user action, so never in the undo log);
# - one FTS5 index per table, external content, in the shape sqlite-utils' ``enable_fts`` makes
#   (content="table", triggers table_ai/_ad/_au) so its ``search`` and ``rebuild_fts`` work on them,
#   plus prefix indexes for search-as-you-type, which ``enable_fts`` cannot ask for.
# Accents: unicode61 with remove_diacritics 2 folds every Vietnamese vowel mark, but not đ (a letter of
# its own in Unicode): the indexed columns are generated copies with đ/Đ replaced by d/D - same length,
# so a highlighted position maps straight back onto the original text.
TOKENIZE = "unicode61 remove_diacritics 2"


def _folded(column: str) -> str:
    return f"{column}_f TEXT GENERATED ALWAYS AS (replace(replace({column}, 'đ', 'd'), 'Đ', 'D')) VIRTUAL"


def _day_words(expr: str) -> str:
    """An ISO date as the officer writes it, padded and not: '2026-06-05' → '05/06/2026 5/6/2026'."""
    return (f"COALESCE(strftime('%d/%m/%Y', {expr}) || ' ' || CAST(strftime('%d', {expr}) AS INTEGER) || '/' || "
            f"CAST(strftime('%m', {expr}) AS INTEGER) || '/' || strftime('%Y', {expr}), '')")


def _units(expr: str) -> str:
    return (f"CASE WHEN json_valid({expr}) THEN COALESCE((SELECT group_concat(value, '; ') FROM json_each({expr})), '') "
            f"ELSE COALESCE({expr}, '') END")


def _fts(table: str, columns: list[str], weights: str) -> list[str]:
    """An FTS5 index over ``table`` as sqlite-utils' enable_fts(create_triggers=True) sets it up."""
    fts = f"{table}_fts"
    cols = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    return [
        f"CREATE VIRTUAL TABLE \"{fts}\" USING FTS5 ({cols}, tokenize='{TOKENIZE}', prefix='2 3', content=\"{table}\")",
        f"INSERT INTO \"{fts}\" (\"{fts}\", rank) VALUES ('rank', 'bm25({weights})')",
        f'CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" BEGIN\n'
        f'  INSERT INTO "{fts}" (rowid, {cols}) VALUES (new.rowid, {new});\nEND',
        f'CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" BEGIN\n'
        f'  INSERT INTO "{fts}" ("{fts}", rowid, {cols}) VALUES(\'delete\', old.rowid, {old});\nEND',
        f'CREATE TRIGGER "{table}_au" AFTER UPDATE ON "{table}" BEGIN\n'
        f'  INSERT INTO "{fts}" ("{fts}", rowid, {cols}) VALUES(\'delete\', old.rowid, {old});\n'
        f'  INSERT INTO "{fts}" (rowid, {cols}) VALUES (new.rowid, {new});\nEND',
    ]


def _feed(source: str, target: str, columns: dict[str, str], watched: str) -> list[str]:
    """Triggers that keep ``target`` (the searchable text) equal to what ``source`` rows say."""
    names = ", ".join(["id", *columns])

    def values(alias: str) -> str:
        return ", ".join([f"{alias}.id", *(expr.format(r=alias) for expr in columns.values())])

    insert = f"INSERT INTO {target} ({names}) VALUES ({{}});"
    return [
        f"CREATE TRIGGER {source}_search_insert AFTER INSERT ON {source} BEGIN\n"
        f"  DELETE FROM {target} WHERE id = NEW.id;\n  {insert.format(values('NEW'))}\nEND",
        f"CREATE TRIGGER {source}_search_update AFTER UPDATE OF {watched} ON {source} BEGIN\n"
        f"  DELETE FROM {target} WHERE id = OLD.id;\n  {insert.format(values('NEW'))}\nEND",
        f"CREATE TRIGGER {source}_search_delete AFTER DELETE ON {source} BEGIN\n"
        f"  DELETE FROM {target} WHERE id = OLD.id;\nEND",
        f"INSERT INTO {target} ({names}) SELECT {values(source)} FROM {source}",
    ]


_TASK_TEXT = {
    "title": "trim({r}.number || ' ' || {r}.content)",
    "units": "trim(" + _units("{r}.lead_units") + " || '; ' || " + _units("{r}.coordinating_units") + ", '; ')",
    "deadline": "{r}.deadline_text",
    "products": "{r}.products",
    "notes": "trim({r}.officer || char(10) || {r}.notes || char(10) || {r}.topic || char(10) || {r}.overdue_cause, "
             "char(10))",
}
_PROGRESS_TEXT = {"task_id": "{r}.task_id", "note": "{r}.note", "day": _day_words("{r}.on_date")}
_EVIDENCE_TEXT = {"task_id": "{r}.task_id", "sha256": "{r}.sha256", "doc_number": "{r}.doc_number",
                  "name": "{r}.name", "summary": "{r}.summary", "day": _day_words("{r}.doc_date")}

V3 = [
    f"""CREATE TABLE search_tasks (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '', units TEXT NOT NULL DEFAULT '', deadline TEXT NOT NULL DEFAULT '',
        products TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
        {_folded('title')}, {_folded('units')}, {_folded('deadline')}, {_folded('products')}, {_folded('notes')}
    )""",
    f"""CREATE TABLE search_progress (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '', day TEXT NOT NULL DEFAULT '',
        {_folded('note')}
    )""",
    "CREATE INDEX search_progress_task ON search_progress(task_id)",
    f"""CREATE TABLE search_evidence (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        doc_number TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',
        day TEXT NOT NULL DEFAULT '',
        {_folded('doc_number')}, {_folded('name')}, {_folded('summary')}
    )""",
    "CREATE INDEX search_evidence_sha ON search_evidence(sha256)",
    """CREATE TABLE file_text (
        sha256 TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('working', 'done', 'empty', 'unsupported', 'too_big', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 0,
        chars INTEGER NOT NULL DEFAULT 0,
        truncated INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL DEFAULT ''
    )""",
    f"""CREATE TABLE file_chunks (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,
        seq INTEGER NOT NULL,
        page INTEGER,
        body TEXT NOT NULL,
        {_folded('body')}
    )""",
    "CREATE INDEX file_chunks_sha ON file_chunks(sha256, seq)",
    # A blob that goes (orphans are dropped on open) takes the text read from it along.
    """CREATE TRIGGER blobs_search_delete AFTER DELETE ON blobs BEGIN
      DELETE FROM file_chunks WHERE sha256 = OLD.sha256;
      DELETE FROM file_text WHERE sha256 = OLD.sha256;
    END""",
    *_fts("search_tasks", ["title_f", "units_f", "deadline_f", "products_f", "notes_f"], "10.0, 3.0, 2.0, 4.0, 2.0"),
    *_fts("search_progress", ["note_f", "day"], "5.0, 1.0"),
    *_fts("search_evidence", ["doc_number_f", "name_f", "summary_f", "day"], "10.0, 5.0, 6.0, 2.0"),
    *_fts("file_chunks", ["body_f"], "1.0"),
    *_feed("tasks", "search_tasks", _TASK_TEXT, "number, content, lead_units, coordinating_units, deadline_text, "
           "products, officer, notes, topic, overdue_cause"),
    *_feed("progress", "search_progress", _PROGRESS_TEXT, "task_id, note, on_date"),
    *_feed("evidence", "search_evidence", _EVIDENCE_TEXT, "task_id, sha256, doc_number, name, summary, doc_date"),
]

# derived table → (source table, its columns and how each is computed from a source row ``{r}``)
DERIVED: dict[str, tuple[str, dict[str, str]]] = {
    "search_tasks": ("tasks", _TASK_TEXT),
    "search_progress": ("progress", _PROGRESS_TEXT),
    "search_evidence": ("evidence", _EVIDENCE_TEXT),
}


def derived_select(table: str) -> str:
    """SELECT the rows ``table`` should hold, straight from its source (for the check and repairs)."""
    source, columns = DERIVED[table]
    return f"SELECT {source}.id, " + ", ".join(e.format(r=source) for e in columns.values()) + f" FROM {source}"


def object_name(statement: str) -> str:
    m = re.match(r'\s*CREATE (?:VIRTUAL )?(?:TABLE|TRIGGER|INDEX) "?(\w+)"?', statement)
    return m.group(1) if m else ""


# The triggers that keep the index; the check puts back any that went missing.
V3_OBJECTS = [object_name(s) for s in V3 if s.lstrip().startswith("CREATE TRIGGER")]

# The index of a step is the user_version it produces minus one.
STEPS: list[list[str]] = [V1, V2, V3]
SCHEMA_VERSION = len(STEPS)
