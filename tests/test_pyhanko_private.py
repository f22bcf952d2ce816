"""The two private pyHanko functions visitapp reads trusted lists with (issue 13 leftover).

pyHanko has no public function that returns a trusted list's signed data or its parsed scheme information, so
visitapp.signing.qualified wraps ``eutl_parse._validate_and_extract_tl_data`` and ``eutl_parse._raw_tl_parse``
(checked against pyHanko 0.38.0). These tests call both wrappers on a real list, XAdES-signed here by a test
operator (tests/test_pki_qualified.py's builder): a pyHanko that renames or reshapes either fails them, and such a
pyHanko is said in one sentence, never taken for "not a trusted list".
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization

from tests.test_pki_qualified import _operator, _trusted_list


@dataclass(frozen=True)
class SignedList:
    xml: bytes
    operator: asn1_x509.Certificate
    stranger: asn1_x509.Certificate


def _asn1(cert) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


@pytest.fixture(scope="module")
def signed_list(tmp_path_factory) -> SignedList:
    folder = tmp_path_factory.mktemp("tl")
    _k, ca, _pem = _operator(folder, "Testowe CC Kwalifikowane")  # the list's CA/QC service
    key, operator, _pem = _operator(folder, "Testowy Operator Listy")
    _k, stranger, _pem = _operator(folder, "Ktos Inny")
    return SignedList(_trusted_list(ca, key, operator), _asn1(operator), _asn1(stranger))


def test_the_private_functions_read_a_real_signed_list(signed_list):
    from pyhanko.generated.etsi import ts_119612
    from pyhanko.sign.validation.errors import SignatureValidationError

    from visitapp.signing.qualified import list_signer_certificates, pyhanko_parse_list, pyhanko_signed_list

    text = signed_list.xml.decode("utf-8")
    signed = pyhanko_signed_list(text, signed_list.operator)
    assert isinstance(signed, str) and signed.lstrip().startswith("<") and "TrustServiceStatusList" in signed
    with pytest.raises(SignatureValidationError):
        pyhanko_signed_list(text, signed_list.stranger)
    parsed = pyhanko_parse_list(signed)
    assert isinstance(parsed, ts_119612.TrustServiceStatusList)
    scheme = parsed.scheme_information
    assert scheme.scheme_territory.value == "PL"
    assert [n.value for n in scheme.scheme_operator_name.name] == ["Testowy Operator"]
    assert scheme.list_issue_date_time is not None and scheme.next_update.date_time is not None
    [provider] = parsed.trust_service_provider_list.trust_service_provider
    assert len(provider.tspservices.tspservice) == 1
    # The unchecked parse of the whole file reads the certificate its signature carries (ds:KeyInfo).
    assert [c.dump() for c in list_signer_certificates(signed_list.xml)] == [signed_list.operator.dump()]


def test_a_checked_list_is_summarised_through_them(signed_list, monkeypatch):
    from visitapp.signing import qualified

    monkeypatch.setattr(qualified, "_CHECKED", {})  # read now, not from another test's cache
    trusted = qualified.load_trusted_list(signed_list.xml, signed_list.operator)
    summary = trusted.summary
    assert summary is not None
    assert (summary.territory, summary.scheme_operator, summary.services, summary.qualified_cas,
            summary.qualified_tsas) == ("PL", "Testowy Operator", 1, 1, 0)
    assert summary.issued is not None and summary.next_update is not None and summary.issued < summary.next_update


@pytest.mark.parametrize("name", ["_validate_and_extract_tl_data", "_raw_tl_parse"])
def test_a_pyhanko_without_them_is_said_not_taken_for_a_bad_list(signed_list, monkeypatch, name):
    from pyhanko.sign.validation.qualified import eutl_parse

    from visitapp.errors import InvalidInput
    from visitapp.signing import qualified

    monkeypatch.setattr(qualified, "_CHECKED", {})
    monkeypatch.delattr(eutl_parse, name)  # as a pyHanko that renamed it
    with pytest.raises(qualified.PyHankoChanged) as err:
        qualified.load_trusted_list(signed_list.xml, signed_list.operator)
    assert not isinstance(err.value, InvalidInput)  # the callers that skip a bad list do not skip this
    text = str(err.value)
    assert f"(it has no {name}; visitapp was checked with pyHanko {qualified.PYHANKO_CHECKED})" in text
    assert text.startswith("The installed pyHanko ") and text.endswith(" comes with.") and text.count(". ") == 0
    if name == "_raw_tl_parse":
        with pytest.raises(qualified.PyHankoChanged):
            qualified.list_signer_certificates(signed_list.xml)
