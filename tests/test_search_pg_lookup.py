"""The search's look-up of its hits' records on PostgreSQL (issue 14: search p95 under 50 ms), on a real cluster."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.search_engines import opened


@pytest.fixture
def db(request, db_path):
    with opened(request, "postgresql", db_path) as database:
        yield database


def test_the_hits_records_are_looked_up_by_their_keys_not_by_reading_whole_tables(db):
    """A search's hits name their rows by key; turning them into uuids reads those rows through the keys'
    indexes. As ``IN (SELECT … json_array_elements_text(…))`` the planner expected a hundred ids and read
    the whole visits table (13 ms at 10,000 visits, a quarter of a two-word search)."""
    from psycopg.types.json import Json

    from visitapp.services.search import _lookup_statement

    with db.write() as s:
        s.execute(text("INSERT INTO organisations(uuid, name, name_key, sector, address, website, created_at, "
                       "updated_at) SELECT gen_random_uuid()::text, 'Firma ' || g, 'firma ' || g, '', '', '', now(), "
                       "now() FROM generate_series(1, 300) g"))
        s.execute(text("INSERT INTO visits(uuid, organisation_id, title, starts_at, place, status, language, "
                       "template_key, template_version, agenda, created_at, updated_at) "
                       "SELECT gen_random_uuid()::text, (SELECT min(id) FROM organisations) + g % 300, 'Wizyta ' || g, "
                       "now(), '', 'planned', 'pl', "
                       "'reference-visit', 1, '[]', now(), now() FROM generate_series(1, 5000) g"))
        s.execute(text("ANALYZE organisations"))
        s.execute(text("ANALYZE visits"))
    with db.read() as s:
        conn = s.connection()
        compiled = _lookup_statement(db.backend).compile(dialect=conn.dialect)
        visit_ids = list(conn.execute(text("SELECT id FROM visits ORDER BY id LIMIT 12")).scalars())
        params = {name: Json(visit_ids if name == "visit" else []) for name in compiled.params}
        plan = "\n".join(conn.exec_driver_sql("EXPLAIN " + compiled.string, params).scalars())
    assert "Seq Scan on visits" not in plan, plan
    assert "pk_visits" in plan, plan
