"""The company's copy of the minutes: only what was marked fit for the company.

Applied to the record before rendering and embedding, so the PDF a company
receives and the record inside it both leave out internal remarks.
"""

from __future__ import annotations

from visitapp.exchange.record import VisitRecord


def company_copy(record: VisitRecord) -> VisitRecord:
    """Notes with visibility "company", the action items that come from them, ``copy="company"``.

    Action items without a note, or whose note is not for the company, are left
    out too: an internal follow-up must not leak through its action item.
    Everything else (visit, organisation, participants, answers) is unchanged.
    """
    notes = [n for n in record.notes if n.visibility == "company"]
    kept = {n.id for n in notes}
    actions = [a for a in record.action_items if a.note_id is not None and a.note_id in kept]
    return record.model_copy(
        update={
            "notes": [n.model_copy() for n in notes],
            "action_items": [a.model_copy() for a in actions],
            "copy_kind": "company",
        },
        deep=True,
    )
