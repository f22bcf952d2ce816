"""One language throughout (issue 11): argparse's own words translated, one term per concept.

The glossary (resources/glossary.json) names the Polish and English term of each concept and the
Polish words that must not stand for it; every Polish catalogue (gettext .po and Qt .ts) is checked.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = json.loads((ROOT / "resources" / "glossary.json").read_text(encoding="utf-8"))


def test_argparse_speaks_polish():
    done = run_cli("--help", env={"VISITAPP_LANG": "pl"})
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("użycie: visitapp") and "\nopcje:\n" in out and "pokaż tę pomoc i zakończ" in out
    assert "argumenty pozycyjne:" in out
    for english in ("usage:", "options:", "show this help message and exit", "positional arguments"):
        assert english not in out, english
    done = run_cli("export", env={"VISITAPP_LANG": "pl"})
    assert done.returncode == 2
    assert "wymagane są następujące argumenty: --visit, --out" in done.stderr
    assert "the following arguments" not in done.stderr and "usage:" not in done.stderr


def test_argparse_stays_english_in_english():
    done = run_cli("--help", env={"VISITAPP_LANG": "en"})
    assert done.stdout.startswith("usage: visitapp") and "show this help message and exit" in done.stdout


def _polish_texts() -> list[tuple[str, str]]:
    """(catalogue, Polish text) of every translated message, ampersands of Qt accelerators removed."""
    texts = []
    for po in sorted((ROOT / "resources" / "locale" / "pl" / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as f:
            for msg in read_po(f):
                if not msg.id:
                    continue
                strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
                texts += [(po.name, s) for s in strings if s]
    for ts in sorted((ROOT / "resources" / "translations").glob("*_pl.ts")):
        for node in ET.parse(ts).getroot().iter("translation"):
            forms = list(node.iter("numerusform")) or [node]
            texts += [(ts.name, (f.text or "").replace("&&", "\0").replace("&", "").replace("\0", "&"))
                      for f in forms if f.text]
    return texts


def test_the_glossary_is_complete():
    assert {"series", "finalised", "responsible"} <= {c["concept"] for c in GLOSSARY["concepts"]}
    for concept in GLOSSARY["concepts"]:
        assert concept["pl"] and concept["en"], concept


@pytest.mark.parametrize("concept", GLOSSARY["concepts"], ids=lambda c: c["concept"])
def test_every_catalogue_uses_the_glossarys_terms(concept):
    texts = _polish_texts()
    assert len(texts) > 300  # every catalogue was read
    wrong = []
    for avoid in concept.get("avoid_pl", []):
        pattern = re.compile(avoid, re.IGNORECASE)
        wrong += [f"{name}: {text!r} ({concept['pl']}, not /{avoid}/)" for name, text in texts if pattern.search(text)]
    assert not wrong, "\n".join(wrong)
