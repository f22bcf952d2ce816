"""The desktop app and the encrypted database: it asks for the passphrase, and offers to encrypt (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from visitapp.db import Database
from visitapp.db.engines import sqlcipher
from visitapp.db.engines.sqlcipher import DbKey, KeyMissing
from visitapp.services import Identity, Services

SQLITE_MAGIC = b"SQLite format 3\x00"
PASS = "hasło wizyt"


def _file_keyring(monkeypatch, tmp_path):
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    return lambda: keyring.set_keyring(previous)


def _answer_dialogs(qtbot, answers: list[str | None], seen: list[str]) -> None:
    """Fill each passphrase dialog that opens with the next answer (None: Cancel), as a user would."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "passphraseDialog":
            QTimer.singleShot(20, answer)
            return
        error = dialog.findChild(type(dialog.error), "passphraseError")
        seen.append(error.text() if error.isVisible() else "")
        text = answers.pop(0)
        if text is None:
            dialog.reject()
            return
        dialog.findChild(QLineEdit, "passphrase").setText(text)
        dialog.accept()
        if answers:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)


def test_encrypted_database_asks_again_after_a_wrong_passphrase(qtbot, qapp, tmp_path, settings):
    from visitapp.ui.app import Application

    path = tmp_path / "enc.db"
    with Database.open(path, key=DbKey(passphrase=PASS)) as db:
        from visitapp.demo import create_demo

        ids = create_demo(Services(db, Identity("t")))
    before = path.read_bytes()
    seen: list[str] = []
    _answer_dialogs(qtbot, ["zle", PASS], seen)
    app = Application(qapp, path, settings)
    try:
        assert seen == ["", "That passphrase does not open it; try again."]
        assert type(app.db.backend).__name__ == "SQLCipherBackend"
        assert app.window.list_panel.visits.topLevelItemCount() == len(ids)
        assert not settings.qs.allKeys() or all("pass" not in k.lower() for k in settings.qs.allKeys())
    finally:
        app.replacing = True
        app.window.close()
        app.shutdown()
    assert path.read_bytes()[:16] == before[:16]  # the same file (its salt), never re-encrypted


def test_cancel_is_one_sentence_and_nothing_opens(qtbot, qapp, tmp_path, settings):
    from visitapp.ui.app import Application

    path = tmp_path / "enc.db"
    Database.open(path, key=DbKey(passphrase=PASS)).close()
    before = path.read_bytes()
    seen: list[str] = []
    _answer_dialogs(qtbot, [None], seen)
    try:
        Application(qapp, path, settings)
    except KeyMissing as err:
        assert "is encrypted" in str(err)
    else:
        raise AssertionError("the app opened an encrypted database without its key")
    assert seen == [""]
    assert path.read_bytes() == before


def test_first_start_offers_encryption_with_the_keyring(qtbot, qapp, tmp_path, monkeypatch, gui):
    from visitapp.ui.protect_dialog import ProtectDialog, offer_protection

    restore = _file_keyring(monkeypatch, tmp_path)
    try:
        path = gui.db.path
        assert offer_protection(gui, first_start=False) is None
        dialog = offer_protection(gui, first_start=True)
        assert isinstance(dialog, ProtectDialog) and dialog.isVisible()
        assert dialog.keyring.isChecked()  # the recommended choice
        old_window = gui.window
        with qtbot.waitSignal(dialog.accepted):
            dialog.protect_button.click()
        with qtbot.waitSignal(dialog.job.finished, timeout=60_000) as done:  # converted on the DB worker
            pass
        assert done.args == [True]
        assert gui.window is not old_window
        assert not path.read_bytes().startswith(SQLITE_MAGIC)
        assert type(gui.db.backend).__name__ == "SQLCipherBackend"
        assert sqlcipher.keyring_key(path) is not None
        assert gui.window.list_panel.visits.topLevelItemCount() == 3  # the same data, reopened
        qtbot.waitExposed(gui.window)
        gui.db.close()
        with Database.open(path) as db:  # the key from the keyring, no question asked
            assert len(Services(db, Identity("t")).visits.list()) == 3
        gui.db = Database.open(path)
        gui._svc = Services(gui.db, Identity("t"))
    finally:
        restore()


def test_protect_with_a_passphrase_that_must_be_typed_twice(qtbot, qapp, tmp_path, gui):
    from visitapp.ui.protect_dialog import ask_to_protect

    dialog = ask_to_protect(gui)
    dialog.passphrase_choice.setChecked(True)
    dialog.first.setText(PASS)
    dialog.second.setText(PASS + "x")
    dialog.protect_button.click()
    assert dialog.isVisible() and dialog.problem.text() == "The two passphrases differ."
    assert gui.db.path.read_bytes().startswith(SQLITE_MAGIC)
    dialog.second.setText(PASS)
    with qtbot.waitSignal(dialog.accepted):
        dialog.protect_button.click()
    with qtbot.waitSignal(dialog.job.finished, timeout=60_000) as done:  # converted on the DB worker
        pass
    assert done.args == [True]
    path = gui.db.path
    assert not path.read_bytes().startswith(SQLITE_MAGIC)
    gui.db.close()
    with Database.open(path, key=DbKey(passphrase=PASS)) as db:
        assert len(Services(db, Identity("t")).visits.list()) == 3
    gui.db = Database.open(path, key=DbKey(passphrase=PASS))
    gui._svc = Services(gui.db, Identity("t"))


def test_the_coordinator_window_protects_the_registry_the_same_way(qtbot, gui):
    from PySide6.QtGui import QAction

    from visitapp.ui.protect_dialog import ProtectDialog

    gui.window.show_coordinator()
    action = gui.window.coordinator.findChild(QAction, "encryptDatabase")
    action.trigger()
    dialogs = [d for d in gui.window.findChildren(ProtectDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].keyring.isChecked()
    dialogs[0].reject()
    assert gui.db.path.read_bytes().startswith(SQLITE_MAGIC)  # "Not now" changes nothing
