"""The frozen app's entry point: ``visitapp`` runs a command, ``visitapp-gui`` always opens the window."""

import multiprocessing
import sys
from pathlib import Path

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a merge worker spawned from the frozen executable stops here
    from visitapp.cli import main

    argv = sys.argv[1:]
    if Path(sys.executable).stem.lower().endswith("-gui") and argv[:1] != ["gui"]:
        argv = ["gui", *argv]
    raise SystemExit(main(argv))
