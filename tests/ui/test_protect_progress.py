"""Encrypting the open database from the window shows real progress and can be cancelled (issue 12).

The conversion runs on the app's DB worker; its progress reaches a QProgressDialog on the GUI
thread; Cancel stops it with the original file untouched.  Real files, a real SQLCipher conversion.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import text

from visitapp.db import Database
from visitapp.db.engines.sqlcipher import DbKey, WrongKey
from visitapp.services import Identity, Services

SQLITE_MAGIC = b"SQLite format 3\x00"
PASS = "hasło do postępu"
DRAFTS = 15_000  # ~6 MB of drafts: the copy spills to its file several times, so progress shows in steps


@pytest.fixture
def big_db(tmp_path):
    """The demo series plus 15,000 stored drafts (typed text, 300 characters each): a file of several MB."""
    from visitapp.demo import create_demo

    path = tmp_path / "duza.db"
    with Database.open(path) as db:
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
def app(qapp, qtbot, big_db, settings):
    from visitapp.ui.app import Application

    application = Application(qapp, big_db, settings)
    application.window.show()
    qtbot.waitExposed(application.window)
    yield application
    application.worker.wait()
    application.replacing = True
    application.window.close()
    application.shutdown()


def _drafts(path, key=None) -> int:
    if key is None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM drafts").fetchone()[0]
        finally:
            conn.close()
    with Database.open(path, create=False, key=key) as db, db.read() as s:
        return s.execute(text("SELECT count(*) FROM drafts")).scalar_one()


def test_progress_arrives_and_the_dialog_closes_when_the_file_is_encrypted(qtbot, app, big_db):
    from visitapp.ui.protect_dialog import protect_app

    old_window = app.window
    job = protect_app(app, DbKey(passphrase=PASS))
    assert job.dialog.isVisible() and job.dialog.isModal()
    with qtbot.waitSignal(job.finished, timeout=120_000) as done:
        pass
    assert done.args == [True]
    values = job.values
    total = values[-1][1]
    assert values[0] == (0, total) and values[-1] == (total, total)
    assert all(t == total for _d, t in values)
    assert [d for d, _t in values] == sorted({d for d, _t in values})  # rising, never twice the same
    assert any(0 < d < total * 0.8 for d, _t in values), values  # seen while the copy grew, not only at the end
    assert not job.dialog.isVisible()
    assert app.window is not old_window and app.window.isVisible()
    header = big_db.read_bytes()[:16]
    assert header != SQLITE_MAGIC
    assert type(app.db.backend).__name__ == "SQLCipherBackend"
    app.worker.wait()
    app.db.close()
    with pytest.raises(WrongKey):  # only its passphrase opens it
        Database.open(big_db, create=False, key=DbKey(passphrase="inne"))
    assert _drafts(big_db, DbKey(passphrase=PASS)) == DRAFTS


def test_cancel_leaves_the_original_untouched(qtbot, app, big_db):
    from visitapp.ui.protect_dialog import protect_app

    job = protect_app(app, DbKey(passphrase=PASS))
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.isVisible()
    cancel.click()  # as a user would, while the worker copies
    assert job.cancel_requested.is_set()
    with qtbot.waitSignal(job.finished, timeout=120_000) as done:
        pass
    assert done.args == [False]
    assert not job.dialog.isVisible()
    assert big_db.read_bytes()[:16] == SQLITE_MAGIC  # still the plain file
    leftovers = sorted(p.name for p in big_db.parent.iterdir() if "converting" in p.name)
    assert leftovers == []
    assert type(app.db.backend).__name__ == "SQLiteBackend"  # reopened as it was
    assert app.window.isVisible()
    app.worker.wait()
    app.db.close()
    assert _drafts(big_db) == DRAFTS
