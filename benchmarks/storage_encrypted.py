"""Encrypted storage benchmark: the same database as ``storage.py``, encrypted with SQLCipher 4.

    python benchmarks/storage_encrypted.py [--visits N] [--notes-per-visit N] [--raw-key] [--keep FILE] [--save-only]

(``--visits 500`` for a quick run; the figures of the issue are at the default 200,000 notes.)

Builds the plain database of ``storage.py`` (10,000 visits x 20 notes by default),
analyses its search index, copies it and encrypts the copy with ``visitapp.db.convert``
(a passphrase through SQLCipher 4's key derivation; ``--raw-key``: a random 256-bit
key as the keyring would hold). Prints median and p95 of:

* saving one edited note on the encrypted file: ours (the ``edit_note`` operation, as the
  desktop's DB worker calls it: see ``storage.py``) vs a bare
  ``sqlcipher3`` BEGIN IMMEDIATE + UPDATE + COMMIT on the same file with the same key and
  pragmas (WAL, synchronous=FULL, temp_store=MEMORY, secure_delete=ON; printed), taking
  turns in runs of saves (and, in a last row, alternating every save: see ``storage.py``).
  As in ``storage.py``: the same file, so the bare UPDATE fires the same search-index
  triggers; the lemmas it leaves unwritten are written after it, outside its timing, so
  that our next save analyses only its own note; wall and CPU time, with the load average;
* 20 varied searches on the encrypted file: ours vs a bare FTS5 MATCH through sqlcipher3;
* the cost of encryption itself: ours on the encrypted file vs ours on the plain one
  (save and search, called in turn);
* opening the encrypted database (key derivation included) and listing 50 visits.

Targets (issue 12): note save p95 within 1.5x of the bare sqlcipher3 UPDATE+COMMIT; search
p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._util import measure, row
from benchmarks.storage import QUERIES, RUN, build, engine_pragmas, load, measure_alternately, pragmas
from visitapp.db import Database, convert
from visitapp.db.engines.sqlcipher import DbKey, connect
from visitapp.db.engines.sqlite import match_query
from visitapp.i18n import set_language, system_language
from visitapp.ops import edit_note, history_for
from visitapp.services import Identity, Services
from visitapp.services.search import parse_query


def bare_cipher(path: Path, key: DbKey):
    conn = connect(path, key)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--notes-per-visit", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--raw-key", action="store_true", help="a random 256-bit key instead of a passphrase")
    parser.add_argument("--keep", type=Path,
                        help="build into (or reuse) this plain file; the encrypted copy is beside it")
    parser.add_argument("--save-only", action="store_true",
                        help="only the note-save figures (no searches, no opening figures)")
    args = parser.parse_args()
    rng = random.Random(2026)

    workdir = Path(tempfile.mkdtemp(prefix="visitapp-bench-enc-"))
    plain = args.keep or workdir / "bench.db"
    if not plain.exists():
        start = time.perf_counter()
        build(plain, args.visits, args.notes_per_visit, rng)
        print(f"built {args.visits} visits x {args.notes_per_visit} notes in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    Database.open(plain).close()  # the search index's lemmas, so both files hold the same
    print(f"plain database ready (search index analysed) in {time.perf_counter() - start:.1f} s "
          f"({plain.stat().st_size / 1e6:.0f} MB)")

    key = DbKey.new_raw() if args.raw_key else DbKey(passphrase="benchmark passphrase")
    encrypted = plain.with_name(plain.stem + ".encrypted.db")
    for side in (encrypted, encrypted.with_name(encrypted.name + "-wal"), encrypted.with_name(encrypted.name + "-shm")):
        side.unlink(missing_ok=True)
    shutil.copyfile(plain, encrypted)
    start = time.perf_counter()
    convert.encrypt(encrypted, key)
    print(f"encrypted in place (sqlcipher_export, checked, replaced) in {time.perf_counter() - start:.1f} s; "
          f"key: {'raw 256-bit' if args.raw_key else 'passphrase (SQLCipher 4 KDF)'}")

    db_enc = Database.open(encrypted, key=key)
    db_plain = Database.open(plain)
    svc_enc, svc_plain = Services(db_enc, Identity("bench")), Services(db_plain, Identity("bench"))
    set_language(system_language())  # as the desktop does at start (see storage.py)
    bare = bare_cipher(encrypted, db_enc.backend._key())  # the same (derived) key the engine uses
    note_ids = [r[0] for r in bare.execute("SELECT id FROM notes ORDER BY random() LIMIT 400")]
    uuids = dict(bare.execute(f"SELECT id, uuid FROM notes WHERE id IN ({','.join(map(str, note_ids))})").fetchall())
    picks = iter(range(10**9))

    def save(svc: Services) -> None:
        nid = note_ids[next(picks) % len(note_ids)]
        text = f"Poprawiona notatka {rng.random()} o kompetencjach"
        edit_note(history_for(svc.db, svc.identity), uuids[nid], text=text)

    bare_last: list[int] = []

    def bare_save() -> None:
        nid = note_ids[next(picks) % len(note_ids)]
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("UPDATE notes SET text = ?, updated_at = ? WHERE id = ?",
                     (f"Poprawiona notatka {rng.random()} o kompetencjach", dt.datetime.now().isoformat(" "), nid))
        bare.execute("COMMIT")
        bare_last[:] = [nid]

    def lemmas_of_bare() -> None:
        """Untimed: the lemmas the bare UPDATE left unwritten, so that our next save analyses only its own note."""
        bare.execute("UPDATE search_docs SET lemmas = ? WHERE kind = 'note' AND ref_id = ?",
                     ("poprawic notatka o kompetencja", *bare_last))

    notes = args.visits * args.notes_per_visit
    print(f"\nvisitapp encrypted storage benchmark ({args.visits} visits, {notes} notes)")
    print(f"{'':<34} ours: {engine_pragmas(db_enc)}; bare: {pragmas(bare)}; {load()}")
    one = {"after_base": lemmas_of_bare, "run": RUN}  # runs of saves per side, as in storage.py
    ours_t, bare_t = measure_alternately(lambda: save(svc_enc), bare_save, args.repeat, **one)
    print(row("save one edited note (encrypted)", ours_t, bare_t,
              f"(target: p95 within 1.5x of bare sqlcipher3; runs of {RUN} saves)"))
    ours_c, bare_c = measure_alternately(lambda: save(svc_enc), bare_save, args.repeat, clock=time.process_time,
                                         **one)
    print(row("  the same, CPU time", ours_c, bare_c, "(this process's work; not other processes')"))
    ours_t, bare_t = measure_alternately(lambda: save(svc_enc), bare_save, args.repeat, after_base=lemmas_of_bare)
    print(row("  alternating every save", ours_t, bare_t, "(each save starts with a cache the other emptied)"))
    print(f"{'':<34} {load()}")
    if args.save_only:
        enc_t, plain_t = measure_alternately(lambda: save(svc_enc), lambda: save(svc_plain), args.repeat)
        print(row("cost of encryption: save", enc_t, plain_t, "(ours encrypted | ours plain)"))
        bare.close()
        db_enc.close()
        db_plain.close()
        return

    qi = iter(range(10**9))
    lemma_match = {q: match_query(parse_query(q, exact=False)) for q in QUERIES}

    def search(svc: Services) -> None:
        svc.search.search(QUERIES[next(qi) % len(QUERIES)], limit=50)

    def bare_search() -> None:
        bare.execute(
            "SELECT rowid, snippet(search_fts, 0, '[', ']', '…', 16) FROM search_fts "
            "WHERE search_fts MATCH ? ORDER BY rank LIMIT 50", (lemma_match[QUERIES[next(qi) % len(QUERIES)]],)
        ).fetchall()

    n = len(QUERIES) * 3
    ours_s = measure(lambda: search(svc_enc), n, warmup=len(QUERIES))
    print(row("20 varied searches (encrypted)", ours_s, measure(bare_search, n, warmup=len(QUERIES)),
              "(target: p95 < 50 ms)"))
    cpu = time.process_time
    print(row("  the same, CPU time", measure(lambda: search(svc_enc), n, warmup=len(QUERIES), clock=cpu),
              measure(bare_search, n, warmup=len(QUERIES), clock=cpu),
              "(what a quiet machine shows; wall time counts other processes too)"))

    print("\nthe cost of encryption (ours encrypted | baseline: ours on the plain file)")
    enc_t, plain_t = measure_alternately(lambda: save(svc_enc), lambda: save(svc_plain), args.repeat)
    print(row("save one edited note", enc_t, plain_t))
    enc_s, plain_s = measure_alternately(lambda: search(svc_enc), lambda: search(svc_plain), n,
                                         warmup=len(QUERIES))
    print(row("20 varied searches (each)", enc_s, plain_s))
    bare.close()
    db_enc.close()
    db_plain.close()

    def first_page(path: Path, k: DbKey | None) -> None:
        d = Database.open(path, key=k)
        Services(d, Identity("bench")).visits.list(limit=50)
        d.close()

    print(row("open + first 50 visits", measure(lambda: first_page(encrypted, key), 10, warmup=1),
              measure(lambda: first_page(plain, None), 10, warmup=1),
              "(encrypted, key derivation included | plain)"))


if __name__ == "__main__":
    main()
