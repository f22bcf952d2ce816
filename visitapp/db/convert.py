"""Encrypt, decrypt and rekey a database file in place, safely.

Each conversion writes the new file beside the old one with SQLCipher's
``sqlcipher_export`` (an attached database keyed with the new key, or with no
key for a plain copy: SQLite reads and writes pages through the codec, so no
decrypted copy of an encrypted file is ever written unless decrypting is what
was asked), checks it (``integrity_check``, the row count of every table), and
only then replaces the old file with ``os.replace``.  Any failure removes the
new file and leaves the old one as it was.

The old file is held with ``locking_mode = EXCLUSIVE`` while it is copied: a
file that another program (another visitapp) has open is refused in one
sentence, and nothing can write to it between the copy and the replace.

Progress and cancel (the desktop app runs a conversion off its GUI thread):
``progress(done, total)`` is called from the converting thread as the copy
grows (``done`` counts the pages written so far, measured on the new file;
``total`` is the old file's pages in use plus a tenth of them for the checks,
reached when the copy is checked); ``cancelled()`` is asked every few
thousand SQLite steps, and a True answer stops the copy or its checks,
removes the new file and raises :class:`ConversionCancelled`: the original
is untouched.  Once the checked copy replaces the original, nothing is
cancelled any more.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from visitapp.db.engines.sqlcipher import (
    DbKey,
    connect,
    create_private,
    key_opens,
    looks_encrypted,
    wrong_key,
)
from visitapp.db.engines.sqlite import SQLITE_MAGIC
from visitapp.errors import DatabaseError, DatabaseLocked, InvalidInput
from visitapp.i18n import _

#: ``progress(done, total)``: pages copied so far of ``total`` (see the module's docstring).
Progress = Callable[[int, int], None]
#: Asked while converting: True stops it, leaving the original as it was.
Cancelled = Callable[[], bool]
# SQLite virtual-machine steps between two looks at the copy's size and at ``cancelled``.
_TICK_STEPS = 20_000


class ConversionCancelled(DatabaseError):
    """The user cancelled a conversion; the original file was not changed."""


def is_plain(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _check_file(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise DatabaseError(_("There is no database at {path}.").format(path=path))


def encrypt(path: Path, key: DbKey, *, progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> None:
    """Turn the plain database ``path`` into a SQLCipher 4 file encrypted with ``key``."""
    _check_file(path)
    if not is_plain(path):
        if looks_encrypted(path):
            raise InvalidInput(_("The database {path} is already encrypted.").format(path=path))
        raise DatabaseError(_("{path} is not a visitapp database.").format(path=path))
    _convert(path, None, key, progress, cancelled)


def decrypt(path: Path, key: DbKey, *, progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> None:
    """Turn the encrypted database ``path`` back into a plain SQLite file (the user asked for it)."""
    _check_file(path)
    if is_plain(path):
        raise InvalidInput(_("The database {path} is not encrypted.").format(path=path))
    _convert(path, key, None, progress, cancelled)


def rekey(path: Path, old: DbKey, new: DbKey, *, progress: Progress | None = None,
          cancelled: Cancelled | None = None) -> None:
    """Encrypt the database ``path`` with ``new`` instead of ``old``."""
    _check_file(path)
    if is_plain(path):
        raise InvalidInput(_("The database {path} is not encrypted; encrypt it first.").format(path=path))
    _convert(path, old, new, progress, cancelled)


def _counts(conn, schema: str) -> dict[str, int]:
    names = [row[0] for row in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    return {name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0] for name in names}


@contextlib.contextmanager
def _exclusive(path: Path, key: DbKey | None) -> Iterator[Any]:
    """The old file opened alone (refused if another program has it open), keyed with ``key``."""
    from sqlcipher3 import dbapi2

    conn = connect(path, key, timeout_s=0.5)
    try:
        # Set before the first read: SQLite then takes the file's exclusive
        # lock and no other connection can hold it open meanwhile.
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            if not key_opens(conn):
                raise wrong_key(path)
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except dbapi2.OperationalError as err:
            raise DatabaseLocked(
                _("The database {path} is in use by another program (perhaps another copy of visitapp); "
                  "close it and try again.").format(path=path)
            ) from err
        yield conn
    finally:
        conn.close()


class _Ticker:
    """The progress handler of the converting connections: reports the copy's growth, stops when cancelled."""

    def __init__(self, tmp: Path, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.tmp, self.progress, self.cancelled = tmp, progress, cancelled
        self.copy_pages = self.total = self.page_size = 0
        self.done = -1
        self.stopped = False

    def start(self, conn) -> None:
        """Measure the old file (pages in use) and report 0; call with the old file open."""
        self.page_size = int(conn.execute("PRAGMA main.page_size").fetchone()[0]) or 4096
        used = conn.execute("PRAGMA main.page_count").fetchone()[0] - conn.execute(
            "PRAGMA main.freelist_count").fetchone()[0]
        self.copy_pages = max(1, int(used))
        self.total = self.copy_pages + max(1, self.copy_pages // 10)
        self.report(0)

    def report(self, done: int) -> None:
        if self.progress is not None and done > self.done:
            self.done = done
            self.progress(done, self.total)

    def __call__(self) -> int:  # SQLite's progress handler: non-zero interrupts the statement
        if self.cancelled is not None and self.cancelled():
            self.stopped = True
            return 1
        if self.progress is not None and self.done < self.copy_pages:
            try:
                written = self.tmp.stat().st_size // self.page_size
            except OSError:
                written = 0
            self.report(min(written, self.copy_pages - 1))  # the last page is counted when the copy is done
        return 0

    def check(self) -> None:
        if self.stopped or (self.cancelled is not None and self.cancelled()):
            self.stopped = True
            raise ConversionCancelled


def _convert(path: Path, old: DbKey | None, new: DbKey | None,
             progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    from sqlcipher3 import dbapi2

    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.converting")
    ticker = _Ticker(tmp, progress, cancelled)
    try:
        try:
            create_private(tmp)
            with _exclusive(path, old) as conn:
                ticker.start(conn)
                expected = _counts(conn, "main")
                conn.set_progress_handler(ticker, _TICK_STEPS)
                conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(tmp), _attach_key(new)))
                # ~2 MB of cache: the copy spills to its file as it grows, so its progress can be seen.
                conn.execute("PRAGMA converted.cache_size = 500")
                conn.execute("SELECT sqlcipher_export('converted')")
                version = conn.execute("PRAGMA main.user_version").fetchone()[0]
                conn.execute(f"PRAGMA converted.user_version = {int(version)}")
                conn.execute("DETACH DATABASE converted")
                conn.set_progress_handler(None, 0)
                ticker.check()
                ticker.report(ticker.copy_pages)
                # Everything of the old file is in the copy: fold its WAL in, so
                # no -wal of the old file outlives it beside the new one.
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            _verify(tmp, new, expected, ticker)
            ticker.check()  # the last moment a cancel is honoured: the original is still in place
        except dbapi2.Error as err:
            if ticker.stopped:
                raise ConversionCancelled(
                    _("The conversion was cancelled; the database {path} was not changed.").format(path=path)
                ) from None
            raise _failed(path, err) from err
        except OSError as err:  # creating, syncing or checking the copy: a full disk, a folder gone read-only
            raise _failed(path, err) from err
        except ConversionCancelled:
            raise ConversionCancelled(
                _("The conversion was cancelled; the database {path} was not changed.").format(path=path)
            ) from None
        for suffix in ("-wal", "-shm", "-journal"):
            side = path.with_name(path.name + suffix)
            if side.exists() and side.stat().st_size > 0 and suffix != "-shm":
                raise DatabaseLocked(
                    _("The database {path} is in use by another program (perhaps another copy of visitapp); "
                      "close it and try again.").format(path=path)
                )
            with contextlib.suppress(FileNotFoundError):
                side.unlink()
        try:
            _fsync(tmp)
            os.replace(tmp, path)
        except OSError as err:  # the copy could not be made durable or put in place: the original stays
            raise _failed(path, err) from err
        _fsync_dir(path.parent)
        ticker.report(ticker.total)
    except BaseException:
        for leftover in (tmp, *(tmp.with_name(tmp.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise


def _failed(path: Path, err: BaseException) -> DatabaseError:
    """The one sentence for a conversion that failed on its way (the original is untouched)."""
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    if getattr(err, "errno", None) == errno.ENOSPC or "full" in reason.lower():
        return DatabaseError(
            _("The disk holding {path} is full: the converted copy needs as much free space as the database; "
              "it was not changed.").format(path=path))
    return DatabaseError(_("The database {path} could not be converted ({reason}); it was not changed.")
                         .format(path=path, reason=reason))


def _attach_key(key: DbKey | None) -> str:
    """The KEY of ``ATTACH``: the passphrase, ``x'…'`` for a raw key, '' for a plain file."""
    if key is None:
        return ""
    if key.raw is not None:
        return "x'" + key.raw.hex() + (key.salt or b"").hex() + "'"
    assert key.passphrase is not None
    return key.passphrase


def _verify(tmp: Path, key: DbKey | None, expected: dict[str, int], ticker: _Ticker) -> None:
    conn = connect(tmp, key)
    try:
        conn.set_progress_handler(ticker, _TICK_STEPS)  # cancel honoured during the checks too
        if not key_opens(conn):
            raise DatabaseError(_("The converted copy does not open with its key; nothing was changed."))
        conn.execute("PRAGMA journal_mode = WAL")
        if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise DatabaseError(_("The converted copy failed its integrity check; nothing was changed."))
        if _counts(conn, "main") != expected:
            raise DatabaseError(_("The converted copy does not hold every row; nothing was changed."))
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        _fsync(folder)
