# ruff: noqa: RUF001 - names of numbers in Cyrillic, on purpose
"""(ids25) More kinds of `world_id_cued`: identity and tax numbers of countries no round had read, each
after its own name as the country's documents write it, and checked by python-stdnum: the UK's unique
pupil number, the US preparer's PTIN, Portugal's Cartão de Cidadão number (with its spaces), Ghana's
TIN, Tunisia's matricule fiscal, Egypt's tax registration number, Senegal's NINEA, Guinea's NIFp,
Montenegro's PIB, North Macedonia's ЕДБ, Mauritius' NID, and India's voter id and Aadhaar VID under
their Hindi names. A tax number of these is a person's or a company's: after a legal form it is the
company's (`company_number`, the kinds in `SHARED_SERIES`).
"""

from __future__ import annotations

import re
from typing import Any

from stdnum.eg import tn as eg_tn
from stdnum.gb import upn
from stdnum.gh import tin as gh_tin
from stdnum.gn import nifp
from stdnum.in_ import epic, vid
from stdnum.me import pib as me_pib
from stdnum.mk import edb
from stdnum.mu import nid as mu_nid
from stdnum.pt import cc as pt_cc
from stdnum.sn import ninea
from stdnum.tn import mf as tn_mf
from stdnum.us import ptin

from gate.scanning.detectors.base import Text, any_word
from gate.scanning.normalise import as_written_and_read

# (kind, names in any case, acronyms only in capitals, the checks a number after them may pass)
MORE_KINDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[Any, ...]], ...] = (
    ("gb_upn", ("unique pupil number",), ("UPN",), (upn,)),
    ("us_ptin", ("preparer tax identification number",), ("PTIN",), (ptin,)),
    ("pt_cc", ("cartão de cidadão", "cartao de cidadao", "n.º do cartão de cidadão"), (), (pt_cc,)),
    ("gh_tin", ("taxpayer identification number",), ("TIN",), (gh_tin,)),
    ("tn_mf", ("matricule fiscal", "identifiant fiscal"), (), (tn_mf,)),
    ("eg_tn", ("رقم التسجيل الضريبي", "الرقم الضريبي", "رقم التسجيل الضريبى"), (), (eg_tn,)),
    ("sn_ninea", (), ("NINEA",), (ninea,)),
    ("gn_nifp", (), ("NIFp", "NIFP"), (nifp,)),
    ("me_pib", ("poreski identifikacioni broj",), ("PIB",), (me_pib,)),
    ("mk_edb", ("единствен даночен број",), ("ЕДБ", "EDB"), (edb,)),
    ("mu_nid_acronym", (), ("NID",), (mu_nid,)),
    ("in_epic_hindi", ("मतदाता पहचान पत्र संख्या", "मतदाता पहचान पत्र"), (), (epic,)),
    ("in_vid_hindi", ("वर्चुअल आईडी",), (), (vid,)),
)
# The kinds of `world_id_cued` (these and the older ones) whose series numbers companies too: after a
# legal form the number is a company's (`company_number`); a person's (a PPS, a CNIC) after one is theirs.
SHARED_SERIES = frozenset(
    ("gb_utr", "id_npwp", "vn_mst", "za_tin", "nit", "ruc", "mz_nuit", "nz_ird", "gr_afm", "is_kennitala",
     "al_nipt", "az_voen", "dz_nif", "by_unp", "ad_nrt", "th_tin",
     "gh_tin", "tn_mf", "eg_tn", "sn_ninea", "gn_nifp", "me_pib", "mk_edb")
)  # fmt: skip
# Acronyms that are words or other things' names as keys ("pib" a GDP, "tin" a can, "nid" a node id).
NOT_KEYS = frozenset(("pib", "tin", "nid"))

_ACRONYMS = tuple(sorted(as_written_and_read(word for _, _, acronyms, _ in MORE_KINDS for word in acronyms)))
_letters = any_word(tuple(sorted({word.lower() for word in _ACRONYMS})))
_CAPITALS = re.compile("|".join(re.escape(word) for word in sorted(_ACRONYMS, key=len, reverse=True)))


def in_capitals(text: Text) -> bool:
    """Whether one of these kinds' acronyms is written in `text` in capitals ("TIN", not "Martin"'s
    letters): the prefilter of their rule, as the cue-word pass answers the letters first."""
    return _letters(text) and _CAPITALS.search(text.value) is not None
