"""Truth tables for the scanner across European locales: names, addresses, phones, dates, national ids,
IBANs and emails as shops write them, and the hard negatives next to them (brands, companies, places used
as styles, SKUs, digit runs that fail every national checksum)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from benchmarks.corpus_locales import IBAN_COUNTRIES, make_iban
from gate.scanning import scan_parameters, scan_text

# (entity, key, value): the scan of {key: value} finds `entity` at "/key" (and nothing else there).
POSITIVES: list[tuple[str, str, Any]] = [
    # PERSON: names from many cultures in prompts, honorifics, ALL-CAPS and lower case after a cue
    ("PERSON", "prompt", "Lederhandtasche auf Marmor, Geschenk für Oluwaseun Müller"),
    ("PERSON", "prompt", "cadeau pour Aiko Dubois, lumière douce"),
    ("PERSON", "prompt", "regalo para Kwame Fernández, fondo blanco"),
    ("PERSON", "prompt", "portret van Pieter Okonkwo met de tas"),
    ("PERSON", "prompt", "Porträt von Łukasz Wiśniewski mit dem Schal"),
    ("PERSON", "prompt", "a mug on a shelf, for Frau Schmidt"),
    ("PERSON", "prompt", "sac en cuir, livraison pour Mme Lefèvre"),
    ("PERSON", "prompt", "borsa in pelle, per la Sig.ra Bianchi"),
    ("PERSON", "prompt", "bolso de cuero para la Sra. Martínez"),
    ("PERSON", "prompt", "leren tas voor Mevr. Jansen"),
    ("PERSON", "prompt", "torebka dla Pani Kowalska"),
    ("PERSON", "prompt", "ceramic mug, gift for MARIA GARCIA"),
    ("PERSON", "prompt", "scarf in grey, Geschenk für greta baeten"),
    ("PERSON", "prompt", "klant: Lauren de Roos"),
    ("PERSON", "prompt", "Kunde: Jürgen Weiß, Versand morgen"),
    ("PERSON", "prompt", "dárek pro Kristýna Žák"),
    ("PERSON", "prompt", "Schal für Łukasz Wiśniewski"),
    ("PERSON", "prompt", "Geschenk für Mehmet Yılmaz"),  # noqa: RUF001 - Turkish dotless i
    ("PERSON", "prompt", "per il sig. Bianchi, consegna domani"),
    ("PERSON", "prompt", "Rechnung an Herrn Dr. Thomas Müller"),
    ("PERSON", "prompt", "gift for Amy-Lee McElwee"),
    ("PERSON", "prompt", "kaartje voor Sanne de Vries"),
    ("PERSON", "prompt", "engraving: for Ahmed Benali with love"),
    ("PERSON", "Vorname_Nachname", "Ayşe Schneider"),
    ("PERSON", "prénom", "Chloé"),
    ("PERSON", "nome_cognome", "Giulia Esposito"),
    ("PERSON", "imię_nazwisko", "Zofia Nowak"),
    # LOCATION: street forms of Spain, France, Italy, the Netherlands, Poland, the Nordics, Portugal
    ("LOCATION", "prompt", "enviar a Calle de Alcalá 42, 28014 Madrid"),
    ("LOCATION", "prompt", "livraison au 34, rue Anaïs Étienne, 94567 Lamy"),
    ("LOCATION", "prompt", "spedire a Via Roma 12, 00184 Roma"),
    ("LOCATION", "prompt", "bezorgen op Keizersgracht 221, 1016 DV Amsterdam"),
    ("LOCATION", "prompt", "wysyłka na ul. Długa 7, 00-238 Warszawa"),
    ("LOCATION", "prompt", "leverans till Storgatan 9, 114 51 Stockholm"),
    ("LOCATION", "prompt", "levering til Næsbyholm Allé 77, 7170 Almind"),
    ("LOCATION", "prompt", "toimitus osoitteeseen Mannerheimintie 3, 00100 Helsinki"),
    ("LOCATION", "prompt", "enviar para Rua Augusta 44, 1100-053 Lisboa"),
    ("LOCATION", "prompt", "Lieferung an Tanja-Anderl-Straße 14"),
    ("LOCATION", "prompt", "ship to Strada Albu Nr. 97, 356294 Oituz"),
    ("LOCATION", "prompt", "levering: Strøget 18, København"),
    ("LOCATION", "prompt", "consegna: Corso Buenos Aires 33, Milano"),
    ("LOCATION", "prompt", "enviar para Largo Camila Andrade, S/N"),
    ("LOCATION", "prompt", "livrare la Aleea Voinea"),
    ("LOCATION", "prompt", "deliver to 40 O'Driscoll Street"),
    ("LOCATION", "prompt", "adres: pl. Reja 736"),
    ("LOCATION", "Anschrift", "Hauptstraße 5, 10115 Berlin"),
    ("LOCATION", "indirizzo", "Viale Sermonti, 13"),
    ("LOCATION", "dirección", "Pasaje de Agustina Pino 81"),
    ("LOCATION", "adresse", "rue Clémence Samson"),
    ("LOCATION", "Straße", "Bergstraße 3"),
    ("LOCATION", "morada", "Praça Melo, 46"),
    # PHONE_NUMBER: "00" prefixes anywhere, national formats after local cues and keys
    ("PHONE_NUMBER", "prompt", "mug, 0049 30 901820 for questions"),
    ("PHONE_NUMBER", "prompt", "bolso, 00420 601 743 915"),
    ("PHONE_NUMBER", "prompt", "Handynummer 0151 23456789"),
    ("PHONE_NUMBER", "prompt", "tél. 06 12 34 56 78"),
    ("PHONE_NUMBER", "prompt", "móvil 612 345 678"),
    ("PHONE_NUMBER", "prompt", "cellulare 312 345 6789"),
    ("PHONE_NUMBER", "prompt", "mobiel 06 12345678"),
    ("PHONE_NUMBER", "prompt", "mobil 45 47 97 51"),
    ("PHONE_NUMBER", "prompt", "appelez le 01 45 67 89 10"),
    ("PHONE_NUMBER", "prompt", "tlf. 20 12 34 56"),
    ("PHONE_NUMBER", "Handynummer", "0151 23456789"),
    ("PHONE_NUMBER", "téléphone", "01 42 68 53 00"),
    ("PHONE_NUMBER", "telefono", "06 6982 1234"),
    ("PHONE_NUMBER", "telemóvel", "912 345 678"),
    ("PHONE_NUMBER", "nr_telefonu", "512 345 678"),
    # DATE_OF_BIRTH: birth cues and keys of other languages
    ("DATE_OF_BIRTH", "prompt", "Geschenk, geb. 12.03.1985"),
    ("DATE_OF_BIRTH", "prompt", "carte, né le 12/03/1985"),
    ("DATE_OF_BIRTH", "prompt", "regalo, nacida el 5 de mayo de 1990".replace("de mayo de", "mayo")),
    ("DATE_OF_BIRTH", "prompt", "biglietto, nata il 3 marzo 1979"),
    ("DATE_OF_BIRTH", "prompt", "kaart, geboren op 12-03-1985"),
    ("DATE_OF_BIRTH", "prompt", "kartka, ur. 12.03.1985"),
    ("DATE_OF_BIRTH", "prompt", "kort, född 1985-03-12"),
    ("DATE_OF_BIRTH", "prompt", "Karte, geboren am 3. März 1985"),
    ("DATE_OF_BIRTH", "prompt", "Jubiläum, geb. am 03.07.1962"),
    ("DATE_OF_BIRTH", "prompt", "née le 14 juillet 1979"),
    ("DATE_OF_BIRTH", "Geburtsdatum", "12.03.1985"),
    ("DATE_OF_BIRTH", "date_de_naissance", "12/03/1985"),
    ("DATE_OF_BIRTH", "fødselsdato", "1985-03-12"),
    ("DATE_OF_BIRTH", "data_di_nascita", "12/03/1985"),
    # NATIONAL_ID: strong formats anywhere, weak ones after a cue or under a key
    ("NATIONAL_ID", "prompt", "NIR 295109912611193"),
    ("NATIONAL_ID", "prompt", "cliente 295109912611193"),
    ("NATIONAL_ID", "prompt", "AHV 756.9217.0769.85"),
    ("NATIONAL_ID", "prompt", "codice fiscale RCCMNL83S18D969H"),
    ("NATIONAL_ID", "prompt", "RCCMNL83S18D969H"),
    ("NATIONAL_ID", "prompt", "DNI 54362315K"),
    ("NATIONAL_ID", "prompt", "NIE X2482300W"),
    ("NATIONAL_ID", "prompt", "henkilötunnus 131052-308T"),
    ("NATIONAL_ID", "prompt", "personnummer 880320-0016"),
    ("NATIONAL_ID", "prompt", "fødselsnummer 15108695088"),
    ("NATIONAL_ID", "prompt", "rijksregisternummer 85073003328"),
    ("NATIONAL_ID", "prompt", "CNP 1630615123457"),
    ("NATIONAL_ID", "prompt", "Steuer-ID 36 574 261 809"),
    ("NATIONAL_ID", "prompt", "BSN 111222333"),
    ("NATIONAL_ID", "prompt", "PESEL 44051401359"),
    ("NATIONAL_ID", "prompt", "TC kimlik no 17291716060"),
    ("NATIONAL_ID", "prompt", "NIF 501964843"),
    ("NATIONAL_ID", "prompt", "AMKA 01013099997"),
    ("NATIONAL_ID", "prompt", "CPR-nummer 211062-5629"),
    ("NATIONAL_ID", "Steuer_ID", "36574261809"),
    ("NATIONAL_ID", "bsn", "111222333"),
    ("NATIONAL_ID", "pesel", "44051401359"),
    ("NATIONAL_ID", "codice_fiscale", "RCCMNL83S18D969H"),
    ("NATIONAL_ID", "tc_kimlik_no", "17291716060"),
    # IBAN_CODE: short and long registry countries, grouped or not
    ("IBAN_CODE", "prompt", "Erstattung auf NO93 8601 1117 947"),
    ("IBAN_CODE", "prompt", "reembolso NO9386011117947"),
    ("IBAN_CODE", "prompt", "rimborso MT84 MALT 0110 0001 2345 MTLC AST0 01S"),
    ("IBAN_CODE", "rib", "FR14 2004 1010 0505 0001 3M02 606"),
    # EMAIL_ADDRESS: country domains that look like file extensions
    ("EMAIL_ADDRESS", "prompt", "contacto joao.silva@sapo.pt"),
    ("EMAIL_ADDRESS", "prompt", "e-mail ion.popescu@mail.md"),
    ("EMAIL_ADDRESS", "courriel", "marko@posta.rs"),
    ("EMAIL_ADDRESS", "Mail", "ana@studio.ai"),
]

# (key, value): nothing is found.
NEGATIVES: list[tuple[str, Any]] = [
    # brands, designers and companies written like names
    ("prompt", "Jean Paul Gaultier Parfum, studio light"),
    ("prompt", "Yves Saint Laurent style handbag"),
    ("prompt", "Tommy Hilfiger Hemd auf weißem Grund"),
    ("prompt", "Massimo Dutti collezione, luce morbida"),
    ("prompt", "Made with Google AI"),
    ("Author", "PDF Tools AG"),
    ("Credit", "Made with Google AI"),
    ("author", "Jean Paul Gaultier"),
    ("author", "Bakker Design B.V."),
    ("author", "Kowalski Textil sp. z o.o."),
    ("author", "Rossi & Figli S.p.A."),
    ("author", "Hugo Boss AG"),
    ("author", "Şener Zengin A.Ş."),
    ("Hersteller", "Müller Mode GmbH"),
    # places used as styles, product words
    ("prompt", "Provence Stil, Santorini blue, Côte d'Azur collection"),
    ("prompt", "Milano style, Amalfi look, Kyoto aesthetic"),
    ("prompt", "Earring 2 pack, gold"),
    ("prompt", "Dr. Martens boots on concrete"),
    ("prompt", "Anna Sui Fairy Dance perfume"),
    ("prompt", "Jil Sander Navy coat, studio light"),
    ("prompt", "Miss Dior perfume bottle"),
    ("prompt", "Mr. Porter style suit"),
    ("prompt", "Alfa Romeo Giulia 2.0 on a coastal road"),
    ("prompt", "Mercedes Benz E 220, studio"),
    ("prompt", "Van Gogh Starry Night style"),
    ("prompt", "Rue de la Paix collection, 3 pieces"),
    ("prompt", "Via Veneto 2 piece set"),
    ("prompt", "Necktie 2 pack in navy"),
    ("prompt", "a rose gold watch, portrait orientation"),
    # digits: SKUs, EANs, seeds, dimensions, hashes, article numbers; random runs fail the checksums
    ("prompt", "Art.-Nr. 4711-0815-22, 120 x 200 cm"),
    ("prompt", "EAN 4006381333931, RAL 9010, Pantone 19-4052 TCX"),
    ("prompt", "seed 3847562910, ratio 16:9, 1920x1080"),
    ("prompt", "batch 12345678901 of 20"),
    ("prompt", "order 111222334 shipped"),
    ("prompt", "ref 295109912611194"),
    ("prompt", "code 54362315A"),
    ("Artikelnummer", "4711-0815-22"),
    ("seed", 3847562910),
    ("model_hash", "36574261809"),
    ("prompt", "icon@2x.png and model@v2.pt"),
    ("prompt", "Via 3 hooks, place 2 cups on the table"),
    ("prompt", "Santa Maria Novella soap, Florence style"),
    ("prompt", "Via Veneto style, Rue de Rivoli window display"),
    # right shapes, failing checksums: a codice fiscale, a NIR and a Belgian IBAN with a wrong check
    ("prompt", "Codice Fiscale: MRARSS80A01H501U"),
    ("prompt", "numéro de sécurité sociale 1 85 05 78 006 084 36"),
    ("prompt", "IBAN BE68539007547034"),
]


@pytest.mark.parametrize(("entity", "key", "value"), POSITIVES)
def test_positive(entity: str, key: str, value: Any) -> None:
    findings = scan_parameters({key: value})
    assert [(f.entity, f.path) for f in findings if f.entity == entity] == [
        (entity, "/" + key.replace("/", "~1"))
    ]


@pytest.mark.parametrize(("key", "value"), NEGATIVES)
def test_negative(key: str, value: Any) -> None:
    assert scan_parameters({key: value}) == []


def test_national_id_names_its_country() -> None:
    details = {
        f.detector
        for value in ("NIR 295109912611193", "DNI 54362315K", "PESEL 44051401359", "BSN 111222333")
        for f in scan_text(value, path="/x")
    }
    assert details == {
        "national_id.fr_nir",
        "national_id.es_dni",
        "national_id.pl_pesel",
        "national_id.nl_bsn",
    }


def test_weak_national_ids_need_a_cue_or_key() -> None:
    # Valid BSN, PESEL and IdNr, with nothing saying what they are: a random run passes one check digit
    # one time in ten, so these stay quiet.
    for bare in ("111222333", "44051401359", "36574261809"):
        assert scan_parameters({"prompt": f"order {bare} shipped"}) == []


def test_a_strong_format_after_a_reference_word_is_the_shops_number() -> None:
    # 3700123456789 passes the Romanian CNP's date, county and check digit (as one EAN in ~500 does):
    # after "EAN" or "réf." it is the shop's code; after its own cue, or bare, it is read.
    for copy in ("classe énergétique F, EAN 3700123456789", "réf. 3700123456789", "Art.-Nr.: 3700123456789"):
        assert scan_parameters({"description": copy}) == [], copy
    for leak in ("CNP 3700123456789", "client 3700123456789", "EAN 4006381333931, CNP: 3700123456789"):
        assert [f.detector for f in scan_parameters({"description": leak})] == ["national_id.ro_cnp"], leak


def test_every_registry_country_iban_is_found_grouped_or_not() -> None:
    rng = random.Random(13)
    for country, _ in IBAN_COUNTRIES:
        for _ in range(2):
            value = make_iban(rng, country)
            found = [f.entity for f in scan_parameters({"prompt": f"refund to {value} please"})]
            assert "IBAN_CODE" in found, (country, value)


def test_accented_and_other_script_keys_are_read() -> None:
    findings = scan_parameters({"ημερομηνία_γέννησης": "12/03/1985", "Straße": "Hauptstraße 5"})
    assert {f.entity for f in findings} == {"DATE_OF_BIRTH", "LOCATION"}


@pytest.mark.parametrize(
    ("context", "text", "entities"),
    [
        ("Author", "PDF Tools AG", set()),  # a PNG tEXt Author written by a PDF tool
        ("Credit", "Made with Google AI", set()),  # an IPTC Credit line
        ("Artist", "Jean Paul Gaultier", set()),
        ("Copyright", "© 2026 Bakker Design B.V.", set()),
        ("Author", "Maria Schmidt", {"PERSON"}),
        ("Copyright", "© 2026 Maria Schmidt", {"PERSON"}),  # a credit line can name a person
        ("Credit", "Photo: Anna Kowalska", {"PERSON"}),
        ("UserComment", "Geschenk für Frau Müller, Tel. 0151 23456789", {"PERSON", "PHONE_NUMBER"}),
    ],
)
def test_metadata_fields_tell_companies_from_people(context: str, text: str, entities: set[str]) -> None:
    assert {f.entity for f in scan_text(text, path="/x", context=context)} == entities
