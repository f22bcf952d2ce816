"""A co-signature's stamp is in the language the minutes were written in (``export --lang en`` of a Polish visit),
not the visit's: real processes, real keys, the stamps read back with poppler's pdftotext."""

from __future__ import annotations

import subprocess

import pikepdf
from minutes_sample import require_tool

from tests.conftest import run_cli
from visitapp.minutes.embed import extract_record
from visitapp.signing.keys import keygen


def test_the_co_signature_of_english_minutes_of_a_polish_visit_is_english(tmp_path):
    pdftotext = require_tool("pdftotext")
    env = {"PW_A": "hasło ąę", "PW_B": "druga"}
    db = tmp_path / "demo.db"
    done = run_cli("demo", "--db", str(db))
    assert done.returncode == 0, done.stderr
    visit = done.stdout.split()[0]
    for name, out, var in (("Zofia Łęcka", "a.p12", "PW_A"), ("Michał Ścigański", "b.p12", "PW_B")):
        keygen(name, "Urząd Miasta Krakowa", tmp_path / out, env[var])
    signed, cosigned = tmp_path / "minutes.pdf", tmp_path / "cosigned.pdf"
    done = run_cli("export", "--db", str(db), "--visit", visit, "--out", str(signed), "--lang", "en",
                   "--sign", str(tmp_path / "a.p12"), "--pass-env", "PW_A", env=env)
    assert done.returncode == 0, done.stderr
    assert extract_record(signed.read_bytes()).visit.language == "pl"  # a Polish visit
    with pikepdf.open(signed) as pdf:
        assert str(pdf.Root.Lang) == "en"  # the document says the language it is written in
    done = run_cli("cosign", str(signed), "--out", str(cosigned), "--sign", str(tmp_path / "b.p12"),
                   "--pass-env", "PW_B", env=env)
    assert done.returncode == 0, done.stderr
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(cosigned), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Signed electronically by Zofia Łęcka" in text
    assert "Signed electronically by Michał Ścigański" in text
    assert "Reason: Co-signing the minutes of the visit" in text
    assert "Podpisano" not in text and "Powód" not in text
