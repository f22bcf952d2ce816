"""The DB worker reports a job's result from the event loop, never from inside ``submit``.

A job can finish before ``submit`` attaches its done-callback (a refusal that needs no write is quick);
the result must still arrive later, on the GUI thread, once the caller has stored what ``submit``
returned (the prepare dialog compares its ticket, for one).
"""

from __future__ import annotations

import concurrent.futures
import threading

from visitapp.errors import InvalidInput
from visitapp.ui.worker import DbWorker


def test_a_job_finished_before_submit_returns_is_reported_later(qtbot):
    worker = DbWorker()
    submit = worker._executor.submit

    def finished_at_once(fn):  # the job is done before its callback is attached
        future = submit(fn)
        concurrent.futures.wait([future])
        return future

    worker._executor.submit = finished_at_once
    seen: list[tuple[str, str, bool]] = []
    gui = threading.current_thread()

    def refuse() -> None:
        raise InvalidInput("refused")

    worker.submit(refuse, None, lambda err: seen.append(("error", str(err), threading.current_thread() is gui)))
    worker.submit(lambda: 42, lambda r: seen.append(("done", str(r), threading.current_thread() is gui)))
    assert seen == []  # nothing ran inside submit
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen == [("error", "refused", True), ("done", "42", True)]
    worker._executor.shutdown(wait=True)
