"""Visits and who takes part in them: listings and look-ups; changes go through :mod:`visitapp.ops`."""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from visitapp import ops
from visitapp.db import models as m
from visitapp.domain import Side
from visitapp.ops.visits import VISIT_FIELDS
from visitapp.services.base import Service, visit_by_uuid
from visitapp.services.dto import ParticipantInfo, VisitInfo, VisitSummary

__all__ = ["VISIT_FIELDS", "VisitService"]


class VisitService(Service):
    """Visits: reads here; changes are core operations (:mod:`visitapp.ops.visits`)."""

    def create(self, organisation_id: str, starts_at: dt.datetime, **values: Any) -> VisitInfo:
        return self._op(ops.create_visit, organisation_id, starts_at, **values)

    def update(self, visit_id: str, **values: Any) -> VisitInfo:
        return self._op(ops.edit_visit, visit_id, **values)

    def get(self, visit_id: str) -> VisitInfo:
        with self.db.read() as s:
            return VisitInfo.of(visit_by_uuid(s, visit_id))

    def start(self, visit_id: str) -> VisitInfo:
        """Mark a planned visit as in progress (the meeting has begun)."""
        return self._op(ops.start_visit, visit_id)

    def list(
        self,
        *,
        status: str | None = None,
        series_id: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[VisitSummary]:
        """Visits, newest first, optionally filtered by status, series and date."""
        query = (
            select(m.Visit.uuid, m.Visit.title, m.Visit.starts_at, m.Visit.status, m.Organisation.name,
                   m.Series.name, m.Visit.place, m.Visit.time_zone)
            .join(m.Organisation, m.Visit.organisation_id == m.Organisation.id)
            .outerjoin(m.Series, m.Visit.series_id == m.Series.id)
            .order_by(m.Visit.starts_at.desc(), m.Visit.id.desc())
            .offset(offset)
        )
        if status:
            query = query.where(m.Visit.status == m.VisitStatus(status))
        if series_id:
            query = query.where(m.Series.uuid == series_id)
        if date_from:
            query = query.where(m.Visit.starts_at >= dt.datetime.combine(date_from, dt.time(), dt.UTC))
        if date_to:
            day_after = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), dt.UTC)
            query = query.where(m.Visit.starts_at < day_after)
        if limit is not None:
            query = query.limit(limit)
        with self.db.read() as s:
            return [
                VisitSummary(uuid, title, starts_at, status.value, org, series, place, zone)
                for uuid, title, starts_at, status, org, series, place, zone in s.execute(query)
            ]

    def count(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(func.count(m.Visit.id))) or 0

    # -- participants ------------------------------------------------------

    def add_participant(
        self, visit_id: str, person_id: str, *, side: str = Side.CITY, role: str = ""
    ) -> ParticipantInfo:
        return self._op(ops.add_participant, visit_id, person_id, side=side, role=role)

    def update_participant(
        self, participant_id: str, *, side: str | None = None, role: str | None = None
    ) -> ParticipantInfo:
        return self._op(ops.edit_participant, participant_id, side=side, role=role)

    def remove_participant(self, participant_id: str) -> None:
        self._op(ops.remove_participant, participant_id)

    def participants(self, visit_id: str) -> builtins.list[ParticipantInfo]:  # list: the method above
        with self.db.read() as s:
            visit = s.scalar(
                select(m.Visit).where(m.Visit.id == visit_by_uuid(s, visit_id).id)
                .options(selectinload(m.Visit.participants).selectinload(m.Participant.person))
            )
            assert visit is not None  # visit_by_uuid found it
            return [ParticipantInfo.of(p) for p in visit.participants]
