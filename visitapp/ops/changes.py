"""What an operation changed: the ids a view needs to update its rows."""

from __future__ import annotations

from typing import Any, NamedTuple

# The tables whose rows a view shows, and the name of their field in Changes.
KINDS = {
    "notes": "notes",
    "visits": "visits",
    "action_items": "actions",
    "answers": "answers",
    "participants": "participants",
    "organisations": "organisations",
    "people": "people",
    "series": "series",
}


# Both records are made for every operation, a note's save among them: named tuples, made in one
# call (a frozen dataclass's __init__ sets each field through object.__setattr__: Changes took 6 µs).
class Ids(NamedTuple):
    """UUIDs of one kind of record that an operation added, updated or removed.

    A soft-deleted row (``deleted`` set) counts as removed, an undeleted one as added:
    that is what a view showing live rows must do with it. True when any of the three is not empty.
    """

    added: frozenset[str] = frozenset()
    updated: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    @property
    def all(self) -> frozenset[str]:
        return self.added | self.updated | self.removed


NO_IDS = Ids()  # shared: Ids is immutable


class Changes(NamedTuple):
    """What one operation (or one undo or redo of it) changed.

    ``label`` is the operation's name for the Edit menu, ``kind`` says whether
    this was the operation itself (``"do"``), an ``"undo"`` or a ``"redo"``,
    ``result`` is what the operation returned (for instance the new note's
    :class:`~visitapp.services.dto.NoteInfo`; ``None`` for undo and redo),
    ``ticket`` is the number :class:`visitapp.ui.ops_runner.OpRunner` gave the
    request (0 outside the GUI): ``changes._replace(ticket=n)``.
    """

    label: str
    kind: str = "do"
    notes: Ids = NO_IDS
    visits: Ids = NO_IDS
    actions: Ids = NO_IDS
    answers: Ids = NO_IDS
    participants: Ids = NO_IDS
    organisations: Ids = NO_IDS
    people: Ids = NO_IDS
    series: Ids = NO_IDS
    result: Any = None
    ticket: int = 0

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in KINDS.values())

    @property
    def visit_ids(self) -> frozenset[str]:
        """Visits whose own row changed (status, times, fields)."""
        return self.visits.all
