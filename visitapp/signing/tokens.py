"""Smart-card behaviours the PKCS#11 signer must honour.

Qualified signature cards usually mark the signing key ``CKA_ALWAYS_AUTHENTICATE``:
every signature needs a context-specific login (``C_Login`` with
``CKU_CONTEXT_SPECIFIC`` and the PIN) right after ``C_SignInit``.  python-pkcs11
does that login when the PIN is passed to ``sign``; pyHanko passes it when
given ``base_sign_kwargs={"pin": …}``.  It is passed only for such keys: a
context-specific login on another key is an error on most tokens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


def always_authenticate(session: Any, key_label: str) -> bool:
    """Whether the private key with this label on the token has CKA_ALWAYS_AUTHENTICATE set."""
    try:
        from pkcs11 import Attribute, ObjectClass

        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.LABEL: key_label}))
        return bool(keys) and bool(keys[0][Attribute.ALWAYS_AUTHENTICATE])
    except Exception:  # a token that cannot say does not ask for it either
        return False


def sign_kwargs(session: Any, key_label: str, pin: str) -> dict[str, Any]:
    """What pyHanko's PKCS11Signer passes to every ``sign`` call for this key."""
    return {"pin": pin} if always_authenticate(session, key_label) else {}


# Where the PKCS#11 modules of Polish qualified cards and common middleware install themselves.
CANDIDATES: tuple[str, ...] = (
    # Certum (proCertum CardManager / SmartSign)
    "/usr/lib/libcryptoCertum3PKCS.so", "/usr/local/lib/libcryptoCertum3PKCS.so",
    "/opt/proCertumCardManager/libcryptoCertum3PKCS.so", "C:/Windows/System32/cryptoCertum3PKCS.dll",
    "/Library/Frameworks/cryptoCertum3PKCS.framework/cryptoCertum3PKCS",
    # OpenSC (pl.ID e-ID cards, many others)
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/opensc-pkcs11.so", "/usr/lib64/opensc-pkcs11.so", "/usr/local/lib/opensc-pkcs11.so",
    "/Library/OpenSC/lib/opensc-pkcs11.so", "C:/Windows/System32/opensc-pkcs11.dll",
    # KIR Szafir (Crypto Card), EuroCert, PWPW (SafeNet / Thales eToken)
    "/usr/lib/libccpkip11.so", "/usr/lib/libeTPkcs11.so", "/usr/lib/libIDPrimePKCS11.so",
    "C:/Windows/System32/ccpkip11.dll", "C:/Windows/System32/eTPKCS11.dll", "C:/Windows/System32/IDPrimePKCS11.dll",
    # SoftHSM2 (tests, software tokens)
    "/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
)


def find_modules(candidates: tuple[str, ...] | None = None) -> list[str]:
    """The PKCS#11 modules installed in the usual places (and those p11-kit registers), existing files only."""
    from pathlib import Path

    found = [p for p in (candidates if candidates is not None else CANDIDATES) if Path(p).is_file()]
    if candidates is None:
        for conf in sorted(Path("/usr/share/p11-kit/modules").glob("*.module"))[:50]:
            try:
                lines = conf.read_text(encoding="utf-8", errors="replace").splitlines()[:200]
            except OSError:
                continue
            for line in lines:
                key, _sep, value = line.partition(":")
                if key.strip() == "module" and value.strip():
                    path = Path(value.strip())
                    if not path.is_absolute():
                        path = Path("/usr/lib/x86_64-linux-gnu/pkcs11") / path
                    if path.is_file():
                        found.append(str(path))
    return list(dict.fromkeys(found))


# -- what is on a module's tokens (the signing dialog lists it, so nobody types a label) ------------------


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token present in one of the module's slots."""

    label: str
    manufacturer: str = ""
    model: str = ""
    serial: str = ""


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """A certificate on a token, with the labels a signature needs (the key has the certificate's label)."""

    label: str
    subject_cn: str = ""
    not_after: dt.datetime | None = None
    key_id: str = ""  # CKA_ID in hex: pairs the certificate with its private key


def _library(module: str) -> Any:
    from visitapp.errors import UserError
    from visitapp.i18n import _
    from visitapp.signing.errors import TokenError
    from visitapp.signing.modules import find_module

    found = find_module(module)
    if found is None:
        raise TokenError(_("The PKCS#11 module {module} does not exist.").format(module=module))
    try:
        import pkcs11

        return pkcs11.lib(str(found))
    except UserError:
        raise
    except Exception as err:  # python-pkcs11 raises its own kinds and OSError for a library that will not load
        raise TokenError(_("The PKCS#11 module {module} could not be used: {reason}.").format(
            module=found, reason=str(err) or type(err).__name__)) from err


def list_tokens(module: str) -> list[TokenInfo]:
    """The tokens present in the module's slots (no PIN needed), in slot order; TokenError for a bad module."""
    from visitapp.i18n import _
    from visitapp.signing.errors import TokenError

    lib = _library(module)
    out: list[TokenInfo] = []
    try:
        from pkcs11 import TokenFlag

        for slot in list(lib.get_slots(token_present=True))[:MAX_LISTED]:
            token = slot.get_token()
            if not token.flags & TokenFlag.TOKEN_INITIALIZED:  # a blank card (SoftHSM2's free slot): no keys
                continue
            out.append(TokenInfo(label=token.label.strip(), manufacturer=str(token.manufacturer_id).strip(),
                                 model=str(token.model).strip(), serial=_text(token.serial).strip()))
    except Exception as err:  # a reader that vanished, a module that misbehaves
        raise TokenError(_("The PKCS#11 module {module} could not be used: {reason}.").format(
            module=module, reason=str(err) or type(err).__name__)) from err
    return out


def list_keys(module: str, token_label: str) -> list[KeyInfo]:
    """The certificates on the token (public objects, read without the PIN): label, holder's name, expiry."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    from visitapp.i18n import _
    from visitapp.signing.errors import TokenError

    lib = _library(module)
    try:
        from pkcs11 import Attribute, ObjectClass

        token = lib.get_token(token_label=token_label)
        out: list[KeyInfo] = []
        with token.open() as session:
            for obj in list(session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}))[:MAX_LISTED]:
                label = str(obj[Attribute.LABEL])
                key_id = bytes(obj[Attribute.ID] or b"").hex()
                try:
                    cert = x509.load_der_x509_certificate(bytes(obj[Attribute.VALUE]))
                    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
                    cn = str(names[0].value) if names else cert.subject.rfc4514_string()
                    out.append(KeyInfo(label, cn, cert.not_valid_after_utc, key_id))
                except ValueError:  # not an X.509 certificate visitapp can read: listed by its label only
                    out.append(KeyInfo(label, key_id=key_id))
    except Exception as err:
        text = str(err)
        if "No token" in text or type(err).__name__ in ("NoSuchToken", "TokenNotPresent"):
            raise TokenError(_("No token labelled {token} was found; is the card inserted?").format(
                token=token_label)) from err
        raise TokenError(_("The PKCS#11 module {module} could not be used: {reason}.").format(
            module=module, reason=text or type(err).__name__)) from err
    return sorted(out, key=lambda k: (k.label.casefold(), k.key_id))


MAX_LISTED = 64  # slots and certificates listed at most (a module that reports thousands is not a card)


def _text(value: Any) -> str:
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)
