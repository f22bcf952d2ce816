"""``visitapp registry copy --from SRC --to DST``: a whole registry from one database to another (issue 14).

SRC and DST are each a file path or a database URL (``sqlite:///…``,
``postgresql+psycopg://…``), so a registry moves from one coordinator's SQLite
file to the city's PostgreSQL server and back.  The work is
:func:`visitapp.registry.copy.copy_registry`: one transaction on the
destination, verified by row counts and checksums before it commits, refused
for a destination that holds anything.

Secrets are never arguments: ``--from-pass-env VAR`` / ``--to-pass-env VAR``
name the environment variable holding the passphrase of an encrypted file
(a new destination file is then created encrypted with it) or the password of
a PostgreSQL URL that has none (else libpq's ``.pgpass``, ``PGPASSWORD`` or a
service file).  Without them an encrypted file's key comes from the keyring or
a prompt, as for every command.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from visitapp.cli.common import add_json_option, as_target, print_json, safe
from visitapp.db.engines import is_url
from visitapp.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("registry", help=_("work on a whole registry: copy it to another database"))
    rsub = p.add_subparsers(dest="registry_command", metavar="ACTION", required=True, parser_class=type(p))
    c = rsub.add_parser("copy", help=_("copy a whole registry into a new, empty database (SQLite or PostgreSQL), "
                                       "verified before it is committed"))
    c.add_argument("--from", dest="source", required=True, type=as_target, metavar="FILE|URL",
                   help=_("the registry to copy: a database file or a database URL"))
    c.add_argument("--to", dest="destination", required=True, type=as_target, metavar="FILE|URL",
                   help=_("the new, empty database to copy it into: a file (created) or a database URL"))
    c.add_argument("--from-pass-env", metavar="VAR",
                   help=_("the environment variable holding the source's passphrase (encrypted file) or password "
                          "(PostgreSQL URL)"))
    c.add_argument("--to-pass-env", metavar="VAR",
                   help=_("the environment variable holding the destination's password (PostgreSQL URL), or the "
                          "passphrase to encrypt a new destination file with"))
    add_json_option(c)
    c.set_defaults(handler=cmd_registry_copy)


def _open(target: str | Path, env_var: str | None, *, create: bool) -> Any:
    """Open one side; its secret (if named) is read from ``env_var`` and given only to that database."""
    from visitapp.db import Database
    from visitapp.signing.secrets import read_secret

    if is_url(target):
        if str(target).lower().startswith("postgres"):
            from visitapp.db.engines.postgresql import set_password_source

            set_password_source((lambda: read_secret(env_var, "")) if env_var else None)
            try:
                return Database.open(target, create=create)
            finally:
                set_password_source(None)
        return Database.open(target, create=create)
    if env_var:
        from visitapp.db.engines.sqlcipher import DbKey

        return Database.open(target, create=create, key=DbKey(passphrase=read_secret(env_var, "")))
    return Database.open(target, create=create)


def cmd_registry_copy(args: argparse.Namespace) -> int:
    from visitapp.errors import InvalidInput
    from visitapp.registry.copy import copy_registry

    if not is_url(args.source) and not Path(args.source).exists():
        raise InvalidInput(_("There is no database at {path}.").format(path=args.source))
    source = _open(args.source, args.from_pass_env, create=False)
    try:
        destination = _open(args.destination, args.to_pass_env, create=True)
        try:
            result = copy_registry(source, destination)
        finally:
            destination.close()
    finally:
        source.close()
    if args.json:
        print_json(result.as_json())
        return 0
    for table in result.tables:
        print(f"{table.name:<22} {table.rows:>9}  sha256 {table.sha256[:16]}")
    print(safe(_("Copied {rows} rows in {tables} tables from {source} to {destination}; counts and checksums "
                 "match.").format(rows=result.rows, tables=len(result.tables), source=result.source,
                                  destination=result.destination)))
    return 0
