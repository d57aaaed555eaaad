"""PERSON under name keys (`customer_name`, `Vorname`, `ονοματεπωνυμο` ...), and what is no person
wherever a name is read: a company (a legal form or organisation word after the name), a tool ("Made
with ..."), or a brand of data/name_brands.txt. person.py's free-text rules ask the same questions.
"""

from __future__ import annotations

import re
from typing import Any

from gate.scanning.detectors import legal_forms
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.detectors.person_lists import gazetteer

# Capital letters of the Latin and Greek scripts Europe writes names in ("Łukasz", "Çetin", "Νίκος").
# Latin Extended-A mixes cases letter by letter, so it is a capital here and a small letter in person.py;
# Vietnamese letters (Latin Extended Additional, "Nguyễn", "Thế"; "Ơ", "Ư") and the Azerbaijani "Ə" too.
CAPITALS = "A-ZÀ-ÖØ-ÞĀ-žȘȚΆ-ΏΑ-ΩƠ-ư\u1e00-\u1effƏə"
_MAX_NAME_CHARS = 100
_MAX_PARTS = 4
# Legal forms (`legal_forms`, shared with the shops' addresses) and organisation words, case-sensitive
# ("as", "se" and "home" are everyday words): "PDF Tools AG", "Bakker Design B.V.", "Kowalski sp. z o.o.",
# "Made with Google AI".
_ORG_WORDS = (
    "(?:"
    + legal_forms.pattern(legal_forms.AFTER_NAME)
    + r"|Co\.|e\s+[Ff]igli|y\s+[Aa]sociados|&\s+[Zz]onen|i\s+[Ss]yn|AI|Company|Group|Gruppe|Holding|"
    r"Tools|Design|Studio|Studios|Textil|Textiles|Mode|Home|Labs|Software|Systems|Media|Verlag|Atelier|"
    r"Corporation|Corp|Industries)"
)
# ... right after the words of a would-be name (capitalised words may come between: "Koch II KG").
ORGANISATION = re.compile(rf"^[\s,&\-]*(?:[{CAPITALS}][\w.'\-]*\s+){{0,3}}?" + _ORG_WORDS + r"(?![\w])")
_ORGANISATION_ANYWHERE = re.compile(r"(?<![\w])" + _ORG_WORDS + r"(?![\w])")
MADE_WITH = re.compile(r"(?i)\b(?:made|created|generated|powered|edited)\s+(?:with|by|using)\s+$")
_MADE_WITH_ANYWHERE = re.compile(r"(?i)\b(?:made|created|generated|powered|edited)\s+(?:with|by|using)\b")


def _name_value(value: Any) -> bool:
    if isinstance(value, list | tuple):
        # The name as its parts: {"recipient_name": ["Aisha", "Bello"]}.
        return 0 < len(value) <= _MAX_PARTS and all(_name_value(part) for part in value)
    return (
        isinstance(value, str)
        and 0 < len(value) <= _MAX_NAME_CHARS
        and any(ch.isalpha() for ch in value)
        and "://" not in value
        and not is_organisation(value)
    )


def is_organisation(value: str) -> bool:
    """A company, a brand or a tool, not a person: "PDF Tools AG", "Made with Google AI", "Jean Paul
    Gaultier" (a legal form or organisation word, a made-with phrase, or a brand from the list)."""
    if _ORGANISATION_ANYWHERE.search(value) is not None or _MADE_WITH_ANYWHERE.search(value) is not None:
        return True
    phrase = " ".join(value.lower().split())
    return any(brand in phrase for brand in gazetteer()[2])


_NAME_KEYS = (
    "first_name last_name full_name middle_name given_name family_name surname maiden_name "
    "customer_name user_name username display_name screen_name nickname contact_name recipient_name "
    "billing_name shipping_name cardholder card_holder cardholder_name holder_name owner_name "
    "author author_name prompt_author creator_name requested_by submitted_by recipient "
    "uploaded_by uploader reviewed_by approved_by edited_by modified_by "
    "empfanger destinataire destinatario ontvanger odbiorca mottagare modtager mottaker vastaanottaja alici "
    # The same in the languages of European shops (accents folded, see context.key_info).
    "vorname nachname vorname_nachname familienname prenom prenom_nom nom_complet nombre nombre_completo "
    "apellido apellidos nome nome_cognome cognome nome_completo apelido naam voornaam achternaam "
    "voornaam_achternaam imie nazwisko imie_nazwisko namn fornamn efternamn navn fornavn etternavn nimi "
    "etunimi sukunimi ad_soyad ad soyad adi soyadi jmeno prijmeni nume prenume ime prezime ime_prezime "
    "nev vezeteknev keresztnev perekonnanimi eesnimi ονοματεπωνυμο ονομα επωνυμο "
    "име_и_фамилия фамилия meno priezvisko meno_priezvisko ime_in_priimek priimek vardas pavarde "
    "vardas_pavarde vards uzvards vards_uzvards ainm sloinne фио имя_фамилия піб прізвище "
    "ime_prezime име_презиме isem kunjom"
)

KEYED_RULES: tuple[KeyedRule, ...] = (
    KeyedRule("PERSON", "person.name_key", keyset(_NAME_KEYS), _name_value),
    KeyedRule(
        "PERSON",
        "person.owner_name",
        keyset(
            "name fullname nom nombre nome naam navn namn nimi imie jmeno nume ime nev ad adi onoma ονομα "
            # a name kept as its parts under the person: {"recipient": {"first": ..., "last": ...}}
            "first last given family middle forename"
        ),
        _name_value,
        owner_only=True,
    ),
)
