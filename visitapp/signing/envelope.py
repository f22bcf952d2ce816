"""Minutes encrypted for the coordinator: CMS EnvelopedData (RFC 5652), the usual ``.p7m``.

Writing: the signed PDF, byte for byte, is the content of an EnvelopedData
(DER) with AES-256-CBC content encryption and an RSA key transport recipient
per coordinator certificate (``cryptography``'s PKCS#7 envelope builder), so
``openssl cms -decrypt -inform DER`` gives the PDF back and its signature
still holds.

Reading: the file is size-checked before it is read, parsed as DER (any
malformed file is one sentence), and the recipient list checked against the
key given; only then is it decrypted, in memory (never a plaintext copy on
disk). With a certificate file the key is the PKCS#12's private key
(``cryptography`` decrypts); with a token the content key is unwrapped on
the token (CKM_RSA_PKCS) and the content decrypted here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from visitapp import limits
from visitapp.errors import InvalidInput
from visitapp.i18n import _

SUFFIX = ".p7m"
_ENVELOPED_OID = "1.2.840.113549.1.7.3"


# -- recipients ---------------------------------------------------------------------------


def recipient_certificate(data: bytes, source: str) -> x509.Certificate:
    """The one RSA certificate in a PEM or DER file: whom the minutes are encrypted for."""
    certs: list[x509.Certificate] = []
    try:
        if b"-----BEGIN" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError as err:
        raise InvalidInput(_("{path} is not a certificate file (PEM or DER).").format(path=source)) from err
    if len(certs) != 1:
        raise InvalidInput(_("{path} must hold exactly one certificate, the coordinator's.").format(path=source))
    try:
        key = certs[0].public_key()
    except ValueError as err:
        raise InvalidInput(_("{path} is not a certificate file (PEM or DER).").format(path=source)) from err
    if not isinstance(key, rsa.RSAPublicKey):
        raise InvalidInput(_("The certificate in {path} has no RSA key; minutes can be encrypted only for an RSA "
                             "certificate.").format(path=source))
    return certs[0]


def load_recipients(paths: list[Path]) -> list[x509.Certificate]:
    out = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise InvalidInput(_("Cannot read the certificate file {path}.").format(path=path)) from err
        out.append(recipient_certificate(data, str(path)))
    return out


def encrypt_for(data: bytes, recipients: list[x509.Certificate]) -> bytes:
    """``data`` (the signed PDF) as a DER EnvelopedData for every recipient: AES-256-CBC, RSA key transport."""
    if not recipients:
        raise InvalidInput(_("Name at least one certificate to encrypt for."))
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(data).set_content_encryption_algorithm(algorithms.AES256)
    for cert in recipients:
        builder = builder.add_recipient(cert)
    return builder.encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


# -- reading ------------------------------------------------------------------------------------


def is_envelope_name(path: Path | str) -> bool:
    return str(path).lower().endswith(SUFFIX)


def _parse(data: bytes) -> Any:
    """The EnvelopedData of a ``.p7m`` (asn1crypto), fully parsed; one sentence for anything else."""
    from asn1crypto import cms

    limits.check_size(len(data))
    try:
        info = cms.ContentInfo.load(data, strict=True)
        if info["content_type"].dotted != _ENVELOPED_OID:
            raise InvalidInput(_("This .p7m file is not encrypted minutes (it holds no CMS enveloped data)."))
        env = info["content"]
        env.native  # noqa: B018 (parse everything now, not while decrypting)
    except InvalidInput:
        raise
    except Exception as err:  # asn1crypto raises many kinds for malformed DER
        raise InvalidInput(_("This .p7m file is damaged or is not CMS (DER).")) from err
    return env


def _recipient_ids(env: Any) -> list[tuple[str, Any]]:
    """Each key-transport recipient: ("issuer_serial", (issuer DER, serial)) or ("ski", bytes)."""
    out: list[tuple[str, Any]] = []
    for info in env["recipient_infos"]:
        if info.name != "ktri":
            continue
        rid = info.chosen["rid"]
        if rid.name == "issuer_and_serial_number":
            out.append(("issuer_serial", (rid.chosen["issuer"].dump(), rid.chosen["serial_number"].native)))
        else:
            out.append(("ski", rid.chosen.native))
    return out


def _is_recipient(env: Any, cert: x509.Certificate) -> bool:
    from asn1crypto import x509 as asn1_x509

    asn1 = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    ski = asn1.key_identifier
    for kind, value in _recipient_ids(env):
        if kind == "issuer_serial" and value == (asn1.issuer.dump(), asn1.serial_number):
            return True
        if kind == "ski" and ski is not None and value == ski:
            return True
    return False


@dataclass(frozen=True)
class Pkcs12Key:
    """The coordinator's key and certificate from a PKCS#12 file."""

    key: Any
    certificate: x509.Certificate


@dataclass(frozen=True)
class Pkcs11Key:
    """The coordinator's key on a token: an open python-pkcs11 session and the key's label."""

    session: Any
    label: str
    certificate: x509.Certificate


DecryptionKey = Pkcs12Key | Pkcs11Key


def load_pkcs12_key(path: Path, password: str) -> Pkcs12Key:
    from visitapp.signing.keys import load_pkcs12

    ident = load_pkcs12(path, password)
    if not isinstance(ident.key, rsa.RSAPrivateKey):
        raise InvalidInput(_("The key in {path} is not an RSA key; encrypted minutes need one.").format(path=path))
    return Pkcs12Key(ident.key, ident.certificate)


@contextlib.contextmanager
def open_pkcs11_key(module: Path, token: str, label: str, pin: str,
                    cert_label: str | None = None) -> Iterator[Pkcs11Key]:
    """A decryption key on a token, open for the ``with`` block (PIN and labels checked at once)."""
    from pyhanko.sign.pkcs11 import PKCS11Signer

    from visitapp.signing.sign import Pkcs11Source, open_signer

    # Opening it as a signer checks the module, token, PIN, labels and certificate in one sentence each.
    with open_signer(Pkcs11Source(Path(module), token, label, pin, cert_label)) as (signer, cert):
        assert isinstance(signer, PKCS11Signer)  # a Pkcs11Source opens one
        yield Pkcs11Key(signer.pkcs11_session, label, cert)


def _unwrap_on_token(key: Pkcs11Key, wrapped: bytes) -> bytes:
    from pkcs11 import Mechanism, ObjectClass
    from pkcs11 import exceptions as p11e

    try:
        private = key.session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=key.label)
        return bytes(private.decrypt(wrapped, mechanism=Mechanism.RSA_PKCS))
    except p11e.PKCS11Error as err:
        raise InvalidInput(_("The token could not decrypt this file's key ({reason}).").format(
            reason=type(err).__name__)) from err


def _decrypt_content(env: Any, content_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, modes

    enc = env["encrypted_content_info"]
    algo = enc["content_encryption_algorithm"]
    if algo["algorithm"].native not in ("aes128_cbc", "aes192_cbc", "aes256_cbc"):
        raise InvalidInput(_("This .p7m file uses an encryption visitapp does not read ({name}).").format(
            name=algo["algorithm"].native))
    iv = algo["parameters"].native
    body = enc["encrypted_content"].native
    if not isinstance(iv, bytes) or len(iv) != 16 or not body or len(body) % 16:
        raise InvalidInput(_("This .p7m file is damaged or is not CMS (DER)."))
    try:
        decryptor = Cipher(algorithms.AES(content_key), modes.CBC(iv)).decryptor()
        padded = decryptor.update(body) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError as err:
        raise InvalidInput(_("This file could not be decrypted with the key given; it is damaged or encrypted "
                             "for another key.")) from err


def decrypt(data: bytes, key: DecryptionKey | None, source: str = "") -> bytes:
    """The content of a ``.p7m`` (the signed PDF), decrypted in memory; InvalidInput with one sentence otherwise."""
    env = _parse(data)
    if key is None:
        raise InvalidInput(_("This file is encrypted; give the coordinator's key (--key FILE.p12) to merge it."))
    if not _is_recipient(env, key.certificate):
        raise InvalidInput(_("This file is encrypted for someone else; the key given is not one of its "
                             "recipients."))
    if isinstance(key, Pkcs12Key):
        try:
            return pkcs7.pkcs7_decrypt_der(data, key.certificate, key.key, [])
        except (ValueError, TypeError, UnsupportedAlgorithm) as err:
            raise InvalidInput(_("This file could not be decrypted with the key given; it is damaged or "
                                 "encrypted for another key.")) from err
    for info in env["recipient_infos"]:
        if info.name == "ktri":
            try:
                content_key = _unwrap_on_token(key, info.chosen["encrypted_key"].native)
            except InvalidInput:
                continue
            return _decrypt_content(env, content_key)
    raise InvalidInput(_("This file could not be decrypted with the key given; it is damaged or encrypted "
                         "for another key."))


def read_envelope(path: Path) -> bytes:
    """A ``.p7m`` file's bytes, refused unread when larger than the limit."""
    try:
        limits.check_size(Path(path).stat().st_size)
        return Path(path).read_bytes()
    except OSError as err:
        raise InvalidInput(_("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)) from err


def verification_job(path: Path, roots_der: list[bytes], key: DecryptionKey | None) -> tuple[Any, ...]:
    """The capped worker's job for one received file: ``(function, *args)``.

    A PDF is read and verified by the worker; a ``.p7m`` is decrypted here
    (the key never leaves this process) and its PDF verified by the worker
    from bytes, with no decrypted copy on disk. A ``.p7m`` that cannot be
    decrypted becomes a job that reports why, so results keep their order.
    """
    from visitapp.signing.verify import (
        refused_received,
        verify_received,
        verify_received_bytes,
    )

    if not is_envelope_name(path):
        return verify_received, str(path), roots_der
    try:
        data = decrypt(read_envelope(Path(path)), key, str(path))
    except InvalidInput as err:
        return refused_received, str(path), str(err)
    return verify_received_bytes, data, str(path), roots_der
