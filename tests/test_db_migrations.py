"""Schema migrations: every released revision upgrades in place with its data intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from visitapp.db import Database, database, fts
from visitapp.db.models import Base
from visitapp.services import Identity, Services

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("visitapp-*.db"))


def test_there_is_a_fixture_for_every_revision():
    revisions = {rev.revision for rev in ScriptDirectory.from_config(database.alembic_config()).walk_revisions()}
    have = {path.stem.removeprefix("visitapp-") for path in FIXTURES}
    # The newest revision needs no fixture until it is released; every older one does.
    assert revisions - {database.head_revision()} <= have, "keep a database of each released revision"
    assert "0001" in have


def test_the_revision_chain_is_linear():
    script = ScriptDirectory.from_config(database.alembic_config())
    assert len(script.get_heads()) == 1
    for rev in script.walk_revisions():
        assert not isinstance(rev.down_revision, tuple | list), f"{rev.revision} merges branches"


def test_models_and_migrations_agree(db):
    """A model change without a migration fails here."""
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_name": lambda name, type_, parents: not (
                type_ == "table" and name and name.startswith(("search_docs", "search_fts")))}
        )
        diffs = compare_metadata(ctx, Base.metadata)
    assert diffs == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_old_database_upgrades_in_place_with_its_data(fixture, tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    old_rev = fixture.stem.removeprefix("visitapp-")
    with sqlite3.connect(path) as conn:
        visits_before = conn.execute("SELECT uuid, title FROM visits ORDER BY uuid").fetchall()
        notes_before = conn.execute("SELECT uuid, text FROM notes ORDER BY uuid").fetchall()
    conn.close()

    db = Database.open(path, backup_dir=tmp_path / "backups")
    try:
        with db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == database.head_revision()
            assert s.execute(text("SELECT uuid, title FROM visits ORDER BY uuid")).all() == visits_before
            assert s.execute(text("SELECT uuid, text FROM notes ORDER BY uuid")).all() == notes_before
            assert fts.missing_triggers(s.connection()) == []
        svc = Services(db, Identity("t"))
        hits = svc.search.search("lodz zazolc")
        assert [h.kind for h in hits] == ["note"]
        assert "Łódź" in hits[0].snippet
        # The index still follows edits after the upgrade.
        svc.notes.edit(hits[0].ref_id, text="Kraków, po migracji")
        assert svc.search.search("lodz") == []
        assert len(svc.search.search("krakow migracji")) == 1
    finally:
        db.close()
    if old_rev != database.head_revision():
        backups = list((tmp_path / "backups").glob("*.db"))
        assert len(backups) == 1, "the file is copied before it is migrated"
        with sqlite3.connect(backups[0]) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (old_rev,)


def test_lost_triggers_are_recreated_and_the_index_rebuilt(db_path):
    """A batch migration recreates a table and drops its triggers; opening repairs that."""
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    import datetime as dt

    org = svc.organisations.create("Hitachi Energy")
    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC))
    note = svc.notes.add(visit.id, "spawacze TIG")
    with db.write() as s:
        s.execute(text("DROP TRIGGER trg_notes_au"))
    svc.notes.edit(note.id, text="elektrycy SEP")  # not indexed: the trigger is gone
    db.close()

    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    assert [h.ref_id for h in svc.search.search("elektrycy")] == [note.id]
    assert svc.search.search("spawacze") == []
    db.close()


def test_changed_trigger_definitions_are_applied_at_open(db_path):
    db = Database.open(db_path)
    with db.write() as s:
        s.execute(text("PRAGMA user_version = 1"))
    db.close()
    db = Database.open(db_path)
    with db.read() as s:
        assert fts.stored_ddl_version(s.connection()) == fts.ddl_version()
    db.close()
