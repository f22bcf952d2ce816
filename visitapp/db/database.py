"""One object owns the database: opening, checking, migrating, sessions, errors.

``Database`` is engine-neutral: what differs between engines (connect-time
settings, open-time checks, the search index, backups, errors) is asked of its
``backend`` (see ``visitapp/db/engines/``; SQLite is the default, and its
durability and transaction rules are described in ``engines/sqlite.py``).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import os
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy import Connection, Engine, exc

from visitapp.db.engines import Backend, as_target, backend_for
from visitapp.db.engines.base import Progress
from visitapp.errors import DatabaseError
from visitapp.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy.orm import Session, sessionmaker

    from visitapp.db.engines.sqlcipher import DbKey, KeySource

# How long a connection waits for another program's lock before the user is told.
BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


_default_progress: Progress | None = None


def set_default_progress(progress: Progress | None) -> None:
    """Where :meth:`Database.open` reports a long search index build when not given ``progress`` (the CLI: stderr)."""
    global _default_progress
    _default_progress = progress


_analysis_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar("visitapp_analysis_deferred",
                                                                         default=False)


@contextlib.contextmanager
def analysis_deferred() -> Iterator[None]:
    """Within it, :meth:`Database.open` leaves the search backlog to its caller (the desktop app's start)."""
    token = _analysis_deferred.set(True)
    try:
        yield
    finally:
        _analysis_deferred.reset(token)


def default_db_path() -> Path | str:
    """``VISITAPP_DB`` if set (a path, or a database URL kept as text), else ``visitapp.db`` in the user data folder."""
    env = os.environ.get("VISITAPP_DB")
    if env:
        return as_target(env)
    return platformdirs.user_data_path("visitapp", appauthor=False) / "visitapp.db"


# The schema's revisions, oldest first, as the scripts in migrations/versions chain them (a test checks
# this against Alembic's own reading). Opening a database at the head compares its stored revision with
# this and never imports Alembic, which costs a third of a second at every start (issue 10, fast start).
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
HEAD_REVISION = REVISIONS[-1]


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.cache
def _scripts() -> ScriptDirectory:
    """The migration scripts as Alembic reads them (tests compare :data:`REVISIONS` with them)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return HEAD_REVISION


def known_revisions() -> set[str]:
    return set(REVISIONS)


class Database:
    """An open visitapp database: the SQLAlchemy engine, sessions, and the engine's ``backend``."""

    def __init__(self, engine: Engine, backend: Backend) -> None:
        self.engine = engine
        self.backend = backend
        #: The database file, or None for an engine that runs on a server.
        self.path: Path | None = backend.path
        self._write_engine = engine.execution_options(visitapp_write=True)
        # core_write's connection per writing thread, where the backend keeps one (see _writer).
        self._local = threading.local()
        self._writers: list[tuple[weakref.ref[threading.Thread], Connection]] = []
        self._writers_lock = threading.Lock()
        # id() of each kept writer while core_write runs a transaction on it (the transaction may be the
        # driver's, which SQLAlchemy does not see): close() leaves those to their thread.
        self._busy: set[int] = set()
        self._closes = 0  # how often close() ran: a thread's writer kept from before is not used again
        # The ORM is imported with the first session: a command that reads with Core alone (``visits``, see
        # visitapp.db.visit_list) starts without it (issue 10, fast start).
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None

    def _sessionmakers(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        """(reading, writing) session factories, made at the first session."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = (sessionmaker(self.engine, expire_on_commit=False),
                              sessionmaker(self._write_engine, expire_on_commit=False))
        return self._sessions

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, target: str | Path, *, create: bool = True, backup_dir: Path | None = None,
             progress: Progress | None = None, key: DbKey | KeySource | None = None,
             analyse: bool | None = None) -> Database:
        """Open (and create, and migrate) the database at ``target``: a file path or a database URL.

        A string ``scheme://…`` or ``scheme+driver://…`` is always a URL (see
        ``visitapp.db.engines``): one whose engine visitapp does not implement,
        or a malformed one, raises ``InvalidInput`` before anything is created.
        Raises :class:`DatabaseError` with one sentence for a database that is
        not a visitapp database, is damaged, was written by a newer visitapp,
        or is locked; such a database is left untouched.

        After migrating, the search index's backlog (lemmas of documents an
        upgrade or another program left unanalysed) is built in batches,
        reporting ``progress(done, total)``; interrupted, it resumes at the
        next open (see ``Backend.analyse_backlog``).  With ``analyse=False``,
        or by default inside :func:`analysis_deferred`, that is left to the
        caller (:meth:`analyse_backlog`): the desktop app shows its window
        first and analyses on its DB worker.

        ``key`` (a ``visitapp.db.engines.sqlcipher.DbKey``, or a ``KeySource``
        asked only when the file is encrypted; None: the process's default
        source, see ``sqlcipher.set_default_key_source``) opens an encrypted
        file, or creates a new file encrypted.  A plain file opens as before.
        An encrypted file without a key, or with a wrong one, raises one
        sentence and is left untouched.
        """
        backend = backend_for(target, lock_timeout_ms=BUSY_TIMEOUT_MS, key=key)
        revision = backend.prepare(create=create)
        engine = backend.create_engine()
        db = cls(engine, backend)
        try:
            db._migrate(revision, backup_dir=backup_dir)
            if not _analysis_deferred.get() if analyse is None else analyse:
                backend.analyse_backlog(engine, progress=progress or _default_progress)
        except DatabaseError:
            engine.dispose()
            raise
        except exc.DBAPIError as err:
            engine.dispose()
            mapped = backend.translate_error(err)
            if mapped is None:
                raise
            raise mapped from err
        return db

    def close(self) -> None:
        with self._writers_lock:
            writers, self._writers = self._writers, []
            self._closes += 1
        for _thread, conn in writers:
            if id(conn) not in self._busy:  # a write still running on its thread: closed by it (see _writer)
                conn.close()
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _migrate(self, revision: str | None, *, backup_dir: Path | None) -> None:
        head = head_revision()
        if revision == head:
            with self.engine.connect() as conn:
                stale = self.backend.search_is_stale(conn)
            if stale:
                with self.engine.begin() as conn:
                    self.backend.lock_migrations(conn)
                    if self.backend.search_is_stale(conn):  # not rebuilt by another process meanwhile
                        self.backend.ensure_search(conn, rebuild_index=True)
            return
        if revision is not None and self.path is not None:
            # A server database is backed up by whoever runs the server (and
            # its DDL is transactional: a failed migration rolls back whole).
            self.backup(_backup_path(self.path, revision, backup_dir))
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        cfg = alembic_config()
        with self.engine.connect() as conn, conn.begin():
            # Under the engine's migration lock, read the revision again: another
            # process opening the same server database may have migrated it.
            self.backend.lock_migrations(conn)
            current = MigrationContext.configure(conn).get_current_revision()
            if current != revision and current is not None and current not in known_revisions():
                raise DatabaseError(
                    _("The database {path} was written by a newer version of visitapp; install that version "
                      "to open it (nothing was changed).").format(path=self.backend.describe()))
            if current == head:
                if self.backend.search_is_stale(conn):
                    self.backend.ensure_search(conn, rebuild_index=True)
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            # Batch migrations drop triggers; recreate them and the index.
            self.backend.ensure_search(conn, rebuild_index=current is not None)

    def analyse_backlog(self, progress: Progress | None = None) -> int:
        """Analyse what the search index still lacks, as :meth:`open` does (batches, interruptible); how many."""
        with self._errors():
            return self.backend.analyse_backlog(self.engine, progress=progress)

    def backup(self, target: Path) -> Path:
        """Copy the live database consistently (SQLite: the backup API, WAL included) to ``target``."""
        return self.backend.backup(self.engine, target)

    # -- sessions --------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; objects stay usable after it ends."""
        with self._errors(), self._sessionmakers()[0]() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work committed at the end (rolled back on any error)."""
        with self._errors(), self._sessionmakers()[1]() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def core_read(self) -> Iterator[Connection]:
        """A read-only unit of work on a plain SQLAlchemy connection (Core statements, no ORM imported)."""
        with self._errors(), self.engine.connect() as conn, conn.begin():
            yield conn

    def core_write(self) -> contextlib.AbstractContextManager[Connection]:
        """One write transaction on a plain SQLAlchemy connection, committed at the end.

        For SQLAlchemy Core statements (``update(...).returning(...)``) where
        the ORM session's per-transaction cost matters: saving a note while the
        user types.  Works on every engine; it takes the write lock at begin
        like :meth:`write`.  This is the one fast write path (it replaced a
        bare sqlite3 connection): see ``visitapp/ops``.  The transaction is the
        engine's (:meth:`Backend.write_transaction`); on SQLite it is begun on
        the driver and SQLAlchemy does not see it (``conn.in_transaction()`` is
        False): no ``conn.begin()``, ``Session(bind=conn)`` or core_write inside.
        """
        if not self.backend.keeps_writer:
            return self._engine_write()
        return _KeptWrite(self)

    @contextlib.contextmanager
    def _engine_write(self) -> Iterator[Connection]:
        with self._errors(), self._write_engine.begin() as conn:
            yield conn

    def _writer(self) -> Connection:
        """This thread's connection for :meth:`core_write`, kept between its transactions.

        A note save is a transaction of a few statements; taking a connection
        from the pool and giving it back (its checkout, reset and events) cost
        about a tenth of it (benchmarks/storage.py). The desktop saves on one
        thread, its DB worker, so one connection stays with it, and so does its
        page cache. It holds no lock between transactions (each begins and
        commits explicitly). Connections of threads that have ended go back to
        the pool when another thread starts writing, and all of them at :meth:`close`.
        """
        conn = getattr(self._local, "writer", None)
        if conn is not None and not conn.closed:
            if getattr(self._local, "closes", None) == self._closes:
                return conn
            conn.close()  # kept from before a close() that found it in a transaction: it goes back now
        conn = self._write_engine.connect()
        self._local.closes = self._closes
        with self._writers_lock:
            ended = [c for t, c in self._writers if not _alive(t())]
            self._writers = [(t, c) for t, c in self._writers if c not in ended] + [
                (weakref.ref(threading.current_thread()), conn)]
        for old in ended:
            old.close()
        self._local.writer = conn
        return conn

    def _drop_writer(self, conn: Connection) -> None:
        self._local.writer = None
        with self._writers_lock:
            self._writers = [(t, c) for t, c in self._writers if c is not conn]
        with contextlib.suppress(exc.SQLAlchemyError):
            conn.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except exc.DBAPIError as err:
            self._raise_translated(err)
            raise

    def _raise_translated(self, err: exc.DBAPIError) -> None:
        """Raise the engine's one sentence for a driver error, if it has one (else return)."""
        mapped = self.backend.translate_error(err)
        if mapped is not None:
            raise mapped from err


class _KeptWrite:
    """:meth:`Database.core_write` on this thread's kept connection (see ``Database._writer``).

    A class rather than a generator: it runs around every note save, and costs less so.
    A driver error (a lock, a full disk, an I/O error) rolls back, the next write starts
    on a fresh connection from the pool, and it is raised as one sentence; a refusal of
    the operation's own keeps the connection.
    """

    __slots__ = ("_conn", "_db", "_transaction")

    def __init__(self, db: Database) -> None:
        self._db = db

    def __enter__(self) -> Connection:
        db = self._db
        try:
            conn = db._writer()
        except exc.DBAPIError as err:
            db._raise_translated(err)
            raise
        busy = db._busy  # its transaction may be the driver's, unseen by SQLAlchemy (see close())
        if id(conn) in busy:  # core_write inside core_write on one thread: the outer one is left as it is
            raise exc.InvalidRequestError("a write transaction is already open on this thread")
        busy.add(id(conn))
        try:
            transaction = db.backend.write_transaction(conn)  # an engine's may begin here (conn.begin())
            transaction.__enter__()
        except BaseException as err:
            self._failed(conn, err)
            raise
        self._conn, self._transaction = conn, transaction
        return conn

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        conn = self._conn
        try:
            self._transaction.__exit__(kind, err, tb)
        except BaseException as failed:  # the commit (or the rollback) failed
            self._failed(conn, failed)
            raise
        if err is None:
            self._db._busy.discard(id(conn))
        else:
            self._failed(conn, err)

    def _failed(self, conn: Connection, err: BaseException) -> None:
        """After the transaction failed with ``err``: free the thread, drop the connection on a driver
        error, and raise a driver error's sentence (otherwise the caller raises ``err`` itself)."""
        db = self._db
        try:  # dropped while still marked busy: close() leaves a busy writer to the thread that holds it
            if isinstance(err, exc.SQLAlchemyError):
                db._drop_writer(conn)
        finally:
            db._busy.discard(id(conn))
        if isinstance(err, exc.DBAPIError):
            db._raise_translated(err)


def _alive(thread: threading.Thread | None) -> bool:
    return thread is not None and thread.is_alive()


def _backup_path(path: Path, revision: str, backup_dir: Path | None) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = backup_dir or path.parent
    return folder / f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix or '.db'}"
