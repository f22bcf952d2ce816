"""Checks and small rules the operations share (no session handling here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitapp.db import models as m
from visitapp.errors import InvalidInput
from visitapp.i18n import LANGUAGES, _


def clean(value: str | None) -> str:
    return (value or "").strip()


def mark_edited(visit: m.Visit) -> None:
    """Any change to a visit's content makes it in progress (a finalised version stays frozen)."""
    if visit.status != m.VisitStatus.IN_PROGRESS:
        visit.status = m.VisitStatus.IN_PROGRESS
    visit.updated_at = m.utcnow()


def note_kind(kind: str) -> m.NoteKind:
    try:
        return m.NoteKind(kind)
    except ValueError:
        raise InvalidInput(
            _("The kind must be one of: {kinds}.").format(kinds=", ".join(k.value for k in m.NoteKind))
        ) from None


def visibility(value: str) -> m.Visibility:
    try:
        return m.Visibility(value)
    except ValueError:
        raise InvalidInput(
            _("The visibility must be one of: {values}.").format(values=", ".join(v.value for v in m.Visibility))
        ) from None


def tags(values: list[str] | tuple[str, ...] | None) -> list[str]:
    seen: list[str] = []
    for tag in values or ():
        tag = clean(tag).lstrip("#")
        if tag and tag.lower() not in (t.lower() for t in seen):
            seen.append(tag)
    return seen


def note_text(value: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(_("A note cannot be empty."))
    return value


def section_notes(s: Session, visit_id: int, section: str) -> list[m.Note]:
    """The live notes of one section, in order."""
    return list(
        s.scalars(
            select(m.Note)
            .where(m.Note.visit_id == visit_id, m.Note.section == section, m.Note.deleted.is_(False))
            .order_by(m.Note.position, m.Note.id)
        )
    )


def due(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(_("{value} is not a date (use YYYY-MM-DD).").format(value=value)) from None


def action_status(value: str) -> m.ActionStatus:
    try:
        return m.ActionStatus(value)
    except ValueError:
        raise InvalidInput(_("The status must be open, done or cancelled.")) from None


def visit_status(value: str) -> m.VisitStatus:
    try:
        return m.VisitStatus(value)
    except ValueError:
        raise InvalidInput(
            _("The status must be one of: {values}.").format(values=", ".join(v.value for v in m.VisitStatus))
        ) from None


def aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        raise InvalidInput(_("The start and end of a visit must be a date and time."))
    if value.tzinfo is None:
        value = value.astimezone()  # a naive time is the user's local time
    return value.astimezone(dt.UTC)


def language(value: str) -> str:
    if value not in LANGUAGES:
        raise InvalidInput(_("The language must be one of: {langs}.").format(langs=", ".join(LANGUAGES)))
    return value


def side(value: str) -> m.Side:
    try:
        return m.Side(value)
    except ValueError:
        raise InvalidInput(_("The side must be city, company or other.")) from None


def check_times(visit: m.Visit) -> None:
    if visit.ends_at is not None and visit.ends_at < visit.starts_at:
        raise InvalidInput(_("A visit cannot end before it starts."))


def unknown_fields(kind: str, values: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {kind} fields: {sorted(unknown)}")
