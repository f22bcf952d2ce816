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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from visitapp import __version__
from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound
from visitapp.exchange.record import UUID_PATTERN, OrganisationRec, ParticipantRec, SeriesRec
from visitapp.i18n import _, ngettext
from visitapp.minutes.output import write_atomic
from visitapp.registry.plan_sign import MAX_PLAN_BYTES, check_depth, check_size, open_plan_bytes, printable
from visitapp.templates import all_templates
from visitapp.validation import name_key

if TYPE_CHECKING:
    from visitapp.registry.plan_sign import PlanSigner

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
    # The coordinator's certificate (PEM) for minutes encrypted for them (plan export --encrypt-to-me).
    encrypt_to: str | None = Field(default=None, max_length=65536)


def json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://visitapp.example/schema/{SCHEMA_FILE}"
    schema["title"] = "visitapp plan of visits"
    return schema


def parse_plan(data: bytes | str) -> Plan:
    """A validated plan; InvalidInput with one sentence otherwise (size and nesting checked before parsing)."""
    raw_bytes = data.encode("utf-8") if isinstance(data, str) else data
    check_size(len(raw_bytes))
    check_depth(raw_bytes)
    try:
        raw = json.loads(raw_bytes)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as err:
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
    ids = [visit.id for visit in plan.visits]
    if len(set(ids)) != len(ids):
        raise InvalidInput(_("The plan lists the same visit more than once; it was not read."))
    if plan.encrypt_to is not None:
        from visitapp.registry.plan_recipients import check_plan_certificate

        check_plan_certificate(plan.encrypt_to)
    return plan


def read_plan_bytes(path: Path) -> bytes:
    """The bytes of a plan file, refused unread when larger than any plan."""
    try:
        with Path(path).open("rb") as f:
            data = f.read(MAX_PLAN_BYTES + 1)
    except OSError as err:
        raise InvalidInput(_("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)) from err
    check_size(len(data))
    return data


def read_plan(path: Path, *, allow_unsigned: bool = False) -> tuple[Plan, PlanSigner | None]:
    """The plan in ``path`` and who signed it (signature checked, trust not yet: see plan_sign.check_trusted).

    Only the bytes the signature covers are parsed; a plain JSON plan only when ``allow_unsigned``.
    """
    opened = open_plan_bytes(read_plan_bytes(path), allow_unsigned=allow_unsigned)
    return parse_plan(opened.content), opened.signer


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
        if chosen is None:  # the plan names a series only when every visit in it belongs to that one series:
            # an importer gives the plan's series to all its visits, so one labelled visit must not label the rest
            found = {v.series.uuid: v.series for v in visits if v.series is not None}
            whole = len(found) == 1 and all(v.series is not None for v in visits)
            chosen = next(iter(found.values())) if whole else None
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


def export_plan(db: Database, out: Path, *, series: str | None = None, include_all: bool = False,
                source=None, encrypt_to=None) -> int:  # a SignerSource, an x509.Certificate
    """Write the plan: a CMS SignedData around its JSON when ``source`` is given, else plain JSON.

    With ``encrypt_to`` (the coordinator's certificate) the plan carries it, so
    officials can export minutes of its visits encrypted for the coordinator.
    """
    plan = build_plan(db, series=series, include_all=include_all)
    if encrypt_to is not None:
        from visitapp.registry.plan_recipients import certificate_pem

        plan.encrypt_to = certificate_pem(encrypt_to)
    text = json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2)
    content = (text + "\n").encode("utf-8")
    if source is not None:
        from visitapp.registry.plan_sign import sign_content

        content, _cert = sign_content(content, source)
    write_atomic(Path(out), content)
    return len(plan.visits)


# -- import ------------------------------------------------------------------------------
#
# A plan adds visits, and may change visits that are still planned here; those
# changes are computed first (preview_plan) and applied only when the caller
# confirms exactly that list.  It never fills in nor changes an organisation's
# or a person's data that this database already has: they are matched and left
# as they are; only new ones are created.


@dataclass
class PlanImportResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FieldChange:
    """One field of one existing visit that the plan would change (values as shown)."""

    visit_id: str
    visit: str  # its title (or organisation) as this database has it
    field: str
    old: str
    new: str

    def line(self) -> str:
        return _("{visit} ({id}): {field}: {old} -> {new}").format(
            visit=printable(self.visit), id=self.visit_id[:8], field=field_label(self.field),
            old=printable(self.old), new=printable(self.new))


@dataclass
class PlanPreview:
    """What importing a plan would do, computed without changing anything."""

    plan: Plan
    added: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [c.line() for c in self.changes]


class ChangesNotConfirmed(InvalidInput):
    """The plan changes existing visits and those changes were not confirmed (or changed since)."""


def field_label(name: str) -> str:
    return {
        "title": _("title"), "starts_at": _("time"), "ends_at": _("end"), "place": _("place"),
        "language": _("language"), "agenda": _("agenda"), "template": _("template"), "series": _("series"),
        "organisation": _("organisation"), "participants": _("participants"),
    }.get(name, name)


FACTS = ("title", "starts_at", "ends_at", "place", "language", "agenda")


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _find_series(s: Session, rec: PlanSeries | None) -> m.Series | None:
    if rec is None:
        return None
    found = s.scalar(select(m.Series).where(m.Series.uuid == rec.id))
    return found or s.scalar(select(m.Series).where(m.Series.name == rec.name.strip()).limit(1))


def _find_organisation(s: Session, rec: PlanOrganisation) -> m.Organisation | None:
    """The organisation this database has for ``rec`` (same NIP, same id, same name), untouched."""
    key = name_key(rec.name)
    wanted = [m.Organisation.uuid == rec.id]
    if rec.nip:
        wanted.append(m.Organisation.nip == rec.nip)
    if key:
        wanted.append(m.Organisation.name_key == key)
    rows = sorted(s.scalars(select(m.Organisation).where(or_(*wanted))), key=lambda o: o.id)
    org = next((o for o in rows if rec.nip and o.nip == rec.nip), None)
    org = org or next((o for o in rows if o.uuid == rec.id), None)
    if org is None and key:
        org = next((o for o in rows if o.name_key == key and not (o.nip and rec.nip and o.nip != rec.nip)), None)
    return org


def _find_person(s: Session, rec: PlanParticipant) -> m.Person | None:
    from visitapp.registry.merge import _person_key

    person = rec.person
    found = s.scalar(select(m.Person).where(m.Person.uuid == person.id))
    email = (person.email or "").strip().lower()
    if found is None and email:
        found = s.scalar(select(m.Person).where(func.lower(m.Person.email) == email).limit(1))
    if found is None and person.name.strip():
        want = _person_key(person.name, person.institution)
        last = person.name.strip().split()[-1]
        rows = s.scalars(select(m.Person).where(m.Person.name.contains(last, autoescape=True))).all()
        found = next((p for p in rows if _person_key(p.name, p.institution) == want), None)
    return found


def _facts(pv: PlanVisit) -> dict[str, Any]:
    return {"title": pv.title, "starts_at": pv.starts_at.astimezone(dt.UTC),
            "ends_at": pv.ends_at.astimezone(dt.UTC) if pv.ends_at else None, "place": pv.place.strip(),
            "language": pv.language, "agenda": list(pv.agenda)}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        a, b = (x if x.tzinfo else x.replace(tzinfo=dt.UTC) for x in (a, b))
    return a == b


def _compare(s: Session, plan: Plan, preview: PlanPreview) -> None:
    series = _find_series(s, plan.series)
    for pv in plan.visits:
        visit = s.scalar(select(m.Visit).where(m.Visit.uuid == pv.id))
        if visit is None:
            preview.added.append(pv.id)
            continue
        if visit.status != m.VisitStatus.PLANNED:  # begun here: the official's visit, not the plan's any more
            preview.unchanged.append(pv.id)
            continue
        label = visit.title or visit.organisation.name
        changes: list[FieldChange] = []

        def change(name: str, old: Any, new: Any, changes: list[FieldChange] = changes, label: str = label,
                   visit_id: str = pv.id) -> None:
            changes.append(FieldChange(visit_id, label, name, _shown(old), _shown(new)))

        for name, value in _facts(pv).items():
            if not _same(getattr(visit, name), value):
                change(name, getattr(visit, name), value)
        if visit.template_key != pv.template:
            change("template", visit.template_key, pv.template)
        if plan.series is not None and (series is None or series is not visit.series):
            change("series", visit.series.name if visit.series else None, plan.series.name.strip())
        org = _find_organisation(s, pv.organisation)
        if org is not visit.organisation:
            change("organisation", visit.organisation.name, org.name if org else pv.organisation.name.strip())
        present = [p.person for p in visit.participants]
        joining = [pp.person.name.strip() for pp in pv.participants
                   if (person := _find_person(s, pp)) is None or person not in present]
        if joining:
            names = [p.name for p in present]
            change("participants", names, names + joining)
        if changes:
            preview.changes.extend(changes)
        else:
            preview.unchanged.append(pv.id)


def preview_plan(db: Database, plan: Plan) -> PlanPreview:
    """New visits, and the changes to visits still planned here, that importing ``plan`` would make."""
    preview = PlanPreview(plan)
    with db.read() as s:
        _compare(s, plan, preview)
    return preview


def _new_organisation(s: Session, rec: PlanOrganisation) -> m.Organisation:
    org = m.Organisation(uuid=rec.id, name=rec.name.strip(), name_key=name_key(rec.name), nip=rec.nip, krs=rec.krs,
                         regon=rec.regon, sector=rec.sector, address=rec.address, website=rec.website,
                         in_city_since=rec.in_city_since)
    s.add(org)
    return org


def _new_person(s: Session, rec: PlanParticipant) -> m.Person:
    p = rec.person
    person = m.Person(uuid=p.id, name=p.name.strip(), role=p.role, institution=p.institution, email=p.email,
                      phone=p.phone)
    s.add(person)
    return person


def import_plan(db: Database, plan: Plan, *, confirmed: PlanPreview | None = None,
                trust_certificate: Any = None) -> PlanImportResult:
    """Import ``plan`` in one transaction.

    New visits need no confirmation.  Changes to existing visits are applied
    only when ``confirmed`` is a preview listing exactly the changes found now
    (ChangesNotConfirmed otherwise, and nothing is imported).  With
    ``trust_certificate`` the plan's signer (confirmed by a person) is trusted
    in the same transaction: a plan not imported leaves its signer untrusted.
    """
    from visitapp.ops.history import history_for
    from visitapp.ops.registry import import_plan as import_plan_op

    return import_plan_op(history_for(db), plan, confirmed=confirmed, trust_certificate=trust_certificate).result


def apply_plan(s: Session, plan: Plan, *, confirmed: PlanPreview | None = None) -> PlanImportResult:
    """The body of :func:`import_plan` on the session of its operation (:mod:`visitapp.ops.registry`)."""
    from visitapp.registry.merge import _uuid_free

    templates = all_templates()
    result = PlanImportResult()
    now = PlanPreview(plan)
    _compare(s, plan, now)
    if now.changes and (confirmed is None or confirmed.changes != now.changes):
        n = len(now.changes)
        raise ChangesNotConfirmed(ngettext("The plan makes {n} change in visits you already have; it was not "
                                           "confirmed, so nothing was imported.",
                                           "The plan makes {n} changes in visits you already have; they were not "
                                           "confirmed, so nothing was imported.", n).format(n=n))
    changed = {c.visit_id for c in now.changes}
    series = _find_series(s, plan.series)
    if plan.series is not None and series is None:
        series = m.Series(uuid=plan.series.id, name=plan.series.name.strip(),
                          description=plan.series.description or "")
        s.add(series)
    for pv in plan.visits:
        if pv.id not in changed and pv.id not in now.added:
            result.unchanged.append(pv.id)
            continue
        org = _find_organisation(s, pv.organisation) or _new_organisation(s, pv.organisation)
        template = templates[pv.template]
        visit = s.scalar(select(m.Visit).where(m.Visit.uuid == pv.id))
        if visit is None:
            visit = m.Visit(uuid=pv.id, organisation=org, series=series, status=m.VisitStatus.PLANNED,
                            template_key=template.key, template_version=template.version, **_facts(pv))
            s.add(visit)
            result.added.append(pv.id)
        else:
            for k, v in _facts(pv).items():
                setattr(visit, k, v)
            if visit.template_key != template.key:
                visit.template_key, visit.template_version = template.key, template.version
            if series is not None:
                visit.series = series
            visit.organisation = org
            result.updated.append(pv.id)
        present = list(visit.participants)
        for pp in pv.participants:
            person = _find_person(s, pp) or _new_person(s, pp)
            if any(x.person is person for x in present):
                continue
            extra = {"uuid": pp.id} if _uuid_free(s, m.Participant, pp.id) else {}
            part = m.Participant(visit=visit, person=person, side=m.Side(pp.side), role=pp.role,
                                 position=len(present), **extra)
            s.add(part)
            present.append(part)
        s.flush()
    from visitapp.registry.plan_recipients import remember

    remember(s, [pv.id for pv in plan.visits], plan.encrypt_to)
    return result
