"""The coordinator's subcommands: merge, trust, actions, disagreements, report, plan."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from visitapp.cli.common import (
    add_db_option,
    add_db_pass_option,
    add_json_option,
    as_target,
    db_path,
    identity_from_env,
    local,
    print_json,
    print_rows,
    safe,
    wait_line_due,
)
from visitapp.db import Database
from visitapp.domain import ActionStatus, action_status_label
from visitapp.errors import InvalidInput
from visitapp.i18n import _, current_language, ngettext, set_language
from visitapp.services import Services

if TYPE_CHECKING:
    from visitapp.signing.envelope import DecryptionKey

EXIT_REJECTED = 1
# report --csv-separator: what may be typed (a bare ; or , on a shell command line needs quotes) → what the
# report takes.
CSV_SEPARATORS = {";": ";", ",": ",", "tab": "tab", "semicolon": ";", "comma": ","}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("merge", help=_("verify signed minutes and merge them into a registry"))
    p.add_argument("--into", required=True, type=as_target, metavar="REGISTRY.db|URL",
                   help=_("the registry database: a file (created if it does not exist) or a database URL"))
    add_db_pass_option(p, creates=True)  # an encrypted registry's passphrase
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CERTS.pem",
                   help=_("also trust these signers' certificates for this run (repeatable)"))
    from visitapp.cli.verify_cmd import add_online_options

    add_online_options(p)  # --online, --revocation
    from visitapp.cli.verify_cmd import add_augment_options

    add_augment_options(p)  # --augment --timestamp-url
    add_json_option(p)
    g = p.add_argument_group(_("the coordinator's key, for minutes encrypted for you (.p7m)"))
    g.add_argument("--key", type=Path, metavar="FILE.p12", help=_("your PKCS#12 key file"))
    g.add_argument("--key-pass-env", metavar="VAR", help=_("environment variable holding its password (default: ask)"))
    g.add_argument("--pkcs11", type=Path, metavar="MODULE", help=_("decrypt with a token through this PKCS#11 module"))
    g.add_argument("--token", metavar="LABEL", help=_("the token's label"))
    g.add_argument("--key-label", metavar="LABEL", help=_("the label of the key (and certificate) on the token"))
    g.add_argument("--pin-env", metavar="VAR", help=_("environment variable holding the token's PIN (default: ask)"))
    p.add_argument("files", nargs="+", type=Path, metavar="FILE_OR_FOLDER",
                   help=_("signed PDFs or encrypted minutes (.p7m), or folders holding them"))
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("trust", help=_("the registry's list of trusted signers"))
    tsub = p.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    t = tsub.add_parser("add", help=_("trust signers, each by a file with their own certificate (not a CA's)"))
    add_db_option(t, creates=True)
    t.add_argument("certs", nargs="+", type=Path, metavar="CERT.pem",
                   help=_("a file with one signer's own certificate (PEM or DER), e.g. the .pem beside their key"))
    t.set_defaults(handler=cmd_trust_add)
    t = tsub.add_parser("list", help=_("list the trusted signers"))
    add_db_option(t)
    add_json_option(t)
    t.set_defaults(handler=cmd_trust_list)
    t = tsub.add_parser("remove", help=_("stop trusting a signer"))
    add_db_option(t)
    t.add_argument("fingerprint", metavar="FINGERPRINT", help=_("the SHA-256 fingerprint (or its first characters)"))
    t.set_defaults(handler=cmd_trust_remove)
    from visitapp.cli.verify_cmd import add_anchor_parsers

    add_anchor_parsers(tsub)  # trust anchor add|list|remove

    p = sub.add_parser("actions", help=_("follow up action items"))
    add_db_option(p)
    add_json_option(p)
    p.add_argument("--owner", metavar="TEXT", help=_("only items whose owner contains TEXT"))
    p.add_argument("--status", choices=[s.value for s in ActionStatus], help=_("only items with this status"))
    p.add_argument("--overdue", action="store_true", help=_("only open items past their due date"))
    p.set_defaults(handler=cmd_actions)

    p = sub.add_parser("action-update", help=_("change an action item's status, owner or due date"))
    add_db_option(p)
    p.add_argument("action", metavar="ID", help=_("the action item's id (or its first characters)"))
    p.add_argument("--status", choices=[s.value for s in ActionStatus], help=_("the item's new status"))
    p.add_argument("--owner", metavar="TEXT", help=_("who is responsible now: a person or an institution "
                                                     "('' clears it)"))
    p.add_argument("--due", metavar="YYYY-MM-DD", help=_("the due date ('' clears it)"))
    p.set_defaults(handler=cmd_action_update)

    p = sub.add_parser("disagreements", help=_("list facts on which officials' minutes disagree"))
    add_db_option(p)
    add_json_option(p)
    p.add_argument("--all", action="store_true", help=_("include settled ones"))
    p.set_defaults(handler=cmd_disagreements)

    p = sub.add_parser("resolve", help=_("settle a disagreement by choosing one value"))
    add_db_option(p)
    p.add_argument("disagreement", metavar="ID",
                   help=_("the disagreement's id, as 'visitapp disagreements' lists it (or its first characters)"))
    p.add_argument("--keep", required=True, choices=["current", "other"],
                   help=_("current: the value the registry holds; other: the other official's value"))
    p.set_defaults(handler=cmd_resolve)

    p = sub.add_parser("report", help=_("a PDF report on the series, and CSV files for spreadsheets"))
    add_db_option(p)
    p.add_argument("--out", required=True, type=Path, metavar="REPORT.pdf", help=_("the PDF report to write"))
    p.add_argument("--series", metavar="NAME", help=_("only this series"))
    p.add_argument("--csv-dir", type=Path, metavar="DIR",
                   help=_("also write visits.csv, notes.csv and actions.csv here"))
    p.add_argument("--lang", choices=["pl", "en"], default=None,
                   help=_("language of the report (default: {lang}, the language of these messages, from "
                          "$VISITAPP_LANG or the system); the CSV files are in Polish only with --lang pl, "
                          "else they are for programs: column keys, ISO dates").format(lang=current_language()))
    p.add_argument("--csv-separator", choices=[*CSV_SEPARATORS], default=None, metavar="SEP",
                   help=_("the separator between CSV cells: ';' (or the word semicolon), ',' (or comma) or tab "
                          "(default: ';' with --lang pl, else ',')"))
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("plan", help=_("export or import planned visits"))
    psub = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    e = psub.add_parser("export", help=_("write the planned visits to a plan file"))
    add_db_option(e)
    e.add_argument("--series", metavar="NAME", help=_("only this series"))
    e.add_argument("--all", action="store_true", help=_("include visits that are not planned any more"))
    e.add_argument("--out", required=True, type=Path, metavar="plan.json.p7m",
                   help=_("the plan file to write (signed: CMS, name it .p7m; without a signer: plain JSON)"))
    from visitapp.cli.minutes import _add_signing_options

    _add_signing_options(e, required=False)
    e.add_argument("--encrypt-to-me", type=Path, metavar="COORDINATOR.pem",
                   help=_("put your encryption certificate in the plan, so officials can encrypt minutes for you"))
    e.set_defaults(handler=cmd_plan_export)
    i = psub.add_parser("import", help=_("add the visits of a signed plan file to your database"))
    add_db_option(i, creates=True)
    add_json_option(i)
    i.add_argument("--trust-signer", metavar="FINGERPRINT",
                   help=_("trust the plan's signer with this SHA-256 fingerprint (confirmed with the coordinator)"))
    i.add_argument("--yes", action="store_true", help=_("apply the listed changes to visits you already have"))
    i.add_argument("--allow-unsigned", action="store_true", help=_("accept a plan that is not signed (for tests only)"))
    i.add_argument("plan", type=Path, metavar="plan.json.p7m", help=_("the plan file from the coordinator"))
    i.set_defaults(handler=cmd_plan_import)


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    return Database.open(db_path(args), create=create)


# -- merge ----------------------------------------------------------------------------


@contextlib.contextmanager
def _decryption_key(args: argparse.Namespace) -> Iterator[DecryptionKey | None]:
    """The coordinator's key for .p7m files (--key FILE.p12, or a token), or None when none is given."""
    from visitapp.signing import envelope
    from visitapp.signing.secrets import read_secret

    if args.key and args.pkcs11:
        raise InvalidInput(_("Choose one key: --key FILE.p12 or --pkcs11 MODULE, not both."))
    if args.key:
        password = read_secret(args.key_pass_env, _("Password for {path}: ").format(path=args.key))
        yield envelope.load_pkcs12_key(args.key, password)
        return
    if args.pkcs11:
        if not args.token or not args.key_label:
            raise InvalidInput(_("Decrypting with a token needs --token LABEL and --key-label LABEL."))
        pin = read_secret(args.pin_env, _("PIN for token {token}: ").format(token=args.token))
        with envelope.open_pkcs11_key(args.pkcs11, args.token, args.key_label, pin) as key:
            yield key
        return
    yield None


def cmd_merge(args: argparse.Namespace) -> int:
    from visitapp.registry.merge import Merger

    for item in args.files:
        if not item.exists():
            raise InvalidInput(_("{path} does not exist.").format(path=item))
    with _decryption_key(args) as key:
        db = Database.open(args.into, create=True)
        try:
            merger = Merger(db, args.trust, key=key, online=args.online, revocation=args.revocation,
                            waiting=_print_waiting if sys.stderr.isatty() else None)
            show = None if args.json else _print_result
            results = merger.merge_all(args.files, progress=show)
            if getattr(args, "augment", False):
                from visitapp.cli.verify_cmd import augment_accepted

                augment_accepted(args, db, results)
        finally:
            db.close()
    counts = {k: sum(1 for r in results if r.status == k) for k in ("accepted", "unchanged", "rejected")}
    if args.json:
        print_json({"registry": str(args.into), "files": [r.as_json() for r in results], "summary": counts})
    else:
        print(_("{accepted} accepted, {unchanged} unchanged, {rejected} rejected.").format(**counts))
    return EXIT_REJECTED if counts["rejected"] else 0


def _print_waiting(file: str, attempt: int, waited: float) -> None:
    """On a terminal: a merge waiting for another coordinator's (a retry of one file's transaction)."""
    if not wait_line_due(file, attempt, waited):
        return
    sys.stderr.write(_("Waiting for other coordinators' work on the registry ({seconds} s so far): {file}").format(
        seconds=round(waited), file=safe(file)) + "\n")
    sys.stderr.flush()


def _print_result(i: int, n: int, result) -> None:
    label = {"accepted": _("accepted"), "unchanged": _("unchanged"), "rejected": _("rejected")}[result.status]
    line = f"{label:<10} {safe(result.file)}"
    if result.reason:
        line += f": {safe(result.reason)}"  # reasons name signers and files
    if result.disagreements:
        line += " " + ngettext("({n} disagreement to settle: visitapp disagreements)",
                               "({n} disagreements to settle: visitapp disagreements)",
                               result.disagreements).format(n=result.disagreements)
    print(line, flush=True)


# -- trust ----------------------------------------------------------------------------


def cmd_trust_add(args: argparse.Namespace) -> int:
    from visitapp.registry.trust import TrustStore, load_certificate_file

    certs = [c for path in args.certs for c in load_certificate_file(path)]  # all read before any is stored
    db = _open(args, create=True)
    try:
        for info in TrustStore(db).add(certs):
            print(_("Trusted: {name} ({org}), fingerprint {fp}").format(
                name=safe(info.subject or "?"), org=safe(info.organisation or "-"), fp=info.fingerprint))
    finally:
        db.close()
    return 0


def cmd_trust_list(args: argparse.Namespace) -> int:
    from visitapp.cli.verify_cmd import print_trust_rows, valid_until

    def describe(r) -> str:
        how = _("the person {identity} under an anchor").format(identity=r.identity) if r.identity else \
            _("by fingerprint")
        return f"{r.subject} ({r.organisation or '-'})  {how}  {valid_until(r)}"

    return print_trust_rows(args, lambda store: store.list(), describe=describe,
                            empty=_("No trusted signers yet; add one with: visitapp trust add CERT.pem"))


def cmd_trust_remove(args: argparse.Namespace) -> int:
    from visitapp.registry.trust import TrustStore

    db = _open(args)
    try:
        info = TrustStore(db).remove(args.fingerprint)
    finally:
        db.close()
    print(_("No longer trusted: {name} ({fp}).").format(name=safe(info.subject), fp=info.fingerprint))
    return 0


# -- actions --------------------------------------------------------------------------


def cmd_actions(args: argparse.Namespace) -> int:
    today = dt.date.today()
    db = _open(args)
    try:
        items = Services(db, identity_from_env()).actions.list(
            owner=args.owner, status=args.status, overdue_on=today if args.overdue else None)
    finally:
        db.close()
    if args.json:
        print_json([{"id": a.id, "visit_id": a.visit_id, "organisation": a.organisation,
                     "description": a.description, "owner": a.owner, "due_date": a.due_date,
                     "status": a.status, "overdue": a.is_overdue(today)} for a in items])
        return 0
    if not items:
        print(_("No action items."))
    for a in items:
        due = a.due_date.isoformat() if a.due_date else "—"
        mark = "!" if a.is_overdue(today) else " "
        status = action_status_label(a.status)
        print(safe(f"{a.id[:8]} {mark} {due:<10}  {status:<9}  {a.owner or '—'}: {a.description}  ({a.organisation})"))
    return 0


def cmd_action_update(args: argparse.Namespace) -> int:
    kwargs: dict[str, object] = {}
    if args.status:
        kwargs["status"] = args.status
    if args.owner is not None:
        kwargs["owner"] = args.owner
    if args.due is not None:
        kwargs["due_date"] = args.due or None
    if not kwargs:
        raise InvalidInput(_("Say what to change: --status, --owner or --due."))
    db = _open(args)
    try:
        a = Services(db, identity_from_env()).actions.update(args.action, **kwargs)
    finally:
        db.close()
    print(safe(f"{a.id}  {action_status_label(a.status)}  {a.owner or '—'}  {a.due_date or '—'}"))
    return 0


# -- disagreements -----------------------------------------------------------------------


def cmd_disagreements(args: argparse.Namespace) -> int:
    from visitapp.registry.review import disagreements

    db = _open(args)
    try:
        rows = disagreements(db, include_resolved=args.all)
    finally:
        db.close()
    if args.json:
        return print_rows(rows, as_json=True, line=str, empty="")
    if not rows:
        print(_("No disagreements to settle."))
    for d in rows:  # two lines each; every value from a file escaped on its own, the line break is ours
        state = _("settled") if d.resolved else _("open")
        print(f"{d.id[:8]}  {safe(d.organisation)}  {field_label(d.field)}: {safe(_fmt(d.field, d.current_value))}"
              f"  ≠  {safe(_fmt(d.field, d.other_value))} ({safe(d.other_author)})  [{state}]")
        print("    " + _("registry's value from {current}; other value from {other}").format(
            current=safe(_source(d.current_source)), other=safe(_source(d.other_source, d.other_author))))
    return 0


def field_label(field: str) -> str:
    """The fact a disagreement is about, as the coordinator window names it: a structured answer by its template
    label in the user's language ("Employees in the city", not "answer:employees_now")."""
    from visitapp.i18n import current_language
    from visitapp.templates import field_label as template_label

    if field.startswith("answer:"):
        key = field.removeprefix("answer:")
        return template_label(key, current_language()) or _("Answer: {key}").format(key=safe(key.replace("_", " ")))
    return {"organisation": _("Organisation"), "starts_at": _("Date and time"), "place": _("Place")}.get(
        field, safe(field))


def _source(source, signer: str = "") -> str:
    """Who signed the file that gave a disagreeing value, the file and its version."""
    if source is None:
        return signer or _("this registry")
    version = _("version {n}").format(n=source.version) if source.version else _("not finalised")
    return _("{signer}, file {file}, {version}").format(signer=signer or source.signer or "?",
                                                       file=source.file_name or "?", version=version)


def _fmt(field: str, value: object) -> str:
    """A disagreeing value as the window shows it: an organisation with its NIP, a time on the visit's clock."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        name = str(value.get("name") or "?")
        return _("{name} (NIP {nip})").format(name=name, nip=value["nip"]) if value.get("nip") else name
    if field == "starts_at" and isinstance(value, str):
        from visitapp.clock import wall_text

        try:
            return wall_text(dt.datetime.fromisoformat(value), None)
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def cmd_resolve(args: argparse.Namespace) -> int:
    from visitapp.registry.review import resolve

    db = _open(args)
    try:
        d = resolve(db, args.disagreement, args.keep)
    finally:
        db.close()
    print(_("Settled: {field} is {value}.").format(field=field_label(d.field),
                                                   value=safe(_fmt(d.field, d.chosen_value))))
    return 0


# -- report -------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from visitapp.registry.reports import build_report

    if args.lang:
        set_language(args.lang)
    db = _open(args)
    try:
        written = build_report(db, args.out, series=args.series, csv_dir=args.csv_dir, lang=args.lang,
                               csv_separator=CSV_SEPARATORS.get(args.csv_separator))
    finally:
        db.close()
    for path in written:
        print(_("Wrote {path}").format(path=safe(path)))
    return 0


# -- plans --------------------------------------------------------------------------------


def cmd_plan_export(args: argparse.Namespace) -> int:
    from visitapp.cli.minutes import _signer_source
    from visitapp.registry.plans import export_plan

    recipient = None
    if args.encrypt_to_me is not None:
        from visitapp.signing.envelope import load_recipients

        recipient = load_recipients([args.encrypt_to_me])[0]
    source = _signer_source(args)  # a wrong password fails before anything is written
    db = _open(args)
    try:
        count = export_plan(db, args.out, series=args.series, include_all=args.all, source=source,
                            encrypt_to=recipient)
    finally:
        db.close()
    print(ngettext("Wrote {n} planned visit to {path}.", "Wrote {n} planned visits to {path}.", count).format(
        n=count, path=safe(args.out)))
    if source is None:
        sys.stderr.write(_("The plan is not signed: officials can import it only with --allow-unsigned (for tests); "
                           "give --sign or --pkcs11 to sign it.") + "\n")
    return 0


def cmd_plan_import(args: argparse.Namespace) -> int:
    from visitapp.registry import plan_sign
    from visitapp.registry.plans import import_plan, preview_plan, read_plan

    # The signature is checked and only the bytes it covers are parsed, before the database is touched.
    plan, signer = read_plan(args.plan, allow_unsigned=args.allow_unsigned)
    if signer is None:
        sys.stderr.write(_("WARNING: this plan is NOT signed; anyone could have written it. Importing it only "
                           "because --allow-unsigned was given.") + "\n")
    db = _open(args, create=True)
    try:
        new_trust = signer is not None and plan_sign.check_trusted(db, signer, trust_signer=args.trust_signer)
        preview = preview_plan(db, plan)
        if preview.changes:
            listing = sys.stderr if args.json else sys.stdout  # --json keeps stdout for the JSON result
            print(_("The plan changes visits you already have:"), file=listing)
            for line in preview.lines():
                print("  " + safe(line), file=listing)  # names from the plan are escaped already; ids too now
            if not args.yes:
                n = len(preview.changes)
                raise InvalidInput(ngettext("Nothing was imported; {n} change is listed above: to apply it, import "
                                            "again with --yes.",
                                            "Nothing was imported; {n} changes are listed above: to apply them, "
                                            "import again with --yes.", n).format(n=n))
        trusting = signer.certificate if new_trust and signer is not None else None
        # One transaction: a plan that is not imported (changed meanwhile, busy) leaves its signer untrusted.
        result = import_plan(db, plan, confirmed=preview, trust_certificate=trusting)
        if trusting is not None and signer is not None:
            print(_("Trusted: {name} ({org}), fingerprint {fp}").format(
                name=plan_sign.printable(signer.name) or "?", org=plan_sign.printable(signer.organisation) or "-",
                fp=signer.fingerprint))
    finally:
        db.close()
    if args.json:
        print_json(result)
    else:
        added = len(result.added)
        print(_("{added}, {updated} updated, {unchanged} unchanged.").format(
            added=ngettext("{n} visit added", "{n} visits added", added).format(n=added),
            updated=len(result.updated), unchanged=len(result.unchanged)))
        for visit_id in result.added:
            print(safe(visit_id))  # an id from the plan file
    return 0


def provenance_lines(db: Database, visit_id: str) -> list[str]:
    """The provenance section of ``visitapp show`` (empty for a visit that was not merged)."""
    from visitapp.registry.review import format_provenance, visit_provenance

    return format_provenance(visit_provenance(db, visit_id), local)

