"""The coordinator's decryption key for encrypted minutes (.p7m), asked for once per run.

The key file (PKCS#12) and its password are asked in one dialog the first
time encrypted minutes are merged; the loaded key is kept in memory for the
rest of the run (never the password, never on disk). Cancelling leaves the
encrypted files rejected with their reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from visitapp.errors import UserError
from visitapp.signing.envelope import DecryptionKey, load_pkcs12_key

_SESSION: dict[str, DecryptionKey] = {}  # the key loaded in this run, if any


def session_key() -> DecryptionKey | None:
    return _SESSION.get("key")


def forget_key() -> None:
    _SESSION.clear()


class KeyDialog(QDialog):
    """Asks for the coordinator's PKCS#12 key file and its password; ``key`` is set once it opened."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordinatorKeyDialog")
        self.setWindowTitle(self.tr("Your key for encrypted minutes"))
        self.key: DecryptionKey | None = None
        intro = QLabel(self.tr("%n file(s) are encrypted for the coordinator. Give your key file (.p12) and its "
                               "password to open them; visitapp keeps the key for this session only.", "", count),
                       self)
        intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Key file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAccessibleName(self.tr("Choose the key file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of the key file"))
        self.problem = QLabel("", self)
        self.problem.setObjectName("keyProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # the sentence may name a file
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Key file:"), row)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.problem)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Your key file"), "",
                                                    self.tr("Key files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.path.setText(path)

    def _open(self) -> None:
        try:
            self.key = load_pkcs12_key(Path(self.path.text().strip()), self.password.text())
        except UserError as err:
            self.problem.setText(str(err))
            return
        finally:
            self.password.clear()
        self.accept()


def ask_key(parent: QWidget, count: int) -> DecryptionKey | None:
    """The key of this run: asked for the first time it is needed (None when the coordinator cancels)."""
    key = session_key()
    if key is not None:
        return key
    dialog = KeyDialog(count, parent)
    dialog.exec()
    if dialog.key is not None:
        _SESSION["key"] = dialog.key
    return dialog.key
