"""(ids26) An identity number kept as its parts in sibling form fields, read joined.

Forms split a number where its document does: `{"rrn_front": "841120", "rrn_back": "2273943"}`,
`{"dni_numero": "63024801", "dni_letra": "V"}`, `{"pesel_1": "88022", "pesel_2": "003018"}`,
`{"fodselsdato": "150771", "personnummer": "22394"}`. No part holds the number, and no keyed rule
reads a key named for a part. Here the members of one object whose keys name the same id scheme (its
acronym or name, in the languages its country writes, `_SCHEMES`) and a part (any further word or
number: `front`, `teil2`, `cognome_nome`) are joined in key order, then in the order their part numbers
or words say, and the join counts only when it passes the scheme's own check (python-stdnum): an order
number split over `order_1`/`order_2`, a phone's prefix and number, a date's day/month/year and an
id-shaped join that fails its check stay clean. A number after a birth date's field (Norway's and
Sweden's individual number under its own name after `fodselsdato`) is joined with the date.

Cost: a key's scheme is read once per distinct key (`part_of`, a bounded table); an object whose keys
were all read before and name none is passed over in one set test (`PLAIN_KEYS`), and an object is read
only when one of its keys names a scheme or a birth date. A member under a scheme's name alone
(`sa_id_number`) counts when its number passes the scheme's check.
"""

from __future__ import annotations

from typing import Any, Final

from stdnum.ar import cuit
from stdnum.au import tfn
from stdnum.be import nn as be_nn
from stdnum.bg import egn, pnf
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.ch import ssn as ch_ssn
from stdnum.cl import rut as cl_rut
from stdnum.cn import ric
from stdnum.cz import rc as cz_rc
from stdnum.de import idnr
from stdnum.dk import cpr
from stdnum.do import cedula
from stdnum.ec import ci as ec_ci
from stdnum.ee import ik
from stdnum.es import dni, nie, nif
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.gr import amka
from stdnum.hr import oib
from stdnum.id import nik
from stdnum.ie import pps
from stdnum.il import idnr as il_idnr
from stdnum.in_ import aadhaar, pan
from stdnum.is_ import kennitala
from stdnum.it import codicefiscale
from stdnum.jp import in_ as jp_in
from stdnum.kr import rrn as kr_rrn
from stdnum.lt import asmens
from stdnum.lv import pvn
from stdnum.mx import curp, rfc
from stdnum.my import nric
from stdnum.nl import bsn
from stdnum.no import fodselsnummer
from stdnum.pk import cnic
from stdnum.pl import pesel
from stdnum.pt import nif as pt_nif
from stdnum.ro import cnp
from stdnum.se import personnummer
from stdnum.si import emso
from stdnum.th import pin as th_pin
from stdnum.tr import tckimlik
from stdnum.ua import rntrc
from stdnum.us import itin, ssn
from stdnum.uy import rut as uy_rut
from stdnum.za import idnr as za_idnr

from gate.scanning.context import key_info

# A scheme's names as a key's word (lower case, without accents, as `context.key_info` writes a key),
# and the checks its number passes. Acronyms shared by two countries' numbers carry both checks.
_SCHEMES: Final[dict[str, tuple[Any, ...]]] = {
    "kt": (kennitala,), "kennitala": (kennitala,),
    "fnr": (fodselsnummer,), "fodselsnummer": (fodselsnummer,),
    "personnummer": (personnummer, fodselsnummer), "pnr": (personnummer,),
    "ahv": (ch_ssn,), "avs": (ch_ssn,), "ahvn13": (ch_ssn,),
    "pps": (pps,), "ppsn": (pps,),
    "rrn": (be_nn, kr_rrn), "rijksregisternummer": (be_nn,), "insz": (be_nn,), "niss": (be_nn,),
    "ssn": (ssn,), "itin": (itin,), "sin": (sin,), "tfn": (tfn,),
    "ipn": (rntrc,), "rnokpp": (rntrc,), "egn": (egn,), "lnch": (pnf,),
    "pk": (pvn,), "personas_kods": (pvn,), "ik": (ik,), "isikukood": (ik,), "asmens_kodas": (asmens,),
    "cnp": (cnp,), "pesel": (pesel,), "rc": (cz_rc,), "rodne_cislo": (cz_rc,),
    "tckn": (tckimlik,), "tcno": (tckimlik,), "tc_kimlik": (tckimlik,), "kimlik": (tckimlik,),
    "hetu": (hetu,), "henkilotunnus": (hetu,), "cpr": (cpr,), "bsn": (bsn,), "idnr": (idnr,),
    "cf": (codicefiscale,), "codice_fiscale": (codicefiscale,),
    "dni": (dni,), "nie": (nie,), "nif": (nif, pt_nif), "curp": (curp,), "rfc": (rfc,),
    "cpf": (cpf,), "cuil": (cuit,), "cuit": (cuit,), "rut": (cl_rut, uy_rut), "run": (cl_rut,),
    "ci": (ec_ci,), "cedula": (cedula, ec_ci),
    "aadhaar": (aadhaar,), "aadhar": (aadhaar,), "pan": (pan,), "nik": (nik,),
    "ic": (nric,), "nric": (nric,), "mykad": (nric,), "pin": (th_pin,), "mynumber": (jp_in,),
    "nir": (nir,), "insee": (nir,), "oib": (oib,), "emso": (emso,), "amka": (amka,),
    "cnic": (cnic,), "ric": (ric,), "teudat_zehut": (il_idnr,), "zehut": (il_idnr,),
    "sa_id": (za_idnr,), "jumin": (kr_rrn,), "jumin_deungnok": (kr_rrn,), "shenfenzheng": (ric,),
    "my_number": (jp_in,), "kojin_bango": (jp_in,), "no_kp": (nric,), "cnic_no": (cnic,),
    "steuer_idnr": (idnr,), "steuerliche_identifikationsnummer": (idnr,), "identifikationsnummer": (idnr,),
    "numero_securite_sociale": (nir,), "tc_kimlik_no": (tckimlik,), "personal_code": (ik, pvn, asmens),
}  # fmt: skip

# Keys that name a birth date, before a scheme's own name holding the rest ("personnummer": "22394").
_BIRTH_DATES: Final = frozenset(
    (
        "fodselsdato", "fodselsdatum", "fodelsedatum", "birthdate", "birth_date", "date_of_birth", "dob",
        "syntymaaika", "fodselsdag", "geburtsdatum",
    )
)  # fmt: skip

# Words that order parts against key order ("rrn_back" first, "rrn_front" second).
_FIRST: Final = frozenset(("front", "first", "start", "begin", "head", "prefix", "vorne", "erste"))
_LAST: Final = frozenset(("back", "last", "end", "rest", "tail", "suffix", "check", "dv", "letra", "letter"))

MAX_PART_CHARS: Final = 24
MAX_KEY_CHARS: Final = 64
MAX_MEMBERS: Final = 16
_SEPARATORS: Final = " -./"

# A key's reading: (scheme's name, the part's rank) or a birth date's ("", 0), or None.
Part = tuple[str, int] | None
_MAX_KEYS: Final = 4096
_parts: dict[str, Part] = {}


def _rank(words: list[str]) -> int:
    """Where a part says it goes: its number ("pesel_2", "teil2", "sista4" reads 4), first or last."""
    for word in reversed(words):
        digits = "".join(char for char in word if char.isdigit())
        if digits and len(digits) <= 2:
            return int(digits)
        if word in _FIRST:
            return 0
        if word in _LAST:
            return 99
    return 50


def _read_key(key: str) -> Part:
    words = key_info(key).norm.split("_")
    if len(words) == 1:
        if words[0] in _BIRTH_DATES:
            return ("", 0)
        return (words[0], 100) if words[0] in _SCHEMES else None
    if "_".join(words) in _SCHEMES:  # a scheme's name of several words, whole ("rodne_cislo")
        return ("_".join(words), 100)
    for size in (3, 2, 1):  # a scheme of three or two words first ("codice_fiscale_1")
        head, tail = "_".join(words[:size]), words[size:]
        if head in _SCHEMES and tail:
            return (head, _rank(tail))
        foot, rest = "_".join(words[-size:]), words[:-size]
        if foot in _SCHEMES and rest:  # "front_rrn"
            return (foot, _rank(rest))
    return ("", 0) if "_".join(words) in _BIRTH_DATES else None


def part_of(key: str) -> Part:
    """The scheme a key names with a part of its number (`("pesel", 2)`; rank 100 for the scheme's own
    name alone), `("", 0)` for a birth date's key, or None (kept in a bounded table)."""
    if key in _parts:
        return _parts[key]
    if len(_parts) >= _MAX_KEYS:
        _parts.clear()
    if len(key) > MAX_KEY_CHARS:  # no scheme's part; not kept, so hostile keys hold no memory
        return None
    read = _read_key(key)
    _parts[key] = read
    return read


def _value(value: Any) -> str | None:
    if type(value) is int and value >= 0:
        value = str(value)
    if type(value) is not str or not 0 < len(value) <= MAX_PART_CHARS:
        return None
    bare = "".join(char for char in value if char not in _SEPARATORS)
    return bare if bare.isalnum() and bare.isascii() else None


def valid(scheme: str, parts: list[str]) -> bool:
    """True if `parts` joined pass one of the scheme's checks: joined as they are, with a hyphen between
    each two or at one place (a Finnish hetu's century sign, a kennitala's hyphen: the checks read
    those)."""
    joins = ["".join(parts), "-".join(parts)]
    if len(parts) > 2:
        joins += ["".join(parts[:cut]) + "-" + "".join(parts[cut:]) for cut in range(1, len(parts))]
    checks = _SCHEMES[scheme]
    return any(module.is_valid(number) for number in joins for module in checks)


def split_ids(obj: dict[Any, Any]) -> list[tuple[str, list[int]]]:
    """The ids `obj` keeps as parts (see the module docstring): each as its scheme's name and the
    positions of the members holding its parts, in the order they join."""
    if len(obj) > MAX_MEMBERS:
        return []
    named: dict[str, list[tuple[int, int, Any, str]]] = {}
    birth: tuple[int, str] | None = None
    found: list[tuple[str, list[int]]] = []
    for position, (key, value) in enumerate(obj.items()):
        part = part_of(key) if type(key) is str else None
        if part is None:
            birth = None
            continue
        text = _value(value)
        if text is None:
            continue
        scheme, rank = part
        if not scheme:
            birth = (position, text)
            continue
        if rank == 100:  # the scheme's own name: its number whole, or its rest after a birth date
            if valid(scheme, [text]):
                found.append((scheme, [position]))
            elif birth is not None and valid(scheme, [birth[1], text]):
                found.append((scheme, [birth[0], position]))
            birth = None
            continue
        birth = None
        named.setdefault(scheme, []).append((rank, position, key, text))
    for scheme, parts in named.items():
        if len(parts) == 1:  # a scheme's name with a word that is no part's ("sa_id_number")
            if valid(scheme, [parts[0][3]]):
                found.append((scheme, [parts[0][1]]))
            continue
        for order in (parts, sorted(parts)):
            if valid(scheme, [text for _, _, _, text in order]):
                found.append((scheme, [position for _, position, _, _ in order]))
                break
    return found


# The keys read before that name no scheme and no birth date: the walk tests an object's keys against
# it in one set operation (`PLAIN_KEYS.issuperset(obj)`), so most objects pay a few instructions a key.
PLAIN_KEYS: set[str] = set()


def may_hold_parts(obj: dict[Any, Any]) -> bool:
    """True if one of `obj`'s keys names a scheme or a birth date (`part_of`): the only objects
    `split_ids` reads. Keys that name neither are kept in `PLAIN_KEYS`."""
    if len(obj) > MAX_MEMBERS:
        return False
    if len(PLAIN_KEYS) >= _MAX_KEYS:
        PLAIN_KEYS.clear()
    seen = 0
    for key in obj:
        if type(key) is not str:
            continue
        if part_of(key) is None:
            if len(key) <= MAX_KEY_CHARS:
                PLAIN_KEYS.add(key)
        else:
            seen += 1
    return seen >= 1
