"""The merge page shows each file's timestamp as verify judged it (issue 13 leftover): a qualified timestamp when a
trusted list the registry loaded names its authority a qualified timestamp service, else not qualified, its
authority not trusted, or none; the same words as ``visitapp verify`` and the check dialog, from the same flags.

Real parts only: three test PKIs (tests/pki_world.py) with their RFC 3161 servers on 127.0.0.1 (stopped once the
files are signed); a trusted list (tests/test_pki_qualified.py's builder, XAdES-signed in the test) naming PKI A's
issuing CA a qualified CA and its TSA a qualified timestamp service; PKI B's root an anchor of the registry, PKI C
unknown to it; minutes signed by a qualified official of PKI A, stamped by each TSA, one not stamped; the merge runs
through the page in the real capped verification worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from coordinator_helpers import settle
from pki_world import PASSWORD, Pki
from PySide6.QtCore import Qt

from tests.minutes_sample import sample_record
from tests.test_pki_qualified import QC_SERIAL, _operator, _qualified_official, _trusted_list

WAIT_MS = 60000  # the first file waits for the spawned worker to import pyHanko
FILES = ("1-qualified-tsa.pdf", "2-anchored-tsa.pdf", "3-unknown-tsa.pdf", "4-no-timestamp.pdf")
EXPECTED = {
    "en": ("qualified timestamp", "timestamp (not qualified)", "timestamp (authority not trusted)", "no timestamp"),
    "pl": ("kwalifikowany znacznik czasu", "znacznik czasu (niekwalifikowany)", "znacznik czasu (urząd niezaufany)",
           "bez znacznika czasu"),
}


@dataclass(frozen=True)
class World:
    inbox: Path
    files: tuple[Path, ...]
    trusted_list: bytes
    operator_pem: Path
    qualified_pem: Path
    anchor_der: bytes  # PKI B's root: its TSA is trusted, but no list names it


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    from cryptography.hazmat.primitives import serialization

    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    folder = tmp_path_factory.mktemp("timestamps")
    pkis = []
    for name in "abc":
        (folder / name).mkdir()
        pkis.append(Pki(folder / name))
    a, b, c = pkis
    try:
        p12, pem = _qualified_official(a, "zofia", "Zofia Łęcka", QC_SERIAL)
        key, cert, operator_pem = _operator(folder, "Testowy Operator Listy")
        tl = _trusted_list(a.issuing.cert, key, cert, tsa=a.tsa.cert)
        inbox = folder / "inbox"
        inbox.mkdir()
        files = tuple(inbox / name for name in FILES)
        for version, (path, tsa) in enumerate(zip(files, (a, b, c, None), strict=True), 1):
            source = Pkcs12Source(p12, PASSWORD, timestamp_url=tsa.url("tsa") if tsa else None)
            path.write_bytes(sign_pdf(minutes_pdf(sample_record(version=version)), source).pdf)
    finally:
        for pki in pkis:
            pki.stop()  # the merges run offline
    return World(inbox, files, tl, operator_pem, pem, b.root.cert.public_bytes(serialization.Encoding.DER))


@pytest.fixture
def language(qapp):
    """Sets the app's language before a view is made; English (the language tests start in) again afterwards."""
    from visitapp.ui.translation import Translations

    tr = Translations(qapp)
    yield tr.apply
    tr.apply("en")


def _registry(db, world: World) -> None:
    """The registry's trust: the list (checked against its operator), PKI B's root, the official by identity."""
    from cryptography import x509

    from visitapp.registry.trust import TrustStore, load_certificate_file
    from visitapp.signing.qualified import load_trusted_list, operator_certificate

    store = TrustStore(db)
    operator = operator_certificate(world.operator_pem.read_bytes(), str(world.operator_pem))
    store.add_trusted_list(load_trusted_list(world.trusted_list, operator))
    store.add_anchor(x509.load_der_x509_certificate(world.anchor_der))
    [person] = store.add(load_certificate_file(world.qualified_pem))
    assert person.identity == f"serialNumber={QC_SERIAL}" and person.anchor  # under the list's CA


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_merge_table_shows_each_timestamps_standing(qtbot, tmp_path, world, language, lang):
    from visitapp.cli.verify_cmd import timestamp_text
    from visitapp.db import Database
    from visitapp.registry.trust import TrustStore
    from visitapp.services import Identity, Services
    from visitapp.signing.verify import verify_pdf
    from visitapp.ui.coordinator import CoordinatorView

    language(lang)
    db = Database.open(tmp_path / "registry.db")
    view = None
    try:
        _registry(db, world)
        view = CoordinatorView(Services(db, Identity("Ewa Kowalczyk", "Centrum Wspierania Inwestorów")))
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        qtbot.waitExposed(view)
        page = view.merge
        page.add_paths([world.inbox])
        assert page.busy
        qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
        settle(qtbot, view)
        model = page.model
        column = model.column_of("timestamp")
        rows = {Path(r.file).name: i for i, r in enumerate(model.rows)}
        assert sorted(rows) == list(FILES)
        assert all(model.rows[i].status in ("accepted", "unchanged") for i in rows.values()), \
            [(r.status, r.reason) for r in model.rows]
        shown = tuple(model.index(rows[name], column).data() for name in FILES)
        assert shown == EXPECTED[lang]
        assert model.headerData(column, Qt.Orientation.Horizontal) == ("Timestamp" if lang == "en" else
                                                                       "Znacznik czasu")
        # The same standing as verify reports for the same file under the registry's policy (one rule, in assess).
        policy = TrustStore(db).policy()
        for name, text in zip(FILES[:2], shown[:2], strict=True):
            sig = verify_pdf((world.inbox / name).read_bytes(), policy).signatures[0]
            assert sig.timestamp_trusted and sig.timestamp_qualified == (name == FILES[0])
            if lang == "en":  # the CLI speaks English here: the page's words begin its line
                assert timestamp_text(sig).startswith(text)
        # Each text whole in its column at 1366x768 (the Signature column's too); the reason keeps some room.
        from PySide6.QtWidgets import QStyle

        table = page.table
        metrics = table.fontMetrics()
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
        signature = model.column_of("signature")
        for i in rows.values():
            for col in (column, signature):
                text = model.index(i, col).data()
                room = table.columnWidth(col) - margin
                assert metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room) == text, (text, lang)
        assert page.table.columnWidth(model.column_of("reason")) >= 200
    finally:
        if view is not None:
            view.shutdown()
        db.close()
