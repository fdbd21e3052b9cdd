"""Evidence in the window: drop files on the detail panel, see them in the register, undo removal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kstthc_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY


@pytest.fixture
def window(qtbot, demo_service):
    w = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    return w


def _enter_event(mime: QMimeData) -> QDragEnterEvent:
    """Qt 6.11 takes a QPoint here (6.12 moved to QPointF); build whichever this Qt has."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(QPoint(10, 10), *args)
    except TypeError:
        return QDragEnterEvent(QPointF(10, 10), *args)


def _drop(widget, paths: list[Path]) -> QDropEvent:  # noqa: ANN001
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = _enter_event(mime)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_drop_files_on_detail_panel_attaches_them_in_background(window: MainWindow, qtbot, tmp_path: Path) -> None:
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.1")
    window.select_task(tid)
    a = tmp_path / "Ảnh niêm yết TTHC.jpg"
    b = tmp_path / "Danh mục TTHC.xlsx"
    a.write_bytes(b"\xff\xd8" + bytes(range(256)) * 100)
    b.write_bytes(b"PK" + bytes(1000))
    _drop(window.detail, [a, b])
    qtbot.waitUntil(lambda: len(window.service.evidence(task_id=tid)) == 2, timeout=10000)
    qtbot.waitUntil(lambda: window.detail.evidence_list.count() == 2, timeout=5000)
    names = {window.detail.evidence_list.item(i).text() for i in range(window.detail.evidence_list.count())}
    assert any("Ảnh niêm yết TTHC.jpg" in n for n in names)
    # the register follows the same data_changed signal (it refreshes when its tab is shown)
    window.tabs.setCurrentWidget(window.evidence_view)
    assert window.evidence_view.model.rowCount() == 3  # 2 dropped + 1 in the demo data
    assert window.service.check() == ""
    # undo removes the last attachment only
    window.act_undo.trigger()
    assert len(window.service.evidence(task_id=tid)) == 1


def test_drop_is_refused_without_a_selected_task(window: MainWindow, tmp_path: Path) -> None:
    window.detail.show_task(None)
    f = tmp_path / "x.pdf"
    f.write_bytes(b"%PDF")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    enter = _enter_event(mime)
    enter.ignore()
    QApplication.sendEvent(window.detail, enter)
    assert not enter.isAccepted()


def test_remove_evidence_from_panel_and_undo(window: MainWindow, qtbot) -> None:
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "1.3")
    window.select_task(tid)
    assert window.detail.evidence_list.count() == 1
    window.detail.evidence_list.setCurrentRow(0)
    window.tabs.setCurrentWidget(window.evidence_view)  # visible: refreshed at once
    window.detail.remove_evidence()
    assert window.detail.evidence_list.count() == 0
    assert window.evidence_view.model.rowCount() == 0
    window.act_undo.trigger()
    assert window.detail.evidence_list.count() == 1


def test_open_on_the_detail_panel_hands_the_stored_file_to_the_desktop(window: MainWindow, qtbot, monkeypatch,  # noqa: ANN001
                                                                        tmp_path: Path) -> None:
    """"Open" extracts the stored evidence and asks the desktop to open that file (QUrl and
    QDesktopServices are imported only then, not at start-up)."""
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "1.3")
    window.select_task(tid)
    window.detail.evidence_list.setCurrentRow(0)
    qtbot.mouseClick(window.detail.open_btn, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    copy = window.service.save_evidence_copy(window.service.evidence(task_id=tid)[0].id, tmp_path / "copy")
    assert Path(opened[0]).name == window.service.evidence(task_id=tid)[0].name
    assert Path(opened[0]).read_bytes() == copy.read_bytes() and copy.stat().st_size > 0


def test_register_filter_and_done_without_evidence_flag(window: MainWindow) -> None:
    reg = window.evidence_view
    assert reg.proxy.rowCount() == 1
    reg.search.setText("bao cao ra soat")
    assert reg.proxy.rowCount() == 1
    reg.search.setText("khong co gi")
    assert reg.proxy.rowCount() == 0
    assert "2.4" in reg.missing.text()  # done in the demo, no file attached


def test_evidence_details_and_occurrence_link(window: MainWindow, qtbot, tmp_path: Path) -> None:
    from datetime import date

    from kstthc_desktop.ui.dialogs.evidence_info import EvidenceInfoDialog

    task = next(t for t in window.service.tasks(window.plan().id) if t.number == "2.5")  # quarterly report
    f = tmp_path / "bao-cao-quy-2.pdf"
    f.write_bytes(b"%PDF-1.4 q2")
    eid, _ = window.service.add_evidence(task.id, f)
    ev = next(e for e in window.service.evidence(task_id=task.id) if e.id == eid)
    dlg = EvidenceInfoDialog(ev, None, task)
    qtbot.addWidget(dlg)
    assert dlg.occurrence.count() == 5  # whole task + 4 quarters
    dlg.number.setText("45/BC-UBND")
    dlg.has_date.setChecked(True)
    from PySide6.QtCore import QDate

    dlg.doc_date.setDate(QDate(2026, 6, 12))
    dlg.occurrence.setCurrentIndex(2)  # the second quarter
    edited = dlg.evidence()
    window.apply_changes(window.service.update_evidence(edited))  # as the detail panel does
    stored = next(e for e in window.service.evidence(task_id=task.id) if e.id == eid)
    assert (stored.doc_number, stored.doc_date, stored.occurrence) == ("45/BC-UBND", date(2026, 6, 12), 1)
    window.act_undo.trigger()
    stored = next(e for e in window.service.evidence(task_id=task.id) if e.id == eid)
    assert stored.doc_number == "" and stored.occurrence is None


def test_cancel_while_files_are_attached_attaches_none(window: MainWindow, qtbot, tmp_path: Path,
                                                       monkeypatch) -> None:
    """A big scan streams in on a worker behind a progress dialog: its Cancel attaches nothing, even
    when the file's storing ends after the click."""
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    tid = next(t.id for t in window.service.tasks(window.plan().id) if t.number == "2.1")
    window.select_task(tid)
    before = len(window.service.evidence(task_id=tid))
    scan = tmp_path / "Biên bản kiểm tra.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 400)
    release = threading.Event()
    real = window.service.stage_evidence

    def slow(path, progress=None):  # noqa: ANN001, ANN202 - stored, then the commit takes its time
        staged = real(path, progress)
        assert release.wait(20)
        return staged

    monkeypatch.setattr(window.service, "stage_evidence", slow)
    _drop(window.detail, [scan])

    def shown() -> QProgressDialog | None:
        return next((d for d in window.findChildren(QProgressDialog)
                     if d.isVisible() and d.windowTitle() == "Attaching files…"), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=10000)
    next(b for b in shown().findChildren(QPushButton) if b.text() == "Cancel").click()
    release.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Cancelled.", timeout=10000)
    assert not any(j.running for j in window._jobs)
    assert len(window.service.evidence(task_id=tid)) == before
    assert window.detail.evidence_list.count() == before
