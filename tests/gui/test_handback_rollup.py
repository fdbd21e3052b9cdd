"""Hand-back and roll-up end to end through real widgets: menu action → window → buttons → file."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from kstthc_desktop.ui import files
from kstthc_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.unit.reports import rollup_data
from tests.unit.services.handback_data import imported_office, record_results


def _menu_action(window: MainWindow, menu_title: str, text: str):  # noqa: ANN202
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"{menu_title} → {text} not found")


def _button(widget: QWidget, text: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, [b.text() for b in widget.findChildren(QPushButton)]
    return found[0]


def _click(qtbot, widget: QWidget, text: str) -> None:  # noqa: ANN001
    button = _button(widget, text)
    assert button.isEnabled() and button.isVisible(), text
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def office_window(qtbot, tmp_path: Path):
    svc, source = imported_office(tmp_path)
    record_results(svc)
    w = MainWindow(svc, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    yield w, source
    w.close()
    svc.close()


def test_handback_from_the_report_menu_writes_the_copy(qtbot, office_window, tmp_path: Path) -> None:
    window, source = office_window
    before = source.read_bytes()
    _menu_action(window, "Report", "Fill results into the superior's file…").trigger()
    dlg = window.handback_dialog
    qtbot.waitExposed(dlg)
    assert dlg.plan.count() == 1 and "ke-hoach-tinh-2021.xlsx" in dlg.plan.currentText()
    assert dlg.target.text().endswith(".xlsx")
    out = tmp_path / "ket-qua.xlsx"
    dlg.target.clear()
    qtbot.keyClicks(dlg.target, str(out))
    _click(qtbot, dlg, "Write the copy")
    qtbot.waitUntil(lambda: dlg.summary is not None, timeout=20000)
    assert "30" in dlg.status.text() and str(out) in dlg.status.text()
    ws = openpyxl.load_workbook(out)["Kế hoạch"]
    assert ws.cell(12, 1).value == "1.1" and ws.cell(12, 7).value in ("Hoàn thành đúng hạn",)
    assert source.read_bytes() == before
    assert _button(dlg, "Open the copy").isEnabled()
    dlg.grab().save(str(tmp_path / "handback.png"))
    _click(qtbot, dlg, "Close")
    assert not dlg.isVisible()


def test_handback_to_the_source_itself_is_refused_with_a_message(qtbot, office_window, monkeypatch) -> None:
    window, source = office_window
    shown = []
    monkeypatch.setattr("kstthc_desktop.ui.dialogs.handback_dialog.show_error", lambda parent, exc: shown.append(exc))
    _menu_action(window, "Report", "Fill results into the superior's file…").trigger()
    dlg = window.handback_dialog
    dlg.target.setText(str(source))
    _click(qtbot, dlg, "Write the copy")
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "tệp gốc" in shown[0].message
    assert _button(dlg, "Write the copy").isEnabled()


def test_rollup_window_reads_a_folder_and_saves_both_outputs(qtbot, office_window, tmp_path: Path,
                                                             monkeypatch) -> None:
    window, _ = office_window
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    offices = rollup_data.generate(folder, 12)
    (folder / "rac.pdf").write_bytes(b"%PDF-1.4 nothing")
    shutil.copy(folder / "bao-cao-004.pdf", folder / "ban-sao.pdf")
    _menu_action(window, "Report", "Roll up reports of many offices…").trigger()
    dlg = window.rollup_dialog
    qtbot.waitExposed(dlg)
    dlg.folder.clear()
    qtbot.keyClicks(dlg.folder, str(folder))
    listing = tmp_path / "ds.txt"
    listing.write_text("Xã Thử Nghiệm 003\nXã Chưa Gửi\n", encoding="utf-8")
    qtbot.keyClicks(dlg.expected, str(listing))
    assert not _button(dlg, "Save as Excel…").isEnabled()
    _click(qtbot, dlg, "Roll up")
    qtbot.waitUntil(lambda: dlg.rollup is not None, timeout=20000)
    assert dlg.table.rowCount() == 12 + 1
    total = sum(sum(o.counts.values()) for o in offices)
    last = dlg.table.rowCount() - 1
    assert dlg.table.item(last, 0).text() == "Total" and dlg.table.item(last, 7).text() == str(total)
    assert dlg.problems.rowCount() == 3  # the junk PDF, the copy, the office that sent nothing
    reasons = " ".join(dlg.problems.item(r, 1).text() for r in range(3))
    assert "Trùng lặp" in reasons and "hỏng" in reasons and "Has not sent a report" in reasons
    assert "12 report(s) rolled up" in dlg.totals.text()
    dlg.grab().save(str(tmp_path / "rollup.png"))

    for kind, button in (("xlsx", "Save as Excel…"), ("pdf", "Save the summary report (PDF)…")):
        target = tmp_path / f"tong-hop.{kind}"
        monkeypatch.setattr(files, "ask_save", lambda *a, t=target, **k: str(t))
        _click(qtbot, dlg, button)
        qtbot.waitUntil(lambda t=target: t.is_file() and "Saved" in dlg.saved.text(), timeout=30000)
    ws = openpyxl.load_workbook(tmp_path / "tong-hop.xlsx")["Tổng hợp"]
    assert ws.cell(4 + 12, 2).value == "Tổng cộng" and ws.cell(4 + 12, 10).value == total
    assert (tmp_path / "tong-hop.pdf").read_bytes().startswith(b"%PDF")
    _click(qtbot, dlg, "Close")
    assert not dlg.isVisible()


def test_rollup_of_a_missing_folder_says_so(qtbot, office_window, tmp_path: Path, monkeypatch) -> None:
    window, _ = office_window
    shown = []
    monkeypatch.setattr("kstthc_desktop.ui.dialogs.rollup_dialog.show_error", lambda parent, exc: shown.append(exc))
    _menu_action(window, "Report", "Roll up reports of many offices…").trigger()
    dlg = window.rollup_dialog
    dlg.folder.setText(str(tmp_path / "khong-co"))
    _click(qtbot, dlg, "Roll up")
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "Không tìm thấy thư mục" in shown[0].message
    assert dlg.run_btn.isEnabled() and dlg.rollup is None


def test_both_windows_fit_a_small_screen(qtbot, office_window) -> None:
    window, _ = office_window
    for action in ("Fill results into the superior's file…", "Roll up reports of many offices…"):
        _menu_action(window, "Report", action).trigger()
    for dlg in (window.handback_dialog, window.rollup_dialog):
        hint = dlg.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 650, (type(dlg).__name__, hint)
