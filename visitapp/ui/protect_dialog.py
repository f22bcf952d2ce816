"""The encrypted database in the desktop app: asking for its passphrase, and offering to protect it.

* :func:`open_database` opens the app's database; an encrypted one takes its key
  from the keyring, else asks for the passphrase in a :class:`PassphraseDialog`
  (a wrong one: asked again; Cancel: one sentence, the app does not start).  The
  passphrase lives only in memory, never in settings.
* :class:`ProtectDialog` offers to encrypt a plain database (on first start, and
  from the File menus), recommending a random key kept in the operating
  system's keyring; :func:`protect_app` then encrypts the open database in place
  (``visitapp.db.convert``: a checked copy, then a replace) and reopens it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.db import Database
from visitapp.db.engines.sqlcipher import DbKey, WrongKey, keyring_key, missing_key
from visitapp.errors import UserError
from visitapp.ui.safe_text import plain_message

#: Settings key remembering that the first-start offer was made (shown once).
OFFERED_KEY = "data/protection_offered"


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an encrypted database; says so when the last one was wrong."""

    def __init__(self, path: Path, wrong: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Encrypted database"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("The database %1 is encrypted. Enter its passphrase.").replace("%1", str(path)), self)
        text.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold anything
        text.setWordWrap(True)
        layout.addWidget(text)
        self.error = QLabel(self.tr("That passphrase does not open it; try again.") if wrong else "", self)
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet("QLabel { color: #b00020; }")
        self.error.setVisible(wrong)
        layout.addWidget(self.error)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def passphrase(self) -> str:
        return self.field.text()


def open_database(target: Path | str, *, create: bool = True, parent: QWidget | None = None,
                  on_gui: Callable[[Callable[[], Any]], Any] | None = None) -> Database:
    """``Database.open`` for the app: an encrypted file's key from the keyring, else from the user.

    Called off the GUI thread (the app opens and migrates on its DB worker), ``on_gui(fn)`` runs
    ``fn`` on the GUI thread and returns its result: the passphrase dialog is shown there.
    """
    state = {"keyring_tried": False, "wrong": False}

    def ask() -> str:
        dialog = PassphraseDialog(path_of["path"], state["wrong"], parent)
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else ""

    path_of: dict[str, Path] = {}

    def source(path: Path) -> DbKey:
        if not state["keyring_tried"]:
            state["keyring_tried"] = True
            found = keyring_key(path)
            if found is not None:
                return found
        path_of["path"] = path
        passphrase = on_gui(ask) if on_gui is not None else ask()
        if not passphrase:
            raise missing_key(path)
        return DbKey(passphrase=passphrase)

    while True:
        try:
            return Database.open(target, create=create, key=source)
        except WrongKey:
            state["wrong"] = True  # ask again, saying why


class ProtectDialog(QDialog):
    """Protect this database? A key in the keyring (recommended), a passphrase, or not now."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectDialog")
        self.setWindowTitle(self.tr("Protect your notes"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Your notes hold business plans and personal data. Encrypt the database %1 so that nobody who gets "
            "this laptop or a copy of the file can read it?").replace("%1", str(path)), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.keyring = QRadioButton(self.tr("Keep a random key in this computer's keyring (recommended)"), self)
        self.keyring.setObjectName("useKeyring")
        self.passphrase_choice = QRadioButton(self.tr("Use a passphrase that I type at every start"), self)
        self.passphrase_choice.setObjectName("usePassphrase")
        group = QButtonGroup(self)
        group.addButton(self.keyring)
        group.addButton(self.passphrase_choice)
        self.keyring.setChecked(True)
        layout.addWidget(self.keyring)
        layout.addWidget(self.passphrase_choice)
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.first.setObjectName("newPassphrase")
        self.second = QLineEdit(self)
        self.second.setObjectName("repeatPassphrase")
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase:"), self.first)
        form.addRow(self.tr("Repeat:"), self.second)
        layout.addLayout(form)
        self.problem = QLabel("", self)
        self.problem.setObjectName("protectProblem")
        self.problem.setStyleSheet("QLabel { color: #b00020; }")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.protect_button = buttons.addButton(self.tr("&Encrypt"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.protect_button.setObjectName("encrypt")
        later = buttons.addButton(self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("notNow")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.keyring.toggled.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        for field in (self.first, self.second):
            field.setEnabled(self.passphrase_choice.isChecked())

    def _accept(self) -> None:
        if self.passphrase_choice.isChecked():
            if not self.first.text():
                self.problem.setText(self.tr("Type a passphrase, or choose the keyring."))
                return
            if self.first.text() != self.second.text():
                self.problem.setText(self.tr("The two passphrases differ."))
                return
        self.accept()

    def chosen_key(self) -> DbKey:
        """A new random key (kept in the keyring by :func:`protect_file`) or the typed passphrase."""
        if self.passphrase_choice.isChecked():
            return DbKey(passphrase=self.first.text())
        return DbKey.new_raw()


def protect_file(path: Path, key: DbKey) -> None:
    """Encrypt the closed database ``path`` in place with ``key`` (a raw key goes to the keyring first)."""
    from visitapp.db import convert
    from visitapp.db.engines import sqlcipher

    if key.raw is None:
        convert.encrypt(path, key)
        return
    previous = keyring_key(path)
    sqlcipher.store_keyring_key(path, key)
    try:
        convert.encrypt(path, key)
    except BaseException:
        if previous is not None:
            sqlcipher.store_keyring_key(path, previous)
        else:
            sqlcipher.forget_keyring_key(path)
        raise


def protect_app(app, key: DbKey) -> bool:  # visitapp.ui.app.Application
    """Encrypt the app's open database in place and reopen it; the window is rebuilt on the new one.

    Returns False (the database reopened as it was) when the conversion fails;
    the reason is raised as ``UserError`` for the caller to show.
    """
    from visitapp.services import Services
    from visitapp.ui.main_window import MainWindow

    path = app.db.path
    old = app.window
    visit = old.capture.visit.id if old.capture.visit else None
    old.capture.flush()
    app.worker.wait()  # every queued write is in the file before it is copied
    app.db.close()
    # On the GUI thread on purpose: no event (a timer's read, a typed note) may reach the
    # database between the copy and the replace.  An official's database takes seconds.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        protect_file(path, key)
    finally:
        QApplication.restoreOverrideCursor()
        app.db = Database.open(path, create=False, key=key)
        app._svc = Services(app.db, app.settings.identity())
        app.replacing = True
        old.close()
        app.replacing = False
        app.window = MainWindow(app)
        if visit:
            app.window.open_visit(visit)
        app.window.show()
        old.deleteLater()
    return True


def offer_protection(app, *, first_start: bool) -> ProtectDialog | None:
    """On first start, over a plain database file: open the :class:`ProtectDialog` (not blocking the window)."""
    settings = app.settings
    path = app.db.path
    if not first_start or path is None or type(app.db.backend).__name__ != "SQLiteBackend":
        return None
    settings.qs.setValue(OFFERED_KEY, True)  # offered once
    return ask_to_protect(app)


def ask_to_protect(app) -> ProtectDialog | None:
    """The :class:`ProtectDialog` over the main window (window-modal, non-blocking); on Encrypt, :func:`protect_app`."""
    if app.db.path is None or type(app.db.backend).__name__ != "SQLiteBackend":
        return None
    dialog = ProtectDialog(app.db.path, app.window)
    title = dialog.tr("Not encrypted")

    def chosen() -> None:
        try:
            protect_app(app, dialog.chosen_key())
        except UserError as err:  # the database was reopened as it was
            plain_message(app.window, QMessageBox.Icon.Warning, title, str(err))

    dialog.accepted.connect(chosen)
    dialog.open()
    return dialog
