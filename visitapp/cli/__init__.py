"""The ``visitapp`` command: a thin layer over the services.

Each area registers its subcommands from its own module (``register(sub)``),
listed in :data:`COMMAND_MODULES`.  Exit status: 0 success, 1 a failure the
user can fix (one sentence on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
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
    "visitapp.cli.registry_copy",
]

EXIT_OK = 0
NO_DATABASE = frozenset({"verify", "augment", "keygen", "cosign"})  # commands that never open a database
EXIT_FAILED = 1
EXIT_USAGE = 2


# Every command, the module that registers it and its line in ``visitapp --help``: so that parsing one
# command imports only its own module, and ``--help`` and ``--version`` import none (issue 10, fast start).
# A command missing here still works (all modules are then imported); tests/test_startup_imports.py checks
# that this table says what the modules register.
COMMANDS: dict[str, tuple[str, Callable[[], str]]] = {
    "demo": ("visitapp.cli.core", lambda: _("create a demo database from the reference-visit scenario")),
    "visits": ("visitapp.cli.core", lambda: _("list visits")),
    "show": ("visitapp.cli.core", lambda: _("show one visit")),
    "note": ("visitapp.cli.core", lambda: _("add a note to a visit")),
    "search": ("visitapp.cli.core",
               lambda: _("full-text search over notes, action items, organisations and people")),
    "visit": ("visitapp.cli.visit_cmd", lambda: _("prepare a visit, or change its details")),
    "gui": ("visitapp.cli.gui", lambda: _("open the desktop window (the default)")),
    "keygen": ("visitapp.cli.minutes", lambda: _("create a personal signing key and certificate")),
    "export": ("visitapp.cli.minutes", lambda: _("finalise a visit and export its minutes as a (signed) PDF")),
    "cosign": ("visitapp.cli.minutes",
               lambda: _("add your signature to signed minutes, keeping the earlier ones valid")),
    "verify": ("visitapp.cli.minutes", lambda: _("check the signatures and the visit record of a PDF")),
    "augment": ("visitapp.cli.minutes", lambda: _(
        "add revocation data and a document timestamp to signed minutes (PAdES B-LT/B-LTA), "
        "so they can be verified long after")),
    "merge": ("visitapp.cli.coordinator", lambda: _("verify signed minutes and merge them into a registry")),
    "trust": ("visitapp.cli.coordinator", lambda: _("the registry's list of trusted signers")),
    "actions": ("visitapp.cli.coordinator", lambda: _("follow up action items")),
    "action-update": ("visitapp.cli.coordinator", lambda: _("change an action item's status, owner or due date")),
    "disagreements": ("visitapp.cli.coordinator", lambda: _("list facts on which officials' minutes disagree")),
    "resolve": ("visitapp.cli.coordinator", lambda: _("settle a disagreement by choosing one value")),
    "report": ("visitapp.cli.coordinator", lambda: _("a PDF report on the series, and CSV files for spreadsheets")),
    "plan": ("visitapp.cli.coordinator", lambda: _("export or import planned visits")),
    "db": ("visitapp.cli.dbcmd", lambda: _("encrypt, decrypt, rekey or back up a database file")),
    "person": ("visitapp.cli.persons", lambda: _("personal data: list people, export or erase what is held about one")),
    "retention": ("visitapp.cli.persons", lambda: _("list (or remove) visits older than a retention period")),
    "registry": ("visitapp.cli.registry_copy", lambda: _("work on a whole registry: copy it to another database")),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors: exit 2, no traceback
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser(command: str | None = "") -> argparse.ArgumentParser:
    """The parser of every command; with ``command``, only that command's module is imported (None: no
    module, for ``visitapp --help``) and the others are listed by name and help line alone."""
    from visitapp.cli.argparse_i18n import install

    install()  # argparse's "usage:", "options:", its errors in the user's language
    parser = _Parser(
        prog="visitapp",
        description=_("Notes from reference visits to companies, signed minutes and a registry of the series."),
    )
    parser.add_argument("--version", action="version", version=f"visitapp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if command is None:
        modules = []
    elif command in COMMANDS:
        modules = [COMMANDS[command][0]]
    else:  # all of them (or an unknown command: argparse then lists them)
        modules = list(COMMAND_MODULES)
    for name in modules:
        importlib.import_module(name).register(sub)
    for name, (_module, help_line) in COMMANDS.items():
        if name not in sub.choices:  # listed in the help, never parsed here
            sub.add_parser(name, help=help_line())
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The command named in ``argv``: its first word that is not an option (the top level takes no values)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def _db_setup(args: argparse.Namespace) -> None:
    """What every database the command opens needs: its key, and progress of an upgrade's index build."""
    from visitapp.cli.common import install_db_key_source, install_index_progress, install_registry_waiting

    install_db_key_source(args)  # --db-pass-env, the keyring, a prompt: for every database opened
    install_index_progress()  # an upgrade's search index build shows its progress on a terminal
    install_registry_waiting()  # a write waiting for other coordinators' locks says so on a terminal


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # nothing else imported
        sys.stdout.write(f"visitapp {__version__}\n")
        return EXIT_OK
    from visitapp.cli.streams import make_safe

    make_safe()  # a cp1250 console or a windowed executable's missing streams never crash the output
    command = _command_of(argv)
    if command is None and not argv:  # `visitapp` alone opens the desktop window
        argv, command = ["gui"], "gui"
    args = build_parser(command).parse_args(argv)
    if args.command is None:  # options only, such as --help, or nothing to do
        args = build_parser("gui").parse_args(["gui"])
    try:
        if args.command == "gui":  # the window first: this runs on its DB worker, before the database opens
            args.db_setup = lambda: _db_setup(args)
        elif args.command not in NO_DATABASE:  # (their setup imports SQLAlchemy: over a second of a command's start)
            _db_setup(args)
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
