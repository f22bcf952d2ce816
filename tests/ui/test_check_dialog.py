"""File → Check signed minutes… (issues 10, 13): the verify report in a dialog, on real signed files.

The files are signed in the test (a personal PKCS#12 certificate; an official's certificate under a test CA with a
signature timestamp from a real RFC 3161 server on 127.0.0.1, then augmented to B-LTA); the check runs in the real
capped worker process, spawned from the dialog's thread.
"""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from PySide6.QtWidgets import QApplication

from tests.minutes_sample import sample_record
from tests.pki_world import PASSWORD, Pki
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.assess import TrustPolicy
from visitapp.signing.keys import keygen
from visitapp.signing.sign import Pkcs12Source, sign_pdf
from visitapp.ui.check_dialog import BAD_STYLE, OK_STYLE, CheckDialog

WAIT_MS = 60000  # a spawned worker imports pyHanko first


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from visitapp.signing.ltv import augment_pdf
    from visitapp.signing.verify import load_trust_roots

    folder = tmp_path_factory.mktemp("check")
    p12, pem, _cert = keygen("Zofia Łęcka", "Urząd Miasta Krakowa", folder / "zofia.p12", "hasło")
    unsigned = minutes_pdf(sample_record("pl"))
    signed = sign_pdf(unsigned, Pkcs12Source(p12, "hasło")).pdf
    (folder / "signed.pdf").write_bytes(signed)
    broken = bytearray(signed)
    start = int(signed.split(b"/ByteRange")[1].split()[2])  # a byte in the middle of the first signed range
    broken[start // 2] ^= 0x01
    (folder / "tampered.pdf").write_bytes(bytes(broken))
    _p12, _stranger_pem, _c = keygen("Obcy Człowiek", "Nikt", folder / "stranger.p12", "hasło")
    (folder / "stranger.pdf").write_bytes(sign_pdf(unsigned, Pkcs12Source(_p12, "hasło")).pdf)

    pki = Pki(folder)
    try:
        official_p12, _pem, _issued = pki.official("jan", "Jan Kowalski", "PNOPL-70010112345")
        root = pki.write("root.pem", pki.root)
        stamped = sign_pdf(unsigned, Pkcs12Source(official_p12, PASSWORD, timestamp_url=pki.url("tsa"))).pdf
        (folder / "stamped.pdf").write_bytes(stamped)
        anchors = load_anchor(root)
        (folder / "archived.pdf").write_bytes(augment_pdf(stamped, timestamp_url=pki.url("tsa"), anchors=anchors,
                                                          online=True))
        from tests.test_pki_qualified import _operator, _trusted_list

        key, cert, _operator_pem = _operator(folder, "Testowy Operator Listy")  # a list naming the TSA a QTST
        (folder / "tl.xml").write_bytes(_trusted_list(pki.issuing.cert, key, cert, tsa=pki.tsa.cert))
        (folder / "operator.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    finally:
        pki.stop()  # the checks run offline
    return folder, load_trust_roots([pem])[0].dump(), root


def load_anchor(path):
    from visitapp.cli.verify_cmd import load_anchor_files

    return load_anchor_files([path])


def _dialog(qtbot, policy, path):
    dialog = CheckDialog(lambda: policy, None, str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.check_button.click()
    return dialog


def _rows(dialog, top: int) -> dict[str, str]:
    """What each row says (a long value is wrapped in lines: read as one)."""
    item = dialog.details.topLevelItem(top)
    return {item.child(i).text(0): " ".join(item.child(i).text(1).split()) for i in range(item.childCount())}


def test_a_valid_file_lists_signer_trust_level_and_record(qtbot, files):
    folder, pinned, _root = files
    dialog = _dialog(qtbot, TrustPolicy(pinned=(pinned,)), folder / "signed.pdf")
    assert dialog.summary.text() == "All signatures are intact and trusted, and the record is valid."
    assert dialog.summary.styleSheet() == OK_STYLE
    assert dialog.details.topLevelItem(0).text(1) == "valid"
    rows = _rows(dialog, 0)
    assert rows["Signer"] == "Zofia Łęcka"
    assert rows["Institution"] == "Urząd Miasta Krakowa"
    assert (rows["Intact"], rows["Covers the whole file"]) == ("yes", "yes")
    assert rows["Trusted"] == "yes, pinned by its fingerprint"
    assert rows["Level"] == "B-B"
    assert rows["Timestamp"] == "none (the signing time is the signer's claim)"
    record = _rows(dialog, 1)
    assert record["Visit"] == sample_record("pl").visit.id
    assert record["Version"] == "1"


def test_a_tampered_file_is_one_red_sentence(qtbot, files):
    folder, pinned, _root = files
    dialog = _dialog(qtbot, TrustPolicy(pinned=(pinned,)), folder / "tampered.pdf")
    assert dialog.summary.text() == "Signature 1 (Zofia Łęcka) is broken: the signed content was changed after signing."
    assert dialog.summary.styleSheet() == BAD_STYLE
    assert dialog.details.topLevelItem(0).text(1) == "broken"
    assert _rows(dialog, 0)["Intact"] == "no"


def test_an_untrusted_signer_is_named_and_not_trusted(qtbot, files, tmp_path):
    folder, pinned, _root = files
    dialog = _dialog(qtbot, TrustPolicy(pinned=(pinned,)), folder / "stranger.pdf")
    assert dialog.summary.styleSheet() == BAD_STYLE
    assert dialog.summary.text().startswith("Signature 1 (Obcy Człowiek): the signer is not trusted")
    rows = _rows(dialog, 0)
    assert (rows["Intact"], rows["Trusted"]) == ("yes", "no")
    assert dialog.details.topLevelItem(0).text(1) == "not trusted"
    # Trusting the stranger's own certificate for this check only makes the same file valid.
    dialog.add_trusted(folder / "stranger.pem")
    assert "stranger.pem" in dialog.trust_label.text()
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.check_button.click()
    assert dialog.summary.styleSheet() == OK_STYLE
    # A file that is not a certificate is one sentence, not a traceback.
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    dialog.add_trusted(junk)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.summary.text() == f"{junk} holds no certificate (a PEM or DER certificate file is expected)."
    assert dialog.summary.styleSheet() == BAD_STYLE


def test_under_an_anchor_with_timestamps_the_level_and_anchor_are_shown(qtbot, files):
    folder, _pinned, root = files
    anchor = load_anchor(root)[0].dump()
    dialog = _dialog(qtbot, TrustPolicy(anchors=(anchor,)), folder / "stamped.pdf")
    rows = _rows(dialog, 0)
    assert rows["Trusted"] == "yes, under Testowe Centrum Certyfikacji Root, Test PKI, PL"  # readable, raw as tip
    assert rows["Signer identity"] == "PESEL 70010112345"
    signature = dialog.details.topLevelItem(0)
    tips = {signature.child(i).text(0): signature.child(i).toolTip(1) for i in range(signature.childCount())}
    assert tips["Trusted"] == "CN=Testowe Centrum Certyfikacji Root,O=Test PKI,C=PL"
    assert tips["Signer identity"] == "serialNumber=PNOPL-70010112345"
    fingerprint = dialog.report.signatures[0].fingerprint.upper()
    assert tips["Certificate fingerprint (SHA-256)"].replace(":", "") == fingerprint  # whole, on one line
    assert rows["Certificate fingerprint (SHA-256)"].replace(":", "").replace(" ", "") == fingerprint
    assert rows["Level"] == "B-T"
    assert rows["Qualification"] == "advanced"
    assert rows["Revocation"] == "not checked (offline)"
    assert rows["Timestamp"].endswith(" (not qualified)")  # trusted, but no trusted list names its authority
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.file.setText(str(folder / "archived.pdf"))
        dialog.check_button.click()
    rows = _rows(dialog, 0)
    assert rows["Level"] == "B-LTA"
    assert rows["Revocation"] == "not revoked (embedded in the file)"


def test_a_timestamp_by_a_qualified_tsa_of_the_trusted_list_is_shown_qualified(qtbot, files):
    folder, _pinned, _root = files
    lists = (((folder / "tl.xml").read_bytes(), (folder / "operator.der").read_bytes()),)
    dialog = _dialog(qtbot, TrustPolicy(trusted_lists=lists), folder / "stamped.pdf")
    rows = _rows(dialog, 0)
    assert rows["Qualification"] == "advanced"  # the official's certificate is no qualified one
    assert rows["Timestamp"].endswith(", qualified (its authority is a qualified timestamp service of the "
                                      "trusted list)")
    # The long explanation is wrapped in the row (never cut at the dialog's edge), whole in the tooltip.
    item = next(dialog.details.topLevelItem(0).child(i) for i in range(dialog.details.topLevelItem(0).childCount())
                if dialog.details.topLevelItem(0).child(i).text(0) == "Timestamp")
    assert "\n" in item.text(1) and max(len(line) for line in item.text(1).splitlines()) <= 64
    assert item.toolTip(1) == " ".join(item.text(1).split())


NOT_CHECKED = {"en": "not checked: the file was changed after signing",
               "pl": "nie sprawdzono: plik zmieniono po podpisaniu"}


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_changed_file_judges_no_trust_grade_or_record_and_uses_one_word(qtbot, files, lang):
    """A signature that does not hold: trust, qualification and record say "not checked" (never "trusted by
    fingerprint" or "valid" for a broken file), and the summary's word is the row's ("naruszony" in both)."""
    from visitapp.ui.translation import Translations

    folder, pinned, _root = files
    translations = Translations(QApplication.instance())
    translations.apply(lang)
    try:
        dialog = _dialog(qtbot, TrustPolicy(pinned=(pinned,)), folder / "tampered.pdf")
        rows = _rows(dialog, 0)
        verdict = dialog.details.topLevelItem(0).text(1)
        record = dialog.details.topLevelItem(1)
        summary = dialog.summary.text()
    finally:
        translations.apply("en")
    trusted, qualification, record_name = {"en": ("Trusted", "Qualification", "Record"),
                                           "pl": ("Zaufany", "Kwalifikacja", "Zapis wizyty")}[lang]
    assert rows[trusted] == rows[qualification] == NOT_CHECKED[lang]
    assert (record.text(0), record.text(1), record.childCount()) == (record_name, NOT_CHECKED[lang], 0)
    assert verdict == {"en": "broken", "pl": "naruszony"}[lang]
    assert f" {verdict}: " in summary and dialog.summary.styleSheet() == BAD_STYLE


def test_times_are_on_the_visits_clock_with_its_zone_named(machine_zone):
    """The stamps in the PDF show the visit's clock: so do the report's times, wherever the computer is."""
    import datetime as dt

    from visitapp.ui.check_dialog import _when

    machine_zone("America/New_York")  # neither the visit's zone nor UTC
    moment = dt.datetime(2026, 12, 1, 17, 2, 13, tzinfo=dt.UTC)
    text = _when(moment, "Europe/Warsaw")
    assert text.endswith(" CET") and ("18:02:13" in text or "6:02:13" in text), text
    assert "2026" in text or "26" in text
    text = _when(moment, "UTC")  # no record to say the visit's zone
    assert text.endswith(" UTC") and ("17:02:13" in text or "5:02:13" in text), text


def test_polish_labels_through_the_menu(gui, qtbot, files):
    from visitapp.ui.translation import Translations

    folder, _pinned, _root = files
    Translations(QApplication.instance()).apply("pl")  # the gui fixture switches back to English after
    action = next(a for a in gui.window.findChildren(type(gui.window.sign_action)) if a.objectName() == "checkMinutes")
    action.trigger()
    dialog = gui.window.findChild(CheckDialog, "checkDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.file.setText(str(folder / "stranger.pdf"))
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.check_button.click()
    assert dialog.windowTitle() == "Sprawdź podpisany protokół"
    assert dialog.summary.styleSheet() == BAD_STYLE
    assert "nie jest zaufany" in dialog.summary.text() or "zaufan" in dialog.summary.text()
    rows = _rows(dialog, 0)
    assert rows["Podpisał(a)"] == "Obcy Człowiek"
    assert rows["Nienaruszony"] == "tak"
    assert rows["Zaufany"] == "nie"
    assert rows["Poziom"] == "B-B"
    dialog.close()


def test_closing_the_dialog_while_a_check_runs_stops_the_check_and_its_worker(qtbot, files):
    import multiprocessing
    import time

    folder, pinned, _root = files
    dialog = CheckDialog(lambda: TrustPolicy(pinned=(pinned,)), None, str(folder / "archived.pdf"))
    qtbot.addWidget(dialog)
    dialog.show()
    reports = []
    dialog.checked.connect(reports.append)
    dialog.check_button.click()
    task = dialog.task
    assert task is not None and dialog.busy
    qtbot.waitUntil(lambda: bool(multiprocessing.active_children()), timeout=WAIT_MS)  # its worker process is up
    started = time.monotonic()
    dialog.close()  # at once, while the worker checks
    assert time.monotonic() - started < 5  # cancelled, not waited for to the end
    assert task.isFinished() and not task.isRunning()  # no thread left running behind the closed dialog
    assert multiprocessing.active_children() == []  # and no worker process
    assert not dialog.busy and reports == []


QUIT_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from visitapp.signing.assess import TrustPolicy
from visitapp.ui.check_dialog import CheckDialog

app = QApplication([])
dialog = CheckDialog(lambda: TrustPolicy(), None, sys.argv[1])
dialog.show()
dialog.check_button.click()
assert dialog.busy
QTimer.singleShot(300, app.quit)  # the app quits while the check runs (the window closed)
code = app.exec()
print("quit with", code, "busy" if dialog.busy else "stopped", flush=True)
"""


def test_quitting_the_app_while_a_check_runs_ends_cleanly(files, tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    folder, _pinned, _root = files
    script = tmp_path / "quit.py"
    script.write_text(QUIT_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "VISITAPP_LANG": "en"}
    done = subprocess.run([sys.executable, str(script), str(folder / "archived.pdf")], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr  # "QThread: Destroyed while thread is still running" aborts it
    assert "quit with 0 stopped" in done.stdout
    assert "QThread" not in done.stderr, done.stderr
