"""The desktop's one DB worker never waits out other coordinators: a busy registry write is said at once.

A write waiting there for a minute (``visitapp.registry.waiting.REGISTRY_WAIT_S``) would hold up every note
saved behind it, without a word on the screen.
"""

from __future__ import annotations

from visitapp.errors import DatabaseLocked
from visitapp.registry import waiting
from visitapp.ui.worker import DbWorker


def test_a_busy_registry_write_on_the_db_worker_is_tried_once_and_said_at_once(qtbot, monkeypatch):
    monkeypatch.setattr(waiting, "FIRST_PAUSE_S", 0.01)
    attempts: list[int] = []

    def busy() -> None:
        attempts.append(1)
        raise DatabaseLocked("The registry is busy.")

    worker = DbWorker()
    errors: list[BaseException] = []
    try:
        with qtbot.waitSignal(worker._finished, timeout=10_000):
            worker.submit(lambda: waiting.patiently(busy, what="trust add"), on_error=errors.append)
        qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    finally:
        worker.shutdown()
    assert isinstance(errors[0], DatabaseLocked)
    assert attempts == [1]
