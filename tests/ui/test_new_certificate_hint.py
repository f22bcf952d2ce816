"""The first-run certificate form: the password rule is a grey hint until a too short password is typed, then red
(the same hint as the database's key dialogs). A real form, its pixels read back from a grab."""

from __future__ import annotations

from tests.ui.test_key_choice_hint import dark_pixels, red_pixels
from visitapp.ui.new_certificate import CertificateForm


def test_the_password_rule_is_grey_until_a_too_short_password_is_typed(qtbot, tmp_path):
    form = CertificateForm(tmp_path / "anna.p12")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert form.strength.text() == "At least 8 characters."
    assert dark_pixels(form.strength) > 0 and red_pixels(form) == 0  # said, as a hint, nothing red on the form
    form.password.setText("abc")
    assert form.strength.text() == "At least 8 characters." and red_pixels(form.strength) > 20  # now an error
    form.password.setText("Ala ma kota 2026!")
    assert form.strength.text() == "Strong." and red_pixels(form.strength) == 0
    form.password.clear()
    assert form.strength.text() == "At least 8 characters." and red_pixels(form) == 0
