"""One clock (issue 10): a visit's times on its own zone's clock, naming the zone where the computer's reads otherwise.

The rule in :mod:`visitapp.clock`, then the minutes (pdftotext) and their signature stamp from real processes
whose zone is UTC, America/New_York and Europe/Warsaw; the list in the window is in tests/ui/test_clock_list.py.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from minutes_sample import require_tool

from visitapp.clock import differs_from_local, in_zone, zone_suffix

ROOT = Path(__file__).resolve().parent.parent
WARSAW = ZoneInfo("Europe/Warsaw")


def test_the_zone_is_named_only_where_the_computers_clock_reads_otherwise() -> None:
    winter = dt.datetime(2026, 3, 12, 9, 0, tzinfo=dt.UTC)
    summer = dt.datetime(2026, 7, 1, 7, 0, tzinfo=dt.UTC)
    assert in_zone(winter, "Europe/Warsaw").strftime("%H:%M") == "10:00"
    assert in_zone(winter.replace(tzinfo=None), "Europe/Warsaw").strftime("%H:%M") == "10:00"  # naive = UTC
    assert zone_suffix(winter, "Europe/Warsaw", ZoneInfo("UTC")) == " CET"
    assert zone_suffix(summer, "Europe/Warsaw", ZoneInfo("America/New_York")) == " CEST"
    assert zone_suffix(winter, "Europe/Warsaw", WARSAW) == ""
    assert zone_suffix(winter, "Europe/Warsaw", ZoneInfo("Europe/Berlin")) == ""  # the same clock
    assert zone_suffix(winter, "America/New_York", WARSAW) == " EDT"  # the US moved its clocks on 8 March
    # London and Lisbon read like UTC in winter, not in summer
    assert not differs_from_local(winter, "Europe/London", ZoneInfo("UTC"))
    assert differs_from_local(summer, "Europe/London", ZoneInfo("UTC"))


def run(*args: str, tz: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "pl", "VISITAPP_AUTHOR": "Ewa Kowalczyk",
           "PW": "hasło-testowe", "TZ": tz}
    done = subprocess.run([sys.executable, "-m", "visitapp", *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("clock")
    db = folder / "demo.db"
    visit = run("demo", "--db", str(db), tz="America/New_York").split()[0]
    run("keygen", "--name", "Ewa Kowalczyk", "--out", str(folder / "me.p12"), "--pass-env", "PW", tz="UTC")
    conn = sqlite3.connect(db)
    start, end = conn.execute("SELECT starts_at, ends_at FROM visits WHERE uuid = ?", (visit,)).fetchone()
    conn.close()
    return {"folder": folder, "db": str(db), "visit": visit,
            "start": dt.datetime.fromisoformat(start).replace(tzinfo=dt.UTC),
            "end": dt.datetime.fromisoformat(end).replace(tzinfo=dt.UTC)}


@pytest.mark.parametrize(("tz", "named"), [("UTC", True), ("America/New_York", True), ("Europe/Warsaw", False)])
def test_minutes_and_stamp_show_krakow_time(world: dict, tz: str, named: bool) -> None:
    out = world["folder"] / f"{tz.replace('/', '-')}.pdf"
    before = dt.datetime.now(dt.UTC)
    run("export", "--db", world["db"], "--visit", world["visit"], "--out", str(out), "--lang", "pl",
        "--sign", str(world["folder"] / "me.p12"), "--pass-env", "PW", tz=tz)
    after = dt.datetime.now(dt.UTC)
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(out), "-"], capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")
    start, end = world["start"].astimezone(WARSAW), world["end"].astimezone(WARSAW)
    assert (start.hour, start.minute) == (10, 0)  # the demo's visits are set in Kraków time
    span = f"{start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M}"
    abbreviation = start.tzname()
    line = next(row for row in text.splitlines() if "Data i godzina" in row)
    if named:  # the computer's clock reads otherwise: the minutes say whose clock this is
        assert f"{span} {abbreviation}" in line, line
    else:
        assert line.rstrip().endswith(span), line
    local_hour = world["start"].astimezone(ZoneInfo(tz)).strftime("%H:%M")
    assert local_hour == "10:00" or f", {local_hour}–" not in text  # never the computer's clock
    # the signature stamp: always Kraków time with its zone
    found = re.search(r"Data: (\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}) (CET|CEST)", text)
    assert found, text[-600:]
    allowed = {(before + dt.timedelta(minutes=m)).astimezone(WARSAW).strftime("%d.%m.%Y, %H:%M")
               for m in range(int((after - before).total_seconds() // 60) + 2)}
    assert found.group(1) in allowed


@pytest.mark.parametrize(("tz", "named"), [("America/New_York", True), ("Europe/Warsaw", False)])
def test_the_command_line_list_shows_krakow_time(world: dict, tz: str, named: bool) -> None:
    line = next(row for row in run("visits", "--db", world["db"], tz=tz).splitlines() if world["visit"] in row)
    start = world["start"].astimezone(WARSAW)
    wall = f"{start:%Y-%m-%d %H:%M}" + (f" {start.tzname()}" if named else "")
    assert f"  {wall}  " in line, line
    end = world["end"].astimezone(WARSAW)
    shown = run("show", "--db", world["db"], "--visit", world["visit"], tz=tz)
    assert f"{start:%Y-%m-%d %H:%M} – {end:%H:%M}" + (f" {end.tzname()}" if named else "") + "\n" in shown, shown
