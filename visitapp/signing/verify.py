"""Verify signed minutes: every signature, then the record that the first one covers.

For each signature: who signed (CN, O), when (as the signer's clock said: a
B-B signature has no timestamp), whether the signed bytes are intact, whether
it covers the whole file but for later signatures, and whether the signer is
trusted.

pyHanko is the one parser that decides what was signed:
- the file is first held to :mod:`visitapp.limits` (size, nesting, objects,
  revisions; decompression is capped while pyHanko inflates), and its tail
  must end exactly where pyHanko's last revision ends, so no other reader can
  find a revision pyHanko did not see;
- the record is read through pyHanko's historical resolver from the revision
  the *first* signature covers, so the bytes a merge uses are exactly the
  bytes that signature covers (never re-read with a second parser);
- later revisions may only add signatures, document timestamps and
  validation data (pyHanko's difference analysis; after the last signature
  only timestamps and validation data).

Trust pins end certificates: a signature is trusted only when the signer's
own certificate is one given as trusted (its SHA-256 fingerprint); an
end-entity certificate never acts as the issuer of another. Verification
never raises for a bad file: each problem becomes one sentence in the report.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel

from visitapp import limits
from visitapp.errors import InvalidInput, UserError
from visitapp.exchange.record import VisitRecord, parse_record
from visitapp.i18n import _

RECORD_NAME = "visit-record.json"  # the attachment's name (visitapp.minutes.embed writes it)

# Later signatures add a field and its widget: pyHanko files that under form filling.
_BETWEEN_SIGNATURES = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)
# After the last signature: only document timestamps and validation data (DSS).
_AFTER_LAST_SIGNATURE = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
_QUIET_LOGGERS = ("pyhanko", "pyhanko_certvalidator", "pyhanko.sign.validation")
# What pyHanko and the libraries under it raise for a malformed or hostile file.
_BAD_FILE = (PdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError, MemoryError,
             OverflowError, EOFError)


@dataclass
class SignatureCheck:
    """One signature as a person needs to judge it."""

    number: int
    field: str
    signer: str = ""
    institution: str = ""
    fingerprint: str = ""  # SHA-256 of the signer's DER certificate, hex: who signed, beyond the name
    signed_at: dt.datetime | None = None
    intact: bool = False
    covers_document: bool = False
    modification: str = ""
    trusted: bool = False
    problems: list[str] = dataclasses.field(default_factory=list)
    trust_problem: str | None = None  # why the signer is not trusted (kept apart: a co-signer need not trust)
    # Under an anchor (visitapp.signing.assess): the anchor reached, the person, their author key.
    anchor: str = ""
    anchor_fingerprint: str = ""
    identity: str = ""
    signer_key: str = ""  # what a merge records as the author: the fingerprint if pinned, else anchor+identity
    level: str = ""  # "qualified", "advanced", "self-signed" (trusted by fingerprint), "pinned"
    revocation: str = ""  # "good", "revoked", "unknown", "not_checked" ("" for pinned signers)
    revocation_source: str = ""  # "ocsp", "crl", "embedded"
    revoked_at: dt.datetime | None = None
    timestamp: dt.datetime | None = None  # the time a signature timestamp proves
    timestamp_trusted: bool = False
    timestamp_qualified: bool = False  # its authority is a qualified timestamp service of a checked trusted list
    judged_at_timestamp: bool = False  # the chain was judged at the timestamp's time (certificate expired since)
    warnings: list[str] = dataclasses.field(default_factory=list)  # e.g. revocation unknown under "soft"
    certificate: bytes = b""  # the signer's certificate (DER): a coordinator may trust it after its fingerprint

    @property
    def ok(self) -> bool:
        return self.intact and self.covers_document and self.trusted and not self.problems and not self.trust_problem

    @property
    def label(self) -> str:
        who = f" ({self.signer})" if self.signer else ""
        return _("Signature {n}{who}").format(n=self.number, who=who)


@dataclass
class RecordCheck:
    valid: bool = False
    visit_id: str | None = None
    version: int | None = None
    copy: str | None = None
    organisation: str | None = None
    problem: str | None = None
    time_zone: str | None = None  # the visit's wall clock (IANA name), on which its stamps show the signing time


@dataclass
class VerificationReport:
    path: str
    signatures: list[SignatureCheck] = dataclasses.field(default_factory=list)
    record: RecordCheck = dataclasses.field(default_factory=RecordCheck)
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Exit status 0: signed, every signature intact, covering and trusted, record valid."""
        return bool(self.signatures) and all(s.ok for s in self.signatures) and self.record.valid and not self.problems

    def clock(self) -> str:
        """The zone a reader is shown the signing times in: the visit's (the clock of the signature stamps in the
        PDF) when the signatures still cover a valid record, else UTC; the reports always name it."""
        intact = all(sig.intact for sig in self.signatures)
        return self.record.time_zone if self.record.valid and intact and self.record.time_zone else "UTC"

    def integrity_problems(self) -> list[str]:
        """Every problem but untrusted signers: what makes the file itself unbelievable."""
        out = list(self.problems)
        for sig in self.signatures:
            out.extend(sig.problems)
        if self.record.problem:
            out.append(self.record.problem)
        return out

    def all_problems(self) -> list[str]:
        """One sentence per problem, in the order a person should read them."""
        out = list(self.problems)
        for sig in self.signatures:
            out.extend(sig.problems)
            if sig.trust_problem:
                out.append(sig.trust_problem)
        if self.record.problem:
            out.append(self.record.problem)
        return out

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        for sig, raw in zip(self.signatures, data["signatures"], strict=True):
            raw["ok"] = sig.ok
            raw.pop("certificate", None)  # bytes; the fingerprint names it
            raw["signed_at"] = sig.signed_at.isoformat() if sig.signed_at else None
            raw["revoked_at"] = sig.revoked_at.isoformat() if sig.revoked_at else None
            raw["timestamp"] = sig.timestamp.isoformat() if sig.timestamp else None
        data["ok"] = self.ok
        data["problems"] = self.all_problems()
        return data


# -- trusted signers ----------------------------------------------------------------------


def is_ca_certificate(cert: asn1_x509.Certificate) -> bool:
    """A CA (basicConstraints CA=True) or a certificate whose key may sign certificates (keyCertSign)."""
    if cert.ca:
        return True
    usage = cert.key_usage_value
    return usage is not None and "key_cert_sign" in usage.native


def signer_certificate(data: bytes, source: str) -> asn1_x509.Certificate:
    """The one end certificate in a PEM or DER file; one sentence for anything else.

    A trusted signer is pinned by their own certificate: a file with several
    certificates (a chain) or a CA certificate would trust everyone it issued.
    """
    from asn1crypto import pem

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
    if len(certs) > 1:
        raise InvalidInput(_("{path} holds {n} certificates; give a file with only the signer's own certificate "
                             "(the .pem that visitapp keygen wrote beside their key).").format(
                                 path=source, n=len(certs)))
    if is_ca_certificate(certs[0]):
        raise InvalidInput(_("{path} is a certificate authority's certificate, which would trust everyone it "
                             "certified; give the signer's own certificate instead.").format(path=source))
    return certs[0]


def load_trust_roots(paths: Iterable[Path]) -> list[asn1_x509.Certificate]:
    """The trusted signers' certificates named on a command line (``--trust``): one end certificate per file."""
    out: list[asn1_x509.Certificate] = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise InvalidInput(_("Cannot read the certificate file {path}.").format(path=path)) from err
        out.append(signer_certificate(data, str(path)))
    return out


def fingerprint(cert: asn1_x509.Certificate) -> str:
    return hashlib.sha256(cert.dump()).hexdigest()


from visitapp.signing.assess import TrustedSigners  # noqa: E402 (re-exported: it lived here)

# -- checking -----------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs full tracebacks for untrusted signers; the report says it in one sentence."""
    saved = [(lg, lg.level) for lg in map(logging.getLogger, _QUIET_LOGGERS)]
    for lg, _lvl in saved:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, lvl in saved:
            lg.setLevel(lvl)


def _subject(cert: asn1_x509.Certificate) -> tuple[str, str]:
    native = cert.subject.native
    return str(native.get("common_name", "")), str(native.get("organization_name", ""))


def _check_one(number: int, embedded, trusted: TrustedSigners, *, last_revision: int,
               last_signature: bool, revinfo: tuple[list[bytes], list[bytes]] = ([], []),
               doc_times: Iterable[tuple[int, dt.datetime, bool]] = ()) -> SignatureCheck:
    check = SignatureCheck(number=number, field=embedded.field_name or f"Signature{number}")
    try:
        cert = embedded.signer_cert
        check.signer, check.institution = _subject(cert)
        check.fingerprint = fingerprint(cert)
        check.certificate = cert.dump()
    except Exception:  # a damaged CMS blob raises anything
        check.problems.append(_("{sig}: its signature data is damaged.").format(sig=check.label))
        return check
    try:
        status: PdfSignatureStatus = validate_pdf_signature(
            embedded, signer_validation_context=trusted.context_for(cert),
            ts_validation_context=trusted.timestamp_context())
    except Exception as err:  # pyHanko raises many kinds for broken files
        check.problems.append(_("{sig} could not be checked ({reason}).").format(
            sig=check.label, reason=str(err)[:200] or type(err).__name__))
        return check
    check.signed_at = status.signer_reported_dt
    check.intact = bool(status.intact and status.valid)
    level = status.modification_level
    check.modification = level.name.lower() if level is not None else "unknown"
    allowed = _AFTER_LAST_SIGNATURE if last_signature else _BETWEEN_SIGNATURES
    check.covers_document = (
        status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        or (status.coverage == SignatureCoverageLevel.ENTIRE_REVISION and level in allowed
            and embedded.signed_revision < last_revision)
    )
    check.trusted = bool(status.trusted) and check.fingerprint in trusted
    if check.fingerprint in trusted:
        from visitapp.signing import pki

        check.signer_key = check.fingerprint
        check.level = "self-signed" if pki.is_self_signed(cert) else "pinned"
    if check.intact and check.fingerprint not in trusted:
        from visitapp.signing import assess

        def again(moment: dt.datetime) -> PdfSignatureStatus:
            return validate_pdf_signature(embedded, signer_validation_context=trusted.context_for(cert, moment),
                                          ts_validation_context=trusted.timestamp_context(), skip_diff=True)

        try:
            later = sorted((t, q) for rev, t, q in doc_times if rev > embedded.signed_revision)  # document stamps
            assess.judge(check, status, trusted, cert, revinfo=revinfo, revalidate=again, doc_times=later)
        except Exception as err:  # pyHanko raises many kinds for broken chains
            check.trusted = False
            check.trust_problem = _("{sig}: the signer's certificate chain could not be checked ({reason}).").format(
                sig=check.label, reason=str(err)[:200] or type(err).__name__)
        if not check.covers_document:
            check.problems.append(_("{sig} no longer covers the file: it was changed afterwards by something "
                                    "other than a signature.").format(sig=check.label))
        return check
    if not check.intact:
        check.problems.append(_("{sig} is broken: the signed content was changed after signing.").format(
            sig=check.label))
        return check  # pyHanko calls a broken signature untrusted too; one sentence is enough
    if not check.covers_document:
        check.problems.append(_("{sig} no longer covers the file: it was changed afterwards by something other "
                                "than a signature.").format(sig=check.label))
    if not check.trusted:
        indic = status.trust_problem_indic
        reason = getattr(indic, "name", "") if indic is not None else ""
        if check.fingerprint in trusted and ("EXPIRED" in reason or "NOT_YET_VALID" in reason
                                             or "OUT_OF_BOUNDS" in reason):
            check.trust_problem = _("{sig}: the signer's certificate is not valid at this time.").format(
                sig=check.label)
        elif "REVOKED" in reason:
            check.trust_problem = _("{sig}: the signer's certificate was revoked.").format(sig=check.label)
        else:
            check.trust_problem = _("{sig}: the signer is not trusted; give their certificate with --trust.").format(
                sig=check.label)
    return check


def _record_spec(root) -> Any:  # pyHanko generic objects (a dictionary, or None)
    """The file specification of the record: in the catalogue's /AF, as visitapp writes it."""
    for spec in root.get("/AF", []):
        spec = spec.get_object()
        if RECORD_NAME in (str(spec.get("/UF", "")), str(spec.get("/F", ""))):
            return spec
    return None


def signed_record_bytes(reader: PdfFileReader, revision: int) -> bytes:
    """The record's bytes as the given revision holds them, read by pyHanko (InvalidInput otherwise)."""
    resolver = reader.get_historical_resolver(revision)
    try:
        spec = _record_spec(resolver.root)
        if spec is None:
            raise InvalidInput(_("There is no visitapp record in this file; it was not written by visitapp."))
        stream = spec["/EF"]["/F"].get_object()
        encoded = len(stream.encoded_data)
        if encoded > limits.LIMITS.record_bytes:
            raise InvalidInput(_("The visit record is larger than visitapp accepts."))
        data = stream.data
    except UserError:
        raise
    except (RecursionError, MemoryError) as err:
        raise InvalidInput(_readable_problem(err)) from err
    except _BAD_FILE as err:
        from pyhanko.pdf_utils.misc import PdfDecodeLimitError

        if isinstance(err, PdfDecodeLimitError):
            raise InvalidInput(_readable_problem(err)) from err
        raise InvalidInput(_("The visitapp record in this file is damaged.")) from err
    if len(data) > limits.LIMITS.record_bytes:
        raise InvalidInput(_("The visit record is larger than visitapp accepts."))
    return bytes(data)


def verify_pdf(pdf_bytes: bytes, trust_roots: list[asn1_x509.Certificate], path: str = "") -> VerificationReport:
    """Check every signature and the record of one PDF; never raises for a bad file."""
    return verify_pdf_record(pdf_bytes, trust_roots, path)[0]


def verify_pdf_record(pdf_bytes: bytes, trust_roots: list[asn1_x509.Certificate],
                      path: str = "") -> tuple[VerificationReport, VisitRecord | None]:
    """:func:`verify_pdf`, and the record the first signature covers (None unless the report says it is valid).

    For a caller that goes on to use the record (the registry's merge): the
    record is exactly the bytes the first signature covers.
    """
    report = VerificationReport(path=path)
    try:
        limits.check_pdf(pdf_bytes)
        limits.check_pdf_tail(pdf_bytes)
    except InvalidInput as err:
        report.problems.append(str(err))
        return report, None
    from visitapp.signing import assess
    from visitapp.signing.assess import TrustPolicy, as_policy, embedded_revinfo

    policy = trust_roots if isinstance(trust_roots, TrustPolicy) else None
    trusted = TrustedSigners([] if policy else trust_roots, as_policy(policy) if policy else None)
    with _quiet_pyhanko():
        try:
            reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False, decode_limits=limits.pdf_decode_limits())
            last_revision = reader.xrefs.total_revisions - 1
            embedded = list(reader.embedded_regular_signatures)
        except _BAD_FILE as err:
            report.problems.append(_readable_problem(err))
            return report, None
        if not embedded:
            report.problems.append(_("This file is not signed."))
            return report, None
        revinfo = embedded_revinfo(reader, _BAD_FILE)
        doc_times = assess.document_timestamps(reader, trusted, _BAD_FILE) if trusted.anchors else []
        for number, sig in enumerate(embedded, 1):
            report.signatures.append(_check_one(number, sig, trusted, last_revision=last_revision,
                                                last_signature=number == len(embedded), revinfo=revinfo,
                                                doc_times=doc_times))
        try:
            data = signed_record_bytes(reader, embedded[0].signed_revision)
            if signed_record_bytes(reader, last_revision) != data:
                raise InvalidInput(_("The visit record was changed after the first signature."))
            limits.check_json(data)
            record = parse_record(data)
        except UserError as err:
            report.record = RecordCheck(valid=False, problem=str(err))
            return report, None
        except _BAD_FILE as err:
            report.record = RecordCheck(valid=False, problem=_readable_problem(err))
            return report, None
    report.record = RecordCheck(valid=True, visit_id=record.visit.id, version=record.version,
                                copy=record.copy_kind, organisation=record.organisation.name,
                                time_zone=record.visit.time_zone)
    return report, record


def _readable_problem(err: BaseException) -> str:
    from pyhanko.pdf_utils.misc import PdfDecodeLimitError

    if isinstance(err, PdfDecodeLimitError | MemoryError):
        return _("The file holds compressed data that unpacks to more than visitapp accepts; it is refused as a "
                 "decompression bomb.")
    if isinstance(err, RecursionError):
        return _("The file is nested deeper than visitapp accepts.")
    return _("This file is not a readable PDF ({reason}).").format(reason=str(err)[:200] or type(err).__name__)


def verify_file(path: Path, trust_roots: list[asn1_x509.Certificate]) -> VerificationReport:
    """:func:`verify_pdf` for a file on disk (its size checked before it is read)."""
    return verify_pdf(read_received(path), trust_roots, str(path))


def read_received(path: Path) -> bytes:
    """A received file's bytes, refused unread when it is larger than the limit."""
    try:
        size = Path(path).stat().st_size
        limits.check_size(size)
        return Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)) from err


# -- jobs for the capped worker (visitapp.signing.sandbox): plain arguments that pickle ------------


def verify_received(path: str, roots_der: list[bytes]) -> tuple[str, VerificationReport, VisitRecord | None]:
    """Read, hash and verify one received file: (SHA-256 of the file, report, signed record or None)."""
    report = VerificationReport(path=path)
    try:
        data = read_received(Path(path))
    except UserError as err:
        report.problems.append(str(err))
        return "", report, None
    report, record = verify_pdf_record(data, _roots(roots_der), path)
    return hashlib.sha256(data).hexdigest(), report, record


def verify_received_bytes(data: bytes, path: str,
                          roots_der: list[bytes]) -> tuple[str, VerificationReport, VisitRecord | None]:
    """:func:`verify_received` for a file already in memory (minutes decrypted from a ``.p7m``)."""
    report = VerificationReport(path=path)
    try:
        limits.check_size(len(data))
    except UserError as err:
        report.problems.append(str(err))
        return "", report, None
    report, record = verify_pdf_record(data, _roots(roots_der), path)
    return hashlib.sha256(data).hexdigest(), report, record


def refused_received(path: str, problem: str) -> tuple[str, VerificationReport, None]:
    """A file refused before verification (e.g. a ``.p7m`` that could not be decrypted), as a worker job's result."""
    return "", VerificationReport(path=path, problems=[problem]), None


def verify_bytes(data: bytes, roots_der: list[bytes], path: str = "") -> VerificationReport:
    return verify_pdf(data, _roots(roots_der), path)


def _roots(roots_der):
    """A worker job's trust: a TrustPolicy as it is, or pinned certificates as DER."""
    from visitapp.signing.assess import TrustPolicy

    if isinstance(roots_der, TrustPolicy):
        return roots_der
    return [asn1_x509.Certificate.load(der) for der in roots_der]
