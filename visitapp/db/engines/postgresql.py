"""The PostgreSQL engine: a coordinators' shared registry on a server (issue 14).  psycopg 3 only.

URLs: ``postgresql+psycopg://user@host:5432/registry``; ``postgresql://`` and
``postgres://`` mean the same (always psycopg 3, never psycopg2).  A Unix
socket is ``postgresql+psycopg://user@/registry?host=/run/postgresql``.  Every
option of libpq passes through the URL's query: TLS (``sslmode=verify-full``,
``sslrootcert=…``, ``sslcert``/``sslkey``), ``service=NAME`` (a service file),
``connect_timeout``.

Passwords: never on a command line.  libpq finds them itself (``~/.pgpass``,
``PGPASSWORD``, a service file), or the user names an environment variable
(``--db-pass-env VAR``): :func:`set_password_source` puts it into the URL
object handed to SQLAlchemy, which never prints it (:meth:`describe` and every
message show the URL without it).

Schema: the same Alembic migrations as SQLite build it.  They run in one
transaction holding ``pg_advisory_xact_lock(MIGRATION_LOCK)`` (see
:meth:`PostgreSQLBackend.lock_migrations`), so two processes opening an empty
database at once both succeed and the schema is built once: the second waits,
then finds the schema at head.  PostgreSQL's DDL is transactional, so a failed
migration rolls back and leaves the database as it was: no file copy is made
before an upgrade (``Database`` backs up only file databases); :meth:`backup`
refuses in one sentence and points to ``pg_dump``.

Transactions run at READ COMMITTED.  A write transaction
(``visitapp_write=True``) first takes ``pg_advisory_xact_lock(WRITE_LOCK)``:
writers queue one after another, as SQLite's ``BEGIN IMMEDIATE`` makes them,
so every check-then-insert of the services (a merged file's hash, a visit's
UUID) sees what the previous writer committed, while readers (reports,
search) never wait.  ``lock_timeout`` bounds every wait (that lock and row
locks) to ``lock_timeout_ms``; a writer that waited longer gets the "in use"
sentence, as on SQLite; a merge instead runs that file's transaction again
(``registry.batch.Merger``, up to ``MERGE_WAIT_S``) until its neighbour is done.
Finer locks (per visit) can replace the one write lock later without changing
callers: merges now do (``pg_registry.py``: a merge takes the write lock shared
and advisory locks on its own keys).

Search lives in ``postgresql_search.py`` (a ``tsvector`` index, Polish lemmas);
this module only delegates to it.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    ColumnExpressionArgument,
    Connection,
    Engine,
    Integer,
    Table,
    any_,
    cast,
    event,
    func,
    select,
    text,
)
from sqlalchemy import create_engine as sa_create_engine
from sqlalchemy.engine import URL
from sqlalchemy.sql import FromClause

from visitapp.db.engines import pg_registry
from visitapp.db.engines.base import Backend, Progress, SearchRow, SearchTerm, writes_keyed
from visitapp.errors import DatabaseError, DatabaseLocked, InvalidInput, StorageFull
from visitapp.i18n import _

if TYPE_CHECKING:  # only annotations: opening a database imports no ORM (issue 10, `visits`)
    from sqlalchemy.orm import Session

DRIVER = "postgresql+psycopg"
#: pg_advisory_xact_lock keys ("visitapp" in ASCII, then 1 and 2).
MIGRATION_LOCK = 0x7669736974617001
WRITE_LOCK = 0x7669736974617002

#: Returns the password to put into a URL that has none (``--db-pass-env``), or None to let libpq find it.
PasswordSource = Callable[[], str | None]
_password_source: PasswordSource | None = None
#: The servers' databases that source is for (see :func:`_same_database`); None: every URL without a password.
_password_for: frozenset[tuple[Any, ...]] | None = None


# Connections of this process, so that a forked child (the verification worker of a merge) lets go of
# their sockets: otherwise a merge killed mid-way keeps its transaction (and its locks) open on the server
# for as long as a child still holds the socket.
_live: weakref.WeakSet[Any] = weakref.WeakSet()


def _release_in_child() -> None:
    """After fork, in the child: point each inherited connection's socket at /dev/null (never used there)."""
    if not _live:
        return
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for conn in list(_live):
            with contextlib.suppress(Exception):
                fd = conn.pgconn.socket
                if fd >= 0:
                    os.dup2(null, fd)  # the number stays taken; the server sees the parent's socket only
    finally:
        os.close(null)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_release_in_child)


def set_password_source(source: PasswordSource | None, *, only_for: Iterable[object] | None = None) -> None:
    """Where a PostgreSQL URL without a password gets one (the CLI: ``--db-pass-env VAR``); None: libpq's own means.

    ``only_for``: the database URLs the password belongs to (the ones a command names); another server or
    database opened later in the same process (the window's File → Open server registry…) is never sent it.
    """
    global _password_source, _password_for
    _password_source = source
    _password_for = None if only_for is None else frozenset(
        key for key in (_database_key(target) for target in only_for) if key is not None)


def _database_key(target: object) -> tuple[Any, ...] | None:
    """Who connects where: user, host, port, database and libpq options of a PostgreSQL URL (not its password)."""
    if isinstance(target, str):
        if not target.lower().startswith("postgres"):
            return None
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            target = make_url(target)
        except (ArgumentError, ValueError):
            return None
    if not isinstance(target, URL):
        return None
    query = tuple(sorted((k, str(v)) for k, v in target.query.items() if k.lower() != "password"))
    return (target.username, target.host, target.port, target.database, query)


def normalise(url: URL) -> URL:
    """``postgres://``, ``postgresql://`` and ``postgresql+psycopg://`` → psycopg 3; any other driver is refused."""
    name = url.drivername.lower()
    if name in ("postgresql", "postgres", DRIVER, "postgres+psycopg"):
        return url.set(drivername=DRIVER)
    raise InvalidInput(
        _("visitapp opens PostgreSQL through psycopg 3 only; write the URL as postgresql+psycopg://… ({url}).")
        .format(url=url.render_as_string(hide_password=True))
    )


def password_in_url(target: object) -> bool:
    """True when ``target`` is a PostgreSQL URL with a password in it (``user:secret@host``, ``?password=``).

    Such a URL on a command line shows the password to everyone who lists the processes; the CLI and the
    window refuse it (:func:`password_in_url_refused`) before connecting.
    """
    if not isinstance(target, str) or not target.lower().startswith("postgres"):
        return False
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        return False  # not a URL that could be opened: refused later, in its own sentence
    return bool(url.password) or any(key.lower() == "password" for key in url.query)


def password_in_url_refused() -> InvalidInput:
    """The one sentence for a password typed into a database URL (the URL itself is never repeated)."""
    return InvalidInput(
        _("A password inside the database URL would be seen by anyone who lists this computer's processes; "
          "remove it from the URL and give it with PGPASSWORD, ~/.pgpass, a service file (?service=NAME) "
          "or --db-pass-env VAR."))


def _unreachable(where: str) -> DatabaseError:
    return DatabaseError(
        _("The database server of {url} cannot be reached; check the host, the port and that the server "
          "is running.").format(url=where))


def translate_error(err: BaseException, where: str) -> DatabaseError | None:
    """Map a psycopg error to one sentence for the user, or None if it is a bug."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return None
    orig = getattr(err, "orig", err)
    if not isinstance(orig, psycopg.Error):
        return None
    state = getattr(orig, "sqlstate", None) or ""
    message = str(orig).lower()
    if state in ("55P03", "40001", "40P01") or "lock timeout" in message:
        return DatabaseLocked(
            _("The database {url} is busy with another coordinator's work; try again in a moment.").format(url=where))
    if state == "42501":
        return DatabaseError(
            _("The database user of {url} may not change this registry (read-only rights); "
              "ask its administrator, or only read and report.").format(url=where))
    if state.startswith("53"):
        return StorageFull(
            _("The database server of {url} is out of space or memory; the last change was not stored.")
            .format(url=where))
    if state == "3D000" or ("database" in message and "does not exist" in message):
        return DatabaseError(
            _("There is no database at {url}; ask the server's administrator to create it.").format(url=where))
    if state in ("28P01", "28000") or any(word in message for word in (
            "password authentication failed", "no password supplied", "authentication failed",
            "pg_hba.conf", "role \"")):
        return DatabaseError(
            _("The database server of {url} refused the user name or password; give the password with "
              "--db-pass-env VAR, ~/.pgpass or PGPASSWORD.").format(url=where))
    if any(word in message for word in ("ssl", "certificate", "tls")):
        return DatabaseError(
            _("A secure (TLS) connection to {url} could not be made; check sslmode and the server's certificate "
              "(sslrootcert).").format(url=where))
    if isinstance(orig, psycopg.OperationalError) or state.startswith(("08", "57P")):
        return _unreachable(where)
    return None


class PostgreSQLBackend(Backend):
    """A visitapp registry in one PostgreSQL database (its ``current_schema()``, usually ``public``)."""

    name = "PostgreSQL"

    def __init__(self, url: URL, *, lock_timeout_ms: int) -> None:
        super().__init__(lock_timeout_ms=lock_timeout_ms)
        self.url = normalise(url)
        if not self.url.database and not {"service", "dbname"} & set(self.url.query):  # a service file may name it
            raise InvalidInput(
                _("{url} names no database; give one as postgresql+psycopg://user@host/DATABASE.")
                .format(url=self.describe()))

    def describe(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def _connect_url(self) -> URL:
        """The URL handed to the driver: with the password from :func:`set_password_source` when it has none."""
        url = self.url
        if url.password is None and _password_source is not None and (
                _password_for is None or _database_key(url) in _password_for):
            password = _password_source()
            if password:
                url = url.set(password=password)
        if "connect_timeout" not in url.query:
            url = url.update_query_dict({"connect_timeout": "10"})
        return url

    # -- opening ---------------------------------------------------------

    def prepare(self, *, create: bool) -> str | None:
        """Connect once, check that the database is empty or visitapp's, and read its revision (reads only)."""
        from visitapp.db.database import known_revisions

        probe = sa_create_engine(self._connect_url(), poolclass=_null_pool())
        where = self.describe()
        try:
            with probe.connect() as conn:
                tables = set(conn.execute(text(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                )).scalars())
                revision = None
                if "alembic_version" in tables:
                    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception as err:
            mapped = translate_error(err, where)
            if mapped is None:
                raise
            raise mapped from err
        finally:
            probe.dispose()
        if not tables:
            if not create:
                raise DatabaseError(_("The database {url} holds no visitapp registry yet.").format(url=where))
            return None
        if "alembic_version" not in tables or "visits" not in tables:
            raise DatabaseError(_("{url} is not a visitapp database.").format(url=where))
        if revision is not None and revision not in known_revisions():
            raise newer_schema(where)
        return revision

    def create_engine(self) -> Engine:
        engine = sa_create_engine(self._connect_url(), pool_pre_ping=True, isolation_level="READ COMMITTED")
        lock_ms = int(self.lock_timeout_ms)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):
            _live.add(dbapi_conn)
            # Outside any transaction of ours: psycopg's own implicit one, ended here.
            with dbapi_conn.cursor() as cur:
                cur.execute(f"SET lock_timeout = {lock_ms}")
                cur.execute("SET TIME ZONE 'UTC'")
            dbapi_conn.commit()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            if conn.get_execution_options().get("visitapp_write"):
                # A merge (keyed) shares the write lock with other merges; see pg_registry.py.
                how = "pg_advisory_xact_lock_shared" if writes_keyed() else "pg_advisory_xact_lock"
                conn.exec_driver_sql(f"SELECT {how}({WRITE_LOCK})")

        _search().install(self, engine)  # lemmas written in each writing transaction, as SQLite's commit hook
        return engine

    def lock_migrations(self, conn: Connection) -> None:
        """Hold the migration lock until ``conn``'s transaction ends (another process migrating: wait for it)."""
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")

    def translate_error(self, err: BaseException) -> DatabaseError | None:
        return translate_error(err, self.describe())

    # -- concurrent merges, registry copies (pg_registry.py) ------------------------

    def lock_merge(self, session: Session, keys: Sequence[str]) -> None:
        pg_registry.lock_merge(session, keys)

    def reset_sequences(self, conn: Connection, tables: Sequence[Table]) -> None:
        pg_registry.reset_sequences(conn, tables)

    def snapshot_options(self) -> dict[str, Any]:
        return dict(pg_registry.SNAPSHOT_OPTIONS)

    def backup(self, engine: Engine, target: Path) -> Path:
        """Not by visitapp: a server database is backed up by its server (``pg_dump``).

        An upgrade needs no copy here: PostgreSQL's DDL is transactional, so a
        failed migration rolls back whole (``Database`` backs up only files).
        """
        raise DatabaseError(
            _("visitapp does not copy a server database ({url}); back it up with pg_dump.").format(
                url=self.describe()))

    # -- search (postgresql_search.py) -----------------------------------------

    def search_is_stale(self, conn: Connection) -> bool:
        return bool(_search().search_is_stale(self, conn))

    def ensure_search(self, conn: Connection, *, rebuild_index: bool) -> None:
        _search().ensure_search(self, conn, rebuild_index=rebuild_index)

    def analyse_backlog(self, engine: Engine, *, progress: Progress | None = None) -> int:
        return int(_search().analyse_backlog(self, engine, progress=progress))

    def search(
        self, session: Session, terms: list[SearchTerm], *, limit: int, visit_pk: int | None, window: int,
        marks: tuple[str, str],
    ) -> list[SearchRow]:
        return list(_search().search(self, session, terms, limit=limit, visit_pk=visit_pk, window=window, marks=marks))

    # -- JSON arrays -----------------------------------------------------

    def json_array_values(self, column: ColumnExpressionArgument[Any]) -> FromClause:
        return func.json_array_elements_text(column).table_valued("value")

    def in_json_ids(self, column: ColumnElement[Any], ids: Any) -> ColumnElement[bool]:
        # "= ANY(ARRAY(SELECT …))": the array is computed once and the key's index looks each id up. As
        # "IN (SELECT … FROM json_array_elements_text(…))" the planner expects a hundred ids and joined a
        # whole table instead (13 ms for the visits of a search's hits at 10,000 visits; 2.3 ms this way).
        elements = self.json_array_values(ids)
        array = func.array(select(cast(elements.c.value, Integer)).select_from(elements).scalar_subquery())
        return column == any_(array)


def newer_schema(where: str) -> DatabaseError:
    return DatabaseError(
        _("The database {url} was written by a newer version of visitapp; install that version to open it "
          "(nothing was changed).").format(url=where))


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool


def _search() -> Any:
    """The search half of this engine (``postgresql_search.py``), imported when first needed."""
    from visitapp.db.engines import postgresql_search

    return postgresql_search
