"""What the GUI and the CLI share: reads (listings, look-ups, search, records) over one database.

Each method is one unit of work and returns plain immutable copies (see
:mod:`visitapp.services.dto`). Changes to the data are the core's operations
(:mod:`visitapp.ops`: one transaction each, undoable); the services' write
methods only call them, so the CLI and the GUI change data the same way.
``Services.history`` is the database's undo history.
"""

from __future__ import annotations

from visitapp.db import Database
from visitapp.ops.history import History, history_for  # the module, not the package: ops imports services.base
from visitapp.services.base import Identity
from visitapp.services.notes import ActionService, AnswerService, DraftService, NoteService
from visitapp.services.organisations import OrganisationService, PersonService, SeriesService
from visitapp.services.records import FinaliseResult, RecordService, company_copy
from visitapp.services.search import SearchService
from visitapp.services.visits import VisitService

__all__ = ["FinaliseResult", "Identity", "Services", "company_copy"]


class Services:
    """All services over one open database, acting for one person."""

    def __init__(self, db: Database, identity: Identity | None = None) -> None:
        self.db = db
        self.identity = identity or Identity.system()
        args = (db, self.identity)
        self.organisations = OrganisationService(*args)
        self.people = PersonService(*args)
        self.series = SeriesService(*args)
        self.visits = VisitService(*args)
        self.notes = NoteService(*args)
        self.actions = ActionService(*args)
        self.answers = AnswerService(*args)
        self.drafts = DraftService(*args)
        self.search = SearchService(*args)
        self.records = RecordService(*args)

    @property
    def history(self) -> History:
        """The undo/redo history of this database (the same one the GUI's OpRunner uses)."""
        return history_for(self.db, self.identity)

    def close(self) -> None:
        self.db.close()
