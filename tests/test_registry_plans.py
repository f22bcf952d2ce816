"""Plan files: export from the coordinator's database, import into an official's, refusal of bad files."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import run_cli
from registry_helpers import WARSAW, dump
from visitapp.db import Database
from visitapp.errors import InvalidInput
from visitapp.registry.plans import build_plan, export_plan, import_plan, json_schema, parse_plan, read_plan
from visitapp.resources import resource_path
from visitapp.services import Services


def test_published_schema_matches_the_model():
    published = json.loads(resource_path("schema", "plan-1.schema.json").read_text("utf-8"))
    assert published == json.loads(json.dumps(json_schema()))


@pytest.fixture
def planned(svc):
    series = svc.series.create("Seria 2026")
    org = svc.organisations.create("Comarch S.A.", nip="6770065406")
    visit = svc.visits.create(org.id, dt.datetime(2026, 5, 5, 9, tzinfo=WARSAW), place="Kampus", series_id=series.id,
                              agenda=["Plany", "Kompetencje"])
    person = svc.people.create("Zofia Żak", institution="Comarch", email="zofia@example.org")
    svc.visits.add_participant(visit.id, person.id, side="company")
    return visit


def test_export_then_import_keeps_ids(svc, planned, tmp_path):
    out = tmp_path / "plan.json"
    assert export_plan(svc.db, out) == 1
    plan = read_plan(out)
    official = Database.open(tmp_path / "official.db")
    try:
        result = import_plan(official, plan)
        assert result.added == [planned.id]
        visit = Services(official).visits.get(planned.id)
        assert visit.organisation.nip == "6770065406" and visit.place == "Kampus"
        assert visit.series.name == "Seria 2026" and [p.person.name for p in visit.participants] == ["Zofia Żak"]
        again = import_plan(official, plan)
        assert again.unchanged == [planned.id] and not again.added
    finally:
        official.close()


def test_only_planned_visits_unless_all(svc, planned):
    svc.visits.start(planned.id)
    assert build_plan(svc.db).visits == []
    assert len(build_plan(svc.db, include_all=True).visits) == 1


@pytest.mark.parametrize("content, words", [
    (b"{not json", "not valid JSON"),
    (b'{"format": "something/1"}', "not a visitapp plan"),
    (b'{"format": "visitapp.plan/2", "visits": []}', "format version 2"),
    (b'{"format": "visitapp.plan/1", "exported_at": "2026-01-01T00:00:00Z", "visits": [{"id": "x"}]}',
     "malformed at visits.0"),
])
def test_malformed_plan_is_refused_with_one_sentence(content, words):
    with pytest.raises(InvalidInput) as err:
        parse_plan(content)
    assert words in str(err.value) and "\n" not in str(err.value)


def test_cli_refuses_a_bad_plan_and_changes_nothing(tmp_path, svc, planned):
    good = tmp_path / "plan.json"
    export_plan(svc.db, good)
    data = json.loads(good.read_text("utf-8"))
    data["visits"][0]["template"] = "no-such-template"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    official = tmp_path / "official.db"
    Database.open(official).close()
    before = dump(official)
    result = run_cli("plan", "import", "--db", str(official), str(bad))
    assert result.returncode == 1
    assert "template" in result.stderr and result.stderr.count("\n") == 1
    assert dump(official) == before
    ok = run_cli("plan", "import", "--db", str(official), str(good))
    assert ok.returncode == 0 and planned.id in ok.stdout
