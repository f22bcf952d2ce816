"""Subcommands over the foundation: demo, visits, show, note, search."""

from __future__ import annotations

import argparse
import sys

from visitapp.cli.common import (
    add_db_option,
    add_json_option,
    db_path,
    open_services,
    print_json,
    print_rows,
    safe,
    safe_lines,
)
from visitapp.clock import wall_text
from visitapp.domain import (
    NoteKind,
    Visibility,
    VisitStatus,
    action_status_label,
    authors_shown,
    from_spelling,
    note_kind_label,
    spellings,
    visit_status_label,
)
from visitapp.errors import InvalidInput
from visitapp.i18n import _

# The database, the services, the exchange record (pydantic) and the templates are imported by the commands
# that use them: `visits` reads with SQLAlchemy Core alone and starts without them (issue 10, fast start).


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=_("create a demo database from the reference-visit scenario"))
    add_db_option(p, creates=True)
    p.add_argument("--if-missing", action="store_true",
                   help=_("do nothing when the database already holds visits"))
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("visits", help=_("list visits"))
    add_db_option(p)
    add_json_option(p)
    p.add_argument("--status", choices=spellings(VisitStatus), metavar="STATUS",
                   help=_("only visits with this status: planned, in-progress or finalised"))
    p.set_defaults(handler=cmd_visits)

    p = sub.add_parser("show", help=_("show one visit"))
    add_db_option(p)
    add_json_option(p)
    p.add_argument("--visit", required=True, metavar="ID", help=_("the visit's id (or its first characters)"))
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("note", help=_("add a note to a visit"))
    add_db_option(p)
    p.add_argument("--visit", required=True, metavar="ID", help=_("the visit's id (or its first characters)"))
    p.add_argument("--section", metavar="KEY", help=_("the template section (default: the first)"))
    p.add_argument("--kind", default=NoteKind.NOTE.value, choices=[k.value for k in NoteKind],
                   help=_("what the note is (default: note); a commitment can become an action item"))
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help=_("a tag (repeatable)"))
    p.add_argument("--visibility", default=None, choices=[v.value for v in Visibility],
                   help=_("who may read it (default: what the visit's new notes start as, internal unless "
                          "the visit says otherwise)"))
    p.add_argument("--author", help=_("who wrote it (default: $VISITAPP_AUTHOR or the system user)"))
    p.add_argument("text", nargs="+", help=_("the note's text"))
    p.set_defaults(handler=cmd_note)

    p = sub.add_parser("search", help=_("full-text search over notes, action items, organisations and people"))
    add_db_option(p)
    add_json_option(p)
    p.add_argument("--limit", type=int, default=20, metavar="N", help=_("show at most N hits (default: 20)"))
    p.add_argument("--visit", metavar="ID", help=_("search only this visit"))
    p.add_argument("--exact", action="store_true",
                   help=_("match words only in the form typed (by default a word finds all its forms)"))
    p.add_argument("query", nargs="+", help=_("words; word* finds prefixes; \"a phrase\" in quotes"))
    p.set_defaults(handler=cmd_search)


def cmd_demo(args: argparse.Namespace) -> int:
    from visitapp.db import Database
    from visitapp.demo import create_demo, demo_identity
    from visitapp.services import Services

    path = db_path(args)
    db = Database.open(path, create=True)
    svc = Services(db, demo_identity())
    try:
        if svc.visits.count():
            if args.if_missing:
                return 0
            raise InvalidInput(_("{path} already holds visits; give a new file for the demo.").format(path=path))
        for visit_id in create_demo(svc):
            print(visit_id)
    finally:
        svc.close()
    return 0


def cmd_visits(args: argparse.Namespace) -> int:
    from visitapp.db import Database
    from visitapp.db.visit_list import list_visits

    with Database.open(db_path(args), create=False) as db:
        visits = list_visits(db, status=from_spelling(VisitStatus, args.status).value if args.status else None)
    return print_rows(
        visits, as_json=args.json, empty=_("No visits yet."),
        line=lambda v: f"{v.id}  {wall_text(v.starts_at, v.time_zone)}  {visit_status_label(v.status):<12}  "
                       f"{v.organisation}",  # the visit's own clock, not the computer's
        json_row=lambda v: {"id": v.id, "starts_at": v.starts_at, "organisation": v.organisation,
                            "status": v.status, "title": v.title, "series": v.series, "place": v.place},
    )


def _hit_label(kind: str) -> str:
    return {"note": _("note"), "action": _("action item"), "visit": _("visit"), "participant": _("participant")}[kind]


def _signed_authors(data: dict, signers) -> dict:
    """The record of ``show --json`` with merged notes and answers attributed to their signer's certificate
    name; the name typed in the file is kept as ``typed_author`` when it differs."""
    from visitapp.registry.signers import typed_beside

    for key, items, ref in (("notes", signers.notes, "id"), ("answers", signers.answers, "field")):
        for item in data.get(key, []):
            signer = items.get(item.get(ref))
            if signer is not None:
                typed = typed_beside(signer, item.get("author", ""))
                item["author"] = signer
                if typed:
                    item["typed_author"] = typed
    return data


def cmd_show(args: argparse.Namespace) -> int:
    from visitapp.exchange.record import dump_record
    from visitapp.registry.review import visit_signers
    from visitapp.registry.signers import who

    svc = open_services(args)
    try:
        if args.json:
            record = svc.records.build(args.visit)
            print_json(_signed_authors(dump_record(record), visit_signers(svc.db, record.visit.id)))
            return 0
        visit = svc.visits.get(args.visit)
        notes = svc.notes.list(visit.id)
        actions = svc.actions.list(visit_id=visit.id)
        answers = svc.answers.list(visit.id)
        signers = visit_signers(svc.db, visit.id)
        from visitapp.cli.coordinator import provenance_lines

        provenance = provenance_lines(svc.db, visit.id)
    finally:
        svc.close()
    # Who wrote a merged note is the certificate that signed its file; a typed name only goes beside it.
    authors = {n.id: who(signers.notes[n.id], n.author) if n.id in signers.notes else n.author for n in notes}
    authors.update({("answer", k): who(v, answers[k].author) for k, v in signers.answers.items() if k in answers})
    several = authors_shown(authors.values(), signed=bool(signers))
    _write_visit(visit, notes, actions, answers, authors, several=several)
    for line in provenance:
        sys.stdout.write(safe(line) + "\n")
    return 0


def _write_visit(visit, notes, actions, answers, authors: dict, *, several: bool) -> None:
    """The text of ``visitapp show``: every name and text from the database escaped for the terminal."""
    from visitapp.templates import visit_template

    lang = visit.language
    template = visit_template(visit.template_key, visit.agenda, visit.agenda_sections)  # visit: a VisitInfo
    out = sys.stdout
    out.write(f"{safe(visit.title or visit.organisation.name)}\n")
    out.write(_("Visit: {id}").format(id=safe(visit.id)) + "\n")
    out.write(_("Organisation: {name}").format(name=safe(visit.organisation.name)))
    out.write(f" (NIP {safe(visit.organisation.nip)})\n" if visit.organisation.nip else "\n")
    when = wall_text(visit.starts_at, visit.time_zone)  # the visit's own clock, its zone named where ours differs
    if visit.ends_at:
        end = wall_text(visit.ends_at, visit.time_zone)
        when = f"{when[:16]} – {end[11:]}" if end[:10] == when[:10] else f"{when[:16]} – {end}"
    out.write(_("When: {when}").format(when=when) + "\n")
    if visit.place:
        out.write(_("Place: {place}").format(place=safe(visit.place)) + "\n")
    status = visit_status_label(visit.status)
    if visit.latest_version:
        status = _("{status} (version {n})").format(status=status, n=visit.latest_version)
    out.write(_("Status: {status}").format(status=status) + "\n")
    if visit.participants:
        out.write("\n" + _("Participants:") + "\n")
        for p in visit.participants:
            extra = ", ".join(x for x in (p.role or p.person.role, p.person.institution) if x)
            out.write(safe(f"  - {p.person.name}" + (f" ({extra})" if extra else "")) + "\n")
    if visit.agenda:
        out.write("\n" + _("Agenda:") + "\n")
        for i, item in enumerate(visit.agenda, 1):
            out.write(f"  {i}. {safe(item)}\n")
    for section in template.sections:
        in_section = [n for n in notes if n.section == section.key]
        fields = [f for f in template.fields if f.section == section.key and f.key in answers]
        if not in_section and not fields:
            continue
        out.write(f"\n## {section.title.get(lang)}\n")
        for f in fields:
            value = answers[f.key].value
            if f.type == "choice":
                value = next((c.label.get(lang) for c in f.choices if c.key == value), value)
            elif isinstance(value, list):
                value = ", ".join(map(str, value))
            by = f"  ({safe(authors[('answer', f.key)])})" if several and authors.get(("answer", f.key)) else ""
            out.write(f"  {f.label.get(lang)}: {safe(value)}{by}\n")
        for n in in_section:
            kind = f"[{note_kind_label(n.kind).lower()}] " if n.kind != NoteKind.NOTE else ""
            tags = safe("  #" + " #".join(n.tags)) if n.tags else ""
            by = f"  ({safe(authors[n.id])})" if several and authors.get(n.id) else ""
            at = wall_text(n.created_at, visit.time_zone)[11:16]
            out.write(f"  {at}  {kind}{safe_lines(n.text, '         ')}{tags}{by}\n")
    if actions:
        out.write("\n" + _("Action items:") + "\n")
        for a in actions:
            due = a.due_date.isoformat() if a.due_date else "—"
            out.write(f"  - {safe(a.description)} ({safe(a.owner or '—')}, {due}, {action_status_label(a.status)})\n")


def cmd_note(args: argparse.Namespace) -> int:
    svc = open_services(args)
    try:
        note = svc.notes.add(
            args.visit, " ".join(args.text), section=args.section, kind=args.kind, tags=args.tag,
            visibility=args.visibility, author=args.author,
        )
    finally:
        svc.close()
    print(note.id)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from visitapp.services.search import highlight

    svc = open_services(args)
    try:
        hits = svc.search.search(" ".join(args.query), limit=args.limit, visit_id=args.visit, exact=args.exact)
    finally:
        svc.close()
    return print_rows(
        hits, as_json=args.json, empty=_("Nothing found."),
        line=lambda h: f"{h.visit_id}  {_hit_label(h.kind):<11}  {h.ref_id}  {h.organisation}: {highlight(h.snippet)}",
        json_row=lambda h: {"kind": h.kind, "visit_id": h.visit_id, "id": h.ref_id,
                            "note_id": h.ref_id if h.kind == "note" else None, "snippet": highlight(h.snippet),
                            "rank": h.rank, "organisation": h.organisation, "starts_at": h.starts_at},
    )
