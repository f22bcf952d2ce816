"""A named operation: a body ``fn(tx, ...)`` and the label of its undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from visitapp.i18n import current_language
from visitapp.ops.changes import Changes
from visitapp.ops.history import History


class Operation:
    """A named operation: ``op(history, *args, **kwargs) -> Changes``."""

    def __init__(self, body: Callable[..., Any], label: Callable[[], str], *, core: bool = False,
                 undoable: bool = True) -> None:
        self.body = body
        self.core = core
        self.undoable = undoable
        self._label = label
        self._shown: tuple[str, str] | None = None  # (language, label): asked for on every call
        self.__name__ = body.__name__
        self.__doc__ = body.__doc__

    @property
    def label(self) -> str:
        """The name for the Edit menu, in the current language."""
        lang, shown = current_language(), self._shown
        if shown is not None and shown[0] == lang:
            return shown[1]
        label = self._label()
        if current_language() == lang:  # kept only if the language did not change while it was made
            self._shown = (lang, label)
        return label

    def __call__(self, history: History, *args: Any, **kwargs: Any) -> Changes:
        return history.execute(history.identity, self.label, self.body, args, kwargs, core=self.core,
                               undoable=self.undoable)

    def run_as(self, history: History, identity: Any, *args: Any, **kwargs: Any) -> Changes:
        """Run it acting for ``identity`` (a :class:`visitapp.services.Identity`)."""
        return history.execute(identity, self.label, self.body, args, kwargs, core=self.core,
                               undoable=self.undoable)

    def __repr__(self) -> str:
        return f"<operation {self.__name__}>"


def operation(label: Callable[[], str], *, core: bool = False,
              undoable: bool = True) -> Callable[[Callable[..., Any]], Operation]:
    """Make ``body(tx, ...)`` a named operation; ``label`` translates its name when called.

    With ``core`` the body gets only ``tx.conn`` (SQLAlchemy Core statements, no ORM
    session: the fast path) and records the rows it writes with ``tx.record``.
    An operation that is not ``undoable`` (finalising a version that may already
    have been signed and sent) is a barrier: the history starts anew after it.
    """

    def wrap(body: Callable[..., Any]) -> Operation:
        return Operation(body, label, core=core, undoable=undoable)

    return wrap
