"""The ``visitapp`` command: a thin layer over the services.

Each area registers its subcommands from its own module (``register(sub)``),
listed in :data:`COMMAND_MODULES`.  Exit status: 0 success, 1 a failure the
user can fix (one sentence on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from visitapp import __version__
from visitapp.errors import UserError
from visitapp.i18n import _

COMMAND_MODULES = [
    "visitapp.cli.core",
    "visitapp.cli.visit_cmd",
    "visitapp.cli.gui",
    "visitapp.cli.minutes",
    "visitapp.cli.coordinator",
    "visitapp.cli.dbcmd",
    "visitapp.cli.persons",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors: exit 2, no traceback
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from visitapp.cli.argparse_i18n import install

    install()  # argparse's "usage:", "options:", its errors in the user's language
    parser = _Parser(
        prog="visitapp",
        description=_("Notes from reference visits to companies, signed minutes and a registry of the series."),
    )
    parser.add_argument("--version", action="version", version=f"visitapp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from visitapp.cli.streams import make_safe

    make_safe()  # a cp1250 console or a windowed executable's missing streams never crash the output
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `visitapp` alone opens the desktop window
        args = parser.parse_args(["gui"])
    try:
        from visitapp.cli.common import install_db_key_source

        install_db_key_source(args)  # --db-pass-env, the keyring, a prompt: for every database opened
        from visitapp.cli.common import install_index_progress

        install_index_progress()  # an upgrade's search index build shows its progress on a terminal
        return int(args.handler(args) or EXIT_OK)
    except UserError as err:  # may name a file or a signer: escaped for the terminal
        from visitapp.cli.common import safe_lines

        sys.stderr.write(f"visitapp: {safe_lines(err, '')}\n")
        return EXIT_FAILED
    except KeyboardInterrupt:
        sys.stderr.write(_("visitapp: interrupted.") + "\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
