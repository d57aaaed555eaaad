# ruff: noqa: RUF001 - Greek, Cyrillic and other scripts, on purpose
"""The sentences of `corpus_names_world`: per language, how a prompt carries a customer's name (after a
cue, after a bare "for", with no cue at all) and the clean prompts around it (products, places, brands,
holidays, everyday words), written for this corpus, not taken from Faker."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NameSentences:
    """How a prompt in one language carries a name `{n}`, by the kind of cue before it."""

    cued: tuple[str, ...]  # "gift for {n}", "customer: {n}"
    bare: tuple[str, ...]  # "mug for {n}", "{n} için" (a preposition or postposition only)
    plain: tuple[str, ...]  # no cue at all: "{n} in a red dress"
    clean: tuple[str, ...]  # no name: products, places, brands, holidays


SENTENCES: dict[str, NameSentences] = {
    "ru": NameSentences(
        ("подарок для {n}, кружка с надписью", "клиент: {n}", "получатель {n}, открытка"),
        ("футболка для {n}", "кружка для {n} на день рождения"),
        ("Портрет: {n} в костюме, студийный свет", "{n} на фоне моря, мягкий свет", "фото {n} в парке"),
        (
            "Красное платье на манекене, студийный свет",
            "Москва Сити ночью, неоновые огни",
            "подарок для Нового Года, ёлочные игрушки",
            "Кружка для Кофе, белая керамика",
            "Санкт Петербург, Невский проспект, акварель",
            "Кожаная сумка Louis Vuitton на столе",
            "Красная Площадь зимой, открытка",
            "Детская Одежда для Девочек, хлопок",
            "Букет Роз для Мамы, нежные тона",
            "Плюшевый Медведь для Малышей",
            "Ростов Великий, золотые купола",
            "Шарф для Зимы, шерсть Мериноса",
        ),
    ),
    "uk": NameSentences(
        ("подарунок для {n}, чашка", "клієнт: {n}", "отримувач {n}"),
        ("футболка для {n}", "листівка для {n}"),
        ("Портрет {n} у вишиванці", "{n} на тлі Карпат, м'яке світло", "фото {n} у парку"),
        (
            "Вишиванка з червоним орнаментом, студійне світло",
            "Київ вночі, вогні Хрещатика",
            "Чашка для Кави, біла кераміка",
            "Подарунок для Мами, квіти",
            "Карпатські Гори восени, акварель",
            "Шкіряна сумка для Ноутбука",
            "Львівська Кава, вінтажний стиль",
        ),
    ),
    "bg": NameSentences(
        ("подарък за {n}, чаша", "клиент: {n}", "получател {n}"),
        ("тениска за {n}", "картичка за {n}"),
        ("Портрет на {n} в рокля", "{n} на плажа, меко осветление", "снимка на {n} в парка"),
        (
            "Червена рокля, студийно осветление",
            "Стара Загора, акварел",
            "Чаша за Кафе, бяла керамика",
            "Рилски Манастир през зимата",
            "Розово Масло от Казанлък, етикет",
            "Подарък за Коледа, играчки",
        ),
    ),
    "el": NameSentences(
        ("δώρο για {n}, κούπα", "πελάτης: {n}", "παραλήπτης {n}"),
        ("μπλούζα για {n}", "κάρτα για {n}"),
        ("Πορτρέτο: {n} με κοστούμι", "{n} στην παραλία, απαλό φως", "φωτογραφία {n} στο πάρκο"),
        (
            "Λευκό φόρεμα, φως στούντιο",
            "Νέα Υόρκη τη νύχτα, νέον",
            "κούπα για Καφέ, λευκή κεραμική",
            "Άγιος Νικόλαος, ακουαρέλα",
            "δώρο για Χριστούγεννα, στολίδια",
            "Ελαιόλαδο Κρήτης, ετικέτα",
            "Μεγάλη Βρετανία, χάρτης",
            "Ακρόπολη Αθηνών στο ηλιοβασίλεμα",
        ),
    ),
    "tr": NameSentences(
        ("hediye: {n} için kupa", "müşteri: {n}", "alıcı {n}"),
        ("{n} için hediye", "{n} için doğum günü kartı"),
        ("{n} kırmızı elbiseyle, stüdyo ışığı", "{n} portresi, yumuşak ışık"),
        (
            "Kırmızı elbise, stüdyo ışığı",
            "İstanbul Boğazı gece, neon",
            "Anneler Günü için hediye kutusu",
            "Kahve Fincanı, beyaz porselen",
            "Kapadokya Balonları, gün doğumu",
            "Yılbaşı için süsler",
            "Deri Çanta, el yapımı",
        ),
    ),
    "ar": NameSentences(
        ("هدية إلى {n}", "العميل: {n}", "السيد {n}"),
        ("كوب ل{n}", "بطاقة إلى {n}"),
        ("صورة {n} في الحديقة", "{n} بفستان أحمر، إضاءة ناعمة"),
        (
            "فستان أحمر، إضاءة استوديو",
            "برج خليفة في الليل",
            "كوب قهوة من السيراميك الأبيض",
            "هدية عيد الأم، ورود",
            "عطر العود الفاخر، زجاجة ذهبية",
            "كريم الترطيب للبشرة الجافة",
            "مكة المكرمة، لوحة مائية",
            "ساعة يد فضية للرجال",
        ),
    ),
    "he": NameSentences(
        ("מתנה ל{n}", "לקוח: {n}", "לכבוד {n}"),
        ("ספל בשביל {n}", "כרטיס ברכה עבור {n}"),
        ("דיוקן של {n} בחליפה", "{n} על חוף הים, אור רך"),
        (
            "שמלה אדומה, תאורת סטודיו",
            "תל אביב בלילה, ניאון",
            "ספל קפה קרמיקה לבנה",
            "מתנה ליום האם, פרחים",
            "ים המלח בשקיעה",
            "תיק עור בעבודת יד",
            "אור רך, צילום מוצר",
        ),
    ),
    "fa": NameSentences(
        ("هدیه برای {n}", "مشتری: {n}", "گیرنده: {n}"),
        ("لیوان برای {n}",),
        ("پرتره {n} در باغ", "{n} با لباس قرمز، نور نرم"),
        (
            "لباس قرمز، نور استودیو",
            "برج میلاد در شب",
            "فنجان قهوه سرامیکی سفید",
            "هدیه برای روز مادر",
            "فرش دستباف ایرانی، طرح اصفهان",
            "آبی آسمانی، رنگ روغن",
        ),
    ),
    "ja": NameSentences(
        ("{n}様へのプレゼント", "お客様名：{n}", "宛名：{n}"),
        ("{n}さんへのマグカップ",),
        ("{n}の肖像画、スタジオ照明", "{n}、赤いドレス、柔らかい光"),
        (
            "赤いドレス、スタジオ照明",
            "東京タワーの夜景",
            "白い陶器のマグカップ",
            "母の日のプレゼント、花束",
            "高品質、高解像度、商品写真",
            "山田町の風景、水彩画",
            "木村屋のパン、パッケージ",
            "中村橋駅の看板",
        ),
    ),
    "zh": NameSentences(
        ("送给{n}的礼物", "客户：{n}", "收件人：{n}"),
        ("给{n}的马克杯",),
        ("{n}的肖像，工作室灯光", "{n}，红色连衣裙，柔和光线"),
        (
            "红色连衣裙，工作室灯光",
            "高质量，高清，产品摄影",
            "白色陶瓷马克杯",
            "母亲节礼物，花束",
            "黄金项链，奢华风格",
            "王府井夜景，霓虹灯",
            "李宁运动鞋，白色",
            "张家界山水画",
            "周大福黄金手镯",
        ),
    ),
    "ko": NameSentences(
        ("{n}님께 드리는 선물", "고객명: {n}", "받는 사람: {n}"),
        ("{n}에게 머그컵",),
        ("{n} 초상화, 스튜디오 조명", "{n}, 빨간 드레스, 부드러운 빛"),
        (
            "빨간 드레스, 스튜디오 조명",
            "이미지 고화질, 제품 사진",
            "강아지 인형, 부드러운 털",
            "서울 야경, 네온",
            "어머니날 선물, 꽃다발",
            "정사각형 포스터, 미니멀",
            "장난감 자동차, 파란색",
        ),
    ),
    "vi": NameSentences(
        ("quà tặng cho {n}", "khách hàng: {n}", "người nhận: {n}"),
        ("cốc cho {n}",),
        ("Chân dung {n} mặc áo dài", "{n} trên bãi biển, ánh sáng dịu"),
        (
            "Áo dài đỏ, ánh sáng studio",
            "Hà Nội về đêm, đèn neon",
            "Vịnh Hạ Long, màu nước",
            "Cà Phê Sữa Đá, ly thủy tinh",
            "quà tặng cho Ngày của Mẹ",
        ),
    ),
    "id": NameSentences(
        ("hadiah untuk {n}", "pelanggan: {n}", "penerima: {n}"),
        ("kaos untuk {n}",),
        ("Potret {n} memakai batik", "{n} di pantai, cahaya lembut"),
        (
            "Batik Merah, cahaya studio",
            "Candi Borobudur saat matahari terbit",
            "Kopi Luwak, kemasan premium",
            "hadiah untuk Hari Ibu",
            "Jakarta Selatan malam hari",
        ),
    ),
    "pt": NameSentences(
        ("presente para {n}", "cliente: {n}", "destinatário: {n}"),
        ("caneca para {n}",),
        ("Retrato: {n} de vestido vermelho", "{n} na praia, luz suave"),
        (
            "Vestido Vermelho, luz de estúdio",
            "Rio de Janeiro ao pôr do sol",
            "Caneca para Café, cerâmica branca",
            "presente para Dia das Mães",
            "Havaianas Coloridas, verão",
            "São Paulo à noite, neon",
        ),
    ),
    "es": NameSentences(
        ("regalo para {n}", "cliente: {n}", "destinatario: {n}"),
        ("taza para {n}",),
        ("Retrato: {n} con vestido rojo", "{n} en la playa, luz suave"),
        (
            "Vestido Rojo, luz de estudio",
            "Ciudad de México de noche",
            "Taza para Café, cerámica blanca",
            "regalo para Día de las Madres",
            "Día de Muertos, calaveras de azúcar",
            "Playa del Carmen al atardecer",
        ),
    ),
    "en": NameSentences(
        ("gift for {n}", "customer: {n}", "recipient: {n}"),
        ("mug for {n}", "birthday card for {n}"),
        ("{n} in a red saree, studio light", "{n} at the beach, soft light"),
        (
            "Red Saree, studio light",
            "Taj Mahal at sunrise, watercolour",
            "Mug for Coffee Lovers, white ceramic",
            "gift for Diwali, diyas and lights",
            "Lagos Island at night, neon",
            "Royal Enfield motorbike, vintage poster",
        ),
    ),
    "az": NameSentences(
        ("hədiyyə: {n}", "müştəri: {n}"),
        ("{n} üçün hədiyyə",),
        ("{n} qırmızı paltarda, studiya işığı",),
        ("Qırmızı paltar, studiya işığı", "Bakı gecə, neon işıqlar", "Novruz bayramı üçün səbət"),
    ),
    "hi": NameSentences(
        ("{n} के लिए उपहार", "ग्राहक: {n}"),
        ("{n} के लिए मग",),
        ("{n} का चित्र, स्टूडियो रोशनी",),
        ("लाल साड़ी, स्टूडियो रोशनी", "ताज महल सूर्योदय पर", "दिवाली के लिए उपहार"),
    ),
    "th": NameSentences(
        ("ของขวัญสำหรับ {n}", "ลูกค้า: {n}"),
        ("แก้วสำหรับ {n}",),
        ("ภาพเหมือน {n} ในชุดไทย",),
        ("ชุดไทยสีแดง แสงสตูดิโอ", "วัดอรุณยามค่ำ", "ของขวัญวันแม่"),
    ),
}
