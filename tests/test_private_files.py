"""Every file visitapp creates is private (mode 0600 on POSIX) whatever the umask (issue 12)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from visitapp.db import Database
from visitapp.services import Identity, Services

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_its_wal_and_shm_and_backups_are_private(tmp_path, umask_022):
    path = tmp_path / "new.db"
    db = Database.open(path)
    try:
        svc = Services(db, Identity("Ewa"))
        org = svc.organisations.create("Comarch S.A.")
        import datetime as dt

        visit = svc.visits.create(org.id, dt.datetime(2026, 5, 5, 9, tzinfo=dt.UTC))
        svc.notes.add(visit.id, "Notatka, która trafia do WAL.")
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
        backup = db.backup(tmp_path / "backups" / "copy.db")
        assert _mode(backup) == 0o600
    finally:
        db.close()


def test_exports_keys_reports_and_csvs_are_private(tmp_path, umask_022, demo, db):
    from visitapp.minutes.output import write_atomic
    from visitapp.registry.reports import build_report
    from visitapp.signing.keys import keygen

    out = tmp_path / "minutes.pdf"
    write_atomic(out, b"%PDF-1.7 test")
    assert _mode(out) == 0o600
    p12, pem, _cert = keygen("Ewa Kowalczyk", "UMK", tmp_path / "ewa.p12", "hasło")
    assert (_mode(p12), _mode(pem)) == (0o600, 0o600)
    csv_dir = tmp_path / "csv"
    build_report(db, tmp_path / "report.pdf", csv_dir=csv_dir)
    written = [tmp_path / "report.pdf", *sorted(csv_dir.glob("*.csv"))]
    assert len(written) > 1
    assert {p.name: _mode(p) for p in written} == {p.name: 0o600 for p in written}
