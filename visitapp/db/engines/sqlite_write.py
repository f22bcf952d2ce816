"""Write transactions of the SQLite engine: begun and committed on the driver (a part of ``sqlite.py``).

Every SQLite transaction is begun explicitly (pysqlite's own handling is off):
:func:`begin` runs ``BEGIN IMMEDIATE`` for a write, so that two processes writing
one file wait for each other instead of failing on a lock upgrade, and
:func:`before_commit` writes the lemmas of what the transaction wrote (a stored
note is findable by them at once). The engine listens to SQLAlchemy's ``begin``
and ``commit`` events with them, for sessions and ``engine.begin()``.

The note save (``Database.core_write`` on the thread's kept connection) runs
its transaction here instead, in :class:`DriverTransaction`: SQLAlchemy's
``Connection.begin()``, its commit and the dispatch of their events cost about
0.08 ms of a save on a 200,000-note file (benchmarks/storage.py), a quarter of
what the operation layer adds to a bare UPDATE + COMMIT. Nothing is lost:

* when anything besides the engine listens to those events (the GUI's thread
  guard, a test), they are dispatched as SQLAlchemy would, the engine's own
  hooks among them;
* a statement run through SQLAlchemy on the connection meanwhile makes
  SQLAlchemy begin: it joins this transaction (:func:`begin` finds it open)
  and SQLAlchemy then ends it, with its events;
* a driver error is raised as SQLAlchemy's ``DBAPIError`` (``Database`` turns
  it into one sentence), and the transaction is rolled back on any error.
"""

from __future__ import annotations

import contextlib
from typing import Any

from sqlalchemy import Connection, exc
from sqlalchemy.event import attr as _attr

from visitapp.db.engines import sqlite_fts as fts
from visitapp.db.engines.base import driver_error

# Where SQLAlchemy keeps the listeners of an event (see listeners()): private classes, None in a version
# without them (every collection is then asked its own len()).
_EMPTY: Any = getattr(_attr, "_EmptyListener", None)
_JOINED: Any = getattr(_attr, "_JoinedListener", None)
_COLLECTION: Any = getattr(_attr, "_ListenerCollection", None)

#: Set in a connection's ``info`` while a :class:`DriverTransaction` holds its transaction.
ON_DRIVER = "visitapp_transaction_on_driver"


def listeners(heard: Any) -> int:
    """``len(heard)``: how many functions listen to one event of a connection (``conn.dispatch.begin``).

    Counted on the collections SQLAlchemy keeps them in (the connection's, its engine's, that
    engine's parent's): SQLAlchemy's own ``len`` walks them through four nested Python
    ``__len__`` calls, a twentieth of what the operation layer adds to a note save. A
    collection of any other shape (another SQLAlchemy) is asked its own ``len``.
    """
    count = 0
    while type(heard) is _JOINED:
        local = heard.local
        count += len(local.parent_listeners) if type(local) is _EMPTY else listeners(local)
        heard = getattr(heard.parent_dispatch, heard.name)
    if type(heard) is _COLLECTION:
        return count + len(heard.parent_listeners) + len(heard.listeners)
    if type(heard) is _EMPTY:
        return count + len(heard.parent_listeners)
    return count + len(heard)


def _run(conn: Connection, sql: str, dbapi: Any = None) -> None:
    """``sql`` on the driver (``dbapi``, the connection's own); its error as Connection.execute raises it."""
    if dbapi is None:
        dbapi = conn.connection.dbapi_connection
    try:
        dbapi.execute(sql)
    except conn.dialect.loaded_dbapi.Error as err:
        raise driver_error(conn, sql, err) from err


def begin(conn: Connection) -> None:
    """SQLAlchemy's ``begin`` event: BEGIN (IMMEDIATE for a write) on the driver, or join a DriverTransaction."""
    dbapi: Any = conn.connection.dbapi_connection
    if dbapi.in_transaction and conn.info.get(ON_DRIVER):
        return
    _begin(conn, dbapi)


def _begin(conn: Connection, dbapi: Any) -> None:
    _run(conn, "BEGIN IMMEDIATE" if conn.get_execution_options().get("visitapp_write") else "BEGIN", dbapi)


def before_commit(conn: Connection) -> None:
    """SQLAlchemy's ``commit`` event: the lemmas of what this write transaction wrote, before SQLite's COMMIT."""
    _before_commit(conn, conn.connection.dbapi_connection)


def _before_commit(conn: Connection, dbapi: Any) -> None:
    options = conn.get_execution_options()
    if options.get("visitapp_write") and not options.get("visitapp_backlog"):
        try:
            fts.analyse_pending(dbapi)
        except conn.dialect.loaded_dbapi.Error as err:
            raise driver_error(conn, "analyse", err) from err


def _rollback(conn: Connection) -> None:
    if conn.get_transaction() is not None:  # SQLAlchemy joined (even one whose commit failed, now inactive)
        conn.rollback()
        return
    dbapi: Any = conn.connection.dbapi_connection
    if dbapi is not None and dbapi.in_transaction:
        with contextlib.suppress(conn.dialect.loaded_dbapi.Error):  # the error that led here is the one to tell
            dbapi.execute("ROLLBACK")


class DriverTransaction:
    """One write transaction of ``conn`` begun and committed on its driver; see the module.

    SQLAlchemy does not see it: no ``conn.begin()`` or ``Session(bind=conn)`` inside (a Session
    rolls back at its close what it began, and that ends this transaction: it raises then), and
    no second one on the same connection (refused, as SQLAlchemy refuses a second begin).
    A class, not a generator: it runs around every note save, and costs less so.
    """

    __slots__ = ("_conn", "_dbapi", "_info")

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def __enter__(self) -> Connection:
        conn = self._conn
        info, dbapi = conn.info, conn.connection.dbapi_connection
        if info.get(ON_DRIVER) or getattr(dbapi, "in_transaction", False) or conn.get_transaction() is not None:
            raise exc.InvalidRequestError("a write transaction is already open on this connection")
        info[ON_DRIVER] = True
        self._info, self._dbapi = info, dbapi
        try:
            heard = conn.dispatch.begin
            if listeners(heard) > 1:  # more than the engine's own hook listens: all of them hear it
                heard(conn)
            else:
                _begin(conn, dbapi)
        except BaseException:
            try:
                _rollback(conn)
            finally:
                info.pop(ON_DRIVER, None)
            raise
        return conn

    def __exit__(self, kind: object, err: BaseException | None, tb: object) -> None:
        conn = self._conn
        try:
            if err is not None:
                _rollback(conn)
                return
            try:
                self._commit(conn)
            except BaseException:
                _rollback(conn)
                raise
        finally:
            self._info.pop(ON_DRIVER, None)

    def _commit(self, conn: Connection) -> None:
        if conn.in_transaction():  # SQLAlchemy joined (a statement through it): it ends the transaction
            conn.commit()
        elif not getattr(self._dbapi, "in_transaction", False):
            # Ended under it: a Session bound to this connection ends at its close what it began.
            raise RuntimeError("the write transaction was ended inside it by SQLAlchemy (a Session or "
                               "conn.begin() on its connection): it was not one transaction")
        else:
            heard = conn.dispatch.commit
            if listeners(heard) > 1:
                heard(conn)
            else:
                _before_commit(conn, self._dbapi)
            _run(conn, "COMMIT", self._dbapi)
