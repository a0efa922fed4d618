"""English: the Channel route's lingua franca, and the language of many agencies and newsrooms."""

from graph.synth.templates import Language

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
)
