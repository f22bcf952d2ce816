"""Words and formats of the minutes in the visit's language (gettext domain "minutes").

Source strings are English; ``resources/locale/pl/LC_MESSAGES/minutes.po``
holds the Polish.  The PDF is written in the visit's language, not the app's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from visitapp import domain
from visitapp.clock import DEFAULT_ZONE, zone, zone_suffix
from visitapp.i18n import gettext_for, ngettext_for

LOCAL_ZONE: dt.tzinfo = zone(DEFAULT_ZONE)

# Dates written out as a Polish office does: "15 grudnia 2026 r." (the month in the genitive).
_MONTHS = {
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def long_date(when: dt.date, lang: str) -> str:
    """``15 grudnia 2026 r.`` / ``15 December 2026``."""
    month = _MONTHS["pl" if lang == "pl" else "en"][when.month - 1]
    return f"{when.day} {month} {when.year} r." if lang == "pl" else f"{when.day} {month} {when.year}"


class Labels:
    """Translation and formatting bound to one language."""

    def __init__(self, lang: str, time_zone: str | None = None) -> None:
        self.lang = lang if lang in ("pl", "en") else "en"
        self.zone = zone(time_zone)
        self.zone_name = time_zone
        self._: Callable[[str], str] = gettext_for(self.lang)
        self.ngettext = ngettext_for(self.lang)

    def __call__(self, message: str) -> str:
        return self._(message)

    def local(self, when: dt.datetime) -> dt.datetime:
        return when.astimezone(self.zone) if when.tzinfo else when

    def date(self, when: dt.date | dt.datetime) -> str:
        if isinstance(when, dt.datetime):
            when = self.local(when)
        return when.strftime("%d.%m.%Y") if self.lang == "pl" else when.strftime("%Y-%m-%d")

    def long_date(self, when: dt.date | dt.datetime) -> str:
        return long_date(self.local(when).date() if isinstance(when, dt.datetime) else when, self.lang)

    def time(self, when: dt.datetime) -> str:
        return self.local(when).strftime("%H:%M")

    def span(self, start: dt.datetime, end: dt.datetime | None) -> str:
        """``12.03.2026, 10:00–12:00`` on the visit's clock; a visit over midnight names both dates. The zone
        is named (``10:00–12:00 CET``) when the computer's clock reads otherwise, as in every view."""
        text = f"{self.date(start)}, {self.time(start)}"
        if end is not None and self.date(end) != self.date(start):
            text = f"{text} – {self.date(end)}, {self.time(end)}"
        elif end is not None:
            text = f"{text}–{self.time(end)}"
        return text + zone_suffix(start, self.zone_name) if start.tzinfo else text

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
