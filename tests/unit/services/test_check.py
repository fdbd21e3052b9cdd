"""`check` sees what rots inside an office file, not only SQLite's structure."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.cli import main
from kstthc_desktop.core.errors import EvidenceError
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from tests.conftest import TODAY

MARK = b"MINH-CHUNG-" + bytes(range(256)) * 64


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = create_demo(tmp_path / "xa.kstthc", today=TODAY)
    doc = tmp_path / "Quyet dinh.pdf"
    doc.write_bytes(b"%PDF-1.4\n" + MARK)
    with OfficeService.open(path) as svc:
        svc.add_evidence(13, doc, doc_number="12/QĐ-UBND")
    return path


def _damage(path: Path, needle: bytes) -> None:
    """A bad sector: bytes change inside a stored document, SQLite's page structure stays sound."""
    data = bytearray(path.read_bytes())
    at = data.find(needle[:200])
    assert at > 0
    data[at + 100] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_sector_inside_a_document_is_found(office: Path, tmp_path: Path, capsys) -> None:
    _damage(office, MARK)
    with OfficeService.open(office) as svc:  # SQLite itself sees nothing wrong
        assert svc.check_file(full=False).ok
        report = svc.check_file(full=True)
        assert not report.ok and report.part("sqlite").ok
        problems = report.part("evidence").problems
        assert len(problems) == 1 and "Quyet dinh.pdf" in problems[0] and "nhiệm vụ" in problems[0]
        # and the damaged bytes are never exported as if they were the document
        with pytest.raises(EvidenceError) as err:
            svc.export_evidence(tmp_path / "out")
        assert "'Quyet dinh.pdf'" in err.value.message and "Đã xuất 1 tệp" in err.value.message
        assert [p.name for p in (tmp_path / "out").rglob("*") if p.is_file()] == ["Bao-cao-ra-soat-TTHC-noi-bo.txt"]
        with pytest.raises(EvidenceError):
            svc.pack_for_inspection(tmp_path / "goi.zip")
        assert not (tmp_path / "goi.zip").exists()
    assert main(["check", "--office", str(office)]) == 1
    out = capsys.readouterr().out
    assert "Quyet dinh.pdf" in out and "Tệp có lỗi" in out


def _issue(path: Path) -> int:
    with OfficeService.open(path) as svc:
        rid, _ = svc.issue_report("2026-Q3", "05", date(2026, 9, 16))
    return rid


def test_an_issued_report_changed_behind_the_freeze_is_found(office: Path) -> None:
    rid = _issue(office)
    conn = sqlite3.connect(office)
    conn.execute("DROP TRIGGER reports_issued_frozen")  # what a hostile edit would have to do
    conn.execute("UPDATE reports SET pdf = x'255044462d310a' WHERE id = ?", (rid,))
    conn.commit()
    conn.close()
    with OfficeService.open(office) as svc:
        cheap = svc.check_file(full=False)
        assert not cheap.part("freeze").ok and "reports_issued_frozen" in cheap.part("freeze").problems[0]
        full = svc.check_file(full=True)
        assert "05" in full.part("reports").problems[0]


def test_insert_or_replace_cannot_swap_an_issued_report_and_check_stays_clean(office: Path) -> None:
    rid = _issue(office)
    conn = sqlite3.connect(office)
    for verb in ("INSERT OR REPLACE", "REPLACE"):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(f"{verb} INTO reports (id, plan_id, period, issued, pdf) VALUES (?, 1, '2026-Q3', 0, x'00')",
                         (rid,))
    conn.close()
    with OfficeService.open(office) as svc:
        report = svc.check_file(full=True)
        assert report.ok, report.summary()
        assert report.part("reports").checked == 1


def test_a_trigger_rewritten_to_do_nothing_is_found(office: Path) -> None:
    conn = sqlite3.connect(office)
    conn.execute("DROP TRIGGER reports_issued_no_replace")
    conn.execute("CREATE TRIGGER reports_issued_no_replace BEFORE INSERT ON reports WHEN 0 BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    with OfficeService.open(office) as svc:
        assert "đã bị sửa" in svc.check_file(full=False).part("freeze").problems[0]


def test_broken_links_are_found(office: Path, capsys) -> None:
    conn = sqlite3.connect(office)  # foreign keys off: what an old tool might do
    conn.execute("DELETE FROM tasks WHERE id = 13")
    conn.commit()
    conn.close()
    problems = OfficeService.check_path(office, full=False).part("foreign_keys").problems
    assert any("tài liệu trỏ tới nhiệm vụ" in p for p in problems)
    assert main(["check", "--office", str(office), "--quick"]) == 1  # a damaged file is checked, not refused
    assert "tài liệu trỏ tới nhiệm vụ" in capsys.readouterr().out


def test_check_has_named_parts_another_feature_can_add_to(office: Path) -> None:
    from kstthc_desktop.storage import integrity

    def index(conn, progress):  # noqa: ANN001
        return integrity.CheckPart("search_index", "Chỉ mục tìm kiếm", ["chỉ mục lệch 2 tài liệu"], checked=3)

    integrity.register("search_index", index)
    try:
        with OfficeService.open(office) as svc:
            report = svc.check_file(full=True)
            assert [p.key for p in report.parts][-1] == "search_index"
            assert "Chỉ mục tìm kiếm: chỉ mục lệch 2 tài liệu" in report.summary()
            assert svc.check_file(full=False).part("search_index") is None  # a costly part: full check only
    finally:
        integrity._PARTS[:] = [p for p in integrity._PARTS if p.key != "search_index"]


def test_full_check_runs_on_a_worker_thread_with_its_own_connection(office: Path) -> None:
    import threading

    with OfficeService.open(office) as svc:
        box = {}
        t = threading.Thread(target=lambda: box.setdefault("r", svc.check_file(full=True)))
        t.start()
        t.join(30)
        assert box["r"].ok and box["r"].part("evidence").checked >= 2
        assert svc.full_check_due(date(2026, 11, 25))
        svc.mark_full_check(date(2026, 11, 25))
        assert not svc.full_check_due(date(2026, 12, 1)) and svc.full_check_due(date(2026, 12, 2))


def test_the_backup_offered_for_damage_is_one_without_it(office: Path) -> None:
    with OfficeService.open(office) as svc:
        clean = svc.backup(reason="hang-ngay")
    _damage(office, MARK)
    with OfficeService.open(office) as svc:
        damaged_copy = svc.backup(reason="hang-ngay")  # a backup taken after the damage carries it too
        report = svc.check_file(full=True)
        assert svc.newest_good_backup() == damaged_copy
        assert svc.backup_for_repair(report) == clean
