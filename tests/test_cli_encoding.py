"""The command line on a console that is not UTF-8 (redirected output on Polish Windows: cp1250, cp852).

Real subprocesses with PYTHONIOENCODING set as Windows would set the code page: nothing may
crash on a character the code page lacks ("≠", "→", "✓", "…", Cyrillic); text output shows
it replaced, ``--json`` stays UTF-8 bytes that a program parses back whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid as uuid_mod

import pytest
from registry_helpers import ANNA, PIOTR, Official, source_of

from tests.conftest import ROOT
from visitapp.db import Database
from visitapp.registry.merge import merge_record

ODD = "Завод → plan ✓ gotowy… «Łódź»"  # →, ✓ and Cyrillic are in neither cp1250 nor cp852 (Ł and ó are)
CODEPAGES = ["cp1250", "cp852"]


def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "PYTHONIOENCODING": encoding,
           "VISITAPP_AUTHOR": "Ewa Łącka"}
    return subprocess.run([sys.executable, "-m", "visitapp", *args], capture_output=True, env=env,
                          timeout=120, cwd=ROOT)


@pytest.fixture(scope="module")
def odd_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("enc") / "demo.db"
    made = run("utf-8", "demo", "--db", str(path))
    assert made.returncode == 0, made.stderr
    visit = made.stdout.split()[0].decode()
    added = run("utf-8", "note", "--db", str(path), "--visit", visit, "--tag", "тег", ODD)
    assert added.returncode == 0, added.stderr
    return path, visit


def ok(result: subprocess.CompletedProcess[bytes], encoding: str) -> str:
    assert result.returncode == 0, result.stderr.decode(encoding, "replace")
    assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
    return result.stdout.decode(encoding)  # strict: the bytes are really in the console's code page


@pytest.mark.parametrize("encoding", CODEPAGES)
def test_show_and_search_replace_what_the_code_page_lacks(odd_db, encoding):
    path, visit = odd_db
    shown = ok(run(encoding, "show", "--db", str(path), "--visit", visit), encoding)
    assert "Hitachi" in shown and "?" in shown
    assert "Łódź" in shown  # Polish letters the code page has are kept
    found = ok(run(encoding, "search", "--db", str(path), "gotowy"), encoding)
    assert "????? ? plan ? [gotowy]" in found and "Łódź" in found


@pytest.mark.parametrize("encoding", CODEPAGES)
def test_json_is_utf8_whatever_the_code_page(odd_db, encoding):
    path, visit = odd_db
    result = run(encoding, "show", "--db", str(path), "--visit", visit, "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.decode("utf-8"))
    assert any(n["text"] == ODD for n in record["notes"])
    found = json.loads(run(encoding, "search", "--db", str(path), "--json", "gotowy").stdout.decode("utf-8"))
    dumped = json.dumps(found, ensure_ascii=False)  # the hit's snippet marks the match: "[gotowy]"
    assert all(part in dumped for part in ("Завод → plan ✓", "…", "тег"))


@pytest.mark.parametrize("encoding", CODEPAGES)
def test_disagreements_print_the_not_equal_sign_replaced(tmp_path, encoding):
    visit_uuid = str(uuid_mod.uuid4())
    anna = Official(tmp_path / "a.db", ANNA, visit_uuid, place="Biuro")
    piotr = Official(tmp_path / "p.db", PIOTR, visit_uuid, place="Zakład")
    db = Database.open(tmp_path / "registry.db")
    for official in (anna, piotr):
        record = official.finalise()
        merge_record(db, record, source_of(record))
        official.close()
    db.close()
    listed = ok(run(encoding, "disagreements", "--db", str(tmp_path / "registry.db")), encoding)
    assert "Biuro" in listed and "Zakład" in listed and " ? " in listed


def test_an_error_message_in_a_code_page_is_one_sentence(tmp_path):
    missing = tmp_path / "Завод → ✓" / "x.db"
    result = run("cp1250", "show", "--db", str(missing), "--visit", "abcd")
    assert result.returncode == 1
    err = result.stderr.decode("cp1250")
    assert err.startswith("visitapp: ") and "Traceback" not in err
