"""A realistic visit record for the minutes and signing tests, built from the model alone.

The record does not come from the database, so rendering and signing can be
tested while the services are elsewhere; the text is Polish with every Polish
letter, which is what breaks fonts.  Also: helpers to make keys and to require
system tools (``pdftotext``, ``pdfsig``, ``softhsm2-util``): missing tools skip
a test on a developer's machine but fail it in CI (``CI=true``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_tool  # one definition, used by the minutes tests
from visitapp.exchange.record import FORMAT_NAME, VisitRecord
from visitapp.resources import resource_path

POLISH_LOWER = "ąćęłńóśźż"
POLISH_UPPER = "ĄĆĘŁŃÓŚŹŻ"
UTC = dt.UTC


def _id(seed: str) -> str:
    """Stable UUIDs so that two builds of the sample are equal."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"visitapp-test:{seed}"))


def _template(key: str = "reference-visit") -> dict[str, Any]:
    raw = json.loads(resource_path("templates", f"{key}.json").read_text(encoding="utf-8"))
    fields = []
    for f in raw.get("fields", []):
        fields.append(
            {
                "key": f["key"],
                "section": f["section"],
                "type": f["type"],
                "label": f["label"],
                "choices": {c["key"]: c["label"] for c in f.get("choices", [])},
            }
        )
    return {
        "key": raw["key"],
        "version": raw["version"],
        "title": raw["title"],
        "sections": [{"key": s["key"], "title": s["title"]} for s in raw["sections"]],
        "fields": fields,
    }


def sample_record(
    language: str = "pl",
    *,
    authors: int = 2,
    extra_notes: int = 0,
    copy: str = "internal",
    version: int | None = 1,
) -> VisitRecord:
    """A finalised visit: 4 participants, 9 notes in mixed kinds and visibilities, 3 action items.

    ``extra_notes`` adds long notes spread over the sections (100 pages need about 900).
    """
    start = dt.datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    names = ["Zofia Łęcka-Żółtowska", "Michał Ścigański"][:authors]
    notes: list[dict[str, Any]] = []

    def note(i: int, section: str, kind: str, text: str, visibility: str, tags: list[str] | None = None) -> str:
        nid = _id(f"note-{i}")
        at = start + dt.timedelta(minutes=5 * i)
        notes.append(
            {
                "id": nid,
                "section": section,
                "kind": kind,
                "text": text,
                "author": names[i % len(names)],
                "created_at": at.isoformat(),
                "updated_at": at.isoformat(),
                "tags": tags or [],
                "visibility": visibility,
                "position": i,
            }
        )
        return nid

    note(0, "profile", "note", "Firma działa w Krakowie od 2015 r.; zatrudnia 240 osób, głównie inżynierów "
         f"oprogramowania. Zażółć gęślą jaźń — {POLISH_LOWER} {POLISH_UPPER}.", "company", ["inwestycje"])
    note(1, "profile", "quote", "„Chcemy podwoić zespół R&D w ciągu dwóch lat, jeśli znajdziemy ludzi”.", "company")
    note(2, "city_projects", "note", "Przedstawiono program „Kraków dla Innowacji” oraz ofertę terenów w Nowej Hucie.",
         "partners")
    note(3, "future_skills", "note", "Największy deficyt: analiza danych, cyberbezpieczeństwo, chmura obliczeniowa.",
         "company", ["kompetencje"])
    note(4, "certification", "risk", "Brak egzaminatorów SEP w mieście wydłuża zatrudnianie elektryków o 3 miesiące.",
         "internal", ["certyfikacja"])
    note(5, "cooperation", "decision", "Firma przyjmie 12 praktykantów z Technikum Łączności w roku szkolnym 2026/27.",
         "company")
    commit1 = note(6, "follow_ups", "commitment", "Urząd Pracy przygotuje listę kursów dofinansowanych dla firmy.",
                   "company")
    commit2 = note(7, "follow_ups", "commitment", "Miasto sprawdzi możliwość ulgi w podatku od nieruchomości.",
                   "internal")
    note(8, "requests", "question", "Czy miasto może wesprzeć budowę przystanku przy ul. Półłanki?", "company")
    for j in range(extra_notes):
        i = 9 + j
        section = ["profile", "future_skills", "cooperation", "labour_market", "barriers"][j % 5]
        note(i, section, "note", f"Notatka nr {j + 1}: " + ("Źródła kadr, staże i rekrutacja w Łodzi i Gdańsku; "
             "współpraca z uczelniami przynosi efekty, ale wymaga stałej koordynacji. ") * 4, "company")

    actions = [
        {"id": _id("action-1"), "note_id": commit1, "description": "Lista kursów dofinansowanych (KFS) dla firmy",
         "owner": "Grodzki Urząd Pracy", "due_date": "2026-04-15", "status": "open"},
        {"id": _id("action-2"), "note_id": commit2, "description": "Analiza ulgi w podatku od nieruchomości",
         "owner": "Wydział Przedsiębiorczości i Innowacji", "due_date": "2026-05-31", "status": "open"},
        {"id": _id("action-3"), "note_id": None, "description": "Przekazać kontakt do Technikum Łączności",
         "owner": "Michał Ścigański", "due_date": None, "status": "done"},
    ]
    for a in actions:
        a["created_at"] = a["updated_at"] = (start + dt.timedelta(hours=1)).isoformat()

    people = [
        ("Zofia Łęcka-Żółtowska", "Wydział Przedsiębiorczości i Innowacji", "dyrektorka", "city"),
        ("Michał Ścigański", "Grodzki Urząd Pracy", "doradca zawodowy", "city"),
        ("Jędrzej Ćwikliński", "Żuraw Software sp. z o.o.", "prezes zarządu", "company"),
        ("Ewa Śliwińska", "Żuraw Software sp. z o.o.", "dyrektorka HR", "company"),
    ]
    participants = [
        {"id": _id(f"participant-{i}"), "side": side, "role": role,
         "person": {"id": _id(f"person-{i}"), "name": name, "institution": inst, "role": role}}
        for i, (name, inst, role, side) in enumerate(people)
    ]
    answers = [
        {"field": "employees_now", "value": 240, "author": names[0]},
        {"field": "investment_stage", "value": "planning", "author": names[0]},
        {"field": "skills_in_demand", "value": ["analiza danych", "cyberbezpieczeństwo"], "author": names[-1]},
        {"field": "planned_hires", "value": 35, "author": names[-1]},
    ]
    for a in answers:
        a["updated_at"] = (start + dt.timedelta(minutes=50)).isoformat()

    data = {
        "format": FORMAT_NAME,
        "minor": 0,
        "app_version": "0.1.0",
        "exported_at": (start + dt.timedelta(hours=3)).isoformat(),
        "copy": copy,
        "version": version,
        "author": {"name": names[0], "institution": "Wydział Przedsiębiorczości i Innowacji", "role": "dyrektorka"},
        "series": {"id": _id("series"), "name": "Wizyty referencyjne 2026"},
        "visit": {
            "id": _id("visit"),
            "title": "Wizyta w Żuraw Software",
            "starts_at": start.isoformat(),
            "ends_at": (start + dt.timedelta(hours=2)).isoformat(),
            "place": "ul. Półłanki 18, Kraków, sala „Źródło”",
            "status": "finalised",
            "language": language,
            "agenda": ["Przedstawienie firmy", "Projekty miasta", "Kompetencje przyszłości i certyfikacja",
                       "Współpraca ze szkołami", "Ustalenia końcowe"],
        },
        "organisation": {
            "id": _id("org"),
            "name": "Żuraw Software sp. z o.o.",
            "nip": "6762468473",
            "krs": "0000512345",
            "sector": "IT – oprogramowanie",
            "address": "ul. Półłanki 18, 30-740 Kraków",
            "in_city_since": 2015,
        },
        "participants": participants,
        "template": _template(),
        "notes": notes,
        "action_items": actions,
        "answers": answers,
    }
    return VisitRecord.model_validate(data)


SOFTHSM_MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
)


def softhsm_module() -> str:
    """The SoftHSM2 PKCS#11 module, with the same skip/fail rule as :func:`require_tool`."""
    require_tool("softhsm2-util")
    for candidate in SOFTHSM_MODULES:
        if Path(candidate).exists():
            return candidate
    if os.environ.get("CI") == "true":
        pytest.fail("libsofthsm2.so is missing; .ci/run must install softhsm2")
    pytest.skip("libsofthsm2.so is not installed")
