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

from visitapp.ops.actions import (
    add_action,
    delete_action,
    edit_action,
    make_action,
    set_action_status,
    set_answer,
    undelete_action,
)
from visitapp.ops.changes import Changes, Ids
from visitapp.ops.history import History, HistoryConflict, Tx, history_for
from visitapp.ops.notes import (
    add_note,
    delete_note,
    edit_note,
    move_note,
    reorder_note,
    set_note_visibility,
    undelete_note,
)
from visitapp.ops.operation import Operation, operation
from visitapp.ops.visits import (
    add_participant,
    create_organisation,
    create_person,
    create_series,
    create_visit,
    edit_organisation,
    edit_participant,
    edit_person,
    edit_visit,
    prepare_visit,
    remove_participant,
    set_visit_status,
    start_visit,
)

__all__ = [
    "Changes",
    "History",
    "HistoryConflict",
    "Ids",
    "Operation",
    "Tx",
    "add_action",
    "add_note",
    "add_participant",
    "create_organisation",
    "create_person",
    "create_series",
    "create_visit",
    "delete_action",
    "delete_note",
    "edit_action",
    "edit_note",
    "edit_organisation",
    "edit_participant",
    "edit_person",
    "edit_visit",
    "history_for",
    "make_action",
    "move_note",
    "operation",
    "prepare_visit",
    "remove_participant",
    "reorder_note",
    "set_action_status",
    "set_answer",
    "set_note_visibility",
    "set_visit_status",
    "start_visit",
    "undelete_action",
    "undelete_note",
]
