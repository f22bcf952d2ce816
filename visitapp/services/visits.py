"""Visits and who takes part in them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from visitapp.db import models as m
from visitapp.errors import InvalidInput
from visitapp.i18n import LANGUAGES, _
from visitapp.services.base import Service, by_uuid, clean, visit_by_uuid
from visitapp.services.dto import ParticipantInfo, VisitInfo, VisitSummary
from visitapp.templates import DEFAULT_TEMPLATE, get_template

VISIT_FIELDS = ("title", "starts_at", "ends_at", "place", "language", "agenda", "series_id", "organisation_id", "template_key")


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        raise InvalidInput(_("The start and end of a visit must be a date and time."))
    if value.tzinfo is None:
        value = value.astimezone()  # a naive time is the user's local time
    return value.astimezone(dt.UTC)


def mark_edited(visit: m.Visit) -> None:
    """Any change to a visit's content makes it in progress (a finalised version stays frozen)."""
    if visit.status != m.VisitStatus.IN_PROGRESS:
        visit.status = m.VisitStatus.IN_PROGRESS
    visit.updated_at = m.utcnow()


class VisitService(Service):
    def create(
        self,
        organisation_id: str,
        starts_at: dt.datetime,
        *,
        title: str = "",
        ends_at: dt.datetime | None = None,
        place: str = "",
        language: str = "pl",
        agenda: list[str] | None = None,
        series_id: str | None = None,
        template_key: str = DEFAULT_TEMPLATE,
        uuid: str | None = None,
    ) -> VisitInfo:
        template = get_template(template_key)
        with self.db.write() as s:
            org = by_uuid(s, m.Organisation, organisation_id)
            series = by_uuid(s, m.Series, series_id) if series_id else None
            visit = m.Visit(
                organisation=org,
                series=series,
                title=clean(title),
                starts_at=_aware(starts_at),
                ends_at=_aware(ends_at),
                place=clean(place),
                language=self._language(language),
                agenda=[clean(a) for a in (agenda or []) if clean(a)],
                template_key=template.key,
                template_version=template.version,
                status=m.VisitStatus.PLANNED,
            )
            if uuid:
                visit.uuid = uuid
            self._check_times(visit)
            s.add(visit)
            s.flush()
            return VisitInfo.of(visit)

    @staticmethod
    def _language(language: str) -> str:
        if language not in LANGUAGES:
            raise InvalidInput(_("The language must be one of: {langs}.").format(langs=", ".join(LANGUAGES)))
        return language

    @staticmethod
    def _check_times(visit: m.Visit) -> None:
        if visit.ends_at is not None and visit.ends_at < visit.starts_at:
            raise InvalidInput(_("A visit cannot end before it starts."))

    def update(self, visit_id: str, **values: Any) -> VisitInfo:
        unknown = set(values) - set(VISIT_FIELDS)
        if unknown:
            raise TypeError(f"unknown visit fields: {sorted(unknown)}")
        with self.db.write() as s:
            visit = visit_by_uuid(s, visit_id)
            for key, value in values.items():
                if key == "organisation_id":
                    visit.organisation = by_uuid(s, m.Organisation, value)
                elif key == "series_id":
                    visit.series = by_uuid(s, m.Series, value) if value else None
                elif key in ("starts_at", "ends_at"):
                    if key == "starts_at" and value is None:
                        raise InvalidInput(_("A visit needs a start time."))
                    setattr(visit, key, _aware(value))
                elif key == "language":
                    visit.language = self._language(value)
                elif key == "agenda":
                    visit.agenda = [clean(a) for a in value if clean(a)]
                elif key == "template_key":
                    template = get_template(value)
                    visit.template_key, visit.template_version = template.key, template.version
                else:
                    setattr(visit, key, clean(value))
            self._check_times(visit)
            if visit.status == m.VisitStatus.FINALISED:
                mark_edited(visit)
            s.flush()
            return VisitInfo.of(visit)

    def get(self, visit_id: str) -> VisitInfo:
        with self.db.read() as s:
            return VisitInfo.of(visit_by_uuid(s, visit_id))

    def start(self, visit_id: str) -> VisitInfo:
        """Mark a planned visit as in progress (the meeting has begun)."""
        with self.db.write() as s:
            visit = visit_by_uuid(s, visit_id)
            if visit.status == m.VisitStatus.PLANNED:
                visit.status = m.VisitStatus.IN_PROGRESS
            s.flush()
            return VisitInfo.of(visit)

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
                   m.Series.name, m.Visit.place)
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
            query = query.where(m.Visit.starts_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), dt.UTC))
        if limit is not None:
            query = query.limit(limit)
        with self.db.read() as s:
            return [
                VisitSummary(uuid, title, starts_at, status.value, org, series, place)
                for uuid, title, starts_at, status, org, series, place in s.execute(query)
            ]

    def count(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(func.count(m.Visit.id))) or 0

    # -- participants ------------------------------------------------------

    def add_participant(self, visit_id: str, person_id: str, *, side: str = "city", role: str = "") -> ParticipantInfo:
        with self.db.write() as s:
            visit = visit_by_uuid(s, visit_id)
            person = by_uuid(s, m.Person, person_id)
            if any(p.person_id == person.id for p in visit.participants):
                raise InvalidInput(_("{name} already takes part in this visit.").format(name=person.name))
            part = m.Participant(
                visit=visit, person=person, side=self._side(side), role=clean(role),
                position=len(visit.participants),
            )
            s.add(part)
            s.flush()
            return ParticipantInfo.of(part)

    @staticmethod
    def _side(side: str) -> m.Side:
        try:
            return m.Side(side)
        except ValueError:
            raise InvalidInput(_("The side must be city, company or other.")) from None

    def update_participant(self, participant_id: str, *, side: str | None = None, role: str | None = None) -> ParticipantInfo:
        with self.db.write() as s:
            part = by_uuid(s, m.Participant, participant_id)
            if side is not None:
                part.side = self._side(side)
            if role is not None:
                part.role = clean(role)
            s.flush()
            return ParticipantInfo.of(part)

    def remove_participant(self, participant_id: str) -> None:
        with self.db.write() as s:
            part = by_uuid(s, m.Participant, participant_id)
            s.delete(part)

    def participants(self, visit_id: str) -> list[ParticipantInfo]:
        with self.db.read() as s:
            visit = s.scalar(
                select(m.Visit).where(m.Visit.id == visit_by_uuid(s, visit_id).id)
                .options(selectinload(m.Visit.participants).selectinload(m.Participant.person))
            )
            return [ParticipantInfo.of(p) for p in visit.participants]
