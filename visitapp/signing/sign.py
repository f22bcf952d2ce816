"""PAdES baseline B-B signatures on visitapp minutes, from a PKCS#12 file or a PKCS#11 token.

Every signature is an incremental update, so the second attendee's signature
keeps the first one valid.  Its visible stamp goes into the next free box of
the signature block on the last page (see :mod:`visitapp.pdf_common`);
past the boxes, further signatures are invisible rather than drawn over text.
The stamp uses the embedded Noto Sans (1000 units per em): pyHanko's default
font has no Polish letters, and fonts at other sizes are misplaced.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError, PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from visitapp.clock import stamp_time
from visitapp.errors import InvalidInput
from visitapp.i18n import _, gettext_for
from visitapp.pdf_common import RECORD_NAME, SIGNATURE_SLOTS
from visitapp.signing.errors import (
    KeyMismatch,
    NotVisitappPdf,
    SigningError,
    TokenError,
    WrongPassword,
)
from visitapp.signing.keys import check_validity, load_pkcs12, name_of
from visitapp.signing.stamp import stamp_style

log = logging.getLogger(__name__)

# Room for an ECDSA or RSA-4096 CMS with a short chain; a fixed size saves
# pyHanko from signing twice to measure.
BYTES_RESERVED = 16384


@dataclass(frozen=True)
class Pkcs12Source:
    """A certificate file and its password."""

    path: Path
    password: str
    timestamp_url: str | None = None  # an RFC 3161 server: the signature gets a timestamp (PAdES B-T)


@dataclass(frozen=True)
class Pkcs11Source:
    """A key and certificate on a token (smart card, HSM), found by labels."""

    module: Path
    token: str
    key: str
    pin: str
    cert: str | None = None  # the certificate's label; the key's label if not given
    timestamp_url: str | None = None  # an RFC 3161 server: the signature gets a timestamp (PAdES B-T)


SignerSource = Pkcs12Source | Pkcs11Source


@dataclass(frozen=True)
class SignResult:
    pdf: bytes
    field_name: str
    signer: str
    institution: str
    visible: bool
    timestamped: bool = False  # B-T: a timestamp server answered (else B-B, as offline)


# --- opening a signer --------------------------------------------------------------------------------


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class _LoadedKeySigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner, signing with the key object loaded once from the file.

    SimpleSigner re-loads its key from DER for every signature, and loading an
    RSA key runs OpenSSL's key check: about 0.1 s for RSA-3072 each time.  The
    PKCS#12 loader has already checked this key once.
    """

    def __init__(self, *, private_key: PrivateKeyTypes, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._private_key = private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        key = self._private_key
        if mechanism == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), hash_algo)
        if mechanism == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(hash_algo))
        return super().sign_raw(data, digest_algorithm)  # any other mechanism: pyHanko's own way


def _pkcs12_signer(source: Pkcs12Source) -> tuple[signers.Signer, x509.Certificate]:
    ident = load_pkcs12(source.path, source.password)
    others = SimpleCertificateStore()
    others.register_multiple(_asn1_cert(c) for c in ident.chain)
    key_der = ident.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    signer = _LoadedKeySigner(
        private_key=ident.key,
        signing_cert=_asn1_cert(ident.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=others,
    )
    return signer, ident.certificate


def _probe(signer: signers.Signer, cert: x509.Certificate) -> None:
    """Sign a few bytes and check them with the certificate: a token key that is not the cert's fails here."""
    data = b"visitapp key check"
    try:
        raw = asyncio.run(signer.async_sign_raw(data, "sha256"))
    except Exception as err:  # token errors come in many types
        reason = str(err).strip() or type(err).__name__
        raise TokenError(_("The token refused to sign: {reason}.").format(reason=reason)) from err
    public = cert.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(raw, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            try:
                public.verify(raw, data, padding.PKCS1v15(), hashes.SHA256())
            except InvalidSignature:
                pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.AUTO)
                public.verify(raw, data, pss, hashes.SHA256())
    except InvalidSignature as err:
        raise KeyMismatch(_("The key on the token does not belong to the certificate.")) from err


@contextlib.contextmanager
def _pkcs11_signer(source: Pkcs11Source) -> Iterator[tuple[signers.Signer, x509.Certificate]]:
    try:
        from pkcs11 import exceptions as p11e
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as hanko_p11
    except ImportError as err:  # pragma: no cover - python-pkcs11 comes with pyHanko[pkcs11]
        raise TokenError(_("PKCS#11 support is not installed (python-pkcs11).")) from err
    from visitapp.signing.modules import find_module

    module = find_module(source.module)  # a bare name (opensc-pkcs11.dll) is found on the library path
    if module is None:
        raise TokenError(_("The PKCS#11 module {module} does not exist.").format(module=source.module))
    try:
        session = hanko_p11.open_pkcs11_session(
            str(module), token_criteria=TokenCriteria(label=source.token), user_pin=source.pin)
    except p11e.PinIncorrect as err:
        raise WrongPassword(_("The PIN for token {token} is wrong.").format(token=source.token)) from err
    except p11e.PinLocked as err:
        raise WrongPassword(_("The PIN of token {token} is locked.").format(token=source.token)) from err
    except (p11e.PKCS11Error, HankoSigningError, OSError, RuntimeError) as err:
        text = str(err)
        if "No token" in text or isinstance(err, p11e.NoSuchToken | p11e.TokenNotPresent):
            raise TokenError(_("No token labelled {token} was found; is the card inserted?").format(
                token=source.token)) from err
        raise TokenError(_("The PKCS#11 module {module} could not be used: {reason}.").format(
            module=module, reason=text or type(err).__name__)) from err
    try:
        cert_label = source.cert or source.key
        from visitapp.signing.tokens import sign_kwargs

        # The chain: every certificate on the token is pulled (the card's CA certificates); and a key marked
        # CKA_ALWAYS_AUTHENTICATE gets the PIN again after each C_SignInit (visitapp.signing.tokens).
        extra: dict[str, Any] = {"other_certs_to_pull": None,
                                 "base_sign_kwargs": sign_kwargs(session, source.key, source.pin)}
        signer = hanko_p11.PKCS11Signer(session, cert_label=cert_label, key_label=source.key, bulk_fetch=False,
                                        **extra)
        try:
            asn1_cert = signer.signing_cert
        except (p11e.PKCS11Error, HankoSigningError, KeyError) as err:
            raise TokenError(_("The token {token} has no certificate labelled {label}.").format(
                token=source.token, label=cert_label)) from err
        cert = x509.load_der_x509_certificate(asn1_cert.dump())
        check_validity(cert)
        try:
            _probe(signer, cert)
        except TokenError as err:
            if not isinstance(err.__cause__, p11e.MechanismInvalid):
                raise
            # Many tokens (SoftHSM2 among them) only sign a digest made outside: CKM_ECDSA / CKM_RSA_PKCS.
            signer = hanko_p11.PKCS11Signer(session, cert_label=cert_label, key_label=source.key, bulk_fetch=False,
                                            use_raw_mechanism=True, **extra)
            _probe(signer, cert)
        yield signer, cert
    finally:
        with contextlib.suppress(Exception):
            session.close()


@contextlib.contextmanager
def open_signer(source: SignerSource) -> Iterator[tuple[signers.Signer, x509.Certificate]]:
    """A pyHanko signer and its certificate, checked for today's use (and closed after)."""
    if isinstance(source, Pkcs12Source):
        pair = _pkcs12_signer(source)
        _timestamp_with(pair[0], source.timestamp_url)
        yield pair
    else:
        with _pkcs11_signer(source) as pair:
            _timestamp_with(pair[0], source.timestamp_url)
            yield pair


def _timestamp_with(signer: signers.Signer, url: str | None) -> None:
    """The TSA that :func:`sign_with` asks for this signer's signatures (None: no timestamp)."""
    signer.visitapp_timestamp_url = url  # type: ignore[attr-defined]  # our mark on pyHanko's object


# --- the document ---------------------------------------------------------------------------------


def _writer(pdf_bytes: bytes) -> IncrementalPdfFileWriter:
    try:
        return IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    except (PdfError, PdfReadError, ValueError) as err:
        raise InvalidInput(_("This file is not a readable PDF.")) from err


def record_language(reader: PdfFileReader) -> str:
    """The visit's language from the record attached to a visitapp PDF (NotVisitappPdf otherwise)."""
    return str(_record_visit(reader).get("language", "en"))


def minutes_language(reader: PdfFileReader, record_visit: dict) -> str:
    """The language the minutes were written in: the document's /Lang (set by the export, ``--lang``
    included), else the visit's language from its record.  A co-signature's stamp and reason follow it."""
    try:
        tag = str(reader.root.get("/Lang", "")).lower()
    except (PdfError, ValueError, TypeError, AttributeError):
        tag = ""
    code = tag.split("-")[0]
    return code if code in ("pl", "en") else str(record_visit.get("language", "en"))


def _record_visit(reader: PdfFileReader) -> dict:
    """The ``visit`` object of the record attached to a visitapp PDF (NotVisitappPdf otherwise)."""
    try:
        for spec in reader.root.get("/AF", []):
            spec = spec.get_object()
            if str(spec.get("/F", "")) == RECORD_NAME or str(spec.get("/UF", "")) == RECORD_NAME:
                data = json.loads(spec["/EF"]["/F"].get_object().data)
                visit = data.get("visit", {})
                return visit if isinstance(visit, dict) else {}
    except (KeyError, ValueError, TypeError, AttributeError, PdfError) as err:
        raise NotVisitappPdf(_("The visitapp record in this file is damaged.")) from err
    raise NotVisitappPdf(_("There is no visitapp record in this file; it was not written by visitapp."))


def default_reason(lang: str, cosign: bool) -> str:
    t = gettext_for(lang)
    return t("Co-signing the minutes of the visit") if cosign else t("Approving the minutes of the visit")


def sign_pdf(pdf_bytes: bytes, source: SignerSource, *, reason: str | None = None,
             location: str | None = None, lang: str | None = None) -> SignResult:
    """Sign a visitapp PDF as an incremental update; earlier signatures stay valid."""
    with open_signer(source) as (signer, cert):
        return sign_with(pdf_bytes, signer, cert, reason=reason, location=location, lang=lang)


def check_cosignable(pdf_bytes: bytes) -> None:
    """Refuse to add a signature to minutes that ``verify`` would refuse, but for trust.

    A co-signer vouches for what they sign: if someone changed the file after
    the first signature, appended a revision that is not a signature, or made
    it unreadable to the one parser that decides what was signed, signing it
    again would vouch for forged content. Trust is not checked here (the
    co-signer may not hold the first signer's certificate). The check runs in
    the capped verification worker, as ``verify`` does.
    """
    from visitapp.signing.sandbox import verify_bytes_capped

    report = verify_bytes_capped(pdf_bytes, [])
    problems = report.integrity_problems()
    if problems:
        broken = next((sig for sig in report.signatures if sig.problems), None)
        if broken is not None:
            raise InvalidInput(_("{sig} no longer holds: the file was changed after it was signed, so it must not "
                                 "be co-signed.").format(sig=broken.label))
        raise InvalidInput(problems[0])


def cosign_pdf(pdf_bytes: bytes, source: SignerSource, *, reason: str | None = None,
               location: str | None = None, lang: str | None = None) -> SignResult:
    """Add a signature to signed minutes, after checking that the earlier ones still hold."""
    check_cosignable(pdf_bytes)
    return sign_pdf(pdf_bytes, source, reason=reason, location=location, lang=lang)


def sign_with(pdf_bytes: bytes, signer: signers.Signer, cert: x509.Certificate, *, reason: str | None = None,
              location: str | None = None, lang: str | None = None) -> SignResult:
    """:func:`sign_pdf` with a signer already opened (export checks the password before finalising)."""
    writer = _writer(pdf_bytes)
    reader = writer.prev  # parse once: the writer already read the document
    record_visit = _record_visit(reader)  # also refuses a PDF that visitapp did not write
    lang = lang or minutes_language(reader, record_visit)
    all_fields = list(fields.enumerate_sig_fields(reader))
    n = sum(1 for _name, value, _ref in all_fields if value is not None)
    taken = {name for name, _v, _r in all_fields}
    field_name = next(f"Signature{i}" for i in range(n + 1, n + 1000) if f"Signature{i}" not in taken)
    reason = reason or default_reason(lang, cosign=n > 0)
    cn, org = name_of(cert)
    visible = n < len(SIGNATURE_SLOTS)
    box = SIGNATURE_SLOTS[n] if visible else None
    spec = fields.SigFieldSpec(sig_field_name=field_name, on_page=-1,
                               box=box)  # type: ignore[arg-type]  # pyHanko says int; a PDF rectangle takes any number
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        name=cn or None,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    params = {"institution": org or "", "reason": reason, "signer": cn,
              "ts": stamp_time({**record_visit, "language": lang})}  # the visit's zone, not pyHanko's local time
    url = getattr(signer, "visitapp_timestamp_url", None)
    if url:
        timestamped = _sign_b_t(pdf_bytes, meta, signer, lang, params, spec, url)
        if timestamped is not None:
            return SignResult(timestamped, field_name, cn, org, visible, timestamped=True)
        writer = _writer(pdf_bytes)  # the server did not answer: sign B-B, as offline
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=stamp_style(lang, params), new_field_spec=spec)
    try:
        out = pdf_signer.sign_pdf(
            writer,
            bytes_reserved=BYTES_RESERVED,
            appearance_text_params=params,
        )
    except HankoSigningError as err:
        raise SigningError(_("The document could not be signed: {reason}.").format(reason=err)) from err
    log.debug("signed %s as %s at %s", field_name, cn, dt.datetime.now(dt.UTC))
    return SignResult(out.getvalue(), field_name, cn, org, visible)


def _sign_b_t(pdf_bytes: bytes, meta, signer, lang: str, params: dict[str, str], spec, url: str) -> bytes | None:
    """The signed file with a signature timestamp from ``url`` (PAdES B-T), or None when the server fails."""
    from visitapp.signing.ltv import timestamper

    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=stamp_style(lang, params), new_field_spec=spec,
                                   timestamper=timestamper(url))
    try:
        out = pdf_signer.sign_pdf(_writer(pdf_bytes), bytes_reserved=BYTES_RESERVED + 8192,
                                  appearance_text_params=params)
    except Exception:  # network and TSA errors come in many types; the caller signs B-B
        log.info("timestamp server %s did not answer; signing without a timestamp", url, exc_info=True)
        return None
    return out.getvalue()


__all__ = ["Pkcs11Source", "Pkcs12Source", "SignResult", "SignerSource", "open_signer", "sign_pdf", "sign_with"]
