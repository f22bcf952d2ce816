"""``visitapp gui``: the official's desktop window (the default command)."""

from __future__ import annotations

import argparse

from visitapp.cli.common import add_db_option
from visitapp.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help=_("open the desktop window (the default)"))
    add_db_option(p)
    p.add_argument("--visit", metavar="ID", help=_("open this visit, ready to take notes"))
    p.set_defaults(handler=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from visitapp.db.engines.sqlcipher import DbKey

    key: DbKey | None = None
    if args.db_pass_env:
        # Read before any window: an unset variable is one sentence on the terminal, not a dialog.
        from visitapp.signing.secrets import read_secret

        key = DbKey(passphrase=read_secret(args.db_pass_env, ""))
    from visitapp.ui.app import run  # Qt is imported only here
    from visitapp.ui.protect_dialog import set_start_key

    # --db-pass-env opens the database the window starts on (a new one is created encrypted), asking nothing.
    set_start_key(key)
    return run(args.db, args.visit)
