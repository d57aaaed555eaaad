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

from gate.scanning.cue_led import lead_view
from gate.scanning.detectors import location

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
    letters = sorted(set("".join(location._ADDRESS_CUE_LEADS)))
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
