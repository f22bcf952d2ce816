"""Translated names of the core's codes (kinds, statuses, sides) and locale date formats."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

KINDS = ("note", "quote", "decision", "commitment", "question", "risk")
STATUSES = ("planned", "in_progress", "finalised")
SIDES = ("city", "company", "other")
VISIBILITIES = ("internal", "partners", "company")


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def kind_label(kind: str) -> str:
    return {
        "note": _t("Note"), "quote": _t("Quote"), "decision": _t("Decision"),
        "commitment": _t("Commitment"), "question": _t("Question"), "risk": _t("Risk"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {"planned": _t("Planned"), "in_progress": _t("In progress"), "finalised": _t("Finalised")}.get(status, status)


def side_label(side: str) -> str:
    return {"city": _t("City"), "company": _t("Company"), "other": _t("Other")}.get(side, side)


def visibility_label(value: str) -> str:
    return {"internal": _t("Internal"), "partners": _t("Partner institutions"),
            "company": _t("Company copy")}.get(value, value)


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


