"""Helpers for the registry tests: officials' databases, their records, keys and signed PDFs, a dump of a registry."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import uuid as uuid_mod
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from visitapp.db import Database
from visitapp.exchange.record import VisitRecord, record_bytes
from visitapp.registry.merge import Source, sha256_of
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


def merge_disagreeing(db: Database, folder: Path, *, employees: tuple[int, int] | None = None) -> str:
    """Anna's and Piotr's records of one new visit merged into ``db``: they disagree on the number of employees
    (``employees``: Anna's, Piotr's), or else on the place. The visit's uuid."""
    from visitapp.registry.merge import merge_record

    visit = str(uuid_mod.uuid4())
    places = ("Biuro firmy, Kraków", "Zakład w Niepołomicach")
    for i, who in enumerate((ANNA, PIOTR)):
        if employees is None:
            official = Official(folder / f"{who.role}.db", who, visit, place=places[i])
        else:
            official = Official(folder / f"{who.role}.db", who, visit)
            official.svc.answers.set(official.visit_id, "employees_now", employees[i])
        record = official.finalise()
        merge_record(db, record, source_of(record))
        official.close()
    return visit


def source_of(record: VisitRecord, name: str = "", signer: str | None = None) -> Source:
    """Where a record came from, as if ``signer`` (default: its author) had signed it with their own certificate.

    The stand-in fingerprint is one per signer name; tests of who may
    supersede whom use real signed PDFs (:func:`keys`, :func:`sign_record`).
    """
    data = record_bytes(record)
    signer = signer or record.author.name
    return Source(sha256=sha256_of(data), file_name=name or f"{record.author.name}-v{record.version}.pdf",
                  signer=signer, signer_organisation=record.author.institution,
                  signer_fingerprint=hashlib.sha256(f"test certificate of {signer}".encode()).hexdigest(),
                  signed_at=dt.datetime.now(dt.UTC))


KEY_PASSWORD = "hasło"


def keys(folder: Path, who: str, identity: Identity) -> tuple[Path, Path]:
    """A new personal certificate: ``who.p12`` (password :data:`KEY_PASSWORD`) and ``who.pem``."""
    from visitapp.signing.keys import certificate_pem, make_certificate, pkcs12_bytes

    key, cert = make_certificate(identity.name, identity.institution)
    p12, pem = folder / f"{who}.p12", folder / f"{who}.pem"
    p12.write_bytes(pkcs12_bytes(key, cert, KEY_PASSWORD))
    pem.write_bytes(certificate_pem(cert))
    return p12, pem


def sign_record(record: VisitRecord, out: Path, p12: Path) -> Path:
    """The minutes PDF of ``record`` signed with ``p12``, as an official's export makes it."""
    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    out.write_bytes(sign_pdf(minutes_pdf(record), Pkcs12Source(p12, KEY_PASSWORD)).pdf)
    return out


def dump(target: Any) -> list[str]:
    """Every row of every table of a registry, as text (for 'exactly as before').

    ``target``: an SQLite file (its SQL dump), or an open ``Database`` / a
    database URL on any engine (then each table's rows in primary-key order).
    """
    if isinstance(target, Path) or (hasattr(target, "path") and target.path is not None):
        conn = sqlite3.connect(target if isinstance(target, Path) else target.path)
        try:
            return list(conn.iterdump())
        finally:
            conn.close()
    from sqlalchemy import MetaData, create_engine, select

    engine = create_engine(str(target)) if isinstance(target, str) else target.engine
    rows = []
    with engine.connect() as conn:
        meta = MetaData()
        meta.reflect(conn)
        for name in sorted(meta.tables):
            table = meta.tables[name]
            order = list(table.primary_key.columns) or list(table.columns)
            rows += [f"{name}: {tuple(row)!r}" for row in conn.execute(select(table).order_by(*order))]
    if isinstance(target, str):
        engine.dispose()
    return rows
