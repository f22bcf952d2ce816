"""Organisations, people and series: the things visits refer to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from visitapp import ops
from visitapp.db import models as m
from visitapp.ops.visits import ORG_FIELDS, PERSON_FIELDS
from visitapp.services.base import Service, by_uuid, clean
from visitapp.services.dto import OrganisationInfo, PersonInfo, SeriesInfo
from visitapp.validation import fold_diacritics, name_key, normalise_nip

__all__ = ["ORG_FIELDS", "PERSON_FIELDS", "OrganisationService", "PersonService", "SeriesService"]


class OrganisationService(Service):
    def create(self, name: str, **values: Any) -> OrganisationInfo:
        return self._op(ops.create_organisation, name, **values)

    def update(self, org_id: str, **values: Any) -> OrganisationInfo:
        return self._op(ops.edit_organisation, org_id, **values)

    def get(self, org_id: str) -> OrganisationInfo:
        with self.db.read() as s:
            return OrganisationInfo.of(by_uuid(s, m.Organisation, org_id))

    def find(self, text: str = "", limit: int = 50) -> list[OrganisationInfo]:
        """Organisations whose name (diacritics ignored) or NIP contains ``text``: for completers."""
        key = name_key(text) if text.strip() else ""
        with self.db.read() as s:
            query = select(m.Organisation).order_by(m.Organisation.name).limit(limit)
            if text.strip():
                digits = "".join(ch for ch in text if ch.isdigit())
                conds = [m.Organisation.name_key.contains(key, autoescape=True)]
                if digits:
                    conds.append(m.Organisation.nip.startswith(digits))
                query = query.where(or_(*conds))
            return [OrganisationInfo.of(o) for o in s.scalars(query)]

    def by_nip(self, nip: str) -> OrganisationInfo | None:
        digits = normalise_nip(nip)
        with self.db.read() as s:
            org = s.scalar(select(m.Organisation).where(m.Organisation.nip == digits))
            return OrganisationInfo.of(org) if org else None


class PersonService(Service):
    def create(self, name: str, **values: Any) -> PersonInfo:
        return self._op(ops.create_person, name, **values)

    def update(self, person_id: str, **values: Any) -> PersonInfo:
        return self._op(ops.edit_person, person_id, **values)

    def get(self, person_id: str) -> PersonInfo:
        with self.db.read() as s:
            return PersonInfo.of(by_uuid(s, m.Person, person_id))

    def find(self, text: str = "", limit: int = 50) -> list[PersonInfo]:
        """People whose name, institution or e-mail contains ``text`` (case-insensitive)."""
        with self.db.read() as s:
            query = select(m.Person).order_by(m.Person.name).limit(limit)
            if text.strip():
                like = f"%{text.strip().lower()}%"
                query = query.where(
                    or_(func.lower(m.Person.name).like(like), func.lower(m.Person.institution).like(like),
                        func.lower(m.Person.email).like(like))
                )
            return [PersonInfo.of(p) for p in s.scalars(query)]

    def institutions(self) -> list[str]:
        with self.db.read() as s:
            rows = s.scalars(select(m.Person.institution).distinct().where(m.Person.institution != ""))
            return sorted(rows, key=lambda v: fold_diacritics(v).lower())


class SeriesService(Service):
    def create(self, name: str, description: str = "") -> SeriesInfo:
        return self._op(ops.create_series, name, description)

    def list(self) -> list[SeriesInfo]:
        with self.db.read() as s:
            return [SeriesInfo.of(x) for x in s.scalars(select(m.Series).order_by(m.Series.name))]

    def by_name(self, name: str) -> SeriesInfo | None:
        with self.db.read() as s:
            found = s.scalar(select(m.Series).where(m.Series.name == clean(name)))
            return SeriesInfo.of(found) if found else None
