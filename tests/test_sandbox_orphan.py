"""The capped verification worker ends with its parent, even when the parent is killed (SIGKILL).

A merge killed mid-way (tests/test_registry_e2e.py kills one on purpose; a coordinator may close a terminal)
left its forked worker waiting for jobs for ever: the worker held a copy of the parent's end of their pipe,
so it never read end-of-file.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys

from tests.conftest import ROOT

PARENT = """
import os, sys
from visitapp.signing.sandbox import CappedWorker
worker = CappedWorker()
worker.submit(os.getpid)
outcome = worker.result()
print(outcome.value, flush=True)
sys.stdin.read()  # until the test kills this process
"""


def test_the_worker_ends_when_its_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = parent.stdout.readline() if parent.stdout else ""
        worker = int(line)
        assert worker != parent.pid
        watch = os.pidfd_open(worker)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
    ended: list[int] = []
    try:
        ended, _, _ = select.select([watch], [], [], 20)  # readable once the worker has ended
        assert ended, "the worker outlived its killed parent"
    finally:
        os.close(watch)
        if not ended:
            os.kill(worker, signal.SIGKILL)
