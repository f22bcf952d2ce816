"""Signing problems a person can fix; each message is one sentence for them."""

from __future__ import annotations

from visitapp.errors import InvalidInput, UserError


class SigningError(UserError):
    """The document could not be signed as asked."""


class WrongPassword(SigningError):
    """The password of a certificate file, or the PIN of a token, is wrong."""


class CertificateNotValid(SigningError):
    """The signer's certificate is expired or not yet valid."""


class KeyMismatch(SigningError):
    """The private key does not belong to the certificate."""


class TokenError(SigningError):
    """The PKCS#11 module, token or key cannot be used."""


class NotVisitappPdf(InvalidInput):
    """The PDF carries no visitapp record (a foreign or damaged file)."""
