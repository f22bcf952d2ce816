"""Signed plans: the coordinator signs (CMS SignedData, read by openssl), the official imports only a plan
signed by a certificate their database trusts, and changes to visits they have need --yes.

Every attack is built here for real: a plan signed by another key, a coordinator's certificate put in
front of another key's signature, a byte flipped in the signed content, an unsigned plan, garbage.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from registry_helpers import WARSAW, dump
from test_signing_pkcs11 import PIN, TOKEN
from test_signing_pkcs11 import token as pkcs11_token  # noqa: F401 (the SoftHSM2 token fixture)

from tests.conftest import require_tool, run_cli
from visitapp.db import Database
from visitapp.errors import InvalidInput
from visitapp.registry.plan_sign import sign_content, verify_signed
from visitapp.registry.plans import export_plan
from visitapp.registry.trust import TrustStore, fingerprint
from visitapp.services import Services
from visitapp.signing.keys import certificate_pem, make_certificate, pkcs12_bytes
from visitapp.signing.sign import Pkcs12Source

PASSWORD = "tajne-hasło"
ENV = {"KP_COORD": PASSWORD}


class Keys:
    def __init__(self, folder: Path, who: str, name: str, key=None) -> None:
        self.key, self.cert = make_certificate(name, "Urząd Miasta Krakowa", key=key)
        self.p12, self.pem = folder / f"{who}.p12", folder / f"{who}.pem"
        self.p12.write_bytes(pkcs12_bytes(self.key, self.cert, PASSWORD))
        self.pem.write_bytes(certificate_pem(self.cert))
        self.fingerprint = fingerprint(self.cert)
        self.source = Pkcs12Source(self.p12, PASSWORD)


@pytest.fixture(scope="module")
def coordinator(tmp_path_factory) -> Keys:
    return Keys(tmp_path_factory.mktemp("coord"), "coord", "Ewa Kowalczyk")


@pytest.fixture(scope="module")
def attacker(tmp_path_factory) -> Keys:
    # Same name as the coordinator: a certificate's name proves nothing, its fingerprint does.
    return Keys(tmp_path_factory.mktemp("attacker"), "attacker", "Ewa Kowalczyk",
                key=ec.generate_private_key(ec.SECP256R1()))


@pytest.fixture
def planned(svc):
    org = svc.organisations.create("Comarch S.A.", nip="6770065406")
    visit = svc.visits.create(org.id, dt.datetime(2026, 5, 5, 9, tzinfo=WARSAW), title="Wizyta: Comarch",
                              place="Kampus", agenda=["Plany"])
    person = svc.people.create("Zofia Żak", institution="Comarch", email="zofia@example.org")
    svc.visits.add_participant(visit.id, person.id, side="company")
    return visit


@pytest.fixture
def signed_plan(db_path, planned, coordinator, tmp_path) -> Path:
    out = tmp_path / "plan.json.p7m"
    result = run_cli("plan", "export", "--db", str(db_path), "--out", str(out), "--sign", str(coordinator.p12),
                     "--pass-env", "KP_COORD", env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return out


@pytest.fixture
def official(tmp_path, coordinator) -> Path:
    """An official's database that trusts the coordinator (``visitapp trust add``)."""
    path = tmp_path / "official.db"
    result = run_cli("trust", "add", "--db", str(path), str(coordinator.pem))
    assert result.returncode == 0, result.stderr
    return path


def _import(db: Path, plan: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("plan", "import", "--db", str(db), *extra, str(plan))


def _visits(db: Path) -> list[str]:
    database = Database.open(db)
    try:
        return [v.id for v in Services(database).visits.list()]
    finally:
        database.close()


def _local(*when: int) -> str:
    """A Warsaw time as the listing shows it (in this machine's zone)."""
    return dt.datetime(*when, tzinfo=WARSAW).astimezone().strftime("%Y-%m-%d %H:%M")


def _refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stdout
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    for w in words:
        assert w in result.stderr, result.stderr


def test_openssl_reads_the_signed_plan(signed_plan, planned):
    openssl = require_tool("openssl")
    out = subprocess.run([openssl, "cms", "-verify", "-noverify", "-inform", "DER", "-in", str(signed_plan)],
                         capture_output=True)
    assert out.returncode == 0 and b"Verification successful" in out.stderr, out.stderr
    assert json.loads(out.stdout)["visits"][0]["id"] == planned.id


def test_trusted_signed_plan_is_imported(signed_plan, official, planned):
    result = _import(official, signed_plan)
    assert result.returncode == 0, result.stderr
    assert planned.id in result.stdout and result.stderr == ""
    assert _visits(official) == [planned.id]


def test_first_use_names_the_fingerprint_and_trusts_it_when_confirmed(signed_plan, coordinator, planned, tmp_path):
    fresh = tmp_path / "fresh.db"
    Database.open(fresh).close()
    before = dump(fresh)
    refused = _import(fresh, signed_plan)
    _refused(refused, "Ewa Kowalczyk", coordinator.fingerprint, "--trust-signer")
    assert dump(fresh) == before
    wrong = _import(fresh, signed_plan, "--trust-signer", "00" * 32)
    _refused(wrong, coordinator.fingerprint)
    assert dump(fresh) == before
    shown = coordinator.fingerprint.upper()
    spaced = ":".join(shown[i:i + 2] for i in range(0, len(shown), 2))  # as a certificate viewer shows it
    ok = _import(fresh, signed_plan, "--trust-signer", spaced)
    assert ok.returncode == 0, ok.stderr
    assert "Trusted: Ewa Kowalczyk" in ok.stdout and coordinator.fingerprint in ok.stdout  # said once it is done
    assert _visits(fresh) == [planned.id]
    db = Database.open(fresh)
    try:
        assert [t.fingerprint for t in TrustStore(db).list()] == [coordinator.fingerprint]
    finally:
        db.close()


def test_a_plan_signed_by_an_untrusted_key_is_refused(svc, planned, official, attacker, tmp_path):
    out = tmp_path / "forged.p7m"
    export_plan(svc.db, out, source=attacker.source)  # the attacker's own valid signature, same name
    before = dump(official)
    _refused(_import(official, out), attacker.fingerprint, "does not trust")
    assert dump(official) == before


def test_the_trusted_certificate_in_front_of_another_keys_signature_is_refused(
        svc, planned, official, attacker, coordinator, tmp_path):
    forged = tmp_path / "swapped.p7m"
    export_plan(svc.db, forged, source=attacker.source)
    info = cms.ContentInfo.load(forged.read_bytes())
    coord = asn1_x509.Certificate.load(coordinator.cert.public_bytes(serialization.Encoding.DER))
    info["content"]["certificates"] = [cms.CertificateChoices(name="certificate", value=coord)]
    info["content"]["signer_infos"][0]["sid"] = cms.SignerIdentifier(
        name="issuer_and_serial_number",
        value={"issuer": coord.issuer, "serial_number": coord.serial_number})
    forged.write_bytes(info.dump(force=True))
    before = dump(official)
    _refused(_import(official, forged), "changed after signing")
    assert dump(official) == before


def test_a_byte_flipped_in_the_signed_content_is_refused(signed_plan, official, planned, tmp_path):
    data = bytearray(signed_plan.read_bytes())
    at = bytes(data).index(b'"place": "Kampus"') + len('"place": "')
    data[at] ^= 0x20  # Kampus -> kampus
    tampered = tmp_path / "tampered.p7m"
    tampered.write_bytes(bytes(data))
    before = dump(official)
    _refused(_import(official, tampered), "changed after signing", "nothing was imported")
    assert dump(official) == before


def test_an_unsigned_plan_is_refused_unless_allowed_loudly(db_path, planned, official, tmp_path):
    plain = tmp_path / "plan.json"
    exported = run_cli("plan", "export", "--db", str(db_path), "--out", str(plain))
    assert exported.returncode == 0 and "--allow-unsigned" in exported.stderr
    before = dump(official)
    _refused(_import(official, plain), "not signed")
    assert dump(official) == before
    allowed = _import(official, plain, "--allow-unsigned")
    assert allowed.returncode == 0
    assert allowed.stderr.startswith("WARNING: this plan is NOT signed")
    assert _visits(official) == [planned.id]


@pytest.mark.parametrize("content, words", [
    (b"\x30\x82\xff\xff garbage", "neither a signed plan"),
    (b"\x30\x03\x02\x01\x01", "neither a signed plan"),
    (b"PK\x03\x04 a zip file", "not signed"),
])
def test_garbage_is_refused_in_one_sentence(official, tmp_path, content, words):
    path = tmp_path / "garbage.p7m"
    path.write_bytes(content)
    before = dump(official)
    _refused(_import(official, path), words)
    assert dump(official) == before


def test_oversized_and_deeply_nested_plans_are_refused(official, coordinator, tmp_path):
    big = tmp_path / "big.p7m"
    big.write_bytes(b"\x30" + b"\x00" * (5 * 1024 * 1024))
    _refused(_import(official, big), "larger than 5 MB")
    deep = tmp_path / "deep.p7m"
    deep.write_bytes(sign_content(b"[" * 50_000 + b"]" * 50_000, coordinator.source)[0])
    assert verify_signed(deep.read_bytes()).signer.fingerprint == coordinator.fingerprint
    _refused(_import(official, deep), "deeper than 64")


def test_verify_refuses_a_detached_signature(coordinator):
    import asyncio

    from visitapp.signing.sign import open_signer

    with open_signer(coordinator.source) as (signer, _cert):
        detached = asyncio.run(signer.async_sign_general_data(b"{}", "sha256", detached=True)).dump()
    with pytest.raises(InvalidInput) as err:
        verify_signed(detached)
    assert "neither a signed plan" in str(err.value)


def test_changes_to_existing_visits_are_listed_and_need_yes(svc, planned, official, signed_plan, coordinator,
                                                             tmp_path):
    assert _import(official, signed_plan).returncode == 0
    svc.visits.update(planned.id, place="Sala 2", starts_at=dt.datetime(2026, 5, 6, 12, tzinfo=WARSAW))
    person = svc.people.create("Jan Nowy", email="jan@example.org")
    svc.visits.add_participant(planned.id, person.id)
    changed = tmp_path / "changed.p7m"
    export_plan(svc.db, changed, source=coordinator.source)
    before = dump(official)
    refused = _import(official, changed)
    assert refused.returncode == 1
    listed = refused.stdout.splitlines()
    assert listed[0] == "The plan changes visits you already have:"
    short = planned.id[:8]
    assert sorted(listed[1:]) == [
        f"  Wizyta: Comarch ({short}): participants: Zofia Żak -> Zofia Żak; Jan Nowy",
        f"  Wizyta: Comarch ({short}): place: Kampus -> Sala 2",
        f"  Wizyta: Comarch ({short}): time: {_local(2026, 5, 5, 9)} -> {_local(2026, 5, 6, 12)}",
    ]
    assert refused.stderr == ("visitapp: Nothing was imported; 3 changes are listed above: to apply them, import "
                              "again with --yes.\n")
    assert dump(official) == before
    applied = _import(official, changed, "--yes")
    assert applied.returncode == 0, applied.stderr
    assert "0 visits added, 1 updated, 0 unchanged." in applied.stdout
    db = Database.open(official)
    try:
        visit = Services(db).visits.get(planned.id)
        assert visit.place == "Sala 2" and [p.person.name for p in visit.participants] == ["Zofia Żak", "Jan Nowy"]
    finally:
        db.close()


def test_control_characters_in_listed_changes_are_escaped(svc, planned, official, signed_plan, coordinator,
                                                          tmp_path):
    assert _import(official, signed_plan).returncode == 0
    svc.visits.update(planned.id, title="Wizyta\x1b[2J\u202eterces")
    changed = tmp_path / "changed.p7m"
    export_plan(svc.db, changed, source=coordinator.source)
    refused = _import(official, changed)
    assert "\x1b" not in refused.stdout and "\u202e" not in refused.stdout
    assert "Wizyta\\x1b[2J\\u202eterces" in refused.stdout


def test_a_plan_signed_on_a_token_is_imported(db_path, planned, official, tmp_path, pkcs11_token):
    module, pem = pkcs11_token
    out = tmp_path / "token-plan.p7m"
    result = run_cli("plan", "export", "--db", str(db_path), "--out", str(out), "--pkcs11", module,
                     "--token", TOKEN, "--key", "zofia", "--pin-env", "TOKEN_PIN", env={"TOKEN_PIN": PIN})
    assert result.returncode == 0, result.stderr
    signer = verify_signed(out.read_bytes()).signer
    assert signer.name == "Jędrzej Łoś"
    assert run_cli("trust", "add", "--db", str(official), str(pem)).returncode == 0
    imported = _import(official, out)
    assert imported.returncode == 0, imported.stderr
    assert _visits(official) == [planned.id]
