"""Undo and redo: each command calls a service operation, and its inverse on undo.

The first run happens in :func:`run` before the command goes on the stack, so an
operation the services refuse (one sentence for the user) never becomes an undo step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from visitapp.errors import UserError
from visitapp.services import Services


class Context:
    """What commands need: the current services, and what to call after a change."""

    def __init__(self, services: Callable[[], Services], changed: Callable[[str | None], None],
                 error: Callable[[str], None]) -> None:
        self.services, self.changed, self.error = services, changed, error


class Command(QUndoCommand):
    def __init__(self, ctx: Context, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._first = True
        self.focus: str | None = None  # the note to select after a change

    @property
    def svc(self) -> Services:
        return self.ctx.services()

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except UserError as err:
            self.ctx.error(str(err))
        self.ctx.changed(self.focus)


def run(stack: QUndoStack, command: Command) -> bool:
    """Do ``command`` once; push it if the services accepted it. Errors go to ``ctx.error``."""
    try:
        command.do()
    except UserError as err:
        command.ctx.error(str(err))
        return False
    stack.push(command)
    command.ctx.changed(command.focus)
    return True


class AddNote(Command):
    def __init__(self, ctx: Context, visit_id: str, text: str, **values: Any) -> None:
        super().__init__(ctx, QCoreApplication.translate("Undo", "Add note"))
        self.visit_id, self.text_, self.values = visit_id, text, values

    def do(self) -> None:
        if self.focus is None:
            self.focus = self.svc.notes.add(self.visit_id, self.text_, **self.values).id
        else:
            self.svc.notes.undelete(self.focus)

    def revert(self) -> None:
        self.svc.notes.delete(self.focus)


class EditNote(Command):
    """Change a note's text, kind, tags or visibility (``before`` and ``after`` hold the same keys)."""

    def __init__(self, ctx: Context, note_id: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        super().__init__(ctx, QCoreApplication.translate("Undo", "Edit note"))
        self.focus, self.before, self.after = note_id, before, after

    def do(self) -> None:
        self.svc.notes.edit(self.focus, **self.after)

    def revert(self) -> None:
        self.svc.notes.edit(self.focus, **self.before)


class MoveNote(Command):
    def __init__(self, ctx: Context, note_id: str, section: str, index: int | None) -> None:
        super().__init__(ctx, QCoreApplication.translate("Undo", "Move note"))
        self.focus, self.to = note_id, (section, index)
        self.origin: tuple[str, int] | None = None

    def do(self) -> None:
        if self.origin is None:
            note = self.svc.notes.get(self.focus)
            self.origin = (note.section, self.svc.notes.index_of(self.focus))
        self.svc.notes.move(self.focus, *self.to)

    def revert(self) -> None:
        self.svc.notes.move(self.focus, *self.origin)


class DeleteNote(Command):
    def __init__(self, ctx: Context, note_id: str) -> None:
        super().__init__(ctx, QCoreApplication.translate("Undo", "Delete note"))
        self.focus = note_id

    def do(self) -> None:
        self.svc.notes.delete(self.focus)

    def revert(self) -> None:
        self.svc.notes.undelete(self.focus)


class MakeAction(Command):
    """A commitment note becomes an action item (or its owner and due date change)."""

    def __init__(self, ctx: Context, note_id: str, owner: str, due: dt.date | None) -> None:
        super().__init__(ctx, QCoreApplication.translate("Undo", "Make action item"))
        self.focus, self.owner, self.due = note_id, owner, due
        self.before: tuple[str, Any] | None = None  # the note's kind, the old action (or None)
        self.action_id: str | None = None

    def do(self) -> None:
        svc = self.svc
        if self.before is None:
            note = svc.notes.get(self.focus)
            old = next((a for a in svc.actions.list(visit_id=note.visit_id) if a.note_id == self.focus), None)
            self.before = (note.kind, old)
        self.action_id = svc.actions.from_note(self.focus, owner=self.owner, due_date=self.due).id

    def revert(self) -> None:
        kind, old = self.before
        if old is None:
            self.svc.actions.delete(self.action_id)
        else:
            self.svc.actions.update(self.action_id, owner=old.owner, due_date=old.due_date)
        self.svc.notes.edit(self.focus, kind=kind)


class UpdateAction(Command):
    def __init__(self, ctx: Context, action_id: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        super().__init__(ctx, QCoreApplication.translate("Undo", "Edit action item"))
        self.action_id, self.before, self.after = action_id, before, after

    def do(self) -> None:
        self.svc.actions.update(self.action_id, **self.after)

    def revert(self) -> None:
        self.svc.actions.update(self.action_id, **self.before)


class DeleteAction(Command):
    def __init__(self, ctx: Context, action_id: str) -> None:
        super().__init__(ctx, QCoreApplication.translate("Undo", "Delete action item"))
        self.action_id = action_id

    def do(self) -> None:
        self.svc.actions.delete(self.action_id)

    def revert(self) -> None:
        self.svc.actions.undelete(self.action_id)

