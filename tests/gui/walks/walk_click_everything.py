"""Click everything: every menu, toolbar and context-menu action and every button of every tab,
on the sample data, with each dialog accepted through its OK button, cancelled, answered with
Enter and with Escape. Runs in a child process (tests/gui/test_walks.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMenu,
    QProgressDialog,
    QPushButton,
    QToolButton,
    QWidget,
)

from tests.gui.uiclasses import qt_names, ui_classes

from .harness import FILLERS, MODES, ModalDriver, Walk, click, wait_until

SKIP_LAST = ("act_quit", "act_restore")  # they close the window: exercised at the end


def _idle(window) -> None:  # noqa: ANN001
    """No dialog waiting for the officer (modal or not), no job running."""
    QApplication.processEvents()
    wait_until(lambda: ModalDriver.waiting() is None and not any(
        isinstance(w, QDialog) and w.isVisible() and not isinstance(w, QProgressDialog)
        for w in QApplication.topLevelWidgets()) and not any(j.running for j in window._jobs),
        what="the window to be idle")
    QApplication.processEvents()


def _select_busy_task(window) -> None:  # noqa: ANN001
    """A task of the sample plan with progress and evidence, so every task action and button is
    enabled (an import during the walk makes its plan current: the chooser goes back)."""
    sample = next((p for p in window.service.plans() if p.sample), None)
    if sample is not None and window.plan().id != sample.id:
        window.plan_box.setCurrentIndex(window.plan_box.findData(sample.id))
        window.plan_box.activated.emit(window.plan_box.currentIndex())
        assert window.plan().id == sample.id
    views = window.service.task_views(window.plan().id, window.today)
    pick = next((v for v in views if v.evidence_count and v.percent), None) or views[0]
    window.tabs.setCurrentWidget(window.table)
    window.select_task(pick.task.id)
    lists = (window.detail.progress_list, window.detail.evidence_list)
    for lst in lists:
        if lst.count():
            lst.setCurrentRow(0)


def exercise(window, walk: Walk, label: str, trigger: Callable[[], None], before=None) -> list[str]:  # noqa: ANN001
    """Trigger once per answer mode while it opens a dialog; a trigger that opens none runs once."""
    opened: list[str] = []
    for mode in MODES:
        if before is not None:
            before()
        walk.mode = mode
        start = len(walk.seen)
        trigger()
        _idle(window)
        assert not walk.errors, f"{label} ({mode}): " + "\n".join(walk.errors)
        opened = walk.seen[start:]
        if not opened:
            break
    return opened


def _actions(window) -> list[tuple[str, QAction]]:  # noqa: ANN001
    """Every action of the menu bar (menus opened as the officer opens them), by name."""
    out = []
    names = {id(v): k for k, v in vars(window).items() if isinstance(v, QAction)}
    for top in window.menuBar().actions():
        menu: QMenu = top.menu()
        menu.aboutToShow.emit()
        for a in menu.actions():
            if a.isSeparator() or a.menu() is not None:
                continue
            out.append((names.get(id(a), a.text()), a))
    return out


def _trigger(window, action: QAction) -> Callable[[], None]:  # noqa: ANN001
    """The toolbar's own button when the action has one (a real click), else the menu entry."""
    def run() -> None:
        button = window.toolbar.widgetForAction(action)
        if button is not None and button.isVisible():
            click(button)
        else:
            action.trigger()
    return run


def _click_if_there(page: QWidget, text: str) -> None:
    """Click the visible button reading ``text``; a button that went away once used (the overdue
    line's 'Ghi nguyên nhân…' after the cause is written) is not there to click again."""
    found = [b for b in page.findChildren(QAbstractButton) if b.text() == text and b.isVisible()]
    if found:
        click(found[0])


def test_every_dialog_of_the_program_has_a_filler() -> None:
    dialogs = {c.__name__ for c in ui_classes() if issubclass(c, QDialog)}
    assert len(dialogs) >= 8
    missing = sorted(dialogs - FILLERS.keys())
    assert not missing, f"register a filler in tests/gui/walks/harness.py for: {missing}"


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise(), keyboard grabs: headless platform
def test_click_every_action_and_button(qtbot, walk: Walk, driver, tmp_path: Path, today) -> None:  # noqa: ANN001
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo
    from kstthc_desktop.ui import windows

    svc = OfficeService.open(create_demo(tmp_path / "du-lieu-mau.kstthc", today=today))
    walk.backup_file = svc.backup(reason="thu-cong")
    window = windows.show_main_window(svc, today=today)
    qtbot.addWidget(window)
    windows.forget(window)
    qtbot.waitExposed(window)

    done: set[str] = set()
    for name, action in _actions(window):
        if name in SKIP_LAST or id(action) in done:
            continue
        done.add(id(action))
        _select_busy_task(window)
        if not action.isEnabled():
            continue
        exercise(window, walk, f"menu '{action.text()}'", _trigger(window, action), before=lambda: _select_busy_task(window))

    # the table's context menus, opened the way a right-click opens them
    menus: list[QMenu] = []
    window.table.popup = lambda menu, _where: menus.append(menu)
    _select_busy_task(window)
    idx = window.table.tree.currentIndex()
    window.table.tree.customContextMenuRequested.emit(window.table.tree.visualRect(idx).center())
    window.table.tree.header().customContextMenuRequested.emit(window.table.tree.header().rect().center())
    assert len(menus) == 2
    for a in [a for a in menus[0].actions() if not a.isSeparator() and a.isEnabled()]:
        if id(a) not in done:  # the row menu reuses the window's actions
            exercise(window, walk, f"row menu '{a.text()}'", a.trigger, before=lambda: _select_busy_task(window))
    for a in menus[1].actions():
        if a.isEnabled():
            a.trigger()
            a.trigger()  # hide the column, show it again
    assert all(not window.table.tree.isColumnHidden(c) for c in range(window.table.model.columnCount())
               if menus[1].actions()[c].isChecked())

    # every button of every tab and of the detail panel
    pages: list[QWidget] = []
    for i in range(window.tabs.count()):  # a tab's view is made when it is first opened: open each
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        pages.append(window.tabs.widget(i))
    pages.append(window.detail)
    for page in pages:
        if page is not window.detail:
            window.tabs.setCurrentWidget(page)
            QApplication.processEvents()
        names = [b.text() for b in page.findChildren(QAbstractButton)
                 if isinstance(b, (QPushButton, QToolButton)) and b.isVisible()]
        for text in names:
            _select_busy_task(window) if page is window.detail else None
            if page is not window.detail:
                window.tabs.setCurrentWidget(page)
            found = [b for b in page.findChildren(QAbstractButton) if b.text() == text and b.isVisible()]
            if not found or not found[0].isEnabled():
                continue
            exercise(window, walk, f"button '{text}' in {page.objectName() or type(page).__name__}",
                     lambda t=text, p=page: _click_if_there(p, t),
                     before=(lambda: _select_busy_task(window)) if page is window.detail else None)

    program_dialogs = {c.__name__ for c in ui_classes() if issubclass(c, QDialog)}
    assert program_dialogs <= set(walk.seen), f"never opened: {sorted(program_dialogs - set(walk.seen))}"
    assert {"QMessageBox", "QPrintDialog"} <= set(walk.seen)
    assert walk.saved and all(p.exists() for p in walk.saved), "an export promised a file and wrote none"

    # no live object of the program hides a Qt method with an attribute (what the AST check reads)
    for w in QApplication.allWidgets():
        if type(w).__module__.startswith("kstthc_desktop"):
            bad = {n for n, v in vars(w).items() if n in qt_names(type(w)) and type(v).__name__ != "SignalInstance"}
            assert not bad, f"{type(w).__name__} hides {sorted(bad)}"

    # last: restore a backup (a fresh window replaces this one), then quit through the menu
    walk.mode = "accept"
    window.act_restore.trigger()
    _idle(window)
    wait_until(lambda: not window.isVisible(), what="the restored file's new window")  # copied on a worker
    assert not walk.errors, "\n".join(walk.errors)
    new = windows.open_windows()[-1]
    qtbot.addWidget(new)
    windows.forget(new)
    assert new.isVisible() and new.table.model.task_count() == 47
    new.act_quit.trigger()
    assert not new.isVisible()
    new.service.close()
    assert QCoreApplication.translate("MainWindow", "&Quit") != "&Quit"  # the walk ran in Vietnamese
