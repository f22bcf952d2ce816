import multiprocessing

from visitapp.cli import main

if __name__ == "__main__":  # a spawned worker (see registry.merge) imports this module too
    multiprocessing.freeze_support()
    raise SystemExit(main())
