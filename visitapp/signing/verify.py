"""Verify signed minutes: every signature, then the record inside.

For each signature: who signed (CN, O), when (as the signer's clock said: a
B-B signature has no timestamp), whether the signed bytes are intact, whether
it covers the whole file but for later signatures, and whether the signer is
trusted.  The coverage question uses pyHanko's difference analysis: an
incremental update that changes page content after signing is not a
signature, and ``pdfsig`` still calls such a file valid.

Trust roots are always given explicitly (the ``--trust`` certificates);
pyHanko would otherwise fall back to the operating system's TLS roots, which
say nothing about who may sign minutes.  Verification never raises for a bad
file: each problem becomes one sentence in the report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from visitapp.errors import InvalidInput, UserError
from visitapp.exchange.record import VisitRecord
from visitapp.i18n import _
from visitapp.minutes.embed import extract_record

# Later signatures add a field and its widget: pyHanko files that under form filling.
_ACCEPTED_LEVELS = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)
_QUIET_LOGGERS = ("pyhanko", "pyhanko_certvalidator", "pyhanko.sign.validation")


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
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.intact and self.covers_document and self.trusted and not self.problems

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


@dataclass
class VerificationReport:
    path: str
    signatures: list[SignatureCheck] = field(default_factory=list)
    record: RecordCheck = field(default_factory=RecordCheck)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Exit status 0: signed, every signature intact, covering and trusted, record valid."""
        return bool(self.signatures) and all(s.ok for s in self.signatures) and self.record.valid and not self.problems

    def all_problems(self) -> list[str]:
        """One sentence per problem, in the order a person should read them."""
        out = list(self.problems)
        for sig in self.signatures:
            out.extend(sig.problems)
        if self.record.problem:
            out.append(self.record.problem)
        return out

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        for sig, raw in zip(self.signatures, data["signatures"], strict=True):  # type: ignore[arg-type]
            raw["ok"] = sig.ok
            raw["signed_at"] = sig.signed_at.isoformat() if sig.signed_at else None
        data["ok"] = self.ok
        data["problems"] = self.all_problems()
        return data


def load_trust_roots(paths: Iterable[Path]) -> list[asn1_x509.Certificate]:
    """Certificates from PEM or DER files (a PEM file may hold several)."""
    from asn1crypto import pem

    roots: list[asn1_x509.Certificate] = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise InvalidInput(_("Cannot read the certificate file {path}.").format(path=path)) from err
        try:
            if pem.detect(data):
                roots.extend(asn1_x509.Certificate.load(der) for _t, _h, der in pem.unarmor(data, multiple=True))
            else:
                roots.append(asn1_x509.Certificate.load(data))
            for cert in roots:
                cert.native  # noqa: B018 (parse fully now, not during validation)
        except (ValueError, TypeError) as err:
            raise InvalidInput(_("{path} is not a certificate file (PEM or DER).").format(path=path)) from err
    return roots


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


def _check_one(number: int, embedded, vc: ValidationContext) -> SignatureCheck:  # noqa: ANN001
    check = SignatureCheck(number=number, field=embedded.field_name or f"Signature{number}")
    try:
        cert = embedded.signer_cert
        check.signer, check.institution = _subject(cert)
        check.fingerprint = hashlib.sha256(cert.dump()).hexdigest()
    except Exception:  # noqa: BLE001 (a damaged CMS blob)
        check.problems.append(_("{sig}: its signature data is damaged.").format(sig=check.label))
        return check
    try:
        status: PdfSignatureStatus = validate_pdf_signature(embedded, signer_validation_context=vc)
    except Exception as err:  # noqa: BLE001 (pyHanko raises many kinds for broken files)
        check.problems.append(_("{sig} could not be checked ({reason}).").format(
            sig=check.label, reason=str(err) or type(err).__name__))
        return check
    check.signed_at = status.signer_reported_dt
    check.intact = bool(status.intact and status.valid)
    level = status.modification_level
    check.modification = level.name.lower() if level is not None else "unknown"
    check.covers_document = (
        status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        or (status.coverage == SignatureCoverageLevel.ENTIRE_REVISION and level in _ACCEPTED_LEVELS)
    )
    check.trusted = bool(status.trusted)
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
        if "EXPIRED" in reason or "NOT_YET_VALID" in reason or "OUT_OF_BOUNDS" in reason:
            check.problems.append(_("{sig}: the signer's certificate is not valid at this time.").format(
                sig=check.label))
        elif "REVOKED" in reason:
            check.problems.append(_("{sig}: the signer's certificate was revoked.").format(sig=check.label))
        else:
            check.problems.append(_("{sig}: the signer is not trusted; give their certificate with --trust.").format(
                sig=check.label))
    return check


def verify_pdf(pdf_bytes: bytes, trust_roots: list[asn1_x509.Certificate], path: str = "") -> VerificationReport:
    """Check every signature and the record of one PDF; never raises for a bad file."""
    return verify_pdf_record(pdf_bytes, trust_roots, path)[0]


def verify_pdf_record(pdf_bytes: bytes, trust_roots: list[asn1_x509.Certificate],
                      path: str = "") -> tuple[VerificationReport, VisitRecord | None]:
    """:func:`verify_pdf`, and the record it read (None when the report says it is not valid).

    For a caller that goes on to use the record (the registry's merge), so the
    PDF is not opened and the record not parsed a second time.
    """
    report = VerificationReport(path=path)
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = list(reader.embedded_regular_signatures)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as err:
        report.problems.append(_("This file is not a readable PDF ({reason}).").format(reason=err))
        return report, None
    vc = ValidationContext(trust_roots=trust_roots, allow_fetching=False, revocation_mode="soft-fail")
    with _quiet_pyhanko():
        for number, sig in enumerate(embedded, 1):
            report.signatures.append(_check_one(number, sig, vc))
    if not embedded:
        report.problems.append(_("This file is not signed."))
    try:
        record = extract_record(pdf_bytes)
    except UserError as err:
        report.record = RecordCheck(valid=False, problem=str(err))
        return report, None
    report.record = RecordCheck(valid=True, visit_id=record.visit.id, version=record.version,
                                copy=record.copy_kind, organisation=record.organisation.name)
    return report, record


def verify_file(path: Path, trust_roots: list[asn1_x509.Certificate]) -> VerificationReport:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)) from err
    return verify_pdf(data, trust_roots, str(path))
