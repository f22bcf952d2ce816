"""Qualified signatures from an ETSI TS 119 612 trusted list (issue 13), with a real test PKI and a real signed list.

The list is built here with pyHanko's own TS 119 612 model (as pyHanko's tests build theirs) and signed (XAdES,
with signxml) by a test list operator; it names the test PKI's issuing CA as a qualified CA service (CA/QC,
granted). An official's certificate with QcStatements (QcCompliance, QcSSCD, QcType esign) under that CA is graded
"qualified"; a certificate of the same CA without them stays "advanced". A list signed by someone else, or changed
after signing, is refused in one sentence and grades nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tests.conftest import run_cli
from tests.minutes_sample import sample_record
from tests.pki_world import PASSWORD, Pki, _name
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.sign import Pkcs12Source, sign_pdf

QC_SERIAL = "PNOPL-81020312345"


def _qc_statements() -> x509.UnrecognizedExtension:
    from pyhanko.sign.ades import qualified_asn1 as q

    statements = q.QcStatements([
        q.QcStatement({"statement_id": "qc_compliance"}),
        q.QcStatement({"statement_id": "qc_sscd"}),
        q.QcStatement({"statement_id": "qc_type", "statement_info": q.QcCertificateType(["qct_esign"])}),
    ])
    return x509.UnrecognizedExtension(x509.ObjectIdentifier("1.3.6.1.5.5.7.1.3"), statements.dump())


def _qualified_official(pki: Pki, who: str, name: str, serial: str):
    """An official's qualified certificate: pki_world's official, plus the QcStatements a qualified card's has."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    start = pki.now - dt.timedelta(days=1)
    cert = (x509.CertificateBuilder().subject_name(_name(name, "Urząd Miasta Krakowa", serial))
            .issuer_name(pki.issuing.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=700))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(pki.issuing.key.public_key()),
                           critical=False)
            .add_extension(_qc_statements(), critical=False)
            .sign(pki.issuing.key, hashes.SHA256()))
    p12, pem = pki.folder / f"{who}.p12", pki.folder / f"{who}.pem"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        who.encode(), key, cert, [pki.issuing.cert, pki.root.cert],
        serialization.BestAvailableEncryption(PASSWORD.encode())))
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return p12, pem


def _operator(folder, cn: str):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    pem = folder / f"{cn.replace(' ', '-')}.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert, pem


def _trusted_list(ca: x509.Certificate, operator_key, operator_cert, *, tsa: x509.Certificate | None = None,
                  chain: tuple[x509.Certificate, ...] = ()) -> bytes:
    """A TS 119 612 list with one TSP and one CA/QC service (granted), signed by the operator (XAdES).

    ``tsa``: also a qualified timestamp service (QTST, granted) for that TSA certificate; ``chain``: certificates
    carried in the signature after the operator's (its issuing CAs)."""
    from asn1crypto import pem
    from lxml.etree import fromstring, tostring
    from pyhanko.generated.etsi import ts_119612 as t
    from pyhanko.sign.validation.qualified.eutl_parse import STATUS_GRANTED
    from pyhanko.sign.validation.qualified.tsp import CA_QC_URI
    from signxml import SignatureMethod
    from signxml.xades import XAdESSigner
    from xsdata.formats.dataclass.serializers import XmlSerializer
    from xsdata.formats.dataclass.serializers.config import SerializerConfig
    from xsdata.models.datatype import XmlDateTime

    service = t.TSPService(t.ServiceInformation(
        service_type_identifier=t.ServiceTypeIdentifier(CA_QC_URI),
        service_name=t.InternationalNamesType((t.MultiLangNormStringType(value="Testowe CC Kwalifikowane",
                                                                        lang="pl"),)),
        service_digital_identity=t.ServiceDigitalIdentity((t.DigitalIdentityType(
            x509_certificate=ca.public_bytes(serialization.Encoding.DER)),)),
        service_status=t.ServiceStatus(STATUS_GRANTED),
        status_starting_time=XmlDateTime.from_datetime(ca.not_valid_before_utc),
    ))
    services = [service]
    if tsa is not None:
        from pyhanko.sign.validation.qualified.tsp import QTST_URI

        services.append(t.TSPService(t.ServiceInformation(
            service_type_identifier=t.ServiceTypeIdentifier(QTST_URI),
            service_name=t.InternationalNamesType((t.MultiLangNormStringType(value="Testowy Znacznik Kwalifikowany",
                                                                            lang="pl"),)),
            service_digital_identity=t.ServiceDigitalIdentity((t.DigitalIdentityType(
                x509_certificate=tsa.public_bytes(serialization.Encoding.DER)),)),
            service_status=t.ServiceStatus(STATUS_GRANTED),
            status_starting_time=XmlDateTime.from_datetime(tsa.not_valid_before_utc),
        )))
    now = dt.datetime.now(dt.UTC)
    root = t.TrustServiceStatusList(
        scheme_information=t.SchemeInformation(
            list_issue_date_time=XmlDateTime.from_datetime(now),
            scheme_territory=t.SchemeTerritory("PL"),
            scheme_operator_name=t.SchemeOperatorName((t.MultiLangNormStringType(value="Testowy Operator",
                                                                                 lang="pl"),)),
            next_update=t.NextUpdate(date_time=XmlDateTime.from_datetime(now + dt.timedelta(days=180)))),
        trust_service_provider_list=t.TrustServiceProviderList(
            trust_service_provider=(t.TrustServiceProvider(tspservices=t.TSPServices(tuple(services))),)),
    )
    data = XmlSerializer(config=SerializerConfig(indent="  ")).render(root)
    signed = XAdESSigner(signature_algorithm=SignatureMethod.RSA_SHA256).sign(
        fromstring(data.encode("utf-8")), key=operator_key,
        cert=[pem.armor("CERTIFICATE", c.public_bytes(serialization.Encoding.DER)).decode("ascii")
              for c in (operator_cert, *chain)] if chain else
        pem.armor("CERTIFICATE", operator_cert.public_bytes(serialization.Encoding.DER)),
        always_add_key_value=False)
    return tostring(signed)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qualified")
    pki = Pki(folder)
    try:
        qc_p12, qc_pem = _qualified_official(pki, "zofia", "Zofia Łęcka", QC_SERIAL)
        plain_p12, _pem, _issued = pki.official("jan", "Jan Kowalski", "PNOPL-70010112345")
        key, cert, pki.operator_pem = _operator(folder, "Testowy Operator Listy")
        _k, _c, pki.stranger_pem = _operator(folder, "Ktos Inny")
        pki.tl = folder / "tl-pl.xml"
        pki.tl.write_bytes(_trusted_list(pki.issuing.cert, key, cert))
        record = minutes_pdf(sample_record())
        pki.qualified_pdf = folder / "qualified.pdf"
        pki.qualified_pdf.write_bytes(sign_pdf(record, Pkcs12Source(qc_p12, PASSWORD)).pdf)
        pki.advanced_pdf = folder / "advanced.pdf"
        pki.advanced_pdf.write_bytes(sign_pdf(record, Pkcs12Source(plain_p12, PASSWORD)).pdf)
        pki.qc_pem = qc_pem
    finally:
        pki.stop()  # everything below is offline
    yield pki


def _policy(world, operator=None, **extra):
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509

    from visitapp.signing.assess import TrustPolicy

    der = asn1_pem.unarmor((operator or world.operator_pem).read_bytes())[2]
    return TrustPolicy(trusted_lists=((world.tl.read_bytes(), asn1_x509.Certificate.load(der).dump()),), **extra)


def _level(world, path, **extra) -> str:
    from visitapp.signing.verify import verify_pdf

    report = verify_pdf(path.read_bytes(), _policy(world, **extra))
    assert report.ok, report.all_problems()
    return report.signatures[0].level


def test_a_qualified_certificate_under_the_list_is_graded_qualified(world):
    from visitapp.signing.verify import verify_pdf

    report = verify_pdf(world.qualified_pdf.read_bytes(), _policy(world))
    sig = report.signatures[0]
    assert report.ok, report.all_problems()
    assert sig.level == "qualified"
    assert sig.anchor.startswith("CN=Testowe CC Kwalifikowane 2026")  # the list's CA service is the anchor
    assert sig.identity == f"serialNumber={QC_SERIAL}"
    # The command line: the list and its operator's certificate for one run.
    done = run_cli("verify", str(world.qualified_pdf), "--trusted-list", str(world.tl), "--tsl-cert",
                   str(world.operator_pem))
    assert done.returncode == 0, done.stderr
    assert "signature: qualified (QES, key on a QSCD)" in done.stdout


def test_a_certificate_without_qc_statements_stays_advanced(world):
    assert _level(world, world.advanced_pdf) == "advanced"


def test_without_the_list_nothing_is_qualified(world):
    from asn1crypto import x509 as asn1_x509

    from visitapp.signing.assess import TrustPolicy
    from visitapp.signing.verify import verify_pdf

    root = asn1_x509.Certificate.load(world.root.cert.public_bytes(serialization.Encoding.DER))
    report = verify_pdf(world.qualified_pdf.read_bytes(), TrustPolicy(anchors=(root.dump(),)))
    assert report.ok, report.all_problems()
    assert report.signatures[0].level == "advanced"


def test_a_list_signed_by_someone_else_grades_nothing(world):
    from visitapp.signing.verify import verify_pdf

    report = verify_pdf(world.qualified_pdf.read_bytes(), _policy(world, operator=world.stranger_pem))
    assert not report.ok  # the list anchors nothing: the signer reaches no anchor
    assert report.signatures[0].level == ""
    assert report.signatures[0].trust_problem.endswith("give their certificate with --trust or their certificate "
                                                       "authority with --anchor.")


def test_a_list_refused_in_one_sentence(world, tmp_path):
    from visitapp.cli.verify_cmd import read_trusted_list
    from visitapp.errors import InvalidInput

    wrong = f"The signature of {world.tl} does not hold with the operator's certificate given; the list was not loaded."
    with pytest.raises(InvalidInput) as err:
        read_trusted_list(world.tl, [], world.stranger_pem)
    assert str(err.value) == wrong
    changed = tmp_path / "tl-changed.xml"
    changed.write_bytes(world.tl.read_bytes().replace(b"Testowe CC Kwalifikowane", b"Testowe CC Kwalifikowana"))
    with pytest.raises(InvalidInput) as err:
        read_trusted_list(changed, [], world.operator_pem)
    assert str(err.value) == wrong.replace(str(world.tl), str(changed))
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>")
    with pytest.raises(InvalidInput):
        read_trusted_list(junk, [], world.operator_pem)
    with pytest.raises(InvalidInput, match=r"^Give the certificate of the trusted list's operator with --tsl-cert\.$"):
        read_trusted_list(world.tl, [], None)
    # The registry's anchors are tried when no operator certificate is given.
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509

    operator = asn1_x509.Certificate.load(asn1_pem.unarmor(world.operator_pem.read_bytes())[2])
    assert read_trusted_list(world.tl, [operator], None).ca_certificates


def test_a_registry_loads_the_list_and_merges_graded_qualified(world, tmp_path):
    db = tmp_path / "registry.db"
    done = run_cli("trust", "tsl", "load", "--db", str(db), str(world.tl), "--tsl-cert", str(world.operator_pem))
    assert done.returncode == 0, done.stderr
    assert "Trusted list of " in done.stdout and "1 qualified certificate authority," in done.stdout
    from visitapp.db import Database
    from visitapp.registry.trust import TrustStore, load_certificate_file

    # The person is trusted by identity under the list's CA (no CA added by hand), then merged: graded qualified.
    database = Database.open(db)
    try:
        store = TrustStore(database)
        rows = [a for a in store.anchors() if a.kind == "trusted_list"]
        assert len(rows) == 1 and rows[0].subject.startswith("Trusted list of ")
        [trusted] = store.add(load_certificate_file(world.qc_pem))
        assert trusted.identity == f"serialNumber={QC_SERIAL}"
        assert trusted.anchor  # under the list's CA, not pinned by fingerprint
    finally:
        database.close()
    done = run_cli("merge", "--into", str(db), "--json", str(world.qualified_pdf))
    assert done.returncode == 0, done.stderr + done.stdout
    assert '"qualified"' in done.stdout, done.stdout
