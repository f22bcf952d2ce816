"""``visitapp visit new`` / ``visit edit`` through real processes (issue 10, headless prepare).

A time without an offset is the visit's wall clock (``--tz``, default Europe/Warsaw), whatever the
computer's zone (run with TZ=UTC and TZ=America/New_York); bad input is one sentence, exit 2, and
nothing is written.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NIP = "6770065406"  # Comarch's published NIP: passes the checksum


def visitapp(*args: str, tz: str = "UTC", check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "TZ": tz, "VISITAPP_AUTHOR": "Tester"}
    done = subprocess.run([sys.executable, "-m", "visitapp", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


NEW = ["--org", "Comarch S.A.", "--nip", NIP, "--title", "Wizyta referencyjna", "--start", "2026-03-17T09:00",
       "--end", "2026-03-17T11:30", "--place", "Kraków, al. Jana Pawła II 39a", "--series", "Wizyty 2026",
       "--participant", "Jan Kowalski;Urząd Miasta Krakowa;dyrektor;city",
       "--participant", "Anna Nowak;Comarch;kierowniczka HR;company",
       "--agenda", "Plany inwestycyjne", "--agenda", "Kompetencje przyszłości",
       "--case-number", "WPI-II.0001.2026", "--approver", "Jan Kowalski, dyrektor"]


@pytest.mark.parametrize("tz", ["UTC", "America/New_York"])
def test_visit_new_reads_times_in_the_visit_zone(tmp_path: Path, tz: str) -> None:
    db = tmp_path / "v.db"
    out = json.loads(visitapp("visit", "new", "--db", str(db), *NEW, "--json", tz=tz).stdout)
    # 09:00 in Kraków in March (CET) is 08:00 UTC, on any computer
    assert rows(db, "SELECT starts_at, ends_at, time_zone, title, place, case_number, approver FROM visits") == [
        ("2026-03-17 08:00:00.000000", "2026-03-17 10:30:00.000000", "Europe/Warsaw", "Wizyta referencyjna",
         "Kraków, al. Jana Pawła II 39a", "WPI-II.0001.2026", "Jan Kowalski, dyrektor")]
    assert out["starts_at"] == "2026-03-17T09:00:00+01:00" and out["time_zone"] == "Europe/Warsaw"
    assert out["organisation"]["nip"] == NIP and out["series"] == "Wizyty 2026"
    assert out["agenda"] == ["Plany inwestycyjne", "Kompetencje przyszłości"]
    assert [(p["name"], p["institution"], p["role"], p["side"]) for p in out["participants"]] == [
        ("Jan Kowalski", "Urząd Miasta Krakowa", "dyrektor", "city"), ("Anna Nowak", "Comarch", "kierowniczka HR",
                                                                      "company")]
    # the visit is there for the other commands, as the dialog would have made it
    shown = json.loads(visitapp("show", "--db", str(db), "--visit", out["id"], "--json", tz=tz).stdout)
    assert shown["visit"]["id"] == out["id"] and shown["organisation"]["name"] == "Comarch S.A."


def test_visit_new_twice_reuses_organisation_series_and_people_and_tz(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    first = visitapp("visit", "new", "--db", str(db), *NEW).stdout.strip()
    second = visitapp("visit", "new", "--db", str(db), "--org", "Comarch", "--nip", NIP, "--title", "Druga",
                      "--start", "2026-07-01T09:00", "--end", "2026-07-01T10:00", "--place", "Kraków",
                      "--series", "Wizyty 2026", "--participant", "Jan Kowalski;Urząd Miasta Krakowa;dyrektor",
                      "--tz", "America/New_York", "--template", "reference-visit",
                      tz="America/New_York").stdout.strip()
    assert first != second and len(second) == 36
    assert rows(db, "SELECT count(*) FROM organisations") == [(1,)]
    assert rows(db, "SELECT count(*) FROM series") == [(1,)]
    assert rows(db, "SELECT count(*) FROM people") == [(2,)]
    # 09:00 in New York in July (EDT, -4) is 13:00 UTC; the visit keeps its zone
    assert rows(db, "SELECT starts_at, time_zone FROM visits WHERE uuid = ?", second) == [
        ("2026-07-01 13:00:00.000000", "America/New_York")]


def test_visit_edit_takes_the_same_options(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    visit_id = visitapp("visit", "new", "--db", str(db), *NEW).stdout.strip()
    out = json.loads(visitapp("visit", "edit", "--db", str(db), "--visit", visit_id[:8], "--title", "Nowy tytuł",
                              "--start", "2026-03-17T10:00", "--participant", "Ewa Zielińska;ARP;ekspertka;other",
                              "--agenda", "Jedyny punkt", "--verbatim", "--json", tz="America/New_York").stdout)
    assert out["id"] == visit_id and out["title"] == "Nowy tytuł"
    assert out["starts_at"] == "2026-03-17T10:00:00+01:00"  # read in the visit's zone, not New York's
    assert [p["name"] for p in out["participants"]] == ["Ewa Zielińska"] and out["agenda"] == ["Jedyny punkt"]
    assert rows(db, "SELECT title, starts_at, verbatim, place FROM visits") == [
        ("Nowy tytuł", "2026-03-17 09:00:00.000000", 1, "Kraków, al. Jana Pawła II 39a")]
    done = visitapp("visit", "edit", "--db", str(db), "--visit", visit_id, "--end", "2026-03-17T08:00", check=False)
    assert done.returncode == 2 and done.stderr.strip() == "visitapp: A visit cannot end before it starts."
    assert rows(db, "SELECT ends_at FROM visits") == [("2026-03-17 10:30:00.000000",)]


@pytest.mark.parametrize(("change", "sentence"), [
    (["--start", "2026-02-30T09:00"], "2026-02-30T09:00 is not a date and time (use e.g. 2026-03-17T09:00)."),
    (["--end", "2026-03-17T08:00"], "A visit cannot end before it starts."),
    (["--nip", "6770065407"], "6770065407 is not a valid NIP (10 digits with a correct check digit)."),
    (["--template", "no-such"], "There is no template no-such; available:"),
    (["--participant", "Jan;UMK;dyrektor;audience"], "Jan;UMK;dyrektor;audience: the side must be city, company"),
    (["--tz", "Mars/Olympus"], "Unknown time zone Mars/Olympus; use a name like Europe/Warsaw."),
])
def test_bad_input_is_one_sentence_and_writes_nothing(tmp_path: Path, change: list[str], sentence: str) -> None:
    db = tmp_path / "v.db"
    args = list(NEW)
    for i in range(0, len(change), 2):  # replace the option's value, or add the option
        if change[i] in args and change[i] != "--participant":
            args[args.index(change[i]) + 1] = change[i + 1]
        else:
            args += change[i:i + 2]
    done = visitapp("visit", "new", "--db", str(db), *args, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("visitapp: " + sentence) and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not db.exists()  # nothing written, not even an empty database
