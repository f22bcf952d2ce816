"""The choice of a database's new key, shared by Protect (encrypt) and Change database password (rekey),
and the present key asked again before Change database password and Remove protection (:class:`PresentKey`).

A random key kept in the keyring, or a passphrase typed twice with its strength shown.  The dialogs
keep their own wording (their ``tr()`` texts are handed in), the widgets and the checks are these.
"""

from __future__ import annotations

import contextlib
import hmac
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.db.engines.sqlcipher import DbKey
from visitapp.ui.passphrase_strength import HINT_STYLES, MIN_LENGTH, password_strength

# Before anything is typed the rule is a hint, not an error: grey, turned red only for a too short passphrase.
UNTYPED_STYLE = "QLabel { color: #5f6368; }"


class PassphraseHint(QLabel):
    """How strong the passphrase typed in ``field`` is, as the certificate form says it (a grey rule while
    nothing is typed)."""

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseStrength")
        self.setWordWrap(True)
        self.field = field
        self.quiet = False  # True: says nothing (no passphrase is to be typed)
        field.textChanged.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        if self.quiet:
            self.setText("")
            return
        score = password_strength(self.field.text())
        texts = (self.tr("At least %1 characters.").replace("%1", str(MIN_LENGTH)),
                 self.tr("Weak: make it longer, mix letters, digits and other characters."),
                 self.tr("Fair: a few more characters would make it strong."),
                 self.tr("Strong."))
        self.setText(texts[score])
        self.setStyleSheet(HINT_STYLES[score] if self.field.text() else UNTYPED_STYLE)


class KeyChoice:
    """The keyring / passphrase radio buttons, the two passphrase fields, the hint and the problem line.

    ``texts``: the keyring choice, the passphrase choice, the first field's label, the second's.
    """

    def __init__(self, owner: QWidget, layout: QVBoxLayout, texts: tuple[str, str, str, str], *,
                 keyring_first: bool, problem_name: str, accessible: tuple[str, str] = ("", "")) -> None:
        self.keyring = QRadioButton(texts[0], owner)
        self.keyring.setObjectName("useKeyring")
        self.passphrase_choice = QRadioButton(texts[1], owner)
        self.passphrase_choice.setObjectName("usePassphrase")
        group = QButtonGroup(owner)
        group.addButton(self.keyring)
        group.addButton(self.passphrase_choice)
        (self.keyring if keyring_first else self.passphrase_choice).setChecked(True)
        layout.addWidget(self.keyring)
        layout.addWidget(self.passphrase_choice)
        form = QFormLayout()
        self.first = QLineEdit(owner)
        self.first.setObjectName("newPassphrase")
        self.second = QLineEdit(owner)
        self.second.setObjectName("repeatPassphrase")
        for field, name in zip((self.first, self.second), accessible, strict=True):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            if name:
                field.setAccessibleName(name)
        form.addRow(texts[2], self.first)
        form.addRow(texts[3], self.second)
        self.hint = PassphraseHint(self.first, owner)
        self.hint.setMinimumHeight(self.hint.fontMetrics().height())  # its line stays when it says nothing
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.problem = QLabel("", owner)
        self.problem.setObjectName(problem_name)
        self.problem.setStyleSheet("QLabel { color: #b00020; }")
        layout.addWidget(self.problem)
        self.keyring.toggled.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        typed = self.passphrase_choice.isChecked()
        for widget in (self.first, self.second, self.hint):
            widget.setEnabled(typed)
        self.hint.quiet = not typed  # no rule about a passphrase when the keyring keeps a random key
        self.hint.follow()

    def ready(self, empty: str, differ: str) -> bool:
        """True when a key is chosen; else say why on the problem line (``empty``: no passphrase typed)."""
        if self.passphrase_choice.isChecked():
            if not self.first.text():
                self.problem.setText(empty)
                return False
            if self.first.text() != self.second.text():
                self.problem.setText(differ)
                return False
        return True

    def chosen_key(self) -> DbKey:
        """The typed passphrase, or a new random key (the conversion keeps it in the keyring)."""
        if self.passphrase_choice.isChecked():
            return DbKey(passphrase=self.first.text())
        return DbKey.new_raw()


class PresentKey(QObject):
    """The database's present key, asked again before it is changed or removed (as a user expects).

    Open with a passphrase: a field for it, checked against the key the database is open with (the
    passphrase runs through SQLCipher's key derivation, about half a second, on a thread of its own;
    :attr:`checked` tells the answer on the GUI thread).  Open with a random key kept in the keyring:
    a box to tick, confirming that key is to be replaced; the key is read from the keyring again.
    """

    checked = Signal(bool)  # the answer of :meth:`check`: True when the present key was confirmed
    _answer = Signal(object)  # from the checking thread: the derived key, or None when it does not match

    def __init__(self, owner: QWidget, layout: QVBoxLayout, path: Path, open_key: DbKey) -> None:
        super().__init__(owner)
        self.path, self.open_key = path, open_key
        self.in_keyring = open_key.raw is not None and open_key.salt is None
        self.passphrase = QLineEdit(owner)
        self.passphrase.setObjectName("presentPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Present passphrase"))
        self.confirm = QCheckBox(self.tr("Its present key is kept in this computer's keyring: replace it"), owner)
        self.confirm.setObjectName("confirmKeyringKey")
        form = QFormLayout()
        if self.in_keyring:
            self.passphrase.hide()
            layout.addWidget(self.confirm)
        else:
            self.confirm.hide()
            form.addRow(self.tr("Presen&t passphrase:"), self.passphrase)
            layout.addLayout(form)
        self.key: DbKey | None = None  # the present key once confirmed: the conversion's old key
        self.problem = ""  # why it was not confirmed, for the dialog's problem line
        self._answer.connect(self._answered)

    def check(self) -> None:
        """Confirm the present key; :attr:`checked` follows (at once for the keyring, after the derivation else)."""
        self.key, self.problem = None, ""
        if self.in_keyring:
            from visitapp.db.engines.sqlcipher import keyring_key

            if not self.confirm.isChecked():
                self.problem = self.tr("Tick the box to confirm that the key in the keyring is replaced.")
            else:
                kept = keyring_key(self.path)
                if kept is not None and kept.raw is not None and self.open_key.raw is not None and \
                        hmac.compare_digest(kept.raw, self.open_key.raw):
                    self.key = kept
                else:
                    self.problem = self.tr("The keyring no longer holds this database's key; nothing was changed.")
            self.checked.emit(self.key is not None)
            return
        typed = self.passphrase.text()
        if not typed:
            self.problem = self.tr("Type the present passphrase of the database.")
            self.checked.emit(False)
            return
        self.passphrase.setEnabled(False)
        open_key = self.open_key

        def derive() -> None:  # PBKDF2 for half a second: not on the GUI thread
            found = None
            if open_key.salt is not None and open_key.raw is not None:
                candidate = DbKey(passphrase=typed).derived(open_key.salt)
                if candidate.raw is not None and hmac.compare_digest(candidate.raw, open_key.raw):
                    found = candidate
            elif open_key.passphrase is not None and hmac.compare_digest(
                    typed.encode("utf-8"), open_key.passphrase.encode("utf-8")):
                found = open_key
            with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile: nobody waits
                self._answer.emit(found)

        threading.Thread(target=derive, name="present-key", daemon=True).start()

    def _answered(self, found: DbKey | None) -> None:
        self.passphrase.setEnabled(True)
        self.key = found
        if found is None:
            self.problem = self.tr("The present passphrase is not right; nothing was changed.")
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        self.checked.emit(found is not None)
