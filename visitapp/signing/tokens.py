"""Smart-card behaviours the PKCS#11 signer must honour.

Qualified signature cards usually mark the signing key ``CKA_ALWAYS_AUTHENTICATE``:
every signature needs a context-specific login (``C_Login`` with
``CKU_CONTEXT_SPECIFIC`` and the PIN) right after ``C_SignInit``.  python-pkcs11
does that login when the PIN is passed to ``sign``; pyHanko passes it when
given ``base_sign_kwargs={"pin": …}``.  It is passed only for such keys: a
context-specific login on another key is an error on most tokens.
"""

from __future__ import annotations

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
