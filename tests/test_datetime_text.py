"""Times in SQLite are written and read by one function of ``UTCDateTime`` (a note save's Python time).

It must write exactly the text SQLAlchemy's own SQLite ``DATETIME`` writes behind the
decorator, read back the same aware UTC datetime, refuse a naive one as before, and leave
every other engine to SQLAlchemy's processors.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.dialects import postgresql, sqlite

from visitapp.db import models as m
from visitapp.services import Identity, Services


class _Reference(TypeDecorator[dt.datetime]):
    """UTCDateTime as it was: its two conversions composed with SQLAlchemy's DATETIME."""

    impl = DateTime
    cache_ok = True
    process_bind_param = m.UTCDateTime.process_bind_param
    process_result_value = m.UTCDateTime.process_result_value


SQLITE = sqlite.dialect()
OURS_BIND = m.UTCDateTime()._cached_bind_processor(SQLITE)
OURS_READ = m.UTCDateTime()._cached_result_processor(SQLITE, None)
REF_BIND = _Reference()._cached_bind_processor(SQLITE)
REF_READ = _Reference()._cached_result_processor(SQLITE, None)

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda mins: dt.timezone(dt.timedelta(minutes=mins)))
aware = st.datetimes(min_value=dt.datetime(2, 1, 1), max_value=dt.datetime(9998, 12, 31), timezones=offsets)


@settings(max_examples=600, deadline=None)
@given(aware)
def test_the_text_written_and_the_time_read_back_are_sqlalchemys(value):
    text = OURS_BIND(value)
    assert text == REF_BIND(value)
    assert OURS_READ(text) == REF_READ(text) == value
    assert OURS_READ(text).tzinfo is dt.UTC


@settings(max_examples=300, deadline=None)
@given(st.lists(aware, min_size=1, max_size=6), st.lists(st.integers(min_value=0, max_value=5), max_size=12))
def test_a_time_written_again_or_after_another_is_still_its_own_text(values, again):
    """The processor keeps the last time and its text (a save writes one "now" twice): never another's."""
    for value in values + [values[i % len(values)] for i in again]:
        assert OURS_BIND(value) == REF_BIND(value)


@pytest.mark.parametrize("stored", ["2026-03-04 05:06:07", "2026-03-04 05:06:07.5", "2026-03-04",
                                    "2026-03-04T05:06:07.123456", "2026-03-04 05:06:07+02:00",
                                    "2026-03-04 05:06:07.123+01:00", "2026-03-04T05:06:07.12345Z"])
def test_text_in_other_shapes_reads_as_sqlalchemy_reads_it(stored):
    """What older versions or other programs may have stored."""
    assert OURS_READ(stored) == REF_READ(stored)


@settings(max_examples=400, deadline=None)
@given(aware, st.sampled_from([" ", "T"]), st.sampled_from(["auto", "seconds", "milliseconds", "microseconds"]))
def test_any_iso_text_reads_as_sqlalchemy_reads_it(value, sep, timespec):
    for stored in (value.isoformat(sep, timespec), value.replace(tzinfo=None).isoformat(sep, timespec)):
        assert OURS_READ(stored) == REF_READ(stored)
        assert OURS_READ(stored).tzinfo == REF_READ(stored).tzinfo


def test_a_naive_time_is_refused_and_none_stays_none():
    with pytest.raises(ValueError, match="naive"):
        OURS_BIND(dt.datetime(2026, 1, 1))
    assert OURS_BIND(None) is None and OURS_READ(None) is None


def test_on_sqlite_one_function_converts_each_way():
    """Not SQLAlchemy's composition of the decorator's step and DATETIME's dict formatting."""
    assert OURS_BIND.__qualname__.startswith("UTCDateTime.") and OURS_READ.__qualname__.startswith("UTCDateTime.")
    assert REF_BIND.__qualname__.startswith("TypeDecorator.")


def test_other_engines_keep_sqlalchemys_processors():
    pg = postgresql.dialect()
    ours = m.UTCDateTime()._cached_bind_processor(pg)
    assert ours is None or ours.__qualname__.startswith("TypeDecorator.")
    value = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert (ours(value) if ours else value) == _Reference().process_bind_param(value, pg)


def test_a_saved_note_stores_the_same_text_as_before(tmp_path):
    from visitapp.db import Database

    db = Database.open(tmp_path / "t.db")
    try:
        svc = Services(db, Identity("Ewa"))
        org = svc.organisations.create("Huta")
        when = dt.datetime(2026, 5, 6, 9, 30, 0, 120000, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        visit = svc.visits.create(org.id, when)
        note = svc.notes.add(visit.id, "Tekst", created_at=when)
        saved = svc.notes.edit(note.id, text="Tekst poprawiony")
    finally:
        db.close()
    with sqlite3.connect(tmp_path / "t.db") as conn:
        starts, created, updated = conn.execute(
            "SELECT v.starts_at, n.created_at, n.updated_at FROM notes n JOIN visits v ON v.id = n.visit_id").fetchone()
    assert starts == created == "2026-05-06 07:30:00.120000"
    assert updated == REF_BIND(saved.updated_at)
    assert saved.created_at == when
