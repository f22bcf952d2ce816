"""The SQLite engine: one file, WAL, FTS5 search, the backup API.  All SQLite-specific code is here.

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
of failing on a lock upgrade.  The note save's transaction is begun and
committed on the driver itself, without SQLAlchemy's machinery: see
``sqlite_write.py``, a part of this engine.

The search index (FTS5, its tables and triggers) is in ``sqlite_fts.py``, a
part of this engine.  A SQLCipher engine would subclass :class:`SQLiteBackend`
(see ``base.py``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnExpressionArgument, Connection, Engine, event, exc, func, text
from sqlalchemy import create_engine as sa_create_engine
from sqlalchemy.engine import URL
from sqlalchemy.sql import FromClause

from visitapp.db.engines import sqlite_fts as fts
from visitapp.db.engines import sqlite_write
from visitapp.db.engines.base import NOTE_DOC_OPTION, Backend, Progress, SearchRow, SearchTerm
from visitapp.errors import DatabaseError, DatabaseLocked, StorageFull
from visitapp.i18n import _
from visitapp.text.snippet import mark_matches

if TYPE_CHECKING:  # only annotations: opening a database imports no ORM (issue 10, `visits`)
    from sqlalchemy.orm import Session

SQLITE_MAGIC = b"SQLite format 3\x00"
# Files up to this size (an official's database: years of visits) get a full
# page check at open, about 2 ms per MB; a registry larger than this relies on
# SQLite reporting damage when a query meets it (still one sentence, see
# translate_error), so that opening it stays fast.
FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024


def read_only_uri(path: Path) -> str:
    """The ``file:`` URI that opens ``path`` read-only.

    Built with :meth:`Path.as_uri`, which percent-encodes ``#``, ``?`` and
    ``%`` (all legal in folder names): pasted in by hand, a ``#`` would end the
    path and ``%41`` would be read as ``A``, so another file would be checked.
    """
    return path.absolute().as_uri() + "?mode=ro"


# File systems where SQLite's write-ahead log is unsafe: its index lives in shared memory that only the
# processes of one host see, so a second computer (a network share) or a sync client replaying the files
# (OneDrive, Dropbox and the like through FUSE) can corrupt the database. There a rollback journal is used.
NETWORK_FILE_SYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph",
                                  "glusterfs", "lustre", "davfs", "fuse.sshfs"})
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive
log = logging.getLogger("visitapp.db")
_warned: set[str] = set()  # the fallback is logged once per file and process


def _mount_point(field: str) -> str:
    """A mount point as /proc/mounts writes it: space, tab, newline and backslash as octal escapes."""
    for code in ("\\040", "\\011", "\\012", "\\134"):
        field = field.replace(code, chr(int(code[1:], 8)))
    return field


def shared_file_system(path: Path, mounts: str) -> str | None:
    """The type of the file system holding ``path`` when SQLite's WAL is unsafe on it, else None.

    ``mounts`` is a mount table in the form of Linux's ``/proc/mounts``; the longest mount point
    that holds ``path`` decides (a local disk mounted inside a share is local).
    """
    target = os.path.abspath(path)
    found, found_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _mount_point(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(found):
            found, found_type = point, fields[2]
    if found_type in NETWORK_FILE_SYSTEMS or found_type.startswith("fuse."):
        return found_type
    return None


def wal_unsafe(path: Path) -> str | None:
    """Why WAL must not be used for ``path`` (its file system, "network drive", "OneDrive"), or None."""
    try:
        target = path.resolve()
    except OSError:
        target = path.absolute()
    if sys.platform == "win32":
        import ctypes

        root = os.path.splitdrive(str(target))[0].rstrip("\\") + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(root) == DRIVE_REMOTE:
            return "network drive"
        for var in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
            folder = os.environ.get(var)
            if folder and str(target).lower().startswith(folder.rstrip("\\").lower() + "\\"):
                return "OneDrive"
        return None
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: no table to read
        return None
    return shared_file_system(target, mounts)


def translate_error(err: BaseException, where: Path | str) -> DatabaseError | None:
    """Map a driver error to one sentence for the user, or None if it is a bug."""
    orig = getattr(err, "orig", err)
    message = str(orig).lower()
    if isinstance(orig, sqlite3.OperationalError) or isinstance(err, exc.OperationalError):
        if "locked" in message or "busy" in message:
            return DatabaseLocked(
                _("The database {path} is in use by another program (perhaps another copy of visitapp); "
                  "close it and try again.").format(path=where)
            )
        if "disk is full" in message or "database or disk is full" in message:
            return StorageFull(
                _("The disk holding {path} is full; the last change was not stored. "
                  "Free some space and try again.").format(path=where)
            )
        if "readonly" in message or "read-only" in message:
            return DatabaseError(_("The database {path} cannot be written to.").format(path=where))
        if "unable to open" in message:
            return DatabaseError(_("The database {path} cannot be opened.").format(path=where))
    if isinstance(orig, sqlite3.DatabaseError) and (
        "malformed" in message or "not a database" in message or "corrupt" in message
    ):
        return _damaged(where)
    return None


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (owner only) whatever the umask, unless it exists (issue 12)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return
    except OSError as err:
        raise DatabaseError(_("The database {path} cannot be created: {reason}.").format(
            path=path, reason=err.strerror)) from err


def _damaged(where: Path | str) -> DatabaseError:
    return DatabaseError(_("The database {path} is damaged; visitapp did not change it.").format(path=where))


class SQLiteBackend(Backend):
    """A visitapp database in one SQLite file."""

    name = "SQLite"
    keeps_writer = True  # a note save is a few statements on a local file: the pool's round costs a tenth of it

    def __init__(self, path: Path, *, lock_timeout_ms: int) -> None:
        super().__init__(lock_timeout_ms=lock_timeout_ms)
        self._path = path
        #: Set when this file runs with a rollback journal instead of WAL: the sentence to show the user once.
        self.journal_warning: str | None = None

    @property
    def path(self) -> Path:
        return self._path

    def describe(self) -> str:
        return str(self._path)

    # -- opening ---------------------------------------------------------

    def prepare(self, *, create: bool) -> str | None:
        path = self._path
        if path.is_dir():
            raise DatabaseError(_("{path} is a folder, not a database file.").format(path=path))
        if path.exists() and path.stat().st_size > 0:
            return self._inspect()
        if not create:
            raise DatabaseError(_("There is no database at {path}.").format(path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DatabaseError(
                _("The folder for {path} cannot be created: {reason}.").format(path=path, reason=err.strerror)
            ) from err
        create_private(path)  # SQLite gives -wal and -shm the database file's mode
        return None

    def _inspect(self) -> str | None:
        """Check that the file is a visitapp database we can open; return its revision.

        Reads only: a foreign, damaged or newer file is never modified.
        """
        from visitapp.db.database import known_revisions

        path = self._path
        try:
            with path.open("rb") as fh:
                header = fh.read(len(SQLITE_MAGIC))
        except OSError as err:
            raise DatabaseError(_("{path} cannot be read: {reason}.").format(path=path, reason=err.strerror)) from err
        if header != SQLITE_MAGIC:
            raise DatabaseError(_("{path} is not a visitapp database.").format(path=path))
        try:
            conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=self.lock_timeout_ms / 1000)
        except sqlite3.Error as err:
            raise DatabaseError(_("The database {path} cannot be opened.").format(path=path)) from err
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return None
            if "alembic_version" not in tables or "visits" not in tables:
                raise DatabaseError(_("{path} is not a visitapp database.").format(path=path))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            # Damage anywhere in the file, found before anything writes to it.
            if (path.stat().st_size <= FULL_CHECK_MAX_BYTES
                    and conn.execute("PRAGMA quick_check(1)").fetchone() != ("ok",)):
                raise _damaged(path)
        except sqlite3.DatabaseError as err:
            raise (translate_error(err, path) or _damaged(path)) from err
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
        """The bare SQLAlchemy engine; a subclass (SQLCipher) changes how it connects."""
        # URL.create, not a formatted string: a path may hold '#', '?' or '%'.  The pool hands out the
        # connection returned last: SQLite drops a connection's page cache when another connection has
        # committed, so with the default (the longest idle first) consecutive saves took turns on two
        # connections and each began cold whenever a reader had ever made the pool hold two.
        return sa_create_engine(URL.create("sqlite", database=str(self._path)), pool_use_lifo=True)

    def wal_unsafe(self) -> str | None:
        """Why this file must not use WAL (see :func:`wal_unsafe`); a test forces a fallback here."""
        return wal_unsafe(self._path)

    def _fall_back(self, reason: str | None) -> None:
        """Use a rollback journal from now on; say why once (logged; the GUI shows ``journal_warning``)."""
        if reason:
            message = _("{path} is on a network share or a synced folder ({kind}), where the write-ahead log "
                        "can damage a database; visitapp uses a rollback journal there (slower, and one program "
                        "writes at a time). Keep the database on this computer's own disk if you can.")
        else:
            message = _("The write-ahead log cannot be used for {path} on this file system; visitapp uses a "
                        "rollback journal there (slower, and one program writes at a time).")
        self.journal_warning = message.format(path=self._path, kind=reason)
        if str(self._path) not in _warned:
            _warned.add(str(self._path))
            log.warning(self.journal_warning)

    def create_engine(self) -> Engine:
        engine = self._new_engine()
        busy_ms = int(self.lock_timeout_ms)
        reason = self.wal_unsafe()
        if reason:
            self._fall_back(reason)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {busy_ms}")
            if self.journal_warning is None:
                mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
                if not mode or str(mode[0]).lower() != "wal":  # refused (no shared memory here)
                    self._fall_back(None)
            if self.journal_warning is not None:
                cur.execute("PRAGMA journal_mode = DELETE")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.close()

        # The note save writes its own search document, lemmas included (sqlite_fts.write_note_doc).
        engine.update_execution_options(**{NOTE_DOC_OPTION: fts.write_note_doc})

        # BEGIN (IMMEDIATE for a write) on the driver, and the lemmas of what a write wrote before its COMMIT.
        event.listen(engine, "begin", sqlite_write.begin)
        event.listen(engine, "commit", sqlite_write.before_commit)

        return engine

    def write_transaction(self, conn: Connection) -> contextlib.AbstractContextManager[object]:
        return sqlite_write.DriverTransaction(conn)

    def translate_error(self, err: BaseException) -> DatabaseError | None:
        return translate_error(err, self._path)

    def backup(self, engine: Engine, target: Path) -> Path:
        """Copy the live database (WAL included) with SQLite's backup API."""
        target.parent.mkdir(parents=True, exist_ok=True)
        create_private(target)
        raw = engine.raw_connection()
        try:
            source = raw.driver_connection
            assert source is not None, "a pooled connection always holds its sqlite3 connection"
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            raw.close()
        return target

    # -- search (FTS5) ---------------------------------------------------

    def search_is_stale(self, conn: Connection) -> bool:
        return bool(fts.missing_triggers(conn)) or fts.stored_ddl_version(conn) != fts.ddl_version()

    def ensure_search(self, conn: Connection, *, rebuild_index: bool) -> None:
        fts.ensure(conn, rebuild_index=rebuild_index)

    def analyse_backlog(self, engine: Engine, *, progress: Progress | None = None) -> int:
        """Analyse the documents left without lemmas (an upgrade, another program's writes), in batches.

        Each batch is its own transaction, so an interruption (Ctrl+C, or
        ``progress`` raising) loses only the batch under way; the rest is
        analysed at the next open.  Until then such documents are found by
        their typed words.
        """
        with engine.connect() as conn:
            total = fts.pending_count(conn.connection.driver_connection)
            conn.rollback()
        done = 0
        if not total:
            return 0
        writer = engine.execution_options(visitapp_write=True, visitapp_backlog=True)
        while done < total:
            try:
                with writer.begin() as conn:
                    n = fts.analyse_pending(conn.connection.driver_connection, fts.BACKLOG_BATCH)
            except exc.OperationalError as err:
                if isinstance(translate_error(err, self._path), DatabaseLocked):
                    return done  # another program is writing: the rest waits for the next open
                raise
            if not n:
                break
            done += n
            if progress is not None:
                progress(min(done, total), total)
        return done

    def search(
        self, session: Session, terms: list[SearchTerm], *, limit: int, visit_pk: int | None, window: int,
        marks: tuple[str, str],
    ) -> list[SearchRow]:
        match = match_query(terms)
        if match is None:
            return []
        lemma_mode = any(t.lemmas for t in terms)
        # Ranking is bounded: FTS5 scores every match to order by rank, so
        # rank only among the newest ``window`` matches (found in rowid order).
        bound = session.execute(
            text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :off"),
            {"q": match, "off": window - 1},
        ).scalar()
        params: dict[str, object] = {"q": match, "limit": limit, "start": marks[0], "end": marks[1]}
        where = ""
        if bound is not None:
            where += " AND search_fts.rowid >= :bound"
            params["bound"] = bound
        if visit_pk is not None:
            where += " AND d.visit_id = :vid"
            params["vid"] = visit_pk
        # A match through the lemmas has no place in the typed text that FTS5
        # knows of: those snippets are cut and marked in Python.
        shown = "d.body" if lemma_mode else "snippet(search_fts, 0, :start, :end, '…', 16)"
        # bm25() itself, not the ``rank`` column it stands for: ORDER BY rank takes FTS5's own sorting
        # pass, which cost twice as much here (30 vs 15 ms for a word in 180,000 of 200,000 notes).
        rows = session.execute(
            text(
                f"SELECT d.kind, d.ref_id, d.visit_id, {shown}, bm25(search_fts) AS score "
                "FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
                f"WHERE search_fts MATCH :q{where} ORDER BY score LIMIT :limit"
            ),
            params,
        ).all()
        found = [SearchRow(kind, ref_id, vid, snippet, float(rank)) for kind, ref_id, vid, snippet, rank in rows]
        if lemma_mode:
            found = [replace(row, snippet=mark_matches(row.snippet, terms, marks)) for row in found]
        return found

    # -- JSON arrays -----------------------------------------------------

    def json_array_values(self, column: ColumnExpressionArgument[Any]) -> FromClause:
        return func.json_each(column).table_valued("value")


def match_query(terms: list[SearchTerm]) -> str | None:
    """An FTS5 query ANDing ``terms``: each a quoted phrase (so no word is FTS5 syntax), ``*`` for a prefix.

    Phrases, prefixes and plain words match the typed text (column ``body``),
    folded like the indexed text (``ł`` → ``ĺ``, see ``sqlite_fts.py``).  A
    word with ``lemmas`` (which always hold the word itself, folded) matches
    any of them in column ``lemmas``, where a document not analysed yet has
    its typed words; a word marked ``typed`` also matches the text as typed.
    """
    parts = []
    for t in terms:
        if not t.words:
            continue
        typed = fts.fold('body : "' + " ".join(w.replace('"', '""') for w in t.words) + '"' + ("*" if t.prefix else ""))
        if t.lemmas and len(t.words) == 1 and not t.prefix:
            alternatives = " OR ".join('"' + lemma.replace('"', '""') + '"' for lemma in t.lemmas)
            parts.append(f"(lemmas : ({alternatives}) OR {typed})" if t.typed else f"lemmas : ({alternatives})")
        else:
            parts.append(typed)
    if not parts:
        return None
    return " AND ".join(parts)
