"""Albanian: crossings of the Channel sold on TikTok, and the Balkan route through Albania and Kosovo."""

from graph.synth.templates import BenignPhrases, Language

BENIGN = BenignPhrases(
    ferry=(
        "⛴️ {name}: traget çdo ditë {dep} – {dest}. Nisja e radhës {day} {date} në orën {time}, "
        "bileta për pasagjer nga {price}. Bileta online ose në zyrën e portit",
        "Ndryshim orari: trageti i orës {time} nga {dep} për {dest} më {date} anulohet për shkak të "
        "motit. Pasagjerët kalojnë me tragetin e radhës",
        "Pushime me familjen në {dest}? Bileta vajtje-ardhje me traget nga {dep} nga {price} për "
        "person, fëmijët nën 4 vjeç falas. {name}, agjenci e licencuar",
    ),
    school=(
        "Shkolla e gjuhëve {name}: kurse anglishteje në {city}, 20 orë në javë nga {price}. Ju "
        "ndihmojmë me vizën e studentit. Regjistrimet për {date} janë të hapura",
        "Studio në {dest}! Kurse intensive, akomodim me familje, pritje në aeroport. Asistencë për "
        "vizën studentore e përfshirë. Vetëm {n} vende të lira",
        "Test niveli falas këtë {day} te {name}. Përgatitje për IELTS dhe dokumentet e vizës për "
        "studentët që shkojnë në {dest}",
    ),
    cargo=(
        "📦 {name} kargo {dep} ➡️ {dest} çdo javë. Pako nga {price} për 10 kg, derë më derë, me zhdoganim",
        "Doni të dërgoni pako te familja në {dest}? Marrja {day} {date}, dorëzimi brenda {n} ditëve. "
        "Numër gjurmimi për çdo pako",
        "{name}: furgonët nisen për {dest} çdo {day} në orën {time}. Dokumente, ushqime, mobilje. Me "
        "sigurim, pagesa në dorëzim",
    ),
    charity=(
        "Anija jonë e shpëtimit është sërish në det pranë {place}. Javën e kaluar ekuipazhi shpëtoi "
        "{n} njerëz. Çdo dhurim na ndihmon",
        "Vullnetarët e {name} në {city} kanë nevojë për rroba të ngrohta, thasë gjumi dhe qumësht për "
        "foshnja për familjet e ardhura nga {dep}. Dorëzimi {day} në {time}",
        "Fushata e dimrit: {n} njerëz flenë jashtë pranë {place}. Me {price} blihet një tendë dhe "
        "batanije. Organizatë bamirëse e regjistruar",
    ),
    news=(
        "Trafikantët kërkojnë {price} për person për kalimin nga {dep} në {dest}, sipas dëshmive të "
        "mbledhura nga gazetarët tanë në {place}",
        "E FUNDIT: një varkë me {n} persona u përmbys pranë {place} më {date}. Roja bregdetare thotë "
        "se trafikantët i kishin futur në një gomone. Lexo më shumë",
        'Hetim: si shitet kalimi {dep} – {dest} në rrjetet sociale për {price}, me "mbërritje të '
        'garantuar" dhe "pagesë në mbërritje"',
    ),
    jobs=(
        "{name} rekruton: {n} vende pune në magazina dhe bujqësi në {dest}, kontratë ligjore, leje "
        "pune e siguruar nga punëdhënësi. Paga {price} në muaj. Dërgoni CV-në",
        "Vend pune: shoferë me patentë europiane për linjën {dep} – {dest}. Fillimi {date}, akomodim "
        "i siguruar. Agjenci e licencuar, pa tarifa për kandidatët",
        "Punë sezonale në {dest} nga {date}: vjelje frutash dhe hotele, {price} neto. Intervista në "
        "{city} të {day}",
    ),
    registration=(
        "NIPT {number}",
        "Licenca nr. {number}",
        "Nr. regjistrimi {number}",
    ),
    quote_intros=(
        "Një njoftim që gazetarët tanë panë këtë javë thotë:",
        "Ja çfarë publikojnë trafikantët në internet:",
    ),
    contact_lines=(
        "Tel: {phone}",
        "Telefono ose WhatsApp {phone}",
        "Rezervime dhe informacion: {phone}",
    ),
    donation_lines=(
        "Dhuro: {payment}",
        "Na mbështet: {payment}",
    ),
)

LANGUAGE = Language(
    code="sq",
    name="Albanian",
    digit_scripts=("latin",),
    apps=("WhatsApp", "Whatsapp", "WhatsApp", "Viber", "Signal", "Telegram", "whatsapp"),
    country_names={
        "AL": ("Shqipëri", "numër shqiptar"),
        "XK": ("Kosovë", "numër i Kosovës"),
        "GB": ("Angli", "numër anglez"),
        "FR": ("Francë", "numër francez"),
        "BE": ("Belgjikë",),
        "RS": ("Serbi",),
        "BA": ("Bosnjë",),
    },
    handle_labels={},
    places={
        "calais": "Kale",
        "dunkirk": "Dunkerk",
        "boulogne": "Bulonjë",
        "gravelines": "Gravelin",
        "wimereux": "Wimereux",
        "uk": "Angli",
        "london": "Londër",
        "dover": "Dover",
        "belgrade": "Beograd",
        "subotica": "Subotica",
        "bihac": "Bihaq",
        "velika_kladusa": "Velika Kladusha",
        "sarajevo": "Sarajevë",
        "croatia": "Kroaci",
        "slovenia": "Slloveni",
        "trieste": "Trieste",
        "italy": "Itali",
        "austria": "Austri",
        "germany": "Gjermani",
    },
    days=("të hënën", "të martën", "të mërkurën", "të enjten", "të premten", "të shtunën", "të dielën"),
    date_formats=("{d}.{m}", "{dd}.{mm}.{y}", "{d}/{m}"),
    time_formats=("{hh}:{min}", "{h}:{min}"),
    money=(("{amount} euro", 1.0), ("{amount} €", 1.0), ("£{amount}", 0.85), ("{amount} paund", 0.85)),
    thousands=("", ".", ","),
    openers=(
        "🚤 Udhëtim për në {dest} këtë javë. Nisja: {dep}",
        "Ka vende të lira për në {dest}. Nisja nga {dep}",
        "Kush do të shkojë në {dest}? Ju çojmë pa rrezik",
        "Rrugë e re {dep} ➡️ {dest}",
        "Me kamion për në {dest}, i fshehur dhe i sigurt, pa varkë",
        "Ka ende vende për në {dest} këtë javë",
    ),
    pitches=(
        "100% e garantuar, nëse ju kap policia provën e dytë e keni falas",
        "Motor i fortë, varkë e re, jelek shpëtimi për të gjithë",
        "Deti është i qetë këtë javë, shofer me përvojë",
        "Pranohen edhe familjet, fëmijët me gjysmë çmimi",
        "Nuk duhen dokumente, i rregullojmë ne të gjitha",
        "Të besueshëm, shumë njerëz mbërritën muajin e kaluar",
    ),
    departures=(
        "Nisja {day}, {date}, ora {time}",
        "Nisemi {day} në darkë rreth orës {time}",
        "Udhëtimi tjetër më {date}, vendi i takimit jepet po atë ditë",
    ),
    seats=("Kanë mbetur vetëm {n} vende", "{n} vende të lira", "Maksimumi {n} veta në varkë"),
    prices=(
        "Çmimi {price} për person",
        "{price} për person, gjysma para, pjesa tjetër kur të mbërrini",
        "Kushton {price}, paguani kur të arrini",
    ),
    phone_lines=(
        "Kontakt {app} {phone}",
        "Na shkruani në {app} {phone}",
        "📞 {app}: {phone}",
        "Për rezervime {app} {phone}",
        "Telefononi {phone}",
    ),
    new_number_lines=(
        "⚠️ NUMËR I RI {app} {phone}, numri i vjetër do të mbyllet së shpejti",
        "Numri ynë ndryshoi, {app} i ri: {phone}",
    ),
    handle_lines=("Na ndiqni {handle}", "Më shumë info {handle}", "Shkruani në privat {handle}"),
    new_account_lines=(
        "Faqja jonë e vjetër u mbyll, ndiqni faqen e re {handle}",
        "Llogari e re {handle}, e vjetra u bllokua",
    ),
    payment_lines=("Kapari: {payment}", "Pagesa me {payment}", "Dërgoni kaparin te {payment}"),
    email_lines=("Email {email}", "Na shkruani në {email}"),
    site_lines=("Faqja jonë {site}", "Rezervime online {site}"),
    hub_lines={
        "hotline": ("Për urgjenca në det: {hub}", "Linja e urgjencës {hub}"),
        "famous": ("{hub}", "shikoni {hub}"),
        "aggregator": ("Të gjitha linqet tona: {hub}", "Linqet {hub}"),
    },
    bumps=("UP", "🔝 Ka ende vende", "Vendet e fundit!", "Nisemi patjetër këtë javë"),
    hashtags=("#udhetim #europa", "#rruga"),
    travel=(
        "✈️ {name} Travel: bileta avioni për në {dest} nga {price}, rezervime hotelesh, sigurime "
        "udhëtimi. Tel {phone}",
        "Pushime verore në Sarandë dhe Durrës, oferta për familje. Informacion {phone}",
        "Oferta: {dest} 7 netë me avion, {price} për person. Rezervoni në {phone}",
    ),
    jobs=(
        "Kërkohet kamarier dhe ndihmës kuzhinier për restorant në {city}, paga {price} në muaj. "
        "Kontakt {phone}",
        "Kërkohen {n} punëtorë ndërtimi në {city}, fillon më {date}. Tel {phone}",
        "Kërkohet shitëse për dyqan në {city}, orari 8:00 deri 16:00. {phone}",
    ),
    rentals=(
        "Jepet me qira apartament 1+1 në {city}, {price} në muaj. {phone}",
        "Dhomë me qira për studentë në {city}, e lirë nga {date}. {phone}",
        "Jepet me qira dyqan në qendër të {city}, {price}. Telefononi pas orës {time} {phone}",
    ),
    news=(
        "{n} persona u shpëtuan në det më {date}. Kushdo që ka informacion për trafikantët mund të "
        "telefonojë linjën {phone}",
        "Kujdes nga agjencitë e rreme të udhëtimit. Denonconi trafikantët në {phone}",
        "Një varkë me {n} persona u ndal afër {place}. Linja e informacionit {phone}",
    ),
    chatter=(
        "A e di dikush sa kushton tani rruga për në {dest}? Kam dëgjuar {price}",
        "Kujdes vëllezër, deti është i rrezikshëm këtë javë, u kthyen {n} varka",
        "Kush është në {place} sonte? Jemi {n} veta, presim që nga {date}",
    ),
    holiday_places=("Stamboll", "Antalia", "Dubai", "Romë", "Vjenë", "Athinë"),
    cities={
        "AL": ("Tiranë", "Durrës", "Shkodër", "Vlorë", "Elbasan"),
        "XK": ("Prishtinë", "Prizren", "Pejë"),
        "GB": ("Londër", "Birmingham"),
    },
    agency_names=("Adriatik", "Iliria", "Eagle", "Dardania", "Albatros"),
    person_names=("Arben Hoxha", "Besnik", "Dritan K.", "Elira", "Gent Shehu", "Ardit"),
    latin_names=("arben", "besnik", "dritan", "elira", "gent", "ardit", "klodi"),
    brand_stems=("rruga", "udhetim", "angli", "londra", "shqipe", "kale", "shpejt", "sigurt"),
    brand_names=("Rruga e Sigurt", "Udhëtime Angli", "Londra Express", "Shqiponja Travel"),
    benign=BENIGN,
)
