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
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509

from visitapp.errors import InvalidInput, UserError
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
    summary: ListSummary | None = None  # what the signed list says of itself

    @property
    def pair(self) -> tuple[bytes, bytes]:
        """What a TrustPolicy carries: (the list's bytes, the operator's certificate)."""
        return self.xml, self.operator


@dataclass(frozen=True, slots=True)
class ListSummary:
    """What a checked list's signed scheme information says: whose, when issued, until when, how many services."""

    territory: str = ""
    scheme_operator: str = ""
    issued: dt.datetime | None = None
    next_update: dt.datetime | None = None
    services: int = 0  # every trust service the list names, of any kind
    qualified_cas: int = 0
    qualified_tsas: int = 0


# pyHanko's private trusted-list functions (checked against pyHanko 0.38.0, the version installed, and its main
# branch on 2026-12-01): pyHanko has no public function that returns a list's signed data or its parsed scheme
# information (its public trust_list_to_registry returns only the services' registry), so these two private ones
# are called here and nowhere else. tests/test_pyhanko_private.py calls both on a real signed list and fails when
# pyHanko renames or reshapes them; PyHankoChanged keeps such a change from reading as "not a trusted list".
PYHANKO_CHECKED = "0.38.0"


class PyHankoChanged(UserError):
    """The installed pyHanko lacks a private function visitapp relies on (see PYHANKO_CHECKED)."""


def _eutl_private(name: str) -> Any:
    from pyhanko.sign.validation.qualified import eutl_parse

    found = getattr(eutl_parse, name, None)
    if not callable(found):
        from importlib.metadata import version

        raise PyHankoChanged(_("The installed pyHanko {version} cannot read trusted lists for visitapp (it has no "
                               "{name}; visitapp was checked with pyHanko {checked}); install the pyHanko version "
                               "visitapp comes with.").format(version=version("pyhanko"), name=name,
                                                               checked=PYHANKO_CHECKED))
    return found


def pyhanko_signed_list(text: str, operator: asn1_x509.Certificate) -> str:
    """The trusted list exactly as its XML signature (XAdES) covers it, checked with ``operator`` now (pyHanko's
    private ``eutl_parse._validate_and_extract_tl_data``); SignatureValidationError when it does not hold."""
    return str(_eutl_private("_validate_and_extract_tl_data")(text, operator, None))


def pyhanko_parse_list(text: str) -> Any:
    """A TS 119 612 list parsed into pyHanko's generated model (``ts_119612.TrustServiceStatusList``) by pyHanko's
    restricted parser (no DTD, entities, XInclude or network: private ``eutl_parse._raw_tl_parse``); unchecked."""
    return _eutl_private("_raw_tl_parse")(text)


_CHECKED: dict[tuple[str, str], tuple[Any, ListSummary]] = {}  # (list hash, operator hash) -> (pyHanko
# TSPRegistry, summary), per process


def _registry(xml: bytes, operator: bytes, source: str = "") -> Any:
    """pyHanko's registry of the list's services, after checking its signature with the operator's certificate."""
    return _checked(xml, operator, source)[0]


def _checked(xml: bytes, operator: bytes, source: str = "") -> tuple[Any, ListSummary]:
    """The list's services (pyHanko's registry) and its summary, read from the data its checked signature covers."""
    key = (hashlib.sha256(xml).hexdigest(), hashlib.sha256(operator).hexdigest())
    if key in _CHECKED:
        return _CHECKED[key]
    from pyhanko.sign.validation.errors import SignatureValidationError

    name = source or _("the trusted list")
    if len(xml) > MAX_LIST_BYTES:
        raise InvalidInput(_("{path} is larger than a trusted list can be; it was not loaded.").format(path=name))
    try:
        text = xml.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InvalidInput(_("{path} is not an ETSI TS 119 612 trusted list (XML); it was not loaded.").format(
            path=name)) from err
    try:
        registry, summary = _parse_signed(text, asn1_x509.Certificate.load(operator))
    except SignatureValidationError as err:
        raise InvalidInput(_("The signature of {path} does not hold with the operator's certificate given; the list "
                             "was not loaded.").format(path=name)) from err
    except PyHankoChanged:
        raise
    except Exception as err:  # lxml, xsdata and signxml raise many kinds for a file that is not a trusted list
        raise InvalidInput(_("{path} is not an ETSI TS 119 612 trusted list (XML); it was not loaded.").format(
            path=name)) from err
    if len(_CHECKED) >= 8:  # a registry holds a few lists; a process checks one registry's at a time
        _CHECKED.clear()
    _CHECKED[key] = (registry, summary)
    return registry, summary


def _parse_signed(text: str, operator: asn1_x509.Certificate) -> tuple[Any, ListSummary]:
    """pyHanko's ``trust_list_to_registry`` in its two steps, so that the scheme information is read from the
    same signed data (the XAdES-covered list pyHanko extracts), never from the file by another parser."""
    from pyhanko.sign.validation.qualified import eutl_parse
    from pyhanko.sign.validation.qualified.tsp import CA_QC_URI, QTST_URI

    signed = pyhanko_signed_list(text, operator)  # raises SignatureValidationError
    parsed = pyhanko_parse_list(signed)
    registry, _errors = eutl_parse.trust_list_to_registry_unsafe(signed)  # public; parses the signed data again
    scheme = parsed.scheme_information
    services = [service for provider in getattr(parsed.trust_service_provider_list, "trust_service_provider", ())
                if provider.tspservices is not None for service in provider.tspservices.tspservice]

    def kind(service: Any) -> str:
        identifier = service.service_information.service_type_identifier if service.service_information else None
        return getattr(identifier, "value", "") or ""

    def when(value: Any) -> dt.datetime | None:
        moment = value.to_datetime() if value is not None else None
        return moment.replace(tzinfo=dt.UTC) if moment is not None and moment.tzinfo is None else moment

    names = getattr(scheme.scheme_operator_name, "name", ()) if scheme is not None else ()
    english = next((n.value for n in names if str(n.lang).lower().startswith("en")), "")
    summary = ListSummary(
        territory=getattr(getattr(scheme, "scheme_territory", None), "value", "") or "",
        scheme_operator=english or (names[0].value if names else ""),
        issued=when(getattr(scheme, "list_issue_date_time", None)),
        next_update=when(getattr(getattr(scheme, "next_update", None), "date_time", None)),
        services=len(services),
        qualified_cas=sum(1 for s in services if kind(s) == CA_QC_URI),
        qualified_tsas=sum(1 for s in services if kind(s) == QTST_URI))
    return registry, summary


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
    registry, summary = _checked(xml, operator.dump(), source)
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
                       fingerprint=hashlib.sha256(xml).hexdigest(), summary=summary)


def summarise(xml: bytes, operator: bytes) -> ListSummary | None:
    """The summary of a stored list, its signature checked again; None when it no longer holds."""
    try:
        return _checked(xml, operator)[1]
    except InvalidInput:
        return None


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


def list_timestamp_authorities(lists: Iterable[tuple[bytes, bytes]]) -> list[asn1_x509.Certificate]:
    """The certificates of the checked lists' qualified timestamp services (QTST): timestamps are trusted by them."""
    out: list[asn1_x509.Certificate] = []
    for xml, operator in lists:
        try:
            registry = _registry(xml, operator)
        except InvalidInput:
            continue
        out.extend(cert for authority in registry.known_timestamp_authorities
                   if (cert := getattr(authority, "certificate", None)) is not None)
    return out


def timestamp_qualified(path: Any, lists: Iterable[tuple[bytes, bytes]], moment: dt.datetime | None) -> bool:
    """Whether a checked list names the timestamp's authority as a qualified timestamp service (QTST, granted) at
    ``moment`` (the time the timestamp states): its own certificate, or an authority on its validated path."""
    from pyhanko.sign.validation.qualified.tsp import QTST_URI, QTSTServiceInformation
    from pyhanko_certvalidator.authority import AuthorityWithCert

    if path is None:
        return False
    leaf = getattr(path, "leaf", None)
    for xml, operator in lists:
        try:
            registry = _registry(xml, operator)
        except InvalidInput:
            continue
        services = list(registry.applicable_tsps_on_path(path, moment))
        if isinstance(leaf, asn1_x509.Certificate):
            services += registry.applicable_service_definitions(AuthorityWithCert(leaf), moment)
        if any(isinstance(sd, QTSTServiceInformation) and sd.base_info.service_type == QTST_URI for sd in services):
            return True
    return False


def list_signer_certificates(xml: bytes) -> list[asn1_x509.Certificate]:
    """The certificates the list's XML signature carries (ds:KeyInfo), read with pyHanko's own restricted parser;
    unchecked: :func:`load_by_chain` validates a candidate's chain to the registry's anchors, then the list's
    signature with it."""
    try:
        parsed = pyhanko_parse_list(xml.decode("utf-8"))
    except PyHankoChanged:
        raise
    except Exception:  # xsdata and lxml raise many kinds for a file that is not a trusted list
        return []
    key_info = getattr(parsed.signature, "key_info", None)
    out = []
    for item in getattr(key_info, "content", ()):
        for der in getattr(item, "x509_certificate", ())[:8]:
            try:
                cert = asn1_x509.Certificate.load(der)
                _ = cert.native  # parsed fully now, so a damaged one is left out here
            except (ValueError, TypeError, KeyError):
                continue
            out.append(cert)
    return out[:8]


def _chains(cert: asn1_x509.Certificate, anchors: list[asn1_x509.Certificate],
            others: list[asn1_x509.Certificate]) -> bool:
    """Whether pyHanko builds and validates a path from ``cert`` to one of ``anchors`` (offline, at this time)."""
    import asyncio

    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, ValidationError

    if not anchors:
        return False
    context = ValidationContext(trust_roots=anchors, allow_fetching=False, revocation_mode="soft-fail")
    validator = CertificateValidator(cert, intermediate_certs=others, validation_context=context)
    try:
        asyncio.run(validator.async_validate_path())
    except (PathBuildingError, PathValidationError, ValidationError, ValueError):
        return False
    return True


def load_by_chain(xml: bytes, anchors: list[asn1_x509.Certificate], source: str = "") -> TrustedList:
    """A list whose signer's certificate (carried in its signature) chains to one of ``anchors`` and checks its
    signature; one sentence when none does."""
    from visitapp.signing import pki

    name = source or _("the trusted list")
    candidates = list_signer_certificates(xml)
    cas = [c for c in anchors if pki.is_real_ca(c)]
    problem: InvalidInput | None = None
    for cert in candidates:
        if pki.is_real_ca(cert) or not _chains(cert, cas, [c for c in candidates if c is not cert]):
            continue
        try:
            return load_trusted_list(xml, cert, source)
        except InvalidInput as err:
            problem = problem or err
    if problem is not None:
        raise problem
    signer = pki.subject_text(candidates[0]) if candidates else "?"
    raise InvalidInput(_("The signer of {path} ({signer}) does not chain to any anchor of this registry; give the "
                         "certificate of the list's operator.").format(path=name, signer=signer))


def read_list_file(path: Path, operators: list[asn1_x509.Certificate], source_cert: Path | None = None, *,
                   chain: bool = False) -> TrustedList:
    """A trusted list file checked against the operator's certificate in ``source_cert``, else one of
    ``operators``; with ``chain`` (the registry's anchors as ``operators``), also a list whose signer's certificate
    chains to one of them. InvalidInput with one sentence for anything else; nothing is kept here."""
    try:
        size = path.stat().st_size
        if size > MAX_LIST_BYTES:
            raise InvalidInput(_("{path} is larger than a trusted list can be; it was not loaded.").format(path=path))
        xml = path.read_bytes()
    except OSError as err:
        raise InvalidInput(_("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)) from err
    if source_cert is not None:
        try:
            data = source_cert.read_bytes()
        except OSError as err:
            raise InvalidInput(_("Cannot read the certificate file {path}.").format(path=source_cert)) from err
        operators, chain = [operator_certificate(data, str(source_cert))], False
    if not operators and not chain:
        raise InvalidInput(_("Give the certificate of the trusted list's operator with --tsl-cert."))
    problem: InvalidInput | None = None
    for operator in operators:
        try:
            return load_trusted_list(xml, operator, str(path))
        except InvalidInput as err:
            problem = problem or err
    if chain:  # no anchor at all: the same sentence (the list's signer chains to none)
        return load_by_chain(xml, operators, str(path))
    assert problem is not None
    raise problem
