"""Merge signed PDFs into a registry, pausing inside each file's transaction (for the killed-merge test).

Usage: python tests/merge_pause_driver.py REGISTRY SECONDS FILE...

Before committing each file it says so on stderr and sleeps SECONDS, so a
test can kill this real process in the middle of a transaction.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from visitapp.db import Database
from visitapp.db.engines import as_target
from visitapp.registry.merge import Merger, Source


def main(argv: list[str]) -> int:
    registry, seconds, *files = argv
    db = Database.open(as_target(registry))  # a file, or a database URL

    def pause(source: Source) -> None:
        sys.stderr.write(f"merge: paused inside the transaction of {source.file_name}\n")
        sys.stderr.flush()
        time.sleep(float(seconds))

    try:
        results = Merger(db, before_commit=pause).merge_all([Path(f) for f in files])
    finally:
        db.close()
    for r in results:
        print(r.status, r.file, r.reason)
    return 0 if all(r.status != "rejected" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
