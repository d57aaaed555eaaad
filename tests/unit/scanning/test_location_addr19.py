"""The address forms addr19 added, each with its neighbours: what must be found (LOCATION) and what must
stay clean, in the shapes of the class rather than the round's examples."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

FOUND = (
    # a state's or province's code and its postcode after the town, the town in any script
    "12 Oak St, Springfield, IL 62704",
    "0251 صقر Ford, بنو ليثbury, ND 77436",
    "Apt. 251 336 Todd Edge, Alvaradoside, QLD, 9472",
    "116 Parks Row Suite 190, New Debbie, NT L8M9S9",
    "4 rue Principale, Gatineau, QC J8X 3X5",
    "0251 සශිකා Forest, South මැක්ස්වෙල්, WV 81718",
    # US forces abroad
    "PSC 1234, Box 5678, APO AE 09012",
    "USNV Nimitz, FPO AP 96601",
    "Unit 2564 Box 0765, DPO AP 28072",
    # a postcode of letters and digits after the town, without a house number
    "Rose Cottage, Lower Slaughter, Cheltenham GL54 2HS",
    "Ballyknock, Co. Kerry, V93 FX20",
    "Site 5, Box 12, Okotoks AB T1S 1A1",
    # a post-office box's abbreviation before the postcode and the town
    "PL 311, 33101 Tampere",
    "CS 70021, 75341 Paris Cedex 07",
    # addresses without a number, by the words of two parts
    "Oğuz rayonu, Pirili kəndi, H.SULTANOV prospekti",
    "deliver to Astara ray., Tofiqi kəndi, AZADLIQ pr.",
    "ship to लोहनी कुना, दाङ",
    "ship to 梁街M座, 潜江市",
    # Asian addresses in Latin letters
    "Tokyo-to Shibuya-ku Jingumae 1-2-3-203",
    "3-4-5-1102 Umeda, Kita-ku, Osaka",
    "Shanghai Shi Pudong Xinqu Zhangjiang Lu 88 Hao",
    "3F., No. 5, Ln. 181, Sec. 4, Zhongxiao E. Rd.",
    "So 12 ngo 45 pho Tran Duy Hung, Cau Giay",
    "Villa 22, Street 14b, Al Barsha 2, Dubai",
    "Tehran, Vali-e Asr St., No. 14, Unit 3",
    # the number before an Arabic street word (the Maghreb), Georgian abbreviations, Taiwan's sub-number
    "16 شارع شاوي - عين الحجر",
    "ტაბახმელას ქ. 45, ზუგდიდი",
    "602 金門文山街738號之8",
    "九龍旺角彌敦道688號旺角中心一期12樓B室",
    # postcodes: Israel's seven digits, the Netherlands' letters, a postcode as a part of its own, India's PIN
    "אימבר 14, כפר יונה, 9128695",
    "Berendring 4, 2592LV, Venhuizen",
    "Cindylei 199, 1012, Ecaussinnes",
    "233 चौगुले, परभणी 583847",
    "40/765 मिलिंद कुलकर्णी, धुळे 600567",
    "51 வஞ்சிக்கொடி சத்தியலிங்கம், குண்டூர்-938965",
    "Calle 2 N° 81, Viedma 8500, Río Negro",
)

CLEAN = (
    "Bundle of 3, NY 10001 skyline print",
    "Model 3, CA 90210 edition",
    "Tote bag, ZZ 12345",
    "Our story, NY 1985",
    "Poster 50 x 70, WA 6160",
    "APO 2000 flashlight, 3 modes",
    "Colour: navy, model AB12 3CD",
    "BP 120/80, pulse 65 bpm",
    "PL 311 parts list, 2 pages",
    "Nizami küçəsi posteri, 50 x 70 sm",
    "Oğuz rayonu xəritəsi, 2024",
    "黄路A座 模型",
    "Shibuya-ku poster A2",
    "Minato-ku 2024-2025 calendar",
    "Villa 22 candle, 180 g",
    "Chanel No. 5, 100 ml",
    "أكثر من 100 شارع في المدينة",
    "مج شارع المعز ٣٥٠ مل",
    "Vol. 2, 1999, Paris",
    "Maat 38, 2024, Amsterdam",
    "Váci utca 1896 képeslap, 10 db",
    "Póster Calle N° 5, Edición limitada",
    "Rustaveli Avenue poster, 50 x 70 cm",
)


@pytest.mark.parametrize("value", FOUND)
def test_address_form_is_found(value: str) -> None:
    assert "LOCATION" in {finding.entity for finding in scan_parameters({"note": value})}


@pytest.mark.parametrize("value", CLEAN)
def test_neighbour_stays_clean(value: str) -> None:
    assert scan_parameters({"description": value}) == []
