"""``visitapp verify`` and ``visitapp trust anchor …``: signatures under anchors, revocation, timestamps.

Offline by default: nothing is fetched unless ``--online`` is given.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from visitapp.domain import copy_kind_label
from visitapp.errors import InvalidInput
from visitapp.i18n import _, ngettext


def parse_time(text: str) -> dt.datetime:
    """An ISO 8601 time (``2031-05-01`` or ``2031-05-01T10:00+02:00``); without a zone it is UTC."""
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError as err:
        raise argparse.ArgumentTypeError(_("{text} is not a time (give e.g. 2031-05-01 or 2031-05-01T10:00+02:00)")
                                         .format(text=text)) from err
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def add_online_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--online", action="store_true",
                   help=_("ask the certificate authorities (OCSP, CRL) whether certificates were revoked"))
    p.add_argument("--revocation", choices=["soft", "hard"], default="soft",
                   help=_("soft: refuse revoked certificates and warn when the status is unknown; hard: also "
                          "refuse unknown (default: soft)"))


def add_verify_parser(sub: argparse._SubParsersAction) -> None:
    from visitapp.cli.common import add_json_option

    p = sub.add_parser("verify", help=_("check the signatures and the visit record of a PDF"))
    p.add_argument("file", type=Path, metavar="FILE.pdf", help=_("the signed minutes to check"))
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CERT.pem",
                   help=_("a trusted signer's own certificate (repeatable)"))
    p.add_argument("--anchor", type=Path, action="append", default=[], metavar="CA.pem",
                   help=_("a trusted certificate authority: signers whose chain leads to it are trusted (repeatable)"))
    add_trusted_list_options(p)
    add_online_options(p)
    p.add_argument("--at", type=parse_time, metavar="TIME",
                   help=_("judge the certificates at this time instead of now (ISO 8601)"))
    add_json_option(p)
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("augment", help=_("add revocation data and a document timestamp to signed minutes (PAdES "
                                         "B-LT/B-LTA), so they can be verified long after"))
    p.add_argument("file", type=Path, metavar="IN.pdf", help=_("the signed minutes"))
    p.add_argument("--out", required=True, type=Path, metavar="OUT.pdf",
                   help=_("the PDF file to write, with the validation data and the timestamp added"))
    p.add_argument("--timestamp-url", required=True, metavar="URL", help=_("the RFC 3161 timestamp server"))
    p.add_argument("--anchor", type=Path, action="append", default=[], metavar="CA.pem",
                   help=_("the certificate authority of the signers (repeatable)"))
    p.add_argument("--online", action="store_true",
                   help=_("fetch the OCSP/CRL answers to embed (without it only certificates are added)"))
    p.set_defaults(handler=cmd_augment)


def add_trusted_list_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--trusted-list", type=Path, metavar="TL.xml",
                   help=_("a local copy of an ETSI TS 119 612 trusted list (e.g. Poland's): its qualified "
                          "certificate authorities are anchors, and signatures it qualifies are graded qualified"))
    p.add_argument("--tsl-cert", "--tlso", type=Path, dest="tsl_cert", metavar="TLSO.pem",
                   help=_("the certificate of the trusted list's operator, with which its signature is checked"))


def read_trusted_list(path: Path, operators: list, source_cert: Path | None = None, *, chain: bool = False):
    """A trusted list file checked against the operator's certificate (or one of ``operators``; with ``chain``,
    also a list signer whose certificate chains to one of them); one sentence else (see qualified.read_list_file)."""
    from visitapp.signing import qualified

    return qualified.read_list_file(path, operators, source_cert, chain=chain)


def load_anchor_files(paths: list[Path]) -> list:
    from visitapp.signing import pki

    out = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise InvalidInput(_("Cannot read the certificate file {path}.").format(path=path)) from err
        out.append(pki.anchor_certificate(data, str(path)))
    return out


def level_text(level: str) -> str:
    return {
        "qualified": _("qualified (QES, key on a QSCD)"),
        "advanced": _("advanced"),
        "self-signed": _("self-signed, trusted by fingerprint"),
        "pinned": _("trusted by fingerprint"),
    }.get(level, "-")


def revocation_text(sig) -> str:  # a SignatureCheck
    source = {"ocsp": _("OCSP"), "crl": _("CRL"), "embedded": _("embedded in the file")}.get(sig.revocation_source, "")
    when = sig.revoked_at.strftime("%Y-%m-%d %H:%M UTC") if sig.revoked_at else "?"
    text = {
        "good": _("not revoked"),
        "revoked": _("revoked on {when}").format(when=when),
        "unknown": _("unknown"),
        "not_checked": _("not checked (offline)"),
    }.get(sig.revocation, "-")
    return f"{text} ({source})" if source else text


def timestamp_text(sig) -> str:  # a SignatureCheck with a timestamp; {when}, {v}: its time, authority trusted
    if sig.timestamp_qualified:
        return _("qualified timestamp: {when} (its authority is a qualified timestamp service of the trusted list)")
    return _("timestamp (not qualified): {when} (authority trusted: {v})")


CLOCK = "%Y-%m-%d %H:%M:%S %Z"  # a signing time in verify's text, its zone always named


def cmd_verify(args: argparse.Namespace) -> int:
    from visitapp.cli.common import print_json, safe
    from visitapp.clock import in_zone
    from visitapp.signing.assess import TrustPolicy, changed_after_signing, not_checked_text
    from visitapp.signing.sandbox import verify_file_capped
    from visitapp.signing.verify import load_trust_roots

    roots = load_trust_roots(args.trust)
    anchors = load_anchor_files(args.anchor)
    lists: tuple[tuple[bytes, bytes], ...] = ()
    if args.trusted_list is not None:
        lists = (read_trusted_list(args.trusted_list, anchors, args.tsl_cert).pair,)
    elif args.tsl_cert is not None:
        raise InvalidInput(_("--tsl-cert goes with --trusted-list."))
    policy = TrustPolicy(pinned=tuple(c.dump() for c in roots), anchors=tuple(c.dump() for c in anchors),
                         online=args.online, revocation=args.revocation, at=args.at, trusted_lists=lists)
    report = verify_file_capped(args.file, policy)
    if args.json:
        print_json(report.as_json())
        return 0 if report.ok else 1
    yes, no = _("yes"), _("no")
    # Names, fields and ids come from the file (and its certificates): escaped for the terminal.
    for sig in report.signatures:
        print(safe(sig.label))
        print("  " + _("field: {field}").format(field=safe(sig.field)))
        if sig.institution:
            print("  " + _("institution: {o}").format(o=safe(sig.institution)))
        # On the clock of the stamps in the PDF (the visit's zone), named, as the check dialog shows them; --json: UTC.
        when = in_zone(sig.signed_at, report.clock()).strftime(CLOCK) if sig.signed_at else "?"
        print("  " + _("signed at: {when}").format(when=when))
        if sig.timestamp is not None:
            stamp = in_zone(sig.timestamp, report.clock()).strftime(CLOCK)
            trusted = yes if sig.timestamp_trusted else no
            print("  " + timestamp_text(sig).format(when=stamp, v=trusted))
        else:
            print("  " + _("timestamp: none (the signing time is the signer's claim)"))
        print("  " + _("intact: {v}").format(v=yes if sig.intact else no))
        print("  " + _("covers the whole file but for later signatures: {v}").format(
            v=yes if sig.covers_document else no))
        if not sig.intact:  # nothing after the signed bytes changed is believed: trust and grade not judged
            print("  " + _("signature: {level}").format(level=not_checked_text()))
            print("  " + _("trusted signer: {v}").format(v=not_checked_text()))
            continue
        if sig.anchor:
            print("  " + _("chain to: {anchor}").format(anchor=safe(sig.anchor)))
            print("  " + _("signer identity: {identity}").format(identity=safe(sig.identity)))
        if sig.level:
            print("  " + _("signature: {level}").format(level=level_text(sig.level)))
        if sig.revocation:
            print("  " + _("revocation: {status}").format(status=revocation_text(sig)))
        print("  " + _("trusted signer: {v}").format(v=yes if sig.trusted else no))
    rec = report.record
    if report.signatures and changed_after_signing(report):
        print(_("Record: {state}.").format(state=not_checked_text()))
    elif rec.valid:
        copy = copy_kind_label(rec.copy)
        print(_("Record: valid; visit {visit}, version {version}, {copy}.").format(
            visit=safe(rec.visit_id), version=rec.version if rec.version is not None else "-", copy=copy))
    for sig in report.signatures:
        for warning in sig.warnings:
            sys.stderr.write(_("warning: {text}").format(text=safe(warning)) + "\n")
    for problem in report.all_problems():  # as every command says what went wrong, naming the file where it failed
        sys.stderr.write("visitapp: " + safe(_naming_file(problem, args.file, whole_file=not report.signatures))
                         + "\n")
    if report.ok:
        print(_("All signatures are intact and trusted, and the record is valid."))
        return 0
    return 1


def _naming_file(problem: str, path: Path, *, whole_file: bool) -> str:
    """A problem of the whole file ("This file is not a PDF.") with the file's name before it, unless it names the
    file already ("Cannot read x.pdf: …"); a signature's problem names its signature instead."""
    if not whole_file or str(path) in problem or path.name in problem:
        return problem
    return _("{path}: {problem}").format(path=path, problem=problem)


def cmd_augment(args: argparse.Namespace) -> int:
    from visitapp.cli.common import safe
    from visitapp.files import check_writable, write_atomic
    from visitapp.signing.ltv import TimestampUnavailable, augment_pdf
    from visitapp.signing.verify import read_received

    data = read_received(args.file)
    check_writable(args.out)
    anchors = load_anchor_files(args.anchor)
    try:
        with quiet_library_logs():
            out = augment_pdf(data, timestamp_url=args.timestamp_url, anchors=anchors, online=args.online)
    except TimestampUnavailable as err:
        raise InvalidInput(_("{problem} Nothing was written.").format(problem=err)) from err
    write_atomic(args.out, out)
    print(_("Wrote {path}, with validation data and a document timestamp.").format(path=safe(args.out)))
    return 0


@contextlib.contextmanager
def quiet_library_logs() -> Iterator[None]:
    """pyHanko's log lines ("Revocation mode is set to soft-fail…", a chosen mode) stay off the terminal, which
    Python's last-resort handler would print them to; a logging set up by the caller still gets them."""
    quiet = logging.NullHandler()
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    for logger in loggers:
        logger.addHandler(quiet)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(quiet)


def add_augment_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--augment", action="store_true",
                   help=_("add revocation data and a document timestamp to each accepted file, in place "
                          "(needs --timestamp-url)"))
    p.add_argument("--timestamp-url", metavar="URL", help=_("the RFC 3161 timestamp server"))


def augment_accepted(args: argparse.Namespace, db, results: list) -> None:
    """``merge --augment``: each accepted PDF gets its DSS and a document timestamp (B-LT/B-LTA), in place."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    from visitapp.cli.common import safe
    from visitapp.errors import UserError
    from visitapp.files import write_atomic
    from visitapp.registry.trust import TrustStore
    from visitapp.signing.ltv import augment_pdf
    from visitapp.signing.verify import read_received

    if not args.timestamp_url:
        raise InvalidInput(_("--augment needs --timestamp-url URL."))
    anchors = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
               for c in TrustStore(db).anchor_certificates()]
    for result in results:
        path = Path(result.file)
        if result.status != "accepted" or path.suffix.lower() != ".pdf":
            continue  # encrypted minutes (.p7m) stay as they came
        try:
            data = read_received(path)
            if hashlib_sha256(data) != result.sha256:
                raise InvalidInput(_("{path} changed since it was merged; it was not augmented.").format(path=path))
            with quiet_library_logs():
                augmented = augment_pdf(data, timestamp_url=args.timestamp_url, anchors=anchors,
                                        online=args.online, checked=True)
            write_atomic(path, augmented)
        except UserError as err:
            sys.stderr.write(_("warning: {text}").format(text=safe(str(err))) + "\n")
            continue
        if not args.json:
            print(_("augmented  {path}").format(path=safe(str(path))))


def hashlib_sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


# -- trust anchor ---------------------------------------------------------------------------


def add_anchor_parsers(tsub: argparse._SubParsersAction) -> None:
    from visitapp.cli.common import add_db_option, add_json_option

    a = tsub.add_parser("anchor", help=_("the certificate authorities under which signers are trusted by identity"))
    asub = a.add_subparsers(dest="anchor_command", metavar="ACTION", required=True)
    t = asub.add_parser("add", help=_("trust a certificate authority (a root or issuing CA) as an anchor"))
    add_db_option(t, creates=True)
    t.add_argument("cert", type=Path, metavar="CA.pem", help=_("a file with the CA's certificate (PEM or DER)"))
    t.set_defaults(handler=cmd_anchor_add)
    t = asub.add_parser("list", help=_("list the anchors"))
    add_db_option(t)
    add_json_option(t)
    t.set_defaults(handler=cmd_anchor_list)
    t = asub.add_parser("remove", help=_("stop trusting an anchor"))
    add_db_option(t)
    t.add_argument("fingerprint", metavar="FINGERPRINT", help=_("the SHA-256 fingerprint (or its first characters)"))
    t.set_defaults(handler=cmd_anchor_remove)
    add_tsl_parsers(tsub)


def add_tsl_parsers(tsub: argparse._SubParsersAction) -> None:
    from visitapp.cli.common import add_db_option, add_json_option

    a = tsub.add_parser("tsl", help=_("ETSI TS 119 612 trusted lists: their qualified certificate authorities are "
                                      "anchors, and signatures they qualify are graded qualified"))
    asub = a.add_subparsers(dest="tsl_command", metavar="ACTION", required=True)
    t = asub.add_parser("load", help=_("keep a local copy of a trusted list, after checking its signature"))
    add_db_option(t, creates=True)
    t.add_argument("file", type=Path, metavar="TL.xml", help=_("the trusted list, a signed XML file"))
    t.add_argument("--tsl-cert", "--tlso", type=Path, dest="tsl_cert", metavar="TLSO.pem",
                   help=_("the certificate of the list's operator (default: try the registry's anchors)"))
    t.set_defaults(handler=cmd_tsl_load)
    t = asub.add_parser("list", help=_("list the trusted lists"))
    add_db_option(t)
    add_json_option(t)
    t.set_defaults(handler=cmd_tsl_list)
    t = asub.add_parser("remove", help=_("stop using a trusted list"))
    add_db_option(t)
    t.add_argument("fingerprint", metavar="FINGERPRINT", help=_("the SHA-256 fingerprint (or its first characters)"))
    t.set_defaults(handler=cmd_anchor_remove)


def cmd_tsl_load(args: argparse.Namespace) -> int:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    from visitapp.cli.common import safe
    from visitapp.registry.trust import TrustStore

    operators: list = []
    if args.tsl_cert is None:  # the list's signer is checked against the registry's anchors
        db = _open(args)
        try:
            operators = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
                         for c in TrustStore(db).anchor_certificates()]
        finally:
            db.close()
    # Checked before the registry is changed; without --tsl-cert, the list's signer must chain to an anchor.
    trusted = read_trusted_list(args.file, operators, args.tsl_cert, chain=args.tsl_cert is None)
    db = _open(args, create=True)
    try:
        info = TrustStore(db).add_trusted_list(trusted)
    finally:
        db.close()
    n = len(trusted.ca_certificates)
    print(ngettext("{name}: {n} qualified certificate authority, fingerprint {fp}",
                   "{name}: {n} qualified certificate authorities, fingerprint {fp}", n).format(
        name=safe(info.subject), n=n, fp=info.fingerprint))
    return 0


def cmd_tsl_list(args: argparse.Namespace) -> int:
    def describe(r) -> str:
        if not r.holds:
            return f"{r.subject}  " + _("its signature no longer holds: it grades nothing")
        issued = r.issued.strftime("%Y-%m-%d") if r.issued else "?"
        due = r.next_update.strftime("%Y-%m-%d") if r.next_update else "?"
        # each count with its own plural form (Polish has three)
        services = ngettext("{n} service", "{n} services", r.services).format(n=r.services)
        cas = ngettext("{n} qualified CA", "{n} qualified CAs", r.qualified_cas).format(n=r.qualified_cas)
        tsas = ngettext("{n} qualified timestamp service", "{n} qualified timestamp services",
                        r.qualified_tsas).format(n=r.qualified_tsas)
        return f"{r.subject}  " + _("{territory}, {operator}; issued {issued}, next update {due}; {services} "
                                    "({cas}, {tsas})").format(
            territory=r.territory or "?", operator=r.scheme_operator or "?", issued=issued, due=due,
            services=services, cas=cas, tsas=tsas)

    return print_trust_rows(args, lambda store: store.trusted_list_infos(), describe=describe,
                            empty=_("No trusted lists yet; load one with: visitapp trust tsl load TL.xml "
                                    "--tsl-cert TLSO.pem"))


def print_trust_rows(args: argparse.Namespace, read: Callable[[Any], list], *, describe: Callable[[Any], str],
                     empty: str) -> int:
    """The one listing of ``trust list``, ``trust anchor list`` and ``trust tsl list``: the registry's rows
    (``read`` from its TrustStore), a line each (the fingerprint, then ``describe``), or JSON."""
    from visitapp.cli.common import print_rows
    from visitapp.registry.trust import TrustStore

    db = _open(args)
    try:
        rows = read(TrustStore(db))
    finally:
        db.close()
    return print_rows(rows, as_json=args.json, line=lambda r: f"{r.fingerprint}  {describe(r)}", empty=empty)


def valid_until(r) -> str:  # a row with not_after
    return _("valid until {date}").format(date=r.not_after.strftime("%Y-%m-%d") if r.not_after else "?")


def _open(args: argparse.Namespace, create: bool = False):
    from visitapp.cli.common import db_path
    from visitapp.db import Database

    return Database.open(db_path(args), create=create)


def cmd_anchor_add(args: argparse.Namespace) -> int:
    from visitapp.cli.common import safe
    from visitapp.registry.trust import TrustStore
    from visitapp.signing import pki

    try:
        data = args.cert.read_bytes()
    except OSError as err:
        raise InvalidInput(_("Cannot read the certificate file {path}.").format(path=args.cert)) from err
    cert = pki.anchor_certificate(data, str(args.cert))  # refused before the registry is opened
    from cryptography import x509

    db = _open(args, create=True)
    try:
        info = TrustStore(db).add_anchor(x509.load_der_x509_certificate(cert.dump()))
    finally:
        db.close()
    print(_("Anchor: {name}, fingerprint {fp}").format(name=safe(info.subject), fp=info.fingerprint))
    return 0


def cmd_anchor_list(args: argparse.Namespace) -> int:
    return print_trust_rows(args, lambda store: store.anchors(), describe=lambda r: f"{r.subject}  {valid_until(r)}",
                            empty=_("No anchors yet; add one with: visitapp trust anchor add CA.pem"))


def cmd_anchor_remove(args: argparse.Namespace) -> int:
    from visitapp.cli.common import safe
    from visitapp.registry.trust import TrustStore

    db = _open(args)
    try:
        info = TrustStore(db).remove_anchor(args.fingerprint)
    finally:
        db.close()
    print(_("No longer an anchor: {name} ({fp}).").format(name=safe(info.subject), fp=info.fingerprint))
    return 0
