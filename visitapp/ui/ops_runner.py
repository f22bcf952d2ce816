"""The GUI's way to change data: core operations run on the one DB worker.

Contract:

* ``runner = OpRunner(worker, history)`` where ``worker`` is the app's one
  :class:`~visitapp.ui.worker.DbWorker` and ``history`` the
  :class:`visitapp.ops.History` of the open database (``history`` may also be
  a callable returning it, for when the database is swapped).
* ``ticket = runner.submit(op, *args, **kwargs)`` queues ``op(history, *args,
  **kwargs)`` (``op`` is a :class:`visitapp.ops.Operation`, e.g.
  ``ops.add_note``) on the DB worker and returns at once with a ticket number
  (1, 2, ...). The GUI thread never commits and never waits on a write.
  ``runner.submit_label(label, fn, *args)`` does the same for a bare body
  ``fn(tx, *args)`` under the given undo label.
* When the op has committed, ``finished(Changes)`` is emitted on the GUI
  thread; ``changes.ticket`` is the ticket, ``changes.result`` what the op
  returned (e.g. the new NoteInfo), ``changes.notes.added`` etc. the ids a
  view must update. ``changes.kind`` is ``"do"``, ``"undo"`` or ``"redo"``.
* When it was refused or failed, nothing was written and ``failed(ticket, sentence)``
  is emitted with one sentence for the user (a UserError's message; any
  other error becomes a generic sentence and is logged).
* ``undo()`` / ``redo()`` queue the history's undo/redo on the same worker,
  in order after every op submitted before; they return a ticket too and
  report through the same two signals.
* ``historyChanged(undo_label, redo_label)`` follows every op, undo and redo
  ("" when there is nothing), for the Edit menu's texts and enabled states;
  ``undo_label`` / ``redo_label`` hold the latest values.
* ``pending`` is the number of submitted requests not yet reported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from visitapp.errors import UserError
from visitapp.ops import Changes, History, Operation
from visitapp.ui.worker import DbWorker

log = logging.getLogger(__name__)


class OpRunner(QObject):
    finished = Signal(object)  # Changes
    failed = Signal(int, str)  # ticket, one sentence
    historyChanged = Signal(str, str)  # undo label, redo label

    def __init__(self, worker: DbWorker, history: History | Callable[[], History],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._history = history if callable(history) and not isinstance(history, History) else (lambda: history)
        self._tickets = 0
        self.pending = 0
        self.undo_label = ""
        self.redo_label = ""

    @property
    def history(self) -> History:
        return self._history()

    def submit(self, op: Operation, *args: Any, **kwargs: Any) -> int:
        history = self.history
        return self._queue(lambda: op(history, *args, **kwargs), history)

    def submit_label(self, label: str, fn: Callable[..., Any], *args: Any, undoable: bool = True,
                     **kwargs: Any) -> int:
        """Run a bare body as a step named ``label`` (not ``undoable``: a barrier that clears the history)."""
        history = self.history
        return self._queue(lambda: history.execute(history.identity, label, fn, args, kwargs, undoable=undoable),
                           history)

    def undo(self) -> int:
        history = self.history
        return self._queue(history.undo, history)

    def redo(self) -> int:
        history = self.history
        return self._queue(history.redo, history)

    def _queue(self, call: Callable[[], Changes], history: History) -> int:
        self._tickets += 1
        ticket = self._tickets
        self.pending += 1

        def work() -> tuple[Changes, str, str]:
            # On the DB worker: run, then read the labels there (no race with the next op).
            changes = call()
            return changes, history.undo_label or "", history.redo_label or ""

        def done(result: tuple[Changes, str, str]) -> None:
            self.pending -= 1
            changes, undo_label, redo_label = result
            self._labels(undo_label, redo_label)
            self.finished.emit(changes._replace(ticket=ticket))

        def error(err: BaseException) -> None:
            self.pending -= 1
            if isinstance(err, UserError):
                sentence = str(err)
            else:
                log.error("operation failed", exc_info=err)
                sentence = self.tr("The change could not be stored (%1).").replace("%1", type(err).__name__)
            self._labels(history.undo_label or "", history.redo_label or "")
            self.failed.emit(ticket, sentence)

        self.worker.submit(work, done, error)
        return ticket

    def _labels(self, undo_label: str, redo_label: str) -> None:
        if (undo_label, redo_label) != (self.undo_label, self.redo_label):
            self.undo_label, self.redo_label = undo_label, redo_label
            self.historyChanged.emit(undo_label, redo_label)
