"""What every service shares: the database, the current user, id look-ups."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _

R = TypeVar("R", bound=m.Record)
MIN_PREFIX = 4


@dataclass(frozen=True, slots=True)
class Identity:
    """Who is typing: notes and versions are attributed to them."""

    name: str
    institution: str = ""
    role: str = ""
    department: str = ""  # the minutes' letterhead: institution, then department

    @classmethod
    def system(cls) -> Identity:
        try:
            return cls(getpass.getuser())
        except (KeyError, OSError):
            return cls("unknown")


class Service:
    def __init__(self, db: Database, identity: Identity) -> None:
        self.db = db
        self.identity = identity

    def _op(self, op: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a core operation (one transaction, one undo step) for this identity; its result."""
        from visitapp.ops import history_for

        return op.run_as(history_for(self.db, self.identity), self.identity, *args, **kwargs).result


def _missing(model: type[m.Record], ref: str) -> str:
    # Whole sentences per kind of record: Polish declines the noun.
    messages = {
        m.Visit: _("There is no visit with the id {ref}."),
        m.Note: _("There is no note with the id {ref}."),
        m.Organisation: _("There is no organisation with the id {ref}."),
        m.Person: _("There is no person with the id {ref}."),
        m.Participant: _("There is no participant with the id {ref}."),
        m.Series: _("There is no series with the id {ref}."),
        m.ActionItem: _("There is no action item with the id {ref}."),
    }
    return messages.get(model, _("There is no record with the id {ref}.")).format(ref=ref)


def by_uuid(session: Session, model: type[R], ref: str) -> R:
    """Find a record by its UUID or an unambiguous prefix of it (at least 4 characters)."""
    found = session.scalar(select(model).where(model.uuid == full_uuid(session, model, ref)))
    if found is None:
        raise NotFound(_missing(model, (ref or "").strip().lower()))
    return found


def full_uuid(run: Session | Connection, model: type[m.Record], ref: str) -> str:
    """The whole UUID that ``ref`` gives (all of it, or an unambiguous prefix of at least 4 characters).

    ``run`` is a session or a Core connection (the note save's). A whole UUID is
    returned as it is, lower-cased; whether it exists is for the caller to find.
    """
    ref = (ref or "").strip().lower()
    if len(ref) == 36:
        return ref
    if 0 < len(ref) < MIN_PREFIX:
        raise InvalidInput(_("Give at least {n} characters of an id.").format(n=MIN_PREFIX))
    query = select(model.uuid).where(model.uuid.startswith(ref, autoescape=True)).limit(2)
    found = list(run.scalars(query)) if ref else []
    if len(found) == 1:
        return str(found[0])
    if len(found) > 1:
        raise InvalidInput(_("More than one record has an id starting with {ref}; give more of it.").format(ref=ref))
    raise NotFound(_missing(model, ref))


def visit_by_uuid(session: Session, ref: str) -> m.Visit:
    return by_uuid(session, m.Visit, ref)


def note_by_uuid(session: Session, ref: str) -> m.Note:
    return by_uuid(session, m.Note, ref)


def clean(value: str | None) -> str:
    return (value or "").strip()
