"""The PostgreSQL engine's search queries: the newest ``window`` matches, ranked, found by the cheapest plan.

The index is ``postgresql_search.py``'s (``body_tsv``, ``lemma_tsv``, a GIN
index on each).  Ranking reads the newest ``window`` matches of a query
(``ts_rank``), so the cost is in finding them.  PostgreSQL has no index
ordered by recency for a word (RUM is an extension not shipped here), and its
planner, left alone, picks between two plans whose cost grows with the word's
frequency in opposite ways:

* ``walk``: the primary key from the newest row, testing each: ``window /
  density`` rows (a word in one document of 12: 24,000 rows for 2,000);
* ``every``: every match through GIN, then sorted by id: cheap for a rare
  word, thousands of heap fetches for one in 10 to 40 documents.

A third plan serves that middle: ``range``, the matches GIN finds among the
newest ids only (a ``BitmapAnd`` of GIN and the primary key over an id range
that should hold ``window`` matches), fetching about ``window`` rows.  Which
plan is cheapest is decided per search by a small cost model (:func:`choose`)
over each term's share of the documents, read from the lexeme statistics of
the last ANALYZE (:func:`term_share`; before any, the planner's estimates).
Two common words together (each in 1 of 4 to 7 documents, both in 1 of 30)
are the costliest case: GIN reads both posting lists whole whatever the plan,
and every match (6,700 for the newest 2,000) is fetched and ranked, so the
range of the newest ids sized by the product of their shares wins.  The plan
is enforced with ``SET LOCAL enable_*`` for its statement, which sets them
back itself once planned (:func:`_run`: one round trip each way).  A
range that held fewer than ``window`` matches (the density among the newest
differs) is followed by the ids below it, for the matches still wanting; a
document's rank is its own, so the parts' best, merged, are the best of all:
the result is always exactly the newest ``window`` matches, ranked, whatever
the plan (:func:`find`).  JIT is off for searches (it compiled for 50-200 ms
on these queries), and each is planned for its own words
(``plan_cache_mode``: psycopg prepares a statement run five times).

Figures (``benchmarks/search_pg.py``, 200,000 notes, CPU time of the client
and its backend, load 5, the previous version interleaved in the same
process): p95 29.4 ms (37.0 before the range for two common words and the
settings set back by the search statement); 'zespół rozwój' 27 ms (43),
'certyfikacja praktyka' 28.5 (36.6); the bare ``tsvector`` query's p95 is
about 130 ms.  Measured and left: a table rewritten in id order (``CLUSTER``:
walks and ranges a quarter cheaper, but it locks the table out while it runs,
and merges scatter it again), a BRIN index on ``id`` for ranges (its lossy
bitmap, intersected first, rechecks every row of a page: slower unless the
planner happens to put GIN first).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from visitapp.db.engines.base import SearchRow, SearchTerm
from visitapp.text.polish import fold
from visitapp.text.snippet import mark_matches

CONFIG = "pg_catalog.simple"

# The cost model, in microseconds of CPU (client and server; fitted to ``benchmarks/search_pg.py`` at 200,000
# notes, each plan of each of its queries forced in turn; only their ratios matter).
WALK_ROW = 1.0  # a row walked along the primary key and tested, matching or not
POSTING = 0.1  # a GIN posting read into a bitmap (a conjunction of common words reads both lists whole)
SPAN = 0.05  # an id of a primary-key range read into a bitmap
FETCH = 3.0  # a matching row fetched from the heap by a bitmap, and ranked
#: How much wider than the estimate says an id range is taken.
RANGE_MARGIN = 1.3
#: The same for a conjunction: the product of its terms' shares already understates it (a long document holds
#: both of two words more often than the product says: by 10-16 % for the benchmark's two-word queries).
RANGE_MARGIN_AND = 1.0
#: Ranges tried (each wider) before the cheaper unbounded plan.
RANGE_TRIES = 2


def _lexeme(words: Sequence[str], prefix: bool = False) -> str:
    """A ``to_tsquery`` operand: the folded words quoted (several make a phrase), ``:*`` for a prefix."""
    quoted = "'" + " ".join(fold(w) for w in words).replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if prefix else "")


def build_query(terms: Sequence[SearchTerm]) -> tuple[list[str], dict[str, Any]] | None:
    """The conditions (ANDed) and their parameters matching every term; ``rank`` scores a row. None: nothing to find.

    Phrases, prefixes and plain words match the typed text (``body_tsv``); a
    word with ``lemmas`` (which always hold the word itself, folded) matches any
    of them in ``lemma_tsv``, and with ``typed`` also the typed text.
    """
    body: list[str] = []
    lemmas: list[str] = []
    either: list[tuple[str, str]] = []
    for t in terms:
        if not t.words:
            continue
        typed = _lexeme(t.words, t.prefix)
        if t.lemmas and len(t.words) == 1 and not t.prefix:
            alternatives = "(" + " | ".join(_lexeme((lemma,)) for lemma in t.lemmas) + ")"
            if t.typed:
                either.append((alternatives, typed))
            else:
                lemmas.append(alternatives)
        else:
            body.append(typed)
    if not (body or lemmas or either):
        return None
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if body:
        conditions.append(f"d.body_tsv @@ to_tsquery('{CONFIG}', :qb)")
        params["qb"] = " & ".join(body)
    if lemmas:
        conditions.append(f"d.lemma_tsv @@ to_tsquery('{CONFIG}', :ql)")
        params["ql"] = " & ".join(lemmas)
    for i, (alternatives, typed) in enumerate(either):
        conditions.append(f"(d.lemma_tsv @@ to_tsquery('{CONFIG}', :el{i}) "
                          f"OR d.body_tsv @@ to_tsquery('{CONFIG}', :eb{i}))")
        params[f"el{i}"] = alternatives
        params[f"eb{i}"] = typed
    # Ranking: every occurrence of any term counts, in the column it matched in.
    params["rank_b"] = " | ".join(body + [typed for _a, typed in either]) or None
    params["rank_l"] = " | ".join(lemmas + [alternatives for alternatives, _t in either]) or None
    return conditions, params


_RANK = (
    f"coalesce(ts_rank(d.body_tsv, to_tsquery('{CONFIG}', :rank_b), 1), 0)"
    f" + coalesce(ts_rank(d.lemma_tsv, to_tsquery('{CONFIG}', :rank_l), 1), 0)"
)


def search_sql(conditions: Sequence[str], restore: str | None = None) -> str:
    """The query: the newest ``:window`` rows meeting ``conditions``, ranked; the best ``:limit``, with their text.

    Each row is ranked where it is read, and only its id and rank go on (not
    its tsvectors: carried to a later ranking, they cost a third more); the
    text is read for the best only.  The last column says how many rows were
    ranked.  ``restore`` (an expression, see :func:`_run`) is evaluated once
    when the statement starts running, i.e. after it was planned, whether or
    not it finds rows (a one-time filter).
    """
    gate = "" if restore is None else f"WHERE (SELECT {restore}) IS NOT NULL "
    return (
        f"WITH h AS MATERIALIZED (SELECT d.id, -({_RANK}) AS rank "
        f"FROM search_docs d WHERE {' AND '.join(conditions)} ORDER BY d.id DESC LIMIT :window), "
        "best AS (SELECT h.id, h.rank FROM h ORDER BY h.rank, h.id DESC LIMIT :limit) "
        "SELECT d.kind, d.ref_id, d.visit_id, d.body, best.rank, (SELECT count(*) FROM h) "
        f"FROM best JOIN search_docs d ON d.id = best.id {gate}ORDER BY best.rank, best.id DESC"
    )


@dataclass(frozen=True)
class Plan:
    """How the newest matches are found: ``walk``, ``every`` or ``range`` (ids from ``low`` up); its cost (us)."""

    how: str
    cost: float
    low: int | None = None


@dataclass(frozen=True)
class Stats:
    """What the cost model needs: the planner's estimated matches of the query and of each term; the documents."""

    matches: float
    postings: float
    docs: float
    low_id: int
    high_id: int
    terms: int = 1


def choose(stats: Stats, window: int, *, ranges: bool = True) -> Plan:
    """The cheapest plan for the newest ``window`` matches (see the module's docstring); ``ranges``: may bound ids."""
    docs = max(stats.docs, 1.0)
    matches = min(max(stats.matches, 1.0), docs)
    density = matches / docs
    ids = stats.high_id - stats.low_id + 1
    walk = Plan("walk", min(docs, min(window, matches) / density) * WALK_ROW)
    every = Plan("every", stats.postings * POSTING + matches * FETCH)
    plans = [walk, every]
    margin = RANGE_MARGIN if stats.terms < 2 else RANGE_MARGIN_AND
    span = margin * window / density  # documents that should hold `window` matches
    if ranges and span < docs:
        low = stats.high_id - int(span * ids / docs)
        cost = stats.postings * POSTING + span * SPAN + margin * window * FETCH
        plans.append(Plan("range", cost, max(low, stats.low_id)))
    return min(plans, key=lambda p: p.cost)


# Plans are enforced for one statement by turning the others' scans off; the statement itself sets them back
# to their values before (read in the same round trip that turned them off) once it has been planned.
_ENFORCE = {
    "walk": ("enable_bitmapscan", "enable_seqscan"),
    "every": ("enable_indexscan", "enable_seqscan"),
    "range": ("enable_indexscan", "enable_seqscan"),
}


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _inline(conditions: Sequence[str], params: dict[str, Any]) -> str:
    """Conditions with their parameters written in as literals (for one EXPLAIN of several queries)."""
    return " AND ".join(re.sub(r"(?<!:):(\w+)", lambda m: _literal(str(params[m.group(1)])), c) for c in conditions)


_LEXEME_STATS = (
    "SELECT attname, most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
    "WHERE schemaname = current_schema() AND tablename = 'search_docs' AND attname IN ('body_tsv', 'lemma_tsv')"
)
_lexeme_cache: dict[tuple[str, str], dict[str, dict[str, float]]] = {}


def lexeme_frequencies(session: Session, analysed: Any) -> dict[str, dict[str, float]]:
    """The share of documents holding each frequent lexeme, per column, from the statistics of the last ANALYZE.

    ``{"body_tsv": {...}, "lemma_tsv": {...}}`` (the ~1,000 most common lexemes
    of each; ``""``: the lowest share listed), read again after each ANALYZE
    (``analysed``: its time).  Empty before the first one.
    """
    key = (str(session.connection().engine.url), str(analysed))
    found = _lexeme_cache.get(key)
    if found is None:
        found = {}
        for column, elems, freqs in session.execute(text(_LEXEME_STATS)):
            if elems and freqs:
                shares = dict(zip(elems, freqs, strict=False))
                shares[""] = min(freqs[: len(elems)])
                found[column] = shares
        _lexeme_cache.clear()  # one database at a time, as a rule (another thread may be reading: no KeyError)
        _lexeme_cache[key] = found
    return found


def _share(shares: dict[str, float], words: Sequence[str], prefix: bool = False) -> float:
    """The share of documents holding ``words`` (a phrase: its rarest word; a prefix: all it begins)."""
    rare = shares[""] / 2  # a lexeme not among the most common is rarer than all of them
    if prefix and len(words) == 1:
        stem = fold(words[0])
        return min(1.0, sum(f for lexeme, f in shares.items() if lexeme and lexeme.startswith(stem)) or rare)
    return min(shares.get(fold(w), rare) for w in words)


def term_share(term: SearchTerm, frequencies: dict[str, dict[str, float]]) -> float:
    """The share of documents a term matches (as :func:`build_query` matches it).

    A word's lemmas are mostly the readings of one typed form, found together
    in the same documents: the most frequent of them stands for all (the
    planner adds them up, and took a word in one document of 14 for one in 4).
    """
    body = _share(frequencies["body_tsv"], term.words, term.prefix)
    if term.lemmas and len(term.words) == 1 and not term.prefix:
        lemmas = max(_share(frequencies["lemma_tsv"], (lemma,)) for lemma in term.lemmas)
        return max(lemmas, body) if term.typed else lemmas
    return body


_SETTINGS = (
    "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true), "
    "(SELECT min(id) FROM search_docs), (SELECT max(id) FROM search_docs), "
    "(SELECT reltuples FROM pg_class WHERE oid = to_regclass('search_docs')), "
    # the functions behind pg_stat_user_tables (the view costs a third of this statement)
    "greatest(pg_stat_get_last_analyze_time(to_regclass('search_docs')), "
    "pg_stat_get_last_autoanalyze_time(to_regclass('search_docs')))"
)


def estimate(session: Session, terms: Sequence[SearchTerm], conditions: Sequence[str],
             params: dict[str, Any]) -> Stats | None:
    """What the cost model needs, from the lexeme statistics (else the planner's estimates); None: no documents."""
    _mode, _jit, low, high, tuples, analysed = session.execute(text(_SETTINGS)).one()
    if low is None:
        return None
    docs = float(tuples) if tuples and tuples > 0 else float(high - low + 1)
    frequencies = lexeme_frequencies(session, analysed) if analysed is not None else {}
    if len(frequencies) == 2:
        shares = [term_share(t, frequencies) for t in terms if t.words]
        matches = docs
        for share in shares:
            matches *= share
        return Stats(matches, docs * sum(shares), docs, int(low), int(high), len(shares))
    parts = [_inline(conditions, params)]
    for term in terms:
        built = build_query([term])
        if built is not None and len(terms) > 1:
            parts.append(_inline(*built))
    sql = " UNION ALL ".join(f"SELECT 1 FROM search_docs d WHERE {part}" for part in parts)
    raw = session.connection().exec_driver_sql("EXPLAIN (FORMAT JSON) " + sql.replace("%", "%%")).scalar_one()
    top = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
    rows = [float(child["Plan Rows"]) for child in top["Plans"]] if len(parts) > 1 else [float(top["Plan Rows"])]
    postings = sum(rows[1:]) if len(rows) > 1 else rows[0]
    return Stats(rows[0], postings, docs, int(low), int(high), len(parts) - 1 if len(parts) > 1 else 1)


def _run(session: Session, plan: Plan, conditions: list[str], params: dict[str, Any], below: int | None,
         window: int) -> Sequence[Any]:
    """The rows of :func:`search_sql` for the newest ``window`` matches with ids in [``plan.low``, ``below``)."""
    bounds = ([] if plan.low is None else ["d.id >= :low"]) + ([] if below is None else ["d.id < :below"])
    names = _ENFORCE[plan.how]
    before = session.execute(text("SELECT " + ", ".join(
        f"current_setting('{name}'), set_config('{name}', 'off', true)" for name in names))).one()[::2]
    restore = " || ".join(f"set_config('{name}', {_literal(value)}, true)" for name, value in zip(names, before,
                                                                                                 strict=True))
    # (a statement that fails leaves its transaction to be rolled back, which undoes the settings as well)
    return session.execute(text(search_sql([*conditions, *bounds], restore)),
                           {**params, "window": window, "low": plan.low, "below": below}).all()


def find(session: Session, terms: Sequence[SearchTerm], conditions: list[str], params: dict[str, Any],
         window: int) -> tuple[list[Any], list[Plan]]:
    """The rows of :func:`search_sql` for the newest ``window`` matches, best first, and the plans that were run.

    A range holding fewer than ``window`` matches is followed by the range
    below it, for the matches still wanting (from the density the first one
    showed), then by an unbounded plan below the last range.  A document's
    rank is its own, so the best of the parts, merged, are the best of all.
    """
    stats = estimate(session, terms, conditions, params)
    if stats is None:
        return [], []
    plans = [choose(stats, window)]
    below: int | None = None
    held = 0
    rows: list[Any] = []
    while True:
        plan = plans[-1]
        part = _run(session, plan, conditions, params, below, window - held)
        rows += part
        held += part[0][5] if part else 0
        if plan.low is None or held >= window or plan.low <= stats.low_id:
            break
        below = plan.low
        density = held / (stats.high_id - below + 1)
        low = below - int(RANGE_MARGIN * (window - held) / density) if density else stats.low_id
        if len(plans) < RANGE_TRIES and low > stats.low_id:
            plans.append(Plan("range", plan.cost, low))
        else:
            plans.append(choose(stats, window - held, ranges=False))
    rows.sort(key=lambda row: row[4])  # stable: equal ranks stay newest first, as each part and the parts are
    return rows[: int(params["limit"])], plans


def search(
    backend: Any, session: Session, terms: list[SearchTerm], *, limit: int, visit_pk: int | None, window: int,
    marks: tuple[str, str],
) -> list[SearchRow]:
    """The best ``limit`` matches of all ``terms``, ranked among the newest ``window`` matches; snippets marked."""
    built = build_query(terms)
    if built is None:
        return []
    conditions, params = built
    window = max(window, 1)
    params.update(limit=limit, window=window)
    if visit_pk is not None:  # one visit's few documents: its index, as the planner finds
        conditions.append("d.visit_id = :vid")
        params["vid"] = visit_pk
        session.execute(text(_SETTINGS))
        rows = list(session.execute(text(search_sql(conditions)), params).all())
    else:
        rows, _plans = find(session, terms, conditions, params, window)
    return [SearchRow(kind, ref_id, vid, mark_matches(body, terms, marks), float(rank))
            for kind, ref_id, vid, body, rank, _ranked in rows]
