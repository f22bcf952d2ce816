"""What the benchmarks' registries hold besides their notes: organisations and their visits, written in bulk.

Shared by ``storage.py`` (SQLite) and ``search_pg.py`` (PostgreSQL), so both
measure the same registry: one organisation per five visits, named after a
word of the notes' vocabulary, and one visit an hour from 1 January 2026.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlalchemy import insert
from sqlalchemy.orm import Session

from visitapp.db import models as m


def add_visits(session: Session, visits: int, words: list[str], rng: random.Random, now: dt.datetime) -> None:
    """``visits`` visits (ids 1..visits in an empty database) and their organisations, in two statements."""
    orgs = [{"uuid": str(uuid.uuid4()), "name": f"Firma {i} {rng.choice(words)}", "name_key": f"firma {i}",
             "sector": "", "address": "Kraków", "website": "", "created_at": now, "updated_at": now}
            for i in range(max(1, visits // 5))]
    session.execute(insert(m.Organisation), orgs)
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    session.execute(insert(m.Visit), [
        {"uuid": str(uuid.uuid4()), "organisation_id": 1 + i % len(orgs), "title": f"Wizyta {i}",
         "starts_at": base + dt.timedelta(hours=i), "place": "Kraków", "status": m.VisitStatus.IN_PROGRESS,
         "language": "pl", "template_key": "reference-visit", "template_version": 1, "agenda": [],
         "created_at": now, "updated_at": now}
        for i in range(visits)
    ])
