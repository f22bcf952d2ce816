"""The PostgreSQL search index's own workings (issue 14), on a real throwaway cluster.

What it finds is tested on both engines in test_search.py and
test_search_polish.py; here: the index follows every write inside the writing
transaction (lemmas included) and a rollback leaves nothing of it; another
program's writes are found as typed, then analysed; the backlog build is
interruptible, resumes, and never waits for a writer; a very common word ranks
among the newest ``window`` matches only and a rare one is found through the
GIN index; a middle one reads a range of the newest ids (the cost model's
choice), followed by the ids below it when the range held too few, ranked as
one query over all would; two common words together read the range their
conjunction fills and find what the plain query finds; the folding in SQL is Python's, whatever the database's locale; a
damaged or old index definition is rebuilt at open.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy import text

from tests.search_engines import opened, pg_database
from visitapp.db import Database
from visitapp.db import models as m
from visitapp.db.engines import postgresql_query as pgq
from visitapp.db.engines import postgresql_search as pgs
from visitapp.services import Identity, Services
from visitapp.services.base import visit_by_uuid
from visitapp.services.search import parse_query
from visitapp.text.polish import WORD, fold


@pytest.fixture
def db(request, db_path):
    with opened(request, "postgresql", db_path) as database:
        yield database


@pytest.fixture
def other(db):
    """A connection of another program to the same database (no visitapp, no commit hook)."""
    engine = sa.create_engine(db.backend.url.render_as_string(hide_password=False), poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        yield conn
    engine.dispose()


@pytest.fixture
def visit(svc):
    org = svc.organisations.create("Huta Testowa")
    return svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC), place="Sala 1")


def ids(hits):
    return [h.ref_id for h in hits]


def _doc(conn, note_pk):
    return conn.execute(text("SELECT body, lemmas, xmin::text FROM search_docs WHERE kind = 'note' AND ref_id = :r"),
                        {"r": note_pk}).one_or_none()


def test_the_index_follows_a_write_inside_its_transaction_lemmas_included(db, svc, visit, other):
    note = svc.notes.add(visit.id, "Kursy spawania")
    with db.write() as s:
        note_pk = s.execute(sa.select(m.Note.id).where(m.Note.uuid == note.id)).scalar_one()
        s.execute(text("UPDATE notes SET text = 'Brakuje spawaczy' WHERE id = :id"), {"id": note_pk})
        body, lemmas, _xmin = _doc(s, note_pk)
        assert (body, lemmas) == ("Brakuje spawaczy", None)  # in the index at once, analysed at commit
        xid = s.execute(text("SELECT (pg_current_xact_id()::text::bigint % 4294967296)::text")).scalar_one()
        assert _doc(other, note_pk)[0] == "Kursy spawania"  # nobody else sees it before the commit
        other.rollback()
    body, lemmas, xmin = _doc(other, note_pk)
    assert (body, lemmas) == ("Brakuje spawaczy", "brakowac spawacz")
    assert xmin == xid  # the lemmas were written by the note's own transaction, not after it
    assert ids(svc.search.search("spawacze")) == [note.id]


class Boom(Exception):
    pass


def test_a_rolled_back_write_leaves_no_index_row(db, svc, visit):
    before = svc.notes.add(visit.id, "Stary tekst")
    with db.read() as s:
        count = s.execute(text("SELECT count(*) FROM search_docs")).scalar_one()
    with pytest.raises(Boom), db.write() as s:
        pk = visit_by_uuid(s, visit.id).id
        s.add(m.Note(visit_id=pk, section="profile", text="Robotyzacja spawalni"))
        s.execute(text("UPDATE notes SET text = 'Nowy tekst o robotach' WHERE uuid = :u"), {"u": before.id})
        s.flush()
        assert s.execute(text("SELECT count(*) FROM search_docs")).scalar_one() == count + 1
        raise Boom
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM search_docs")).scalar_one() == count
        assert s.execute(text("SELECT count(*) FROM search_docs WHERE body LIKE '%robot%'")).scalar_one() == 0
    assert svc.search.search("robotyzacja") == [] and svc.search.search("robotach") == []
    assert ids(svc.search.search("stary")) == [before.id]


def test_writes_of_another_program_are_found_as_typed_then_analysed_by_the_next_write(svc, visit, other):
    note = svc.notes.add(visit.id, "Stary tekst")
    other.execute(text("UPDATE notes SET text = 'Brakuje spawaczy' WHERE uuid = :u"), {"u": note.id})
    other.commit()
    assert ids(svc.search.search("spawaczy")) == [note.id]  # as typed, before analysis
    assert svc.search.search("spawacze") == []
    svc.notes.add(visit.id, "Inna notatka")  # the next write of visitapp analyses what it finds left
    assert ids(svc.search.search("spawacze")) == [note.id]


def _unanalyse(conn) -> int:
    conn.execute(text("UPDATE search_docs SET lemmas = NULL"))
    conn.commit()
    return int(conn.execute(text("SELECT count(*) FROM search_docs")).scalar_one())


def _pending(conn) -> int:
    n = int(conn.execute(text("SELECT count(*) FROM search_docs WHERE lemmas IS NULL")).scalar_one())
    conn.rollback()
    return n


class Stop(Exception):
    pass


def test_an_interrupted_backlog_build_resumes_at_the_next_open(pg_socket, monkeypatch):
    with pg_database(pg_socket) as url:
        db = Database.open(url)
        svc = Services(db, Identity("t"))
        org = svc.organisations.create("Huta Testowa")
        visit = svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC))
        for i in range(20):
            svc.notes.add(visit.id, f"Spawacze numer {i} szukają pracy")
        db.close()
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            total = _unanalyse(conn)
            assert total > 20
            monkeypatch.setattr(pgs, "BACKLOG_BATCH", 7)
            seen: list[tuple[int, int]] = []

            def stop_after_two(done: int, total: int) -> None:
                seen.append((done, total))
                if len(seen) == 2:
                    raise Stop

            with pytest.raises(Stop):
                Database.open(url, progress=stop_after_two)
            assert seen == [(7, total), (14, total)]
            assert _pending(conn) == total - 14  # two batches kept, the rest left for later

            seen.clear()
            db = Database.open(url, progress=lambda d, t: seen.append((d, t)))
            try:
                assert _pending(conn) == 0
                assert seen[-1] == (total - 14, total - 14)
                assert len(Services(db, Identity("t")).search.search("spawacz szukać", limit=100)) == 20
            finally:
                db.close()
        engine.dispose()


def test_the_backlog_skips_rows_a_writer_holds_instead_of_waiting(db, svc, visit, other):
    for i in range(3):
        svc.notes.add(visit.id, f"Spawacze numer {i}")
    total = _unanalyse(other)
    held = other.execute(text("SELECT id FROM search_docs ORDER BY id LIMIT 1 FOR UPDATE")).scalar_one()
    done: list[int] = []
    worker = threading.Thread(target=lambda: done.append(pgs.analyse_backlog(db.backend, db.engine)))
    worker.start()
    worker.join(timeout=30)  # a wait for the held row would last until the rollback below
    assert not worker.is_alive() and done == [total - 1]
    assert other.execute(text("SELECT lemmas FROM search_docs WHERE id = :i"), {"i": held}).scalar() is None
    other.rollback()
    assert _pending(other) == 1


def _plan(db, query: str, *, window: int) -> dict:
    terms = parse_query(query, exact=False)
    built = pgs.build_query(terms)
    assert built is not None
    conditions, params = built
    params.update(limit=50, window=window)
    with db.read() as s:
        raw = s.execute(text("EXPLAIN (ANALYZE, FORMAT JSON) " + pgs.search_sql(conditions)), params).scalar_one()
    return (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]


def _nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def test_a_common_word_ranks_only_the_newest_window_and_a_rare_one_uses_the_gin_index(db):
    with db.write() as s:
        s.execute(text(
            "INSERT INTO search_docs(kind, ref_id, visit_id, body, lemmas) "
            "SELECT 'note', 100000 + g, NULL, 'Firma numer ' || g || :more, 'firma numer ' || g || lower(:more) "
            "FROM generate_series(1, 6000) g"), {"more": " Lorem ipsum dolor sit amet, consectetur adipiscing" * 6})
        s.execute(text("INSERT INTO search_docs(kind, ref_id, visit_id, body, lemmas) "
                       "VALUES ('note', 99999, NULL, 'Jedna spawalnia', 'jeden spawalnia')"))
    with db.write() as s:  # what autovacuum does after many inserts
        s.execute(text("SELECT gin_clean_pending_list('ix_search_docs_body'), "
                       "gin_clean_pending_list('ix_search_docs_lemmas')"))
        s.execute(text("ANALYZE search_docs"))
    common = _plan(db, "firmy", window=200)
    scan = next(n for n in _nodes(common) if n.get("Relation Name") == "search_docs")
    assert scan["Actual Rows"] == 200  # of 6,000 matches, only the newest 200 were read and ranked
    ranked = next(n for n in _nodes(common) if n["Node Type"] == "CTE Scan")
    assert ranked["Actual Rows"] == 200
    rare = _plan(db, "spawalni", window=200)
    used = {n.get("Index Name") for n in _nodes(rare)}
    assert "ix_search_docs_lemmas" in used, json.dumps(rare, indent=1)
    with db.read() as s:  # equal ranks: the newest first
        rows = pgs.search(db.backend, s, parse_query("firmy", exact=False), limit=3, visit_pk=None, window=200,
                          marks=("[", "]"))
    assert [r.ref_id for r in rows] == [106000, 105999, 105998]
    assert rows[0].snippet.startswith("[Firma] numer 6000 Lorem")


def test_finding_the_rows_to_analyse_uses_the_partial_index(db):
    with db.read() as s:
        s.execute(text("SET LOCAL enable_seqscan = off"))  # a near-empty table: see which index it would take
        plan = s.connection().exec_driver_sql("EXPLAIN " + pgs._PENDING.replace("%s", "5")).scalars().all()
    assert any("ix_search_docs_unanalysed" in line for line in plan), plan


def _sample() -> str:
    chars = [chr(c) for first, end in pgs._RANGES for c in range(first, end) if chr(c).isprintable()]
    return " ".join("".join(chars[i:i + 40]) for i in range(0, len(chars), 40)) + " ŁÓDŹ Zażółć"


def test_the_index_folds_as_python_does_in_a_c_locale_database(db):
    sample = _sample()
    with db.read() as s:
        ctype = s.execute(text("SHOW lc_ctype")).scalar_one()
        folded = s.execute(text("SELECT visitapp_fold(:t)"), {"t": sample}).scalar_one()
        lexemes = s.execute(text("SELECT array_to_string(tsvector_to_array(to_tsvector('simple', "
                                 "visitapp_fold('ŁÓDŹ, zażółć; e-mail www.firma.pl'))), ' ')")).scalar_one()
    assert ctype.startswith("C")  # lower() here leaves Ł alone: the table must fold it
    expected = [w for w in WORD.findall(fold(sample))]
    assert re.findall(r"\S+", folded) == expected
    assert sorted(lexemes.split()) == sorted(["lodz", "zazolc", "e", "mail", "www", "firma", "pl"])


def test_a_missing_trigger_or_an_old_definition_is_rebuilt_at_open(pg_socket):
    with pg_database(pg_socket) as url:
        db = Database.open(url)
        svc = Services(db, Identity("t"))
        org = svc.organisations.create("Huta Testowa")
        visit = svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC))
        note = svc.notes.add(visit.id, "Brakuje spawaczy")
        with db.engine.connect() as conn:
            assert not pgs.search_is_stale(db.backend, conn)
        with db.write() as s:
            s.execute(text("DROP TRIGGER trg_search_notes ON notes"))
            s.execute(text("DELETE FROM search_docs"))
        with db.engine.connect() as conn:
            assert pgs.missing_triggers(conn) == ["trg_search_notes"]
            assert pgs.search_is_stale(db.backend, conn)
        db.close()
        db = Database.open(url)
        try:
            svc = Services(db, Identity("t"))
            assert ids(svc.search.search("spawacze")) == [note.id]
            edited = svc.notes.add(visit.id, "Kurs")
            svc.notes.edit(edited.id, text="Kursy spawania")
            assert ids(svc.search.search("kurs")) == [edited.id]
            with db.write() as s:
                s.execute(text("COMMENT ON TABLE search_docs IS 'visitapp search index 1'"))
            with db.engine.connect() as conn:
                assert pgs.search_is_stale(db.backend, conn)
        finally:
            db.close()
        with Database.open(url) as db, db.engine.connect() as conn:
            assert not pgs.search_is_stale(db.backend, conn)


def test_a_read_only_role_opens_and_searches_leaving_the_backlog_to_a_writer(pg_socket, db, svc, visit, other):
    import pg_cluster

    note = svc.notes.add(visit.id, "Brakuje spawaczy")
    total = _unanalyse(other)
    role = "reader_" + uuid.uuid4().hex[:8]
    name = db.backend.url.database
    pg_cluster.admin(pg_socket, f"CREATE ROLE {role} LOGIN", f'GRANT CONNECT ON DATABASE "{name}" TO {role}')
    pg_cluster.admin(pg_socket, f"GRANT USAGE ON SCHEMA public TO {role}",
                     f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", dbname=name)
    try:
        reader = Database.open(pg_cluster.url(pg_socket, name, user=role))
        try:
            hits = Services(reader, Identity("r")).search.search("spawaczy")
            assert [h.ref_id for h in hits] == [note.id]  # found by its typed words meanwhile
        finally:
            reader.close()
        assert _pending(other) == total  # nothing analysed, nothing failed
    finally:
        pg_cluster.admin(pg_socket, f"DROP OWNED BY {role}", dbname=name)
        pg_cluster.admin(pg_socket, f"DROP ROLE {role}")


def test_the_newest_window_is_ranked_whether_matches_are_dense_sparse_or_uneven(db):
    """Exactly the newest ``window`` matches are ranked, however the matches lie among the documents."""
    with db.write() as s:
        # 1..3000: every third says "Spawalnia"; then 1,000 without it, then 100 with it among the newest 400
        s.execute(text(
            "INSERT INTO search_docs(kind, ref_id, visit_id, body, lemmas) "
            "SELECT 'note', g, NULL, CASE WHEN g % 3 = 0 AND g <= 3000 THEN 'Spawalnia' ELSE 'Hala' END, "
            "CASE WHEN g % 3 = 0 AND g <= 3000 THEN 'spawalnia' ELSE 'hala' END "
            "FROM generate_series(1, 4400) g ORDER BY g"))
        s.execute(text("UPDATE search_docs SET body = 'Hala', lemmas = 'hala' WHERE ref_id > 4000 AND ref_id % 4 <> 0"))
        s.execute(text("UPDATE search_docs SET body = 'Spawalnia', lemmas = 'spawalnia' WHERE ref_id > 4000 "
                       "AND ref_id % 4 = 0"))
        matching = s.execute(text("SELECT ref_id FROM search_docs WHERE lemmas LIKE 'spawalnia%' "
                                  "ORDER BY id DESC")).scalars().all()
        halls = s.execute(text("SELECT ref_id FROM search_docs WHERE lemmas LIKE 'hala%' "
                               "ORDER BY id DESC")).scalars().all()

    def found(query: str, window: int) -> set[int]:
        with db.read() as s:
            rows = pgs.search(db.backend, s, parse_query(query, exact=False), limit=10_000, visit_pk=None,
                              window=window, marks=("[", "]"))
        return {r.ref_id for r in rows}

    assert len(matching) == 1100
    # within the newest 400; beyond the gap (the first bound holds too few); far beyond; all of them
    for window in (50, 100, 200, 1000, 5000):
        assert found("spawalnia", window) == set(matching[:window]), window
    assert found("hala", 200) == set(halls[:200])  # dense: the newest 400 documents hold them


def test_every_search_is_planned_for_its_own_words(db, svc, visit):
    """psycopg prepares a statement run five times; a plan made once for any words would walk or scan wrongly."""
    for i in range(3):
        svc.notes.add(visit.id, f"Spawacze numer {i}")
    for query in ["spawacze", "numer", "spawacze numer"] * 12:
        assert svc.search.search(query)
    with db.read() as s:
        plans = s.execute(text("SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                               "WHERE statement LIKE '%WITH h AS MATERIALIZED%'")).all()
    assert plans and all(generic == 0 and custom > 0 for generic, custom in plans), plans


# -- the plan for the newest window: walk, every match, or a range of the newest ids ----------------------------

def _fill(db, rows: str) -> None:
    """Documents 1..n from a ``generate_series(1, n) g`` SELECT of (ref_id, body, lemmas); then ANALYZE."""
    with db.write() as s:
        s.execute(text(f"INSERT INTO search_docs(kind, ref_id, visit_id, body, lemmas) "
                       f"SELECT 'note', ref_id, NULL, body, lemmas FROM ({rows}) r ORDER BY ref_id"))
    with db.write() as s:
        s.execute(text("SELECT gin_clean_pending_list('ix_search_docs_lemmas')"))
        s.execute(text("ANALYZE search_docs"))


def _find(db, query: str, window: int, limit: int = 10_000):
    terms = parse_query(query, exact=False)
    conditions, params = pgq.build_query(terms)
    params.update(limit=limit, window=window)
    with db.read() as s:
        rows, plans = pgq.find(s, terms, conditions, params, window)
        settings = [s.execute(text(f"SHOW {name}")).scalar_one() for name in ("enable_indexscan", "jit")]
    return [r[1] for r in rows], plans, settings


def _stats(matches: float, postings: float | None = None) -> pgq.Stats:
    return pgq.Stats(matches, matches if postings is None else postings, 200_000.0, 1, 200_000)


def test_the_cost_model_walks_for_common_words_reads_every_rare_match_and_a_range_between():
    assert pgq.choose(_stats(180_000), 2000).how == "walk"
    assert pgq.choose(_stats(500), 2000).how == "every"
    middle = pgq.choose(_stats(17_000), 2000)  # one document in 12: the costly middle
    assert middle.how == "range"
    span = 200_000 - middle.low + 1
    assert 2000 * 200_000 / 17_000 < span < 2 * 2000 * 200_000 / 17_000  # the newest ~2,000 matches, a margin
    # two common words, rarely together: GIN reads both whole posting lists, the walk tests 50,000 rows
    assert pgq.choose(_stats(8_000, postings=100_000), 2000).how == "range"
    assert pgq.choose(_stats(17_000), 2000, ranges=False).how in ("walk", "every")


def test_two_common_words_read_a_range_sized_by_their_conjunction():
    """'zespół rozwój' in the benchmark: words in 1 of 7 and 1 of 4 documents, both in 1 of 33.

    Reading every match fetched and ranked 6,700 rows for the newest 2,000;
    the range of the newest ids holding about 2,000 of them costs a third less
    (the two posting lists are read whole either way), and walking the ids
    tests 66,000 rows.  No margin is added to a conjunction's range: the
    product of the shares already understates it.
    """
    stats = pgq.Stats(6_037, 73_367, 210_000, 1, 210_000, terms=2)
    plan = pgq.choose(stats, 2000)
    assert plan.how == "range", plan
    assert 210_000 - plan.low + 1 == pytest.approx(2000 * 210_000 / 6_037, rel=0.01)
    one_word = pgq.choose(pgq.Stats(6_037, 6_037, 210_000, 1, 210_000), 2000)
    assert 210_000 - one_word.low + 1 == pytest.approx(1.3 * 2000 * 210_000 / 6_037, rel=0.01)


def _plain(db, query: str, window: int, limit: int = 10_000) -> list[int]:
    """What the search query finds as the planner alone plans it (no plan chosen, no ranges)."""
    conditions, params = pgq.build_query(parse_query(query, exact=False))
    with db.read() as s:
        rows = s.execute(text(pgq.search_sql(conditions)), {**params, "window": window, "limit": limit}).all()
    return [r[1] for r in rows]


def test_two_common_words_together_read_a_range_and_find_what_the_plain_query_finds(db):
    # 'spawalnia' in 1 of 7 documents, 'magazyn' in 1 of 6, both in 1 of 42; some say 'spawalnia' twice
    _fill(db, "SELECT g AS ref_id, concat_ws(' ', CASE WHEN g % 7 = 0 THEN 'Spawalnia' END, "
              "CASE WHEN g % 7 = 0 AND g % 5 = 0 THEN 'spawalnia' END, 'hala', "
              "CASE WHEN g % 6 = 0 THEN 'magazyn' END) AS body, concat_ws(' ', CASE WHEN g % 7 = 0 THEN 'spawalnia' "
              "END, CASE WHEN g % 7 = 0 AND g % 5 = 0 THEN 'spawalnia' END, 'hala', CASE WHEN g % 6 = 0 "
              "THEN 'magazyn' END) AS lemmas FROM generate_series(1, 8000) g")
    found, plans, settings = _find(db, "spawalnia magazyn", window=100, limit=100)
    assert plans[0].how == "range" and plans[0].low > 3000, plans  # ~4,200 of 8,000 ids, not all 190 matches
    assert set(found) == {g for g in range(8000 - 100 * 42 + 1, 8001) if g % 42 == 0}
    assert found == _plain(db, "spawalnia magazyn", window=100, limit=100)  # ranked alike, ties newest first
    assert found[:3] != sorted(found, reverse=True)[:3]  # ranked, not merely newest first
    assert _find(db, "spawalnia magazyn", window=100, limit=7)[0] == found[:7]
    assert settings == ["on", "off"]
    # a word no document holds: the statement finds nothing and still sets the plan's settings back
    found, plans, settings = _find(db, "magazyn kotłownia", window=20)
    assert found == [] and plans and settings == ["on", "off"]


def test_a_middle_frequency_word_reads_only_a_range_of_the_newest_ids(db):
    # one document in ten says "Spawalnia"; every seventh of those twice (ranked higher)
    _fill(db, "SELECT g AS ref_id, CASE WHEN g % 70 = 0 THEN 'Spawalnia spawalnia' WHEN g % 10 = 0 "
              "THEN 'Spawalnia hala' ELSE 'Hala magazyn' END AS body, CASE WHEN g % 70 = 0 THEN 'spawalnia spawalnia' "
              "WHEN g % 10 = 0 THEN 'spawalnia hala' ELSE 'hala magazyn' END AS lemmas FROM generate_series(1, 8000) g")
    found, plans, settings = _find(db, "spawalni", window=100, limit=16)
    assert [p.how for p in plans] == ["range"] and plans[0].low > 6000  # ~1,300 of 8,000 ids read
    newest = list(range(8000, 0, -10))[:100]
    assert found == ([g for g in newest if g % 70 == 0] + [g for g in newest if g % 70])[:16]  # 14 twice, 2 once
    assert settings == ["on", "off"]  # the plan's own settings undone; JIT stays off for the transaction


def test_a_range_with_too_few_matches_is_followed_by_the_ids_below_it_and_ranks_exactly(db):
    # dense among the older 6,000 (one in five), sparse among the newest 2,000 (one in a hundred)
    _fill(db, "SELECT g AS ref_id, CASE WHEN g % 35 = 0 THEN 'Spawalnia spawalnia' WHEN (g <= 6000 AND g % 5 = 0) "
              "OR g % 100 = 0 THEN 'Spawalnia hala' ELSE 'Hala magazyn' END AS body, "
              "CASE WHEN g % 35 = 0 THEN 'spawalnia spawalnia' WHEN (g <= 6000 AND g % 5 = 0) OR g % 100 = 0 "
              "THEN 'spawalnia hala' ELSE 'hala magazyn' END AS lemmas FROM generate_series(1, 8000) g")
    matching = [g for g in range(8000, 0, -1) if g % 35 == 0 or (g <= 6000 and g % 5 == 0) or g % 100 == 0]
    for window in (200, 400):
        found, plans, _settings = _find(db, "spawalnia", window=window, limit=15)
        assert plans[0].how == "range" and len(plans) >= 2, plans  # the first range held too few
        newest = matching[:window]
        assert found == ([g for g in newest if g % 35 == 0] + [g for g in newest if g % 35])[:15], window


def test_the_estimate_counts_a_word_once_however_many_readings_it_has(db):
    """'dane' reads as dane, dany, dana, dać: found together in the same documents, they count once, not four times."""
    _fill(db, "SELECT g AS ref_id, CASE WHEN g % 10 = 0 THEN 'Dane hala' ELSE 'Hala magazyn' END AS body, "
              "CASE WHEN g % 10 = 0 THEN 'dane dany dana dac hala' ELSE 'hala magazyn' END AS lemmas "
              "FROM generate_series(1, 8000) g")
    terms = parse_query("dane", exact=False)
    assert len(terms[0].lemmas) > 1
    conditions, params = pgq.build_query(terms)
    with db.read() as s:
        stats = pgq.estimate(s, terms, conditions, params)
        exact = s.execute(text("SELECT count(*) FROM search_docs d WHERE " + " AND ".join(conditions)),
                          params).scalar_one()
    assert exact == 800 and stats is not None
    assert 600 < stats.matches < 1000 and stats.docs == 8000
