"""The SQLCipher engine: a SQLite file encrypted page by page (SQLCipher 4), through ``sqlcipher3``.

Everything of the SQLite engine holds (WAL, ``synchronous=FULL``, FTS5, the
commit hook, explicit transactions): :class:`SQLCipherBackend` subclasses
:class:`~visitapp.db.engines.sqlite.SQLiteBackend` and changes only how a
connection is made (``PRAGMA key`` first), how the file is inspected (an
encrypted file has no ``SQLite format 3`` header) and how it is backed up.

The key is either a passphrase, run through SQLCipher 4's default key
derivation (PBKDF2-HMAC-SHA512, 256,000 iterations), so any SQLCipher 4
implementation opens the file with ``PRAGMA key = 'passphrase'``; or a random
256-bit key given raw (``PRAGMA key = "x'…'"``), kept in the operating
system's keyring (:func:`keyring_key`).

No plaintext on disk: ``temp_store = MEMORY`` (sorts and temporary tables of
large queries stay in memory), ``secure_delete = ON``; the WAL holds encrypted
pages; backups are made by SQLite's backup API into a file keyed with the same
key; conversions (:mod:`visitapp.db.convert`) write the new file with
``sqlcipher_export`` and never a decrypted temporary copy.

How a file is known to be encrypted: a SQLite file starts with
``SQLite format 3\\0``; a SQLCipher file starts with 16 random bytes (its salt)
and its size is a whole number of pages (:func:`looks_encrypted`).
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import create_engine as sa_create_engine

from visitapp.db.engines.sqlite import (
    FULL_CHECK_MAX_BYTES,
    SQLITE_MAGIC,
    SQLiteBackend,
    create_private,
    read_only_uri,
)
from visitapp.errors import DatabaseError
from visitapp.i18n import _

#: Where raw keys are kept in the keyring: this service, one entry per database (its absolute path).
KEYRING_SERVICE = "visitapp-database"
RAW_KEY_BYTES = 32
SALT_BYTES = 16
# SQLCipher 4's default key derivation of a passphrase (cipher_compatibility 4).
KDF_ITERATIONS = 256_000
#: Page cache of each connection of an open encrypted database, in KiB (SQLite's default: 2 MB-8 MB).
#: A page read again from the OS's cache must be decrypted again (and its HMAC checked): with the
#: default, each search over 200,000 notes decrypted most of the index pages it had read a moment
#: before (search p95 69.6 ms CPU; with 64 MB, 37.2 ms, as on the plain file: storage_encrypted.py).
#: The cache grows only as pages are read, so a small database costs no more; the app holds two or
#: three connections.
CACHE_KIB = 65_536


class KeyMissing(DatabaseError):
    """The database is encrypted and no key was given or found."""


class WrongKey(DatabaseError):
    """The key given does not open the database (which was left untouched)."""


@dataclass(frozen=True)
class DbKey:
    """A passphrase (SQLCipher 4's key derivation) or a raw 256-bit key.  Never shown."""

    passphrase: str | None = None
    raw: bytes | None = None
    #: With ``raw``: the file's salt, so SQLCipher uses ``raw`` as the page key itself (no derivation).
    salt: bytes | None = None

    def __post_init__(self) -> None:
        if (self.passphrase is None) == (self.raw is None):
            raise ValueError("a DbKey is a passphrase or a raw key")
        if self.raw is not None and len(self.raw) != RAW_KEY_BYTES:
            raise ValueError("a raw key has 32 bytes")
        if self.salt is not None and (self.raw is None or len(self.salt) != SALT_BYTES):
            raise ValueError("a salt of 16 bytes goes with a raw key")

    def __repr__(self) -> str:  # a key never reaches a log or a traceback
        return "DbKey(<raw>)" if self.raw is not None else "DbKey(<passphrase>)"

    @classmethod
    def new_raw(cls) -> DbKey:
        return cls(raw=secrets.token_bytes(RAW_KEY_BYTES))

    def derived(self, salt: bytes) -> DbKey:
        """The page key SQLCipher 4 derives from this passphrase and the file's ``salt``, with the salt.

        The derivation (PBKDF2-HMAC-SHA512, 256,000 rounds) costs about half a
        second; done once per open database, every further connection of the
        pool starts at once.  A raw key is returned as it is.
        """
        if self.passphrase is None:
            return self
        page_key = hashlib.pbkdf2_hmac("sha512", self.passphrase.encode("utf-8"), salt, KDF_ITERATIONS, RAW_KEY_BYTES)
        return DbKey(raw=page_key, salt=salt)

    def sql_literal(self) -> str:
        """The value for ``PRAGMA key = …`` / ``ATTACH … KEY …``."""
        if self.raw is not None:
            return "\"x'" + self.raw.hex() + (self.salt or b"").hex() + "'\""
        assert self.passphrase is not None
        return "'" + self.passphrase.replace("'", "''") + "'"


#: What finds the key of an encrypted file when the caller gave none: called
#: with the file's path only when the file is encrypted; returns the key or
#: raises (``KeyMissing``) in one sentence.  The CLI sets one (environment
#: variable, keyring, terminal), the desktop app another (keyring, dialog).
KeySource = Callable[[Path], DbKey]


def missing_key(path: Path) -> KeyMissing:
    return KeyMissing(
        _("This database ({path}) is encrypted; give its passphrase with --db-pass-env VAR or keep its key "
          "in the keyring (visitapp db encrypt --keyring).").format(path=path)
    )


def keyring_only(path: Path) -> DbKey:
    """The default :data:`KeySource`: the raw key kept in the keyring for ``path``, else ``KeyMissing``."""
    key = keyring_key(path)
    if key is None:
        raise missing_key(path)
    return key


_default_source: KeySource = keyring_only


def set_default_key_source(source: KeySource | None) -> None:
    """What ``Database.open`` asks when a file is encrypted and no key was passed (None: the keyring only)."""
    global _default_source
    _default_source = source or keyring_only


def default_key_source() -> KeySource:
    return _default_source


#: What key a database file this process *creates* gets when its caller gave no
#: ``DbKey``: called with the new file's path, returns its key or None (a plain
#: file).  The CLI sets one from ``--db-pass-env`` / ``--db-keyring`` for the
#: databases a command names; a raw key it returns is kept in the keyring.
NewFileKey = Callable[[Path], "DbKey | None"]

_new_file_key: NewFileKey | None = None


def set_new_file_key(policy: NewFileKey | None) -> None:
    """New database files are created encrypted with the key ``policy`` gives (None: plain, unless a key is passed)."""
    global _new_file_key
    _new_file_key = policy


def creates_encrypted(path: Path) -> bool:
    """True when a new database file at ``path`` is to be created encrypted (:func:`set_new_file_key`)."""
    return _new_file_key is not None and _new_file_key(path) is not None


# -- the keyring ----------------------------------------------------------------


def _keyring_name(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


def keyring_key(path: Path) -> DbKey | None:
    """The raw key kept in the OS keyring for the database at ``path``, or None (also when there is no keyring)."""
    try:
        import keyring

        value = keyring.get_password(KEYRING_SERVICE, _keyring_name(path))
    except Exception:  # no keyring, a locked one, a broken backend: no key from it
        return None
    if not value:
        return None
    try:
        return DbKey(raw=bytes.fromhex(value))
    except ValueError:
        return None


def store_keyring_key(path: Path, key: DbKey) -> None:
    """Keep ``key`` (raw) in the OS keyring for the database at ``path``."""
    assert key.raw is not None
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(KEYRING_SERVICE, _keyring_name(path), key.raw.hex())
    except (ImportError, KeyringError, RuntimeError) as err:
        raise DatabaseError(
            _("The key cannot be kept in this computer's keyring ({reason}); use a passphrase instead.")
            .format(reason=type(err).__name__)
        ) from err


def forget_keyring_key(path: Path) -> None:
    """Remove the key kept for ``path`` (after a decrypt, or a rekey to a passphrase); no error if none."""
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, _keyring_name(path))
        except PasswordDeleteError:
            pass
    except (ImportError, KeyringError, RuntimeError):
        pass


# -- files ------------------------------------------------------------------------


def looks_encrypted(path: Path) -> bool:
    """True for a file that is not plain SQLite but has the shape of a SQLCipher database (whole 512-byte pages)."""
    try:
        size = path.stat().st_size
        if size < 512 or size % 512:
            return False
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC
    except OSError:
        return False


def connect(path: Path | str, key: DbKey | None, *, timeout_s: float = 5.0, uri: bool = False):
    """A ``sqlcipher3`` connection with ``key`` applied first (None: a plain file) and no plaintext temp files."""
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path), timeout=timeout_s, check_same_thread=False, uri=uri, isolation_level=None)
    try:
        # A wrong key is reported by us in one sentence, not logged by SQLCipher on stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = {key.sql_literal()}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _salt(path: Path) -> bytes | None:
    """The salt of an encrypted file (its first 16 bytes), or None while the file is still empty."""
    try:
        with path.open("rb") as fh:
            salt = fh.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def key_opens(conn) -> bool:
    """True if the keyed connection reads the file (a wrong key reads garbage: "file is not a database")."""
    from sqlcipher3 import dbapi2

    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as err:
        if "not a database" in str(err).lower():
            return False
        raise
    return True


def checked_key(path: Path, key: DbKey) -> DbKey:
    """``key`` as the page key of the encrypted file ``path`` (derived once), if it opens it; else :class:`WrongKey`.

    It only reads (a read-write connection all the same: closing it folds in and removes the -wal and
    -shm it finds, where a read-only one would leave them): a rekey or decrypt checks the present key
    this way before it asks for anything more.
    """
    from sqlcipher3 import dbapi2

    salt = _salt(path)
    found = key.derived(salt) if salt is not None else key
    try:
        conn = connect(path, found)
    except dbapi2.Error as err:
        raise DatabaseError(_("The database {path} cannot be opened.").format(path=path)) from err
    try:
        if not key_opens(conn):
            raise wrong_key(path)
    finally:
        conn.close()
    return found


def wrong_key(path: Path) -> WrongKey:
    return WrongKey(_("The passphrase or key does not open the database {path}; it was not changed.").format(path=path))


class SQLCipherBackend(SQLiteBackend):
    """A visitapp database in one SQLCipher 4 file.

    ``key`` is the key itself, or a :data:`KeySource` asked once, when the
    file turns out to exist (a new file needs a key given).
    """

    name = "SQLCipher"

    def __init__(self, path: Path, *, key: DbKey | KeySource | None, lock_timeout_ms: int) -> None:
        super().__init__(path, lock_timeout_ms=lock_timeout_ms)
        self._key_or_source = key

    def _key(self) -> DbKey:
        """The key, asked of the source once; a passphrase becomes the derived page key once the file has its salt."""
        found = self._key_or_source
        if not isinstance(found, DbKey):
            found = (found or default_key_source())(self.path)
        if found.passphrase is not None:
            salt = _salt(self.path)
            if salt is not None:
                found = found.derived(salt)
        self._key_or_source = found
        return found

    def open_key(self) -> DbKey:
        """The key that opens this database (a passphrase as its derived page key): a rekey's or decrypt's old key."""
        return self._key()

    # -- opening ---------------------------------------------------------

    def prepare(self, *, create: bool) -> str | None:
        path = self.path
        if path.is_dir():
            raise DatabaseError(_("{path} is a folder, not a database file.").format(path=path))
        if path.exists() and path.stat().st_size > 0:
            return self._inspect()
        if not create:
            raise DatabaseError(_("There is no database at {path}.").format(path=path))
        chosen = None
        if not isinstance(self._key_or_source, DbKey):
            # No key passed: the key this process gives the files it creates (--db-pass-env, --db-keyring).
            chosen = _new_file_key(path) if _new_file_key is not None else None
            if chosen is None:
                raise missing_key(path)
            self._key_or_source = chosen
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DatabaseError(
                _("The folder for {path} cannot be created: {reason}.").format(path=path, reason=err.strerror)
            ) from err
        create_private(path)
        if chosen is not None and chosen.raw is not None:
            try:  # a random key is found again in the keyring, or the new file is of no use
                store_keyring_key(path, chosen)
            except DatabaseError:
                path.unlink(missing_ok=True)
                raise
        return None

    def _inspect(self) -> str | None:
        """Check, reading only, that the key opens the file and that it is a visitapp database; its revision."""
        from sqlcipher3 import dbapi2

        from visitapp.db.database import known_revisions
        from visitapp.db.engines.sqlite import translate_error

        path = self.path
        key = self._key()
        try:
            conn = connect(read_only_uri(path), key, timeout_s=self.lock_timeout_ms / 1000, uri=True)
        except dbapi2.Error as err:
            raise DatabaseError(_("The database {path} cannot be opened.").format(path=path)) from err
        try:
            if not key_opens(conn):
                raise wrong_key(path)
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return None
            if "alembic_version" not in tables or "visits" not in tables:
                raise DatabaseError(_("{path} is not a visitapp database.").format(path=path))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if path.stat().st_size <= FULL_CHECK_MAX_BYTES and conn.execute(
                    "PRAGMA quick_check(1)").fetchone() != ("ok",):
                raise DatabaseError(_("The database {path} is damaged; visitapp did not change it.").format(path=path))
        except dbapi2.DatabaseError as err:
            raise (translate_error(err, path) or DatabaseError(
                _("The database {path} is damaged; visitapp did not change it.").format(path=path))) from err
        finally:
            conn.close()
        revision = row[0] if row else None
        if revision is not None and revision not in known_revisions():
            raise DatabaseError(
                _("The database {path} was written by a newer version of visitapp; "
                  "install that version to open it (this file was not changed).").format(path=path)
            )
        return revision

    def _new_engine(self) -> Engine:
        from sqlcipher3 import dbapi2

        key, path, timeout_s = self._key(), self.path, self.lock_timeout_ms / 1000
        fast: list[DbKey] = []
        lock = threading.Lock()

        def creator():
            # A new file keyed by a passphrase: the first connection derives
            # its key the slow way and tells the file's salt (asked of
            # SQLCipher: reading the file from Python here could drop the
            # POSIX locks SQLite holds on it); later ones use the page key.
            with lock:
                conn = connect(path, fast[0] if fast else key, timeout_s=timeout_s)
                conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
                if not fast and key.passphrase is not None:
                    row = conn.execute("PRAGMA cipher_salt").fetchone()
                    if row and row[0]:
                        fast.append(key.derived(bytes.fromhex(row[0])))
                return conn

        # The pysqlite dialect on the sqlcipher3 module (its errors are then
        # SQLAlchemy's DBAPIError); for the "sqlite://" URL SQLAlchemy picks
        # its SingletonThreadPool, one connection per thread, so a thread's
        # decrypted page cache stays with it.  The key is the first statement
        # of every connection, before SQLAlchemy sees it.
        return sa_create_engine("sqlite://", module=dbapi2, creator=creator)

    def translate_error(self, err: BaseException) -> DatabaseError | None:
        from sqlcipher3 import dbapi2

        from visitapp.db.engines.sqlite import translate_error

        mapped = translate_error(err, self.path)
        orig = getattr(err, "orig", err)
        if mapped is None and isinstance(orig, dbapi2.DatabaseError):
            message = str(orig).lower()
            if "malformed" in message or "not a database" in message or "corrupt" in message:
                return DatabaseError(
                    _("The database {path} is damaged; visitapp did not change it.").format(path=self.path))
        return mapped

    def backup(self, engine: Engine, target: Path) -> Path:
        """Copy the live database (WAL included) with SQLite's backup API into a file keyed with the same key."""
        target.parent.mkdir(parents=True, exist_ok=True)
        create_private(target)
        raw = engine.raw_connection()
        try:
            source = raw.driver_connection
            assert source is not None, "a pooled connection always holds its sqlcipher3 connection"
            dest = connect(target, self._key())
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            raw.close()
        key = self._key()
        if key.raw is not None and key.salt is None:
            # A key kept in the keyring opens its backups too, wherever they are looked up from.
            with contextlib.suppress(DatabaseError):
                store_keyring_key(target, key)
        return target
