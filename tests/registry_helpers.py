"""Helpers for the registry tests: officials' databases, their records, a dump of a registry."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid as uuid_mod
from pathlib import Path
from zoneinfo import ZoneInfo

from visitapp.db import Database
from visitapp.exchange.record import VisitRecord
from visitapp.registry.merge import Source, sha256_of
from visitapp.exchange.record import record_bytes
from visitapp.services import Identity, Services

WARSAW = ZoneInfo("Europe/Warsaw")
NIP = "1260181594"
ANNA = Identity("Anna Nowak", "Grodzki Urząd Pracy w Krakowie", "doradczyni")
PIOTR = Identity("Piotr Wiśniewski", "Wydział ds. Przedsiębiorczości i Innowacji", "inspektor")


class Official:
    """One official's own database with a visit that shares the coordinator's id."""

    def __init__(self, path: Path, identity: Identity, visit_uuid: str | None = None, *,
                 place: str = "Biuro firmy, Kraków", starts_at: dt.datetime | None = None,
                 org_name: str = "Hitachi Vantara Sp. z o.o.", nip: str | None = NIP) -> None:
        self.db = Database.open(path)
        self.svc = Services(self.db, identity)
        org = self.svc.organisations.create(org_name, nip=nip, sector="IT")
        self.visit = self.svc.visits.create(
            org.id, starts_at or dt.datetime(2026, 3, 17, 10, tzinfo=WARSAW), title="Wizyta referencyjna",
            place=place, uuid=visit_uuid or str(uuid_mod.uuid4()),
        )
        person = self.svc.people.create(identity.name, institution=identity.institution,
                                        email=f"{identity.name.split()[0].lower()}@example.org")
        self.svc.visits.add_participant(self.visit.id, person.id, side="city")
        company = self.svc.people.create("Paweł Łukasik", role="dyrektor", institution="Hitachi Vantara")
        self.svc.visits.add_participant(self.visit.id, company.id, side="company")

    @property
    def visit_id(self) -> str:
        return self.visit.id

    def note(self, text: str, **kw) -> str:
        return self.svc.notes.add(self.visit_id, text, **kw).id

    def finalise(self) -> VisitRecord:
        return self.svc.records.finalise(self.visit_id).record

    def close(self) -> None:
        self.db.close()


def source_of(record: VisitRecord, name: str = "") -> Source:
    data = record_bytes(record)
    return Source(sha256=sha256_of(data), file_name=name or f"{record.author.name}-v{record.version}.pdf",
                  signer=record.author.name, signer_organisation=record.author.institution,
                  signed_at=dt.datetime.now(dt.UTC))


def dump(path: Path) -> list[str]:
    """Every row of every table of a registry, as SQL text (for 'exactly as before')."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
