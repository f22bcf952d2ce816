"""Full-text search over notes, action items, visits (with organisation names) and participants.

Ranking cost is bounded: FTS5 must score every match to order by rank, and a
word found in most of 200,000 notes took about half a second.  So ranking is
done among the newest :data:`RANK_WINDOW` matches only (found quickly in rowid
order); for rarer queries that is all of them and the ranking is exact.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import text

from visitapp.db import fts
from visitapp.services.base import Service, visit_by_uuid
from visitapp.services.dto import SearchHit

RANK_WINDOW = 2000
MARK_START = "\x02"
MARK_END = "\x03"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[\w]+", re.UNICODE)


def fts_query(user_query: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: words ANDed, ``word*`` a prefix, "…" a phrase."""
    parts: list[str] = []
    for phrase, token in _TOKEN.findall(user_query):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        words = [f'"{word}"' for word in _WORD.findall(token)]
        if words and token.endswith("*"):
            words[-1] += "*"  # `spawacz*`: the last word is a prefix
        parts.extend(words)
    if not parts:
        return None
    return fts.fold(" ".join(parts))


def highlight(snippet: str, start: str = "[", end: str = "]") -> str:
    """Replace the match markers in a snippet with ``start``/``end``."""
    return snippet.replace(MARK_START, start).replace(MARK_END, end)


_REF_TABLES = {"note": "notes", "action": "action_items", "visit": "visits", "participant": "participants"}


class SearchService(Service):
    def search(self, query: str, *, limit: int = 50, visit_id: str | None = None) -> list[SearchHit]:
        match = fts_query(query)
        if match is None:
            return []
        with self.db.read() as s:
            params: dict[str, object] = {"q": match, "limit": limit}
            bound = s.execute(
                text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :off"),
                {"q": match, "off": RANK_WINDOW - 1},
            ).scalar()
            where = ""
            if bound is not None:
                where += " AND search_fts.rowid >= :bound"
                params["bound"] = bound
            if visit_id:
                where += " AND d.visit_id = :vid"
                params["vid"] = visit_by_uuid(s, visit_id).id
            rows = s.execute(
                text(
                    "SELECT d.kind, d.ref_id, d.visit_id, "
                    f"snippet(search_fts, 0, '{MARK_START}', '{MARK_END}', '…', 16), search_fts.rank "
                    "FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
                    f"WHERE search_fts MATCH :q{where} ORDER BY search_fts.rank LIMIT :limit"
                ),
                params,
            ).all()
            if not rows:
                return []
            refs: dict[str, dict[int, str]] = {}
            for kind in {r[0] for r in rows}:
                ids = [r[1] for r in rows if r[0] == kind]
                refs[kind] = dict(
                    s.execute(
                        text(f"SELECT id, uuid FROM {_REF_TABLES[kind]} WHERE id IN ({','.join(map(str, ids))})")
                    ).all()
                )
            visit_ids = {r[2] for r in rows}
            visits = {
                vid: (uuid, org, starts)
                for vid, uuid, org, starts in s.execute(
                    text(
                        "SELECT v.id, v.uuid, o.name, v.starts_at FROM visits v "
                        "JOIN organisations o ON o.id = v.organisation_id "
                        f"WHERE v.id IN ({','.join(map(str, visit_ids))})"
                    )
                ).all()
            }
        hits: list[SearchHit] = []
        for kind, ref_id, vid, snippet, rank in rows:
            visit_uuid, org, starts = visits[vid]
            starts_at = dt.datetime.fromisoformat(starts).replace(tzinfo=dt.UTC)  # stored as naive UTC text
            hits.append(SearchHit(kind, visit_uuid, refs[kind][ref_id], snippet, float(rank), org, starts_at))
        return hits
