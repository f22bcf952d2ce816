"""How far a verified signature is trusted: pinned, or a person under an anchor; revocation; timestamps.

:class:`TrustPolicy` is what the caller decides (plain values that pickle, so
it travels to the capped verification worker):

- ``pinned``: end certificates trusted by their SHA-256 fingerprint (as before);
- ``anchors``: CA certificates (really CAs: see :func:`visitapp.signing.pki.is_real_ca`);
- ``identities``: (anchor fingerprint, subject identity) pairs the registry trusts;
- ``require_identity``: a chain to an anchor is not enough, the person must be
  trusted too (``merge``; ``verify`` with only ``--anchor`` does not require it);
- ``online``/``revocation``: fetch OCSP/CRL answers; "soft" rejects a revoked
  certificate and warns when the status is unknown, "hard" also rejects unknown;
- ``at``: judge the certificates at this time instead of now.

pyHanko validates the chain (an end certificate never issues others: it
checks basicConstraints on every certificate of the path); this module only
reads the path it found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from asn1crypto import x509 as asn1_x509
from pyhanko_certvalidator import ValidationContext

from visitapp.i18n import _
from visitapp.signing import pki

if TYPE_CHECKING:
    from collections.abc import Iterable

    from visitapp.signing.verify import SignatureCheck

LEVEL_QUALIFIED = "qualified"
LEVEL_ADVANCED = "advanced"
LEVEL_SELF_SIGNED = "self-signed"
LEVEL_PINNED = "pinned"


def not_checked_text() -> str:
    """What trust, qualification and the record say once a signature does not hold: nothing of the file was
    believed after its signed bytes changed, so those were not judged (one wording, CLI and GUI alike)."""
    return _("not checked: the file was changed after signing")


def changed_after_signing(report: Any) -> bool:
    """A signature of this VerificationReport does not hold: its signed content was changed."""
    return any(not sig.intact for sig in report.signatures)


@dataclass(frozen=True, slots=True)
class TrustPolicy:
    pinned: tuple[bytes, ...] = ()
    anchors: tuple[bytes, ...] = ()
    identities: tuple[tuple[str, str], ...] = ()
    require_identity: bool = False
    online: bool = False
    revocation: str = "soft"
    at: dt.datetime | None = None
    run: str = ""  # answers fetched online are cached per certificate for one run (in one worker process)
    # ETSI TS 119 612 trusted lists as (XML, operator's DER certificate): their qualified CAs are anchors and
    # grade signatures "qualified" (visitapp.signing.qualified checks each list's signature where it is used).
    trusted_lists: tuple[tuple[bytes, bytes], ...] = ()

    def with_pinned(self, certs: list[asn1_x509.Certificate]) -> TrustPolicy:
        from dataclasses import replace

        return replace(self, pinned=self.pinned + tuple(c.dump() for c in certs))


def as_policy(arg: Any) -> TrustPolicy:
    """A :class:`TrustPolicy` from what callers pass as trust roots: a policy, or pinned certificates (DER or asn1)."""
    if isinstance(arg, TrustPolicy):
        return arg
    return TrustPolicy(pinned=tuple(c if isinstance(c, bytes) else c.dump() for c in (arg or ())))


_CHECKERS: dict[str, pki.RevocationChecker] = {}


def checker_for(policy: TrustPolicy) -> pki.RevocationChecker:
    """One revocation checker (and cache) per run; a policy without a run gets a fresh one."""
    if not policy.run:
        return pki.RevocationChecker(online=policy.online)
    if policy.run not in _CHECKERS:
        _CHECKERS.clear()  # one run at a time per process: an old run's answers are not reused
        _CHECKERS[policy.run] = pki.RevocationChecker(online=policy.online)
    return _CHECKERS[policy.run]


class TrustedSigners:
    """Who is trusted: signers pinned by the SHA-256 fingerprint of their own certificate, and anchors.

    A pinned signer is checked by pyHanko (validity period, usage) with that
    certificate as its only root, so no certificate can lend trust to another.
    Any other signer must chain to an anchor (a real CA); pyHanko builds and
    checks that chain, and :mod:`visitapp.signing.assess` judges the person,
    revocation and timestamps under the :class:`~visitapp.signing.assess.TrustPolicy`.
    """

    def __init__(self, certs: Iterable[asn1_x509.Certificate] = (), policy: TrustPolicy | None = None) -> None:
        self.policy = policy or TrustPolicy()
        pinned = [*certs, *(asn1_x509.Certificate.load(der) for der in self.policy.pinned)]
        self._certs = {pki.fingerprint(c): c for c in pinned}
        anchors = [asn1_x509.Certificate.load(der) for der in self.policy.anchors]
        stamping: list[asn1_x509.Certificate] = []
        if self.policy.trusted_lists:
            from visitapp.signing.qualified import list_anchors, list_timestamp_authorities

            anchors += list_anchors(self.policy.trusted_lists)
            stamping = list_timestamp_authorities(self.policy.trusted_lists)  # qualified TSAs (QTST) of the lists
        self.anchors = {pki.fingerprint(c): c for c in anchors if pki.is_real_ca(c)}
        self.timestamp_roots = [*self.anchors.values(), *stamping]
        self.identities = set(self.policy.identities)
        self.checker = checker_for(self.policy)
        self._contexts: dict[tuple[str, dt.datetime | None], ValidationContext] = {}

    def __contains__(self, fp: str) -> bool:
        return fp in self._certs

    def context_for(self, cert: asn1_x509.Certificate, moment: dt.datetime | None = None) -> ValidationContext:
        fp = pki.fingerprint(cert)
        moment = moment or self.policy.at
        key = (fp if fp in self._certs else "", moment)
        if key not in self._contexts:
            roots = [self._certs[fp]] if fp in self._certs else list(self.anchors.values())
            self._contexts[key] = ValidationContext(trust_roots=roots, allow_fetching=False,
                                                    revocation_mode="soft-fail", moment=moment)
        return self._contexts[key]

    def timestamp_context(self) -> ValidationContext:
        """Timestamp authorities are trusted under the same anchors, and as the lists' qualified TSAs."""
        key = ("timestamps", self.policy.at)
        if key not in self._contexts:
            self._contexts[key] = ValidationContext(trust_roots=self.timestamp_roots, allow_fetching=False,
                                                    revocation_mode="soft-fail", moment=self.policy.at)
        return self._contexts[key]


def embedded_revinfo(reader: Any, bad_file: tuple[type[BaseException], ...]) -> tuple[list[bytes], list[bytes]]:
    """The OCSP answers and CRLs in the file's DSS (validation data added after signing), as DER."""
    from pyhanko.sign.validation.dss import DocumentSecurityStore, NoDSSFoundError

    try:
        dss = DocumentSecurityStore.read_dss(reader)
        # DSS entries are PDF streams holding the DER of each OCSP answer and CRL (at most 64 of each).
        return ([bytes(o.get_object().data) for o in list(dss.ocsps)[:64]],
                [bytes(c.get_object().data) for c in list(dss.crls)[:64]])
    except NoDSSFoundError:
        return [], []
    except bad_file:
        return [], []


def document_timestamps(reader: Any, trusted: TrustedSigners,
                        bad_file: tuple[type[BaseException], ...]) -> list[tuple[int, dt.datetime, bool]]:
    """(revision, time, qualified) of each intact document timestamp whose authority chains to an anchor (or is a
    trusted list's qualified TSA); qualified: a checked trusted list names its authority a QTST."""
    from pyhanko.sign.validation import validate_pdf_timestamp

    out = []
    try:
        stamps = list(reader.embedded_timestamp_signatures)[:16]
    except bad_file:
        return []
    for stamp in stamps:
        try:
            status = validate_pdf_timestamp(stamp, validation_context=trusted.timestamp_context(), skip_diff=True)
        except Exception:  # a broken timestamp proves nothing; the signature's own checks stand
            continue
        if status.intact and status.valid and status.trusted and status.timestamp is not None:
            qualified = False
            if trusted.policy.trusted_lists:
                from visitapp.signing.qualified import timestamp_qualified

                qualified = timestamp_qualified(status.validation_path, trusted.policy.trusted_lists,
                                                status.timestamp)
            out.append((stamp.signed_revision, status.timestamp, qualified))
    return out


def _path_certs(path: Any) -> list[asn1_x509.Certificate]:
    """The certificates of a validation path, anchor first (the anchor only when it is a certificate)."""
    out = []
    anchor = getattr(getattr(path.trust_anchor, "authority", None), "certificate", None)
    if anchor is not None:
        out.append(anchor)
    out.extend(c for c in path.iter_certs(include_root=True) if isinstance(c, asn1_x509.Certificate) and c not in out)
    return out


def _fmt(when: dt.datetime | None) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if when else "?"


def judge(check: SignatureCheck, status: Any, trusted: TrustedSigners, cert: asn1_x509.Certificate, *,
          revinfo: tuple[list[bytes], list[bytes]],
          revalidate: Callable[[dt.datetime], Any], doc_times: Sequence[tuple[dt.datetime, bool]] = ()) -> Any:
    """Fill in the trust part of ``check`` for a signature under an anchor; returns the status finally used.

    Pinned signers are judged by the caller as before. Here: the chain must reach
    an anchor; the person must be trusted when the policy requires it; the
    certificate must not be revoked (and, under "hard", its status known).
    """
    policy = trusted.policy
    ts = status.timestamp_validity
    if ts is not None and ts.intact and ts.valid:
        check.timestamp = ts.timestamp
        check.timestamp_trusted = bool(ts.trusted)
        if check.timestamp_trusted and policy.trusted_lists:  # a qualified timestamp: its TSA is a list's QTST
            from visitapp.signing.qualified import timestamp_qualified

            check.timestamp_qualified = timestamp_qualified(ts.validation_path, policy.trusted_lists, ts.timestamp)
    if (check.timestamp is None or not check.timestamp_trusted) and doc_times:
        # A trusted document timestamp over a later revision proves the signature existed by then (B-LTA).
        (check.timestamp, check.timestamp_qualified), check.timestamp_trusted = doc_times[0], True
    reason = getattr(status.trust_problem_indic, "name", "") if status.trust_problem_indic is not None else ""
    expired = any(word in reason for word in ("EXPIRED", "NOT_YET_VALID", "OUT_OF_BOUNDS"))
    if expired and check.timestamp is not None and check.timestamp_trusted:
        # A trusted timestamp proves the signature existed then: judge the chain at that time.
        status = revalidate(check.timestamp)
        reason = getattr(status.trust_problem_indic, "name", "") if status.trust_problem_indic is not None else ""
        check.judged_at_timestamp = bool(status.trusted)
    path = status.validation_path if status.trusted else None
    if path is None:
        if "EXPIRED" in reason or "NOT_YET_VALID" in reason or "OUT_OF_BOUNDS" in reason:
            check.trust_problem = _("{sig}: the signer's certificate is not valid at this time, and no trusted "
                                    "timestamp proves it was signed while it was.").format(sig=check.label)
        elif "REVOKED" in reason:
            check.trust_problem = _("{sig}: the signer's certificate was revoked.").format(sig=check.label)
        else:
            check.trust_problem = _("{sig}: the signer is not trusted; give their certificate with --trust or "
                                    "their certificate authority with --anchor.").format(sig=check.label)
        return status
    chain = _path_certs(path)
    anchors_in_path = [c for c in chain if pki.fingerprint(c) in trusted.anchors]
    if not anchors_in_path:  # cannot happen: pyHanko only trusts paths to the roots it was given
        check.trust_problem = _("{sig}: the signer is not trusted.").format(sig=check.label)
        return status
    identity = pki.subject_identity(cert)
    check.identity = identity
    # The anchor under which the registry knows this person, if any, else the root the path reached.
    known = next((c for c in anchors_in_path if (pki.fingerprint(c), identity) in trusted.identities), None)
    anchor = known or anchors_in_path[0]
    check.anchor = pki.subject_text(anchor)
    check.anchor_fingerprint = pki.fingerprint(anchor)
    check.signer_key = pki.signer_key(check.anchor_fingerprint, identity)
    check.level = LEVEL_ADVANCED
    if policy.trusted_lists:  # qualified only when a checked trusted list says so, at the proven signing time
        from visitapp.signing.qualified import grade

        moment = check.timestamp if check.timestamp_trusted else policy.at
        check.level = grade(path, policy.trusted_lists, moment) or LEVEL_ADVANCED
    issuer = chain[-1] if len(chain) >= 1 and chain[-1].subject == cert.issuer else None
    if issuer is None:
        issuer = next((c for c in chain if c.subject == cert.issuer), None)
    _revocation(check, trusted, cert, issuer, revinfo, policy)
    if check.trust_problem is None and policy.require_identity and known is None:
        check.trust_problem = _("{sig}: the certificate chains to {anchor}, but the registry does not trust its "
                                "holder ({identity}); add their certificate with visitapp trust add.").format(
            sig=check.label, anchor=check.anchor, identity=identity)
    check.trusted = check.trust_problem is None
    return status


def _revocation(check: SignatureCheck, trusted: TrustedSigners, cert: asn1_x509.Certificate,
                issuer: asn1_x509.Certificate | None, revinfo: tuple[list[bytes], list[bytes]],
                policy: TrustPolicy) -> None:
    if issuer is None:
        rev = pki.Revocation("unknown", detail=_("the issuer's certificate is not in the chain"))
    else:
        rev = trusted.checker.check(cert, issuer, embedded_ocsp=revinfo[0], embedded_crl=revinfo[1])
    check.revocation = rev.status
    check.revocation_source = rev.source
    check.revoked_at = rev.revoked_at
    if rev.status == "revoked":
        proven = check.timestamp if check.timestamp_trusted else None
        if proven is not None and rev.revoked_at is not None and proven < rev.revoked_at:
            check.warnings.append(_("{sig}: the signer's certificate was revoked on {when}, after the timestamped "
                                    "signing time.").format(sig=check.label, when=_fmt(rev.revoked_at)))
            return
        check.trust_problem = _("{sig}: the signer's certificate was revoked on {when}.").format(
            sig=check.label, when=_fmt(rev.revoked_at))
    elif rev.status in ("unknown", "not_checked"):
        if rev.status == "not_checked":
            text = _("{sig}: revocation was not checked (offline; give --online to ask the certificate "
                     "authority).").format(sig=check.label)
        else:
            text = _("{sig}: the revocation status of the signer's certificate is unknown ({detail}).").format(
                sig=check.label, detail=rev.detail)
        if policy.revocation == "hard":
            check.trust_problem = text
        else:
            check.warnings.append(text)
