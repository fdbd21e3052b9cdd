"""No command can destroy an office file, and every failure is one Vietnamese line with exit 2."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kstthc_desktop.cli import main
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.demo import create_demo
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return create_demo(tmp_path / "van-phong.kstthc", today=TODAY)


def fails(capsys, *argv: str, needle: str = "") -> str:  # noqa: ANN001
    """Run the CLI expecting exit 2 and exactly one Vietnamese line on stderr; return it."""
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse refusals
        code = stop.code
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("kstthc"), err
    assert "Traceback" not in err
    assert needle.lower() in err.lower(), err
    return err


def _snapshot(office: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in office.parent.iterdir() if p.name.startswith(office.name)}


# --- outputs that would land on an office file --------------------------------------------------


def test_demo_refuses_an_existing_office_file_even_while_it_is_open(capsys, office: Path) -> None:
    before = _snapshot(office)
    fails(capsys, "demo", "--office", str(office), needle="không ghi đè")
    svc = OfficeService.open(office)  # the window has it open
    try:
        fails(capsys, "demo", "--office", str(office), needle="không ghi đè")
        assert svc.check() == ""
    finally:
        svc.close()
    assert _snapshot(office)[office.name] == before[office.name]


def test_demo_refuses_a_leftover_wal_of_a_deleted_office(capsys, tmp_path: Path) -> None:
    wal = tmp_path / "x.kstthc-wal"
    wal.write_bytes(b"unsaved work")
    fails(capsys, "demo", "--office", str(tmp_path / "x.kstthc"))
    assert wal.read_bytes() == b"unsaved work"


@pytest.mark.parametrize("out", ["{F}", "{F}-wal", "{F}-shm", "{F}.lock", "{D}/x.zip"])
def test_pack_never_writes_over_the_office_file_or_its_companions(capsys, office: Path, out: str) -> None:
    svc = OfficeService.open(office)
    svc.backup(reason="hang-ngay")  # makes the backup folder exist
    svc.close()
    target = out.format(F=office, D=office.with_name(office.stem + "-saoluu"))
    Path(target).touch() if target.endswith(("-wal", "-shm")) else None
    before = office.read_bytes()
    fails(capsys, "evidence", "pack", "--office", str(office), "--out", target, needle="không ghi vào")
    assert office.read_bytes() == before
    assert not Path(target).exists() or Path(target).read_bytes()[:2] != b"PK"


def test_report_refuses_the_office_file_and_another_office_file(capsys, office: Path, tmp_path: Path) -> None:
    other = create_demo(tmp_path / "xa-khac.pdf", today=TODAY)  # an office file whatever its name says
    before = other.read_bytes()
    fails(capsys, "report", "--office", str(office), "--period", "2026-Q3", "--out", str(other),
          needle="tệp dữ liệu KSTTHC")
    assert other.read_bytes() == before
    fails(capsys, "report", "--office", str(office), "--period", "2026-Q3", "--out",
          str(office.with_suffix(".kstthc")), needle="")


def test_an_existing_folder_as_out_is_one_line(capsys, office: Path, tmp_path: Path) -> None:
    (tmp_path / "bao-cao.pdf").mkdir()
    fails(capsys, "report", "--office", str(office), "--period", "2026-Q3", "--out", str(tmp_path / "bao-cao.pdf"),
          needle="thư mục")
    (tmp_path / "goi.zip").mkdir()
    fails(capsys, "evidence", "pack", "--office", str(office), "--out", str(tmp_path / "goi.zip"), needle="thư mục")


def test_evidence_export_refuses_the_backup_folder(capsys, office: Path) -> None:
    folder = office.with_name(office.stem + "-saoluu")
    fails(capsys, "evidence", "export", "--office", str(office), "--to", str(folder / "xuat"), needle="sao lưu")


# --- bad numbers, names and text ----------------------------------------------------------------


def test_a_task_id_of_24_digits_is_one_line(capsys, office: Path) -> None:
    fails(capsys, "progress", "--office", str(office), "--task", "1" * 24, "--percent", "10", needle="mã")
    fails(capsys, "evidence", "add", "--office", str(office), "--task", "-3", str(office), needle="mã")


def test_import_year_zero_is_refused(capsys, office: Path, tmp_path: Path) -> None:
    fails(capsys, "import", str(tmp_path / "kh.xlsx"), "--office", str(office), "--year", "0", needle="2000–2100")


def test_a_253_byte_name_exports_again_and_again(capsys, office: Path, tmp_path: Path) -> None:
    name = ("Báo cáo kết quả rà soát " * 12)[:100].strip()
    name = name.encode()[:249].decode("utf-8", "ignore") + ".pdf"
    while len(name.encode()) < 253:
        name = "a" + name
    src = tmp_path / name
    src.write_bytes(b"%PDF-1.4 x")
    assert main(["evidence", "add", "--office", str(office), "--task", "13", str(src)]) == 0
    out = tmp_path / "xuat"
    for _ in range(3):
        assert main(["evidence", "export", "--office", str(office), "--to", str(out), "--json"]) == 0
    capsys.readouterr()
    copies = [p for p in out.rglob("*.pdf")]
    assert len(copies) == 3 and all(len(p.name.encode()) <= 255 and p.read_bytes() == b"%PDF-1.4 x" for p in copies)


def test_control_characters_in_a_summary_never_break_the_pack(capsys, office: Path, tmp_path: Path) -> None:
    src = tmp_path / "qd.pdf"
    src.write_bytes(b"%PDF")
    summary = 'Quyết định\x01=HYPERLINK("http://x.invalid","bấm")\x07'
    assert main(["evidence", "add", "--office", str(office), "--task", "13", "--summary", summary, str(src)]) == 0
    zip_path = tmp_path / "goi.zip"
    for _ in range(2):  # and again: it used to fail on every later attempt
        assert main(["evidence", "pack", "--office", str(office), "--out", str(zip_path)]) == 0
        zip_path.unlink()
    capsys.readouterr()


# --- the disk says no ----------------------------------------------------------------------------


def test_a_full_disk_during_a_write_is_one_line_and_loses_nothing(capsys, office: Path, monkeypatch) -> None:
    """SQLite's own 'database or disk is full' (the file may not grow by one page)."""
    from kstthc_desktop.storage import office_file

    real = office_file._connect

    def capped(path):  # noqa: ANN001
        conn = real(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(office_file, "_connect", capped)
    fails(capsys, "progress", "--office", str(office), "--task", "13", "--percent", "50", "--note", "x" * 200_000,
          needle="đầy")
    monkeypatch.undo()
    with OfficeService.open(office) as svc:
        assert svc.check() == "" and not [p for p in svc.progress(13) if p.percent == 50]


def test_a_full_disk_while_writing_a_report_is_one_line(capsys, office: Path, tmp_path: Path, monkeypatch) -> None:
    from kstthc_desktop import reports

    def full(content, path, progress=None):  # noqa: ANN001
        Path(path).write_bytes(b"%PDF-half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(reports, "render_report_pdf", full)
    out = tmp_path / "bc.pdf"
    out.write_bytes(b"the old report")
    fails(capsys, "report", "--office", str(office), "--period", "2026-Q3", "--out", str(out), needle="ổ đĩa đã đầy")
    assert out.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("code,needle", [(errno.EROFS, "chỉ cho đọc"), (errno.EACCES, "không cho ghi")])
def test_a_read_only_folder_or_disk_is_one_line(capsys, office: Path, monkeypatch, code: int, needle: str) -> None:
    from kstthc_desktop.storage import office_file

    real_open = os.open

    def refusing(path, flags, mode=0o777, **kw):  # noqa: ANN001, ANN003
        if str(path).endswith(".lock"):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(office_file.os, "open", refusing)
    fails(capsys, "progress", "--office", str(office), "--task", "13", "--percent", "5", needle=needle)


def test_a_read_only_office_file_is_one_line(capsys, office: Path, monkeypatch) -> None:
    from kstthc_desktop.storage import office_file

    monkeypatch.setattr(office_file.os, "access", lambda p, mode: mode != os.W_OK)
    before = office.read_bytes()
    fails(capsys, "progress", "--office", str(office), "--task", "13", "--percent", "5", needle="chỉ cho đọc")
    assert office.read_bytes() == before


def test_check_works_on_a_read_only_file(capsys, office: Path, monkeypatch) -> None:
    from kstthc_desktop.storage import office_file

    monkeypatch.setattr(office_file.os, "access", lambda p, mode: mode != os.W_OK)
    assert main(["check", "--office", str(office), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_a_closed_stdout_after_a_committed_write_is_success(office: Path) -> None:
    """A script that sees a failure retries: the progress would be recorded twice."""
    proc = subprocess.Popen([sys.executable, "-m", "kstthc_desktop.cli", "progress", "--office", str(office),
                             "--task", "13", "--percent", "40", "--note", "một lần thôi", "--json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the program writes its answer
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0, err
    assert err == b""
    with OfficeService.open(office) as svc:
        assert [p.note for p in svc.progress(13)].count("một lần thôi") == 1


def test_the_pack_index_holds_text_never_formulas(capsys, office: Path, tmp_path: Path) -> None:
    src = tmp_path / "=cmd.pdf"
    src.write_bytes(b"%PDF")
    main(["evidence", "add", "--office", str(office), "--task", "13", "--number", "+1-2", "--summary",
          '\x01=HYPERLINK("http://x.invalid","bấm")', str(src)])
    zip_path = tmp_path / "goi.zip"
    assert main(["evidence", "pack", "--office", str(office), "--out", str(zip_path)]) == 0
    capsys.readouterr()
    with zipfile.ZipFile(zip_path) as zf:
        index = zf.read("Danh-muc-minh-chung.xlsx")
    from tests.unit.services.xlsx_checks import assert_no_formulas

    cells = assert_no_formulas(index)
    assert '=HYPERLINK("http://x.invalid","bấm")' in cells and "+1-2" in cells


def test_a_full_disk_while_storing_a_document_is_one_line(capsys, office: Path, tmp_path: Path,
                                                          monkeypatch) -> None:
    """The document streams in through its own connection; SQLite rolls back by itself on a full
    disk, and a second ROLLBACK used to hide the real message behind 'no transaction is active'."""
    import sqlite3

    from kstthc_desktop.storage import evidence

    real = sqlite3.connect

    def capped(*args, **kw):  # noqa: ANN002, ANN003
        conn = real(*args, **kw)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 8}")
        return conn

    monkeypatch.setattr(evidence.sqlite3, "connect", capped)
    big = tmp_path / "bien-ban.pdf"
    big.write_bytes(os.urandom(2_000_000))
    fails(capsys, "evidence", "add", "--office", str(office), "--task", "13", str(big), needle="đầy")
    monkeypatch.undo()
    with OfficeService.open(office) as svc:
        assert svc.check() == "" and not [e for e in svc.evidence(task_id=13) if e.name == "bien-ban.pdf"]


def test_reports_are_written_with_the_users_normal_permissions(capsys, office: Path, tmp_path: Path) -> None:
    """reportlab and python-docx write through their own 0600 temp files; the result must not be."""
    import stat

    old = os.umask(0o022)
    try:
        for name in ("bc.pdf", "bc.docx"):
            assert main(["report", "--office", str(office), "--period", "2026-Q3", "--out", str(tmp_path / name)]) == 0
    finally:
        os.umask(old)
    capsys.readouterr()
    assert {stat.S_IMODE((tmp_path / n).stat().st_mode) for n in ("bc.pdf", "bc.docx")} == {0o644}


def test_an_issued_report_is_saved_safely(office: Path, tmp_path: Path) -> None:
    from datetime import date

    from kstthc_desktop.core.errors import UnsafeOutput

    with OfficeService.open(office) as svc:
        rid, _ = svc.issue_report("2026-Q3", "07", date(2026, 9, 16))
        before = office.read_bytes()
        with pytest.raises(UnsafeOutput):
            svc.save_issued_pdf(rid, office)
        assert office.read_bytes() == before
        out = svc.save_issued_pdf(rid, tmp_path / "bc-07.pdf")
        assert out.read_bytes() == svc.issued_pdf(rid)


@pytest.mark.parametrize("argv,name", [
    (["form06a", "--out", "{T}"], "bieu-06a.xlsx"),
    (["rollup", "{D}", "--out", "{T}"], "tong-hop.xlsx"),
    (["rollup", "{D}", "--out", "{T}"], "tong-hop.pdf"),
    (["handback", "--office", "{F}", "--out", "{T}"], "ket-qua.xlsx"),
    (["plan-document", "--office", "{F}", "--out", "{T}"], "ke-hoach.docx"),
    (["report", "--office", "{F}", "--period", "2026-Q3", "--out", "{T}", "--number", "1", "--date",
      "16/09/2026", "--issue"], "bao-cao.pdf"),
])
def test_the_newer_writers_never_land_on_an_office_file(capsys, office: Path, tmp_path: Path, argv: list[str],
                                                        name: str) -> None:
    """Form 06a, roll-up, hand-back, plan document and the issued report's .json beside its PDF:
    an office file is an office file whatever its name says ('bieu-06a.xlsx' here)."""
    folder = tmp_path / "khac"
    folder.mkdir()
    target = create_demo(folder / name, today=TODAY)
    out = target
    if "--issue" in argv:  # the .json beside 'bao-cao.pdf' is 'bao-cao.json'…
        out = folder / "bao-cao-moi.pdf"
        target = create_demo(folder / "bao-cao-moi.json", today=TODAY)  # …here another office file
    before = target.read_bytes()
    args = [a.format(F=office, D=tmp_path, T=out) for a in argv]
    try:
        code = main(args)
    except SystemExit as stop:
        code = stop.code
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert target.read_bytes() == before


@pytest.mark.parametrize("argv", [["handback", "--office", "{F}", "--plan", "1" * 24, "--out", "x.xlsx"],
                                  ["plan", "--office", "{F}", "--plan-id", "9" * 30]])
def test_huge_plan_ids_are_one_line(capsys, office: Path, argv: list[str]) -> None:
    fails(capsys, *[a.format(F=office) for a in argv], needle="mã")


def test_the_form_06a_template_holds_typed_text_never_a_formula(office: Path, tmp_path: Path) -> None:
    from tests.unit.services.xlsx_checks import assert_no_formulas

    out = OfficeService.write_form06a_template(tmp_path / "06a.xlsx", [{"field": "=HYPERLINK(\"x\")", "c3": 2},
                                                                      {"field": "\x01@Hộ tịch"}], "quý III năm 2026")
    cells = assert_no_formulas(out.read_bytes())
    assert '=HYPERLINK("x")' in cells and "@Hộ tịch" in cells


def test_check_on_a_full_disk_still_checks_the_file(capsys, office: Path, monkeypatch) -> None:
    """Rebuilding the search index needs the file open for work; a full disk only skips that step."""
    from kstthc_desktop.core.errors import OfficeFileFull
    from kstthc_desktop.services import facade

    def full(cls, path, create=False, run_upgrade_backup=None):  # noqa: ANN001
        raise OfficeFileFull("Ổ đĩa đã đầy.", "Hãy giải phóng dung lượng.")

    monkeypatch.setattr(facade.OfficeService, "open", classmethod(full))
    assert main(["check", "--office", str(office), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and "đầy" in data["parts"][-1]["notes"][0]


def test_a_file_to_upgrade_is_backed_up_first_and_the_terminal_says_so(office: Path, capsys, monkeypatch) -> None:
    """A newer version's first command on a file copies it before upgrading it (seconds for a year's
    documents): one line on stderr says why the command waits; stdout keeps only the answer."""
    from kstthc_desktop.storage import backup as backup_store
    from kstthc_desktop.storage import migrations

    old_version = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, ["CREATE TABLE next_release (id INTEGER)"]])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.STEPS))
    assert main(["tasks", "--office", str(office), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "đang sao lưu trước khi nâng cấp" in err and json.loads(out)
    copies = list(backup_store.default_backup_dir(office).glob(f"*-truoc-nang-cap-v{old_version}.kstthc"))
    assert len(copies) == 1
    assert main(["tasks", "--office", str(office), "--json"]) == 0  # upgraded: nothing more to say
    assert "nâng cấp" not in capsys.readouterr().err
