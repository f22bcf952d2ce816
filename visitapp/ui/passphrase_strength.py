"""How strong a typed password or passphrase is: shared by the certificate form and the database's key dialogs.

A module of its own, importing nothing heavy: the window's start builds a passphrase hint (the offer to
protect the database) and must not load signing or PDF modules for it.
"""

from __future__ import annotations

import re

MIN_LENGTH = 8
ERROR_STYLE = "QLabel { color: #b00020; font-weight: bold; }"
HINT_STYLES = ("QLabel { color: #b00020; }", "QLabel { color: #b00020; }", "QLabel { color: #8a6d00; }",
               "QLabel { color: #1b5e20; }")


def password_strength(password: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong: length and the kinds of characters used."""
    if len(password) < MIN_LENGTH:
        return 0
    kinds = sum(bool(re.search(p, password)) for p in (r"[a-ząćęłńóśźż]", r"[A-ZĄĆĘŁŃÓŚŹŻ]", r"\d", r"[^\w\s]|_| "))
    score = kinds + (len(password) >= 12) + (len(password) >= 16)
    return 1 if score <= 2 else 2 if score <= 3 else 3
