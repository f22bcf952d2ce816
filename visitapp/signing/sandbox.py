"""Run the verification of untrusted files in a worker process with a memory and a time cap.

The limits in :mod:`visitapp.limits` refuse what can be seen before parsing;
this is the backstop for what cannot: whatever a hostile file makes the
parsers do, the worker may use :attr:`Limits.verify_memory` more address space
than it needs at rest (POSIX ``RLIMIT_AS``; Windows has no such limit, there
only the time cap holds) and :attr:`Limits.verify_seconds` per file. A file
that exceeds either is rejected with one sentence and the worker is replaced;
the batch goes on.

Jobs run in submission order in one worker (a second core keeps merging in
this process while the worker verifies the next files). The worker is forked
when this process runs a single thread (the command line: it starts in
milliseconds with everything already imported) and spawned otherwise (the
GUI: never fork a process that runs Qt threads).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from visitapp.i18n import _
from visitapp.limits import LIMITS


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a job gave back: its value, or why it was stopped (one sentence)."""

    value: Any = None
    refused: str | None = None


def _cap_memory(extra: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: only the time cap applies
        return
    try:
        with open("/proc/self/statm", "rb") as f:
            at_rest = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        at_rest = 512 << 20
    cap = at_rest + extra
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _serve(conn, memory: int, lang: str, inherited=None) -> None:  # multiprocessing Connections
    """The worker's loop: run each job, send back ("ok", value), ("refused", sentence) or ("fatal", sentence).

    ``inherited`` is the parent's end of the pipe, which a forked worker holds a copy of: closed first, so
    that the worker reads end-of-file and ends when its parent dies, even killed (it lived on before).
    """
    if inherited is not None:
        inherited.close()
    from visitapp import i18n

    i18n.set_language(lang)
    sys.setrecursionlimit(4000)
    # Imports happen before the cap, so the cap bounds the work, not the start.
    import visitapp.signing.verify  # noqa: F401 (warm the imports)

    _cap_memory(memory)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args = job
        try:
            conn.send(("ok", fn(*args)))
        except MemoryError:
            conn.send(("fatal", _("Checking this file needed more memory than visitapp allows; it is refused.")))
            return  # a process that ran out of memory is not trusted to go on
        except RecursionError:
            conn.send(("refused", _("The file is nested deeper than visitapp accepts.")))


class CappedWorker:
    """One worker process; jobs in order; a job past the time or memory cap is refused and the worker replaced."""

    def __init__(self, *, seconds: float = LIMITS.verify_seconds, memory: int = LIMITS.verify_memory) -> None:
        self.seconds = seconds
        self.memory = memory
        self._process: Any = None
        self._conn: Any = None
        self._pending: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()
        self._head_since = 0.0

    def _context(self) -> Any:
        alone = threading.active_count() == 1  # fork only a process with no other thread
        if sys.platform != "win32" and alone and "fork" in multiprocessing.get_all_start_methods():
            return multiprocessing.get_context("fork")
        return multiprocessing.get_context("spawn")

    def _start(self) -> None:
        from visitapp import i18n

        ctx = self._context()
        parent, child = ctx.Pipe()
        inherited = parent if ctx.get_start_method() == "fork" else None  # see _serve
        self._process = ctx.Process(target=_serve, args=(child, self.memory, i18n.current_language(), inherited),
                                    daemon=True)
        self._process.start()
        child.close()
        self._conn = parent
        for job in self._pending:  # jobs sent to a worker that died are sent again
            self._conn.send(job)
        self._head_since = time.monotonic()

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            self._conn.close()
        self._process = self._conn = None

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        """Queue ``fn(*args)`` (a module-level function; arguments and result must pickle)."""
        if self._process is None:
            self._start()
        if not self._pending:
            self._head_since = time.monotonic()
        self._pending.append((fn, args))
        self._conn.send((fn, args))

    def result(self, cancelled: Callable[[], bool] | None = None) -> Outcome:
        """The oldest job's outcome, waiting at most the time cap from when the worker began it.

        ``cancelled`` is asked every 0.1 s while waiting: when it says so, the worker is stopped (every job
        dropped) and the outcome is empty: no value, no reason (a window was closed while a check ran).
        """
        if not self._pending:
            raise RuntimeError("no job was submitted")
        deadline = self._head_since + self.seconds
        reply = None
        try:
            while True:
                left = max(0.0, deadline - time.monotonic())
                if self._conn.poll(left if cancelled is None else min(left, 0.1)):
                    reply = self._conn.recv()
                    break
                if cancelled is not None and cancelled():
                    self.close()
                    return Outcome()
                if left <= 0:
                    break
        except (EOFError, OSError):
            reply = None
        self._pending.popleft()
        self._head_since = time.monotonic()
        if reply is None:
            timed_out = self._process is not None and self._process.is_alive()
            self._stop()
            if self._pending:
                self._start()
            if timed_out:
                return Outcome(refused=_("Checking this file took longer than {n} seconds; it is refused.").format(
                    n=int(self.seconds)))
            return Outcome(refused=_("Checking this file needed more memory than visitapp allows; it is refused."))
        kind, value = reply
        if kind == "fatal":  # the worker ran out of memory and ended: a fresh one takes the rest
            self._stop()
            if self._pending:
                self._start()
        if kind != "ok":
            return Outcome(refused=value)
        return Outcome(value=value)

    def call(self, fn: Callable[..., Any], *args: Any, cancelled: Callable[[], bool] | None = None) -> Outcome:
        self.submit(fn, *args)
        return self.result(cancelled)

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.send(None)
            except (OSError, ValueError):
                pass
        self._stop()
        self._pending.clear()

    def __enter__(self) -> CappedWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def verify_file_capped(path: str, trust_roots: Any) -> Any:  # trust_roots: a TrustPolicy, or pinned certificates
    """``verify`` of one file in a capped worker: a :class:`~visitapp.signing.verify.VerificationReport`."""
    from visitapp.signing.verify import VerificationReport, verify_received

    with CappedWorker() as worker:
        outcome = worker.call(verify_received, str(path), _der(trust_roots))
    if outcome.refused is not None:
        return VerificationReport(path=str(path), problems=[outcome.refused])
    return outcome.value[1]


def verify_bytes_capped(data: bytes, trust_roots: list[Any], path: str = "") -> Any:
    """:func:`verify_file_capped` for bytes already read (cosign checks what it is about to sign)."""
    from visitapp.signing.verify import VerificationReport, verify_bytes

    with CappedWorker() as worker:
        outcome = worker.call(verify_bytes, data, _der(trust_roots), path)
    if outcome.refused is not None:
        return VerificationReport(path=path, problems=[outcome.refused])
    return outcome.value


def _der(trust_roots: Any) -> Any:
    """What a verification job takes: a TrustPolicy as it is, or pinned certificates as DER."""
    from visitapp.signing.assess import TrustPolicy

    if isinstance(trust_roots, TrustPolicy):
        return trust_roots
    return [cert.dump() for cert in trust_roots]
