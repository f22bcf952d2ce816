"""The registry's list of trusted signers (certificates kept as PEM, named by SHA-256 fingerprint)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _


@dataclass(frozen=True, slots=True)
class TrustedInfo:
    fingerprint: str
    subject: str
    organisation: str
    not_after: dt.datetime | None
    added_at: dt.datetime | None = None


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def _name(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def describe(cert: x509.Certificate) -> TrustedInfo:
    return TrustedInfo(
        fingerprint(cert), _name(cert, NameOID.COMMON_NAME), _name(cert, NameOID.ORGANIZATION_NAME),
        cert.not_valid_after_utc,
    )


def load_certificates(data: bytes, source: str = "") -> list[x509.Certificate]:
    """The one signer certificate in a PEM or DER file, as a list of one; InvalidInput with one sentence otherwise.

    A file with several certificates, or a CA's certificate, is refused: the
    registry pins a signer's own certificate, and trusting a chain or a CA
    would trust everyone it certified (see visitapp.signing.verify).
    """
    from visitapp.signing.verify import signer_certificate

    cert = signer_certificate(data, source or _("The file"))
    return [x509.load_der_x509_certificate(cert.dump())]


def load_certificate_file(path: Path) -> list[x509.Certificate]:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("{file} cannot be read: {reason}.").format(file=path, reason=err.strerror)) from err
    return load_certificates(data, str(path))


class TrustStore:
    """The trusted signers stored in one registry database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, certs: list[x509.Certificate]) -> list[TrustedInfo]:
        added = []
        with self.db.write() as s:
            for cert in certs:
                info = describe(cert)
                row = s.scalar(select(m.TrustedCertificate).where(m.TrustedCertificate.fingerprint == info.fingerprint))
                if row is None:
                    pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
                    row = m.TrustedCertificate(fingerprint=info.fingerprint, subject=info.subject,
                                               organisation=info.organisation, not_after=info.not_after, pem=pem)
                    s.add(row)
                    s.flush()
                added.append(TrustedInfo(info.fingerprint, info.subject, info.organisation, info.not_after, row.added_at))
        return added

    def add_file(self, path: Path) -> list[TrustedInfo]:
        return self.add(load_certificate_file(path))

    def list(self) -> list[TrustedInfo]:
        with self.db.read() as s:
            rows = s.scalars(select(m.TrustedCertificate).order_by(m.TrustedCertificate.subject))
            return [TrustedInfo(r.fingerprint, r.subject, r.organisation, r.not_after, r.added_at) for r in rows]

    def remove(self, ref: str) -> TrustedInfo:
        """Remove the certificate whose fingerprint is or starts with ``ref`` (colons and case ignored)."""
        key = ref.replace(":", "").strip().lower()
        if len(key) < 8:
            raise InvalidInput(_("Give at least 8 characters of the fingerprint."))
        with self.db.write() as s:
            rows = s.scalars(select(m.TrustedCertificate).where(m.TrustedCertificate.fingerprint.startswith(key))).all()
            if not rows:
                raise NotFound(_("No trusted certificate has the fingerprint {ref}.").format(ref=ref))
            if len(rows) > 1:
                raise InvalidInput(_("More than one certificate has a fingerprint starting with {ref}; give more of it.").format(ref=ref))
            row = rows[0]
            info = TrustedInfo(row.fingerprint, row.subject, row.organisation, row.not_after, row.added_at)
            s.delete(row)
            return info

    def certificates(self) -> list[x509.Certificate]:
        with self.db.read() as s:
            pems = s.scalars(select(m.TrustedCertificate.pem)).all()
        return [x509.load_pem_x509_certificate(p.encode("ascii")) for p in pems]
