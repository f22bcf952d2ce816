"""Words and formats of the minutes in the visit's language (gettext domain "minutes").

Source strings are English; ``resources/locale/pl/LC_MESSAGES/minutes.po``
holds the Polish.  The PDF is written in the visit's language, not the app's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitapp import domain
from visitapp.i18n import gettext_for, ngettext_for

try:  # the city's wall clock; records keep UTC
    LOCAL_ZONE: dt.tzinfo = ZoneInfo("Europe/Warsaw")
except ZoneInfoNotFoundError:  # a system without tz data: show UTC rather than fail
    LOCAL_ZONE = dt.UTC


class Labels:
    """Translation and formatting bound to one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in ("pl", "en") else "en"
        self._: Callable[[str], str] = gettext_for(self.lang)
        self.ngettext = ngettext_for(self.lang)

    def __call__(self, message: str) -> str:
        return self._(message)

    def local(self, when: dt.datetime) -> dt.datetime:
        return when.astimezone(LOCAL_ZONE) if when.tzinfo else when

    def date(self, when: dt.date | dt.datetime) -> str:
        if isinstance(when, dt.datetime):
            when = self.local(when)
        return when.strftime("%d.%m.%Y") if self.lang == "pl" else when.strftime("%Y-%m-%d")

    def time(self, when: dt.datetime) -> str:
        return self.local(when).strftime("%H:%M")

    def span(self, start: dt.datetime, end: dt.datetime | None) -> str:
        """``12.03.2026, 10:00–12:00``; a visit over midnight names both dates."""
        text = f"{self.date(start)}, {self.time(start)}"
        if end is None:
            return text
        if self.date(end) != self.date(start):
            return f"{text} – {self.date(end)}, {self.time(end)}"
        return f"{text}–{self.time(end)}"

    # The labels of the enumerations are defined once, in visitapp.domain; here in this language.
    def kind(self, kind: str) -> str:
        return domain.note_kind_label(kind, self._)

    def status(self, status: str) -> str:
        return domain.action_status_label(status, self._)

    def side(self, side: str) -> str:
        return domain.side_label(side, self._)

    def visibility(self, visibility: str) -> str:
        return domain.visibility_label(visibility, self._)

    def copy(self, copy: str) -> str:
        return domain.copy_kind_label(copy, self._)

    def localised(self, text: object) -> str:
        """A record's ``{pl, en}`` text in this language."""
        return str(getattr(text, self.lang, "") or getattr(text, "en", "") or "")

    def page_of(self, page: int, total: int) -> str:
        return self._("page {page} of {total}").format(page=page, total=total)
