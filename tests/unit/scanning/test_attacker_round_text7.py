# ruff: noqa: RUF001 - text of many scripts and native digits, on purpose
"""The seventh attacker round on text (text7), written before reading the detectors: personal data in
generation parameters as people of other languages write it, and its clean neighbours.

Each row is a JSON value under a key (most often `prompt`) and the entity type a reviewer would name, or
None for a value that must come out clean (no entity at all). Classes: names after honorifics of scripts
without a shipped list (Thai, Arabic, Hebrew, Persian, Georgian, Armenian, Amharic) and in ALL-CAPS case
forms; addresses and postcodes of more countries; dates of birth in local calendars (Buddhist, Japanese
and Taiwanese eras, Solar Hijri) and native digits; phone numbers in Arabic-Indic, Persian, Devanagari,
Bengali and Thai digits; e-mail addresses at internationalised domains; Singapore NRIC/FIN; values split
across keys or array elements; JSON, base64 and percent-encoding inside strings; health said of a person
in 25 languages. Religion, ethnicity, sexual orientation, political opinion, trade-union membership and
biometric data (GDPR Art. 9 besides health) are not entity types the gate claims, so they are not here."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

# Values split over array elements under a person's or an address's key are read as one name or
# address (person_owner, location_keys' "addr"), as a name's parts under "first"/"last" of a person.

# (value, key, entity a reviewer names)
LEAKS: list[Any] = [
    # -- names after an honorific or a "for", scripts and forms without a shipped list
    ("ของขวัญสำหรับคุณสมชาย ใจดี", "prompt", "PERSON"),  # gift for Khun Somchai Jaidee
    ("for คุณวิไลวรรณ ศรีสุข", "prompt", "PERSON"),
    ("การ์ดถึง คุณนภัสสร วงศ์ใหญ่", "prompt", "PERSON"),  # card to ...
    ("ส่งถึง นายประยุทธ์ มั่นคง", "prompt", "PERSON"),  # send to Mr ...
    ("ของขวัญให้นางสาวกัญญา รัตนวงศ์", "prompt", "PERSON"),  # gift for Miss ...
    ("هدية للسيد خالد العتيبي", "prompt", "PERSON"),  # gift for Mr Khalid Al-Otaibi
    ("إلى الأستاذة نورة الشمري", "prompt", "PERSON"),  # to Ms (teacher) Noura Al-Shammari
    ("بطاقة للدكتور عبد الرحمن القحطاني", "prompt", "PERSON"),  # card for Dr Abdulrahman ...
    ("تهنئة للسيدة هيفاء الزهراني", "prompt", "PERSON"),  # congratulations to Mrs Haifa ...
    ("מתנה למר יוסי כהן", "prompt", "PERSON"),  # gift for Mr Yossi Cohen
    ("כרטיס לגברת אורית לוי", "prompt", "PERSON"),  # card for Mrs Orit Levi
    ("לכבוד ד״ר שלמה אברהמי", "prompt", "PERSON"),  # to Dr Shlomo Avrahami
    ("برای آقای بهرام کاویانی", "prompt", "PERSON"),  # for Mr Bahram Kaviani
    ("هدیه به خانم شیرین نیک‌پور", "prompt", "PERSON"),  # gift to Ms Shirin Nikpour
    ("تقدیم به مهندس داریوش رضایی", "prompt", "PERSON"),  # dedicated to engineer Dariush Rezaei
    ("DLA AGNIESZKI NOWAK", "prompt", "PERSON"),
    ("KUBEK DLA GRZEGORZA BRZĘCZYSZCZYKIEWICZA", "prompt", "PERSON"),
    ("PREZENT JANOWI NOWAKOWI", "prompt", "PERSON"),
    ("ДЛЯ ОЛЬГИ ПЕТРОВОЙ", "prompt", "PERSON"),
    ("ПОДАРУНОК ДЛЯ ТАРАСА ШЕВЧЕНКА", "prompt", "PERSON"),
    ("DOVANA JONUI PETRAIČIUI", "prompt", "PERSON"),  # Lithuanian dative
    ("DĀVANA JĀNIM BĒRZIŅAM", "prompt", "PERSON"),  # Latvian dative
    ("untuk Bapak Budi Santoso", "prompt", "PERSON"),
    ("zawadi kwa Bi. Amina Wanjiru", "prompt", "PERSON"),  # Swahili: gift for Ms ...
    ("ბატონ გიორგი ბერიძეს", "prompt", "PERSON"),  # Georgian: to Mr Giorgi Beridze
    ("Տիկին Անի Պետրոսյան", "prompt", "PERSON"),  # Armenian: Mrs Ani Petrosyan
    ("ለአቶ አበበ በቀለ", "prompt", "PERSON"),  # Amharic: for Ato Abebe Bekele
    ({"recipient": {"first": "Agnieszka", "last": "Wiśniewska"}}, "params", "PERSON"),
    ({"customer": ["Dupont", "Jean-Baptiste"]}, "params", "PERSON"),
    # -- addresses and postcodes
    ("Flat 3, 27 Oxford Road, Manchester M1 5QA", "prompt", "LOCATION"),
    ("ship to 1200 Rue Sainte-Catherine O, Montréal QC H3B 1A7", "prompt", "LOCATION"),
    ("Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200", "prompt", "LOCATION"),
    ("Flat 4B, 12 MG Road, Bengaluru 560001", "prompt", "LOCATION"),
    ("г. Москва, ул. Тверская, д. 7, кв. 15", "prompt", "LOCATION"),
    ("м. Київ, вул. Хрещатик, буд. 22, кв. 5", "prompt", "LOCATION"),
    ("123/45 ถนนสุขุมวิท แขวงคลองเตย กรุงเทพฯ 10110", "prompt", "LOCATION"),
    ("Số 12 đường Lê Lợi, Quận 1, TP. Hồ Chí Minh", "prompt", "LOCATION"),
    ("Jl. Jend. Sudirman No. 5, Jakarta 10220", "prompt", "LOCATION"),
    ("الرياض، شارع الملك فهد، مبنى ١٢", "prompt", "LOCATION"),
    ("רחוב הרצל 12, תל אביב", "prompt", "LOCATION"),
    ("تهران، خیابان ولیعصر، پلاک ۱۲", "prompt", "LOCATION"),
    ("Ερμού 15, Αθήνα 105 63", "prompt", "LOCATION"),
    ("1052 Budapest, Váci utca 12.", "prompt", "LOCATION"),
    ("Národní 15, 110 00 Praha 1", "prompt", "LOCATION"),
    ("Blk 5 Lot 12, Brgy. San Antonio, Makati City", "prompt", "LOCATION"),
    ("Calle 5 de Mayo #23, Col. Centro, C.P. 06000, CDMX", "prompt", "LOCATION"),
    ("რუსთაველის გამზირი 12, თბილისი", "prompt", "LOCATION"),
    ({"street": "Karl-Marx-Allee", "house_number": "12", "city": "Berlin"}, "params", "LOCATION"),
    ({"addr": ["Piotrkowska 104", "90-001 Łódź"]}, "params", "LOCATION"),
    ("ship_to=12%20Oak%20Street%2C%20Springfield", "prompt", "LOCATION"),
    # -- dates of birth, local calendars and digits
    ("เกิดวันที่ 12 มีนาคม 2528", "prompt", "DATE_OF_BIRTH"),  # Buddhist era
    ("生年月日：平成2年5月3日", "prompt", "DATE_OF_BIRTH"),  # Heisei 2
    ("昭和60年4月1日生まれ", "prompt", "DATE_OF_BIRTH"),
    ("出生日期：民國79年5月3日", "prompt", "DATE_OF_BIRTH"),  # Taiwanese era
    ("تاریخ تولد: ۱۳۶۵/۰۴/۱۲", "prompt", "DATE_OF_BIRTH"),  # Solar Hijri, Persian digits
    ("تاريخ الميلاد: ١٤١٠/٠٣/١٢ هـ", "prompt", "DATE_OF_BIRTH"),  # Hijri, Arabic-Indic digits
    ("생년월일: 1990년 5월 3일", "prompt", "DATE_OF_BIRTH"),
    ("जन्म तिथि: १५/०८/१९९०", "prompt", "DATE_OF_BIRTH"),
    ("জন্ম তারিখ: ১৫/০৮/১৯৯০", "prompt", "DATE_OF_BIRTH"),
    ("sinh ngày 03/05/1991", "prompt", "DATE_OF_BIRTH"),
    ("lahir 17 Agustus 1985", "prompt", "DATE_OF_BIRTH"),
    ("alizaliwa tarehe 12 Machi 1990", "prompt", "DATE_OF_BIRTH"),
    ("doğum tarihi: 12 Mart 1988", "prompt", "DATE_OF_BIRTH"),
    ("született: 1988. március 12.", "prompt", "DATE_OF_BIRTH"),
    ("תאריך לידה: 12.03.1985", "prompt", "DATE_OF_BIRTH"),
    ({"dob": {"day": 12, "month": 3, "year": 1988}}, "params", "DATE_OF_BIRTH"),
    ({"birth_year": "1988", "birth_month": "03", "birth_day": "12"}, "params", "DATE_OF_BIRTH"),
    # -- phone numbers in native digits, links and parts
    ("هاتف: ٠٥٠١٢٣٤٥٦٧", "prompt", "PHONE_NUMBER"),  # UAE mobile
    ("اتصل على ٠٥٥١٢٣٤٥٦٧", "prompt", "PHONE_NUMBER"),  # Saudi mobile
    ("شماره تماس: ۰۹۱۲۳۴۵۶۷۸۹", "prompt", "PHONE_NUMBER"),  # Iranian mobile
    ("फ़ोन: ९८७६५४३२१०", "prompt", "PHONE_NUMBER"),
    ("मोबाइल नंबर +९१ ९८७६५ ४३२१०", "prompt", "PHONE_NUMBER"),
    ("โทร ๐๘๑-๒๓๔-๕๖๗๘", "prompt", "PHONE_NUMBER"),
    ("মোবাইল: ০১৭১২-৩৪৫৬৭৮", "prompt", "PHONE_NUMBER"),
    ("موبائل: ۰۳۰۰-۱۲۳۴۵۶۷", "prompt", "PHONE_NUMBER"),  # Urdu, Pakistani mobile
    ("https://wa.me/971501234567", "prompt", "PHONE_NUMBER"),
    ("tel:+905321234567", "prompt", "PHONE_NUMBER"),
    ("https://api.whatsapp.com/send?phone=6281234567890", "prompt", "PHONE_NUMBER"),
    ("SĐT: 0912 345 678", "prompt", "PHONE_NUMBER"),
    ("Nipigie 0712 345 678", "prompt", "PHONE_NUMBER"),  # Swahili: call me
    ("ስልክ: 091 234 5678", "prompt", "PHONE_NUMBER"),  # Amharic: phone
    ("ტელ: 555 12 34 56", "prompt", "PHONE_NUMBER"),
    ("cep: 0532 123 45 67", "prompt", "PHONE_NUMBER"),
    ({"phone": {"country_code": "+49", "number": "151 23456789"}}, "params", "PHONE_NUMBER"),
    ({"contact": ["+33", "6 12 34 56 78"]}, "params", "PHONE_NUMBER"),
    # -- e-mail addresses at internationalised domains and encodings
    ("kontakt@müller-bäckerei.de", "prompt", "EMAIL_ADDRESS"),
    ("info@xn--mller-kva.de", "prompt", "EMAIL_ADDRESS"),
    ("почта@магазин.рф", "prompt", "EMAIL_ADDRESS"),
    ("联系 用户@例子.中国", "prompt", "EMAIL_ADDRESS"),
    ("ผู้ใช้@ตัวอย่าง.ไทย", "prompt", "EMAIL_ADDRESS"),
    ("उपयोगकर्ता@उदाहरण.भारत", "prompt", "EMAIL_ADDRESS"),
    ("mailto:jane.doe%40gmail.com", "prompt", "EMAIL_ADDRESS"),
    ("jane.doe\\u0040gmail.com", "prompt", "EMAIL_ADDRESS"),
    ({"email": {"user": "maria.garcia", "domain": "gmail.com"}}, "params", "EMAIL_ADDRESS"),
    ("Y29udGFjdDogamFuZS5kb2VAZ21haWwuY29t", "prompt", "EMAIL_ADDRESS"),
    ('{"customer": {"email": "ewa.kowalska@wp.pl"}}', "prompt", "EMAIL_ADDRESS"),
    ("eyJwaG9uZSI6ICIrNDkxNTEyMzQ1Njc4OSJ9", "prompt", "PHONE_NUMBER"),
    ("TGllZmVydW5nIGFuIEhhdXB0c3RyYcOfZSA1LCAxMDExNSBCZXJsaW4=", "prompt", "LOCATION"),
    ("to=Anna%20Kowalska%2C%20tel%3A%20%2B48%20501%20234%20567", "prompt", "PHONE_NUMBER"),
    # -- national identifiers
    ("NRIC: S8812345Z", "prompt", "NATIONAL_ID"),
    ("FIN G5123456T", "prompt", "NATIONAL_ID"),
    ("my IC is T0312345B", "prompt", "NATIONAL_ID"),
    ({"nric": "s7654321f"}, "params", "NATIONAL_ID"),
    ("เลขบัตรประชาชน 3-1012-00045-67-3", "prompt", "NATIONAL_ID"),
    ("आधार: २३४५ ६७८९ ०१२४", "prompt", "NATIONAL_ID"),
    ("T.C. Kimlik No: 10234567828", "prompt", "NATIONAL_ID"),
    ("身份证号：11010519491231002X", "prompt", "NATIONAL_ID"),
    ("マイナンバー：1234 5678 9018", "prompt", "NATIONAL_ID"),
    ("CPF%3A%20390.533.447-05", "prompt", "NATIONAL_ID"),
    # -- payment data
    ("رقم الآيبان: SA03 8000 0000 6080 1016 7519", "prompt", "IBAN_CODE"),
    ("IBAN: TR33 0006 1005 1978 6457 8413 26", "prompt", "IBAN_CODE"),
    ("कार्ड ४१११ ११११ ११११ ११११", "prompt", "CREDIT_CARD"),
    ({"card": ["4111", "1111", "1111", "1111"]}, "params", "CREDIT_CARD"),
    # -- health (and genetic data about health) said of one person
    ("customer is a BRCA1 mutation carrier", "prompt", "HEALTH_DATA"),
    ("he is HIV positive", "prompt", "HEALTH_DATA"),
    ("my son was diagnosed with ADHD", "prompt", "HEALTH_DATA"),
    ("she takes insulin every day", "prompt", "HEALTH_DATA"),
    ("card for my wife after her mastectomy", "prompt", "HEALTH_DATA"),
    ("मेरी माँ को मधुमेह है", "prompt", "HEALTH_DATA"),
    ("แม่ของฉันเป็นเบาหวาน", "prompt", "HEALTH_DATA"),
    ("mẹ tôi bị bệnh tiểu đường", "prompt", "HEALTH_DATA"),
    ("ibu saya menderita diabetes", "prompt", "HEALTH_DATA"),
    ("我妈妈有糖尿病", "prompt", "HEALTH_DATA"),
    ("어머니가 당뇨병을 앓고 계세요", "prompt", "HEALTH_DATA"),
    ("אמא שלי חולה בסוכרת", "prompt", "HEALTH_DATA"),
    ("مادرم دیابت دارد", "prompt", "HEALTH_DATA"),
    ("η μητέρα μου έχει διαβήτη", "prompt", "HEALTH_DATA"),
    ("min fru är gravid", "prompt", "HEALTH_DATA"),
    ("vaimoni on raskaana", "prompt", "HEALTH_DATA"),
    ("moje máma má rakovinu", "prompt", "HEALTH_DATA"),
    ("anyukám cukorbeteg", "prompt", "HEALTH_DATA"),
    ("mama mea are diabet", "prompt", "HEALTH_DATA"),
    ("annem şeker hastası", "prompt", "HEALTH_DATA"),
    ("mijn vader heeft alzheimer", "prompt", "HEALTH_DATA"),
    ("minha filha tem autismo", "prompt", "HEALTH_DATA"),
    ("mio padre è in dialisi", "prompt", "HEALTH_DATA"),
    ("mi hermano tiene VIH", "prompt", "HEALTH_DATA"),
    ("mama yangu ana kisukari", "prompt", "HEALTH_DATA"),
    ("may diabetes ang nanay ko", "prompt", "HEALTH_DATA"),
    # -- devices and behaviour in more languages
    ("معرف الجهاز: 6D92078A-8246-4BA4-AE5B-76104861E7DC", "prompt", "DEVICE_ID"),
    ("आपके ब्राउज़िंग इतिहास के आधार पर", "prompt", "BEHAVIORAL_DATA"),
    ("dựa trên lịch sử duyệt web của bạn", "prompt", "BEHAVIORAL_DATA"),
    ("berdasarkan riwayat penelusuran Anda", "prompt", "BEHAVIORAL_DATA"),
    ("ตามประวัติการเข้าชมของคุณ", "prompt", "BEHAVIORAL_DATA"),
]

CLEAN: list[Any] = [
    # names: honorific words in other senses, generic recipients, public landmarks
    ("คุณภาพดี ราคาถูก", "prompt"),  # good quality, cheap
    ("ขอบคุณ การ์ดสวยๆ", "prompt"),  # thank you, pretty card
    ("ของขวัญสำหรับคุณแม่", "prompt"),  # gift for mum
    ("สำหรับคุณ ด้วยรัก", "prompt"),  # for you, with love
    ("คุณค่าของชีวิต โปสเตอร์", "prompt"),  # the value of life poster
    ("هدية للسيدات الأنيقات", "prompt"),  # gift for elegant ladies
    ("بطاقة للأستاذ في يوم المعلم", "prompt"),  # card for the teacher on teachers' day
    ("شوكولاتة داكنة مع المكسرات", "prompt"),
    ("שוקולד מר עם אגוזים", "prompt"),  # bitter chocolate ("mar") with nuts
    ("מתנה לגבר שיש לו הכל", "prompt"),  # a gift for the man who has everything
    ("برای آقایان و خانم‌ها", "prompt"),  # for gentlemen and ladies
    ("کارت تبریک برای مهندس‌ها", "prompt"),  # greeting card for engineers
    ("DLA DOMU I OGRODU", "prompt"),  # for home and garden
    ("KOLEKCJA DLA DZIECI 2024", "prompt"),
    ("ДЛЯ ДОМА И САДА", "prompt"),
    ("PREZENT DLA MAMY", "prompt"),
    ("untuk Bapak dan Ibu guru", "prompt"),  # for teachers (sir and madam)
    ("zawadi kwa mama", "prompt"),
    ("ბატონი და ქალბატონი კოლექცია", "prompt"),
    ({"first": "step", "last": "frame"}, "params"),
    ({"customer": ["returning", "premium"]}, "params"),
    # addresses: street names as brands and titles, districts without a house
    ("Oxford Street style poster, 50x70", "prompt"),
    ("Hotel California 1976 vinyl print", "prompt"),
    ("Abbey Road album cover remaster 2019", "prompt"),
    ("Route 66 retro sign, 3 pack", "prompt"),
    ("Quận 1 night skyline print", "prompt"),
    ("Jl. Malioboro night market painting", "prompt"),
    ("بوستر شارع المعز الليلي", "prompt"),  # poster of Al-Muizz street at night
    ("Тверская улица в снегу, акварель", "prompt"),  # Tverskaya street in snow, watercolour
    ("ถนนคนเดินเชียงใหม่ ภาพวาด", "prompt"),  # Chiang Mai walking street painting
    ("Champs-Élysées 2024 collection, size 40", "prompt"),
    ({"street": "wear", "city": "pop"}, "params"),
    ("a%20cat%20on%20a%20beach%2C%20golden%20hour", "prompt"),
    # dates: eras, holidays and years without a birth
    ("令和6年度 カレンダー", "prompt"),
    ("平成レトロ風 ポスター", "prompt"),
    ("ปฏิทินปี 2568", "prompt"),  # calendar for 2568 BE
    ("کارت نوروز ۱۴۰۴", "prompt"),  # Nowruz 1404 card
    ("فانوس رمضان ١٤٤٦", "prompt"),  # Ramadan 1446 lantern
    ("Born in the USA poster 1984", "prompt"),
    ("doğum günü pastası 30 yaş", "prompt"),  # birthday cake, 30 years
    ("生日快乐 蛋糕 2024", "prompt"),
    ("sinh nhật vui vẻ 2024", "prompt"),
    ({"year": 1988, "month": 3, "day": 12}, "params"),  # a date with no birth in it
    # numbers in native digits that are not phones
    ("مجموعة ٢٠٢٤ الجديدة", "prompt"),  # the new 2024 collection
    ("ราคา ๑๒๐ บาท รุ่น ๒๕๖๗", "prompt"),  # price 120 baht, model 2567
    ("मूल्य ₹ ९९९, आकार ४२", "prompt"),  # price 999, size 42
    ("قیمت ۱۲۰٬۰۰۰ تومان", "prompt"),  # price 120,000 toman
    ("ISBN 978-3-16-148410-0", "prompt"),
    ("https://wa.me/", "prompt"),
    ("resolution 1920x1080, seed 4294967295", "prompt"),
    ({"size": ["1024", "1024"]}, "params"),
    # e-mail-like text that is not an address
    ("logo@2x.png and icon@3x.webp", "prompt"),
    ("ícone@2x.webp", "prompt"),
    ("@media screen and (max-width: 600px)", "prompt"),
    ({"email": {"subject": "Newsletter", "template": "spring"}}, "params"),
    # national-id shapes that fail their checks
    ("SKU S1234567A", "prompt"),
    ("part no. T0312345C", "prompt"),
    ("model G5123456X stroller", "prompt"),
    ("batch 3-1012-00045-67-4", "prompt"),
    # payment-like numbers that fail their checks
    ("order 4111 1111 1111 1112", "prompt"),
    ({"tile": ["4111", "2222", "3333", "4444"]}, "params"),
    # health said of nobody
    ("sugar-free cookies for diabetics", "prompt"),
    ("pink ribbon breast cancer awareness poster", "prompt"),
    ("Krebs Sternzeichen Tasse", "prompt"),
    ("pregnancy announcement card template", "prompt"),
    ("ขนมสำหรับผู้ป่วยเบาหวาน", "prompt"),  # snacks for diabetic patients
    ("适合糖尿病人的无糖饼干", "prompt"),  # sugar-free biscuits suitable for diabetics
    ("मधुमेह जागरूकता पोस्टर", "prompt"),  # diabetes awareness poster
    ("당뇨 환자용 간식", "prompt"),  # snacks for diabetes patients
    ("kue rendah gula untuk penderita diabetes", "prompt"),
    ("HIV awareness red ribbon pin", "prompt"),
    ("autism acceptance puzzle necklace", "prompt"),
    ("vitaminer för gravida", "prompt"),
    ("cukormentes csoki cukorbetegeknek", "prompt"),
    ("ADHD planner for students", "prompt"),
    # encodings of clean text
    ("YSBjYXQgc2l0dGluZyBvbiBhIHdpbmRvd3NpbGwsIGdvbGRlbiBob3Vy", "prompt"),
    ("eyJzdGVwcyI6IDMwLCAiY2ZnIjogNy41LCAic2FtcGxlciI6ICJldWxlcl9hIn0=", "prompt"),
    ('{"steps": 30, "cfg": 7.5, "sampler": "dpmpp_2m"}', "prompt"),
    # behaviour words in other senses
    ("lịch sử Việt Nam poster", "prompt"),  # Vietnamese history poster
    ("ประวัติศาสตร์ไทย หนังสือ", "prompt"),  # Thai history book
]


def _found(value: Any, key: str) -> set[str]:
    params = value if key == "params" else {key: value}
    return {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize(("value", "key", "entity"), LEAKS)
def test_leak_is_found(value: Any, key: str, entity: str) -> None:
    assert entity in _found(value, key)


@pytest.mark.parametrize(("value", "key"), CLEAN)
def test_clean_neighbour_stays_clean(value: Any, key: str) -> None:
    assert _found(value, key) == set()
