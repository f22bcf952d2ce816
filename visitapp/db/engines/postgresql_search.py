"""The PostgreSQL engine's search index: ``tsvector`` columns, GIN indexes, Polish lemmas written by Python.

The same behaviour as the SQLite index (``sqlite_fts.py``), built the same way:
* ``search_docs`` holds one row per searchable thing (a note, an action item,
  a visit with its organisation's name, a participant) with its text as typed
  (``body``) and its Polish lemmas (``lemmas``,
  :func:`visitapp.text.polish.doc_lemmas`; NULL: not analysed yet).  Two
  ``tsvector`` columns, each with a GIN index, are what queries match:
  ``body_tsv`` (the typed words, folded) and ``lemma_tsv`` (the lemmas, or the
  folded typed words while ``lemmas`` is NULL, so a document not analysed yet is
  found by its words).  Both are filled by a ``BEFORE`` trigger on
  ``search_docs``, with the ``simple`` configuration (PostgreSQL ships no
  Polish one; the lemmatiser is the same Morfeusz 2 as on SQLite).
* Triggers on the source tables keep ``search_docs`` right on every insert,
  update (ORM or bulk SQL) and delete, in the writing transaction.
* Folding: ``visitapp_fold(text)``, an IMMUTABLE SQL function built by
  :func:`fold_table` from :func:`visitapp.text.polish.fold` itself, so the
  index folds exactly as the queries (folded in Python), whatever the
  database's locale (``lower()`` in a ``C`` database leaves ``Ł`` alone), with
  no extension to install.  Non-word characters become spaces, so the parser
  sees the words :func:`doc_lemmas` sees (no ``www.firma.pl`` host tokens).
* Lemmas are written by Python, never by a trigger: the triggers leave
  ``lemmas`` NULL and each visitapp write transaction analyses the newest rows
  left NULL just before it commits (:func:`install`, a SQLAlchemy ``commit``
  event like SQLite's commit hook), so a stored note is findable by its
  lemmas the moment it is stored.  ``FOR UPDATE SKIP LOCKED``: a transaction
  never waits for rows another one is analysing.  A larger backlog (an index
  rebuild, another program's writes) is analysed in batches when visitapp
  opens the database (:func:`analyse_backlog`).
* Queries (``postgresql_query.py``): ``ts_rank`` among the newest ``window``
  matches only, found by the cheapest of three plans; snippets are cut and
  marked in Python (:func:`visitapp.text.snippet.mark_matches`), as SQLite's
  lemma matches are.

The index's definition version is kept as the comment of ``search_docs``; a
database whose version differs gets its triggers recreated and its index
rebuilt at open (:func:`search_is_stale`, :func:`ensure_search`).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, event, text

from visitapp.db.engines.base import Progress
from visitapp.db.engines.postgresql_query import CONFIG
from visitapp.db.engines.postgresql_query import build_query as build_query  # the queries, re-exported
from visitapp.db.engines.postgresql_query import search as search
from visitapp.db.engines.postgresql_query import search_sql as search_sql
from visitapp.text.polish import fold

#: Rows a write transaction analyses before it commits (the newest); the rest waits for analyse_backlog.
COMMIT_BATCH = 256
BACKLOG_BATCH = 2000
_COMMENT = "visitapp search index {version}"

# Code points whose folding the index copies from Python: Latin, IPA, combining marks, Greek, Cyrillic,
# Latin and Greek extended, general punctuation, currency signs.
_RANGES = ((0x01, 0x0530), (0x1E00, 0x2000), (0x2000, 0x2070), (0x20A0, 0x20D0))
_WORD_CHAR = re.compile(r"\w")


#: ``translate()`` looks each character up from the start of its list, so the most frequent come first:
#: Polish text's lower-case letters by frequency, the space, capitals, digits, Polish letters, punctuation.
_FREQUENT = ("aioeznrwscytkdpmujlbghfvxq " + "AIOEZNRWSCYTKDPMUJLBGHFVXQ" + "0123456789"
             + "ąęółśżćńźĄĘÓŁŚŻĆŃŹ" + ".,-;:()\"'?!/%")


@lru_cache(maxsize=1)
def fold_table() -> tuple[str, str, str]:
    """``(from, to, dropped)`` for ``translate()``: each character's :func:`fold`, non-word characters as spaces.

    A character folded to one other character maps to it (or to itself), a
    combining mark is dropped, a character that is not a word character
    becomes a space.  The frequent characters come first (``translate`` scans
    the list for each character of the text: this makes folding a note about
    100 times faster than code point order).
    """
    pairs: dict[str, str] = {}
    dropped: list[str] = []
    chars = list(_FREQUENT) + [chr(code) for first, end in _RANGES for code in range(first, end)]
    for char in chars:
        if char in pairs or char in dropped:
            continue
        if unicodedata.combining(char):
            dropped.append(char)
        elif not _WORD_CHAR.match(char):
            pairs[char] = " "
        else:
            folded = fold(char)
            if len(folded) == 1 and (folded != char or char in _FREQUENT):
                pairs[char] = folded
    return "".join(pairs), "".join(pairs.values()), "".join(dropped)


def _literal(value: str) -> str:
    """A SQL string literal (DDL takes no bind parameters)."""
    return "'" + value.replace("'", "''") + "'"


def _fold_function() -> str:
    source, target, dropped = fold_table()
    return (
        "CREATE OR REPLACE FUNCTION visitapp_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
        f"AS $fold$ SELECT lower(translate(t, {_literal(source + dropped)}, {_literal(target)})) $fold$"
    )


TABLES_DDL = [
    """CREATE TABLE IF NOT EXISTS search_docs (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        ref_id integer NOT NULL,
        visit_id integer,
        body text NOT NULL,
        lemmas text,
        body_tsv tsvector NOT NULL DEFAULT ''::tsvector,
        lemma_tsv tsvector NOT NULL DEFAULT ''::tsvector
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS ix_search_docs_ref ON search_docs(kind, ref_id)",
    "CREATE INDEX IF NOT EXISTS ix_search_docs_visit ON search_docs(visit_id)",
    # The rows not analysed yet, newest first without a scan of the table (every commit asks).
    "CREATE INDEX IF NOT EXISTS ix_search_docs_unanalysed ON search_docs(id) WHERE lemmas IS NULL",
    # GIN's default pending list (4 MB): a shorter one (256 kB) made inserts 1.5x slower.
    "CREATE INDEX IF NOT EXISTS ix_search_docs_body ON search_docs USING gin(body_tsv)",
    "CREATE INDEX IF NOT EXISTS ix_search_docs_lemmas ON search_docs USING gin(lemma_tsv)",
]

# The text indexed for each kind of document, as SQL over a row alias (as in sqlite_fts.py).
_NOTE_BODY = (
    "{r}.text || coalesce(' ' || (SELECT string_agg(e.value, ' ') FROM jsonb_array_elements_text("
    "CASE WHEN jsonb_typeof({r}.tags::jsonb) = 'array' THEN {r}.tags::jsonb ELSE '[]'::jsonb END) AS e(value)), '')"
)
_ACTION_BODY = "rtrim({r}.description || ' ' || {r}.owner)"
_VISIT_BODY = (
    "coalesce((SELECT o.name FROM organisations o WHERE o.id = {r}.organisation_id), '')"
    " || ' ' || {r}.title || ' ' || {r}.place"
    " || ' ' || coalesce((SELECT string_agg(e.value, ' ') FROM jsonb_array_elements_text("
    "CASE WHEN jsonb_typeof({r}.agenda::jsonb) = 'array' THEN {r}.agenda::jsonb ELSE '[]'::jsonb END) AS e(value)), '')"
)
_PARTICIPANT_BODY = (
    "rtrim(coalesce((SELECT p.name || ' ' || p.institution || ' ' || p.role FROM people p "
    "WHERE p.id = {r}.person_id), '') || ' ' || {r}.role)"
)

# kind, source table, body, visit of the row, which rows are documents, the columns that feed the document
_SOURCES = [
    ("note", "notes", _NOTE_BODY, "{r}.visit_id", "NOT {r}.deleted", "text, tags, deleted, visit_id"),
    ("action", "action_items", _ACTION_BODY, "{r}.visit_id", "NOT {r}.deleted",
     "description, owner, deleted, visit_id"),
    ("visit", "visits", _VISIT_BODY, "{r}.id", "true", "organisation_id, title, place, agenda"),
    ("participant", "participants", _PARTICIPANT_BODY, "{r}.visit_id", "true", "person_id, role, visit_id"),
]


def _doc_trigger(kind: str, table: str, body: str, visit_expr: str, where: str, columns: str) -> list[str]:
    """A trigger function and its trigger keeping one kind of document in step with its table.

    An update fires only when a column that feeds the document is set, so
    touching ``updated_at`` or a position costs nothing in the index.
    """
    function = f"visitapp_search_{table}"
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $trg$ BEGIN "
        f"IF TG_OP <> 'INSERT' THEN DELETE FROM search_docs WHERE kind = '{kind}' AND ref_id = OLD.id; END IF; "
        f"IF TG_OP <> 'DELETE' THEN INSERT INTO search_docs(kind, ref_id, visit_id, body) "
        f"SELECT '{kind}', NEW.id, {visit_expr.format(r='NEW')}, {body.format(r='NEW')} "
        f"WHERE {where.format(r='NEW')}; END IF; "
        "RETURN NULL; END $trg$",
        f"CREATE TRIGGER trg_search_{table} AFTER INSERT OR UPDATE OF {columns} OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def _trigger_ddl() -> list[str]:
    ddl = [_fold_function()]
    for source in _SOURCES:
        ddl += _doc_trigger(*source)
    visit_body = _VISIT_BODY.format(r="v")
    part_body = _PARTICIPANT_BODY.format(r="pt")
    # Renaming an organisation or a person changes the documents of their visits.
    ddl += [
        "CREATE OR REPLACE FUNCTION visitapp_search_organisations() RETURNS trigger LANGUAGE plpgsql AS $trg$ BEGIN "
        "DELETE FROM search_docs WHERE kind = 'visit' AND ref_id IN "
        "(SELECT id FROM visits WHERE organisation_id = NEW.id); "
        "INSERT INTO search_docs(kind, ref_id, visit_id, body) "
        f"SELECT 'visit', v.id, v.id, {visit_body} FROM visits v WHERE v.organisation_id = NEW.id ORDER BY v.id; "
        "RETURN NULL; END $trg$",
        "CREATE TRIGGER trg_search_organisations AFTER UPDATE OF name ON organisations "
        "FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION visitapp_search_organisations()",
        "CREATE OR REPLACE FUNCTION visitapp_search_people() RETURNS trigger LANGUAGE plpgsql AS $trg$ BEGIN "
        "DELETE FROM search_docs WHERE kind = 'participant' AND ref_id IN "
        "(SELECT id FROM participants WHERE person_id = NEW.id); "
        "INSERT INTO search_docs(kind, ref_id, visit_id, body) "
        f"SELECT 'participant', pt.id, pt.visit_id, {part_body} FROM participants pt WHERE pt.person_id = NEW.id "
        "ORDER BY pt.id; RETURN NULL; END $trg$",
        "CREATE TRIGGER trg_search_people AFTER UPDATE OF name, institution, role ON people "
        "FOR EACH ROW EXECUTE FUNCTION visitapp_search_people()",
        # A visit's language decides how its documents are analysed: analyse them again.
        "CREATE OR REPLACE FUNCTION visitapp_search_language() RETURNS trigger LANGUAGE plpgsql AS $trg$ BEGIN "
        "UPDATE search_docs SET lemmas = NULL WHERE visit_id = NEW.id; RETURN NULL; END $trg$",
        "CREATE TRIGGER trg_search_visits_language AFTER UPDATE OF language ON visits "
        "FOR EACH ROW WHEN (NEW.language IS DISTINCT FROM OLD.language) EXECUTE FUNCTION visitapp_search_language()",
        # The tsvectors of a document, from its text and its lemmas (or its folded words until analysed).
        "CREATE OR REPLACE FUNCTION visitapp_search_tsv() RETURNS trigger LANGUAGE plpgsql AS $trg$ BEGIN "
        "IF TG_OP = 'INSERT' OR NEW.body IS DISTINCT FROM OLD.body THEN "
        f"NEW.body_tsv := to_tsvector('{CONFIG}', visitapp_fold(NEW.body)); END IF; "
        "IF TG_OP = 'INSERT' OR NEW.body IS DISTINCT FROM OLD.body OR NEW.lemmas IS DISTINCT FROM OLD.lemmas THEN "
        "NEW.lemma_tsv := CASE WHEN NEW.lemmas IS NULL THEN NEW.body_tsv "
        f"ELSE to_tsvector('{CONFIG}', NEW.lemmas) END; END IF; RETURN NEW; END $trg$",
        "CREATE TRIGGER trg_search_docs_tsv BEFORE INSERT OR UPDATE ON search_docs "
        "FOR EACH ROW EXECUTE FUNCTION visitapp_search_tsv()",
    ]
    return ddl


TRIGGERS = {
    **{f"trg_search_{table}": table for _k, table, *_rest in _SOURCES},
    "trg_search_organisations": "organisations",
    "trg_search_people": "people",
    "trg_search_visits_language": "visits",
    "trg_search_docs_tsv": "search_docs",
}


def ddl_version() -> int:
    """A number that changes whenever the index's definition changes (kept as the comment of ``search_docs``)."""
    return zlib.crc32("\n".join(TABLES_DDL + _trigger_ddl()).encode("utf-8")) & 0x7FFFFFFF


def _execute(conn: Connection, sql: str) -> None:
    # The driver sees no parameters, but SQLAlchemy may hand psycopg an empty tuple: keep '%' literal.
    conn.exec_driver_sql(sql.replace("%", "%%"))


# -- the index's definition --------------------------------------------------


def search_is_stale(backend: Any, conn: Connection) -> bool:
    """True when the index's table or a trigger is missing, or its definition is older than this visitapp's."""
    comment = conn.execute(text("SELECT obj_description(to_regclass('search_docs'), 'pg_class')")).scalar()
    if comment != _COMMENT.format(version=ddl_version()):
        return True
    return bool(missing_triggers(conn))


def missing_triggers(conn: Connection) -> list[str]:
    present = set(conn.execute(text(
        "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND NOT t.tgisinternal"
    )).scalars())
    return [name for name in TRIGGERS if name not in present]


def ensure_search(backend: Any, conn: Connection, *, rebuild_index: bool) -> None:
    """Create the index's table, functions and triggers (again); optionally refill it. In ``conn``'s transaction."""
    for stmt in TABLES_DDL:
        _execute(conn, stmt)
    for name, table in TRIGGERS.items():
        _execute(conn, f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for stmt in _trigger_ddl():
        _execute(conn, stmt)
    if rebuild_index:
        rebuild(conn)
    _execute(conn, f"COMMENT ON TABLE search_docs IS {_literal(_COMMENT.format(version=ddl_version()))}")


def rebuild(conn: Connection) -> None:
    """Refill ``search_docs`` from the source tables; a document whose text is unchanged keeps its lemmas.

    The others are left to be analysed (``lemmas`` NULL): the newest by the
    commit hook of this transaction, the rest by :func:`analyse_backlog`.
    """
    _execute(conn, "DROP TABLE IF EXISTS pg_temp.search_old_lemmas")
    _execute(conn, "CREATE TEMP TABLE search_old_lemmas ON COMMIT DROP AS SELECT kind, ref_id, body, lemmas "
                   "FROM search_docs WHERE lemmas IS NOT NULL AND lemmas <> ''")
    _execute(conn, "CREATE INDEX ON pg_temp.search_old_lemmas(kind, ref_id)")
    _execute(conn, "DELETE FROM search_docs")
    # In the order the documents were written (a visit's documents beside its notes, not all after every note):
    # the ids are the recency the search ranks its newest window by.
    sources = " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, {order} AS k, r.id AS ref_id, {visit_expr.format(r='r')} AS visit_id, "
        f"{body.format(r='r')} AS body, r.created_at AS at FROM {table} r WHERE {where.format(r='r')}"
        for order, (kind, table, body, visit_expr, where, _columns) in enumerate(_SOURCES))
    _execute(
        conn,
        "INSERT INTO search_docs(kind, ref_id, visit_id, body, lemmas) "
        f"SELECT s.kind, s.ref_id, s.visit_id, s.body, o.lemmas FROM ({sources}) s "
        "LEFT JOIN pg_temp.search_old_lemmas o ON o.kind = s.kind AND o.ref_id = s.ref_id AND o.body = s.body "
        "ORDER BY s.at, s.visit_id, s.k, s.ref_id",
    )
    _execute(conn, "DROP TABLE pg_temp.search_old_lemmas")


# -- lemmas (Python, not triggers) ------------------------------------------------

_PENDING = (
    "SELECT d.id, d.body, v.language FROM search_docs d LEFT JOIN visits v ON v.id = d.visit_id "
    "WHERE d.lemmas IS NULL ORDER BY d.id DESC LIMIT %s FOR UPDATE OF d SKIP LOCKED"
)
_STORE = (
    "UPDATE search_docs d SET lemmas = u.lemmas FROM unnest(%s::bigint[], %s::text[]) AS u(id, lemmas) "
    "WHERE d.id = u.id"
)


def analyse_pending(dbapi_conn: Any, limit: int = COMMIT_BATCH) -> int:
    """Fill ``lemmas`` of up to ``limit`` rows not analysed yet (newest first) in the open transaction.

    ``dbapi_conn`` is the driver's psycopg connection.  Rows another
    transaction holds are skipped (it analyses them, or a later one will).
    Returns how many rows were analysed.
    """
    from visitapp.text.polish import doc_lemmas

    rows = dbapi_conn.execute(_PENDING, (limit,)).fetchall()
    if rows:
        dbapi_conn.execute(_STORE, ([pk for pk, _b, _l in rows], [doc_lemmas(body, lang) for _p, body, lang in rows]))
    return len(rows)


def install(backend: Any, engine: Engine) -> None:
    """Analyse what a visitapp write transaction left without lemmas, in that transaction, just before it commits."""

    @event.listens_for(engine, "commit")
    def _on_commit(conn: Connection) -> None:
        options = conn.get_execution_options()
        if options.get("visitapp_write") and not options.get("visitapp_backlog"):
            analyse_pending(conn.connection.driver_connection)


def pending_count(conn: Connection) -> int:
    return int(conn.execute(text("SELECT count(*) FROM search_docs WHERE lemmas IS NULL")).scalar() or 0)


def analyse_backlog(backend: Any, engine: Engine, *, progress: Progress | None = None) -> int:
    """Analyse the documents left without lemmas (a rebuild, another program's writes), in batches.

    Each batch is its own transaction and takes no write lock (merges of other
    coordinators go on meanwhile; rows they hold are skipped), so an
    interruption (Ctrl+C, or ``progress`` raising) loses only the batch under
    way; the rest is analysed at the next open.  Until then such documents are
    found by their typed words.  A role that may not write the index leaves
    them for one that may.
    """
    with engine.connect() as conn:
        # A read-only role (reports and search) leaves the backlog to a role that may write.
        may_write = conn.execute(text("SELECT has_table_privilege(to_regclass('search_docs'), 'UPDATE')")).scalar()
        total = pending_count(conn) if may_write else 0
        conn.rollback()
    done = 0
    if not total:
        return 0
    worker = engine.execution_options(visitapp_backlog=True)
    while done < total:
        with worker.begin() as conn:
            n = analyse_pending(conn.connection.driver_connection, BACKLOG_BATCH)
        if not n:
            break
        done += n
        if progress is not None:
            progress(min(done, total), total)
    return done
