"""Search on PostgreSQL: 10,000 visits x 20 notes, our search beside a bare ``tsvector @@`` query in the same run.

    python benchmarks/search_pg.py [--visits N] [--notes-per-visit N] [--db URL]

Without ``--db`` a throwaway cluster is started (``tests/pg_cluster.py``,
Unix socket only) and removed at the end.  The notes are those of
``benchmarks/storage.py`` (the same vocabulary, Zipf-distributed, the same 20
queries: rare and very common words, prefixes, two-word queries).

Prints:

* building: inserting the notes (the triggers fill the index), then the lemma
  index (``Database.open`` analysing every document in batches, as after an
  upgrade);
* 20 varied searches: ``svc.search.search`` (query analysis, ranking among the
  newest ``RANK_WINDOW`` matches, snippets marked in Python, the service's
  look-ups) vs a bare ``SELECT … WHERE lemma_tsv @@ to_tsquery(…) ORDER BY
  ts_rank(…) DESC LIMIT 50`` of the same query, built before timing, on a
  plain psycopg connection; the same with ``exact=True``; and the slowest query.

Target (issue 14): search p95 under 50 ms at 200,000 notes.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

import random

from sqlalchemy import text

from benchmarks._util import measure, row
from benchmarks.storage import QUERIES, build
from visitapp.db import Database
from visitapp.db.engines import postgresql_search as pgs
from visitapp.services import Identity, Services
from visitapp.services.search import parse_query


@contextlib.contextmanager
def database(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    import pg_cluster

    with pg_cluster.running() as sock:
        yield pg_cluster.create_database(sock, "bench")


def bare_sql(query: str) -> tuple[str, dict[str, object]]:
    """The same conditions as ours, every match ranked (no window), no snippets: a plain tsvector query."""
    built = pgs.build_query(parse_query(query, exact=False))
    assert built is not None
    conditions, params = built
    rank = pgs._RANK.replace("h.", "d.")
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
            with Database.open(url) as db, db.engine.connect() as conn:
                conn.execute(text("UPDATE search_docs SET lemmas = NULL"))  # as an upgrade leaves them
                conn.commit()
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

        n = len(QUERIES) * 3
        ours_s, base_s = measure(ours, n, warmup=len(QUERIES)), measure(base, n, warmup=len(QUERIES))
        print(row("20 varied searches (each)", ours_s, base_s, "(target: p95 < 50 ms)"))
        print(row("  the same with exact=True", measure(ours_exact, n, warmup=len(QUERIES)), base_s))
        slowest = max(QUERIES, key=lambda q: min(measure(lambda q=q: svc.search.search(q, limit=50), 3, warmup=0)))
        times = measure(lambda: svc.search.search(slowest, limit=50), 10, warmup=1)
        print(row(f"  slowest for us: {slowest!r}", times, None))
        bare.close()
        db.close()


if __name__ == "__main__":
    main()
