"""Qt translators: visitapp's own .qm files and Qt's qtbase_pl.qm; locale formats."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from visitapp import i18n
from visitapp.resources import resource_path

LANGUAGES = ("pl", "en")


def translations_dir() -> Path:
    return resource_path("translations")


def system_language() -> str:
    """Polish when the environment or Qt's system locale is Polish, else English."""
    if any(os.environ.get(v) for v in ("VISITAPP_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")):
        return i18n.system_language()
    return "pl" if QLocale.system().language() == QLocale.Language.Polish else "en"


def locale_for(lang: str) -> QLocale:
    if lang == "pl":
        return QLocale(QLocale.Language.Polish, QLocale.Country.Poland)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


MARK = "visitapp-translator"  # the objectName of every translator installed here


class Translations:
    """Installs and swaps the translators of one application.

    Every translator installed here is a child of the application, marked with :data:`MARK`, and
    :meth:`apply` removes all of them first, whichever ``Translations`` installed them: an application
    rebuilt in the same process (another database, the screenshots in both languages) or the first-run
    wizard's translators handed on must not leave Qt's Polish buttons ("Anuluj") in an English window.
    """

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self._installed: list[QTranslator] = []
        self.language = "en"
        if sys.platform.startswith("linux"):
            # Qt's own file dialogs, translated by qtbase_pl.qm with the rest of the window; a desktop's
            # native one speaks the system's language (or Qt's untranslated fallback: "Look in:")
            QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)

    def apply(self, lang: str) -> str:
        lang = lang if lang in LANGUAGES else system_language()
        for old in self.app.findChildren(QTranslator, MARK):  # this one's and any other's (never a deleted one)
            self.app.removeTranslator(old)
            old.setObjectName("")
            old.deleteLater()
        self._installed.clear()
        for catalogue in ("visitapp", "coordinator"):
            own = QTranslator(self.app)
            if own.load(str(translations_dir() / f"{catalogue}_{lang}.qm")):
                self._installed.append(own)
        qt = QTranslator(self.app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if lang != "en" and qt.load(f"qtbase_{lang}", qt_dir):
            self._installed.append(qt)
        for tr in self._installed:
            tr.setObjectName(MARK)
            self.app.installTranslator(tr)
        QLocale.setDefault(locale_for(lang))
        i18n.set_language(lang)  # messages from the core (errors) follow the GUI
        self.language = lang
        return lang
