"""One object owns the database: opening, checking, migrating, sessions, errors.

Durability: the file runs in WAL mode with ``synchronous=FULL``.  In WAL mode
``NORMAL`` already survives a killed process (the WAL is in the OS cache), but
commits since the last checkpoint can roll back after a power cut; ``FULL``
syncs the WAL on every commit, so a change reported stored survives both.  It
costs a sync per commit (about 3,300 commits/s on the development disk), far
above what typing needs.

Transactions: pysqlite's own transaction handling is switched off and every
transaction is begun explicitly (SQLAlchemy's recipe), which makes SQLite DDL
transactional for migrations.  Write sessions begin ``IMMEDIATE`` so that two
processes writing the same file wait for each other (``busy_timeout``) instead
of failing on a lock upgrade.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import platformdirs
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from visitapp.db import fts
from visitapp.errors import DatabaseError, DatabaseLocked, StorageFull
from visitapp.i18n import _

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Files up to this size (an official's database: years of visits) get a full
# page check at open, about 2 ms per MB; a registry larger than this relies on
# SQLite reporting damage when a query meets it (still one sentence, see
# translate_error), so that opening it stays fast.
FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_db_path() -> Path:
    """``VISITAPP_DB`` if set, else ``visitapp.db`` in the platform's user data folder."""
    env = os.environ.get("VISITAPP_DB")
    if env:
        return Path(env)
    return platformdirs.user_data_path("visitapp", appauthor=False) / "visitapp.db"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.cache
def _scripts() -> ScriptDirectory:
    """The migration scripts, read once per process (every open compares against them)."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def translate_error(err: BaseException, path: Path | str) -> DatabaseError | None:
    """Map a driver error to one sentence for the user, or None if it is a bug."""
    orig = getattr(err, "orig", err)
    message = str(orig).lower()
    if isinstance(orig, sqlite3.OperationalError) or isinstance(err, exc.OperationalError):
        if "locked" in message or "busy" in message:
            return DatabaseLocked(
                _("The database {path} is in use by another program (perhaps another copy of visitapp); "
                  "close it and try again.").format(path=path)
            )
        if "disk is full" in message or "database or disk is full" in message:
            return StorageFull(
                _("The disk holding {path} is full; the last change was not stored. "
                  "Free some space and try again.").format(path=path)
            )
        if "readonly" in message or "read-only" in message:
            return DatabaseError(_("The database {path} cannot be written to.").format(path=path))
        if "unable to open" in message:
            return DatabaseError(_("The database {path} cannot be opened.").format(path=path))
    if isinstance(orig, sqlite3.DatabaseError) and (
        "malformed" in message or "not a database" in message or "corrupt" in message
    ):
        return DatabaseError(
            _("The database {path} is damaged; visitapp did not change it.").format(path=path)
        )
    return None


class Database:
    """An open visitapp database: the engine, sessions and the file's path."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(visitapp_write=True), expire_on_commit=False)

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, backup_dir: Path | None = None) -> Database:
        """Open (and create, and migrate) the database at ``path``.

        Raises :class:`DatabaseError` with one sentence for a file that is not
        a visitapp database, is damaged, was written by a newer visitapp, or is
        locked; such a file is left untouched.
        """
        path = Path(path).expanduser()
        exists = path.exists() and path.stat().st_size > 0
        if path.is_dir():
            raise DatabaseError(_("{path} is a folder, not a database file.").format(path=path))
        if not exists and not create:
            raise DatabaseError(_("There is no database at {path}.").format(path=path))
        revision: str | None = None
        if exists:
            revision = _inspect(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise DatabaseError(
                    _("The folder for {path} cannot be created: {reason}.").format(path=path, reason=err.strerror)
                ) from err
        engine = _make_engine(f"sqlite:///{path}")
        db = cls(engine, path)
        try:
            db._migrate(revision, backup_dir=backup_dir)
        except DatabaseError:
            engine.dispose()
            raise
        except exc.DBAPIError as err:
            engine.dispose()
            mapped = translate_error(err, path)
            if mapped is None:
                raise
            raise mapped from err
        return db

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _migrate(self, revision: str | None, *, backup_dir: Path | None) -> None:
        head = head_revision()
        if revision == head:
            with self.engine.connect() as conn:
                stale = fts.missing_triggers(conn) or fts.stored_ddl_version(conn) != fts.ddl_version()
            if stale:
                with self.engine.begin() as conn:
                    fts.ensure(conn, rebuild_index=True)
            return
        if revision is not None and self.path is not None:
            self.backup(_backup_path(self.path, revision, backup_dir))
        from alembic import command

        cfg = alembic_config()
        with self.engine.connect() as conn:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                # Batch migrations drop triggers; recreate them and the index.
                fts.ensure(conn, rebuild_index=revision is not None)

    def backup(self, target: Path) -> Path:
        """Copy the live database (WAL included) with SQLite's backup API."""
        target.parent.mkdir(parents=True, exist_ok=True)
        raw = self.engine.raw_connection()
        try:
            dest = sqlite3.connect(target)
            try:
                raw.driver_connection.backup(dest)
            finally:
                dest.close()
        finally:
            raw.close()
        return target

    # -- sessions --------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; objects stay usable after it ends."""
        with self._errors():
            with self._read() as session, session.begin():
                yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work committed at the end (rolled back on any error)."""
        with self._errors():
            with self._write() as session, session.begin():
                yield session

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextlib.contextmanager
    def raw_write(self) -> Iterator[sqlite3.Connection]:
        """A bare sqlite3 connection inside one IMMEDIATE transaction, committed at the end.

        For the one path where the ORM's per-transaction overhead matters:
        saving a note while the user types (see benchmarks/storage.py).
        SQLite only; callers fall back to :meth:`write` elsewhere.
        """
        with self._errors():
            pooled = self.engine.raw_connection()
            try:
                conn = pooled.driver_connection
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except sqlite3.Error as err:
                raise exc.DBAPIError(None, None, err) from err
            finally:
                pooled.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except exc.DBAPIError as err:
            mapped = translate_error(err, self.path or self.engine.url)
            if mapped is None:
                raise
            raise mapped from err


def _backup_path(path: Path, revision: str, backup_dir: Path | None) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = backup_dir or path.parent
    return folder / f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix or '.db'}"


def _inspect(path: Path) -> str | None:
    """Check that ``path`` is a visitapp database we can open; return its revision.

    Reads only: a foreign, damaged or newer file is never modified.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as err:
        raise DatabaseError(_("{path} cannot be read: {reason}.").format(path=path, reason=err.strerror)) from err
    if header != SQLITE_MAGIC:
        raise DatabaseError(_("{path} is not a visitapp database.").format(path=path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as err:
        raise DatabaseError(_("The database {path} cannot be opened.").format(path=path)) from err
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "alembic_version" not in tables or "visits" not in tables:
            raise DatabaseError(_("{path} is not a visitapp database.").format(path=path))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if path.stat().st_size <= FULL_CHECK_MAX_BYTES:
            # Damage anywhere in the file, found before anything writes to it.
            if conn.execute("PRAGMA quick_check(1)").fetchone() != ("ok",):
                raise DatabaseError(_("The database {path} is damaged; visitapp did not change it.").format(path=path))
    except sqlite3.DatabaseError as err:
        mapped = translate_error(err, path)
        raise (mapped or DatabaseError(_("The database {path} is damaged; visitapp did not change it.").format(path=path))) from err
    finally:
        conn.close()
    revision = row[0] if row else None
    if revision is not None and revision not in known_revisions():
        raise DatabaseError(
            _("The database {path} was written by a newer version of visitapp; "
              "install that version to open it (this file was not changed).").format(path=path)
        )
    return revision


def _make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name != "sqlite":
        return engine

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        if conn.get_execution_options().get("visitapp_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine
