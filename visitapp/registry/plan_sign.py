"""Signed plan files: a CMS SignedData (DER) whose attached content is the plan's JSON.

The coordinator signs with the same certificate file or token that signs
minutes; ``openssl cms -verify -inform DER`` reads the result.  An official's
visitapp believes a plan only when the signature over exactly the attached
bytes checks with the signer's own certificate, and that certificate is
pinned (by SHA-256 fingerprint) in the database's trusted signers.  Nothing
in the certificates that travel with the file is an issuer: the pinned
certificate is the signer itself.  Only the verified content bytes are ever
parsed as a plan.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import unicodedata
from dataclasses import dataclass

from asn1crypto import algos, cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from visitapp.errors import InvalidInput
from visitapp.i18n import _
from visitapp.registry.trust import TrustStore, describe, fingerprint

# A plan of a whole series is a few hundred kilobytes; anything bigger is refused unread.
MAX_PLAN_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64  # JSON nesting: a plan needs 4

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512,
    "sha3_256": hashes.SHA3_256, "sha3_384": hashes.SHA3_384, "sha3_512": hashes.SHA3_512,
}


@dataclass(frozen=True)
class PlanSigner:
    """Who signed a plan, from the certificate whose key made the signature."""

    certificate: x509.Certificate
    fingerprint: str
    name: str
    organisation: str


@dataclass(frozen=True)
class OpenedPlan:
    content: bytes  # the verified bytes (or the whole file when unsigned)
    signer: PlanSigner | None  # None: a plain JSON plan


def printable(text: str) -> str:
    """``text`` with control and format characters (line breaks, escapes, bidi overrides) shown escaped."""
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)


def is_signed(data: bytes) -> bool:
    """A DER SEQUENCE (CMS) rather than JSON text."""
    return data[:1] == b"\x30"


def check_size(size: int) -> None:
    if size > MAX_PLAN_BYTES:
        raise InvalidInput(_("The plan file is larger than {limit} MB, which no plan needs; it was not read.").format(
            limit=MAX_PLAN_BYTES // (1024 * 1024)))


def check_depth(data: bytes, limit: int = MAX_DEPTH) -> None:
    """InvalidInput when JSON text nests arrays/objects deeper than ``limit`` (a scan, no parse)."""
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                raise InvalidInput(_("The plan file nests deeper than {limit} levels, which no plan does; "
                                     "it was not read.").format(limit=limit))
        elif byte in (0x5D, 0x7D):
            depth -= 1


# -- signing ---------------------------------------------------------------------------------


def sign_content(content: bytes, source) -> tuple[bytes, x509.Certificate]:  # a SignerSource
    """DER of a CMS SignedData over ``content`` (attached), signed from a PKCS#12 file or a token."""
    from visitapp.signing.sign import open_signer

    with open_signer(source) as (signer, cert):
        info = cms.ContentInfo({"content_type": "data", "content": content})
        signed = asyncio.run(signer.async_sign_general_data(info, "sha256", detached=False))
    return signed.dump(), cert


# -- verifying -------------------------------------------------------------------------------


def _refuse() -> InvalidInput:
    return InvalidInput(_("The plan file is neither a signed plan nor a plan in JSON; it was not read."))


def _tampered() -> InvalidInput:
    return InvalidInput(_("The plan's signature does not match its content: the file was changed after signing "
                          "and nothing was imported."))


def _signer_certificate(signed_data: cms.SignedData, sid: cms.SignerIdentifier) -> x509.Certificate:
    for choice in signed_data["certificates"] or []:
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            match = (cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native)
        else:
            match = cert.key_identifier == sid.chosen.native
        if match:
            return x509.load_der_x509_certificate(cert.dump())
    raise InvalidInput(_("The signed plan does not carry its signer's certificate; it was not read."))


def _verify_signature(cert: x509.Certificate, signature: bytes, data: bytes, digest_name: str,
                      algorithm: algos.SignedDigestAlgorithm) -> None:
    public = cert.public_key()
    mechanism = algorithm.signature_algo
    if mechanism == "rsassa_pss":
        params = algorithm["parameters"]
        pss_hash = _HASHES.get(params["hash_algorithm"]["algorithm"].native)
        if pss_hash is None or not isinstance(public, rsa.RSAPublicKey):
            raise _tampered()
        public.verify(signature, data, padding.PSS(padding.MGF1(pss_hash()), params["salt_length"].native),
                      pss_hash())
    elif mechanism == "rsassa_pkcs1v15":
        if not isinstance(public, rsa.RSAPublicKey):  # not made by this certificate's key
            raise _tampered()
        public.verify(signature, data, padding.PKCS1v15(), _HASHES[digest_name]())
    elif mechanism == "ecdsa":
        if not isinstance(public, ec.EllipticCurvePublicKey):
            raise _tampered()
        public.verify(signature, data, ec.ECDSA(_HASHES[digest_name]()))
    else:
        raise InvalidInput(_("The plan is signed with an algorithm visitapp does not accept; it was not read."))


def verify_signed(data: bytes) -> OpenedPlan:
    """The content of a CMS SignedData whose one signature checks with its signer's certificate.

    Trust is not decided here (see :func:`check_trusted`); a file that is not
    exactly one intact signature over attached data is refused in one sentence.
    """
    check_size(len(data))
    try:
        info = cms.ContentInfo.load(data, strict=True)
        if info["content_type"].native != "signed_data":
            raise _refuse()
        signed_data = info["content"]
        encap = signed_data["encap_content_info"]
        if encap["content_type"].native != "data" or not isinstance(encap["content"].native, bytes):
            raise _refuse()
        content = encap["content"].native
        infos = signed_data["signer_infos"]
        if len(infos) != 1:
            raise InvalidInput(_("A plan must carry exactly one signature; this one has {n}.").format(n=len(infos)))
        si = infos[0]
        digest_name = si["digest_algorithm"]["algorithm"].native
        if digest_name not in _HASHES:
            raise InvalidInput(_("The plan is signed with an algorithm visitapp does not accept; it was not read."))
        attrs = si["signed_attrs"]
        if not attrs:  # without signed attributes there is no content type nor digest to bind
            raise _tampered()
        by_type: dict[str, list] = {}
        for attr in attrs:
            by_type.setdefault(attr["type"].native, []).extend(attr["values"])
        digests, types = by_type.get("message_digest", []), by_type.get("content_type", [])
        if len(digests) != 1 or len(types) != 1 or types[0].native != "data":
            raise _tampered()
        hasher = hashes.Hash(_HASHES[digest_name]())
        hasher.update(content)
        if not hmac.compare_digest(hasher.finalize(), digests[0].native):
            raise _tampered()
        cert = _signer_certificate(signed_data, si["sid"])
        signed_bytes = attrs.untag().dump()  # the SET OF the attributes, as the signer encoded them
        _verify_signature(cert, si["signature"].native, signed_bytes, digest_name, si["signature_algorithm"])
        # The certificate's names are parsed lazily: a damaged subject must be refused here, not crash later.
        who = describe(cert)
    except InvalidSignature as err:
        raise _tampered() from err
    except InvalidInput:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, UnsupportedAlgorithm) as err:
        raise _refuse() from err
    return OpenedPlan(content, PlanSigner(cert, fingerprint(cert), who.subject, who.organisation))


def open_plan_bytes(data: bytes, *, allow_unsigned: bool = False) -> OpenedPlan:
    """Verified content of a signed plan; a plain JSON plan only when ``allow_unsigned``."""
    check_size(len(data))
    if is_signed(data):
        return verify_signed(data)
    if not allow_unsigned:
        raise InvalidInput(_("This plan is not signed, so anyone could have written it; ask the coordinator for "
                             "a signed plan (.p7m)."))
    return OpenedPlan(data, None)


def normalise_fingerprint(text: str) -> str:
    return text.replace(":", "").replace(" ", "").strip().lower()


class UntrustedSigner(InvalidInput):
    """The plan's signature is intact, but this database does not trust its signer (yet)."""

    def __init__(self, message: str, signer: PlanSigner) -> None:
        super().__init__(message)
        self.signer = signer


def is_trusted(db, signer: PlanSigner) -> bool:  # a Database
    return any(t.fingerprint == signer.fingerprint for t in TrustStore(db).list())


def check_trusted(db, signer: PlanSigner, *, trust_signer: str | None = None) -> bool:
    """True if ``signer`` must be added to the trusted signers (first use confirmed by fingerprint).

    UntrustedSigner (one sentence with the fingerprint) when the database does
    not trust it and ``trust_signer`` is not exactly its full fingerprint.
    """
    now = dt.datetime.now(dt.UTC)
    cert = signer.certificate
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise InvalidInput(_("The certificate that signed the plan ({name}) is not valid today; nothing was "
                             "imported.").format(name=signer.name or "?"))
    if is_trusted(db, signer):
        return False
    if trust_signer is not None and hmac.compare_digest(normalise_fingerprint(trust_signer), signer.fingerprint):
        return True
    raise UntrustedSigner(_("The plan is signed by {name} ({org}), whom this database does not trust; confirm the "
                            "fingerprint {fp} with the coordinator (by phone) and import again with --trust-signer "
                            "{fp}.").format(name=printable(signer.name) or "?",
                                            org=printable(signer.organisation) or "-",
                                            fp=signer.fingerprint), signer)


def trust(db, signer: PlanSigner) -> None:
    TrustStore(db).add([signer.certificate])
