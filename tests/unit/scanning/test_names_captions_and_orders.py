# ruff: noqa: RUF001 - names in Cyrillic, on purpose
"""Neighbours of the classes names25 closed, found and clean: a kinship word before a given name in a
caption with an age or a year, a family's surname on a calendar's title, the words of an order before a
colon, capitalised Cyrillic words after them, a patronymic particle, a seating chart's table, Swedish
'Att:'. The clean side has the same shapes with a product, a placeholder or an office."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

_FOUND = (
    "Opa Reinhold wird 75, Sommer 2026",
    "zia Gabriella al mare, agosto 2019",
    "Tía Remedios cumple 90",
    "Granny Philippa's 100th birthday",
    "Rodzina Nowaków 2027",
    "The Ashdown-Whitley Family Calendar 2027",
    "Pedido por: Rogelio Santibáñez",
    "Besteld door: Anneke de Groot-Visser",
    "Commandé par : Anne-Sophie Delacroix-Ferrand",
    "Замовниця: Оксана Гнатюк",
    "Ditempah oleh Siti Khadijah binti Yusof",
    "Tafel 3: Sanne Mulder, Joost Mulder",
    "Att: Birgitta Lindström, kontoret",
)
_CLEAN = (
    "Uncle Ben's rice, 2 x 250 g",
    "Mamie Nova yaourt, 4 x 125 g",
    "Uncle Sam wants you poster, vintage",
    "Familie 2026 Kalender A4",
    "Familienplaner 2026",
    "Tante Fanny Blätterteig 275 g",
    "ordered by: Price Low to High",
    "Table 3: Oak Veneer, 180 cm",
    "Tisch 2: Eiche Massiv 2026",
    "Заказчик: ООО Ромашка",
    "Pedido por: Tienda Online",
    "Besteld door: Webshop Nederland",
    "Grandma's Kitchen 2026 recipe calendar",
    "Oma Brot 750 g",
    "Att: Ekonomi, 2 kopior",
)
_CHARACTER = (
    "a fictional or emblematic figure after a kinship or family word in text with a year ('Uncle Sam "
    "1917', 'Familie Feuerstein 1960'): the caption rule reads a year as a caption's evidence"
)
_CLEAN_OPEN = (
    pytest.param("Uncle Sam poster 1917 reprint", marks=pytest.mark.xfail(strict=True, reason=_CHARACTER)),
    pytest.param("Familie Feuerstein DVD 1960", marks=pytest.mark.xfail(strict=True, reason=_CHARACTER)),
)


@pytest.mark.parametrize("text", _FOUND)
def test_name_is_found(text: str) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters({"note": text})}


@pytest.mark.parametrize("text", (*_CLEAN, *_CLEAN_OPEN))
def test_neighbour_is_clean(text: str) -> None:
    assert scan_parameters({"note": text}) == []
