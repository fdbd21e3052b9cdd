"""Loading translators: Vietnamese by default, English selectable (source strings are English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .resources import ResourceMissing, i18n_dir

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
_installed: list[QTranslator] = []


def current_language() -> str:
    value = QSettings().value("language", "vi")
    return value if value in LANGUAGES else "vi"


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install our .qm and Qt's own (for standard buttons); returns the language used.

    Our translation missing is a broken install: ResourceMissing, never an English window in silence.
    """
    language = language or current_language()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
                               QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedStates))
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
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
