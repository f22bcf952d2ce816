"""Copying a whole registry from one database to another, across engines (SQLite <-> PostgreSQL).

``visitapp registry copy --from SRC --to DST`` runs :func:`copy_registry`:

* the source is read in one consistent snapshot (one read transaction; on
  PostgreSQL a repeatable-read one, see ``Backend.snapshot_options``);
* the destination is written in ONE transaction: it must hold no row of any
  table of the schema (checked inside that transaction), every table is copied
  in the order of its foreign keys with the same primary keys, the engine's
  id generators are set past the copied ids (``Backend.reset_sequences``) and
  the search index is rebuilt (``Backend.ensure_search``);
* before committing, every table is checked: its row count and a checksum of a
  canonical dump of its rows (ordered by primary key, each value as the
  models read it: a date as ISO text, an enumeration as its value, JSON with
  sorted keys) are computed on the source while reading and on the
  destination by reading back what was written, in the same transaction.  Any
  difference, any row the destination refuses, or any failure rolls the whole
  transaction back: the destination stays as empty as it was.

Both databases are opened (and migrated) by :class:`~visitapp.db.Database`,
so they share the schema of this visitapp; only the tables of the models are
copied (the search index is each engine's own and is rebuilt).  No Qt here.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, bindparam, exc, insert, literal, select, update

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import DatabaseError, InvalidInput
from visitapp.i18n import _

#: Rows read, written and checked per round trip.
BATCH = 2000


def tables() -> list[Table]:
    """The tables of the schema, each after the tables it refers to."""
    return list(m.Base.metadata.sorted_tables)


@dataclass(frozen=True)
class TableCopy:
    """One table as copied: its rows and the SHA-256 of its canonical dump (the same on both sides)."""

    name: str
    rows: int
    sha256: str


@dataclass
class CopyResult:
    source: str
    destination: str
    tables: list[TableCopy] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    def as_json(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.destination, "rows": self.rows,
                "tables": {t.name: {"rows": t.rows, "sha256": t.sha256} for t in self.tables}}


def _canonical(value: Any) -> Any:
    """A value as JSON can hold it, the same whichever engine it was read from."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


class _Digest:
    """Row count and SHA-256 of a table's canonical dump, fed row by row in primary-key order."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.rows = 0

    def add(self, row: Sequence[Any]) -> None:
        line = json.dumps([_canonical(v) for v in row], ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"), default=_canonical)
        self._hash.update(line.encode("utf-8") + b"\n")
        self.rows += 1

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def _ordered(table: Table):
    return select(*table.columns).order_by(*table.primary_key.columns)


def _batches(conn: Connection, table: Table) -> Iterable[Sequence[Any]]:
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(_ordered(table))
    yield from result.partitions(BATCH)


def digest_of(conn: Connection, table: Table) -> TableCopy:
    """Row count and checksum of ``table`` as ``conn`` sees it."""
    digest = _Digest()
    for rows in _batches(conn, table):
        for row in rows:
            digest.add(row)
    return TableCopy(table.name, digest.rows, digest.hexdigest())


def first_nonempty(conn: Connection) -> str | None:
    """The name of a table of the schema that holds a row, or None when the database holds none."""
    for table in tables():
        if conn.execute(select(literal(1)).select_from(table).limit(1)).first() is not None:
            return table.name
    return None


def _self_references(table: Table) -> list[str]:
    """Columns referring to the same table (a merged file superseded by a later one): set after every row is in."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy_table(read: Connection, write: Connection, table: Table) -> TableCopy:
    names = [c.name for c in table.columns]
    later = _self_references(table)
    pk = [c.name for c in table.primary_key.columns]
    pending: list[dict[str, Any]] = []
    digest = _Digest()
    for rows in _batches(read, table):
        values = []
        for row in rows:
            digest.add(row)
            item = dict(zip(names, row, strict=True))
            if later and any(item[c] is not None for c in later):
                pending.append({**{f"k_{c}": item[c] for c in pk}, **{c: item[c] for c in later}})
                item.update(dict.fromkeys(later))
            values.append(item)
        _write(write, table, insert(table), values)
    if pending:
        where = [table.c[c] == bindparam(f"k_{c}") for c in pk]
        _write(write, table, update(table).where(*where).values({c: bindparam(c) for c in later}), pending)
    return TableCopy(table.name, digest.rows, digest.hexdigest())


class _Refused(Exception):
    def __init__(self, table: Table, err: exc.DBAPIError) -> None:
        super().__init__(table.name)
        self.table = table
        self.err = err


def _write(conn: Connection, table: Table, statement: Any, rows: list[dict[str, Any]]) -> None:
    """Run one batch on the destination; a row it refuses (a constraint, a value it cannot hold) names the table."""
    if not rows:
        return
    try:
        conn.execute(statement, rows)
    except exc.DBAPIError as err:
        raise _Refused(table, err) from err


def copy_registry(source: Database, destination: Database, *,
                  before_commit: Callable[[CopyResult], None] | None = None) -> CopyResult:
    """Copy every row of ``source`` into the empty ``destination`` in one transaction, verified before commit.

    Raises ``InvalidInput`` (one sentence) for a destination that holds any
    row, and ``DatabaseError`` when a row is refused or the copy read back
    differs; the destination is then left as it was.  ``before_commit`` is
    called with the result inside the destination's transaction (tests pause
    or kill the copy there).  A destination busy with other work (another coordinator's copy into it)
    is waited for, the copy's transaction run again (:func:`visitapp.registry.waiting.patiently`).
    """
    from visitapp.registry.waiting import patiently

    return patiently(lambda: _copy_once(source, destination, before_commit), what="registry copy")


def _copy_once(source: Database, destination: Database,
               before_commit: Callable[[CopyResult], None] | None) -> CopyResult:
    src_name, dst_name = source.backend.describe(), destination.backend.describe()
    result = CopyResult(src_name, dst_name)
    try:
        with destination.core_write() as write:
            held = first_nonempty(write)
            if held is not None:
                raise InvalidInput(
                    _("The destination {to} already holds a registry (table {table} has rows); "
                      "copy only into a new, empty database.").format(to=dst_name, table=held))
            with source.engine.connect() as conn:
                read = conn.execution_options(**source.backend.snapshot_options())
                with read.begin():
                    for table in tables():
                        result.tables.append(_copy_table(read, write, table))
            destination.backend.reset_sequences(write, tables())
            destination.backend.ensure_search(write, rebuild_index=True)
            for expected in result.tables:
                got = digest_of(write, m.Base.metadata.tables[expected.name])
                if got != expected:
                    raise DatabaseError(
                        _("The copy of table {table} read back from {to} differs from the source "
                          "({rows} rows copied, {found} read back); nothing was written to {to}.").format(
                            table=expected.name, to=dst_name, rows=expected.rows, found=got.rows))
            if before_commit is not None:
                before_commit(result)
    except _Refused as refused:
        mapped = destination.backend.translate_error(refused.err)
        if mapped is not None:
            raise mapped from refused.err
        detail = " ".join(str(getattr(refused.err, "orig", refused.err)).split("\n")[0].split())[:200]
        raise DatabaseError(
            _("The destination {to} refused a row of table {table} ({detail}); nothing was written to it.").format(
                to=dst_name, table=refused.table.name, detail=detail)) from refused.err
    except exc.DBAPIError as err:  # reading the source (the destination's own errors are mapped by core_write)
        mapped = source.backend.translate_error(err)
        if mapped is None:
            raise
        raise mapped from err
    return result
