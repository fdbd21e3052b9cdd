"""Driving the real window the way an officer does: find a button by its text, click it, type.

Used by the walks in this folder, which run in a child process (see ``tests/gui/test_walks.py``) so
that a crash of Qt fails one test instead of killing the test run.

``ModalDriver`` answers every modal dialog the program opens, through that dialog's own buttons or
keys, in the current ``mode``: ``accept`` (fill in valid data, click OK), ``cancel`` (click Cancel),
``enter`` (fill in, press Enter) or ``escape``. What to type into a dialog is its *filler*,
registered here per dialog class; a dialog class of the program without a filler fails the walk,
so a dialog added later cannot escape it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTabBar,
    QWidget,
)

MODES = ("accept", "cancel", "enter", "escape")
ENGLISH_STANDARD = {"OK", "Cancel", "Yes", "No", "Close", "Save", "Open", "Apply", "Discard", "Help", "Reset",
                    "Retry", "Ignore", "Abort", "Show Details...", "Print", "Options >>"}


def plain(text: str) -> str:
    """A button text as read on screen: no mnemonic '&', no trailing '…'/'...'."""
    return text.replace("&", "").strip().rstrip("…").rstrip(".").strip()


def buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisible()]


def button(root: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text reads ``text`` (as the officer sees it)."""
    found = [b for b in buttons(root) if plain(b.text()) == plain(text)]
    assert found, f"no button {text!r} in {type(root).__name__}; visible: {[b.text() for b in buttons(root)]}"
    return found[0]


def click(widget: QWidget) -> None:
    """A real mouse click in the middle of the widget."""
    assert widget.isVisible() and widget.isEnabled(), f"{widget.text() if hasattr(widget, 'text') else widget} " \
                                                      "is hidden or disabled"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center())


def type_into(widget: QWidget, text: str) -> None:
    """Select what is there and type ``text`` key by key."""
    widget.setFocus()
    if isinstance(widget, (QPlainTextEdit, QLineEdit)):
        widget.selectAll()
    for i, line in enumerate(text.split("\n")):  # a new line is the Return key
        if i:
            QTest.keyClick(widget, Qt.Key.Key_Return)
        keys(widget, line)


def keys(widget: QWidget, text: str) -> None:
    """Key presses carrying each character, as a Vietnamese keyboard (Unikey, Telex) delivers them:
    QTest only knows ASCII keys, so the others go as key events with their text."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def set_date(edit, day) -> None:  # noqa: ANN001 - QDateEdit, date
    """Type a date into a QDateEdit the way the officer does: click on the day, type the digits."""
    line = edit.findChild(QLineEdit)
    edit.setFocus()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(6, line.height() // 2))  # on the day
    edit.setSelectedSection(edit.sectionAt(0))
    QTest.keyClicks(edit, day.strftime("%d%m%Y"))  # the field moves on to the month, the year by itself
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.date() == QDate(day.year, day.month, day.day), f"typed {day} but the field shows {edit.date()}"


def click_tab(root: QWidget, text: str) -> None:
    """Click the tab whose title reads ``text``."""
    for bar in root.findChildren(QTabBar):
        for i in range(bar.count()):
            if plain(bar.tabText(i)) == plain(text):
                QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(i).center())
                return
    raise AssertionError(f"no tab {text!r}")


def choose(combo: QComboBox, data: object) -> None:
    """Pick the entry that carries ``data`` with the arrow keys, as a keyboard user does (the list
    reacts at once, like a mouse choice: the combo says "activated")."""
    index = combo.findData(data)
    assert index >= 0, f"no entry {data!r} in the list"
    combo.setFocus()
    key = Qt.Key.Key_Down if index > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(index - combo.currentIndex())):
        QTest.keyClick(combo, key)
    assert combo.currentIndex() == index, f"chose {data!r}, the list shows {combo.currentText()!r}"


def wait_until(condition: Callable[[], bool], timeout: float = 15.0, what: str = "") -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what or condition}")
        QApplication.processEvents()
        time.sleep(0.01)


def role_button(dlg: QWidget, *roles: QDialogButtonBox.ButtonRole) -> QAbstractButton | None:
    if isinstance(dlg, QMessageBox):
        return next((b for b in dlg.buttons() if dlg.buttonRole(b) in roles), None)
    for box in dlg.findChildren(QDialogButtonBox):
        for b in box.buttons():
            if box.buttonRole(b) in roles and b.isVisible():
                return b
    return None


ACCEPT_WORDS = ("Đồng ý", "Có")
REJECT_WORDS = ("Hủy", "Đóng", "Không")


def _by_words(dlg: QWidget, words: tuple[str, ...]) -> QAbstractButton | None:
    return next((b for b in buttons(dlg) if plain(b.text()) in words), None)


def accept_button(dlg: QWidget) -> QAbstractButton:
    R = QDialogButtonBox.ButtonRole
    b = role_button(dlg, R.AcceptRole, R.YesRole) or _by_words(dlg, ACCEPT_WORDS)
    assert b is not None, f"{type(dlg).__name__} has no OK/Yes button"
    return b


def reject_button(dlg: QWidget) -> QAbstractButton:
    R = QDialogButtonBox.ButtonRole
    b = role_button(dlg, R.RejectRole, R.NoRole) or _by_words(dlg, REJECT_WORDS)
    assert b is not None, f"{type(dlg).__name__} has no Cancel/No button"
    return b


def enter_widget(dlg: QWidget) -> QWidget:
    """Where an officer presses Enter: the first one-line field (text, date, number)."""
    for w in dlg.findChildren(QWidget):
        if isinstance(w, (QLineEdit, QAbstractSpinBox)) and w.isVisible() and w.isEnabled() \
                and not (isinstance(w, QLineEdit) and (w.isReadOnly() or isinstance(w.parent(), QAbstractSpinBox))):
            return w
    return dlg


def finish(dlg: QWidget, mode: str) -> None:
    """Close the dialog the way ``mode`` says: its OK / Cancel button, or the Enter / Escape key."""
    if mode == "accept":
        click(accept_button(dlg))
    elif mode == "cancel":
        click(reject_button(dlg))
    elif mode == "enter":
        target = enter_widget(dlg)
        target.setFocus()
        QTest.keyClick(target, Qt.Key.Key_Return)
    else:
        QTest.keyClick(dlg.focusWidget() or dlg, Qt.Key.Key_Escape)


# --- what the officer types into each dialog ------------------------------------------------------
Filler = Callable[[QWidget, str, "Walk"], None]
FILLERS: dict[str, Filler] = {}


def filler(*names: str) -> Callable[[Filler], Filler]:
    def register(fn: Filler) -> Filler:
        for n in names:
            FILLERS[n] = fn
        return fn
    return register


@dataclass
class Walk:
    """Everything a walk shares: prepared files, what was seen, what went wrong."""

    folder: Path
    plan_file: Path | None = None
    revised_plan_file: Path | None = None
    evidence_file: Path | None = None
    backup_file: Path | None = None
    mode: str = "accept"
    seen: list[str] = field(default_factory=list)  # dialog classes opened, in order
    messages: list[tuple[str, str]] = field(default_factory=list)  # (title, text) of message boxes
    errors: list[str] = field(default_factory=list)
    saved: list[Path] = field(default_factory=list)  # paths handed out by the save questions
    scripts: list[Callable[[QWidget], bool]] = field(default_factory=list)  # one-shot handlers first
    opened_urls: list[str] = field(default_factory=list)

    # --- the file questions (ui/files.py), answered with prepared paths -----------------------
    def ask_open(self, parent, title, start="", filters="") -> str | None:  # noqa: ANN001
        if "kstthc" in filters.lower():
            return str(self.backup_file) if self.backup_file else None
        if "xlsx" in filters.lower():
            return str(self.plan_file) if self.plan_file else None
        return str(self.evidence_file) if self.evidence_file else None

    def ask_open_many(self, parent, title, start="", filters="") -> list[str]:  # noqa: ANN001
        return [str(self.evidence_file)] if self.evidence_file else []

    def ask_save(self, parent, title, start="", filters="", suffix="") -> str | None:  # noqa: ANN001
        name = Path(start).name if start else "tep"
        if suffix and not name.lower().endswith(suffix):
            name = Path(name).stem + suffix
        out = self.folder / "ra" / f"{len(self.saved)}-{name}"
        out.parent.mkdir(parents=True, exist_ok=True)
        self.saved.append(out)
        return str(out)

    def ask_folder(self, parent, title, start="") -> str | None:  # noqa: ANN001
        out = self.folder / "ra" / f"thu-muc-{len(self.saved)}"
        out.mkdir(parents=True, exist_ok=True)
        self.saved.append(out)
        return str(out)


class ModalDriver(QObject):
    """Answers each modal dialog once, when it becomes the active modal widget."""

    def __init__(self, walk: Walk) -> None:
        super().__init__()
        self.walk = walk
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._tick)
        self._open: dict[int, tuple[QWidget, float]] = {}

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @staticmethod
    def waiting() -> QWidget | None:
        """The dialog the officer has to answer: the modal one, else a window of its own that a
        menu opened without blocking (a QDialog shown with show()); progress dialogs wait by themselves."""
        modal = QApplication.activeModalWidget()
        if modal is not None and not isinstance(modal, QProgressDialog):
            return modal
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QDialog) and not isinstance(w, QProgressDialog) and w.isVisible()
                     and not w.property("walk_answered")), None)

    def _tick(self) -> None:
        dlg = self.waiting()
        now = time.monotonic()
        for key, (w, since) in list(self._open.items()):  # answered but still open: a stuck dialog
            try:
                alive = w.isVisible()
            except RuntimeError:
                alive = False
            if not alive:
                del self._open[key]
            elif now - since > 8 and w is dlg:
                self.walk.errors.append(f"{type(w).__name__} stayed open after '{self.walk.mode}'")
                del self._open[key]
                w.reject() if isinstance(w, QDialog) else w.close()
        if dlg is None or dlg.property("walk_answered"):
            return
        dlg.setProperty("walk_answered", True)
        self._open[id(dlg)] = (dlg, now)
        name = type(dlg).__name__
        self.walk.seen.append(name)
        self._check_words(dlg)
        if self.walk.scripts:
            fill = self.walk.scripts.pop(0)
        else:
            fill = FILLERS.get(name) or next((FILLERS[c.__name__] for c in type(dlg).__mro__
                                              if c.__name__ in FILLERS), None)
        if fill is None:
            self.walk.errors.append(f"no filler for the dialog {name}: register one in tests/gui/walks/harness.py")
            dlg.reject() if isinstance(dlg, QDialog) else dlg.close()
            return
        # Run the filler from its own one-shot timer: Qt never re-enters a timer's slot, so a filler
        # that opens a nested dialog (Print… inside the report) would otherwise leave it unanswered.
        QTimer.singleShot(0, lambda: self._answer(dlg, name, fill, self.walk.mode))

    def _answer(self, dlg: QWidget, name: str, fill, mode: str) -> None:  # noqa: ANN001
        try:
            fill(dlg, mode, self.walk) if not self.walk_script(fill) else fill(dlg)
        except Exception:  # noqa: BLE001 - the walk fails with the reason; the dialog must not hang it
            import traceback

            self.walk.errors.append(f"{name} ({mode}): {traceback.format_exc()}")
            if dlg.isVisible():
                dlg.reject() if isinstance(dlg, QDialog) else dlg.close()

    @staticmethod
    def walk_script(fn) -> bool:  # noqa: ANN001
        """A one-shot script of a journey takes the dialog alone; a filler also takes mode and walk."""
        import inspect

        return len(inspect.signature(fn).parameters) == 1

    def _check_words(self, dlg: QWidget) -> None:
        """The Vietnamese UI shows no English standard button."""
        english = sorted({plain(b.text()) for b in buttons(dlg)} & {plain(w) for w in ENGLISH_STANDARD})
        if english:
            self.walk.errors.append(f"{type(dlg).__name__} shows English buttons: {english}")


# --- fillers for Qt's own dialogs ----------------------------------------------------------------
@filler("QMessageBox")
def _message(box: QMessageBox, mode: str, walk: Walk) -> None:
    walk.messages.append((box.windowTitle(), box.text()))
    if box.windowTitle() == QCoreApplication.translate("Errors", "Unexpected error"):
        walk.errors.append(f"unexpected error: {box.text()}\n{box.detailedText()}")
    R = QMessageBox.ButtonRole
    if mode in ("accept", "cancel"):
        b = role_button(box, R.AcceptRole, R.YesRole, R.DestructiveRole, R.ActionRole) if mode == "accept" \
            else role_button(box, R.RejectRole, R.NoRole)
        if b is None:  # a box with one button (information): that button
            b = box.defaultButton() or box.buttons()[0]
        click(b)
    elif mode == "enter":
        QTest.keyClick(box, Qt.Key.Key_Return)
    else:
        QTest.keyClick(box, Qt.Key.Key_Escape)
        if box.isVisible():  # a box without a Cancel button ignores Escape: answer it
            click(box.defaultButton() or box.buttons()[0])


@filler("QPrintDialog")
def _print(dlg: QDialog, mode: str, walk: Walk) -> None:
    if mode in ("accept", "enter"):
        name = dlg.findChild(QLineEdit, "filename")
        if name is not None and name.isVisible():
            target = walk.folder / "ra" / f"in-{len(walk.saved)}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            walk.saved.append(target)
            type_into(name, str(target))
        printer = dlg.findChild(QComboBox, "printers")
        assert printer is None or printer.count() > 0
    if mode == "accept":
        click(next(b for b in buttons(dlg) if isinstance(b, QPushButton) and b.isDefault()))
    else:
        finish(dlg, mode)


# --- fillers for the program's dialogs -----------------------------------------------------------
@filler("OfficeSetupDialog")
def _office(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("accept", "enter"):
        type_into(dlg.name, "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH")
        type_into(dlg.place, "An Bình")
        type_into(dlg.signer, "Người Ký Thử")  # a stand-in, no invented person
    finish(dlg, mode)


@filler("TaskEditorDialog")
def _task(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("accept", "enter"):
        if not dlg.content.toPlainText().strip():
            type_into(dlg.content, "Niêm yết công khai thủ tục hành chính mới")
        type_into(dlg.deadline, "Trước ngày 20/12/2026")
    finish(dlg, mode)


@filler("SectionDialog")
def _section(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("accept", "enter"):
        if not dlg.title.text().strip():
            type_into(dlg.number, "V")
            type_into(dlg.title, "KIỂM TRA, GIÁM SÁT")
    finish(dlg, mode)


@filler("ProgressEntryDialog")
def _progress(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("accept", "enter"):
        from datetime import timedelta

        q = dlg.on.date()
        earlier = q.toPython() - timedelta(days=7)
        set_date(dlg.on, earlier)
        dlg.percent.setFocus()
        dlg.percent.selectAll()
        QTest.keyClicks(dlg.percent, "60")
        type_into(dlg.note, "Đã họp triển khai, dự thảo văn bản")
    finish(dlg, mode)


@filler("EvidenceInfoDialog")
def _evidence(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("accept", "enter"):
        type_into(dlg.number, "15/KH-UBND")
        if not dlg.has_date.isChecked():
            click(dlg.has_date)
        type_into(dlg.summary, "Kế hoạch rà soát thủ tục hành chính năm 2026")
    finish(dlg, mode)


@filler("OverdueCauseDialog")
def _overdue_cause(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("accept", "enter"):
        type_into(dlg.cause, "Chờ hướng dẫn của Văn phòng UBND tỉnh về biểu mẫu")
    finish(dlg, mode)


@filler("SettingsDialog")
def _settings(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("accept", "enter", "cancel"):
        from datetime import date

        click_tab(dlg, QCoreApplication.translate("SettingsDialog", "Working days"))
        set_date(dlg.new_day, date(2026, 12, 26))
        kind = dlg.new_kind
        kind.setCurrentIndex(kind.findData("work"))
        type_into(dlg.new_note, "Làm bù")
        click(button(dlg, QCoreApplication.translate("SettingsDialog", "Add")))
    finish(dlg, mode)


@filler("ImportWizard")
def _wizard(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("cancel", "escape"):
        finish(dlg, mode)
        return
    click(button(dlg, QCoreApplication.translate("ImportWizard", "Browse…")))
    assert dlg.path_edit.text(), "Browse… gave no path"
    if mode == "enter":
        for page in (1, 2):
            dlg.path_edit.setFocus() if page == 1 else dlg.tree.setFocus()
            QTest.keyClick(dlg.focusWidget(), Qt.Key.Key_Return)
            wait_until(lambda p=page: dlg.pages.currentIndex() == p, what=f"wizard page {page} after Enter")
        QTest.keyClick(dlg.focusWidget() or dlg, Qt.Key.Key_Return)
        return
    click(dlg.next_btn)
    wait_until(lambda: dlg.pages.currentIndex() == 1, what="the wizard's preview")
    click(dlg.next_btn)
    assert dlg.pages.currentIndex() == 2
    click(dlg.next_btn)


@filler("ReportDialog")
def _report(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    tr = lambda s: QCoreApplication.translate("ReportDialog", s)  # noqa: E731
    wait_until(lambda: getattr(dlg, "page_count", 0) > 0, what="the report preview")
    if mode == "accept":
        code = dlg.period.itemData(max(0, dlg.period.currentIndex() - 1))  # the last period over
        choose(dlg.period, code)
        wait_until(lambda: not dlg._job or not dlg._job.running, what="the preview of the chosen period")
        for text in ("Export PDF…", "Export Word…"):
            before = len(walk.saved)
            click(button(dlg, tr(text)))
            wait_until(lambda b=before: len(walk.saved) > b and walk.saved[-1].exists()
                       and walk.saved[-1].stat().st_size > 0, what=f"{text} to write its file")
        before = len(walk.saved)
        click(button(dlg, tr("Print…")))
        wait_until(lambda b=before: len(walk.saved) > b and walk.saved[-1].exists(), what="printing to PDF")
        if dlg.issue_btn.isEnabled():
            if not dlg.number.text().strip():
                type_into(dlg.number, "25")
            click(dlg.issue_btn)
            wait_until(lambda: dlg.frozen is not None, what="the report to be issued")
            click(button(dlg, tr("Draft a corrected version")))
            assert dlg.frozen is None
        click(button(dlg, tr("Close")))
    elif mode == "enter":
        type_into(dlg.number, "26")  # Enter in a field must not export, print or issue anything
        before = (len(walk.saved), len(walk.seen))
        QTest.keyClick(dlg.number, Qt.Key.Key_Return)
        QApplication.processEvents()
        assert dlg.isVisible() and (len(walk.saved), len(walk.seen)) == before, "Enter in the report did something"
        click(button(dlg, tr("Close")))
    elif mode == "cancel":
        click(button(dlg, tr("Close")))
    else:
        finish(dlg, mode)


@filler("PlanInfoDialog")
def _plan_info(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    if mode in ("accept", "enter"):
        type_into(dlg.number, "05/KH-UBND")
        type_into(dlg.issue_date, "28/02/2026")
        type_into(dlg.source_number, "12/KH-UBND")
        type_into(dlg.source_date, "10/01/2026")
        type_into(dlg.source_issuer, "UBND tỉnh Hải Dương")
    finish(dlg, mode)


@filler("AboutDialog")
def _about(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    click_tab(dlg, QCoreApplication.translate("AboutDialog", "Font licence"))
    if mode in ("accept", "cancel"):  # its one button, Close
        click(button(dlg, QCoreApplication.translate("AboutDialog", "Close")))
    else:
        finish(dlg, mode)


@filler("HandbackDialog")
def _handback(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    tr = lambda s: QCoreApplication.translate("HandbackDialog", s)  # noqa: E731
    if mode in ("accept", "enter") and dlg.write_btn.isEnabled():
        click(button(dlg, tr("Browse…")))
        before = len(walk.saved)
        assert before and dlg.target.text() == str(walk.saved[-1])
        if mode == "accept":
            click(dlg.write_btn)
        else:
            dlg.target.setFocus()
            QTest.keyClick(dlg.target, Qt.Key.Key_Return)
        wait_until(lambda: dlg.summary is not None or dlg.write_btn.isEnabled(), what="the hand-back copy")
        assert dlg.summary is not None and Path(dlg.summary.out).is_file(), dlg.status.text()
    if mode == "escape":
        finish(dlg, mode)
    else:
        click(button(dlg, tr("Close")))


@filler("RollupDialog")
def _rollup(dlg, mode: str, walk: Walk) -> None:  # noqa: ANN001
    tr = lambda s: QCoreApplication.translate("RollupDialog", s)  # noqa: E731
    if mode in ("accept", "enter"):
        click(button(dlg, tr("Browse…")))
        assert dlg.folder.text()
        click(dlg.run_btn)
        wait_until(lambda: dlg.run_btn.isEnabled(), what="the roll-up")
        if dlg.xlsx_btn.isEnabled():
            click(dlg.xlsx_btn)
            wait_until(lambda: walk.saved[-1].exists(), what="the roll-up workbook")
    if mode == "escape":
        finish(dlg, mode)
    else:
        click(button(dlg, tr("Close")))


def check_box(box: QCheckBox, on: bool) -> None:
    if box.isChecked() != on:
        click(box)
