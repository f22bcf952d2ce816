"""Subcommands for signed minutes: keygen, export, cosign, verify.

Passwords and PINs are never arguments (they would show in the process list
and the shell history): ``--pass-env``/``--pin-env`` name an environment
variable that holds them, and without it visitapp asks on the terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from visitapp.errors import InvalidInput
from visitapp.i18n import _, ngettext


def _add_signing_options(p: argparse.ArgumentParser, *, required: bool) -> None:
    g = p.add_argument_group(_("signing (a certificate file, or a smart card / token through PKCS#11)"))
    g.add_argument("--sign", type=Path, metavar="FILE.p12", help=_("sign with this PKCS#12 certificate file"))
    g.add_argument("--pass-env", metavar="VAR", help=_("environment variable holding the certificate file's password "
                                                       "(default: ask)"))
    g.add_argument("--pkcs11", type=Path, metavar="MODULE", help=_("sign with a token through this PKCS#11 module"))
    g.add_argument("--token", metavar="LABEL", help=_("the token's label"))
    g.add_argument("--key", metavar="LABEL", help=_("the label of the key (and certificate) on the token"))
    g.add_argument("--cert-label", metavar="LABEL", help=_("the certificate's label, if not the key's"))
    g.add_argument("--pin-env", metavar="VAR", help=_("environment variable holding the token's PIN (default: ask)"))
    g.add_argument("--reason", help=_("the reason shown in the signature"))
    g.add_argument("--timestamp-url", metavar="URL",
                   help=_("an RFC 3161 timestamp server: the signature proves its time (PAdES B-T); "
                          "without an answer the minutes are signed as offline"))
    p.set_defaults(signing_required=required)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("keygen", help=_("create a personal signing key and certificate"))
    p.add_argument("--name", required=True, help=_("your full name, as it will appear in signatures"))
    p.add_argument("--institution", default="", help=_("your institution"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.p12",
                   help=_("the key file to write; the certificate alone goes beside it as .pem"))
    p.add_argument("--pass-env", metavar="VAR", help=_("environment variable holding the new password (default: ask)"))
    p.set_defaults(handler=cmd_keygen)

    from visitapp.cli.common import add_db_option
    from visitapp.domain import CopyKind

    p = sub.add_parser("export", help=_("finalise a visit and export its minutes as a (signed) PDF"))
    add_db_option(p)
    p.add_argument("--visit", required=True, metavar="ID", help=_("the visit's id (or its first characters)"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf",
                   help=_("the file to write: the minutes as a PDF, or encrypted (name it .p7m) with --encrypt-to "
                          "or --encrypt-for-plan"))
    p.add_argument("--lang", choices=["pl", "en"], help=_("language of the minutes (default: the visit's)"))
    p.add_argument("--copy", choices=[c.value for c in CopyKind], default=CopyKind.INTERNAL.value,
                   help=_("which notes the minutes hold: internal (all of them, the default), partners (those "
                          "shared with partner institutions or fit for the company) or company (only those fit "
                          "for the company)"))
    _add_signing_options(p, required=False)
    g = p.add_argument_group(_("encryption for the coordinator (CMS, .p7m)"))
    g.add_argument("--encrypt-to", type=Path, action="append", default=[], metavar="COORDINATOR.pem",
                   help=_("write the signed minutes encrypted for this certificate (repeatable)"))
    g.add_argument("--encrypt-for-plan", action="store_true",
                   help=_("encrypt for the coordinator whose certificate came with the visit's plan"))
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("cosign", help=_("add your signature to signed minutes, keeping the earlier ones valid"))
    p.add_argument("input", type=Path, metavar="IN.pdf", help=_("the signed minutes to co-sign"))
    p.add_argument("--out", required=True, type=Path, metavar="OUT.pdf",
                   help=_("the co-signed PDF to write"))
    _add_signing_options(p, required=True)
    p.set_defaults(handler=cmd_cosign)

    from visitapp.cli.verify_cmd import add_verify_parser

    add_verify_parser(sub)  # --trust, --anchor, --online, --revocation, --at


# --- signing sources --------------------------------------------------------------------------------


def _signer_source(args: argparse.Namespace):
    from visitapp.signing.secrets import read_secret
    from visitapp.signing.sign import Pkcs11Source, Pkcs12Source

    if args.sign and args.pkcs11:
        raise InvalidInput(_("Choose one way to sign: --sign FILE.p12 or --pkcs11 MODULE, not both."))
    if args.sign:
        if not args.sign.is_file():
            raise InvalidInput(_("The certificate file {path} does not exist.").format(path=args.sign))
        password = read_secret(args.pass_env, _("Password for {path}: ").format(path=args.sign))
        return Pkcs12Source(args.sign, password, timestamp_url=args.timestamp_url)
    if args.pkcs11:
        if not args.token or not args.key:
            raise InvalidInput(_("Signing with a token needs --token LABEL and --key LABEL."))
        pin = read_secret(args.pin_env, _("PIN for token {token}: ").format(token=args.token))
        return Pkcs11Source(args.pkcs11, args.token, args.key, pin, args.cert_label, timestamp_url=args.timestamp_url)
    if args.signing_required:
        raise InvalidInput(_("Say how to sign: --sign FILE.p12 or --pkcs11 MODULE --token LABEL --key LABEL."))
    return None


# --- handlers -----------------------------------------------------------------------------------------


def cmd_keygen(args: argparse.Namespace) -> int:
    from visitapp.signing.keys import keygen
    from visitapp.signing.secrets import read_secret

    password = read_secret(args.pass_env, _("New password for {path}: ").format(path=args.out), confirm=True)
    p12, pem, cert = keygen(args.name, args.institution, args.out, password)
    print(_("Wrote your key to {p12} and your certificate to {pem}.").format(p12=p12, pem=pem))
    print(_("Valid until {date}. Give {pem} to the coordinator so that your signatures are trusted.").format(
        date=cert.not_valid_after_utc.strftime("%Y-%m-%d"), pem=pem.name))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from visitapp.cli.common import open_services
    from visitapp.files import check_writable
    from visitapp.publish import finalise_and_export

    check_writable(args.out)
    recipients = _recipients(args)
    source = _signer_source(args)
    svc = open_services(args)
    try:
        if args.encrypt_for_plan:
            recipients += _plan_recipients(svc, args.visit)
        # The signer is opened before finalising: a wrong password leaves no new version behind.
        done = finalise_and_export(svc, args.visit, args.out, lang=args.lang, copy=args.copy, source=source,
                                   reason=args.reason, signer_is_author=not os.environ.get("VISITAPP_AUTHOR"),
                                   encrypt_to=recipients)
    finally:
        svc.close()
    state = _("new version") if done.created else _("unchanged since that version")
    print(_("Finalised version {version} ({state}).").format(version=done.version, state=state))
    exported = done.export
    if recipients:
        from visitapp.cli.common import safe

        n = len(recipients)
        print(ngettext("Wrote {path}, encrypted for {n} recipient.", "Wrote {path}, encrypted for {n} recipients.",
                       n).format(path=safe(exported.path), n=n))
    if exported.signed:
        from visitapp.cli.common import safe

        print(_("Wrote {path}, signed by {signer}.").format(path=safe(exported.path),
                                                             signer=safe(exported.signed.signer)))
        _say_timestamp(args, exported.signed)
    else:
        print(_("Wrote {path}, not signed (give --sign or --pkcs11 to sign it).").format(path=exported.path))
    return 0


def _recipients(args: argparse.Namespace) -> list:
    from visitapp.signing.envelope import load_recipients

    if (args.encrypt_to or args.encrypt_for_plan) and not (args.sign or args.pkcs11):
        raise InvalidInput(_("Encrypted minutes must be signed: give --sign or --pkcs11 as well."))
    return load_recipients(args.encrypt_to)


def _plan_recipients(svc, visit: str) -> list:  # Services
    from visitapp.registry.plan_recipients import recipients_for_visit

    found = recipients_for_visit(svc.db, visit)
    if not found:
        raise InvalidInput(_("This visit did not come from a plan with the coordinator's encryption certificate; "
                             "give --encrypt-to COORDINATOR.pem instead."))
    return found


def cmd_cosign(args: argparse.Namespace) -> int:
    from visitapp.files import check_writable, write_atomic
    from visitapp.signing.sign import cosign_pdf
    from visitapp.signing.verify import read_received

    data = read_received(args.input)  # a received file: its size is checked before it is read
    check_writable(args.out)
    source = _signer_source(args)
    result = cosign_pdf(data, source, reason=args.reason)
    write_atomic(args.out, result.pdf)
    from visitapp.cli.common import safe

    where = "" if result.visible else " " + _("(no free signature box left: the signature is invisible)")
    print(_("Wrote {path}, co-signed by {signer}.").format(path=safe(args.out), signer=safe(result.signer)) + where)
    _say_timestamp(args, result)
    return 0


def _say_timestamp(args: argparse.Namespace, result) -> None:  # a SignResult
    if getattr(args, "timestamp_url", None) and not result.timestamped:
        sys.stderr.write(_("warning: the timestamp server did not answer; the signature has no timestamp "
                           "(run visitapp augment later).") + "\n")


def cmd_verify(args: argparse.Namespace) -> int:
    from visitapp.cli.verify_cmd import cmd_verify as verify

    return verify(args)
