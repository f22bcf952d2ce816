"""Finalising a visit: its current state frozen as the next numbered version (a write, so an operation).

:func:`visitapp.publish.finalise_and_export` (the CLI's ``export``) and the
GUI's "Finalise and sign" dialog (on the DB worker) run it before rendering
and signing; :meth:`visitapp.services.records.RecordService.finalise` is a
thin call to it.  Without a change since the latest version it only marks
the visit finalised again and returns that version (``created`` False).

It cannot be undone: the version may already be signed and sent, and its
number must never be given to other content. The undo history starts anew
after it.
"""

from __future__ import annotations

from typing import Any

from visitapp.db import models as m
from visitapp.domain import VisitStatus
from visitapp.exchange.record import VisitRecord, dump_record
from visitapp.i18n import _
from visitapp.ops.history import Tx
from visitapp.ops.operation import operation
from visitapp.services.base import visit_by_uuid
from visitapp.services.records import FinaliseResult, content_hash, record_data


def as_finalised(record: VisitRecord) -> VisitRecord:
    visit = record.visit.model_copy(update={"status": VisitStatus.FINALISED.value})
    return record.model_copy(update={"visit": visit})


@operation(lambda: _("Finalise the visit"), undoable=False)
def finalise_visit(tx: Tx, visit_id: str, *, author: str | None = None, identity: Any = None) -> FinaliseResult:
    """Freeze the visit as it is now as its next version (or return the latest one if nothing changed).

    ``identity`` (a :class:`visitapp.services.Identity`) is the record's author,
    else whoever acts (``tx.identity``); ``author`` names the version's author,
    else that identity's name.
    """
    s = tx.session
    ident = identity if identity is not None else tx.identity
    visit = visit_by_uuid(s, visit_id)
    who = {"name": ident.name, "institution": ident.institution, "role": ident.role}
    if getattr(ident, "department", ""):
        who["department"] = ident.department
    record = VisitRecord.model_validate(record_data(visit, author=who))
    latest = visit.versions[-1] if visit.versions else None
    if latest is not None and latest.content_hash == content_hash(record):
        if visit.status != m.VisitStatus.FINALISED:
            visit.status = m.VisitStatus.FINALISED
        return FinaliseResult(latest.number, as_finalised(record.model_copy(update={"version": latest.number})),
                              created=False)
    number = (latest.number + 1) if latest is not None else 1
    visit.status = m.VisitStatus.FINALISED
    record = as_finalised(record.model_copy(update={"version": number}))
    s.add(m.VisitVersion(visit=visit, number=number, author=author or ident.name,
                         content_hash=content_hash(record), record=dump_record(record)))
    s.flush()
    return FinaliseResult(number, record, created=True)
