"""Long coordinator work (merging many files, writing a report) on its own thread.

The core reports progress through a plain callback and asks whether to stop
through a plain function (``Merger.merge_all(progress=..., cancelled=...)``).
:class:`Task` runs such a function on a :class:`QThread` and turns them into
signals delivered on the GUI thread and a :meth:`Task.cancel` for a Cancel
button.  Each merged file is one transaction in the core, so a cancel stops
between two files and leaves the registry consistent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

Progress = Callable[[int, int, Any], None]
Cancelled = Callable[[], bool]

_LIVE: set[Task] = set()  # a running task outlives the widget that started it, never the reverse


class Task(QThread):
    """Runs ``fn(progress, cancelled)`` off the GUI thread; its outcome comes back as signals."""

    progressed = Signal(int, int, object)  # done so far, total, the item just finished
    succeeded = Signal(object)  # what fn returned
    failed = Signal(object)  # the exception fn raised

    def __init__(self, fn: Callable[[Progress, Cancelled], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        _LIVE.add(self)
        self.finished.connect(self._forget)

    def run(self) -> None:  # on the worker thread: no widgets here, only signals
        try:
            result = self._fn(self._progress, self._cancel.is_set)
        except Exception as err:  # reported to the GUI thread, shown there
            self.failed.emit(err)
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int, item: Any) -> None:
        self.progressed.emit(done, total, item)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _forget(self) -> None:
        _LIVE.discard(self)
        self.deleteLater()


def stop_all(timeout_ms: int = 30000) -> None:
    """Cancel every running task and wait for it (before the database is closed)."""
    for task in list(_LIVE):
        task.cancel()
    for task in list(_LIVE):
        task.wait(timeout_ms)
