"""Full-text search: diacritics, prefixes, ranking, snippets, and the index following every change.

Every test runs on each engine (a SQLite file, a PostgreSQL database): the same behaviour on both.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tests.search_engines import ENGINES, opened
from visitapp.services.search import fts_query, highlight


@pytest.fixture(params=ENGINES)
def db(request, db_path):
    with opened(request, request.param, db_path) as database:
        yield database


@pytest.fixture
def visit(svc):
    org = svc.organisations.create("Zakłady Łódzkie", address="Kraków")
    return svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC), place="Kraków, Nowa Huta")


def ids(hits):
    return [h.ref_id for h in hits]


def test_diacritics_are_ignored_including_l_stroke(svc, visit):
    note = svc.notes.add(visit.id, "Zażółć gęślą jaźń w Łodzi i w Krakowie")
    for query in ("zazolc", "ZAŻÓŁĆ", "gesla", "jazn", "lodzi", "Łodzi", "krakowie"):
        assert ids(svc.search.search(query, exact=True)) == [note.id], query
        assert note.id in ids(svc.search.search(query)), query  # by lemma, "Kraków" of the visit's place too
    assert ids(svc.search.search("zakłady")) == [visit.id]
    assert ids(svc.search.search("zaklady lodzkie")) == [visit.id]
    assert ids(svc.search.search("krakow", exact=True)) == [visit.id]
    assert set(ids(svc.search.search("krakow"))) == {visit.id, note.id}  # "w Krakowie" is a form of Kraków


def test_prefix_queries(svc, visit):
    welders = svc.notes.add(visit.id, "Brakuje spawaczy z uprawnieniami")
    svc.notes.add(visit.id, "Potrzebni elektrycy")
    assert ids(svc.search.search("spawacz*")) == [welders.id]
    assert svc.search.search("spawacz", exact=True) == []  # exact: without * only whole words
    assert ids(svc.search.search("spawacz")) == [welders.id]  # by lemma: any form of the word


def test_snippets_show_the_text_as_typed_with_the_match_marked(svc, visit):
    svc.notes.add(visit.id, "Spotkanie w Łodzi było udane")
    [hit] = svc.search.search("lodzi")
    assert highlight(hit.snippet) == "Spotkanie w [Łodzi] było udane"
    assert hit.kind == "note" and hit.visit_id == visit.id and hit.organisation == "Zakłady Łódzkie"


def test_edits_deletes_and_undeletes_keep_the_index_right(svc, visit):
    note = svc.notes.add(visit.id, "certyfikaty AWS")
    svc.notes.edit(note.id, text="certyfikaty Azure")
    assert svc.search.search("aws") == []
    assert ids(svc.search.search("azure")) == [note.id]
    svc.notes.edit(note.id, tags=["chmura"])
    assert ids(svc.search.search("chmura")) == [note.id]
    svc.notes.delete(note.id)
    assert svc.search.search("azure") == []
    svc.notes.undelete(note.id)
    assert ids(svc.search.search("azure")) == [note.id]


def test_bulk_sql_updates_keep_the_index_right(svc, db, visit):
    note = svc.notes.add(visit.id, "stary tekst")
    with db.write() as s:
        s.execute(text("UPDATE notes SET text = 'nowy tekst o robotach'"))
    assert svc.search.search("stary") == []
    assert ids(svc.search.search("robotach")) == [note.id]
    with db.write() as s:
        s.execute(text("DELETE FROM notes"))
    assert svc.search.search("robotach") == []


def test_renaming_an_organisation_or_person_updates_hits(svc, visit):
    svc.organisations.update(svc.visits.get(visit.id).organisation.id, name="Hitachi Energy")
    assert svc.search.search("zaklady") == []
    assert ids(svc.search.search("hitachi")) == [visit.id]
    person = svc.people.create("Adam Biernat", institution="Grodzki Urząd Pracy")
    part = svc.visits.add_participant(visit.id, person.id)
    assert ids(svc.search.search("biernat")) == [part.id]
    svc.people.update(person.id, name="Adam Biernacki")
    assert ids(svc.search.search("biernacki")) == [part.id]
    svc.visits.remove_participant(part.id)
    assert svc.search.search("biernacki") == []


def test_action_items_are_found(svc, visit):
    action = svc.actions.add(visit.id, "Zorganizować spotkanie z biurami karier",
                             owner="Wydział ds. Przedsiębiorczości")
    assert ids(svc.search.search("biurami")) == [action.id]
    assert ids(svc.search.search("przedsiebiorczosci")) == [action.id]


def test_better_matches_rank_first(svc, visit):
    once = svc.notes.add(
        visit.id, "Rozmowa o wielu sprawach, o budżecie miasta na kolejne lata, a na końcu krótko: staże")
    often = svc.notes.add(visit.id, "Staże, staże i jeszcze raz staże")
    assert ids(svc.search.search("staże")) == [often.id, once.id]


def test_search_within_one_visit(svc, visit):
    other = svc.visits.create(svc.visits.get(visit.id).organisation.id, dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    svc.notes.add(visit.id, "robotyka")
    mine = svc.notes.add(other.id, "robotyka")
    assert ids(svc.search.search("robotyka", visit_id=other.id)) == [mine.id]


@pytest.mark.parametrize("query", ['"', "-", "AND", "OR(", "*", 'NEAR("a"', "^x", "a:b", "   "])
def test_odd_queries_never_raise(svc, visit, query):
    svc.notes.add(visit.id, "a b x AND OR")
    svc.search.search(query)  # no FTS5 syntax error reaches the user
    assert fts_query("   ") is None


def test_phrases_in_quotes(svc, visit):
    hit = svc.notes.add(visit.id, "praktyczne kompetencje są ważne")
    svc.notes.add(visit.id, "kompetencje praktyczne też")
    assert ids(svc.search.search('"praktyczne kompetencje"')) == [hit.id]


def test_common_words_rank_among_the_newest_matches(svc, visit, monkeypatch):
    from visitapp.services import search

    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    made = [svc.notes.add(visit.id, f"firma numer {i}") for i in range(12)]
    hits = svc.search.search("firma", limit=50)
    assert set(ids(hits)) == {n.id for n in made[-5:]}


def test_one_statement_turns_every_hit_into_uuids_and_visits(svc, db, visit):
    """Hits of every kind (note, action, participant, visit) in two visits get their uuids in one round trip."""
    from sqlalchemy import event

    other = svc.visits.create(svc.visits.get(visit.id).organisation.id, dt.datetime(2026, 5, 1, tzinfo=dt.UTC),
                              place="Hala Orlen")
    note = svc.notes.add(visit.id, "Orlen szuka spawaczy")
    action = svc.actions.add(other.id, "Zapytać Orlen o staże")
    part = svc.visits.add_participant(visit.id, svc.people.create("Anna Orlen", institution="Urząd Pracy").id)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        hits = svc.search.search("orlen")
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert sorted((h.kind, h.ref_id, h.visit_id) for h in hits) == sorted([
        ("note", note.id, visit.id), ("action", action.id, other.id),
        ("participant", part.id, visit.id), ("visit", other.id, other.id),
    ])
    assert {h.organisation for h in hits} == {"Zakłady Łódzkie"}
    assert {h.kind: h.starts_at.date() for h in hits}["action"] == dt.date(2026, 5, 1)
    # One statement reads the records' uuids (was one per kind, and one more for the visits).
    assert len([s for s in statements if "uuid" in s]) == 1
