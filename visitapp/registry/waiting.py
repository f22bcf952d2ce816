"""One bounded wait for the registry's writes while other coordinators hold its locks (issue 14).

Coordinators share a registry (a PostgreSQL server, or one SQLite file).  A write
that meets another writer's locks waits for them up to the database's lock timeout
(5 s, :data:`visitapp.db.database.BUSY_TIMEOUT_MS`); past it the engine rolls the
transaction back whole and says, in one sentence, that the registry is busy
(:class:`~visitapp.errors.DatabaseLocked`: a lock timeout, a deadlock or a
serialisation failure, recognised once by each engine's ``translate_error``).
:func:`patiently` runs such a transaction again after a short, growing pause, for
up to a bound, telling whoever waits; past the bound the same sentence as before
reaches them, and nothing was changed.  A merge of signed files waits this way
(``visitapp.registry.batch.Merger``, with its own, longer bound), and so do the
coordinator's other writes: trust changes and trusted lists, plan imports,
settling disagreements, action items, erasing a person, retention deletes and
copying a registry (each rolled back whole when it times out; the operations through
:func:`visitapp.ops.waiting.patient_operation`, the others at their transaction).

Only a call that is safe to run twice may be given to :func:`patiently`: one
transaction whose failure leaves nothing behind.  Work with side effects outside
the transaction (files written, keyring entries, a signature made on a token) is
never inside the retried call.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from visitapp.errors import DatabaseLocked

#: How long a coordinator's write (a trust change, a settled disagreement, an erasure…) waits in all for other
#: coordinators' work before it says the registry is busy.  A person is waiting at a command or a button: a
#: neighbour's merge of one file or another trust change takes seconds, so a minute covers the usual queue
#: without leaving anyone staring at a frozen command much longer than they would wait before retrying by hand.
#: Merges of many files wait longer (``MERGE_WAIT_S``): a batch runs unattended.  Read at each call, so tests
#: (and a tool) may lower it.
REGISTRY_WAIT_S = 60.0
FIRST_PAUSE_S, LONGEST_PAUSE_S = 0.05, 1.0

#: ``waiting(what, attempt, seconds_waited)``: told before each retry (attempt 1, 2…); ``what`` names the work.
Waiting = Callable[[str, int, float], None]

T = TypeVar("T")
log = logging.getLogger(__name__)

_default_waiting: Waiting | None = None
_here = threading.local()


def no_waiting_on_this_thread() -> None:
    """Calls on this thread that name no bound of their own try once: busy is said at once, as before.

    For the desktop's one DB worker (``visitapp.ui.worker.DbWorker``): a write waiting there for a
    minute would hold up every note saved behind it, without a word on the screen. A merge names its
    own bound and shows its wait, so it still waits.
    """
    _here.impatient = True


def set_default_waiting(waiting: Waiting | None) -> Waiting | None:
    """Who is told of a wait when a call names no one (the CLI: a line on a terminal); returns the previous one."""
    global _default_waiting
    previous, _default_waiting = _default_waiting, waiting
    return previous


def patiently(call: Callable[[], T], *, what: str, wait_s: float | None = None, waiting: Waiting | None = None,
              stopped: Callable[[], bool] | None = None,
              gave_up: Callable[[float], DatabaseLocked] | None = None) -> T:
    """``call()`` (one transaction, rolled back whole when busy), run again while the registry is busy.

    Busy is :class:`DatabaseLocked`; any other error goes up at once.  Between attempts a pause that grows
    from :data:`FIRST_PAUSE_S` to :data:`LONGEST_PAUSE_S` (with jitter, so two waiting coordinators do not
    retry in step); the lock wait inside each attempt is the real wait for the other writer.  When waiting
    longer would pass ``wait_s`` (default :data:`REGISTRY_WAIT_S`), or ``stopped()`` says so (Cancel), the
    last error goes up: the engine's own sentence, or ``gave_up(seconds_waited)`` when given.  ``waiting``
    (default: the one set with :func:`set_default_waiting`) is told before each retry.
    """
    if wait_s is None:
        wait_s = 0.0 if getattr(_here, "impatient", False) else REGISTRY_WAIT_S
    limit = wait_s
    tell = waiting if waiting is not None else _default_waiting
    started = time.monotonic()
    pause, attempt = FIRST_PAUSE_S, 0
    while True:
        try:
            return call()
        except DatabaseLocked:
            waited = time.monotonic() - started
            if waited + pause > limit or (stopped is not None and stopped()):
                if gave_up is None:
                    raise
                raise gave_up(waited) from None
        attempt += 1
        log.info("%s: the registry is busy; running it again (attempt %d, %.1f s waited)", what, attempt + 1, waited)
        if tell is not None:
            tell(what, attempt, waited)
        end = time.monotonic() + pause * random.uniform(0.5, 1.0)  # jitter
        while not (stopped is not None and stopped()) and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, 0.1))  # the pause between attempts, broken off by Cancel
        pause = min(pause * 2, LONGEST_PAUSE_S)
