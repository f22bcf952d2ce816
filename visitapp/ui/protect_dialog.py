"""The encrypted database in the desktop app: asking for its passphrase, and offering to protect it.

* :func:`open_database` opens the app's database; an encrypted one takes its key
  from the keyring, else asks for the passphrase in a :class:`PassphraseDialog`
  (a wrong one: asked again; Cancel: one sentence, the app does not start).  The
  passphrase lives only in memory, never in settings.
* :class:`ProtectDialog` offers to encrypt a plain database (on first start, and
  from the File menus), recommending a random key kept in the operating
  system's keyring; :func:`protect_app` then encrypts the open database in place
  (``visitapp.db.convert``: a checked copy, then a replace) on the DB worker, with
  a progress dialog fed by the conversion and a Cancel that leaves the original
  as it was, and reopens it.
* ``visitapp gui --db-pass-env VAR``: :func:`set_start_key` hands the passphrase to
  the first :func:`open_database` of the run (the database the window starts on):
  it opens with it, or is created encrypted with it, and nothing is asked.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from visitapp.db import Database
from visitapp.db.engines.sqlcipher import DbKey, WrongKey, keyring_key, missing_key
from visitapp.errors import UserError
from visitapp.ui.safe_text import plain_message

#: Settings key remembering that the first-start offer was made (shown once).
OFFERED_KEY = "data/protection_offered"

log = logging.getLogger(__name__)

# The key given on the command line (``gui --db-pass-env``), for the database the window starts on.
_start_key: list[DbKey] = []


def set_start_key(key: DbKey | None) -> None:
    """The next :func:`open_database` (the app's own database, at start) uses ``key`` and asks nothing."""
    _start_key.clear()
    if key is not None:
        _start_key.append(key)


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
    A key given with :func:`set_start_key` is used (once) instead: it opens the file, or creates
    it encrypted; a wrong one is one sentence, as on the command line.
    """
    if _start_key:
        return Database.open(target, create=create, key=_start_key.pop())
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
        from visitapp.ui.key_choice import KeyChoice  # the same choice as when changing the key

        self.choice = KeyChoice(self, layout, (
            self.tr("Keep a random key in this computer's keyring (recommended)"),
            self.tr("Use a passphrase that I type at every start"),
            self.tr("Passphrase:"), self.tr("Repeat:")), keyring_first=True, problem_name="protectProblem")
        self.keyring, self.passphrase_choice = self.choice.keyring, self.choice.passphrase_choice
        self.first, self.second, self.hint = self.choice.first, self.choice.second, self.choice.hint
        self.problem = self.choice.problem
        buttons = QDialogButtonBox(self)
        self.protect_button = buttons.addButton(self.tr("&Encrypt"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.protect_button.setObjectName("encrypt")
        later = buttons.addButton(self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("notNow")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.job: ConversionJob | None = None  # the conversion started by Encrypt

    def _accept(self) -> None:
        if self.choice.ready(self.tr("Type a passphrase, or choose the keyring."),
                             self.tr("The two passphrases differ.")):
            self.accept()

    def chosen_key(self) -> DbKey:
        """A new random key (kept in the keyring by :func:`protect_file`) or the typed passphrase."""
        return self.choice.chosen_key()


def protect_file(path: Path, key: DbKey, *, progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
    """Encrypt the closed database ``path`` in place with ``key`` (a raw key goes to the keyring first).

    ``progress`` and ``cancelled`` as in ``visitapp.db.convert``: a cancelled or failed conversion
    leaves the file as it was and the keyring as it was.
    """
    from visitapp.db import convert
    from visitapp.db.engines import sqlcipher

    if key.raw is None:
        convert.encrypt(path, key, progress=progress, cancelled=cancelled)
        return
    previous = keyring_key(path)
    sqlcipher.store_keyring_key(path, key)
    try:
        convert.encrypt(path, key, progress=progress, cancelled=cancelled)
    except BaseException:
        if previous is not None:
            sqlcipher.store_keyring_key(path, previous)
        else:
            sqlcipher.forget_keyring_key(path)
        raise


class ConversionJob(QObject):
    """One conversion of the app's database on its DB worker, shown in a :class:`QProgressDialog`.

    ``progressed(done, total)`` arrives on the GUI thread as the conversion reports it; Cancel
    asks the conversion to stop (the original stays untouched); ``finished(ok)`` follows once
    the database is open again (encrypted when ``ok``) and the window rebuilt on it.
    """

    progressed = Signal(int, int)
    finished = Signal(bool)

    def __init__(self, title: str = "", label: str = "", failure_title: str = "", failure: str = "") -> None:
        # No parent: the window it covers is replaced when the conversion ends.
        super().__init__(None)
        # The texts of another conversion (rekey, decrypt: visitapp/ui/rekey_dialog.py), else encrypting's.
        # ``failure`` is the sentence for an unexpected error, with %1 for its kind.
        self.failure_title = failure_title or self.tr("Not encrypted")
        self.failure = failure or self.tr("The database could not be encrypted (%1); it was not changed.")
        self.cancel_requested = threading.Event()
        self.dialog = QProgressDialog()
        self.dialog.setObjectName("conversionProgress")
        self.dialog.setWindowTitle(title or self.tr("Encrypting the database"))
        self.dialog.setLabelText(label or self.tr(
            "Encrypting the database; your notes stay as they are until it is done."))
        self.dialog.setCancelButtonText(self.tr("&Cancel"))
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # nothing reaches the database meanwhile
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(0)
        self.dialog.setRange(0, 0)  # busy until the first figure arrives
        self.dialog.canceled.connect(self._cancel)
        self.progressed.connect(self._show)  # queued: emitted on the DB worker
        self.values: list[tuple[int, int]] = []  # what the dialog was shown, in order

    def _show(self, done: int, total: int) -> None:
        self.values.append((done, total))
        if self.dialog.maximum() != total:
            self.dialog.setRange(0, total)
        self.dialog.setValue(done)

    def _cancel(self) -> None:
        self.cancel_requested.set()
        self.dialog.setLabelText(self.tr("Cancelling; the database stays as it was…"))

    def tell_failure(self, window: QWidget, err: BaseException, *, critical: bool = False) -> None:
        """The reason the database was not converted, in one sentence (a cancel needs none)."""
        if _cancelled(err):
            return
        if isinstance(err, UserError):
            sentence = str(err)
        elif isinstance(err, OSError):  # disk full, permissions: the system's reason
            sentence = self.failure.replace("%1", err.strerror or type(err).__name__)
        else:
            log.error("converting the database failed", exc_info=err)
            sentence = self.failure.replace("%1", type(err).__name__)
        icon = QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning
        plain_message(window, icon, self.failure_title, sentence)

    def close(self) -> None:
        self.dialog.canceled.disconnect(self._cancel)
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()


def protect_app(app, key: DbKey) -> ConversionJob:  # visitapp.ui.app.Application
    """Encrypt the app's open database in place on its DB worker and reopen it; the window is rebuilt on it.

    The GUI thread stays free: it shows the conversion's progress in an application-modal
    dialog (no typing, timer or menu reaches the database between the copy and the replace),
    whose Cancel stops the conversion with the original untouched.  A failure reopens the
    database as it was and says why in one sentence.  Returns the running job.
    """
    path = app.db.path
    return run_conversion(app, ConversionJob(), lambda progress, cancelled: protect_file(
        path, key, progress=progress, cancelled=cancelled), new_key=key, old_key=None)


def run_conversion(app, job: ConversionJob,
                   convert: Callable[[Callable[[int, int], None], Callable[[], bool]], None], *,
                   new_key: DbKey | None, old_key: DbKey | None) -> ConversionJob:
    """Run ``convert(progress, cancelled)`` on the app's closed database, on its DB worker, shown by ``job``.

    Afterwards the database is reopened with ``new_key`` (None: a plain file), or, when the
    conversion failed or was cancelled, with ``old_key`` as it was; the window is rebuilt on it.
    """
    from visitapp.services import Services

    path = app.db.path
    old_db = app.db
    app.window.capture.flush()
    app.worker.wait()  # every queued write is in the file before it is copied
    job.dialog.show()

    def work() -> tuple[Database, BaseException | None]:  # on the DB worker: the one writer
        old_db.close()
        try:
            convert(job.progressed.emit, job.cancel_requested.is_set)
        except BaseException as err:  # reopened as it was; the reason is shown on the GUI thread
            return Database.open(path, create=False, key=old_key), err
        return Database.open(path, create=False, key=new_key), None

    def done(result: tuple[Database, BaseException | None]) -> None:
        db, err = result
        app.db = db
        app._svc = Services(db, app.settings.identity())
        _rebuild_window(app)
        job.close()  # after the new window is shown: some window is always open (closing the last one quits)
        if err is not None:
            job.tell_failure(app.window, err)
        job.finished.emit(err is None)

    def failed(err: BaseException) -> None:  # not even the old file reopens: the window cannot go on
        job.close()
        job.tell_failure(app.window, err, critical=True)
        job.finished.emit(False)
        app.window.close()

    app.worker.submit(work, done, failed)
    return job


def _cancelled(err: BaseException) -> bool:
    from visitapp.db.convert import ConversionCancelled

    return isinstance(err, ConversionCancelled)


def _rebuild_window(app) -> None:
    """A new main window over ``app.db`` (its services hold the new database), on the visit that was open."""
    from visitapp.ui.main_window import MainWindow

    old = app.window
    visit = old.capture.visit.id if old.capture.visit else None
    app.replacing = True
    old.close()
    app.replacing = False
    app.window = MainWindow(app)
    if visit:
        app.window.open_visit(visit)
    app.window.show()
    old.deleteLater()


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
            dialog.job = protect_app(app, dialog.chosen_key())
        except UserError as err:  # nothing was started
            plain_message(app.window, QMessageBox.Icon.Warning, title, str(err))

    dialog.accepted.connect(chosen)
    dialog.open()
    return dialog
