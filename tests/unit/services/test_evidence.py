"""Evidence inside the office file: streamed, deduplicated, exported byte-identical, safe names."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import EvidenceError, NotFoundError
from kstthc_desktop.core.model import Office, Plan, Task
from kstthc_desktop.services import OfficeService
from kstthc_desktop.services.facade import safe_file_name


@pytest.fixture
def svc(office_path: Path):
    s = OfficeService.open(office_path, create=True)
    s.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
    yield s
    s.close()


@pytest.fixture
def task_id(svc: OfficeService) -> int:
    pid, _ = svc.create_plan(Plan(year=2026, title="KH 2026"))
    return svc.add_task(Task(plan_id=pid, number="2.1", content="Niêm yết TTHC"))[0]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_60mb_file_streams_in_with_small_memory_and_exports_identical(svc, task_id, tmp_path: Path) -> None:
    big = tmp_path / "bien-ban-kiem-tra.pdf"
    with open(big, "wb") as fh:
        for _ in range(60):
            fh.write(os.urandom(1024 * 1024))
    tracemalloc.start()
    eid, _ = svc.add_evidence(task_id, big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"peak Python memory {peak / 1e6:.1f} MB while storing a 60 MB file"
    assert svc.check() == ""
    out = tmp_path / "out"
    tracemalloc.start()
    [copy] = svc.export_evidence(out)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 8 * 1024 * 1024
    assert copy.stat().st_size == big.stat().st_size
    assert _sha(copy) == _sha(big)


def test_same_file_twice_is_stored_once(svc, task_id, tmp_path: Path, office_path: Path) -> None:
    f = tmp_path / "cv.pdf"
    f.write_bytes(os.urandom(300_000))
    svc.add_evidence(task_id, f)
    size_after_one = os.path.getsize(office_path) + os.path.getsize(str(office_path) + "-wal")
    copy = tmp_path / "ban-sao.pdf"
    copy.write_bytes(f.read_bytes())
    svc.add_evidence(task_id, copy)
    assert len(svc.evidence(task_id=task_id)) == 2
    assert svc.repo.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
    size_after_two = os.path.getsize(office_path) + os.path.getsize(str(office_path) + "-wal")
    assert size_after_two - size_after_one < 100_000  # the 300 KB content is not written again


def test_remove_and_undo_keeps_the_bytes(svc, task_id, tmp_path: Path) -> None:
    f = tmp_path / "anh-niem-yet.jpg"
    f.write_bytes(b"\xff\xd8" + os.urandom(5000))
    eid, _ = svc.add_evidence(task_id, f, doc_number="12/KH-UBND")
    svc.remove_evidence(eid)
    assert svc.evidence(task_id=task_id) == []
    svc.undo()
    [ev] = svc.evidence(task_id=task_id)
    out = tmp_path / "lai.jpg"
    svc.save_evidence_copy(ev.id, out)
    assert out.read_bytes() == f.read_bytes()
    assert svc.check() == ""


def test_bad_inputs_give_clear_messages_and_write_nothing(svc, task_id, tmp_path: Path) -> None:
    with pytest.raises(EvidenceError, match="Không tìm thấy tệp"):
        svc.add_evidence(task_id, tmp_path / "khong-co.pdf")
    svc.set_evidence_limit(1)
    big = tmp_path / "lon.bin"
    big.write_bytes(b"x" * (2 * 1024 * 1024))
    with pytest.raises(EvidenceError, match="vượt giới hạn 1 MB"):
        svc.add_evidence(task_id, big)
    with pytest.raises(NotFoundError):
        svc.add_evidence(99999, big)
    assert svc.repo.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    assert svc.repo.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0
    assert svc.check() == ""


@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd", "passwd"), ("..\\..\\Windows\\win.ini", "win.ini"), ('bao:cao*"quy"?.pdf', "bao_cao__quy__.pdf"),
    ("CON.txt", "_CON.txt"), ("   ", "tep"), ("..", "tep"), ("Báo cáo quý III.docx", "Báo cáo quý III.docx"),
])
def test_safe_file_names(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def test_export_never_overwrites_and_stays_in_folder(svc, task_id, tmp_path: Path) -> None:
    a = tmp_path / "a" / "bao cao.pdf"
    b = tmp_path / "b" / "bao cao.pdf"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_bytes(b"one")
    b.write_bytes(b"two")
    svc.add_evidence(task_id, a)
    svc.add_evidence(task_id, b)
    out = tmp_path / "xuat"
    (out / "NV 2_1").mkdir(parents=True)
    (out / "NV 2_1" / "bao cao.pdf").write_bytes(b"existing")
    written = svc.export_evidence(out)
    assert (out / "NV 2_1" / "bao cao.pdf").read_bytes() == b"existing"
    assert sorted(p.read_bytes() for p in written) == [b"one", b"two"]
    assert all(out in p.parents for p in written)


def test_pack_for_inspection_has_files_and_index(svc, task_id, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    f = tmp_path / "qd.pdf"
    f.write_bytes(b"%PDF-1.4 mau")
    svc.add_evidence(task_id, f, doc_number="15/QĐ-UBND", summary="Quyết định kiện toàn")
    z = svc.pack_for_inspection(tmp_path / "goi.zip")
    with zipfile.ZipFile(z) as zf:
        names = zf.namelist()
        assert "NV 2_1/qd.pdf" in names
        assert zf.read("NV 2_1/qd.pdf") == b"%PDF-1.4 mau"
        index = tmp_path / "index.xlsx"
        index.write_bytes(zf.read("Danh-muc-minh-chung.xlsx"))
    ws = load_workbook(index).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][0] == "2.1" and rows[1][3] == "15/QĐ-UBND" and rows[1][6] == "NV 2_1/qd.pdf"


def test_exports_from_a_worker_thread_use_their_own_connection(svc, task_id, tmp_path: Path) -> None:
    """The GUI runs exports on a worker: they read through a separate read-only connection."""
    import threading

    f = tmp_path / "qd.pdf"
    f.write_bytes(b"%PDF-1.4 " + os.urandom(4096))
    svc.add_evidence(task_id, f)
    main_conn = svc.repo.conn
    used: list[object] = []
    original = svc._reading

    def spy():  # noqa: ANN202
        ctx = original()
        repo = ctx.__enter__()
        used.append(repo.conn)
        return _Wrap(ctx, repo)

    class _Wrap:
        def __init__(self, ctx, repo) -> None:  # noqa: ANN001
            self.ctx, self.repo = ctx, repo

        def __enter__(self):  # noqa: ANN204
            return self.repo

        def __exit__(self, *exc):  # noqa: ANN002, ANN204
            return self.ctx.__exit__(*exc)

    svc._reading = spy
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(
        files=svc.export_evidence(tmp_path / "out"), zip=svc.pack_for_inspection(tmp_path / "goi.zip")))
    worker.start()
    worker.join(30)
    assert used and all(conn is not main_conn for conn in used)
    [copy] = result["files"]
    assert copy.read_bytes() == f.read_bytes()
    with zipfile.ZipFile(result["zip"]) as zf:
        assert zf.read("NV 2_1/qd.pdf") == f.read_bytes()
    svc._reading = original
    assert svc.check() == ""


def test_names_inside_the_pack_are_unique_ignoring_case(svc, task_id, tmp_path: Path) -> None:
    """Windows unpacks 'Bien ban.pdf' and 'bien ban.PDF' onto one file: the second would be lost."""
    import zipfile

    for i, name in enumerate(("Bien ban.pdf", "bien ban.PDF", "BIEN BAN.pdf")):
        f = tmp_path / str(i) / name
        f.parent.mkdir()
        f.write_bytes(f"%PDF {i}".encode())
        svc.add_evidence(task_id, f)
    with zipfile.ZipFile(svc.pack_for_inspection(tmp_path / "goi.zip")) as zf:
        names = [n for n in zf.namelist() if n.lower().endswith(".pdf")]
        assert len(names) == 3 and len({n.casefold() for n in names}) == 3
        assert sorted(zf.read(n) for n in names) == [b"%PDF 0", b"%PDF 1", b"%PDF 2"]
