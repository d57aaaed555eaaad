# ruff: noqa: RUF001, RUF003 - legal forms in Cyrillic, Greek, Hebrew, Arabic and Han, on purpose
"""The legal forms of businesses, as they write them: one list that the name rules (a name followed by
one is a company's: `person_keyed.is_organisation`) and the address rules (an address after a name and
one is the shop's: `location_business`) both read, each adding its own words.

Case-sensitive, as written ("AS", "SA", "PT" are everyday words in other cases); a form with a dot and
a letter after it is also read with a space there or without one ("e.K."/"e. K.", "Sp. z o.o."/"Sp. z
o. o."; `pattern`).
"""

from __future__ import annotations

import re

# Written after the company's name ("Elbkontor GmbH", "Bursztyn sp. z o.o.", "דפוס השפלה בע"מ").
AFTER_NAME = (
    # German-speaking countries
    "GmbH", "gGmbH", "AG", "KG", "OHG", "GbR", "e.K.", "SE",
    # English-speaking countries, South Asia, Africa
    "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.", "Inc", "Inc.", "inc.", "Corp", "Corp.", "PLC", "plc", "Pty",
    "Pty.", "(Pty)", "(Pty) Ltd", "LLP", "Pvt Ltd", "Pvt. Ltd.", "(Edms) Bpk", "Edms Bpk", "Bpk", "Cyf",
    "Cyfyngedig", "Teoranta",
    # French, Belgian, Swiss, Luxembourgish
    "SARL", "Sarl", "Sàrl", "S.A.R.L.", "S.à r.l.", "S.à.r.l.", "SAS", "SASU", "SA", "S.A.", "SPRL", "SRL",
    "SCOP", "SNC", "EURL",
    # Dutch and Flemish
    "B.V.", "BV", "N.V.", "NV", "BVBA", "VOF", "V.O.F.", "CommV",
    # Spanish, Portuguese, Latin American
    "SL", "SLU", "S.L.", "S.L.U.", "S.L.N.E", "S.A. de C.V.", "S. de R.L.", "S.A.S.", "S.R.L.", "SpA", "Lda",
    "Lda.", "Ltda", "Ltda.", "EIRELI", "EIRL", "S.A.C.", "E.I.R.L.",
    # Italian
    "S.r.l.", "Srl", "S.r.l.s.", "S.p.A.", "SPA", "S.p.a.", "S.n.c.", "Snc", "S.a.s.", "s.c.",
    # Central and Eastern Europe, the Baltic states, the Balkans
    "sp. z o.o.", "Sp. z o.o.", "sp.k.", "Sp.k.", "S.A.", "s.r.o.", "spol. s r.o.", "a.s.", "k.s.",
    "Kft.", "Kft", "Zrt.", "Zrt", "Nyrt.", "Bt.", "Kkt.", "OÜ", "AS", "SIA", "UAB", "AB", "d.o.o.", "d.d.",
    "sh.p.k.", "sh.a.", "SHPK", "ООД", "ЕООД", "АД", "ЕАД", "ТОВ", "ООО", "ПАТ", "ЗАО", "ОАО",
    "ДОО", "д.о.о.",
    # The Nordic countries
    "ApS", "A/S", "I/S", "ASA", "Oy", "Oyj", "ehf.", "hf.", "HB", "KB",
    # Greece, Cyprus, Turkey
    "ΑΕ", "Α.Ε.", "ΕΠΕ", "Ε.Π.Ε.", "ΙΚΕ", "Ι.Κ.Ε.", "ΟΕ", "Ο.Ε.", "A.Ş.", "Ltd. Şti.", "Şti.",
    # South-East Asia
    "Sdn Bhd", "Sdn. Bhd.", "Bhd", "Pte Ltd", "Pte. Ltd.", "Tbk", "JSC", "Co., Ltd.", "Co. Ltd",
    # Hebrew and Arabic
    'בע"מ', "בע״מ", "ذ.م.م", "ش.م.م", "ش.م.ل", "ش.م.ع", "ش.ذ.م.م",
)  # fmt: skip

# Written before the company's name, or as a word of its own ("ООО Казанские Сувениры", "PT Batik").
BEFORE_NAME = ("ООО", "ОАО", "ЗАО", "АО", "ТОВ", "ПАТ", "PT", "CV", "Công ty")
# ... and those the name follows or comes before without a space ("株式会社京彩", "(주)해운대굿즈").
JOINED = ("บริษัท", "株式会社", "有限会社", "(株)", "(주)", "주식회사")
# Han forms after the name ("成都锦里文创有限公司").
HAN_AFTER_NAME = ("股份有限公司", "有限公司", "有限責任公司", "有限责任公司")

_DOT_THEN_LETTER = re.compile(r"\\\.(?=\w)")


def pattern(forms: tuple[str, ...]) -> str:
    """`forms` as one regex alternation, longest first, each escaped, its spaces any run of white space
    or none and a dot before a letter maybe followed by a space ("e.K." also "e. K.", "Sp. z o.o." also
    "Sp. z o. o.")."""
    escaped = (
        _DOT_THEN_LETTER.sub(r"\\.\\s?", re.escape(form)).replace(r"\ ", r"\s*")
        for form in sorted(set(forms), key=lambda form: (-len(form), form))
    )
    return "(?:" + "|".join(escaped) + ")"
