"""The import wizard end to end: read a workbook off the GUI thread, filter, confirm, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kstthc_desktop.core.model import CommuneRole, Office
from kstthc_desktop.services import OfficeService
from kstthc_desktop.ui.dialogs.import_wizard import ImportWizard


def _province_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "KH 2026"
    ws.append(["UBND TỈNH HẢI DƯƠNG"])
    ws.append(["KẾ HOẠCH kiểm soát thủ tục hành chính năm 2026"])
    ws.append([])
    ws.append(["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
               "Sản phẩm dự kiến"])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    ws.append(["I", "HOÀN THIỆN THỂ CHẾ"])
    ws.append(["1", "Tham mưu ban hành Quy chế Bộ phận Một cửa", "Văn phòng UBND tỉnh",
               "Các sở, ban, ngành", "Xong trước tháng 6 năm 2026", "Quyết định"])
    ws.append(["2", "Niêm yết công khai TTHC tại Bộ phận Một cửa cấp xã", "UBND cấp xã",
               "Văn phòng UBND tỉnh", "Thường xuyên năm 2026", "Danh mục TTHC"])
    ws.append(["II", "KIỂM TRA"])
    ws.append(["1", "Kiểm tra công tác KSTTHC", "Văn phòng UBND tỉnh", "UBND các xã, phường",
               "Từ tháng 4 đến tháng 11 năm 2026", "Báo cáo kiểm tra"])
    wb.save(path)
    return path


@pytest.fixture
def service(office_path: Path):
    svc = OfficeService.open(office_path, create=True)
    svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
    yield svc
    svc.close()


def test_wizard_reads_filters_and_imports_only_commune_tasks(qtbot, service, tmp_path: Path) -> None:
    src = _province_workbook(tmp_path / "ke-hoach-tinh.xlsx")
    wiz = ImportWizard(service)
    qtbot.addWidget(wiz)
    wiz.path_edit.setText(str(src))
    assert service.plans() == []
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.pages.currentIndex() == 1, timeout=10000)
    assert len(wiz._items) == 3
    assert service.plans() == []  # a preview writes nothing
    contents = [t.content for _, t in wiz._items]
    assert "Kiểm tra công tác KSTTHC" in contents

    wiz.keep_only_mine()
    chosen = [t for item, t in wiz._items if item.checkState(0) == Qt.CheckState.Checked]
    assert {t.commune_role for t in chosen} <= {CommuneRole.LEAD, CommuneRole.COORDINATING}
    assert [t.content for t in chosen] == ["Niêm yết công khai TTHC tại Bộ phận Một cửa cấp xã",
                                           "Kiểm tra công tác KSTTHC"]
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)
    assert wiz.pages.currentIndex() == 2
    assert "2 new" in wiz.confirm_text.text() or "2 mới" in wiz.confirm_text.text()
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)  # Import: backed up on a worker, then stored
    assert not wiz.next_btn.isEnabled()  # no second import while the first is on its way
    qtbot.waitUntil(lambda: wiz.outcome is not None, timeout=20000)
    assert wiz.outcome.added == 2

    plan = service.current_plan()
    assert plan.year == 2026
    tasks = service.tasks(plan.id)
    assert sorted(t.content for t in tasks) == sorted(t.content for t in chosen)
    kiem_tra = next(t for t in tasks if t.content.startswith("Kiểm tra"))
    assert kiem_tra.schedule.start.month == 4 and kiem_tra.schedule.due.month == 11
    assert kiem_tra.source_sheet == "KH 2026" and kiem_tra.source_row == 10
    backups = list((office_path_dir := service.path.parent).glob("*-saoluu/*.kstthc"))
    assert backups, f"no backup before import in {office_path_dir}"
    service.undo()
    assert service.tasks(plan.id) == []


def test_reimporting_revised_plan_shows_changes_instead_of_duplicating(qtbot, service, tmp_path: Path) -> None:
    src = _province_workbook(tmp_path / "ke-hoach-tinh.xlsx")
    first = service.apply_import(service.preview_import(src))
    assert first.added == 3
    from openpyxl import load_workbook

    wb = load_workbook(src)
    ws = wb.active
    ws["E8"] = "Trước ngày 30/6/2026"  # revised deadline of task I.2
    ws.delete_rows(10)  # the inspection task is dropped
    wb.save(src)
    wiz = ImportWizard(service)
    qtbot.addWidget(wiz)
    wiz.path_edit.setText(str(src))
    wiz.next()
    qtbot.waitUntil(lambda: wiz.pages.currentIndex() == 1, timeout=10000)
    assert wiz._checked_count() == 1  # a commune starts with its own task ticked…
    qtbot.mouseClick(wiz.all_btn, Qt.MouseButton.LeftButton)  # …and keeps them all in one click
    assert wiz._checked_count() == 2
    wiz.next()
    assert wiz.as_revision.isChecked() and wiz.revision_of.currentData() == first.plan_id  # same file: a revision
    texts = [wiz.diff_list.item(i).text() for i in range(wiz.diff_list.count())]
    assert any(t.endswith("I.2 Niêm yết công khai TTHC tại Bộ phận Một cửa cấp xã") for t in texts)
    assert any("Niêm yết" in t for t in texts if t.startswith(("Changed", "Đã sửa", "Thay đổi")))
    assert any("Kiểm tra" in t for t in texts if t.startswith(("No longer", "Không còn")))
    wiz.next()
    qtbot.waitUntil(lambda: wiz.outcome is not None, timeout=20000)
    assert wiz.outcome.added == 0 and wiz.outcome.changed == 1 and wiz.outcome.removed == 1
    assert len(service.tasks(service.current_plan().id)) == 2


def test_unreadable_file_shows_message_and_stays_on_first_page(qtbot, service, tmp_path: Path,
                                                               monkeypatch) -> None:
    bad = tmp_path / "ke-hoach.xlsx"
    bad.write_bytes(b"this is not a workbook at all")
    shown = []
    monkeypatch.setattr("kstthc_desktop.ui.dialogs.import_wizard.show_error", lambda parent, exc: shown.append(exc))
    wiz = ImportWizard(service)
    qtbot.addWidget(wiz)
    wiz.path_edit.setText(str(bad))
    wiz.next()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert wiz.pages.currentIndex() == 0
    assert "ke-hoach.xlsx" in wiz.file_error.text()
    assert service.plans() == []


def test_unrecognised_table_can_be_pointed_out_by_hand(qtbot, service, tmp_path: Path) -> None:
    """Headers nobody could guess ("Việc", "Ai làm", "Khi nào"): the officer picks the columns."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Số", "Việc", "Ai làm", "Khi nào"])
    ws.append(["1", "Niêm yết công khai TTHC", "UBND cấp xã", "Quý II năm 2026"])
    ws.append(["2", "Rà soát TTHC lĩnh vực hộ tịch", "Công chức Tư pháp", "Trước ngày 30/9/2026"])
    src = tmp_path / "ke-hoach-la.xlsx"
    wb.save(src)
    wiz = ImportWizard(service)
    qtbot.addWidget(wiz)
    wiz.path_edit.setText(str(src))
    wiz.next()
    qtbot.waitUntil(lambda: wiz.pages.currentIndex() == 1, timeout=10000)
    assert wiz._items == [] and not wiz.next_btn.isEnabled()
    assert "Không tìm thấy bảng" in wiz.warnings.item(0).text()
    assert wiz.table_choice.currentData() == "Sheet1"
    wiz.header_row.setValue(1)
    for role, col in (("number", 0), ("content", 1), ("lead", 2), ("deadline", 3)):
        box = wiz.role_boxes[role]
        box.setCurrentIndex(box.findData(col))
    assert "Việc" in wiz.role_boxes["content"].currentText()
    wiz.apply_mapping()
    qtbot.waitUntil(lambda: len(wiz._items) == 2, timeout=10000)
    t1 = wiz._items[0][1]
    assert t1.content == "Niêm yết công khai TTHC" and t1.lead == ["UBND cấp xã"]
    assert t1.schedule.due.isoformat() == "2026-06-30" and t1.commune_role.value == "lead"
    assert wiz._checked_count() == 1 and "(1)" in wiz.only_mine_btn.text() and "(2)" in wiz.all_btn.text()
    qtbot.mouseClick(wiz.all_btn, Qt.MouseButton.LeftButton)
    wiz.next()
    wiz.next()
    qtbot.waitUntil(lambda: wiz.outcome is not None, timeout=20000)
    assert wiz.outcome.added == 2
    # the choice is remembered for the next file laid out the same way
    again = service.build_import_preview(service.read_import_grids(src), str(src))
    assert len(list(again.iter_tasks())) == 2


def test_the_backup_before_an_import_runs_on_a_worker_and_cancel_imports_nothing(qtbot, service, tmp_path: Path,
                                                                                monkeypatch) -> None:
    """A year's documents take seconds to copy: the backup taken before the import shows its progress
    after half a second, and its Cancel button leaves the file as it was."""
    import threading
    import time

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    threads: list[int] = []

    def slow_backup(progress=None):  # noqa: ANN001, ANN202
        threads.append(threading.get_ident())
        for done in range(2000):
            progress.report(done, 2000, "Đang sao lưu…")
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(service, "backup_before_import", slow_backup)
    src = _province_workbook(tmp_path / "ke-hoach-tinh.xlsx")
    wiz = ImportWizard(service)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.path_edit.setText(str(src))
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.pages.currentIndex() == 1, timeout=10000)
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)  # Import
    qtbot.waitUntil(lambda: bool(threads), timeout=10000)
    assert threads[0] != threading.get_ident()

    def dialog() -> QProgressDialog | None:
        return next((d for d in wiz.findChildren(QProgressDialog) if d.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10000)
    next(b for b in dialog().findChildren(QPushButton) if b.text() == "Cancel").click()
    qtbot.waitUntil(lambda: wiz.next_btn.isEnabled(), timeout=10000)
    assert wiz.isVisible() and wiz.outcome is None and service.plans() == []
