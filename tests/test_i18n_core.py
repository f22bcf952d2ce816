"""gettext catalogues of the core, the CLI and the PDF: complete, consistent and compiled."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from visitapp import i18n
from visitapp.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _core_messages() -> set[str]:
    found: set[str] = set()
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT / "visitapp"), keywords={"_": None, "ngettext": (1, 2)}, comment_tags=()
    ):
        if filename.startswith("ui/") or filename.startswith("ui\\"):
            continue  # the GUI is translated with Qt's .ts files
        found.update([message] if isinstance(message, str) else message)
    return found


def _po_files() -> list[Path]:
    return sorted(resource_path("locale").glob("*/LC_MESSAGES/*.po"))


def _translated(lang: str) -> set[str]:
    done: set[str] = set()
    for po in resource_path("locale").glob(f"{lang}/LC_MESSAGES/*.po"):
        with po.open("rb") as fh:
            for message in read_po(fh):
                strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
                if message.id and all(strings) and not message.fuzzy:
                    done.update([message.id] if isinstance(message.id, str) else message.id)
    return done


def test_every_core_string_has_a_polish_translation():
    translated = _translated("pl")
    missing = sorted(_core_messages() - translated)
    assert missing == [], f"translate these in resources/locale/pl: {missing}"


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_placeholders_are_the_same_in_the_translation(po):
    with po.open("rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == wanted, f"{po.name}: {message.id!r} → {s!r}"


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_compiled_catalogues_are_up_to_date(po):
    with po.open("rb") as fh:
        catalog = read_po(fh)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"compile {po} (make translations)"
    with mo.open("rb") as fh:
        compiled = read_mo(fh)
    fresh = io.BytesIO()
    write_mo(fresh, catalog)
    fresh.seek(0)
    expected = read_mo(fresh)
    def table(messages):  # plural messages have tuples (or lists) of ids and strings
        def key(value):
            return tuple(value) if isinstance(value, list | tuple) else value

        return {key(m.id): key(m.string) for m in messages if m.id}

    assert table(compiled) == table(expected), f"{mo} is older than {po}: run make translations"


def test_polish_plural_forms():
    pl = i18n.translations("pl")
    assert "nplurals=3" in pl.info().get("plural-forms", "")
    assert [pl.plural(n) for n in (1, 2, 4, 5, 12, 22, 25)] == [0, 1, 1, 2, 2, 1, 2]


def test_language_follows_the_environment(monkeypatch):
    monkeypatch.setenv("VISITAPP_LANG", "pl_PL.UTF-8")
    i18n.set_language(None)
    assert i18n.current_language() == "pl"
    assert i18n._("Nothing found.") == "Nic nie znaleziono."
    i18n.set_language("en")
    assert i18n._("Nothing found.") == "Nothing found."
    i18n.set_language(None)
