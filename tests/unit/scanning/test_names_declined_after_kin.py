# ruff: noqa: RUF001 - Cyrillic kinship words and names, on purpose
"""A name declined after a kinship or endearment word in the case a dedication asks for (names21's open
class, closed in names22): Czech "Milovanému dědečkovi Bohumilu Kratochvílovi", Lithuanian "Mylimam Jonui
Petraičiui", Estonian "vanaemale Malle Tammele", Icelandic "Til ömmu, Guðrúnar Hafsteinsdóttur". The same
kinship word before a greeting, a city, a club or a sweet in the same case names no one ("Dragoj baki
Sretan Rođendan", "dla babci Krówki Milanowskie"). Cases neither round wrote, found and clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _persons(text: str) -> list[str]:
    return [f.detector for f in scan_parameters({"engraving": text}) if f.entity == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Dziadkowi Janowi Nowakowi na 70. urodziny",
        "Kochanej babci Halinie Wójcik",
        "Babičce Marii Novákové k svátku",
        "Drahému tatínkovi Petru Svobodovi",
        "Dedku Janezu Novaku za rojstni dan",
        "Dragom djedu Ivanu Horvatu",
        "Mamai Rasai Jonaitienei",
        "Mylimam Jonui Petraičiui",
        "Mylimam tėčiui Gintarui Jonaičiui",
        "Mīļajai Ilzei Bērziņai",
        "Vanaemale Malle Tamm",
        "Mummolle Eeva Virtaselle",
        "Amonari Itziar Etxeberriari",
        "Nain Gwenllian Rhys",
        "podarok dlya Tatyany Ivanovny Petrovoy",
        "подарък за дядо Стоян Петров",
        "Dacei Kalniņai",
        "Mārītei Liepiņai par godu",
    ],
)
def test_a_declined_name_after_a_kinship_word_is_found(text: str) -> None:
    assert _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Milovanému dědečkovi k narozeninám",
        "Milovanému dědečkovi Karlovy Vary 2025",
        "Dragoj baki Sretan Rođendan",
        "Dragoj baki Najbolja Baka",
        "Dragemu dedku Vse Najboljše",
        "Mylimai močiutei Su Gimtadieniu",
        "Mylimai močiutei Gražių Švenčių",
        "Mylimam seneliui Vilniaus Universitetui",
        "Kallile emale Palju Õnne",
        "vanaemale Tallinna Kaubamaja kinkekaart",
        "mummolle Marimekko Unikko",
        "Kochanej babci Wszystkiego Najlepszego",
        "dla babci Krówki Milanowskie",
        "dla dziadka Żubrówka Bison",
        "Drahé babičce Všechno Nejlepší",
        "Pre starú mamu Veselé Vianoce",
        "vecmāmiņai Laimes Lāča figūriņa",
        "Amonari Zorionak Zure Egunean",
        "za nanu Sarajevski Cvijet",
        "Til ömmu, Reykjavíkur Borgar",
        "podarok dlya Moskvy Siti",
        "podarok dlya Novogo Goda",
        "подарък за баба Честит Рожден Ден",
        "подарък за баба Златна Ябълка",
        "Jaunajai Sezonai",
        "Labākajai Skolotājai",
        "Skaistākajai Mammai",
        "Sievietei Lielai",
    ],
)
def test_a_kinship_word_before_no_name_is_clean(text: str) -> None:
    assert _persons(text) == []
