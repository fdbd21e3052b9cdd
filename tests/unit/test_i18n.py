"""Vietnamese first: every user-visible string has a finished translation and the .qm is current."""

from __future__ import annotations

import shutil
from pathlib import Path

from kstthc_desktop import i18n_tools
from kstthc_desktop.core.model import STATUS_LABELS_VI
from kstthc_desktop.resources import i18n_dir

VI_TS = i18n_dir() / "kstthc_vi.ts"


def test_every_source_string_has_a_finished_vietnamese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "kstthc_vi.ts"
    shutil.copy(VI_TS, ts)
    i18n_tools.lupdate([ts])  # adds any string in the code that the committed file lacks
    missing = i18n_tools.unfinished(ts)
    assert not missing, "untranslated (run python -m kstthc_desktop.i18n_tools):\n" + "\n".join(
        f"[{c}] {s}" for c, s in missing)


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "vi.qm"
    i18n_tools.lrelease(VI_TS, qm)
    assert qm.read_bytes() == (i18n_dir() / "kstthc_vi.qm").read_bytes()


def test_status_labels_match_the_official_wording() -> None:
    tr = i18n_tools.translations(VI_TS)
    english = {"done_on_time": "Done on time", "done_late": "Done late",
               "in_time": "In progress, within the deadline", "overdue": "In progress, overdue",
               "no_deadline": "Not arisen / no deadline"}
    for status, label in STATUS_LABELS_VI.items():
        assert tr[("Status", english[status.value])] == label


def test_translator_loads_and_translates_the_menus(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from kstthc_desktop.i18n import install_translators, reset_translators

    try:
        assert install_translators(qapp, "vi") == "vi"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Tệp"
        assert QCoreApplication.translate("Status", "Done late") == "Hoàn thành quá hạn"
    finally:
        install_translators(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    reset_translators(qapp)


def test_no_string_lost_to_an_empty_context() -> None:
    """Aliasing translate (tr = QCoreApplication.translate) makes lupdate file strings under no context,
    where Qt never looks them up: every context must have a name."""
    contexts = {ctx for ctx, _ in i18n_tools.translations(VI_TS)}
    assert "" not in contexts
