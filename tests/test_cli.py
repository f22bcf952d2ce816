"""The visitapp command in a real subprocess, as a user or a script runs it."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import run_cli
from tests.gui_process import gui_env, start_visitapp, stop, wait_for_window
from visitapp.exchange.record import parse_record


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    result = run_cli("demo", "--db", str(path))
    assert result.returncode == 0, result.stderr
    visit_ids = result.stdout.split()
    assert len(visit_ids) == 3
    return path, visit_ids


def test_demo_refuses_a_database_with_visits_unless_if_missing(demo_db):
    path, _ = demo_db
    again = run_cli("demo", "--db", str(path))
    assert again.returncode == 1
    assert "already holds visits" in again.stderr
    assert run_cli("demo", "--db", str(path), "--if-missing").returncode == 0


def test_visits_lists_id_date_organisation_status(demo_db):
    path, ids = demo_db
    result = run_cli("visits", "--db", str(path))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert any(ids[0] in line and "Hitachi Vantara" in line and "in progress" in line for line in lines)
    listed = json.loads(run_cli("visits", "--db", str(path), "--json").stdout)
    assert {v["id"] for v in listed} == set(ids)
    assert {v["organisation"] for v in listed} == {"Hitachi Vantara", "Hitachi Energy"}
    assert {v["status"] for v in listed} == {"planned", "in_progress", "finalised"}


def test_show_prints_the_visit_and_json_prints_its_record(demo_db):
    path, ids = demo_db
    result = run_cli("show", "--db", str(path), "--visit", ids[1][:8])
    assert result.returncode == 0, result.stderr
    assert "Hitachi Energy" in result.stdout
    assert "Tomasz Ślusarczyk" in result.stdout
    assert "## Kompetencje przyszłości" in result.stdout  # section titles in the visit's language
    record = parse_record(run_cli("show", "--db", str(path), "--visit", ids[1], "--json").stdout)
    assert record.visit.id == ids[1]
    assert record.version == 1  # finalised in the demo, unchanged since
    assert any("spawacz" in n.text for n in record.notes)


def test_note_adds_a_note_that_search_finds(demo_db):
    path, ids = demo_db
    result = run_cli("note", "--db", str(path), "--visit", ids[0], "--section", "barriers", "--kind", "risk",
                     "--tag", "parking", "Brak", "miejsc", "parkingowych", "przy", "biurze",
                     env={"VISITAPP_AUTHOR": "Michał Zięba"})
    assert result.returncode == 0, result.stderr
    note_id = result.stdout.strip()
    hits = json.loads(run_cli("search", "--db", str(path), "--json", "parkingow*").stdout)
    assert [(h["visit_id"], h["note_id"]) for h in hits] == [(ids[0], note_id)]
    assert "[parkingowych]" in hits[0]["snippet"]
    record = json.loads(run_cli("show", "--db", str(path), "--visit", ids[0], "--json").stdout)
    [note] = [n for n in record["notes"] if n["id"] == note_id]
    assert (note["author"], note["kind"], note["section"], note["tags"]) == (
        "Michał Zięba", "risk", "barriers", ["parking"])


def test_search_prints_ranked_hits(demo_db):
    path, _ids = demo_db
    result = run_cli("search", "--db", str(path), "certyfikat*")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert "Hitachi Vantara: [Certyfikaty] chmurowe" in result.stdout
    assert "Hitachi Energy: Uprawnienia SEP i [certyfikaty] spawalnicze" in result.stdout
    nothing = run_cli("search", "--db", str(path), "hipopotam")
    assert nothing.returncode == 0 and "Nothing found" in nothing.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--visit", "00000000-0000-0000-0000-000000000000"], "There is no visit with the id"),
        (["note", "--visit", "{visit}", "--section", "lunch", "hello"], "has no section lunch"),
        (["note", "--visit", "{visit}", "   "], "cannot be empty"),
    ],
)
def test_user_errors_exit_1_with_one_sentence(demo_db, args, message):
    path, ids = demo_db
    args = [a.replace("{visit}", ids[0]) for a in args]
    result = run_cli(*args, "--db", str(path))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Dear coordinator")
    result = run_cli("visits", "--db", str(path))
    assert result.returncode == 1
    assert "is not a visitapp database" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text() == "Dear coordinator"


def test_wrong_usage_exits_2():
    assert run_cli("visits", "--frobnicate").returncode == 2
    assert run_cli("note", "--kind", "poem", "--visit", "x", "text").returncode == 2
    assert run_cli("no-such-command").returncode == 2


def test_messages_in_polish(demo_db):
    path, _ = demo_db
    result = run_cli("show", "--db", str(path), "--visit", "ffffffff", env={"VISITAPP_LANG": "pl"})
    assert result.returncode == 1
    assert "Nie ma wizyty o identyfikatorze" in result.stderr


def test_default_database_is_in_the_user_data_folder(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    assert run_cli("demo", env=env).returncode == 0
    assert (tmp_path / "data" / "visitapp" / "visitapp.db").exists()
    other = tmp_path / "elsewhere.db"
    assert run_cli("demo", env={**env, "VISITAPP_DB": str(other)}).returncode == 0
    assert other.exists()


def test_short_ids_and_status_filter(demo_db):
    path, ids = demo_db
    too_short = run_cli("show", "--db", str(path), "--visit", ids[0][:3])
    assert too_short.returncode == 1 and "Give at least 4 characters of an id." in too_short.stderr
    listed = run_cli("visits", "--db", str(path), "--status", "in-progress")
    assert listed.returncode == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [ids[0]]


def test_show_names_authors_when_several_officials_wrote(tmp_path):
    path = tmp_path / "two.db"
    ids = run_cli("demo", "--db", str(path)).stdout.split()
    alone = run_cli("show", "--db", str(path), "--visit", ids[0]).stdout
    assert "(Ewa Kowalczyk)" not in alone  # one author: no need to repeat her name
    assert run_cli("note", "--db", str(path), "--visit", ids[0], "--author", "Michał Zięba",
                   "Uzupełnienie z urzędu pracy").returncode == 0
    both = run_cli("show", "--db", str(path), "--visit", ids[0]).stdout
    assert "Uzupełnienie z urzędu pracy  (Michał Zięba)" in both
    assert "(Ewa Kowalczyk)" in both


@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="the desktop window needs PySide6")
def test_visitapp_alone_opens_the_desktop_window(tmp_path):
    """`visitapp` with no subcommand shows the main window, on the database named by $VISITAPP_DB."""
    path = tmp_path / "mine.db"
    assert run_cli("demo", "--db", str(path)).returncode == 0
    report = tmp_path / "shown.json"
    proc = start_visitapp(env=gui_env(tmp_path, report, VISITAPP_DB=str(path)))
    try:
        shown = wait_for_window(proc, report)
    finally:
        stop(proc)
    assert shown["title"] == "visitapp — visit notes"
    assert shown["visible"] and shown["exposed"]
    assert shown["db"] == str(path)
    assert not (tmp_path / "home" / "data" / "visitapp").exists()  # no demo made in the user's folder


def test_visitapp_alone_on_a_file_that_is_not_a_database_says_so(tmp_path):
    """No subcommand means `gui`: here it meets a file that is not a database and says so."""
    letter = tmp_path / "letter.db"
    letter.write_text("Dear coordinator")
    result = run_cli(env={"VISITAPP_DB": str(letter), "QT_QPA_PLATFORM": "offscreen",
                          "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert result.returncode == 1
    assert "is not a visitapp database" in result.stderr and "Traceback" not in result.stderr
