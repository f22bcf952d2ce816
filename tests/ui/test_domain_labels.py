"""The GUI's names of the enumerations come from visitapp.domain: every member has one, in Polish and English."""

from __future__ import annotations

import pytest

from visitapp import domain
from visitapp.domain import ActionStatus, NoteKind, Visibility
from visitapp.ui import labels


@pytest.fixture
def translations(qapp):
    from visitapp.ui.translation import Translations

    tr = Translations(qapp)
    yield tr
    tr.apply("en")


def test_every_member_has_a_gui_label_in_both_languages(translations):
    translations.apply("en")
    english = labels.gui_labels()
    translations.apply("pl")
    polish = labels.gui_labels()
    assert set(english) == set(polish) == set(domain.ENUMERATIONS)
    for enumeration in domain.ENUMERATIONS:
        for member in enumeration:
            assert english[enumeration].get(member), f"{member!r} has no GUI label"
            # English is the source text; a Polish label equal to it is a missing translation (.ts, then lrelease).
            assert polish[enumeration][member] != english[enumeration][member], f"no Polish for {member!r}"
        assert set(english[enumeration]) == set(enumeration)


def test_stored_text_finds_the_label_and_an_unknown_value_shows_itself(translations):
    translations.apply("pl")
    assert labels.kind_label("commitment") == labels.kind_label(NoteKind.COMMITMENT) == "Zobowiązanie"
    assert labels.action_status_label(ActionStatus.CANCELLED) == "anulowane"
    assert labels.visibility_label(Visibility.PARTNERS) == "Instytucje partnerskie"
    assert labels.kind_label("memo") == "memo"  # a kind from a newer version: shown as stored, not lost

