"""The first-run wizard (issue 10), driven as a person would: each signing path, the example data, no wizard
for an existing user.  Real key files made by the core's keygen, a real SoftHSM2 token, real settings files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from tests.minutes_sample import sample_record
from tests.softhsm import softhsm_token
from tests.ui.app_session import close_app
from visitapp.ui import settings as s
from visitapp.ui.passphrase_strength import ERROR_STYLE
from visitapp.ui.settings import AppSettings
from visitapp.ui.signing import certificate_box as cb

PASSWORD = "Zielona-łąka-2026"
TOKEN, PIN = "karta-urzedu", "5678"


def _wizard(qtbot, tmp_path):
    from visitapp.ui.first_run import FirstRunWizard

    settings = AppSettings(tmp_path / "settings.ini")
    assert not settings.qs.allKeys()  # a first start
    wizard = FirstRunWizard(settings, data_file=tmp_path / "data" / "visits.db")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard, settings


def _to_signing(wizard, choice: str) -> None:
    from visitapp.ui.first_run import PAGE_DATA, PAGE_IDENTITY, PAGE_SIGNING

    wizard.next()
    assert wizard.currentId() == PAGE_IDENTITY
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # a name first
    wizard.identity.name.setText("Anna Nowak")
    wizard.identity.institution.setText("Urząd Miasta Krakowa")
    wizard.identity.role.setText("Inspektor")
    wizard.next()
    assert wizard.currentId() == PAGE_DATA
    wizard.next()
    assert wizard.currentId() == PAGE_SIGNING
    {"create": wizard.signing.new_key, "token": wizard.signing.card, "later": wizard.signing.later}[choice].click()
    wizard.next()


def test_new_certificate_is_made_off_the_gui_thread_and_only_its_path_stored(qtbot, tmp_path):
    from visitapp.signing.keys import load_pkcs12, name_of
    from visitapp.ui.first_run import PAGE_CERTIFICATE, PAGE_DONE

    wizard, settings = _wizard(qtbot, tmp_path)
    _to_signing(wizard, "create")
    assert wizard.currentId() == PAGE_CERTIFICATE
    form = wizard.certificate.form
    assert form.key_file.text().endswith("anna-nowak.p12")  # named after the person, in the user data folder
    key_file = tmp_path / "keys" / "anna.p12"
    form.key_file.setText(str(key_file))
    form.password.setText(PASSWORD)
    assert form.strength.text() == "Strong."
    form.repeat.setText(PASSWORD + "x")
    wizard.next()  # two different passwords: one sentence, nothing written
    assert wizard.currentId() == PAGE_CERTIFICATE
    assert form.status.text() == "The two passwords differ; type the same password twice."
    assert not key_file.parent.exists()
    form.repeat.setText(PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=30000)
    assert form.password.text() == form.repeat.text() == ""  # not kept once the key is written
    pem = key_file.with_suffix(".pem")
    assert "Give " + str(pem) + " to the coordinator" in wizard.done_page.summary.text()
    assert wizard.done_page.folder.isVisible()
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    identity = load_pkcs12(key_file, PASSWORD)
    assert name_of(identity.certificate) == ("Anna Nowak", "Urząd Miasta Krakowa")
    assert b"BEGIN CERTIFICATE" in pem.read_bytes()

    wizard.accept()
    chosen = wizard.store()
    assert chosen.open_now == tmp_path / "data" / "visits.db" and not chosen.demo
    settings.sync()
    assert settings.get(s.NAME) == "Anna Nowak" and settings.get(s.ROLE) == "Inspektor"
    assert settings.get(s.DATA_FILE) == str(tmp_path / "data" / "visits.db")
    assert settings.get(cb.SOURCE) == "pkcs12" and settings.get(cb.PKCS12_FILE) == str(key_file)
    stored = (tmp_path / "settings.ini").read_bytes()
    for form_of_it in (PASSWORD.encode(), PASSWORD.encode("utf-16-le"), b"Zielona-"):
        assert form_of_it not in stored  # the password is never stored


def test_an_existing_key_file_is_one_sentence(qtbot, tmp_path):
    from visitapp.ui.first_run import PAGE_CERTIFICATE

    wizard, _settings = _wizard(qtbot, tmp_path)
    _to_signing(wizard, "create")
    form = wizard.certificate.form
    taken = tmp_path / "mine.p12"
    taken.write_bytes(b"someone's key")
    form.key_file.setText(str(taken))
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: not form.busy, timeout=30000)
    assert wizard.currentId() == PAGE_CERTIFICATE
    assert form.status.text() == f"{taken} already exists; choose another file name or move it away first."
    assert taken.read_bytes() == b"someone's key"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # the person can choose another file


@pytest.fixture(scope="module")
def token(tmp_path_factory):
    """A SoftHSM2 token with an RSA key and its certificate labelled "anna" (as a card's middleware lists them)."""
    from visitapp.signing.keys import make_certificate

    with softhsm_token(tmp_path_factory.mktemp("softhsm"), TOKEN, PIN) as card:
        card.put_key("anna", "01", *make_certificate("Anna Nowak", "Urząd Miasta Krakowa"))
        yield card


def _token_page_at_key(qtbot, wizard, module: str, arrive: bool = True):
    from visitapp.ui.first_run import PAGE_TOKEN

    if arrive:
        _to_signing(wizard, "token")
    assert wizard.currentId() == PAGE_TOKEN
    page = wizard.token
    qtbot.waitUntil(lambda: page.find_button.isEnabled(), timeout=10000)  # the first module found was listed already
    page.module.setEditText(module)
    page.find_button.click()
    qtbot.waitUntil(lambda: page.find_button.isEnabled(), timeout=10000)
    assert page.token.findText(TOKEN) >= 0, page.status.text()
    # The module that answered is shown by its name, its library's path in the tooltip (and used).
    from visitapp.ui.token_page import module_name

    assert page.module.currentText() == module_name(module) != module
    assert page.module.toolTip() == page.module_path() == module
    page.token.setCurrentIndex(page.token.findText(TOKEN))
    assert [page.key.itemText(i) for i in range(page.key.count())] == ["anna"]
    return page


def _next_and_wait(qtbot, wizard) -> None:
    """Next on the token page: the PIN is checked on the page's worker; wait until its answer gave the buttons back."""
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    wizard.next()
    assert not cancel.isEnabled()  # busy while the card is asked
    qtbot.waitUntil(cancel.isEnabled, timeout=30000)


def test_token_is_chosen_from_the_module_its_pin_checked_and_it_signs(qtbot, tmp_path, token):
    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import sign_pdf
    from visitapp.ui.first_run import PAGE_DONE, PAGE_TOKEN
    from visitapp.ui.signing.certificate_box import CertificateBox

    wizard, settings = _wizard(qtbot, tmp_path)
    _to_signing(wizard, "token")
    page = wizard.token
    qtbot.waitUntil(lambda: page.find_button.isEnabled(), timeout=10000)
    page.module.setEditText(str(tmp_path / "no-such-module.so"))
    page.find_button.click()
    qtbot.waitUntil(lambda: page.find_button.isEnabled(), timeout=10000)
    assert page.status.text() == f"The PKCS#11 module {tmp_path / 'no-such-module.so'} does not exist."
    page = _token_page_at_key(qtbot, wizard, token.module, arrive=False)

    wizard.next()  # no PIN typed: asked for, nothing tried
    assert wizard.currentId() == PAGE_TOKEN
    assert page.status.text() == "Type the PIN of your card: it is checked now and never stored."
    page.pin.setText("0000")
    _next_and_wait(qtbot, wizard)
    assert wizard.currentId() == PAGE_TOKEN  # a wrong PIN: one sentence on the page
    assert page.status.text() == f"The PIN for token {TOKEN} is wrong."
    assert page.status.styleSheet() == ERROR_STYLE  # a problem looks like the app's other error lines
    assert page.pin.text() == ""
    assert page.subTitle().endswith("The PIN is checked now, asked again at each signature, and never stored.")
    page.pin.setText(PIN)
    _next_and_wait(qtbot, wizard)
    assert wizard.currentId() == PAGE_DONE, page.status.text()
    assert page.pin.text() == ""  # not kept once checked
    summary = wizard.done_page.summary.text()
    assert f"You sign with token {TOKEN}, key anna." in summary
    assert "The PIN was right and the key signed as Anna Nowak." in summary
    wizard.back()
    wizard.next()  # the same key again: not asked twice
    assert wizard.currentId() == PAGE_DONE
    wizard.accept()
    wizard.store()
    assert (settings.get(cb.SOURCE), settings.get(cb.PKCS11_MODULE), settings.get(cb.TOKEN),
            settings.get(cb.KEY)) == ("pkcs11", token.module, TOKEN, "anna")
    assert PIN.encode() not in (tmp_path / "settings.ini").read_bytes()

    box = CertificateBox()  # the sign dialog's choice, as the next signature finds it
    qtbot.addWidget(box)
    box.restore(settings)
    box.secret.setText(PIN)
    signed = sign_pdf(minutes_pdf(sample_record("pl")), box.signer_source())
    assert signed.signer == "Anna Nowak"


def test_a_locked_card_says_so_and_no_login_is_tried(qtbot, tmp_path, token):
    from visitapp.ui.first_run import PAGE_TOKEN

    wizard, _settings = _wizard(qtbot, tmp_path)
    page = _token_page_at_key(qtbot, wizard, token.module)
    token.set_user_pin_locked(True)
    try:
        page.pin.setText(PIN)  # even the right PIN: a locked card is not asked
        _next_and_wait(qtbot, wizard)
        assert wizard.currentId() == PAGE_TOKEN
        assert page.status.text() == (f"The PIN of token {TOKEN} is locked after too many wrong tries; unlock it "
                                      "with its PUK in the card's own program, or ask whoever issued the card.")
        assert page.pin.text() == ""
    finally:
        token.set_user_pin_locked(False)
    page.pin.setText(PIN)
    _next_and_wait(qtbot, wizard)
    assert wizard.currentId() != PAGE_TOKEN, page.status.text()


def test_later_and_the_example_data(qtbot, qapp, tmp_path):
    from visitapp.ui.app import Application
    from visitapp.ui.first_run import DEMO_FILE, PAGE_DONE

    wizard, settings = _wizard(qtbot, tmp_path)
    wizard.next()
    wizard.identity.name.setText("Jan Kowalski")
    wizard.next()
    wizard.data.demo.setChecked(True)
    wizard.next()
    wizard.signing.later.click()
    wizard.next()
    assert wizard.currentId() == PAGE_DONE
    assert "later in Settings" in wizard.done_page.summary.text()
    wizard.accept()
    chosen = wizard.store()
    own = tmp_path / "data" / "visits.db"
    assert settings.get(cb.SOURCE) == "none" and settings.get(s.DATA_FILE) == str(own)
    assert chosen.demo and chosen.open_now == own.with_name(DEMO_FILE)

    app = Application(qapp, chosen.open_now, settings, demo=chosen.demo)
    try:
        assert app.services().visits.list()  # the example series, in its own file
        assert app.services().identity.name == "Jan Kowalski"
        assert not own.exists()  # the official's own data file holds no example data
    finally:
        close_app(app)


def test_an_existing_users_start_shows_no_wizard(qtbot, qapp, tmp_path):
    from visitapp.ui.app import prepare_start

    settings = AppSettings(tmp_path / "settings.ini")
    settings.set(s.NAME, "Anna Nowak")
    settings.set(s.DATA_FILE, str(tmp_path / "mine.db"))
    shown: list[list[str]] = []  # the windows open when the event loop first turned after the start
    QTimer.singleShot(0, lambda: shown.append([type(w).__name__ for w in QApplication.topLevelWidgets()
                                               if w.isVisible()]))
    assert prepare_start(qapp, None, settings) == (None, False, None)  # resolve_db() then opens the data file
    assert prepare_start(qapp, tmp_path / "other.db", AppSettings(tmp_path / "none.ini"))[:2] == (
        tmp_path / "other.db", False)  # --db given: no wizard either, even with no settings
    assert not shown  # no dialog's event loop ran during the start
    qtbot.waitUntil(lambda: bool(shown))
    assert "FirstRunWizard" not in shown[0]


def test_a_real_start_of_an_existing_user_opens_the_window(tmp_path):
    """``python -m visitapp`` with settings stored: the main window is painted, no wizard in the way."""
    from tests.gui_process import gui_env, start_visitapp, stop, wait_for_window

    report = tmp_path / "shown.json"
    env = gui_env(tmp_path, report)
    conf = Path(env["XDG_CONFIG_HOME"]) / "visitapp" / "visitapp.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text(f"[identity]\nname=Anna Nowak\n[data]\nfile={tmp_path / 'mine.db'}\n", encoding="utf-8")
    proc = start_visitapp("gui", env=env)
    try:
        shown = wait_for_window(proc, report)
    finally:
        stop(proc)
    assert shown["visible"] and shown["db"] == str(tmp_path / "mine.db")


def test_a_first_start_asks_and_cancelling_stores_nothing(qtbot, qapp, tmp_path):
    from visitapp.ui.app import prepare_start

    settings = AppSettings(tmp_path / "fresh.ini")
    seen: list[str] = []

    def answer() -> None:
        wizard = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QWizard) and w.isVisible()), None)
        if wizard is None:
            QTimer.singleShot(20, answer)  # until the modal wizard is shown
            return
        seen.append(wizard.windowTitle())
        wizard.reject()

    QTimer.singleShot(0, answer)
    assert prepare_start(qapp, None, settings) is None
    assert seen == ["visitapp: first start"]
    assert not AppSettings(tmp_path / "fresh.ini").qs.allKeys()  # asked again at the next start


def test_settings_create_my_certificate(qtbot, tmp_path):
    """Settings → "Create my certificate…": the same form, and the new key becomes the remembered choice."""
    from visitapp.signing.keys import load_pkcs12, name_of
    from visitapp.ui.settings_dialog import SettingsDialog

    settings = AppSettings(tmp_path / "settings.ini")
    settings.set(s.NAME, "Piotr Wiśniewski")
    dialog = SettingsDialog(settings, str(tmp_path / "visits.db"))
    qtbot.addWidget(dialog)
    assert dialog.signing.kind == "none" and not dialog.signing.secret.isVisible()
    key_file = tmp_path / "piotr.p12"
    answered: list[bool] = []

    def answer() -> None:
        made = dialog.certificate_dialog
        made.form.key_file.setText(str(key_file))
        made.form.password.setText(PASSWORD)
        made.form.repeat.setText(PASSWORD)
        made.create_button.click()
        qtbot.waitUntil(lambda: made.result_certificate is not None, timeout=30000)
        assert str(key_file.with_suffix(".pem")) in made.ready.text()
        answered.append(True)
        made.close_button.click()

    QTimer.singleShot(0, answer)
    dialog.institution.setText("Miejski Urząd Pracy")
    dialog.create_certificate.click()  # modal: answered above
    assert answered
    assert dialog.signing.kind == "pkcs12" and dialog.signing.p12_path.text() == str(key_file)
    assert name_of(load_pkcs12(key_file, PASSWORD).certificate) == ("Piotr Wiśniewski", "Miejski Urząd Pracy")
    dialog.store()
    assert settings.get(cb.SOURCE) == "pkcs12" and settings.get(cb.PKCS12_FILE) == str(key_file)
    assert PASSWORD.encode() not in (tmp_path / "settings.ini").read_bytes()


def test_choosing_polish_asks_again_in_polish(qtbot, qapp, tmp_path):
    from visitapp.ui.first_run import first_start
    from visitapp.ui.translation import Translations

    translations = Translations(qapp)
    translations.apply("en")
    settings = AppSettings(tmp_path / "settings.ini")
    seen: list[tuple[str, str]] = []
    polls: list[int] = []

    def answer() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QWizard) and w.isVisible()]
        wizard = next((w for w in shown if w.windowTitle() not in [title for title, _lang in seen]), None)
        if wizard is None:
            polls.append(1)
            if len(polls) > 1500:  # 30 s and no wizard in Polish: give up rather than hang the run
                for w in shown:
                    w.reject()
                return
            QTimer.singleShot(20, answer)  # until the next modal wizard is shown
            return
        seen.append((wizard.windowTitle(), wizard.welcome.language.currentData()))
        if len(seen) == 1:
            wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("pl"))
            QTimer.singleShot(0, answer)
        else:
            wizard.reject()

    QTimer.singleShot(0, answer)
    try:
        assert first_start(settings, translations) is None
    finally:
        translations.apply("en")
    assert seen == [("visitapp: first start", "en"), ("visitapp: pierwsze uruchomienie", "pl")]
    assert not settings.qs.allKeys()
