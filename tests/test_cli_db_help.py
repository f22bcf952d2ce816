"""What ``--help`` says of a database's passphrase: only a command that may create its database says that a new
one is encrypted with it (and offers --db-keyring); ``db rekey`` has a description and no two options that seem
to ask for different things. And readable certificate names (visitapp.signing.names)."""

from __future__ import annotations

import pytest

from visitapp import i18n
from visitapp.cli import main

CREATES = "a database this command creates is encrypted with it"


def _help(capsys, *command: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse's line breaks do not matter


@pytest.fixture
def english():
    before = i18n._current
    i18n.set_language("en")
    yield
    i18n._current = before


def test_only_commands_that_may_create_a_database_speak_of_creating_one(capsys, english):
    for command in (["trust", "tsl", "list"], ["trust", "anchor", "list"], ["db", "rekey"], ["visits"],
                    ["visit", "edit"]):
        text = _help(capsys, *command)
        assert "--db-pass-env VAR the environment variable holding the passphrase of an encrypted database" in text
        assert CREATES not in text and "--db-keyring" not in text, command
    for command in (["trust", "tsl", "load"], ["trust", "anchor", "add"], ["trust", "add"], ["demo"],
                    ["visit", "new"], ["merge"]):
        text = _help(capsys, *command)
        assert CREATES in text and "--db-keyring" in text, command


def test_rekey_has_a_description_and_its_present_passphrase_is_one_option_twice_named(capsys, english):
    text = _help(capsys, "db", "rekey")
    assert "Encrypt an encrypted database file again, with a new passphrase or a new key" in text
    assert "--pass-env VAR the same as --db-pass-env" in text
    assert "present passphrase (default" not in text  # no second description of the same passphrase


def test_the_help_is_polish_for_a_polish_reader(capsys):
    before = i18n._current
    try:
        i18n.set_language("pl")
        text = _help(capsys, "db", "rekey")
    finally:
        i18n._current = before
    assert "Szyfruje zaszyfrowany plik bazy danych na nowo" in text
    assert "--pass-env VAR to samo co --db-pass-env" in text


def test_readable_names_and_identities(english):
    from visitapp.signing.names import readable_identity, readable_name

    assert readable_name("CN=Testowe Centrum Certyfikacji Root,O=Test PKI,C=PL") == \
        "Testowe Centrum Certyfikacji Root, Test PKI, PL"
    assert readable_name("C=PL,CN=Narodowe Centrum Certyfikacji (test)") == "Narodowe Centrum Certyfikacji (test), PL"
    assert readable_name("CN=Kowalski\\, Jan,C=PL") == "Kowalski, Jan, PL"  # an escaped comma is the name's
    assert readable_name("not a name") == "not a name"
    assert readable_identity("serialNumber=PNOPL-70010112345") == "PESEL 70010112345"
    assert readable_identity("serialNumber=ABC123") == "serial number ABC123"
    assert readable_identity("DN=CN=Anna Nowak,O=Urząd,C=PL") == "Anna Nowak, Urząd, PL"
