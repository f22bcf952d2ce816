"""Report outputs are written all or nothing, and a file another program holds says so (Windows: Excel)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from visitapp.db import Database
from visitapp.errors import InvalidInput
from visitapp.registry.reports import write_csv

NAMES = ("visits.csv", "notes.csv", "actions.csv")


@pytest.fixture
def registry(registry_target):
    db = Database.open(registry_target)
    yield db
    db.close()


def old_outputs(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    for name in NAMES:
        (folder / name).write_bytes(f"old {name}\n".encode())
    return {name: (folder / name).read_bytes() for name in NAMES}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in NAMES)


def test_all_written_in_place_and_nothing_left_beside(registry, tmp_path):
    folder = tmp_path / "csv"
    old = old_outputs(folder)
    written = write_csv(registry, folder)
    assert sorted(p.name for p in written) == sorted(NAMES)
    for name in NAMES:
        assert (folder / name).read_bytes() != old[name]
        assert (folder / name).read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for Excel
        if sys.platform != "win32":  # POSIX modes: owner only
            assert (folder / name).stat().st_mode & 0o777 == 0o600
    assert leftovers(folder) == []


def test_one_output_that_cannot_be_replaced_leaves_every_old_one(registry, tmp_path):
    """notes.csv is a folder here: before, visits.csv was already new when notes.csv failed."""
    folder = tmp_path / "csv"
    old = old_outputs(folder)
    (folder / "notes.csv").unlink()
    (folder / "notes.csv").mkdir()
    (folder / "notes.csv" / "keep.txt").write_text("x")
    with pytest.raises(InvalidInput) as refused:
        write_csv(registry, folder)
    assert "notes.csv" in str(refused.value)
    assert (folder / "visits.csv").read_bytes() == old["visits.csv"]
    assert (folder / "actions.csv").read_bytes() == old["actions.csv"]
    assert leftovers(folder) == []


@pytest.fixture
def held(tmp_path):
    """A file that cannot be renamed or replaced, as Windows treats a CSV open in Excel: chattr +i (root, ext4)."""
    chattr = shutil.which("chattr")
    if sys.platform != "linux" or chattr is None or os.geteuid() != 0:
        pytest.skip("needs root and chattr to make a file that cannot be replaced")
    made: list[Path] = []

    def hold(path: Path) -> None:
        if subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("this file system has no immutable attribute")
        made.append(path)

    yield hold
    for path in made:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_a_file_open_in_another_program_changes_nothing_and_says_close_it(registry, tmp_path, held):
    folder = tmp_path / "csv"
    old = old_outputs(folder)
    held(folder / "actions.csv")  # the last one written: before, the other two were already replaced
    with pytest.raises(InvalidInput) as refused:
        write_csv(registry, folder)
    message = str(refused.value)
    assert "actions.csv" in message and "Close the file in the other program" in message
    assert "\n" not in message
    for name in NAMES:
        assert (folder / name).read_bytes() == old[name]
    assert leftovers(folder) == []
