"""The signing dialog lists the tokens of the chosen PKCS#11 module and the keys on the chosen token (issue 13).

A SoftHSM2 token made here stands in for a smart card: two certificates with their keys (one of them expired), so
the official picks a key instead of typing its label; then signing with what was picked works.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.minutes_sample import sample_record
from tests.softhsm import softhsm_token
from visitapp.signing.errors import TokenError
from visitapp.signing.keys import make_certificate
from visitapp.signing.tokens import list_keys, list_tokens
from visitapp.ui.signing.certificate_box import CertificateBox

TOKEN = "karta-urzednika"
PIN = "2468"
WAIT_MS = 20000


@pytest.fixture(scope="module")
def token(tmp_path_factory):
    with softhsm_token(tmp_path_factory.mktemp("softhsm-keys"), TOKEN, PIN) as card:
        for label, key_id, name, since, days in (("podpis-2026", "01", "Zofia Łęcka", 2026, 1000),
                                                  ("podpis-2023", "02", "Zofia Łęcka (stary)", 2023, 700)):
            key, cert = make_certificate(name, "Urząd Miasta Krakowa",
                                         not_before=dt.datetime(since, 1, 5, tzinfo=dt.UTC), days=days)
            card.put_key(label, key_id, key, cert)
        yield card.module


def test_the_core_lists_tokens_and_their_certificates(token):
    tokens = list_tokens(token)
    assert [t.label for t in tokens] == [TOKEN]  # SoftHSM2's blank free slot is not offered
    assert tokens[0].manufacturer == "SoftHSM project"
    keys = list_keys(token, TOKEN)
    assert [(k.label, k.subject_cn, k.key_id) for k in keys] == [
        ("podpis-2023", "Zofia Łęcka (stary)", "02"), ("podpis-2026", "Zofia Łęcka", "01")]
    assert keys[1].not_after == dt.datetime(2026, 1, 5, tzinfo=dt.UTC) + dt.timedelta(days=1000)
    with pytest.raises(TokenError, match=r"^No token labelled nie-ma-takiej was found; is the card inserted\?$"):
        list_keys(token, "nie-ma-takiej")


def test_a_missing_module_is_one_sentence(tmp_path):
    with pytest.raises(TokenError, match="does not exist"):
        list_tokens(str(tmp_path / "libbrak.so"))


def test_the_dialog_lists_tokens_and_keys_and_the_pick_fills_the_labels(qtbot, token):
    box = CertificateBox()
    qtbot.addWidget(box)
    box.source.setCurrentIndex(box.source.findData("pkcs11"))
    box.module.setText(token)
    with qtbot.waitSignal(box.listed, timeout=WAIT_MS):
        box.find_tokens.click()
    qtbot.waitUntil(lambda: box.key_choice.count() == 2, timeout=WAIT_MS)  # the only token's keys follow
    assert box.token_choice.count() == 1
    assert box.token_choice.itemText(0) == f"{TOKEN} (SoftHSM project SoftHSM v2)"
    assert box.token.text() == TOKEN  # the only token is taken
    texts = [box.key_choice.itemText(i) for i in range(box.key_choice.count())]
    until = (dt.datetime(2026, 1, 5) + dt.timedelta(days=1000)).strftime("%Y-%m-%d")
    assert texts == ["podpis-2023 — Zofia Łęcka (stary), valid until 2024-12-05",
                     f"podpis-2026 — Zofia Łęcka, valid until {until}"]
    assert box.key.text() == ""  # two keys: the official chooses
    box.key_choice.activated.emit(1)
    assert box.key.text() == "podpis-2026"
    box.secret.setText(PIN)
    source = box.signer_source()
    assert (source.token, source.key) == (TOKEN, "podpis-2026")
    # What was picked signs (the certificate and key labels are right for the module).
    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import sign_pdf

    assert sign_pdf(minutes_pdf(sample_record("pl")), source).signer == "Zofia Łęcka"


def test_a_module_that_is_not_a_library_is_one_sentence(qtbot, tmp_path, token):
    fake = tmp_path / "libudawany.so"
    fake.write_bytes(b"\x7fELF not really")
    box = CertificateBox()
    qtbot.addWidget(box)
    box.source.setCurrentIndex(box.source.findData("pkcs11"))
    box.module.setText(str(fake))
    with qtbot.waitSignal(box.listed, timeout=WAIT_MS):
        box.find_tokens.click()
    assert box.token_status.text().startswith(f"The PKCS#11 module {fake} could not be used: ")
    assert box.token_choice.count() == 0
