"""augment refuses a changed file before anything is added or fetched, without loading the signing stamp's fonts.

The integrity check is the one co-signing makes (in the capped worker, forked from a single-threaded command), with
its own sentence; augment no longer imports visitapp.signing.sign, which brings reportlab (about half a second of
every ``visitapp augment``).
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT
from tests.minutes_sample import sample_record
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.keys import keygen
from visitapp.signing.sign import Pkcs12Source, sign_pdf

SCRIPT = """
import json, sys
from visitapp.errors import InvalidInput
from visitapp.signing.ltv import augment_pdf
data = open(sys.argv[1], "rb").read()
try:
    augment_pdf(data, timestamp_url="http://127.0.0.1:9/tsa")
    outcome = "augmented"
except InvalidInput as err:
    outcome = str(err)
print(json.dumps({"outcome": outcome, "reportlab": "reportlab" in sys.modules,
                  "stamp": "visitapp.signing.stamp" in sys.modules}))
"""


def test_a_changed_file_is_refused_in_one_sentence_without_the_stamp(tmp_path):
    p12, _pem, _cert = keygen("Zofia Łęcka", "Urząd Miasta Krakowa", tmp_path / "z.p12", "hasło")
    signed = sign_pdf(minutes_pdf(sample_record("pl")), Pkcs12Source(p12, "hasło")).pdf
    start = int(signed.split(b"/ByteRange")[1].split()[2])
    broken = bytearray(signed)
    broken[start // 2] ^= 0x01  # inside the first signed range
    path = tmp_path / "changed.pdf"
    path.write_bytes(bytes(broken))
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(path)], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["outcome"] == ("Signature 1 (Zofia Łęcka) no longer holds: the file was changed after it was "
                                 "signed, so no validation data is added to it.")
    assert not result["reportlab"] and not result["stamp"]


def test_commands_that_open_no_database_do_not_load_sqlalchemy(tmp_path):
    """verify and augment start without the database stack (SQLAlchemy and the engines: over a second)."""
    script = (
        "import sys\n"
        "from visitapp.cli import main\n"
        f"codes = [main(['verify', {str(tmp_path / 'none.pdf')!r}]),\n"
        f"         main(['augment', {str(tmp_path / 'none.pdf')!r}, '--out', {str(tmp_path / 'o.pdf')!r},\n"
        "               '--timestamp-url', 'http://127.0.0.1:9/tsa'])]\n"
        "print(codes, 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "[1, 1] False", done.stdout + done.stderr
    assert done.stderr.count("Cannot read") == 2  # each refused in one sentence
