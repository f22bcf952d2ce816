"""``visitapp visit new`` and ``visit edit``: prepare a visit without the window (the prepare dialog's one step).

Both run the core's ``prepare_visit`` operation, so a visit made here is the one the dialog makes:
organisation, times, place, template, series, participants and agenda in one transaction, one
undo step.  A time typed without an offset is the visit's wall clock (``--tz``, else the visit's
zone, else Europe/Warsaw), never the computer's.  Bad input is one sentence and exit status 2,
with nothing written.  Heavy modules are imported only when a command runs (``--help`` stays fast).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from visitapp.cli.common import add_db_option, add_json_option
from visitapp.domain import Visibility
from visitapp.i18n import _

if TYPE_CHECKING:
    from visitapp.services import Services
    from visitapp.services.dto import VisitInfo

EXIT_BAD_INPUT = 2
DEFAULT_ZONE = "Europe/Warsaw"
MINUTES_FIELDS = ("case_number", "approver", "cosigner", "verbatim")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("visit", help=_("prepare a visit, or change its details"))
    vsub = p.add_subparsers(dest="visit_command", metavar="COMMAND", required=True, parser_class=type(p))
    n = vsub.add_parser("new", help=_("prepare a visit: organisation, time, place, participants, agenda"))
    _add_options(n, new=True)
    n.set_defaults(handler=cmd_visit_new)
    e = vsub.add_parser("edit", help=_("change a visit: the same options as visit new, each optional"))
    e.add_argument("--visit", required=True, metavar="ID", help=_("the visit's id (or its first characters)"))
    _add_options(e, new=False)
    e.set_defaults(handler=cmd_visit_edit)


def _add_options(p: argparse.ArgumentParser, *, new: bool) -> None:
    add_db_option(p, creates=new)
    add_json_option(p)
    p.add_argument("--org", required=new, metavar="NAME",
                   help=_("the organisation visited (one already known by this name or NIP is reused)"))
    p.add_argument("--nip", metavar="NIP", help=_("the organisation's NIP (checked)"))
    p.add_argument("--title", required=new, metavar="TEXT", help=_("the visit's title"))
    p.add_argument("--start", required=new, metavar="ISO",
                   help=_("when it starts, e.g. 2026-03-17T09:00 (without an offset: in the visit's time zone)"))
    p.add_argument("--end", required=new, metavar="ISO", help=_("when it ends (same form as --start)"))
    p.add_argument("--place", required=new, metavar="TEXT", help=_("where it takes place"))
    p.add_argument("--template", metavar="KEY", help=_("the notes template (default: the standard one)"))
    p.add_argument("--series", metavar="NAME", help=_("the series of visits (made if there is none by that name)"))
    p.add_argument("--participant", action="append", metavar="\"NAME;INSTITUTION;ROLE;SIDE\"",
                   help=_("someone who attends (repeatable; side: city, company or other); "
                          "with visit edit, the list replaces the visit's participants"))
    p.add_argument("--agenda", action="append", metavar="ITEM",
                   help=_("an agenda item (repeatable; with visit edit, the list replaces the agenda)"))
    p.add_argument("--language", choices=("pl", "en"), help=_("the language of the minutes (default: pl)"))
    p.add_argument("--case-number", metavar="TEXT", help=_("the case number (znak sprawy) in the minutes' header"))
    p.add_argument("--approver", metavar="NAME", help=_("who approves the minutes: \"Name, role\""))
    p.add_argument("--cosigner", metavar="NAME",
                   help=_("who is expected to co-sign (an empty value: no co-signature box)"))
    p.add_argument("--tz", "--time-zone", dest="tz", metavar="ZONE",
                   help=_("the visit's time zone (default Europe/Warsaw)"))
    p.add_argument("--verbatim", action=argparse.BooleanOptionalAction, default=None,
                   help=_("verbatim minutes: each note shows its clock time"))
    p.add_argument("--default-visibility", choices=tuple(v.value for v in Visibility), default=None,
                   help=_("what the visit's new notes start as: internal, partners (shared with partner "
                          "institutions) or company (fit for the company's copy); default internal"))
    p.add_argument("--agenda-sections", choices=("none", "append", "replace"), default=None,
                   help=_("the agenda items as the visit's sections: after the template's (append), instead of "
                          "them (replace), or not (none, the default)"))


# -- reading the options -------------------------------------------------------

def zone_named(name: str) -> dt.tzinfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        from visitapp.errors import InvalidInput

        raise InvalidInput(_("Unknown time zone {zone}; use a name like Europe/Warsaw.").format(zone=name)) from None


def parse_time(text: str, zone: dt.tzinfo) -> dt.datetime:
    """An ISO time; without an offset it is the wall clock of ``zone`` (not the computer's). UTC out."""
    from visitapp.errors import InvalidInput

    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(_("{value} is not a date and time (use e.g. 2026-03-17T09:00).").format(value=text)) \
            from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(dt.UTC)


def parse_participant(text: str) -> dict[str, str]:
    """``"Name;Institution;Role;side"`` (the last three may be left out; side: city, company or other)."""
    from visitapp.domain import Side
    from visitapp.errors import InvalidInput

    parts = [part.strip() for part in text.split(";")]
    if len(parts) > 4 or not parts[0]:
        raise InvalidInput(_("A participant is \"Name;Institution;Role;side\"; {value} is not.").format(value=text))
    name, institution, role, side = [*parts, "", "", ""][:4]
    side = side.lower() or Side.CITY.value
    if side not in {s.value for s in Side}:
        raise InvalidInput(_("{value}: the side must be city, company or other.").format(value=text))
    return {"name": name, "institution": institution, "role": role, "side": side}


def _checked(args: argparse.Namespace, zone: dt.tzinfo) -> dict[str, Any]:
    """Everything that can be checked before the database is opened (so bad input writes nothing)."""
    from visitapp.errors import InvalidInput
    from visitapp.templates import get_template
    from visitapp.validation import normalise_nip

    visit: dict[str, Any] = {}
    if args.start is not None:
        visit["starts_at"] = parse_time(args.start, zone)
    if args.end is not None:
        visit["ends_at"] = parse_time(args.end, zone)
    if "starts_at" in visit and "ends_at" in visit and visit["ends_at"] < visit["starts_at"]:
        raise InvalidInput(_("A visit cannot end before it starts."))
    if args.nip is not None:
        normalise_nip(args.nip)
    if args.template is not None:
        visit["template_key"] = get_template(args.template).key
    for key, option in (("title", "title"), ("place", "place"), ("language", "language"),
                        ("case_number", "case_number"), ("approver", "approver"), ("cosigner", "cosigner"),
                        ("verbatim", "verbatim"), ("default_visibility", "default_visibility")):
        if getattr(args, option) is not None:
            visit[key] = getattr(args, option)
    if args.agenda is not None:
        visit["agenda"] = list(args.agenda)
    if args.tz is not None:
        visit["time_zone"] = args.tz
    if args.agenda_sections is not None:
        visit["agenda_sections"] = "" if args.agenda_sections == "none" else args.agenda_sections
    return visit


def _organisation(svc: Services, name: str, nip: str | None, current: Any = None) -> dict[str, Any]:
    """The ``organisation`` of prepare_visit: a known one by NIP, else by name, is reused (its name kept)."""
    from visitapp.validation import name_key

    if nip:
        known = svc.organisations.by_nip(nip)
        if known is not None:
            return {"id": known.id, "name": known.name}
    key = name_key(name)
    same = [o for o in svc.organisations.find(name, limit=200) if name_key(o.name) == key]
    if current is not None and any(o.id == current.id for o in same):
        same = [current]
    if same:
        return {"id": same[0].id, "name": same[0].name, **({"nip": nip} if nip else {})}
    return {"name": name, **({"nip": nip} if nip else {})}


# -- the commands --------------------------------------------------------------

def _bad_input(err: Exception) -> int:
    from visitapp.cli.common import safe

    sys.stderr.write(f"visitapp: {safe(err)}\n")
    return EXIT_BAD_INPUT


def cmd_visit_new(args: argparse.Namespace) -> int:
    from visitapp.errors import InvalidInput, NotFound

    try:
        zone = zone_named(args.tz or DEFAULT_ZONE)
        visit = _checked(args, zone)
        visit.setdefault("time_zone", args.tz or DEFAULT_ZONE)
        participants = [parse_participant(text) for text in args.participant or ()]
    except (InvalidInput, NotFound) as err:
        return _bad_input(err)
    from visitapp.cli.common import open_services

    svc = open_services(args, create=True)
    try:
        try:
            info = _prepare(svc, organisation=_organisation(svc, args.org, args.nip), visit=visit,
                            participants=participants, series=args.series)
        except (InvalidInput, NotFound) as err:
            return _bad_input(err)
        zone_name = visit["time_zone"]
    finally:
        svc.close()
    _print(info, zone_name, as_json=args.json)
    return 0


def cmd_visit_edit(args: argparse.Namespace) -> int:
    from visitapp.errors import InvalidInput, NotFound

    try:
        zone = zone_named(args.tz) if args.tz else None
        participants = [parse_participant(text) for text in args.participant] if args.participant else None
    except (InvalidInput, NotFound) as err:
        return _bad_input(err)
    from visitapp.cli.common import open_services

    svc = open_services(args)
    try:
        current = svc.visits.get(args.visit)
        zone_name = args.tz or visit_zone(svc, current.id)
        try:
            visit = _checked(args, zone or zone_named(zone_name))
            if not visit and args.org is None and args.nip is None and participants is None \
                    and args.series is None:
                sys.stderr.write(_("Nothing to change: give at least one option, such as --title or --start.")
                                 + "\n")
                return EXIT_BAD_INPUT
            org = current.organisation
            organisation = (_organisation(svc, args.org, args.nip, current=org) if args.org is not None
                            else {"id": org.id, "name": org.name, **({"nip": args.nip} if args.nip else {})})
            kept = [{"participant_id": p.id} for p in current.participants]
            info = _prepare(svc, organisation=organisation, visit=visit, visit_id=current.id,
                            participants=kept if participants is None else participants, series=args.series)
        except (InvalidInput, NotFound) as err:
            return _bad_input(err)
    finally:
        svc.close()
    _print(info, zone_name, as_json=args.json)
    return 0


def visit_zone(svc: Services, visit_id: str) -> str:
    """The time zone a visit keeps (its wall clock)."""
    from visitapp.services.base import visit_by_uuid

    with svc.db.read() as s:
        return visit_by_uuid(s, visit_id).time_zone or DEFAULT_ZONE


def _known_people(svc: Services, participants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A person already known by the same name and institution is reused, not made again."""
    out = []
    for attendee in participants:
        if "name" in attendee:
            same = [p for p in svc.people.find(attendee["name"], limit=200)
                    if p.name.casefold() == attendee["name"].casefold()
                    and p.institution.casefold() == attendee["institution"].casefold()]
            if same:
                attendee = {**attendee, "person_id": same[0].id}
        out.append(attendee)
    return out


def _prepare(svc: Services, *, series: str | None, participants: list[dict[str, Any]], **values: Any
             ) -> VisitInfo:
    from visitapp import ops

    return ops.prepare_visit.run_as(svc.history, svc.identity, series_name=series,
                                    participants=_known_people(svc, participants), **values).result


def _print(info: VisitInfo, zone_name: str, *, as_json: bool) -> None:
    if not as_json:
        print(info.id)
        return
    from visitapp.cli.common import print_json
    from visitapp.clock import zone

    wall = zone(zone_name)
    print_json({
        "id": info.id, "title": info.title, "organisation": {"id": info.organisation.id,
                                                             "name": info.organisation.name,
                                                             "nip": info.organisation.nip},
        "starts_at": info.starts_at.astimezone(wall).isoformat(),
        "ends_at": info.ends_at.astimezone(wall).isoformat() if info.ends_at else None,
        "time_zone": zone_name, "place": info.place, "status": info.status, "language": info.language,
        "template": info.template_key, "series": info.series.name if info.series else None,
        "agenda": list(info.agenda), "case_number": info.case_number, "approver": info.approver,
        "default_visibility": info.default_visibility, "agenda_sections": info.agenda_sections or "none",
        "participants": [{"id": p.id, "name": p.person.name, "institution": p.person.institution,
                          "role": p.role, "side": p.side} for p in info.participants],
    })
