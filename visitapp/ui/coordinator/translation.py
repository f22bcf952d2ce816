"""The coordinator view's own Qt translations: ``resources/translations/coordinator_<lang>.qm``.

They are kept apart from ``visitapp_<lang>.qm`` so the two can be edited
separately.  Install the translator beside visitapp's own, e.g. in
``Translations.apply``::

    extra = load_translator(self.app, lang)
    if extra is not None:
        self._installed.append(extra)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from visitapp.resources import resource_path

DOMAIN = "coordinator"


def qm_path(lang: str):
    return resource_path("translations") / f"{DOMAIN}_{lang}.qm"


def load_translator(parent: QCoreApplication, lang: str) -> QTranslator | None:
    """A translator loaded with the coordinator's strings in ``lang`` (not installed), or None if there is none."""
    translator = QTranslator(parent)
    return translator if translator.load(str(qm_path(lang))) else None
