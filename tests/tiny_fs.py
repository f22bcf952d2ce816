"""A tiny real file system for disk-full tests: a tmpfs of a given size mounted on a folder (root, as in CI).

Where the kernel refuses the mount (no root, no CAP_SYS_ADMIN) the test skips with the kernel's reason.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def tiny_fs(folder: Path, size: str) -> Iterator[Path]:
    """Mount a ``size`` tmpfs (``2m``, ``512k``) on the new folder ``folder``; unmount it at the end."""
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
                          capture_output=True, text=True, timeout=30, check=False)
    if done.returncode != 0:
        pytest.skip(f"a {size} tmpfs cannot be mounted here: {done.stderr.strip() or done.returncode}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30, check=True)
