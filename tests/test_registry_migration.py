"""The registry's schema revision 0002 upgrades a real 0001 database in place."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text

from visitapp.db import Database
from visitapp.services import Identity, Services

FIXTURE = Path(__file__).parent / "fixtures" / "visitapp-0001.db"


def test_0001_database_upgrades_to_the_registry_schema(tmp_path):
    path = tmp_path / "registry.db"
    shutil.copy(FIXTURE, path)
    with sqlite3.connect(path) as conn:
        notes_before = conn.execute("SELECT uuid, text, author FROM notes ORDER BY uuid").fetchall()
        visits_before = conn.execute("SELECT uuid, title, place FROM visits ORDER BY uuid").fetchall()
    conn.close()
    assert notes_before and visits_before

    db = Database.open(path)
    try:
        backups = list(tmp_path.glob("registry.before-upgrade-0001-*.db"))
        assert len(backups) == 1
        with db.read() as s:
            from visitapp.db.database import head_revision

            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            tables = set(inspect(s.connection()).get_table_names())
            assert {"trusted_certificates", "merged_files", "provenance", "disagreements"} <= tables
            assert s.execute(text("SELECT uuid, text, author FROM notes ORDER BY uuid")).all() == notes_before
            assert s.execute(text("SELECT uuid, title, place FROM visits ORDER BY uuid")).all() == visits_before
        svc = Services(db, Identity("Koordynatorka"))
        hits = svc.search.search("gęślą")
        assert any("Zażółć" in h.snippet for h in hits)
        # The new tables work: trust a certificate, log a merge.
        from visitapp.registry.trust import TrustStore

        assert TrustStore(db).list() == []
    finally:
        db.close()
    # The backup is the untouched 0001 file.
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()
