"""Minutes benchmark: export and sign a typical visit and a generated 100-page visit.

    python benchmarks/minutes.py [--repeat N] [--pages N]

For each visit, medians of:

* ours: the whole export as ``visitapp export --sign`` runs it after finalising:
  render, embed the record as PDF/A-3b, open the PKCS#12 file, sign with the
  visible Noto stamp, write the file whole (and, for context, each of those
  steps timed on its own);
* baseline reportlab: reportlab alone building the same story (SimpleDocTemplate,
  no page decoration, no PDF/A, no record);
* baseline pyHanko: pyHanko alone signing the same unsigned bytes from the same
  PKCS#12 file (``SimpleSigner.load_pkcs12``, an invisible PAdES signature);
* for context, not a target: pyHanko alone with visitapp's visible stamp (the
  Noto stamp font, subset and embedded at each signature).

Targets (issue 4): a typical visit under 1 s; ours within 1.3x of the two
baselines added.  The typical visit is the demo database's visit with the most
notes; the long one is the test sample with generated notes.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from minutes_sample import sample_record
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from benchmarks._util import measure
from visitapp.db import Database
from visitapp.exchange.record import VisitRecord
from visitapp.minutes.export import minutes_pdf
from visitapp.minutes.render import build_story
from visitapp.publish import export_minutes
from visitapp.services import Services
from visitapp.signing.keys import keygen
from visitapp.signing.sign import Pkcs12Source, open_signer


def demo_record(folder: Path) -> VisitRecord:
    from visitapp.demo import create_demo, demo_identity

    svc = Services(Database.open(folder / "demo.db", create=True), demo_identity())
    try:
        ids = create_demo(svc)
        records = [svc.records.build(i) for i in ids]
        best = max(records, key=lambda r: len(r.notes))
        return svc.records.finalise(best.visit.id).record
    finally:
        svc.close()


def long_record(pages: int) -> VisitRecord:
    # About 7 generated notes fill a page.
    return sample_record("pl", extra_notes=7 * pages)


def page_count(data: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def _steps(record: VisitRecord, source: Pkcs12Source, out: Path, repeat: int) -> dict[str, float]:
    """Medians of the steps of ``ours``, each timed on its own (for context: they add up to about ours)."""
    from visitapp.minutes.embed import embed_record
    from visitapp.minutes.output import write_atomic
    from visitapp.minutes.render import render_pdf
    from visitapp.signing.sign import sign_with

    times: dict[str, list[float]] = {}

    def timed(name: str, fn):
        start = time.perf_counter()
        result = fn()
        times.setdefault(name, []).append(time.perf_counter() - start)
        return result

    for _ in range(repeat + 2):
        rendered = timed("render", lambda: render_pdf(record, compress=False))
        data = timed("PDF/A + record", lambda rendered=rendered: embed_record(rendered, record))
        opened = open_signer(source)
        signer = timed("open signer", opened.__enter__)
        try:
            signed = timed("sign", lambda data=data, signer=signer: sign_with(data, signer[0], signer[1]))
        finally:
            opened.__exit__(None, None, None)
        timed("write", lambda signed=signed: write_atomic(out, signed.pdf))
    return {name: statistics.median(t[2:]) for name, t in times.items()}


def run(label: str, record: VisitRecord, source: Pkcs12Source, out: Path, repeat: int) -> tuple[float, float]:
    def ours() -> None:
        with open_signer(source) as signer:
            export_minutes(record, out, signer=signer)

    def reportlab_alone() -> None:
        SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(build_story(record))

    unsigned = minutes_pdf(record)

    def pyhanko_alone() -> None:
        signer = signers.SimpleSigner.load_pkcs12(str(source.path), passphrase=source.password.encode())
        meta = signers.PdfSignatureMetadata(field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES,
                                            md_algorithm="sha256")
        signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(unsigned)), meta, signer=signer,
                         bytes_reserved=16384)

    def pyhanko_noto_stamp() -> None:
        from visitapp.minutes.layout import SIGNATURE_SLOTS
        from visitapp.signing.stamp import stamp_style as _stamp_style

        signer = signers.SimpleSigner.load_pkcs12(str(source.path), passphrase=source.password.encode())
        meta = signers.PdfSignatureMetadata(field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES,
                                            md_algorithm="sha256")
        params = {"signer": "Zofia Łęcka-Żółtowska", "institution": "Urząd Miasta Krakowa", "reason": "bench"}
        spec = fields.SigFieldSpec(sig_field_name="Signature1", on_page=-1, box=SIGNATURE_SLOTS[0])
        signers.PdfSigner(meta, signer=signer, stamp_style=_stamp_style("pl", params), new_field_spec=spec).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(unsigned)), bytes_reserved=16384, appearance_text_params=params)

    t_ours = statistics.median(measure(ours, repeat, warmup=2))
    steps = _steps(record, source, out, repeat)
    t_rl = statistics.median(measure(reportlab_alone, repeat, warmup=2))
    t_ph = statistics.median(measure(pyhanko_alone, repeat, warmup=2))
    t_phs = statistics.median(measure(pyhanko_noto_stamp, repeat, warmup=2))
    base = t_rl + t_ph
    pages = page_count(out.read_bytes())
    print(f"{label} ({pages} pages, {len(record.notes)} notes)")
    print(f"  ours: export + sign           {t_ours * 1000:8.1f} ms")
    print("    " + ", ".join(f"{name} {t * 1000:.1f}" for name, t in steps.items()) + " ms (medians, for context)")
    print(f"  baseline reportlab alone      {t_rl * 1000:8.1f} ms")
    print(f"  baseline pyHanko alone        {t_ph * 1000:8.1f} ms")
    print(f"  baselines added               {base * 1000:8.1f} ms   ours / baselines = {t_ours / base:4.2f}x")
    print(f"  (context) pyHanko + Noto stamp {t_phs * 1000:7.1f} ms   ours / (reportlab + that) = "
          f"{t_ours / (t_rl + t_phs):4.2f}x")
    return t_ours, base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        p12, _pem, _cert = keygen("Zofia Łęcka-Żółtowska", "Urząd Miasta Krakowa", folder / "me.p12", "bench")
        source = Pkcs12Source(p12, "bench")
        typical, typical_base = run("typical visit (demo)", demo_record(folder), source, folder / "t.pdf",
                                    args.repeat)
        long, long_base = run(f"generated visit (~{args.pages} pages)", long_record(args.pages), source,
                              folder / "l.pdf", max(3, args.repeat // 2))
    ok_time = typical < 1.0
    ok_ratio = typical / typical_base <= 1.3 and long / long_base <= 1.3
    print(f"target typical visit under 1 s: {'met' if ok_time else 'MISSED'}; "
          f"within 1.3x of the baselines added: {'met' if ok_ratio else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
