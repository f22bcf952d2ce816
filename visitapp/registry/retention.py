"""Retention: list (or remove) visits older than a retention period (GDPR storage limitation).

A visit is past the period when it started before ``now - period``. Removing
one removes everything held for it (notes, action items, answers,
participants, versions, drafts, disagreements, the merged files' records and
the provenance that pointed at them; a merged file stays known by its SHA-256 only, so the same PDF merged
again is "merged before"); people and organisations stay (they may
belong to other visits; ``person erase`` removes a person). Afterwards the
search index is rebuilt and the database file scrubbed like after an erasure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import delete, select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import InvalidInput
from visitapp.i18n import _

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([ymd])\s*$", re.IGNORECASE)


def parse_period(text: str) -> dt.timedelta:
    """``5y``, ``18m`` or ``90d`` as a time span (a year is 365.25 days, a month 30.44)."""
    match = _PERIOD.match(text or "")
    if match is None:
        raise InvalidInput(_("Give the retention period as a number and a unit: 5y (years), 18m (months) or "
                             "90d (days)."))
    n, unit = int(match.group(1)), match.group(2).lower()
    if n <= 0:
        raise InvalidInput(_("The retention period must be longer than zero."))
    days = {"y": 365.25, "m": 30.44, "d": 1.0}[unit] * n
    return dt.timedelta(days=round(days))


@dataclass(frozen=True)
class OldVisit:
    id: str
    starts_at: dt.datetime
    organisation: str
    title: str
    notes: int
    time_zone: str  # the visit's wall clock (IANA name): its time is shown on it, not on the computer's


def old_visits(db: Database, period: dt.timedelta, *, now: dt.datetime | None = None) -> list[OldVisit]:
    cutoff = (now or dt.datetime.now(dt.UTC)) - period
    with db.read() as s:
        visits = s.scalars(select(m.Visit).where(m.Visit.starts_at < cutoff).order_by(m.Visit.starts_at)).all()
        return [OldVisit(v.uuid, v.starts_at, v.organisation.name, v.title, sum(1 for n in v.notes if not n.deleted),
                         v.time_zone) for v in visits]


def delete_visits(db: Database, visit_ids: list[str]) -> int:
    """Remove these visits and all held for them; scrub the file after. The number removed.

    The delete's transaction and the scrub each run again while other coordinators keep the registry busy
    (:func:`visitapp.registry.waiting.patiently`).
    """
    from visitapp.registry.persons import forget_history, scrub_files
    from visitapp.registry.waiting import patiently

    if not visit_ids:
        return 0
    removed = patiently(lambda: _delete_in_one_transaction(db, visit_ids), what="retention delete")
    try:
        patiently(lambda: scrub_files(db), what="retention delete: scrub")
    finally:  # the delete is committed: its undo history goes even if the scrub stayed busy
        forget_history(db)
    return removed


def _delete_in_one_transaction(db: Database, visit_ids: list[str]) -> int:
    with db.write() as s:
        visits = s.scalars(select(m.Visit).where(m.Visit.uuid.in_(visit_ids))).all()
        item_uuids = [n.uuid for v in visits for n in v.notes] + [a.uuid for v in visits for a in v.action_items] \
            + [a.uuid for v in visits for a in v.answers]
        for v in visits:
            s.execute(delete(m.Disagreement).where(m.Disagreement.visit_id == v.id))
            s.execute(delete(m.Draft).where(m.Draft.visit_id == v.id))
            s.delete(v)
        if item_uuids:
            s.execute(delete(m.Provenance).where(m.Provenance.item_uuid.in_(item_uuids)))
        # The merged files' records go; each file stays known by its SHA-256 (no record, no author), so
        # merging the same old PDF again does not bring the visit back.
        for f in s.scalars(select(m.MergedFile).where(m.MergedFile.visit_uuid.in_(visit_ids))):
            s.execute(delete(m.Provenance).where(m.Provenance.merged_file_id == f.id))
            f.record, f.author = {}, ""
        s.flush()
        db.backend.ensure_search(s.connection(), rebuild_index=True)
        return len(visits)
