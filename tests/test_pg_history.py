"""Undo and redo of the coordinator's operations on a PostgreSQL registry (issue 14: "history works on PostgreSQL
exactly as on SQLite"): trusting a signer and settling a disagreement are undone to exactly the rows before,
and redone.  (The search index's rows are compared without their ids, as on SQLite: undo writes them again.)"""

from __future__ import annotations

import uuid
from collections import Counter

from registry_helpers import ANNA, PIOTR, Official, dump, source_of

from visitapp.db import Database
from visitapp.ops import history_for
from visitapp.ops import registry as registry_ops
from visitapp.registry.merge import merge_record
from visitapp.registry.review import disagreements, resolve
from visitapp.registry.trust import TrustStore
from visitapp.services import Services
from visitapp.signing.keys import make_certificate


def _rows(url: str) -> tuple[list[str], Counter[str]]:
    """Every row of every table; the search index's as a multiset without their ids."""
    rows = dump(url)
    index = Counter(line.split(", ", 1)[1] for line in rows if line.startswith("search_docs: "))
    return [line for line in rows if not line.startswith("search_docs: ")], index


def test_trusting_and_settling_are_undone_and_redone_exactly_on_postgresql(pg_url, tmp_path):
    db = Database.open(pg_url)
    try:
        history = history_for(db)
        _key, cert = make_certificate(ANNA.name, ANNA.institution)
        empty = _rows(pg_url)
        (added,) = registry_ops.trust_signers(history, [cert]).result
        trusted = _rows(pg_url)
        assert trusted != empty and history.undo_label == "Trust a signer"
        history.undo()
        assert _rows(pg_url) == empty and TrustStore(db).list() == []
        history.redo()
        assert _rows(pg_url) == trusted
        assert [t.fingerprint for t in TrustStore(db).list()] == [added.fingerprint]

        visit = str(uuid.uuid4())
        for who, place in ((ANNA, "Biuro firmy, Kraków"), (PIOTR, "Zakład w Niepołomicach")):
            official = Official(tmp_path / f"{who.role}.db", who, visit, place=place)
            record = official.finalise()
            merge_record(db, record, source_of(record))
            official.close()
        (open_one,) = disagreements(db)
        before = _rows(pg_url)
        assert resolve(db, open_one.id, "other").resolved
        assert Services(db, ANNA).visits.get(visit).place == "Zakład w Niepołomicach"
        assert history.undo_label == "Settle a disagreement"
        history.undo()
        assert _rows(pg_url) == before
        assert Services(db, ANNA).visits.get(visit).place == "Biuro firmy, Kraków"
        history.redo()
        assert Services(db, ANNA).visits.get(visit).place == "Zakład w Niepołomicach"
    finally:
        db.close()
