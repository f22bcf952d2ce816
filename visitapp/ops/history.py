"""Run an operation in one transaction, record its inverse, and undo or redo it.

An operation's inverse is recorded as row images: for every row it touched,
the row before (``None`` when the operation inserted it) and after (``None``
when it deleted it). Undo writes the before-images back, redo the after-images,
each in one transaction of its own, so undo and redo are operations too and a
composite step (a visit with its organisation, people and participants) is
undone at once. Undo refuses, in one sentence, when a row it would restore was
changed since by something outside this history (a merge, another copy of the app).

Rows touched through the ORM session are found by session events; an operation
that writes with SQLAlchemy Core statements (the fast path for a note's text)
records its rows itself with :meth:`Tx.record`.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from sqlalchemy import Table, event, inspect, null, select
from sqlalchemy.orm import Session

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import UserError
from visitapp.i18n import _
from visitapp.ops.changes import KINDS, Changes, Ids

Row = dict[str, Any]
TABLES: dict[str, Table] = {t.name: t for t in m.Base.metadata.sorted_tables}
ORDER = {name: i for i, name in enumerate(TABLES)}  # parents before children
UNDO_LIMIT = 200


class HistoryConflict(UserError):
    """Undo or redo would overwrite a change made outside this history."""


# Immutable records of the history, made for every operation: tuples (a frozen dataclass's
# generated __init__ sets each field through object.__setattr__, five times slower).
class Image(NamedTuple):
    table: str
    pk: int
    before: Row | None
    after: Row | None


class Step(NamedTuple):
    label: str
    images: tuple[Image, ...]


_new = tuple.__new__  # makes a named tuple from a tuple of its fields in one C call


def _rows(conn: Any, table: Table, pks: list[int]) -> dict[int, Row]:
    """Rows by primary key, a few hundred per SELECT."""
    out: dict[int, Row] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start:start + 500]
        for found in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            out[found["id"]] = dict(found)
    return out


def _matches(current: Row | None, expected: Row | None) -> bool:
    if current is None or expected is None:
        return current is expected
    return all(current.get(k) == v for k, v in expected.items())


class Tx:
    """What an operation body gets: its one transaction, and who acts.

    ``tx.session`` is the ORM session of that transaction; an operation made with
    ``core=True`` (the fast path) gets only ``tx.conn``, a Core connection.
    """

    __slots__ = ("_after", "_before", "_conn", "_order", "_session", "_untracked", "identity", "wrote_untracked")

    def __init__(self, identity: Any, *, session: Session | None = None, conn: Any = None) -> None:
        self._session = session
        self._conn = conn
        self.identity = identity
        self._before: dict[tuple[str, int], Row | None] = {}
        self._after: dict[tuple[str, int], Row | None] = {}  # known after-images (Core writes)
        self._order: list[tuple[str, int]] = []
        self._untracked = False  # see untracked(): images not kept, only whether anything was written
        self.wrote_untracked = False

    def untracked(self) -> None:
        """Keep no images of what this (not undoable) operation writes: only whether it wrote anything.

        A merge of signed minutes writes tens of rows and is never undone; reading each changed table
        before and after costs a round trip per table on a database server.  Its history is cleared
        when it wrote anything, as for any step that is not undoable.
        """
        self._untracked = True

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("this operation runs on SQLAlchemy Core statements only")
        return self._session

    @property
    def conn(self) -> Any:
        return self._conn if self._session is None else self._session.connection()

    def capture(self, table: str, pk: int) -> None:
        """Remember a row as it is now, before this operation changes it (call before writing it)."""
        self._capture_many(table, [pk])

    def _capture_many(self, table: str, pks: Iterable[int]) -> None:
        wanted = [pk for pk in dict.fromkeys(pks) if (table, pk) not in self._before]
        if not wanted:
            return
        found = _rows(self.conn, TABLES[table], wanted)
        for pk in wanted:
            self._remember(table, pk, found.get(pk))

    def _remember(self, table: str, pk: int, before: Row | None) -> None:
        key = (table, pk)
        if key not in self._before:
            self._before[key] = before
            self._order.append(key)

    def record(self, table: str, pk: int, before: Row | None, after: Row | None) -> None:
        """A row written with Core statements: its image before (if first seen) and after.

        For a row that exists before and after, the two images may hold only some
        columns (the same ones, ``uuid`` among them): undo and redo then check and
        restore only those.
        """
        key = (table, pk)
        if key not in self._before:  # as _remember, written out: two rows per note save
            self._before[key] = before
            self._order.append(key)
        self._after[key] = after

    # -- session events (rows changed through the ORM) -----------------------

    def _before_flush(self, session: Session, _ctx: Any, _instances: Any) -> None:
        if self._untracked:
            self.wrote_untracked = self.wrote_untracked or bool(session.new or session.dirty or session.deleted)
            return
        by_table: dict[str, list[int]] = {}
        for obj in list(session.dirty) + list(session.deleted):
            state = inspect(obj)
            if state.key is None or (not session.is_modified(obj) and obj not in session.deleted):
                continue
            by_table.setdefault(state.mapper.local_table.name, []).append(state.key[1][0])
        for table, pks in by_table.items():  # one SELECT per table, not per row
            self._capture_many(table, pks)

    def _after_flush(self, session: Session, _ctx: Any) -> None:
        if self._untracked:
            return
        for obj in session.new:
            state = inspect(obj)
            self._remember(state.mapper.local_table.name, state.key[1][0] if state.key else obj.id, None)

    def images(self) -> tuple[Image, ...]:
        if self._session is not None:
            self._session.flush()
        before, after = self._before, self._after
        if len(after) < len(self._order):  # rows changed through the ORM: read as they are now
            unread: dict[str, list[int]] = {}
            for table, pk in self._order:
                if (table, pk) not in after:
                    unread.setdefault(table, []).append(pk)
            after = dict(after)
            for table, pks in unread.items():
                found = _rows(self.conn, TABLES[table], pks)
                for pk in pks:
                    after[(table, pk)] = found.get(pk)
        out = []
        for key in self._order:
            was, now = before[key], after[key]
            if now != was:
                out.append(_new(Image, (key[0], key[1], was, now)))  # a named tuple's __new__ is a Python call
        return tuple(out)


_TX = "visitapp.ops.tx"


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, ctx: Any, instances: Any) -> None:
    tx = session.info.get(_TX)
    if tx is not None:
        tx._before_flush(session, ctx, instances)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, ctx: Any) -> None:
    tx = session.info.get(_TX)
    if tx is not None:
        tx._after_flush(session, ctx)


def changes_of(label: str, kind: str, images: Iterable[Image], *, undo: bool = False,
               result: Any = None) -> Changes:
    """The ids of the rows that ``images`` change (applied forward, or backward for undo)."""
    # Per kind of record (Changes' field names, KINDS' values): the uuids added, updated, removed.
    found: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for table, _pk, before, after in images:
        name = KINDS.get(table)
        if name is None:
            continue
        old, new = (after, before) if undo else (before, after)
        row = new if new is not None else old
        uuid = row.get("uuid") if row is not None else None
        if uuid is None:
            continue
        was = old is not None and not old.get("deleted", False)
        now = new is not None and not new.get("deleted", False)
        if now or was:
            lists = found.get(name)
            if lists is None:
                lists = found[name] = ([], [], [])
            lists[(1 if was else 0) if now else 2].append(uuid)
    # Changes by place (tuple.__new__: a named tuple's own __new__ is a Python call with keywords); most kinds
    # change nothing, and share one empty Ids and one empty set.
    fields: list[Any] = list(_DEFAULTS)
    fields[_FIELD_AT["label"]], fields[_FIELD_AT["kind"]], fields[_FIELD_AT["result"]] = label, kind, result
    for name, (added, updated, removed) in found.items():
        fields[_FIELD_AT[name]] = _new(Ids, (frozenset(added) if added else _NONE,
                                             frozenset(updated) if updated else _NONE,
                                             frozenset(removed) if removed else _NONE))
    return _new(Changes, fields)


_FIELD_AT = {name: i for i, name in enumerate(Changes._fields)}
_DEFAULTS = tuple(Changes._field_defaults.get(name) for name in Changes._fields)  # NO_IDS for every kind
_NONE: frozenset[str] = frozenset()


class History:
    """The undo and redo stacks of one open database (see :func:`history_for`).

    Thread-safe: in the GUI, operations run on the one DB worker; reading the
    labels never waits for a write in progress.
    """

    def __init__(self, db: Database, identity: Any = None, *, limit: int = UNDO_LIMIT) -> None:
        if identity is None:
            from visitapp.services.base import Identity

            identity = Identity.system()
        self._db = weakref.ref(db)  # the registry of histories must not keep a closed database alive
        self.identity = identity
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._run = threading.RLock()  # one operation, undo or redo at a time
        self._stacks = threading.Lock()  # held only briefly: the GUI thread may read the labels

    @property
    def db(self) -> Database:
        db = self._db()
        if db is None:
            raise RuntimeError("the database of this history is gone")
        return db

    # -- running ------------------------------------------------------------

    def run(self, label: str, body: Callable[..., Any], *args: Any, **kwargs: Any) -> Changes:
        """Run ``body(tx, *args, **kwargs)`` in one transaction; one undo step when it changed anything."""
        return self.execute(self.identity, label, body, args, kwargs)

    def run_as(self, identity: Any, label: str, body: Callable[..., Any], *args: Any, **kwargs: Any) -> Changes:
        """:meth:`run` acting for ``identity`` (who is named as the author of what it adds)."""
        return self.execute(identity, label, body, args, kwargs)

    def execute(self, identity: Any, label: str, body: Callable[..., Any], args: tuple[Any, ...],
                kwargs: dict[str, Any], *, core: bool = False, undoable: bool = True) -> Changes:
        """Run ``body``: on an ORM session, or with ``core`` on a bare Core connection (no unit of work).

        A step that is not ``undoable`` clears both stacks once it is stored:
        nothing before it can be undone past it.
        """
        if core:
            with self._run, self.db.core_write() as conn:
                tx = Tx(identity, conn=conn)
                result = body(tx, *args, **kwargs)
                images = tx.images()
        else:
            with self._run, self.db.write() as session:
                tx = Tx(identity, session=session)
                session.info[_TX] = tx
                try:
                    result = body(tx, *args, **kwargs)
                    images = tx.images()
                finally:
                    del session.info[_TX]
        if (images or tx.wrote_untracked) and not undoable:
            self.clear()
        elif images:
            with self._stacks:
                self._undo.append(_new(Step, (label, images)))
                del self._undo[: -self.limit]
                self._redo.clear()
        return changes_of(label, "do", images, result=result)

    def undo(self) -> Changes:
        """Undo the last step (one transaction); an error when there is nothing to undo."""
        with self._run:
            with self._stacks:
                if not self._undo:
                    raise UserError(_("There is nothing to undo."))
                step = self._undo[-1]
            self._apply(step, undo=True)
            with self._stacks:
                if self._undo and self._undo[-1] is step:  # not cleared meanwhile
                    self._redo.append(self._undo.pop())
            return changes_of(step.label, "undo", step.images, undo=True)

    def redo(self) -> Changes:
        with self._run:
            with self._stacks:
                if not self._redo:
                    raise UserError(_("There is nothing to redo."))
                step = self._redo[-1]
            self._apply(step, undo=False)
            with self._stacks:
                if self._redo and self._redo[-1] is step:
                    self._undo.append(self._redo.pop())
            return changes_of(step.label, "redo", step.images)

    def _apply(self, step: Step, *, undo: bool) -> None:
        with self.db.write() as session:
            conn = session.connection()
            by_table: dict[str, list[int]] = {}
            for image in step.images:
                by_table.setdefault(image.table, []).append(image.pk)
            current = {table: _rows(conn, TABLES[table], pks) for table, pks in by_table.items()}
            for image in step.images:
                expected = image.after if undo else image.before
                if not _matches(current[image.table].get(image.pk), expected):
                    raise HistoryConflict(
                        _("“{label}” cannot be undone or redone: the data changed since.").format(label=step.label)
                    )
            targets = [(i, i.before if undo else i.after) for i in step.images]
            written = [(i, r) for i, r in targets if r is not None]
            for image, row in sorted(written, key=lambda t: ORDER[t[0].table]):
                table = TABLES[image.table]
                exists = (image.after if undo else image.before) is not None
                values = {k: null() if v is None else v for k, v in row.items()}  # SQL NULL, never JSON 'null'
                if exists:
                    conn.execute(table.update().where(table.c.id == image.pk).values(**values))
                else:
                    conn.execute(table.insert().values(**values))
            gone = [i for i, r in targets if r is None]
            for image in sorted(gone, key=lambda i: -ORDER[i.table]):
                table = TABLES[image.table]
                conn.execute(table.delete().where(table.c.id == image.pk))

    # -- the Edit menu -----------------------------------------------------

    @property
    def undo_label(self) -> str | None:
        with self._stacks:
            return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        with self._stacks:
            return self._redo[-1].label if self._redo else None

    @property
    def can_undo(self) -> bool:
        return self.undo_label is not None

    @property
    def can_redo(self) -> bool:
        return self.redo_label is not None

    def clear(self) -> None:
        """Forget every step (another visit was opened, or the database is closing)."""
        with self._stacks:
            self._undo.clear()
            self._redo.clear()


_histories: weakref.WeakKeyDictionary[Database, History] = weakref.WeakKeyDictionary()
_histories_lock = threading.Lock()


def history_for(db: Database, identity: Any = None) -> History:
    """The one history of an open database (made on first use, acting for ``identity`` then)."""
    found = _histories.get(db)  # every operation asks: no lock once it is made
    if found is not None:
        return found
    with _histories_lock:
        found = _histories.get(db)
        if found is None:
            found = _histories[db] = History(db, identity)
        return found
