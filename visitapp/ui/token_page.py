"""The first-run wizard's smart-card page: module, token and key listed without a PIN, then the PIN checked once.

The check is a login and a test signature (the core's :func:`visitapp.signing.sign.open_signer`) on the
page's worker thread, so a wrong PIN or a locked card is one sentence on the page and the window never
freezes on a slow card.  The PIN lives in its field until the check ends, then the field is emptied; it is
never stored (issue 10).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
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
from visitapp.ui.passphrase_strength import ERROR_STYLE
from visitapp.ui.safe_text import plain, plain_tooltip
from visitapp.ui.signing.job import JobWorker

# The usual modules by file name (see visitapp.signing.tokens.CANDIDATES): the product a person knows.
_PRODUCTS = {"libcryptocertum3pkcs": "Certum (proCertum)", "cryptocertum3pkcs": "Certum (proCertum)",
             "opensc-pkcs11": "OpenSC", "libccpkip11": "KIR Szafir", "ccpkip11": "KIR Szafir",
             "libetpkcs11": "SafeNet eToken", "etpkcs11": "SafeNet eToken", "libidprimepkcs11": "Thales IDPrime",
             "idprimepkcs11": "Thales IDPrime", "libsofthsm2": "SoftHSM 2", "p11-kit-proxy": "p11-kit"}


def module_name(path: str) -> str:
    """A PKCS#11 module as a person knows it ("SoftHSM 2", "OpenSC"), else its file name; the path is the
    tooltip."""
    stem = Path(path).name.split(".")[0]
    return _PRODUCTS.get(stem.lower(), Path(path).name or path)


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
        self.setSubTitle(self.tr("Insert the card, choose its module, then its token and key. The PIN is checked "
                                 "now, asked again at each signature, and never stored."))
        self.worker = JobWorker("visitapp-tokens", self)
        self.tokens: list[tuple[str, list[str]]] = []
        form = QFormLayout(self)
        self.module = QComboBox(self)
        self.module.setEditable(True)
        self.module.setAccessibleName(self.tr("PKCS#11 module"))
        from visitapp.signing.tokens import find_modules

        for path in find_modules():  # a readable name, the library's path as data and tooltip
            self.module.addItem(module_name(path), path)
            self.module.setItemData(self.module.count() - 1, plain_tooltip(path), Qt.ItemDataRole.ToolTipRole)
        self.module.setToolTip(plain_tooltip(self.module_path()))  # a path the user may type: shown as text
        self.module.currentTextChanged.connect(lambda _text: self.module.setToolTip(plain_tooltip(self.module_path())))
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

    def module_path(self) -> str:
        """The chosen module's library: the path behind a listed name, or what was typed or browsed."""
        text = self.module.currentText().strip()
        index = self.module.findText(text)
        data = self.module.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def _note(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _problem(self, text: str) -> None:
        """A problem the person must act on: in the app's error style, like the certificate page's."""
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def initializePage(self) -> None:
        if self.module.currentText() and not self.tokens:
            self.find_tokens()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("PKCS#11 module"), self.module.currentText(),
                                                    self.tr("Libraries (*.so *.dll *.dylib);;All files (*)"))
        if path:
            self.module.setEditText(path)

    def find_tokens(self) -> None:
        module = self.module_path()
        if not module:
            self._problem(self.tr("Choose the PKCS#11 module of your card or token."))
            return
        self.find_button.setEnabled(False)
        self._note(self.tr("Looking for tokens…"))
        self.worker.submit(lambda: list_tokens(module), lambda tokens: self._listed(tokens, module),
                           self._not_listed)

    def _show_module(self, path: str) -> None:
        """The module that answered, shown by its name (a typed or browsed path too); its path is the tooltip."""
        index = self.module.findData(path)
        if index < 0:
            self.module.addItem(module_name(path), path)
            index = self.module.count() - 1
            self.module.setItemData(index, path, Qt.ItemDataRole.ToolTipRole)
        self.module.setCurrentIndex(index)
        self.module.setEditText(self.module.itemText(index))

    def _listed(self, tokens: list[tuple[str, list[str]]], module: str = "") -> None:
        self.find_button.setEnabled(True)
        if module:
            self._show_module(module)
        self.tokens = tokens
        self.token.clear()
        self.token.addItems([label for label, _keys in tokens])
        if not tokens:
            self._problem(self.tr("No token found; is the card inserted?"))
        else:
            self._note(self.tr("Found %n token(s).", "", len(tokens)))
        self._token_chosen()
        self.completeChanged.emit()

    def _not_listed(self, err: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.tokens = []
        self.token.clear()
        self._problem(str(err) if isinstance(err, UserError) else self.tr("No token found; is the card inserted?"))

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
                self._problem(message)
                field.setFocus()
                return False
        chosen = (self.module_path(), self.token.currentText().strip(), self.key.currentText().strip())
        if chosen == self.checked:
            return True
        pin = self.pin.text()
        if not pin:
            self._problem(self.tr("Type the PIN of your card: it is checked now and never stored."))
            self.pin.setFocus()
            return False
        self.busy.emit(True)
        self._note(self.tr("Checking the PIN…"))
        self.worker.submit(lambda: check_pin(*chosen, pin), lambda name: self._pin_ok(chosen, name),
                           self._pin_failed)
        return False  # the wizard moves on when the token has signed

    def _pin_ok(self, chosen: tuple[str, str, str], name: str) -> None:
        self.pin.clear()
        self.checked, self.signer = chosen, name
        self._note("")
        self.busy.emit(False)
        self.wizard().next()

    def _pin_failed(self, err: BaseException) -> None:
        self.pin.clear()
        self.busy.emit(False)
        if isinstance(err, PinLocked):
            self._problem(self.tr("The PIN of token %1 is locked after too many wrong tries; unlock it with "
                                  "its PUK in the card's own program, or ask whoever issued the card.")
                          .replace("%1", str(err)))
        elif isinstance(err, UserError):
            self._problem(str(err))
        else:
            self._problem(self.tr("The token could not be used: %1.").replace("%1", type(err).__name__))
        self.pin.setFocus()

    def nextId(self) -> int:
        return self.done_id
