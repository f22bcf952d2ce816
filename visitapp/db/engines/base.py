"""What a database engine must provide to visitapp: the interface behind ``Database``.

``visitapp.db.database.Database`` knows nothing about any engine.  It asks
:func:`visitapp.db.engines.backend_for` for a :class:`Backend` (chosen from a
file path or a SQLAlchemy URL) and then calls only the methods below; the
services call the few query helpers at the end (search, JSON arrays).  All
engine-specific SQL lives in the engine's module.

Adding an engine (``sqlcipher.py``, ``postgresql.py``):

1. Write ``visitapp/db/engines/<engine>.py`` with one subclass of
   :class:`Backend` implementing every abstract method.  ``sqlite.py`` is the
   reference; a SQLCipher backend can subclass ``SQLiteBackend`` and override
   :meth:`Backend.create_engine` (the key pragma at connect) and
   :meth:`Backend.prepare` (the header of an encrypted file is not
   ``SQLite format 3``).  A PostgreSQL backend keeps its search index in a
   ``tsvector`` column filled by its own triggers, answers :meth:`search`
   with ``websearch_to_tsquery``/``ts_headline``, and uses
   ``jsonb_array_elements_text`` for :meth:`json_array_values`.
   Polish lemmas: a :class:`SearchTerm` with ``lemmas`` matches any of them
   (or the word as typed).  The SQLite engine stores
   ``visitapp.text.polish.doc_lemmas`` of each document beside its text,
   written by Python in the same transaction as the document (a commit hook;
   see ``sqlite_fts.py``) and snippets of lemma matches are cut by
   ``visitapp.text.snippet.mark_matches``; another engine can do the same
   (e.g. a second ``tsvector`` over the lemma string, ``simple`` config).
2. Register it in ``_ENGINES`` in ``visitapp/db/engines/__init__.py`` under the
   SQLAlchemy backend/driver names it serves (``"postgresql"``,
   ``"sqlite+pysqlcipher"``), replacing the "not yet" entry there.
3. Run the engine-neutral tests against it (``tests/test_db_engines.py``
   shows which behaviours every engine must keep).

The schema and its Alembic migrations are shared by every engine; the search
index is not part of the models (each engine creates it in
:meth:`Backend.ensure_search`, called after every migration).  The fast write
path needs little from an engine: ``Database.core_write`` runs SQLAlchemy
Core statements on the engine's own connection, in the transaction
:meth:`Backend.write_transaction` gives (SQLAlchemy's own by default; SQLite
begins and commits it on its driver, see ``sqlite_write.py``).  An engine may offer the note save a
writer of the note's search document (:data:`NOTE_DOC_OPTION`), so that the
index takes a saved note once, with its lemmas (SQLite does; PostgreSQL does not).
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnExpressionArgument, Connection, Engine, Table, exc
from sqlalchemy.sql import ColumnElement, FromClause

from visitapp.errors import DatabaseError

if TYPE_CHECKING:  # only annotations: opening a database imports no ORM (issue 10, `visits`)
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class SearchTerm:
    """One part of what a person typed into the search box, engine-neutral.

    ``words`` are matched in this order as one phrase (a single word is a
    phrase of one); ``prefix`` makes the last word match any word it begins.
    """

    words: tuple[str, ...]
    prefix: bool = False
    #: For a single word (no prefix): the folded lemmas it stands for
    #: (``visitapp.text.polish.query_lemmas``, always holding the word itself);
    #: the word then matches any form of any of them.  Empty: the word matches
    #: only as typed (``--exact``).
    lemmas: tuple[str, ...] = ()
    #: With ``lemmas``: also match the word as typed in the text (for a word
    #: the analyser does not know, e.g. ``zazolc`` typed for "Zażółć").
    typed: bool = False


#: Called with (done, total) as a long index build goes; it may raise to stop it.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SearchRow:
    """One match: which document (``kind``, the row's primary key, its visit's key), a snippet, a rank.

    The snippet marks each match with ``MARK_START``/``MARK_END`` of
    ``visitapp.services.search``; a lower rank is a better match.
    """

    kind: str
    ref_id: int
    visit_pk: int
    snippet: str
    rank: float


class Backend(ABC):
    """One engine, bound to one database (a file or a server database).

    Made by :func:`visitapp.db.engines.backend_for`; nothing is created or
    opened until :meth:`prepare` runs.
    """

    #: A name for people, e.g. "SQLite", "PostgreSQL".
    name: str = ""
    #: Whether ``Database.core_write`` keeps each writing thread's connection between transactions
    #: instead of taking one from the pool each time (see ``Database._writer``): worth it where a
    #: transaction costs little more than that (an embedded file), not where an idle connection
    #: is a server's resource that may be dropped under it.
    keeps_writer: bool = False

    def __init__(self, *, lock_timeout_ms: int) -> None:
        self.lock_timeout_ms = lock_timeout_ms

    def write_transaction(self, conn: Connection) -> contextlib.AbstractContextManager[object]:
        """One write transaction on a kept writer ``conn`` (see :attr:`keeps_writer`), committed at the end.

        SQLAlchemy's own here; an engine may run it on its driver instead (SQLite: ``sqlite_write``).
        """
        return conn.begin()

    # -- where, and opening ----------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The database file, or None for an engine that runs on a server."""
        return None

    @abstractmethod
    def describe(self) -> str:
        """Where the database is, for messages (a path, or a URL without its password)."""

    @abstractmethod
    def prepare(self, *, create: bool) -> str | None:
        """The open-time checks, before any connection may write.

        Return the Alembic revision stored in the database (None for a new or
        empty one).  Raise ``DatabaseError`` with one sentence for a database
        that is missing (when not ``create``), foreign, damaged, locked or
        written by a newer visitapp; such a database is left untouched.  May
        create what a new database needs (the file's folder).
        """

    @abstractmethod
    def create_engine(self) -> Engine:
        """The SQLAlchemy engine with this engine's connect-time settings.

        Transactions must be begun explicitly so that migrations are
        transactional; a connection with the execution option
        ``visitapp_write=True`` must take the write lock when its transaction
        begins (``BEGIN IMMEDIATE`` in SQLite), so that writers queue
        (within ``lock_timeout_ms``) instead of failing later.
        """

    def lock_migrations(self, conn: Connection) -> None:
        """Called first in the migration transaction: an engine shared by several processes locks here.

        Held until that transaction ends, so two processes opening one new
        database build its schema once (PostgreSQL: an advisory lock).
        ``Database`` re-reads the revision after it.  SQLite keeps this default
        (its first write locks the file).
        """
        return None

    @abstractmethod
    def translate_error(self, err: BaseException) -> DatabaseError | None:
        """Map a driver error to one sentence for the user, or None if it is a bug."""

    @abstractmethod
    def backup(self, engine: Engine, target: Path) -> Path:
        """Copy the live database consistently to the file ``target`` (made before a migration)."""

    # -- the search index ---------------------------------------------------

    @abstractmethod
    def search_is_stale(self, conn: Connection) -> bool:
        """True when the search index's definition is missing or older than this visitapp's."""

    @abstractmethod
    def ensure_search(self, conn: Connection, *, rebuild_index: bool) -> None:
        """Create the search index and whatever keeps it in step (triggers); optionally refill it.

        Runs inside the caller's transaction after every migration.
        """

    def analyse_backlog(self, engine: Engine, *, progress: Progress | None = None) -> int:
        """Finish what the search index still lacks (e.g. lemmas after an upgrade), in batches; return how many.

        Called by ``Database.open`` after migrations.  Interruptible: each batch
        is its own transaction and the rest is done at the next open.  An
        engine whose index needs no such step keeps this default.
        """
        return 0

    @abstractmethod
    def search(
        self, session: Session, terms: list[SearchTerm], *, limit: int, visit_pk: int | None, window: int,
        marks: tuple[str, str],
    ) -> list[SearchRow]:
        """The best ``limit`` matches of all ``terms`` (ANDed), best first.

        ``window`` bounds the ranking cost: an engine may rank among the
        newest ``window`` matches only.  ``marks`` surround each match in the
        snippet.  Never raises on odd input: ``terms`` hold words only.
        """

    # -- JSON arrays stored in text columns (tags, agenda) --------------------------

    @abstractmethod
    def json_array_values(self, column: ColumnExpressionArgument[Any]) -> FromClause:
        """A table of the array's elements with one column, ``value`` (joinable per row)."""

    def in_json_ids(self, column: ColumnElement[Any], ids: Any) -> ColumnElement[bool]:
        """True where ``column`` (an integer key) is among the integers of the JSON array ``ids`` (a parameter)."""
        from sqlalchemy import Integer, cast, select

        elements = self.json_array_values(ids)
        return column.in_(select(cast(elements.c.value, Integer)).select_from(elements))

    def json_array_contains(self, column: ColumnExpressionArgument[Any], value: Any) -> ColumnElement[bool]:
        """True where the JSON array in ``column`` holds ``value``."""
        from sqlalchemy import exists, select

        elements = self.json_array_values(column)
        return exists(select(elements.c.value).where(elements.c.value == value))

    # -- a shared registry: copies between engines, concurrent merges ----------------

    def snapshot_options(self) -> dict[str, Any]:
        """Execution options under which one read transaction sees every table as of one moment.

        Asked by ``visitapp.registry.copy`` before reading a whole registry.
        SQLite's read transactions are such snapshots already (WAL); a server
        engine asks for repeatable reads.
        """
        return {}

    def reset_sequences(self, conn: Connection, tables: Sequence[Table]) -> None:
        """After rows were inserted with their own ids (a registry copy), make new ids follow the largest.

        SQLite needs nothing (a new row takes the largest id + 1); an engine
        with sequences sets them past the copied ids, in ``conn``'s transaction.
        """
        return None

    def lock_merge(self, session: Session, keys: Sequence[str]) -> None:
        """Wait until no other merge holds any of ``keys``; held until ``session``'s transaction ends.

        Called by the merge of one file (``visitapp.registry.apply.merge_in``)
        before it reads anything it matches on, with keys naming the file, its
        visit, organisation, series and people (``apply.merge_keys``).  SQLite
        needs nothing: a write transaction holds the whole file
        (``BEGIN IMMEDIATE``), so merges run one after the other.  An engine
        whose writers run at the same time serialises the merges that touch
        the same things (PostgreSQL: transaction-level advisory locks), so two
        coordinators never both add one visit, organisation or person.  Such
        an engine lets the write transactions begun inside :func:`keyed_writes`
        (merges, which lock their keys) run beside each other, while every
        other writer still runs alone.
        """
        return None


#: The execution option under which an engine gives the edit operation its writer of a note's search
#: document (``sqlite_fts.write_note_doc``): called with (connection, note's key, visit's key, visit's
#: language, (text, tags) before, (text, tags) after) just before the note's UPDATE, in its transaction.
#: An engine whose index is kept otherwise (PostgreSQL: a commit hook) sets none.
NOTE_DOC_OPTION = "visitapp_note_doc"
NoteDocWriter = Callable[
    [Connection, int, int, "str | None", "tuple[str, Sequence[str] | None]", "tuple[str, Sequence[str] | None]"],
    None,
]


def note_doc_writer(conn: Connection) -> NoteDocWriter | None:
    """The engine's writer of a note's search document for ``conn`` (see :data:`NOTE_DOC_OPTION`), or None."""
    writer: NoteDocWriter | None = conn.get_execution_options().get(NOTE_DOC_OPTION)
    return writer


def driver_error(conn: Connection, statement: str, err: Exception) -> exc.StatementError:
    """A driver's error from ``statement`` run on ``conn``'s DBAPI connection, as Connection.execute raises it.

    ``Database`` then turns it into one sentence; the statement's parameters (a note's text) stay out.
    For the statements run on the driver itself: the note save's (``ops/prepared.py``, ``sqlite_write.py``).
    """
    return exc.DBAPIError.instance(statement, (), err, conn.dialect.loaded_dbapi.Error, hide_parameters=True,
                                   dialect=conn.dialect)


_KEYED_WRITES: ContextVar[bool] = ContextVar("visitapp_keyed_writes", default=False)


@contextlib.contextmanager
def keyed_writes() -> Iterator[None]:
    """Write transactions begun in this block lock what they touch by :meth:`Backend.lock_merge` keys."""
    token = _KEYED_WRITES.set(True)
    try:
        yield
    finally:
        _KEYED_WRITES.reset(token)


def writes_keyed() -> bool:
    """Whether a write transaction begun now is a keyed one (see :func:`keyed_writes`)."""
    return _KEYED_WRITES.get()
