"""The search index in the office file: the query language, sqlite-utils inside our transactions,
the V3 migration of existing files, triggers under undo's INSERT OR REPLACE, drift and repair."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kstthc_desktop.storage import migrations
from kstthc_desktop.storage import search as store
from kstthc_desktop.storage.office_file import OfficeFile


@pytest.mark.parametrize(("typed", "expected"), [
    ("quyết định", '"quyet dinh"* OR ("quyet" "dinh"*)'),
    ("Quyết Định ", '"quyet dinh" OR ("quyet" "dinh")'),  # a finished word is whole, not a prefix
    ("ĐƠN GIẢN HÓA", '"don gian hoa"* OR ("don" "gian" "hoa"*)'),
    ("418/QĐ-UBND", '"418 qd ubnd"*'),  # one phrase of whole tokens; the last one grows while typing
    ("418/QĐ-UBND ", '"418 qd ubnd"'),
    ("15/6/2026 ", '"15 6 2026"'),
    ("ra soat t", '"ra soat" OR ("ra" "soat")'),  # one letter of the next word: not yet (slow as a prefix)
    ("t", '"t"'),
    ("số 418/Q", '"so 418 q" OR ("so" "418 q")'),
    ('"hộ tịch" OR NOT x* ', '"ho tich or not x" OR ("ho" "tich" "or" "not" "x")'),  # typed syntax is words
    ("  ", None),
    ("--- // ", None),
])
def test_match_expression(typed: str, expected: str | None) -> None:
    assert store.match_expression(typed) == expected


def test_sqlite_utils_stays_inside_our_transaction_and_leaves_our_settings(tmp_path: Path) -> None:
    """The design picked sqlite-utils knowing its 3.x writes committed whatever transaction was open.
    Ours must see nothing of it: set-up, bulk insert, rebuild and search all roll back with us."""
    import sqlite_utils

    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    conn.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO docs (body) VALUES ('Quyết định kiện toàn')")
    db = store._utils(conn)  # noqa: SLF001 - the wrapper the index code uses
    assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
    conn.execute("BEGIN IMMEDIATE")
    db.table("docs").enable_fts(["body"], create_triggers=True, tokenize=migrations.TOKENIZE)
    db.table("docs").insert_all([{"body": "Báo cáo rà soát"}, {"body": "Kế hoạch"}])
    db.table("docs").rebuild_fts()
    assert [r["body"] for r in db.table("docs").search("kien toan")] == ["Quyết định kiện toàn"]
    assert conn.in_transaction
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM docs").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'docs_fts%'").fetchone()[0] == 0
    # sqlite-utils' own default would switch recursive triggers on for the whole connection
    sqlite_utils.Database(conn, execute_plugins=False)
    assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
    conn.close()


def test_sqlite_utils_recognises_our_indexes(office_path: Path) -> None:
    f = OfficeFile.open(office_path, create=True)
    try:
        db = store._utils(f.conn)  # noqa: SLF001
        for table, (fts, _) in store.INDEXES.items():
            assert db.table(table).detect_fts() == fts
    finally:
        f.close()


def _v2_file(path: Path) -> None:
    """A file as the previous schema left it, with data in every searchable table."""
    conn = sqlite3.connect(path)
    for step in migrations.STEPS[:2]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO plans (id, year, title) VALUES (1, 2026, 'Kế hoạch KSTTHC')")
    conn.execute("INSERT INTO tasks (id, plan_id, number, content, lead_units, deadline_text, products) VALUES "
                 "(7, 1, '2.1', 'Kiện toàn Bộ phận Một cửa', '[\"Văn phòng HĐND và UBND\"]', 'Quý II năm 2026', "
                 "'Quyết định kiện toàn')")
    conn.execute("INSERT INTO progress (task_id, on_date, note) VALUES (7, '2026-06-05', 'Đã trình dự thảo')")
    conn.execute("INSERT INTO blobs (sha256, size, data) VALUES ('ab', 1, x'00')")
    conn.execute("INSERT INTO evidence (task_id, sha256, name, size, added, doc_number, doc_date, summary) VALUES "
                 "(7, 'ab', 'qd-418.pdf', 1, '2026-06-10', '418/QĐ-UBND', '2026-06-09', 'Kiện toàn Tổ một cửa')")
    conn.commit()
    conn.close()


def _rows(conn: sqlite3.Connection, sql: str, *args: object) -> list[tuple]:
    return [tuple(r) for r in conn.execute(sql, args)]


def test_an_older_file_gets_its_index_built_on_migration(office_path: Path, tmp_path: Path) -> None:
    _v2_file(office_path)
    f = OfficeFile.open(office_path, backup_dir=tmp_path / "bk")
    try:
        c = f.conn
        tasks, n = store.find_tasks(c, store.match_expression("van phong hdnd "), None, 10)
        assert ([t.id for t in tasks], n) == ([7], 1)
        assert tasks[0].marked["units"] == "\x02Văn phòng HDND\x03 và UBND"  # the folded copy: see unfold_marks
        progress, _ = store.find_progress(c, store.match_expression("5/6/2026 "), None, 10)
        assert [p.values["note"] for p in progress] == ["Đã trình dự thảo"]
        items, _, _, total, exact = store.find_evidence(c, store.parse_query("418/qd-ubnd "), None, 10)
        assert [i.values["name"] for i in items] == ["qd-418.pdf"] and (total, exact) == (1, True)
        assert store.check_index(c, repair=False).ok
        assert store.pending_count(c, 1) == 1  # the file's text is read later, in the background
    finally:
        f.close()


def test_replace_as_undo_writes_rows_back_keeps_the_index_exact(office_path: Path) -> None:
    """Undo writes rows back with INSERT OR REPLACE, which deletes without firing DELETE triggers;
    the index must still say exactly what the row says - with recursive triggers off and on."""
    _v2_file(office_path)
    f = OfficeFile.open(office_path)
    try:
        c = f.conn
        for recursive in (0, 1):
            c.execute(f"PRAGMA recursive_triggers = {recursive}")
            content = f"Niêm yết công khai lần {recursive}"
            with f.transaction():
                c.execute("INSERT OR REPLACE INTO tasks (id, plan_id, number, content) VALUES (7, 1, '2.1', ?)",
                          (content,))
            assert store.check_index(c, repair=False).ok
            found, _ = store.find_tasks(c, store.match_expression(f"niem yet lan {recursive} "), None, 5)
            assert [t.id for t in found] == [7]
            assert store.find_tasks(c, store.match_expression("kien toan "), None, 5)[1] == 0
    finally:
        f.close()


def test_check_finds_drift_and_rebuilds(office_path: Path) -> None:
    _v2_file(office_path)
    f = OfficeFile.open(office_path)
    try:
        c = f.conn
        with f.transaction():  # a writer that went round the triggers (an old tool, a bug)
            c.execute("DROP TRIGGER tasks_search_update")
            c.execute("UPDATE tasks SET content = 'Tuyên truyền cải cách' WHERE id = 7")
            c.execute("INSERT INTO file_chunks (sha256, seq, body) VALUES ('zz', 0, 'mồ côi')")
        with f.transaction():
            report = store.check_index(c, repair=False)
        assert set(report.drifted) == {"schema", "search_tasks", "file_chunks"}
        assert store.find_tasks(c, store.match_expression("tuyen truyen "), None, 5)[1] == 0
        with f.transaction():
            fixed = store.check_index(c, repair=True)
        assert fixed.repaired
        assert store.check_index(c, repair=False).ok
        assert store.find_tasks(c, store.match_expression("tuyen truyen "), None, 5)[1] == 1
        with f.transaction():  # the trigger is back: later edits follow again
            c.execute("UPDATE tasks SET content = 'Số hóa hồ sơ' WHERE id = 7")
        assert store.find_tasks(c, store.match_expression("so hoa "), None, 5)[1] == 1
    finally:
        f.close()


def test_a_damaged_index_is_found_and_rebuilt(office_path: Path) -> None:
    _v2_file(office_path)
    f = OfficeFile.open(office_path)
    try:
        c = f.conn
        with f.transaction():  # the index told about words the row never held
            c.execute("INSERT INTO search_progress_fts (rowid, note_f, day) VALUES (1, 'bịa đặt', '')")
        assert store.check_index(c, repair=False).drifted == ["search_progress"]
        with f.transaction():
            store.check_index(c, repair=True)
        assert store.check_index(c, repair=False).ok
    finally:
        f.close()


def test_dropping_a_blob_drops_the_text_read_from_it(office_path: Path) -> None:
    _v2_file(office_path)
    f = OfficeFile.open(office_path)
    try:
        c = f.conn
        store.store_file_text(c, "ab", "done", [(1, "Điều 1. Kiện toàn Tổ một cửa")], 1, chars=28)
        _, files, holders, _, _ = store.find_evidence(c, store.parse_query("dieu 1 "), None, 5)
        assert [h["name"] for h in holders[files[0].values["sha256"]]] == ["qd-418.pdf"]
        with f.transaction():
            c.execute("DELETE FROM evidence")
            c.execute("DELETE FROM blobs")
        assert _rows(c, "SELECT count(*) FROM file_chunks") == [(0,)]
        assert _rows(c, "SELECT count(*) FROM file_text") == [(0,)]
        assert store.check_index(c, repair=False).ok
    finally:
        f.close()


def test_a_file_that_keeps_killing_the_reader_is_given_up(office_path: Path) -> None:
    _v2_file(office_path)
    f = OfficeFile.open(office_path)
    try:
        c = f.conn
        for attempt in range(1, store.MAX_ATTEMPTS + 1):
            assert [p.sha256 for p in store.pending_files(c, 1)] == ["ab"], attempt
            store.mark_working(c, "ab", 1)  # ... and the process dies here
            assert store.give_up_on_crashers(c) == (1 if attempt == store.MAX_ATTEMPTS else 0)
        assert store.pending_files(c, 1) == []
        assert _rows(c, "SELECT state FROM file_text") == [("failed",)]
        assert store.pending_files(c, 2) != []  # a better reader tries again
    finally:
        f.close()


def test_a_very_common_word_is_answered_with_bounded_work(office_path: Path, monkeypatch) -> None:
    """Past RANK_MAX matching parts nothing is ranked in full: the parts holding the words as one
    phrase come first, then the newest parts, and the count says 'at least'."""
    _v2_file(office_path)
    f = OfficeFile.open(office_path)
    try:
        c = f.conn
        with f.transaction():
            for i, sha in enumerate(("s1", "s2", "s3", "s4")):
                c.execute("INSERT INTO blobs (sha256, size, data) VALUES (?, 1, x'00')", (sha,))
                c.execute("INSERT INTO evidence (task_id, sha256, name, size, added) VALUES (7, ?, ?, 1, '2026-06-10')",
                          (sha, f"tep-{i}.pdf"))
        phrase_in = "s2"
        for sha in ("s1", "s2", "s3", "s4"):
            words = "Kiểm tra đột xuất Bộ phận Một cửa" if sha == phrase_in else "Bộ phận kiểm tra, một cửa đột xuất"
            store.store_file_text(c, sha, "done", [(1, words)], 1, chars=len(words))
        query = store.parse_query("đột xuất bộ phận một cửa ")
        _, files, _, total, exact = store.find_evidence(c, query, None, 3)
        assert exact and total == 4 and files[0].values["sha256"] == phrase_in  # ranked: the phrase first
        monkeypatch.setattr(store, "RANK_MAX", 2)
        _, files, _, total, exact = store.find_evidence(c, query, None, 3)
        assert not exact and total == 3  # a lower bound: RANK_MAX + 1 parts were looked at
        assert [f.values["sha256"] for f in files] == [phrase_in, "s4", "s3"]  # phrase, then the newest
    finally:
        f.close()


def test_an_sqlite_without_the_search_module_leaves_the_file_untouched(office_path: Path, tmp_path: Path,
                                                                      monkeypatch) -> None:
    """Some Python builds ship SQLite without FTS5: the migration stops, says why, changes nothing."""
    from kstthc_desktop.core.errors import OfficeFileError

    _v2_file(office_path)
    monkeypatch.setattr(migrations, "STEPS", [migrations.V1, migrations.V2,
                                              ["CREATE VIRTUAL TABLE x USING fts_not_built_in (a)"]])
    with pytest.raises(OfficeFileError) as err:
        OfficeFile.open(office_path, backup_dir=tmp_path / "bk")
    assert "thiếu phần cần cho tệp dữ liệu" in err.value.message and "python.org" in err.value.hint
    conn = sqlite3.connect(office_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'x'").fetchone()[0] == 0
    assert conn.execute("SELECT content FROM tasks").fetchall() == [("Kiện toàn Bộ phận Một cửa",)]
    conn.close()


def test_this_python_has_fts5_with_vietnamese_folding() -> None:
    """The office file needs FTS5 (schema 3); the frozen build ships this interpreter's SQLite."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(a, tokenize='{migrations.TOKENIZE}')")
    conn.execute("INSERT INTO t VALUES ('Ủy ban nhân dân xã Lê Lợi')")
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH 'uy ban nhan dan xa le loi'").fetchone()[0] == 1
