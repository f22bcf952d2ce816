"""The first-run wizard's smart-card page: module, token and key listed without a PIN, then the PIN checked once.

The check is a login and a test signature (the core's :func:`visitapp.signing.sign.open_signer`) on the
page's worker thread, so a wrong PIN or a locked card is one sentence on the page and the window never
freezes on a slow card.  The PIN lives in its field until the check ends, then the field is emptied; it is
never stored (issue 10).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizardPage,
)

from visitapp.errors import UserError
from visitapp.ui.safe_text import plain
from visitapp.ui.signing.job import JobWorker


def list_tokens(module: str) -> list[tuple[str, list[str]]]:
    """(token label, key labels) of each token in a PKCS#11 module, read without a PIN (the core's listing)."""
    from visitapp.signing.errors import TokenError
    from visitapp.signing.tokens import list_keys
    from visitapp.signing.tokens import list_tokens as tokens_of

    found: list[tuple[str, list[str]]] = []
    for token in tokens_of(module):
        try:
            labels = list(dict.fromkeys(key.label for key in list_keys(module, token.label) if key.label))
        except TokenError:  # a token that shows nothing without its PIN: its key label is typed
            labels = []
        found.append((token.label, labels))
    return found


class PinLocked(Exception):
    """The card says its PIN is locked (too many wrong tries): no login is tried, so no try is spent."""


def pin_locked(module: str, token: str) -> bool:
    """Whether the token's flags say its user PIN is locked (read without a PIN; False when it cannot say)."""
    try:
        import pkcs11
        from pkcs11 import TokenFlag

        from visitapp.signing.modules import find_module

        found = find_module(module)
        if found is None:
            return False
        return bool(pkcs11.lib(str(found)).get_token(token_label=token).flags & TokenFlag.USER_PIN_LOCKED)
    except Exception:  # a module or token that cannot be read: the login below says why in one sentence
        return False


def check_pin(module: str, token: str, key: str, pin: str) -> str:
    """Log in to the token and sign a few bytes with the key (the core's own check), off the GUI thread.

    Returns the name on the key's certificate.  A wrong PIN, a missing key or certificate, an expired
    certificate or a key that is not the certificate's is the core's one sentence (a UserError); a locked
    PIN is :class:`PinLocked`.  The PIN is used for this one login and kept nowhere."""
    if pin_locked(module, token):
        raise PinLocked(token)
    from visitapp.signing.keys import name_of
    from visitapp.signing.sign import Pkcs11Source, open_signer

    with open_signer(Pkcs11Source(Path(module), token, key, pin)) as (_signer, cert):
        return name_of(cert)[0]



class TokenPage(QWizardPage):
    """The PKCS#11 module (found on the system, or chosen), the token and the key, listed without a PIN.

    Next checks the PIN once (a login and a test signature on the worker thread): a wrong PIN or a locked
    card is one sentence on this page.  The PIN field is emptied after the check; it is never stored."""

    busy = Signal(bool)  # the PIN is being checked: the wizard's buttons wait

    def __init__(self, done_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done_id = done_id
        self.setTitle(self.tr("Your smart card or token"))
        self.setSubTitle(self.tr("Insert the card, choose its module, then its token and key. The PIN is asked "
                                 "each time you sign and is never stored."))
        self.worker = JobWorker("visitapp-tokens", self)
        self.tokens: list[tuple[str, list[str]]] = []
        form = QFormLayout(self)
        self.module = QComboBox(self)
        self.module.setEditable(True)
        self.module.setAccessibleName(self.tr("PKCS#11 module"))
        from visitapp.signing.tokens import find_modules

        self.module.addItems(find_modules())
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        self.find_button = QPushButton(self.tr("&Find tokens"), self)
        self.find_button.clicked.connect(self.find_tokens)
        row = QHBoxLayout()
        row.addWidget(self.module, 1)
        row.addWidget(browse)
        row.addWidget(self.find_button)
        label = QLabel(self.tr("&Module:"), self)
        label.setBuddy(self.module)
        form.addRow(label, row)
        self.token = QComboBox(self)
        self.token.setEditable(True)
        self.token.setAccessibleName(self.tr("Token label"))
        form.addRow(self.tr("&Token:"), self.token)
        self.key = QComboBox(self)
        self.key.setEditable(True)
        self.key.setAccessibleName(self.tr("Key label"))
        form.addRow(self.tr("&Key:"), self.key)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setPlaceholderText(self.tr("checked now, never stored"))
        form.addRow(self.tr("&PIN:"), self.pin)
        self.checked: tuple[str, str, str] | None = None  # (module, token, key) whose PIN was checked
        self.signer = ""  # the name on the checked key's certificate
        self.status = plain(QLabel(self))  # names from the card
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.token.currentIndexChanged.connect(self._token_chosen)

    def initializePage(self) -> None:
        if self.module.currentText() and not self.tokens:
            self.find_tokens()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("PKCS#11 module"), self.module.currentText(),
                                                    self.tr("Libraries (*.so *.dll *.dylib);;All files (*)"))
        if path:
            self.module.setEditText(path)

    def find_tokens(self) -> None:
        module = self.module.currentText().strip()
        if not module:
            self.status.setText(self.tr("Choose the PKCS#11 module of your card or token."))
            return
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Looking for tokens…"))
        self.worker.submit(lambda: list_tokens(module), self._listed, self._not_listed)

    def _listed(self, tokens: list[tuple[str, list[str]]]) -> None:
        self.find_button.setEnabled(True)
        self.tokens = tokens
        self.token.clear()
        self.token.addItems([label for label, _keys in tokens])
        if not tokens:
            self.status.setText(self.tr("No token found; is the card inserted?"))
        else:
            self.status.setText(self.tr("Found %n token(s).", "", len(tokens)))
        self._token_chosen()
        self.completeChanged.emit()

    def _not_listed(self, err: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.tokens = []
        self.token.clear()
        self.status.setText(str(err) if isinstance(err, UserError) else
                            self.tr("No token found; is the card inserted?"))

    def _token_chosen(self) -> None:
        index = self.token.currentIndex()
        self.key.clear()
        if 0 <= index < len(self.tokens):
            self.key.addItems(self.tokens[index][1])

    def validatePage(self) -> bool:
        for field, message in ((self.module, self.tr("Choose the PKCS#11 module of your card or token.")),
                               (self.token, self.tr("Choose your token.")),
                               (self.key, self.tr("Choose your key on the token."))):
            if not field.currentText().strip():
                self.status.setText(message)
                field.setFocus()
                return False
        chosen = (self.module.currentText().strip(), self.token.currentText().strip(), self.key.currentText().strip())
        if chosen == self.checked:
            return True
        pin = self.pin.text()
        if not pin:
            self.status.setText(self.tr("Type the PIN of your card: it is checked now and never stored."))
            self.pin.setFocus()
            return False
        self.busy.emit(True)
        self.status.setText(self.tr("Checking the PIN…"))
        self.worker.submit(lambda: check_pin(*chosen, pin), lambda name: self._pin_ok(chosen, name),
                           self._pin_failed)
        return False  # the wizard moves on when the token has signed

    def _pin_ok(self, chosen: tuple[str, str, str], name: str) -> None:
        self.pin.clear()
        self.checked, self.signer = chosen, name
        self.status.clear()
        self.busy.emit(False)
        self.wizard().next()

    def _pin_failed(self, err: BaseException) -> None:
        self.pin.clear()
        self.busy.emit(False)
        if isinstance(err, PinLocked):
            self.status.setText(self.tr("The PIN of token %1 is locked after too many wrong tries; unlock it with "
                                        "its PUK in the card's own program, or ask whoever issued the card.")
                                .replace("%1", str(err)))
        elif isinstance(err, UserError):
            self.status.setText(str(err))
        else:
            self.status.setText(self.tr("The token could not be used: %1.").replace("%1", type(err).__name__))
        self.pin.setFocus()

    def nextId(self) -> int:
        return self.done_id
