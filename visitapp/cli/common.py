"""What the subcommands share: the --db option, opening the services, output."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visitapp.i18n import _

if TYPE_CHECKING:  # imported where used: a command that opens no database (verify, augment) skips SQLAlchemy
    from visitapp.services import Identity, Services


def as_target(text: str) -> Path | str:
    """``--db``'s (``--into``'s, ``--from``'s…) type: :func:`visitapp.db.engines.as_target`, imported when a
    command is run.  A PostgreSQL URL with a password in it is wrong usage (exit 2), refused before anything
    connects and without repeating the URL: a command line is seen by everyone who lists the processes."""
    from visitapp.db.engines import as_target as engine_target

    if text.lower().startswith("postgres"):
        from visitapp.db.engines.postgresql import password_in_url, password_in_url_refused

        if password_in_url(text):
            raise argparse.ArgumentTypeError(str(password_in_url_refused()))
    return engine_target(text)


def add_db_option(parser: argparse.ArgumentParser, *, creates: bool = False) -> None:
    """``--db`` and the passphrase options; ``creates``: the command may create the database it names."""
    parser.add_argument(
        "--db", type=as_target, default=None, metavar="FILE|URL",
        help=_("the database file, or a database URL such as sqlite:///path/to/file.db "
               "(default: $VISITAPP_DB or the user data folder)"),
    )
    add_db_pass_option(parser, creates=creates)


def add_db_pass_option(parser: argparse.ArgumentParser, *, creates: bool = False) -> None:
    """``--db-pass-env VAR``: the passphrase of an encrypted database (every command that opens one). Only a
    command that may create its database says that a new one is encrypted with it, and offers ``--db-keyring``
    (still accepted, unlisted, by the others: it changes nothing there)."""
    if creates:
        text = _("the environment variable holding the passphrase of an encrypted database (else its key in the "
                 "keyring, else a prompt); a database this command creates is encrypted with it")
    else:
        text = _("the environment variable holding the passphrase of an encrypted database (else its key in the "
                 "keyring, else a prompt)")
    parser.add_argument("--db-pass-env", metavar="VAR", help=text)
    parser.add_argument(
        "--db-keyring", action="store_true",
        help=_("a database this command creates is encrypted with a random key kept in this computer's keyring")
        if creates else argparse.SUPPRESS,
    )


def db_key_source(env_var: str | None):
    """Where the CLI finds an encrypted database's key: ``$env_var``, else the keyring, else a terminal prompt."""
    from visitapp.db.engines.sqlcipher import DbKey, keyring_key, missing_key
    from visitapp.signing.secrets import read_secret

    def source(path: Path) -> DbKey:
        if env_var:
            return DbKey(passphrase=read_secret(env_var, ""))
        found = keyring_key(path)
        if found is not None:
            return found
        if not sys.stdin or not sys.stdin.isatty():
            raise missing_key(path)
        return DbKey(passphrase=read_secret(None, _("Passphrase of the database {path}: ").format(path=path)))

    return source


def install_db_key_source(args: argparse.Namespace) -> None:
    """Every database this command opens finds its key as :func:`db_key_source` says (``--db-pass-env``)."""
    from visitapp.db.engines.sqlcipher import set_default_key_source, set_new_file_key

    set_default_key_source(db_key_source(getattr(args, "db_pass_env", None)))
    set_new_file_key(new_file_key(args))  # and the databases it creates are encrypted when asked
    env_var = getattr(args, "db_pass_env", None)
    if env_var:  # a PostgreSQL URL without a password takes it from there (put into the URL object, never shown)
        from visitapp.db.engines.postgresql import set_password_source
        from visitapp.signing.secrets import read_secret

        # Only the database the command names gets it (`gui`: not a server the window opens later).
        named = [t for t in (db_path(args), getattr(args, "into", None)) if isinstance(t, str)]
        set_password_source(lambda: read_secret(env_var, ""), only_for=named)


def new_file_key(args: argparse.Namespace):
    """The key of a database this command creates (--db-pass-env, --db-keyring), for the files it names; or None."""
    from visitapp.db.engines.sqlcipher import DbKey
    from visitapp.signing.secrets import read_secret

    env_var, keyring = getattr(args, "db_pass_env", None), getattr(args, "db_keyring", False)
    if not env_var and not keyring:
        return None
    named = {Path(t).expanduser().resolve() for t in (db_path(args), getattr(args, "into", None))
             if t is not None and isinstance(t, Path)}

    def key(path: Path) -> DbKey | None:
        if Path(path).expanduser().resolve() not in named:
            return None
        return DbKey(passphrase=read_secret(env_var, "")) if env_var else DbKey.new_raw()

    return key


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON for programs"))


def db_path(args: argparse.Namespace) -> Path | str:
    """``--db``, else ``$VISITAPP_DB``, else the default file: a Path, or a database URL kept as text."""
    from visitapp.db import default_db_path

    return args.db if getattr(args, "db", None) else default_db_path()


def identity_from_env() -> Identity:
    """``VISITAPP_AUTHOR`` (and ``VISITAPP_INSTITUTION``) name the user, else the system's user name."""
    from visitapp.services import Identity

    name = os.environ.get("VISITAPP_AUTHOR", "").strip()
    if not name:
        return Identity.system()
    return Identity(name, os.environ.get("VISITAPP_INSTITUTION", "").strip(),
                    os.environ.get("VISITAPP_ROLE", "").strip(), os.environ.get("VISITAPP_DEPARTMENT", "").strip())


def install_index_progress() -> None:
    """On a terminal, show the search index being built at open (after an upgrade) on stderr; stdout stays clean."""
    from visitapp.db.database import set_default_progress

    if not sys.stderr.isatty():
        return

    def show(done: int, total: int) -> None:
        line = _("Building the search index: {done} of {total} texts analysed").format(done=done, total=total)
        sys.stderr.write("\r" + line + ("\n" if done >= total else ""))
        sys.stderr.flush()

    set_default_progress(show)


WAIT_SHOWN_EVERY_S = 30  # a long wait is shown at its first retry, then about every half minute
_waits_shown: dict[str, int] = {}


def wait_line_due(key: str, attempt: int, waited: float) -> bool:
    """Whether a wait for other coordinators (retry ``attempt`` of ``key``) is shown now: at its first retry,
    then once each :data:`WAIT_SHOWN_EVERY_S`."""
    if attempt > 1 and int(waited) // WAIT_SHOWN_EVERY_S == _waits_shown.get(key):
        return False
    _waits_shown[key] = int(waited) // WAIT_SHOWN_EVERY_S
    return True


def install_registry_waiting() -> None:
    """On a terminal, a registry write waiting for other coordinators' locks says so on stderr (a line)."""
    if not sys.stderr.isatty():
        return
    from visitapp.registry.waiting import set_default_waiting

    def show(what: str, attempt: int, waited: float) -> None:
        if wait_line_due(what, attempt, waited):
            sys.stderr.write(_("Waiting for other coordinators' work on the registry ({seconds} s so far)…").format(
                seconds=round(waited)) + "\n")
            sys.stderr.flush()

    set_default_waiting(show)


def open_services(args: argparse.Namespace, *, create: bool = False, identity: Identity | None = None) -> Services:
    from visitapp.db import Database
    from visitapp.services import Services

    return Services(Database.open(db_path(args), create=create), identity or identity_from_env())


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    if code in _BIDI:
        return f"\\u{code:04x}"
    return ch


_ESCAPES = {code: _escape(chr(code)) for code in (*range(0x20), *range(0x7F, 0xA0), *_BIDI)}


def safe(text: object) -> str:
    """Text from a file, a certificate or a record, fit for a terminal.

    Control characters (C0, DEL, C1: escape sequences that could rewrite the
    screen, move the cursor or fake a line) and bidi overrides and isolates
    (U+202A-202E, U+2066-2069: text shown in another order than it is) are
    shown escaped, as ``\\x1b`` or ``\\u202e``.
    """
    return str(text).translate(_ESCAPES)


def safe_lines(text: object, indent: str) -> str:
    """:func:`safe`, but a text of several lines stays on several lines, each continued after ``indent``."""
    return ("\n" + indent).join(safe(line) for line in str(text).split("\n"))


# json.dumps escapes C0 controls but not DEL, C1 or bidi controls (with ensure_ascii=False, kept for Polish
# letters): those are escaped as \\uXXXX too, which is the same JSON text to a program.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), *_BIDI)}


def print_json(data: Any) -> None:
    """JSON on stdout, as UTF-8 bytes whatever the console's code page (cp1250 has no "→" or Cyrillic)."""
    from visitapp.cli.streams import write_utf8

    text = json.dumps(data, ensure_ascii=False, indent=2, default=_default)
    write_utf8(text.translate(_JSON_ESCAPES) + "\n")


def local(value: dt.datetime | None) -> str:
    """A UTC time shown in the machine's local time zone."""
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def print_rows(
    rows: list[Any], *, as_json: bool, empty: str, line: Callable[[Any], str],
    json_row: Callable[[Any], Any] | None = None,
) -> int:
    """Print a listing for programs (JSON) or for people (a line per row, or ``empty``)."""
    if as_json:
        print_json([json_row(r) for r in rows] if json_row else rows)
        return 0
    if not rows:
        print(empty)
    for r in rows:
        print(safe(line(r)))  # rows hold names and texts from files and records
    return 0
