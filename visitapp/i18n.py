"""Translations of the core, the CLI and the PDF (gettext; no Qt here).

Catalogues live in ``resources/locale/<lang>/LC_MESSAGES/<domain>.mo`` and are
compiled from the ``.po`` sources beside them (``make translations``).  Each
area of the app keeps its own domain (see :data:`DOMAINS`); they are chained,
so :func:`_` finds a string in any of them.  Source strings are English.
"""

from __future__ import annotations

import gettext
import locale
import os
from functools import cache

from visitapp.resources import resource_path

DOMAINS = ("visitapp", "minutes", "coordinator")
LANGUAGES = ("pl", "en")
DEFAULT_LANGUAGE = "en"

_current: str | None = None


def system_language() -> str:
    """``pl`` when the environment or the system locale is Polish, else ``en``."""
    for var in ("VISITAPP_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "pl" if value.lower().startswith("pl") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "pl" if loc.lower().startswith("pl") else DEFAULT_LANGUAGE


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue for ``lang`` (English falls back to the source strings)."""
    localedir = str(resource_path("locale"))
    first, *rest = (
        gettext.translation(domain, localedir=localedir, languages=[lang], fallback=True) for domain in DOMAINS
    )
    for more in rest:
        first.add_fallback(more)
    return first


def set_language(lang: str | None) -> None:
    """Choose the language of messages produced by :func:`_` from now on."""
    global _current
    _current = lang if lang in LANGUAGES else None


def current_language() -> str:
    return _current or system_language()


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current_language()).ngettext(singular, plural, n)


def gettext_for(lang: str):
    """A ``gettext`` function bound to one language (for a PDF in the visit's language)."""
    return translations(lang if lang in LANGUAGES else DEFAULT_LANGUAGE).gettext


def ngettext_for(lang: str):
    return translations(lang if lang in LANGUAGES else DEFAULT_LANGUAGE).ngettext
