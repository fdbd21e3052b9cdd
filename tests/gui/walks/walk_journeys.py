"""The officer's journeys, driven only through what is on screen: buttons found by their
Vietnamese text and clicked with the mouse, text typed key by key. Runs in a child process
(tests/gui/test_walks.py), so a crash fails the journey instead of the run."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from .conftest import PLAN_ROWS, write_plan
from .harness import Walk, button, choose, click, plain, set_date, type_into, wait_until

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # headless: raise(), keyboard grabs


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def toolbar(window, text: str):  # noqa: ANN001, ANN201
    """A toolbar button by the text it shows."""
    return button(window.toolbar, text)


def click_task(window, starts: str) -> None:  # noqa: ANN001
    """Click the table row of the task whose content starts with ``starts``."""
    tree = window.table.tree
    window.tabs.setCurrentWidget(window.table)
    tree.expandAll()

    def find(parent: QModelIndex) -> QModelIndex | None:
        for r in range(tree.model().rowCount(parent)):
            idx = tree.model().index(r, 0, parent)
            content = tree.model().index(r, 1, parent).data() or ""
            if content.startswith(starts):
                return idx
            hit = find(idx)
            if hit is not None:
                return hit
        return None

    idx = find(QModelIndex())
    assert idx is not None, f"no task '{starts}' in the table"
    tree.scrollTo(idx)
    QApplication.processEvents()
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tree.visualRect(idx.siblingAtColumn(1)).center())
    assert window.detail.title.text().split(" ", 1)[-1].startswith(starts)


def answer(walk: Walk, *scripts) -> None:  # noqa: ANN002
    """The next dialogs are answered by these scripts, in order (each takes the dialog)."""
    walk.scripts.extend(scripts)


def yes(box: QMessageBox) -> None:
    click(button(box, tr("QPlatformTheme", "&Yes")))


def office_setup(dlg) -> None:  # noqa: ANN001
    """First run: the officer types the office's lines and clicks OK."""
    assert dlg.windowTitle() == tr("OfficeSetupDialog", "Office information")
    type_into(dlg.name, "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH")
    type_into(dlg.place, "An Bình")
    type_into(dlg.superior, "UBND tỉnh Hải Dương")
    type_into(dlg.signer, "Người Ký Thử")  # a stand-in, no invented person
    click(button(dlg, tr("QPlatformTheme", "OK")))


def import_keeping_ours(walk: Walk, expect_guess: str | None = None) -> None:
    """The wizard: choose the file, keep only this office's tasks (the default), import."""
    def wizard(dlg) -> None:  # noqa: ANN001
        click(button(dlg, tr("ImportWizard", "Browse…")))
        click(button(dlg, tr("ImportWizard", "Read the file >")))
        wait_until(lambda: dlg.pages.currentIndex() == 1, what="the preview")
        mine = button(dlg, tr("ImportWizard", "Keep only tasks that concern this office (%1)")
                      .replace("%1", str(sum(1 for _, t in dlg._items if t.commune_role.value != "none"))))
        assert mine.isVisible()
        chosen = [t.content for item, t in dlg._items if item.checkState(0) == Qt.CheckState.Checked]
        walk.messages.append(("chosen", "\n".join(chosen)))
        click(button(dlg, tr("ImportWizard", "Next >")))
        assert dlg.pages.currentIndex() == 2
        if expect_guess is not None:
            assert expect_guess in dlg.guess_label.text(), dlg.guess_label.text()
            walk.messages.append(("diff", "\n".join(dlg.diff_list.item(i).text()
                                                    for i in range(dlg.diff_list.count()))))
        click(button(dlg, tr("ImportWizard", "Import")))
    answer(walk, wizard)


def record_progress(on: date, note: str, done: bool = False):  # noqa: ANN201
    def fill(dlg) -> None:  # noqa: ANN001
        set_date(dlg.on, on)
        dlg.percent.setFocus()
        dlg.percent.selectAll()
        QTest.keyClicks(dlg.percent, "100" if done else "50")
        if done:
            click(dlg.done_box)
        type_into(dlg.note, note)
        click(button(dlg, tr("QPlatformTheme", "OK")))
    return fill


def test_first_run_to_issued_report(qtbot, walk: Walk, driver, tmp_path: Path, today) -> None:  # noqa: ANN001
    from kstthc_desktop import app
    from kstthc_desktop.ui import windows

    path = tmp_path / "du-lieu" / "van-phong.kstthc"
    answer(walk, office_setup)
    service = app.first_run(path)
    assert service is not None and path.exists()
    window = windows.show_main_window(service, today=today)
    qtbot.addWidget(window)
    windows.forget(window)
    qtbot.waitExposed(window)
    assert window.windowTitle().endswith("XÃ AN BÌNH")

    # the start page: import the province's plan, keeping only the commune's tasks
    import_keeping_ours(walk)
    click(button(window.start_page, tr("StartPage", "Import the superior plan…")))
    wait_until(lambda: window.stack.currentIndex() == 1, what="the plan in the window")
    chosen = walk.messages[-1][1].split("\n")
    assert "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa cấp xã" in chosen
    assert "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính" not in chosen  # the province's alone
    assert window.table.model.task_count() == len(chosen) == 5
    assert window.table.count_label.text() == "5 / 5 nhiệm vụ"

    # record progress with a note, dated a week back, through the toolbar's "Ghi tiến độ…"
    click_task(window, "Rà soát, đánh giá thủ tục hành chính lĩnh vực hộ tịch")
    answer(walk, record_progress(date(2026, 11, 18), "Đã rà soát 12 thủ tục, đề xuất đơn giản hóa 3 thủ tục",
                                 done=True))
    click(toolbar(window, "Ghi tiến độ…"))
    entries = [window.detail.progress_list.item(i).text() for i in range(window.detail.progress_list.count())]
    assert entries == ["18/11/2026 – 100% ✔  Đã rà soát 12 thủ tục, đề xuất đơn giản hóa 3 thủ tục"]
    assert "II.1" in window.act_undo.text()  # the undo label names the task with its section
    status = window.table.tree.currentIndex().siblingAtColumn(2).data()
    assert "Hoàn thành quá hạn" in status  # due 30/6, done 18/11

    # attach the minutes as evidence, then fill in its document details
    click(button(window.detail, "Đính kèm tệp…"))
    wait_until(lambda: window.detail.evidence_list.count() == 1 and not window._jobs, what="the attachment")
    window.detail.evidence_list.setCurrentRow(0)

    def details(dlg) -> None:  # noqa: ANN001
        type_into(dlg.number, "15/BB-UBND")
        type_into(dlg.summary, "Biên bản họp triển khai rà soát thủ tục hành chính")
        click(button(dlg, tr("QPlatformTheme", "OK")))
    answer(walk, details)
    click(button(window.detail, "Thông tin…"))
    assert window.detail.evidence_list.item(0).text().startswith("15/BB-UBND – bien-ban-hop-trien-khai.txt")

    # the quarterly report: look at the preview, export the PDF, issue it
    def report(dlg) -> None:  # noqa: ANN001
        wait_until(lambda: getattr(dlg, "page_count", 0) > 0, what="the preview")
        assert not dlg.issue_btn.isEnabled()  # quý IV is not over on 25/11: a draft
        choose(dlg.period, "2026-Q3")
        assert dlg.issue_btn.isEnabled()
        type_into(dlg.number, "07")
        click(button(dlg, tr("ReportDialog", "Export PDF…")))
        wait_until(lambda: walk.saved and walk.saved[-1].exists() and walk.saved[-1].stat().st_size > 1000,
                   what="the PDF")
        answer(walk, yes)
        click(button(dlg, tr("ReportDialog", "Issue (freeze)…")))
        wait_until(lambda: dlg.frozen is not None, what="the issue")
        assert dlg.issued_label.isVisible() and "07" in dlg.issued_label.text()
        click(button(dlg, tr("ReportDialog", "Close")))
    answer(walk, report)
    click(toolbar(window, "Báo cáo…"))
    assert not walk.errors, walk.errors
    pdf = walk.saved[-1]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "07/BC-UBND" in text and "XÃ AN BÌNH" in text
    issued = [r for r in service.reports() if r.issued]
    assert len(issued) == 1 and issued[0].number == "07"
    window.close()
    service.close()


def test_restore_from_a_backup(qtbot, walk: Walk, driver, tmp_path: Path, today) -> None:  # noqa: ANN001
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo
    from kstthc_desktop.ui import windows

    service = OfficeService.open(create_demo(tmp_path / "van-phong.kstthc", today=today))
    window = windows.show_main_window(service, today=today)
    qtbot.addWidget(window)
    windows.forget(window)
    qtbot.waitExposed(window)
    window.menuBar().actions()[0].menu().aboutToShow.emit()
    window.act_backup.trigger()  # Tệp → Sao lưu ngay (copied on a worker)
    wait_until(lambda: window.statusBar().currentMessage().startswith("Đã sao lưu: "), what="the backup")
    message = window.statusBar().currentMessage()
    walk.backup_file = Path(message.split(": ", 1)[1])
    assert walk.backup_file.exists()

    click_task(window, "Tham mưu, theo dõi, tổ chức thực hiện")
    answer(walk, record_progress(date(2026, 11, 20), "Ghi sau khi sao lưu"))
    click(button(window.detail, "Ghi tiến độ…"))
    assert any("Ghi sau khi sao lưu" in window.detail.progress_list.item(i).text()
               for i in range(window.detail.progress_list.count()))

    answer(walk, yes)
    window.act_restore.trigger()  # Tệp → Khôi phục từ bản sao lưu…
    wait_until(lambda: not window.isVisible(), what="the old window to close")
    new = windows.open_windows()[-1]
    qtbot.addWidget(new)
    windows.forget(new)
    click_task(new, "Tham mưu, theo dõi, tổ chức thực hiện")
    texts = [new.detail.progress_list.item(i).text() for i in range(new.detail.progress_list.count())]
    assert not any("Ghi sau khi sao lưu" in t for t in texts)  # the backup's data, as it was
    kept = list(tmp_path.glob("van-phong-truoc-khoi-phuc-*.kstthc"))
    assert len(kept) == 1  # the replaced file is kept aside
    new.close()
    new.service.close()


def test_import_a_revised_plan_then_a_new_one(qtbot, walk: Walk, driver, tmp_path: Path, today) -> None:  # noqa: ANN001
    from kstthc_desktop.core.model import Office
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.ui import windows

    service = OfficeService.open(tmp_path / "van-phong.kstthc", create=True)
    service.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", place_name="An Bình"))
    window = windows.show_main_window(service, today=today)
    qtbot.addWidget(window)
    windows.forget(window)
    import_keeping_ours(walk)
    click(toolbar(window, "Nhập kế hoạch…"))
    wait_until(lambda: window.table.model.task_count() == 5, what="the first import")
    click_task(window, "Báo cáo kết quả kiểm soát thủ tục hành chính định kỳ")
    answer(walk, record_progress(date(2026, 10, 10), "Đã gửi báo cáo quý III"))
    click(toolbar(window, "Ghi tiến độ…"))
    assert not walk.errors, walk.errors
    assert "Đã gửi báo cáo quý III" in window.detail.progress_list.item(0).text()

    # the province sends a revised plan under another file name: one task dropped, one deadline moved
    revised = [r for r in PLAN_ROWS if not r[1].startswith("Báo cáo kết quả kiểm soát")]
    revised = [[r[0], r[1], r[2], r[3], "Trước ngày 31/7/2026"] if r[1].startswith("Rà soát, đánh giá") else r
               for r in revised]
    walk.plan_file = write_plan(tmp_path / "KH 15-KH-UBND sua doi.xlsx", revised)
    import_keeping_ours(walk, expect_guess="bản sửa đổi")
    click(toolbar(window, "Nhập kế hoạch…"))
    diff = walk.messages[-1][1].split("\n")
    assert "Thay đổi: II.1 Rà soát, đánh giá thủ tục hành chính lĩnh vực hộ tịch" in diff
    assert any(d.startswith("Không còn trong kế hoạch, vẫn giữ") and "II.3 Báo cáo kết quả" in d for d in diff)
    assert len(service.plans()) == 1
    assert "bản sửa đổi 1" in window.plan_box.currentText()
    click_task(window, "Báo cáo kết quả kiểm soát thủ tục hành chính định kỳ")  # still there, with its progress
    assert "Đã gửi báo cáo quý III" in window.detail.progress_list.item(0).text()

    # another plan of the same year, from the commune's own file: a new plan beside the first
    own = [["I", "NHIỆM VỤ CỦA UBND XÃ"],
           ["1", "Cập nhật danh mục thủ tục hành chính tại Bộ phận Một cửa xã", "UBND cấp xã", "", "Quý I năm 2026"]]
    walk.plan_file = write_plan(tmp_path / "ke-hoach-cua-xa.xlsx", own,
                                title="KẾ HOẠCH của UBND xã An Bình về công tác kiểm soát TTHC năm 2026")
    import_keeping_ours(walk, expect_guess="kế hoạch mới")
    click(toolbar(window, "Nhập kế hoạch…"))
    assert len(service.plans()) == 2 and window.table.model.task_count() == 1
    assert window.plan_box.count() == 2
    assert window.plan_box.currentIndex() == 0  # the newest plan first
    window.plan_box.setFocus()
    QTest.keyClick(window.plan_box, Qt.Key.Key_Down)  # back to the province's plan with the keyboard
    wait_until(lambda: window.table.model.task_count() == 5, what="the first plan again")  # 4 + the one kept
    assert not walk.errors, walk.errors
    window.close()
    service.close()


def test_cancel_on_first_run_says_what_happens(qtbot, walk: Walk, driver, tmp_path: Path) -> None:  # noqa: ANN001
    from kstthc_desktop import app

    path = tmp_path / "du-lieu" / "van-phong.kstthc"
    said: list[str] = []

    def cancel(dlg) -> None:  # noqa: ANN001
        click(button(dlg, tr("QPlatformTheme", "Cancel")))

    def read_and_quit(box: QMessageBox) -> None:
        said.append(box.text())
        click(next(b for b in box.buttons() if plain(b.text()) == plain(tr("App", "Quit"))))

    answer(walk, cancel, read_and_quit)
    assert app.first_run(path) is None
    assert said and "chưa được tạo" in said[0]
    assert not path.exists() and not path.parent.exists() or not any(path.parent.iterdir())

