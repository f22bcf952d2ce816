"""Certificate authorities, signer identities and revocation.

A registry trusts *anchors* (certificates that are really CAs: basicConstraints
CA=True and keyCertSign) and *signers*: a self-signed certificate pinned by its
SHA-256 fingerprint, or a person under an anchor, known by the subject's
serialNumber (e.g. ``PNOPL-…``) or, without one, the whole subject DN.  A
renewed certificate of the same person is the same signer; a namesake with
another serialNumber is not.

:func:`signer_key` is what the registry records as a merged file's author
(``merged_files.signer_fingerprint``): the certificate's fingerprint for a
pinned signer, a hash of (anchor, identity) otherwise.

Revocation of the signer's certificate is checked here, not by pyHanko, so
that the report can say where the answer came from (OCSP, CRL, or data
embedded in the file) and answers can be cached per certificate within a run.
Nothing is fetched unless the caller asked to be online.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID

from visitapp.errors import InvalidInput
from visitapp.i18n import _

RevocationMode = Literal["soft", "hard"]
FETCH_TIMEOUT = 5.0  # seconds per OCSP or CRL request
FETCH_MAX_BYTES = 4 << 20  # a CRL or an OCSP answer larger than this is not read
CLOCK_SKEW = dt.timedelta(minutes=5)


def fingerprint(cert: asn1_x509.Certificate) -> str:
    return hashlib.sha256(cert.dump()).hexdigest()


def is_real_ca(cert: asn1_x509.Certificate) -> bool:
    """basicConstraints CA=True and a key usage that allows signing certificates (keyCertSign)."""
    usage = cert.key_usage_value
    return bool(cert.ca) and usage is not None and "key_cert_sign" in usage.native


def is_self_signed(cert: asn1_x509.Certificate) -> bool:
    return cert.self_signed in ("maybe", "yes")


def subject_identity(cert: asn1_x509.Certificate) -> str:
    """Who the certificate names, across renewals: ``serialNumber=…`` if the subject has one, else ``DN=…``."""
    for rdn in cert.subject.chosen:
        for attr in rdn:
            if attr["type"].native == "serial_number":
                return "serialNumber=" + str(attr["value"].native).strip()
    return "DN=" + x509.load_der_x509_certificate(cert.dump()).subject.rfc4514_string()


def signer_key(anchor_fingerprint: str, identity: str) -> str:
    """The author key of a person under an anchor (64 hex digits, like a fingerprint)."""
    return hashlib.sha256(f"visitapp-signer\0{anchor_fingerprint}\0{identity}".encode()).hexdigest()


def subject_text(cert: asn1_x509.Certificate) -> str:
    return x509.load_der_x509_certificate(cert.dump()).subject.rfc4514_string()


def read_certificates(data: bytes, source: str) -> list[asn1_x509.Certificate]:
    """Every certificate in a PEM or DER file (InvalidInput in one sentence otherwise)."""
    try:
        if pem.detect(data):
            certs = [asn1_x509.Certificate.load(der) for kind, _h, der in pem.unarmor(data, multiple=True)
                     if kind == "CERTIFICATE"]
        else:
            certs = [asn1_x509.Certificate.load(data)]
        for cert in certs:
            cert.native  # noqa: B018 (parse fully now, not during validation)
    except (ValueError, TypeError, KeyError) as err:
        raise InvalidInput(_("{path} holds no certificate (a PEM or DER certificate file is expected).").format(
            path=source)) from err
    if not certs:
        raise InvalidInput(_("{path} holds no certificate (a PEM or DER certificate file is expected).").format(
            path=source))
    return certs


def anchor_certificate(data: bytes, source: str) -> asn1_x509.Certificate:
    """The one CA certificate of an anchor file; an end certificate is refused (it never issues others)."""
    certs = read_certificates(data, source)
    if len(certs) > 1:
        raise InvalidInput(_("{path} holds {n} certificates; give one certificate authority per file.").format(
            path=source, n=len(certs)))
    if not is_real_ca(certs[0]):
        raise InvalidInput(_("{path} is not a certificate authority's certificate (it lacks CA=true or the right "
                             "to sign certificates), so it cannot be an anchor.").format(path=source))
    return certs[0]


# -- revocation ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Revocation:
    """The revocation status of one certificate and where it came from."""

    status: Literal["good", "revoked", "unknown", "not_checked"]
    source: str = ""  # "ocsp", "crl", "embedded" or ""
    revoked_at: dt.datetime | None = None
    detail: str = ""


def _crypto(cert: asn1_x509.Certificate) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


def _verify_signed_by(public_key: object, signature: bytes, data: bytes, algo: hashes.HashAlgorithm | None) -> bool:
    try:
        if isinstance(public_key, rsa.RSAPublicKey) and algo is not None:
            public_key.verify(signature, data, padding.PKCS1v15(), algo)
        elif isinstance(public_key, ec.EllipticCurvePublicKey) and algo is not None:
            public_key.verify(signature, data, ec.ECDSA(algo))
        else:
            return False
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _ocsp_signer(resp: ocsp.OCSPResponse, issuer: x509.Certificate) -> x509.Certificate | None:
    """The certificate that signed an OCSP answer: the issuer itself, or a responder it delegated
    (id-kp-OCSPSigning)."""
    # The responder is the one whose key verifies the answer, never one matched by name alone.
    for candidate in [issuer, *resp.certificates]:
        if candidate is not issuer:
            if not _issued_by(candidate, issuer):
                continue
            try:
                eku = candidate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
            except x509.ExtensionNotFound:
                continue
            if ExtendedKeyUsageOID.OCSP_SIGNING not in eku:
                continue
            produced = resp.produced_at_utc
            earliest = candidate.not_valid_before_utc - CLOCK_SKEW
            if not earliest <= produced <= candidate.not_valid_after_utc + CLOCK_SKEW:
                continue  # a delegated responder answers only while its own certificate is valid
        if _verify_signed_by(candidate.public_key(), resp.signature, resp.tbs_response_bytes,
                             resp.signature_hash_algorithm):
            return candidate
    return None


def read_ocsp(der: bytes, cert: x509.Certificate, issuer: x509.Certificate, *, now: dt.datetime | None,
              source: str) -> Revocation | None:
    """The status an OCSP answer gives for ``cert``, if it is a signed answer about it (else None).

    ``now`` None skips the freshness check (an answer embedded in the file
    speaks for the time it was made).
    """
    try:
        resp = ocsp.load_der_ocsp_response(der)
        if resp.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
            return None
        if _ocsp_signer(resp, issuer) is None:
            return None
        for single in resp.responses:
            if single.serial_number != cert.serial_number:
                continue
            digest = hashes.Hash(single.hash_algorithm)
            digest.update(_spk_bits(issuer))
            if digest.finalize() != single.issuer_key_hash:
                continue
            if now is not None:
                if single.this_update_utc > now + CLOCK_SKEW:
                    continue
                if single.next_update_utc is not None and single.next_update_utc < now - CLOCK_SKEW:
                    continue
            status = single.certificate_status
            if status == ocsp.OCSPCertStatus.GOOD:
                return Revocation("good", source)
            if status == ocsp.OCSPCertStatus.REVOKED:
                return Revocation("revoked", source, single.revocation_time_utc)
            return Revocation("unknown", source, detail=_("the OCSP responder does not know the certificate"))
    except (ValueError, TypeError):
        return None
    return None


def _spk_bits(cert: x509.Certificate) -> bytes:
    """The subjectPublicKey BIT STRING's bytes (what OCSP's issuerKeyHash hashes)."""
    spki = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))["tbs_certificate"][
        "subject_public_key_info"]
    return spki["public_key"].contents[1:]  # skip the unused-bits byte


def read_crl(der: bytes, cert: x509.Certificate, issuer: x509.Certificate, *, now: dt.datetime | None,
             source: str) -> Revocation | None:
    try:
        crl = x509.load_der_x509_crl(der)
    except ValueError:
        return None
    if crl.issuer != issuer.subject or not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]  # a wrong key type fails
        return None
    if now is not None and crl.next_update_utc is not None and crl.next_update_utc < now - CLOCK_SKEW:
        return None
    entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
    if entry is not None:
        return Revocation("revoked", source, entry.revocation_date_utc)
    return Revocation("good", source)


def _fetch(url: str, data: bytes | None = None, content_type: str = "") -> bytes | None:
    if not url.lower().startswith(("http://", "https://")):
        return None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": content_type} if content_type else {})
    try:
        with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT) as reply:
            body = reply.read(FETCH_MAX_BYTES + 1)
    except (OSError, ValueError):
        return None
    return body if len(body) <= FETCH_MAX_BYTES else None


def _urls(cert: x509.Certificate) -> tuple[list[str], list[str]]:
    ocsp_urls: list[str] = []
    crl_urls: list[str] = []
    try:
        aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
        ocsp_urls = [d.access_location.value for d in aia if d.access_method == AuthorityInformationAccessOID.OCSP
                     and isinstance(d.access_location, x509.UniformResourceIdentifier)]
    except x509.ExtensionNotFound:
        pass
    try:
        cdp = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
        crl_urls = [n.value for point in cdp for n in (point.full_name or [])
                    if isinstance(n, x509.UniformResourceIdentifier)]
    except x509.ExtensionNotFound:
        pass
    return ocsp_urls, crl_urls


@dataclass
class RevocationChecker:
    """Checks the signer's certificate; answers fetched online are cached per certificate for the checker's life."""

    online: bool = False
    cache: dict[tuple[str, int], Revocation] = field(default_factory=dict)
    fetches: int = 0

    def check(self, cert_a: asn1_x509.Certificate, issuer_a: asn1_x509.Certificate, *,
              embedded_ocsp: Sequence[bytes] = (), embedded_crl: Sequence[bytes] = ()) -> Revocation:
        cert, issuer = _crypto(cert_a), _crypto(issuer_a)
        for der in embedded_ocsp:
            found = read_ocsp(der, cert, issuer, now=None, source="embedded")
            if found is not None and found.status != "unknown":
                return found
        for der in embedded_crl:
            found = read_crl(der, cert, issuer, now=None, source="embedded")
            if found is not None:
                return found
        if not self.online:
            return Revocation("not_checked")
        key = (fingerprint(issuer_a), cert.serial_number)
        if key not in self.cache:
            self.cache[key] = self._fetch_status(cert, issuer)
        return self.cache[key]

    def _fetch_status(self, cert: x509.Certificate, issuer: x509.Certificate) -> Revocation:
        now = dt.datetime.now(dt.UTC)
        ocsp_urls, crl_urls = _urls(cert)
        request = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, hashes.SHA1()).build()
        body = request.public_bytes(serialization.Encoding.DER)
        for url in ocsp_urls[:2]:
            self.fetches += 1
            der = _fetch(url, body, "application/ocsp-request")
            found = read_ocsp(der, cert, issuer, now=now, source="ocsp") if der else None
            if found is not None:
                return found
        for url in crl_urls[:2]:
            self.fetches += 1
            der = _fetch(url)
            found = read_crl(der, cert, issuer, now=now, source="crl") if der else None
            if found is not None:
                return found
        if not ocsp_urls and not crl_urls:
            return Revocation("unknown", detail=_("the certificate names no OCSP responder nor CRL"))
        return Revocation("unknown", detail=_("no OCSP responder nor CRL answered"))
