"""The registry's trust: anchors (CA certificates) and signers.

A signer is pinned by their certificate's SHA-256 fingerprint (a self-signed
certificate, as ``visitapp keygen`` makes, or any certificate that chains to
no anchor), or, for a certificate that chains to an anchor, trusted as a
*person*: the subject's serialNumber (else the whole DN) under that anchor, so
a renewed certificate of the same person is the same signer and author.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _
from visitapp.ops.history import history_for


@dataclass(frozen=True, slots=True)
class TrustedInfo:
    fingerprint: str
    subject: str
    organisation: str
    not_after: dt.datetime | None
    added_at: dt.datetime | None = None
    identity: str = ""  # "serialNumber=…" or "DN=…" under an anchor; "" when pinned by fingerprint
    anchor: str = ""  # the anchor's fingerprint


@dataclass(frozen=True, slots=True)
class AnchorInfo:
    fingerprint: str
    kind: str
    subject: str
    not_after: dt.datetime | None
    added_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class TrustedListInfo:
    """A stored trusted list as a coordinator reviews it: what its signed scheme information says."""

    fingerprint: str
    subject: str  # "Trusted list of <the operator's readable name>", in the current language (list_label)
    added_at: dt.datetime | None
    holds: bool  # its signature still holds with the operator's certificate kept beside it
    territory: str = ""
    scheme_operator: str = ""
    issued: dt.datetime | None = None
    next_update: dt.datetime | None = None
    services: int = 0
    qualified_cas: int = 0
    qualified_tsas: int = 0


def _info(r: m.TrustedCertificate) -> TrustedInfo:
    return TrustedInfo(r.fingerprint, r.subject, r.organisation, r.not_after, r.added_at, r.identity,
                       r.anchor_fingerprint or "")


def _anchor_info(r: m.TrustAnchor) -> AnchorInfo:
    subject = list_label(r.pem) if r.kind == "trusted_list" else r.subject
    return AnchorInfo(r.fingerprint, r.kind, subject, r.not_after, r.added_at)


def list_label(operator_pem: str) -> str:
    """A trusted list as a person names it, in the current language, from its operator's certificate:
    "Trusted list of Narodowe Centrum Certyfikacji (test), PL" (the database keeps only the data)."""
    from visitapp.signing.names import readable_name

    operator = x509.load_pem_x509_certificate(operator_pem.encode("ascii"))
    return _("Trusted list of {operator}").format(operator=readable_name(operator.subject))


def _asn1(cert: x509.Certificate):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def chain_anchor(cert: x509.Certificate, anchors: list[x509.Certificate],
                 intermediates: Sequence[x509.Certificate] = ()) -> str | None:
    """The fingerprint of the anchor the certificate chains to (pyHanko's path validation), or None."""
    import asyncio

    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, ValidationError

    from visitapp.signing import pki

    if not anchors:
        return None
    roots = [_asn1(a) for a in anchors]
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    validator = CertificateValidator(_asn1(cert), intermediate_certs=[_asn1(c) for c in intermediates],
                                     validation_context=context)
    try:
        path = asyncio.run(validator.async_validate_path())
    except (PathBuildingError, PathValidationError, ValidationError, ValueError):
        return None
    anchor = getattr(getattr(path.trust_anchor, "authority", None), "certificate", None)
    return pki.fingerprint(anchor) if anchor is not None else None


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


def _self_signed(cert: x509.Certificate) -> bool:
    return cert.issuer == cert.subject


def load_certificates(data: bytes, source: str = "") -> list[x509.Certificate]:
    """The one signer certificate in a PEM or DER file, as a list of one; InvalidInput with one sentence otherwise.

    A file with several certificates, or a CA's certificate, is refused: the
    registry pins a signer's own certificate, and trusting a chain or a CA
    would trust everyone it certified (see visitapp.signing.verify).
    """
    from visitapp.signing import pki
    from visitapp.signing.verify import signer_certificate

    source = source or _("The file")
    certs = pki.read_certificates(data, source)
    if len(certs) > 1 and not pki.is_real_ca(certs[0]) and all(pki.is_real_ca(c) for c in certs[1:]):
        # The signer's certificate followed by its chain: the CAs only help find the anchor it chains to
        # (TrustStore.add refuses the file unless it does); they are never trusted themselves.
        return [x509.load_der_x509_certificate(c.dump()) for c in certs]
    cert = signer_certificate(data, source)
    return [x509.load_der_x509_certificate(cert.dump())]


def load_certificate_file(path: Path) -> list[x509.Certificate]:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("{file} cannot be read: {reason}.").format(file=path, reason=err.strerror)) from err
    return load_certificates(data, str(path))


def load_anchor_file(path: Path) -> x509.Certificate:
    """The certificate authority's certificate in a file; InvalidInput with one sentence otherwise."""
    from visitapp.signing import pki

    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("{file} cannot be read: {reason}.").format(file=path, reason=err.strerror)) from err
    cert = pki.anchor_certificate(data, str(path))
    return x509.load_der_x509_certificate(cert.dump())


class TrustStore:
    """The trusted signers stored in one registry database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, certs: list[x509.Certificate]) -> list[TrustedInfo]:
        """Trust these signers: by identity under the anchor a certificate chains to, else by fingerprint.

        One operation (:func:`visitapp.ops.registry.trust_signers`): one transaction, one undo step.
        """
        from visitapp.ops.registry import trust_signers

        return trust_signers(history_for(self.db), certs).result

    # anchors -----------------------------------------------------------------------------

    def add_anchor(self, cert: x509.Certificate) -> AnchorInfo:
        """Trust a certificate authority as an anchor (only a real CA: see visitapp.signing.pki.is_real_ca)."""
        from visitapp.ops.registry import trust_anchor

        return trust_anchor(history_for(self.db), cert).result

    def add_anchor_file(self, path: Path) -> AnchorInfo:
        return self.add_anchor(load_anchor_file(path))

    def anchors(self) -> list[AnchorInfo]:
        with self.db.read() as s:
            return [_anchor_info(r) for r in s.scalars(select(m.TrustAnchor).order_by(m.TrustAnchor.subject))]

    def anchor_certificates(self) -> list[x509.Certificate]:
        with self.db.read() as s:
            return anchor_certificates(s)

    def add_trusted_list(self, trusted) -> AnchorInfo:  # a visitapp.signing.qualified.TrustedList, checked
        """Keep an ETSI TS 119 612 trusted list whose signature was checked (an operation, undoable)."""
        from visitapp.ops.registry import trust_list

        return trust_list(history_for(self.db), trusted).result

    def trusted_lists(self) -> tuple[tuple[bytes, bytes], ...]:
        """The trusted lists as (XML, operator's DER certificate), for a TrustPolicy (checked again where used)."""
        with self.db.read() as s:
            return tuple(trusted_list_pairs(s))

    def trusted_list_infos(self) -> builtins.list[TrustedListInfo]:
        """The stored trusted lists with what each says of itself (each signature checked again; cached per process)."""
        from visitapp.signing.qualified import summarise

        with self.db.read() as s:
            rows = s.execute(select(m.TrustAnchor.fingerprint, m.TrustAnchor.subject, m.TrustAnchor.added_at,
                                    m.TrustAnchor.trusted_list, m.TrustAnchor.pem)
                             .where(m.TrustAnchor.kind == "trusted_list").order_by(m.TrustAnchor.subject)).all()
        out = []
        for fp, _subject, added, xml, pem in rows:
            operator = _asn1(x509.load_pem_x509_certificate(pem.encode("ascii"))).dump()
            summary = summarise(bytes(xml), operator) if xml else None
            if summary is None:
                out.append(TrustedListInfo(fp, list_label(pem), added, holds=False))
                continue
            out.append(TrustedListInfo(fp, list_label(pem), added, True, summary.territory, summary.scheme_operator,
                                       summary.issued, summary.next_update, summary.services,
                                       summary.qualified_cas, summary.qualified_tsas))
        return out

    def remove_anchor(self, ref: str) -> AnchorInfo:
        """Stop trusting an anchor (and so everyone trusted by identity under it)."""
        from visitapp.ops.registry import distrust_anchor

        return distrust_anchor(history_for(self.db), ref).result

    def policy(self, extra_pinned=(), extra_anchors=(), **options):
        """The :class:`~visitapp.signing.assess.TrustPolicy` of this registry (a merge requires a trusted signer)."""
        from visitapp.signing.assess import TrustPolicy

        with self.db.read() as s:
            rows = s.execute(select(m.TrustedCertificate.pem, m.TrustedCertificate.anchor_fingerprint,
                                    m.TrustedCertificate.identity)).all()
        pinned = [x509.load_pem_x509_certificate(p.encode("ascii")) for p, anchor, _i in rows if not anchor]
        identities = tuple(sorted({(anchor, ident) for _p, anchor, ident in rows if anchor}))
        return TrustPolicy(
            pinned=tuple(_asn1(c).dump() for c in pinned) + tuple(c.dump() for c in extra_pinned),
            anchors=tuple(_asn1(c).dump() for c in self.anchor_certificates()) + tuple(c.dump() for c in extra_anchors),
            identities=identities, require_identity=True, trusted_lists=self.trusted_lists(), **options)

    def add_file(self, path: Path) -> list[TrustedInfo]:
        return self.add(load_certificate_file(path))

    def list(self) -> list[TrustedInfo]:
        with self.db.read() as s:
            rows = s.scalars(select(m.TrustedCertificate).order_by(m.TrustedCertificate.subject))
            return [_info(r) for r in rows]

    def remove(self, ref: str) -> TrustedInfo:
        """Remove the certificate whose fingerprint is or starts with ``ref`` (colons and case ignored)."""
        from visitapp.ops.registry import distrust_signer

        return distrust_signer(history_for(self.db), ref).result

    def certificates(self) -> builtins.list[x509.Certificate]:  # list: the method above
        """The signers pinned by fingerprint (not those trusted by identity under an anchor)."""
        with self.db.read() as s:
            pems = s.scalars(
                select(m.TrustedCertificate.pem).where(m.TrustedCertificate.anchor_fingerprint.is_(None))).all()
        return [x509.load_pem_x509_certificate(p.encode("ascii")) for p in pems]


# The writes, on the session of one operation (visitapp.ops.registry runs them; nothing else does).


def anchor_certificates(s: Session) -> list[x509.Certificate]:
    pems = s.scalars(select(m.TrustAnchor.pem).where(m.TrustAnchor.kind == "ca")).all()
    return [x509.load_pem_x509_certificate(p.encode("ascii")) for p in pems]


def trusted_list_cas(s: Session) -> list[x509.Certificate]:
    """The qualified CAs of the registry's trusted lists, each list's signature checked again (one that fails: none)."""
    from visitapp.signing.qualified import list_anchors

    pairs = trusted_list_pairs(s)
    return [x509.load_der_x509_certificate(c.dump()) for c in list_anchors(pairs)] if pairs else []


def trusted_list_pairs(s: Session) -> list[tuple[bytes, bytes]]:
    """The registry's trusted lists as (XML, operator's DER certificate)."""
    rows = s.execute(select(m.TrustAnchor.trusted_list, m.TrustAnchor.pem)
                     .where(m.TrustAnchor.kind == "trusted_list")).all()
    return [(bytes(xml), _asn1(x509.load_pem_x509_certificate(pem.encode("ascii"))).dump())
            for xml, pem in rows if xml]


def add_signers(s: Session, certs: list[x509.Certificate]) -> list[TrustedInfo]:
    """Trust these signers: by identity under the anchor a certificate chains to, else by fingerprint."""
    from visitapp.signing import pki

    anchors = anchor_certificates(s) + trusted_list_cas(s)
    chain = [c for c in certs if pki.is_real_ca(_asn1(c))]  # a signer's chain given after it (never trusted)
    added = []
    for cert in certs:
        if cert in chain:
            continue
        info = describe(cert)
        anchor = None if _self_signed(cert) else chain_anchor(cert, anchors, [*anchors, *chain])
        if anchor is None and chain:
            raise InvalidInput(_("{name}'s certificate does not chain to any anchor of this registry; add "
                                 "its certificate authority first (visitapp trust anchor add CA.pem).").format(
                                     name=info.subject or "?"))
        identity = pki.subject_identity(_asn1(cert)) if anchor else ""
        key = pki.signer_key(anchor, identity) if anchor else info.fingerprint
        row = s.scalar(select(m.TrustedCertificate).where(m.TrustedCertificate.fingerprint == info.fingerprint))
        if row is None:
            pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
            row = m.TrustedCertificate(fingerprint=info.fingerprint, subject=info.subject,
                                       organisation=info.organisation, not_after=info.not_after, pem=pem,
                                       anchor_fingerprint=anchor, identity=identity, signer_key=key)
            s.add(row)
            s.flush()
        added.append(_info(row))
    return added


def remove_signer(s: Session, ref: str) -> TrustedInfo:
    key = ref.replace(":", "").strip().lower()
    if len(key) < 8:
        raise InvalidInput(_("Give at least 8 characters of the fingerprint."))
    rows = s.scalars(select(m.TrustedCertificate).where(m.TrustedCertificate.fingerprint.startswith(key))).all()
    if not rows:
        raise NotFound(_("No trusted certificate has the fingerprint {ref}.").format(ref=ref))
    if len(rows) > 1:
        raise InvalidInput(
            _("More than one certificate has a fingerprint starting with {ref}; give more of it.").format(ref=ref))
    info = _info(rows[0])
    s.delete(rows[0])
    s.flush()
    return info


def add_anchor(s: Session, cert: x509.Certificate) -> AnchorInfo:
    from visitapp.signing import pki

    a = _asn1(cert)
    if not pki.is_real_ca(a):
        raise InvalidInput(_("This is not a certificate authority's certificate, so it cannot be an anchor."))
    fp = pki.fingerprint(a)
    row = s.scalar(select(m.TrustAnchor).where(m.TrustAnchor.fingerprint == fp))
    if row is None:
        row = m.TrustAnchor(fingerprint=fp, kind="ca", subject=cert.subject.rfc4514_string()[:500],
                            not_after=cert.not_valid_after_utc,
                            pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"))
        s.add(row)
        s.flush()
        adopt_pinned(s, [cert])
    return _anchor_info(row)


def adopt_pinned(s: Session, new_anchors: list[x509.Certificate]) -> list[TrustedInfo]:
    """Signers pinned by fingerprint whose certificate chains to one of ``new_anchors`` become that person.

    A coordinator who pinned an official's CA-issued certificate and later trusts the CA expects the official to
    be one signer from then on: their renewed certificate is the same author, and its minutes supersede the
    ones merged before. So the pinned row becomes the person (subject identity) under the anchor, and the files
    merged under the certificate's fingerprint are recorded under the person's author key, exactly as if the
    anchor had come first. Part of the operation that adds the anchor: its undo puts every row back.
    """
    from visitapp.signing import pki

    if not new_anchors:
        return []
    every = [*anchor_certificates(s), *trusted_list_cas(s)]
    adopted = []
    rows = s.scalars(select(m.TrustedCertificate).where(m.TrustedCertificate.anchor_fingerprint.is_(None))).all()
    for row in rows:
        cert = x509.load_pem_x509_certificate(row.pem.encode("ascii"))
        if _self_signed(cert):
            continue
        anchor = chain_anchor(cert, new_anchors, every)
        if anchor is None:
            continue
        identity = pki.subject_identity(_asn1(cert))
        key = pki.signer_key(anchor, identity)
        for merged in s.scalars(select(m.MergedFile).where(m.MergedFile.signer_fingerprint == row.fingerprint)):
            merged.signer_fingerprint = key
        row.anchor_fingerprint, row.identity, row.signer_key = anchor, identity, key
        adopted.append(_info(row))
    s.flush()
    return adopted


def add_trusted_list(s: Session, trusted) -> AnchorInfo:  # a visitapp.signing.qualified.TrustedList
    """Keep a checked trusted list (kind "trusted_list": its XML and its operator's certificate); again: unchanged."""
    row = s.scalar(select(m.TrustAnchor).where(m.TrustAnchor.fingerprint == trusted.fingerprint))
    if row is None:
        from visitapp.signing.names import readable_name

        operator = x509.load_der_x509_certificate(trusted.operator)
        # The data (the operator's readable name); "Trusted list of …" is said when shown, in the reader's language.
        row = m.TrustAnchor(fingerprint=trusted.fingerprint, kind="trusted_list",
                            subject=readable_name(operator.subject)[:500],
                            not_after=operator.not_valid_after_utc, trusted_list=trusted.xml,
                            pem=operator.public_bytes(serialization.Encoding.PEM).decode("ascii"))
        s.add(row)
        s.flush()
        adopt_pinned(s, [x509.load_der_x509_certificate(der) for der in trusted.ca_certificates])
    return _anchor_info(row)


def remove_anchor(s: Session, ref: str) -> AnchorInfo:
    key = ref.replace(":", "").strip().lower()
    if len(key) < 8:
        raise InvalidInput(_("Give at least 8 characters of the fingerprint."))
    rows = s.scalars(select(m.TrustAnchor).where(m.TrustAnchor.fingerprint.startswith(key))).all()
    if not rows:
        raise NotFound(_("No anchor has the fingerprint {ref}.").format(ref=ref))
    if len(rows) > 1:
        raise InvalidInput(_("More than one anchor has a fingerprint starting with {ref}; give more of "
                             "it.").format(ref=ref))
    info = _anchor_info(rows[0])
    s.delete(rows[0])
    s.flush()
    return info
