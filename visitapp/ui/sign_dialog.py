"""The "Finalise and sign" dialog: it lives in :mod:`visitapp.ui.signing` (dialog, certificate box,
preview pane, the job off the GUI thread); these are the names other modules import."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from visitapp.ui.signing.certificate_box import (
    KEY,
    PKCS11_MODULE,
    PKCS12_FILE,
    SOURCE,
    TOKEN,
)
from visitapp.ui.signing.dialog import FOLDER, REMEMBERED, SignDialog

__all__ = [
    "FOLDER", "KEY", "PKCS11_MODULE", "PKCS12_FILE", "REMEMBERED", "SOURCE", "TOKEN", "QDesktopServices",
    "SignDialog",
]
