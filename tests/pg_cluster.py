"""A throwaway PostgreSQL cluster for tests and benchmarks: a temp folder, a Unix socket only, stopped at the end.

Usable without pytest::

    from tests import pg_cluster            # or: sys.path + ``import pg_cluster``
    with pg_cluster.running() as sock:
        url = pg_cluster.create_database(sock, "bench")
        ...                                  # postgresql+psycopg://postgres@/bench?host=<sock>

``initdb`` refuses to run as root, so when we are root the server binaries run
as the ``postgres`` user (``runuser``) in a folder made theirs; otherwise they
run as we are.  The server listens on no TCP port (``listen_addresses=''``),
trusts local connections (the folder is private to the cluster's owner and to
root) and runs with ``fsync=off``: it is thrown away at the end, so durability
buys nothing here.  It is stopped (``pg_ctl stop -m fast``) and its folder
removed when the block ends, also on an exception.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

SUPERUSER = "postgres"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def bin_dir() -> Path | None:
    """The folder of initdb/pg_ctl: from PATH, else Debian's newest /usr/lib/postgresql/N/bin; None if absent."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    found = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin") if (Path(p) / "initdb").exists()]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return found[-1] if found else None


def missing_reason() -> str | None:
    """Why a cluster cannot be started here (one sentence), or None when it can."""
    if bin_dir() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no 'postgres' user to run initdb as"
        if shutil.which("runuser") is None:
            return "running as root, and runuser is missing to run initdb as 'postgres'"
    return None


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd: list[str], log: Path | None = None) -> None:
    done = subprocess.run(_as_owner(cmd), capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        extra = log.read_text(errors="replace")[-2000:] if log is not None and log.exists() else ""
        raise RuntimeError(f"{' '.join(cmd[:2])} failed ({done.returncode}): {done.stderr[-2000:]}{extra}")


@contextlib.contextmanager
def running() -> Iterator[Path]:
    """Start a fresh cluster; yield the folder of its Unix socket; stop and remove it at the end."""
    reason = missing_reason()
    if reason is not None:
        raise RuntimeError(reason)
    bins = bin_dir()
    assert bins is not None
    top = Path(tempfile.mkdtemp(prefix="visitapp-pg-"))
    data, sock, log = top / "data", top / "sock", top / "server.log"
    started = False
    try:
        sock.mkdir()
        if os.geteuid() == 0:
            pg = pwd.getpwnam("postgres")
            for path in (top, sock):
                os.chown(path, pg.pw_uid, pg.pw_gid)
        os.chmod(top, 0o700)
        _run([str(bins / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync", "--no-instructions"])
        options = (f"-k {sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=60 -c shared_buffers=64MB")
        started = True
        _run([str(bins / "pg_ctl"), "start", "-D", str(data), "-w", "-t", "60", "-l", str(log), "-o", options], log)
        yield sock
    finally:
        if started:
            with contextlib.suppress(Exception):
                _run([str(bins / "pg_ctl"), "stop", "-D", str(data), "-m", "fast", "-w", "-t", "60"])
        shutil.rmtree(top, ignore_errors=True)


def url(sock: Path, name: str, *, user: str = SUPERUSER) -> str:
    """The SQLAlchemy URL of database ``name`` in the cluster at ``sock`` (psycopg 3, over the socket)."""
    return f"postgresql+psycopg://{user}@/{name}?host={sock}"


def admin(sock: Path, *statements: str, dbname: str = "postgres") -> None:
    """Run statements as the superuser, each outside a transaction (CREATE/DROP DATABASE need that)."""
    import psycopg

    with psycopg.connect(host=str(sock), user=SUPERUSER, dbname=dbname, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def create_database(sock: Path, name: str) -> str:
    """Create an empty database ``name`` (lowercase letters, digits, _) and return its URL."""
    if not _NAME.match(name):
        raise ValueError(f"not a plain database name: {name!r}")
    admin(sock, f'CREATE DATABASE "{name}"')
    return url(sock, name)


def drop_database(sock: Path, name: str) -> None:
    """Drop database ``name`` even while sessions are still connected to it."""
    if not _NAME.match(name):
        raise ValueError(f"not a plain database name: {name!r}")
    admin(sock, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
