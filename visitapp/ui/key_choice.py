"""The choice of a database's new key, shared by Protect (encrypt) and Change database password (rekey).

A random key kept in the keyring, or a passphrase typed twice with its strength shown.  The dialogs
keep their own wording (their ``tr()`` texts are handed in), the widgets and the checks are these.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from visitapp.db.engines.sqlcipher import DbKey
from visitapp.ui.passphrase_strength import HINT_STYLES, MIN_LENGTH, password_strength


class PassphraseHint(QLabel):
    """How strong the passphrase typed in ``field`` is, as the certificate form says it."""

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseStrength")
        self.setWordWrap(True)
        self.field = field
        field.textChanged.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        score = password_strength(self.field.text())
        texts = (self.tr("At least %1 characters.").replace("%1", str(MIN_LENGTH)),
                 self.tr("Weak: make it longer, mix letters, digits and other characters."),
                 self.tr("Fair: a few more characters would make it strong."),
                 self.tr("Strong."))
        self.setText(texts[score])
        self.setStyleSheet(HINT_STYLES[score])


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
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.problem = QLabel("", owner)
        self.problem.setObjectName(problem_name)
        self.problem.setStyleSheet("QLabel { color: #b00020; }")
        layout.addWidget(self.problem)
        self.keyring.toggled.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        for widget in (self.first, self.second, self.hint):
            widget.setEnabled(self.passphrase_choice.isChecked())

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
