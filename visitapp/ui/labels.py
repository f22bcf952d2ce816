"""Translated names of the core's codes (kinds, statuses, sides) and locale date formats."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

from visitapp.clock import in_zone, zone_suffix
from visitapp.domain import ActionStatus, CopyKind, NoteKind, Side, Visibility, VisitStatus

# The enumerations are defined once, in visitapp.domain; these are their names in the GUI (Qt tr,
# context "Labels"), a mapping keyed by the members.  tests/ui/test_domain_labels.py checks that
# every member has one, translated in both languages.
# The values as plain text, for Qt item data (a str subclass would travel as a Python object).
KINDS = tuple(k.value for k in NoteKind)
STATUSES = tuple(v.value for v in VisitStatus)
SIDES = tuple(v.value for v in Side)
VISIBILITIES = tuple(v.value for v in Visibility)
ACTION_STATUSES = tuple(v.value for v in ActionStatus)
COPIES = tuple(v.value for v in CopyKind)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def _kinds() -> dict[Any, str]:
    return {
        NoteKind.NOTE: _tr("Note"), NoteKind.QUOTE: _tr("Quote"), NoteKind.DECISION: _tr("Decision"),
        NoteKind.COMMITMENT: _tr("Commitment"), NoteKind.QUESTION: _tr("Question"), NoteKind.RISK: _tr("Risk"),
    }


def _statuses() -> dict[Any, str]:
    return {VisitStatus.PLANNED: _tr("Planned"), VisitStatus.IN_PROGRESS: _tr("In progress"),
            VisitStatus.FINALISED: _tr("Finalised")}


def _sides() -> dict[Any, str]:
    return {Side.CITY: _tr("City"), Side.COMPANY: _tr("Company"), Side.OTHER: _tr("Other")}


def _visibilities() -> dict[Any, str]:
    return {Visibility.INTERNAL: _tr("Internal"), Visibility.PARTNERS: _tr("Partner institutions"),
            Visibility.COMPANY: _tr("Company copy")}


def _action_statuses() -> dict[Any, str]:
    return {ActionStatus.OPEN: _tr("open"), ActionStatus.DONE: _tr("done"), ActionStatus.CANCELLED: _tr("cancelled")}


def _copies() -> dict[Any, str]:
    return {CopyKind.INTERNAL: _tr("Internal: every note"),
            CopyKind.PARTNERS: _tr("Partner institutions: notes shared with partners or the company"),
            CopyKind.COMPANY: _tr("Company copy: only notes marked for the company")}


# Each enumeration's labels, in the GUI's current language (built on each call: the language can change).
_LABELS: dict[type[StrEnum], Callable[[], dict[Any, str]]] = {
    NoteKind: _kinds, VisitStatus: _statuses, Side: _sides, Visibility: _visibilities,
    ActionStatus: _action_statuses, CopyKind: _copies,
}


def gui_labels() -> dict[type[StrEnum], dict[Any, str]]:
    """Every enumeration's members and their names, in the GUI's current language."""
    return {enumeration: labels() for enumeration, labels in _LABELS.items()}


def label(enumeration: type[StrEnum], value: str) -> str:
    """The GUI's name of ``value`` of ``enumeration`` (the value itself if it is none of its members)."""
    return _LABELS[enumeration]().get(value, str(value))


def kind_label(kind: str) -> str:
    return label(NoteKind, kind)


def status_label(status: str) -> str:
    return label(VisitStatus, status)


def side_label(side: str) -> str:
    return label(Side, side)


def visibility_label(value: str) -> str:
    return label(Visibility, value)


def action_status_label(status: str) -> str:
    return label(ActionStatus, status)


def copy_label(copy: str) -> str:
    return label(CopyKind, copy)


def qdatetime(value: dt.datetime) -> QDateTime:
    """A stored (UTC) time as a local QDateTime."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))


def to_datetime(value: QDateTime) -> dt.datetime:
    """A local QDateTime as an aware Python datetime."""
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()


def _padded(fmt: str) -> str:
    """A locale's short format with a two-digit day ("d.MM.yyyy" of pl_PL as "dd.MM.yyyy"): dates read the same
    on every screen, in the date fields (ui/date_edit.py) and in the PDFs ("01.12.2026")."""
    return re.sub(r"(?<![dM])([dM])(?![dM])", r"\1\1", fmt)


def _short_date() -> str:
    return _padded(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def _short_datetime() -> str:
    return _padded(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))


def fmt_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(qdatetime(value), _short_datetime())


def _time_format(seconds: bool) -> str:
    fmt = QLocale().timeFormat(QLocale.FormatType.LongFormat if seconds else QLocale.FormatType.ShortFormat)
    return fmt.replace(" t", "").replace("t", "").strip() if seconds else fmt


def fmt_time(value: dt.datetime | None, seconds: bool = False) -> str:
    if value is None:
        return ""
    return QLocale().toString(qdatetime(value).time(), _time_format(seconds))


def _wall(value: dt.datetime, zone_name: str | None) -> QDateTime:
    """A stored time on the wall clock of a visit's zone, built in UTC so that Qt shows it as given
    (a local QDateTime would move a time in a DST gap of the computer's zone)."""
    wall = in_zone(value, zone_name)
    return QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute, wall.second),
                     QTimeZone.utc())


def visit_time(value: dt.datetime, zone_name: str | None) -> str:
    """A visit's time on its own clock (its zone, not the computer's) in the user's locale, naming the zone
    where the computer's clock reads otherwise: "17.03.2026 09:00 CET" on a machine set to UTC."""
    return QLocale().toString(_wall(value, zone_name), _short_datetime()) + zone_suffix(value, zone_name)


def wall_time(value: dt.datetime, zone_name: str | None, seconds: bool = False) -> str:
    """The time of day of ``value`` on the clock of a visit's zone, in the user's locale ("09:04")."""
    return QLocale().toString(_wall(value, zone_name).time(), _time_format(seconds))


def fmt_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), _short_date())


