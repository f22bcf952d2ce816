"""The visit list read with SQLAlchemy Core alone, for ``visitapp visits`` (issue 10, fast start).

The ORM models (``visitapp.db.models``) cost more to import than the whole command takes otherwise, so
the listing describes the few columns it reads as Core ``Table`` objects of its own, on a ``MetaData``
that is never used to create anything (the migrations own the schema).  A test compares these columns
with the models' and the rows with ``VisitService.list``'s on every engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, select

if TYPE_CHECKING:
    from visitapp.db.database import Database

_meta = MetaData()

VISITS = Table(
    "visits", _meta,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36)),
    Column("series_id", Integer),
    Column("organisation_id", Integer),
    Column("title", String(300)),
    Column("starts_at", DateTime),  # naive UTC, as models.UTCDateTime stores it
    Column("place", String(300)),
    Column("status", String(16)),  # the VisitStatus value, as models._enum stores it
    Column("time_zone", String(64)),
)
ORGANISATIONS = Table("organisations", _meta, Column("id", Integer, primary_key=True), Column("name", String(300)))
SERIES = Table("series", _meta, Column("id", Integer, primary_key=True), Column("name", String(200)))


@dataclass(frozen=True, slots=True)
class VisitRow:
    """One visit of the list: the fields of ``services.dto.VisitSummary``, without importing it."""

    id: str
    title: str
    starts_at: dt.datetime
    status: str
    organisation: str
    series: str | None
    place: str
    time_zone: str


def list_visits(db: Database, *, status: str | None = None) -> list[VisitRow]:
    """Every visit (of ``status``, a ``VisitStatus`` value, when given), newest first, as ``VisitService.list``."""
    v, o, s = VISITS.c, ORGANISATIONS.c, SERIES.c
    query = (
        select(v.uuid, v.title, v.starts_at, v.status, o.name, s.name, v.place, v.time_zone)
        .join_from(VISITS, ORGANISATIONS, v.organisation_id == o.id)
        .outerjoin(SERIES, v.series_id == s.id)
        .order_by(v.starts_at.desc(), v.id.desc())
    )
    if status:
        query = query.where(v.status == status)
    with db.core_read() as conn:
        return [VisitRow(uuid, title, starts_at.replace(tzinfo=dt.UTC), state, org, series, place, zone)
                for uuid, title, starts_at, state, org, series, place, zone in conn.execute(query)]
