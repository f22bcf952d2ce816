"""Organisations, people and series: the things visits refer to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from visitapp.db import models as m
from visitapp.errors import InvalidInput
from visitapp.i18n import _
from visitapp.services.base import Service, by_uuid, clean
from visitapp.services.dto import OrganisationInfo, PersonInfo, SeriesInfo
from visitapp.validation import fold_diacritics, name_key, normalise_krs, normalise_nip, normalise_regon

ORG_FIELDS = ("name", "nip", "krs", "regon", "sector", "address", "website", "in_city_since")
PERSON_FIELDS = ("name", "role", "institution", "email", "phone")


def _org_values(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(ORG_FIELDS)
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")
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


class OrganisationService(Service):
    def create(self, name: str, **values: Any) -> OrganisationInfo:
        data = _org_values({"name": name, **values})
        with self.db.write() as s:
            self._check_nip_free(s, data.get("nip"), None)
            org = m.Organisation(**data)
            s.add(org)
            s.flush()
            return OrganisationInfo.of(org)

    def update(self, org_id: str, **values: Any) -> OrganisationInfo:
        data = _org_values(values)
        with self.db.write() as s:
            org = by_uuid(s, m.Organisation, org_id)
            if "nip" in data:
                self._check_nip_free(s, data["nip"], org.id)
            for key, value in data.items():
                setattr(org, key, value)
            s.flush()
            return OrganisationInfo.of(org)

    @staticmethod
    def _check_nip_free(s, nip: str | None, own_id: int | None) -> None:  # noqa: ANN001
        if nip is None:
            return
        other = s.scalar(select(m.Organisation).where(m.Organisation.nip == nip))
        if other is not None and other.id != own_id:
            raise InvalidInput(_("The NIP {nip} already belongs to {name}.").format(nip=nip, name=other.name))

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
        data = self._values({"name": name, **values})
        with self.db.write() as s:
            person = m.Person(**data)
            s.add(person)
            s.flush()
            return PersonInfo.of(person)

    def update(self, person_id: str, **values: Any) -> PersonInfo:
        data = self._values(values)
        with self.db.write() as s:
            person = by_uuid(s, m.Person, person_id)
            for key, value in data.items():
                setattr(person, key, value)
            s.flush()
            return PersonInfo.of(person)

    @staticmethod
    def _values(values: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(PERSON_FIELDS)
        if unknown:
            raise TypeError(f"unknown person fields: {sorted(unknown)}")
        out = {k: clean(v) for k, v in values.items()}
        if "name" in out and not out["name"]:
            raise InvalidInput(_("A person needs a name."))
        if out.get("email") and "@" not in out["email"]:
            raise InvalidInput(_("{value} is not an e-mail address.").format(value=out["email"]))
        return out

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
        if not clean(name):
            raise InvalidInput(_("A series needs a name."))
        with self.db.write() as s:
            series = m.Series(name=clean(name), description=clean(description))
            s.add(series)
            s.flush()
            return SeriesInfo.of(series)

    def list(self) -> list[SeriesInfo]:
        with self.db.read() as s:
            return [SeriesInfo.of(x) for x in s.scalars(select(m.Series).order_by(m.Series.name))]

    def by_name(self, name: str) -> SeriesInfo | None:
        with self.db.read() as s:
            found = s.scalar(select(m.Series).where(m.Series.name == clean(name)))
            return SeriesInfo.of(found) if found else None
