"""Names in the Brahmic scripts of South Asia and in Thai, with and without a cue, and their clean
neighbours (the same words as products, places, colours and holidays)."""

from __future__ import annotations

import pytest

from gate.scanning.detectors.person_indic import consonants, spelling_key, transliterate
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import entities

NAMES = [
    # A given name and a common surname, no cue (Hindi, Marathi, Nepali, Bengali).
    "नेहा शर्मा, स्टूडियो रोशनी",
    "दीप्ति भटनागर का चित्र",
    "रेणुका कदम",
    "स्वति थापा",
    "রাজু বোস",
    "মাধুরী দাস",
    # A given name or a surname, then a postposition that follows a person.
    "नेहा महराजी के लिए मग",
    "लक्ष्मण तिवारी का चित्र",
    "अजय सिंह को जन्मदिन मुबारक",
    "অজয় সিনহা এর জন্য উপহার",
    # After a label (and a colon), any two words of the script.
    "ग्राहक: सुशील सेन",
    "ग्राहक: रेणुका कदम",
    "গ্রাহক: ইশতিয়াক চৌধুরী",
    "வாடிக்கையாளர்: நாச்சி இசைமணி",
    # Thai: after a label, "gift for" or "portrait".
    "ลูกค้า: กนกเนตร ถนัดการเขียน",
    "ของขวัญสำหรับ ประยุทธ์ จันอ้น",
    "ภาพเหมือน วณัฐดา เลิศกิ่ง ในชุดไทย",
    # Arabic: one listed given name after "gift for", the preposition joined to it.
    "هدية لأحمد",
    "هدية لفاطمة",
]

CLEAN = [
    "लाल साड़ी, स्टूडियो रोशनी",
    "ताज महल सूर्योदय पर",
    "दिवाली के लिए उपहार",
    "लाल साड़ी के लिए सुनहरा बॉर्डर",
    "सुंदर कमल का फूल",
    "आशा की किरण",
    "गुलाब जामुन की प्लेट",
    "লাল শাড়ি, স্টুডিও আলো",
    "দুর্গা পূজার উপহার",
    "ชุดไทยสีแดง แสงสตูดิโอ",
    "วัดอรุณยามค่ำ",
    "ของขวัญวันแม่",
    "ของขวัญสำหรับคุณแม่",
    "ของขวัญสำหรับ วันแม่",
    "هدية للعيد",
    "هدية لأمي الحبيبة",
    "هدية عيد ميلاد",
]


@pytest.mark.parametrize("value", NAMES)
def test_a_name_in_a_brahmic_script_or_thai_is_found(value: str) -> None:
    assert "PERSON" in entities(value)


@pytest.mark.parametrize("value", CLEAN)
def test_the_same_words_as_products_places_and_holidays_stay_clean(value: str) -> None:
    assert entities(value) == set()


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("लक्ष्मण", "laksman"),  # virama, the inherent "a" dropped at the end
        ("तिवारी", "tivari"),  # "Tiwari": w and v are one
        ("शर्मा", "sarm"),  # "Sharma": sh and s, the final "a"
        ("বোস", "bos"),  # "Bose": a silent final e
    ],
)
def test_transliteration_meets_the_latin_spelling(word: str, latin: str) -> None:
    assert spelling_key(transliterate(word)) == latin
    assert spelling_key(latin) == latin


def test_an_inherent_a_written_inside_a_word_leaves_the_consonants_alone() -> None:
    assert consonants(spelling_key(transliterate("সিনহা"))) == consonants(spelling_key("Sinha"))


@pytest.mark.parametrize(
    "text",
    ["नेहा शर्मा के लिए उपहार", "ลูกค้า: กนกเนตร ถนัดการเขียน", "ஸ்ரீகமா ரமேஷ்", "গ্রাহক: রাজু"],
)
def test_normalise_keeps_the_vowel_signs_and_viramas_of_these_scripts(text: str) -> None:
    assert normalise(text) == text or normalise(text) == normalise(normalise(text))
    assert all(ch in normalise(text) for ch in "्ेुิ์" if ch in text)


@pytest.mark.parametrize(("text", "read"), [("j\u094do\u094dh\u094dn", "john"), ("\u094dनेहा", "नेहा")])
def test_a_mark_of_these_scripts_after_no_letter_of_them_is_dropped(text: str, read: str) -> None:
    assert normalise(text) == read


def test_a_phone_number_after_the_hindi_word_with_a_nukta_is_found() -> None:
    assert "PHONE_NUMBER" in entities("फ़ोन 98765 43210")
