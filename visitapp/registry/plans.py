"""Plan files: the coordinator's planned visits, so that every official starts from the same visit ids.

``format: "visitapp.plan/1"``; the pydantic models below are the implementation
and ``resources/schema/plan-1.schema.json`` the published contract (a test
keeps the two equal).  Unknown fields of a newer minor version are ignored; a
newer major version is refused.  A malformed file is refused with one sentence
before the database is touched, and an import is one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select

from visitapp import __version__
from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound
from visitapp.exchange.record import UUID_PATTERN, OrganisationRec, ParticipantRec, SeriesRec
from visitapp.i18n import _
from visitapp.minutes.output import write_atomic
from visitapp.templates import all_templates

PLAN_MAJOR = 1
PLAN_FORMAT = f"visitapp.plan/{PLAN_MAJOR}"
SCHEMA_FILE = f"plan-{PLAN_MAJOR}.schema.json"


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow")


# The organisation, people and series travel in the same shape as in the visit record.
PlanSeries = SeriesRec
PlanOrganisation = OrganisationRec
PlanParticipant = ParticipantRec


class PlanVisit(_Part):
    id: str = Field(pattern=UUID_PATTERN)
    title: str = ""
    starts_at: AwareDatetime
    ends_at: AwareDatetime | None = None
    place: str = ""
    language: Literal["pl", "en"] = "pl"
    template: str = Field(min_length=1)
    agenda: list[str] = Field(default_factory=list)
    organisation: PlanOrganisation
    participants: list[PlanParticipant] = Field(default_factory=list)


class Plan(_Part):
    """Planned visits as the coordinator hands them to officials."""

    format: Literal["visitapp.plan/1"]
    app_version: str = ""
    exported_at: AwareDatetime
    series: PlanSeries | None = None
    visits: list[PlanVisit]


def json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://visitapp.example/schema/{SCHEMA_FILE}"
    schema["title"] = "visitapp plan of visits"
    return schema


def parse_plan(data: bytes | str) -> Plan:
    """A validated plan; InvalidInput with one sentence otherwise."""
    try:
        raw = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InvalidInput(_("The plan file is not valid JSON.")) from err
    fmt = raw.get("format") if isinstance(raw, dict) else None
    if not isinstance(fmt, str) or not fmt.startswith("visitapp.plan/"):
        raise InvalidInput(_("This is not a visitapp plan file."))
    major = fmt.rsplit("/", 1)[1]
    if major != str(PLAN_MAJOR):
        raise InvalidInput(_("The plan file has format version {major}, which this visitapp does not read.").format(
            major=major))
    try:
        plan = Plan.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or _("top level")
        raise InvalidInput(_("The plan file is malformed at {where}: {problem}.").format(
            where=where, problem=first["msg"])) from err
    templates = all_templates()
    for visit in plan.visits:
        if visit.template not in templates:
            raise InvalidInput(_("The plan names a visit template this visitapp does not have: {key}.").format(
                key=visit.template))
        if visit.ends_at is not None and visit.ends_at < visit.starts_at:
            raise InvalidInput(_("A visit in the plan ends before it starts ({id}).").format(id=visit.id))
    return plan


def read_plan(path: Path) -> Plan:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)) from err
    return parse_plan(data)


# -- export ------------------------------------------------------------------------------


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def build_plan(db: Database, *, series: str | None = None, include_all: bool = False) -> Plan:
    with db.read() as s:
        query = select(m.Visit).order_by(m.Visit.starts_at, m.Visit.id)
        chosen = None
        if series:
            chosen = s.scalar(select(m.Series).where(m.Series.name == series.strip()))
            if chosen is None:
                raise NotFound(_("There is no series named {name}.").format(name=series))
            query = query.where(m.Visit.series_id == chosen.id)
        if not include_all:
            query = query.where(m.Visit.status == m.VisitStatus.PLANNED)
        visits = s.scalars(query).all()
        if chosen is None:
            found = {v.series.uuid: v.series for v in visits if v.series is not None}
            chosen = next(iter(found.values())) if len(found) == 1 else None
        data = {
            "format": PLAN_FORMAT, "app_version": __version__, "exported_at": m.utcnow().isoformat(),
            "series": ({"id": chosen.uuid, "name": chosen.name, "description": chosen.description}
                       if chosen is not None else None),
            "visits": [
                {
                    "id": v.uuid, "title": v.title, "starts_at": _iso(v.starts_at), "ends_at": _iso(v.ends_at),
                    "place": v.place, "language": v.language, "template": v.template_key,
                    "agenda": list(v.agenda or []),
                    "organisation": {
                        "id": v.organisation.uuid, "name": v.organisation.name, "nip": v.organisation.nip,
                        "krs": v.organisation.krs, "regon": v.organisation.regon, "sector": v.organisation.sector,
                        "address": v.organisation.address, "website": v.organisation.website,
                        "in_city_since": v.organisation.in_city_since,
                    },
                    "participants": [
                        {"id": p.uuid, "side": p.side.value, "role": p.role,
                         "person": {"id": p.person.uuid, "name": p.person.name, "role": p.person.role,
                                    "institution": p.person.institution, "email": p.person.email,
                                    "phone": p.person.phone}}
                        for p in v.participants
                    ],
                }
                for v in visits
            ],
        }
    return Plan.model_validate(data)


def export_plan(db: Database, out: Path, *, series: str | None = None, include_all: bool = False) -> int:
    plan = build_plan(db, series=series, include_all=include_all)
    text = json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2)
    write_atomic(Path(out), (text + "\n").encode("utf-8"))
    return len(plan.visits)


# -- import ------------------------------------------------------------------------------


@dataclass
class PlanImportResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def import_plan(db: Database, plan: Plan) -> PlanImportResult:
    """Add the plan's visits (same ids); a visit still planned here takes the plan's facts; one transaction."""
    from visitapp.registry.merge import _match_organisation, _match_person, _match_series, _uuid_free

    templates = all_templates()
    result = PlanImportResult()
    with db.write() as s:
        counter: Counter[str] = Counter()
        series = _match_series(s, plan.series) if plan.series else None
        for pv in plan.visits:
            org = _match_organisation(s, pv.organisation, counter)
            template = templates[pv.template]
            facts = {"title": pv.title, "starts_at": pv.starts_at.astimezone(dt.UTC),
                     "ends_at": pv.ends_at.astimezone(dt.UTC) if pv.ends_at else None, "place": pv.place.strip(),
                     "language": pv.language, "agenda": list(pv.agenda)}
            visit = s.scalar(select(m.Visit).where(m.Visit.uuid == pv.id))
            if visit is None:
                visit = m.Visit(uuid=pv.id, organisation=org, series=series, status=m.VisitStatus.PLANNED,
                                template_key=template.key, template_version=template.version, **facts)
                s.add(visit)
                result.added.append(pv.id)
            elif visit.status == m.VisitStatus.PLANNED and (
                    any(getattr(visit, k) != v for k, v in facts.items()) or visit.organisation is not org):
                for k, v in facts.items():
                    setattr(visit, k, v)
                visit.organisation = org
                result.updated.append(pv.id)
            else:
                result.unchanged.append(pv.id)
                continue
            present = list(visit.participants)
            for pp in pv.participants:
                person = _match_person(s, pp.person, counter)
                if any(x.person is person for x in present):
                    continue
                extra = {"uuid": pp.id} if _uuid_free(s, m.Participant, pp.id) else {}
                part = m.Participant(visit=visit, person=person, side=m.Side(pp.side), role=pp.role,
                                     position=len(present), **extra)
                s.add(part)
                present.append(part)
            s.flush()
    return result
