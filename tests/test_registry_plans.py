"""Plan files: export from the coordinator's database, import into an official's, refusal of bad files."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from registry_helpers import WARSAW, dump

from tests.conftest import run_cli
from visitapp.db import Database
from visitapp.errors import InvalidInput
from visitapp.registry.plans import (
    ChangesNotConfirmed,
    build_plan,
    export_plan,
    import_plan,
    json_schema,
    parse_plan,
    preview_plan,
    read_plan,
)
from visitapp.resources import resource_path
from visitapp.services import Services


def test_published_schema_matches_the_model():
    published = json.loads(resource_path("schema", "plan-1.schema.json").read_text("utf-8"))
    assert published == json.loads(json.dumps(json_schema()))


@pytest.fixture
def db(registry_target):
    """The coordinator's registry (under ``svc``), on each engine; officials' databases stay SQLite files."""
    database = Database.open(registry_target)
    yield database
    database.close()


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
    plan, signer = read_plan(out, allow_unsigned=True)
    assert signer is None
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
    result = run_cli("plan", "import", "--db", str(official), "--allow-unsigned", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith("visitapp: The plan names a visit template") and result.stderr.count("\n") == 1
    assert dump(official) == before
    ok = run_cli("plan", "import", "--db", str(official), "--allow-unsigned", str(good))
    assert ok.returncode == 0 and planned.id in ok.stdout


# -- a plan that changes visits the official already has ---------------------------------------


@pytest.fixture
def official(svc, planned, tmp_path):
    """An official's database holding the planned visit, its organisation and person, from the first plan."""
    out = tmp_path / "first.json"
    export_plan(svc.db, out)
    db = Database.open(tmp_path / "official.db")
    import_plan(db, read_plan(out, allow_unsigned=True)[0])
    yield db
    db.close()


def _plan_data(svc, tmp_path) -> dict:
    out = tmp_path / "again.json"
    export_plan(svc.db, out)
    return json.loads(out.read_text("utf-8"))


def _forged(svc, tmp_path, planned) -> dict:
    """What the attacker sent: new time, place, title, agenda, no end, their own participant, company data."""
    data = _plan_data(svc, tmp_path)
    v = data["visits"][0]
    v.update(starts_at="2026-05-06T22:00:00+00:00", ends_at=None, place="Ul. Obca 1", title="Przeniesiona",
             agenda=["Przynieś dokumenty"])
    v["organisation"].update(name="Comarch Fałszywa", krs="0000057567", regon="350527377", address="Ul. Obca 1")
    v["participants"][0]["person"].update(email="zofia@attacker.example", phone="+48 600 000 000", role="prezes")
    v["participants"].append({"id": "6f1f9a52-41c1-4c0e-9a8e-2a8d5e1f4b11", "side": "company", "role": "",
                              "person": {"id": "0b6f3c8e-1d2a-4f4b-8e8f-5f0d7a7c2d10", "name": "Jan Obcy",
                                         "email": "jan@attacker.example"}})
    return data


def test_changes_to_an_existing_visit_are_listed_and_need_confirmation(svc, planned, official, tmp_path):
    svc.visits.update(planned.id, ends_at=dt.datetime(2026, 5, 5, 11, tzinfo=WARSAW))
    first = tmp_path / "with-end.json"
    export_plan(svc.db, first)
    import_plan(official, read_plan(first, allow_unsigned=True)[0], confirmed=preview_plan(
        official, read_plan(first, allow_unsigned=True)[0]))
    plan = parse_plan(json.dumps(_forged(svc, tmp_path, planned)))
    preview = preview_plan(official, plan)
    assert not preview.added
    assert {c.field for c in preview.changes} == {"starts_at", "ends_at", "place", "title", "agenda", "participants"}
    lines = preview.lines()
    assert "Kampus -> Ul. Obca 1" in next(x for x in lines if ": place: " in x)
    assert next(x for x in lines if ": participants: " in x).endswith("Zofia Żak -> Zofia Żak; Jan Obcy")
    assert next(x for x in lines if ": end: " in x).endswith(" -> —")
    before = dump(tmp_path / "official.db")
    with pytest.raises(ChangesNotConfirmed) as err:
        import_plan(official, plan)
    assert "nothing was imported" in str(err.value) and "\n" not in str(err.value)
    assert dump(tmp_path / "official.db") == before

    result = import_plan(official, plan, confirmed=preview)
    assert result.updated == [planned.id]
    visit = Services(official).visits.get(planned.id)
    assert (visit.place, visit.title, visit.ends_at) == ("Ul. Obca 1", "Przeniesiona", None)
    assert [p.person.name for p in visit.participants] == ["Zofia Żak", "Jan Obcy"]


def test_a_plan_never_changes_organisation_or_person_data(svc, planned, official, tmp_path):
    def people_and_orgs() -> list[str]:
        return [r for r in dump(tmp_path / "official.db") if r.startswith(('INSERT INTO "organisations"',
                                                                           'INSERT INTO "people"'))]

    known = people_and_orgs()
    assert known and all("0000057567" not in r and "attacker" not in r for r in known)
    plan = parse_plan(json.dumps(_forged(svc, tmp_path, planned)))
    import_plan(official, plan, confirmed=preview_plan(official, plan))
    after = people_and_orgs()
    assert set(known) <= set(after)  # every row that was there is exactly as it was
    added = sorted(set(after) - set(known))
    assert len(added) == 1 and "Jan Obcy" in added[0]  # only the new person is created
    org = Services(official).visits.get(planned.id).organisation
    assert (org.name, org.krs, org.regon, org.address) == ("Comarch S.A.", None, None, "")
    zofia = Services(official).visits.get(planned.id).participants[0].person
    assert (zofia.email, zofia.phone, zofia.role) == ("zofia@example.org", "", "")


def test_confirmation_of_other_changes_does_not_apply(svc, planned, official, tmp_path):
    data = _plan_data(svc, tmp_path)
    data["visits"][0]["place"] = "Sala 2"
    shown = preview_plan(official, parse_plan(json.dumps(data)))
    data["visits"][0]["place"] = "Sala 3"
    plan = parse_plan(json.dumps(data))
    before = dump(tmp_path / "official.db")
    with pytest.raises(ChangesNotConfirmed):
        import_plan(official, plan, confirmed=shown)
    assert dump(tmp_path / "official.db") == before


def test_new_visits_need_no_confirmation_and_started_visits_are_left_alone(svc, planned, official, tmp_path):
    org = svc.organisations.create("Hitachi Energy")
    new = svc.visits.create(org.id, dt.datetime(2026, 6, 1, 9, tzinfo=WARSAW), place="Zakład")
    Services(official).visits.start(planned.id)
    data = _plan_data(svc, tmp_path)
    data["visits"][0]["place"] = "Gdzie indziej"  # the official has begun this visit: the plan does not touch it
    plan = parse_plan(json.dumps(data))
    preview = preview_plan(official, plan)
    assert preview.changes == [] and preview.added == [new.id] and preview.unchanged == [planned.id]
    result = import_plan(official, plan)
    assert result.added == [new.id]
    assert Services(official).visits.get(planned.id).place == "Kampus"


@pytest.mark.parametrize("content", [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 70 + b"1" + b"}" * 70])
def test_deep_nesting_is_refused_before_parsing(content):
    with pytest.raises(InvalidInput) as err:
        parse_plan(content)
    assert "deeper than 64" in str(err.value) and "\n" not in str(err.value)


def test_brackets_inside_strings_do_not_count_as_nesting(svc, planned, tmp_path):
    data = _plan_data(svc, tmp_path)
    data["visits"][0]["agenda"] = ["[" * 200 + '\\"{' * 100]
    assert parse_plan(json.dumps(data)).visits[0].agenda == data["visits"][0]["agenda"]


def test_oversized_plan_file_is_refused_unread(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (5 * 1024 * 1024) + b"{}")
    with pytest.raises(InvalidInput) as err:
        read_plan(big, allow_unsigned=True)
    assert "larger than 5 MB" in str(err.value)


def test_a_visit_listed_twice_is_refused(svc, planned, tmp_path):
    data = _plan_data(svc, tmp_path)
    data["visits"].append(dict(data["visits"][0], place="Gdzie indziej"))
    with pytest.raises(InvalidInput) as err:
        parse_plan(json.dumps(data))
    assert str(err.value) == "The plan lists the same visit more than once; it was not read."
