"""Search on PostgreSQL: 10,000 visits x 20 notes, our search beside a bare ``tsvector @@`` query in the same run.

    python benchmarks/search_pg.py [--visits N] [--notes-per-visit N] [--db URL [--reuse]]

Without ``--db`` a throwaway cluster is started (``tests/pg_cluster.py``,
Unix socket only, ``shared_buffers`` 64 MB: the 200,000 notes' table and
indexes, about 600 MB, do not fit, as on a server with other databases) and
removed at the end.  To keep a built database between runs, give ``--db`` the
URL of an empty database once (it is built there and left), then the same
URL with ``--reuse`` (only the searches: about a minute at 200,000 notes,
instead of three).  The notes are those of
``benchmarks/storage.py`` (the same vocabulary, Zipf-distributed, the same 20
queries: rare and very common words, prefixes, two-word queries).

Prints:

* building: the notes by ``COPY`` and the index refilled in one statement
  per kind (see :func:`build`), then the lemma index (``Database.open``
  analysing every document in batches, as after an upgrade);
* 20 varied searches: ``svc.search.search`` (query analysis, the plan chosen
  for the newest ``RANK_WINDOW`` matches, ranking, snippets marked in Python,
  the service's look-ups) vs a bare ``SELECT … WHERE lemma_tsv @@ to_tsquery(…)
  ORDER BY ts_rank(…) DESC LIMIT 50`` of the same query, built before timing,
  on a plain psycopg connection; wall time and CPU time (this process plus the
  PostgreSQL backend serving it: the figure a quiet machine shows, whatever
  else runs); the same with ``exact=True``; each query's CPU time beside the
  bare one's, with the plans ours ran, and the load average.

Small run: ``--visits 500`` (10,000 notes, about a minute).

Target (issue 14): search p95 under 50 ms at 200,000 notes.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

import random

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from benchmarks._data import add_visits
from benchmarks._util import measure, row
from benchmarks.storage import QUERIES, vocabulary
from visitapp.db import Database
from visitapp.db.engines import postgresql_query as pgq
from visitapp.db.engines import postgresql_search as pgs
from visitapp.services import Identity, Services
from visitapp.services.search import RANK_WINDOW, parse_query


@contextlib.contextmanager
def database(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    import pg_cluster

    with pg_cluster.running() as sock:
        yield pg_cluster.create_database(sock, "bench")


def build(url: str, visits: int, per_visit: int, rng: random.Random) -> None:
    """The notes of ``benchmarks/storage.py`` (same vocabulary and Zipf weights), written fast.

    Organisations and visits by bulk inserts; the notes by ``COPY`` with the
    notes' index trigger off, then the index refilled in one statement per kind
    (:func:`pgs.rebuild`, as an index upgrade does) and its GIN indexes built
    after it: a row-by-row trigger and GIN entry by entry cost minutes at
    200,000 notes and measure nothing searched.
    """
    import uuid

    from visitapp.db import models as m

    words = vocabulary(5000, rng)
    # storage.zipf_text's notes, with the cumulative weights summed once (not for each note: 5,000 per note)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))

    def zipf(rng: random.Random) -> str:
        return " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(8, 30))).capitalize() + "."

    sections = ["profile", "city_projects", "future_skills", "certification", "cooperation",
                "labour_market", "barriers", "requests", "follow_ups"]
    db = Database.open(url)
    now = m.utcnow()
    with db.write() as s:
        add_visits(s, visits, words, rng, now)
        visit_ids = s.execute(text("SELECT id FROM visits ORDER BY id")).scalars().all()
        conn = s.connection()
        conn.execute(text("ALTER TABLE notes DISABLE TRIGGER trg_search_notes"))
        raw: Any = conn.connection.driver_connection
        columns = "uuid, visit_id, section, kind, text, author, tags, position, visibility, deleted, created_at, " \
                  "updated_at"
        with raw.cursor().copy(f"COPY notes ({columns}) FROM STDIN") as copy:
            for v in visit_ids:
                for j in range(per_visit):
                    copy.write_row((str(uuid.uuid4()), v, sections[j % len(sections)], m.NoteKind.NOTE.value,
                                    zipf(rng), "Ewa Kowalczyk", "[]", j,
                                    m.Visibility.INTERNAL.value, False, now, now))
        conn.execute(text("ALTER TABLE notes ENABLE TRIGGER trg_search_notes"))
        # GIN indexes built once over the filled table, not entry by entry: minutes faster at 200,000 notes
        gin = [ddl for ddl in pgs.TABLES_DDL if "USING gin" in ddl]
        conn.execute(text("DROP INDEX ix_search_docs_body, ix_search_docs_lemmas"))
        pgs.rebuild(conn)
        conn.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
        for ddl in gin:
            conn.execute(text(ddl))
    db.close()


def bare_sql(query: str) -> tuple[str, dict[str, object]]:
    """The same conditions as ours, every match ranked (no window), no snippets: a plain tsvector query."""
    built = pgq.build_query(parse_query(query, exact=False))
    assert built is not None
    conditions, params = built
    rank = pgq._RANK
    return (f"SELECT d.id, d.body FROM search_docs d WHERE {' AND '.join(conditions)} "
            f"ORDER BY {rank} DESC LIMIT 50"), params


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--notes-per-visit", type=int, default=20)
    parser.add_argument("--db", help="an empty PostgreSQL database's URL (default: a throwaway cluster)")
    parser.add_argument("--reuse", action="store_true", help="--db holds the notes already: only search")
    args = parser.parse_args()
    notes = args.visits * args.notes_per_visit
    with database(args.db) as url:
        built = analysed = float("nan")
        if not args.reuse:
            started = time.perf_counter()
            build(url, args.visits, args.notes_per_visit, random.Random(7))
            built = time.perf_counter() - started
            # as an upgrade leaves them (a plain connection: Database.open would analyse the rebuild's backlog)
            plain = create_engine(url, poolclass=NullPool)
            with plain.begin() as conn:
                conn.execute(text("UPDATE search_docs SET lemmas = NULL"))
            plain.dispose()
            started = time.perf_counter()
        db = Database.open(url, progress=lambda d, t: None)
        if not args.reuse:
            analysed = time.perf_counter() - started
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE search_docs"))
        svc = Services(db, Identity("bench"))
        print(f"\nvisitapp search on PostgreSQL ({args.visits} visits, {notes} notes)")
        print(f"{'insert the notes (triggers index)':<34} {built:8.1f} s")
        print(f"{'lemma index for every document':<34} {analysed:8.1f} s  (SQLite's target: < 60 s at 200,000)")

        qi = iter(range(10**9))

        def ours() -> None:
            svc.search.search(QUERIES[next(qi) % len(QUERIES)], limit=50)

        def ours_exact() -> None:
            svc.search.search(QUERIES[next(qi) % len(QUERIES)], limit=50, exact=True)

        import psycopg

        bare_url = url.replace("postgresql+psycopg://", "postgresql://")
        bare = psycopg.connect(bare_url, autocommit=True)
        bare.execute("SET plan_cache_mode = force_custom_plan")  # each query planned for its words, as ours
        prepared = {q: bare_sql(q) for q in QUERIES}
        named = {q: (re.sub(r":(\w+)", r"%(\1)s", sql), params) for q, (sql, params) in prepared.items()}

        def base() -> None:
            sql, params = named[QUERIES[next(qi) % len(QUERIES)]]
            bare.execute(sql, params).fetchall()

        ours_cpu, bare_cpu = cpu_clock(db), cpu_clock(bare)
        n = len(QUERIES) * 3
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; CPU time = this process + its "
              f"PostgreSQL backend{'' if ours_cpu is not time.process_time else ' (server not local: ours only)'}")
        ours_s, base_s = measure(ours, n, warmup=len(QUERIES)), measure(base, n, warmup=len(QUERIES))
        print(row("20 varied searches, wall", ours_s, base_s, "(target: p95 < 50 ms)"))
        print(row("  the same, CPU time", measure(ours, n, warmup=len(QUERIES), clock=ours_cpu),
                  measure(base, n, warmup=len(QUERIES), clock=bare_cpu), "(what a quiet machine shows)"))
        print(row("  exact=True, wall", measure(ours_exact, n, warmup=len(QUERIES)), base_s))
        print(row("  exact=True, CPU time", measure(ours_exact, n, warmup=len(QUERIES), clock=ours_cpu), None))
        print("\nper query (CPU ms, median of 3): ours | bare; the plans ours ran (postgresql_query.find)")
        for q in QUERIES:
            def one(q: str = q) -> None:
                svc.search.search(q, limit=50)

            def one_bare(q: str = q) -> None:
                bare.execute(*named[q]).fetchall()

            mine = statistics.median(measure(one, 3, 1, clock=ours_cpu))
            theirs = statistics.median(measure(one_bare, 3, 1, clock=bare_cpu))
            print(f"  {q!r:26} {mine * 1000:7.1f} | {theirs * 1000:7.1f}   {plans_of(db, q)}")
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        bare.close()
        db.close()


def _backend_clock(pid: int) -> Callable[[], float] | None:
    stat = Path(f"/proc/{pid}/schedstat")
    if not stat.exists():
        return None
    return lambda: time.process_time() + int(stat.read_text().split()[0]) / 1e9


def cpu_clock(conn: Any) -> Callable[[], float]:
    """This process's CPU time plus that of the PostgreSQL backend serving ``conn`` (a Database or psycopg).

    The pool hands a single-threaded caller the same connection each time, so
    one backend serves every search; ``/proc/<pid>/schedstat`` counts its CPU
    time in nanoseconds (a server on another machine: this process only).
    """
    if isinstance(conn, Database):
        with conn.engine.connect() as c:
            pid = int(c.execute(text("SELECT pg_backend_pid()")).scalar_one())
    else:
        pid = int(conn.execute("SELECT pg_backend_pid()").fetchone()[0])
    return _backend_clock(pid) or time.process_time


def plans_of(db: Database, query: str) -> str:
    terms = parse_query(query, exact=False)
    built = pgq.build_query(terms)
    assert built is not None
    conditions, params = built
    params.update(limit=50, window=RANK_WINDOW)
    with db.read() as s:
        _rows, plans = pgq.find(s, terms, conditions, params, RANK_WINDOW)
    return ", ".join(p.how + ("" if p.low is None else f" ids >= {p.low}") for p in plans)


if __name__ == "__main__":
    main()
