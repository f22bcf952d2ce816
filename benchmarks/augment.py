"""Benchmark of ``augment`` (issue 13): adding validation data (DSS) and a document timestamp to signed minutes.

A real test PKI (tests/pki_world.py: root and issuing CA, an OCSP responder and an
RFC 3161 timestamp authority on 127.0.0.1) runs in a separate process, so this
process stays single-threaded as the command line is (its capped verification
worker is then forked, not spawned) and the servers do not compete for its GIL.
One minutes file of about 80 kB is signed by an official under the test CA.

Printed, each beside its baseline measured in the same run, as wall clock and as CPU time (this process and its
children: the figure a quiet machine would show when the machine is loaded):

1. in process: ours (``augment_pdf``: the integrity check in the capped worker,
   then DSS with fetched OCSP answers and a document timestamp) and ours as a
   merge runs it (``checked=True``: the file was just verified) beside bare
   pyHanko doing the same two steps (``async_add_validation_info``, then
   ``PdfTimeStamper.async_timestamp_pdf``) with its default fetchers;
2. a whole command: ``visitapp augment`` beside a bare pyHanko script doing the
   same in a fresh interpreter (interpreter start and imports included).

Target: ``augment`` of a typical file under 0.5 s with local servers.

    PYTHONPATH=. python benchmarks/augment.py [--repeat 7]     (--repeat 2: a quick run)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import asyncio, io, sys
from asn1crypto import pem, x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.validation import async_add_validation_info
from pyhanko_certvalidator import ValidationContext

def bare(data, url, root_pem):
    root = x509.Certificate.load(pem.unarmor(root_pem)[2])

    async def run():
        context = ValidationContext(trust_roots=[root], allow_fetching=True, revocation_mode="soft-fail")
        sig = PdfFileReader(io.BytesIO(data), strict=False).embedded_regular_signatures[0]
        out = io.BytesIO()
        await async_add_validation_info(sig, context, in_place=False, output=out, force_write=True)
        writer = IncrementalPdfFileWriter(io.BytesIO(out.getvalue()), strict=False)
        final = io.BytesIO()
        await PdfTimeStamper(HTTPTimeStamper(url)).async_timestamp_pdf(
            writer, "sha256", validation_context=context, in_place=False, output=final)
        return final.getvalue()

    return asyncio.run(run())

if __name__ == "__main__":
    import logging
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    signed, url, root_pem, out = sys.argv[1:5]
    open(out, "wb").write(bare(open(signed, "rb").read(), url, open(root_pem, "rb").read()))
"""


def serve(folder: Path) -> None:
    """The PKI's servers and the signed file; prints where they are, serves until stdin closes."""
    sys.path.insert(0, str(ROOT / "tests"))
    from tests.minutes_sample import sample_record
    from tests.pki_world import PASSWORD, Pki
    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    pki = Pki(folder)
    p12, _pem, _issued = pki.official("jan", "Jan Kowalski", "PNOPL-70010112345")
    root = pki.write("root.pem", pki.root)
    signed = folder / "signed.pdf"
    signed.write_bytes(sign_pdf(minutes_pdf(sample_record("pl", extra_notes=40)), Pkcs12Source(p12, PASSWORD)).pdf)
    print(json.dumps({"tsa": pki.url("tsa"), "root": str(root), "signed": str(signed)}), flush=True)
    sys.stdin.read()
    pki.stop()


def _quiet() -> None:
    """pyHanko's default fetchers leave their aiohttp sessions to the garbage collector, which complains."""
    import logging

    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko").setLevel(logging.ERROR)


def _cpu() -> float:
    """CPU seconds of this process and of its children waited for (the capped worker, a command's process): what
    a quiet machine's wall clock would show for work that never waits, whatever else runs here."""
    import resource

    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def _times(fn, repeat: int, clock=time.perf_counter) -> list[float]:
    fn()  # warm: imports, the TLS context, the worker's first start
    out = []
    for _ in range(repeat):
        start = clock()
        fn()
        out.append(clock() - start)
    return out


def _both(label: str, ours, baseline, repeat: int, target: str = "") -> None:
    """Wall clock, then CPU time (this process and its children; the PKI servers' own work is not counted)."""
    base = _times(baseline, repeat)
    print(_line(label + ", wall", _times(ours, repeat), base, target))
    base = _times(baseline, repeat, _cpu)
    print(_line(label + ", CPU", _times(ours, repeat, _cpu), base))


def _line(label: str, ours: list[float], base: list[float], target: str = "") -> str:
    om, bm = statistics.median(ours), statistics.median(base)
    return (f"{label:<46} ours median {om * 1000:7.0f} ms (min {min(ours) * 1000:5.0f}) | bare pyHanko median "
            f"{bm * 1000:7.0f} ms (min {min(base) * 1000:5.0f}) | {om / bm:4.2f}x {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return 0
    with tempfile.TemporaryDirectory(prefix="visitapp-augment-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(folder)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True, env=env)
        assert server.stdout is not None and server.stdin is not None  # both are pipes
        try:
            where = json.loads(server.stdout.readline())
            return run(folder, where, args.repeat, env)
        finally:
            server.stdin.close()
            server.wait(30)


def run(folder: Path, where: dict[str, str], repeat: int, env: dict[str, str]) -> int:
    from visitapp.cli.verify_cmd import load_anchor_files
    from visitapp.signing.ltv import augment_pdf

    _quiet()
    signed = Path(where["signed"]).read_bytes()
    anchors = load_anchor_files([Path(where["root"])])
    bare_py = folder / "bare.py"
    bare_py.write_text(BARE)
    namespace: dict[str, object] = {}
    exec(compile(BARE, str(bare_py), "exec"), namespace)  # the same function, in this process
    bare = cast(Callable[[bytes, str, bytes], bytes], namespace["bare"])
    root_pem = Path(where["root"]).read_bytes()
    print(f"file: {len(signed) / 1024:.0f} kB, one signature under a test CA; servers on 127.0.0.1; "
          f"load average {os.getloadavg()[0]:.1f}")

    def ours() -> bytes:
        return augment_pdf(signed, timestamp_url=where["tsa"], anchors=anchors, online=True)

    def ours_checked() -> bytes:
        return augment_pdf(signed, timestamp_url=where["tsa"], anchors=anchors, online=True, checked=True)

    def baseline() -> bytes:
        return bare(signed, where["tsa"], root_pem)

    _both("in process, with the integrity check", ours, baseline, repeat, "(target < 500 ms)")
    _both("in process, file just verified (merge)", ours_checked, baseline, repeat)

    out = folder / "out.pdf"
    cli = [sys.executable, "-m", "visitapp", "augment", where["signed"], "--out", str(out), "--timestamp-url",
           where["tsa"], "--anchor", where["root"], "--online"]
    script = [sys.executable, str(bare_py), where["signed"], where["tsa"], where["root"], str(out)]

    def command(argv: list[str]):
        def go() -> None:
            subprocess.run(argv, check=True, capture_output=True, env=env, cwd=str(ROOT))
        return go

    runs = max(3, repeat // 2)
    _both("whole command (fresh interpreter)", command(cli), command(script), runs)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
