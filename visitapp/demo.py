"""A demo database drawn from the first reference visits of Kraków's series (spring 2026).

Institutions, roles and topics follow the news item the project grew from; the
notes are our own sentences, the company-side people are invented, and the
NIP/KRS numbers are fictional (they only pass the checksum).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from visitapp.domain import NoteKind, Side, Visibility
from visitapp.services import Identity, Services

WARSAW = ZoneInfo("Europe/Warsaw")
SERIES_NAME = "Wizyty referencyjne w krakowskich firmach 2026"

UMK = "Wydział ds. Przedsiębiorczości i Innowacji UMK"
GUP = "Grodzki Urząd Pracy w Krakowie"
CWI = "Centrum Wspierania Inwestorów i Innowacyjnej Gospodarki"


def _at(day: int, month: int, hour: int, minute: int = 0) -> dt.datetime:
    """A time in Kraków; minutes past 59 roll over into the next hours."""
    return dt.datetime(2026, month, day, hour, tzinfo=WARSAW) + dt.timedelta(minutes=minute)


def create_demo(svc: Services) -> list[str]:
    """Fill ``svc``'s database with the demo series; returns the new visits' ids."""
    series = svc.series.create(
        SERIES_NAME,
        "Cykl spotkań miasta z firmami o planach inwestycyjnych, kompetencjach przyszłości i współpracy z edukacją.",
    )
    vantara = svc.organisations.create(
        "Hitachi Vantara", nip="1260181594", sector="usługi IT, centrum cyfrowe",
        address="ul. Przykładowa 1, 30-000 Kraków", website="https://www.hitachivantara.com", in_city_since=2007,
    )
    energy = svc.organisations.create(
        "Hitachi Energy", nip="9301661310", sector="energetyka, technologie sieciowe",
        address="ul. Przykładowa 2, 30-000 Kraków", website="https://www.hitachienergy.com", in_city_since=2007,
    )
    people = {
        "liguzinski": svc.people.create("Jacek Liguziński", role="dyrektor wydziału", institution=UMK),
        "biernat": svc.people.create("Adam Biernat", role="dyrektor", institution=GUP),
        "kowalczyk": svc.people.create("Ewa Kowalczyk", role="ekspertka ds. inwestorów", institution=CWI,
                                       email="ewa.kowalczyk@example.org"),
        "zieba": svc.people.create("Michał Zięba", role="doradca zawodowy", institution=GUP,
                                   email="michal.zieba@example.org"),
        "lukasik": svc.people.create("Paweł Łukasik", role="dyrektor centrum cyfrowego", institution="Hitachi Vantara"),
        "zak": svc.people.create("Małgorzata Żak", role="kierowniczka HR", institution="Hitachi Vantara"),
        "slusarczyk": svc.people.create("Tomasz Ślusarczyk", role="dyrektor zakładu", institution="Hitachi Energy"),
        "gorska": svc.people.create("Joanna Górska", role="partnerka biznesowa HR", institution="Hitachi Energy"),
    }
    author = "Ewa Kowalczyk"
    ids: list[str] = []

    # -- Visit 1: Hitachi Vantara ------------------------------------------------
    v1 = svc.visits.create(
        vantara.id, _at(17, 3, 10), ends_at=_at(17, 3, 12), title="Wizyta referencyjna: Hitachi Vantara",
        place="Biuro firmy, Kraków", series_id=series.id,
        agenda=["Przedstawienie firmy i jej planów", "Projekty miasta dla inwestorów",
                "Kompetencje przyszłości i certyfikacja", "Współpraca ze szkołami i uczelniami", "Wnioski i dalsze kroki"],
    )
    ids.append(v1.id)
    for key, side, role in (("liguzinski", Side.CITY, "prowadzący"), ("biernat", Side.CITY, ""),
                            ("kowalczyk", Side.CITY, "protokolantka"), ("lukasik", Side.COMPANY, ""), ("zak", Side.COMPANY, "")):
        svc.visits.add_participant(v1.id, people[key].id, side=side, role=role)
    notes1 = [
        ("profile", NoteKind.NOTE, "Firma działa w Krakowie od 2007 roku; od 2021 roku rozwija tu centrum cyfrowe obsługujące klientów z całej Europy.", ["inwestycje"], Visibility.COMPANY),
        ("profile", NoteKind.NOTE, "Zespół krakowski rośnie; firma rozważa dodatkową powierzchnię biurową w ciągu dwóch lat.", ["inwestycje", "biura"], Visibility.INTERNAL),
        ("city_projects", NoteKind.NOTE, "Przedstawiono ofertę Centrum Wspierania Inwestorów oraz plan spotkań branżowych na drugie półrocze.", ["oferta-miasta"], Visibility.COMPANY),
        ("future_skills", NoteKind.QUOTE, "„Najbardziej cenimy ludzi, którzy szybko się uczą i nie boją się zmiany technologii.”", ["kompetencje", "adaptacja"], Visibility.COMPANY),
        ("future_skills", NoteKind.NOTE, "Rośnie zapotrzebowanie na analizę danych, chmurę obliczeniową i cyberbezpieczeństwo; sama znajomość narzędzi nie wystarcza.", ["kompetencje", "IT"], Visibility.COMPANY),
        ("certification", NoteKind.NOTE, "Certyfikaty chmurowe (AWS, Azure) coraz częściej decydują o awansie; firma finansuje egzaminy, ale brakuje praktycznych laboratoriów.", ["certyfikacja"], Visibility.PARTNERS),
        ("cooperation", NoteKind.NOTE, "Firma chce prowadzić zajęcia praktyczne w technikach informatycznych; potrzebuje partnera po stronie miasta do wyboru szkół.", ["edukacja", "szkoły"], Visibility.COMPANY),
        ("cooperation", NoteKind.DECISION, "Urząd pracy przygotuje wspólnie z firmą pilotaż kursu dla osób przebranżawiających się do IT.", ["GUP", "przekwalifikowanie"], Visibility.COMPANY),
        ("labour_market", NoteKind.NOTE, "Najtrudniej obsadzić stanowiska inżynierów chmury z doświadczeniem i specjalistów bezpieczeństwa.", ["rynek-pracy"], Visibility.PARTNERS),
        ("barriers", NoteKind.RISK, "Długi dojazd do biura z części dzielnic zniechęca kandydatów; firma pyta o plany komunikacji.", ["transport"], Visibility.INTERNAL),
        ("requests", NoteKind.QUESTION, "Czy miasto może pomóc w kontakcie z uczelniami przy programach stażowych dla studentów?", ["uczelnie", "staże"], Visibility.COMPANY),
        ("follow_ups", NoteKind.COMMITMENT, "Przesłać firmie listę techników informatycznych zainteresowanych zajęciami praktycznymi.", ["edukacja"], Visibility.COMPANY),
        ("follow_ups", NoteKind.COMMITMENT, "Zorganizować spotkanie firmy z biurami karier trzech krakowskich uczelni.", ["uczelnie"], Visibility.COMPANY),
    ]
    made1 = [svc.notes.add(v1.id, text, section=sec, kind=kind, tags=tags, visibility=vis, author=author,
                           created_at=_at(17, 3, 10, 4 + 8 * i))
             for i, (sec, kind, text, tags, vis) in enumerate(notes1)]
    svc.actions.from_note(made1[-2].id, owner=CWI, due_date=dt.date(2026, 4, 15))
    svc.actions.from_note(made1[-1].id, owner=UMK, due_date=dt.date(2026, 5, 31))
    svc.actions.from_note(made1[7].id, owner=GUP, due_date=dt.date(2026, 6, 30))
    svc.answers.set(v1.id, "employees_now", 1200, author=author)
    svc.answers.set(v1.id, "investment_stage", "planning", author=author)
    svc.answers.set(v1.id, "skills_in_demand", ["analiza danych", "chmura obliczeniowa", "cyberbezpieczeństwo", "uczenie się"], author=author)
    svc.answers.set(v1.id, "certification_needs", ["AWS", "Azure", "ITIL"], author=author)
    svc.answers.set(v1.id, "school_cooperation", "occasional", author=author)
    svc.answers.set(v1.id, "planned_hires", 150, author=author)
    svc.answers.set(v1.id, "hard_to_fill", ["inżynier chmury", "specjalista ds. bezpieczeństwa"], author=author)

    # -- Visit 2: Hitachi Energy -------------------------------------------------
    v2 = svc.visits.create(
        energy.id, _at(24, 3, 9, 30), ends_at=_at(24, 3, 11, 30), title="Wizyta referencyjna: Hitachi Energy",
        place="Zakład produkcyjny, Kraków", series_id=series.id,
        agenda=["Zwiedzanie zakładu", "Plany rozwoju i inwestycje", "Kształcenie zawodowe i certyfikacja", "Oczekiwania wobec miasta"],
    )
    ids.append(v2.id)
    for key, side, role in (("liguzinski", Side.CITY, "prowadzący"), ("zieba", Side.CITY, ""),
                            ("kowalczyk", Side.CITY, "protokolantka"), ("slusarczyk", Side.COMPANY, ""), ("gorska", Side.COMPANY, "")):
        svc.visits.add_participant(v2.id, people[key].id, side=side, role=role)
    notes2 = [
        ("profile", NoteKind.NOTE, "Zakład rozbudowuje linię produkcyjną transformatorów i centrum inżynieryjne obsługujące projekty sieciowe.", ["inwestycje", "energetyka"], Visibility.COMPANY),
        ("future_skills", NoteKind.NOTE, "Potrzebni są elektrycy, automatycy i spawacze z umiejętnością czytania dokumentacji technicznej po angielsku.", ["kompetencje", "spawacze", "automatyka"], Visibility.COMPANY),
        ("future_skills", NoteKind.QUOTE, "„Praktyka na prawdziwych urządzeniach znaczy dla nas więcej niż dyplom.”", ["praktyka"], Visibility.COMPANY),
        ("certification", NoteKind.NOTE, "Uprawnienia SEP i certyfikaty spawalnicze są warunkiem zatrudnienia; firma chciałaby, by szkoły przygotowywały do nich już w trakcie nauki.", ["certyfikacja", "SEP", "spawacze"], Visibility.COMPANY),
        ("cooperation", NoteKind.NOTE, "Firma współpracuje z jedną szkołą branżową; chce rozszerzyć klasy patronackie i praktyki dla uczniów techników.", ["szkoły", "klasy-patronackie"], Visibility.COMPANY),
        ("labour_market", NoteKind.NOTE, "Rotacja wśród młodszych pracowników produkcji jest wysoka; firma szuka kandydatów także wśród osób bezrobotnych po przeszkoleniu.", ["rynek-pracy", "GUP"], Visibility.PARTNERS),
        ("barriers", NoteKind.RISK, "Brak instruktorów praktycznej nauki zawodu w szkołach ogranicza liczbę miejsc w klasach patronackich.", ["edukacja"], Visibility.INTERNAL),
        ("requests", NoteKind.NOTE, "Firma prosi o wsparcie miasta w wyposażeniu pracowni elektrycznej w szkole partnerskiej.", ["szkoły", "wyposażenie"], Visibility.COMPANY),
        ("follow_ups", NoteKind.COMMITMENT, "Przygotować z urzędem pracy szkolenie spawaczy TIG finansowane ze środków na aktywizację.", ["GUP", "spawacze"], Visibility.COMPANY),
    ]
    made2 = [svc.notes.add(v2.id, text, section=sec, kind=kind, tags=tags, visibility=vis, author=author,
                           created_at=_at(24, 3, 9, 40 + 9 * i))
             for i, (sec, kind, text, tags, vis) in enumerate(notes2)]
    svc.actions.from_note(made2[-1].id, owner=GUP, due_date=dt.date(2026, 6, 15))
    svc.answers.set(v2.id, "investment_stage", "underway", author=author)
    svc.answers.set(v2.id, "skills_in_demand", ["automatyka", "elektroenergetyka", "język angielski", "praca w zespole"], author=author)
    svc.answers.set(v2.id, "certification_needs", ["SEP do 1 kV", "SEP powyżej 1 kV", "spawanie TIG"], author=author)
    svc.answers.set(v2.id, "school_cooperation", "regular", author=author)
    svc.answers.set(v2.id, "planned_hires", 80, author=author)
    svc.records.finalise(v2.id, author=author)

    # -- Visit 3: a planned follow-up -------------------------------------------
    v3 = svc.visits.create(
        vantara.id, _at(12, 5, 10), ends_at=_at(12, 5, 11), title="Spotkanie uzupełniające: Hitachi Vantara",
        place="Urząd Miasta Krakowa", series_id=series.id, template_key="short-visit",
        agenda=["Programy stażowe z uczelniami", "Pilotaż kursu z urzędem pracy"],
    )
    ids.append(v3.id)
    svc.visits.add_participant(v3.id, people["kowalczyk"].id, side=Side.CITY)
    svc.visits.add_participant(v3.id, people["zak"].id, side=Side.COMPANY)
    return ids


def demo_identity() -> Identity:
    return Identity("Ewa Kowalczyk", CWI, "ekspertka ds. inwestorów")
