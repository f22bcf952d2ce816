"""Operations on visits, their participants, organisations and people; preparing a visit in one step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from visitapp.db import models as m
from visitapp.domain import Side, Visibility
from visitapp.errors import InvalidInput
from visitapp.i18n import _
from visitapp.ops import common as c
from visitapp.ops.history import Tx
from visitapp.ops.operation import operation
from visitapp.services.base import by_uuid, clean, visit_by_uuid
from visitapp.services.dto import OrganisationInfo, ParticipantInfo, PersonInfo, SeriesInfo, VisitInfo
from visitapp.templates import DEFAULT_TEMPLATE, get_template, visit_template
from visitapp.validation import name_key, normalise_krs, normalise_nip, normalise_regon

VISIT_FIELDS = ("title", "starts_at", "ends_at", "place", "language", "agenda", "series_id", "organisation_id",
                "template_key", "case_number", "approver", "cosigner", "time_zone", "verbatim", "default_visibility",
                "agenda_sections")
ORG_FIELDS = ("name", "nip", "krs", "regon", "sector", "address", "website", "in_city_since")
PERSON_FIELDS = ("name", "role", "institution", "email", "phone")


# -- organisations and people -------------------------------------------------

def org_values(values: dict[str, Any]) -> dict[str, Any]:
    c.unknown_fields("organisation", values, ORG_FIELDS)
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "nip":
            out[key] = normalise_nip(value)
        elif key == "krs":
            out[key] = normalise_krs(value)
        elif key == "regon":
            out[key] = normalise_regon(value)
        elif key == "in_city_since":
            out[key] = _year(value)
        else:
            out[key] = clean(value)
    if "name" in out:
        if not out["name"]:
            raise InvalidInput(_("An organisation needs a name."))
        out["name_key"] = name_key(out["name"])
    return out


def _year(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(_("{value} is not a year.").format(value=value)) from None
    if not 1800 <= year <= 2200:
        raise InvalidInput(_("{value} is not a plausible year.").format(value=value))
    return year


def _check_nip_free(tx: Tx, nip: str | None, own_id: int | None) -> None:
    if nip is None:
        return
    other = tx.session.scalar(select(m.Organisation).where(m.Organisation.nip == nip))
    if other is not None and other.id != own_id:
        raise InvalidInput(_("The NIP {nip} already belongs to {name}.").format(nip=nip, name=other.name))


def person_values(values: dict[str, Any]) -> dict[str, Any]:
    c.unknown_fields("person", values, PERSON_FIELDS)
    out = {k: clean(v) for k, v in values.items()}
    if "name" in out and not out["name"]:
        raise InvalidInput(_("A person needs a name."))
    if out.get("email") and "@" not in out["email"]:
        raise InvalidInput(_("{value} is not an e-mail address.").format(value=out["email"]))
    return out


def _create_org(tx: Tx, name: str, values: dict[str, Any]) -> m.Organisation:
    data = org_values({"name": name, **values})
    _check_nip_free(tx, data.get("nip"), None)
    org = m.Organisation(**data)
    tx.session.add(org)
    tx.session.flush()
    return org


def _update_org(tx: Tx, org_id: str, values: dict[str, Any]) -> m.Organisation:
    data = org_values(values)
    org = by_uuid(tx.session, m.Organisation, org_id)
    if "nip" in data:
        _check_nip_free(tx, data["nip"], org.id)
    for key, value in data.items():
        setattr(org, key, value)
    tx.session.flush()
    return org


def _create_person(tx: Tx, name: str, values: dict[str, Any]) -> m.Person:
    person = m.Person(**person_values({"name": name, **values}))
    tx.session.add(person)
    tx.session.flush()
    return person


@operation(lambda: _("Add organisation"))
def create_organisation(tx: Tx, name: str, **values: Any) -> OrganisationInfo:
    return OrganisationInfo.of(_create_org(tx, name, values))


@operation(lambda: _("Edit organisation"))
def edit_organisation(tx: Tx, org_id: str, **values: Any) -> OrganisationInfo:
    return OrganisationInfo.of(_update_org(tx, org_id, values))


@operation(lambda: _("Add person"))
def create_person(tx: Tx, name: str, **values: Any) -> PersonInfo:
    return PersonInfo.of(_create_person(tx, name, values))


@operation(lambda: _("Edit person"))
def edit_person(tx: Tx, person_id: str, **values: Any) -> PersonInfo:
    person = by_uuid(tx.session, m.Person, person_id)
    for key, value in person_values(values).items():
        setattr(person, key, value)
    tx.session.flush()
    return PersonInfo.of(person)


@operation(lambda: _("Add series"))
def create_series(tx: Tx, name: str, description: str = "") -> SeriesInfo:
    if not clean(name):
        raise InvalidInput(_("A series needs a name."))
    series = m.Series(name=clean(name), description=clean(description))
    tx.session.add(series)
    tx.session.flush()
    return SeriesInfo.of(series)


# -- visits --------------------------------------------------------------------

def _create_visit(tx: Tx, organisation_id: str, starts_at: dt.datetime, *, title: str = "",
                  ends_at: dt.datetime | None = None, place: str = "", language: str = "pl",
                  agenda: list[str] | None = None, series_id: str | None = None,
                  template_key: str = DEFAULT_TEMPLATE, uuid: str | None = None, case_number: str = "",
                  approver: str = "", cosigner: str = "", time_zone: str = "Europe/Warsaw",
                  verbatim: bool = False, default_visibility: str = Visibility.INTERNAL,
                  agenda_sections: str = "") -> m.Visit:
    template = get_template(template_key)
    s = tx.session
    org = by_uuid(s, m.Organisation, organisation_id)
    series = by_uuid(s, m.Series, series_id) if series_id else None
    visit = m.Visit(
        organisation=org, series=series, title=clean(title), starts_at=c.aware(starts_at),
        ends_at=c.aware(ends_at), place=clean(place), language=c.language(language),
        agenda=[clean(a) for a in (agenda or []) if clean(a)], template_key=template.key,
        template_version=template.version, status=m.VisitStatus.PLANNED,
        case_number=clean(case_number), approver=clean(approver), cosigner=clean(cosigner),
        time_zone=_zone(time_zone), verbatim=bool(verbatim),
        default_visibility=c.visibility(default_visibility).value,  # what its new notes start as
        agenda_sections=agenda_sections or "",
    )
    visit_template(visit.template_key, visit.agenda, visit.agenda_sections)  # an unknown mode: one sentence
    if uuid:
        visit.uuid = uuid
    c.check_times(visit)
    s.add(visit)
    s.flush()
    return visit


def _zone(value: Any) -> str:
    """An IANA time zone name ("Europe/Warsaw"), or one sentence."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = clean(value) or "Europe/Warsaw"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(_("Unknown time zone {zone}; use a name like Europe/Warsaw.").format(zone=name)) from None
    return name


def _update_visit(tx: Tx, visit_id: str, values: dict[str, Any]) -> m.Visit:
    c.unknown_fields("visit", values, VISIT_FIELDS)
    s = tx.session
    visit = visit_by_uuid(s, visit_id)
    for key, value in values.items():
        if key == "organisation_id":
            visit.organisation = by_uuid(s, m.Organisation, value)
        elif key == "series_id":
            visit.series = by_uuid(s, m.Series, value) if value else None
        elif key in ("starts_at", "ends_at"):
            if key == "starts_at" and value is None:
                raise InvalidInput(_("A visit needs a start time."))
            setattr(visit, key, c.aware(value))
        elif key == "language":
            visit.language = c.language(value)
        elif key == "agenda":
            visit.agenda = [clean(a) for a in value if clean(a)]
        elif key == "time_zone":
            visit.time_zone = _zone(value)
        elif key == "verbatim":
            visit.verbatim = bool(value)
        elif key == "default_visibility":
            visit.default_visibility = c.visibility(value).value
        elif key == "agenda_sections":
            visit.agenda_sections = value or ""
        elif key == "template_key":
            template = get_template(value)
            visit.template_key, visit.template_version = template.key, template.version
        else:
            setattr(visit, key, clean(value))
    c.check_times(visit)
    if {"agenda", "agenda_sections", "template_key"} & set(values):
        _sections_kept(s, visit)
    if visit.status == m.VisitStatus.FINALISED:
        c.mark_edited(visit)
    s.flush()
    return visit


def _sections_kept(s: Any, visit: m.Visit) -> None:
    """A change of the agenda, of whether it is the sections, or of the template must leave a section for
    every note: else one sentence, nothing changed."""
    keys = set(visit_template(visit.template_key, visit.agenda, visit.agenda_sections).section_keys)
    used = set(s.scalars(select(m.Note.section).where(m.Note.visit_id == visit.id, m.Note.deleted.is_(False))))
    lost = sorted(used - keys)
    if lost:
        raise InvalidInput(_("Notes are filed under a section this change would remove ({sections}); move them "
                             "to another section first.").format(sections=", ".join(lost)))


@operation(lambda: _("Add visit"))
def create_visit(tx: Tx, organisation_id: str, starts_at: dt.datetime, **values: Any) -> VisitInfo:
    return VisitInfo.of(_create_visit(tx, organisation_id, starts_at, **values))


@operation(lambda: _("Edit visit"))
def edit_visit(tx: Tx, visit_id: str, **values: Any) -> VisitInfo:
    return VisitInfo.of(_update_visit(tx, visit_id, values))


@operation(lambda: _("Change visit status"))
def set_visit_status(tx: Tx, visit_id: str, status: str) -> VisitInfo:
    """Planned or in progress (finalising makes a version: see the records service)."""
    visit = visit_by_uuid(tx.session, visit_id)
    wanted = c.visit_status(status)
    if wanted == m.VisitStatus.FINALISED:
        raise InvalidInput(_("A visit is finalised by exporting its minutes."))
    visit.status = wanted
    tx.session.flush()
    return VisitInfo.of(visit)


@operation(lambda: _("Start visit"))
def start_visit(tx: Tx, visit_id: str) -> VisitInfo:
    """Mark a planned visit as in progress (the meeting has begun)."""
    visit = visit_by_uuid(tx.session, visit_id)
    if visit.status == m.VisitStatus.PLANNED:
        visit.status = m.VisitStatus.IN_PROGRESS
    tx.session.flush()
    return VisitInfo.of(visit)


# -- participants --------------------------------------------------------------

def _add_participant(tx: Tx, visit: m.Visit, person: m.Person, side: str, role: str) -> m.Participant:
    if any(p.person_id == person.id for p in visit.participants):
        raise InvalidInput(_("{name} already takes part in this visit.").format(name=person.name))
    part = m.Participant(visit=visit, person=person, side=c.side(side), role=clean(role),
                         position=len(visit.participants))
    tx.session.add(part)
    tx.session.flush()
    return part


@operation(lambda: _("Add participant"))
def add_participant(tx: Tx, visit_id: str, person_id: str, *, side: str = Side.CITY, role: str = "") -> ParticipantInfo:
    s = tx.session
    return ParticipantInfo.of(_add_participant(tx, visit_by_uuid(s, visit_id), by_uuid(s, m.Person, person_id),
                                               side, role))


@operation(lambda: _("Edit participant"))
def edit_participant(tx: Tx, participant_id: str, *, side: str | None = None, role: str | None = None
                     ) -> ParticipantInfo:
    part = by_uuid(tx.session, m.Participant, participant_id)
    if side is not None:
        part.side = c.side(side)
    if role is not None:
        part.role = clean(role)
    tx.session.flush()
    return ParticipantInfo.of(part)


@operation(lambda: _("Remove participant"))
def remove_participant(tx: Tx, participant_id: str) -> None:
    tx.session.delete(by_uuid(tx.session, m.Participant, participant_id))
    tx.session.flush()


def _series_named(tx: Tx, name: str) -> str:
    """The uuid of the series called ``name``, made now if there is none."""
    found = tx.session.scalar(select(m.Series).where(m.Series.name == clean(name)))
    if found is None:
        found = m.Series(name=clean(name), description="")
        tx.session.add(found)
        tx.session.flush()
    return found.uuid


@operation(lambda: _("Prepare visit"))
def prepare_visit(
    tx: Tx,
    *,
    organisation: Mapping[str, Any],
    visit: Mapping[str, Any],
    participants: Iterable[Mapping[str, Any]] = (),
    visit_id: str | None = None,
    series_name: str | None = None,
) -> VisitInfo:
    """Create or change a visit with its organisation, people and participants: one step, all or nothing.

    ``organisation``: ``name`` and the organisation's fields, with ``id`` for a known one (kept and
    updated while the name is unchanged; a new name makes a new organisation). ``visit``: the visit's
    fields (``starts_at`` required for a new visit). ``participants``: in order, each with ``name``,
    ``institution``, ``role``, ``side``, and ``person_id`` for a known person (else one is made) and
    ``participant_id`` for one already in the visit (kept, with the ``side`` and ``role`` given);
    participants of the visit not listed are removed. ``series_name``: the visit's series by its name,
    made in this step if there is none of that name yet (the command line names series; the dialog
    passes ``series_id``).
    """
    org_data = dict(organisation)
    org_id, name = org_data.pop("id", None), clean(org_data.pop("name", ""))
    if org_id and name == by_uuid(tx.session, m.Organisation, org_id).name:
        org = _update_org(tx, org_id, org_data)
    else:
        org = _create_org(tx, name, org_data)
    values = dict(visit)
    if series_name is not None and clean(series_name):
        values["series_id"] = _series_named(tx, series_name)
    if visit_id is None:
        starts_at = values.pop("starts_at", None)
        if starts_at is None:
            raise InvalidInput(_("A visit needs a start time."))
        target = _create_visit(tx, org.uuid, starts_at, **values)
    else:
        target = _update_visit(tx, visit_id, {**values, "organisation_id": org.uuid})
    wanted = list(participants)
    kept = {p["participant_id"]: p for p in wanted if p.get("participant_id")}
    for part in list(target.participants):
        if part.uuid not in kept:
            target.participants.remove(part)
            tx.session.delete(part)
        else:  # kept, with the side and role listed (the dialog changes them in place)
            listed = kept[part.uuid]
            if listed.get("side"):
                part.side = c.side(listed["side"])
            if "role" in listed:
                part.role = clean(listed["role"])
    tx.session.flush()
    for attendee in wanted:
        if attendee.get("participant_id") in kept and attendee.get("participant_id"):
            continue
        if attendee.get("person_id"):
            person = by_uuid(tx.session, m.Person, attendee["person_id"])
        else:
            person = _create_person(tx, attendee.get("name", ""), {
                "institution": attendee.get("institution", ""), "role": attendee.get("role", "")})
        _add_participant(tx, target, person, attendee.get("side", Side.CITY), attendee.get("role", ""))
    tx.session.flush()
    return VisitInfo.of(target)
