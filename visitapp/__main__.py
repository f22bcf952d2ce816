import sys

if __name__ == "__main__":  # a spawned worker (see registry.merge) imports this module too
    if sys.argv[1:] == ["--version"]:  # the version is a constant: nothing else imported (issue 10, fast start)
        from visitapp import __version__

        sys.stdout.write(f"visitapp {__version__}\n")
        raise SystemExit(0)
    if getattr(sys, "frozen", False):  # only a frozen app needs it; multiprocessing costs --version a third
        import multiprocessing

        multiprocessing.freeze_support()
    from visitapp.cli import main

    raise SystemExit(main())
