"""Loading translators: Vietnamese by default, English selectable (source strings are English).

Qt ships no Vietnamese translation of its own words (OK, Cancel, Yes, the file dialog…), so the
project carries one: ``i18n/qtbase_vi.ts``, compiled beside ours.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .resources import ResourceMissing, i18n_dir

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
_installed: list[QTranslator] = []
_chosen: list[str] = []  # the language the translators were installed for (none yet: Vietnamese)
_START_LOCALE = QLocale()


def ui_language() -> str:
    """The UI's language for what the program formats itself (dates, periods): Vietnamese unless
    English was chosen."""
    return _chosen[0] if _chosen else "vi"


def reset_translators(app: QCoreApplication) -> None:
    """Back to no translator and no choice made (tests switch languages and come back)."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    _chosen.clear()
    QLocale.setDefault(_START_LOCALE)


def current_language() -> str:
    value = QSettings().value("language", "vi")
    return value if value in LANGUAGES else "vi"


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install our .qm and the one for Qt's standard buttons and dialogs; returns the language used.

    Our translation missing is a broken install: ResourceMissing, never an English window in silence.
    """
    language = language or current_language()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
                               QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedStates))
    _chosen[:] = [language]
    if language == "en":
        return language
    ours = QTranslator(app)
    qm = i18n_dir() / f"kstthc_{language}.qm"
    if not ours.load(str(qm)):
        raise ResourceMissing(f"Thiếu tệp bản dịch giao diện '{qm.name}' (tìm ở {qm.parent}).",
                              "Bản cài đặt bị thiếu tệp: hãy cài lại KSTTHC Desktop.")
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(str(i18n_dir() / f"qtbase_{language}.qm")):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
