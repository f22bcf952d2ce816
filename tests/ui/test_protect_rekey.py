"""Changing the database's key and removing its protection from the window (issue 12).

Real encrypted files (SQLCipher 4), a real file keyring, the real conversion on the app's DB
worker behind its progress dialog, driven through the File menu as a user would.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from sqlalchemy import text

from visitapp.db import Database
from visitapp.db.engines import sqlcipher
from visitapp.db.engines.sqlcipher import DbKey, WrongKey
from visitapp.services import Identity, Services

SQLITE_MAGIC = b"SQLite format 3\x00"
OLD = "stare hasło wizyt"
NEW = "Nowe, długie hasło 2026!"
DRAFTS = 2_000  # drafts carried through every conversion (~0.7 MB)


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch, tmp_path):
    """A real keyring in a file of this test (never the desktop's)."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def enc_template(tmp_path_factory):
    """The demo series in a database encrypted with the passphrase OLD, plus stored drafts (made once)."""
    from visitapp.demo import create_demo

    path = tmp_path_factory.mktemp("template") / "notatki.db"
    with Database.open(path, key=DbKey(passphrase=OLD)) as db:
        create_demo(Services(db, Identity("t")))
        with db.core_write() as conn:
            visit = conn.execute(text("SELECT id FROM visits ORDER BY id LIMIT 1")).scalar_one()
            conn.execute(text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
                "INSERT INTO drafts (visit_id, key, text, data, updated_at) "
                "SELECT :visit, 'note:' || i, hex(randomblob(150)), '{}', '2026-03-17 10:00:00' FROM n"),
                {"count": DRAFTS, "visit": visit})
    return path


@pytest.fixture
def enc_db(tmp_path, enc_template):
    """A copy of the template for one test (closed cleanly: no -wal beside it)."""
    assert not enc_template.with_name(enc_template.name + "-wal").exists()  # the whole database is in the file
    path = tmp_path / "notatki.db"
    shutil.copyfile(enc_template, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def app(qapp, qtbot, enc_db, settings):
    """The window on the encrypted database, opened with its passphrase (as ``gui --db-pass-env`` does)."""
    from visitapp.ui.app import Application
    from visitapp.ui.protect_dialog import set_start_key

    set_start_key(DbKey(passphrase=OLD))
    application = Application(qapp, enc_db, settings)
    application.window.show()
    qtbot.waitExposed(application.window)
    yield application
    application.worker.wait()
    application.replacing = True
    application.window.close()
    application.shutdown()


def _menu_state(window) -> dict[str, bool]:
    window.database_menu.refresh()
    return {name: window.findChild(QAction, name).isEnabled()
            for name in ("encryptDatabase", "rekeyDatabase", "decryptDatabase")}


def _counts(path, key: DbKey | None) -> tuple[int, int]:
    """(visits, drafts) read back from the file with ``key`` (None: plain SQLite, read by Python's sqlite3)."""
    if key is None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return (conn.execute("SELECT count(*) FROM visits").fetchone()[0],
                    conn.execute("SELECT count(*) FROM drafts").fetchone()[0])
        finally:
            conn.close()
    with Database.open(path, create=False, key=key) as db, db.read() as s:
        return (s.execute(text("SELECT count(*) FROM visits")).scalar_one(),
                s.execute(text("SELECT count(*) FROM drafts")).scalar_one())


def _close_app_db(app) -> None:
    app.worker.wait()
    app.db.close()


def _reopen_app_db(app, key: DbKey | None) -> None:
    """Give the fixture an open database to close again (the test closed it to read the file)."""
    app.db = Database.open(app.db.path, create=False, key=key)
    app._svc = Services(app.db, Identity("t"))


def test_rekey_from_the_menu_then_only_the_new_passphrase_opens(qtbot, app, enc_db):
    window = app.window
    assert _menu_state(window) == {"encryptDatabase": False, "rekeyDatabase": True, "decryptDatabase": True}
    window.findChild(QAction, "rekeyDatabase").trigger()
    dialog = window.database_menu.dialog
    assert dialog is not None and dialog.isVisible() and dialog.keyring.isChecked()  # the recommended choice
    dialog.passphrase_choice.setChecked(True)
    dialog.first.setText("krótkie")
    assert dialog.hint.text() == "At least 8 characters."
    dialog.first.setText(NEW)
    assert dialog.hint.text() == "Strong."
    dialog.second.setText(NEW + "x")
    dialog.change_button.click()
    assert dialog.isVisible() and dialog.problem.text() == "The two passphrases differ."
    assert not enc_db.read_bytes().startswith(SQLITE_MAGIC) and dialog.job is None  # nothing started
    dialog.second.setText(NEW)
    before = enc_db.read_bytes()
    for present, said in (("", "Type the present passphrase of the database."),
                          (OLD + " ", "The present passphrase is not right; nothing was changed.")):
        dialog.present.passphrase.setText(present)
        with qtbot.waitSignal(dialog.present.checked) as checked:
            dialog.change_button.click()
        assert checked.args == [False] and dialog.problem.text() == said
        assert dialog.isVisible() and dialog.job is None and dialog.change_button.isEnabled()
    assert enc_db.read_bytes() == before  # a wrong present passphrase changes nothing
    dialog.present.passphrase.setText(OLD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.change_button.click()
    job = dialog.job
    with qtbot.waitSignal(job.finished, timeout=60_000) as done:
        pass
    assert done.args == [True]
    total = job.values[-1][1]
    assert job.values[0] == (0, total) and job.values[-1] == (total, total)  # the progress dialog was fed
    assert app.window is not window and app.window.isVisible()  # rebuilt on the rekeyed database
    assert type(app.db.backend).__name__ == "SQLCipherBackend"
    assert app.window.list_panel.visits.topLevelItemCount() == 3
    assert _menu_state(app.window) == {"encryptDatabase": False, "rekeyDatabase": True, "decryptDatabase": True}
    assert not enc_db.read_bytes().startswith(SQLITE_MAGIC)
    assert sqlcipher.keyring_key(enc_db) is None  # a passphrase: nothing kept in the keyring
    _close_app_db(app)
    with pytest.raises(WrongKey):  # the old passphrase is refused
        Database.open(enc_db, create=False, key=DbKey(passphrase=OLD))
    assert _counts(enc_db, DbKey(passphrase=NEW)) == (3, DRAFTS)
    _reopen_app_db(app, DbKey(passphrase=NEW))


def test_rekey_to_a_key_in_the_keyring(qtbot, app, enc_db):
    from visitapp.ui.rekey_dialog import ask_to_rekey

    dialog = ask_to_rekey(app)
    dialog.keyring.setChecked(True)
    assert not dialog.first.isEnabled() and not dialog.hint.isEnabled()
    assert dialog.present.passphrase.isVisibleTo(dialog) and not dialog.present.confirm.isVisibleTo(dialog)
    dialog.present.passphrase.setText(OLD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.change_button.click()
    with qtbot.waitSignal(dialog.job.finished, timeout=60_000) as done:
        pass
    assert done.args == [True]
    kept = sqlcipher.keyring_key(enc_db)
    assert kept is not None
    _close_app_db(app)
    with pytest.raises(WrongKey):
        Database.open(enc_db, create=False, key=DbKey(passphrase=OLD))
    assert _counts(enc_db, kept) == (3, DRAFTS)
    _reopen_app_db(app, kept)


def test_remove_protection_after_a_warning_gives_a_plain_sqlite_file(qtbot, app, enc_db):
    sqlcipher.store_keyring_key(enc_db, DbKey.new_raw())  # a stale entry, as a keyring user may have
    window = app.window
    window.findChild(QAction, "decryptDatabase").trigger()
    dialog = window.database_menu.dialog
    assert dialog is not None and dialog.isVisible()
    warning = dialog.findChild(QLabel, "removeWarning")
    assert "anyone with access to this laptop" in warning.text()
    assert not dialog.remove_button.isDefault()  # Enter keeps the protection
    dialog.reject()
    assert not enc_db.read_bytes().startswith(SQLITE_MAGIC)  # Cancel changes nothing
    window.findChild(QAction, "decryptDatabase").trigger()
    dialog = window.database_menu.dialog
    dialog.present.passphrase.setText("nie to hasło")
    with qtbot.waitSignal(dialog.present.checked) as checked:
        dialog.remove_button.click()
    assert checked.args == [False] and dialog.isVisible() and dialog.job is None
    assert dialog.problem.text() == "The present passphrase is not right; nothing was changed."
    assert not enc_db.read_bytes().startswith(SQLITE_MAGIC)
    dialog.present.passphrase.setText(OLD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.remove_button.click()
    with qtbot.waitSignal(dialog.job.finished, timeout=60_000) as done:
        pass
    assert done.args == [True]
    assert enc_db.read_bytes()[:16] == SQLITE_MAGIC
    assert type(app.db.backend).__name__ == "SQLiteBackend"
    assert sqlcipher.keyring_key(enc_db) is None  # nothing left to open
    assert _menu_state(app.window) == {"encryptDatabase": True, "rekeyDatabase": False, "decryptDatabase": False}
    _close_app_db(app)
    assert _counts(enc_db, None) == (3, DRAFTS)  # any SQLite reads it now
    _reopen_app_db(app, None)


@pytest.mark.parametrize("conversion", ["rekey", "decrypt"])
def test_cancel_leaves_the_file_and_the_keyring_as_they_were(qtbot, app, enc_db, conversion):
    from visitapp.ui.rekey_dialog import decrypt_app, rekey_app

    before = sqlcipher.keyring_key(enc_db)
    assert before is None
    job = rekey_app(app, DbKey.new_raw()) if conversion == "rekey" else decrypt_app(app)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.isVisible()
    cancel.click()  # as a user would, while the worker copies
    with qtbot.waitSignal(job.finished, timeout=60_000) as done:
        pass
    assert done.args == [False]
    assert not job.dialog.isVisible()
    assert not enc_db.read_bytes().startswith(SQLITE_MAGIC)
    assert sorted(p.name for p in enc_db.parent.iterdir() if "converting" in p.name) == []
    assert sqlcipher.keyring_key(enc_db) is None  # the new raw key was taken out again
    assert type(app.db.backend).__name__ == "SQLCipherBackend" and app.window.isVisible()
    assert app.window.list_panel.visits.topLevelItemCount() == 3  # reopened with its key as it was
    _close_app_db(app)
    assert _counts(enc_db, DbKey(passphrase=OLD)) == (3, DRAFTS)
    _reopen_app_db(app, DbKey(passphrase=OLD))


def _read_message(seen: list[str]) -> None:
    """Read the message box that opens next and close it, as a user would."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, look)


@pytest.mark.parametrize("trouble", ["wrong old passphrase", "locked"])
def test_a_failed_rekey_is_one_sentence_and_changes_nothing(qtbot, app, enc_db, trouble):
    from visitapp.ui.rekey_dialog import rekey_app

    holder = None
    old = None
    if trouble == "locked":  # another program holds the file open, reading
        holder = sqlcipher.connect(enc_db, DbKey(passphrase=OLD))
        holder.execute("BEGIN")
        holder.execute("SELECT count(*) FROM visits").fetchone()
    else:
        old = DbKey(passphrase="nie to hasło")
    seen: list[str] = []
    _read_message(seen)
    try:
        job = rekey_app(app, DbKey(passphrase=NEW), old=old)
        with qtbot.waitSignal(job.finished, timeout=60_000) as done:
            pass
    finally:
        if holder is not None:
            holder.close()
    assert done.args == [False]
    assert len(seen) == 1
    expected = "is in use by another program" if trouble == "locked" else "does not open the database"
    assert expected in seen[0] and "Traceback" not in seen[0] and seen[0].count(". ") <= 1, seen
    assert type(app.db.backend).__name__ == "SQLCipherBackend" and app.window.isVisible()
    _close_app_db(app)
    with pytest.raises(WrongKey):
        Database.open(enc_db, create=False, key=DbKey(passphrase=NEW))
    assert _counts(enc_db, DbKey(passphrase=OLD)) == (3, DRAFTS)
    _reopen_app_db(app, DbKey(passphrase=OLD))


def test_a_plain_database_offers_only_encryption(gui):
    assert _menu_state(gui.window) == {"encryptDatabase": True, "rekeyDatabase": False, "decryptDatabase": False}
    from visitapp.ui.rekey_dialog import ask_to_rekey, ask_to_remove

    assert ask_to_rekey(gui) is None and ask_to_remove(gui) is None
    from visitapp.ui.protect_dialog import ask_to_protect

    dialog = ask_to_protect(gui)  # the same strength hint when a passphrase is chosen to encrypt
    dialog.passphrase_choice.setChecked(True)
    dialog.first.setText("abc")
    assert dialog.hint.isEnabled() and dialog.hint.text() == "At least 8 characters."
    dialog.reject()


def test_the_coordinator_window_offers_the_same_items(qtbot, app):
    app.window.show_coordinator()
    coordinator = app.window.coordinator
    coordinator.database_menu.refresh()
    states = {name: coordinator.findChild(QAction, name).isEnabled()
              for name in ("encryptDatabase", "rekeyDatabase", "decryptDatabase")}
    assert states == {"encryptDatabase": False, "rekeyDatabase": True, "decryptDatabase": True}
    coordinator.findChild(QAction, "rekeyDatabase").trigger()
    dialog = coordinator.database_menu.dialog
    assert dialog is not None and dialog.isVisible() and dialog.parent() is coordinator
    dialog.reject()


def test_nothing_is_converted_while_the_coordinator_merges(qtbot, app, tmp_path):
    app.window.show_coordinator()
    view = app.window.coordinator.view
    files = []
    for n in range(3):  # not minutes: each is verified, then rejected with its reason
        files.append(tmp_path / f"protokol-{n}.pdf")
        files[-1].write_bytes(b"%PDF-1.7\n% not really minutes\n%%EOF\n")
    view.merge.add_paths(files)
    assert view.busy
    assert _menu_state(app.window) == {"encryptDatabase": False, "rekeyDatabase": False, "decryptDatabase": False}
    qtbot.waitUntil(lambda: not view.busy, timeout=60_000)
    assert _menu_state(app.window) == {"encryptDatabase": False, "rekeyDatabase": True, "decryptDatabase": True}


def test_a_key_kept_in_the_keyring_is_replaced_only_when_confirmed(qtbot, qapp, tmp_path, enc_db, settings):
    """Open with its random key from the keyring: no passphrase to type, a box to tick; the keyring is read again."""
    from visitapp.db import convert
    from visitapp.ui.app import Application
    from visitapp.ui.rekey_dialog import ask_to_rekey

    kept = DbKey.new_raw()
    sqlcipher.store_keyring_key(enc_db, kept)
    convert.rekey(enc_db, DbKey(passphrase=OLD), kept)
    application = Application(qapp, enc_db, settings)  # finds its key in the keyring, asks nothing
    try:
        application.window.show()
        qtbot.waitExposed(application.window)
        dialog = ask_to_rekey(application)
        assert dialog.present.confirm.isVisibleTo(dialog) and not dialog.present.passphrase.isVisibleTo(dialog)
        dialog.passphrase_choice.setChecked(True)  # (a new random key in the keyring is the default)
        dialog.first.setText(NEW)
        dialog.second.setText(NEW)
        with qtbot.waitSignal(dialog.present.checked) as checked:
            dialog.change_button.click()
        assert checked.args == [False] and dialog.job is None
        assert dialog.problem.text() == "Tick the box to confirm that the key in the keyring is replaced."
        sqlcipher.store_keyring_key(enc_db, DbKey.new_raw())  # the keyring changed behind the window's back
        dialog.present.confirm.setChecked(True)
        with qtbot.waitSignal(dialog.present.checked) as checked:
            dialog.change_button.click()
        assert checked.args == [False] and dialog.job is None
        assert "no longer holds this database's key" in dialog.problem.text()
        sqlcipher.store_keyring_key(enc_db, kept)
        with qtbot.waitSignal(dialog.accepted):
            dialog.change_button.click()
        with qtbot.waitSignal(dialog.job.finished, timeout=60_000) as done:
            pass
        assert done.args == [True]
        assert sqlcipher.keyring_key(enc_db) is None  # now a passphrase: the old random key is gone
        application.worker.wait()
        application.db.close()
        with pytest.raises(WrongKey):
            Database.open(enc_db, create=False, key=kept)
        assert _counts(enc_db, DbKey(passphrase=NEW)) == (3, DRAFTS)
        application.db = Database.open(enc_db, create=False, key=DbKey(passphrase=NEW))
    finally:
        application.worker.wait()
        application.replacing = True
        application.window.close()
        application.shutdown()


def test_a_full_disk_while_changing_the_key_is_one_sentence_and_the_window_goes_on(qtbot, qapp, tmp_path, enc_template,
                                                                                    settings):
    """The database on a real tiny disk that holds it once, not twice: the copy cannot be written."""
    from tests.tiny_fs import tiny_fs
    from visitapp.ui.app import Application
    from visitapp.ui.protect_dialog import set_start_key
    from visitapp.ui.rekey_dialog import ask_to_rekey

    size_k = enc_template.stat().st_size * 3 // 2 // 1024
    with tiny_fs(tmp_path / "tiny", f"{size_k}k") as tiny:
        path = tiny / "notatki.db"
        shutil.copyfile(enc_template, path)
        path.chmod(0o600)
        before = path.read_bytes()
        set_start_key(DbKey(passphrase=OLD))
        application = Application(qapp, path, settings)
        try:
            application.window.show()
            qtbot.waitExposed(application.window)
            dialog = ask_to_rekey(application)
            dialog.present.passphrase.setText(OLD)
            dialog.first.setText(NEW)
            dialog.second.setText(NEW)
            seen: list[str] = []
            with qtbot.waitSignal(dialog.accepted):
                dialog.change_button.click()
            _read_message(seen)
            with qtbot.waitSignal(dialog.job.finished, timeout=60_000) as done:
                pass
            assert done.args == [False]
            qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
            assert seen == [f"The disk holding {path} is full: the converted copy needs as much free space as the "
                            "database; it was not changed."]
            assert type(application.db.backend).__name__ == "SQLCipherBackend" and application.window.isVisible()
            assert application.window.list_panel.visits.topLevelItemCount() == 3  # reopened with its old key
            assert sorted(p.name for p in tiny.iterdir() if "converting" in p.name) == []
            application.worker.wait()
            application.db.close()
            assert path.read_bytes() == before
            assert _counts(path, DbKey(passphrase=OLD)) == (3, DRAFTS)
            application.db = Database.open(path, create=False, key=DbKey(passphrase=OLD))
        finally:
            application.worker.wait()
            application.replacing = True
            application.window.close()
            application.shutdown()
