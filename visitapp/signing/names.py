"""Certificate names as a person reads them: "Narodowe Centrum Certyfikacji (test), PL" for
``CN=Narodowe Centrum Certyfikacji (test),C=PL``, "PESEL 70010112345" for ``serialNumber=PNOPL-70010112345``.

The raw distinguished name stays what the registry stores and compares; these are only for showing it (the
raw form beside it, e.g. in a tooltip). Names come from files: callers still show them as plain text.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.x509.oid import NameOID

from visitapp.i18n import _

_SHOWN = (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.COUNTRY_NAME)


def readable_name(name: x509.Name | str) -> str:
    """The common name, organisation and country of a name (an x509.Name or its RFC 4514 text), each once;
    the text as given when it is not a distinguished name or names none of them."""
    raw = name if isinstance(name, str) else name.rfc4514_string()
    try:
        parsed = x509.Name.from_rfc4514_string(raw) if isinstance(name, str) else name
    except ValueError:
        return raw
    parts: list[str] = []
    for oid in _SHOWN:
        for attr in parsed.get_attributes_for_oid(oid):
            value = str(attr.value).strip()
            if value and value not in parts:
                parts.append(value)
    return ", ".join(parts) or raw


def _semantics() -> dict[str, str]:
    """ETSI EN 319 412-1 identity types of a natural person's serialNumber ("PNOPL-…": a Polish PESEL)."""
    return {"PNOPL": _("PESEL {number}"), "TINPL": _("NIP {number}"), "IDCPL": _("ID card {number}"),
            "PASPL": _("passport {number}")}


def readable_identity(identity: str) -> str:
    """A signer identity as the registry keys it (``serialNumber=…`` or ``DN=…``, see pki.subject_identity),
    readable: "PESEL 70010112345", "serial number X", or the name's CN, O and C."""
    kind, _sep, value = identity.partition("=")
    if kind == "serialNumber" and value:
        prefix, dash, number = value.partition("-")
        known = _semantics().get(prefix.upper()) if dash else None
        if known and number:
            return known.format(number=number)
        return _("serial number {number}").format(number=value)
    if kind == "DN" and value:
        return readable_name(value)
    return identity
