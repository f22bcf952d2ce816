"""Registry operations that wait for other coordinators (:func:`visitapp.registry.waiting.patiently`).

The operations of :mod:`visitapp.ops.registry` (trust, trusted lists, plans, disagreements) and the
action-item edits are made with :func:`patient_operation` instead of ``operation``: the same named,
undoable operation, whose transaction runs again while the registry is busy, for up to
:data:`visitapp.registry.waiting.REGISTRY_WAIT_S`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from visitapp.ops.changes import Changes
from visitapp.ops.history import History
from visitapp.ops.operation import Operation
from visitapp.registry.waiting import patiently


class PatientOperation(Operation):
    """An operation whose transaction runs again while the registry is busy (:func:`patiently`).

    Each attempt is a whole ``History.execute``: a busy attempt is rolled back and leaves no undo step, so the
    one that succeeds is the only step recorded.
    """

    def __call__(self, history: History, *args: Any, **kwargs: Any) -> Changes:
        return patiently(lambda: Operation.__call__(self, history, *args, **kwargs), what=self.__name__)

    def run_as(self, history: History, identity: Any, *args: Any, **kwargs: Any) -> Changes:
        return patiently(lambda: Operation.run_as(self, history, identity, *args, **kwargs), what=self.__name__)


def patient_operation(label: Callable[[], str], *, core: bool = False,
                      undoable: bool = True) -> Callable[[Callable[..., Any]], PatientOperation]:
    """:func:`visitapp.ops.operation.operation` for a registry write that waits for other coordinators."""

    def wrap(body: Callable[..., Any]) -> PatientOperation:
        return PatientOperation(body, label, core=core, undoable=undoable)

    return wrap
