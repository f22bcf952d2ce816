"""Plain, immutable copies of stored records handed out by the services.

Nothing outside the services holds an ORM object or a session; the GUI and the
CLI get these, which stay valid after the unit of work that read them ends.
Public ids are the records' UUIDs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from visitapp.db import models as m
from visitapp.domain import Visibility, action_overdue


@dataclass(frozen=True, slots=True)
class OrganisationInfo:
    id: str
    name: str
    nip: str | None
    krs: str | None
    regon: str | None
    sector: str
    address: str
    website: str
    in_city_since: int | None

    @classmethod
    def of(cls, o: m.Organisation) -> OrganisationInfo:
        return cls(o.uuid, o.name, o.nip, o.krs, o.regon, o.sector, o.address, o.website, o.in_city_since)


@dataclass(frozen=True, slots=True)
class PersonInfo:
    id: str
    name: str
    role: str
    institution: str
    email: str
    phone: str

    @classmethod
    def of(cls, p: m.Person) -> PersonInfo:
        return cls(p.uuid, p.name, p.role, p.institution, p.email, p.phone)


@dataclass(frozen=True, slots=True)
class ParticipantInfo:
    id: str
    person: PersonInfo
    side: str
    role: str

    @classmethod
    def of(cls, p: m.Participant) -> ParticipantInfo:
        return cls(p.uuid, PersonInfo.of(p.person), p.side.value, p.role)


@dataclass(frozen=True, slots=True)
class SeriesInfo:
    id: str
    name: str
    description: str

    @classmethod
    def of(cls, s: m.Series) -> SeriesInfo:
        return cls(s.uuid, s.name, s.description)


@dataclass(frozen=True, slots=True)
class VisitSummary:
    """One row of the visit list."""

    id: str
    title: str
    starts_at: dt.datetime
    status: str
    organisation: str
    series: str | None
    place: str
    time_zone: str = "Europe/Warsaw"  # the visit's wall clock: the list shows its time on it


@dataclass(frozen=True, slots=True)
class VisitInfo:
    id: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    place: str
    status: str
    language: str
    template_key: str
    template_version: int
    agenda: tuple[str, ...]
    organisation: OrganisationInfo
    series: SeriesInfo | None
    participants: tuple[ParticipantInfo, ...]
    latest_version: int | None
    updated_at: dt.datetime
    case_number: str = ""  # the minutes' header (znak sprawy) and who approves them (issue 11)
    approver: str = ""
    default_visibility: str = Visibility.INTERNAL.value  # what a new note of this visit starts as
    agenda_sections: str = ""  # the agenda as sections: "" no, "append", "replace" (templates.visit_template)
    time_zone: str = "Europe/Warsaw"  # the visit's wall clock: its times are shown on it (issue 10)
    cosigner: str = ""  # who is expected to co-sign (empty: no co-signature box) and verbatim minutes: the
    verbatim: bool = False  # prepare dialog shows and changes them

    @classmethod
    def of(cls, v: m.Visit) -> VisitInfo:
        return cls(
            id=v.uuid,
            title=v.title,
            starts_at=v.starts_at,
            ends_at=v.ends_at,
            place=v.place,
            status=v.status.value,
            language=v.language,
            template_key=v.template_key,
            template_version=v.template_version,
            agenda=tuple(v.agenda or ()),
            organisation=OrganisationInfo.of(v.organisation),
            series=SeriesInfo.of(v.series) if v.series else None,
            participants=tuple(ParticipantInfo.of(p) for p in v.participants),
            latest_version=v.versions[-1].number if v.versions else None,
            updated_at=v.updated_at,
            case_number=v.case_number or "",
            approver=v.approver or "",
            default_visibility=v.default_visibility or Visibility.INTERNAL.value,
            agenda_sections=v.agenda_sections or "",
            time_zone=v.time_zone or "Europe/Warsaw",
            cosigner=v.cosigner or "",
            verbatim=bool(v.verbatim),
        )


@dataclass(frozen=True, slots=True)
class NoteInfo:
    id: str
    visit_id: str
    section: str
    kind: str
    text: str
    author: str
    created_at: dt.datetime
    updated_at: dt.datetime
    tags: tuple[str, ...]
    position: int
    visibility: str
    deleted: bool

    @classmethod
    def of(cls, n: m.Note, visit_uuid: str) -> NoteInfo:
        return cls(
            n.uuid, visit_uuid, n.section, n.kind.value, n.text, n.author, n.created_at, n.updated_at,
            tuple(n.tags or ()), n.position, n.visibility.value, n.deleted,
        )


@dataclass(frozen=True, slots=True)
class ActionInfo:
    id: str
    visit_id: str
    note_id: str | None
    description: str
    owner: str
    due_date: dt.date | None
    status: str
    deleted: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    organisation: str = ""
    visit_starts_at: dt.datetime | None = None
    visit_time_zone: str = "Europe/Warsaw"  # the visit's wall clock: its time is shown on it

    @classmethod
    def of(cls, a: m.ActionItem) -> ActionInfo:
        return cls(
            a.uuid, a.visit.uuid, a.note.uuid if a.note else None, a.description, a.owner, a.due_date,
            a.status.value, a.deleted, a.created_at, a.updated_at, a.visit.organisation.name, a.visit.starts_at,
            a.visit.time_zone or "Europe/Warsaw",
        )

    def is_overdue(self, today: dt.date) -> bool:
        return action_overdue(self.status, self.due_date, today)


@dataclass(frozen=True, slots=True)
class AnswerInfo:
    field: str
    value: Any
    author: str
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class DraftInfo:
    key: str
    text: str
    data: dict[str, Any]
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class VersionInfo:
    number: int
    created_at: dt.datetime
    author: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # note, action, visit, participant
    visit_id: str
    ref_id: str  # uuid of the note, action item, visit or participant
    snippet: str
    rank: float
    organisation: str
    starts_at: dt.datetime
