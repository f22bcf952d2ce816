"""Issue 11: `plan export` without --series does not give one visit's series to the other visits of the plan."""

from __future__ import annotations

import datetime as dt

from registry_helpers import WARSAW

from tests.conftest import run_cli
from visitapp.db import Database
from visitapp.registry.plans import import_plan, read_plan
from visitapp.services import Services


def test_export_without_series_does_not_label_other_visits(svc, db_path, tmp_path):
    series = svc.series.create("Seria demonstracyjna")
    org = svc.organisations.create("Comarch S.A.", nip="6770065406")
    labelled = svc.visits.create(org.id, dt.datetime(2026, 5, 5, 9, tzinfo=WARSAW), place="Kampus",
                                 series_id=series.id)
    other = svc.visits.create(org.id, dt.datetime(2026, 6, 1, 9, tzinfo=WARSAW), place="Biuro")
    out = tmp_path / "plan.json"
    result = run_cli("plan", "export", "--db", str(db_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    plan, _signer = read_plan(out, allow_unsigned=True)
    assert {v.id for v in plan.visits} == {labelled.id, other.id}
    assert plan.series is None  # the visits do not all belong to it
    official = Database.open(tmp_path / "official.db")
    try:
        import_plan(official, plan)
        assert Services(official).visits.get(other.id).series is None
    finally:
        official.close()


def test_export_of_one_series_still_names_it(svc, db_path, tmp_path):
    series = svc.series.create("Seria 2027")
    org = svc.organisations.create("Comarch S.A.", nip="6770065406")
    visit = svc.visits.create(org.id, dt.datetime(2026, 5, 5, 9, tzinfo=WARSAW), place="Kampus", series_id=series.id)
    out = tmp_path / "plan.json"
    result = run_cli("plan", "export", "--db", str(db_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    plan, _signer = read_plan(out, allow_unsigned=True)
    assert plan.series is not None and plan.series.name == "Seria 2027"
    official = Database.open(tmp_path / "official.db")
    try:
        import_plan(official, plan)
        assert Services(official).visits.get(visit.id).series.name == "Seria 2027"
    finally:
        official.close()
