"""Menus an officer can drive from the keyboard, in Vietnamese: Alt-letters unique in each menu,
the weekly actions in the menu with shortcuts, a toolbar that keeps its width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from kstthc_desktop.core.model import ProgressEntry
from kstthc_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, qapp, demo_service):
    from kstthc_desktop.i18n import install_translators, reset_translators

    install_translators(qapp, "vi")
    w = MainWindow(demo_service, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    yield w
    reset_translators(qapp)


def mnemonic(text: str) -> str | None:
    """The Alt-letter of a menu text ("&Tệp" → "t"); "&&" is a plain ampersand."""
    m = re.search(r"(?<!&)&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def clashes(texts: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    bad = []
    for t in texts:
        key = mnemonic(t)
        if key is None:
            continue
        if not key.isascii() or not key.isalnum():
            bad.append(f"{t!r}: Alt+{key} cannot be typed on every keyboard")
        elif key in seen:
            bad.append(f"{t!r} and {seen[key]!r} share Alt+{key.upper()}")
        seen.setdefault(key, t)
    return bad


def test_alt_letters_are_unique_in_the_menu_bar_and_in_each_menu(window: MainWindow) -> None:
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar[0] == "&Tệp"  # the Vietnamese menus are checked, not the English source
    problems = clashes(bar)
    for top in window.menuBar().actions():
        menu: QMenu = top.menu()
        menu.aboutToShow.emit()
        problems += clashes([a.text() for a in menu.actions() if not a.isSeparator()])
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_clash() -> None:
    assert clashes(["&Thêm nhiệm vụ", "&Tìm"]) == ["'&Tìm' and '&Thêm nhiệm vụ' share Alt+T"]
    assert clashes(["Báo cáo &định kỳ"]) and not clashes(["A && B", "&Sửa"])


def test_record_progress_and_attach_are_in_the_task_menu_with_shortcuts(window: MainWindow) -> None:
    task_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Nhiệm vụ")
    texts = {a.text(): a for a in task_menu.actions()}
    assert texts["&Ghi tiến độ…"].shortcut().toString() == "Ctrl+G"
    assert texts["Đính &kèm tệp…"].shortcut().toString() == "Ctrl+T"
    assert texts["Đánh dấu &hoàn thành"].shortcut().toString() == "Ctrl+Shift+G"


def test_toolbar_keeps_its_width_when_the_undo_label_grows(window: MainWindow) -> None:
    undo = window.toolbar.widgetForAction(window.act_undo)
    width, bar = undo.sizeHint().width(), window.toolbar.sizeHint().width()
    tid = window.service.tasks(window.plan().id)[5].id
    entry = ProgressEntry(task_id=tid, on=TODAY, percent=40, note="Đã họp")
    window.apply_changes(window.service.add_progress(entry)[1])
    assert window.act_undo.text().startswith("&Hoàn tác: Cập nhật tiến độ ")  # the menu says what
    assert undo.text() == "Hoàn tác" and "Cập nhật tiến độ" in undo.toolTip()
    assert undo.sizeHint().width() == width and window.toolbar.sizeHint().width() == bar


def test_file_dialogs_are_asked_in_one_place() -> None:
    """Native file dialogs cannot be driven by the walks: only ui/files.py may open them."""
    users = [p.relative_to(ROOT).as_posix() for p in (ROOT / "kstthc_desktop").rglob("*.py")
             if "QFileDialog" in p.read_text(encoding="utf-8") and p.name != "files.py"]
    assert not users, f"ask through kstthc_desktop/ui/files.py instead: {users}"
