"""`visitapp retention` shows a visit's time on the visit's own clock, as `visitapp visits` does, not on the
computer's: a real process whose clock is UTC (TZ=UTC) listing a 09:00 Warsaw visit and a 09:00 New York one."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from tests.conftest import run_cli
from visitapp.db import Database
from visitapp.services import Services


def test_retention_lists_each_visit_on_its_own_clock(tmp_path):
    db = str(tmp_path / "r.db")
    with Database.open(db) as database:
        svc = Services(database)
        ids = [svc.visits.create(svc.organisations.create(org).id, dt.datetime(*when, 9, tzinfo=ZoneInfo(tz)),
                                 title="Wizyta", time_zone=tz).id
               for org, when, tz in (("Comarch S.A.", (2020, 3, 17), "Europe/Warsaw"),
                                     ("Hitachi Vantara", (2020, 7, 1), "America/New_York"))]
    done = run_cli("retention", "--db", db, "--older-than", "1y", env={"TZ": "UTC"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{ids[0][:8]}  2020-03-17 09:00 CET  Comarch S.A.  Wizyta  ")  # 08:00 UTC
    assert lines[1].startswith(f"{ids[1][:8]}  2020-07-01 09:00 EDT  Hitachi Vantara  Wizyta  ")  # 13:00 UTC
    done = run_cli("retention", "--db", db, "--older-than", "1y", "--json", env={"TZ": "UTC"})
    rows = json.loads(done.stdout)["visits"]
    assert [(r["starts_at"][:16], r["time_zone"]) for r in rows] == [("2020-03-17T08:00", "Europe/Warsaw"),
                                                                     ("2020-07-01T13:00", "America/New_York")]
