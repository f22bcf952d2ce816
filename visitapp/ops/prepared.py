"""SQLAlchemy Core statements compiled once, run on the operation's own transaction.

Saving a note while the user types is the one write whose cost a person feels
(issues 9 and 12: within 1.5x of a bare UPDATE + COMMIT). ``Connection.execute``
spends about 80 µs of Python per statement (execution context, events, result
wrapping) even with its compiled cache; a save needs three statements. A
:class:`Prepared` statement is still a Core statement, written once beside the
operation: it is compiled for the engine's dialect the first time (per list of
columns an UPDATE sets, in the order given), its parameters and result columns converted by the
same type processors SQLAlchemy uses (UTC datetimes, JSON, enumerations), and
run on the DBAPI connection beneath the operation's, inside the transaction
``Database.core_write`` began. Nothing else changes: the same transaction, the
same commit (and its commit hook: the search lemmas), the same error sentences
(a driver error is wrapped as SQLAlchemy's ``DBAPIError``, which
``Database._errors`` translates). It works on every engine: the statement is
compiled for the dialect at hand (SQLite and SQLCipher ``?``, psycopg ``%(name)s``
with its casts).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import Executable, sqltypes

from visitapp.db.engines.base import driver_error

Processor = Callable[[Any], Any] | None


def _result_processor(column_type: Any, dialect: Dialect) -> Processor:
    """SQLAlchemy's converter of a column's values, if any; JSON's reads an empty list without the parser."""
    process = column_type.dialect_impl(dialect).result_processor(dialect, None)
    if process is None or not isinstance(column_type, sqltypes.JSON):
        return process
    parse = process

    def json_value(value: Any) -> Any:
        return [] if value == "[]" else parse(value)  # a note without tags: most notes

    return json_value


class _Compiled:
    __slots__ = ("converted", "names", "positional", "results", "sql")

    def __init__(self, stmt: Any, dialect: Dialect, keys: tuple[str, ...] | None) -> None:
        compiled = stmt.compile(dialect=dialect, column_keys=list(keys) if keys is not None else None)
        defaults = [c.key for c in (*compiled.insert_prefetch, *compiled.update_prefetch) if c.key not in (keys or ())]
        if defaults:  # Python-side defaults (onupdate=utcnow) are Connection.execute's work: give their values
            raise TypeError(f"{stmt}: give values for {defaults} (a prepared statement computes no defaults)")
        self.sql: str = compiled.string
        self.positional = bool(dialect.positional)
        self.names: tuple[str, ...] = tuple(compiled.positiontup or ()) if self.positional else tuple(compiled.binds)
        binds: dict[str, Processor] = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect) for name, bind in compiled.binds.items()
        }
        # Only the parameters that need converting, with their places (as for the result columns below).
        self.converted: tuple[tuple[int, Callable[[Any], Any]], ...] = tuple(
            (i, p) for i, name in enumerate(self.names) if (p := binds.get(name)) is not None
        )
        columns = getattr(stmt, "selected_columns", None) or ()
        processors = [_result_processor(col.type, dialect) for col in columns]
        # Only the columns that need converting (dates, JSON, enumerations), with their places.
        self.results: tuple[tuple[int, Callable[[Any], Any]], ...] = tuple(
            (i, p) for i, p in enumerate(processors) if p is not None
        )

    def params(self, values: dict[str, Any]) -> Sequence[Any] | dict[str, Any]:
        out = list(map(values.__getitem__, self.names))  # no comprehension's frame
        for i, process in self.converted:
            if out[i] is not None:
                out[i] = process(out[i])
        return out if self.positional else dict(zip(self.names, out, strict=True))

    def row(self, raw: Sequence[Any]) -> Sequence[Any]:
        out = list(raw)
        for i, process in self.results:
            if out[i] is not None:
                out[i] = process(out[i])
        return out


class Prepared:
    """A Core statement (a SELECT, or an UPDATE whose SET columns are given per call) run on the driver.

    ``first(conn, values)`` returns the first row (converted) or None;
    ``run(conn, values, columns)`` runs an UPDATE setting ``columns`` (named by
    their keys in ``values``). ``conn`` is the SQLAlchemy connection of the
    operation's transaction; its driver connection runs the SQL.
    """

    def __init__(self, stmt: Executable) -> None:
        self.stmt = stmt
        self._compiled: dict[tuple[type, str, tuple[str, ...] | None], _Compiled] = {}
        self._lock = threading.Lock()

    def _for(self, dialect: Dialect, keys: tuple[str, ...] | None) -> _Compiled:
        # Per kind of dialect, not per engine: databases opened and closed do not pile up here.
        key = (type(dialect), dialect.paramstyle, keys)
        found = self._compiled.get(key)
        if found is None:
            with self._lock:
                found = self._compiled.setdefault(key, _Compiled(self.stmt, dialect, keys))
        return found

    @staticmethod
    def _execute(conn: Connection, compiled: _Compiled, values: dict[str, Any]) -> Any:
        """The driver's cursor of the statement run on ``conn``'s DBAPI connection."""
        params = compiled.params(values)
        # The DBAPI connection of the transaction: an attribute (driver_connection is three calls), and the
        # same connection for every driver here (none is asyncio's).
        driver: Any = conn.connection.dbapi_connection
        try:
            return driver.execute(compiled.sql, params)
        except conn.dialect.loaded_dbapi.Error as err:
            raise driver_error(conn, compiled.sql, err) from err

    def first(self, conn: Connection, values: dict[str, Any]) -> Sequence[Any] | None:
        """The first row (its values converted as SQLAlchemy converts them), or None."""
        compiled = self._for(conn.dialect, None)
        cursor = self._execute(conn, compiled, values)
        try:
            raw = cursor.fetchone()
        finally:
            cursor.close()
        return None if raw is None else compiled.row(raw)

    def run(self, conn: Connection, values: dict[str, Any], columns: Iterable[str]) -> int:
        """Run the UPDATE setting ``columns``; the number of rows it changed.

        Compiled once per order of ``columns`` (a caller names them in one order: no sort per call).
        """
        compiled = self._for(conn.dialect, columns if type(columns) is tuple else tuple(columns))
        cursor = self._execute(conn, compiled, values)
        try:
            return int(cursor.rowcount)
        finally:
            cursor.close()
