"""The work of the dialog off the GUI thread.

Rendering, signing and writing run on :class:`JobWorker`, a thread of the
dialog's own, never on the one DB worker (a long signature on a token must not
hold back the notes being stored).  Finalising is a write: the core operation
:func:`visitapp.ops.records.finalise_visit`, queued on the DB worker through the
:class:`~visitapp.ui.ops_runner.OpRunner`, in order after every note typed
before, so the Edit menu's undo label follows it too.

:class:`SignJob` runs the steps of :func:`visitapp.publish.finalise_and_export`
split that way: open the signer (job worker) -> finalise (DB worker) ->
render, attach, sign, write (job worker).  The signer is opened first, so a
wrong password or PIN leaves no new version; cancel stops between two steps.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from visitapp import publish
from visitapp.errors import UserError
from visitapp.files import check_writable
from visitapp.ops import Changes, Tx
from visitapp.ops.records import finalise_visit
from visitapp.services import Identity
from visitapp.services.records import FinaliseResult, copy_of
from visitapp.signing.sign import SignerSource
from visitapp.ui.ops_runner import OpRunner


class JobWorker(QObject):
    """One thread for a dialog's long work; results come back on the GUI thread (like the DB worker's)."""

    _finished = Signal(object, object, object)  # callbacks, result, error

    def __init__(self, name: str = "visitapp-publish", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> Future:
        self._pending += 1

        def report(future: Future) -> None:
            err = future.exception()
            if shiboken6.isValid(self):
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
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Drop what is queued; a job already running finishes on its own (the GUI does not wait)."""
        self._executor.shutdown(wait=False, cancel_futures=True)


class SignJob(QObject):
    """One "finalise and sign": ``stepped(name)`` per step (:data:`visitapp.publish.STEPS`), then
    ``succeeded(FinalisedExport)`` or ``failed(exception)`` (:class:`visitapp.publish.ExportCancelled` on cancel)."""

    stepped = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: OpRunner, worker: JobWorker, visit_id: str, out: Path, *, lang: str, copy: str,
                 source: SignerSource | None, reason: str | None, identity: Identity,
                 signer_is_author: bool, parent: QObject | None = None, encrypt_to: list | None = None) -> None:
        super().__init__(parent)
        self.encrypt_to = encrypt_to or None  # coordinators' certificates: write a .p7m (issue 12)
        self.runner, self.worker = runner, worker
        self.visit_id, self.out, self.lang, self.copy = visit_id, Path(out), lang, copy
        self.source, self.reason = source, reason
        self.identity, self.signer_is_author = identity, signer_is_author
        self._cancel = threading.Event()
        self._stack = contextlib.ExitStack()  # the open signer, entered and closed on the job worker
        self._signer: publish.OpenSigner | None = None
        self._ticket: int | None = None
        self.finalised_on: str | None = None  # the thread that finalised (tests)
        self.published_on: str | None = None  # the thread that rendered and signed (tests)

    def start(self) -> None:
        self.worker.submit(self._open, self._opened, self._end_failed)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # 1. the signer, on the job worker ----------------------------------------------------
    def _open(self) -> publish.OpenSigner | None:
        check_writable(self.out)
        if self.cancelled:
            raise publish.ExportCancelled()
        if self.source is None:
            return None
        self.stepped.emit("signer")
        return self._stack.enter_context(publish.open_signer(self.source))

    def _opened(self, signer: publish.OpenSigner | None) -> None:
        self._signer = signer
        if self.cancelled:
            self._end_failed(publish.ExportCancelled())
            return
        identity = publish.signer_identity(signer, self.identity) if self.signer_is_author else self.identity
        self.stepped.emit("finalise")
        self.runner.finished.connect(self._finalised)
        self.runner.failed.connect(self._finalise_refused)
        self._ticket = self.runner.submit_label(finalise_visit.label, self._finalise_body(identity), self.visit_id,
                                               undoable=finalise_visit.undoable)

    # 2. finalise, on the DB worker ----------------------------------------------------------
    def _finalise_body(self, identity: Identity) -> Callable[[Tx, str], FinaliseResult | None]:
        cancel = self._cancel

        def body(tx: Tx, visit_id: str) -> FinaliseResult | None:
            if cancel.is_set():  # cancelled while waiting for the DB worker: nothing is written
                return None
            self.finalised_on = threading.current_thread().name
            return finalise_visit.body(tx, visit_id, author=identity.name, identity=identity)

        return body

    def _disconnect(self) -> None:
        self.runner.finished.disconnect(self._finalised)
        self.runner.failed.disconnect(self._finalise_refused)

    def _finalised(self, changes: Changes) -> None:
        if changes.ticket != self._ticket:
            return
        self._disconnect()
        done = changes.result
        if done is None:
            self._end_failed(publish.ExportCancelled())
            return
        if self.cancelled:
            self._end_failed(publish.ExportCancelled(done.version))
            return
        record = copy_of(done.record, self.copy)

        def work() -> publish.FinalisedExport:
            self.published_on = threading.current_thread().name
            try:
                exported = publish.publish_record(record, self.out, lang=self.lang, signer=self._signer,
                                                  reason=self.reason, step=self.stepped.emit,
                                                  cancelled=self._cancel.is_set, encrypt_to=self.encrypt_to)
            finally:
                self._stack.close()
            return publish.FinalisedExport(done.version, done.created, exported)

        self.worker.submit(work, self.succeeded.emit, self.failed.emit)

    def _finalise_refused(self, ticket: int, sentence: str) -> None:
        if ticket != self._ticket:
            return
        self._disconnect()
        self._end_failed(UserError(sentence))

    # the end, when it failed before the last step: close the signer where it was opened ------------
    def _end_failed(self, err: BaseException) -> None:
        self.worker.submit(self._stack.close, lambda _r: self.failed.emit(err), lambda _e: self.failed.emit(err))
