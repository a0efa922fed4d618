"""Tigrinya: Eritreans crossing from Libya to Italy."""

from graph.synth.templates import BenignPhrases, Language

BENIGN = BenignPhrases(
    ferry=(
        "⛴️ {name}: መዓልታዊ ጉዕዞ መርከብ {dep} – {dest}። ዝቕጽል ጉዕዞ {day} {date} ሰዓት {time}፣ ቲኬት ካብ {price}። "
        "ብኦንላይን ወይ ኣብ ቤት ጽሕፈት ወደብ",
        "ለውጢ ሰሌዳ፦ ናይ {date} ሰዓት {time} መርከብ ካብ {dep} ናብ {dest} ብሰንኪ ኩነታት ኣየር ተሰሪዙ። ተጓዓዝቲ ብዝቕጽል መርከብ ክጓዓዙ እዮም",
        "ናይ ስድራ ዕረፍቲ ኣብ {dest}? ቲኬት መርከብ ካብ {dep} ንሓደ ሰብ ካብ {price}፣ ቆልዑ ብነጻ። {name} ፍቓድ ዘለዎ ኤጀንሲ",
    ),
    school=(
        "ቤት ትምህርቲ ቋንቋ {name}: ኮርስ እንግሊዝኛ ኣብ {city}፣ ካብ {price}። ንቪዛ ተምሃራይ ንሕግዝ። ምዝገባ ን{date} ክፉት እዩ",
        "ኣብ {dest} ተማሃር! ጽዑቕ ኮርሳት፣ መንበሪ ምስ ስድራ፣ ኣቀባብላ ኣብ መዕርፎ ነፈርቲ። ምኽሪ ቪዛ ትምህርቲ ሓዊሱ። {n} ቦታታት ጥራይ ተሪፎም",
        "ብነጻ ፈተና ደረጃ {day} ኣብ {name}። ምድላው IELTS ን ሰነዳት ቪዛ ን ተምሃሮ {dest}",
    ),
    cargo=(
        "📦 ካርጎ {name} ካብ {dep} ➡️ {dest} ኩሉ ሰሙን። ጥቕላል ካብ {price} ን 10 ኪሎ፣ ክሳብ ገዛ",
        "ንስድራኹም ኣብ {dest} ጥቕላል ክትሰዱ ደሊኹም? ምቕባል {day} {date}፣ ኣብ {n} መዓልታት ይበጽሕ። ንነፍሲ ወከፍ ጥቕላል ቁጽሪ ምክትታል",
        "{name}: መኻይንና ኩሉ {day} ሰዓት {time} ናብ {dest} ይብገሳ። ሰነዳት፣ መግቢ፣ ኣቑሑት። ብውሕስና፣ ክፍሊት ኣብ ምብጻሕ",
    ),
    charity=(
        "መርከብ ድሕነትና ኣብ ጥቓ {place} ናብ ባሕሪ ተመሊሳ። ዝሓለፈ ሰሙን ሰራሕተኛታትና {n} ሰባት ኣድሒኖም። ነፍሲ ወከፍ ወፈያ ኣገዳሲ እዩ",
        "ወለንተኛታት {name} ኣብ {city} ንስድራቤታት ካብ {dep} ዝመጻ ዉዑይ ክዳን፣ መደቀሲ ሳንጣን ጸባ ህጻናትን የድልዮም። {day} ሰዓት {time}",
        "ጻውዒት ክረምቲ፦ ኣብ ጥቓ {place} {n} ሰባት ኣብ ደገ ይድቅሱ። ብ{price} ድንኳንን ኮበርታን ይግዛእ። ዝተመዝገበ ግብረ ሰናይ ትካል",
    ),
    news=(
        "ጋዜጠኛታትና ኣብ {place} ዘዘራረብዎም ስደተኛታት ከም ዝበልዎ፣ ኮንትሮባንዲስት ካብ {dep} ናብ {dest} ንሓደ ሰብ {price} ይሓቱ",
        "ህጹጽ ዜና፦ {n} ሰባት ዝጸዓነት ጃልባ ኣብ ጥቓ {place} ብ{date} ተገልቢጣ። ሓለውቲ ገማግም ከም ዝበልዎ ኮንትሮባንዲስት ኣብ ናይ ንፋስ "
        "ጃልባ ጸቒጦምዎም። ተወሳኺ ኣንብቡ",
        "መጽናዕቲ፦ ጉዕዞ {dep} – {dest} ኣብ ማሕበራዊ መራኸቢ ብ{price} ከመይ ከም ዝሽየጥ",
    ),
    jobs=(
        "{name} ይቖጽር፦ ኣብ {dest} {n} ስራሓት መኽዘንን ሕርሻን፣ ሕጋዊ ውዕል፣ ፍቓድ ስራሕ ብወሃቢ ስራሕ። ደሞዝ {price} ብወርሒ። CV ስደዱ",
        "ፍቓድ ምዝዋር ኤውሮጳ ዘለዎም መራሕቲ መኪና ንመስመር {dep} – {dest} ንደሊ። መጀመርታ {date}፣ መንበሪ ይወሃብ። ፍቓድ ዘለዎ ኤጀንሲ",
        "ወቕታዊ ስራሕ ኣብ {dest} ካብ {date}: ምእካብ ፍረታትን ሆቴላትን፣ {price}። ቃለ መሕትት ኣብ {city} {day}",
    ),
    registration=(
        "ቁጽሪ ምዝገባ {number}",
        "ቁጽሪ ፍቓድ {number}",
        "ምዝገባ ትካል {number}",
    ),
    quote_intros=(
        "ጋዜጠኛታትና ኣብዚ ሰሙን ዝረኸብዎ መወዓውዒ፦",
        "ኮንትሮባንዲስት ኣብ ኢንተርነት ዝዝርግሕዎ፦",
    ),
    contact_lines=(
        "ስልኪ: {phone}",
        "ደውሉ ወይ WhatsApp {phone}",
        "ንምዝገባን ሓበሬታን: {phone}",
    ),
    donation_lines=(
        "ወፈያ: {payment}",
        "ደግፉና: {payment}",
    ),
)

LANGUAGE = Language(
    code="ti",
    name="Tigrinya",
    digit_scripts=("latin",),
    # App names are mostly written in Latin letters; ዋትስኣፕ is the Ge'ez spelling.
    apps=("WhatsApp", "WhatsApp", "Viber", "imo", "ዋትስኣፕ", "Telegram"),
    country_names={
        "ER": ("ኤርትራ",),
        "LY": ("ሊብያ",),
        "IT": ("ጣልያን",),
        "TN": ("ቱኒዝያ",),
    },
    handle_labels={},
    places={
        "zuwara": "ዙዋራ",
        "sabratha": "ሳብራታ",
        "tripoli": "ትሪፖሊ",
        "sfax": "ስፋክስ",
        "benghazi": "ቤንጋዚ",
        "lampedusa": "ላምፐዱሳ",
        "italy": "ጣልያን",
        "sicily": "ሲሲሊ",
    },
    days=("ሰኑይ", "ሰሉስ", "ረቡዕ", "ሓሙስ", "ዓርቢ", "ቀዳም", "ሰንበት"),
    date_formats=("{d}/{m}", "{d}/{m}/{y}"),
    time_formats=("{h}:{min}", "{h}"),
    money=(("{amount} ዶላር", 1.1), ("{amount}$", 1.1), ("{amount} ዩሮ", 1.0), ("{amount} ናቕፋ", 17.0)),
    thousands=("", ","),
    openers=(
        "🚤 ካብ {dep} ናብ {dest} ጉዕዞ፡ ኣብዚ ሰሙን",
        "ናብ {dest} ንምኻድ ቦታ ኣሎ፡ ምብጋስ ካብ {dep}",
        "ናብ {dest} ክትከዱ እትደልዩ፡ ካብ {dep} ብውሑስ ነብጽሓኩም",
        "ዓባይ ጃልባ ካብ {dep} ናብ {dest}፡ ቁጽሪ ሰባት ውሱን እዩ",
        "ሓድሽ ጉዕዞ {dep} ➡️ {dest}",
    ),
    pitches=(
        "100% ውሑስ፡ ፖሊስ እንተሒዙኩም ካልኣይ ፈተነ ብነጻ",
        "ሓያል ሞተር፡ ሓድሽ ጃልባ፡ ንኹሉ ሰብ ናይ ህይወት ጃኬት ኣሎ",
        "ኣብዚ ሰሙን ባሕሪ ህዱእ እዩ፡ ካፒቴን ተመኩሮ ኣለዎ",
        "ስድራቤት ንቕበል፡ ቆልዑ ፍርቂ ዋጋ",
        "ወረቐት ኣየድልን፡ ኩሉ ንሕና ነዳሉ",
        "እሙናት ኢና፡ ዝሓለፈ ወርሒ ብዙሓት ሰባት በጺሖም",
    ),
    departures=(
        "ምብጋስ {day} {date} ሰዓት {time}",
        "{day} ለይቲ ኣስታት ሰዓት {time} ንብገስ",
        "ዝመጽእ ጉዕዞ {date}፡ መራኸቢ ቦታ ኣብታ መዓልቲ ይንገረኩም",
    ),
    seats=("{n} ቦታ ጥራይ ተሪፉ", "ዝለዓለ {n} ሰባት ኣብ ሓንቲ ጃልባ"),
    prices=("ዋጋ {price} ንሓደ ሰብ", "{price}፡ ፍርቁ ቅድሚ ምብጋስ፡ ፍርቁ ድሕሪ ምብጻሕ"),
    phone_lines=(
        "ንሓበሬታ {app} {phone}",
        "ርኸቡና ብ{app} {phone}",
        "📞 {app}: {phone}",
        "ደውሉልና {phone}",
    ),
    new_number_lines=(
        "⚠️ ሓድሽ ቁጽሪ {app} {phone}፡ እቲ ናይ ቀደም ቁጽሪ ቀልጢፉ ክዕጾ እዩ",
        "ቁጽርና ተቐይሩ፡ ሓድሽ {app}: {phone}",
    ),
    handle_lines=("ተኸተሉና {handle}", "ተወሳኺ ሓበሬታ {handle}"),
    new_account_lines=("ናይ ቀደም ገጽና ተዓጽዩ፡ ነቲ ሓድሽ ተኸተሉ {handle}", "ሓድሽ ኣካውንት {handle}"),
    payment_lines=("ቅድመ ክፍሊት {payment}", "ክፍሊት ብ {payment}"),
    email_lines=("ኢመይል {email}",),
    site_lines=("ዌብሳይት {site}",),
    hub_lines={
        "hotline": ("ኣብ ባሕሪ ህጹጽ ሓገዝ {hub}",),
        "famous": ("{hub}",),
        "aggregator": ("ኩሉ ሊንክታትና {hub}",),
    },
    bumps=("UP", "🔝 ገና ቦታ ኣሎ", "ናይ መወዳእታ ቦታታት!"),
    hashtags=("#ኤውሮጳ", "#europe"),
    travel=(
        "✈️ {name} ትራቨል ኤጀንሲ፡ ናብ {dest} ቲኬት ነፋሪት ካብ {price}፡ ሆቴል ምሕጻይ። ስልኪ {phone}",
        "ናብ {dest} ቪዛን ቲኬትን ብሕሱር ዋጋ። {phone}",
    ),
    jobs=(
        "ኣብ {city} ንቤት መግቢ ሰራሕተኛታት ይድለዩ፡ ደሞዝ {price} ኣብ ወርሒ። {phone}",
        "{n} ሰራሕተኛታት ንህንጻ ይድለዩ፡ {city}። ስልኪ {phone}",
    ),
    rentals=(
        "ኣብ {city} ገዛ ንኪራይ፡ ክልተ ክፍሊ፡ {price} ኣብ ወርሒ። {phone}",
        "ኣብ {city} ክፍሊ ንኪራይ፡ ካብ {date} ጀሚሩ ባዶ እዩ። {phone}",
    ),
    news=(
        "ኣብ ጥቓ {place} {n} ሰባት ካብ ባሕሪ ድሒኖም ({date})። ብዛዕባ ኮንትሮባንዲስት ሓበሬታ እንተለኩም ናብ {phone} ደውሉ",
        "ካብ ሓሰውቲ ኤጀንሲታት ተጠንቀቑ። ኮንትሮባንዲስት ናብ {phone} ሓብሩ",
    ),
    chatter=(
        "ሕጂ ናብ {dest} ክንደይ ይኸፍል ዝፈልጥ ኣሎ ዶ? {price} ሰሚዐ",
        "ኣሕዋት ተጠንቀቑ፡ ኣብዚ ሰሙን ባሕሪ ሓደገኛ እዩ፡ {n} ጃልባታት ተመሊሰን",
    ),
    holiday_places=("ካይሮ", "ዱባይ", "ኣዲስ ኣበባ", "ኻርቱም"),
    cities={
        "ER": ("ኣስመራ", "ከረን", "ምጽዋዕ"),
        "LY": ("ትሪፖሊ", "ቤንጋዚ"),
    },
    agency_names=("ሰላም", "ሓበሻ", "ኤደን", "ዘመን"),
    person_names=("ተስፋይ", "ዮናስ ገብረ", "ሳባ", "ዳዊት", "ሄለን", "ሚኪኤል"),
    latin_names=("tesfay", "yonas", "saba", "dawit", "helen", "mikiel"),
    brand_stems=("habesha", "asmara", "selam", "italia", "eden", "zemen"),
    brand_names=("ሓበሻ ትራቨል", "ሰላም ጉዕዞ", "ጉዕዞ ጣልያን"),
    benign=BENIGN,
)
