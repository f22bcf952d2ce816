"""The services: every operation the GUI and CLI rely on, against a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from visitapp.errors import InvalidInput, NotFound
from visitapp.exchange.record import json_schema, parse_record, record_bytes
from visitapp.resources import resource_path
from visitapp.services import Identity, Services
from visitapp.validation import name_key, nip_is_valid, normalise_nip, regon_is_valid

START = dt.datetime(2026, 3, 17, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def visit(svc):
    org = svc.organisations.create("Hitachi Vantara", nip="126-018-15-94")
    return svc.visits.create(org.id, START, title="Wizyta", place="Kraków")


def test_nip_checksum():
    assert nip_is_valid("1260181594")
    assert normalise_nip("PL 126-018-15-94") == "1260181594"
    assert not nip_is_valid("1260181595")
    with pytest.raises(InvalidInput, match="not a valid NIP"):
        normalise_nip("1234567890")
    assert regon_is_valid("123456785") and not regon_is_valid("123456789")


def test_organisation_names_match_without_legal_forms_or_diacritics():
    assert name_key("Hitachi Energy Poland Sp. z o.o.") == name_key("HITACHI ENERGY")
    assert name_key("Łódzka Spółka S.A.") == "lodzka spolka"


def test_organisations_refuse_a_bad_or_taken_nip(svc):
    svc.organisations.create("Hitachi Vantara", nip="1260181594")
    with pytest.raises(InvalidInput, match="already belongs to Hitachi Vantara"):
        svc.organisations.create("Kopia", nip="1260181594")
    with pytest.raises(InvalidInput, match="not a valid NIP"):
        svc.organisations.create("Zła", nip="1260181595")
    assert [o.name for o in svc.organisations.find("vantara")] == ["Hitachi Vantara"]
    assert [o.name for o in svc.organisations.find("12601")] == ["Hitachi Vantara"]


def test_visit_times_are_utc_and_local_times_are_converted(svc):
    org = svc.organisations.create("Hitachi Energy")
    from zoneinfo import ZoneInfo

    local = dt.datetime(2026, 3, 24, 9, 30, tzinfo=ZoneInfo("Europe/Warsaw"))
    visit = svc.visits.create(org.id, local)
    assert visit.starts_at == dt.datetime(2026, 3, 24, 8, 30, tzinfo=dt.UTC)
    assert visit.status == "planned"
    with pytest.raises(InvalidInput, match="end before it starts"):
        svc.visits.update(visit.id, ends_at=local - dt.timedelta(hours=1))


def test_participants_reuse_people(svc, visit):
    person = svc.people.create("Adam Biernat", institution="Grodzki Urząd Pracy w Krakowie", role="dyrektor")
    svc.visits.add_participant(visit.id, person.id, side="city")
    with pytest.raises(InvalidInput, match="already takes part"):
        svc.visits.add_participant(visit.id, person.id)
    other = svc.visits.create(svc.visits.get(visit.id).organisation.id, START + dt.timedelta(days=30))
    svc.visits.add_participant(other.id, person.id, side="city", role="gość")
    assert [p.person.id for p in svc.visits.participants(other.id)] == [person.id]
    assert svc.people.institutions() == ["Grodzki Urząd Pracy w Krakowie"]


def test_notes_add_edit_move_reorder_delete_undelete(svc, visit):
    a = svc.notes.add(visit.id, "pierwsza", section="future_skills")
    b = svc.notes.add(visit.id, "druga", section="future_skills", kind="quote", tags=["#kompetencje", "kompetencje"])
    c = svc.notes.add(visit.id, "trzecia", section="future_skills")
    assert b.tags == ("kompetencje",) and b.author == "Ewa Kowalczyk"
    assert svc.visits.get(visit.id).status == "in_progress"

    def texts(section="future_skills"):
        return [n.text for n in svc.notes.list(visit.id) if n.section == section]

    svc.notes.move(c.id, index=0)
    assert texts() == ["trzecia", "pierwsza", "druga"]
    assert svc.notes.index_of(c.id) == 0
    svc.notes.move(a.id, section="barriers")
    assert texts() == ["trzecia", "druga"] and texts("barriers") == ["pierwsza"]
    edited = svc.notes.edit(b.id, text="druga, poprawiona", kind="decision", visibility="company")
    assert (edited.text, edited.kind, edited.visibility) == ("druga, poprawiona", "decision", "company")
    assert edited.updated_at >= edited.created_at
    svc.notes.delete(b.id)
    assert texts() == ["trzecia"]
    svc.notes.undelete(b.id)
    assert texts() == ["trzecia", "druga, poprawiona"]
    with pytest.raises(InvalidInput, match="cannot be empty"):
        svc.notes.edit(a.id, text="   ")
    with pytest.raises(InvalidInput, match="no section"):
        svc.notes.add(visit.id, "x", section="nonexistent")
    with pytest.raises(NotFound):
        svc.notes.edit("00000000-0000-0000-0000-000000000000", text="x")


def test_notes_list_in_template_order(svc, visit):
    svc.notes.add(visit.id, "na końcu", section="follow_ups")
    svc.notes.add(visit.id, "na początku", section="profile")
    assert [n.text for n in svc.notes.list(visit.id)] == ["na początku", "na końcu"]


def test_tags_for_completion_most_used_first(svc, visit):
    svc.notes.add(visit.id, "a", tags=["szkoły", "GUP"])
    svc.notes.add(visit.id, "b", tags=["szkoły"])
    assert svc.notes.tags() == ["szkoły", "GUP"]
    assert svc.notes.tags("sz") == ["szkoły"]


def test_commitment_becomes_an_action_item(svc, visit):
    note = svc.notes.add(visit.id, "Przesłać listę szkół", section="follow_ups")
    action = svc.actions.from_note(note.id, owner="Centrum Wspierania Inwestorów", due_date="2026-04-15")
    assert svc.notes.get(note.id).kind == "commitment"
    assert (action.description, action.due_date, action.status) == (
        "Przesłać listę szkół", dt.date(2026, 4, 15), "open")
    assert svc.actions.list(overdue_on=dt.date(2026, 5, 1))[0].id == action.id
    assert svc.actions.list(overdue_on=dt.date(2026, 4, 1)) == []
    svc.actions.update(action.id, status="done")
    assert svc.actions.list(status="open") == []
    svc.notes.delete(note.id)
    assert svc.actions.list() == []  # deleting the commitment takes its action item along
    svc.notes.undelete(note.id)
    assert [a.owner for a in svc.actions.list(owner="centrum")] == ["Centrum Wspierania Inwestorów"]
    with pytest.raises(InvalidInput, match="not a date"):
        svc.actions.update(action.id, due_date="15.04.2026")


def test_structured_answers_are_checked_against_the_template(svc, visit):
    svc.answers.set(visit.id, "planned_hires", "150")
    svc.answers.set(visit.id, "skills_in_demand", "analiza danych, chmura")
    svc.answers.set(visit.id, "investment_stage", "planning")
    answers = svc.answers.list(visit.id)
    assert answers["planned_hires"].value == 150
    assert answers["skills_in_demand"].value == ["analiza danych", "chmura"]
    with pytest.raises(InvalidInput, match="must be one of"):
        svc.answers.set(visit.id, "investment_stage", "soon")
    with pytest.raises(InvalidInput, match="at least 0"):
        svc.answers.set(visit.id, "planned_hires", -3)
    with pytest.raises(InvalidInput, match="no field"):
        svc.answers.set(visit.id, "shoe_size", 42)
    svc.answers.set(visit.id, "planned_hires", None)
    assert "planned_hires" not in svc.answers.list(visit.id)


def test_drafts_are_kept_per_editor(svc, visit):
    svc.drafts.save(visit.id, "capture", "Firma planuje", {"section": "profile"})
    svc.drafts.save(visit.id, "capture", "Firma planuje nowe biuro", {"section": "profile"})
    drafts = svc.drafts.list(visit.id)
    assert drafts["capture"].text == "Firma planuje nowe biuro" and drafts["capture"].data == {"section": "profile"}
    svc.drafts.clear(visit.id, "capture")
    assert svc.drafts.list(visit.id) == {}


def test_finalising_freezes_numbered_versions(svc, visit):
    svc.notes.add(visit.id, "pierwsza wersja")
    first = svc.records.finalise(visit.id)
    assert (first.version, first.created) == (1, True)
    assert svc.visits.get(visit.id).status == "finalised"
    again = svc.records.finalise(visit.id)
    assert (again.version, again.created) == (1, False)
    assert svc.records.build(visit.id).version == 1
    svc.notes.add(visit.id, "dopisana później")
    assert svc.visits.get(visit.id).status == "in_progress"
    assert svc.records.build(visit.id).version is None
    second = svc.records.finalise(visit.id)
    assert second.version == 2
    assert [v.number for v in svc.records.versions(visit.id)] == [1, 2]
    frozen = svc.records.version_record(visit.id, 1)
    assert [n.text for n in frozen.notes] == ["pierwsza wersja"]


def test_the_record_round_trips_and_matches_the_published_schema(svc, demo):
    record = svc.records.build(demo[0])
    data = json.loads(record_bytes(record))
    assert data["format"] == "visitapp.visit/1"
    assert data["visit"]["id"] == demo[0]
    assert {p["person"]["name"] for p in data["participants"]} >= {"Jacek Liguziński", "Adam Biernat"}
    assert parse_record(record_bytes(record)) == record
    published = json.loads(resource_path("schema", "visit-record-1.schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(), "regenerate resources/schema from visitapp/exchange/record.py"


def test_company_copy_keeps_only_notes_for_the_company(svc, demo):
    full = svc.records.build(demo[0])
    company = svc.records.build(demo[0], copy="company")
    assert company.copy_kind == "company"
    assert {n.visibility for n in company.notes} == {"company"}
    assert len(company.notes) < len(full.notes)
    kept = {n.id for n in company.notes}
    assert all(a.note_id in kept for a in company.action_items)


def test_a_newer_minor_version_keeps_unknown_fields_and_a_newer_major_is_refused(svc, demo):
    data = json.loads(record_bytes(svc.records.build(demo[0])))
    data["minor"] = 7
    data["weather"] = "słonecznie"
    data["notes"][0]["mood"] = "dobry"
    record = parse_record(json.dumps(data))
    again = json.loads(record_bytes(record))
    assert again["weather"] == "słonecznie" and again["notes"][0]["mood"] == "dobry"
    data["format"] = "visitapp.visit/2"
    with pytest.raises(InvalidInput, match="newer than this visitapp reads"):
        parse_record(json.dumps(data))
    with pytest.raises(InvalidInput, match="not a visitapp visit record"):
        parse_record(b'{"hello": 1}')
    data["format"] = "visitapp.visit/1"
    data["visit"]["starts_at"] = "yesterday"
    with pytest.raises(InvalidInput, match=r"malformed at visit\.starts_at"):
        parse_record(json.dumps(data))


def test_ids_can_be_shortened_when_unambiguous(svc, visit):
    assert svc.visits.get(visit.id[:8]).id == visit.id
    with pytest.raises(NotFound):
        svc.visits.get("zzzz")


def test_identity_defaults_to_the_system_user(db):
    svc = Services(db)
    assert svc.identity.name
    assert isinstance(Identity.system(), Identity)


def test_the_published_schema_accepts_our_records_and_rejects_broken_ones(svc, demo):
    """The JSON Schema in resources/ is the contract other programs validate against."""
    import jsonschema

    schema = json.loads(resource_path("schema", "visit-record-1.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for visit_id in demo:
        validator.validate(json.loads(record_bytes(svc.records.build(visit_id))))
    broken = json.loads(record_bytes(svc.records.build(demo[0])))
    broken["notes"][0]["kind"] = "gossip"
    del broken["visit"]["id"]
    assert len(list(validator.iter_errors(broken))) == 2


def test_a_draft_is_cleared_only_while_it_holds_the_text_that_copy_stored(svc, visit):
    svc.drafts.save(visit.id, "capture", "tekst pierwszej kopii")
    svc.drafts.save(visit.id, "capture", "tekst drugiej kopii")  # the other copy typed since
    assert not svc.drafts.clear(visit.id, "capture", only_if="tekst pierwszej kopii")
    assert svc.drafts.list(visit.id)["capture"].text == "tekst drugiej kopii"
    assert svc.drafts.clear(visit.id, "capture", only_if="tekst drugiej kopii")
    assert svc.drafts.list(visit.id) == {}
