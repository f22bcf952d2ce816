"""Search that understands Polish (issue 15): a word finds every form of its lemmas, through Morfeusz 2.

Real SQLite files and the real analyser: a table of query/note pairs across
cases, numbers, genders and alternations, pairs that must not match (other
lemmas with the same beginning), English visits left as typed, the index
written in the note's own transaction, built for old databases by the
upgrade in batches that resume after an interruption.

The behaviour (the table, snippets, English visits, ANDed words, phrases and
prefixes, a visit's language) is tested on each engine, a SQLite file and a
PostgreSQL database; the SQLite index's own workings here, PostgreSQL's in
``test_search_pg.py``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.search_engines import ENGINES, opened, target
from visitapp.db import Database
from visitapp.db.engines import sqlite_fts
from visitapp.services import Identity, Services
from visitapp.services.search import highlight

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("visitapp-*.db"))

# (query, note text): the query must find the note although no word of it is typed in that form.
MATCHES = [
    ("urzędzie", "Urząd Pracy zaprasza pracodawców"),
    ("urząd", "Spotkanie odbyło się w urzędzie miasta"),
    ("huta", "Zakład mieści się przy hucie stali"),
    ("hucie", "Huta zatrudni technologów"),
    ("centrum", "Usługi świadczone w centrach usług wspólnych"),
    ("centrach", "Centrum kompetencji przy uczelni"),
    ("człowiek", "Brakuje ludzi do pracy na zmiany"),
    ("ludzie", "Każdy człowiek w zespole przechodzi szkolenie"),
    ("spawacze", "Od lat brakuje spawaczy"),
    ("spawaczy", "Spawacze z uprawnieniami są poszukiwani"),
    ("staż", "Staże dla studentów trzeciego roku"),
    ("staże", "Płatny staż wakacyjny"),
    ("nowa huta", "Siedziba firmy jest w Nowej Hucie"),
    ("certyfikatów", "Certyfikaty branżowe są wymagane"),
    ("certyfikaty", "Kandydatom brak certyfikatów"),
    ("kompetencje", "Rozwój kompetencji cyfrowych"),
    ("kompetencji", "Kompetencje przyszłości"),
    ("szkoła", "Współpraca ze szkołami średnimi"),
    ("szkołami", "Szkoła branżowa w sąsiedztwie"),
    ("uczelnia", "Projekty z uczelniami technicznymi"),
    ("pracownik", "Pracownicy produkcji pracują w trzech zmianach"),
    ("pracowników", "Każdy nowy pracownik ma opiekuna"),
    ("inżynier", "Firma zatrudni inżynierów procesu"),
    ("inżynierów", "Inżynier jakości odejdzie w maju"),
    ("elektryk", "Elektrycy z uprawnieniami SEP"),
    ("elektryków", "Elektryk utrzymania ruchu"),
    ("praktyka", "Praktyki zawodowe trwają miesiąc"),
    ("praktykach", "Praktyka pokazuje, że to działa"),
    ("miasto", "Inwestycja w mieście"),
    ("mieście", "Miasto wspiera inwestorów"),
    ("Kraków", "Biuro w Krakowie od 2019 roku"),
    ("Krakowie", "Kraków przyciąga centra usług"),
    ("krakow", "Nowe biuro w Krakowie"),
    ("spolka", "Zarząd spółki zgodził się"),
    ("spolki", "Spółka akcyjna z kapitałem zagranicznym"),
    ("firma", "Trzy firmy z branży"),
    ("firmach", "Firma planuje rozbudowę"),
    ("dane", "Analiza danych sprzedażowych"),
    ("analizy danych", "Zespół analiza dane z maszyn"),
    ("język angielski", "Wymagana znajomość języka angielskiego"),
    ("angielskiego", "Angielski na poziomie B2"),
    ("umiejętność", "Umiejętności miękkie są ważne"),
    ("szkolenia", "Szkolenie BHP dla nowych osób"),
    ("szkoleniu", "Szkolenia wewnętrzne co kwartał"),
    ("kurs", "Kursy spawania metodą TIG"),
    ("kursów", "Kurs obsługi wózka"),
    ("inwestycja", "Plan inwestycji na trzy lata"),
    ("inwestycje", "Nowa inwestycja w Podgórzu"),
    ("hala", "Produkcja w nowej hali"),
    ("hali", "Hala magazynowa do rozbudowy"),
    ("ręka", "Wszystko w rękach zarządu"),
    ("ręce", "Pracownik do ręki"),
    ("dziecko", "Opieka nad dziećmi pracowników"),
    ("dzieci", "Każde dziecko dostaje upominek"),
    ("rok", "Od trzech lat rośnie zatrudnienie"),
    ("przyjaciel", "Przyjaciele firmy z Norwegii"),
    ("nowy", "Nowa hala jest gotowa"),
    ("nowe", "Nowy zakład ruszy w marcu"),
    ("dobry", "Lepsze warunki pracy"),
    ("duży", "Klient dużej firmy"),
    ("technik", "Technicy automatyki są w cenie"),
    ("robotów", "Robot spawalniczy"),
    ("automatyka", "Specjaliści od automatyki"),
    ("pies", "Psy ratownicze na terenie zakładu"),
    ("Łódź", "Oddział w Łodzi"),
    ("Łodzi", "Łódź i okolice"),
    ("Wrocław", "Zespół we Wrocławiu"),
    ("kobieta", "Kobiety stanowią połowę kadry"),
    ("przedsiębiorstwo", "W przedsiębiorstwach rodzinnych"),
    ("pracować", "Studenci pracują w weekendy"),
    ("zatrudnić", "Zatrudnimy operatorów"),
    ("szukają", "Szukamy elektromonterów"),
    ("kadrowy", "Dział kadrowa obsługa"),
    ("SEP", "Uprawnienia SEP do 1 kV"),
    ("IT", "Dział IT szuka testerów"),
    ("Hitachi", "Rozmowa z Hitachi Energy"),
]

# (query, note text): other lemmas that begin alike must not match.
NO_MATCH = [
    ("dostępny", "Dostępność mieszkań dla pracowników"),
    ("dostępność", "Parking jest dostępny dla gości"),
    ("pracownik", "Pracownia prototypów"),
    ("szkoła", "Szkolenie wstępne"),
    ("kraj", "Rynek krajowy"),
    ("spawacz", "Spawanie laserowe"),
    ("certyfikat", "Certyfikacja ISO"),
    ("elektryk", "Napęd elektryczny"),
    ("huta", "Hutnik z wieloletnim stażem"),
    ("kompetencja", "Kompetentny zespół"),
]


@pytest.fixture(params=ENGINES)
def db(request, db_path):
    with opened(request, request.param, db_path) as database:
        yield database


@pytest.fixture(scope="module", params=ENGINES)
def corpus(request, tmp_path_factory):
    """One database of each engine holding every note of both tables, in one Polish visit."""
    with target(request, request.param, tmp_path_factory.mktemp("polish") / "pl.db") as where:
        db = Database.open(where)
        svc = Services(db, Identity("Ewa Kowalczyk"))
        org = svc.organisations.create("Zakład Testowy")
        visit = svc.visits.create(org.id, dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC), place="Pałac")
        ids = {text: svc.notes.add(visit.id, text).id for _q, text in MATCHES + NO_MATCH}
        yield svc, ids
        db.close()


def hit_ids(hits):
    return [h.ref_id for h in hits]


@pytest.mark.parametrize(("query", "note"), MATCHES, ids=[f"{q}->{n.split()[0]}" for q, n in MATCHES])
def test_a_word_finds_every_form_of_its_lemmas(corpus, query, note):
    svc, ids = corpus
    assert ids[note] in hit_ids(svc.search.search(query, limit=200))


@pytest.mark.parametrize(("query", "note"), NO_MATCH, ids=[q for q, _n in NO_MATCH])
def test_other_lemmas_that_begin_alike_do_not_match(corpus, query, note):
    svc, ids = corpus
    assert ids[note] not in hit_ids(svc.search.search(query, limit=200))


def test_the_table_is_large_enough():
    assert len(MATCHES) >= 60 and len(NO_MATCH) >= 5


@pytest.fixture
def visit(svc):
    org = svc.organisations.create("Huta Testowa")
    return svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC), place="Sala 1")


def test_words_are_anded_and_exact_forms_switch_lemmas_off(svc, visit):
    welders = svc.notes.add(visit.id, "Brakuje spawaczy z uprawnieniami")
    svc.notes.add(visit.id, "Spawacze są drodzy")
    assert hit_ids(svc.search.search("spawacze uprawnienia")) == [welders.id]
    assert hit_ids(svc.search.search("spawacze uprawnienia", exact=True)) == []
    assert len(svc.search.search("spawacz")) == 2
    assert svc.search.search("spawacz", exact=True) == []


def test_phrases_and_prefixes_keep_matching_the_typed_text(svc, visit):
    note = svc.notes.add(visit.id, "Siedziba jest w Nowej Hucie od lat")
    assert hit_ids(svc.search.search('"nowej hucie"')) == [note.id]
    assert svc.search.search('"nowa huta"') == []  # a phrase is the text as typed
    assert hit_ids(svc.search.search("huc*")) == [note.id]  # the typed "Hucie", not the lemma "huta"
    assert hit_ids(svc.search.search("nowa huta")) == [note.id]


def test_snippets_show_the_typed_text_with_the_matched_forms_marked(svc, visit):
    svc.notes.add(visit.id, "Brakuje spawaczy z uprawnieniami, a spawacze z Ukrainy odchodzą")
    [hit] = svc.search.search("spawacz")
    assert highlight(hit.snippet) == "Brakuje [spawaczy] z uprawnieniami, a [spawacze] z Ukrainy odchodzą"
    long_text = " ".join(["słowo"] * 30) + " Certyfikaty branżowe " + " ".join(["koniec"] * 30)
    svc.notes.add(visit.id, long_text)
    [hit] = svc.search.search("certyfikatów")
    shown = highlight(hit.snippet)
    assert "[Certyfikaty]" in shown and shown.startswith("…") and shown.endswith("…")
    assert len(shown.split()) <= 17


def test_english_visits_are_not_mangled(svc):
    org = svc.organisations.create("Acme Ltd")
    english = svc.visits.create(org.id, dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC), language="en")
    polish = svc.visits.create(org.id, dt.datetime(2026, 5, 2, 9, tzinfo=dt.UTC), language="pl")
    en_note = svc.notes.add(english.id, "The one plant managers like")
    pl_note = svc.notes.add(polish.id, "One są gotowe")
    # Analysed as Polish, "one" would be a form of "on"; in an English visit it is the word as typed.
    assert hit_ids(svc.search.search("on")) == [pl_note.id]
    assert set(hit_ids(svc.search.search("one"))) == {en_note.id, pl_note.id}
    assert hit_ids(svc.search.search("managers")) == [en_note.id]
    assert svc.search.search("manager") == []  # English words stay as typed
    with svc.db.read() as s:
        stored = s.execute(text("SELECT lemmas FROM search_docs WHERE body = :b"),
                           {"b": "The one plant managers like"}).one()
    assert tuple(stored) == ("the one plant managers like",)


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # on PostgreSQL: test_search_pg.py
def test_lemmas_are_stored_in_the_note_s_own_transaction(svc, visit):
    """What another connection sees once the note is stored already holds its lemmas (so a crash loses none)."""
    note = svc.notes.add(visit.id, "Kursy spawania")
    svc.notes.edit(note.id, text="Certyfikaty spawaczy")
    with sqlite3.connect(f"file:{svc.db.path}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT lemmas FROM search_docs WHERE kind = 'note'").fetchall()
        pending = conn.execute("SELECT count(*) FROM search_docs WHERE lemmas IS NULL").fetchone()[0]
    conn.close()
    assert rows == [("certyfikat spawacz",)]
    assert pending == 0


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # on PostgreSQL: test_search_pg.py
def test_writes_of_another_program_are_analysed_later_and_found_as_typed_meanwhile(svc, visit):
    note = svc.notes.add(visit.id, "Stary tekst")
    with sqlite3.connect(svc.db.path) as conn:  # no visitapp here: nothing analyses this text
        conn.execute("UPDATE notes SET text = 'Brakuje spawaczy' WHERE uuid = ?", (note.id,))
    conn.close()
    assert hit_ids(svc.search.search("spawaczy")) == [note.id]  # as typed, before analysis
    assert svc.search.search("spawacze") == []
    svc.notes.add(visit.id, "Inna notatka")  # the next write of visitapp analyses what it finds left
    assert hit_ids(svc.search.search("spawacze")) == [note.id]


def _unanalyse(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE search_docs SET lemmas = NULL")
        n = conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    conn.close()
    return n


def _pending(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        n = conn.execute("SELECT count(*) FROM search_docs WHERE lemmas IS NULL").fetchone()[0]
    conn.close()
    return n


class Stop(Exception):
    pass


def test_an_interrupted_index_build_resumes_at_the_next_open(db_path, monkeypatch):
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    org = svc.organisations.create("Huta Testowa")
    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC))
    for i in range(30):
        svc.notes.add(visit.id, f"Spawacze numer {i} szukają pracy")
    db.close()
    total = _unanalyse(db_path)
    assert total > 30
    monkeypatch.setattr(sqlite_fts, "BACKLOG_BATCH", 7)
    seen: list[tuple[int, int]] = []

    def stop_after_two(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 2:
            raise Stop

    with pytest.raises(Stop):
        Database.open(db_path, progress=stop_after_two)
    assert seen == [(7, total), (14, total)]
    assert _pending(db_path) == total - 14  # two batches kept, the rest left for later

    seen.clear()
    db = Database.open(db_path, progress=lambda d, t: seen.append((d, t)))
    try:
        assert _pending(db_path) == 0
        assert seen[-1] == (total - 14, total - 14)
        assert len(Services(db, Identity("t")).search.search("spawacz szukać", limit=100)) == 30
    finally:
        db.close()


def _lemmas_complete(path) -> bool:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(search_docs)")]
        if "lemmas" not in columns:
            return False
        return conn.execute("SELECT count(*) FROM search_docs WHERE lemmas IS NULL").fetchone()[0] == 0
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_old_database_gets_the_lemma_index_when_opened(fixture, tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    indexed_already = _lemmas_complete(path)  # fixtures made since the lemma index existed carry it
    seen: list[tuple[int, int]] = []
    db = Database.open(path, backup_dir=tmp_path / "backups", progress=lambda d, t: seen.append((d, t)))
    try:
        if indexed_already:
            assert seen == []
        else:
            assert seen and seen[-1][0] == seen[-1][1] > 0
        assert _pending(path) == 0
        svc = Services(db, Identity("t"))
        # "notatka do testu migracji": other forms of each word find it.
        hits = svc.search.search("notatki testem migracja")
        assert [h.kind for h in hits] == ["note"]
        assert "[notatka] do [testu] [migracji]." in highlight(hits[0].snippet)
    finally:
        db.close()


def test_report_themes_and_key_phrases_merge_inflected_forms(svc, db):
    import io

    from pypdf import PdfReader

    from visitapp.registry.reports import collect, render_pdf

    org = svc.organisations.create("Huta Testowa")
    days = [dt.datetime(2026, 4, d, 9, tzinfo=dt.UTC) for d in (1, 2, 3)]
    v1, v2, v3 = (svc.visits.create(org.id, day) for day in days)
    english = svc.visits.create(org.id, dt.datetime(2026, 4, 4, 9, tzinfo=dt.UTC), language="en")
    svc.notes.add(v1.id, "Szukamy ludzi do analizy danych.", tags=["kompetencje", "Kompetencje"])
    svc.notes.add(v1.id, "Wymagana znajomość języka angielskiego", tags=["kompetencji"])
    svc.notes.add(v2.id, "Analiza danych to priorytet, kompetencje też", tags=["kompetencje"])
    svc.notes.add(v3.id, "Język angielski obowiązkowy")
    svc.notes.add(english.id, "Data analysis and data analysis again")
    svc.notes.add(english.id, "Data analysis once more")
    svc.answers.set(v1.id, "skills_in_demand", ["spawacze", "analiza danych"])
    svc.answers.set(v2.id, "skills_in_demand", ["spawaczy", "analizy danych"])
    svc.answers.set(v3.id, "skills_in_demand", ["spawacze"])
    svc.answers.set(v1.id, "certification_needs", ["certyfikaty SEP"])
    svc.answers.set(v2.id, "certification_needs", ["certyfikatów SEP"])

    data = collect(db)
    assert dict(data.tags) == {"kompetencje": 3}  # one theme, counted once per note, in its most typed form
    assert dict(data.themes["skills_in_demand"]) == {"spawacze": 3, "analiza danych": 2}
    assert dict(data.themes["certification_needs"]) == {"certyfikaty SEP": 2}
    phrases = {k.phrase: k for k in data.phrases}
    assert set(phrases) == {"analizy danych", "języka angielskiego"} or set(phrases) == {
        "analiza danych", "języka angielskiego"}
    data_analysis = next(k for k in data.phrases if k.phrase.startswith("anali"))
    assert data_analysis.notes == 2
    assert data_analysis.visits == [v1.id, v2.id]  # the visits it comes from, in series order
    assert phrases["języka angielskiego"].visits == [v1.id, v3.id]
    assert not any("analysis" in k.phrase for k in data.phrases)  # English notes are not Polish phrases

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(data, "en"))).pages)
    assert "Key phrases" in text and "języka angielskiego" in text
    polish = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(data, "pl"))).pages)
    # the report names each visit by its organisation and its day, in the report's own date format
    assert "Huta Testowa (01.04.2026)" in polish and "Huta Testowa (03.04.2026)" in polish


def test_cli_search_finds_every_form_and_exact_switches_it_off(db_path):
    import json

    from tests.conftest import run_cli

    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    org = svc.organisations.create("Huta Testowa")
    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC))
    note = svc.notes.add(visit.id, "Brakuje spawaczy")
    db.close()
    found = run_cli("search", "--db", str(db_path), "--json", "spawacze")
    assert found.returncode == 0, found.stderr
    assert [(h["id"], h["snippet"]) for h in json.loads(found.stdout)] == [(note.id, "Brakuje [spawaczy]")]
    exact = run_cli("search", "--db", str(db_path), "--exact", "spawacze")
    assert exact.returncode == 0 and exact.stdout.strip() == "Nothing found."


def test_changing_a_visit_s_language_analyses_its_documents_again(svc):
    org = svc.organisations.create("Acme Ltd")
    visit = svc.visits.create(org.id, dt.datetime(2026, 5, 2, 9, tzinfo=dt.UTC), language="pl")
    note = svc.notes.add(visit.id, "One są gotowe")
    assert hit_ids(svc.search.search("on")) == [note.id]
    svc.visits.update(visit.id, language="en")
    assert svc.search.search("on") == []  # now English: its words match as typed only
    assert hit_ids(svc.search.search("one")) == [note.id]
    svc.visits.update(visit.id, language="pl")
    assert hit_ids(svc.search.search("on")) == [note.id]


def test_finding_the_rows_to_analyse_never_scans_the_table(db_path):
    """Every write asks for the unanalysed rows before it commits: that must use the partial index."""
    with Database.open(db_path) as db, db.read() as s:
        plan = s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sqlite_fts._PENDING, (5,)).all()
    assert any("ix_search_docs_unanalysed" in row[-1] for row in plan), plan
    assert not any(row[-1] == "SCAN d" for row in plan), plan


def _db_with_unanalysed_notes(path: Path, n: int) -> int:
    db = Database.open(path)
    svc = Services(db, Identity("t"))
    org = svc.organisations.create("Huta Testowa")
    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC))
    for i in range(n):
        svc.notes.add(visit.id, f"Spawacze numer {i}")
    db.close()
    return _unanalyse(path)


def test_the_cli_shows_the_index_build_on_a_terminal(db_path):
    import os
    import pty
    import subprocess
    import sys

    from tests.conftest import ROOT

    total = _db_with_unanalysed_notes(db_path, 5)
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "visitapp", "search", "--db", str(db_path), "spawacz"],
                          stdout=subprocess.PIPE, stderr=slave, text=True, env=env, cwd=ROOT, timeout=60)
    os.close(slave)
    shown = os.read(master, 65536).decode()
    os.close(master)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 5
    assert f"Building the search index: {total} of {total} texts analysed" in shown
    assert _pending(db_path) == 0


def test_a_locked_database_opens_and_leaves_the_build_for_later(db_path, monkeypatch):
    from visitapp.db import database

    total = _db_with_unanalysed_notes(db_path, 3)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        db = Database.open(db_path)
        try:
            assert len(Services(db, Identity("t")).search.search("spawacze")) == 3  # typed words meanwhile
        finally:
            db.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _pending(db_path) == total
