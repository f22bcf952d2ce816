"""argparse's own words ("usage:", "options:", "show this help message and exit", its errors) in the
user's language.

argparse translates them with ``gettext`` from the global domain, which holds none of ours; the
module's ``_``/``ngettext`` are looked up when a parser is built and when it writes, so pointing them
at visitapp's catalogues (before the parser is built) translates them. The messages are listed in
:func:`_messages` so that ``make translations`` keeps them in the ``visitapp`` catalogue.
"""

from __future__ import annotations

import argparse

from visitapp.i18n import _, ngettext


def install() -> None:
    """Translate argparse's messages with visitapp's catalogues (the language chosen at start)."""
    setattr(argparse, "_", _)  # noqa: B010 (argparse's module global, read at call time)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010 (the same, for plurals)


def _messages() -> list[str]:  # never called: the messages argparse asks for, for the catalogue
    return [
        _("usage: "), _("options"), _("positional arguments"), _("show this help message and exit"),
        _("show program's version number and exit"), _("the following arguments are required: %s"),
        _("invalid choice: %(value)r (choose from %(choices)s)"), _("unrecognized arguments: %s"),
        _("argument %(argument_name)s: %(message)s"), _("expected one argument"),
        _("expected at least one argument"), _("expected at most one argument"),
        _("invalid %(type)s value: %(value)r"), _("not allowed with argument %s"),
        _("one of the arguments %s is required"), _("ambiguous option: %(option)s could match %(matches)s"),
        _("ignored explicit argument %r"), _("unknown parser %(parser_name)r (choices: %(choices)s)"),
        ngettext("expected %s argument", "expected %s arguments", 2),
    ]
