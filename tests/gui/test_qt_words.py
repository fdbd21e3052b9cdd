"""No mixed languages: Qt's own words (OK, Cancel, Yes, the file dialog) appear in Vietnamese.

Qt ships no Vietnamese translation of qtbase, so the project carries ``i18n/qtbase_vi.ts``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeView,
    QWidget,
)

from kstthc_desktop import i18n_tools
from kstthc_desktop.i18n import install_translators, reset_translators
from kstthc_desktop.resources import i18n_dir

QT_TS = i18n_dir() / "qtbase_vi.ts"


@pytest.fixture
def vietnamese(qapp):
    install_translators(qapp, "vi")
    yield
    reset_translators(qapp)


def english_words() -> set[str]:
    """Qt's source strings whose Vietnamese differs (so seeing one means it was not translated)."""
    return {src.replace("&", "") for (_, src), tr in i18n_tools.translations(QT_TS).items()
            if tr.replace("&", "") != src.replace("&", "")}


def visible_texts(root: QWidget) -> list[str]:
    out = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QAbstractButton):
            out += [w.text(), w.toolTip()]
        elif isinstance(w, QLabel):
            out.append(w.text())
        if isinstance(w, QTreeView) and w.model() is not None:
            m = w.model()
            out += [str(m.headerData(c, Qt.Orientation.Horizontal))
                    for c in range(m.columnCount())]
    return [t.replace("&", "").strip() for t in out if t and t.strip()]


def test_qt_translation_is_complete_and_compiled(tmp_path: Path) -> None:
    assert not i18n_tools.unfinished(QT_TS)
    qm = tmp_path / "qt.qm"
    i18n_tools.lrelease(QT_TS, qm)
    assert qm.read_bytes() == (i18n_dir() / "qtbase_vi.qm").read_bytes()


def test_message_box_buttons_speak_vietnamese(vietnamese) -> None:
    S = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "Khôi phục", "Thay dữ liệu bằng bản sao lưu?",
                      S.Yes | S.No | S.Ok | S.Cancel | S.Close | S.Save | S.Open | S.Discard | S.Apply | S.Help | S.Retry)
    box.setDetailedText("chi tiết")
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert {"Có", "Không", "Đồng ý", "Hủy", "Đóng", "Lưu", "Mở", "Không lưu", "Áp dụng", "Trợ giúp", "Thử lại",
            "Xem chi tiết..."} <= texts
    assert not texts & english_words(), texts & english_words()


def test_dialog_button_box_speaks_vietnamese(vietnamese) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in box.buttons()] in (["Đồng ý", "Hủy"], ["Hủy", "Đồng ý"])


def test_qt_file_dialog_has_no_english_word(vietnamese, qtbot, tmp_path: Path) -> None:
    (tmp_path / "ke-hoach.xlsx").write_bytes(b"x")
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dlg = QFileDialog(None, "Chọn tệp", str(tmp_path), "Excel (*.xlsx);;Mọi tệp (*)")
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dlg.setAcceptMode(mode)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        texts = visible_texts(dlg)
        assert texts, "nothing read from the dialog"
        left = sorted(set(texts) & english_words())
        assert not left, f"English left in the file dialog: {left}"
        assert any(t in ("Mở", "Lưu") for t in texts)
        dlg.reject()


def test_english_words_are_seen_when_no_translation_is_installed(qtbot, tmp_path: Path) -> None:
    """The check above can fail: without our translator the same dialog shows English words."""
    dlg = QFileDialog(None, "x", str(tmp_path))
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert set(visible_texts(dlg)) & english_words()
    dlg.reject()
