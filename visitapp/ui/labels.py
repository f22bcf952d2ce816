"""Translated names of the core's codes (kinds, statuses, sides) and locale date formats."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

KINDS = ("note", "quote", "decision", "commitment", "question", "risk")
STATUSES = ("planned", "in_progress", "finalised")
SIDES = ("city", "company", "other")
VISIBILITIES = ("internal", "partners", "company")


def kind_label(kind: str) -> str:
    return {
        "note": QCoreApplication.translate("Labels", "Note"), "quote": QCoreApplication.translate("Labels", "Quote"), "decision": QCoreApplication.translate("Labels", "Decision"),
        "commitment": QCoreApplication.translate("Labels", "Commitment"), "question": QCoreApplication.translate("Labels", "Question"), "risk": QCoreApplication.translate("Labels", "Risk"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {"planned": QCoreApplication.translate("Labels", "Planned"), "in_progress": QCoreApplication.translate("Labels", "In progress"), "finalised": QCoreApplication.translate("Labels", "Finalised")}.get(status, status)


def side_label(side: str) -> str:
    return {"city": QCoreApplication.translate("Labels", "City"), "company": QCoreApplication.translate("Labels", "Company"), "other": QCoreApplication.translate("Labels", "Other")}.get(side, side)


def visibility_label(value: str) -> str:
    return {"internal": QCoreApplication.translate("Labels", "Internal"), "partners": QCoreApplication.translate("Labels", "Partner institutions"),
            "company": QCoreApplication.translate("Labels", "Company copy")}.get(value, value)


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


def fmt_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(qdatetime(value), QLocale.FormatType.ShortFormat)


def fmt_time(value: dt.datetime | None, seconds: bool = False) -> str:
    if value is None:
        return ""
    fmt = QLocale().timeFormat(QLocale.FormatType.LongFormat if seconds else QLocale.FormatType.ShortFormat)
    if seconds:
        fmt = fmt.replace(" t", "").replace("t", "").strip()
    return QLocale().toString(qdatetime(value).time(), fmt)


def fmt_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


