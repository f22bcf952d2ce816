"""Words and formats of the minutes in the visit's language (gettext domain "minutes").

Source strings are English; ``resources/locale/pl/LC_MESSAGES/minutes.po``
holds the Polish.  The PDF is written in the visit's language, not the app's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitapp.i18n import gettext_for, ngettext_for


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, in the visit's language."""
    return message


KIND_LABELS = {
    "note": N_("Note"),
    "quote": N_("Quote"),
    "decision": N_("Decision"),
    "commitment": N_("Commitment"),
    "question": N_("Question"),
    "risk": N_("Risk"),
}
STATUS_LABELS = {"open": N_("open"), "done": N_("done"), "cancelled": N_("cancelled")}
SIDE_LABELS = {"city": N_("city"), "company": N_("company"), "other": N_("other")}
VISIBILITY_LABELS = {"internal": N_("internal"), "partners": N_("for partners"), "company": N_("for the company")}

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

    def kind(self, kind: str) -> str:
        return self._(KIND_LABELS.get(kind, kind))

    def status(self, status: str) -> str:
        return self._(STATUS_LABELS.get(status, status))

    def side(self, side: str) -> str:
        return self._(SIDE_LABELS.get(side, side))

    def visibility(self, visibility: str) -> str:
        return self._(VISIBILITY_LABELS.get(visibility, visibility))

    def localised(self, text: object) -> str:
        """A record's ``{pl, en}`` text in this language."""
        return str(getattr(text, self.lang, "") or getattr(text, "en", "") or "")

    def page_of(self, page: int, total: int) -> str:
        return self._("page {page} of {total}").format(page=page, total=total)
