"""``visitapp db encrypt|decrypt|rekey|backup``: protect a database file with SQLCipher 4, and back it up.

Passphrases come from an environment variable named by the user (``--pass-env``)
or a prompt, never an argument.  ``--keyring`` keeps a random 256-bit key in the
operating system's keyring instead (Windows Credential Manager, macOS
Keychain, Secret Service), under the database's absolute path.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
from pathlib import Path

from visitapp.cli.common import add_db_option, db_path
from visitapp.errors import DatabaseError, InvalidInput, UserError
from visitapp.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help=_("encrypt, decrypt, rekey or back up a database file"))
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True, parser_class=type(p))

    e = dbsub.add_parser("encrypt", help=_("encrypt a plain database in place (SQLCipher 4)"))
    add_db_option(e)
    how = e.add_mutually_exclusive_group()
    how.add_argument("--pass-env", metavar="VAR", help=_("the environment variable holding the new passphrase "
                                                         "(default: ask twice)"))
    how.add_argument("--keyring", action="store_true",
                     help=_("a random key kept in this computer's keyring instead of a passphrase (recommended)"))
    e.set_defaults(handler=cmd_encrypt)

    d = dbsub.add_parser("decrypt", help=_("turn an encrypted database back into a plain file"))
    add_db_option(d)
    d.add_argument("--pass-env", metavar="VAR", help=_("the same as --db-pass-env"))
    d.set_defaults(handler=cmd_decrypt)

    r = dbsub.add_parser("rekey", help=_("encrypt a database with a new passphrase or key"),
                         description=_("Encrypt an encrypted database file again, with a new passphrase or a new "
                                       "key in this computer's keyring; its present passphrase or key is checked "
                                       "first."))
    add_db_option(r)
    r.add_argument("--pass-env", metavar="VAR", help=_("the same as --db-pass-env"))
    new = r.add_mutually_exclusive_group()
    new.add_argument("--new-pass-env", metavar="VAR", help=_("the environment variable holding the new passphrase "
                                                             "(default: ask twice)"))
    new.add_argument("--keyring", action="store_true", help=_("a new random key kept in this computer's keyring"))
    r.set_defaults(handler=cmd_rekey)

    b = dbsub.add_parser("backup", help=_("a consistent copy of a live database (an encrypted one stays encrypted)"))
    add_db_option(b)
    b.add_argument("--out", required=True, type=Path, metavar="FILE", help=_("the backup file to write"))
    b.set_defaults(handler=cmd_backup)


def _file(args: argparse.Namespace) -> Path:
    target = db_path(args)
    if not isinstance(target, Path):
        raise InvalidInput(_("This command works on a database file; give it as a path with --db."))
    return target


def _new_passphrase(env_var: str | None):
    from visitapp.db.engines.sqlcipher import DbKey
    from visitapp.signing.secrets import read_secret

    value = read_secret(env_var, _("New passphrase for the database: "), confirm=env_var is None)
    if not value:
        raise InvalidInput(_("The passphrase is empty; choose one."))
    return DbKey(passphrase=value)


def _present_key(path: Path, env_var: str | None):
    """The database's present key, checked before anything else is asked or changed (wrong: one sentence)."""
    from visitapp.cli.common import db_key_source
    from visitapp.db.engines.sqlcipher import checked_key

    return checked_key(path, db_key_source(env_var)(path))


def cmd_encrypt(args: argparse.Namespace) -> int:
    from visitapp.db import convert
    from visitapp.db.engines import sqlcipher

    path = _file(args)
    if args.keyring:
        key = sqlcipher.DbKey.new_raw()
        previous = sqlcipher.keyring_key(path)
        sqlcipher.store_keyring_key(path, key)  # before the file depends on it
        try:
            convert.encrypt(path, key)
        except BaseException:
            _restore(path, previous)
            raise
        print(_("{path} is encrypted; its key is kept in this computer's keyring.").format(path=path))
        return 0
    convert.encrypt(path, _new_passphrase(args.pass_env))
    print(_("{path} is encrypted; keep its passphrase safe: without it the data cannot be read.").format(path=path))
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    from visitapp.db import convert
    from visitapp.db.engines import sqlcipher

    path = _file(args)
    if convert.is_plain(path):
        raise InvalidInput(_("The database {path} is not encrypted.").format(path=path))
    convert.decrypt(path, _present_key(path, args.pass_env or args.db_pass_env))
    sqlcipher.forget_keyring_key(path)
    print(_("{path} is no longer encrypted.").format(path=path))
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from visitapp.db import convert
    from visitapp.db.engines import sqlcipher

    path = _file(args)
    if convert.is_plain(path):
        raise InvalidInput(_("The database {path} is not encrypted; encrypt it first.").format(path=path))
    old = _present_key(path, args.pass_env or args.db_pass_env)
    if args.keyring:
        new = sqlcipher.DbKey.new_raw()
        previous = sqlcipher.keyring_key(path)
        sqlcipher.store_keyring_key(path, new)
        try:
            convert.rekey(path, old, new)
        except BaseException:
            _restore(path, previous)
            raise
        print(_("{path} has a new key, kept in this computer's keyring.").format(path=path))
        return 0
    convert.rekey(path, old, _new_passphrase(args.new_pass_env))
    sqlcipher.forget_keyring_key(path)
    print(_("{path} has a new passphrase.").format(path=path))
    return 0


def _restore(path: Path, previous: object) -> None:
    """Put back the keyring entry a failed conversion replaced (the file still needs the old key)."""
    from visitapp.db.engines import sqlcipher

    if isinstance(previous, sqlcipher.DbKey):
        sqlcipher.store_keyring_key(path, previous)
    else:
        sqlcipher.forget_keyring_key(path)


def cmd_backup(args: argparse.Namespace) -> int:
    from visitapp.db import Database

    path = _file(args)
    out: Path = args.out.expanduser()
    if out.exists():
        raise InvalidInput(_("{path} already exists; choose another name for the backup.").format(path=out))
    try:
        with Database.open(path, create=False) as db:
            db.backup(out)
    except BaseException as err:
        # Whatever stopped it (a full disk, a pulled stick, Ctrl+C), a partial backup must not look like one.
        for leftover in (out, *(out.with_name(out.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise _backup_error(err, out) from err
    print(_("Backup written to {path}.").format(path=out))
    return 0


def _backup_error(err: BaseException, out: Path) -> BaseException:
    """One sentence for a backup that failed while being written (the error itself for anything else)."""
    import sqlite3

    from sqlcipher3 import dbapi2

    if isinstance(err, UserError) or not isinstance(err, (OSError, sqlite3.Error, dbapi2.Error)):
        return err
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    if "full" in reason.lower() or getattr(err, "errno", None) == errno.ENOSPC:
        return DatabaseError(_("The disk holding {path} is full; the backup was not written and nothing of it "
                               "was kept.").format(path=out))
    return DatabaseError(_("The backup could not be written to {path} ({reason}); nothing of it was kept.")
                         .format(path=out, reason=reason))
