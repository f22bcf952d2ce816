"""Qualified signatures from an ETSI TS 119 612 trusted list (e.g. Poland's, from NCCert).

A trusted list is believed only after its XML signature (XAdES) was checked
against the list operator's certificate (the TLSO certificate the user gives,
or an anchor): pyHanko (``pyhanko.sign.validation.qualified``, the
``pyhanko[etsi]`` extra) checks it and reads only the signed data.  The check
runs again wherever the list is used (each verification worker checks it once
and keeps the result), so a list changed in the database after it was loaded
grades nothing.

From a checked list:

- the certificates of its qualified CA services (``CA/QC``) are anchors: a
  signer whose chain reaches one is under an anchor, as with ``--anchor``;
- a signature is graded "qualified" (QES) only when pyHanko's qualification
  assessment of the signer's validated chain says the certificate is a
  qualified certificate for electronic signatures with its key on a QSCD, under
  a service of the list valid at the signing time; otherwise it stays "advanced".

Nothing here is fetched: the list is a local copy, loaded offline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from asn1crypto import x509 as asn1_x509

from visitapp.errors import InvalidInput
from visitapp.i18n import _

MAX_LIST_BYTES = 32 << 20  # the EU's largest national lists are a few MB
LEVEL_QUALIFIED = "qualified"


@dataclass(frozen=True, slots=True)
class TrustedList:
    """A trusted list whose signature was checked: its bytes, its operator's certificate, what it lists."""

    xml: bytes
    operator: bytes  # DER of the TLSO certificate that the signature was checked with
    operator_name: str
    ca_certificates: tuple[bytes, ...]  # DER of the qualified CA services' certificates valid now
    fingerprint: str  # SHA-256 of the list's bytes

    @property
    def pair(self) -> tuple[bytes, bytes]:
        """What a TrustPolicy carries: (the list's bytes, the operator's certificate)."""
        return self.xml, self.operator


_CHECKED: dict[tuple[str, str], Any] = {}  # (list hash, operator hash) -> pyHanko TSPRegistry, per process


def _registry(xml: bytes, operator: bytes, source: str = "") -> Any:
    """pyHanko's registry of the list's services, after checking its signature with the operator's certificate."""
    key = (hashlib.sha256(xml).hexdigest(), hashlib.sha256(operator).hexdigest())
    if key in _CHECKED:
        return _CHECKED[key]
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.qualified.eutl_parse import trust_list_to_registry

    name = source or _("the trusted list")
    if len(xml) > MAX_LIST_BYTES:
        raise InvalidInput(_("{path} is larger than a trusted list can be; it was not loaded.").format(path=name))
    try:
        text = xml.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InvalidInput(_("{path} is not an ETSI TS 119 612 trusted list (XML); it was not loaded.").format(
            path=name)) from err
    try:
        registry, _errors = trust_list_to_registry(text, [asn1_x509.Certificate.load(operator)])
    except SignatureValidationError as err:
        raise InvalidInput(_("The signature of {path} does not hold with the operator's certificate given; the list "
                             "was not loaded.").format(path=name)) from err
    except Exception as err:  # lxml, xsdata and signxml raise many kinds for a file that is not a trusted list
        raise InvalidInput(_("{path} is not an ETSI TS 119 612 trusted list (XML); it was not loaded.").format(
            path=name)) from err
    if len(_CHECKED) >= 8:  # a registry holds a few lists; a process checks one registry's at a time
        _CHECKED.clear()
    _CHECKED[key] = registry
    return registry


def operator_certificate(data: bytes, source: str) -> asn1_x509.Certificate:
    """The list operator's certificate from a PEM or DER file (one sentence for anything else)."""
    from asn1crypto import pem

    try:
        der = next(d for kind, _h, d in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE") \
            if pem.detect(data) else data
        cert = asn1_x509.Certificate.load(der)
        _ = cert.native  # parsed fully now, so a damaged file fails here
    except (ValueError, TypeError, KeyError, StopIteration) as err:
        raise InvalidInput(_("{path} holds no certificate (a PEM or DER certificate file is expected).").format(
            path=source)) from err
    return cert


def load_trusted_list(xml: bytes, operator: asn1_x509.Certificate, source: str = "") -> TrustedList:
    """Check the list's signature with ``operator`` and read its qualified CAs; InvalidInput otherwise."""
    registry = _registry(xml, operator.dump(), source)
    now = dt.datetime.now(dt.UTC)
    cas = []
    for authority in registry.known_certificate_authorities:
        cert = getattr(authority, "certificate", None)
        if cert is not None and any(True for _s in registry.applicable_service_definitions(authority, now)):
            cas.append(cert.dump())
    if not cas:
        raise InvalidInput(_("{path} lists no qualified certificate authority in service; it was not loaded.").format(
            path=source or _("the trusted list")))
    name = operator.subject.human_friendly
    return TrustedList(xml=xml, operator=operator.dump(), operator_name=name, ca_certificates=tuple(sorted(cas)),
                       fingerprint=hashlib.sha256(xml).hexdigest())


def list_anchors(lists: Iterable[tuple[bytes, bytes]]) -> list[asn1_x509.Certificate]:
    """The qualified CAs of these (list, operator) pairs, each list checked; a list that fails adds nothing."""
    out: list[asn1_x509.Certificate] = []
    for xml, operator in lists:
        try:
            trusted = load_trusted_list(xml, asn1_x509.Certificate.load(operator))
        except InvalidInput:
            continue  # its signature no longer holds: it grades nothing and anchors nothing
        out.extend(asn1_x509.Certificate.load(der) for der in trusted.ca_certificates)
    return out


def grade(path: Any, lists: Iterable[tuple[bytes, bytes]], moment: dt.datetime | None) -> str | None:
    """"qualified" when a checked list says the path's end certificate is a QES certificate on a QSCD, else None.

    ``path`` is the validation path pyHanko built and validated for the signer;
    ``moment`` the signing time that counts (a trusted timestamp's, else now).
    """
    from pyhanko.sign.validation.qualified.assess import QualificationAssessor
    from pyhanko.sign.validation.qualified.tsp import QcCertType

    for xml, operator in lists:
        try:
            registry = _registry(xml, operator)
            result = QualificationAssessor(registry).check_entity_cert_qualified(path, moment)
        except (InvalidInput, NotImplementedError, ValueError):
            continue
        status = result.status
        if status.qualified and status.qc_type == QcCertType.QC_ESIGN and status.qc_key_security.is_qscd:
            return LEVEL_QUALIFIED
    return None
