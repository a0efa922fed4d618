"""English: the Channel route's lingua franca, and the language of many agencies and newsrooms."""

from graph.synth.templates import BenignPhrases, Language

BENIGN = BenignPhrases(
    ferry=(
        "⛴️ {name}: daily ferry {dep} – {dest}. Next sailing {day} {date} at {time}, foot passengers "
        "from {price}. Tickets online or at the port office",
        "Timetable change: the {time} sailing from {dep} to {dest} on {date} is cancelled due to "
        "weather. Passengers move to the next boat, refunds at the ticket desk",
        "Family trip to {dest}? Return boat tickets from {dep} from {price} per person, children "
        "under 4 travel free. Book with {name}, licensed tour operator",
        "Last cabins for {dest} this week! The {name} ferry leaves {dep} on {day} at {time}. Passport "
        "or ID card required at check-in",
    ),
    school=(
        "{name} language school: English courses in {city}, 20 hours a week from {price}. We help "
        "with the student visa letter. Enrolment open for {date}",
        "Study in {dest}! Intensive courses, host families, airport pick-up. Student visa support "
        "included. Only {n} places left in the {date} intake",
        "Free placement test at {name} this {day}. IELTS preparation and visa documents for students "
        "going to {dest}",
    ),
    cargo=(
        "📦 {name} cargo {dep} ➡️ {dest} every week. Parcels from {price} per 10 kg, door to door, "
        "customs cleared",
        "Sending boxes to family in {dest}? Collection {day} {date}, delivery in {n} days. Tracking "
        "number for every parcel",
        "{name}: vans leave for {dest} every {day} at {time}. Documents, food, furniture. Insured, "
        "pay on delivery",
    ),
    charity=(
        "Our rescue ship is back at sea off {place}. Last week the crew brought {n} people to safety. "
        "Every donation keeps it running",
        "{name} volunteers in {city} need warm clothes, sleeping bags and baby milk for families "
        "arriving from {dep}. Drop-off {day} at {time}",
        "Winter appeal: {n} people are sleeping outside near {place}. {price} buys a tent and "
        "blankets. We are a registered charity and never ask migrants for money",
    ),
    news=(
        "Smugglers are charging {price} per person for the crossing from {dep} to {dest}, according "
        "to people interviewed by our reporters in {place}",
        "BREAKING: a boat with {n} people on board capsized off {place} on {date}. The coastguard "
        "says smugglers packed them into an inflatable dinghy. Read more",
        "Investigation: how the trip from {dep} to {dest} is sold on social media for {price}, with "
        '"guaranteed arrival" and "payment on arrival"',
        "{n} arrivals in {dest} this week as calm weather returns. Police arrested two suspected "
        "smugglers in {dep}",
    ),
    jobs=(
        "{name} recruitment: {n} warehouse and farm jobs in {dest}, legal contract, work permit "
        "sponsored by the employer. Salary {price} a month. Send your CV",
        "Vacancy: HGV drivers with an EU licence for the {dep} – {dest} route. Start {date}, "
        "accommodation provided. Registered agency, no fees for candidates",
        "Seasonal work in {dest} from {date}: fruit picking and hotels, {price} net. Interviews in "
        "{city} on {day}",
    ),
    registration=(
        "Company No. {number}",
        "Licensed operator, licence {number}",
        "Registration no. {number}",
    ),
    quote_intros=(
        "An advert seen by our reporters this week reads:",
        "This is what the smugglers post online:",
    ),
    contact_lines=(
        "Tel: {phone}",
        "Call or WhatsApp {phone}",
        "Bookings and information: {phone}",
    ),
    donation_lines=(
        "Donate: {payment}",
        "Support our work: {payment}",
    ),
)

LANGUAGE = Language(
    code="en",
    name="English",
    digit_scripts=("latin",),
    apps=("WhatsApp", "Whatsapp", "WhatsApp", "WA", "Viber", "Signal", "Telegram", "whatsapp"),
    country_names={
        "GB": ("UK number", "UK", "England", "British number"),
        "FR": ("France", "French number"),
        "BE": ("Belgium", "Belgian number"),
        "AL": ("Albania", "Albanian number"),
        "IT": ("Italy",),
        "VN": ("Vietnam",),
    },
    handle_labels={},
    places={
        "calais": "Calais",
        "dunkirk": "Dunkirk",
        "boulogne": "Boulogne",
        "gravelines": "Gravelines",
        "wimereux": "Wimereux",
        "uk": "the UK",
        "london": "London",
        "dover": "Dover",
    },
    days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    date_formats=("{d}/{m}", "{dd}/{mm}", "{d}.{m}.{y}", "{dd}/{mm}/{y}"),
    time_formats=("{h}:{min}", "{hh}:{min}", "{hh}.{min}"),
    money=(("£{amount}", 0.85), ("{amount} euros", 1.0), ("€{amount}", 1.0), ("{amount} GBP", 0.85)),
    thousands=(",", ""),
    openers=(
        "🚤 Trip to {dest} from {dep} this week",
        "Boat to {dest} leaving from {dep}, places available",
        "Going to {dest}? We take you from {dep} safely",
        "NEW TRIP {dep} ➡️ {dest}",
        "Crossing to {dest}, small group, experienced driver",
        "Lorry to {dest} from {dep}, hidden and safe, no boat",
        "Still places for {dest} this week, leaving from {dep}",
    ),
    pitches=(
        "100% guaranteed, if police stop you the second try is free",
        "Strong engine, new boat, life jackets for everyone",
        "Good weather this week, the sea is calm",
        "Families welcome, children half price",
        "No papers needed, we arrange everything",
        "Trusted, many people arrived last month",
        "Safe and fast, we pick you up from the camp",
    ),
    departures=(
        "Leaving {day} {date} at {time}",
        "Departure {day} night around {time}",
        "Next trip {date}, the meeting point is sent on the day",
    ),
    seats=("Only {n} places left", "{n} places available", "Max {n} people per boat"),
    prices=(
        "Price {price} per person",
        "{price} each, half before, half after arrival",
        "Cost {price}, pay when you arrive",
    ),
    phone_lines=(
        "Contact {app} {phone}",
        "Call or {app}: {phone}",
        "📞 {app} {phone}",
        "Message us on {app} for details: {phone}",
        "For booking call {phone}",
    ),
    new_number_lines=(
        "⚠️ NEW NUMBER {app} {phone}, the old number closes soon",
        "Our number changed, new {app}: {phone}",
    ),
    handle_lines=("Follow us {handle}", "More info {handle}", "DM {handle}", "Join our channel {handle}"),
    new_account_lines=(
        "Our old page was closed, follow the new one {handle}",
        "New account {handle}, the old one was blocked",
    ),
    payment_lines=("Deposit: {payment}", "Payment by {payment}", "Send the deposit to {payment}"),
    email_lines=("Email {email}", "Write to {email}"),
    site_lines=("Website {site}", "Book online {site}"),
    hub_lines={
        "hotline": ("Emergency at sea call {hub}", "In danger at sea? {hub}"),
        "famous": ("{hub}", "as seen on {hub}"),
        "aggregator": ("All our links {hub}", "Links: {hub}"),
    },
    bumps=("UP", "🔝 still available", "Last places!", "Still leaving this week"),
    hashtags=("#travel #europe", "#boat #trip", "#crossing"),
    travel=(
        "✈️ Cheap flights to {dest} from {price}. Visa appointments, hotel booking and travel insurance. "
        "Call {phone}",
        "{name}: holidays and family visits to {dest}, all documents legal. Office open 9:00 to 18:00. "
        "Tel {phone}",
        "Summer deal: 7 nights in {dest} with flights from {price} per person. Book on {phone}",
    ),
    jobs=(
        "Hiring kitchen porter in {city}, {price} per week, start Monday. Call {phone}",
        "Warehouse workers needed in {city}, night shifts, {n} positions. Text {phone}",
        "Cleaners wanted for offices in {city}, {price} per month, from {date}. Ring {phone}",
    ),
    rentals=(
        "Room to rent in {city}, bills included, {price} per month. {phone}",
        "2 bedroom flat in {city} available from {date}. Call {phone} after {time}",
        "Double room near {city} station, {price} pcm, no agency fees. {phone}",
    ),
    news=(
        "{n} people rescued off {place} on {date}. Police ask anyone with information about smugglers to "
        "call the hotline {phone}",
        "Warning about fake travel agents. Report people smugglers on {phone} (free and anonymous)",
        "Repost: a small boat with {n} people on board was intercepted near {place}. Information line "
        "{phone}",
    ),
    chatter=(
        "Does anyone know how much it costs to go to {dest} now? I heard {price}",
        "Brothers be careful, the sea is dangerous this week. {n} boats turned back",
        "Anyone at {place} tonight? We are {n} people waiting since {date}",
    ),
    holiday_places=("Istanbul", "Dubai", "Tirana", "Antalya", "Hanoi", "Marrakech"),
    cities={"GB": ("London", "Birmingham", "Manchester", "Leeds", "Glasgow", "Bradford")},
    agency_names=("Star Travel", "Global Tours", "Sunway Holidays", "Crown Travel", "Bluesky Tours"),
    person_names=("Ali Khan", "Sam Ahmed", "Mo Hassan", "Jay Patel", "Dan Kurdi", "Sara Amin"),
    latin_names=("ali", "sam", "mo", "jay", "dan", "sara", "kevin", "hassan"),
    brand_stems=("safe", "fast", "trip", "travel", "cross", "uk", "vip", "express", "europe", "way"),
    brand_names=("Safe Travel UK", "Europe Express", "VIP Crossing", "UK Trips", "Fast Way UK"),
    benign=BENIGN,
)
