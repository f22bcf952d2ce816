"""Never lose a word: what is typed but not stored yet goes to ``svc.drafts`` shortly after the last keystroke."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from visitapp.errors import UserError
from visitapp.services import Services
from visitapp.ui.worker import DbWorker

DELAY_MS = 600  # a pause in typing this long stores the text
MAX_WAIT_MS = 800  # and someone typing without pause is stored at least this often
RETRY_MS = 2000  # after a failed store (disk full, file locked), try again this often


class DraftKeeper(QObject):
    """Stores one editor's text as a draft (debounced, on the DB worker); ``flush`` stores it now."""

    stored = Signal(object)  # dt.datetime of the commit
    failed = Signal(str)

    def __init__(self, worker: DbWorker, services: Callable[[], Services], visit_id: str, key: str,
                 text: Callable[[], str], data: Callable[[], dict[str, Any]] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker, self.services, self.visit_id, self.key = worker, services, visit_id, key
        self._text, self._data = text, data or (lambda: {})
        self.dirty = False
        # The text this copy last stored (or restored): all it may clear, since
        # another copy of the app on the same file may have stored its own since.
        self.last_stored: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.flush)
        # Started by the first unsaved change and not restarted by later ones,
        # so steady typing cannot postpone storing past MAX_WAIT_MS.
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_WAIT_MS)
        self._deadline.timeout.connect(self.flush)

    def changed(self, *_args: object) -> None:
        self.dirty = True
        self._timer.start(DELAY_MS)
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> None:
        """Store the current text now (cleared when empty); no-op when nothing changed."""
        self._timer.stop()
        self._deadline.stop()
        if not self.dirty or self.worker.closed:
            return
        self.dirty = False
        text, data, svc, visit, key = self._text(), self._data(), self.services(), self.visit_id, self.key

        mine = self.last_stored
        self.last_stored = text if text.strip() else None  # the worker runs in order: true by the time it matters

        def work() -> dt.datetime:
            if text.strip():
                return svc.drafts.save(visit, key, text, data).updated_at
            if mine is not None:
                svc.drafts.clear(visit, key, only_if=mine)
            return dt.datetime.now(dt.UTC)

        self.worker.submit(work, self.stored.emit, self._failed)

    def discard(self) -> None:
        """The text became a note (or was abandoned): forget the draft."""
        self._timer.stop()
        self._deadline.stop()
        self.dirty = False
        if self.worker.closed:
            return
        mine, self.last_stored = self.last_stored, None
        if mine is None:
            return  # this copy stored nothing under this key
        svc, visit, key = self.services(), self.visit_id, self.key
        self.worker.submit(lambda: svc.drafts.clear(visit, key, only_if=mine), None, self._failed)

    def _failed(self, err: BaseException) -> None:
        self.dirty = True  # keep trying: the text stays in the editor until it is stored
        self._timer.start(RETRY_MS)
        if isinstance(err, UserError):
            self.failed.emit(str(err))
        else:
            self.failed.emit(f"{type(err).__name__}: {err}")
