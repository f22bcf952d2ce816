"""Personal data (GDPR art. 15 and 17) and retention: person list|export|erase, retention."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from visitapp.cli.common import (
    add_db_option,
    add_json_option,
    db_path,
    print_json,
    print_rows,
    safe,
)
from visitapp.errors import InvalidInput
from visitapp.i18n import _, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("person", help=_("personal data: list people, export or erase what is held about one"))
    psub = p.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    c = psub.add_parser("list", help=_("every person in the database, with in how many visits they appear"))
    add_db_option(c)
    add_json_option(c)
    c.set_defaults(handler=cmd_person_list)
    c = psub.add_parser("export", help=_("everything held about one person, as JSON (right of access)"))
    add_db_option(c)
    c.add_argument("--person", required=True, metavar="ID", help=_("the person's id (or its first characters)"))
    c.add_argument("--out", required=True, type=Path, metavar="FILE.json", help=_("the JSON file to write"))
    c.set_defaults(handler=cmd_person_export)
    c = psub.add_parser("erase", help=_("replace a person's data by a pseudonym, leaving no trace of their name"))
    add_db_option(c)
    c.add_argument("--person", required=True, metavar="ID", help=_("the person's id (or its first characters)"))
    c.add_argument("--redact-mentions", action="store_true",
                   help=_("also replace mentions of their name in note texts (inflected forms too)"))
    c.add_argument("--yes", action="store_true",
                   help=_("confirm: an erasure cannot be undone (backups made before upgrades are deleted too)"))
    c.set_defaults(handler=cmd_person_erase)

    p = sub.add_parser("retention", help=_("list (or remove) visits older than a retention period"))
    add_db_option(p)
    add_json_option(p)
    p.add_argument("--older-than", required=True, metavar="PERIOD", help=_("e.g. 5y, 18m or 90d"))
    p.add_argument("--delete", action="store_true", help=_("remove those visits and everything held for them"))
    p.add_argument("--yes", action="store_true", help=_("confirm the removal"))
    p.set_defaults(handler=cmd_retention)


def _open(args: argparse.Namespace):
    from visitapp.db import Database

    return Database.open(db_path(args), create=False)


def cmd_person_list(args: argparse.Namespace) -> int:
    from visitapp.registry.persons import list_people

    db = _open(args)
    try:
        rows = list_people(db)
    finally:
        db.close()
    erased = _("(erased)")
    return print_rows(
        rows, as_json=args.json, empty=_("No people."),
        line=lambda r: "  ".join(x for x in (r.id[:8], r.name, r.institution, r.email,
                                             _visits(r.visits), erased if r.erased else "") if x),
        json_row=lambda r: {"id": r.id, "name": r.name, "institution": r.institution, "email": r.email,
                            "visits": r.visits, "erased": r.erased},
    )


def cmd_person_export(args: argparse.Namespace) -> int:
    from visitapp.minutes.output import check_writable, write_atomic
    from visitapp.registry.persons import export_person

    check_writable(args.out)
    db = _open(args)
    try:
        data = export_person(db, args.person)
    finally:
        db.close()
    write_atomic(args.out, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    notes, actions, files = (len(data[k]) for k in ("notes_written", "action_items_owned", "files_naming_them"))
    print(_("Wrote {path}: {visits}, {notes}, {actions}, {files}.").format(
        path=safe(args.out), visits=_visits(len(data["participations"])),
        notes=ngettext("{n} note written", "{n} notes written", notes).format(n=notes),
        actions=ngettext("{n} action item owned", "{n} action items owned", actions).format(n=actions),
        files=ngettext("{n} merged file naming them", "{n} merged files naming them", files).format(n=files)))
    return 0


def cmd_person_erase(args: argparse.Namespace) -> int:
    from visitapp.registry.persons import erase_person

    if not args.yes:
        raise InvalidInput(_("An erasure cannot be undone; add --yes to confirm it."))
    db = _open(args)
    try:
        result = erase_person(db, args.person, redact_mentions=args.redact_mentions)
    finally:
        db.close()
    print(ngettext("Erased: the person is now {pseudonym} ({n} value changed).",
                   "Erased: the person is now {pseudonym} ({n} values changed).", result.values_changed).format(
        pseudonym=safe(result.pseudonym), n=result.values_changed))
    if result.files:
        print(_("These merged files (signed PDFs, not changed) still name them; handle them outside visitapp:"))
        for f in result.files:
            print("  " + safe(f"{f['file']}  sha256 {f['sha256'][:16]}  {f['signer']}"))
    if result.backups_removed:
        print(_("These backups, made before upgrades of the database, still held their data and were deleted:"))
        for path in result.backups_removed:
            print("  " + safe(path))
    if result.not_vacuumed:  # PostgreSQL: this role does not own these tables, so their old rows were not rewritten
        print(_("These tables still hold the person's old rows in the server's files, because this role may not "
                "vacuum them; ask the owner of the database server to run VACUUM FULL on them: {tables}").format(
            tables=", ".join(safe(t) for t in result.not_vacuumed)))
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from visitapp.clock import wall_text
    from visitapp.registry.retention import delete_visits, old_visits, parse_period

    period = parse_period(args.older_than)
    if args.delete and not args.yes:
        raise InvalidInput(_("Removing visits cannot be undone; add --yes to confirm it."))
    db = _open(args)
    try:
        rows = old_visits(db, period)
        removed = delete_visits(db, [r.id for r in rows]) if args.delete else 0
    finally:
        db.close()
    if args.json:
        print_json({"visits": [{"id": r.id, "starts_at": r.starts_at, "time_zone": r.time_zone,
                                "organisation": r.organisation,
                                "title": r.title, "notes": r.notes} for r in rows], "removed": removed})
        return 0
    for r in rows:
        # the visit's own clock, as `visitapp visits` shows it, not the computer's
        print(safe(f"{r.id[:8]}  {wall_text(r.starts_at, r.time_zone)}  {r.organisation}  {r.title}  ")
              + ngettext("{n} note", "{n} notes", r.notes).format(n=r.notes))
    if args.delete:
        print(ngettext("Removed {n} visit older than {period}.", "Removed {n} visits older than {period}.",
                       removed).format(n=removed, period=args.older_than.strip()))
    elif rows:
        print(ngettext("{n} visit older than {period}; add --delete --yes to remove it.",
                       "{n} visits older than {period}; add --delete --yes to remove them.", len(rows)).format(
            n=len(rows), period=args.older_than.strip()))
    else:
        sys.stdout.write(_("No visit is older than {period}.").format(period=args.older_than.strip()) + "\n")
    return 0


def _visits(n: int) -> str:
    return ngettext("{n} visit", "{n} visits", n).format(n=n)
