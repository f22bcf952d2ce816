"""Benchmark of the coordinator's merge and report.

1. Generates COUNT signed minutes (default 1,000) from several signers with
   the real rendering and signing code (personal RSA-3072 keys, as keygen makes them).
2. Verifies them all alone (the baseline), then merges them into an empty
   registry, and prints files per second of both and their ratio
   (target: merging within 1.5x of verification alone).
3. Builds a registry of VISITS visits (default 10,000) and times the PDF report
   with CSV files (target: under 10 s) beside reportlab alone drawing the same
   text (benchmarks/report.py, which also runs alone: the quicker way).

    PYTHONPATH=. python benchmarks/merge.py [--count 1000] [--signers 4] [--visits 10000] [--keep DIR]
        [--files-dir DIR] [--processes 2]

The minutes are rendered and signed by a pool of ``--processes`` (about a second each on a quiet core);
``--files-dir`` keeps them (with their signers' keys) for later runs, which only make the ones missing.
Every merge prints its wall time beside its CPU time (this process and its verification worker or
merge processes; not a PostgreSQL server's), and the load average: the machine is often shared.
A quick run: ``--count 40 --visits 0 --postgres --files-dir /tmp/minutes``.

With ``--postgres`` (a throwaway cluster, tests/pg_cluster.py) or ``--db URL``
(a PostgreSQL server: the benchmark creates and drops its own databases
``visitapp_bench_*`` there, so the role needs CREATEDB; a password comes from
the URL or libpq's own means and is handed to subprocesses as PGPASSWORD, never
as an argument), issue 14: the same files are merged into SQLite and into
PostgreSQL in the same run (target: PostgreSQL within 1.5x of SQLite); two
``visitapp merge`` processes of half the files each run at once against one
process merging all of them (target: faster); and the report is built over a
PostgreSQL registry of VISITS visits (target: under 10 s).

With ``--online`` (issue 13) the signers hold certificates from a test CA
(tests/pki_world.py: root and issuing CA, an OCSP responder on 127.0.0.1);
the registry trusts the issuing CA as an anchor and the signers by identity.
It merges the files offline, then online (OCSP answers cached per
certificate within the run) into a fresh registry, and prints both and their
ratio (target: online within 1.3x of offline); then it times ``augment`` of
one file against the local OCSP responder and timestamp authority (target
under 0.5 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.exchange.record import VisitRecord, dump_record

WORDS = ("automatyka chmura dane szkoły uczelnie certyfikacja staże inwestycje kompetencje rekrutacja "
         "energetyka transport mieszkania inżynierowie technicy łączność żłobki język angielski").split()


def base_record(folder: Path) -> VisitRecord:
    from visitapp.services import Identity, Services

    db = Database.open(folder / "seed.db")
    svc = Services(db, Identity("Seed"))
    org = svc.organisations.create("Seed", nip="1260181594")
    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC))
    record = svc.records.finalise(visit.id).record
    db.close()
    return record


def make_record(base: VisitRecord, i: int, author: str, rng: random.Random) -> VisitRecord:
    data = dump_record(base)
    now = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC) + dt.timedelta(hours=i)
    data["author"] = {"name": author, "institution": "Urząd", "role": ""}
    data["visit"].update(id=str(uuid.uuid4()), starts_at=now.isoformat(), place=f"Siedziba {i % 50}",
                         title=f"Wizyta {i}")
    data["organisation"].update(id=str(uuid.uuid4()), name=f"Firma {i % 300} Sp. z o.o.", nip=None)
    sections = [s["key"] for s in data["template"]["sections"]]
    data["notes"] = [
        {"id": str(uuid.uuid4()), "section": rng.choice(sections), "kind": "note", "author": author,
         "text": " ".join(rng.choices(WORDS, k=20)), "created_at": now.isoformat(), "updated_at": now.isoformat(),
         "tags": rng.sample(WORDS, 2), "visibility": "internal", "position": n}
        for n in range(8)
    ]
    data["action_items"] = [
        {"id": str(uuid.uuid4()), "note_id": data["notes"][0]["id"], "description": "Przesłać informacje",
         "owner": rng.choice(["GUP", "CWI", "UMK"]), "due_date": "2026-06-30", "status": "open",
         "created_at": now.isoformat(), "updated_at": now.isoformat()}
    ]
    data["answers"] = [{"field": "skills_in_demand", "value": rng.sample(WORDS, 3), "author": author,
                        "updated_at": now.isoformat()}]
    return VisitRecord.model_validate(data)


_GENERATION = 2  # bump when make_record or the signing changes, so cached files are made again


def _sign_some(job: tuple[Path, dict, list[tuple[str, Path]], list[int]]) -> list[Path]:
    """Render and sign the minutes numbered ``indices`` (one process of the pool)."""
    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    out, base_data, signers, indices = job
    base = VisitRecord.model_validate(base_data)
    sources = [(author, Pkcs12Source(p12, "pw")) for author, p12 in signers]
    files = []
    for i in indices:
        author, source = sources[i % len(sources)]
        pdf = minutes_pdf(make_record(base, i, author, random.Random(i)))
        path = out / f"minutes-{i:05d}.pdf"
        tmp = path.with_suffix(".part")
        tmp.write_bytes(sign_pdf(pdf, source).pdf)
        tmp.replace(path)  # a run stopped half-way leaves no half-written file behind
        files.append(path)
    return files


def generate(folder: Path, count: int, signers: int, files_dir: Path | None = None,
             processes: int = 2) -> tuple[list[Path], list[Path]]:
    """``count`` signed minutes from ``signers`` keys, rendered and signed by a pool of ``processes``.

    With ``files_dir`` they are kept in a folder named after the parameters and reused by later runs (the
    keys with them, so the registry trusts the same certificates); files missing there are made.
    """
    from concurrent.futures import ProcessPoolExecutor

    from visitapp.signing.keys import keygen

    home = (files_dir / f"minutes-g{_GENERATION}-s{signers}") if files_dir else folder
    out = home / "in"
    out.mkdir(parents=True, exist_ok=True)
    people = []
    for n in range(signers):
        p12 = home / f"signer{n}.p12"
        if not p12.exists():
            keygen(f"Urzędnik {n}", "Urząd Miasta", p12, "pw")
        people.append((f"Urzędnik {n}", p12))
    pems = [p12.with_suffix(".pem") for _a, p12 in people]
    todo = [i for i in range(count) if not (out / f"minutes-{i:05d}.pdf").exists()]
    if todo:
        base = dump_record(base_record(folder))
        chunks = [todo[k::max(1, processes) * 4] for k in range(max(1, processes) * 4)]
        with ProcessPoolExecutor(max_workers=max(1, processes)) as pool:
            list(pool.map(_sign_some, [(out, base, people, chunk) for chunk in chunks if chunk]))
    print(f"signed minutes: {count - len(todo)} reused from {home}, {len(todo)} made" if files_dir else
          f"signed minutes: {len(todo)} made")
    return [out / f"minutes-{i:05d}.pdf" for i in range(count)], pems


class Timed:
    """Wall time and CPU time of a block: this process's and its waited-for children's (the verification
    worker, ``visitapp merge`` processes), so a figure taken while others load the machine can be judged.
    A PostgreSQL server's own CPU time is not in it."""

    def __enter__(self) -> Timed:
        import resource

        self._wall, self._cpu = time.perf_counter(), time.process_time()
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        self._kids = kids.ru_utime + kids.ru_stime
        return self

    def __exit__(self, *exc: object) -> None:
        import resource

        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu + kids.ru_utime + kids.ru_stime - self._kids

    def __str__(self) -> str:
        return f"{self.wall:6.1f} s wall, {self.cpu:6.1f} s CPU"


def bench_merge(folder: Path, files: list[Path], pems: list[Path]) -> None:
    from visitapp.registry.merge import Merger
    from visitapp.signing.verify import load_trust_roots, verify_pdf

    roots = load_trust_roots(pems)
    with Timed() as alone:
        for path in files:
            assert verify_pdf(path.read_bytes(), roots, str(path)).ok
    verify_s = alone.wall

    db = Database.open(folder / "registry.db")
    merger = Merger(db, pems)
    with Timed() as merged:
        results = merger.merge_all(files)
    merge_s = merged.wall
    db.close()
    bad = [r for r in results if r.status != "accepted"]
    assert not bad, bad[:3]
    n = len(files)
    print(f"verify alone : {n} files in {alone} = {n / verify_s:6.1f} files/s")
    print(f"verify+merge : {n} files in {merged} = {n / merge_s:6.1f} files/s")
    print(f"ratio merge/verify: {merge_s / verify_s:.2f}x (target <= 1.5x)")


def generate_pki(folder: Path, count: int, signers: int):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from pki_world import PASSWORD, Pki

    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    pki = Pki(folder)
    rng = random.Random(5)
    people = [pki.official(f"official{n}", f"Urzędnik {n}", f"PNOPL-{80010100000 + n}") for n in range(signers)]
    base = base_record(folder)
    files = []
    (folder / "in").mkdir(exist_ok=True)
    for i in range(count):
        p12, _pem, _issued = people[i % signers]
        pdf = minutes_pdf(make_record(base, i, f"Urzędnik {i % signers}", rng))
        path = folder / "in" / f"minutes-{i:05d}.pdf"
        path.write_bytes(sign_pdf(pdf, Pkcs12Source(p12, PASSWORD)).pdf)
        files.append(path)
    return pki, [pem for _p12, pem, _i in people], files


def _pki_registry(path: Path, pki, pems: list[Path]) -> Database:
    from visitapp.registry.trust import TrustStore

    db = Database.open(path)
    store = TrustStore(db)
    store.add_anchor(pki.issuing.cert)
    for pem in pems:
        store.add_file(pem)
    return db


def bench_online(folder: Path, count: int, signers: int) -> None:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    from visitapp.registry.merge import Merger
    from visitapp.signing.ltv import augment_pdf

    t0 = time.perf_counter()
    pki, pems, files = generate_pki(folder, count, signers)
    print(f"generated {len(files)} signed minutes from {signers} signers under a test CA in "
          f"{time.perf_counter() - t0:.1f} s")
    try:
        timings = {}
        for mode in ("offline", "online"):
            db = _pki_registry(folder / f"registry-{mode}.db", pki, pems)
            before = pki.requests("ocsp")
            t0 = time.perf_counter()
            results = Merger(db, online=mode == "online").merge_all(files)
            timings[mode] = time.perf_counter() - t0
            db.close()
            bad = [r for r in results if r.status != "accepted"]
            assert not bad, bad[:3]
            print(f"merge {mode:<7}: {count} files in {timings[mode]:6.1f} s = {count / timings[mode]:6.1f} files/s"
                  f" ({pki.requests('ocsp') - before} OCSP requests)")
        print(f"ratio online/offline: {timings['online'] / timings['offline']:.2f}x (target <= 1.3x)")
        anchor = asn1_x509.Certificate.load(pki.root.cert.public_bytes(serialization.Encoding.DER))
        data = files[0].read_bytes()
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            augment_pdf(data, timestamp_url=pki.url("tsa"), anchors=[anchor], online=True)
            runs.append(time.perf_counter() - t0)
        runs.sort()
        print(f"augment of one file ({len(data) / 1e3:.0f} kB, OCSP + timestamp on 127.0.0.1): median "
              f"{runs[2]:.2f} s, best {runs[0]:.2f} s (target < 0.5 s)")
    finally:
        pki.stop()


def bench_report(folder: Path, visits: int, target: str | Path | None = None) -> None:
    """The report over ``visits`` visits beside reportlab alone drawing the same text (``benchmarks/report.py``)."""
    from benchmarks.report import build, measure_report, show

    db = build(target or folder / "big.db", visits)
    try:
        result = measure_report(db, folder, repeat=1)
    finally:
        db.close()
    show(db.backend.name, visits, result)


class PgServer:
    """A PostgreSQL server on which the benchmark makes fresh databases of its own."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.url = make_url(url).set(drivername="postgresql+psycopg")

    def _admin(self, statement: str) -> None:
        import psycopg

        url = self.url
        params = {"dbname": url.database or "postgres", "user": url.username, "password": url.password,
                  "host": url.query.get("host", url.host), "port": url.port}
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
            conn.execute(statement)

    def fresh(self, name: str) -> str:
        """An empty database ``name`` (made again if it exists), schema built; its URL without the password."""
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{name}"')
        url = self.url.set(database=name, password=None).render_as_string(hide_password=False)
        Database.open(url).close()  # the schema, outside the timings
        return url

    def drop(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def env(self) -> dict[str, str]:
        import os

        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "VISITAPP_LANG": "en"}
        if self.url.password:
            env["PGPASSWORD"] = str(self.url.password)
        return env


def _merged(url: str) -> int:
    from sqlalchemy import func, select

    db = Database.open(url)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(m.MergedFile)) or 0)
    finally:
        db.close()


def _merge_processes(server: PgServer, url: str, pems: list[Path], batches: list[list[Path]]) -> Timed:
    """Time until every ``visitapp merge --into url`` process (one per batch, started together) is done."""
    import subprocess

    trust = [arg for pem in pems for arg in ("--trust", str(pem))]
    timed = Timed().__enter__()
    procs = [subprocess.Popen([sys.executable, "-m", "visitapp", "merge", "--into", url, *trust,
                               *map(str, batch)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env=server.env(), text=True) for batch in batches]
    for proc in procs:
        _out, err = proc.communicate()
        assert proc.returncode == 0, err
    timed.__exit__()
    return timed


def bench_postgres(folder: Path, files: list[Path], pems: list[Path], server: PgServer, visits: int) -> None:
    from visitapp.registry.merge import Merger

    n = len(files)
    if not n:  # --count 0: the report alone, on SQLite and on PostgreSQL
        bench_report(folder, visits)
        bench_report(folder, visits, server.fresh("visitapp_bench_report"))
        server.drop("visitapp_bench_report")
        return
    timings = {}
    for engine in ("SQLite", "PostgreSQL"):
        target: str | Path = folder / "side-by-side.db" if engine == "SQLite" else server.fresh("visitapp_bench_merge")
        db = Database.open(target)
        with Timed() as timings[engine]:
            results = Merger(db, pems).merge_all(files)
        db.close()
        bad = [r for r in results if r.status != "accepted"]
        assert not bad, bad[:3]
        print(f"  merge into {engine}: {timings[engine]} (load average {os.getloadavg()[0]:.1f})", flush=True)
    sq, pg = timings["SQLite"], timings["PostgreSQL"]
    print(f"merge {n} files, one process : SQLite {sq} ({n / sq.wall:5.1f} files/s) | "
          f"PostgreSQL {pg} ({n / pg.wall:5.1f} files/s) | ratio wall {pg.wall / sq.wall:.2f}x, "
          f"CPU {pg.cpu / sq.cpu:.2f}x (target <= 1.5x)")

    one = server.fresh("visitapp_bench_one")
    single = _merge_processes(server, one, pems, [files])
    two = server.fresh("visitapp_bench_two")
    half = n // 2
    both = _merge_processes(server, two, pems, [files[:half], files[half:]])
    assert _merged(one) == _merged(two) == n
    print(f"PostgreSQL, visitapp merge processes: one of {n} files {single} | two of {half} at once "
          f"{both} | ratio wall {both.wall / single.wall:.2f}x (target < 1)")
    for name in ("visitapp_bench_merge", "visitapp_bench_one", "visitapp_bench_two"):
        server.drop(name)
    if not visits:
        return
    bench_report(folder, visits, server.fresh("visitapp_bench_report"))
    server.drop("visitapp_bench_report")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000,
                        help="signed minutes to generate and merge (0: with --postgres or --db, the report alone)")
    parser.add_argument("--signers", type=int, default=4)
    parser.add_argument("--visits", type=int, default=10000,
                        help="visits in the registry for the report (0: no report)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--files-dir", type=Path,
                        help="keep the signed minutes (and their keys) here, in a folder named after --signers, "
                             "and reuse them in later runs (only the missing ones are made)")
    parser.add_argument("--processes", type=int, default=2, help="processes rendering and signing the minutes")
    parser.add_argument("--online", action="store_true",
                        help="signers under a test CA: merge offline vs online (OCSP on 127.0.0.1), and augment")
    parser.add_argument("--db", metavar="URL",
                        help="a PostgreSQL server (URL of a database on it): merge there beside SQLite, concurrent "
                             "merges, the report (makes and drops databases visitapp_bench_* on it)")
    parser.add_argument("--postgres", action="store_true",
                        help="as --db, on a throwaway PostgreSQL cluster started for this run (tests/pg_cluster.py)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="visitapp-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.online:
        bench_online(folder, args.count, args.signers)
        return
    t0 = time.perf_counter()
    files, pems = generate(folder, args.count, args.signers, args.files_dir, args.processes)
    print(f"{len(files)} signed minutes from {args.signers} signers ready in {time.perf_counter() - t0:.1f} s")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.db:
        bench_postgres(folder, files, pems, PgServer(args.db), args.visits)
        return
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        import pg_cluster

        with pg_cluster.running() as sock:
            server = PgServer(pg_cluster.url(sock, "postgres"))
            # The test cluster starts without fsync; SQLite here syncs every commit: so does the server now.
            for setting in ("fsync = on", "synchronous_commit = on", "full_page_writes = on"):
                server._admin(f"ALTER SYSTEM SET {setting}")
            server._admin("SELECT pg_reload_conf()")
            print("throwaway PostgreSQL cluster on a Unix socket, fsync and synchronous_commit on")
            bench_postgres(folder, files, pems, server, args.visits)
        return
    bench_merge(folder, files, pems)
    if args.visits:
        bench_report(folder, args.visits)


if __name__ == "__main__":
    main()
