# ruff: noqa: RUF001 - Greek and look-alike letters, on purpose
"""`CueLedPattern` finds exactly what its regex finds, in any text: the cue phrases' leads as
`lead_view` reads them cover every letter the case-insensitive regex accepts, and every phrase of the
location detector's address cue starts with a lead."""

from __future__ import annotations

import random
import re
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from gate.scanning.cue_led import lead_view
from gate.scanning.detectors import location, world_id_cued, world_id_kinds

_ALL_CHARACTERS = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)

# Address phrases in several cases and scripts, street words, names, numbers, and letters the regex
# engine folds onto others when it ignores case (dotless i, dotted capital I, long s, Kelvin sign).
PIECES = (
    "deliver to ", "Deliver To: ", "DELIVERED TO ", "ship to ", "shipped to", "Shipping: ", "delivery:",
    "Lieferung an ", "lieferung : ", "Versand nach ", "adresse ", "Address: ", "livraison au ", "livrer à ",
    "à livrer ", "À LIVRER ", "enviar para ", "Envio: ", "envío: ", "ENVÍO: ", "dirección ", "DIRECCIÓN ",
    "entrega en ", "spedire a ", "indirizzo: ", "\u0131ndirizzo ", "consegna a ", "bezorgen op ",
    "verzending: ", "Verzenden naar ", "wysyłka na adres ", "WYSYŁKA: ", "levering til ", "leverans till ",
    "toimitus osoitteeseen ", "teslimat adresi ", "livrare la ", "dostava na ", "tarne aadressile ",
    "doručit na adresu ", "Doručení: ", "szállítási cím ", "SZÁLLÍTÁS: ", "διεύθυνση ", "ΔΙΕΎΘΥΝΣΗ ",
    "αποστολή στη διεύθυνση ", "relationship ", "Calle ", "Via ", "Rue ", "rue ", "Aleea ", "Largo ", "ul. ",
    "ulitsa ", "Prospekt ", "Nevsky ", "de la ", "Mayor ", "Roma ", "Voinea ", "Anaïs ", "Étienne ", "12",
    " 5", ", ", "34, ", "Keizersgracht 12 ", "Andrássy út 60 ", "İstiklal Caddesi 12 ", "Váci utca ",
    "a red mug ", "2 pieces", "\u017fhip to ", "\u212a", "\u0130", "x", " ", "ü",
)  # fmt: skip


def test_cue_led_patterns_find_what_their_regex_finds() -> None:
    rng = random.Random(11)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 9))) for _ in range(2500)]
    matched = {True: 0, False: 0}
    for led in (location._EUROPEAN, location._CUED_STREET):
        full = led._full
        for text in texts:
            expected = [(m.span(), m.lastgroup, m.groups()) for m in full.finditer(text)]
            assert [(m.span(), m.lastgroup, m.groups()) for m in led.finditer(text)] == expected, text
            first, found = full.search(text), led.search(text)
            assert (found and (found.span(), found.groups())) == (first and (first.span(), first.groups()))
            matched[text.isascii()] += bool(expected)
    assert matched[True] > 30 and matched[False] > 300  # both paths are met


def test_lead_view_keeps_positions_and_reads_letters_as_a_case_insensitive_regex_does() -> None:
    assert len(lead_view(_ALL_CHARACTERS)) == len(_ALL_CHARACTERS)
    leads = (
        location._ADDRESS_CUE_LEADS
        + world_id_cued._NAMES_PATTERN._leads
        + world_id_cued._ACRONYMS_PATTERN._leads
    )
    letters = sorted(set("".join(leads)))
    candidates = set(re.findall("(?i)[" + "".join(map(re.escape, letters)) + "]", _ALL_CHARACTERS))
    for letter in letters:
        accepted = {ch for ch in candidates if re.fullmatch("(?i)" + re.escape(letter), ch)}
        assert {ch for ch in accepted if lead_view(ch) != letter} == set(), letter
    assert lead_view("İSTANBUL ſhip \u212aimlik DEL\u0131VER") == "istanbul ship kimlik deliver"


def _prefixes(items: list[tuple[Any, Any]], before: str = "") -> set[str]:
    """The literal text each path through a parsed regex starts with (up to its first non-literal)."""
    for index, (op, value) in enumerate(items):
        if op is constants.LITERAL:
            before += chr(value)
            continue
        if op is constants.SUBPATTERN:
            return _prefixes(list(value[3].data), before)
        if op is constants.BRANCH:
            return set().union(*(_prefixes(list(branch.data), before) for branch in value[1]))
        assert index or before, f"a phrase starts with {op}: no lead can cover it"
        return {before}
    return {before}


def test_every_address_cue_phrase_starts_with_a_lead() -> None:
    prefixes = _prefixes(list(parser.parse(location._ADDRESS_CUE).data))
    assert len(prefixes) > 40
    for prefix in prefixes:
        assert any(prefix.startswith(lead) for lead in location._ADDRESS_CUE_LEADS), prefix


# National id names in several cases and scripts (and the letters a case-insensitive regex folds onto
# others), label words, numbers that pass a check and numbers that do not, words around them.
ID_PIECES = (
    "UTR ", "utr: ", "Unique Taxpayer Reference ", "UNIQUE TAXPAYER REFERENCE: ", "PPS number ", "pps no. ",
    "Personal Public Service Number ", "kennitala ", "KENNITALA: ", "kt. ", "Kt.", "asmens kodas ",
    "NUIT ", "nuit: ", "número de identificación tributaria ", "NÚMERO DE IDENTIFICACIÓN TRIBUTARIA ",
    "mã số thuế ", "MÃ SỐ THUẾ: ", "αριθμός φορολογικού μητρώου ", "ΑΡΙΘΜΟΣ ΦΟΡΟΛΟΓΙΚΟΥ ΜΗΤΡΩΟΥ ",
    "личен номер на чужденец ", "ЛИЧЕН НОМЕР ", "матичен број ", "الهوية الإماراتية ", "เลขประจำตัวผู้เสียภาษี ",
    "sv-nummer ", "SV-Nr. ", "tax number ", "Steuer ", "\u0131rd number ", "\u212aennitala ", "\u017fv-nr ",
    "1234567890 ", "1234 5678 90", "784-1990-1234567-1 ", "7865797L ", "120174-3399 ", "49-039-302", ", ",
    "a red mug ", "x", " ", "ü", "n", "m", "pn", "é", "UTR", "CHI ", "PPSN: ", "NPWP ", "VID", "EPIC no. ",
    "epic ", "NIC ", "BIS ", "basis ", "ЛНЧ ", "ЛHЧ ", "ΑΦΜ ", "ЕМБГ ", "JMBG ", ".", "_", "PPS",
)  # fmt: skip


@pytest.mark.parametrize("name", ["_NAMES_PATTERN", "_ACRONYMS_PATTERN"])
def test_national_id_cues_find_what_their_regex_finds(name: str) -> None:
    led = getattr(world_id_cued, name)
    rng = random.Random(13)
    texts = ["".join(rng.choice(ID_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    matched = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in led._full.finditer(text)]
        assert [(m.span(), m.groups()) for m in led.finditer(text)] == expected, text
        first, found = led._full.search(text), led.search(text)
        assert (found and (found.span(), found.groups())) == (first and (first.span(), first.groups()))
        matched += bool(expected)
    assert matched > 100  # numbers after their names are met


@pytest.mark.parametrize(
    ("name", "column", "kinds"),
    [
        ("_NAMES_PATTERN", 1, world_id_cued._KINDS),
        ("_ACRONYMS_PATTERN", 2, world_id_cued._OLDER_KINDS),
        ("_MORE_ACRONYMS_PATTERN", 2, world_id_kinds.MORE_KINDS),  # (ids25: their own rule)
    ],
)
def test_every_national_id_cue_starts_with_a_lead(name: str, column: int, kinds: Any) -> None:
    forms = world_id_cued.as_written_and_read(word for kind in kinds for word in kind[column])
    assert len(forms) > 10
    leads = getattr(world_id_cued, name)._leads
    for form in forms:
        assert any(lead_view(form).startswith(lead) for lead in leads), form
