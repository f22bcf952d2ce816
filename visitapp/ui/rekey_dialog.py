"""Changing the database's key and removing its protection from the desktop app (issue 12).

The GUI side of ``visitapp db rekey`` and ``visitapp db decrypt``, beside File → Encrypt
(:mod:`visitapp.ui.protect_dialog`), over the app's own database:

* :class:`RekeyDialog`: the present passphrase typed again (or, for a key kept in the keyring,
  a box ticked to replace it: :class:`~visitapp.ui.key_choice.PresentKey`), then a new
  passphrase typed twice, with a strength hint, or a new random key kept in the operating
  system's keyring.  A wrong present passphrase is said on the dialog's problem line and
  nothing starts; the present key confirmed is the conversion's old key.
* :class:`RemoveProtectionDialog`: a warning that the file will be readable by anyone with
  access to the laptop, the present passphrase (or key) confirmed the same way, and a
  confirmation (Cancel is the default).
* :func:`rekey_app` / :func:`decrypt_app` run the conversion like encrypting does
  (:func:`~visitapp.ui.protect_dialog.run_conversion`): on the DB worker, a progress dialog
  whose Cancel leaves the original untouched until the checked copy replaces it, the window
  rebuilt on the converted database, one sentence when it fails (the keyring as it was).
* :class:`DatabaseMenu`: the File-menu items, each enabled only when it applies (Encrypt on
  a plain file, the other two on an encrypted one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from visitapp.db.engines.sqlcipher import DbKey
from visitapp.errors import UserError
from visitapp.ui.key_choice import KeyChoice, PresentKey
from visitapp.ui.protect_dialog import ConversionJob, run_conversion
from visitapp.ui.safe_text import plain_message

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def database_kind(app: Any) -> str | None:
    """"plain" or "encrypted" for the app's database file; None for anything else (a server, no app)."""
    db = getattr(app, "db", None)
    if db is None or db.path is None:
        return None
    return {"SQLiteBackend": "plain", "SQLCipherBackend": "encrypted"}.get(type(db.backend).__name__)


def open_key(app: Any) -> DbKey:
    """The key the app's encrypted database is open with (the old key of a rekey or decrypt)."""
    key: DbKey = app.db.backend.open_key()
    return key


class _PresentKeyDialog(QDialog):
    """A dialog whose action first checks the database's present key (:class:`PresentKey`): its ``go`` button
    waits for the check, a wrong key is one line in ``problem``, a right one accepts the dialog."""

    go: QPushButton
    present: PresentKey
    problem: QLabel

    def _check_present(self) -> None:
        self.go.setEnabled(False)  # until the present key is checked
        self.present.check()

    def _present_checked(self, ok: bool) -> None:
        self.go.setEnabled(True)
        if ok:
            self.accept()
        else:
            self.problem.setText(self.present.problem)

    def present_key(self) -> DbKey:
        """The present key the user confirmed (the conversion's old key): only after the dialog was accepted."""
        assert self.present.key is not None
        return self.present.key


class RekeyDialog(_PresentKeyDialog):
    """Change the database's key: a new passphrase (twice) or a new random key in the keyring."""

    def __init__(self, path: Path, present: DbKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rekeyDialog")
        self.setWindowTitle(self.tr("Change database password"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose the new key of the encrypted database %1. Until the change is done and checked, "
            "the key it has now keeps opening it.").replace("%1", str(path)), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold anything
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.present = PresentKey(self, layout, path, present)
        self.present.checked.connect(self._present_checked)
        self.choice = KeyChoice(self, layout, (
            self.tr("Keep a new random key in this computer's keyring (recommended)"),
            self.tr("Use a new passphrase that I type at every start"),
            self.tr("New &passphrase:"), self.tr("&Repeat:")), keyring_first=True, problem_name="rekeyProblem",
            accessible=(self.tr("New passphrase"), self.tr("The new passphrase again")))
        self.keyring, self.passphrase_choice = self.choice.keyring, self.choice.passphrase_choice
        self.first, self.second, self.hint = self.choice.first, self.choice.second, self.choice.hint
        self.problem = self.choice.problem
        buttons = QDialogButtonBox(self)
        self.go = self.change_button = buttons.addButton(self.tr("&Change key"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.change_button.setObjectName("changeKey")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.job: ConversionJob | None = None  # the conversion started by Change key

    def _accept(self) -> None:
        if self.choice.ready(self.tr("Type the new passphrase, or choose the keyring."),
                             self.tr("The two passphrases differ.")):
            self._check_present()

    def chosen_key(self) -> DbKey:
        """A new random key (kept in the keyring by :func:`rekey_file`) or the typed passphrase."""
        return self.choice.chosen_key()


class RemoveProtectionDialog(_PresentKeyDialog):
    """Remove the encryption? Says plainly what it exposes; Cancel is the default answer."""

    def __init__(self, path: Path, present: DbKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removeProtectionDialog")
        self.setWindowTitle(self.tr("Remove protection"))
        layout = QVBoxLayout(self)
        warning = QLabel(self.tr(
            "After this, the database %1 is a plain file: anyone with access to this laptop, or to a copy "
            "of the file or of its backups, can read every note, business plan and person's data in it. "
            "Remove its encryption?").replace("%1", str(path)), self)
        warning.setObjectName("removeWarning")
        warning.setTextFormat(Qt.TextFormat.PlainText)
        warning.setWordWrap(True)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addWidget(warning, 1)
        layout.addLayout(row)
        self.present = PresentKey(self, layout, path, present)
        self.present.confirm.setText(self.tr("Its key is kept in this computer's keyring: remove the protection"))
        self.present.checked.connect(self._present_checked)
        self.problem = QLabel("", self)
        self.problem.setObjectName("removeProblem")
        self.problem.setStyleSheet("QLabel { color: #b00020; }")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.go = self.remove_button = buttons.addButton(self.tr("&Remove protection"),
                                                         QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.setObjectName("removeProtection")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._check_present)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter keeps the protection
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.job: ConversionJob | None = None  # the conversion started by Remove protection



def rekey_file(path: Path, old: DbKey, new: DbKey, *, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> None:
    """``convert.rekey`` with the keyring kept right: a new raw key goes in first, a passphrase makes it go.

    A cancelled or failed conversion leaves the file and the keyring as they were.
    """
    from visitapp.db import convert
    from visitapp.db.engines import sqlcipher

    if new.raw is None:
        convert.rekey(path, old, new, progress=progress, cancelled=cancelled)
        sqlcipher.forget_keyring_key(path)  # the old raw key, if it was one, opens nothing any more
        return
    previous = sqlcipher.keyring_key(path)
    sqlcipher.store_keyring_key(path, new)  # before the file depends on it
    try:
        convert.rekey(path, old, new, progress=progress, cancelled=cancelled)
    except BaseException:
        if previous is not None:
            sqlcipher.store_keyring_key(path, previous)
        else:
            sqlcipher.forget_keyring_key(path)
        raise


def decrypt_file(path: Path, old: DbKey, *, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> None:
    """``convert.decrypt``, then the key kept in the keyring for it (if any) is forgotten."""
    from visitapp.db import convert
    from visitapp.db.engines import sqlcipher

    convert.decrypt(path, old, progress=progress, cancelled=cancelled)
    sqlcipher.forget_keyring_key(path)


class _Texts(QObject):
    """The progress dialog's and failure's words for each conversion (a context for the translator)."""

    def rekey_job(self) -> ConversionJob:
        return ConversionJob(self.tr("Changing the database key"),
                             self.tr("Encrypting the database with its new key; your notes stay as they are "
                                     "until it is done."),
                             self.tr("Key not changed"),
                             self.tr("The database key could not be changed (%1); the database was not changed."))

    def decrypt_job(self) -> ConversionJob:
        return ConversionJob(self.tr("Removing the protection"),
                             self.tr("Writing the database without encryption; your notes stay as they are "
                                     "until it is done."),
                             self.tr("Protection not removed"),
                             self.tr("The protection could not be removed (%1); the database was not changed."))


def rekey_app(app: Any, new: DbKey, old: DbKey | None = None) -> ConversionJob:
    """Encrypt the app's open database with ``new`` instead of ``old`` (default: the key it is open with)."""
    path, current = app.db.path, open_key(app)
    old_key = old or current
    return run_conversion(app, _Texts().rekey_job(), lambda progress, cancelled: rekey_file(
        path, old_key, new, progress=progress, cancelled=cancelled), new_key=new, old_key=current)


def decrypt_app(app: Any, old: DbKey | None = None) -> ConversionJob:
    """Write the app's open database back as a plain SQLite file (the user confirmed it)."""
    path, current = app.db.path, open_key(app)
    old_key = old or current
    return run_conversion(app, _Texts().decrypt_job(), lambda progress, cancelled: decrypt_file(
        path, old_key, progress=progress, cancelled=cancelled), new_key=None, old_key=current)


def _start(app: Any, dialog: RekeyDialog | RemoveProtectionDialog, start: Callable[[], ConversionJob]) -> None:
    def chosen() -> None:
        try:
            dialog.job = start()
        except UserError as err:  # nothing was started
            plain_message(app.window, QMessageBox.Icon.Warning, dialog.windowTitle(), str(err))

    dialog.accepted.connect(chosen)
    dialog.open()


def ask_to_rekey(app: Any, parent: QWidget | None = None) -> RekeyDialog | None:
    """The :class:`RekeyDialog` (window-modal, non-blocking); on Change key, once the present key is
    confirmed, :func:`rekey_app` from that key."""
    if database_kind(app) != "encrypted":
        return None
    dialog = RekeyDialog(app.db.path, open_key(app), parent or app.window)
    _start(app, dialog, lambda: rekey_app(app, dialog.chosen_key(), old=dialog.present_key()))
    return dialog


def ask_to_remove(app: Any, parent: QWidget | None = None) -> RemoveProtectionDialog | None:
    """The :class:`RemoveProtectionDialog`; on confirmation, :func:`decrypt_app`."""
    if database_kind(app) != "encrypted":
        return None
    dialog = RemoveProtectionDialog(app.db.path, open_key(app), parent or app.window)
    _start(app, dialog, lambda: decrypt_app(app, old=dialog.present_key()))
    return dialog


def _coordinator_busy(app: Any) -> bool:
    """True while the coordinator's window works on the app's database (its file must not be replaced then)."""
    coordinator = getattr(getattr(app, "window", None), "coordinator", None)
    return bool(coordinator is not None and coordinator.view.busy)


class DatabaseMenu(QObject):
    """File → Encrypt / Change database password / Remove protection, enabled only where they apply.

    ``app_of(window)`` gives the app whose database ``window`` (the parent) works on, or None (a
    coordinator's own registry: converted with ``visitapp db``).  It is given the window rather than
    holding it, so that no reference cycle keeps a replaced window alive.  ``protect``: the window's own Encrypt action
    (enabled unless the database is encrypted), else one is made here (enabled on a plain file).
    """

    def __init__(self, menu: QMenu, app_of: Callable[[Any], Any], parent: QWidget,
                 protect: QAction | None = None) -> None:
        super().__init__(parent)
        self.app_of = app_of
        self.own_protect = protect is None
        if protect is None:
            protect = QAction(self.tr("&Encrypt this database…"), parent)
            protect.setObjectName("encryptDatabase")
            protect.triggered.connect(self._protect)
            menu.addAction(protect)
        self.protect = protect
        self.rekey = QAction(self.tr("Change database &password…"), parent)
        self.rekey.setObjectName("rekeyDatabase")
        self.rekey.triggered.connect(self._rekey)
        self.remove = QAction(self.tr("Re&move protection…"), parent)
        self.remove.setObjectName("decryptDatabase")
        self.remove.triggered.connect(self._remove)
        menu.addActions([self.rekey, self.remove])
        menu.aboutToShow.connect(self.refresh)
        self.dialog: QDialog | None = None  # the last dialog opened from these items
        self.refresh()

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def _app(self) -> Any:
        return self.app_of(self.parent())

    def refresh(self) -> None:
        app = self._app()
        kind = database_kind(app) if app is not None else None
        if _coordinator_busy(app):  # a merge, report or erasure is using the database: not now
            kind = "busy"
        self.protect.setEnabled(kind == "plain" if self.own_protect else kind not in ("encrypted", "busy"))
        self.rekey.setEnabled(kind == "encrypted")
        self.remove.setEnabled(kind == "encrypted")

    def _protect(self) -> None:
        from visitapp.ui.protect_dialog import ask_to_protect

        app = self._app()
        if app is not None:
            self.dialog = ask_to_protect(app)

    def _rekey(self) -> None:
        app = self._app()
        if app is not None:
            self.dialog = ask_to_rekey(app, self._window())

    def _remove(self) -> None:
        app = self._app()
        if app is not None:
            self.dialog = ask_to_remove(app, self._window())
