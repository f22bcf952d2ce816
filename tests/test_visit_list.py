"""The Core-only visit list of ``visitapp visits`` (visitapp/db/visit_list.py) reads what the ORM service reads.

Its tables are a description of its own (the models import the ORM, which ``visits`` starts without): the
columns must stay those of the models, and the rows those of ``VisitService.list``, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import DateTime, Integer, String

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.db.visit_list import ORGANISATIONS, SERIES, VISITS, VisitRow, list_visits
from visitapp.demo import create_demo
from visitapp.domain import VisitStatus
from visitapp.services import Identity, Services
from visitapp.services.dto import VisitSummary


def test_the_core_tables_are_the_models_columns() -> None:
    for table, model in ((VISITS, m.Visit), (ORGANISATIONS, m.Organisation), (SERIES, m.Series)):
        mapped = model.__table__
        assert table.name == mapped.name
        for column in table.columns:
            assert column.name in mapped.c, (table.name, column.name)
            theirs = mapped.c[column.name].type
            if isinstance(column.type, DateTime):  # models.UTCDateTime: a DateTime stored naive
                assert isinstance(theirs, m.UTCDateTime)
            elif isinstance(column.type, Integer):
                assert isinstance(theirs, Integer)
            else:  # String, or the enum stored as its value's text
                assert isinstance(column.type, String) and isinstance(theirs, String)
                assert column.type.length == theirs.length, (table.name, column.name)
            assert column.primary_key == mapped.c[column.name].primary_key
    assert [f.name for f in dataclasses.fields(VisitRow)] == [f.name for f in dataclasses.fields(VisitSummary)]


def test_the_core_list_is_the_services_list_on_both_engines(registry_target) -> None:
    with Database.open(registry_target) as db:
        svc = Services(db, Identity("Test"))
        create_demo(svc)
        org = svc.organisations.create("Bez Cyklu sp. z o.o.")
        svc.visits.create(org.id, svc.visits.list()[0].starts_at, title="Poza cyklem",  # no series; a tie on start
                          place="Kraków", time_zone="America/New_York")
        listed = svc.visits.list()
        rows = list_visits(db)
        assert [dataclasses.astuple(r) for r in rows] == [dataclasses.astuple(v) for v in listed]
        assert {r.series is None for r in rows} == {True, False}  # the outer join: with a series and without
        assert all(r.starts_at.utcoffset() is not None for r in rows)
        for status in VisitStatus:
            by_status = [dataclasses.astuple(r) for r in list_visits(db, status=status.value)]
            assert by_status == [dataclasses.astuple(v) for v in svc.visits.list(status=status)]
        assert {r.status for r in rows} == {s.value for s in VisitStatus}
