"""An upgraded database's search backlog is analysed after the window is shown, on the DB worker (issue 15).

The database is real: notes written by visitapp, then their lemmas cleared by another program (as an upgrade
leaves them), so the index holds their typed words only until the app analyses them.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from sqlalchemy import insert, select

from tests.ui.app_session import close_app
from visitapp.db import Database
from visitapp.db import models as m
from visitapp.db.engines import sqlite_fts
from visitapp.services import Identity, Services
from visitapp.ui.visit_list import NOTE_ROLE

BACKLOG_NOTES = 600
BATCH = 50  # several batches, so that a note typed after the first one is stored before the last


def _pending(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM search_docs WHERE lemmas IS NULL").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def backlog_file(tmp_path_factory) -> tuple[Path, str]:
    """A database whose notes' lemmas are not indexed yet (built once; each test works on a copy)."""
    path = tmp_path_factory.mktemp("backlog") / "visits.db"
    with Database.open(path) as db:
        svc = Services(db, Identity("Ewa Kowalczyk"))
        org = svc.organisations.create("Huta Testowa")
        visit = svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC))
        with db.read() as s:
            pk = s.scalar(select(m.Visit.id).where(m.Visit.uuid == visit.id))
        now = m.utcnow()
        with db.write() as s:
            s.execute(insert(m.Note), [
                {"uuid": str(uuid.uuid4()), "visit_id": pk, "section": "profile", "kind": m.NoteKind.NOTE,
                 "text": f"Szukamy elektryków, zgłoszenie {i}", "author": "Ewa Kowalczyk", "tags": [],
                 "position": i, "visibility": m.Visibility.INTERNAL, "deleted": False,
                 "created_at": now, "updated_at": now}
                for i in range(BACKLOG_NOTES)])
    conn = sqlite3.connect(path)  # another program (an upgrade) leaves the lemmas to do
    with conn:
        conn.execute("UPDATE search_docs SET lemmas = NULL")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the whole database in the one file that is copied
    conn.close()
    return path, visit.id


@pytest.fixture
def backlog(backlog_file, db_path) -> tuple[str, int]:
    """A copy of that database at ``db_path``: (the visit's id, how many texts are left to analyse)."""
    shutil.copy(backlog_file[0], db_path)
    return backlog_file[1], _pending(db_path)


class FirstPaint(QObject):
    """What the database held when the window was first painted."""

    def __init__(self, window, path: Path) -> None:
        super().__init__(window)
        self.path, self.pending = path, None
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.pending is None:
            self.pending = _pending(self.path)
        return False


def test_the_window_comes_first_and_search_is_prepared_behind_it(qtbot, qapp, db_path, settings, backlog,
                                                                 monkeypatch):
    from visitapp.ui.app import Application

    visit_id, total = backlog
    assert total > BACKLOG_NOTES
    monkeypatch.setattr(sqlite_fts, "BACKLOG_BATCH", BATCH)
    app = Application(qapp, db_path, settings)
    try:
        window = app.window
        qtbot.addWidget(window)
        assert _pending(db_path) == total  # opening analysed nothing: the window does not wait for it
        painted = FirstPaint(window, db_path)
        seen: list[tuple[int, int]] = []
        app.analysis.progressed.connect(lambda done, of: seen.append((done, of)))
        svc = app.services()
        assert len(svc.search.search("elektryków", limit=1000)) == BACKLOG_NOTES  # typed words meanwhile
        assert svc.search.search("elektryk", limit=1000) == []  # other forms once analysed

        window.show()
        qtbot.waitExposed(window)
        window.open_visit(visit_id)
        with qtbot.waitSignal(app.analysis.progressed, timeout=30000):
            pass
        assert painted.pending == total  # the first paint came before any analysis
        indicator = window.findChild(QObject, "searchProgress")
        assert indicator.isVisible()
        assert indicator.label.text().startswith(f"Preparing search: {seen[0][0]:,} of {total:,} texts")
        assert app.analysis.running

        box = window.capture.box.editor  # a note typed while the rest is analysed
        box.setFocus()
        qtbot.keyClicks(box, "Brakuje spawaczy z uprawnieniami")
        with qtbot.waitSignal(window.runner.finished, timeout=30000,
                              check_params_cb=lambda changes: bool(changes.notes.added)) as stored:
            qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert stored.args[0].result.text == "Brakuje spawaczy z uprawnieniami"
        assert app.analysis.running  # stored between two batches, not after the whole backlog
        analysed_before_note = len(seen)

        with qtbot.waitSignal(app.analysis.finished, timeout=60000) as ended:
            pass
        assert ended.args == [True]
        assert len(seen) > analysed_before_note  # batches went on after the note
        dones = [done for done, _of in seen]
        assert dones == sorted(set(dones)) and {of for _done, of in seen} == {total}
        assert seen[-1] == (total, total)
        assert _pending(db_path) == 0
        assert not indicator.isVisible()
        assert window.statusBar().currentMessage() == "Search is ready: a word finds all its forms."

        assert len(svc.search.search("elektryk", limit=1000)) == BACKLOG_NOTES
        panel = window.list_panel
        panel.search.setText("spawacze uprawnienie")  # other forms than typed
        panel.run_search()
        assert stored.args[0].result.id in [panel.hits.item(i).data(NOTE_ROLE) for i in range(panel.hits.count())]
    finally:
        close_app(app)


def test_quitting_midway_leaves_the_rest_for_the_next_start(qtbot, qapp, db_path, settings, backlog,
                                                           monkeypatch):
    from visitapp.ui.app import Application

    _visit_id, total = backlog
    monkeypatch.setattr(sqlite_fts, "BACKLOG_BATCH", BATCH)
    app = Application(qapp, db_path, settings)
    qtbot.addWidget(app.window)
    app.window.show()
    with qtbot.waitSignal(app.analysis.progressed, timeout=30000):
        pass
    with qtbot.waitSignal(app.analysis.finished, timeout=30000) as ended:
        app.window.close()  # as at quit: the batch under way ends, nothing more is queued
        app.shutdown()
    assert ended.args == [False]
    left = _pending(db_path)
    assert 0 < left < total  # what was analysed is kept

    again = Application(qapp, db_path, settings)  # the next start goes on where it stopped
    try:
        qtbot.addWidget(again.window)
        again.window.show()
        with qtbot.waitSignal(again.analysis.finished, timeout=30000) as ended:
            pass
        assert ended.args == [True] and _pending(db_path) == 0
    finally:
        again.replacing = True
        again.window.close()
        again.shutdown()


def test_a_language_change_midway_keeps_showing_it(qtbot, qapp, db_path, settings, backlog, monkeypatch):
    from visitapp.ui.app import Application
    from visitapp.ui.translation import Translations

    _visit_id, total = backlog
    monkeypatch.setattr(sqlite_fts, "BACKLOG_BATCH", BATCH)
    app = Application(qapp, db_path, settings)
    try:
        qtbot.addWidget(app.window)
        app.window.show()
        with qtbot.waitSignal(app.analysis.progressed, timeout=30000):
            pass
        app.set_language("pl")  # the window is rebuilt in Polish while the analysis goes on
        qtbot.addWidget(app.window)
        indicator = app.window.findChild(QObject, "searchProgress")
        assert app.analysis.running  # one batch or two of many are done: the new window shows how far
        assert indicator.isVisible()
        assert indicator.label.text().startswith("Przygotowanie wyszukiwania: ")
        assert f"z {total:,} tekstów".replace(",", "\N{NO-BREAK SPACE}") in indicator.label.text()  # Polish digits
        with qtbot.waitSignal(app.analysis.finished, timeout=30000) as ended:
            pass
        assert ended.args == [True] and not indicator.isVisible()
        assert app.window.statusBar().currentMessage() == "Wyszukiwanie gotowe: słowo znajduje wszystkie swoje formy."
    finally:
        app.replacing = True
        app.window.close()
        app.shutdown()
        Translations(qapp).apply("en")
