"""Storage benchmark: 10,000 visits x 20 notes, our services beside bare sqlite3 in the same run.

    python benchmarks/storage.py [--visits N] [--notes-per-visit N] [--keep FILE] [--save-only]

(``--visits 500`` for a quick run; the figures of the issues are at the default 200,000 notes.)

Prints, for each measurement, median and p95 of ours and of a baseline with bare
``sqlite3`` on the same file (same pragmas: WAL, synchronous=FULL):

* saving one edited note: the ``edit_note`` operation, called as the desktop's DB worker
  calls it for each save while the user types (``ops.edit_note(history, …)``; the CLI's
  ``svc.notes.edit`` adds one call above it): one transaction that reads the note, updates
  it and its visit's ``updated_at`` with SQLAlchemy Core statements compiled once
  (``visitapp/ops/prepared.py``), records the undo step, and writes the note's Polish lemmas
  before COMMIT; vs a bare ``sqlite3`` BEGIN IMMEDIATE + UPDATE notes SET text, updated_at
  WHERE id (its rowid; ours finds the note by its uuid, as the GUI names it) + COMMIT. Fair
  by construction: the same file, so the bare UPDATE fires the same search-index triggers (``search_docs`` and
  FTS5), the same pragmas (printed: WAL, synchronous=FULL: one fsync per commit on both
  sides), the two taking turns so that a change in the machine's load hits both alike: runs of
  ``RUN`` saves each, as the desktop's one writing connection saves a note after another.
  The bare UPDATE leaves its note's lemmas unwritten (it cannot run Morfeusz); they are
  written after it, outside its timing, so that our next save analyses only its own note.
  Wall and CPU time (``time.process_time``: this process's own work, which other processes
  do not inflate; a quiet machine's wall time adds the fsync wait to both) with the load
  average; a second row compares with a bare save that also writes lemmas known beforehand.
  A last row alternates every save: both connections see the other's commits, so each save
  then starts with a cold page cache (SQLite drops it when another connection wrote), which a
  desktop with one writer never meets; the side that reads more pages pays more there;
* 20 varied searches (rare and very common words, prefixes, two-word queries):
  ``svc.search.search`` (Polish lemmas: query analysis, snippets marked in Python) vs a bare
  FTS5 MATCH ... ORDER BY rank LIMIT 50 of the same lemma query, built before timing, on the
  same lemmatised column; and the same with ``exact=True`` (typed forms only);
* building the lemma index for every note (what an upgrade does at the first open: all
  documents analysed in batches by ``Database.open``);
* opening the database and listing the first 50 visits vs a bare connect + SELECT.

Targets (issue 2, issue 9, issue 15): note save p95 within 1.5x of the bare UPDATE + COMMIT; search p95
under 50 ms and within 2x of bare FTS5 on the lemma column; first page under 50 ms; the
lemma index for 200,000 notes under 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from benchmarks._data import add_visits
from benchmarks._util import measure, row
from visitapp.db import Database
from visitapp.db import models as m
from visitapp.db.engines.sqlite import match_query
from visitapp.i18n import set_language, system_language
from visitapp.ops import edit_note, history_for
from visitapp.services import Identity, Services
from visitapp.services.search import parse_query

COMMON = ("firma miasto kompetencje współpraca szkoły praca pracownicy rozwój projekt uczelnie staże "
          "certyfikacja praktyka zespół inwestycja biuro kadry rynek potrzeby oferta edukacja umiejętności "
          "spawacze elektrycy automatyka dane chmura bezpieczeństwo technik inżynier kurs szkolenie").split()
#: Saves in a row per side (see measure_alternately): the desktop saves a note each few seconds of typing on
#: the one writing connection, so its page cache stays warm between saves.
RUN = 20
SYLLABLES = "ka ro wi ta no mi le sza rze ło dź ść pa be ku gó ne li sta pro zy wa ję my".split()


def vocabulary(size: int, rng: random.Random) -> list[str]:
    words = list(COMMON)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def zipf_text(words: list[str], weights: list[float], rng: random.Random) -> str:
    return " ".join(rng.choices(words, weights=weights, k=rng.randint(8, 30))).capitalize() + "."


def build(path: Path, visits: int, per_visit: int, rng: random.Random) -> None:
    words = vocabulary(5000, rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    db = Database.open(path)
    now = m.utcnow()
    sections = ["profile", "city_projects", "future_skills", "certification", "cooperation",
                "labour_market", "barriers", "requests", "follow_ups"]
    with db.write() as s:
        add_visits(s, visits, words, rng, now)
        batch: list[dict] = []
        for v in range(1, visits + 1):
            for j in range(per_visit):
                batch.append({
                    "uuid": str(uuid.uuid4()), "visit_id": v, "section": sections[j % len(sections)],
                    "kind": m.NoteKind.NOTE, "text": zipf_text(words, weights, rng), "author": "Ewa Kowalczyk",
                    "tags": [], "position": j, "visibility": m.Visibility.INTERNAL, "deleted": False,
                    "created_at": now, "updated_at": now,
                })
            if len(batch) >= 20_000:
                s.execute(insert(m.Note), batch)
                batch = []
        if batch:
            s.execute(insert(m.Note), batch)
    db.close()


QUERIES = [
    "firma", "miasto", "kompetencje", "współpraca szkoły", "praca", "spawacz*", "elektrycy",
    "certyfikacja praktyka", "chmura", "bezpieczenstwo", "inżynier", "kurs szkolenie", "staże",
    "łoka", "rowi*", "zespół rozwój", "uczelnie", "dane", "projekt", "technik*",
]


def bare_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def measure_alternately(ours: Callable[[], object], base: Callable[[], object], repeat: int,
                        warmup: int = 3, clock: Callable[[], float] = time.perf_counter,
                        after_base: Callable[[], object] | None = None,
                        run: int = 1) -> tuple[list[float], list[float]]:
    """Like ``measure`` for two functions taking turns: ``run`` calls of ours, ``run`` of base, and again.

    Turns keep a change in the machine's load hitting both alike. ``run=1``
    alternates every call: each side's connection then starts every save with
    a cache the other's commit emptied. A longer run is what one writer sees
    (the desktop's DB worker is the only connection that writes): only the
    first save of each run starts cold, and it is counted like the others.
    ``after_base`` runs after each call of ``base``, outside its timing
    (clean-up that ``base`` leaves for ``ours``, such as the lemmas of a note a
    bare UPDATE wrote).
    """
    for _ in range(warmup):
        ours()
        base()
        if after_base is not None:
            after_base()
    times: tuple[list[float], list[float]] = ([], [])
    while len(times[1]) < repeat:
        for fn, out in ((ours, times[0]), (base, times[1])):
            for _ in range(min(run, repeat - len(out))):
                start = clock()
                fn()
                out.append(clock() - start)
                if fn is base and after_base is not None:
                    after_base()
    return times


def pragmas(conn: Any) -> str:
    """What decides a commit's cost: the journal mode and how often it is synced."""
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[conn.execute("PRAGMA synchronous").fetchone()[0]]
    return f"journal_mode={mode}, synchronous={sync}"


def engine_pragmas(db: Database) -> str:
    with db.engine.connect() as conn:
        return pragmas(conn.connection.driver_connection)


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--notes-per-visit", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="build into (or reuse) this file")
    parser.add_argument("--skip-index-build", action="store_true",
                        help="with --keep: do not time building the lemma index again")
    parser.add_argument("--save-only", action="store_true",
                        help="only the note-save figures (no index build, searches or first page)")
    args = parser.parse_args()
    rng = random.Random(2026)

    workdir = Path(tempfile.mkdtemp(prefix="visitapp-bench-"))
    path = args.keep or workdir / "bench.db"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.visits, args.notes_per_visit, rng)
        print(f"built {args.visits} visits x {args.notes_per_visit} notes in {time.perf_counter() - start:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")

    bare = bare_connect(path)
    if not (args.skip_index_build or args.save_only):
        bare.execute("UPDATE search_docs SET lemmas = NULL")  # as an upgrade leaves them
        notes = bare.execute("SELECT count(*) FROM notes").fetchone()[0]
        start = time.perf_counter()
        Database.open(path).close()
        took = time.perf_counter() - start
        left = bare.execute("SELECT count(*) FROM search_docs WHERE lemmas IS NULL").fetchone()[0]
        print(f"lemma index for {notes} notes (every document, at open, in batches): {took:.1f} s, {left} left "
              f"(target for 200,000 notes: < 60 s)")
    db = Database.open(path)
    svc = Services(db, Identity("bench"))
    set_language(system_language())  # as the desktop does at start: an operation's name is then one look-up
    history = history_for(db, svc.identity)
    note_ids = [r[0] for r in bare.execute("SELECT id, uuid FROM notes ORDER BY random() LIMIT 400")]
    in_ids = ",".join(map(str, note_ids))
    note_uuids = dict(bare.execute(f"SELECT id, uuid FROM notes WHERE id IN ({in_ids})").fetchall())
    picks = iter(range(10**9))

    def ours_save() -> None:
        nid = note_ids[next(picks) % len(note_ids)]
        edit_note(history, note_uuids[nid], text=f"Poprawiona notatka {rng.random()} o kompetencjach")

    bare_last: list[int] = []

    def bare_save() -> None:
        nid = note_ids[next(picks) % len(note_ids)]
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("UPDATE notes SET text = ?, updated_at = ? WHERE id = ?",
                     (f"Poprawiona notatka {rng.random()} o kompetencjach", dt.datetime.now().isoformat(" "), nid))
        bare.execute("COMMIT")
        bare_last[:] = [nid]

    saved_lemmas = "poprawic notatka o kompetencja"

    def lemmas_of_bare() -> None:
        """Untimed: the lemmas the bare UPDATE left unwritten, so that our next save analyses only its own note."""
        bare.execute("UPDATE search_docs SET lemmas = ? WHERE kind = 'note' AND ref_id = ?", (saved_lemmas, *bare_last))

    def bare_save_with_lemmas() -> None:
        """The bare UPDATE + COMMIT that also leaves the index complete: the lemmas (known beforehand) written."""
        nid = note_ids[next(picks) % len(note_ids)]
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("UPDATE notes SET text = ?, updated_at = ? WHERE id = ?",
                     (f"Poprawiona notatka {rng.random()} o kompetencjach", dt.datetime.now().isoformat(" "), nid))
        bare.execute("UPDATE search_docs SET lemmas = ? WHERE kind = 'note' AND ref_id = ?", (saved_lemmas, nid))
        bare.execute("COMMIT")

    counts = bare.execute("SELECT (SELECT count(*) FROM visits), (SELECT count(*) FROM notes)").fetchone()
    print(f"\nvisitapp storage benchmark ({counts[0]} visits, {counts[1]} notes)")
    print(f"{'':<34} ours: {engine_pragmas(db)}; bare: {pragmas(bare)}; {load()}")
    # The figure of the target: one writer saving in runs (as the desktop's DB worker does), each side in turn.
    one = {"after_base": lemmas_of_bare, "run": RUN}
    ours_t, bare_t = measure_alternately(ours_save, bare_save, args.repeat, **one)
    print(row("save one edited note", ours_t, bare_t, f"(target: p95 within 1.5x; runs of {RUN} saves)"))
    ours_c, bare_c = measure_alternately(ours_save, bare_save, args.repeat, clock=time.process_time, **one)
    print(row("  the same, CPU time", ours_c, bare_c, "(this process's work; not other processes')"))
    ours_t, bare_t = measure_alternately(ours_save, bare_save_with_lemmas, args.repeat, run=RUN)
    print(row("  vs bare UPDATE + lemmas + COMMIT", ours_t, bare_t, "(the same index work, no analysis)"))
    ours_t, bare_t = measure_alternately(ours_save, bare_save, args.repeat, after_base=lemmas_of_bare)
    print(row("  alternating every save", ours_t, bare_t, "(each save starts with a cache the other emptied)"))
    print(f"{'':<34} {load()}")
    if args.save_only:
        db.close()
        bare.close()
        return

    qi = iter(range(10**9))

    def ours_search() -> None:
        svc.search.search(QUERIES[next(qi) % len(QUERIES)], limit=50)

    lemma_match = {q: match_query(parse_query(q, exact=False)) for q in QUERIES}

    def bare_search() -> None:
        q = lemma_match[QUERIES[next(qi) % len(QUERIES)]]
        bare.execute(
            "SELECT rowid, snippet(search_fts, 0, '[', ']', '…', 16) FROM search_fts "
            "WHERE search_fts MATCH ? ORDER BY rank LIMIT 50", (q,)
        ).fetchall()

    n = len(QUERIES) * 3
    ours_s, bare_s = measure(ours_search, n, warmup=len(QUERIES)), measure(bare_search, n, warmup=len(QUERIES))
    print(row("20 varied searches (each)", ours_s, bare_s, "(target: p95 < 50 ms and within 2x)"))
    cpu = time.process_time
    ours_c = measure(ours_search, n, warmup=len(QUERIES), clock=cpu)
    print(row("  the same, CPU time", ours_c, measure(bare_search, n, warmup=len(QUERIES), clock=cpu),
              "(what a quiet machine shows; wall time counts other processes too)"))

    def ours_exact() -> None:
        svc.search.search(QUERIES[next(qi) % len(QUERIES)], limit=50, exact=True)

    print(row("  the same with exact=True", measure(ours_exact, n, warmup=len(QUERIES)), bare_s))
    slowest = max(QUERIES, key=lambda q: min(measure(lambda q=q: svc.search.search(q, limit=50), 3, warmup=0)))
    print(f"{'':<34} slowest query for us: {slowest!r}")

    db.close()
    bare.close()

    def ours_first_page() -> None:
        d = Database.open(path)
        Services(d, Identity("bench")).visits.list(limit=50)
        d.close()

    def bare_first_page() -> None:
        c = sqlite3.connect(path)
        c.execute("PRAGMA journal_mode = WAL")
        c.execute(
            "SELECT v.uuid, v.title, v.starts_at, v.status, o.name FROM visits v "
            "JOIN organisations o ON o.id = v.organisation_id ORDER BY v.starts_at DESC LIMIT 50"
        ).fetchall()
        c.close()

    ours_o = measure(ours_first_page, 30)
    print(row("open + first 50 visits", ours_o, measure(bare_first_page, 30), "(target: < 50 ms)"))


if __name__ == "__main__":
    main()
