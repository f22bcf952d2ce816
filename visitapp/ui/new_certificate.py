"""Create a personal certificate in the GUI: password twice with a strength hint, where the key goes.

The core's :func:`visitapp.signing.keys.keygen` writes the key (PKCS#12, mode 600) and the
certificate for the coordinator (``.pem`` beside it), on a thread of its own: the GUI thread
never writes.  The password lives only in the two fields and in the job; it is cleared as soon
as the key is written and never stored.  Used by the first-run wizard and by Settings.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.errors import UserError
from visitapp.ui.key_choice import PassphraseHint
from visitapp.ui.passphrase_strength import ERROR_STYLE, MIN_LENGTH
from visitapp.ui.safe_text import plain
from visitapp.ui.signing.job import JobWorker


@dataclass(frozen=True)
class NewCertificate:
    key_file: Path  # the .p12: the official's private key, password-protected
    pem: Path  # the certificate to give the coordinator
    valid_until: dt.datetime


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()[:40]


def default_key_file(name: str, folder: Path | None = None) -> Path:
    """``<name>.p12`` in the user data folder, with a number added while that name (or its .pem) is taken."""
    folder = folder or platformdirs.user_data_path("visitapp", appauthor=False)
    stem = _slug(name) or "my-certificate"
    for n in range(1, 1000):
        candidate = folder / (f"{stem}.p12" if n == 1 else f"{stem}-{n}.p12")
        if not candidate.exists() and not candidate.with_suffix(".pem").exists():
            return candidate
    return folder / f"{stem}.p12"


def make_key(name: str, institution: str, key_file: Path, password: str) -> NewCertificate:
    """The core's keygen (the folder made first); runs on the job worker."""
    from visitapp.signing.keys import keygen

    key_file.parent.mkdir(parents=True, exist_ok=True)
    p12, pem, cert = keygen(name, institution, key_file, password)
    return NewCertificate(p12, pem, cert.not_valid_after_utc)


class CertificateForm(QWidget):
    """Password, repeated, its strength, the key file; :meth:`start` makes the key off the GUI thread."""

    created = Signal(object)  # a NewCertificate
    failed = Signal(str)

    def __init__(self, key_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = JobWorker("visitapp-keygen", self)
        self.result: NewCertificate | None = None
        self.busy = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of the new certificate"))
        form.addRow(self.tr("&Password:"), self.password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("The password again"))
        form.addRow(self.tr("&Again:"), self.repeat)
        # the same hint as the database's key dialogs: a grey rule until a too short password is typed, then red
        self.strength = PassphraseHint(self.password, self)
        form.addRow("", self.strength)
        self.key_file = QLineEdit(str(key_file), self)
        self.key_file.setAccessibleName(self.tr("Key file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.key_file, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&Key file:"), self)
        label.setBuddy(self.key_file)
        form.addRow(label, row)
        self.pem_note = QLabel(self)
        self.pem_note.setWordWrap(True)
        plain(self.pem_note)  # a path
        form.addRow("", self.pem_note)
        self.status = plain(QLabel(self))  # the core's sentences quote paths
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.key_file.textChanged.connect(self._pem_note)
        self._pem_note()

    def _pem_note(self) -> None:
        path = Path(self.key_file.text().strip() or "certificate.p12")
        self.pem_note.setText(self.tr("Your certificate for the coordinator goes beside it: %1")
                              .replace("%1", str(path.with_suffix(".pem"))))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Key file"), self.key_file.text(),
                                                    self.tr("Certificate files (*.p12);;All files (*)"))
        if path:
            self.key_file.setText(path if path.lower().endswith((".p12", ".pfx")) else path + ".p12")

    def _error(self, message: str, field: QWidget | None = None) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)
        if field is not None:
            field.setFocus()
        self.failed.emit(message)

    def start(self, name: str, institution: str) -> bool:
        """Check the fields and start making the key; False (with a sentence shown) when a field is wrong."""
        if self.busy:
            return False
        password = self.password.text()
        if not name.strip():
            self._error(self.tr("Type your name first: the certificate names you."))
            return False
        if len(password) < MIN_LENGTH:
            self._error(self.tr("The password must have at least %1 characters.").replace("%1", str(MIN_LENGTH)),
                        self.password)
            return False
        if password != self.repeat.text():
            self._error(self.tr("The two passwords differ; type the same password twice."), self.repeat)
            return False
        text = self.key_file.text().strip()
        if not text:
            self._error(self.tr("Choose where the key file goes."), self.key_file)
            return False
        key_file = Path(text).expanduser()
        self.busy = True
        self.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Creating your key…"))
        self.worker.submit(lambda: make_key(name, institution, key_file, password), self._done, self._failed)
        return True

    def _done(self, made: NewCertificate) -> None:
        self.busy = False
        self.result = made
        self.password.clear()  # the password is not kept once the key is written
        self.repeat.clear()
        self.setEnabled(True)
        for widget in (self.password, self.repeat, self.key_file):
            widget.setReadOnly(True)
        self.status.setStyleSheet("QLabel { color: #1b5e20; font-weight: bold; }")
        self.status.setText(self.tr("Your key is ready."))
        self.created.emit(made)

    def _failed(self, err: BaseException) -> None:
        self.busy = False
        self.setEnabled(True)
        if isinstance(err, UserError | OSError):
            self._error(str(err) if isinstance(err, UserError) else
                        self.tr("The key could not be written: %1.").replace("%1", err.strerror or str(err)))
        else:
            self._error(self.tr("The key could not be made: %1.").replace("%1", type(err).__name__))

    def shutdown(self) -> None:
        self.worker.shutdown()


def ready_text(widget: QWidget, made: NewCertificate) -> str:
    """What to do with the new files, in one paragraph (paths as plain text)."""
    return (widget.tr("Your key is in %1 (keep it, and its password, to yourself). Give %2 to the coordinator, "
                      "so that your signatures are trusted. Valid until %3.")
            .replace("%1", str(made.key_file)).replace("%2", str(made.pem))
            .replace("%3", made.valid_until.strftime("%Y-%m-%d")))


def show_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class NewCertificateDialog(QDialog):
    """Settings → Create my certificate…: the form, then what to give the coordinator."""

    def __init__(self, name: str, institution: str, parent: QWidget | None = None,
                 key_file: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create my certificate"))
        self.name, self.institution = name, institution
        layout = QVBoxLayout(self)
        intro = plain(QLabel(self.tr("A personal certificate signs your minutes. It names %1 (%2).")
                            .replace("%1", name or "?").replace("%2", institution or "-"), self))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = CertificateForm(key_file or default_key_file(name), self)
        layout.addWidget(self.form)
        self.ready = plain(QLabel(self))
        self.ready.setWordWrap(True)
        self.ready.hide()
        layout.addWidget(self.ready)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.folder_button = self.buttons.addButton(self.tr("Show &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.clicked.connect(self.make)
        self.folder_button.clicked.connect(self._show_folder)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.created.connect(self._created)
        self.resize(560, self.sizeHint().height())

    @property
    def result_certificate(self) -> NewCertificate | None:
        return self.form.result

    def _show_folder(self) -> None:
        if self.form.result is not None:
            show_folder(self.form.result.pem)

    def make(self) -> None:
        self.form.start(self.name, self.institution)

    def _created(self, made: NewCertificate) -> None:
        self.ready.setText(ready_text(self, made))
        self.ready.show()
        self.create_button.hide()
        self.folder_button.show()
        self.close_button.setText(self.tr("&Close"))
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self.accept)

    def done(self, code: int) -> None:
        if self.form.busy:  # the key is being written: wait for it rather than leave half a job
            return
        self.form.shutdown()
        super().done(code)
