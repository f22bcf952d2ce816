"""Matching rules of the merge: which registry row a record's series, organisation or person is.

Organisations by NIP, then by their own id, then by normalised name (two
organisations with different NIPs are different, whatever their names);
people by their id, then e-mail, then name within their institution; series
by id, then name.  A match only fills what the registry does not know yet.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from visitapp.db import models as m
from visitapp.validation import fold_diacritics, name_key


def match_series(s: Session, rec) -> m.Series | None:
    if rec is None:
        return None
    series = s.scalar(select(m.Series).where(m.Series.uuid == rec.id))
    if series is None:
        series = s.scalar(select(m.Series).where(m.Series.name == rec.name.strip()).limit(1))
    if series is None:
        series = m.Series(uuid=rec.id, name=rec.name.strip(), description=rec.description or "")
        s.add(series)
    return series


def match_organisation(s: Session, rec, changes: Counter) -> m.Organisation:
    key = name_key(rec.name)
    # One query for every candidate (same NIP, same id, same normalised name), chosen in that order below.
    wanted = [m.Organisation.uuid == rec.id]
    if rec.nip:
        wanted.append(m.Organisation.nip == rec.nip)
    if key:
        wanted.append(m.Organisation.name_key == key)
    rows = sorted(s.scalars(select(m.Organisation).where(or_(*wanted))), key=lambda o: o.id)
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


def uuid_free(s: Session, model: type[m.Record], uuid: str) -> bool:
    return s.scalar(select(model.id).where(model.uuid == uuid)) is None



# The names the merge used before the split (registry/plans.py imports these two).
_person_key = person_key
_uuid_free = uuid_free
