"""Erasing a person from a registry on PostgreSQL leaves no byte of the name in the tables' files (issue 12).

The real throwaway cluster (tests/pg_cluster.py): the test runs as root, so after a CHECKPOINT (every
changed page written to its file) it reads the files of every relation of the registry's schema (tables,
their TOAST, every index; ``pg_relation_filepath``) and of ``pg_statistic`` straight from the data
directory.  The name is found there before the erasure (the scan is real) and nowhere after.
"""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
from sqlalchemy import make_url, text

from tests.registry_helpers import ANNA, Official, keys, sign_record
from tests.test_persons import NAME, NEEDLES
from visitapp.db import Database
from visitapp.registry.merge import Merger
from visitapp.registry.persons import erase_person, list_people


def _relation_files(sock: Path, dbname: str) -> dict[str, Path]:
    """Every file of the registry's relations (main fork and segments) and of pg_statistic, by name."""
    import psycopg

    with psycopg.connect(host=str(sock), user="postgres", dbname=dbname, autocommit=True) as conn:
        conn.execute("CHECKPOINT")  # dirty pages of shared buffers reach the files
        data = Path(conn.execute("SHOW data_directory").fetchone()[0])
        rows = conn.execute(
            "SELECT c.relname, pg_relation_filepath(c.oid) FROM pg_class c "
            "WHERE pg_relation_filepath(c.oid) IS NOT NULL AND ("
            "  c.relnamespace = 'public'::regnamespace"
            "  OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace)"
            "  OR c.oid IN (SELECT i.indexrelid FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
            "               WHERE t.relnamespace = 'public'::regnamespace"
            "                  OR t.oid IN (SELECT reltoastrelid FROM pg_class"
            "                               WHERE relnamespace = 'public'::regnamespace))"
            "  OR c.oid = 'pg_catalog.pg_statistic'::regclass)").fetchall()
    files = {}
    for name, rel in rows:
        for part in sorted(glob.glob(str(data / rel) + "*")):
            files[f"{name}:{Path(part).name}"] = Path(part)
    assert any(k.startswith("people:") for k in files) and any(k.startswith("search_docs:") for k in files), files
    return files


def _traces(sock: Path, dbname: str) -> list[str]:
    found = []
    for label, path in _relation_files(sock, dbname).items():
        data = path.read_bytes().lower()
        found.extend(f"{label}: {needle!r}" for needle in NEEDLES if needle.lower() in data)
    return found


def test_erase_on_postgresql_leaves_no_byte_of_the_name_in_the_relation_files(tmp_path, pg_url, pg_socket):
    official = Official(tmp_path / "anna.db", ANNA)
    official.note("Rozmawialiśmy z Pawłem Łukasikiem o stażach dla uczniów technikum.")
    official.note("Łukasika interesuje certyfikacja spawaczy.", section="certification")
    p12, pem = keys(tmp_path, "anna", ANNA)
    pdf = sign_record(official.finalise(), tmp_path / "v1.pdf", p12)
    dbname = make_url(pg_url).database
    db = Database.open(pg_url)
    try:
        assert [r.status for r in Merger(db, [pem]).merge_all([pdf])] == ["accepted"]
        with db.write() as s:  # the planner's statistics, as autovacuum would gather them
            s.execute(text("ANALYZE"))
        before = _traces(pg_socket, dbname)
        assert any(t.startswith("people:") for t in before), "the scan must see the name before the erasure"
        assert any(t.startswith("pg_statistic:") for t in before), before  # the statistics hold names too
        person = next(p for p in list_people(db) if p.name == NAME)
        result = erase_person(db, person.id, redact_mentions=True)
        assert result.not_vacuumed == []  # the registry's owner may vacuum every table
        assert [f["file"] for f in result.files] == [str(pdf)]
        assert _traces(pg_socket, dbname) == []
        assert all(p.name != NAME for p in list_people(db))  # and the registry still works after the rewrite
    finally:
        db.close()


@pytest.fixture
def reader_role(pg_socket, pg_url):
    """A role that may change the registry's rows but owns none of its tables (as a shared registry may be set up)."""
    import pg_cluster

    dbname = make_url(pg_url).database
    role = f"clerk_{dbname[2:10]}"
    pg_cluster.admin(pg_socket, f"CREATE ROLE {role} LOGIN")
    yield role, pg_cluster.url(pg_socket, dbname, user=role)
    pg_cluster.admin(pg_socket, f'REASSIGN OWNED BY {role} TO postgres', dbname=dbname)
    pg_cluster.admin(pg_socket, f'DROP OWNED BY {role}', dbname=dbname)
    pg_cluster.admin(pg_socket, f"DROP ROLE {role}")


def test_a_role_that_owns_no_table_is_told_which_tables_keep_old_rows(tmp_path, pg_url, pg_socket, reader_role):
    """VACUUM FULL by a role that owns no table would be skipped with a mere warning: the tables are named instead.

    (An erasure itself needs the owner's rights on PostgreSQL, for the search index; a retention run by a
    writer role may come here.)
    """
    import pg_cluster

    from visitapp.registry.persons import scrub_files

    role, role_url = reader_role
    dbname = make_url(pg_url).database
    Database.open(pg_url).close()  # the schema, owned by postgres
    pg_cluster.admin(pg_socket, f"GRANT USAGE ON SCHEMA public TO {role}",
                     f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}", dbname=dbname)
    db = Database.open(role_url)
    try:
        assert scrub_files(db, {"people"}) == ["people", "search_docs"]
    finally:
        db.close()
    owner = Database.open(pg_url)
    try:
        assert scrub_files(owner, {"people"}) == []
    finally:
        owner.close()


def test_erase_by_a_role_that_may_not_vacuum_names_the_tables_left_for_the_servers_owner(
        tmp_path, pg_url, pg_socket, capsys):
    """A coordinator's role that may write the registry but owns only the search index's tables: the erasure is
    done, but VACUUM FULL of the admin's tables is not theirs to run, so the CLI names the tables still holding old
    rows and who must vacuum them."""
    import uuid

    import pg_cluster

    from visitapp.cli import main
    from visitapp.db.engines.postgresql_search import TRIGGERS

    official = Official(tmp_path / "anna.db", ANNA)
    official.note("Rozmawialiśmy z Pawłem Łukasikiem o stażach dla uczniów technikum.")
    p12, pem = keys(tmp_path, "anna", ANNA)
    # the file's name names him too: merged_files keeps it, a table without a search trigger the role need not own
    pdf = sign_record(official.finalise(), tmp_path / "wizyta-Paweł-Łukasik.pdf", p12)
    dbname = make_url(pg_url).database
    db = Database.open(pg_url)  # the tables are created and owned by the superuser
    try:
        assert [r.status for r in Merger(db, [pem]).merge_all([pdf])] == ["accepted"]
        person = next(p for p in list_people(db) if p.name == NAME)
    finally:
        db.close()
    role = "clerk_" + uuid.uuid4().hex[:12]
    search_tables = {"search_docs", *TRIGGERS.values()}
    pg_cluster.admin(pg_socket, f'CREATE ROLE "{role}" LOGIN')
    try:
        pg_cluster.admin(pg_socket, f'GRANT USAGE, CREATE ON SCHEMA public TO "{role}"',
                         f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"',
                         f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
                         # the erasure rebuilds the search index (its table, functions and triggers), which
                         # PostgreSQL lets their owner only: the role owns those; every other table stays the admin's
                         "DO $$ DECLARE r record; BEGIN "
                         f"FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.pronamespace = "
                         f"'public'::regnamespace LOOP EXECUTE format('ALTER FUNCTION %s OWNER TO \"{role}\"', r.f); "
                         "END LOOP; END $$",
                         *(f'ALTER TABLE {table} OWNER TO "{role}"' for table in sorted(search_tables)), dbname=dbname)
        clerk_url = pg_cluster.url(pg_socket, dbname, user=role)
        assert main(["person", "erase", "--db", clerk_url, "--person", person.id, "--yes",
                     "--redact-mentions"]) == 0
        out = capsys.readouterr().out
        assert "Erased: the person is now " in out
        assert "ask the owner of the database server to run VACUUM FULL on them: " in out, out
        named = out.rsplit("VACUUM FULL on them: ", 1)[1].strip().split(", ")
        assert "merged_files" in named, named  # the file's name was redacted there: its old row stays
        assert not set(named) & search_tables, named  # the role vacuumed its own tables itself
        db = Database.open(pg_url)
        try:
            assert all(p.name != NAME for p in list_people(db))  # the erasure itself was done
        finally:
            db.close()
    finally:
        pg_cluster.admin(pg_socket, f'REASSIGN OWNED BY "{role}" TO {pg_cluster.SUPERUSER}',
                         f'DROP OWNED BY "{role}"', dbname=dbname)
        pg_cluster.admin(pg_socket, f'DROP ROLE "{role}"')
