"""WAL on a network share or a synced folder (issue 10): detected from the mount table, then a rollback journal.

SQLite's write-ahead log keeps its index in shared memory that only one host's processes see; on NFS,
SMB or a FUSE sync client (OneDrive) it can corrupt the file. The detection reads a mount table; a real
database opened where it must fall back runs with journal_mode=DELETE and says so once.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from visitapp.db import Database
from visitapp.db.engines import sqlite as engine
from visitapp.db.engines.sqlite import SQLiteBackend, shared_file_system
from visitapp.services import Identity, Services

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
fileserver:/export/wizyty /mnt/nfs nfs4 rw,relatime,vers=4.2 0 0
//urzad/wspolne /mnt/urzad cifs rw,relatime,vers=3.1.1 0 0
//urzad/dzial /mnt/dzial smb3 rw,relatime 0 0
onedriver /home/ola/OneDrive fuse.onedriver rw,nosuid,nodev,user_id=1000 0 0
/dev/sdb1 /media/ola/Moj\\040dysk fuseblk rw,nosuid,nodev 0 0
rclone: /home/ola/Dysk\\040Google fuse.rclone rw,nosuid 0 0
/dev/sdc1 /mnt/nfs/local-cache ext4 rw 0 0
"""


def sqlite_backend(db: Database) -> SQLiteBackend:
    assert isinstance(db.backend, SQLiteBackend)
    return db.backend


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/ola/visitapp.db", None),
    ("/tmp/x/visitapp.db", None),
    ("/mnt/nfs/visitapp.db", "nfs4"),
    ("/mnt/nfs/deep/er/visitapp.db", "nfs4"),
    ("/mnt/nfs-other/visitapp.db", None),  # a mount point is a whole path element, not a prefix of letters
    ("/mnt/nfs/local-cache/visitapp.db", None),  # a local disk mounted inside the share: its own mount decides
    ("/mnt/urzad/Wizyty/visitapp.db", "cifs"),
    ("/mnt/dzial/visitapp.db", "smb3"),
    ("/home/ola/OneDrive/Dokumenty/visitapp.db", "fuse.onedriver"),
    ("/home/ola/Dysk Google/visitapp.db", "fuse.rclone"),  # \\040 in the table is a space
    ("/media/ola/Moj dysk/visitapp.db", None),  # fuseblk: ntfs-3g on a local disk
])
def test_the_mount_table_says_where_wal_is_unsafe(path: str, expected: str | None) -> None:
    assert shared_file_system(Path(path), MOUNTS) == expected


def test_this_machine_temporary_folder_keeps_wal(tmp_path: Path) -> None:
    mounts = Path("/proc/mounts").read_text(encoding="utf-8") if Path("/proc/mounts").exists() else ""
    if shared_file_system(tmp_path, mounts) is not None:
        pytest.skip("the test folder itself is on a network or FUSE file system")
    with Database.open(tmp_path / "local.db") as db:
        assert sqlite_backend(db).journal_warning is None
    conn = sqlite3.connect(tmp_path / "local.db")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def test_a_database_on_a_share_opens_with_a_rollback_journal_and_says_so_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    share = tmp_path / "OneDrive"
    share.mkdir()
    table = f"/dev/vda / ext4 rw 0 0\nonedriver {share} fuse.onedriver rw 0 0\n"
    # The mount table is the only thing made up: the file system under tmp_path is local, the open is real.
    monkeypatch.setattr(SQLiteBackend, "wal_unsafe", lambda self: shared_file_system(self.path, table))
    path = share / "visitapp.db"
    with caplog.at_level(logging.WARNING, logger="visitapp.db"):
        for _ in range(2):
            with Database.open(path) as db:
                warning = sqlite_backend(db).journal_warning
                with db.engine.connect() as conn:
                    assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
                svc = Services(db, Identity("Tester"))
                svc.series.create("Wizyty 2026")  # a real write through the journal
    assert warning is not None and str(path) in warning and "fuse.onedriver" in warning
    assert [r.getMessage() for r in caplog.records if r.name == "visitapp.db"] == [warning]  # logged once
    assert not (share / "visitapp.db-wal").exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("SELECT name FROM series").fetchall() == [("Wizyty 2026",), ("Wizyty 2026",)]
    conn.close()


def test_a_file_that_was_in_wal_mode_is_switched_when_it_moved_to_a_share(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "moved.db"
    Database.open(path).close()  # made on a local disk: WAL
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    monkeypatch.setattr(engine.SQLiteBackend, "wal_unsafe", lambda self: "nfs4")
    with Database.open(path) as db:
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert "nfs4" in str(sqlite_backend(db).journal_warning)
