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
from typing import Any

from visitapp.db import Database, default_db_path
from visitapp.db.engines import as_target
from visitapp.i18n import _
from visitapp.services import Identity, Services


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=as_target, default=None, metavar="FILE|URL",
        help=_("the database file, or a database URL such as sqlite:///path/to/file.db "
               "(default: $VISITAPP_DB or the user data folder)"),
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON for programs"))


def db_path(args: argparse.Namespace) -> Path | str:
    """``--db``, else ``$VISITAPP_DB``, else the default file: a Path, or a database URL kept as text."""
    return args.db if getattr(args, "db", None) else default_db_path()


def identity_from_env() -> Identity:
    """``VISITAPP_AUTHOR`` (and ``VISITAPP_INSTITUTION``) name the user, else the system's user name."""
    name = os.environ.get("VISITAPP_AUTHOR", "").strip()
    if not name:
        return Identity.system()
    return Identity(name, os.environ.get("VISITAPP_INSTITUTION", "").strip(), os.environ.get("VISITAPP_ROLE", "").strip())


def open_services(args: argparse.Namespace, *, create: bool = False, identity: Identity | None = None) -> Services:
    return Services(Database.open(db_path(args), create=create), identity or identity_from_env())


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


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
        print(line(r))
    return 0
