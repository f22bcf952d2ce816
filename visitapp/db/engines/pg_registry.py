"""What a shared registry asks of PostgreSQL beyond storage: concurrent merges and copies (issue 14).

:class:`~visitapp.db.engines.postgresql.PostgreSQLBackend` delegates its
``lock_merge``, ``reset_sequences`` and ``snapshot_options`` here.

Concurrent merges: advisory locks per key, not SERIALIZABLE with retries.
Every write transaction of this engine takes ``WRITE_LOCK`` at begin; a merge
(begun inside ``base.keyed_writes``) takes it *shared*, so merges run beside
each other and any other writer (trust, plans, erasure, undo) still runs
alone.  Each merge then takes ``pg_advisory_xact_lock`` on a 64-bit hash of
every key of its file (``registry.match.merge_keys``: the file's SHA-256, its
visit, organisation, series, people), in ascending order so that two merges
never wait for each other in a circle.  Merges of overlapping files queue on
their shared keys for a few milliseconds; unrelated ones do not wait.  The
transactions run at READ COMMITTED, so once a merge holds its keys each of its
statements sees what the merge it waited for committed (the hash of the
same file: "unchanged"; the visit or person it added: matched, not added
again).  SERIALIZABLE would instead abort and redo a whole file's merge
whenever two merges read the same organisation, most often exactly when many
coordinators merge overlapping files.  A hash collision between two keys only
makes two merges wait for each other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Integer, Table, text

if TYPE_CHECKING:  # only annotations: opening a database imports no ORM (issue 10, `visits`)
    from sqlalchemy.orm import Session

#: Reads of a whole registry (``registry copy``) see one moment of every table.
SNAPSHOT_OPTIONS: dict[str, Any] = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}


def lock_id(key: str) -> int:
    """A signed 64-bit advisory lock id for ``key``."""
    return int.from_bytes(hashlib.sha256(b"visitapp-merge:" + key.encode("utf-8")).digest()[:8], "big", signed=True)


def lock_merge(session: Session, keys: Sequence[str]) -> None:
    """Hold an advisory lock on every key until the transaction ends, taken in ascending order."""
    ids = sorted({lock_id(k) for k in keys})
    if ids:
        session.execute(
            text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:ids AS bigint[])) WITH ORDINALITY AS t(k, n) "
                 "ORDER BY n"), {"ids": ids})


def reset_sequences(conn: Connection, tables: Sequence[Table]) -> None:
    """Set the sequence behind each table's integer primary key past the largest id it holds."""
    quote = conn.dialect.identifier_preparer.quote
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        conn.execute(
            text(f"SELECT setval(s, coalesce((SELECT max({quote(pk[0].name)}) FROM {quote(table.name)}), 0) + 1, "
                 "false) FROM pg_get_serial_sequence(:t, :c) AS s WHERE s IS NOT NULL"),
            {"t": quote(table.name), "c": pk[0].name})
