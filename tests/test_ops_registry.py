"""The registry's changes are core operations (issue 9, item 3): one undo step each, undo leaves the database exactly
as before (a dump of every row), redo does it again; the CLI's entry points (TrustStore, review.resolve,
plans.import_plan) run the same operations."""

from __future__ import annotations

import datetime as dt

from registry_helpers import ANNA, merge_disagreeing
from test_ops_undo import dump  # every row but the search index's, which is compared as a set, checked for integrity

from visitapp.db import Database
from visitapp.ops import history_for
from visitapp.ops import registry as registry_ops
from visitapp.registry.plans import export_plan, import_plan, read_plan
from visitapp.registry.review import disagreements, resolve
from visitapp.registry.trust import TrustStore
from visitapp.services import Services
from visitapp.signing.keys import make_certificate


def test_trusting_a_signer_is_undone_and_redone_exactly(db, db_path):
    _key, cert = make_certificate(ANNA.name, ANNA.institution)
    history = history_for(db)
    before = dump(db_path)

    changes = registry_ops.trust_signers(history, [cert])
    (added,) = changes.result
    assert [t.fingerprint for t in TrustStore(db).list()] == [added.fingerprint]
    assert history.undo_label == "Trust a signer"
    history.undo()
    assert dump(db_path) == before
    assert TrustStore(db).list() == []

    history.redo()
    assert [t.fingerprint for t in TrustStore(db).list()] == [added.fingerprint]
    trusted = dump(db_path)
    TrustStore(db).remove(added.fingerprint[:16])  # the CLI's way in: the same operation, one undo step
    assert history.undo_label == "Stop trusting a signer"
    assert TrustStore(db).list() == []
    history.undo()
    assert dump(db_path) == trusted


def test_settling_a_disagreement_is_undone_exactly(db, db_path, tmp_path):
    visit = merge_disagreeing(db, tmp_path)
    (open_one,) = disagreements(db)
    svc = Services(db, ANNA)
    assert svc.visits.get(visit).place == "Biuro firmy, Kraków"
    before = dump(db_path)

    settled = resolve(db, open_one.id, "other")  # the CLI's call
    assert settled.resolved and svc.visits.get(visit).place == "Zakład w Niepołomicach"
    assert disagreements(db) == []
    history = history_for(db)
    assert history.undo_label == "Settle a disagreement"
    changes = history.undo()
    assert visit in changes.visits.updated  # the view knows which visit to read again
    assert dump(db_path) == before
    assert [d.id for d in disagreements(db)] == [open_one.id]
    assert svc.visits.get(visit).place == "Biuro firmy, Kraków"

    history.redo()
    assert disagreements(db) == [] and svc.visits.get(visit).place == "Zakład w Niepołomicach"


def test_importing_a_plan_is_one_step_undone_exactly(svc, tmp_path):
    org = svc.organisations.create("Comarch S.A.", nip="6770065406")
    planned = svc.visits.create(org.id, dt.datetime(2026, 9, 1, 10, tzinfo=dt.UTC), title="Plan: Comarch",
                                place="Kraków")
    out = tmp_path / "plan.json"
    export_plan(svc.db, out)
    plan, _signer = read_plan(out, allow_unsigned=True)
    path = tmp_path / "official.db"
    with Database.open(path) as mine:
        _key, cert = make_certificate("Ewa Kowalczyk", "Centrum Wspierania Inwestorów")
        history = history_for(mine)
        before = dump(path)
        changes = registry_ops.import_plan(history, plan, trust_certificate=cert)  # the GUI's one step
        assert changes.result.added == [planned.id] and planned.id in changes.visits.added
        assert len(TrustStore(mine).list()) == 1
        history.undo()
        assert dump(path) == before
        assert import_plan(mine, plan).added == [planned.id]  # the CLI's call: the same operation
        assert history.undo_label == "Import a plan"
