"""``visitapp augment`` when the timestamp server gives no timestamp (review 5, item 12): one sentence that names the
server, no line of pyHanko's on the terminal, exit status 1, and no file written. Real signed minutes; a port
nobody listens on, and a real HTTP server on 127.0.0.1 that answers 503.
"""

from __future__ import annotations

import http.server
import socket
import threading

import pytest

from tests.conftest import run_cli
from tests.minutes_sample import sample_record
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.keys import keygen
from visitapp.signing.sign import Pkcs12Source, sign_pdf


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unanswered")
    p12, _pem, _cert = keygen("Zofia Łęcka", "Urząd Miasta Krakowa", folder / "zofia.p12", "hasło")
    path = folder / "signed.pdf"
    path.write_bytes(sign_pdf(minutes_pdf(sample_record("en")), Pkcs12Source(p12, "hasło")).pdf)
    return path


def _free_port() -> int:
    """A port on 127.0.0.1 that was free a moment ago: nothing listens there, so a connection is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Unavailable(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # http.server calls it by this name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:  # the test's output stays clean
        pass


def _augment(signed, out, url):
    return run_cli("augment", str(signed), "--out", str(out), "--timestamp-url", url)


def test_a_server_that_does_not_answer_is_one_sentence_and_nothing_is_written(signed, tmp_path):
    url = f"http://127.0.0.1:{_free_port()}/tsa"
    out = tmp_path / "augmented.pdf"
    done = _augment(signed, out, url)
    assert done.returncode == 1
    assert done.stderr == f"visitapp: The timestamp server at {url} did not answer. Nothing was written.\n"
    assert "Revocation mode" not in done.stdout + done.stderr  # pyHanko's own log line stays off the terminal
    assert done.stdout == ""
    assert not out.exists()


def test_a_server_that_answers_with_an_error_names_it(signed, tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Unavailable)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/tsa"
        out = tmp_path / "augmented.pdf"
        done = _augment(signed, out, url)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert done.returncode == 1
    assert done.stderr == (f"visitapp: The timestamp server at {url} answered with an error (HTTP 503) instead of a "
                           "timestamp. Nothing was written.\n")
    assert not out.exists()
