"""The migration routes networks sell: who travels them, which phones and banks they use, where from.

A route fixes a network's languages, the countries of its phones and bank accounts, the regions its
adverts are collected in, its departure and arrival places (ids that each language names), its price
range and how it is paid. Weights are shares, not statistics.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    id: str
    weight: float  # share of networks on this route
    languages: tuple[tuple[str, float], ...]
    phone_countries: tuple[tuple[str, float], ...]
    regions: tuple[str, ...]
    departures: tuple[str, ...]
    destinations: tuple[str, ...]
    price: tuple[int, int]  # euros per person
    iban_countries: tuple[str, ...]
    payments: tuple[tuple[str, float], ...]  # paypal revolut cashapp venmo iban btc bech32 eth tron
    stems: tuple[str, ...]  # Latin words for handles and domains


ROUTES: tuple[Route, ...] = (
    Route(
        id="channel",
        weight=0.30,
        languages=(("sq", 0.3), ("en", 0.25), ("ckb", 0.2), ("fr", 0.15), ("vi", 0.1)),
        phone_countries=(("GB", 0.4), ("FR", 0.3), ("BE", 0.15), ("AL", 0.15)),
        regions=("GB", "FR", "BE", "AL"),
        departures=("calais", "dunkirk", "boulogne", "gravelines", "wimereux"),
        destinations=("uk", "london", "dover"),
        price=(1500, 4000),
        iban_countries=("GB", "FR", "BE", "AL", "LT"),
        payments=(
            ("iban", 0.26),
            ("paypal", 0.18),
            ("revolut", 0.22),
            ("cashapp", 0.1),
            ("venmo", 0.1),
            ("btc", 0.06),
            ("tron", 0.1),
        ),
        stems=("uk", "london", "channel", "cross", "boat", "trip", "safe", "dover", "kale", "angli"),
    ),
    Route(
        id="central_med",
        weight=0.20,
        languages=(("ar", 0.55), ("fr", 0.25), ("ti", 0.2)),
        phone_countries=(("LY", 0.5), ("TN", 0.3), ("IT", 0.2)),
        regions=("LY", "TN", "IT"),
        departures=("zuwara", "sabratha", "tripoli", "sfax", "benghazi"),
        destinations=("lampedusa", "italy", "sicily"),
        price=(2000, 5000),
        iban_countries=("TN", "IT"),
        payments=(
            ("iban", 0.3),
            ("tron", 0.35),
            ("btc", 0.15),
            ("bech32", 0.05),
            ("eth", 0.1),
            ("paypal", 0.05),
        ),
        stems=("italia", "lampedusa", "libya", "bahr", "safar", "rihla", "sicilia", "zuwara"),
    ),
    Route(
        id="eastern_med",
        weight=0.25,
        languages=(("fa", 0.35), ("ps", 0.2), ("tr", 0.2), ("ar", 0.25)),
        phone_countries=(("TR", 0.5), ("GR", 0.2), ("IR", 0.2), ("AF", 0.1)),
        regions=("TR", "GR", "IR", "AF"),
        departures=("izmir", "bodrum", "ayvalik", "cesme", "kusadasi"),
        destinations=("greece", "lesbos", "samos", "kos", "chios", "athens", "italy"),
        price=(1500, 4500),
        iban_countries=("TR", "GR"),
        payments=(
            ("iban", 0.3),
            ("tron", 0.35),
            ("eth", 0.1),
            ("btc", 0.08),
            ("bech32", 0.04),
            ("revolut", 0.15),
        ),
        stems=("yunan", "ege", "izmir", "bodrum", "safar", "europa", "greece", "midilli"),
    ),
    Route(
        id="balkans",
        weight=0.15,
        languages=(("fa", 0.3), ("ar", 0.3), ("ps", 0.2), ("sq", 0.2)),
        phone_countries=(("RS", 0.35), ("BA", 0.35), ("AL", 0.15), ("XK", 0.15)),
        regions=("RS", "BA", "AL", "XK"),
        departures=("belgrade", "subotica", "bihac", "velika_kladusa", "sarajevo"),
        destinations=("croatia", "slovenia", "trieste", "italy", "austria", "germany"),
        price=(1500, 6000),
        iban_countries=("RS", "BA", "AL", "XK", "LT"),
        payments=(("iban", 0.3), ("revolut", 0.25), ("paypal", 0.15), ("tron", 0.2), ("btc", 0.1)),
        stems=("game", "bosna", "trieste", "balkan", "europa", "austria", "bihac", "srbija"),
    ),
    Route(
        id="vietnam_uk",
        weight=0.10,
        languages=(("vi", 1.0),),
        phone_countries=(("VN", 0.4), ("GB", 0.4), ("FR", 0.2)),
        regions=("VN", "GB", "FR"),
        departures=("hanoi", "vinh", "moscow", "paris", "calais", "brussels"),
        destinations=("uk", "london"),
        price=(9000, 25000),
        iban_countries=("GB", "FR", "LT"),
        payments=(
            ("iban", 0.4),
            ("revolut", 0.2),
            ("paypal", 0.2),
            ("btc", 0.06),
            ("bech32", 0.04),
            ("eth", 0.1),
        ),
        stems=("anh", "uk", "london", "viet", "dianh", "chauau", "xkld"),
    ),
)
ROUTE_BY_ID = {route.id: route for route in ROUTES}
