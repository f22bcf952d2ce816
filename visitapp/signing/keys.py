"""Personal signing keys for officials without a certificate, and loading PKCS#12 files.

A personal key is RSA-3072 (an ECDSA signature would raise the signed minutes
to PDF 2.0 and out of PDF/A-3b; see make_certificate) with a self-signed
certificate naming the official (CN) and their institution (O).  The coordinator trusts it by receiving the
certificate alone as PEM.  Problems with a certificate file are reported as one sentence each:
a wrong password, a certificate not valid today, a key that does not belong
to the certificate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.hazmat.primitives.serialization.pkcs12 import PKCS12PrivateKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from visitapp.errors import InvalidInput
from visitapp.files import check_writable, write_atomic
from visitapp.i18n import _
from visitapp.signing.errors import CertificateNotValid, KeyMismatch, WrongPassword

VALIDITY_DAYS = 3 * 365 + 1
# Signing takes seconds; a certificate made this instant must already be valid
# on a machine whose clock is a little behind.
BACKDATE = dt.timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Identity:
    """A loaded signing identity: the key, its certificate and any chain from the file."""

    key: PrivateKeyTypes
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()


def name_of(cert: x509.Certificate) -> tuple[str, str]:
    """(common name, organisation) of a certificate's subject, empty where absent."""

    def first(oid: x509.ObjectIdentifier) -> str:
        values = cert.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    return first(NameOID.COMMON_NAME), first(NameOID.ORGANIZATION_NAME)


def make_certificate(
    name: str,
    institution: str,
    *,
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | None = None,
    not_before: dt.datetime | None = None,
    days: int = VALIDITY_DAYS,
) -> tuple[rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, x509.Certificate]:
    """An RSA-3072 key and a self-signed certificate for signing documents (not for TLS).

    RSA rather than ECDSA: pyHanko declares the ISO/TS 32002 extension for an
    ECDSA signature, which raises the file to PDF 2.0, and PDF/A-3b is PDF 1.7;
    with RSA the signed minutes stay PDF/A-3b.  (A token's ECDSA key still
    signs; those minutes become PDF 2.0.)
    """
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=3072)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if institution:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, institution))
    subject = x509.Name(attrs)
    start = not_before or (dt.datetime.now(dt.UTC) - BACKDATE)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def pkcs12_bytes(key: PKCS12PrivateKeyTypes, cert: x509.Certificate, password: str, friendly_name: str = "") -> bytes:
    """A password-protected PKCS#12 (AES-256, as strong as cryptography offers)."""
    if not password:
        raise InvalidInput(_("The password must not be empty."))
    return pkcs12.serialize_key_and_certificates(
        (friendly_name or name_of(cert)[0]).encode("utf-8"),
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(password.encode("utf-8")),
    )


def certificate_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def pem_path_for(p12_path: Path) -> Path:
    """``me.p12`` -> ``me.pem``: the certificate to hand to the coordinator."""
    return Path(p12_path).with_suffix(".pem")


def keygen(name: str, institution: str, out: Path, password: str) -> tuple[Path, Path, x509.Certificate]:
    """Write a new personal key (``out``, PKCS#12, mode 600) and its certificate (``.pem`` beside)."""
    name, institution = name.strip(), institution.strip()
    if not name:
        raise InvalidInput(_("Give the name of the person the certificate is for."))
    out = Path(out)
    pem = pem_path_for(out)
    if pem == out:
        raise InvalidInput(_("The key file must not end in .pem; use .p12."))
    for path in (out, pem):
        if path.is_file():  # a personal key is not replaceable: never overwrite one by accident
            raise InvalidInput(_("{path} already exists; choose another file name or move it away first.").format(
                path=path))
        check_writable(path)
    key, cert = make_certificate(name, institution)
    write_atomic(out, pkcs12_bytes(key, cert, password), mode=0o600)
    write_atomic(pem, certificate_pem(cert))
    return out, pem, cert


def check_validity(cert: x509.Certificate, when: dt.datetime | None = None) -> None:
    """CertificateNotValid unless ``cert`` is valid at ``when`` (now)."""
    when = when or dt.datetime.now(dt.UTC)
    name = name_of(cert)[0] or cert.subject.rfc4514_string()
    if when < cert.not_valid_before_utc:
        raise CertificateNotValid(
            _("The certificate of {name} is not valid before {date}.").format(
                name=name, date=cert.not_valid_before_utc.strftime("%Y-%m-%d %H:%M UTC")))
    if when > cert.not_valid_after_utc:
        raise CertificateNotValid(
            _("The certificate of {name} expired on {date}.").format(
                name=name, date=cert.not_valid_after_utc.strftime("%Y-%m-%d")))


def check_key_matches(key: PrivateKeyTypes, cert: x509.Certificate) -> None:
    """KeyMismatch unless ``key`` is the private half of ``cert``'s public key."""
    fmt = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    if key.public_key().public_bytes(*fmt) != cert.public_key().public_bytes(*fmt):
        raise KeyMismatch(_("The private key in the certificate file does not belong to its certificate."))


def load_pkcs12(path: Path, password: str) -> Identity:
    """Key and certificate from a PKCS#12 file, checked for today's use."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise InvalidInput(_("The certificate file {path} does not exist.").format(path=path)) from err
    except OSError as err:
        raise InvalidInput(_("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)) from err
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except ValueError as err:
        # cryptography says the same for both; the outer structure tells them apart.
        try:
            asn1_pkcs12.Pfx.load(data).native  # noqa: B018 (parse fully)
        except (ValueError, TypeError, OSError) as parse_err:
            raise InvalidInput(
                _("{path} is not a PKCS#12 certificate file (.p12/.pfx).").format(path=path)) from parse_err
        raise WrongPassword(_("The password for {path} is wrong.").format(path=path)) from err
    if cert is None and key is not None and len(chain or ()) == 1:
        # Some exports do not pair the key with its certificate (no localKeyId); a lone
        # certificate is then the key's, and the match is checked below.
        cert, chain = chain[0], []
    if key is None or cert is None:
        raise InvalidInput(_("{path} holds no private key with its certificate.").format(path=path))
    check_key_matches(key, cert)
    check_validity(cert)
    return Identity(key=key, certificate=cert, chain=tuple(chain or ()))
