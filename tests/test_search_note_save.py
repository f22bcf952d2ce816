"""A saved note goes into the SQLite search index once, with its lemmas (issues 9 and 12).

The edit operation writes the note's search document (text and lemmas) just before its
UPDATE of ``notes`` (``sqlite_fts.write_note_doc``), and the note's update trigger skips a
document that already holds the new text. What must not change: the index ends as the
triggers and the commit hook (or a full rebuild) would leave it, every search behaviour
(lemmas, words as typed, diacritics, prefixes, snippets), undo and redo, a note saved while
the backlog of an upgrade is still unanalysed, writes by other programs (no hook: the
trigger indexes them), and an upgraded database's index is rebuilt once, not at every open.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.db.engines import sqlite_fts as fts
from visitapp.ops import history_for
from visitapp.ops import notes as note_ops
from visitapp.ops.history import Tx
from visitapp.services import Identity, Services
from visitapp.text.polish import doc_lemmas

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("visitapp-*.db"))


def _docs(path: Path) -> dict[tuple[str, int], tuple[int, str, str | None]]:
    with sqlite3.connect(path) as conn:
        return {(k, r): (v, b, lem) for k, r, v, b, lem in
                conn.execute("SELECT kind, ref_id, visit_id, body, lemmas FROM search_docs")}


def _index(path: Path) -> set[tuple]:
    """Every (document, column, offset, term) the FTS index holds, named by document instead of rowid."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_fts, instance)")
        return set(conn.execute(
            "SELECT d.kind, d.ref_id, i.col, i.offset, i.term FROM temp.vocab i "
            "JOIN search_docs d ON d.rowid = i.doc"))


def _rowid(path: Path, pk: int) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT rowid FROM search_docs WHERE kind = 'note' AND ref_id = ?", (pk,)).fetchone()[0]


def _pk(db: Database, uuid: str) -> int:
    with db.read() as s:
        return s.query(m.Note.id).filter(m.Note.uuid == uuid).scalar()


@pytest.fixture
def notes(svc):
    """A Polish and an English visit with a few notes (one tagged, one deleted)."""
    org = svc.organisations.create("Łódzka Spawalnia Zażółć")
    pl = svc.visits.create(org.id, m.utcnow())
    en = svc.visits.create(org.id, m.utcnow(), language="en")
    made = {
        "firma": svc.notes.add(pl.id, "Firma szuka spawaczy", tags=["kadry"]).id,
        "plain": svc.notes.add(pl.id, "Szkoły zawodowe współpracują z miastem").id,
        "english": svc.notes.add(en.id, "The managers plan new hires").id,
        "gone": svc.notes.add(pl.id, "Notatka usunięta").id,
    }
    svc.notes.delete(made["gone"])
    return made


def test_a_saved_note_has_its_lemmas_before_commit_and_no_backlog_row(db, svc, notes):
    pk = _pk(db, notes["firma"])
    with db.core_write() as conn:
        tx = Tx(svc.identity, conn=conn)
        note_ops._edit(tx, notes["firma"], text="Firmy budowlane potrzebują elektryków")
        driver = conn.connection.driver_connection
        body, lemmas = driver.execute(
            "SELECT body, lemmas FROM search_docs WHERE kind = 'note' AND ref_id = ?", (pk,)).fetchone()
        # Written by the operation itself: nothing is left for the commit hook to analyse.
        assert fts.pending_count(driver) == 0
    assert body == "Firmy budowlane potrzebują elektryków kadry"
    assert lemmas == doc_lemmas(body, "pl")
    assert "firma" in lemmas.split()


def test_the_index_after_saves_is_the_index_a_full_rebuild_makes(db, db_path, svc, notes, tmp_path):
    svc.notes.edit(notes["firma"], text="Firmy budowlane potrzebują elektryków")
    svc.notes.edit(notes["firma"], tags=["kadry", "Łódź"])
    svc.notes.edit(notes["plain"], text="Szkoły zawodowe współpracują z miastem", kind="decision")  # same text
    svc.notes.edit(notes["english"], text="Managers planned two hires", tags=[])
    svc.notes.edit(notes["gone"], text="Usunięta, ale poprawiona")  # a deleted note stays out of the index
    svc.notes.edit(notes["plain"], visibility="company")
    saved_docs, saved_index = _docs(db_path), _index(db_path)

    fresh = db.backup(tmp_path / "rebuilt.db")
    with sqlite3.connect(fresh, isolation_level=None) as conn:
        conn.execute("BEGIN")
        conn.execute("UPDATE search_docs SET lemmas = NULL")
        conn.execute("COMMIT")
    rebuilt = Database.open(fresh, analyse=False)
    try:
        with rebuilt.engine.begin() as conn:
            fts.rebuild(conn)
            fts.analyse_pending(conn.connection.driver_connection, limit=1000)
    finally:
        rebuilt.close()

    assert saved_docs == _docs(fresh)
    assert saved_index == _index(fresh)
    assert ("note", _pk(db, notes["gone"])) not in saved_docs
    assert saved_docs[("note", _pk(db, notes["english"]))][1:] == ("Managers planned two hires",
                                                                    "managers planned two hires")


def test_a_save_moves_its_document_to_the_newest_in_one_statement(db, db_path, svc, notes):
    """As the note's triggers would (a DELETE and an INSERT), but in one upsert: the corrected note is among
    the newest documents, among which a common word's matches are ranked."""
    pk = _pk(db, notes["firma"])
    count = len(_docs(db_path))
    with sqlite3.connect(db_path) as conn:
        newest = conn.execute("SELECT max(rowid) FROM search_docs").fetchone()[0]
    sent: list[str] = []
    writer = db._writer().connection.dbapi_connection  # this thread's kept connection: the save runs on it
    writer.set_trace_callback(sent.append)
    try:
        svc.notes.edit(notes["firma"], text="Firmy budowlane potrzebują elektryków")
    finally:
        writer.set_trace_callback(None)
    assert _rowid(db_path, pk) == newest + 1
    assert len(_docs(db_path)) == count
    assert _docs(db_path)[("note", pk)][1] == "Firmy budowlane potrzebują elektryków kadry"
    # One statement wrote it (SQLite traces a statement again as each of its triggers starts).
    writes = {s for s in sent if s.startswith(("INSERT INTO search_docs", "DELETE FROM search_docs"))}
    assert len(writes) == 1 and "ON CONFLICT" in writes.pop()


def test_every_search_behaviour_holds_after_a_save(svc, notes):
    svc.notes.edit(notes["firma"], text="Zażółć: firmy z Łodzi szukają spawaczy i elektryków")
    hits = {h.ref_id for h in svc.search.search("firma")}  # a lemma: "firmy" typed
    assert notes["firma"] in hits
    assert notes["firma"] in {h.ref_id for h in svc.search.search("firmy", exact=True)}  # as typed
    assert notes["firma"] not in {h.ref_id for h in svc.search.search("firma", exact=True)}
    assert notes["firma"] in {h.ref_id for h in svc.search.search("lodz")}  # diacritics and ł folded
    assert notes["firma"] in {h.ref_id for h in svc.search.search("zazolc")}
    assert notes["firma"] in {h.ref_id for h in svc.search.search("elektry*")}  # a prefix
    assert notes["firma"] in {h.ref_id for h in svc.search.search("kadry")}  # its tag
    snippet = next(h.snippet for h in svc.search.search("spawacz") if h.ref_id == notes["firma"])
    assert "spawaczy" in snippet
    # The old words are gone.
    assert notes["firma"] not in {h.ref_id for h in svc.search.search("szuka", exact=True)}


def test_undo_and_redo_put_back_each_text_with_its_lemmas(db, db_path, svc, notes):
    pk = _pk(db, notes["plain"])
    old = _docs(db_path)[("note", pk)]
    svc.notes.edit(notes["plain"], text="Uczelnie otwierają staże")
    new = _docs(db_path)[("note", pk)]
    history = history_for(db, svc.identity)
    history.undo()
    assert _docs(db_path)[("note", pk)] == old
    assert notes["plain"] in {h.ref_id for h in svc.search.search("szkoła")}
    history.redo()
    assert _docs(db_path)[("note", pk)] == new
    assert new[2] == doc_lemmas("Uczelnie otwierają staże", "pl")
    assert notes["plain"] in {h.ref_id for h in svc.search.search("uczelnia")}


def test_another_programs_update_is_indexed_by_the_trigger_and_an_unchanged_text_is_skipped(db_path, db, notes):
    pk = _pk(db, notes["plain"])
    rowid = _rowid(db_path, pk)
    conn = sqlite3.connect(db_path, isolation_level=None)  # no visitapp: no hook, no lemmas
    try:
        conn.execute("UPDATE notes SET text = text, updated_at = updated_at WHERE id = ?", (pk,))
        assert _rowid(db_path, pk) == rowid  # the same text: the document is left as it was
        assert _docs(db_path)[("note", pk)][2] is not None
        conn.execute("UPDATE notes SET text = 'Spawacze z technikum' WHERE id = ?", (pk,))
        conn.execute("UPDATE notes SET deleted = 1 WHERE id = ?", (_pk(db, notes["firma"]),))
    finally:
        conn.close()
    doc = _docs(db_path)[("note", pk)]
    assert doc[1:] == ("Spawacze z technikum", None)  # found by its typed words until analysed
    assert ("note", _pk(db, notes["firma"])) not in _docs(db_path)


def test_a_note_saved_while_the_backlog_waits_is_analysed_and_the_backlog_finishes(db_path, notes, svc):
    svc.db.close()
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:  # more documents than one commit analyses, none analysed: as an upgrade leaves them
        columns = [r[1] for r in conn.execute("PRAGMA table_info(notes)") if r[1] not in ("id", "uuid")]
        listed = ", ".join(columns)
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO notes(uuid, {listed}) SELECT ?, {listed} FROM notes WHERE uuid = ?",
                         [(f"00000000-0000-4000-8000-{i:012d}", notes["plain"]) for i in range(fts.COMMIT_BATCH + 50)])
        conn.execute("UPDATE search_docs SET lemmas = NULL")
        conn.execute("COMMIT")
    finally:
        conn.close()
    db = Database.open(db_path, analyse=False)
    try:
        other = Services(db, Identity("Ewa Kowalczyk"))
        other.notes.edit(notes["firma"], text="Firmy szukają spawaczy")
        pk = _pk(db, notes["firma"])
        assert _docs(db_path)[("note", pk)][2] == doc_lemmas("Firmy szukają spawaczy kadry", "pl")
        assert notes["plain"] in {h.ref_id for h in other.search.search("szkoły")}  # by its typed words
        with sqlite3.connect(db_path) as check:
            assert fts.pending_count(check) > 0  # the commit took only its batch of the backlog
        assert db.analyse_backlog() > 0
        assert all(lemmas is not None for _, _, lemmas in _docs(db_path).values())
        assert notes["plain"] in {h.ref_id for h in other.search.search("szkoła")}
        assert notes["firma"] in {h.ref_id for h in other.search.search("firma")}
    finally:
        db.close()


@pytest.mark.parametrize("fixture", FIXTURES[-2:], ids=lambda p: p.stem)
def test_an_upgraded_database_gets_the_new_triggers_and_its_index_is_rebuilt_once(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    db = Database.open(path, backup_dir=tmp_path / "backups")
    try:
        svc = Services(db, Identity("Ewa Kowalczyk"))
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == fts.ddl_version()
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'trg_notes_au'").fetchone()[0]
        assert " WHEN NOT (" in sql
        hit = next(h for h in svc.search.search("notatka") if "migracji" in h.snippet)
        svc.notes.edit(hit.ref_id, text="Łódź, Zażółć gęślą jaźń: notatki po migracji.")
        pk = _pk(db, hit.ref_id)
        rowid = _rowid(path, pk)
    finally:
        db.close()
    db = Database.open(path, backup_dir=tmp_path / "backups")
    try:
        # Not rebuilt again: a rebuild gives every document a new rowid in table order.
        assert _rowid(path, pk) == rowid
        svc = Services(db, Identity("Ewa Kowalczyk"))
        assert hit.ref_id in {h.ref_id for h in svc.search.search("lodz notatka")}
    finally:
        db.close()


def test_consecutive_saves_run_on_the_connection_that_saved_last(db, svc, notes):
    """SQLite drops a connection's page cache when another one commits: saves while typing keep to one."""
    reader, writer = db.engine.connect(), db.engine.connect()  # a read beside a write: the pool holds two
    reader.close()
    writer.close()
    used: list[int] = []
    event.listen(db.engine, "begin", lambda conn: used.append(id(conn.connection.driver_connection)))
    for i in range(4):
        svc.notes.edit(notes["firma"], text=f"Firma szuka spawaczy, wersja {i}")
    assert len(used) == 4
    assert len(set(used)) == 1
