"""Schema steps on ``PRAGMA user_version``. Append a step; never edit a released one."""

from __future__ import annotations

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

# The index of a step is the user_version it produces minus one.
STEPS: list[list[str]] = [V1, V2]
SCHEMA_VERSION = len(STEPS)
