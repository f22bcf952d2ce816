"""Names and texts from received files reach the terminal escaped.

A certificate's common name, a file name, an organisation, a note or an author
typed in a signed record can carry terminal escape sequences (clear the screen,
set the window title, fake a line) and bidi overrides (show text in another
order than it is).  The real command line (a subprocess) runs over a real signed
PDF and a real registry; its output must show those characters escaped
(``\\x1b``, ``\\u202e``) and hold none of them raw.
"""

from __future__ import annotations

import json
import re
import uuid as uuid_mod

import pytest
from registry_helpers import Official, keys, sign_record

from tests.conftest import run_cli
from visitapp.cli.common import safe, safe_lines
from visitapp.services import Identity

ESC_NAME = "Zły\x1b[2J\u202eNazwa"  # clears the screen; then shows "Nazwa" reversed
ESC_INST = "Urząd\x9b31m"  # C1 CSI: a colour change on terminals that take 8-bit controls
ESC_ORG = "Firma\x1b]0;pwned\x07 Sp. z o.o."  # sets the terminal's title
ESC_NOTE = "Uwaga\x1b[1A\x1b[2K\u2066ukryte\u2069 koniec"  # moves up and erases a line; an isolate
ESC_OWNER = "GUP\x1b[8m ukryty\x7f"  # hides what follows
ESC_FILE = "minutes\x1b[31m\u202efdp.exe.pdf"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # newline and tab may stay raw


def test_safe_escapes_controls_and_bidi_and_nothing_else():
    assert safe("a\x1b[31mb") == "a\\x1b[31mb"
    assert safe("\x00\x07\x09\x0a\x7f\x80\x9b\x9f") == "\\x00\\x07\\x09\\x0a\\x7f\\x80\\x9b\\x9f"
    assert safe("x\u202ay\u202bz\u202c\u202d\u202e\u2066\u2067\u2068\u2069") == (
        "x\\u202ay\\u202bz\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069")
    assert safe("Zażółć gęślą jaźń — „cytat” ½ € ") == "Zażółć gęślą jaźń — „cytat” ½ € "
    assert safe_lines("one\x1b\ntwo", "    ") == "one\\x1b\n    two"


def test_json_output_escapes_what_json_dumps_leaves_raw(capsys):
    from visitapp.cli.common import print_json

    value = "\x1b\x7f\x9b\u202eł"
    print_json({"name": value})
    out = capsys.readouterr().out
    assert not RAW.search(out)
    assert json.loads(out) == {"name": value}


@pytest.fixture
def hostile(tmp_path):
    """A visit with a hostile organisation, note and typed author, signed with a certificate whose name and
    institution are hostile, under a hostile file name."""
    folder = tmp_path / "in"
    folder.mkdir()
    p12, pem = keys(folder, "evil", Identity(ESC_NAME, ESC_INST, "referent"))
    official = Official(tmp_path / "official.db", Identity("Ewa Zła\x1b[5m", "GUP", "doradczyni"),
                        str(uuid_mod.uuid4()), org_name=ESC_ORG)
    official.note(ESC_NOTE)
    commitment = official.note("Przesłać listę.", kind="commitment", section="follow_ups")
    official.svc.actions.from_note(commitment, owner=ESC_OWNER)
    pdf = sign_record(official.finalise(), folder / ESC_FILE, p12)
    visit = official.visit_id
    official.close()
    return {"pdf": pdf, "pem": pem, "visit": visit, "registry": tmp_path / "registry.db"}


def _clean(out) -> str:
    """stdout and stderr of a run, checked to hold no control character or bidi override raw."""
    both = out.stdout + out.stderr
    assert not RAW.search(both), repr(both)
    return both


def test_verify_prints_certificate_names_escaped(hostile):
    trusted = run_cli("verify", str(hostile["pdf"]), "--trust", str(hostile["pem"]))
    assert trusted.returncode == 0, trusted.stderr
    text = _clean(trusted)
    assert "Zły\\x1b[2J\\u202eNazwa" in text and "Urząd\\x9b31m" in text
    # Untrusted: the problem sentence names the signer, on stderr, escaped too.
    untrusted = run_cli("verify", str(hostile["pdf"]))
    assert untrusted.returncode == 1
    assert "Zły\\x1b[2J\\u202eNazwa" in _clean(untrusted).split("trusted signer")[-1]


def test_merge_prints_file_names_and_reasons_escaped(hostile):
    registry = str(hostile["registry"])
    rejected = run_cli("merge", "--into", registry, str(hostile["pdf"]))  # not trusted: the reason names the signer
    assert rejected.returncode == 1
    text = _clean(rejected)
    assert "minutes\\x1b[31m\\u202efdp.exe.pdf" in text and "Zły\\x1b[2J\\u202eNazwa" in text
    merged = run_cli("merge", "--into", registry, "--trust", str(hostile["pem"]), str(hostile["pdf"]))
    assert merged.returncode == 0, merged.stderr
    assert "accepted   " + str(hostile["pdf"].parent) + "/minutes\\x1b[31m\\u202efdp.exe.pdf" in _clean(merged)
    as_json = run_cli("merge", "--into", registry, "--trust", str(hostile["pem"]), "--json", str(hostile["pdf"]))
    (entry,) = json.loads(_clean(as_json))["files"]
    assert entry["file"] == str(hostile["pdf"])


def test_show_prints_record_fields_and_signer_escaped(hostile):
    registry = str(hostile["registry"])
    assert run_cli("merge", "--into", registry, "--trust", str(hostile["pem"]), str(hostile["pdf"])).returncode == 0
    shown = run_cli("show", "--db", registry, "--visit", hostile["visit"])
    assert shown.returncode == 0, shown.stderr
    text = _clean(shown)
    assert "Organisation: Firma\\x1b]0;pwned\\x07 Sp. z o.o." in text
    assert "Uwaga\\x1b[1A\\x1b[2K\\u2066ukryte\\u2069 koniec" in text
    # The note's author is the certificate's name (escaped); the typed one beside it, escaped too.
    assert "(Zły\\x1b[2J\\u202eNazwa (typed: Ewa Zła\\x1b[5m))" in text
    assert "signed by Zły\\x1b[2J\\u202eNazwa" in text and "minutes\\x1b[31m\\u202efdp.exe.pdf" in text
    record = json.loads(_clean(run_cli("show", "--db", registry, "--visit", hostile["visit"], "--json")))
    assert record["organisation"]["name"] == ESC_ORG
    assert sorted((n["text"], n["author"]) for n in record["notes"]) == [("Przesłać listę.", ESC_NAME),
                                                                        (ESC_NOTE, ESC_NAME)]


def test_listings_print_untrusted_names_escaped(hostile):
    registry = str(hostile["registry"])
    assert run_cli("trust", "add", "--db", registry, str(hostile["pem"])).returncode == 0
    assert "Zły\\x1b[2J\\u202eNazwa" in _clean(run_cli("trust", "list", "--db", registry))
    assert run_cli("merge", "--into", registry, str(hostile["pdf"])).returncode == 0
    assert "Firma\\x1b]0;pwned\\x07" in _clean(run_cli("visits", "--db", registry))
    assert "GUP\\x1b[8m ukryty\\x7f: Przesłać listę." in _clean(run_cli("actions", "--db", registry))
    found = _clean(run_cli("search", "--db", registry, "koniec"))
    assert "\\u2066" in found and "Firma\\x1b]0;pwned\\x07" in found
