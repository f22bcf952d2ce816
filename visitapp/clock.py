"""One clock for what visitapp shows: a visit's times in the visit's own time zone.

Records keep UTC; the minutes, their signature stamps and the views show the
visit's wall clock (Europe/Warsaw unless the visit says otherwise), naming the zone
where it differs from the computer's (:func:`zone_suffix`; the stamp always names it). Shared by
:mod:`visitapp.minutes` and :mod:`visitapp.signing`, which must not import each other.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Europe/Warsaw"


def zone(name: str | None) -> dt.tzinfo:
    """A visit's wall clock by its IANA name (records keep UTC); Europe/Warsaw for an unknown name."""
    for candidate in (name or DEFAULT_ZONE, DEFAULT_ZONE):
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return dt.UTC  # a system without tz data: show UTC rather than fail


def in_zone(value: dt.datetime, name: str | None) -> dt.datetime:
    """A stored time (UTC; a naive one is taken as UTC) on the wall clock of the zone named ``name``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(zone(name))


def differs_from_local(value: dt.datetime, name: str | None, local: dt.tzinfo | None = None) -> bool:
    """Whether the clock of zone ``name`` reads otherwise than the computer's (``local``: else the
    process's zone, ``TZ`` included) at ``value``: only then does a view name the visit's zone."""
    here = in_zone(value, name)
    there = here.astimezone(local) if local is not None else here.astimezone()
    return here.utcoffset() != there.utcoffset()


def zone_suffix(value: dt.datetime, name: str | None, local: dt.tzinfo | None = None) -> str:
    """``" CET"`` (the zone's abbreviation at ``value``) when the visit's clock differs from the computer's,
    else ``""``: a time shown in the visit's zone says so only where a reader could take it for local time."""
    if not differs_from_local(value, name, local):
        return ""
    return " " + (in_zone(value, name).tzname() or str(name or DEFAULT_ZONE))


def wall_text(value: dt.datetime, name: str | None) -> str:
    """``2026-03-17 09:00`` on the clock of zone ``name``, with `` CET`` where the computer's clock reads otherwise."""
    return in_zone(value, name).strftime("%Y-%m-%d %H:%M") + zone_suffix(value, name)


def stamp_time(visit: dict, now: dt.datetime | None = None) -> str:
    """A signature stamp's time in the visit's zone (``visit``: its record's ``time_zone`` and ``language``),
    never the process's: "15.12.2026, 11:32 CET" in Polish, "2026-12-15 11:32 CET" in English."""
    when = (now or dt.datetime.now(dt.UTC)).astimezone(zone(str(visit.get("time_zone") or "")))
    return when.strftime("%d.%m.%Y, %H:%M %Z" if visit.get("language") == "pl" else "%Y-%m-%d %H:%M %Z")
