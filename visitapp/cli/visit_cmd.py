"""``visitapp visit edit``: the visit's fields that its minutes need (case number, approver, ...)."""

from __future__ import annotations

import argparse
import sys

from visitapp.cli.common import add_db_option, open_services
from visitapp.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("visit", help=_("change a visit's details for its minutes"))
    vsub = p.add_subparsers(dest="visit_command", metavar="COMMAND", required=True, parser_class=type(p))
    e = vsub.add_parser("edit", help=_("set the case number, approver, co-signer, time zone of a visit"))
    add_db_option(e)
    e.add_argument("--visit", required=True, metavar="ID")
    e.add_argument("--case-number", metavar="TEXT", help=_("the case number (znak sprawy) in the minutes' header"))
    e.add_argument("--approver", metavar="NAME", help=_("who approves the minutes: \"Name, role\""))
    e.add_argument("--cosigner", metavar="NAME",
                   help=_("who is expected to co-sign (an empty value: no co-signature box)"))
    e.add_argument("--time-zone", metavar="ZONE", help=_("the visit's time zone (default Europe/Warsaw)"))
    e.add_argument("--verbatim", action=argparse.BooleanOptionalAction, default=None,
                   help=_("verbatim minutes: each note shows its clock time"))
    e.set_defaults(handler=cmd_visit_edit)


def cmd_visit_edit(args: argparse.Namespace) -> int:
    values = {key: getattr(args, key) for key in ("case_number", "approver", "cosigner", "time_zone", "verbatim")
              if getattr(args, key) is not None}
    if not values:
        print(_("Nothing to change: give --case-number, --approver, --cosigner, --time-zone or --verbatim."),
              file=sys.stderr)
        return 2
    svc = open_services(args)
    try:
        visit = svc.visits.update(args.visit, **values)
    finally:
        svc.close()
    print(visit.id)
    return 0
