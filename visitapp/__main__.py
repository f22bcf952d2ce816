import sys

if __name__ == "__main__":  # a spawned worker (see registry.merge) imports this module too
    if getattr(sys, "frozen", False):  # only a frozen app needs it; multiprocessing costs --version a third
        import multiprocessing

        multiprocessing.freeze_support()
    from visitapp.cli import main

    raise SystemExit(main())
