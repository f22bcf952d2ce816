"""How the coordinator's pages change the registry: core operations on the one DB worker.

A page never opens a transaction: it submits an operation of
:mod:`visitapp.ops` (``ops.registry.trust_signers``, ``ops.edit_action``…)
to the :class:`~visitapp.ui.ops_runner.OpRunner` and gets its result, or its
one sentence, back on the GUI thread in the callbacks it gave.  The runner is
the main window's (the same worker and history as the official's edits); a
view made without one (tests, a tool) makes its own worker and runner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from visitapp.ops import Operation
from visitapp.ui.ops_runner import OpRunner
from visitapp.ui.worker import DbWorker

Done = Callable[[Any], None]
Failed = Callable[[str], None]


class Writes(QObject):
    """Submit an operation and call back the page that asked (the runner's signals go to every listener)."""

    settled = Signal()  # nothing is waiting any more
    undone = Signal(object)  # the Changes of an undo or redo (from any window): the pages read again

    def __init__(self, runner: OpRunner, parent: QObject | None = None, *,
                 owned_worker: DbWorker | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._owned_worker = owned_worker
        self._waiting: dict[int, tuple[Done | None, Failed | None]] = {}
        runner.finished.connect(self._finished)
        runner.failed.connect(self._failed)

    @classmethod
    def own(cls, history: Callable[[], Any], parent: QObject | None = None) -> Writes:
        """A worker and a runner of its own (when no window hands one); :meth:`shutdown` stops the worker."""
        worker = DbWorker()
        return cls(OpRunner(worker, history, parent), parent, owned_worker=worker)

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def submit(self, op: Operation, *args: Any, on_done: Done | None = None, on_error: Failed | None = None,
               **kwargs: Any) -> int:
        ticket = self.runner.submit(op, *args, **kwargs)
        self._waiting[ticket] = (on_done, on_error)
        return ticket

    def call(self, fn: Callable[[], Any], *, on_done: Done | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """A write that is no undoable operation (erasing a person), on the same DB worker, in order."""
        key = -id(fn)
        self._waiting[key] = (None, None)

        def done(result: Any) -> None:
            self._waiting.pop(key, None)
            self.history_changed()  # the write may have cleared it
            if on_done is not None:
                on_done(result)
            self._maybe_settled()

        def error(err: BaseException) -> None:
            self._waiting.pop(key, None)
            if on_error is not None:
                on_error(err)
            self._maybe_settled()

        self.runner.worker.submit(fn, done, error)

    def history_changed(self) -> None:
        """A write made outside the runner (an erasure, a merge) changed the history: the Edit menu follows."""
        history = self.runner.history
        self.runner._labels(history.undo_label or "", history.redo_label or "")  # same layer

    def _finished(self, changes: Any) -> None:
        if changes.kind != "do":
            self.undone.emit(changes)
        callbacks = self._waiting.pop(changes.ticket, None)
        if callbacks is not None and callbacks[0] is not None:
            callbacks[0](changes.result)
        self._maybe_settled()

    def _failed(self, ticket: int, sentence: str) -> None:
        callbacks = self._waiting.pop(ticket, None)
        if callbacks is not None and callbacks[1] is not None:
            callbacks[1](sentence)
        self._maybe_settled()

    def _maybe_settled(self) -> None:
        if not self._waiting:
            self.settled.emit()

    def shutdown(self) -> None:
        if self._owned_worker is not None and not self._owned_worker.closed:
            self._owned_worker.shutdown()
