"""The one DB worker: every write of the GUI runs on it, never on the GUI thread.

SQLite has one writer; a single-worker executor keeps the writes in the order
they were asked for.  Results come back to the GUI thread through a queued
signal, so callbacks may touch widgets.  Core operations reach it through
:class:`visitapp.ui.ops_runner.OpRunner`; drafts and signing submit directly.
:func:`forbid_writes_here` makes a write committed on the GUI thread fail (tests).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:  # SQLAlchemy is imported on the worker, after the window is shown (fast start)
    from visitapp.db import Database


class WriteOnGuiThread(RuntimeError):
    """A write transaction was about to commit on the GUI thread."""


def forbid_writes_here(db: Database) -> Callable[[], None]:
    """From now on, a write transaction of ``db`` committed on the calling thread raises.

    Call it on the GUI thread (in tests): every write must go to the DB worker.
    Reads are not affected. Returns a function that lifts the ban.
    """
    from sqlalchemy import event

    here = threading.current_thread()

    def check(conn: Any) -> None:
        if threading.current_thread() is here and conn.get_execution_options().get("visitapp_write"):
            raise WriteOnGuiThread("a write was committed on the GUI thread; submit it to the DB worker")

    event.listen(db.engine, "commit", check)
    return lambda: event.remove(db.engine, "commit", check)


def _impatient() -> None:
    from visitapp.registry.waiting import no_waiting_on_this_thread

    no_waiting_on_this_thread()


class DbWorker(QObject):
    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Registry writes do not wait out other coordinators here (they would hold up every save behind them):
        # busy is one sentence at once, as the window says it (visitapp.registry.waiting).
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="visitapp-db",
                                            initializer=_impatient)
        self._pending = 0
        self._closed = False
        # Queued even when a job is done before submit() attaches its callback (then report() runs here,
        # inside submit): results always come from the event loop, after the caller has its ticket.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future:
        if self._closed:
            raise RuntimeError("the database worker has shut down")
        self._pending += 1

        def report(future: Future) -> None:
            err = future.exception()
            self._finished.emit((on_done, on_error), None if err else future.result(), err)

        future = self._executor.submit(fn)
        future.add_done_callback(report)
        return future

    def _deliver(self, callbacks: tuple, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        on_done, on_error = callbacks
        if error is not None:
            if on_error is None:
                raise error
            on_error(error)
        elif on_done is not None:
            on_done(result)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def wait(self) -> None:
        """Block until every write asked for so far is done (at quit)."""
        self._executor.submit(lambda: None).result()

    def shutdown(self) -> None:
        self._closed = True
        self._executor.shutdown(wait=True)
