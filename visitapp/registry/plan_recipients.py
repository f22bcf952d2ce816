"""The coordinator's encryption certificate carried by a plan, remembered per visit.

``plan export --encrypt-to-me COORDINATOR.pem`` puts the certificate (PEM) in
the plan, under the plan's signature; importing the plan remembers it for
each of its visits, and the official's export of such a visit encrypts for it
when asked (``export --encrypt-for-plan``; the GUI offers it checked).
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select
from sqlalchemy.orm import Session

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.services.base import visit_by_uuid
from visitapp.signing.envelope import recipient_certificate


def certificate_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def check_plan_certificate(pem: str) -> x509.Certificate:
    """The certificate a plan carries, checked like ``--encrypt-to`` (InvalidInput with one sentence)."""
    return recipient_certificate(pem.encode("utf-8", "replace"), "plan")


def remember(s: Session, visit_uuids: list[str], pem: str | None) -> None:
    """Inside a plan import: the plan's certificate for each of its visits (or none: the plan carries none)."""
    for uuid in visit_uuids:
        row = s.scalar(select(m.PlanRecipient).where(m.PlanRecipient.visit_uuid == uuid))
        if pem is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(m.PlanRecipient(visit_uuid=uuid, certificate=pem))
        else:
            row.certificate = pem


def recipients_for_visit(db: Database, visit_ref: str) -> list[x509.Certificate]:
    """The coordinator certificate that came with this visit's plan ([] when none did)."""
    with db.read() as s:
        visit = visit_by_uuid(s, visit_ref)
        row = s.scalar(select(m.PlanRecipient).where(m.PlanRecipient.visit_uuid == visit.uuid))
        return [check_plan_certificate(row.certificate)] if row is not None else []
