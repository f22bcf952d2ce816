"""Matching rules of the merge: which registry row a record's series, organisation or person is.

Organisations by NIP, then by their own id, then by normalised name (two
organisations with different NIPs are different, whatever their names);
people by their id, then e-mail, then name within their institution; series
by id, then name.  A match only fills what the registry does not know yet.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from visitapp.db import models as m
from visitapp.validation import fold_diacritics, name_key

if TYPE_CHECKING:
    from visitapp.exchange.record import VisitRecord
    from visitapp.registry.results import Source


def match_series(s: Session, rec, *, look: bool = True) -> m.Series | None:
    """``look=False``: the caller knows the registry holds no candidate (the merge's probe), so none is read."""
    if rec is None:
        return None
    series = s.scalar(select(m.Series).where(m.Series.uuid == rec.id)) if look else None
    if series is None and look:
        series = s.scalar(select(m.Series).where(m.Series.name == rec.name.strip()).limit(1))
    if series is None:
        series = m.Series(uuid=rec.id, name=rec.name.strip(), description=rec.description or "")
        s.add(series)
    return series


def match_organisation(s: Session, rec, changes: Counter, *, look: bool = True) -> m.Organisation:
    """``look=False``: the caller knows the registry holds no candidate (the merge's probe), so none is read."""
    key = name_key(rec.name)
    # One query for every candidate (same NIP, same id, same normalised name), chosen in that order below.
    wanted = [m.Organisation.uuid == rec.id]
    if rec.nip:
        wanted.append(m.Organisation.nip == rec.nip)
    if key:
        wanted.append(m.Organisation.name_key == key)
    rows = sorted(s.scalars(select(m.Organisation).where(or_(*wanted))), key=lambda o: o.id) if look else []
    org = next((o for o in rows if rec.nip and o.nip == rec.nip), None)
    if org is None:
        org = next((o for o in rows if o.uuid == rec.id), None)
    if org is None and key:
        # Two organisations with different NIPs are different, whatever their names.
        org = next((o for o in rows if o.name_key == key and not (o.nip and rec.nip and o.nip != rec.nip)), None)
    if org is None:
        org = m.Organisation(uuid=rec.id, name=rec.name.strip(), name_key=key, nip=rec.nip, krs=rec.krs,
                             regon=rec.regon, sector=rec.sector, address=rec.address, website=rec.website,
                             in_city_since=rec.in_city_since)
        s.add(org)
        changes["organisations_added"] += 1
        return org
    # Fill what the registry does not know yet; never overwrite (nor take a NIP another organisation has).
    for name in ("nip", "krs", "regon", "sector", "address", "website", "in_city_since"):
        value = getattr(rec, name)
        if value not in (None, "") and getattr(org, name) in (None, ""):
            if name == "nip" and any(o.nip == value for o in rows):
                continue
            setattr(org, name, value)
    return org


def person_key(name: str, institution: str) -> tuple[str, str]:
    return (" ".join(fold_diacritics(name).lower().split()), name_key(institution))


def match_person(s: Session, rec, changes: Counter) -> m.Person:
    person = s.scalar(select(m.Person).where(m.Person.uuid == rec.id))
    email = (rec.email or "").strip().lower()
    if person is None and email:
        person = s.scalar(select(m.Person).where(func.lower(m.Person.email) == email).limit(1))
    if person is None:
        want = person_key(rec.name, rec.institution)
        last = rec.name.strip().split()[-1] if rec.name.strip() else ""
        rows = s.scalars(select(m.Person).where(m.Person.name.contains(last, autoescape=True))).all() if last else []
        person = next((p for p in rows if person_key(p.name, p.institution) == want), None)
    if person is None:
        person = m.Person(uuid=rec.id, name=rec.name.strip(), role=rec.role, institution=rec.institution,
                          email=rec.email, phone=rec.phone)
        s.add(person)
        changes["people_added"] += 1
        return person
    for name in ("role", "institution", "email", "phone"):
        value = getattr(rec, name)
        if value and not getattr(person, name):
            setattr(person, name, value)
    return person


def present(s: Session, record: VisitRecord, items: set[tuple[str, str]]) -> set[str]:
    """The tables holding a row this record may match, in one query: its visit, organisation and series, its
    notes and action items (``items``: kind "note" or "action", uuid) and their provenance.

    The merge then reads only those (for the file of a new visit: none); each query is a round trip on a
    database server.  The merge's keys are locked before, so no other merge adds such a row meanwhile.
    """
    org, key, series = record.organisation, name_key(record.organisation.name), record.series
    notes = [u for k, u in items if k == "note"]
    actions = [u for k, u in items if k == "action"]
    wheres: list[tuple[type[m.Base], Any]] = [
        (m.Visit, m.Visit.uuid == record.visit.id),
        (m.Organisation, or_(m.Organisation.uuid == org.id, *([m.Organisation.nip == org.nip] if org.nip else []),
                             *([m.Organisation.name_key == key] if key else []))),
    ]
    if series is not None:
        wheres.append((m.Series, or_(m.Series.uuid == series.id, m.Series.name == series.name.strip())))
    if items:  # a provenance row of another kind (an answer's) with the same uuid only costs a read
        wheres.append((m.Provenance, m.Provenance.item_uuid.in_({u for _k, u in items})))
    if notes:
        wheres.append((m.Note, m.Note.uuid.in_(notes)))
    if actions:
        wheres.append((m.ActionItem, m.ActionItem.uuid.in_(actions)))
    parts = [select(literal(model.__tablename__)).where(where).limit(1).subquery().select() for model, where in wheres]
    return set(s.scalars(union_all(*parts)))


def uuid_free(s: Session, model: type[m.Record], uuid: str) -> bool:
    return s.scalar(select(model.id).where(model.uuid == uuid)) is None



def merge_keys(record: VisitRecord, source: Source) -> list[str]:
    """What a merge of this file may add or change, named so that concurrent merges can wait for each other.

    Two coordinators merging at the same time into one server database
    (PostgreSQL) must never both add the same visit, organisation, series or
    person: each takes these keys (``Backend.lock_merge``) before it matches
    anything, so two merges that share a key run one after the other, while
    merges of unrelated visits run side by side.  Every way a row is matched
    is a key (an organisation by NIP, id and normalised name; a person by id,
    e-mail and name within institution; a series by id and name), so two
    records that would match the same row always share one.  Notes, action
    items, answers, provenance, disagreements and the signer's earlier
    versions belong to the visit, and the file itself to its SHA-256 (the
    same file merged twice at once: one is accepted, the other finds it
    merged and is "unchanged").

    Why locks and not SERIALIZABLE with retries: a serialisation failure
    would undo and redo a whole file's merge (tens of statements) whenever
    two merges read the same organisation, and the retries pile up exactly
    when many coordinators merge overlapping files; locks taken up front, in
    one order, make the second merge wait a few milliseconds and never fail.
    """
    keys = {f"file:{source.sha256}", f"visit:{record.visit.id}", f"organisation:{record.organisation.id}"}
    org = record.organisation
    if org.nip:
        keys.add(f"nip:{org.nip}")
    if name_key(org.name):
        keys.add(f"organisation-name:{name_key(org.name)}")
    if record.series is not None:
        keys |= {f"series:{record.series.id}", f"series-name:{record.series.name.strip()}"}
    for p in record.participants:
        keys |= {f"participant:{p.id}", f"person:{p.person.id}",
                 "person-name:{}|{}".format(*person_key(p.person.name, p.person.institution))}
        if (p.person.email or "").strip():
            keys.add(f"email:{p.person.email.strip().lower()}")
    return sorted(keys)


# The names the merge used before the split (registry/plans.py imports these two).
_person_key = person_key
_uuid_free = uuid_free
