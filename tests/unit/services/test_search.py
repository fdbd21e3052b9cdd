"""Searching everything the office keeps, as the officer asks it at an inspection."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.model import Office, Plan, ProgressEntry, Task
from kstthc_desktop.services import OfficeService
from tests import evidence_files as make

SENTENCE = "Giao Văn phòng HĐND và UBND xã chủ trì kiện toàn Tổ một cửa liên thông trước ngày 30 tháng 6."


@pytest.fixture
def svc(office_path: Path):
    s = OfficeService.open(office_path, create=True)
    s.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
    yield s
    s.close()


@pytest.fixture
def plan_id(svc: OfficeService) -> int:
    return svc.create_plan(Plan(year=2026, title="KH 2026"))[0]


def _task(svc: OfficeService, plan_id: int, number: str, content: str, **kw) -> int:  # noqa: ANN003
    return svc.add_task(Task(plan_id=plan_id, number=number, content=content, **kw))[0]


def _ids(hits) -> list[int]:  # noqa: ANN001
    return [h.item_id or h.task_id for h in hits]


def test_results_grouped_accent_insensitive_with_d_folded(svc, plan_id) -> None:
    t1 = _task(svc, plan_id, "1", "Đơn giản hóa thủ tục đăng ký hộ tịch", lead_units=["Công chức Tư pháp – Hộ tịch"])
    t2 = _task(svc, plan_id, "2", "Niêm yết công khai")
    pid, _ = svc.add_progress(ProgressEntry(task_id=t2, on=date(2026, 6, 5), note="Đã đăng tải lên Cổng dịch vụ công"))
    for typed in ("don gian hoa ", "ĐƠN GIẢN HÓA ", "dơn giản hoá "):
        r = svc.search(typed)
        assert _ids(r.tasks) == [t1] and r.counts == {"task": 1, "progress": 0, "evidence": 0}, typed
    r = svc.search("dang ")  # "đăng" in a task and in a progress note
    assert _ids(r.tasks) == [t1] and _ids(r.progress) == [pid]
    hit = r.progress[0]
    assert (hit.task_id, hit.title, hit.field) == (t2, "05/06/2026", "note")
    assert hit.snippet.marked() == "«Đã» «đăng» tải lên Cổng dịch vụ công" or \
        hit.snippet.marked() == "Đã «đăng» tải lên Cổng dịch vụ công"
    # the snippet is the original text: đ stays đ although the index folds it to d
    r = svc.search("ho tich ")
    assert r.tasks[0].snippet.marked() == "1 Đơn giản hóa thủ tục đăng ký «hộ tịch»"


def test_words_found_in_other_fields_say_where(svc, plan_id) -> None:
    tid = _task(svc, plan_id, "3", "Kiểm tra công tác KSTTHC", deadline_text="Quý III năm 2026",
                products="Kết luận kiểm tra", notes="Phối hợp Thanh tra huyện")
    assert [(h.task_id, h.field) for h in svc.search("thanh tra ").tasks] == [(tid, "notes")]
    assert [h.field for h in svc.search("quy iii ").tasks] == ["deadline"]
    assert [h.field for h in svc.search("ket luan ").tasks] == ["products"]


def test_the_task_named_by_the_words_ranks_first(svc, plan_id) -> None:
    mention = _task(svc, plan_id, "1", "Tuyên truyền cải cách hành chính", notes="Có nhắc tới phản ánh kiến nghị")
    named = _task(svc, plan_id, "2", "Tiếp nhận, xử lý phản ánh kiến nghị")
    assert _ids(svc.search("phan anh kien nghi ").tasks) == [named, mention]


def test_document_numbers_are_whole_and_grow_as_typed(svc, plan_id, tmp_path) -> None:
    tid = _task(svc, plan_id, "1", "Kiện toàn Bộ phận Một cửa")
    ids = {}
    for i, number in enumerate(("418/QĐ-UBND", "1418/QĐ-UBND", "418/QĐ-CT")):
        f = tmp_path / f"qd{i}.pdf"
        f.write_bytes(b"%PDF-1.4 " + bytes([i]))
        ids[number] = svc.add_evidence(tid, f, doc_number=number, doc_date=date(2026, 6, 9))[0]
    assert _ids(svc.search("418/QĐ-UBND ").evidence) == [ids["418/QĐ-UBND"]]
    assert _ids(svc.search("418/qd-ubnd ").evidence) == [ids["418/QĐ-UBND"]]
    assert sorted(_ids(svc.search("418/QĐ-").evidence)) == sorted([ids["418/QĐ-UBND"], ids["418/QĐ-CT"]])
    assert _ids(svc.search("418/QĐ-UB").evidence) == [ids["418/QĐ-UBND"]]  # still typing
    assert len(svc.search("9/6/2026 ").evidence) == 3  # the document date as officers write it
    assert svc.search("418/QĐ-UBND ").evidence[0].snippet.marked() == "«418/QĐ-UBND»"


def test_an_evidence_pdf_is_found_by_a_sentence_from_its_body(svc, plan_id, tmp_path) -> None:
    tid = _task(svc, plan_id, "2.1", "Kiện toàn Bộ phận Một cửa")
    f = make.pdf(tmp_path / "scan-quyet-dinh.pdf", ["QUYẾT ĐỊNH", "Điều 1. Thành lập Tổ.\n" + SENTENCE])
    eid, _ = svc.add_evidence(tid, f)
    assert svc.search("chu tri kien toan to mot cua ").evidence == []  # not read yet: adding never waits
    assert svc.pending_file_count() == 1
    run = svc.index_pending_files()
    assert (run.read, run.failed, run.remaining) == (1, 0, 0)
    r = svc.search("chủ trì kiện toàn Tổ một cửa liên thông ")
    hit = r.evidence[0]
    assert (hit.item_id, hit.task_id, hit.field, hit.page, hit.title) == (eid, tid, "file", 2, "scan-quyet-dinh.pdf")
    assert "«chủ trì kiện toàn Tổ một cửa liên thông»" in hit.snippet.marked()
    assert "HĐND" in hit.snippet.text  # the original letters, not the folded copy


def test_word_and_excel_evidence_too(svc, plan_id, tmp_path) -> None:
    tid = _task(svc, plan_id, "1", "Rà soát")
    w = svc.add_evidence(tid, make.docx(tmp_path / "bc.docx", ["Báo cáo", SENTENCE]))[0]
    x = svc.add_evidence(tid, make.xlsx(tmp_path / "ds.xlsx", [["Thủ tục", "Ghi chú"], ["Cấp giấy khai tử", "x"]]))[0]
    jpg = tmp_path / "anh.jpg"
    jpg.write_bytes(b"\xff\xd8\xff" + bytes(500))
    svc.add_evidence(tid, jpg)
    svc.index_pending_files()
    assert _ids(svc.search("lien thong truoc ngay 30 ").evidence) == [w]
    assert _ids(svc.search("giay khai tu ").evidence) == [x]
    assert svc.search_index_status()["files"] == {"done": 2, "unsupported": 1}


def test_index_follows_undo_and_redo(svc, plan_id, tmp_path) -> None:
    tid = _task(svc, plan_id, "1", "Niêm yết công khai thủ tục")
    task = svc.task(tid)
    task.content = "Số hóa hồ sơ thủ tục"
    svc.update_task(task)
    svc.add_progress(ProgressEntry(task_id=tid, on=date(2026, 3, 2), note="Đã số hóa 120 hồ sơ"))
    eid = svc.add_evidence(tid, make.pdf(tmp_path / "bb.pdf", ["Biên bản kiểm tra số hóa"]))[0]
    svc.index_pending_files()

    def found(words: str) -> tuple[int, int, int]:
        r = svc.search(words + " ")
        return r.counts["task"], r.counts["progress"], r.counts["evidence"]

    assert found("so hoa") == (1, 1, 1)
    svc.delete_task(tid)  # takes its progress and evidence along
    assert found("so hoa") == (0, 0, 0)
    svc.undo()
    assert found("so hoa") == (1, 1, 1)  # the file's text was never dropped: it is keyed by the file
    svc.undo()  # evidence
    assert found("bien ban") == (0, 0, 0)
    svc.undo()  # progress
    svc.undo()  # the edit
    assert found("so hoa") == (0, 0, 0) and found("niem yet") == (1, 0, 0)
    svc.redo()
    svc.redo()
    svc.redo()
    assert found("so hoa") == (1, 1, 1) and found("niem yet") == (0, 0, 0)
    assert _ids(svc.search("bien ban ").evidence) == [eid]
    assert svc.check_search_index(repair=False).ok


def test_index_follows_an_import_and_a_reimport(svc) -> None:
    data = Path(__file__).resolve().parents[2] / "data" / "plan_commune.xls"
    first = svc.apply_import(svc.preview_import(data))
    r = svc.search("Thông tư số 01/2018/TT-VPCP ")
    assert r.counts["task"] == 1 and r.tasks[0].plan_id == first.plan_id
    again = svc.apply_import(svc.preview_import(data))
    assert again.plan_id == first.plan_id
    assert svc.search("01/2018/TT-VPCP ").counts["task"] == 1
    assert svc.check_search_index(repair=False).ok


def test_index_survives_backup_and_restore(svc, plan_id, office_path, tmp_path) -> None:
    from kstthc_desktop.storage.backup import restore_backup

    tid = _task(svc, plan_id, "1", "Rà soát quy định")
    svc.add_evidence(tid, make.pdf(tmp_path / "kl.pdf", ["Kết luận thanh tra công vụ"]))
    svc.index_pending_files()
    saved = svc.backup(tmp_path / "bk")
    svc.add_progress(ProgressEntry(task_id=tid, on=date(2026, 4, 1), note="Ghi sau khi sao lưu"))
    svc.close()
    restore_backup(saved, office_path)
    again = OfficeService.open(office_path)
    try:
        assert again.search("sau khi sao luu ").counts["progress"] == 0
        assert again.search("ket luan thanh tra ").counts["evidence"] == 1
        assert again.check_search_index(repair=False).ok and again.pending_file_count() == 0
    finally:
        again.close()


def test_search_limited_to_one_plan(svc, plan_id) -> None:
    other, _ = svc.create_plan(Plan(year=2025, title="KH 2025"))
    old = _task(svc, other, "1", "Rà soát năm trước")
    new = _task(svc, plan_id, "1", "Rà soát năm nay")
    assert sorted(_ids(svc.search("ra soat ").tasks)) == sorted([old, new])
    assert _ids(svc.search("ra soat ", plan_id=plan_id).tasks) == [new]


def test_reading_resumes_a_file_left_half_read(svc, plan_id, tmp_path) -> None:
    from kstthc_desktop.storage import search as store

    tid = _task(svc, plan_id, "1", "Rà soát")
    svc.add_evidence(tid, make.pdf(tmp_path / "a.pdf", [SENTENCE]))
    sha = svc.evidence(task_id=tid)[0].sha256
    conn = store.connect_worker(svc.path)
    store.mark_working(conn, sha, 1)  # the reader was killed here on a previous run
    conn.close()
    assert svc.pending_file_count() == 1
    assert svc.index_pending_files().read == 1
    assert svc.search("lien thong ").counts["evidence"] == 1


def test_stop_ends_the_pass_between_files_and_a_later_pass_finishes(svc, plan_id, tmp_path) -> None:
    tid = _task(svc, plan_id, "1", "Rà soát")
    for i in range(3):
        svc.add_evidence(tid, make.pdf(tmp_path / f"{i}.pdf", [f"Tài liệu số {i} {SENTENCE}"]))
    seen: list[str] = []

    class Progress:
        cancelled = False

        def report(self, done: int, total: int, message: str = "") -> None:
            seen.append(message)

    run = svc.index_pending_files(Progress(), stop=lambda: len(seen) > 1)
    assert run.stopped and run.remaining == 2
    assert svc.index_pending_files().remaining == 0
    assert svc.search("lien thong ").counts["evidence"] == 3


def test_closing_waits_for_the_reader_to_let_go(svc, plan_id, tmp_path) -> None:
    tid = _task(svc, plan_id, "1", "Rà soát")
    for i in range(4):
        svc.add_evidence(tid, make.pdf(tmp_path / f"{i}.pdf", [SENTENCE] * 3))
    started = threading.Event()
    runs = []

    class Progress:
        cancelled = False

        def report(self, done: int, total: int, message: str = "") -> None:
            started.set()

    worker = threading.Thread(target=lambda: runs.append(svc.index_pending_files(Progress())))
    worker.start()
    started.wait(10)
    svc.stop_indexing()
    assert not svc._index_lock.locked()  # noqa: SLF001 - the reader is gone before the file closes
    worker.join(10)
    assert runs and (runs[0].stopped or runs[0].remaining == 0)
    assert svc.index_pending_files().stopped  # no new pass once the file is closing


def test_a_hit_names_its_task_with_the_section_as_every_list_does(svc, plan_id) -> None:
    """ "2" names a task in every section: the results say "IV.2" and "III.7.b", as the table and the
    report do."""
    sec_iii, _ = svc.add_section(plan_id, "III", "TUYÊN TRUYỀN")
    sec_iv, _ = svc.add_section(plan_id, "IV", "TỔ CHỨC THỰC HIỆN")
    parent = _task(svc, plan_id, "7", "Tuyên truyền về cải cách thủ tục hành chính", section_id=sec_iii)
    child = _task(svc, plan_id, "b", "Theo dõi thông tin báo chí về kiểm soát", section_id=sec_iii, parent_id=parent)
    task = _task(svc, plan_id, "2", "Tham mưu, theo dõi tổ chức thực hiện Kế hoạch", section_id=sec_iv)
    hits = {h.task_id: h.task_number for h in svc.search("theo doi ").tasks}
    assert hits == {child: "III.7.b", task: "IV.2"}
