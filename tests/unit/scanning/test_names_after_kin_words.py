"""A child, grandchild or godchild a gift is for, after a possessive ("für meine Tochter", "per mia nipote",
"voor ons zoontje", "vir ouma"), and a pet's owner ("mein Frauchen ist", "mi dueña es", "le chat de"):
words before a name as a "for" is (data/cues.toml [person_before], since names21). As after a "for", only a
given name of the wider list, a listed surname or a surname of telling shape after one makes a name, so
the same words before a product, a character or a devotional title stay clean; words that are everyday
words elsewhere are not among them ("neto", net in Portuguese and Spanish; "enkel", simple in Dutch).
The occasion of someone reads so too, as "wedding of" did: "Geburtstag von", "cumpleaños de", "verjaardag
van", "anniversaire de", "aniversário da", "ziua lui".
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

_FOUND = [
    {"prompt": "Geschenk für meine Tochter Henrike Vollmer-Staab, Aquarell"},
    {"gravur": "Kette für meinen Sohn Jannis Obermaier"},
    {"prompt": "Hundemarke: mein Frauchen ist Wiebke Ohlendorf"},
    {"prompt": "per mio figlio Tommaso Cantarella"},
    {"prompt": "quadro para o meu afilhado Caetano Bittencourt"},
    {"prompt": "quadro para a minha afilhada Graziela Peixoto"},
    {"prompt": "coleira: minha dona é Leonor Sanabria"},
    {"prompt": "voor ons zoontje Thijs Oosterbeek"},
    {"prompt": "voor onze dochter Femke Ruisendaal"},
    {"prompt": "vir ouma Marietjie van Tonder"},
    {"prompt": "regal per a l'àvia Mercè Vilaró"},
    {"prompt": "mi dueña es Ximena Arrieta"},
    {"prompt": "regalo para mi sobrina Begoña Echeverría"},
    {"prompt": "portrait de Caramel, le chat de Perrine Gaspard"},
    {"prompt": "cadeau pour ma fille Clémence Quéméneur"},
    {"prompt": "pet portrait of Mochi, best friend of Callum Reith"},
    {"bib": "little brother Ambrose Pemberton"},
    {"prompt": "agasallo para a miña filla Antía Outeiro"},
    {"prompt": "per a la meva filla Núria Puigdomènech"},
    {"prompt": "kaart vir my seun Pieter Joubert"},
    {"prompt": "dhuratë për gjyshen Arta Krasniqi"},
    {"prompt": "rigal għan-nanna Marija Borg"},
    {"prompt": "hadiyad ayeeyo Hodan Cali"},
    {"prompt": "zawadi kwa mtoto wetu Amani Mwakyusa"},
    {"prompt": "hadiah untuk adik saya Dewi Lestari"},
    {"prompt": "regalo para sa anak kong si Maria Santos"},
]
_OCCASION_FOUND = [
    {"prompt": "Banner zum 40. Geburtstag von Henrike Vollmer"},
    {"prompt": "pancarta para el cumpleaños de Begoña Echeverría"},
    {"prompt": "spandoek voor de verjaardag van Thijs Oosterbeek"},
    {"prompt": "bannière pour l'anniversaire de Perrine Gaspard"},
    {"prompt": "faixa de aniversário da Graziela Peixoto"},
    {"prompt": "striscione per il compleanno di Ottavio Cantarella"},
    {"prompt": "banner for the birthday of Callum Reith"},
    {"prompt": "pancarta per a l'aniversari de Jordi Puigdomènech"},
    {"prompt": "faixa para o aniversario de Uxía Outeiro"},
    {"prompt": "banner pentru ziua lui Andrei Popescu"},
]
_OCCASION_CLEAN = [
    {"prompt": "Banner zum Geburtstag von Tante Emma Laden"},
    {"prompt": "pancarta para el cumpleaños de Buenos Aires"},
    {"prompt": "bannière pour l'anniversaire de Notre Dame"},
    {"prompt": "faixa de aniversário da Vila Madalena"},
    {"prompt": "spandoek voor de verjaardag van Nijntje Pluis"},
    {"prompt": "cumpleaños de Santa Claus"},
    {"prompt": "compleanno di Hello Kitty"},
    {"prompt": "banner pentru ziua lui Ștefan cel Mare"},
    {"prompt": "pancarta per l'aniversari de Montserrat"},
]
_CLEAN = [
    {"prompt": "Geschenk für meine Tochter, Rose Gold Kette"},
    {"prompt": "Geschenk für meinen Sohn Spider Man Motiv"},
    {"prompt": "Hundemarke: mein Frauchen ist Tierarzt Müller"},
    {"prompt": "per mia nipote Hello Kitty, acquerello"},
    {"prompt": "quadro para a minha afilhada Homem Aranha"},
    {"prompt": "voor ons dochtertje Nijntje Pluis"},
    {"prompt": "geskenk vir ouma Rooibos Tee"},
    {"prompt": "regal per a l'àvia Mare de Déu"},
    {"prompt": "estampa para Madre de Dios, estilo barroco"},
    {"prompt": "Geschenk für Mutter Gottes Ikone"},
    {"prompt": "agasallo para a avoa Santa Compaña"},
    {"prompt": "mi dueña es Buena Vista"},
    {"bib": "big sister Est 2024"},
    {"author": "Neto Home Oy"},
    {"prompt": "enkel Design Lampe, skandinavisk stil"},
    {"prompt": "dhuratë për gjyshen Nënë Tereza"},
    {"prompt": "rigal għan-nanna Santa Marija"},
    {"prompt": "zawadi kwa mtoto wetu Simba Dume"},
    {"prompt": "hadiah untuk adik saya Hello Kitty"},
    {"prompt": "regalo para sa anak kong si Santa Claus"},
]


@pytest.mark.parametrize("params", _FOUND + _OCCASION_FOUND)
def test_name_after_a_kinship_or_owner_word_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN + _OCCASION_CLEAN)
def test_the_same_words_before_no_name_stay_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []
