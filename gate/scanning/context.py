"""What a JSON key says about the value under it.

Keys are normalised (camelCase and punctuation become snake_case tokens) and mapped to context flags.
Positive flags ("this is a phone field") are inherited by nested values; negative flags ("this is a
seed, a hash, a version") come from the nearest key only, so an innocent-looking parent can never
switch a detector off for a whole subtree.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Final

# Positive context: the key says what kind of personal value may sit here.
PHONE: Final = 1 << 0
CARD: Final = 1 << 1
SSN: Final = 1 << 2
IP: Final = 1 << 3
GEO: Final = 1 << 4
ADDRESS: Final = 1 << 7
DOB: Final = 1 << 8
OWNER: Final = 1 << 9  # the object describes a person (customer, user, author): its name/id are personal
NATIONAL_ID: Final = 1 << 10  # a personal identification number (Steuer-ID, BSN, PESEL, codice fiscale)
# Negative context, never inherited.
NOT_NUMERIC: Final = 1 << 16  # seeds, hashes, versions, GTINs, sizes, prices: digits here are not identifiers
NOT_PERSON: Final = 1 << 17  # model, LoRA, sampler, brand names: capitalised words here are not people
OWNS: Final = 1 << 18  # this very key describes a person (OWNER, but not inherited): its "name" is a name

POSITIVE_MASK = (1 << 16) - 1

# Token -> flag, as data. A key is split into tokens ("billing_phone" -> billing, phone).
_FLAG_TOKENS: tuple[tuple[int, str], ...] = (
    # Keys in the languages of European shops too; accents are folded first ("téléphone" -> "telephone").
    (
        PHONE,
        "phone tel telephone mobile cell fax msisdn whatsapp phonenumber telefon telefono telefone handy "
        "handynummer mobil mobilnummer movil cellulare telemovel portable gsm natel mobiel telefoonnummer "
        "komorka puhelin mobitel mobiil cep telefonnummer telefonu τηλεφωνο κινητο "
        # Bulgarian, Russian, Ukrainian, Serbian, Slovak, Slovenian, Baltic, Irish, Icelandic, Maltese.
        "телефон тел мобилен мобилни мобильныи мобільнии gsm telefon telefonas "
        "talrunis mobilais mobilusis fon guthan simi simanumer farsimi mowbajl",
    ),
    (CARD, "card cc pan credit creditcard cardnumber ccnum"),
    (SSN, "ssn social"),
    (IP, "ip ipv4 ipv6 ipaddress addr host client remote remoteaddr forwarded"),
    (GEO, "gps geo geolocation coordinates coords location latlng lat lng lon latitude longitude"),
    # ADDRESS: the address keys of data/keys.toml (`_address_tokens`), added by `_token_table`.
    (
        DOB,
        "dob birth birthday birthdate bday born dateofbirth geburtsdatum geboren geburtstag naissance "
        "nascita nacimiento nascimento geboortedatum urodzenia urodzony fodelsedato fodselsdato "
        "syntymaaika dogum narozeni nasterii rodjenja szuletesi sunniaeg γεννησης раждане рождения "
        "народження рођења narodenia rojstva gimimo dzimsanas breithe twelid faedingardagur",
    ),
    (
        NATIONAL_ID,
        "national nationalid dni nie nif nir insee avs ahv bsn burgerservicenummer rijksregisternummer pesel "
        "cpr amka oib cnp pps ppsn tckn kimlik idnr steuer steuerid personalausweis ausweis ausweisnummer "
        "personnummer fodselsnummer hetu henkilotunnus isikukood codicefiscale cf contribuinte identidad "
        "sociale rodne adoazonosito егн emso asmens personas kennitala nric nino",
    ),
    (
        OWNER,
        "customer user author account member shopper buyer recipient contact billing shipping profile "
        "owner person cardholder consumer client customers users authors accounts members shoppers "
        "buyers recipients contacts persons people consumers clients kunde kunden cliente klant klient kund "
        "asiakas musteri zakaznik kupac vevo empfanger destinataire destinatario ontvanger pelatis клиент "
        "клиентка получател клієнт покупатель stranka klientas klients custaimeir πελατης",
    ),
    (
        NOT_NUMERIC,
        "version ver revision release build seed subseed noise hash sha sha1 sha256 md5 checksum digest "
        "etag uuid guid width height size steps cfg scale guidance strength denoise timestamp time "
        "created updated modified epoch duration price amount cost total sku mpn gtin ean upc barcode "
        "isbn quantity qty count index batch frames fps weight dpi resolution ratio eta iterations "
        "artikelnummer artikel referenz reference referencia riferimento articolo katalogowy masse "
        "dimensions dimensioni medidas afmetingen wymiary dimensoes groesse "
        # Order, invoice and tracking references: a grouped number there is the shop's, not a phone.
        "order ordernumber orderid invoice serial tracking bestellnummer auftragsnummer rechnungsnummer "
        "pedido commande ordine bestelling",
    ),
    (
        NOT_PERSON,
        "model checkpoint ckpt lora loras lycoris embedding embeddings hypernetwork vae sampler "
        "scheduler upscaler controlnet preprocessor brand product collection font preset manufacturer maker "
        "hersteller marke fabricant marque fabricante marca produttore fabrikant merk producent company "
        "firma societe empresa azienda bedrijf",
    ),
)


# Keys in scripts written without spaces between words, or whose words take prefixes ("電話番号",
# "顧客住所", "رقم_الهاتف", "לכתובת"): what a key holds anywhere in it, not as a whole token.
_KEY_FRAGMENTS_AS_WRITTEN: dict[int, tuple[str, ...]] = {
    PHONE: (
        "電話",
        "携帯",
        "电话",
        "手机",
        "手機",
        "전화",
        "휴대폰",
        "핸드폰",
        "هاتف",
        "جوال",
        "موبايل",
        "موبایل",  # Persian spells it with its own yeh
        "تلفن",
        "شماره_تماس",
        "טלפון",
        "נייד",
    ),
    DOB: ("生年月日", "誕生日", "出生日期", "出生年月", "생년월일", "생일", "ميلاد", "לידה"),
    ADDRESS: (
        "住所",
        "地址",
        "주소",
        "عنوان_الشحن",
        "عنوان_التوصيل",
        "عنوان_المنزل",
        "العنوان_البريدي",
        "כתובת",
    ),
    NATIONAL_ID: ("身份证", "身分證", "マイナンバー", "個人番号", "주민등록", "الهوية", "זהות"),
    OWNER: ("顧客", "客户", "客戶", "会員", "會員", "用户", "고객", "회원", "عميل", "לקוח"),
}


def key_fragments(*words: str) -> tuple[str, ...]:
    """`words` as they read inside a normalised key (`KeyInfo.norm`): accents dropped, lower case, Hangul
    syllables taken apart as NFKD takes them, "_" for punctuation."""
    return tuple(_normalise(word) for word in words)


# Words that say "address" inside a longer key ("street_name", "postal_town") but alone are too loose for
# data/keys.toml's [address], whose every value is a LOCATION (`{"street": "wear"}` is no address).
_ADDRESS_WORDS_IN_KEYS = "street postal"


def _address_tokens() -> str:
    """The ADDRESS tokens: data/keys.toml's [address] and [postcode] keys (one list with the keyed
    address rules and the split-object reader), each normalised as a key is, a key of several words by
    its words joined ("street_address" -> "streetaddress", which `_build` adds for every key), and
    `_ADDRESS_WORDS_IN_KEYS`."""
    text = resources.files("gate.scanning").joinpath("data", "keys.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    keys = {
        _normalise(key)
        for section in ("address", "postcode")
        for keys in table[section].values()
        for key in keys
    }
    return " ".join(sorted(key.replace("_", "") for key in keys if key)) + " " + _ADDRESS_WORDS_IN_KEYS


def _token_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for flag, tokens in (*_FLAG_TOKENS, (ADDRESS, _address_tokens())):
        for token in tokens.split():
            table[token] = table.get(token, 0) | flag  # a token may mean two things ("client")
    return table


# "ip_address" or "email_address" is not a postal address.
_NOT_POSTAL = frozenset(("ip", "ipv4", "ipv6", "mac", "email", "mail", "wallet", "web", "url", "server"))

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]{0,63}")
# XMP and JSON-LD prefixes whose keys are read by their local name. Only these: in generation parameters a
# prefix carries meaning ("lora:lat" is a LoRA's weight, not a latitude).
_NAMESPACES = frozenset(
    [
        "exif",
        "exifex",
        "tiff",
        "aux",
        "xmp",
        "xmpmm",
        "xmprights",
        "xmpmeta",
        "dc",
        "photoshop",
        "iptc4xmpcore",
        "iptc4xmpext",
        "plus",
        "schema",
        "cawg",
        "stds",
        "crs",
        "gpano",
    ]
)
_KEY_DIGIT_RUN = re.compile(r"\d(?:[ \-./]?\d){5}")
_CACHED_KEY_CHARS = 64


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """A key, normalised (`customerId` -> `customer_id`), with the context flags it implies."""

    norm: str
    flags: int
    plain: bool  # looks like an identifier, so the key text itself needs no scanning
    # The local name of a namespaced key, normalised ("exif:GPSLatitude" -> "gps_latitude"); else `norm`.
    # XMP and JSON-LD (C2PA's stds.exif, CAWG metadata) write keys this way.
    local: str = ""


# Letters NFKD does not take apart.
_UNDECOMPOSED = str.maketrans({"ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d",
                               "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "œ": "oe", "Œ": "OE"})  # fmt: skip  # noqa: RUF001


def fold_accents(key: str) -> str:
    """Accents dropped and "ß" spelled "ss", so "Straße", "prénom" and "Geburtsdatum" read as words."""
    decomposed = unicodedata.normalize("NFKD", key.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _normalise(key: str) -> str:
    if not key.isascii():
        # Other scripts keep their letters ("ημερομηνία_γέννησης" -> "ημερομηνια_γεννησης").
        return _NON_WORD.sub("_", _CAMEL.sub("_", fold_accents(key)).lower()).strip("_")
    return _NON_ALNUM.sub("_", _CAMEL.sub("_", key).lower()).strip("_")


# (Built after `_normalise`, which `_address_tokens` reads the keys with.)
_TOKEN_FLAGS = _token_table()


@lru_cache(maxsize=1)
def _key_fragments() -> dict[int, tuple[str, ...]]:
    return {flag: key_fragments(*words) for flag, words in _KEY_FRAGMENTS_AS_WRITTEN.items()}


def _build(key: str) -> KeyInfo:
    norm = _normalise(key)
    prefix, colon, name = key.rpartition(":")
    local = _normalise(name) if colon and name and prefix.lower() in _NAMESPACES else norm
    tokens = set(norm.split("_")) if norm else set()
    tokens.add(norm.replace("_", ""))  # "phone_number" also counts as "phonenumber"
    flags = 0
    for token in tokens:
        flags |= _TOKEN_FLAGS.get(token, 0)
    if not norm.isascii():
        for flag, fragments in _key_fragments().items():
            if any(fragment in norm for fragment in fragments):
                flags |= flag
    if tokens & _NOT_POSTAL:
        flags &= ~ADDRESS
    if flags & OWNER:
        flags |= OWNS
    # A key shaped like an identifier is still not "plain" when it carries a digit run: an IBAN or a card
    # number can be a key ("DE89370400440532013000": ...), and plain keys are never scanned themselves.
    plain = _IDENTIFIER.fullmatch(key) is not None and _KEY_DIGIT_RUN.search(key) is None
    return KeyInfo(norm=norm, flags=flags, plain=plain, local=local)


_cached_build = lru_cache(maxsize=8192)(_build)


def key_info(key: str) -> KeyInfo:
    """Classify a key. Short keys (the normal case) are cached; long, attacker-chosen ones are not."""
    if len(key) <= _CACHED_KEY_CHARS:
        return _cached_build(key)
    return _build(key)


# What a NOT_NUMERIC key says is that a number under it (a seed, a price, an order reference) is not an
# identifier. It says nothing of text: "call me on 030 901820" under "steps", "+49 151 2345678" under
# "seed" or an IBAN under "reference" are what they are anywhere else. So the numeric detectors stand
# down only while the value reads as a number: no word of two letters beside whitespace (free text), no
# "+" before a digit that is not part of a number or a word ("1.2.3+5", "10:00+01:00" keep the context),
# and no IBAN's shape (two capitals and two check digits starting a token).
# Two letters in a row; in the scripts of South and South-East Asia a vowel sign or a nukta (marks, not
# letters to `re`) may stand between them ("फ़ोन", "मोबाइल"). (numbers19)
_FREE_TEXT_WORD = re.compile(r"[^\W\d_][\u0900-\u0dff\u1000-\u109f\u1780-\u17ff]*[^\W\d_]")
# Three letters of a script written without spaces (kana, CJK, Hangul, Thai): words, so free text.
_SPACELESS_WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\u0e00-\u0e7f]{3}")
_SPACE = re.compile(r"\s")
_INTERNATIONAL_PLUS = re.compile(r"(?<![\w+])\+\s?\(?\s?\d")  # "+49 ...", "+(44) 20 ..."
# A capital first, the look-behind after it: the regex engine skips ahead to capitals.
_IBAN_START = re.compile(r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]\d{2}[\s\-.]?[A-Z0-9]")
# A card number as people write one, in groups with one separator throughout ("4111-1111-1111-1111",
# "3782 822463 10005"): no seed, hash or version is written so.
_CARD_GROUPS = re.compile(r"\d{4}([ \-.])(?:\d{4}\1\d{4}\1\d{1,7}|\d{6}\1\d{4,5})")


def reads_as_number(value: str) -> bool:
    """True if `value` (normalised) can be what a NOT_NUMERIC key says it is: a number, a code or a
    hash, not free text, an international phone number, a grouped card number or an IBAN. Under such a
    key, numeric detectors run only on values for which this is False."""
    if value.isalnum() and value.isascii():
        # One token of letters and digits: a seed, a hash, a SKU, unless it has an IBAN's shape.
        return _IBAN_START.match(value) is None
    if "+" in value and _INTERNATIONAL_PLUS.search(value) is not None:
        return False
    if _CARD_GROUPS.fullmatch(value) is not None:
        return False
    if _IBAN_START.search(value) is not None:
        return False
    # (numbers18) Free text of a script written without spaces is one token ("お電話ください" and a number)
    if _SPACELESS_WORDS.search(value) is not None:
        return False
    return _SPACE.search(value) is None or _FREE_TEXT_WORD.search(value) is None


# schema.org types that name an organisation or a product, not a person: only these lift the owner
# reading ("Patient" is a Person, and an unknown type is not proof of anything).
_NOT_PERSON_TYPES = frozenset(
    [
        "Organization",
        "Corporation",
        "LocalBusiness",
        "OnlineBusiness",
        "OnlineStore",
        "NGO",
        "GovernmentOrganization",
        "EducationalOrganization",
        "NewsMediaOrganization",
        "ResearchOrganization",
        "MedicalOrganization",
        "PerformingGroup",
        "MusicGroup",
        "SportsTeam",
        "Consortium",
        "Brand",
        "SoftwareApplication",
        "WebSite",
    ]
)


def _names_no_person(kind: Any) -> bool:
    """Whether a JSON-LD `@type` declares an organisation or product ("Organization", "Brand")."""
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    local = [k.rpartition("/")[2].rpartition(":")[2] for k in kinds if isinstance(k, str)]
    return bool(local) and len(local) == len(kinds) and all(k in _NOT_PERSON_TYPES for k in local)


def owner_context(obj: dict[Any, Any], flags: int, inherited: int) -> tuple[int, int, int]:
    """(owns, flags, inherited) for an object's members. JSON-LD, as in C2PA's schema.org assertions:
    {"@type": "Organization", "name": ...} under "author" is a company, whose name and id are not a
    person's (text detectors still run)."""
    owns = flags & OWNS
    if (owns or inherited & OWNER) and _names_no_person(obj.get("@type")):
        return 0, flags & ~(OWNS | OWNER), inherited & ~OWNER
    return owns, flags, inherited
