"""The report dialog: live preview, edited narrative kept, export, issue freezes the report."""

from __future__ import annotations

from pathlib import Path

from kstthc_desktop.ui.dialogs.report_dialog import ReportDialog
from tests.conftest import TODAY


def _wait_preview(qtbot, dlg: ReportDialog) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: dlg.pages_layout.count() > 0 and not (dlg._job and dlg._job.running), timeout=30000)


def test_preview_shows_pages_for_the_current_quarter(qtbot, demo_service) -> None:
    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    assert dlg.period_code() == "2026-Q4"
    assert "14/12/2026" in dlg.window_label.text()
    _wait_preview(qtbot, dlg)
    assert dlg.page_count >= 2
    assert dlg.editors["intro"].toPlainText().strip()


def test_edited_narrative_goes_into_the_document_and_is_kept(qtbot, demo_service, tmp_path: Path) -> None:
    import subprocess

    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    _wait_preview(qtbot, dlg)
    dlg.editors["proposals"].setPlainText("Đề nghị UBND thành phố tổ chức tập huấn phần mềm một cửa điện tử.")
    dlg.number.setText("25")
    out = tmp_path / "bc.pdf"
    task = dlg.export_to(str(out))
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "tổ chức tập huấn phần mềm một cửa điện tử" in text
    assert "Số: 25/BC-UBND" in text
    dlg.reject()  # Esc / Close
    again = ReportDialog(demo_service, TODAY)  # the typed text survives closing the dialog
    qtbot.addWidget(again)
    assert "phần mềm một cửa điện tử" in again.editors["proposals"].toPlainText()
    assert again.number.text() == "25"


def test_issue_freezes_pdf_with_hash(qtbot, demo_service) -> None:
    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    _wait_preview(qtbot, dlg)
    # quý IV is still open on 25/11: a draft, which cannot be issued
    assert dlg.content.draft and not dlg.issue_btn.isEnabled()
    assert "DỰ THẢO" in dlg.warn_label.text()
    dlg.period.setCurrentIndex(dlg.period.findData("2026-Q3"))
    _wait_preview(qtbot, dlg)
    assert not dlg.content.draft and dlg.issue_btn.isEnabled()
    dlg.number.setText("07")
    task = dlg.issue_now()  # rendered and backed up on a worker, frozen here
    assert not dlg.issue_btn.isEnabled()  # no second issue while the first is on its way
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    rid = dlg.issued_id
    assert rid is not None
    assert demo_service.verify_issued(rid)
    pdf = demo_service.issued_pdf(rid)
    assert pdf.startswith(b"%PDF")
    assert "Issued" in dlg.issued_label.text() or "ban hành" in dlg.issued_label.text()
    report = [r for r in demo_service.reports() if r.id == rid][0]
    assert report.issued and report.number == "07"
    # shown read-only afterwards: the frozen pages, no editing, no second issue by accident
    assert dlg.frozen is not None and dlg.frozen.id == rid
    assert dlg.editors["intro"].isReadOnly() and not dlg.issue_btn.isEnabled() and not dlg.number.isEnabled()


def test_frozen_report_exports_the_issued_bytes_and_can_be_corrected(qtbot, demo_service, tmp_path) -> None:
    from datetime import date

    rid, _ = demo_service.issue_report("2026-Q3", "30", date(2026, 9, 16))
    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    dlg.period.setCurrentIndex(dlg.period.findData("2026-Q3"))
    assert dlg.frozen is not None and dlg.number.text() == "30"
    _wait_preview(qtbot, dlg)
    out = tmp_path / "ban-hanh.pdf"
    task = dlg.export_to(str(out))
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    assert out.read_bytes() == demo_service.issued_pdf(rid)
    import json  # its data beside it, for the level above to roll up (#16)

    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["data"]["report"]["number"] == "30/BC-UBND"
    dlg.start_correction()
    assert dlg.frozen is None and not dlg.editors["intro"].isReadOnly() and dlg.issue_btn.isEnabled()
    dlg.number.setText("31")
    task = dlg.issue_now()
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    new_id = dlg.issued_id
    assert new_id != rid and demo_service.verify_issued(rid) and demo_service.verify_issued(new_id)


def test_signatory_can_differ_for_one_report(qtbot, demo_service, tmp_path) -> None:
    import subprocess

    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    dlg.authority.setCurrentIndex(dlg.authority.findData("KT."))
    dlg.sign_deputy.setText("PHÓ CHỦ TỊCH")
    dlg.sign_name.setText("Người Ký Thay")
    out = tmp_path / "kt.pdf"
    task = dlg.export_to(str(out))
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Người Ký Thay" in text
    assert demo_service.office().signatory_name == "Đoàn Duy Việt"  # the office's default is unchanged


def test_next_report_says_what_changed_since_the_issued_one(qtbot, demo_service) -> None:
    from datetime import date

    from kstthc_desktop.core.model import ProgressEntry

    demo_service.issue_report("2026-Q3", "21", date(2026, 9, 15))
    tid = next(t.id for t in demo_service.tasks(demo_service.current_plan().id) if t.number == "2.6")
    demo_service.add_progress(ProgressEntry(task_id=tid, on=date(2026, 10, 5), percent=100, done=True))
    changes = demo_service.changes_since_issued("2026-Q4")
    assert changes["report"] == "21"
    assert any(x.startswith("2.6 ") for x in changes["completed"])
    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    assert "21" in dlg.since_label.text() and "2.6" in dlg.since_label.toolTip()


def test_form06a_from_an_excel_template_and_overdue_causes(qtbot, demo_service, tmp_path) -> None:
    """The officer saves the template, fills it in (here: openpyxl plays the officer), reads it back;
    a cause typed for an overdue task is stored on the task and printed."""
    import subprocess

    from openpyxl import load_workbook

    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    dlg.period.setCurrentIndex(dlg.period.findData("2026-Q3"))
    _wait_preview(qtbot, dlg)
    assert "Biểu 06a" in dlg.warn_label.text()  # no figures yet: said before export
    template = tmp_path / "bieu.xlsx"
    dlg.write_stats_template(str(template))
    wb = load_workbook(template)
    ws = wb.active
    ws.append([1, "Hộ tịch", 120, 30, 80, 10, 110, 20, 88, 2, 10, 9, 1])
    wb.save(template)
    assert dlg.load_stats_file(str(template))
    assert dlg.statistics_rows() == [{"field": "Hộ tịch", "c3": 120, "c4": 30, "c5": 80, "c6": 10, "c7": 110,
                                      "c8": 20, "c9": 88, "c10": 2, "c11": 10, "c12": 9, "c13": 1}]
    assert dlg.causes.rowCount() >= 1
    dlg.causes.item(0, 2).setText("Chờ hướng dẫn của cấp trên")
    task_id = dlg.causes.item(0, 0).data(0x0100)
    assert demo_service.task(task_id).overdue_cause == "Chờ hướng dẫn của cấp trên"
    out = tmp_path / "q3.pdf"
    task = dlg.export_to(str(out))
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Chờ hướng dẫn của cấp trên" in text
    assert "Tổng số hồ sơ nhận giải quyết trong kỳ: 120 hồ sơ" in " ".join(text.split())


def _pages_drawn_sharp(dlg: ReportDialog) -> bool:
    """Every page in view is drawn at the pixel width it is shown (never a small picture scaled up)."""
    ratio = dlg.devicePixelRatioF()
    near = dlg._visible_pages()
    return bool(near) and all(dlg._pages[i].drawn_width == round(dlg._pages[i].contentsRect().width() * ratio)
                              for i in near)


def _button(dlg: ReportDialog, text: str):  # noqa: ANN202
    from PySide6.QtWidgets import QAbstractButton

    return next(b for b in dlg.findChildren(QAbstractButton) if b.text() == text and b.isVisible())


def test_preview_fits_the_page_width_zooms_and_refits(qtbot, demo_service) -> None:
    """Pages as wide as the pane (no sideways scrolling), sharp; + / Ctrl+plus for detail, Ctrl+0
    back to the pane's width; a narrower pane narrows the pages."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QSplitter

    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    _wait_preview(qtbot, dlg)
    scroll = dlg.preview_scroll
    hbar = scroll.horizontalScrollBar()

    def fits() -> bool:
        return all(p.width() <= scroll.viewport().width() for p in dlg._pages) and not hbar.isVisible()

    qtbot.waitUntil(lambda: fits() and _pages_drawn_sharp(dlg), timeout=10000)
    first = dlg._pages[0]
    assert first.width() >= scroll.viewport().width() - 30  # fills the pane, not a thumbnail
    assert dlg.fit_btn.isChecked()

    qtbot.mouseClick(_button(dlg, "+"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.width() > scroll.viewport().width() and hbar.isVisible(), timeout=5000)
    assert not dlg.fit_btn.isChecked()
    qtbot.waitUntil(lambda: _pages_drawn_sharp(dlg), timeout=10000)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    editor = dlg.editors["intro"]
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)  # typing is not disturbed
    assert dlg.zoom == 1.5 and editor.toPlainText() == dlg.content.sections["intro"]
    qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dlg.zoom == 1.25
    qtbot.keyClick(editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: fits() and _pages_drawn_sharp(dlg), timeout=10000)
    assert dlg.fit_btn.isChecked()
    qtbot.mouseClick(_button(dlg, "−"), Qt.MouseButton.LeftButton)  # smaller than the pane: still no bar
    qtbot.waitUntil(lambda: first.width() < scroll.viewport().width() * 0.8, timeout=5000)
    assert fits()
    qtbot.mouseClick(_button(dlg, "Fit width"), Qt.MouseButton.LeftButton)

    wide = first.width()
    split = dlg.findChild(QSplitter)
    left, right = split.sizes()
    split.setSizes([left + right // 3, right - right // 3])  # the officer drags the divider to the right
    assert split.sizes()[1] < right
    qtbot.waitUntil(lambda: first.width() < wide - right // 4 and fits() and _pages_drawn_sharp(dlg), timeout=10000)


def test_issuing_renders_on_a_worker_and_a_closed_dialog_issues_nothing(qtbot, demo_service, monkeypatch) -> None:
    """The issued PDF of a big plan and the backup of a year's documents take seconds: they run on a
    worker; closing the dialog before they end leaves no issued report."""
    import threading

    release, threads = threading.Event(), []
    real = demo_service.render_issue

    def held(job, progress=None):  # noqa: ANN001, ANN202 - rendered and backed up, then held
        ready = real(job, progress)
        threads.append(threading.get_ident())
        assert release.wait(20)
        return ready

    monkeypatch.setattr(demo_service, "render_issue", held)
    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    dlg.period.setCurrentIndex(dlg.period.findData("2026-Q3"))
    _wait_preview(qtbot, dlg)
    dlg.number.setText("08")
    task = dlg.issue_now()
    qtbot.waitUntil(lambda: bool(threads), timeout=10000)
    assert threads[0] != threading.get_ident()
    dlg.reject()  # Esc before the report is frozen
    release.set()
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    assert not any(r.issued for r in demo_service.reports())


def test_the_issue_progress_dialogs_cancel_button_issues_nothing(qtbot, demo_service, monkeypatch) -> None:
    """Issuing shows its progress; Cancel issues nothing, whether the worker notices it (the backup
    reports progress) or its result arrives after the click."""
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    real = demo_service.render_issue
    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    dlg.period.setCurrentIndex(dlg.period.findData("2026-Q3"))
    _wait_preview(qtbot, dlg)
    dlg.number.setText("08")
    for before_rendering in (True, False):
        release = threading.Event()

        def held(job, progress=None, first=before_rendering, release=release):  # noqa: ANN001, ANN202
            if first:  # held before: the rendering sees the Cancel
                assert release.wait(20)
                return real(job, progress)
            ready = real(job, progress)  # held after: the finished result comes after the Cancel
            assert release.wait(20)
            return ready

        monkeypatch.setattr(demo_service, "render_issue", held)
        task = dlg.issue_now()

        def shown() -> QProgressDialog | None:
            return next((d for d in dlg.findChildren(QProgressDialog)
                         if d.isVisible() and d.windowTitle() == "Issuing the report…"), None)

        qtbot.waitUntil(lambda: shown() is not None, timeout=10000)
        next(b for b in shown().findChildren(QPushButton) if b.text() == "Cancel").click()
        release.set()
        qtbot.waitUntil(lambda job=task: not job.running, timeout=30000)
        assert not any(r.issued for r in demo_service.reports())
        assert dlg.issued_id is None and dlg.frozen is None and dlg.issue_btn.isEnabled()
        assert dlg.preview_status.text() == "Issuing cancelled: nothing was issued."
    monkeypatch.setattr(demo_service, "render_issue", real)
    task = dlg.issue_now()  # and issuing again, uncancelled, works
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    assert [r.period for r in demo_service.reports() if r.issued] == ["2026-Q3"]


def test_the_preview_builds_the_report_on_a_worker(qtbot, demo_service, monkeypatch) -> None:
    """A 2,000-task plan's report content takes ~0.1 s to build (more while another worker computes):
    the preview reads the data on the window's thread and builds, renders and draws it on a worker,
    then shows its warnings."""
    import threading

    import kstthc_desktop.reports.content as content_module

    threads: list[int] = []
    real = content_module.build_period_report

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    dlg = ReportDialog(demo_service, TODAY)
    qtbot.addWidget(dlg)
    _wait_preview(qtbot, dlg)
    monkeypatch.setattr(content_module, "build_period_report", spy)
    dlg.period.setCurrentIndex(dlg.period.findData("2026-Q3"))
    threads.clear()  # (changing the period reads its drafts here: that build is the window's own)
    dlg.warn_label.setText("")  # (and shows its warnings at once: they come again with the pages)
    dlg.refresh_preview()
    qtbot.waitUntil(lambda: not dlg._job.running, timeout=30000)
    assert threads and all(t != threading.get_ident() for t in threads)
    assert dlg.content.period_code == "2026-Q3"  # the content shown is the one the worker built
    assert not dlg.warn_label.isHidden() and "Biểu 06a" in dlg.warn_label.text()  # the warnings came with it
