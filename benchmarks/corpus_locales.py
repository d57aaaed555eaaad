"""A seeded, labelled corpus of European shop prompts and parameters, generated with Faker in 30 locales.

Each record is a generation request as a shop in that country writes it: a prompt in its language, product
context, and sometimes customer fields under keys in that language (`adresse`, `indirizzo`, `Handynummer`).
About 40% carry one or two planted, labelled entities (names, street addresses, phones, national ids,
IBANs, emails, dates of birth), in the prompt or as a separate field. Everything else is a hard negative:
designer brands written like names, company names with their legal form, place names used as styles,
SKUs, hashes, seeds and dimensions. National ids and IBANs are checked with python-stdnum, so every planted
value is valid; IBANs cover every country of the registry, not only the locale's.

Deterministic: the same `seed` gives the same records (Faker is seeded per locale from it).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import phonenumbers
from faker import Faker
from stdnum import iban
from stdnum.cz import rc
from stdnum.de import idnr
from stdnum.dk import cpr
from stdnum.es import dni
from stdnum.iso7064 import mod_11_10
from stdnum.pt import nif

from benchmarks.corpus_locales_short import SHORT_LANGUAGES
from benchmarks.corpus_locales_text import ENTITIES, LONG_LANGUAGES, NEGATIVES, Language
from benchmarks.corpus_params import Label, LabelledRecord
from gate.scanning import escape_token

LANGUAGES: dict[str, Language] = {**LONG_LANGUAGES, **SHORT_LANGUAGES}


@dataclass(frozen=True, slots=True)
class Locale:
    """A Faker locale, its language (prompt phrases, keys) and the national id its people carry."""

    code: str
    language: str
    national_id: Callable[[Faker, random.Random], str] | None


def _faker_ssn(fake: Faker, rng: random.Random) -> str:
    return str(fake.ssn())


def _de_idnr(fake: Faker, rng: random.Random) -> str:
    while True:  # one digit appears twice or three times, the others once: retry until stdnum agrees
        body = rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(9))
        number = body + mod_11_10.calc_check_digit(body)
        if idnr.is_valid(number):
            return rng.choice((number, idnr.format(number)))


def _es_dni(fake: Faker, rng: random.Random) -> str:
    body = f"{rng.randrange(10**7, 10**8)}"
    return body + dni.calc_check_digit(body)


def _pt_nif(fake: Faker, rng: random.Random) -> str:
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(7))
    return body + nif.calc_check_digit(body)


def _dk_cpr(fake: Faker, rng: random.Random) -> str:
    born = fake.date_of_birth(minimum_age=18, maximum_age=80)
    number = f"{born:%d%m%y}-{rng.randrange(0, 10000):04d}"
    return number if cpr.is_valid(number) else _dk_cpr(fake, rng)


def _cz_rc(fake: Faker, rng: random.Random) -> str:
    while True:
        born = fake.date_of_birth(minimum_age=18, maximum_age=60)
        body = f"{born:%y}{born.month + rng.choice((0, 50)):02d}{born:%d}{rng.randrange(0, 1000):03d}"
        number = body + str(int(body) % 11 % 10)
        if rc.is_valid(number):
            return f"{number[:6]}/{number[6:]}"


LOCALES: tuple[Locale, ...] = (
    Locale("de_DE", "de", _de_idnr),
    Locale("de_AT", "de", None),
    Locale("de_CH", "de", _faker_ssn),
    Locale("fr_FR", "fr", _faker_ssn),
    Locale("fr_CH", "fr", _faker_ssn),
    Locale("es_ES", "es", _es_dni),
    Locale("it_IT", "it", _faker_ssn),
    Locale("nl_NL", "nl", _faker_ssn),
    Locale("nl_BE", "nl", _faker_ssn),
    Locale("pl_PL", "pl", _faker_ssn),
    Locale("pt_PT", "pt", _pt_nif),
    Locale("sv_SE", "sv", _faker_ssn),
    Locale("da_DK", "da", _dk_cpr),
    Locale("no_NO", "no", _faker_ssn),
    Locale("fi_FI", "fi", _faker_ssn),
    Locale("el_GR", "el", None),
    Locale("tr_TR", "tr", _faker_ssn),
    Locale("cs_CZ", "cs", _cz_rc),
    Locale("ro_RO", "ro", _faker_ssn),
    Locale("hr_HR", "hr", _faker_ssn),
    Locale("hu_HU", "hu", None),
    Locale("en_GB", "en", None),
    Locale("en_IE", "en", None),
    Locale("et_EE", "et", _faker_ssn),
    # The other EU locales Faker has (no Maltese). Their national ids are left out (no generator here).
    Locale("bg_BG", "bg", None),
    Locale("sk_SK", "sk", None),
    Locale("sl_SI", "sl", None),
    Locale("lt_LT", "lt", None),
    Locale("lv_LV", "lv", None),
    Locale("ga_IE", "ga", None),
)


def _iban_countries() -> list[tuple[str, str]]:
    """(country code, BBAN structure such as "8!n10!n") for every country of python-stdnum's registry."""
    from importlib import resources  # noqa: PLC0415

    text = resources.files("stdnum").joinpath("iban.dat").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line[:2].isalpha() and 'bban="' in line:
            out.append((line[:2], line.split('bban="')[1].split('"')[0]))
    return out


IBAN_COUNTRIES = _iban_countries()
_CHARSETS = {
    "n": "0123456789",
    "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "c": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
}


def make_iban(rng: random.Random, country: str | None = None) -> str:
    """A valid IBAN of `country` (any registry country when None), grouped by four half of the time."""
    code, structure = (
        next(c for c in IBAN_COUNTRIES if c[0] == country) if country else rng.choice(IBAN_COUNTRIES)
    )
    bban = ""
    for length, kind in _split(structure):
        bban += "".join(rng.choice(_CHARSETS[kind]) for _ in range(length))
    number = code + iban.calc_check_digits(code + "00" + bban) + bban
    if not iban.is_valid(number):  # national check digits (a few countries): try again
        return make_iban(rng, country)
    return iban.format(number) if rng.random() < 0.5 else number


def _split(structure: str) -> list[tuple[int, str]]:
    out, digits = [], ""
    for ch in structure:
        if ch.isdigit():
            digits += ch
        elif ch in _CHARSETS:
            out.append((int(digits), ch))
            digits = ""
    return out


_EMAIL_DOMAINS = {
    "de": ("gmx.de", "web.de", "t-online.de"),
    "fr": ("orange.fr", "free.fr", "laposte.net"),
    "es": ("telefonica.es", "gmail.com"),
    "it": ("libero.it", "tiscali.it"),
    "nl": ("ziggo.nl", "kpnmail.nl"),
    "pl": ("wp.pl", "onet.pl", "o2.pl"),
    "pt": ("sapo.pt", "clix.pt"),
    "sv": ("telia.se", "bredband.net"),
    "da": ("mail.dk", "jubii.dk"),
    "no": ("online.no", "start.no"),
    "fi": ("elisa.fi", "luukku.com"),
    "el": ("otenet.gr", "yahoo.gr"),
    "tr": ("ttmail.com.tr", "superonline.com"),
    "cs": ("seznam.cz", "centrum.cz"),
    "ro": ("yahoo.ro", "rdslink.ro"),
    "hr": ("net.hr", "t-com.hr"),
    "hu": ("freemail.hu", "citromail.hu"),
    "en": ("btinternet.com", "eircom.net"),
    "et": ("mail.ee", "hot.ee"),
    "bg": ("abv.bg", "mail.bg"),
    "sk": ("azet.sk", "centrum.sk"),
    "sl": ("siol.net", "gmail.com"),
    "lt": ("one.lt", "takas.lt"),
    "lv": ("inbox.lv", "apollo.lv"),
    "ga": ("eircom.net", "gmail.com"),
}
# Country domains that read like file extensions: Moldova, Serbia, Montenegro, Poland (Perl), Portugal.
_EXTENSION_LIKE = ("mail.md", "posta.rs", "t-com.me", "poczta.pl", "netcabo.pt", "studio.ai")


def _ascii(text: str) -> str:
    import unicodedata  # noqa: PLC0415

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum()) or "kunde"


def _email(fake: Faker, rng: random.Random, lang: str) -> str:
    domain = rng.choice(_EXTENSION_LIKE) if rng.random() < 0.25 else rng.choice(_EMAIL_DOMAINS[lang])
    sep = rng.choice((".", "_", ""))
    number = rng.choice(("", str(rng.randrange(1, 99))))
    return f"{_ascii(fake.first_name())}{sep}{_ascii(fake.last_name())}{number}@{domain}"


def _person(fake: Faker, rng: random.Random, language: Language) -> str:
    first, last = fake.first_name(), fake.last_name()
    roll = rng.random()
    if roll < 0.08:  # a first name from another culture with a local surname, or the reverse
        return (
            f"{rng.choice(_WORLD_FIRST)} {last}"
            if rng.random() < 0.5
            else f"{first} {rng.choice(_WORLD_LAST)}"
        )
    if roll < 0.16:
        return f"{rng.choice(language.honorifics)} {last}"
    if roll < 0.22:
        return f"{first} {last}".upper()
    if roll < 0.26:
        return f"{first} {last}".lower()
    return f"{first} {last}"


_WORLD_FIRST = (
    "Aiko",
    "Chidi",
    "Oluwaseun",
    "Xiaoling",
    "Rajesh",
    "Nguyen",
    "Kwame",
    "Yusuf",
    "Amara",
    "Haruto",
    "Siddharth",
    "Thandiwe",
    "Wei",
    "Mehmet",
    "Ngozi",
    "Ayesha",
    "Hamid",
    "Seo-yeon",
    "Tenzin",
    "Zainab",
)
_WORLD_LAST = (
    "Okonkwo",
    "Nakamura",
    "Chatterjee",
    "Adeyemi",
    "Zhang",
    "Haddad",
    "Kimura",
    "Mensah",
    "Banerjee",
    "Oyelaran",
    "Takahashi",
    "Abdullah",
    "Pham",
    "Mwangi",
    "Qureshi",
)


def _address(fake: Faker, rng: random.Random, lang: str) -> str:
    street = str(fake.street_address())
    if rng.random() < 0.5:
        return street
    return f"{street}, {fake.postcode()} {fake.city()}"


def _phone(fake: Faker, rng: random.Random, region: str) -> str:
    """Faker's number when phonenumbers says it is one of the region's (Faker's are often not: a real
    customer's number is), else the region's example mobile number with fresh trailing digits."""
    for _ in range(8):
        number = str(fake.phone_number())
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(number, region)):
                return number
        except phonenumbers.NumberParseException:
            pass
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    while True:
        national = str(example.national_number)
        national = national[:-4] + f"{rng.randrange(0, 10000):04d}"
        candidate = phonenumbers.parse("+" + str(example.country_code) + national)
        if phonenumbers.is_valid_number(candidate):
            style = rng.choice(
                (phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL)
            )
            return phonenumbers.format_number(candidate, style)


def _dob(fake: Faker, rng: random.Random, language: Language) -> str:
    born: datetime.date = fake.date_of_birth(minimum_age=16, maximum_age=90)
    style = rng.random()
    if style < 0.3:
        return f"{born:%d.%m.%Y}"
    if style < 0.55:
        return f"{born:%d/%m/%Y}"
    if style < 0.75:
        return born.isoformat()
    return f"{born.day} {language.months[born.month - 1]} {born.year}"


def _value(entity: str, locale: Locale, fake: Faker, rng: random.Random, language: Language) -> str:
    if entity == "PERSON":
        return _person(fake, rng, language)
    if entity == "LOCATION":
        return _address(fake, rng, locale.language)
    if entity == "PHONE_NUMBER":
        return _phone(fake, rng, "GB" if locale.code == "en_GB" else locale.code[3:])
    if entity == "NATIONAL_ID":
        assert locale.national_id is not None
        return locale.national_id(fake, rng)
    if entity == "IBAN_CODE":
        return make_iban(rng, locale.code[3:] if rng.random() < 0.5 and _has_iban(locale.code[3:]) else None)
    if entity == "EMAIL_ADDRESS":
        return _email(fake, rng, locale.language)
    return _dob(fake, rng, language)


def _has_iban(country: str) -> bool:
    return any(code == country for code, _ in IBAN_COUNTRIES)


def _prompt(rng: random.Random, language: Language) -> str:
    """A clean product prompt in the locale's language, with hard negatives mixed in."""
    parts = [rng.choice(language.products), rng.choice(language.scenes)]
    if rng.random() < 0.6:
        parts.append(rng.choice(NEGATIVES).format(**{"style": rng.choice(language.style_words)}))
    parts.append(rng.choice(language.looks))
    return ", ".join(parts)


def _product(rng: random.Random, fake: Faker, language: Language) -> dict[str, Any]:
    hexdigits = "0123456789abcdef"
    keys = language.product_keys
    return {
        keys[
            0
        ]: f"{rng.choice(('SKU', 'ART', 'REF'))}-{rng.randrange(10000, 99999)}-{rng.choice(('BLK', 'NVY'))}",
        keys[1]: _company(fake, rng),
        keys[2]: rng.choice(("30 x 40 x 12 cm", "1024x768", "Ø 28 cm", "120 x 200 cm", "EU 42")),
        "seed": rng.randrange(0, 2**32),
        "model_hash": "".join(rng.choice(hexdigits) for _ in range(10)),
        "workflow_sha256": "".join(rng.choice(hexdigits) for _ in range(64)),
    }


_LEGAL_FORMS = (
    "AG",
    "GmbH",
    "S.A.",
    "SAS",
    "S.p.A.",
    "S.r.l.",
    "S.L.",
    "B.V.",
    "N.V.",
    "AB",
    "A/S",
    "Oy",
    "AS",
    "Lda",
    "sp. z o.o.",
    "Ltd",
    "A.Ş.",
    "s.r.o.",
    "Kft.",
    "d.o.o.",
    "OÜ",
    "SRL",
)


def _company(fake: Faker, rng: random.Random) -> str:
    if rng.random() < 0.5:
        trade = rng.choice(("Design", "Textil", "Studio", "Mode", "Home", "Tools"))
        return f"{fake.last_name()} {trade} {rng.choice(_LEGAL_FORMS)}"
    return rng.choice(
        (
            "PDF Tools AG",
            "Made with Google AI",
            "Jean Paul Gaultier",
            "Hugo Boss AG",
            "Massimo Dutti",
            "Yves Saint Laurent",
            "Calvin Klein",
            "Tommy Hilfiger",
            "Marc O'Polo",
            "Louis Vuitton",
        )
    )


def _pointer(path: tuple[str, ...]) -> str:
    return "".join("/" + escape_token(token) for token in path)


def _record(rng: random.Random, locale: Locale, fake: Faker, dirty_share: float) -> LabelledRecord:
    language = LANGUAGES[locale.language]
    params: dict[str, Any] = {"prompt": _prompt(rng, language), "negative_prompt": language.negative}
    if rng.random() < 0.6:
        params["product"] = _product(rng, fake, language)
    if rng.random() < 0.3:
        params[rng.choice(("author", "Author", "credit", "Credit", "copyright"))] = _company(fake, rng)
    labels: list[Label] = []
    if rng.random() < dirty_share:
        entities = [e for e in ENTITIES if e != "NATIONAL_ID" or locale.national_id is not None]
        customer: dict[str, Any] = {}
        for entity in rng.sample(entities, rng.choice((1, 1, 2))):
            value = _value(entity, locale, fake, rng, language)
            if rng.random() < 0.55:
                phrase = rng.choice(language.phrases[entity])
                params["prompt"] = f"{params['prompt']}, {phrase.format(v=value)}"
                label = Label(entity, "/prompt")
            else:
                key = rng.choice(language.keys[entity])
                customer[key] = value
                label = Label(entity, _pointer((language.customer_key, key)))
            if label not in labels:
                labels.append(label)
        if customer:
            params[language.customer_key] = customer
    return LabelledRecord(params, tuple(labels), locale.code)


def generate_locale_corpus(count: int, *, seed: int = 2026, dirty_share: float = 0.4) -> list[LabelledRecord]:
    """`count` records spread evenly over `LOCALES`; `style` of each record is its Faker locale."""
    rng = random.Random(seed)
    fakers = {}
    for index, locale in enumerate(LOCALES):
        fake = Faker(locale.code)
        fake.seed_instance(seed * 1000 + index)
        fakers[locale.code] = fake
    return [
        _record(rng, LOCALES[i % len(LOCALES)], fakers[LOCALES[i % len(LOCALES)].code], dirty_share)
        for i in range(count)
    ]
