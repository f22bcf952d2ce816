"""Full-text search over notes, action items, visits (with organisation names) and participants.

A query word finds every form of every lemma it may stand for (Polish,
Morfeusz 2: ``spawacze`` finds "spawaczy", ``urzędzie`` finds "Urząd"); words
are ANDed; ``"exact phrases"`` and ``word*`` prefixes match the text as
typed, and so does every word with ``exact=True`` (``visitapp search --exact``,
the window's "exact forms" switch).  Diacritics never matter.

The query is parsed here into engine-neutral :class:`SearchTerm` s; the
database's engine (``db.backend.search``, see ``visitapp/db/engines/``) turns
them into its own query (FTS5 ``MATCH`` in SQLite), ranks and cuts snippets.

Ranking cost is bounded: an engine may score only the newest
:data:`RANK_WINDOW` matches (found quickly in index order); for rarer queries
that is all of them and the ranking is exact.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import JSON, ColumnElement, CompoundSelect, bindparam, literal_column, null, select, union_all

from visitapp.db import models as m
from visitapp.db.engines import Backend, SearchTerm
from visitapp.services.base import Service, visit_by_uuid
from visitapp.services.dto import SearchHit

RANK_WINDOW = 2000
MARK_START = "\x02"
MARK_END = "\x03"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[\w]+", re.UNICODE)


def parse_query(user_query: str, *, exact: bool = True) -> list[SearchTerm]:
    """What a person typed, as terms ANDed: words; ``word*`` a prefix; "…" a phrase. Never fails.

    Unless ``exact``, each plain word carries its lemmas (:func:`visitapp.text.polish.query_lemmas`).
    """
    terms = _parse(user_query)
    if exact:
        return terms
    from visitapp.text.polish import query_lemmas, readings

    # A word Morfeusz does not know may be a Polish word typed without its
    # diacritics (``zazolc``): it also matches as typed, in the text.
    return [SearchTerm(t.words, t.prefix, tuple(sorted(query_lemmas(t.words[0]))), typed=not readings(t.words[0]))
            if len(t.words) == 1 and not t.prefix else t for t in terms]


def _parse(user_query: str) -> list[SearchTerm]:
    terms: list[SearchTerm] = []
    for phrase, token in _TOKEN.findall(user_query):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append(SearchTerm(tuple(words)))
            continue
        words = _WORD.findall(token)
        for i, word in enumerate(words):
            # `spawacz*`: the last word is a prefix
            terms.append(SearchTerm((word,), prefix=i == len(words) - 1 and token.endswith("*")))
    return terms


def fts_query(user_query: str) -> str | None:
    """The SQLite FTS5 query for what a person typed (None when there is nothing to look for)."""
    from visitapp.db.engines.sqlite import match_query

    return match_query(parse_query(user_query))


def highlight(snippet: str, start: str = "[", end: str = "]") -> str:
    """Replace the match markers in a snippet with ``start``/``end``."""
    return snippet.replace(MARK_START, start).replace(MARK_END, end)


_REF_MODELS: dict[str, type[m.Record]] = {"note": m.Note, "action": m.ActionItem, "participant": m.Participant}
_VISITS = ""  # the look-up rows of visits (a hit of kind "visit" is one too)
_lookups: dict[type[Backend], CompoundSelect] = {}


def _lookup_statement(backend: Backend) -> CompoundSelect:
    """One statement for every hit's uuid and visit: each kind's ids as one JSON array parameter (built once).

    A search's rows name records by primary key; this turns them into uuids,
    organisations and dates in a single round trip (was one ORM statement per
    kind, plus one for the visits).  The ids travel as JSON arrays read by the
    engine's own function (``json_each``, ``json_array_elements_text``), so the
    SQL text never changes: the driver reuses its prepared statement, and no
    ``IN (…)`` list is rendered again for each search.
    """
    statement = _lookups.get(type(backend))
    if statement is None:
        def among(column: Any, kind: str) -> ColumnElement[bool]:
            return backend.in_json_ids(column, bindparam(kind, type_=JSON))

        v, o = m.Visit.__table__, m.Organisation.__table__
        parts = [
            select(literal_column(f"'{_VISITS}'"), v.c.id, v.c.uuid, o.c.name, v.c.starts_at)
            .join_from(v, o, o.c.id == v.c.organisation_id)
            .where(among(v.c.id, "visit"))
        ]
        for kind, model in _REF_MODELS.items():
            t = model.__table__
            parts.append(select(literal_column(f"'{kind}'"), t.c.id, t.c.uuid, null(), null())
                         .where(among(t.c.id, kind)))
        statement = _lookups[type(backend)] = union_all(*parts)
    return statement


class SearchService(Service):
    def search(self, query: str, *, limit: int = 50, visit_id: str | None = None,
               exact: bool = False) -> list[SearchHit]:
        """The best ``limit`` hits, best first; ``exact`` matches words only as typed (no other forms)."""
        terms = parse_query(query, exact=exact)
        if not terms:
            return []
        with self.db.read() as s:
            visit_pk = visit_by_uuid(s, visit_id).id if visit_id else None
            rows = self.db.backend.search(
                s, terms, limit=limit, visit_pk=visit_pk, window=RANK_WINDOW, marks=(MARK_START, MARK_END)
            )
            if not rows:
                return []
            ids: dict[str, set[int]] = {kind: set() for kind in _REF_MODELS}
            ids["visit"] = {r.visit_pk for r in rows}
            for r in rows:
                ids[r.kind].add(r.ref_id)
            refs: dict[str, dict[int, str]] = {kind: {} for kind in _REF_MODELS}
            visits: dict[int, tuple[str, str, dt.datetime]] = {}
            found = s.execute(_lookup_statement(self.db.backend), {k: sorted(v) for k, v in ids.items()})
            for kind, pk, uuid, org, starts in found:
                if kind == _VISITS:
                    visits[pk] = (uuid, org, starts)
                else:
                    refs[kind][pk] = uuid
            refs["visit"] = {pk: uuid for pk, (uuid, _org, _starts) in visits.items()}
        hits: list[SearchHit] = []
        for r in rows:
            visit_uuid, org, starts_at = visits[r.visit_pk]
            hits.append(SearchHit(r.kind, visit_uuid, refs[r.kind][r.ref_id], r.snippet, r.rank, org, starts_at))
        return hits
