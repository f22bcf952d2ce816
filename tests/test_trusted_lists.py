"""Trusted lists beyond the CA services (issue 13 leftovers): what a loaded list says of itself, its qualified
timestamp services (QTST), and a list loaded without its operator's certificate by following its signer's chain.

Real parts only: the test PKI of tests/pki_world.py with its timestamp authority on 127.0.0.1 (stopped once the
files are signed), lists built and signed (XAdES) here with tests/test_pki_qualified.py's builder.
"""

from __future__ import annotations

import datetime as dt

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID

from tests.minutes_sample import sample_record
from tests.pki_world import PASSWORD, Pki, _name
from tests.test_pki_qualified import QC_SERIAL, _operator, _qualified_official, _trusted_list
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.sign import Pkcs12Source, sign_pdf


def _der(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tsl")
    pki = Pki(folder)
    try:
        qc_p12, pki.qc_pem = _qualified_official(pki, "zofia", "Zofia Łęcka", QC_SERIAL)
        # A list operator whose certificate the test PKI's issuing CA issued (as NCCert's is under its root).
        operator = pki._issue(pki.issuing, _name("Operator Listy Zaufania", "Test PKI"), days=365,
                              eku=[ExtendedKeyUsageOID.CODE_SIGNING])
        pki.chained_operator_pem = pki.write("operator-chained.pem", operator)
        pki.tl_qtst = folder / "tl-qtst.xml"  # CA/QC + QTST (the test TSA), signed by the chained operator
        pki.tl_qtst.write_bytes(_trusted_list(pki.issuing.cert, operator.key, operator.cert, tsa=pki.tsa.cert,
                                              chain=(pki.issuing.cert,)))
        key, cert, pki.operator_pem = _operator(folder, "Testowy Operator Listy")
        pki.tl_plain = folder / "tl-plain.xml"  # CA/QC only, signed by a self-signed operator
        pki.tl_plain.write_bytes(_trusted_list(pki.issuing.cert, key, cert))
        skey, scert, _pem = _operator(folder, "Ktos Inny")
        pki.tl_stranger = folder / "tl-stranger.xml"  # signed by someone under no anchor, carrying their cert
        pki.tl_stranger.write_bytes(_trusted_list(pki.issuing.cert, skey, scert))
        pki.stamped_pdf = folder / "stamped.pdf"
        pki.stamped_pdf.write_bytes(sign_pdf(minutes_pdf(sample_record()),
                                             Pkcs12Source(qc_p12, PASSWORD, timestamp_url=pki.url("tsa"))).pdf)
        pki.root_pem = pki.write("root.pem", pki.root)
        from visitapp.cli.verify_cmd import load_anchor_files
        from visitapp.signing.ltv import augment_pdf

        plain = sign_pdf(minutes_pdf(sample_record()), Pkcs12Source(qc_p12, PASSWORD)).pdf  # no signature timestamp
        pki.archived_pdf = folder / "archived.pdf"  # then a document timestamp (B-LTA) by the same TSA
        pki.archived_pdf.write_bytes(augment_pdf(plain, timestamp_url=pki.url("tsa"),
                                                 anchors=load_anchor_files([pki.root_pem]), online=True))
    finally:
        pki.stop()  # everything below is offline
    yield pki


def _operator_cert(path) -> asn1_x509.Certificate:
    from visitapp.signing.qualified import operator_certificate

    return operator_certificate(path.read_bytes(), str(path))


def _verify(world, tl, operator_pem, pdf=None):
    from visitapp.signing.assess import TrustPolicy
    from visitapp.signing.verify import verify_pdf

    policy = TrustPolicy(trusted_lists=((tl.read_bytes(), _operator_cert(operator_pem).dump()),))
    report = verify_pdf((pdf or world.stamped_pdf).read_bytes(), policy)
    assert report.ok, report.all_problems()
    return report.signatures[0]


def test_a_timestamp_by_a_qualified_tsa_of_the_list_is_a_qualified_timestamp(lists, capsys):
    sig = _verify(lists, lists.tl_qtst, lists.chained_operator_pem)
    assert sig.level == "qualified"
    assert sig.timestamp is not None and sig.timestamp_trusted and sig.timestamp_qualified
    from visitapp.cli import main

    assert main(["verify", str(lists.stamped_pdf), "--trusted-list", str(lists.tl_qtst), "--tsl-cert",
                 str(lists.chained_operator_pem)]) == 0
    out = capsys.readouterr().out
    assert "  qualified timestamp: " in out and "qualified timestamp service of the trusted list" in out
    assert main(["verify", str(lists.stamped_pdf), "--trusted-list", str(lists.tl_qtst), "--tsl-cert",
                 str(lists.chained_operator_pem), "--json"]) == 0
    assert '"timestamp_qualified": true' in capsys.readouterr().out


def test_a_timestamp_by_a_tsa_the_list_does_not_name_is_not_qualified(lists, capsys):
    # The TSA chains to the list's qualified CA, so its timestamp is trusted, but the list names no QTST.
    sig = _verify(lists, lists.tl_plain, lists.operator_pem)
    assert sig.level == "qualified"
    assert sig.timestamp_trusted and not sig.timestamp_qualified
    from visitapp.cli import main

    assert main(["verify", str(lists.stamped_pdf), "--trusted-list", str(lists.tl_plain), "--tsl-cert",
                 str(lists.operator_pem)]) == 0
    out = capsys.readouterr().out
    assert "  timestamp (not qualified): " in out and "(authority trusted: yes)" in out


def test_a_document_timestamp_by_a_qualified_tsa_is_qualified_too(lists):
    """An augmented file whose signature has no timestamp of its own: the document timestamp (B-LTA) proves the
    time, and its authority is the list's QTST."""
    sig = _verify(lists, lists.tl_qtst, lists.chained_operator_pem, lists.archived_pdf)
    assert sig.timestamp is not None and sig.timestamp_trusted and sig.timestamp_qualified
    sig = _verify(lists, lists.tl_plain, lists.operator_pem, lists.archived_pdf)
    assert sig.timestamp_trusted and not sig.timestamp_qualified


def test_the_summary_is_read_from_the_signed_list(lists):
    from visitapp.signing.qualified import load_trusted_list, summarise

    trusted = load_trusted_list(lists.tl_qtst.read_bytes(), _operator_cert(lists.chained_operator_pem))
    summary = trusted.summary
    assert summary is not None
    assert (summary.territory, summary.scheme_operator) == ("PL", "Testowy Operator")
    assert (summary.services, summary.qualified_cas, summary.qualified_tsas) == (2, 1, 1)
    now = dt.datetime.now(dt.UTC)
    assert summary.issued is not None and abs(summary.issued - now) < dt.timedelta(hours=1)
    assert summary.next_update is not None and summary.next_update - now > dt.timedelta(days=179)
    assert summarise(*trusted.pair) == summary
    changed = trusted.xml.replace(b"Testowy Operator<", b"Testowy Operatorr<")
    assert changed != trusted.xml and summarise(changed, trusted.operator) is None  # no longer holds: nothing


def test_loading_without_the_operator_certificate_follows_its_chain_to_an_anchor(lists, tmp_path, capsys):
    from visitapp.cli import main

    db = tmp_path / "registry.db"
    assert main(["trust", "anchor", "add", "--db", str(db), str(lists.root_pem)]) == 0
    # A list whose signer is under no anchor of the registry: one sentence, nothing kept.
    assert main(["trust", "tsl", "load", "--db", str(db), str(lists.tl_stranger)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith(f"The signer of {lists.tl_stranger} (CN=Ktos Inny,C=PL) does not chain "
                        "to any anchor of this registry; give the certificate of the list's operator."), err
    assert err.count("\n") == 0
    # The operator's certificate (carried in the list's signature) chains to the root: loaded.
    assert main(["trust", "tsl", "load", "--db", str(db), str(lists.tl_qtst)]) == 0
    assert "1 qualified certificate authority, fingerprint" in capsys.readouterr().out
    assert main(["trust", "tsl", "list", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("Trusted list of ") == 1
    assert "PL, Testowy Operator; issued " in out  # one of each: no "1 qualified CAs"
    assert "; 2 services (1 qualified CA, 1 qualified timestamp service)\n" in out, out
    assert main(["trust", "tsl", "list", "--db", str(db), "--json"]) == 0
    import json

    [row] = json.loads(capsys.readouterr().out)
    assert (row["territory"], row["qualified_tsas"], row["holds"]) == ("PL", 1, True)


def test_a_list_is_named_in_the_readers_language_from_its_operator_not_from_a_stored_label(lists, tmp_path, capsys):
    """The registry keeps the operator's readable name (data); "Trusted list of …" is said when listed, in
    Polish for a Polish reader, also for a row an older version stored with an English label."""
    import sqlite3

    from visitapp import i18n
    from visitapp.cli import main

    db = tmp_path / "registry.db"
    before = i18n._current
    try:
        i18n.set_language("pl")
        assert main(["trust", "tsl", "load", "--db", str(db), str(lists.tl_plain), "--tsl-cert",
                     str(lists.operator_pem)]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Lista zaufanych usług: Testowy Operator Listy, PL: 1 kwalifikowany urząd "
                              "certyfikacji, odcisk "), out  # ngettext: one authority, in Polish
        with sqlite3.connect(db) as con:
            [(stored,)] = con.execute("SELECT subject FROM trust_anchors WHERE kind = 'trusted_list'").fetchall()
            assert stored == "Testowy Operator Listy, PL"  # the data, in no language
            con.execute("UPDATE trust_anchors SET subject = 'Trusted list of Common Name: Testowy Operator Listy, "
                        "Country: PL' WHERE kind = 'trusted_list'")  # as an older version stored it
        for command in (["trust", "tsl", "list"], ["trust", "anchor", "list"]):
            assert main([*command, "--db", str(db)]) == 0
            out = capsys.readouterr().out
            assert "  Lista zaufanych usług: Testowy Operator Listy, PL  " in out, out
            assert "Trusted list of" not in out and "Common Name" not in out
            if command[1] == "tsl":  # each count with its Polish plural form (one, few, many)
                assert "(1 kwalifikowany CA, 0 kwalifikowanych usług znakowania czasem)\n" in out, out
        i18n.set_language("en")
        assert main(["trust", "tsl", "list", "--db", str(db)]) == 0
        assert "  Trusted list of Testowy Operator Listy, PL  " in capsys.readouterr().out
    finally:
        i18n._current = before
