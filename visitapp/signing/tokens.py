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
    except Exception:  # noqa: BLE001 (a token that cannot say does not ask for it either)
        return False


def sign_kwargs(session: Any, key_label: str, pin: str) -> dict[str, Any]:
    """What pyHanko's PKCS11Signer passes to every ``sign`` call for this key."""
    return {"pin": pin} if always_authenticate(session, key_label) else {}
