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
    from visitapp.ui.app import run  # Qt is imported only here

    return run(args.db, args.visit)
