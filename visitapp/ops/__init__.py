"""Every change to the data is a named operation (Anki's ``CollectionOp`` is the model).

An operation is one function over one transaction: it gets a :class:`Tx` (the
session of that transaction and who acts), returns its result, and the
:class:`History` of the database wraps it so that it also returns what changed
(:class:`Changes`) and records its inverse (one undo step, even when the step
touches a visit, its organisation, people and participants at once). Undo and
redo are operations too (:meth:`History.undo`, :meth:`History.redo`).

Call an operation with the database's history::

    history = history_for(db, identity)
    changes = ops.add_note(history, visit_id, "text", section="profile")
    changes.result        # the new note (NoteInfo)
    changes.notes.added   # its id
    history.undo()        # one transaction; returns Changes too

The CLI and the services' write methods call these; the GUI submits them to
its one DB worker through :class:`visitapp.ui.ops_runner.OpRunner`.
The core imports no Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from visitapp.ops.changes import Changes, Ids
from visitapp.ops.history import History, HistoryConflict, Tx, history_for


class Operation:
    """A named operation: ``op(history, *args, **kwargs) -> Changes``."""

    def __init__(self, body: Callable[..., Any], label: Callable[[], str]) -> None:
        self.body = body
        self._label = label
        self.__name__ = body.__name__
        self.__doc__ = body.__doc__

    @property
    def label(self) -> str:
        """The name for the Edit menu, in the current language."""
        return self._label()

    def __call__(self, history: History, *args: Any, **kwargs: Any) -> Changes:
        return history.run(self.label, self.body, *args, **kwargs)

    def __repr__(self) -> str:
        return f"<operation {self.__name__}>"


def operation(label: Callable[[], str]) -> Callable[[Callable[..., Any]], Operation]:
    """Make ``body(tx, ...)`` a named operation; ``label`` translates its name when called."""

    def wrap(body: Callable[..., Any]) -> Operation:
        return Operation(body, label)

    return wrap


__all__ = ["Changes", "History", "HistoryConflict", "Ids", "Operation", "Tx", "history_for", "operation"]
