"""The SQLite engine's full-text search index (FTS5), kept in sync by triggers.

Layout:

* ``search_docs`` holds one row per searchable thing (a note, an action item,
  a visit with its organisation's name, a participant) with its original text;
* ``search_fts`` is an FTS5 index over ``search_docs`` (external content), so
  ``snippet()`` shows the text as typed.  Its second column, ``lemmas``, holds
  the Polish lemmas of the text (:func:`visitapp.text.polish.doc_lemmas`:
  every reading of every word, folded); NULL means "not analysed yet", and
  such a row is indexed with its typed words in that column instead, so a
  query (whose lemma alternatives always hold the word as typed) finds it by
  its words until it is analysed.  One column to match keeps a lemma query
  about as fast as a typed one.

Lemmas are written by Python, never by a trigger (a trigger cannot call
Python on a connection that did not register a function, such as another
program's plain ``sqlite3``): the triggers leave ``lemmas`` NULL, and every
write transaction of visitapp analyses the rows it left NULL just before it
commits (:func:`analyse_pending`, called from the engine's commit hook), so a
stored note is findable by its lemmas the moment it is stored.  Rows left NULL
by others (an upgrade, another program) are analysed in batches when visitapp
opens the database (:func:`analyse_backlog`): interruptible, and resumed at
the next start.

Saving a note (the edit operation, while the user types) writes the note's
document itself, lemmas included, just before its UPDATE of ``notes``
(:func:`write_note_doc`, reached through the engine's ``visitapp_note_doc``
execution option, see ``base.note_doc_writer``); the note's update trigger
then finds its document holding the new text and does nothing.  So the FTS
index takes the note once, with its lemmas, instead of once with its typed
words (trigger) and again with its lemmas (commit hook): fewer index pages
to merge, read and (SQLCipher) decrypt per save.  The document ends as the
triggers and the commit hook would leave it: a new rowid (the newest), the
same text, the same lemmas; one statement does it (an upsert).

Triggers on the source tables keep ``search_docs`` right on every insert,
update (ORM or bulk ``update()``) and delete; triggers on ``search_docs`` keep
``search_fts`` right.

Polish diacritics: the ``unicode61 remove_diacritics 2`` tokenizer folds ą, ę,
ó, ś, ż… but not ł, which has no Unicode decomposition.  The index is fed the
text with ł/Ł replaced by ĺ/Ĺ, which the tokenizer does fold to l/L and which
take the same number of bytes, so token offsets still match the original text.
Queries get the same folding (:func:`fold`).

A ``render_as_batch`` migration recreates a table and silently drops its
triggers, so :func:`ensure` recreates all of them and rebuilds the index after
every migration.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from visitapp.db.engines.base import driver_error
from visitapp.text.polish import doc_lemmas  # light: Morfeusz itself loads at the first analysis

FOLD_SQL = "replace(replace({expr}, 'ł', 'ĺ'), 'Ł', 'Ĺ')"
# What the index holds in its lemmas column for a row: its lemmas, or (not analysed yet) its typed words.
LEMMAS_SQL = "coalesce({r}.lemmas, " + FOLD_SQL.format(expr="{r}.body") + ")"


def fold(query: str) -> str:
    """Fold a query the way indexed text is folded."""
    return query.replace("ł", "ĺ").replace("Ł", "Ĺ")


TABLES_DDL = [
    """CREATE TABLE IF NOT EXISTS search_docs (
        rowid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        ref_id INTEGER NOT NULL,
        visit_id INTEGER,
        body TEXT NOT NULL,
        lemmas TEXT
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS ix_search_docs_ref ON search_docs(kind, ref_id)",
    "CREATE INDEX IF NOT EXISTS ix_search_docs_visit ON search_docs(visit_id)",
    # The rows not analysed yet, newest first without a scan of the table (every commit asks).
    "DROP INDEX IF EXISTS ix_search_docs_pending",
    "CREATE INDEX IF NOT EXISTS ix_search_docs_unanalysed ON search_docs(rowid) WHERE lemmas IS NULL",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        body, lemmas, content='search_docs', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    )""",
]

# The text indexed for each kind of document, as SQL over a row alias.
_NOTE_BODY = "{r}.text || coalesce(' ' || (SELECT group_concat(value, ' ') FROM json_each({r}.tags)), '')"
_ACTION_BODY = "rtrim({r}.description || ' ' || {r}.owner)"
_VISIT_BODY = (
    "coalesce((SELECT o.name FROM organisations o WHERE o.id = {r}.organisation_id), '')"
    " || ' ' || {r}.title || ' ' || {r}.place"
    " || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each({r}.agenda)), '')"
)
_PARTICIPANT_BODY = (
    "rtrim((SELECT p.name || ' ' || p.institution || ' ' || p.role FROM people p WHERE p.id = {r}.person_id)"
    " || ' ' || {r}.role)"
)


def note_body(text: str, tags: Sequence[str] | None) -> str:
    """The document text of a note, as ``_NOTE_BODY`` computes it in SQL (its text, then its tags)."""
    return text + (" " + " ".join(tags) if tags else "")


# One statement: the document moves to the newest rowid with its new text and lemmas, as the note's
# triggers (a DELETE and an INSERT) would leave it, so that a corrected note is among the newest
# documents, where a common word's matches are ranked; search_docs' update trigger takes the old text
# out of the FTS index and puts the new one in.
_NOTE_DOC_WRITE = (
    "INSERT INTO search_docs(kind, ref_id, visit_id, body, lemmas) VALUES ('note', ?, ?, ?, ?) "
    "ON CONFLICT(kind, ref_id) DO UPDATE SET rowid = (SELECT max(rowid) + 1 FROM search_docs), "
    "visit_id = excluded.visit_id, body = excluded.body, lemmas = excluded.lemmas"
)


def write_note_doc(conn: Connection, note_pk: int, visit_pk: int, language: str | None,
                   before: tuple[str, Sequence[str] | None], after: tuple[str, Sequence[str] | None]) -> None:
    """Write a live note's search document with its lemmas, in ``conn``'s transaction, before its UPDATE.

    ``before`` and ``after`` are the note's (text, tags) as stored and as they
    are about to be; the UPDATE of ``notes`` must follow in the same
    transaction (its trigger then skips the document, see ``_doc_triggers``).
    Unchanged text and tags write nothing.  A driver error is raised as
    SQLAlchemy's ``DBAPIError`` (``Database`` turns it into one sentence).
    """
    body = note_body(*after)
    if body == note_body(*before):
        return
    lemmas = doc_lemmas(body, language)
    driver: Any = conn.connection.dbapi_connection  # an attribute: the same connection as driver_connection
    try:
        driver.execute(_NOTE_DOC_WRITE, (note_pk, visit_pk, body, lemmas))
    except conn.dialect.loaded_dbapi.Error as err:
        raise driver_error(conn, _NOTE_DOC_WRITE, err) from err


def _doc_triggers(kind: str, table: str, body: str, visit_expr: str, where: str, columns: str,
                  *, skip_unchanged: bool = False) -> list[str]:
    """Triggers keeping one kind of document in step with its table.

    The update trigger fires only when a column that feeds the document
    changes (``columns``), so touching ``updated_at`` or a position costs
    nothing in the index.  With ``skip_unchanged`` it also does nothing when
    the document already holds the row's new text (and visit): a note saved
    through :func:`write_note_doc` (its document written, lemmas included,
    just before the UPDATE), or saved with the text it had.
    """
    new_body = body.format(r="NEW")
    new_visit = visit_expr.format(r="NEW")
    new_where = where.format(r="NEW")
    insert = (
        f"INSERT INTO search_docs(kind, ref_id, visit_id, body) "
        f"SELECT '{kind}', NEW.id, {new_visit}, {new_body} WHERE {new_where};"
    )
    delete_old = f"DELETE FROM search_docs WHERE kind = '{kind}' AND ref_id = OLD.id;"
    when = ""
    if skip_unchanged:
        when = (
            f"WHEN NOT ({new_where} AND OLD.id = NEW.id AND EXISTS (SELECT 1 FROM search_docs d "
            f"WHERE d.kind = '{kind}' AND d.ref_id = NEW.id AND d.visit_id IS {new_visit} AND d.body = {new_body})) "
        )
    return [
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_au AFTER UPDATE OF {columns} ON {table} "
        f"{when}BEGIN {delete_old} {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_ad AFTER DELETE ON {table} BEGIN {delete_old} END",
    ]


def _trigger_ddl() -> list[str]:
    ddl: list[str] = []
    ddl += _doc_triggers("note", "notes", _NOTE_BODY, "{r}.visit_id", "NOT {r}.deleted",
                         "text, tags, deleted, visit_id", skip_unchanged=True)
    ddl += _doc_triggers("action", "action_items", _ACTION_BODY, "{r}.visit_id", "NOT {r}.deleted",
                         "description, owner, deleted, visit_id")
    ddl += _doc_triggers("visit", "visits", _VISIT_BODY, "{r}.id", "1", "organisation_id, title, place, agenda")
    ddl += _doc_triggers("participant", "participants", _PARTICIPANT_BODY, "{r}.visit_id", "1",
                         "person_id, role, visit_id")
    # Renaming an organisation or a person changes the documents of their visits.
    visit_body = _VISIT_BODY.format(r="v")
    part_body = _PARTICIPANT_BODY.format(r="pt")
    ddl.append(
        "CREATE TRIGGER IF NOT EXISTS trg_organisations_au AFTER UPDATE OF name ON organisations BEGIN "
        "DELETE FROM search_docs WHERE kind = 'visit' AND ref_id IN "
        "(SELECT id FROM visits WHERE organisation_id = NEW.id); "
        "INSERT INTO search_docs(kind, ref_id, visit_id, body) "
        f"SELECT 'visit', v.id, v.id, {visit_body} FROM visits v WHERE v.organisation_id = NEW.id; END"
    )
    ddl.append(
        "CREATE TRIGGER IF NOT EXISTS trg_people_au AFTER UPDATE OF name, institution, role ON people BEGIN "
        "DELETE FROM search_docs WHERE kind = 'participant' AND ref_id IN "
        "(SELECT id FROM participants WHERE person_id = NEW.id); "
        "INSERT INTO search_docs(kind, ref_id, visit_id, body) "
        f"SELECT 'participant', pt.id, pt.visit_id, {part_body} FROM participants pt WHERE pt.person_id = NEW.id; END"
    )
    # A visit's language decides how its documents are analysed: analyse them again.
    ddl.append(
        "CREATE TRIGGER IF NOT EXISTS trg_visits_language AFTER UPDATE OF language ON visits "
        "WHEN NEW.language IS NOT OLD.language BEGIN "
        "UPDATE search_docs SET lemmas = NULL WHERE visit_id = NEW.id; END"
    )
    folded_new = FOLD_SQL.format(expr="NEW.body")
    folded_old = FOLD_SQL.format(expr="OLD.body")
    lemmas_new = LEMMAS_SQL.format(r="NEW")
    lemmas_old = LEMMAS_SQL.format(r="OLD")
    ddl += [
        "CREATE TRIGGER IF NOT EXISTS trg_search_docs_ai AFTER INSERT ON search_docs BEGIN "
        f"INSERT INTO search_fts(rowid, body, lemmas) VALUES (NEW.rowid, {folded_new}, {lemmas_new}); END",
        "CREATE TRIGGER IF NOT EXISTS trg_search_docs_ad AFTER DELETE ON search_docs BEGIN "
        f"INSERT INTO search_fts(search_fts, rowid, body, lemmas) VALUES ('delete', OLD.rowid, {folded_old}, "
        f"{lemmas_old}); END",
        "CREATE TRIGGER IF NOT EXISTS trg_search_docs_au AFTER UPDATE ON search_docs BEGIN "
        f"INSERT INTO search_fts(search_fts, rowid, body, lemmas) VALUES ('delete', OLD.rowid, {folded_old}, "
        f"{lemmas_old}); "
        f"INSERT INTO search_fts(rowid, body, lemmas) VALUES (NEW.rowid, {folded_new}, {lemmas_new}); END",
    ]
    return ddl


TRIGGER_NAMES = [
    f"trg_{t}_{s}"
    for t in ("notes", "action_items", "visits", "participants", "search_docs")
    for s in ("ai", "au", "ad")
] + ["trg_organisations_au", "trg_people_au", "trg_visits_language"]


def create_tables(conn: Connection) -> None:
    for stmt in TABLES_DDL:
        conn.exec_driver_sql(stmt)


def drop_triggers(conn: Connection) -> None:
    for name in TRIGGER_NAMES:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def _has_lemmas(conn: Connection) -> bool:
    return any(row[1] == "lemmas" for row in conn.exec_driver_sql("PRAGMA table_info(search_docs)"))


def rebuild(conn: Connection) -> None:
    """Refill ``search_docs`` from the source tables and rebuild the FTS index.

    A document whose text is unchanged keeps its lemmas; the others are left
    to be analysed (``lemmas`` NULL, see :func:`analyse_backlog`).
    """
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.search_old_lemmas")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE search_old_lemmas AS SELECT kind, ref_id, body, lemmas FROM search_docs "
        "WHERE lemmas IS NOT NULL AND lemmas <> ''"
    )
    conn.exec_driver_sql("CREATE INDEX temp.ix_search_old_lemmas ON search_old_lemmas(kind, ref_id)")
    conn.exec_driver_sql("DELETE FROM search_docs")
    sources = [
        ("note", "notes", _NOTE_BODY, "{r}.visit_id", "NOT {r}.deleted"),
        ("action", "action_items", _ACTION_BODY, "{r}.visit_id", "NOT {r}.deleted"),
        ("visit", "visits", _VISIT_BODY, "{r}.id", "1"),
        ("participant", "participants", _PARTICIPANT_BODY, "{r}.visit_id", "1"),
    ]
    # Fill without the per-row FTS trigger, then rebuild the index in one go.
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS trg_search_docs_ai")
    for kind, table, body, visit_expr, where in sources:
        conn.exec_driver_sql(
            f"INSERT INTO search_docs(kind, ref_id, visit_id, body) "
            f"SELECT '{kind}', r.id, {visit_expr.format(r='r')}, {body.format(r='r')} "
            f"FROM {table} r WHERE {where.format(r='r')}"
        )
    conn.exec_driver_sql(
        "UPDATE search_docs SET lemmas = o.lemmas FROM search_old_lemmas o "
        "WHERE o.kind = search_docs.kind AND o.ref_id = search_docs.ref_id AND o.body = search_docs.body"
    )
    conn.exec_driver_sql("DROP TABLE temp.search_old_lemmas")
    # The external-content index reads search_docs; feed it the folded text instead.
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    conn.exec_driver_sql(
        f"INSERT INTO search_fts(rowid, body, lemmas) SELECT rowid, {FOLD_SQL.format(expr='body')}, "
        f"{LEMMAS_SQL.format(r='search_docs')} FROM search_docs"
    )


def ensure(conn: Connection, *, rebuild_index: bool) -> None:
    """Create the search tables and (re)create every trigger; optionally rebuild the index.

    An index of an older layout (no ``lemmas`` column) is dropped and rebuilt.
    """
    tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "search_docs" in tables and not _has_lemmas(conn):
        drop_triggers(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS search_fts")
        conn.exec_driver_sql("DROP TABLE search_docs")
        rebuild_index = True
    create_tables(conn)
    drop_triggers(conn)
    if rebuild_index:
        rebuild(conn)
    for stmt in _trigger_ddl():
        conn.exec_driver_sql(stmt)
    mark_current(conn)


def ddl_version() -> int:
    """A number that changes whenever the trigger definitions change.

    Kept in ``PRAGMA user_version``; a database whose number differs gets its
    triggers recreated and its index rebuilt at open, even at the same schema
    revision.
    """
    return zlib.crc32("\n".join(TABLES_DDL + _trigger_ddl()).encode("utf-8")) & 0x7FFFFFFF


def stored_ddl_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def mark_current(conn: Connection) -> None:
    conn.exec_driver_sql(f"PRAGMA user_version = {ddl_version()}")


def missing_triggers(conn: Connection) -> list[str]:
    present = {
        row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    }
    return [name for name in TRIGGER_NAMES if name not in present]


# -- lemmas (Python, not triggers) ---------------------------------------------------

#: Rows a write transaction analyses before it commits: the ones it just wrote
#: are the newest (highest rowid); a larger backlog is left to analyse_backlog.
COMMIT_BATCH = 256
BACKLOG_BATCH = 2000

_PENDING = (
    "SELECT d.rowid, d.body, v.language FROM search_docs d LEFT JOIN visits v ON v.id = d.visit_id "
    "WHERE d.lemmas IS NULL ORDER BY d.rowid DESC LIMIT ?"
)


def analyse_pending(dbapi_conn, limit: int = COMMIT_BATCH) -> int:
    """Fill ``lemmas`` of up to ``limit`` not yet analysed rows (newest first), in the open transaction.

    ``dbapi_conn`` is the driver's ``sqlite3`` connection.  Returns how many
    rows were analysed.  (Updating the FTS index set-wise instead of through
    the per-row trigger was measured: no faster.)
    """
    rows = dbapi_conn.execute(_PENDING, (limit,)).fetchall()
    if rows:
        dbapi_conn.executemany(
            "UPDATE search_docs SET lemmas = ? WHERE rowid = ?",
            [(doc_lemmas(body, lang), rowid) for rowid, body, lang in rows],
        )
    return len(rows)


def pending_count(dbapi_conn) -> int:
    return int(dbapi_conn.execute("SELECT count(*) FROM search_docs WHERE lemmas IS NULL").fetchone()[0])
