"""Database engines behind one interface (:class:`~visitapp.db.engines.base.Backend`).

``Database.open`` takes a file path or a SQLAlchemy database URL and asks
:func:`backend_for` which engine serves it.  One module per engine:

* ``sqlite.py``: the embedded default (a path, or ``sqlite:///path``);
* ``sqlcipher.py``: an encrypted SQLite file (a path whose file is encrypted, or
  given with a key; or ``sqlite+pysqlcipher://:passphrase@/path``);
* ``postgresql.py``: ``postgresql+psycopg://user@host/db`` (also ``postgresql://``
  and ``postgres://``, always psycopg 3), for a coordinators' shared registry.

An engine plugs in by adding its module and one entry in :data:`_ENGINES`
below (see ``base.py`` for what it must implement).  A URL whose engine is
not implemented is refused in one sentence before anything is created.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from visitapp.db.engines.base import Backend, SearchRow, SearchTerm
from visitapp.errors import InvalidInput
from visitapp.i18n import _

if TYPE_CHECKING:  # sqlcipher3 is imported only when an encrypted database is opened
    from visitapp.db.engines.sqlcipher import DbKey, KeySource

__all__ = ["Backend", "SearchRow", "SearchTerm", "as_target", "backend_for", "is_url"]

# ``scheme://``, where a scheme is letters, digits, ``+``, ``.`` and ``-``
# (RFC 3986), so ``backend+driver://`` too.  A scheme here has at least two
# characters, so a Windows drive (``C:``) is never one.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")


def is_url(target: str | Path) -> bool:
    """True for ``xxx://…`` and ``xxx+yyy://…``: such a string is never taken for a path."""
    return isinstance(target, str) and _URL.match(target) is not None


def as_target(value: str | Path) -> str | Path:
    """What a user gave as a database (``--db``, ``--into``, ``VISITAPP_DB``): a URL stays text, else a Path."""
    if isinstance(value, Path) or is_url(value):
        return value
    return Path(value).expanduser()


def _sqlcipher(url: URL, lock_timeout_ms: int, key: DbKey | KeySource | None = None) -> Backend:
    """``sqlite+pysqlcipher://:passphrase@/path.db``; without a passphrase, ``key`` (or the default key source)."""
    from visitapp.db.engines.sqlcipher import DbKey, SQLCipherBackend

    shown = url.render_as_string(hide_password=True)
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise InvalidInput(
            _("{url} names no database file; give one as sqlite+pysqlcipher://:PASSPHRASE@/path/to/file.db.")
            .format(url=shown)
        )
    if url.query or url.host or url.username:
        raise InvalidInput(
            _("A SQLCipher URL takes no host, user or options here ({url}); give only the passphrase and the file, "
              "as sqlite+pysqlcipher://:PASSPHRASE@/path/to/file.db.").format(url=shown)
        )
    if url.password:
        key = DbKey(passphrase=str(url.password))
    return SQLCipherBackend(Path(url.database), key=key, lock_timeout_ms=lock_timeout_ms)


def _sqlite(url: URL, lock_timeout_ms: int) -> Backend:
    from visitapp.db.engines.sqlite import SQLiteBackend

    shown = url.render_as_string(hide_password=True)
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise InvalidInput(
            _("{url} names no database file; give one as sqlite:///relative/path.db or sqlite:////absolute/path.db.")
            .format(url=shown)
        )
    if url.query or url.host or url.username or url.password:
        raise InvalidInput(
            _("A SQLite URL takes no host, user or options here ({url}); give only the file, "
              "as sqlite:///path/to/file.db.").format(url=shown)
        )
    return SQLiteBackend(Path(url.database), lock_timeout_ms=lock_timeout_ms)


def _postgresql(url: URL, lock_timeout_ms: int) -> Backend:
    from visitapp.db.engines.postgresql import PostgreSQLBackend

    return PostgreSQLBackend(url, lock_timeout_ms=lock_timeout_ms)


# SQLAlchemy's "backend" or "backend+driver" -> what opens it.  An engine is
# looked up by its full name first, then by its backend alone.
_ENGINES: dict[str, Callable[[URL, int], Backend]] = {
    "sqlite": _sqlite,
    "sqlite+pysqlite": _sqlite,
    "sqlite+pysqlcipher": _sqlcipher,
    "postgresql": _postgresql,  # any driver named is checked there: psycopg 3 only
    "postgres": _postgresql,  # what people type; SQLAlchemy says postgresql
}


def backend_for(target: str | Path, *, lock_timeout_ms: int, key: DbKey | KeySource | None = None) -> Backend:
    """The engine that serves ``target`` (a path or a URL); nothing is opened or created yet.

    A file path is served by SQLCipher when the file is encrypted, or when it
    is new and ``key`` is a ``DbKey``; a plain file stays plain SQLite whatever
    ``key`` is.  ``key``: a ``DbKey``, a ``KeySource`` asked only for an
    encrypted file, or None (then ``sqlcipher.default_key_source()``).
    Raises ``InvalidInput`` with one sentence for a malformed URL or one whose
    engine visitapp does not implement (the password, if any, is never shown).
    """
    if not is_url(target):
        from visitapp.db.engines.sqlcipher import (
            DbKey,
            SQLCipherBackend,
            creates_encrypted,
            looks_encrypted,
        )
        from visitapp.db.engines.sqlite import SQLiteBackend

        path = Path(target).expanduser()
        is_new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
        # A new file is encrypted when given a key, or when this process creates its files encrypted (the CLI's
        # --db-pass-env / --db-keyring: sqlcipher.set_new_file_key).
        if looks_encrypted(path) or (is_new and (isinstance(key, DbKey) or creates_encrypted(path))):
            return SQLCipherBackend(path, key=key, lock_timeout_ms=lock_timeout_ms)
        return SQLiteBackend(path, lock_timeout_ms=lock_timeout_ms)
    text = str(target)
    scheme = text.split("://", 1)[0]
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise InvalidInput(
            _("The database URL starting with {scheme}:// is malformed; give a file path or a URL "
              "such as sqlite:///path/to/file.db.").format(scheme=scheme)
        ) from None
    name = url.drivername.lower()
    opener = _ENGINES.get(name) or (None if name.startswith("sqlite+") else _ENGINES.get(name.split("+", 1)[0]))
    if opener is None:
        raise InvalidInput(
            _("{engine} databases are not supported ({url}); visitapp opens SQLite files, given as a path "
              "or as sqlite:///path/to/file.db.").format(engine=name, url=url.render_as_string(hide_password=True))
        )
    if opener is _sqlcipher:
        return _sqlcipher(url, lock_timeout_ms, key)
    return opener(url, lock_timeout_ms)
