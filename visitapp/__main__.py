from visitapp.cli import main

raise SystemExit(main())
