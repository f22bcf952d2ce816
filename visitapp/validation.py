"""Checks of Polish registry numbers and names, shared by services and importers."""

from __future__ import annotations

import re
import unicodedata

from visitapp.errors import InvalidInput
from visitapp.i18n import _

_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_REGON9_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)
_REGON14_WEIGHTS = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)


def _digits(value: str, *, allow_pl_prefix: bool = False) -> str:
    cleaned = re.sub(r"[\s\-.]", "", value.strip())
    if allow_pl_prefix and cleaned[:2].upper() == "PL":
        cleaned = cleaned[2:]
    return cleaned


def nip_is_valid(value: str) -> bool:
    digits = _digits(value, allow_pl_prefix=True)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    check = sum(int(d) * w for d, w in zip(digits, _NIP_WEIGHTS, strict=False)) % 11
    return check != 10 and check == int(digits[9])


def normalise_nip(value: str | None) -> str | None:
    """``"PL 676-10-12-345"`` → ``"6761012345"``; InvalidInput if the checksum is wrong."""
    if value is None or not value.strip():
        return None
    digits = _digits(value, allow_pl_prefix=True)
    if not nip_is_valid(digits):
        raise InvalidInput(_("{value} is not a valid NIP (10 digits with a correct check digit).").format(value=value))
    return digits


def normalise_krs(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    digits = _digits(value)
    if not re.fullmatch(r"\d{1,10}", digits):
        raise InvalidInput(_("{value} is not a valid KRS number (up to 10 digits).").format(value=value))
    return digits.zfill(10)


def regon_is_valid(value: str) -> bool:
    digits = _digits(value)
    weights: tuple[int, ...]
    if len(digits) == 9 and digits.isdigit():
        weights = _REGON9_WEIGHTS
    elif len(digits) == 14 and digits.isdigit():
        weights = _REGON14_WEIGHTS
    else:
        return False
    check = sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10
    return check == int(digits[-1])


def normalise_regon(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    digits = _digits(value)
    if not regon_is_valid(digits):
        raise InvalidInput(
            _("{value} is not a valid REGON (9 or 14 digits with a correct check digit).").format(value=value))
    return digits


_LEGAL_FORMS = re.compile(
    r"\b(sp\s*z\s*o\s*o|spolka z ograniczona odpowiedzialnoscia|s\s*a|spolka akcyjna|sp\s*k|sp\s*j|"
    r"spolka komandytowa|spolka jawna|ltd|gmbh|inc|llc|plc|oddzial w polsce|polska|poland)\b"
)


def fold_diacritics(value: str) -> str:
    value = value.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """A key to match one organisation's name across databases:
    ``"Hitachi Energy Poland Sp. z o.o."`` → ``"hitachi energy"``."""
    folded = fold_diacritics(name).lower()
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = _LEGAL_FORMS.sub(" ", folded)
    return " ".join(folded.split())
