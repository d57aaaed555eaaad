# ruff: noqa: RUF001, RUF003 - rural addresses of thirty languages and eight scripts, on purpose
"""LOCATION: rural addresses (the attacker round addr20), which have no street and house number for the
street rules to read, each by the words of two of its parts as the countryside writes them:

- a farm, hamlet or village, then its parish, municipality or district: "Lower Fold Farm, Crook Lane",
  "Rotte Oberndorf 23, Gemeinde Ybbsitz", "Kolonia Wola 45, gmina Łabunie", "Mäe talu, Kuremaa küla",
  "Village Kheri Kalan, Post Office Ballabgarh", "ग्राम रामपुर, पोस्ट बड़ागांव", "Thôn 4, xã Ea Kao",
  "Dusun Krajan RT 03 RW 02, Desa Sumberejo", "Purok 3, Sitio Malinao", "روستای ابیانه، دهستان برزرود";
- a road and its kilometre before another part: "Carretera Federal 15 Km 22, Rancho Las Palmas";
- a rural route and its box or site: "RR 2 Box 47", "RR 3 Site 12 Comp 8";
- a cadastral or conscription number: Norway's "Gnr 45 bnr 12", Czech "čp. 36", Japan's "3603 Banchi,
  Oaza Chisato", a Korean mountain lot "영천리 산 12".

One rural word alone is a product's or a place's name ("Farmhouse poster", "Route 66 sign", "Gemeinde
Ybbsitz skyline", "Km 0 Madrid"): each form asks for a second part, a number or a comma between parts,
and the rule waits for one of its words (`any_word`).
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.base import HAS_CAPITALS, PatternRule, Text, any_word

_UP = lexicon.UPPER
_CASELESS = lexicon.CASELESS
# A place's name: capitalised words ("Kheri Kalan", "Ober-Egg", "Övre Näs"), at most four.
_NAME = rf"[{_UP}][\w'’\-]*(?:\s+(?:[{_UP}][\w'’\-]*|de|del|la|las|los|do|da|a|u|pod|na|van|cha))" + "{0,4}"
_NUMBER = r"\d{1,5}[A-Za-z]?"
# The next part: a comma (Arabic's too) and a capital or a letter of a script without case, a postcode and
# its town, or a district's word ("Hacienda Tequila, 750 ml" has none).
_NEXT = (
    rf"\s*[,،]\s*(?=[{_UP}{_CASELESS}]|\d{{4,5}}\s+[{_UP}]"
    r"|(?:gmina|gm\.|comuna|jud\.|osada|obec|pri|xã|near|route)\s)"
)

_FORMS = (
    # a rural route and its box or site (Canada, the US)
    r"\b(?:RR|R\.R\.|Rural\s+Route)\s?\d{1,3}\s+(?:Box|Site)\s+\d{1,5}",
    # a road and its kilometre, then another part ("Ruta Provincial 40 Km 7, Chacra 23")
    r"\b(?:Carretera|Ruta|Camino|Estrada|Rodovia|Autopista|Vía|Via)\s[^,\n]{1,40}?\b[Kk]m\.?\s?\d{1,4}"
    + _NEXT,
    # ... or a kilometre on the road to a town ("Km 4 vía a Guatapé")
    rf"\b[Kk]m\.?\s?\d{{1,4}}\s+(?:v[íi]a|carretera|camino|estrada)\s+(?:a\s+|para\s+)?[{_UP}]",
    # a farm, estate, plot or hamlet's word, its name or number, then another part
    r"\b(?:Finca|Vereda|Parcela|Hacienda|Rancho|Chacra|Estancia|Hijuela|Sítio|Fazenda|Chácara|"
    # (addr17: a French or Italian place word as typed in a note, "lieu-dit Les Granges", "Località Poggio")
    r"Lieu-dit|lieu-dit|lieudit|Località|località|Frazione|frazione|Fraz\.|fraz\.|Hameau|Boerderij|Gården|Gård|Bærinn|Aussiedlerhof|Hof|Rotte|Weiler|Einöde|Zaselak|"
    r"Salaš|Tanya|Kolonia|Osada|Purok|Dusun|Kijiji\s+cha|Village|Vill\.|Thôn|Ấp|Xóm)"
    rf"\s+(?:{_NAME}(?:\s+{_NUMBER})?|{_NUMBER}(?:\s+{_NAME})?)" + _NEXT,
    # ... a farm named before its word ("Lower Fold Farm, Crook Lane", "Mäe talu, Kuremaa küla",
    # "Yeşilköy Köyü, Kızılcahamam")
    rf"{_NAME}\s+(?:Farm|Farmhouse|Ranch|Croft|talu|küla|Köyü|mahallesi)" + _NEXT,
    # the parish, municipality or district part after another part ("..., Gemeinde Ybbsitz", ", gmina
    # Łabunie", ", comuna Vadu Crișului", ", Kuremaa küla", ", Ērgļu pagasts", ", Post Office Ballabgarh")
    r"[,،]\s*(?:Gemeinde|Gemarkung|Flur|Ortsteil|gmina|gm\.|comuna|jud\.|osada|Zona\s+Rural|"
    r"Post\s+Office|P\.O\.|Tehsil|District|Dist\.|Mandal|Taluka|Desa|Kec\.|Kecamatan|Kab\.|Mukim|"
    r"Barangay|Brgy\.|Sitio|xã|Camí|Rang|Kampung|Shamba|Oaza|pri\s+kmetiji)\s+(?:de\s+(?:la\s+)?|cha\s+)?"
    + rf"[{_UP}\d][\w'’\-]*",
    rf"[,،]\s*[{_UP}][\w'’]*(?:\s+(?:(?:küla|vald|pagasts|novads|Köyü)\b|pag\.)|-(?:mura|gun)\b)",
    # a rank and its number in Quebec ("Rang Saint-Joseph 455, Saint-Élie")
    rf"\bRang\s+{_NAME}\s+{_NUMBER}" + _NEXT,
    # cadastral and conscription numbers
    r"\b[Gg]nr\.?\s?\d{1,4}\s*,?\s*[Bb]nr\.?\s?\d{1,4}",
    r"\bčp\.\s?\d{1,5}\s*,",
    r"\b\d{1,5}\s?Banchi\s*,\s*(?:Oaza\s+)?[A-Z]",
    # Korea: a township, a village and a (mountain) lot ("회천면 영천리 산 12")
    r"[가-힣]{1,6}[면읍]\s[가-힣]{1,6}리\s(?:산\s?)?\d{1,5}",
    # India: a village, then its post office or district ("ग्राम रामपुर, पोस्ट बड़ागांव")
    r"(?:ग्राम|गांव|गाँव)\s+[\u0900-\u097f]+(?:\s+[\u0900-\u097f]+)?\s*,\s*(?:पोस्ट|डाकघर|तहसील|जिला|ज़िला)",
    # Arabic and Persian: a hamlet or village, then a village, centre, district or county
    r"(?:عزبة|قرية|كفر|نجع|روستای|روستا)\s+\S+(?:\s+\S+)?\s*[،,]\s*(?:قرية|مركز|محافظة|دهستان|بخش|شهرستان)",
    # Hebrew: a farm's number in a moshav or kibbutz ("משק 42, מושב נהלל")
    r"משק\s+\d{1,4}\s*,\s*(?:מושב|קיבוץ)",
)
_RURAL = re.compile("|".join(f"(?:{form})" for form in _FORMS))
_WORDS = (
    "rr ", "r.r.", "rural route", "km", "finca", "vereda", "parcela", "hacienda", "rancho", "chacra",
    "estancia", "hijuela", "sítio", "fazenda", "chácara", "lieu-dit", "lieudit", "località", "frazione",
    "fraz.", "hameau", "boerderij", "gård",
    "bærinn", "hof ", "rotte", "weiler", "einöde", "zaselak", "salaš", "tanya", "kolonia", "osada",
    "purok", "sitio", "barangay", "dusun", "desa", "kampung", "kijiji", "shamba", "village", "vill.", "thôn",
    "ấp", "xóm", "farm", "ranch", "croft", "talu", "küla", "köyü", "mahallesi", "gemeinde",
    "gemarkung", "flur ", "ortsteil", "gmina", "gm.", "comuna", "jud.", "zona rural", "post office", "p.o.",
    "tehsil", "district", "dist.", "mandal", "taluka", "kec.", "kecamatan", "kab.", "mukim", "brgy", "xã",
    "camí", "kmetij", "rang ", "oaza", "vald", "pagasts", "pag.", "novads", "-mura", "-gun", "gnr", "čp.",
    "banchi",
    "면 ", "읍 ", "ग्राम", "गांव", "गाँव", "عزبة", "قرية", "كفر", "نجع", "روستا", "משק",
)  # fmt: skip

# A farm's or a place's name and another capitalised part are a product's or a collection's as often
# ("Old MacDonald Farm, Kids Poster", "Hacienda Napoles, Colombia poster", "Village People, YMCA"): an
# address also has a number that is no quantity (a house, plot or box number, a postcode) or the word of
# a road, a lane or a district near the match.
_HOUSE_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,6}(?:[/\-]\d{1,4})?(?![\w.,]*\s?(?:ml|l|g|kg|cm|mm|m|oz|lb|x|%|pcs|pack)\b)(?!\w)"
)
_PART_WORD = re.compile(
    r"\b(?:Lane|Road|Rd|route|Camí|Camino|Estrada|Carretera|[Kk]m|küla|vald|pagasts|pag\.|gmina|comuna|"
    r"jud\.|Gemeinde|Gemarkung|Flur|Post\s+Office|P\.O\.|District|Tehsil|xã|Sitio|Barangay|Desa|Kec\.|"
    r"Kampung|Mukim|Shamba|near|Zona\s+Rural|osada|obec|kmetiji)\b"
    r"|قرية|مركز|دهستان|شهرستان|पोस्ट|जिला|מושב|קיבוץ|[면읍]\s"
)
_WINDOW = 64


def _number_or_part_word(match: re.Match[str], text: Text) -> bool:
    value = text.value
    end = value.find("\n", match.end(), match.end() + _WINDOW)
    end = end if end >= 0 else match.end() + _WINDOW
    if _PART_WORD.search(value, match.start(), end) is not None:
        return True
    return any(not _a_year(number, value) for number in _HOUSE_NUMBER.finditer(value, match.start(), end))


_YEAR = re.compile(r"(?:19|20)\d\d")


def _a_year(number: re.Match[str], value: str) -> bool:
    """A year, not a postcode: 19xx or 20xx with no capitalised town after it ("Finca Vigia, Cuba 1939
    photo"; "La Croix Blanche, 2024 Saint-Cyprien" keeps its postcode)."""
    after = value[number.end() : number.end() + 2]
    return _YEAR.fullmatch(number.group()) is not None and not (after[:1] == " " and after[1:].isupper())


RULES = (
    PatternRule("location.rural", _RURAL, _number_or_part_word, when=any_word(_WORDS), requires=HAS_CAPITALS),
)
