"""Turkish: the Aegean coast, where crossings to the Greek islands are sold."""

from graph.synth.templates import BenignPhrases, Language

BENIGN = BenignPhrases(
    ferry=(
        "⛴️ {name}: {dep} – {dest} arası her gün feribot seferi. Sonraki sefer {day} {date} saat "
        "{time}, yolcu bileti {price} fiyatla. Biletler online veya liman gişesinde",
        "Sefer değişikliği: {date} tarihli saat {time} {dep} – {dest} seferi hava muhalefeti "
        "nedeniyle iptal edilmiştir. Yolcularımız bir sonraki feribota aktarılacaktır",
        "{dest} tatili için {dep} çıkışlı gidiş-dönüş feribot bileti kişi başı {price}, 4 yaş altı "
        "ücretsiz. {name} TÜRSAB belgeli acente",
    ),
    school=(
        "{name} Dil Okulu: {city} şubemizde İngilizce kursları, haftada 20 saat {price}. Öğrenci "
        "vizesi başvurusunda destek veriyoruz. {date} dönemi kayıtları açıldı",
        "Yurt dışında eğitim, hedef {dest}! Yoğun kurslar, aile yanında konaklama, havalimanı "
        "karşılama. Öğrenci vizesi danışmanlığı dahil. Son {n} kontenjan",
        "{name} okulunda {day} günü ücretsiz seviye tespit sınavı. {dest} için IELTS hazırlık ve vize evrakı",
    ),
    cargo=(
        "📦 {name} Kargo {dep} ➡️ {dest} her hafta. 10 kg koli {price}, kapıdan kapıya, gümrük "
        "işlemleri dahil",
        "Ailenize {dest} adresine koli mi göndereceksiniz? {day} {date} teslim alım, {n} günde "
        "teslimat. Her koli için takip numarası",
        "{name}: {dest} araçlarımız her {day} saat {time} yola çıkıyor. Evrak, gıda, eşya. Sigortalı, "
        "ödeme teslimatta",
    ),
    charity=(
        "Kurtarma gemimiz yeniden {place} açıklarında. Geçen hafta ekibimiz {n} kişiyi güvenle karaya "
        "çıkardı. Her bağış önemli",
        "{name} gönüllüleri {city} merkezinde, {dep} üzerinden gelen aileler için mont, uyku tulumu "
        "ve bebek maması topluyor. Teslim {day} saat {time}",
        "Kış kampanyası: {place} yakınlarında {n} kişi açıkta uyuyor. {price} ile bir çadır ve "
        "battaniye alınabiliyor. Kayıtlı dernek, göçmenlerden hiçbir ücret istemiyoruz",
    ),
    news=(
        "Muhabirlerimizin {place} bölgesinde görüştüğü göçmenlere göre kaçakçılar {dep} – {dest} "
        "geçişi için kişi başı {price} istiyor",
        "SON DAKİKA: {place} açıklarında {date} tarihinde {n} kişiyi taşıyan lastik bot battı. Sahil "
        "Güvenlik: kaçakçılar göçmenleri bota sıkıştırmış. Haberin devamı",
        'Dosya: {dep} – {dest} geçişi sosyal medyada {price} karşılığında, "garantili varış" ve '
        '"varınca ödeme" vaadiyle nasıl satılıyor',
    ),
    jobs=(
        "{name} İnsan Kaynakları: {dest} bölgesinde depo ve tarım sektöründe {n} kişilik iş imkanı, "
        "yasal sözleşme, çalışma izni işveren tarafından. Maaş aylık {price}. CV gönderin",
        "İş ilanı: {dep} – {dest} hattı için AB ehliyetli tır şoförleri aranıyor. Başlangıç {date}, "
        "konaklama sağlanır. Lisanslı özel istihdam bürosu, adaylardan ücret alınmaz",
        "{dest} bölgesinde {date} itibarıyla mevsimlik iş: meyve toplama ve otel, net {price}. "
        "Mülakatlar {day} günü {city} ofisimizde",
    ),
    registration=(
        "Ticaret sicil no: {number}",
        "TÜRSAB belge no: {number}",
        "İzin belgesi no: {number}",
    ),
    quote_intros=(
        "Muhabirlerimizin bu hafta gördüğü bir ilan şöyle:",
        "Kaçakçıların internette paylaştığı ilanlardan biri:",
    ),
    contact_lines=(
        "Tel: {phone}",
        "Arayın veya WhatsApp {phone}",
        "Rezervasyon ve bilgi: {phone}",
    ),
    donation_lines=(
        "Bağış: {payment}",
        "Bize destek olun: {payment}",
    ),
)

LANGUAGE = Language(
    code="tr",
    name="Turkish",
    digit_scripts=("latin",),
    apps=("WhatsApp", "Whatsapp", "WhatsApp", "Telegram", "Signal", "whatsapp"),
    country_names={
        "TR": ("Türkiye", "Türkiye hattı"),
        "GR": ("Yunanistan", "Yunan hattı"),
        "IR": ("İran",),
        "AF": ("Afganistan",),
    },
    handle_labels={},
    places={
        "izmir": "İzmir",
        "bodrum": "Bodrum",
        "ayvalik": "Ayvalık",
        "cesme": "Çeşme",
        "kusadasi": "Kuşadası",
        "greece": "Yunanistan",
        "lesbos": "Midilli",
        "samos": "Sisam",
        "kos": "İstanköy",
        "chios": "Sakız Adası",
        "athens": "Atina",
        "italy": "İtalya",
    },
    days=("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"),
    date_formats=("{dd}.{mm}.{y}", "{d}.{m}", "{dd}/{mm}"),
    time_formats=("{hh}:{min}", "{hh}.{min}"),
    money=(("{amount} €", 1.0), ("{amount} Euro", 1.0), ("{amount} dolar", 1.1), ("{amount} TL", 38.0)),
    thousands=(".", ""),
    openers=(
        "🚤 {dep} – {dest} geçiş, bu hafta",
        "{dest} için yer var, kalkış noktası {dep}",
        "Yeni sefer: {dep} ➡️ {dest}",
        "Güvenli geçiş, {dep} çıkışlı, varış {dest}",
        "Büyük tekne ile {dest} yolculuğu, kişi sayısı sınırlı",
    ),
    pitches=(
        "%100 garantili, polis yakalarsa ikinci deneme ücretsiz",
        "Güçlü motor, yeni bot, herkese can yeleği",
        "Bu hafta deniz sakin, kaptan tecrübeli",
        "Aileler kabul edilir, çocuklar yarı fiyat",
        "Evrak gerekmez, her şeyi biz ayarlıyoruz",
        "Güvenilir ekip, geçen ay birçok grup karşıya geçti",
    ),
    departures=(
        "Kalkış {day} {date} saat {time}",
        "{day} gecesi saat {time} civarı hareket",
        "Sonraki sefer {date}, buluşma yeri aynı gün bildirilir",
    ),
    seats=("Sadece {n} kişilik yer kaldı", "Kapasite {n} kişi", "Son {n} yer"),
    prices=("Fiyat kişi başı {price}", "Ücret {price}, yarısı önce yarısı varınca", "Kişi başı {price}"),
    phone_lines=(
        "İletişim {app} {phone}",
        "Bilgi için {app}: {phone}",
        "📞 {app} {phone}",
        "Arayın veya {app} yazın: {phone}",
        "Rezervasyon için arayın {phone}",
    ),
    new_number_lines=(
        "⚠️ YENİ NUMARA {app} {phone}, eski numara yakında kapanacak",
        "Numaramız değişti, yeni {app}: {phone}",
    ),
    handle_lines=("Bizi takip edin {handle}", "Detaylar için {handle}", "DM {handle}"),
    new_account_lines=(
        "Eski sayfamız kapatıldı, yeni sayfayı takip edin {handle}",
        "Yeni hesap {handle}, eskisi engellendi",
    ),
    payment_lines=("Kapora: {payment}", "Ödeme {payment} ile", "Kapora için hesap: {payment}"),
    email_lines=("E-posta {email}", "Mail: {email}"),
    site_lines=("Web sitemiz {site}", "Online rezervasyon {site}"),
    hub_lines={
        "hotline": ("Denizde acil durum: {hub}", "Acil hat {hub}"),
        "famous": ("{hub}", "bakınız {hub}"),
        "aggregator": ("Tüm linklerimiz: {hub}", "Linkler {hub}"),
    },
    bumps=("UP", "🔝 Hâlâ yer var", "Son yerler!", "Bu hafta kesin çıkış"),
    hashtags=("#avrupa #geçiş", "#yolculuk"),
    travel=(
        "✈️ {name} Turizm: {dest} uçak biletleri, otel rezervasyonu, vize randevusu. Fiyat {price}. "
        "Tel: {phone}",
        "Kapadokya ve Karadeniz turları, her hafta hareket. Bilgi ve rezervasyon {phone}",
        "Yaz fırsatı: {dest} 7 gece uçak dahil kişi başı {price}. {phone}",
    ),
    jobs=(
        "{city} bölgesinde restoran için bulaşıkçı ve garson aranıyor, aylık {price}. İletişim {phone}",
        "İnşaat işçisi aranıyor, {n} kişi, {city}. Tel {phone}",
        "Tekstil atölyesine makinacı alınacaktır, {city}, başlangıç {date}. {phone}",
    ),
    rentals=(
        "{city} merkezde kiralık 2+1 daire, aylık {price}. {phone}",
        "Öğrenciye kiralık eşyalı oda, {city}, {date} itibarıyla boş. {phone}",
        "Sahibinden kiralık dükkan, {city}, {price}. Saat {time} sonrası arayın {phone}",
    ),
    news=(
        "{place} açıklarında {date} tarihinde {n} düzensiz göçmen kurtarıldı. Göçmen kaçakçılarıyla ilgili "
        "bilgisi olanlar {phone} hattını arayabilir",
        "Sahte seyahat acentelerine dikkat. Göçmen kaçakçılığını {phone} hattına bildirin",
        "{place} yakınlarında {n} kişilik lastik bot yakalandı. Bilgi hattı {phone}",
    ),
    chatter=(
        "{dest} geçişi şimdi ne kadar bilen var mı? {price} dediler",
        "Arkadaşlar dikkat, bu hafta deniz çok kötü, {n} bot geri döndü",
        "Bu gece {place} tarafında olan var mı? {n} kişiyiz, {date} tarihinden beri bekliyoruz",
    ),
    holiday_places=("Antalya", "Kapadokya", "Trabzon", "Bakü", "Tiflis", "Dubai"),
    cities={"TR": ("İstanbul", "İzmir", "Ankara", "Bursa", "Antalya", "Konya")},
    agency_names=("Ege", "Yıldız", "Anadolu", "Mavi Yol", "Boğaziçi"),
    person_names=("Mehmet Kaya", "Ahmet", "Emre Yılmaz", "Ali Çelik", "Murat", "Ayşe Demir"),
    latin_names=("mehmet", "ahmet", "emre", "ali.celik", "murat", "ayse"),
    brand_stems=("ege", "gecis", "deniz", "yolculuk", "mavi", "bodrum", "izmir", "avrupa"),
    brand_names=("Ege Geçiş", "Avrupa Yolu", "Mavi Deniz", "Güvenli Geçiş"),
    benign=BENIGN,
)
