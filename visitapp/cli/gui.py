"""``visitapp gui``: the official's desktop window (the default command)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from visitapp.cli.common import add_db_option, as_target
from visitapp.i18n import _

if TYPE_CHECKING:
    from visitapp.db.engines.sqlcipher import DbKey


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help=_("open the desktop window (the default)"))
    add_db_option(p, creates=True)
    for action in p._actions:  # a file's path is read without the database layer: the window comes first
        if action.dest == "db":
            action.type = _db_target
    p.add_argument("--visit", metavar="ID", help=_("open this visit, ready to take notes"))
    p.set_defaults(handler=cmd_gui)


def _db_target(text: str) -> Path | str:
    """``--db`` of the window: a path at once; a database URL checked as every command checks it (SQLAlchemy)."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]+://", text):  # visitapp.db.engines.is_url, without importing it
        return as_target(text)
    return Path(text).expanduser()


def cmd_gui(args: argparse.Namespace) -> int:
    key: DbKey | None = None
    if args.db_pass_env:
        # Read before any window: an unset variable is one sentence on the terminal, not a dialog.
        from visitapp.db.engines.sqlcipher import DbKey  # (SQLAlchemy: only then, not before the window)
        from visitapp.signing.secrets import read_secret

        key = DbKey(passphrase=read_secret(args.db_pass_env, ""))
    from visitapp.ui.app import run  # Qt is imported only here

    if key is not None or "visitapp.ui.protect_dialog" in sys.modules:  # (it imports SQLAlchemy: not before
        from visitapp.ui.protect_dialog import set_start_key  # the window unless needed; fast start)

        # --db-pass-env opens the database the window starts on (a new one is created encrypted), asking nothing.
        set_start_key(key)
    return run(args.db, args.visit, db_setup=getattr(args, "db_setup", None))  # run on the DB worker
