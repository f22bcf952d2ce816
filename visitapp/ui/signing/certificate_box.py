"""How to sign: no signature, a certificate file (PKCS#12) or a smart card / token (PKCS#11).

The choice, the file, the module and the token and key labels are remembered
in QSettings; never the password or the PIN.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.signing.sign import (
    Pkcs11Source,
    Pkcs12Source,
    SignerSource,
    default_reason,
)
from visitapp.ui.safe_text import plain, plain_tooltip
from visitapp.ui.settings import AppSettings, Setting

if TYPE_CHECKING:
    from visitapp.ui.coordinator.tasks import Task

SOURCE = Setting("signing/source", str, "none")  # none | pkcs12 | pkcs11
PKCS12_FILE = Setting("signing/pkcs12", str, "")
PKCS11_MODULE = Setting("signing/pkcs11_module", str, "")
TOKEN = Setting("signing/token", str, "")
KEY = Setting("signing/key", str, "")
REMEMBERED = (SOURCE, PKCS12_FILE, PKCS11_MODULE, TOKEN, KEY)


class MissingField(Exception):
    """A field needed to sign is empty: ``message`` says which, ``field`` gets the focus."""

    def __init__(self, message: str, field: QWidget) -> None:
        super().__init__(message)
        self.message, self.field = message, field


def buddy(text: str, field: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(field)
    return label


class CertificateBox(QGroupBox):
    """The "Signature" group: the source, its fields, the password or PIN and the reason."""

    changed = Signal()  # the source changed
    listed = Signal()  # tokens or keys were listed (or listing them failed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Signature"))
        form = QFormLayout(self)
        self.source = QComboBox(self)
        self.source.setAccessibleName(self.tr("How to sign"))
        self.source.addItem(self.tr("Do not sign"), "none")
        self.source.addItem(self.tr("Certificate file (PKCS#12)"), "pkcs12")
        self.source.addItem(self.tr("Smart card or token (PKCS#11)"), "pkcs11")
        form.addRow(self.tr("Si&gn with:"), self.source)

        self.source_pages = QWidget(self)
        pages = QVBoxLayout(self.source_pages)
        pages.setContentsMargins(0, 0, 0, 0)
        pages.addWidget(self._p12_page())
        pages.addWidget(self._p11_page())
        form.addRow(self.source_pages)

        self.secret_label = QLabel(self)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label.setBuddy(self.secret)
        form.addRow(self.secret_label, self.secret)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for signing"))
        form.addRow(self.tr("R&eason:"), self.reason)
        self.form = form
        self.source.currentIndexChanged.connect(self._source_changed)

    def _p12_page(self) -> QWidget:
        p12 = self.p12_page = QWidget(self.source_pages)
        p12_form = QFormLayout(p12)
        p12_form.setContentsMargins(0, 0, 0, 0)
        self.p12_path = QLineEdit(p12)
        self.p12_path.setAccessibleName(self.tr("Certificate file"))
        self.p12_path.setPlaceholderText(self.tr("a .p12 or .pfx file"))
        browse = QPushButton(self.tr("B&rowse…"), p12)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse_p12)
        row = QHBoxLayout()
        row.addWidget(self.p12_path, 1)
        row.addWidget(browse)
        p12_form.addRow(buddy(self.tr("Certificate f&ile:"), self.p12_path, p12), row)
        return p12

    def _p11_page(self) -> QWidget:
        p11 = self.p11_page = QWidget(self.source_pages)
        p11_form = QFormLayout(p11)
        p11_form.setContentsMargins(0, 0, 0, 0)
        self.module = QLineEdit(p11)
        self.module.setAccessibleName(self.tr("PKCS#11 module"))
        self.module.setPlaceholderText(self.tr("the card's driver library, e.g. opensc-pkcs11.so"))
        browse_module = QPushButton(self.tr("Bro&wse…"), p11)
        browse_module.setAutoDefault(False)
        browse_module.clicked.connect(self._browse_module)
        from PySide6.QtWidgets import QCompleter

        from visitapp.signing.tokens import find_modules

        self.found_modules = find_modules()  # Certum, OpenSC, Szafir, SoftHSM2… where they usually install
        completer = QCompleter(self.found_modules, self.module)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.module.setCompleter(completer)
        row = QHBoxLayout()
        row.addWidget(self.module, 1)
        row.addWidget(browse_module)
        p11_form.addRow(buddy(self.tr("&Module:"), self.module, p11), row)
        self.token = QLineEdit(p11)
        self.token.setAccessibleName(self.tr("Token label"))
        # What the module has: its tokens, and the certificates (keys) on the chosen one, to pick from.
        self.token_choice = QComboBox(p11)
        self.token_choice.setAccessibleName(self.tr("Tokens found"))
        self.token_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.token_choice.activated.connect(self._token_picked)
        self.find_tokens = QPushButton(self.tr("&Find tokens"), p11)
        self.find_tokens.setAutoDefault(False)
        self.find_tokens.clicked.connect(self.look_for_tokens)
        self.module.editingFinished.connect(self._module_edited)
        row = QHBoxLayout()
        row.addWidget(self.token, 1)
        row.addWidget(self.token_choice, 1)
        row.addWidget(self.find_tokens)
        p11_form.addRow(buddy(self.tr("&Token label:"), self.token, p11), row)
        self.key = QLineEdit(p11)
        self.key.setAccessibleName(self.tr("Key label"))
        self.key_choice = QComboBox(p11)
        self.key_choice.setAccessibleName(self.tr("Keys on the token"))
        self.key_choice.activated.connect(self._key_picked)
        for label in (self.token, self.key):  # room to read a typed label beside the lists, in a narrow dialog too
            label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 8)
        row = QHBoxLayout()
        row.addWidget(self.key, 1)
        row.addWidget(self.key_choice, 2)
        p11_form.addRow(buddy(self.tr("&Key label:"), self.key, p11), row)
        self.token_status = plain(QLabel(p11))
        self.token_status.setWordWrap(True)
        p11_form.addRow(self.token_status)
        self._listing: Task | None = None
        self._listed_module = ""
        return p11

    # tokens and keys on the module -------------------------------------------------
    def _module_edited(self) -> None:
        if self.module.text().strip() and self.module.text().strip() != self._listed_module:
            self.look_for_tokens()

    def _list(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """Ask the module off the GUI thread (a card reader can take seconds); one question at a time."""
        from visitapp.ui.coordinator.tasks import Task

        if self._listing is not None:
            return
        self.find_tokens.setEnabled(False)
        task = self._listing = Task(lambda _progress, _cancelled: work())

        def finished() -> None:
            self._listing = None
            self.find_tokens.setEnabled(True)

        def succeeded(result: object) -> None:
            finished()
            done(result)

        def failed(err: BaseException) -> None:
            finished()
            from visitapp.errors import UserError

            self.token_status.setText(str(err) if isinstance(err, UserError) else
                                      self.tr("The module could not be asked (%1).").replace("%1", type(err).__name__))
            self.listed.emit()

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.start()

    def look_for_tokens(self) -> None:
        """List the tokens of the chosen module; then the keys of the token chosen (or the only one)."""
        from visitapp.signing.tokens import list_tokens

        module = self.module.text().strip()
        if not module:
            self.token_status.setText(self.tr("Choose the PKCS#11 module of your card or token."))
            return
        self.token_status.setText(self.tr("Looking for tokens…"))
        self._list(lambda: list_tokens(module), lambda found: self._show_tokens(module, found))

    def _show_tokens(self, module: str, tokens: object) -> None:
        self._listed_module = module
        self.token_choice.clear()
        self.key_choice.clear()
        found = list(tokens) if isinstance(tokens, list) else []
        for token in found:
            detail = " ".join(t for t in (token.manufacturer, token.model) if t)
            self.token_choice.addItem(self.tr("%1 (%2)").replace("%1", token.label).replace("%2", detail)
                                      if detail else token.label, token.label)
        if not found:
            self.token_status.setText(self.tr("No token was found in this module; is the card inserted?"))
            self.listed.emit()
            return
        self.token_status.setText(self.tr("%n token(s) found.", "", len(found)))
        current = self.token_choice.findData(self.token.text().strip())
        if current < 0 and len(found) == 1:
            current = 0
        if current >= 0:
            self.token_choice.setCurrentIndex(current)
            self._token_picked(current)
        else:
            self.token_choice.setCurrentIndex(-1)
            self.listed.emit()

    def _token_picked(self, index: int) -> None:
        from visitapp.signing.tokens import list_keys

        label = self.token_choice.itemData(index)
        if label is None:
            return
        self.token.setText(label)
        module = self._listed_module
        self._list(lambda: list_keys(module, label), self._show_keys)

    def _show_keys(self, keys: object) -> None:
        self.key_choice.clear()
        found = list(keys) if isinstance(keys, list) else []
        for key in found:
            until = key.not_after.strftime("%Y-%m-%d") if key.not_after else "?"
            self.key_choice.addItem(self.tr("%1 — %2, valid until %3").replace("%1", key.label)
                                    .replace("%2", key.subject_cn or "?").replace("%3", until), key.label)
            self.key_choice.setItemData(self.key_choice.count() - 1, plain_tooltip(key.subject_cn),
                                        Qt.ItemDataRole.ToolTipRole)
        if not found:
            self.token_status.setText(self.tr("There is no certificate on this token."))
        else:
            self.token_status.setText(self.tr("Choose your key: %n certificate(s) on the token.", "", len(found)))
            current = self.key_choice.findData(self.key.text().strip())
            if current < 0 and len(found) == 1:
                current = 0
            self.key_choice.setCurrentIndex(current)
            if current >= 0:
                self._key_picked(current)
        self.listed.emit()

    def _key_picked(self, index: int) -> None:
        label = self.key_choice.itemData(index)
        if label is not None:
            self.key.setText(label)

    # the choice ----------------------------------------------------------------
    @property
    def kind(self) -> str:
        """``none``, ``pkcs12`` or ``pkcs11``."""
        return self.source.currentData()

    @property
    def signing(self) -> bool:
        return self.kind != "none"

    def _source_changed(self) -> None:
        kind = self.kind
        self.p12_page.setVisible(kind == "pkcs12")  # hidden ones take no room: the rows below move up
        self.p11_page.setVisible(kind == "pkcs11")
        self.source_pages.setVisible(kind != "none")
        self.secret_label.setText(self.tr("&PIN:") if kind == "pkcs11" else self.tr("&Password:"))
        self.secret.setAccessibleName(self.tr("PIN of the token") if kind == "pkcs11" else
                                      self.tr("Password of the certificate file"))
        for widget in (self.secret_label, self.secret, self.reason, self.form.labelForField(self.reason)):
            widget.setVisible(self.signing)
        self.secret.clear()
        self.changed.emit()

    def set_language(self, lang: str) -> None:
        self.reason.setPlaceholderText(default_reason(lang, cosign=False))

    def set_busy(self, busy: bool) -> None:
        for widget in (self.source, self.source_pages, self.secret, self.reason):
            widget.setEnabled(not busy)

    def reason_text(self) -> str | None:
        return self.reason.text().strip() or None

    def signer_source(self) -> SignerSource | None:
        """The chosen source, or None for an unsigned export; an empty field raises :class:`MissingField`."""
        kind = self.kind
        if kind == "pkcs12":
            path = self.p12_path.text().strip()
            if not path:
                raise MissingField(self.tr("Choose your certificate file."), self.p12_path)
            if not self.secret.text():
                raise MissingField(self.tr("Type the password of your certificate file."), self.secret)
            return Pkcs12Source(Path(path).expanduser(), self.secret.text())
        if kind == "pkcs11":
            for field, message in ((self.module, self.tr("Choose the PKCS#11 module of your card or token.")),
                                   (self.token, self.tr("Type the label of your token.")),
                                   (self.key, self.tr("Type the label of your key on the token."))):
                if not field.text().strip():
                    raise MissingField(message, field)
            if not self.secret.text():
                raise MissingField(self.tr("Type the PIN of your token."), self.secret)
            return Pkcs11Source(Path(self.module.text().strip()).expanduser(), self.token.text().strip(),
                                self.key.text().strip(), self.secret.text())
        return None

    # remembered choices ----------------------------------------------------------
    def restore(self, st: AppSettings) -> None:
        self.source.setCurrentIndex(max(0, self.source.findData(st.get(SOURCE))))
        self.p12_path.setText(st.get(PKCS12_FILE))
        self.module.setText(st.get(PKCS11_MODULE) or (self.found_modules[0] if self.found_modules else ""))
        self.token.setText(st.get(TOKEN))
        self.key.setText(st.get(KEY))
        self._source_changed()

    def remember(self, st: AppSettings) -> None:
        """Store the choice and its fields (never the password or PIN); the caller syncs."""
        st.set(SOURCE, self.kind)
        if self.kind == "pkcs12":
            st.set(PKCS12_FILE, self.p12_path.text().strip())
        elif self.kind == "pkcs11":
            st.set(PKCS11_MODULE, self.module.text().strip())
            st.set(TOKEN, self.token.text().strip())
            st.set(KEY, self.key.text().strip())

    # file choosers ---------------------------------------------------------------
    def _browse_p12(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Certificate file"), self.p12_path.text(),
                                                    self.tr("Certificate files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.p12_path.setText(path)

    def _browse_module(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("PKCS#11 module"), self.module.text(),
                                                    self.tr("Libraries (*.so *.dll *.dylib);;All files (*)"))
        if path:
            self.module.setText(path)
