# ruff: noqa: RUF001 - full-width and CJK punctuation in catalogue copy, on purpose
"""Catalogue copy that must stay clean: product prompts as retailers write them, in 30 languages, full of
words that are also names (brands named after people, honorifics in product names, "女士" meaning
"women's", house and city names of collections, numbers that look like ids). Written by the lead from
retail listings' shapes before running the scanner (2026-12-06); each record a whole set of parameters.

Beside them, the names the same rules must still find (a fix for the clean side must not open the other).
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

_CLEAN = """\
en|Heinz Tomato Ketchup 570 g squeezy bottle, picnic table
en|Wolfgang Puck cookware set, stainless, kitchen
en|Bible leather cover, gold edges, King James Version
en|Victoria Sponge Cake slice on a floral plate
hi|कुर्ता पायजामा सेट पुरुषों के लिए, कॉटन, साइज़ XL
hi|साड़ी महिलाओं के लिए, बनारसी सिल्क
hi|खिलौने बच्चों के लिए, लकड़ी
bn|শাড়ি মহিলাদের জন্য, সুতি
bn|পাঞ্জাবি পুরুষদের জন্য, সাদা
pa|ਕੁੜਤਾ ਮਰਦਾਂ ਲਈ, ਸੂਤੀ
gu|કુર્તા પુરુષો માટે, કોટન
en|Lifestyle shot of the Milano leather sofa in cognac, 220 x 95 x 80 cm, loft interior, soft morning light
de|Produktfoto: Damen Winterjacke Modell Helsinki, Farbe Marine, Größe 38-46, 100% Polyester, Preis 129,99 €
fr|Photo d'ambiance : table basse Lyon en chêne massif, 120 x 60 cm, livraison sous 48 h, réf. 3760123456789
es|Bodegón de zapatillas Jordan 1 Retro High OG, talla 42, colorway Chicago, fondo blanco
en|Jean jacket with sherpa collar, stonewash blue, on a mannequin, studio lighting
en|Victoria sponge cake on a vintage cake stand, afternoon tea setting, Wedgwood china
en|Florence pendant lamp, brushed brass, E27, max 60W, 230V, above a dining table
en|Mercedes-Benz AMG GT model car 1:18 scale diecast, silver, display case
en|Banner: Black Friday -40% on all Samsung Galaxy S24 Ultra 256 GB, ends 29.11.2026 23:59
en|Skyline of Paris at dusk behind a bottle of Chanel No. 5 eau de parfum 100 ml
de|Regal Kallax 4x4 weiß, 147x147 cm, im Wohnzimmer mit Pflanzen
it|Set di pentole in acciaio inox 18/10, 8 pezzi, induzione, cucina moderna
pl|Szafa przesuwna Oslo 200 cm, dąb sonoma, lustro, sypialnia skandynawska
en|Ruby red velvet armchair Chesterfield style, gold legs, 78 x 80 x 75 cm
de|Kaffeevollautomat De'Longhi Magnifica S ECAM 22.110.B, 1450 W, 15 bar
ja|ソファ 3人掛け ファブリック グレー 幅180cm 北欧風 リビング
zh|夏季新款 女士连衣裙 雪纺 碎花 S-XL 尺码 白色背景 电商主图
zh|春季女士风衣 卡其色 中长款
zh|韩版女士毛衣 宽松 套头
zh|大码女士牛仔裤 高腰 显瘦
zh|中老年女士外套 妈妈装 秋冬
zh|时尚女士手表 石英 防水
zh|加绒女士卫衣 连帽 加厚
zh|名媛小姐礼服 晚宴 长款
zh|绅士先生领带 真丝 商务
zh|潮流男士夹克 工装 春秋
ko|무선 블루투스 이어폰 노이즈캔슬링 화이트 제품 사진 스튜디오 조명
ko|여사님 스카프 선물 세트
ja|お客様 専用 ページ 奥様 エプロン
ja|お姫様ドレス 子供用 ピンク 110cm
ja|王様のチョコレート 詰め合わせ
ja|女王様 ティアラ コスプレ
ja|お嬢様 ワンピース 清楚
ja|王子様 衣装 男の子
ja|お子様 ランチプレート
ja|ご注文者様 専用 会員様 限定 セール
ja|お母様 へ 母の日 ギフト
zh|明星同款 墨镜 女士
ru|Кожаный рюкзак «Москва», коричневый, 30 x 40 x 12 см, для ноутбука 15,6"
tr|Kanepe Ankara model, 3'lü, gri kumaş, 210 cm, salon dekorasyonu
pt|Tapete persa Isfahan 200x300 cm, lã, tons de vermelho, sala de estar
sv|Bord i ek 'Göteborg', 180 x 90 cm, oljad yta, skandinavisk matsal
en|Garden bench 'Charlotte' teak, 150 cm, English cottage garden, roses
en|Marie Antoinette style vanity table, white and gold, baroque bedroom
en|Personalised mug with the name 'Emma' in gold script, gift box
en|Emma mattress 90x200, hybrid, bedroom scene
en|Dr. Oetker Ristorante Pizza Mozzarella, oven, Italian kitchen
en|Mrs. Meyer's Clean Day hand soap, lavender
en|Mr. Muscle bathroom cleaner 750 ml spray, bright bathroom
de|Meister Proper Allzweckreiniger 1 l, Küche
fr|Monsieur Cuisine Connect robot de cuisine, plan de travail
en|Dr. Scholl insoles, size 40-41, on a wooden floor
de|Dr. Hauschka Rosencreme 30 ml, Badezimmer
en|Dr. Bronner's pure-castile soap, peppermint, 946 ml
en|A bottle of Jack Daniel’s Old No. 7 on a bar counter, warm light
nl|Albert Heijn boodschappenmand, verse groenten, Hollandse keuken
es|Botella de tequila Jose Cuervo Especial, campo de agave
en|Paul Hewitt anchor bracelet, navy rope, gold
en|John Frieda Frizz Ease serum 50 ml
en|Tom Dixon Melt pendant light, copper, dining room
da|Arne Jacobsen Ægget lænestol, cognac læder
en|Emma Bridgewater polka dot mug, 1/2 pint
en|Joseph Joseph nesting bowls set, rainbow
fr|Coco Mademoiselle eau de parfum 100 ml sur une coiffeuse
en|Harry Potter Hogwarts castle Lego set 71043 on a shelf
en|Peter Rabbit plush toy, 30 cm, nursery
en|Mario Kart 8 Deluxe game box, Nintendo Switch
en|Lara Croft collectible figure, 1:6, display
en|Product code 2026-12-05-0001, batch label
en|Order tracking page illustration, parcel with barcode, delivery van
en|ISBN 978-3-16-148410-0 book cover mockup on a table
el|Κούπα κεραμική 'Σαντορίνη', λευκό και μπλε, 300 ml
cs|Zahradní lavice Praha, dřevo, 120 cm, zelená
hu|Kávéfőző Budapest espresso, 15 bar, ezüst, konyhai háttér
ar|شاشة تلفاز ذكية 55 بوصة 4K، خلفية غرفة معيشة حديثة
he|מנורת שולחן LED, לבן, 3 מצבי תאורה, שולחן עבודה
hi|साड़ी रेशमी बनारसी, लाल और सुनहरी, उत्पाद फोटो
th|กระเป๋าสะพายหนังแท้ สีน้ำตาล ขนาด 25 x 18 ซม.
vi|Áo dài lụa tơ tằm màu đỏ, size M, chụp studio nền trắng
id|Tas ransel laptop 15 inci, tahan air, warna hitam, foto produk
no|Sofa 'Kristiansand' 3-seter, lys grå, 220 cm
it|Borsa Bianca Perla, pelle, da sera
it|Gonna Marina Blu, cotone, taglia 42
it|Sandalo Linda Cuoio, numero 38
fr|Rideau Claire Voie, lin, 140x260
es|Camiseta Rosa Palo, algodón, talla M
it|Sciarpa Viola Scuro, cashmere, 180 cm
fr|Pull Bleu Marine, col roulé, laine
en|Health and care: diabetic socks, pregnancy pillow, blood pressure monitor, hearing aid case
en|Gift for Secret Santa, under 20 euros; nativity set with Baby Jesus
en|Case for iPhone 15 Pro Max, clear; Hülle für Samsung Galaxy A54; Coque pour Xiaomi Redmi Note 13
en|Photo by Unsplash, flat lay of a linen shirt; sample shot, photo by Canon EOS R5
en|Abbey Road vinyl record, 180 g, on a turntable; Baker Street 221B jigsaw puzzle
"""

# Names the same rules must still find, beside the clean copy above.
_NAMES = """\
hi|उपहार राहुल शर्मा के लिए
hi|नेहा शर्मा के लिए जन्मदिन का केक
bn|রাজু বোস এর জন্য উপহার
de|Geschenk für Heinz Tomaschek
en|portrait of Heinz Müller in the kitchen
en|Card for Dr. Anna Kowalska, engraved
en|Gift tag: to Mrs. Meyer, with love
de|Für Frau Dr. Müller zum Geburtstag
zh|送给王小明女士的生日礼物
zh|王女士您好，您的订单已发货
zh|致李先生：新年快乐
en|Present for Grandpa Joe, whisky glass
en|photo by Christoph Suter, public domain
de|Foto von Christoph Suter
en|Photographer: Jenna Marbles
it|Biglietto per Marina Rossi, auguri
es|Tarjeta para Maria Blanco, feliz cumpleaños
ja|田中様 専用 ギフト
ja|山田花子様 お誕生日おめでとう
ja|直人様へ 誕生日プレゼント
"""

# Clean copy the scanner still reads as personal data, by a string of the record, and why (the class).
_OPEN: dict[str, str] = {}


def _records(table: str) -> list[tuple[str, str]]:
    return [tuple(line.split("|", 1)) for line in table.splitlines()]  # type: ignore[misc]


def _cases(table: str, open_: dict[str, str]) -> list[object]:
    cases: list[object] = []
    for lang, text in _records(table):
        reason = next((why for value, why in open_.items() if value in text), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(text, marks=marks, id=f"{lang}-{text[:24]}"))
    return cases


@pytest.mark.parametrize("text", _cases(_CLEAN, _OPEN))
def test_catalogue_copy_stays_clean(text: str) -> None:
    assert scan_parameters({"prompt": text, "steps": 30, "seed": 20261206}) == []


@pytest.mark.parametrize("text", _cases(_NAMES, {}))
def test_names_beside_it_are_still_found(text: str) -> None:
    assert {finding.entity for finding in scan_parameters({"prompt": text})} == {"PERSON"}


def test_the_copy_is_written_in_many_languages() -> None:
    assert len({lang for lang, _ in _records(_CLEAN)}) >= 25
