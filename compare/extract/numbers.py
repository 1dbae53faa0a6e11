"""Numeric facts in a sentence: quantities, percents, money amounts and ages.

Each number is found as an *atom* (digits like `54,000` or words like `twenty-three
thousand`, with a scale such as `1.2 million` or `3bn`; a fraction such as `three
twenty-fifths` or `a third of a million`; a power such as `10^6`), then decorated from
its context: a currency before or after it, a percent sign or a unit after it, a hedge
before it (`about`, `at least`), and the noun phrase it counts (`a 12-member jury`
counts members). Numbers that are not
facts (years, dates, times, ordinals, codes such as `F-35`, scores, phone numbers,
page furniture such as `1 of 94`, numbers inside URLs) are kept out.

Qualifiers are normalised to a small canonical set so that two sources that hedge
the same way compare equal: `about` (around, roughly, approximately, some, an
estimated), `nearly` (almost, close to), `more than` (over, above, in excess of),
`less than` (fewer than, under, below), `at least`, `up to` (as many as, as much as,
at most, no more than), plus the directions `up` and `down` (rose 5%, fell 3%).
"""

from __future__ import annotations

import bisect
import functools
import math
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import regex

from compare.extract.lines import line_of
from compare.extract.measures import RE_HEDGE_AFTER, Anchor, measured
from compare.lexicon import MONTHS as MONTH_NUMBERS
from compare.records import Article, Fact, FactKind, Sentence

# ---------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------

ONES: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "quadrillion": 1e15, "quintillion": 1e18, "sextillion": 1e21, "septillion": 1e24,
    "octillion": 1e27, "nonillion": 1e30, "decillion": 1e33,
    # The Indian scales of Indian English copy: "Rs 35 lakh", "₹1.5 lakh crore".
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
# Scales another, larger scale may follow (1.0: none yet): "4 hundred million", "two
# thousand million", "1.5 lakh crore".
CHAINING_SCALES = frozenset({1.0, 1e2, 1e3, 1e5})
# Scale words and abbreviations that may follow digits (`1.2 million`, `3bn`, `10k`).
SCALE_SUFFIXES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9,
    "bln": 1e9, "tn": 1e12, "trn": 1e12, "dozen": 12, "dozens": 12, "doz": 12, "dozs": 12, "dz": 12, "dzs": 12, "g": 1e9, "mm": 1e6, "t": 1e12, "tln": 1e12, "trln": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip

# The abbreviated scales, which follow a number in words too ("two mln shares"); the
# spelt-out ones are number words themselves ("two million").
WIRE_SCALES = frozenset({"mln", "bln", "mn", "bn", "tln", "trln", "tn", "trn"})

# Currency symbols and words -> ISO code. Keys are compared after dropping dots and spaces.
CURRENCIES: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "a$": "AUD", "au$": "AUD", "aud": "AUD",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD", "nz$": "NZD", "nzd": "NZD", "hk$": "HKD",
    "mex$": "MXN", "btc": "BTC", "₿": "BTC", "bitcoin": "BTC", "bitcoins": "BTC",
    "hkd": "HKD", "s$": "SGD", "sgd": "SGD", "sek": "SEK", "nok": "NOK", "dkk": "DKK",
    "zar": "ZAR", "mxn": "MXN", "brl": "BRL", "pln": "PLN", "ils": "ILS", "nt$": "TWD", "twd": "TWD", "r$": "BRL",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY",
    "cny": "CNY", "rmb": "CNY", "₩": "KRW", "krw": "KRW", "₹": "INR", "inr": "INR",
    "₽": "RUB", "rub": "RUB", "chf": "CHF", "$us": "USD", "$a": "AUD", "$au": "AUD",
    "$nz": "NZD", "$hk": "HKD", "$c": "CAD", "$s": "SGD", "rm": "MYR", "rs": "INR",
    "dollar": "USD", "dollars": "USD", "usdollars": "USD", "americandollars": "USD",
    "australiandollars": "AUD", "canadiandollars": "CAD", "hongkongdollars": "HKD",
    "newzealanddollars": "NZD", "singaporedollars": "SGD", "taiwandollars": "TWD",
    "newtaiwandollars": "TWD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "poundssterling": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "franc": "CHF", "francs": "CHF", "cent": "USD", "cents": "USD", "eurocents": "EUR",
    "pence": "GBP", "penny": "GBP", "pennies": "GBP", "p": "GBP", "¢": "USD",
    # Currencies of other countries and the pre-euro ones of wire copy.
    "peseta": "ESP", "pesetas": "ESP", "guilder": "NLG", "guilders": "NLG", "markka": "FIM",
    "markkaa": "FIM", "lire": "ITL", "drachma": "GRD", "drachmas": "GRD", "escudo": "PTE",
    "escudos": "PTE", "schilling": "ATS", "schillings": "ATS", "zloty": "PLN", "zlotys": "PLN",
    "forint": "HUF", "forints": "HUF", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR",
    "shekel": "ILS", "shekels": "ILS", "naira": "NGN", "hryvnia": "UAH", "hryvnias": "UAH",
    "reais": "BRL", "lira": "TRY", "liras": "TRY", "kronor": "SEK", "krona": "SEK", "rand": "ZAR",
    "cfafranc": "CFA", "cfafrancs": "CFA",
    # Names several countries share: the name is the unit unless a nationality says which.
    "peso": "peso", "pesos": "peso", "dinar": "dinar", "dinars": "dinar", "riyal": "riyal",
    "riyals": "riyal", "dirham": "dirham", "dirhams": "dirham", "kroner": "krone", "krone": "krone",
    "chineseyuan": "CNY", "japaneseyen": "JPY", "swissfrancs": "CHF", "frenchfrancs": "FRF",
    "belgianfrancs": "BEF", "indianrupees": "INR", "pakistanirupees": "PKR", "russianroubles": "RUB",
    "russianrubles": "RUB", "mexicanpesos": "MXN", "argentinepesos": "ARS", "philippinepesos": "PHP",
    "chileanpesos": "CLP", "colombianpesos": "COP", "dutchguilders": "NLG", "finnishmarkka": "FIM",
    "finnishmarkkaa": "FIM", "germanmarks": "DEM", "deutschemarks": "DEM", "spanishpesetas": "ESP",
    "italianlire": "ITL", "turkishlira": "TRY", "southafricanrand": "ZAR", "swedishkronor": "SEK",
    "norwegiankroner": "NOK", "danishkroner": "DKK", "brazilianreais": "BRL", "southkoreanwon": "KRW",
    "koreanwon": "KRW", "saudiriyals": "SAR", "jordaniandinars": "JOD", "kuwaitidinars": "KWD",
    "uaedirhams": "AED", "emiratidirhams": "AED",
    # Wire copy's abbreviations (Reuters: "6.2 mln dlrs", "15 mln stg", "Shr 41 cts").
    "dlr": "USD", "dlrs": "USD", "usdlr": "USD", "usdlrs": "USD", "australiandlrs": "AUD",
    "canadiandlrs": "CAD", "hkdlrs": "HKD", "hongkongdlrs": "HKD", "nzdlrs": "NZD",
    "newzealanddlrs": "NZD", "singaporedlrs": "SGD", "taiwandlrs": "TWD", "stg": "GBP", "cts": "USD",
    "danishcrowns": "DKK", "norwegiancrowns": "NOK", "swedishcrowns": "SEK", "czechcrowns": "CZK",
    "icelandiccrowns": "ISK",
    # Currency signs; one not listed is its own unit ("100 ₡" -> ₡).
    "₺": "TRY", "₴": "UAH", "₦": "NGN", "₱": "PHP", "₫": "VND", "₪": "ILS", "฿": "THB",
    "₲": "PYG", "₸": "KZT", "₼": "AZN", "₮": "MNT", "₵": "GHS", "₡": "CRC", "₾": "GEL", "₭": "LAK",
    "元": "CNY",
    # The ASCII transliterations of £ and ¥ (Unidecode's) in copy folded to ASCII: "PS8.1bn", "Y=590 billion".
    "ps": "GBP", "y=": "JPY",
}  # fmt: skip
# A currency code's prefix of scale, as company reports and Nordic and German copy write
# it: "MSEK 120" and "48.5 MEUR" are millions, "TEUR 500" and "500 kSEK" thousands.
CODE_SCALES: dict[str, float] = {"M": 1e6, "T": 1e3, "K": 1e3, "k": 1e3}
# Currency words whose amount is a hundredth of the unit: "50 cents" is 0.50 USD.
HUNDREDTHS = frozenset("cent cents cts eurocents pence penny pennies p ¢".split())
# Video resolutions, which a glued "p" follows as it follows pence: "1080p", "a 720p screen".
VIDEO_LINES = frozenset({144.0, 240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})

# Units of measure -> normalised short form. Word units match case-insensitively.
UNIT_WORDS: dict[str, str] = {
    "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    "meter": "m", "meters": "m", "metre": "m", "metres": "m",
    "centimeter": "cm", "centimeters": "cm", "centimetre": "cm", "centimetres": "cm",
    "millimeter": "mm", "millimeters": "mm", "millimetre": "mm", "millimetres": "mm",
    "mile": "mi", "miles": "mi", "nautical mile": "nmi", "nautical miles": "nmi",
    "foot": "ft", "feet": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd",
    "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "gram": "g", "grams": "g", "pound": "lb", "pounds": "lb", "ounce": "oz", "ounces": "oz",
    "ton": "t", "tons": "t", "tonne": "t", "tonnes": "t", "metric ton": "t",
    "metric tons": "t", "liter": "L", "liters": "L", "litre": "L", "litres": "L",
    "gallon": "gal", "gallons": "gal", "barrel": "bbl", "barrels": "bbl",
    "hectare": "ha", "hectares": "ha", "acre": "acre", "acres": "acre",
    "short ton": "t", "short tons": "t",
    "square kilometer": "km2", "square kilometers": "km2", "square kilometre": "km2",
    "square kilometres": "km2", "square mile": "sq mi", "square miles": "sq mi",
    "square meter": "m2", "square meters": "m2", "square metre": "m2",
    "square metres": "m2", "square foot": "sq ft", "square feet": "sq ft",
    "miles per hour": "mph", "kilometers per hour": "km/h", "kilometres per hour": "km/h",
    "knot": "kn", "knots": "kn", "degree": "°", "degrees": "°",
    "degrees celsius": "°C", "degrees fahrenheit": "°F", "celsius": "°C",
    "fahrenheit": "°F", "degree celsius": "°C", "degree fahrenheit": "°F",
    "degrees centigrade": "°C", "degree centigrade": "°C", "centigrade": "°C",
    "celcius": "°C", "degrees celcius": "°C", "farenheit": "°F", "degrees farenheit": "°F",  # as misspelt
    "megawatt": "MW", "megawatts": "MW", "gigawatt": "GW", "gigawatts": "GW",
    "kilowatt": "kW", "kilowatts": "kW",
    "second": "s", "seconds": "s", "minute": "min", "minutes": "min", "hour": "h",
    "hours": "h", "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "cubic foot": "cu ft", "cubic feet": "cu ft", "cubic meter": "m3", "cubic meters": "m3",
    "cubic metre": "m3", "cubic metres": "m3", "micrometre": "μm", "micrometres": "μm",
    "micrometer": "μm", "micrometers": "μm", "micron": "μm", "microns": "μm",
    "gigapascal": "GPa", "gigapascals": "GPa", "parts per million": "ppm", "parts per billion": "ppb",
    "pound-feet": "lb-ft", "pound-foot": "lb-ft",
    "milligram": "mg", "milligrams": "mg", "milligramme": "mg", "milligrammes": "mg",
    "microgram": "μg", "micrograms": "μg", "microgramme": "μg", "microgrammes": "μg",
    "gramme": "g", "grammes": "g", "kilogramme": "kg", "kilogrammes": "kg",
    "nanometre": "nm", "nanometres": "nm", "nanometer": "nm", "nanometers": "nm",
    "decimetre": "dm", "decimetres": "dm", "decimeter": "dm", "decimeters": "dm",
}  # fmt: skip
UNIT_ABBREVIATIONS: dict[str, str] = {
    "km": "km", "cm": "cm", "mm": "mm", "kg": "kg", "mg": "mg", "lb": "lb", "lbs": "lb",
    "oz": "oz", "ft": "ft", "yd": "yd", "mph": "mph", "kph": "km/h", "km/h": "km/h",
    "kmh": "km/h", "ha": "ha", "km2": "km2", "km²": "km2", "sq km": "km2", "m²": "m2",
    "sq mi": "sq mi", "MW": "MW", "GW": "GW", "kW": "kW", "TW": "TW", "kWh": "kWh",
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "GB": "GB", "MB": "MB", "TB": "TB",
    "Mbps": "Mbps", "Gbps": "Gbps", "°C": "°C", "°F": "°F", "ºC": "°C", "ºF": "°F",
    "bpd": "bpd", "mpg": "mpg", "ml": "ml", "mL": "ml", "sq m": "m2", "m2": "m2",
    "sq ft": "sq ft", "W": "W", "kV": "kV", "Hz": "Hz", "kHz": "kHz", "MHz": "MHz",
    "GHz": "GHz", "hp": "hp", "bhp": "hp", "rpm": "rpm", "Nm": "Nm", "lb-ft": "lb-ft",
    "mAh": "mAh", "min": "min", "mins": "min", "hr": "h", "hrs": "h", "g": "g",
    "nm": "nm", "m": "m", "μm": "μm", "µm": "μm", "ppm": "ppm", "ppb": "ppb", "GPa": "GPa",
    "MPa": "MPa", "kPa": "kPa", "PS": "PS", "m3": "m3", "m³": "m3", "cu ft": "cu ft",
    "μg": "μg", "µg": "μg", "mcg": "μg", "kmph": "km/h", "dm": "dm", "°": "°", "deg": "°",
    "MMBtu": "MMBtu", "mmBtu": "MMBtu", "MMBTU": "MMBtu", "mmBTU": "MMBtu", "mmbtu": "MMBtu",  # gas prices
    "″": "in",  # a double prime: a 25.5″ neck
}  # fmt: skip

QUALIFIERS: dict[str, str] = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "approx.": "about", "some": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "just under": "nearly", "more than": "more than", "over": "more than",
    "just over": "more than", "well over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "less than": "less than",
    "fewer than": "less than", "under": "less than", "well under": "less than",
    "below": "less than", "at least": "at least", "no less than": "at least",
    "no fewer than": "at least", "a minimum of": "at least", "up to": "up to",
    "as many as": "up to", "as much as": "up to", "at most": "up to",
    "no more than": "up to", "not more than": "up to", "a maximum of": "up to",
    "as high as": "up to",
}  # fmt: skip

# Capitalised month names and abbreviations, longest first, as a regex alternation.
MONTHS = "|".join(sorted((name.capitalize() for name in MONTH_NUMBERS), key=len, reverse=True))
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)  # fmt: skip

# Words that end a counted noun phrase (determiners, prepositions, pronouns, verbs).
STOP_WORDS = frozenset(
    """
    a an the this that these those its their his her our your my whose which who whom
    what where when while whether if than then there here of in on at to for from by
    with without into onto over under about around after before since until through
    during between among against per via toward towards across along amid upon within
    and or but nor so yet as both each every either neither all any some many much more
    most few fewer less least other another such same own only just also even still
    already not no nor too very ago again now once twice is are was were be been being
    am has have had having do does did will would shall should can could may might must
    said says say told tells reported according including included he she it they we
    you i him them us me one ones who percent per cent pct up down out off back away
    total totaling totalling worth each apiece respectively or else instead rather
    stationed deployed based living working died
    met meet meets made make makes came come comes went go goes took take takes gave
    give gives got get gets left leave leaves saw see sees became become becomes began
    begin begins held hold holds kept keep keeps led lead leads ran run runs set sets
    sent send sends spent spend spends stood stand stands won win wins lost lose loses
    paid pay pays put puts found find finds fell fall falls rose rise rises remain
    remains remained live lives work works need needs needed want wants wanted
    last next previous following earlier later exactly precisely fully barely merely
    higher lower smaller larger bigger greater faster slower cheaper stronger weaker
    better worse longer shorter older younger above below versus vs
    given taken seen done shown known behind beside beneath beyond inside outside
    """.split()
)  # fmt: skip
# Heads too vague to say what a number counts ("a total of 55,000" counts nothing).
VAGUE_HEADS = frozenset(
    """
    total number sum amount figure average maximum minimum estimate tally level
    increase rise hike jump gain growth boost surge drop decline fall cut decrease
    reduction slump loss lot range rate times time way thing things high low record
    """.split()
)  # fmt: skip
# Nouns that end in -ly or -ed and still head a phrase.
LY_NOUNS = frozenset("family supply assembly ally rally anomaly monopoly italy july".split())
ED_HEADS = frozenset("injured wounded dead displaced detained arrested unemployed infected".split())
ING_NOUNS = frozenset(
    "funding spending financing training housing building shipping clothing bombing "
    "killing meeting offering landing warning drilling lending borrowing".split()
)  # fmt: skip
TIME_UNITS = frozenset("s min h day week month year decade century".split())
# Heads that end a phrase without a plural -s.
COLLECTIVE_HEADS = frozenset(
    "people personnel children men women police staff aid cash debt gdp".split()
)  # fmt: skip
# "the two", "one of": determiners after which "one" is a pronoun, not a count.
ONE_PRONOUN_BEFORE = frozenset(
    "no any every each some the this that which someone anyone everyone little last "
    "such what only".split()
)  # fmt: skip
ONE_PRONOUN_AFTER = frozenset(
    "of another other who that which whose day time way thing point side more "
    "last such reason too by".split()
)  # fmt: skip
# The words for zero, and the words around them that make an idiom, not a value.
ZERO_WORDS = frozenset({"zero", "nought", "naught"})
ZERO_BEFORE = frozenset("ground year day patient absolute generation".split())
ZERO_AFTER = frozenset("tolerance hour hours sum day days".split())
CODE_WORDS = (
    r"section|article|chapter|title|rule|resolution|route|highway|interstate|flight"
    r"|room|page|pages|vol|volume|episode|season|part|phase|level|grade|class|category"
    r"|form|item|paragraph|clause|line|platform|gate|terminal|block|district|ward"
    r"|precinct|unit|building|apt|apartment|suite|box|lot|exit|bus|channel|prop"
    r"|proposition|bill|stage|week|round|game|match|number|model|version|type|tier"
    r"|zone|lane|pier|track|hole|opus|psalm|verse|figure|fig|table|appendix|exhibit"
    r"|annex|amendment|protocol|directive|regulation|no|nos|nr|seat|row|flat"
)

# Stock indexes whose name ends in a number ("the S&P 500", "FTSE 100", "Nikkei 225"),
# and the numbers they end in: names, in headlines and lower-cased copy too ("sp 500").
STOCK_INDEXES = (
    r"S&P|S\+P|S&P/ASX|S&P/TSX|SP|FTSE|Nikkei|DAX|MDAX|TecDAX|CAC|Russell|Stoxx|Euro[ ]Stoxx|STOXX[ ]Europe"
    r"|ASX|Kospi|Kosdaq|Nifty|IBEX|AEX|FTSE[ ]MIB|TSX|SMI|OMX|OMXS|BIST|ATX|WIG|PSI|BEL|Nasdaq|NASDAQ"
)
STOCK_INDEX_NUMBERS = frozenset(
    {10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0, 50.0, 60.0, 100.0, 150.0, 200.0, 225.0, 250.0, 300.0,
     350.0, 400.0, 500.0, 600.0, 1000.0, 2000.0, 3000.0}
)  # fmt: skip
# Street suffixes of an address: "575 Wilbraham Road", "9 E 71st St", "16-18 Industrial Avenue".
STREET_SUFFIXES = (
    "Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Boulevard", "Blvd", "Drive", "Terrace",
    "Crescent", "Close", "Parkway", "Place", "Square", "Court", "Way",
)  # fmt: skip

# ---------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------

DOZENS = ("dozen", "dozens", "doz", "dozs", "dz", "dzs")  # "three dozen", "5 doz", "3 dzs"
NUMBER_WORD = "|".join(
    sorted([*ONES, *TENS, "hundred", *SCALES, *DOZENS], key=len, reverse=True)
)
_BIG = "hundred|thousand|million|billion|trillion|dozen"

# A number written in digits.
RE_DIGITS = regex.compile(
    r"""
    (?: (?<![\p{L}\p{N}_])                # not glued to a word on the left: G7, A380
      | (?<=\$(?:US|A|AU|NZ|HK|C|S)|(?<![\p{L}])(?:USD|EUR|GBP|JPY|AUD|CAD|RM|Rs|PS)) )  # $US55, USD10m, PS8.1bn
    (?P<num>
        \d{1,2},(?:\d{2},)+\d{3}(?![\d])     # 12,34,567 (Indian grouping: lakhs, crores)
      | \d{1,3}(?:,\d{3})+(?![\d])          # 54,000 / 1,234,567
      | \d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])  # 55 000 with (thin, no-break) spaces
      | \d+                                 # 2025, 3
      | (?=\.\d)                            # .5 (the decimal part follows)
    )
    (?P<dec>\.\d+)?                       # decimals: 3.5
    (?!\d)
    """,
    regex.VERBOSE,
)

# A digit said after "point": "two point five", "nine point nought four", "point seventy-one".
_DECIMAL_WORD = rf"""(?:(?:{"|".join(TENS)})(?:-(?:{"|".join(w for w in ONES if 0 < ONES[w] < 10)}))?
                      |{"|".join(sorted(ONES, key=len, reverse=True))}|nought|naught)"""

# A number written in words: "twenty-three thousand four hundred fifty-one", "a dozen".
RE_WORD_NUMBER = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}'’-])              # a whole word, not the tail of a compound
    (?P<words>
        (?:(?:an?[ ]+)?(?:half|quarter)(?:[ ]+a)?[ ]+(?=(?:{_BIG})\b)  # "half a million", "a quarter million"
          | an?[ ]+(?=(?:{_BIG})\b) )?      # "a dozen", "a million"
        (?:{NUMBER_WORD}|(?:nought|naught)(?=[ ]+point\b))\b  # the first number word
        (?:                                 # then more number words, each consumed once
            (?:[ ]+|-|(?<=hundred|thousand|million|billion|trillion)[ ]+and[ ]+
              |(?<=ty)[ ]-[ ](?=(?:{"|".join(w for w in ONES if 0 < ONES[w] < 10)})\b))  # "fifty - two"
            (?:{NUMBER_WORD})\b
        )*+
        (?:[ ]+point(?:[ ]+{_DECIMAL_WORD}\b)++)?  # spoken decimals: "two point five"
        (?:[ ]+and[ ]+a[ ]+half\b|-and-a-half\b)?  # "two and a half", "two-and-a-half"
        (?:[ ]+(?:{"|".join(SCALES)})\b)?   # "two and a half million", "two point five million"
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A scale after digits: "1.2 million", "3bn", "5m", "10k" (short forms only when glued). A
# scale word may start the next line of hard-wrapped copy ("rose to 41.270\nbillion dlrs").
RE_SCALE = regex.compile(
    r"""
    (?: (?<![ \u00a0])(?:[ \u00a0]*\n[ \u00a0]*|[ \u00a0]*)(?P<word>hundred|thousand|million|billion|trillion|lakhs?|crores?|dozens?|dozs?|dzs?|mln|bln|mn|bn|tln|trln|tn|trn)
      | (?P<short>MM|[kKmMbBT]|mil)        # 10k, 5m, $5B, $1MM, $2T: glued to the digits
      | [ ](?P<spaced>[kKMGB])(?=[ \u00a0]*(?:[.,;:!?)]|\Z)) )  # "2.33 k", "1,674.5 G": see _decorate
    (?![\p{L}\p{N}])
    (?!-(?:high|long|wide|tall|deep)\b)   # "a 5m-high wall" is metres
    (?![ ](?:high|long|wide|tall|deep)\b)
    (?![ ]\(\d)                           # "37m (121ft)": a converted length
    """,
    regex.VERBOSE,
)

# The smaller groups after digits and a scale word: "6 thousand 2 hundred", "2 hundred and 15".
_UNDER_HUNDRED = rf"""(?:{"|".join(TENS)})(?:[- ](?:{"|".join(w for w in ONES if 0 < ONES[w] < 10)}))?|{"|".join(w for w in sorted(ONES, key=len, reverse=True) if ONES[w])}"""
RE_SCALE_REST = regex.compile(
    rf"""
    (?<![ \u00a0])                                  # only the start of a run of spaces tries
    (?: [ \u00a0]+(?P<d>\d{{1,3}})[ \u00a0]+(?P<sw>(?i:hundred|thousand|million))\b   # "4 thousand 3 hundred"
      | [ \u00a0]+and[ \u00a0]+(?P<tail>\d{{1,2}}(?![\d.,])|(?i:{_UNDER_HUNDRED})\b) )  # "2 hundred and 15"
    (?![\p{{L}}\p{{N}}-])
    """,
    regex.VERBOSE,
)
# A percent sign or word after a number.
RE_PERCENT = regex.compile(
    r"""
    (?<![ \u00a0-])                                        # only the start of a run of spaces tries
    (?: [ \u00a0]?%                                       # 2%, 2 %
      | [ \u00a0-]*(?P<pp>percentage[ -]points?)\b        # 3 percentage points
      | [ \u00a0-]*(?P<bp>basis[ -]points?|bps)\b         # 25 basis points
      | [ \u00a0-]*(?:percents?|per[ \u00a0\n]cent|pct)\b   # 25 percent, 3.5 per cent, 100 percents (a line may wrap)
      | [ \u00a0-]*percentage\b(?![ \u00a0-]*points?\b)   # 30 percentage (no "points": a percent)
      | pc\b                                              # 1.38pc (British papers)
      | [ ]+(?P<points>points?)\b                         # 4 points (see _points_are_percent)
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A currency symbol or code before a number: "$", "US$", "US $", "¥", "USD ".
RE_CURRENCY_BEFORE = regex.compile(
    r"""
    (?P<cur>
        (?<![\p{L}])(?:US|U\.S\.|AU|CA|NZ|HK|NT|Mex)[ ]?\$   # US$3bn, US $58, Mex$10
      | (?<![\p{L}])[ACSR]\$                                   # A$5, C$20 (not "A $5 bill": an article)
      | (?<![\p{L}])(?P<iso>(?i:USD|AUD|CAD|NZD|HKD|SGD|TWD|MXN))\$[ ]?   # AUD$15, CAD$ 20
      | \$(?:US|AU|A|NZ|HK|C|S)                                 # $US55 (Australian style)
      | (?<![\p{L}])(?:RM|Rs\.?)[ ]?                             # RM23.50, Rs 500
      | (?<![\p{L}])(?P<ascii>PS|Y=)                            # £ and ¥ folded to ASCII: see CURRENCIES
      | \p{Sc}                                                  # $550, ¥87, ₺100
      | (?<![\p{L}])(?P<mult>[MTKk])?(?P<iso>USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|AUD|CAD|CHF|HKD|TWD|SEK|NOK|DKK|NZD|SGD|ZAR|MXN|BRL|PLN|ILS)[ \u00a0]?      # USD 40, SEK 5bn, MSEK 120 (million)
    )
    (?:[ \u00a0]?|(?P<sign>-))\Z                                # right before the number; $-50.8bn
    """,
    regex.VERBOSE | regex.REVERSE,
)

# A currency word, code or sign after a number: "10 million yen", "5 dollars", "40 USD",
# "470 pence", "a 12-cent dividend", "10,000 Swiss francs", "15€", "100 ₡"; in hard-wrapped
# copy, a lower-case one on the next line ("raising 25 mln\ndlrs").
RE_CURRENCY_AFTER = regex.compile(
    r"""
    (?: (?<![ \u00a0])(?:[ \u00a0]*\n[ \u00a0]*(?=\p{Ll})|[ \u00a0]+|-(?=\p{L}))  # spaces (only the start of a run tries),
                                                       # a hyphen: "a 12-cent dividend", "a one-yen bid"
        (?P<cur>
            (?i:U\.?S\.?|US|American|Australian|Canadian|Hong[ ]Kong|New[ ]Zealand|Singapore
              |New[ ]Taiwan|Taiwan)[ ]dollars?                # 10 Australian dollars
          | (?i:Swiss|French|Belgian)[ ]francs                 # 10,000 Swiss francs
          | (?i:Chinese[ ]yuan|Japanese[ ]yen|(?:South[ ])?Korean[ ]won|(?:Indian|Pakistani)[ ]rupees
              |Russian[ ]r[ou]bles|(?:Mexican|Argentine|Philippine|Chilean|Colombian)[ ]pesos
              |Dutch[ ]guilders|Finnish[ ]markkaa?|(?:German|Deutsche)[ ]marks|Spanish[ ]pesetas
              |Italian[ ]lire|Turkish[ ]lira|South[ ]African[ ]rand|Swedish[ ]kronor
              |(?:Norwegian|Danish)[ ]kroner|Brazilian[ ]reais|Saudi[ ]riyals
              |(?:Jordanian|Kuwaiti)[ ]dinars|(?:UAE|Emirati)[ ]dirhams
              |(?:Danish|Norwegian|Swedish|Czech|Icelandic)[ ]crowns?)   # crowns alone are not money
          | (?i:(?:U\.?S\.?|H\.?K\.?|N\.?Z\.?|Australian|Canadian|Hong[ ]Kong|New[ ]Zealand|Singapore|Taiwan)[ ]dlrs?)
                                                               # wire copy: 5 mln Canadian dlrs, 3 U.S. Dlrs
          | (?i:euro[ ]cents?|dollars?|dlrs?|stg|cts|euros?|pounds[ ]sterling|sterling|pounds?|yen|yuan|renminbi
              |rupees?|roubles?|rubles?|francs?|cents?|pence|penny|pennies
              |pesetas?|guilders?|markkaa?|lire|drachmas?|escudos?|schillings?|zlotys?|forints?
              |baht|ringgit|rupiah|shekels?|naira|hryvnias?|reais|liras?|kronor|krona
              |pesos?|dinars?|riyals?|dirhams?|kroner|krone)  # 5 dollars, 470 pence, 10 million yen
          | won                                                # only after a scale: see code
          | rand(?![ ]\p{Lu})                                   # 6.8bn rand (lower-case: "Ayn Rand")
          | CFA[ ]francs?                                      # 1bn CFA francs (the XOF or the XAF)
          | (?i:bitcoins?|BTC)                                 # 6.25 BTC, 1,000 bitcoins
          | (?P<mult>[MTKk])?(?P<iso>(?i:USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|AUD|CAD|CHF|HKD|TWD|SEK|NOK|DKK|NZD|SGD|ZAR|MXN|BRL|PLN|ILS))   # 40 USD, 40 rmb (lower-cased copy), 48.5 MEUR (million)
        )
        \b
      | [ \u00a0]?(?P<sign>[\p{Sc}元])(?![ \u00a0]?\p{N})    # a sign after the amount: 15€, 100 ₡, 50¢
      | (?<=\p{N})(?P<sign>p)(?![\p{L}\p{N}])               # pence glued to the amount: 118.5p (see _decorate)
      | (?<=\p{N})[ ](?P<sign>p)                             # or set apart in a price list: "down 41 p at 873 p,"
        (?=[,;)]|\.(?!\p{L})|[ ]+(?:at|to|from|on|in|and)[ ]+\p{N}|\Z) )
    """,
    regex.VERBOSE,
)

_UNIT_WORD_ALT = "|".join(
    regex.escape(w).replace(r"\ ", "[ ]") for w in sorted(UNIT_WORDS, key=len, reverse=True)
)
_UNIT_ABBR_ALT = "|".join(
    regex.escape(w).replace(r"\ ", "[ ]") for w in sorted(UNIT_ABBREVIATIONS, key=len, reverse=True)
)
# A unit of measure after a number: "30 km", "5-mile", "87 mph", "two-day".
RE_UNIT = regex.compile(
    rf"""
    (?<![ \u00a0-])                                 # only the start of a run of spaces tries
    (?: [ \u00a0-]*(?P<word>(?i:{_UNIT_WORD_ALT}))   # 30 miles, a five-year plan
      | [ \u00a0-]?(?P<abbr>{_UNIT_ABBR_ALT})        # 30km, 87 mph, 5-mpg (case matters: MW, mg)
      | [ \u00a0]?(?P<open>[(\[{{<])(?P<abbr>{_UNIT_ABBR_ALT})(?P<close>[)\]}}>]) )  # 20 (kg), 20 [kg], as tables write it
    (?![\p{{L}}\p{{N}}])
    """,
    regex.VERBOSE,
)

# A multiplier after a number, unit `×`: "6.5 times earnings", "three times more likely",
# "five times the size of", "12x forward earnings", "a 10-fold rise". `times` alone counts
# occasions ("arrested three times since 2019", "three times a week", "three times the
# following year", "won the Cup four times as a player"), so it multiplies only before a
# comparison or what it multiplies; "a two-fold aim:" has two parts.
_MULTIPLIED = (
    "more|less|fewer|higher|lower|larger|bigger|greater|smaller|faster|slower|longer|shorter|"
    "cheaper|costlier|heavier|wider|deeper|stronger|weaker|better|worse|likelier|the|that|what|its|their|"
    "his|her|our|earnings|sales|revenues?|book|forward|trailing|ebitda|cash|profits?|income|salary|size"
)
_NOT_AS_MUCH = "a|an|the|his|her|their|its|it|he|she|they|we|you|part|well|soon|usual|expected|planned"
_OCCASION_AFTER = "following|same|next|last|day|week|month|year|season|night|morning|afternoon|evening|weekend"
RE_MULTIPLIER = regex.compile(
    rf"""
    (?: [ \u00a0]+times | (?<=\p{{N}})[x×] | [ \u00a0]?× )
    (?=[ \u00a0]+(?: (?i:{_MULTIPLIED})(?![\p{{L}}\p{{N}}-])(?![ \u00a0]+(?i:{_OCCASION_AFTER})(?![\p{{L}}]))
                  | as[ \u00a0]+(?!(?:{_NOT_AS_MUCH})(?![\p{{L}}]))\p{{Ll}} ))   # as fast as, as many
  | -fold(?![\p{{L}}\p{{N}}-])(?![ \u00a0]*[:;])
    """,
    regex.VERBOSE,
)

# Between two words of a rate: spaces, or one hard wrap ("ounces\nof gold per ton").
_GAP = r"(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*)"
# A singular time word and `ago` after a number other than one: wire copy drops the
# article of "a week ago", so "versus 129,000 week ago" dates the number and counts no weeks.
RE_WIRE_AGO = regex.compile(rf"(?<![ \u00a0])[ \u00a0]+(?i:day|week|month|year|quarter){_GAP}(?i:ago|earlier|before)(?![\p{{L}}\p{{N}}])")

# What a rate is per, besides the units: "$5 a share", "$120 per night".
PER_WORDS: dict[str, str] = {
    "share": "share", "shares": "share", "head": "head", "person": "person", "capita": "person",
    "night": "night", "passenger": "passenger", "seat": "seat", "ticket": "ticket", "dozen": "dozen",
}  # fmt: skip
PER_ABBREVIATIONS: dict[str, str] = {"yr": "year", "mo": "month", "wk": "week", "bbl": "bbl", "gal": "gal"}
_PER_WORD_ALT = "|".join(sorted(PER_WORDS, key=len, reverse=True))
_PER_ABBR_ALT = "|".join(sorted(PER_ABBREVIATIONS, key=len, reverse=True))
# A rate after a currency or a unit: "$58.24 per barrel", "$3,500 a month", "$21.25 per
# square foot", "100km/hr"; not "$10 a year ago" (a time, not a rate).
RE_PER = regex.compile(
    rf"""
    (?<![ \u00a0])                                  # only the start of a run of spaces tries
    (?: {_GAP}(?i:per|a|an){_GAP}(?P<word>(?i:{_UNIT_WORD_ALT}|{_PER_WORD_ALT}))
      | {_GAP}(?i:per){_GAP}(?P<pabbr>{_UNIT_ABBR_ALT})     # $80 per sq m, $5 per kg
      | -(?i:per|a|an)-(?P<hword>(?i:{_PER_WORD_ALT}|day|week|month|year))  # a 12-cent-a-share dividend, a 52,000 barrel-a-day refinery
      | [ \u00a0]?/[ \u00a0]?(?P<abbr>{_UNIT_ABBR_ALT}|{_PER_ABBR_ALT}|(?i:day|week|month|year|share)) )
    (?![\p{{L}}\p{{N}}])
    (?!(?<=(?i:day|week|month|year|hour|night|decade)s?){_GAP}(?i:ago|earlier|later|before|after|since)\b)
    """,                                            # "$10 a year ago" (a time); "49 cts a gallon after trading" is a rate
    regex.VERBOSE,
)

# A fraction after a whole number: "two-thirds", "three quarters", "3 fifths of", "five
# and a half", "twenty and three fifths", "five - eighths".
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "thirds": 3, "quarters": 4, "fourths": 4, "fifths": 5, "sixths": 6,
    "sevenths": 7, "eighths": 8, "ninths": 9, "tenths": 10, "third": 3, "quarter": 4,
    "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
FRACTION_NUMERATORS: dict[str, int] = {"a": 1, "an": 1, **{w: v for w, v in ONES.items() if 0 < v < 10}}
_DEN_ALT = "|".join(sorted(FRACTION_DENOMINATORS, key=len, reverse=True))
RE_FRACTION_AFTER = regex.compile(
    rf"""
    (?<![ \u00a0])                                            # only the start of a run of spaces tries
    (?: [ \u00a0]+and[ \u00a0]+                              # a mixed number: "five and a quarter"
        (?P<num_m>{"|".join(FRACTION_NUMERATORS)})[ \u00a0-](?P<den_m>{_DEN_ALT})
      | (?P<hyphen>[ \u00a0]?[-–][ \u00a0]?|[ \u00a0])(?P<den>{_DEN_ALT}) )  # "two-thirds", "five - eighths"
    (?![\p{{L}}\p{{N}}-])
    (?P<of>[ \u00a0]+of\b)?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A vague amount: a plural scale word and "of" ("thousands of tests", "dozens of people",
# "tens of millions of dollars", "hundreds of thousands fled"): from one of the scale to
# ten (CQE's reading: "thousands" is 1,000-10,000). "Tens" needs a scale after it.
VAGUE_SCALES: dict[str, float] = {
    "tens": 10.0, "dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "trillions": 1e12,
}  # fmt: skip
RE_VAGUE_AMOUNT = regex.compile(
    r"""
    (?<![\p{L}\p{N}'’-])
    (?P<first>(?i:tens|dozens|hundreds|thousands|millions|billions|trillions))
    (?P<chain>(?:[ ]+of[ ]+(?i:hundreds|thousands|millions|billions|trillions)\b)*)
    (?=[ ]+of[ ]+\p{L}|(?<=s[ ]+of[ ]+\p{L}+)[ ]+\p{L})     # "thousands of tests"; a chain may end bare
    """,
    regex.VERBOSE,
)
VAGUE_TAILS = ("ds of ", "ns of ")  # every vague amount ends so: hundreds, thousands; dozens, tens, millions
RE_VAGUE_HINT = regex.compile(r"""(?i:tens|dozens|hundreds|thousands|millions|billions|trillions)[ ]+of[ ]""")
RE_OF_WORD = regex.compile(r"""(?<![ ])[ ]+of(?=[ ])""")
# A scale word after a fraction: "one billion and a quarter million".
RE_SCALE_WORD_AFTER = regex.compile(
    r"""(?<![ \u00a0])[ \u00a0]+(?P<w>(?i:thousand|million|billion|trillion))\b""", regex.VERBOSE
)
# "quarters" are also periods: "the last two quarters", "three quarters in a row",
# "two quarters of the year"; then no fraction (a hyphen, "three-quarters", always is one).
RE_QUARTER_PERIOD_BEFORE = regex.compile(
    r"""(?<![\p{L}])(?i:last|past|first|next|previous|recent|coming|consecutive|straight|successive|several|few)[ ]+\Z""",
    regex.VERBOSE | regex.REVERSE,
)
RE_QUARTER_PERIOD_AFTER = regex.compile(
    r"""
    (?<![ \u00a0])[ \u00a0]+(?i: in[ ]a[ ]row       # (only the start of a run of spaces tries)
      | of[ ]+(?:the[ ]+|this[ ]+|last[ ]+|next[ ]+)?(?:fiscal[ ]+|financial[ ]+|calendar[ ]+)?(?:year|fiscal|\d{4})
      | of[ ]+(?:growth|decline|contraction|expansion|losses|profits?) )\b
    """,
    regex.VERBOSE,
)
# Ordinals that name a denominator ("three twenty-fifths", "a hundredth of a second",
# "one one hundred and fifth"), each with its cardinal. "Second" is left out: "two
# seconds" is a time.
ORDINAL_CARDINALS: dict[str, str] = {
    "first": "one", "third": "three", "fourth": "four", "fifth": "five", "sixth": "six",
    "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten", "eleventh": "eleven",
    "twelfth": "twelve", "thirteenth": "thirteen", "fourteenth": "fourteen", "fifteenth": "fifteen",
    "sixteenth": "sixteen", "seventeenth": "seventeen", "eighteenth": "eighteen",
    "nineteenth": "nineteen", "twentieth": "twenty", "thirtieth": "thirty", "fortieth": "forty",
    "fiftieth": "fifty", "sixtieth": "sixty", "seventieth": "seventy", "eightieth": "eighty",
    "ninetieth": "ninety", "hundredth": "hundred", "thousandth": "thousand", "millionth": "million",
    "billionth": "billion", "trillionth": "trillion",
}  # fmt: skip
# Every ordinal word with its cardinal, for ranks (`parse_ordinal_words`): "second" too.
ORDINAL_WORDS: dict[str, str] = {
    "second": "two", **ORDINAL_CARDINALS,
    **{f"{scale}th": scale for scale in SCALES if scale.endswith("illion")},
}  # fmt: skip
RE_DIGIT_ORDINAL = regex.compile(r"""(?<![\d,])(?P<n>\d{1,3}(?:,\d{3})++|\d++)(?P<suffix>(?i:st|nd|rd|th))""", regex.VERBOSE)
ORDINAL_ENDINGS = tuple(ORDINAL_CARDINALS) + tuple(f"{w}s" for w in ORDINAL_CARDINALS)
_ORDINAL_ALT = "|".join(sorted(ORDINAL_CARDINALS, key=len, reverse=True))
# Every ordinal above holds one of these; a prefilter for RE_ORDINAL_FRACTION.
ORDINAL_STEMS = (
    "first", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "teenth", "tieth", "hundredth", "thousandth", "illionth",
)  # fmt: skip
# A number in words, then an ordinal: a written fraction. Which words are the numerator
# is settled in `_ordinal_fraction`.
RE_ORDINAL_FRACTION = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}'’-])
    (?P<words>
        (?:an?|{NUMBER_WORD})\b                                   # the numerator's first word
        (?:(?:[ ]+and[ ]+|[ ]*-[ ]*|[ ]+)(?:{NUMBER_WORD})\b){{0,12}}+  # more (bounded: a long run of
                                                                  # number words stays linear)
        (?:[ ]+and[ ]+|[ ]*-[ ]*|[ ]+)(?P<ord>{_ORDINAL_ALT})(?P<plural>s)?   # the ordinal
    )
    (?![\p{{L}}\p{{N}}-])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
RE_OF_THE = regex.compile(r"""(?<![ \u00a0])[ \u00a0]+of[ \u00a0]+(?i:the|its|their|his|her|our|a|an)[ \u00a0]+""", regex.VERBOSE)
RE_AND_JOIN = regex.compile(r"""(?<![ \u00a0])[ \u00a0]+and[ \u00a0]+""", regex.VERBOSE)
# Words before which a number and an ordinal are an ordinal: "the one hundredth episode".
RE_ORDINAL_BEFORE = regex.compile(
    r"""(?<![\p{L}])(?i:the|its|his|her|their|our|this|that|my|your)[ ]+\Z|['’]s[ ]+\Z""", regex.VERBOSE | regex.REVERSE
)
# A fraction of a scale: "two thirds of a million", "a quarter of a billion".
RE_OF_SCALE = regex.compile(
    r"""(?<![ \u00a0])[ \u00a0]+of[ \u00a0]+(?:a|one)[ \u00a0]+(?P<w>(?i:hundred|thousand|million|billion|trillion))\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
# A fraction standing alone before "of": "a third of voters", "half of them", "a quarter
# of the budget". Without "of", "a third" is an ordinal ("a third term") and "half" a
# part of a game ("the second half"), so neither is read.
SINGLE_DENOMINATORS = tuple(d for d in FRACTION_DENOMINATORS if not d.endswith("s"))
_SINGLE_DEN_ALT = "|".join(SINGLE_DENOMINATORS)
RE_FRACTION_WORDS = regex.compile(
    rf"""(?P<frac>an?[ \u00a0-](?P<den>{_SINGLE_DEN_ALT})|half)""", regex.VERBOSE | regex.IGNORECASE
)
RE_FRACTION_OF = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}'’-])
    (?:{RE_FRACTION_WORDS.pattern})
    (?= [ \u00a0]+of[ \u00a0]+\p{{L}}                                  # a third of voters
      | (?<=half)[ \u00a0]+(?:the|its|their|his|her|our|all|these|those)\b   # half the country
      | [ \u00a0]+(?:and|to|or)[ \u00a0]+                                  # the low end of a range of
        (?:an?[ \u00a0-](?:{_SINGLE_DEN_ALT})|half                         # shares: "a third to a half of",
          |(?:{"|".join(w for w in FRACTION_NUMERATORS if w not in ("a", "an"))})[ \u00a0-](?:{_DEN_ALT}))
        [ \u00a0]+of[ \u00a0]+\p{{L}}                                   # "half to two-thirds of them"
      | [ \u00a0]+or[ \u00a0]+(?:more|less|fewer)[ \u00a0]+of[ \u00a0]+\p{{L}} )  # "a third or more of voters"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# "half" after a hedge, without "of": "more than half people came", "nearly half."; not
# "half an hour" (a duration).
RE_HALF_HEDGED = regex.compile(r"""(?<![\p{L}\p{N}'’-])(?P<frac>half)(?![\p{L}\p{N}-])(?![ \u00a0]+an?\b)""", regex.VERBOSE | regex.IGNORECASE)
# "a half" ending a clause: "cut by a half."; not after "and" ("a year and a half" is a
# duration, and "two and a half" one number).
RE_A_HALF_ALONE = regex.compile(
    r"""(?<![\p{L}\p{N}'’-])(?i:a)[ \u00a0]half(?=[ \u00a0]*(?:[.,;:!?)]|\Z))""", regex.VERBOSE
)
RE_AND_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:and)[ \u00a0]+\Z""", regex.VERBOSE | regex.REVERSE)
# A fraction of a point or a percent, as central banks move rates: "a quarter point", "half a
# percentage point", "a quarter of a point", "three quarters of a point", "half a percent",
# "half of one per cent" (the value the point or percent counts).
RE_FRACTION_POINT = regex.compile(
    r"""
    (?<![\p{L}\p{N}'’-])
    (?: (?:an?|one)[ \u00a0-](?P<den>half|quarter|third)(?:[ \u00a0]of[ \u00a0](?:an?|one))?   # a quarter (of a) point
      | (?P<half>half)[ \u00a0](?:an?|of[ \u00a0]one)                                       # half a point
      | (?P<num>two|three)[ \u00a0-](?P<dens>quarters|thirds)[ \u00a0]of[ \u00a0](?:an?|one)    # three quarters of a point
    )
    (?=[ \u00a0]+(?:(?:percentage[ \u00a0-])?points?|percent|per[ \u00a0]cent|pct)(?![\p{L}\p{N}-]))
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A fraction as the size of a change, after "by": "fell by a third", "cut by half to 5 mln",
# "rose by a quarter in 2024". Only where a clause or a phrase of time or place goes on after
# it, since before a noun it is an ordinal ("by a third party") or a part ("by half-time"),
# and only after a word of change (`_direction_before`).
RE_FRACTION_BY = regex.compile(
    rf"""
    (?<=(?<![\p{{L}}])(?i:by)[ \u00a0]+)
    (?:{RE_FRACTION_WORDS.pattern})
    (?= [ \u00a0]*(?:[.,;:!?)]|\Z)
      | [ \u00a0]+(?i:to|from|in|on|at|since|over|after|before|during|within|between|last|this|compared
                    |against|and|or|but|while|as|amid|because)(?![\p{{L}}\p{{N}}-]) )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A fraction in digits: "2 1/2", "2½", "½", "1/4 inch", "1⁄32 of a quart".
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
RE_DIGIT_FRACTION = regex.compile(
    rf"""
    (?<![\p{{N}}.,/⁄])
    (?: (?P<whole>\d{{1,3}})[ \u00a0]{{1,2}}(?P<num>\d{{1,2}})[/⁄](?P<den>\d{{1,2}})   # 2 1/2 (a mixed number)
      | (?P<num1>\d{{1,2}})(?P<slash>[/⁄])(?P<den1>\d{{1,3}})                     # 1/4, 1⁄32
      | (?:(?P<whole2>\d{{1,3}})[ \u00a0]?)?(?P<vulgar>[{VULGAR_FRACTIONS}]) )       # 2½, ½
    (?![\p{{N}}/⁄])
    """,
    regex.VERBOSE,
)
# A number in scientific notation: "1.3e6", "12.32e+14", "2.48×10−5", "1.99 x 10^30".
# The "x 10" form needs a power sign or a minus: "a 4x100m relay" is a relay.
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺−", "0123456789-+-")
RE_SCIENTIFIC = regex.compile(
    r"""
    (?<![\p{L}\p{N}.,])
    (?P<mant>\d{1,6}(?:\.\d{1,12})?)
    (?: [eE](?P<exp>[+-]?\d{1,3})                                      # 1.3e6, 12.32e+14
      | [ ]?[×x][ ]?10(?: (?:\^|\*\*)(?P<pow>[-−+]?\d{1,3})           # × 10^30
                       | (?P<neg>[−-]\d{1,3})                           # ×10−5
                       | (?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}) ) )              # ×10⁻⁵
    (?![\p{L}\p{N}.])
    """,
    regex.VERBOSE,
)
# A power written with a caret: "10^6", "1.1^23", "2.5^-1" (a sign before the exponent;
# two minuses cancel, "1.1^--23" is 1.1^23). Not "x 10^30": that is RE_SCIENTIFIC's.
RE_POWER = regex.compile(
    r"""
    (?<![\p{L}\p{N}.,^])
    (?P<base>\d{1,6}(?:\.\d{1,12})?)
    \^(?P<sign>[-+−]{0,2})(?P<exp>\d{1,3})
    (?![\p{L}\p{N}^]|\.\d)
    """,
    regex.VERBOSE,
)
# Prefilters, each a necessary condition for the pattern above it.
RE_SCIENTIFIC_HINT = regex.compile(r"""\d(?:[eE][+-]?\d|[ ]?[×x][ ]?10|\^)""", regex.VERBOSE)
RE_VULGAR_ANY = regex.compile(f"[{VULGAR_FRACTIONS}]")
# After a fraction with a plain slash, what makes it no date (3/4 is March 4): a unit, or
# "of" and a determiner ("1/40 of the wavelength").
RE_OF_DETERMINER = regex.compile(r"""[ \u00a0]+of[ \u00a0]+(?i:a|an|the)\b""", regex.VERBOSE)
# "at one point", an idiom of time, not 1.x: "At one point five people were held".
RE_AT_ONE_POINT = regex.compile(r"""(?i:one[ ]point[ ])""", regex.VERBOSE)
RE_AT_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:at)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
# Words before "half of" that make it a part, not a share: "the second half of the year".
RE_HALF_PART_BEFORE = regex.compile(
    r"""(?<![\p{L}])(?i:the|a|first|second|latter|former|other|back|front|top|bottom|upper|lower|better|last|next|each|every|this|that|its|their|his|her|our)[ ]+\Z""",
    regex.VERBOSE | regex.REVERSE,
)

# An age after a number: "33-year-old", "44 years old", "ten months old", "3 years of
# age", "87 yo"; a unit other than years is kept ("month", "week", "day").
RE_AGE_AFTER = regex.compile(
    r"""
    [ \u00a0-](?: (?:years?|yrs?|(?P<unit>month|week|day)s?)[ \u00a0-]old
                | (?:years?|(?P<unit_of>month|week)s?)[ \u00a0]+of[ \u00a0]+age )\b
    | [ \u00a0]?(?:yo|y\.o\.)(?![\p{L}\p{N}])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# An age cue before a number: "aged 60", "age 71", "at the age of 21".
RE_AGE_BEFORE = regex.compile(
    r"""(?<![\p{L}])(?:aged|age|ages)(?:[ ]+of)?[ ]+\Z""",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
# A person's age as a predicate: "she turned 40 last week", "she will be 52 by the time
# the term ends", "who turns 80 in November", "I'm 29." (`RE_AGE_CLOSE` must follow the number).
RE_PERSON_AGE_BEFORE = regex.compile(
    r"""
    (?<![\p{L}])
    (?: (?i:he|she|who|I)
        (?:['’][sm] | [ ]+(?i:is|was|am|will[ ]be|would[ ]be|(?:is|was)[ ]turning|will[ ]turn|turns|turned))
      | \p{Lu}\p{Ll}+[ ]+(?i:turns|turned|will[ ]turn|(?:is|was)[ ]turning) )
    [ ]+\Z
    """,
    regex.VERBOSE | regex.REVERSE,
)
RE_AGE_CLOSE = regex.compile(
    r"""(?<![ ])[ ]*+(?:[.,;:!?)—–]|\Z|(?<=[ ])(?i:in|on|by|next|this|last|today|tomorrow|yesterday|and|but|when|before|after)\b)""",
    regex.VERBOSE,
)
# The news convention "Hegseth, 44, a former infantryman": a name, a comma, an age.
RE_AGE_APPOSITION = regex.compile(
    r"""
    (?P<name>\p{Lu}[\p{L}\p{M}'’.-]{0,40})   # a capitalised (sur)name
    ,[ \u00a0]
    (?P<age>\d{1,3})                          # the age
    (?=[ \u00a0]*(?:[,;)—–]|\.(?!\d)|\Z))     # then a comma, dash or the end
    """,
    regex.VERBOSE,
)

# A minus sign before a number: "minus-5 yards", "minus 233 Celsius", "−4", "-0.3%".
# CAUTION: a hyphen is a minus only when glued to the number and set off by a space, a
# parenthesis or the start of the text: "F-35" is a code, "40-50" and "40 -50" ranges,
# "- 5" a dash; a hyphen opening a line ("\n-5 dead") is a list marker.
RE_MINUS = regex.compile(
    r"""
    (?: (?<![\p{L}])(?i:minus|negative)[ -]            # minus 5, minus-5, negative 2
      | (?<![\p{L}\p{N}])\u2212                        # −4 (the minus sign)
      | (?:(?<=[ \u00a0(\[])|(?<![\s\S]))              # a space, "(" or the start, then
        (?<!\p{N}[ \u00a0]{0,3}|\p{N}[ \u00a0]{0,3}\()  # no number right before: "40 -50"
        - )                                          # a hyphen glued to the number: -5
    \Z
    """,
    regex.VERBOSE | regex.REVERSE,
)
# A hedge right before a number (or its currency sign).
RE_QUALIFIER = regex.compile(
    r"""
    (?<![\p{L}])
    (?P<q>"""
    + "|".join(
        regex.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)
    )
    + r""")
    \s+\Z
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,  # it ends at the end: searched from there
)

# Words after which "about" is a preposition ("spoke about four priorities", "Takaichi about").
RE_ABOUT_PREPOSITION = regex.compile(
    r"""
    (?: (?<![\p{L}])(?i:talk|talks|talked|talking|spoke|speak|speaks|speaking|said|say|says
          |asked|ask|asks|know|knew|known|think|thought|worried|concerned|care|cared|learn
          |learned|hear|heard|told|tell|tells|wrote|write|written|complained|question
          |questions|debate|discussion|discussions|doubts|concerns|details|news|report
          |reports|remarks|comments|agreed|argued|disagreed|joked|warned|optimistic)
      | (?<=[\p{L}][ ]+)\p{Lu}[\p{L}'’-]* )          # a name in mid-sentence: "Takaichi about"
    [ ]+\Z
    """,
    regex.VERBOSE | regex.REVERSE,
)
# "add up to" is a sum, not a hedge.
RE_ADD_UP_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:add|adds|added|adding)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
# Verbs of a cut: before "by" a change down, with or without their object ("cut by 30%",
# "cut its workforce by 10%").
_CUTS = r"""cut|cuts|cutting|reduced|reduces|reducing|lowered|lowers|lowering|slashed|slashes
          |slashing|trimmed|trims|trimming"""
# The verbs and nouns of a change, up and down. A verb that also takes an object or an
# agent is a change only before "by" and only down ("cut by 30%", not "cut 30 jobs"; but
# "lifted by 20 supporters" is no rise).
_UP = r"""rose|rise|rises|rising|risen|increased|increases|increasing|grew|grows|growing|grown
          |climbed|climbs|climbing|jumped|jumps|jumping|surged|surges|surging|soared|soars
          |soaring|gained|gains|gaining|advanced|advances|rallied|rallies|added|adds
          |(?<!\b(?:gave|give|gives|giving|lifted|pick|picks|picked|picking|set|sets|make|made|makes|making
              |take|takes|took|taken|taking|snap|snaps|snapped|snapping|ended|end)[ ]+)up   # not "make up 30 pct of"
          |(?:increase|rise|hike|jump|gain|growth|boost|surge)[ ]+of
          |upwards?"""
_DOWN = r"""fell|falls|falling|fallen|dropped|drops|dropping|declined|declines|declining
          |decreased|decreases|decreasing|slipped|slips|slid|plunged|plunges|plunging
          |plummeted|plummets|plummeting|tumbled|tumbles|sank|sinks|dipped|dips|eased|eases
          |retreated|down|lost|loses|shed|sheds
          |(?:drop|decline|fall|cut|decrease|reduction|slump)[ ]+of
          |(?:decrease|drop|fall|decline|dip)(?=[ ]+by)
          |(?:""" + _CUTS + r"""|shrank|shrinks|shrinking|shrunk)(?=\s+by)
          |downwards?"""
# A direction of change before a number: "rose 5%", "fell by 3%", "an increase of 2%".
RE_DIRECTION_BEFORE = regex.compile(
    rf"""
    (?<![\p{{L}}])
    (?: (?P<up>{_UP}) | (?P<down>{_DOWN}) )
    (?:\s+by)?\s+\Z                    # (a hard-wrapped line may break after the verb)
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,  # it ends at the end: searched from there, 7x faster
)
# A verb of change, its object, then "by": "cut rates by half a point", "raised its stake in
# the bank by 5%". Active verbs only: with nothing between, "lifted by 20 supporters" is an agent.
RE_DIRECTION_OBJECT_BY = regex.compile(
    rf"""
    (?<![\p{{L}}])
    (?: (?P<up>raised|raises|raising|lifted|lifts|lifting|boosted|boosts|boosting|hiked|hikes|hiking
            |increased|increases|increasing|expanded|expands|expanding)
      | (?P<down>{_CUTS}) )
    (?:[ ]+(?!(?i:by|was|were|is|are|be|been|being)\b)[\p{{L}}'’-]+){{1,5}}
    [ ]+by[ ]+\Z
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
DIRECTION_CHARS = 80  # how far back a direction word is looked for
# A change verb in the infinitive or after a modal ("set to climb 2%", "could fall 4%"):
# then its bare form is a verb; elsewhere "a drop", "the rise" are nouns (see _qualify).
BARE_UP = frozenset("climb grow gain jump surge soar increase advance".split())
BARE_DOWN = frozenset("drop fall decline dip slip sink plunge tumble slide lose shed ease".split())
MODALS = frozenset("to could would will may might should must".split())
# A direction of change after a number: "a 5% rise", "closed 2% lower".
RE_DIRECTION_AFTER = regex.compile(
    r"""
    (?<![ ])[ ]+(?: (?P<up>increase|rise|hike|jump|gain|growth|surge|higher)
          | (?P<down>drop|decline|fall|cut|decrease|reduction|slump|lower) )\b
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A temperature's scale as a bare letter, BBC style ("30C", "minus 20C", "86F"): only in a
# sentence about temperatures, since "12C" is also a seat, a form or a flat.
RE_TEMPERATURE_LETTER = regex.compile(r"""[ \u00a0]?(?P<t>[CF])(?![\p{L}\p{N}])""", regex.VERBOSE)
RE_TEMPERATURE_CONTEXT = regex.compile(
    r"""(?i:temperature|degree|\bheat|\bwarm|\bcold|\bchill|\bfreez|\bfrost|weather|thermometer|celsius|fahrenheit|melting|boiling
        |\bhighs\b|\blows\b|forecast|\bhot(?:ter|test)?\b|swelter|scorch|sizzl|\bmet[ ]office)""",
    regex.VERBOSE,
)
# What an amount with a unit is of, in lower-case words, before a rate: "180,000 barrels of
# crude oil| a day", "3 million litres of water| a week".
RE_OF_PHRASE = regex.compile(rf"""{_GAP}of(?:{_GAP}(?P<word>\p{{Ll}}[\p{{Ll}}-]*)){{1,3}}""", regex.VERBOSE)
# The scale after "degrees" or "°", as a letter: "100 degrees F", "250 deg C", "20 degrees c".
RE_DEGREE_SCALE = regex.compile(
    r"""[ \u00a0]?(?: (?P<t>[CFcf]) | [ \u00a0]?(?i:(?P<c>celsius|centigrade|celcius)|(?P<f>fahrenheit|farenheit)) )(?![\p{L}\p{N}])""",
    regex.VERBOSE,
)
# A count compounded with the noun it counts: "a 12-member jury", "a five-match ban", "a
# 5,000-strong crowd", "from three-point range". A lower-case word only, whole: "3-D" is
# a name, "two-and-a-half" one number.
RE_COMPOUND_NOUN = regex.compile(r"""-(?P<noun>\p{Ll}{2,})(?![\p{L}\p{N}'’-])""", regex.VERBOSE)
# A count whose noun is suspended to the last of a list: "four-, five- and six-cylinder".
RE_SUSPENDED_LIST = regex.compile(
    rf"""
    -(?:,[ ]+|[ ]+(?:and|or)[ ]+)                                          # "four-, " or "five- and "
    (?:(?:\d{{1,3}}|(?i:{NUMBER_WORD}))-(?:,[ ]+|[ ]+(?:and|or)[ ]+)){{0,4}}    # more suspended counts
    (?:\d{{1,3}}|(?i:{NUMBER_WORD}))-(?P<noun>\p{{Ll}}{{2,}})(?![\p{{L}}\p{{N}}'’-])  # "six-cylinder"
    """,
    regex.VERBOSE,
)
# Nouns whose compound with a count is an idiom, a rating or a score, not a count of them.
COMPOUND_IDIOMS = frozenset(
    """
    way ways off fold nil all love up down star tier party state horse wheel letter odd plus
    something somethings liner pointer dimensional some fer to in on by and or vs against figure
    figures bit
    """.split()
)  # fmt: skip
# "sub-" before a number: below it ("sub-7 nanometer chips", "sub-$100 phones"), not a code;
# nor is "now-" ("the now-21-year-old striker").
RE_SUB_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:sub)[-‐]\Z""", regex.VERBOSE | regex.REVERSE)
RE_PREFIX_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:sub|now)[-‐]\Z""", regex.VERBOSE | regex.REVERSE)
# A tilde or "≈" glued to a number, or before it: "~45g", "≈ 3 km" (about); not "a~3" (an id).
RE_TILDE_BEFORE = regex.compile(r"""(?<![\p{L}\p{N}~])[~≈][ ]?\Z""", regex.VERBOSE | regex.REVERSE)
# A conversion in parentheses after an amount ("$1bn (£530m)"), and the rest of one after
# an amount inside it ("($2m; £1m)"): a rate after the parenthesis is the amount's too.
RE_CONVERSION_AFTER = regex.compile(
    r"""(?<![ \u00a0])[ \u00a0]*\((?=[ \u00a0]*(?:\p{Sc}|[A-Z]{1,2}\$|\d))[^()\n]{1,60}\)""", regex.VERBOSE
)  # it opens with an amount: not "$5m (see page 4) a year"
RE_CONVERSION_REST = regex.compile(r"""[^()\n]{0,60}\)""", regex.VERBOSE)
# What lies between an amount and its conversion in parentheses: "296 hp (224 kW / 300 PS)",
# "seven miles (11 km)", "7.5 million crowns (US $1.1 million)".
RE_CONVERSION_OPEN = regex.compile(r"""\A[ \u00a0]*\([ \u00a0]*\Z""", regex.VERBOSE)
# A list that leaves its change verb out: "Ross was down 2.3%, Burlington by 2.6%".
RE_ELLIPTIC_BY = regex.compile(r"""\A[^;:.()]*?,[ ]+\p{Lu}[\p{L}&'’.-]*(?:[ ]+\p{Lu}[\p{L}&'’.-]*)*[ ]+by[ ]+\Z""", regex.VERBOSE)
RE_CONVERSION_NEXT = regex.compile(r"""\A[ \u00a0]*[/=][ \u00a0]*\Z""", regex.VERBOSE)

# Spans whose numbers are never facts.
# URLs and emails; each starts only where a run of word characters starts, so a long
# run such as "1.1.1.1..." is scanned once, not once per position.
RE_URL = regex.compile(
    r"""
    (?:https?://|www\.)\S+                                       # https://example.com/2025/...
    | (?<![\w.-])(?:[\w-]{1,63}\.){1,6}(?:com|org|net|gov|jp|uk)/\S*   # example.com/story-123
    """,
    regex.VERBOSE,
)
RE_EMAIL = regex.compile(r"""(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}""", regex.VERBOSE)
RE_TIME = regex.compile(
    r"""
    (?<![\p{N}])\d{1,2}
    (?: (?::\d{2}){1,2}(?:[ \u00a0]*(?:[ap]\.m\.|[ap]m\b|[AP]M\b))?   # 3:30 p.m., 14:00
      | [ \u00a0]*(?:[ap]\.m\.|[ap]m\b|[AP]M\b)                      # 10 a.m., 7pm
      | [ ]o['’]clock\b )                                             # 7 o'clock
    """,
    regex.VERBOSE,
)
RE_DATE = regex.compile(
    rf"""
    (?: \b(?:{MONTHS})\.?[ \u00a0]+\d{{1,2}}(?:st|nd|rd|th)?\b       # March 30, Jan. 2, December 6th
          (?:,?[ ]+\d{{4}}\b)?                                         # , 2025
      | (?<![\p{{N}}])\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0]+(?:of[ ]+)?(?:{MONTHS})\b\.?  # 30 March
          (?:,?[ ]+\d{{4}}\b)?
      | \b\d{{4}}-\d{{2}}-\d{{2}}\b                                    # 2025-03-30
      | (?<![\p{{N}}.])\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}\b                 # 30.03.2025
      | (?<![\p{{N}}])\d{{1,4}}/\d{{1,4}}(?:/\d{{1,4}})?(?![\p{{N}}])      # 3/30, 9/11, 24/7
    )
    """,
    regex.VERBOSE,
)
# The ordinal words of a day of the month's units (`compare.extract.dates` spells days with them).
DAY_WORD_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
# A day of the month in two words beside its month, `June twenty second`, `the twenty
# second of June`: a date, not 20 seconds (needs no digit, unlike RE_DATE).
_DAY_IN_TWO_WORDS = rf"(?i:twenty[ \u00a0]+(?:{DAY_WORD_UNITS})|thirty[ \u00a0]+first)"
RE_DATE_IN_WORDS = regex.compile(
    rf"\b(?:{MONTHS})[ \u00a0]+{_DAY_IN_TWO_WORDS}\b|\b{_DAY_IN_TWO_WORDS}[ \u00a0]+of[ \u00a0]+(?:{MONTHS})\b"
)
# A month name in lower-cased copy ("on may 19", "oct. 13, 1989"), where a capital cannot
# tell the month `may` from the verb: capitalised before a date pattern reads a sentence
# without capitals (`months_capitalised`).
RE_LOWER_MONTH = regex.compile(r"\b(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\b")
# The same in copy set in capitals ("ON JUNE 22", a wire headline), where no capital tells either.
RE_UPPER_MONTH = regex.compile(r"\b(?:" + "|".join(sorted(map(str.upper, MONTH_NUMBERS), key=len, reverse=True)) + r")\b")
RE_PHONE = regex.compile(
    r"""
    (?: \+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}          # +81 3 1234 5678
      | \(\d{2,4}\)[ ]?\d{3,4}[ .-]?\d{3,4}            # (03) 1234 5678
      | (?<![\p{N}])(?:1-)?\d{3}[-.]\d{3}[-.]\d{4}     # 1-800-555-1234, 202.555.0100
    )
    (?![\p{N}])
    """,
    regex.VERBOSE,
)
# A code word before a number: "No. 10", "section 230", "Flight 370", "#1".
RE_CODE_BEFORE = regex.compile(
    rf"""(?: \#[ ]?                                    # #1
          | (?<![\p{{L}}])(?i:{CODE_WORDS})\.?[ \u00a0]+   # No. 10, section 230
          | \p{{Lu}}{{2,}}[ ]?-                             # COVID -19
        )\Z""",
    regex.VERBOSE | regex.REVERSE,
)
# A street address: a house number, one to three capitalised words (or "E", "71st"), a
# street suffix; not a count of things named for a street ("12 Wall Street firms").
RE_ADDRESS = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}},.])\d{{1,5}}(?:[-–]\d{{1,5}})?[A-Za-z]?      # 575, 16-18, 221B
    (?: (?:[ ]+(?:[NSEW]\.?|\d{{1,3}}(?:st|nd|rd|th)|\p{{Lu}}[\p{{L}}'’-]*)){{1,3}}  # Wilbraham, E 71st
        [ ]+(?:{"|".join(STREET_SUFFIXES)})\b\.?
        (?![ ]+(?!was\b|has\b|is\b)\p{{Ll}}{{2,}}s\b)              # "12 Wall Street firms": a count
      | [ ]+(?:Rue|Avenue|Ave|Boulevard|Blvd|Via|Calle|Plaza)\.?[ ]+(?:(?:de|du|des|la|del)[ ]+)?\p{{Lu}}\p{{Ll}} )  # 22 Ave Foch
    """,
    regex.VERBOSE,
)
# A stock index name right before a number: "the S&P 500", "FTSE 100".
RE_STOCK_INDEX_BEFORE = regex.compile(rf"""(?<![\p{{L}}&/])(?i:{STOCK_INDEXES})[ \u00a0]+\Z""", regex.VERBOSE | regex.REVERSE)
# Page furniture: "1 of 94" ending a line ("Related Posts 1 of 94", "Photo 3 of 12").
RE_FURNITURE = regex.compile(
    r"""(?<![\p{L}\p{N}])\d{1,4}[ \u00a0]+of[ \u00a0]+\d{1,4}(?=[ \u00a0\t]*(?:\n|\Z))""",
    regex.VERBOSE,
)
# Words that make a hyphenated number pair a score, not a range: "a 3-2 win", "won 2-1".
RE_SCORE_AFTER = regex.compile(
    r"""
    (?<![ ,])                                         # only the start of a run of spaces tries
    (?: [ ]+(?:win|victory|loss|defeat|lead|draw|tie|scoreline|vote|decision|margin|record
          |split|down|up|deficit|aggregate|thrashing|home|away|after)\b
      | [ ,]+\d{1,2}[-–]\d{1,2}\b )                   # a set score follows: 6-4 5-7 6-3
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A set score right before a hyphenated pair: "6-4 5-7".
RE_SCORE_PAIR_BEFORE = regex.compile(r"""\d{1,2}[-–]\d{1,2}[ ,]+\Z""", regex.VERBOSE | regex.REVERSE)
RE_SCORE_BEFORE = regex.compile(
    r"""(?<![\p{L}])(?:won|lost|beat|beating|defeated|drew|tied|leads?|led|trailed|trails?|score[ ]of|by)[ ]+(?:a[ ]+)?\Z""",
    regex.VERBOSE | regex.IGNORECASE | regex.REVERSE,
)
# What joins the two ends of a range.
RE_RANGE_JOIN = regex.compile(
    r"""\A(?: [ \u00a0]*[-–—][ \u00a0]* | [-–][ ]+(?:to|or)[ ]+ | [ ]+(?P<word>to|and|or)[ ]+ )\Z""",
    regex.VERBOSE,
)
# A hyphen left hanging before the other end of a range: "8- to 16-meter", "10- or 15-year".
RE_SUSPENDED_HYPHEN = regex.compile(r"""[-–][ ]+(?:to|or)[ ]+(?=[\p{N}$€£¥])""", regex.VERBOSE)
# What joins the two numbers of a proportion: "one in five", "9 out of 10", "1 over 3".
RE_RATIO_JOIN = regex.compile(
    r"""\A[ \u00a0]+(?P<word>(?i:out[ \u00a0]+of|in|over))[ \u00a0]+\Z""",
    regex.VERBOSE,
)
# What joins a whole amount and its cents: "3 dollars 50 cents", "thirteen dollars and forty-five cents".
RE_CENTS_JOIN = regex.compile(r"""\A(?:[ \u00a0]+and)?[ \u00a0]+\Z""", regex.VERBOSE)
# Change words before "from X to Y": then X and Y are two values, not a range.
RE_CHANGE_WORD = regex.compile(
    r"""(?<![\p{L}])(?:increas|rais|rise|rose|risen|ris|grow|grew|boost|lift|doubl|tripl|cut|reduc|lower|fell|fall|drop|jump|climb|surg|soar|declin|decreas|slash|hik|chang|mov|went|go)\w*\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
# A word token for noun-phrase scanning.
RE_TOKEN = regex.compile(
    r"""
    [ \u00a0]*
    (?P<tok>
        (?:\p{L}\.){2,}                                    # U.S., U.K.
      | \p{L}[\p{L}\p{M}\p{N}]*(?:['’-]\p{L}[\p{L}\p{M}\p{N}]*)*   # words, first-team, Japan's
      | \p{N}[\p{N},.]*                                    # numbers
      | \S                                                 # a punctuation mark
    )
    """,
    regex.VERBOSE,
)
# Connectors between a number and the phrase it counts.
RE_OF = regex.compile(r"""[ \u00a0]+of[ \u00a0]+""", regex.VERBOSE)
RE_MONEY_FOR = regex.compile(
    r"""(?<![ \u00a0])[ \u00a0]+(?:worth[ ]+of|(?P<in>in)(?:[ ]+new)?|for|of)[ \u00a0]+""", regex.VERBOSE
)
RE_PERCENT_FOR = regex.compile(
    r"""(?<![ \u00a0])[ \u00a0]+(?:dedicated|allocated|devoted|earmarked|going|spent|set[ ]aside)[ ]+(?:to|for|on)[ ]+""",
    regex.VERBOSE | regex.IGNORECASE,
)
# A percent word before "of" and the number, in the order of speech ("per cent of twenty",
# "percent of 10"), when the word opens the clause: in "40 percent of 10 people" the
# percent is 40, and in "a large percent of 30 countries" there is none.
RE_PERCENT_OF_BEFORE = regex.compile(
    r"""(?<![\p{L}\p{N}][ \u00a0-]*)(?<![\p{L}])(?i:percents?|per[ \u00a0]cent|pct)[ \u00a0]+of[ \u00a0]+\Z""",
    regex.VERBOSE | regex.REVERSE,
)
# What may follow that number: the end of a clause, so that it counts nothing ("percent of
# 10 countries" says how many countries, not which percent).
RE_CLAUSE_END = regex.compile(r"""(?<![ \u00a0])[ \u00a0]*(?:[.,;:!?)"”]|\Z)""", regex.VERBOSE)
# A phrase before "of"/"numbering" that the number measures: "a force of 55,000".
RE_PHRASE_BEFORE = regex.compile(
    r"""
    (?P<np>\p{L}[\p{L}\p{M}'’-]*(?:[ ]+\p{L}[\p{L}\p{M}'’-]*){0,2})   # up to three words
    ["”’']?[ ]+                                                     # a closing quote may follow
    (?:of|numbering|numbered|totaling|totalling|totaled|totalled)[ ]+\Z
    """,
    regex.VERBOSE | regex.REVERSE,
)
RE_DETERMINER = regex.compile(
    r"""(?i:the|a|an|its|their|his|her|our|this|that|these|those|all|some)\Z|\A.*['’]s\Z""",
    regex.VERBOSE,
)
RE_PERCENT_CONTEXT = regex.compile(
    r"""%|\bper[ ]?cent\b|\bpct\b|\bpoll|\brates?\b|\bapproval\b|\bsurvey\b""", regex.VERBOSE | regex.IGNORECASE
)
# A scoring verb before "points": a game's points, even in a sentence about percentages
# ("averaged 7.3 points while shooting 47.6%", "won by 12 points").
RE_SCORED_BEFORE = regex.compile(
    r"""(?<![\p{L}])(?i:scored|scores|scoring|averaged|averages|averaging|tallied|netted|won[ ]by|lost[ ]by|beat[ ]\S+[ ]by)[ ]+\Z""",
    regex.VERBOSE | regex.REVERSE,
)
# A code word after a number: "the 90049 ZIP code", "the 020 area code".
RE_CODE_AFTER = regex.compile(r"""[ \u00a0]+(?i:(?:zip|postal|post|area)[ ]?codes?)\b""", regex.VERBOSE)
RE_MONEY_CONTEXT = regex.compile(
    r"""£|sterling|\bcosts?\b|\bpaid\b|\bpay\b|\bprice|\bworth\b|\bfined?\b|\bsalary|\bbudget|\bspen[dt]|\bfund""",
    regex.VERBOSE | regex.IGNORECASE,
)
RE_YEAR = regex.compile(r"""1[89]\d\d|20\d\d""")  # bare 1800-2099: a year unless hedged
RE_OLD_YEAR = regex.compile(r"""1[0-7]\d\d""")  # 1000-1799: a year after "in", "since"
RE_FAR_YEAR = regex.compile(r"""21\d\d""")  # 2100-2199: a year after "by", "until" (RE_FAR_YEAR_BEFORE)
RE_FAR_YEAR_BEFORE = regex.compile(
    r"""(?<![\p{L}])(?i:in|by|until|till|before|after|since|from|to|through)[ ]+\Z""", regex.VERBOSE | regex.REVERSE
)
# Words before a four-digit number that make it a year: "in 2027", "the 2024 elections".
RE_YEAR_BEFORE = regex.compile(
    r"""
    (?<![\p{L}])
    (?i:in|by|since|until|from|before|after|during|of|the|to|and|or|early|late|mid|year
      |\p{L}+['’]s)                                  # Colby's 2021 work
    [ ]+\Z
    """,
    regex.VERBOSE | regex.REVERSE,
)
# A determiner before an amount used as a modifier: "a 25 percent tariff", "Japan's $50bn plan".
RE_DETERMINER_BEFORE = regex.compile(
    r"""(?: (?<![\p{L}])(?i:a|an|the|its|their|his|her|our|this|that|each|every) | ['’]s )[ ]+\Z""",
    regex.VERBOSE | regex.REVERSE,
)
RE_FROM_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:from)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
# "from about 14-18 mpg to 24": a hedged start of a change lends its unit too.
RE_FROM_HEDGED_BEFORE = regex.compile(
    r"""(?<![\p{L}])(?i:from)[ ]+(?:(?i:about|around|roughly|some|nearly|almost|up[ ]to)[ ]+)?\Z""", regex.VERBOSE | regex.REVERSE
)
RE_BY_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:by)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
# "rose to 5.3 from 4.1 mln dlrs": the new level, then the old one (`_lend_units`).
RE_TO_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:to)[ ]+(?:(?i:about|around|roughly|some|nearly|almost)[ ]+)?\Z""", regex.VERBOSE | regex.REVERSE)
RE_FROM_JOIN = regex.compile(r"""(?<![ ])[ ]+(?i:from)[ ]+(?:(?i:about|around|roughly|some|nearly|almost)[ ]+)?""", regex.VERBOSE)
RE_OR_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:or)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
RE_BETWEEN_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:between)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
# The word right before a number: "Boeing 737", "no one".
# (A leftmost match never starts right after a letter, so the look-behind changes no
# result; it keeps a search over a long run of letters linear.)
RE_WORD_BEFORE = regex.compile(r"""(?<!\p{L})(?P<w>\p{L}[\p{L}\p{M}\p{N}'’-]*)[ \u00a0]+\Z""", regex.VERBOSE | regex.REVERSE)
LEFT_WINDOW = 80

# Small patterns used inside the helpers below, compiled once: a call such as
# `regex.sub(r"\s+", ...)` looks its pattern up in regex's cache on every call.
RE_WORD_SEPARATORS = regex.compile(r"[-,\s]+")
RE_DECIMAL = regex.compile(r"\d+(?:\.\d+)?")
RE_DIGIT_GROUPING = regex.compile(r"[,\s\u00a0\u2009\u202f]")
RE_LETTERS = regex.compile(r"\p{L}+")
RE_CURRENCY_NOISE = regex.compile(r"[.\s\u00a0]")
RE_DOTS_AND_SPACES = regex.compile(r"[.\s]")
RE_SPACES = regex.compile(r"\s+")
RE_NON_WORD = regex.compile(r"\W")
RE_POSSESSIVE_END = regex.compile(r"['’]s\Z", regex.REVERSE)
RE_MONTH_NAME = regex.compile(MONTHS)
# Prefilters, each a necessary condition for a costlier pattern (see where they are used).
RE_ANY_DIGIT = regex.compile(r"\d")
PHRASE_BEFORE_WORDS = ("of", "numbering", "numbered", "totaling", "totalling", "totaled", "totalled")
# Every number word holds one of these (`thir`: thirteen, thirty; `illion`: million...).
NUMBER_WORD_PARTS = (
    "zero", "one", "two", "three", "thir", "four", "fort", "five", "fif", "six", "seven", "eigh",
    "nine", "ten", "eleven", "twel", "twent", "hundred", "thousand", "illion", "dozen", "lakh", "crore",
    "nought", "naught",
)  # fmt: skip
MINUS_CHARS = len("negative ")  # RE_MINUS's longest match
CURRENCY_BEFORE_CHARS = len("U.S. $ ")  # RE_CURRENCY_BEFORE's longest match
CODE_WORD_CHARS = max(len(word) for word in CODE_WORDS.split("|"))
# İ (lower-cases to two characters), ſ (folds to s), the Kelvin sign (folds to k): the
# characters that match an ASCII letter under IGNORECASE and are not one.
RE_FOLDS_TO_ASCII = regex.compile("[\u0130\u017f\u212a]")

# ---------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------


def parse_number_words(text: str) -> float | None:
    """Return the value of a number written in words ("twenty-three thousand", "a dozen")."""
    tokens = RE_WORD_SEPARATORS.sub(" ", text.strip().lower()).split()
    if not tokens:
        return None
    if "point" in tokens:
        return _spoken_decimal(tokens)
    total = 0.0
    group: float | None = None  # the value below the current scale word
    last = ""  # kind of the previous token: one, teen, ten, hundred, scale, and, a, half
    last_scale = float("inf")
    hundreds, last_and = 0.0, False  # the group at its last "hundred", and whether "and" came after
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("a", "an"):
            if nxt in ("hundred", "dozen", "half", "quarter", *SCALES) and last in ("", "and", "half"):
                if nxt not in ("half", "quarter"):
                    keep = group if last in ("and", "half") else None  # "and a", "half a million"
                    group = keep if keep is not None else (group or 0.0) + 1.0
                last = "a"
                continue
            return None
        if tok == "and":
            if last not in ("hundred", "scale", "one", "teen", "ten") or not nxt:
                return None
            last, last_and = "and", True
            continue
        if tok in ("half", "quarter"):
            part = 0.5 if tok == "half" else 0.25
            if tok == "half" and last == "a" and i >= 2 and tokens[i - 2] == "and":
                if group is None and last_scale < float("inf") and nxt not in SCALES:
                    total, group = total + part * last_scale, 0.0  # "one million and a half": 1.5 million
                else:
                    group = (group or 0.0) + part
            elif last == "" or (last == "a" and i == 1):  # "half a million", "a quarter million"
                group = part
            else:
                return None
            last = "half"
            continue
        if RE_DECIMAL.fullmatch(tok):
            if last != "":
                return None
            group, last = float(tok), "digits"
            continue
        if tok in ONES:
            value = ONES[tok]
            if last in ("one", "teen", "digits") or (last == "ten" and value >= 10):
                return None
            group = (group or 0.0) + value
            last = "teen" if value >= 10 else "one"
        elif tok in TENS:
            if last in ("one", "teen", "ten", "digits"):
                return None
            group = (group or 0.0) + TENS[tok]
            last = "ten"
        elif tok == "hundred":
            if group is None or group >= 100 or last in ("hundred", "and"):
                return None
            group *= 100
            hundreds, last_and = group, False
            last = "hundred"
        elif tok in DOZENS:  # "three dozen", "3 dozens"
            if group is None or last in ("and",):
                return None
            # Dozens of what follows the last "and": "three hundred and two dozens" is 324.
            group = hundreds + (group - hundreds) * 12 if last_and and group > hundreds else group * 12
            last = "hundred"
        elif tok in SCALES:
            scale = SCALES[tok]
            if group is None and last == "scale" and scale > last_scale and last_scale in CHAINING_SCALES and total:
                total, last_scale = total * scale, scale  # "three lakh crore", "two thousand million"
                continue
            if group is None or scale >= last_scale or last == "and":
                return None
            total += group * scale
            group, last, last_scale = None, "scale", scale
            hundreds, last_and = 0.0, False
        else:
            return None
    if last in ("and", "a"):
        return None
    if group is None and last != "scale":
        return None
    return total + (group or 0.0)


def parse_ordinal_words(text: str) -> int | None:
    """Return the rank an ordinal states ("twenty-third" 23, "one hundred and first" 101, "21st" 21), or None.

    The last word is the ordinal ("second", "hundredth", "millionth") and the words
    before it a cardinal, read by `parse_number_words`: "three hundred forty-five
    thousand six hundred twelfth" is 345,612. In digits the suffix must agree with the
    number (`21st`, `12th`; not `21th`). A plural ("thirds") is a fraction, not a rank.
    """
    if m := RE_DIGIT_ORDINAL.fullmatch(text.strip()):
        return int(m.group("n").replace(",", "")) if _ordinal_suffix_agrees(m) else None
    *head, last = RE_WORD_SEPARATORS.sub(" ", text.strip().lower()).split() or [""]
    cardinal = ORDINAL_WORDS.get(last)
    if cardinal is None:
        return None
    if not head and cardinal in SCALE_SUFFIXES:
        head = ["one"]  # "hundredth", "trillionth"
    elif head and head[-1] == "and" and cardinal in SCALE_SUFFIXES:
        return None
    value = parse_number_words(" ".join([*head, cardinal]))
    if value is None or value < 1 or value != int(value):
        return None
    return int(value)


def _ordinal_suffix_agrees(m: regex.Match[str]) -> bool:
    """`21st`, `22nd`, `23rd`, `11th`-`13th`, `24th`: the suffix English spells for the number."""
    n = int(m.group("n").replace(",", ""))
    wanted = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return m.group("suffix").lower() == wanted


def _spoken_decimal(tokens: list[str]) -> float | None:
    """Return the value of "two point five", "nine point nought four", "nought point eleven"."""
    at = tokens.index("point")
    head, tail, scale = tokens[:at], tokens[at + 1 :], 1.0
    if tail and tail[-1] in SCALES:  # "two point five million"
        tail, scale = tail[:-1], SCALES[tail[-1]]
    whole = 0.0 if head in (["nought"], ["naught"], ["zero"]) else parse_number_words(" ".join(head))
    digits = ""
    i = 0
    while i < len(tail):
        tok = tail[i]
        if tok in ("nought", "naught"):
            digits += "0"
        elif tok in TENS:  # "seventy-one" is 71, "seventy" 70
            ones = ONES.get(tail[i + 1], 10) if i + 1 < len(tail) else 10
            digits += str(TENS[tok] + ones) if ones < 10 else str(TENS[tok])
            i += ones < 10
        elif tok in ONES:
            digits += str(ONES[tok])
        else:
            return None
        i += 1
    if whole is None or not digits or whole != int(whole):
        return None
    return float(f"{int(whole)}.{digits}") * scale


# ---------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------


class _Mention(NamedTuple):
    """A number found in a sentence, with what its context says about it."""

    kind: FactKind
    start: int  # the mention's first character (a currency sign included)
    end: int  # past its last character (scale, percent sign, unit included)
    value: float
    atom_start: int  # where the number itself starts
    atom_end: int  # where the number and its scale end
    scale: float = 1.0
    high: float | None = None
    unit: str | None = None
    counts: str | None = None
    qualifier: str | None = None
    outer: int = -1  # where the qualifier starts, else `start`
    words: str | None = None  # the number word, for "one" rules
    year: bool = False  # a bare four-digit year
    hyphen_right: bool = False  # "40-" waiting for the other end of a range
    hyphen_left: bool = False  # "-50" waiting for the low end of a range
    measures: str | None = None  # what the amount is a value of (`measures.measured`)


class _Spans:
    """A set of non-empty character spans, kept merged and sorted for O(log n) overlap tests.

    A plain list scanned per number made a sentence with thousands of numbers
    (a multi-megabyte line) quadratic.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Add `[start, end)`, merging it with the spans it overlaps."""
        if start >= end:
            return
        first = bisect.bisect_right(self.ends, start)  # first span ending after `start`
        last = bisect.bisect_left(self.starts, end)  # first span starting at or after `end`
        if first < last:
            start, end = min(start, self.starts[first]), max(end, self.ends[last - 1])
        self.starts[first:last] = [start]
        self.ends[first:last] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """Return True if `[start, end)` overlaps one of the spans."""
        first = bisect.bisect_right(self.ends, start)
        return first < len(self.starts) and self.starts[first] < end


def _blocked_spans(text: str, digits: bool, fractions: _Spans | None = None) -> _Spans:
    """Return the spans of URLs, emails, times, dates, phone numbers and page furniture.

    `digits`: `text` holds a digit. A pattern is only run where it can match: every
    URL has a `/` or `www.`, every email an `@`, a day in words `twenty` or `thirty`,
    the other patterns need a digit.
    """
    spans = _Spans()
    patterns = [RE_URL] if "/" in text or "www." in text else []
    if "@" in text:
        patterns.append(RE_EMAIL)
    if digits:
        patterns.extend((RE_TIME, RE_DATE, RE_PHONE, RE_FURNITURE))
    if _may_contain(text, ("twenty", "thirty")):
        patterns.append(RE_DATE_IN_WORDS)
    for pattern in patterns:
        for m in pattern.finditer(months_capitalised(text) if pattern in (RE_DATE, RE_DATE_IN_WORDS) else text):
            if pattern is RE_DATE and fractions is not None and fractions.overlaps(*m.span()):
                continue  # "2 1/2", "1/4 inch": a fraction, not a date
            spans.add(*m.span())
    return spans


def months_capitalised(text: str) -> str:
    """`text` with its month names capitalised (`June`) if it has no capital at all (lower-cased copy) or no
    lower-case letter (copy in capitals); the same offsets."""
    if text.islower():
        return RE_LOWER_MONTH.sub(lambda m: m.group(0).capitalize(), text)
    if text.isupper():
        return RE_UPPER_MONTH.sub(lambda m: m.group(0).capitalize(), text)
    return text


def _may_contain(text: str, parts: Iterable[str]) -> bool:
    """False only if `text` holds none of `parts` (lower case) in any case: no pattern that ignores case and needs one can match.

    The parts are looked for in the lower-cased text; that misses only the characters
    of RE_FOLDS_TO_ASCII (and those that lower-case to two), for which this says True.
    """
    low = text.lower()
    return any(part in low for part in parts) or len(low) != len(text) or bool(RE_FOLDS_TO_ASCII.search(text))


def _may_hold_number_word(text: str) -> bool:
    """False only if RE_WORD_NUMBER cannot match in `text`: no number word is in it."""
    return _may_contain(text, NUMBER_WORD_PARTS)


# Searches of the window before a number for a pattern ending at `\Z`: such patterns are
# compiled with `regex.REVERSE`, so a search starts at the window's end rather than at every
# start (tests/test_reverse_patterns.py); the helpers below also start where the longest
# match could start (`pos` keeps the look-behinds' view of the text before it), or skip the
# search when the window's last characters rule the pattern out.


def _code_before(left: str) -> bool:
    """`RE_CODE_BEFORE.search(left)`, as a truth value."""
    # A code word, a period, then the window's trailing spaces; `#` and a space; or
    # two capitals, a space and a hyphen (a longer run of capitals also ends so).
    spaces = len(left) - len(left.rstrip(" \u00a0"))
    longest = max(CODE_WORD_CHARS + 1 + spaces, len("AB -"))
    return RE_CODE_BEFORE.search(left, max(0, len(left) - longest)) is not None


def _age_cue_before(left: str) -> bool:
    """`RE_AGE_BEFORE.search(left)`, as a truth value."""
    # The pattern ends with `aged`, `age`, `ages` or `of` (in any case) and spaces.
    return left.endswith(" ") and left.rstrip(" ")[-1:] in "dDeEsSſfF" and RE_AGE_BEFORE.search(left) is not None


def _qualifier_before(left: str) -> regex.Match[str] | None:
    """`RE_QUALIFIER.search(left)`: a hedge ending the window, then white space."""
    return RE_QUALIFIER.search(left) if left[-1:].isspace() else None  # str.isspace() holds for every \s


def _digit_fractions(text: str) -> list[tuple[int, int, float]]:
    """Return `(start, end, value)` of every fraction in digits: "2 1/2", "2½", "1/4 inch".

    A plain `a/b` is a date as often ("3/4", "9/11"): it is a fraction only before a unit
    other than a time ("1/4 inch", not "9/11 years") or "of the" ("1/40 of the way").
    Numerators are smaller than denominators: "24/7" is no fraction.
    """
    if "/" not in text and "⁄" not in text and not RE_VULGAR_ANY.search(text):
        return []
    found = []
    for m in RE_DIGIT_FRACTION.finditer(text):
        if m.group("vulgar"):
            value = float(unicodedata.numeric(m.group("vulgar"))) + float(m.group("whole2") or 0)
        else:
            num, den = int(m.group("num") or m.group("num1")), int(m.group("den") or m.group("den1"))
            if not 0 < num < den:
                continue
            if m.group("slash") == "/":
                um = RE_UNIT.match(text, m.end())
                unit = um and (um.group("word") or um.group("abbr"))
                timed = unit and UNIT_WORDS.get(RE_SPACES.sub(" ", unit.lower()), UNIT_ABBREVIATIONS.get(unit)) in TIME_UNITS
                if not ((um and not timed) or RE_OF_DETERMINER.match(text, m.end())):
                    continue
            value = int(m.group("whole") or 0) + num / den
        found.append((m.start(), m.end(), value))
    return found


def _scientific(text: str) -> list[tuple[int, int, float]]:
    """Return `(start, end, value)` of every number in scientific notation in `text`."""
    if not RE_SCIENTIFIC_HINT.search(text):
        return []
    found = []
    for m in RE_SCIENTIFIC.finditer(text):
        exp = (m.group("exp") or m.group("pow") or m.group("neg") or m.group("sup")).translate(SUPERSCRIPTS)
        value = float(f"{m.group('mant')}e{exp}")  # exact: 1.99e-30, not 1.99 * 10 ** -30
        if math.isfinite(value) and value != 0:
            found.append((m.start(), m.end(), value))
    if "^" in text:
        taken = _Spans((s, e) for s, e, _ in found)
        for m in RE_POWER.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue  # "1.99 x 10^30"
            negative = (m.group("sign").count("-") + m.group("sign").count("−")) % 2 == 1
            try:
                value = float(m.group("base")) ** (-int(m.group("exp")) if negative else int(m.group("exp")))
            except (OverflowError, ZeroDivisionError):
                continue
            if math.isfinite(value) and value != 0:
                found.append((m.start(), m.end(), value))
        found.sort()
    return found


def _ordinal_value(tokens: list[str]) -> float | None:
    """The value of an ordinal in words, as a denominator: "twenty fifth" 25, "one hundred and fifth" 105."""
    *head, last = tokens
    value = parse_ordinal_words(" ".join([*head, last.removesuffix("s")]))
    return None if value is None else float(value)


def _ordinal_fraction(text: str, m: regex.Match[str]) -> float | None:
    """The value of a written fraction with an ordinal denominator; None if it is none, nan if RE_FRACTION_AFTER's.

    A denominator of one word up to "tenths" is left to RE_FRACTION_AFTER, which reads
    mixed numbers ("two and three fifths") and quarters of a year (nan is returned), as
    is every such ordinal that is no fraction here ("the two first games").

    The denominator is the ordinal with the tens word before it ("three twenty-fifths",
    "one hundred thirty-fifths" = 100/35; not after "and", nor when no numerator is left:
    "one hundred and thirty fifths" = 130/5, "twenty fifths" = 20/5), then as many words
    more as the numerator needs to parse ("one one hundred fifth" = 1/105); the numerator
    takes the rest ("ninety-five hundred fifths" = 9500/5). The ordinal is plural after a numerator above one, singular
    after one ("one twenty-fifth"); a singular one is a fraction only before "of", at the
    end of a clause or after "and" (a mixed number: "forty-one and a twentieth"): "a
    hundredth birthday", "the one hundredth episode" are ordinals.
    """
    tokens = RE_WORD_SEPARATORS.sub(" ", m.group("words").lower()).split()
    split = len(tokens) - 1
    if ORDINAL_CARDINALS[tokens[-1].removesuffix("s")] in ONES and split > 1 and tokens[split - 1] in TENS:
        if tokens[split - 2] != "and":
            split -= 1  # "one hundred thirty-fifths" is 100/35; "twenty fifths" 20/5, "a hundred and thirty fifths" 130/5
    while split > 0:
        head = tokens[:split]
        numerator = 1.0 if head in (["a"], ["an"]) else parse_number_words(" ".join(head))
        if numerator is not None and numerator > 0 and head[-1] != "and":
            denominator = _ordinal_value([t for t in tokens[split:] if t != "and"])
            if denominator is None or denominator <= 1:
                split -= 1  # "a one-fifth stake": "a" is not its numerator
                continue
            if split == len(tokens) - 1 and denominator <= 10:
                return math.nan
            if (numerator > 1) != bool(m.group("plural")):
                return None
            if numerator == 1 and not (
                RE_OF.match(text, m.end()) or RE_CLAUSE_END.match(text, m.end()) or text.endswith(" and ", 0, m.start())
            ):
                return None
            return numerator / denominator
        split -= 1
    simple = (_ordinal_value(tokens[-1:]) or 0) <= 10  # "two first games", "a one-fifth stake": RE_FRACTION_AFTER's
    return math.nan if simple else None


def _mixed_ordinal_fractions(
    text: str, found: list[tuple[int, int, float, str | None]]
) -> list[tuple[int, int, float, str | None]]:
    """Join a whole number in words and "and" a fraction after it: "forty-one and a twentieth"."""
    out: list[tuple[int, int, float, str | None]] = []
    for atom in found:
        prev = out[-1] if out else None
        words = atom[3]
        if (
            prev is not None and prev[3] is not None and words is not None and words.endswith(ORDINAL_ENDINGS)
            and not prev[3].endswith(ORDINAL_ENDINGS) and atom[2] < 1 and prev[2] == int(prev[2])
            and RE_AND_JOIN.fullmatch(text, prev[1], atom[0])
        ):  # fmt: skip
            out[-1] = (prev[0], atom[1], prev[2] + atom[2], None)  # a mixed number: no fraction, no number word
        else:
            out.append(atom)
    return out


def _may_hold_share(text: str) -> bool:
    """False only if RE_FRACTION_OF cannot match in `text`: no "half" and no denominator in it."""
    return _may_contain(text, ("half", *SINGLE_DENOMINATORS))


def _atoms(
    text: str, digits: bool, fractions: Iterable[tuple[int, int, float]] = ()
) -> Iterator[tuple[int, int, float, str | None]]:
    """Yield `(start, end, value, words)` for every number in `text`, digits or words.

    `digits`: `text` holds a digit (else RE_DIGITS is not run); `fractions`: the
    fractions in digits (`_digit_fractions`), which take the place of their digits.
    """
    found: list[tuple[int, int, float, str | None]] = [(s, e, v, None) for s, e, v in fractions]
    in_fraction = _Spans((s, e) for s, e, _, _ in found)
    for m in RE_DIGITS.finditer(text) if digits else ():
        if in_fraction.overlaps(m.start(), m.end()):
            continue
        raw = RE_DIGIT_GROUPING.sub("", m.group(0))
        if not raw or raw == ".":
            continue
        number = float(raw)
        if not math.isfinite(number):  # hundreds of digits in a row: not a fact, and int() would fail
            continue
        found.append((m.start(), m.end(), number, None))
    taken = _Spans((s, e) for s, e, _, _ in found)
    may_hold_words = _may_hold_number_word(text)
    ordinal_fractions = False
    may_hold_ordinal = may_hold_words and _may_contain(text, ORDINAL_STEMS)
    low = text.lower()
    may_hold_share = _may_hold_share(text)
    for m in RE_FRACTION_POINT.finditer(text) if may_hold_share else ():
        if not taken.overlaps(m.start(), m.end()):
            if m.group("half"):
                share = 0.5
            elif den := m.group("den"):
                share = 1 / FRACTION_DENOMINATORS[den.lower()]
            else:
                share = FRACTION_NUMERATORS[m.group("num").lower()] / FRACTION_DENOMINATORS[m.group("dens").lower()]
            found.append((m.start(), m.end(), share, None))
            taken.add(m.start(), m.end())
    for m in RE_ORDINAL_FRACTION.finditer(text) if may_hold_ordinal else ():
        if taken.overlaps(m.start(), m.end()):
            continue
        value = _ordinal_fraction(text, m)
        if value is not None and not math.isnan(value) and RE_ORDINAL_BEFORE.search(_left(text, m.start())):
            value = None  # "the one hundredth episode"
        if value is None:
            taken.add(m.start(), m.end())  # no number in it: not "one" episode, nor "two" in "the two hundredth"
        elif not math.isnan(value):
            found.append((m.start(), m.end(), value, m.group("words").lower()))
            taken.add(m.start(), m.end())
            ordinal_fractions = True
    for m in RE_WORD_NUMBER.finditer(text) if may_hold_words else ():
        if taken.overlaps(m.start(), m.end()):
            continue
        if RE_AT_ONE_POINT.match(m.group("words")) and RE_AT_BEFORE.search(_left(text, m.start())):
            # "At one point five people were held": the idiom, then the number after it.
            if tail := RE_WORD_NUMBER.match(text, m.start() + len("one point ")):
                m = tail
            else:
                continue
        value = parse_number_words(m.group("words"))
        if value is not None and math.isfinite(value):
            found.append((m.start(), m.end(), value, m.group("words").lower()))
    if ordinal_fractions:
        found = _mixed_ordinal_fractions(text, sorted(found))
    for m in RE_FRACTION_OF.finditer(text) if may_hold_share else ():
        if taken.overlaps(m.start(), m.end()):
            continue
        if m.group("den") is None and RE_HALF_PART_BEFORE.search(_left(text, m.start())):
            continue  # "the second half of the year"
        found.append(_share_atom(m))
        taken.add(m.start(), m.end())
    for m in RE_HALF_HEDGED.finditer(text) if "half" in low or len(low) != len(text) else ():
        if not taken.overlaps(m.start(), m.end()) and _qualifier_before(_left(text, m.start())):
            found.append((m.start(), m.end(), 0.5, "half"))
            taken.add(m.start(), m.end())
    for m in RE_A_HALF_ALONE.finditer(text) if "half" in low else ():
        if not taken.overlaps(m.start(), m.end()) and not RE_AND_BEFORE.search(_left(text, m.start())):
            found.append((m.start(), m.end(), 0.5, RE_SPACES.sub(" ", m.group(0).lower())))
            taken.add(m.start(), m.end())
    for m in RE_FRACTION_BY.finditer(text) if may_hold_share else ():
        if not taken.overlaps(m.start(), m.end()) and _direction_before(_left(text, m.start())):
            found.append(_share_atom(m))
    yield from sorted(found)


def _share_atom(m: regex.Match[str]) -> tuple[int, int, float, str | None]:
    """The atom of a match of `RE_FRACTION_WORDS` ("a third", "half"): its span, value and words."""
    den = m.group("den")
    value = 1 / FRACTION_DENOMINATORS[den.lower()] if den else 0.5
    return m.start(), m.end(), value, RE_SPACES.sub(" ", m.group(0).lower())


def _left(text: str, pos: int) -> str:
    """Return the window of `text` that ends at `pos`."""
    return text[max(0, pos - LEFT_WINDOW) : pos]


def _is_proper_code(text: str, start: int) -> bool:
    """Return True if a bare integer follows a proper name ("Boeing 737", "Big 12", "iPhone 11")."""
    m = RE_WORD_BEFORE.search(_left(text, start))
    if not m:
        return False
    word = m.group("w")
    low = word.lower()
    if not any(c.isupper() for c in word) or low in WEEKDAYS or low in QUALIFIERS or low in STOP_WORDS:
        return False
    return word not in ("US", "UK", "EU")


# A capitalised singular word right after a bare integer: a model's name ("Boeing's own 787
# Dreamliner", "grounding two new 737 Max jets", "the 11 Pro Max"), not what it counts
# (a count names a plural: "200 Republicans", "12 Wall Street firms"; "3 Series" is a name either way).
RE_MODEL_AFTER = regex.compile(
    r"""[ ](?P<w>\p{Lu}\p{Ll}{2,}\b)(?![-'’])     # not `50 Wh`, `66 Ma`: units
    (?:[ ]\p{Lu}[\p{L}\p{N}]*)*+                  # the rest of the name: "11 Pro Max"
    (?P<plural>[ ]\p{Ll}+s\b)?                     # a plural after it: "12 Wall Street firms" counts firms
    """,
    regex.VERBOSE,
)
# A count right before the integer, past one adjective: "two new 737 Max jets", "three 737
# Max planes" count the planes, and the integer is the model's, however plural what follows.
RE_COUNT_BEFORE_MODEL = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.,])(?:\d+|(?i:{NUMBER_WORD}|several|many|dozens[ ]of))[ ]+(?:\p{{Ll}}+[ ]+)?\Z",
    regex.REVERSE,
)


def _is_model_name(text: str, end: int, value: float, left: str = "") -> bool:
    """Return True if a bare integer is followed by a model's name ("787 Dreamliner", "11 Pro"), not a count."""
    m = None if value < 2 else RE_MODEL_AFTER.match(text, end)
    if not m or (m.group("plural") and not RE_COUNT_BEFORE_MODEL.search(left)):
        return False
    return _model_word(m.group("w"))


RE_MODEL_WORD = regex.compile(r"\p{Lu}\p{Ll}{2,}")


def _model_word(token: str) -> bool:
    """True if `token` can open a model's name after its number, as `_is_model_name` reads one ("Max", "Dreamliner")."""
    low = token.lower()
    return bool(RE_MODEL_WORD.fullmatch(token)) and not (
        low.endswith("s") or low in STOP_WORDS or low in WEEKDAYS or low in MONTH_NUMBERS or low in ("gmt", "edt")
    )


def _title_case(text: str) -> bool:
    """Return True if most words of `text` are capitalised, as in a headline."""
    words = RE_LETTERS.findall(text)
    return len(words) >= 4 and sum(1 for w in words if w[0].isupper()) / len(words) > 0.6


def _currency_code(surface: str) -> str:
    """Return the ISO code of a currency sign or word ("US$" -> USD, "yen" -> JPY)."""
    key = RE_CURRENCY_NOISE.sub("", surface).lower()
    if len(key) == 1 and key not in CURRENCIES:
        return key  # a currency sign factdiff has no code for: "100 ₡"
    return CURRENCIES.get(key) or CURRENCIES.get(key + "s") or "USD"  # "Canadian dollar"


def _points_are_percent(text: str) -> bool:
    """Return True if "points" in this sentence are percentage points (polls, rates)."""
    return bool(RE_PERCENT_CONTEXT.search(text))


def _decorate(
    text: str, start: int, end: int, value: float, words: str | None, headline: Callable[[], bool]
) -> _Mention | None:
    """Build the mention for one atom from its context, or None if it is no fact."""
    left = _left(text, start)
    before = text[start - 1] if start > 0 else " "
    before2 = text[start - 2] if start > 1 else " "
    minus = RE_MINUS.search(left, max(0, len(left) - MINUS_CHARS))
    # Codes glued by a hyphen (F-35, COVID-19), decades ('90s), ids (#1, No. 10).
    if before in "-‐" and before2.isalpha() and not minus and not RE_PREFIX_BEFORE.search(left):
        return None
    if before in "'’/:.^" or (before == "," and before2.isdigit()):
        return None  # "^": an exponent ("4 km^2", "2^10" after a letter), which RE_POWER did not read
    if _code_before(left):
        return None
    if text[end + 1 : end + 2] in ("Z", "z", "P", "p", "A", "a") and RE_CODE_AFTER.match(text, end):
        return None  # "the 90049 ZIP code"
    if words is None and text[end : end + 1] == " " and text[end + 1 : end + 2].isupper() and RE_ADDRESS.match(text, start):
        return None  # "575 Wilbraham Road", "9 E 71st St"; in "16-18 Station Avenue" the 18, so the 16 goes too
    if value in STOCK_INDEX_NUMBERS and words is None and RE_STOCK_INDEX_BEFORE.search(left, max(0, len(left) - 24)):
        return None  # "the S&P 500", "FTSE 100": a name
    scale = 1.0
    last_scale = 1.0
    while words is None and (sm := RE_SCALE.match(text, end)):
        key = (sm.group("word") or sm.group("short") or sm.group("spaced")).lower()
        if sm.group("spaced") and not (scale == 1 and any(c in ".," for c in text[start:end])):
            break  # a letter set apart is a scale after a precise amount ending its clause: not "5 G", "a 10 k run"
        if sm.group("short") == "T" and not RE_CURRENCY_BEFORE.search(left, max(0, len(left) - CURRENCY_BEFORE_CHARS)):
            break  # "$2.1T" is trillions; "a 5T truck" is tonnes
        if SCALE_SUFFIXES[key] <= last_scale or last_scale not in CHAINING_SCALES:
            break  # only "4 hundred million", "5 thousand million", "1.5 lakh crore" chain; "$4.5bn trillion" is a slip
        last_scale = SCALE_SUFFIXES[key]
        scale *= last_scale
        end = sm.end()
    if words is not None and not set(words.split()) & SCALES.keys() and (sm := RE_SCALE.match(text, end)):
        if (key := (sm.group("word") or "").lower()) in WIRE_SCALES:
            scale, end = SCALE_SUFFIXES[key], sm.end()  # wire copy's "two mln shares", "three bln dlrs"
    if words is None and scale in (1e2, 1e3, 1e6, 1e9) and value == int(value) and RE_SCALE_REST.match(text, end):
        value, end = _scale_rest(text, value * scale, scale, end)
        scale = 1.0
    fraction = (
        "fraction" if words is not None and (RE_FRACTION_WORDS.fullmatch(words) or words.endswith(ORDINAL_ENDINGS))
        else None
    )  # fmt: skip
    if words is None and value < 1 and any(c in "/⁄" or c in VULGAR_FRACTIONS for c in text[start:end]):
        fraction = "fraction"  # "1/4 inch", "½ cup"
    fm = RE_FRACTION_AFTER.match(text, end) if fraction is None else None
    if fm and fm.group("den_m"):  # a mixed number: "five and a quarter", "3 million and a half"
        num = FRACTION_NUMERATORS[fm.group("num_m").lower()]
        den_word = fm.group("den_m").lower()
        if num < FRACTION_DENOMINATORS[den_word] and den_word.endswith("s") == (num > 1):
            # The fraction is of the scale it follows or precedes: "six million and two
            # thirds" is 6⅔ million, "one billion and a quarter million" 1.00025 billion.
            last_word = words.rsplit(" ", 1)[-1] if words else ""
            of_scale = SCALES.get(last_word, 1.0)
            end = fm.end("den_m")
            if sa := RE_SCALE_WORD_AFTER.match(text, end):
                of_scale, end = SCALES[sa.group("w").lower()], sa.end()
            value += num / FRACTION_DENOMINATORS[den_word] * of_scale
    elif fm and scale == 1 and (words is not None or fm.group("of")) and value == int(value) and value > 0:
        den_word = fm.group("den").lower()
        denominator = FRACTION_DENOMINATORS[den_word]
        period = (
            den_word.startswith("quarter") and not fm.group("hyphen").strip()
            and bool(RE_QUARTER_PERIOD_BEFORE.search(_left(text, start)) or RE_QUARTER_PERIOD_AFTER.match(text, fm.end("den")))
        )  # fmt: skip
        # One third, two thirds (a singular denominator after one only); "three halves" and
        # "twenty-three fifths" are improper fractions. "one hundred and three quarters"
        # is a mixed number, as "and a quarter" is: the words after the last "and".
        # The fraction of a mixed number is of the scale before it or after it: "two million
        # and one half" is 2.5 million, "two billion and one quarter million" 2.00025 billion.
        whole, _, tail = (words or "").rpartition(" and ")
        last = parse_number_words(tail) if whole else None
        head = parse_number_words(whole) if last is not None and last < denominator else None
        numerator = last if head is not None and last is not None else value
        if den_word.endswith("s") == (numerator > 1) and not period:
            if head is not None:
                of_scale, end = SCALES.get(whole.rsplit(" ", 1)[-1], 1.0), fm.end("den")
                if sa := RE_SCALE_WORD_AFTER.match(text, end):
                    of_scale, end = SCALES[sa.group("w").lower()], sa.end()
                value = head + numerator / denominator * of_scale
            else:
                value, end, fraction = value / denominator, fm.end("den"), "fraction"  # "two-thirds", "3 quarters of"
    if fraction and (osm := RE_OF_SCALE.match(text, end)):
        value, end, fraction = value * SCALES[osm.group("w").lower()], osm.end(), None  # "a third of a million"
    atom_end = end
    value *= scale
    kind = FactKind.QUANTITY
    unit: str | None = None
    mention_start = start
    if minus:
        value = -value
        mention_start = start - (len(left) - minus.start())
    # Money: a currency sign before, or a currency word after.
    cm = RE_CURRENCY_BEFORE.search(left, max(0, len(left) - CURRENCY_BEFORE_CHARS))
    code_scale: str | None = None
    if cm and cm.group("ascii") == "PS" and scale == 1 and not any(c in ".," for c in text[start:atom_end]):
        return None  # "PS5", "PS 118": a console, a school; "PS21,700" and "PS2.7m" are pounds
    if cm:
        kind, unit = FactKind.MONEY, _currency_code(cm.group("iso") or cm.group("cur"))
        mention_start = start - (len(left) - cm.start())
        if cm.group("sign") and not minus:
            value = -value
        code_scale = cm.group("mult")
    elif (
        (am := RE_CURRENCY_AFTER.match(text, end)) and (am.group("cur") != "won" or scale > 1)
        and not (am.group("sign") == "p" and (value in VIDEO_LINES or scale > 1))
    ):  # fmt: skip
        key = RE_DOTS_AND_SPACES.sub("", am.group("iso") or am.group("cur") or am.group("sign")).lower()
        is_weight = key in ("pound", "pounds") and scale == 1 and not RE_MONEY_CONTEXT.search(text)
        if not is_weight:
            kind, unit, end, code_scale = FactKind.MONEY, _currency_code(key), am.end(), am.group("mult")
            if key in HUNDREDTHS or key.endswith(("cent", "cents")):
                value = round(value / 100, 10)
    if code_scale:  # "MSEK 120", "48.5 MEUR"
        value, scale = value * CODE_SCALES[code_scale], scale * CODE_SCALES[code_scale]
    if kind is FactKind.QUANTITY:
        pm = RE_PERCENT.match(text, end)
        # "points" are percentage points in a sentence about percentages, unless the value
        # could not be one: "closed at 1,478 points" is an index level.
        scored = pm is not None and pm.group("points") is not None and RE_SCORED_BEFORE.search(left) is not None
        if pm and not (pm.group("points") and (value >= 100 or scored or not _points_are_percent(text))):
            kind, end = FactKind.PERCENT, pm.end()
            unit = (
                "percentage points" if pm.group("pp") or pm.group("points")
                else "basis points" if pm.group("bp") else "%"
            )  # fmt: skip
    if (
        kind is FactKind.QUANTITY and not minus and left.endswith(" ") and left.rstrip()[-2:].lower() == "of"
        and (po := RE_PERCENT_OF_BEFORE.search(left)) and RE_CLAUSE_END.match(text, end)
    ):  # fmt: skip
        kind, unit = FactKind.PERCENT, "%"
        mention_start = start - (len(left) - po.start())
    if kind is FactKind.QUANTITY:
        if agm := RE_AGE_AFTER.match(text, end):
            age_unit = agm.group("unit") or agm.group("unit_of")
            return _Mention(FactKind.AGE, start, agm.end(), value, start, atom_end, scale,
                            unit=age_unit.lower() if age_unit else None, words=words)  # fmt: skip
        if _age_cue_before(left) and value < 130 and scale == 1:
            return _Mention(FactKind.AGE, start, end, value, start, atom_end, scale, words=words)
        if (
            value < 130 and scale == 1 and value == int(value) and not minus
            and RE_AGE_CLOSE.match(text, end) and RE_PERSON_AGE_BEFORE.search(left)
        ):  # fmt: skip
            return _Mention(FactKind.AGE, start, end, value, start, atom_end, scale, words=words)
        um = RE_UNIT.match(text, end)
        if um and um.group("open") and "([{<".index(um.group("open")) != ")]}>".index(um.group("close")):
            um = None  # "20 (kg]": no pair
        if um and value != 1 and RE_WIRE_AGO.match(text, um.start()):
            um = None  # "129,000 week ago": the wire's "129,000 [head] a week ago", not a count of weeks
        if um:
            if um.group("word"):
                unit = UNIT_WORDS[RE_SPACES.sub(" ", um.group("word").lower())]
            else:
                unit = UNIT_ABBREVIATIONS[um.group("abbr")]
            end = um.end()
            if unit == "°" and (dm := RE_DEGREE_SCALE.match(text, end)):
                unit, end = f"°{(dm.group('t') or ('C' if dm.group('c') else 'F')).upper()}", dm.end()
        elif (tm := RE_TEMPERATURE_LETTER.match(text, end)) and RE_TEMPERATURE_CONTEXT.search(text):
            unit, end = f"°{tm.group('t')}", tm.end()  # "temperatures of 30C (86F)"
        elif xm := RE_MULTIPLIER.match(text, end):
            unit, end = "×", xm.end()  # "6.5 times earnings", "12x forward earnings", "a 10-fold rise"
    if unit is not None and unit not in ("percentage points", "basis points", "%") and (rate := RE_PER.match(text, end)):
        per = _per_unit(rate)
        if per != unit and "/" not in unit:
            unit, end = f"{unit}/{per}", rate.end()
    elif unit is not None and unit not in ("percentage points", "basis points", "%", "fraction") and "/" not in unit:
        rate = _rate_after_conversion(text, start, end) or _rate_after_of_phrase(text, end)
        if rate and (per := _per_unit(rate)) != unit:
            unit = f"{unit}/{per}"  # "$1bn (£530m) a year", "180,000 barrels of oil a day": the span stays the amount
    if fraction and unit is None:
        unit = fraction
    after = text[end : end + 2] + "  "
    # Ordinals (1st), decades (1990s), codes (5G, 3D), times and ratios (3:1), versions.
    if after[:1].isalpha() or after[:1].isdigit():
        return None
    if after[:1] in ":/" and after[1:2].isdigit():
        return None
    if after[:1] == "." and after[1:2].isdigit():
        return None
    if after[:1] in "°º" and (after[1:2] in "NSEW" or after[1:2].isdigit()):
        return None  # a coordinate: 51°N, 51°30'
    hyphen_right = False
    if after[:1] in "-–":
        nxt = text[end + 1 : end + 2] or " "
        if nxt.isdigit() or nxt in "$€£¥":
            hyphen_right = True
        elif unit is not None and nxt.isalpha():
            pass  # "a 5km-long tunnel", "a 5m-high wall"
        elif RE_SUSPENDED_HYPHEN.match(text, end):
            hyphen_right = True  # "a 10- to 15-year sentence": the low end of a range
        elif (cm := _compound_count(text, end, value, unit, kind)) is not None:
            end = cm  # "a 12-member jury", "four-, five- and six-cylinder engines": see _compound_count
        else:
            return None  # one-way, a two-horse race, a four-letter word
    digits = text[start:atom_end]
    year = (
        kind is FactKind.QUANTITY and unit is None and words is None and scale == 1
        and not minus
        and bool(
            RE_YEAR.fullmatch(digits)
            or (RE_OLD_YEAR.fullmatch(digits) and RE_YEAR_BEFORE.search(left))
            or (RE_FAR_YEAR.fullmatch(digits) and RE_FAR_YEAR_BEFORE.search(left))
        )
    )  # fmt: skip
    if (
        kind is FactKind.QUANTITY and unit is None and words is None and scale == 1
        and value == int(value) and text[start:atom_end].isdigit() and not year
        and not headline() and (_is_proper_code(text, start) or _is_model_name(text, end, value, left))
    ):
        return None
    return _Mention(
        kind, mention_start, end, value, start, atom_end, scale,
        unit=unit, words=words, year=year, hyphen_right=hyphen_right,
        hyphen_left=before in "-–" and before2.isdigit(),
    )  # fmt: skip


def _compound_noun(text: str, end: int) -> str | None:
    """The noun a count is compounded with at `end` ("-member" in "a 12-member jury"), or in a
    suspended list that starts there ("four-, five- and six-cylinder engines": `cylinder`)."""
    if cm := RE_COMPOUND_NOUN.match(text, end):
        noun = cm.group("noun")
    elif sm := RE_SUSPENDED_LIST.match(text, end):
        noun = sm.group("noun")
    else:
        return None
    low = noun.lower()
    if low in COMPOUND_IDIOMS or low.endswith(("ed", "ing", "ly", "th")) or low in ORDINAL_CARDINALS or low in SCALES:
        return None  # "a two-horse race", "three-pronged", "40-odd", "twenty-first"
    return noun


def _compound_count(text: str, end: int, value: float, unit: str | None, kind: FactKind) -> int | None:
    """Where a count compounded with a noun ends ("a 12-member jury": after "member"), or None.

    Only a positive amount other than one, with no unit of its own ("a 2.5-point drop"):
    "one-off", "one-way" and "one-man" are idioms, and a unit already reads "a 5km-long
    tunnel". A suspended
    count ends at its hyphen and counts the noun of the list's last count.
    """
    if kind is not FactKind.QUANTITY or unit is not None or value <= 0 or value == 1:
        return None
    if _compound_noun(text, end) is None:
        return None
    if cm := RE_COMPOUND_NOUN.match(text, end):
        return cm.end()
    return end + 1


def _scale_rest(text: str, total: float, scale: float, end: int) -> tuple[float, int]:
    """Add the smaller groups after digits and a scale word: "6 thousand 2 hundred and 15" is 6,215.

    Only "hundred" takes "and" a number under a hundred ("3 hundred and one"); a larger
    scale takes digits and a smaller scale word ("4 thousand 3 hundred"), so that "5
    million and 20 schools" stays two counts.
    """
    while rm := RE_SCALE_REST.match(text, end):
        if rm.group("d"):
            part_scale = SCALE_SUFFIXES[rm.group("sw").lower()]
            if part_scale >= scale or int(rm.group("d")) * part_scale >= scale:
                break
            total, scale, end = total + int(rm.group("d")) * part_scale, part_scale, rm.end()
            continue
        if scale != 1e2:
            break
        tail = rm.group("tail")
        part = float(tail) if tail.isdigit() else parse_number_words(tail)
        if part is not None and 0 < part < 100:
            total, end = total + part, rm.end()
        break
    return total, end


def _rate_after_conversion(text: str, start: int, end: int) -> regex.Match[str] | None:
    """The rate after a conversion in parentheses that follows or holds the amount at `start:end`.

    "cutting costs by $1bn (£530m) a year", "1bn CFA francs ($2m; £1m) a month": the
    amount and its conversions are all per year or month.
    """
    if "(" not in text:
        return None
    inside = text.rfind("(", 0, start) > text.rfind(")", 0, start)
    closed = (RE_CONVERSION_REST if inside else RE_CONVERSION_AFTER).match(text, end)
    return RE_PER.match(text, closed.end()) if closed else None


def _rate_after_of_phrase(text: str, end: int) -> regex.Match[str] | None:
    """The rate after what an amount with a unit is of: "180,000 barrels of oil a day".

    The same rate as "180,000 barrels per day of oil", so that the two compare.
    """
    of = RE_OF_PHRASE.match(text, end)
    if not of:
        return None
    for word_end in of.ends("word"):
        if (rate := RE_PER.match(text, word_end)) and text[rate.end() : rate.end() + 1] not in ("'", "’"):
            return rate  # not "5 km of road a day's walk"
    return None


def _per_unit(rate: regex.Match[str]) -> str:
    """The canonical unit a RE_PER match is per: `barrels` -> `bbl`, `square foot` -> `sq ft`, `yr` -> `year`."""
    if rate.group("hword"):
        hword = rate.group("hword").lower()
        return PER_WORDS.get(hword) or UNIT_WORDS[hword]
    if rate.group("pabbr"):
        return UNIT_ABBREVIATIONS[rate.group("pabbr")]
    if rate.group("word"):
        word = RE_SPACES.sub(" ", rate.group("word").lower())
        return UNIT_WORDS.get(word) or PER_WORDS[word]
    abbr = rate.group("abbr")
    return UNIT_ABBREVIATIONS.get(abbr) or PER_ABBREVIATIONS.get(abbr) or abbr.lower()


def _bare(m: _Mention) -> bool:
    """Return True if `m` is a plain number with no sign, scale, unit or currency of its own."""
    return m.start == m.atom_start and m.end == m.atom_end and m.scale == 1


def _year_shaped(text: str, m: _Mention) -> bool:
    """Return True if `m` is a bare integer of four digits from 1000 to 2199 (a year if its partner is one)."""
    digits = text[m.atom_start : m.atom_end]
    return _bare(m) and m.kind is FactKind.QUANTITY and len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) < 2200


def _range(text: str, a: _Mention, b: _Mention) -> _Mention | None:
    """Return the range from `a` to `b` ("40-50%", "$3-5 billion"), or None if they do not fit."""
    if a.year or b.year or (a.unit == "fraction") != (b.unit == "fraction"):
        return None  # nor "fell by two-thirds to 5 mln dlrs": a share, then a level
    if FactKind.AGE in (a.kind, b.kind):
        # "40-50 years old", "30 to 40 years old", "aged 18-25": the bare end is an age too
        plain = a if b.kind is FactKind.AGE else b
        if plain.kind is not FactKind.AGE and not (plain.kind is FactKind.QUANTITY and plain.unit is None and _bare(plain)):
            return None
        low, shape = a.value, (b if b.kind is FactKind.AGE else a._replace(end=b.end, atom_end=b.atom_end))
    elif _bare(a):  # "40-50%", "1-2 million": the low end borrows unit and scale
        low, shape = a.value * b.scale, b
        b_scale = SCALES.get((b.words or "").rsplit(" ", 1)[-1], 1.0)
        if a.words is not None and b_scale > 1 and SCALES.get(a.words.rsplit(" ", 1)[-1], 1.0) == 1 and a.value < 1000:
            low = a.value * b_scale  # "six or seven million", "two to three billion": the scale is in b's words
        if b.kind is FactKind.MONEY and _in_hundredths(text, b):
            low = round(a.value / 100, 10)  # "5-10 cents": 0.05-0.10 USD
    elif a.kind is FactKind.MONEY and _in_hundredths(text, a) and _bare(b):
        return None  # "dropped 18p to 966": a change in pence, then a level, not 18p-966p
    elif b.kind is FactKind.QUANTITY and b.unit is None and b.start == b.atom_start:
        low = a.value * (b.scale if a.scale == 1 else 1)  # "$3-5 billion"
        shape = a._replace(end=b.end, atom_end=b.atom_end, scale=b.scale)
    elif a.kind is b.kind and (a.unit == b.unit or (b.unit or "").startswith(f"{a.unit}/")):
        # "$370,000 to $5.5 million", "$89 to $93 billion", "$62 to $68 a share" (the rate is b's)
        unscaled_high = b.value / b.scale
        low = a.value * (b.scale if a.scale == 1 and a.value < unscaled_high else 1)
        shape = b
    else:
        return None
    if b.value <= low < 0 and b.high is None:  # "from -18 °C to -34 °C": colder is lower
        low, high = b.value, low
        return shape._replace(
            start=a.start, value=low, high=high, atom_start=a.atom_start, year=False,
            hyphen_right=False, hyphen_left=False,
        )  # fmt: skip
    if b.value <= low:
        return None
    return shape._replace(
        start=a.start, value=low, high=b.value, atom_start=a.atom_start, year=False,
        hyphen_right=False, hyphen_left=False,
    )  # fmt: skip


def _ratio(text: str, a: _Mention, b: _Mention) -> _Mention | None:
    """Return the proportion "one in five" / "9 out of 10" / "1 over 3" as a fraction, or None.

    Both ends are plain counts (no unit, sign or year: "2 in 10 days", "1 in 2019" are
    no proportion), and "in" needs the smaller number first ("killed 3 in 2 attacks").
    """
    join = RE_RATIO_JOIN.match(text[a.end : b.start])
    if join is None or a.year or b.year or a.high is not None or b.high is not None:
        return None
    if any(m.kind is not FactKind.QUANTITY or m.unit is not None for m in (a, b)) or a.value == 0 or b.value <= 0:
        return None  # a negative numerator is one: "minus one over 20"
    if join.group("word").lower() == "in" and not 0 < a.value < b.value:
        return None
    return b._replace(start=a.start, value=a.value / b.value, atom_start=a.atom_start, unit="fraction", words=None)


def _merge_ratios(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Join "one in five", "9 out of 10" and "1 over 3" into one fraction mention."""
    out: list[_Mention] = []
    i = 0
    while i < len(mentions):
        if i + 1 < len(mentions) and (ratio := _ratio(text, mentions[i], mentions[i + 1])):
            out.append(ratio)
            i += 2
        else:
            out.append(mentions[i])
            i += 1
    return out


def _merge_cents(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Join "3 dollars 50 cents" and "thirteen dollars and forty-five cents" into one amount.

    Only a whole amount with its currency word after it takes cents: "$1.50 and 99 cents"
    and "$5 and 20 cents" are two prices as often as one. A bare number right after the
    currency word is its hundredths, as said aloud ("three pounds fifty"), when no word
    follows it ("5 dollars 20 times" is a count).
    """
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        whole = (
            prev is not None and prev.kind is FactKind.MONEY and prev.high is None and m.high is None
            and prev.value >= 1 and prev.value == int(prev.value) and prev.end > prev.atom_end  # "3 dollars"
            and not _currency_code_is_hundredths(text[prev.atom_end : prev.end])
            and not RE_BETWEEN_BEFORE.search(_left(text, prev.start))  # "between 5 dollars and 50 cents"
        )  # fmt: skip
        cents: float | None = None
        if whole and prev is not None and m.kind is FactKind.MONEY and m.unit == prev.unit and 0 < m.value < 1:
            if RE_CENTS_JOIN.match(text[prev.end : m.start]) and _currency_code_is_hundredths(text[m.atom_end : m.end]):
                cents = m.value  # "3 dollars 50 cents"
        elif whole and prev is not None and _bare(m) and m.kind is FactKind.QUANTITY and m.unit is None and not m.year:
            nxt = _tokens(text, m.end, 1)
            spoken = text[prev.end : m.start].strip(" \u00a0") == "" and m.value == int(m.value) and 0 < m.value < 100
            if spoken and not (nxt and nxt[0][:1].isalnum()):
                cents = m.value / 100  # "thirteen dollars forty-five"
        if prev is not None and cents is not None:
            out[-1] = prev._replace(end=m.end, atom_end=m.atom_end, value=round(prev.value + cents, 10))
        else:
            out.append(m)
    return out


def _in_hundredths(text: str, m: _Mention) -> bool:
    """Return True if money mention `m` is written in cents or pence ("10 cents a share", "18p")."""
    am = RE_CURRENCY_AFTER.match(text, m.atom_end)
    return am is not None and _currency_code_is_hundredths(am.group(0))


def _currency_code_is_hundredths(surface: str) -> bool:
    """Return True if the currency after an amount names hundredths ("cents", "pence", "¢")."""
    return RE_DOTS_AND_SPACES.sub("", surface).lower() in HUNDREDTHS


def _merge_ranges(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Join "40-50%", "between 40 and 50", "from 40 to 50 troops", "three or four years" into one range mention.

    The two values of a change ("from 4.8 to 4.7 percent", "from 208 pounds to 193") stay
    two mentions (`_lend_units` then gives a bare one the other's unit).
    """
    out: list[_Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        join = RE_RANGE_JOIN.match(text[a.end : b.start]) if b else None
        if b is None or join is None:
            # Half a hyphenated pair whose other half is no fact: "England's 18-17 defeat".
            if not (a.hyphen_right or a.hyphen_left):
                out.append(a)
            i += 1
            continue
        word = join.group("word")
        left = _left(text, a.start)
        if a.year != b.year and _year_shaped(text, b if a.year else a):
            # "between 1600 and 1900", "from 1750 to 1800": the other end of a span of years is one too.
            a, b = a._replace(year=True), b._replace(year=True)
        merged = _range(text, a, b)
        if word is None:  # a hyphen: a range, or else a score, a code or a phone number
            score = (
                (merged is None and b.value <= a.value) or a.value == 0  # "3-2", "0-2 down"; not "5-10 cents"
                or RE_SCORE_AFTER.match(text, b.end) or RE_SCORE_BEFORE.search(left)
                or RE_SCORE_PAIR_BEFORE.search(left)
            )  # fmt: skip
            if merged and not score:
                out.append(merged)
            i += 2
            continue
        if word == "and" and not RE_BETWEEN_BEFORE.search(left):
            merged = None
        if word == "or" and not (_bare(a) and a.kind is FactKind.QUANTITY and a.unit is None):
            merged = None  # "three or four years", "5 or 6 percent"; not "$5 or $10"
        if word == "to":
            from_m = RE_FROM_BEFORE.search(left)
            by_m = RE_BY_BEFORE.search(left)
            # "increase spending from 2% to 3%": a change from one value to another.
            changing = from_m and RE_CHANGE_WORD.search(left[: from_m.start()][-60:])
            # "up 10.4 cents to $2.24", "increased by $43.6 billion to $419.2 billion", and a
            # change restated in another unit: "up 6%, or 16.75 pence, to 293.5p".
            restated = RE_OR_BEFORE.search(left) and out and _changed(_left(text, out[-1].start))
            moved = (_direction_before(left) or by_m or restated) and not _bare(a)
            # "from 5 to 7 per cent to 3 to 5 per cent": the change starts from a range.
            c = mentions[i + 2] if i + 2 < len(mentions) else None
            then = RE_RANGE_JOIN.match(text[b.end : c.start]) if c is not None else None
            from_range = changing and then is not None and then.group("word") == "to"
            if (changing or moved or _qualifier_before(_left(text, b.start))) and not from_range:
                merged = None
        if merged is None:
            out.append(a)
            i += 1
        else:
            out.append(merged)
            i += 2
    return out


def _direction_before(left: str) -> str | None:
    """Return "up" or "down" if a change word ends `left` ("rose", "fell by", "set to climb"), else None."""
    if d := RE_DIRECTION_BEFORE.search(left, max(0, len(left) - DIRECTION_CHARS)):
        return "up" if d.group("up") else "down"
    if left.endswith("by ") and (d := RE_DIRECTION_OBJECT_BY.search(left, max(0, len(left) - DIRECTION_CHARS))):
        return "up" if d.group("up") else "down"
    if not left[-1:].isspace():
        return None
    words = left[-30:].split()
    if words[-1:] == ["by"]:
        words = words[:-1]  # "to grow by 4%"
    if len(words) >= 2 and words[-2].lower() in MODALS:
        verb = words[-1].lower()
        if verb in BARE_UP:
            return "up"
        if verb in BARE_DOWN:
            return "down"
    return None


def _changed(left: str) -> bool:
    """Return True if a change word ends `left`, maybe before a hedge ("rose", "up more than")."""
    if q := _qualifier_before(left):
        left = left[: q.start()]
    return _direction_before(left) is not None


def _lend_units(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Give the bare value of a change "from a to b", or "to a from b", the other value's unit (`_borrow`).

    Wire copy puts the new level first: "rose to 5.3 from 4.1 mln dlrs", "fell to 5.5
    from 7 pct", "eased to 12,480 from 13,105 ounces".
    """
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        join = RE_RANGE_JOIN.match(text[a.end : b.start])
        if join and join.group("word") == "to" and RE_FROM_HEDGED_BEFORE.search(_left(text, a.start)):
            out[i], out[i + 1] = _borrow(text, a, b)
        elif RE_FROM_JOIN.fullmatch(text, a.end, b.start) and RE_TO_BEFORE.search(_left(text, a.start)):
            out[i], out[i + 1] = _borrow(text, a, b)
    return out


def _lend_to_parts(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Give a scaled amount "of the" whole its unit: "350 million of the 2.4 billion shekels" is shekels.

    Only an amount with a scale word and no unit of its own, smaller than the whole:
    "two of the $20 bills" counts bills.
    """
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if (
            a.kind is FactKind.QUANTITY and a.unit is None and a.scale > 1 and a.end == a.atom_end and a.high is None
            and (b.kind is FactKind.MONEY or (b.unit is not None and b.unit != "fraction"))
            and b.kind is not FactKind.AGE and a.value < b.value and RE_OF_THE.fullmatch(text, a.end, b.start)
            and not _in_hundredths(text, b)
        ):  # fmt: skip
            out[i] = a._replace(kind=b.kind, unit=b.unit)
    return out


def _borrow(text: str, a: _Mention, b: _Mention) -> tuple[_Mention, _Mention]:
    """The two values of a change "from a to b", a bare one with the other's kind, unit and scale.

    "from 4.8 to 4.7 percent" is 4.8% and 4.7%; "from 208 pounds to 193" 208 and 193
    pounds; "from 24.2 to 33 billion euros" 24.2 billion euros; a value with its own scale
    takes the unit alone ("to 5.3 mln from 4.1 mln dlrs"). Cents are not lent: "from 50
    cents to 75" is left as written.
    """

    def plain(m: _Mention) -> bool:
        return _bare(m) and m.kind is FactKind.QUANTITY and m.unit is None and not m.year and m.high is None

    def lends(m: _Mention) -> bool:
        return (
            m.kind is not FactKind.AGE and (m.unit is not None or m.kind is not FactKind.QUANTITY)
            and m.unit != "fraction" and not _in_hundredths(text, m)
        )  # fmt: skip

    def scaled(m: _Mention) -> bool:  # "5.3 mln": its own scale, no unit
        return (
            m.kind is FactKind.QUANTITY and m.unit is None and m.scale > 1 and m.high is None and not m.year
            and m.start == m.atom_start and m.end == m.atom_end
        )  # fmt: skip

    if plain(a) and lends(b):
        return a._replace(kind=b.kind, unit=b.unit, value=a.value * b.scale, scale=b.scale), b
    if plain(b) and lends(a):
        return a, b._replace(kind=a.kind, unit=a.unit, value=b.value * a.scale, scale=a.scale)
    if scaled(a) and lends(b):
        return a._replace(kind=b.kind, unit=b.unit), b  # "from 3 mln to 4.2 mln dlrs"
    if scaled(b) and lends(a):
        return a, b._replace(kind=a.kind, unit=a.unit)
    return a, b


def _tokens(text: str, pos: int, limit: int = 8) -> list[str]:
    """Return up to `limit` tokens of `text` from `pos`."""
    toks: list[str] = []
    while len(toks) < limit and (m := RE_TOKEN.match(text, pos)) and m.group("tok"):
        toks.append(m.group("tok"))
        pos = m.end()
    return toks


def _acceptable_head(word: str, *, vague: bool = False) -> bool:
    """Return True if `word` can head the phrase a number counts (a `VAGUE_HEADS` word only if `vague`)."""
    low = word.lower()
    if (low in VAGUE_HEADS and not vague) or low in STOP_WORDS:
        return False
    if low.endswith("ed") and low not in ED_HEADS:
        return False
    if low.endswith("ing") and low not in ING_NOUNS:
        return False
    if word.islower() or (word.isupper() and len(RE_NON_WORD.sub("", word)) >= 2):
        return True
    return word[:1].isupper() and low.endswith("s") and not low.endswith("ss")


def _fold(phrase: str) -> str:
    """Fold long forms to the abbreviation sources also use ("gross domestic product")."""
    low = phrase.lower()
    if low.endswith("gross domestic product"):
        return "GDP"
    if low.endswith("gross national product"):
        return "GNP"
    return phrase


COORDINATORS = frozenset({"and", "or"})


def _phrase_after(
    text: str, pos: int, *, lowercase_only: bool, skip_determiners: bool, vague: bool = False
) -> str | None:
    """Return the noun phrase starting at `pos` ("US military personnel"), or None.

    A phrase headed by a `VAGUE_HEADS` word ("a 5% annual increase") says how much, not of
    what, and is None, unless `vague` (a rank: "the third time", "its first loss").
    """
    toks = _tokens(text, pos)
    if skip_determiners:
        while toks and RE_DETERMINER.match(toks[0]):
            toks = toks[1:]
    words: list[str] = []
    joined = 0  # words before an "and"/"or" between modifiers ("2.1M vinyl and digital albums")
    headed = False
    for i, tok in enumerate(toks):
        low = tok.lower()
        acronym = tok.isupper() and len(tok) > 1  # "US" troops, not the pronoun "us"
        if low in COORDINATORS and words and not joined and i + 1 < len(toks):
            joined = len(words)
            words.append(low)
            continue
        # A model's number before its name is a word of the phrase: "two new 737 Max jets".
        model = tok.isdigit() and not lowercase_only and i + 1 < len(toks) and _model_word(toks[i + 1])
        if not (tok[:1].isalpha() or model) or (low in STOP_WORDS and not acronym):
            break
        if low in ONES or low in TENS or low in SCALES:  # "48% use two or three"
            break
        if RE_POSSESSIVE_END.search(tok):
            break
        if lowercase_only and not (tok.islower() or tok.isupper()):
            break
        if low.endswith("ly") and low not in LY_NOUNS:
            break
        if (low.endswith("ed") or low.endswith("ing")) and words:
            # A participle ends the phrase unless a noun follows it: "troops stationed in"
            # stops, "Islamic banking groups" goes on.
            nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
            if not nxt[:1].isalpha() or nxt in STOP_WORDS:
                break
        words.append(tok.rstrip("."))
        if low in COLLECTIVE_HEADS or (
            not tok.isupper() and len(low) > 3 and low.endswith("s")
            and not low.endswith(("ss", "us", "is"))
        ):  # fmt: skip
            headed = True
            break
        if len(words) == 4 + bool(joined):
            break
    if joined and not headed:
        words = words[:joined]  # "300 new and..." with no plural or collective head after: the first words alone
    folded = _fold(" ".join(words))
    if folded in ("GDP", "GNP"):
        return folded
    if words and words[-1].lower() in VAGUE_HEADS and not vague:
        return None  # "a 5% annual increase" says how much, not of what
    while words and not _acceptable_head(words[-1], vague=vague):
        words.pop()
    return " ".join(words) or None


def ranked_phrase(text: str, pos: int) -> str | None:
    """The lower-case noun phrase at `pos` that a rank before it ranks ("straight month", "time"), or None."""
    return _phrase_after(text, pos, lowercase_only=True, skip_determiners=False, vague=True)


def _phrase_before(text: str, pos: int) -> str | None:
    """Return the phrase before "of"/"numbering" that the number at `pos` measures."""
    left = _left(text, pos)
    trimmed = left.rstrip(" ")
    if len(trimmed) == len(left) or not trimmed.endswith(PHRASE_BEFORE_WORDS):
        return None  # RE_PHRASE_BEFORE ends with one of these words and spaces
    m = RE_PHRASE_BEFORE.search(left)
    if not m:
        return None
    words: list[str] = []
    for word in reversed(m.group("np").split()):
        if word.lower() in STOP_WORDS or RE_DETERMINER.match(word):
            break
        words.insert(0, word)
    if not words or not _acceptable_head(words[-1]):
        return None
    return _fold(" ".join(words))


def _modified_noun(text: str, m: _Mention) -> str | None:
    """Return the noun a percent or money amount modifies ("a 25 percent tariff"), or None.

    CAUTION: without a determiner the next word is as often a verb ("48% use two").
    """
    if not RE_DETERMINER_BEFORE.search(_left(text, m.outer if m.outer >= 0 else m.start)):
        return None
    return _phrase_after(text, m.end, lowercase_only=True, skip_determiners=False)


def _counts(text: str, m: _Mention) -> str | None:
    """Return what mention `m` counts or measures, or None."""
    if m.kind is FactKind.AGE:
        return None
    if m.kind is FactKind.QUANTITY and m.unit is None and m.end > m.atom_end and text[m.atom_end] == "-":
        noun = _compound_noun(text, m.atom_end)  # "a 12-member jury" counts members
        if noun != "strong":
            return noun
        return _phrase_after(text, m.end, lowercase_only=True, skip_determiners=False)  # "a 5,000-strong crowd"
    end = m.end
    if hedge := RE_HEDGE_AFTER.match(text, end):
        end = hedge.end()  # "50 or more people" counts people
    if RE_WIRE_AGO.match(text, end):
        return _phrase_before(text, m.outer if m.outer >= 0 else m.start)  # "129,000 week ago" counts no weeks
    if m.kind is FactKind.PERCENT:
        if of := RE_OF.match(text, end):
            return _phrase_after(text, of.end(), lowercase_only=False, skip_determiners=True)
        if dedicated := RE_PERCENT_FOR.match(text, end):
            return _phrase_after(text, dedicated.end(), lowercase_only=False, skip_determiners=True)
        found = _modified_noun(text, m)
    elif m.kind is FactKind.MONEY:
        if conn := RE_MONEY_FOR.match(text, end):
            # "$1 billion in gains" is of gains; "$120 million in the quarter" is not of the quarter.
            found = _phrase_after(text, conn.end(), lowercase_only=True, skip_determiners=not conn.group("in"))
        else:
            found = _modified_noun(text, m)
    elif m.unit is not None:
        if of := RE_OF.match(text, end):
            found = _phrase_after(text, of.end(), lowercase_only=False, skip_determiners=True)
        else:  # "30 km road"; a share counts any noun: "one in five Americans", "half the country"
            share = m.unit == "fraction"
            found = _phrase_after(text, end, lowercase_only=not share, skip_determiners=share)
    elif m.words and m.words.split(" of ", 1)[0] in VAGUE_SCALES and (of := RE_OF.match(text, end)):
        found = _phrase_after(text, of.end(), lowercase_only=False, skip_determiners=True)  # "thousands of tests"
    else:
        found = _phrase_after(text, end, lowercase_only=False, skip_determiners=False)
    return found or _phrase_before(text, m.outer if m.outer >= 0 else m.start)


def _qualify(text: str, m: _Mention) -> _Mention:
    """Attach the hedge or direction of change to mention `m`."""
    left = _left(text, m.start)
    q = _qualifier_before(left)
    if q and RE_ABOUT_PREPOSITION.search(left[: q.start()]) and q.group("q").lower() == "about":
        q = None  # "talked about four priorities": a preposition, not a hedge
    if q and RE_ADD_UP_BEFORE.search(left[: q.start()]) and RE_SPACES.sub(" ", q.group("q").lower()) == "up to":
        q = None  # "trade added up to $214bn": a total, not a ceiling
    if q:
        key = RE_SPACES.sub(" ", q.group("q").lower())
        if key in ("over", "under") and m.unit in TIME_UNITS:
            return m._replace(outer=m.start)  # "over five years" says when, not how many
        hedge = QUALIFIERS[key]
        if m.kind in (FactKind.PERCENT, FactKind.MONEY, FactKind.QUANTITY) and hedge != "up to":
            direction = _direction_before(left[: q.start()])
            if direction is None and (d := RE_DIRECTION_AFTER.match(text, m.end)):
                direction = "up" if d.group("up") else "down"
            if direction:
                hedge = f"{direction} {hedge}"  # "rose nearly 57%": a change, and hedged
        return m._replace(qualifier=hedge, outer=m.start - (len(left) - q.start()))
    if hedge_after := RE_HEDGE_AFTER.match(text, m.end):
        hedge = "at least" if hedge_after.group("more") else "up to" if hedge_after.group("less") else "about"
        if m.kind in (FactKind.PERCENT, FactKind.MONEY, FactKind.QUANTITY) and (direction := _direction_before(left)):
            hedge = f"{direction} {hedge}"  # "rose 5% or more"
        return m._replace(qualifier=hedge, outer=m.start)
    if ("~" in left[-2:] or "≈" in left[-2:]) and (t := RE_TILDE_BEFORE.search(left, max(0, len(left) - 3))):
        return m._replace(qualifier="about", outer=m.start - (len(left) - t.start()))  # "~45g"
    if left.endswith("-") and (sub := RE_SUB_BEFORE.search(left)):
        return m._replace(qualifier="less than", outer=m.start - (len(left) - sub.start()))  # "sub-7 nanometer chips"
    if m.kind in (FactKind.PERCENT, FactKind.MONEY, FactKind.QUANTITY):
        direction = _direction_before(left)
        if direction is None and (d := RE_DIRECTION_AFTER.match(text, m.end)):
            direction = "up" if d.group("up") else "down"
        if direction:
            return m._replace(qualifier=direction, outer=m.start)
        if left.endswith("+") and m.kind is FactKind.PERCENT:
            return m._replace(qualifier="up", outer=m.start)  # "Dow +0.2%"
    return m._replace(outer=m.start)


def _inherit_hedges(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Give a conversion in parentheses the hedge of the amount it converts, and a list item its change.

    "just under 296 hp (224 kW / 300 PS)": the kilowatts are as hedged as the
    horsepower, and "dropped by 1.5 degrees Celsius (2.7 Fahrenheit)" is a fall in both.
    Only an amount with a unit (or currency) of the same kind converts one: "about 300
    sailors (40 pilots)" is two counts. A list that leaves out its verb ("Ross fell 2.3%,
    Burlington by 2.6%") keeps the direction of the item before.
    """
    out: list[_Mention] = []
    in_parens = False
    for m in mentions:
        prev = out[-1] if out else None
        converts = False
        if prev is not None and m.qualifier is None and prev.qualifier is not None and m.kind is prev.kind:
            between = text[prev.end : m.start]
            converts = (
                m.unit is not None and prev.unit is not None
                and (RE_CONVERSION_OPEN.match(between) is not None
                     or (in_parens and RE_CONVERSION_NEXT.match(between) is not None))
            )  # fmt: skip
            if converts or (prev.qualifier in ("up", "down") and RE_ELLIPTIC_BY.match(between)):
                m = m._replace(qualifier=prev.qualifier)  # "(224 kW)"; "down 2.3%, Burlington by 2.6%"
        in_parens = converts
        out.append(m)
    return out


def _keep(text: str, m: _Mention) -> bool:
    """Return False for numbers that are not facts: years, and "one" used as a pronoun."""
    # CAUTION: "2000 troops" is lost with the years; news style writes "2,000 troops".
    if m.year and m.qualifier in (None, "up", "down") and m.high is None:
        return False  # a hedge makes it a count ("about 2000 troops"); a change word does not ("a 1985 rise of 4%")
    first = text[m.atom_start : m.atom_start + 1]
    if m.words and first.isupper() and RE_WORD_BEFORE.search(_left(text, m.atom_start)):
        return False  # "BBC Two", "Deep Space Nine", "the Six Nations": names, not counts
    if m.words in ZERO_WORDS and m.value == 0 and m.kind is FactKind.QUANTITY and m.unit is None:
        before = RE_WORD_BEFORE.search(_left(text, m.atom_start))
        nxt = _tokens(text, m.atom_end, 1)
        word_before = before.group("w").lower() if before else ""
        if word_before in ZERO_BEFORE or (nxt and nxt[0].lower() in ZERO_AFTER):
            return False  # "ground zero", "zero tolerance"
        if m.words != "zero" and word_before in ("to", "for"):
            return False  # "came to naught", "all for nought": idioms; "fell to zero" is a value
        return True  # "rates near zero", "zero is the answer": a number, even with nothing counted
    if m.words in ("one", "zero") and m.value in (0, 1) and m.kind not in (FactKind.MONEY, FactKind.AGE):
        before = RE_WORD_BEFORE.search(_left(text, m.atom_start))
        nxt = _tokens(text, m.atom_end, 1)
        if before and before.group("w").lower() in ONE_PRONOUN_BEFORE:
            return False
        if not nxt or nxt[0].lower() in ONE_PRONOUN_AFTER or not nxt[0][:1].isalpha():
            return False
        if nxt[0].lower() == "hand" and before and before.group("w").lower() == "on":
            return False  # "on one hand" (and "on the one hand"); "she put one hand up" counts a hand
        if m.counts is None and m.unit is None:
            return False
    return True


def _vague_amounts(text: str) -> list[_Mention]:
    """Return a range mention for every vague amount ("thousands of tests", "tens of millions of dollars").

    What follows "of" may give the unit or currency ("hundreds of miles", "millions of
    euros"); else the phrase after "of" is what it counts (see `_counts`).
    """
    if not RE_VAGUE_HINT.search(text):
        return []
    found: list[_Mention] = []
    for m in RE_VAGUE_AMOUNT.finditer(text):
        words = RE_SPACES.sub(" ", m.group(0).lower()).split(" of ")
        if words[0] == "tens" and len(words) == 1:
            continue  # "tens of people" is rare; "tens of thousands" is the idiom
        low = math.prod(VAGUE_SCALES[w] for w in words)
        kind, unit, end = FactKind.QUANTITY, None, m.end()
        if of := RE_OF_WORD.match(text, end):
            if (am := RE_CURRENCY_AFTER.match(text, of.end())) and am.group("cur") and not am.group("mult"):
                key = RE_DOTS_AND_SPACES.sub("", am.group("cur")).lower()
                weight = key in ("pound", "pounds") and RE_OF.match(text, am.end())  # "hundreds of pounds of explosives"
                if key not in HUNDREDTHS and key != "won" and not weight:
                    kind, unit, end = FactKind.MONEY, _currency_code(key), am.end()
            if kind is FactKind.QUANTITY and (um := RE_UNIT.match(text, of.end())) and um.group("word"):
                unit, end = UNIT_WORDS[RE_SPACES.sub(" ", um.group("word").lower())], um.end()
        found.append(
            _Mention(kind, m.start(), end, low, m.start(), m.end(), high=low * 10, unit=unit, words=" of ".join(words))
        )
    return found


# Sentences whose mentions are kept (`_sentence_mentions`): enough for the largest story.
SENTENCE_MEMO = 1 << 14


@functools.lru_cache(maxsize=SENTENCE_MEMO)
def _sentence_mentions(text: str) -> tuple[_Mention, ...]:
    """Return every numeric mention in one sentence's text, in order.

    They depend on the text alone, so they are kept for the sentences last read: a
    story's articles repeat many sentences word for word (on BBC + Reuters, 11 k of
    the 39 k sentences of articles that share a story).
    """
    digits = RE_ANY_DIGIT.search(text) is not None
    fractions = _digit_fractions(text) + (_scientific(text) if digits else [])
    atoms = list(_atoms(text, digits, fractions))
    vague = _vague_amounts(text) if VAGUE_TAILS[0] in text or VAGUE_TAILS[1] in text else []
    if not atoms and not digits and not vague:
        return ()  # an age apposition has digits
    blocked = _blocked_spans(text, digits, _Spans((s, e) for s, e, _ in fractions))
    mentions: list[_Mention] = []
    for am in RE_AGE_APPOSITION.finditer(text):
        name = am.group("name").rstrip(".")
        age = int(am.group("age"))
        if name.lower() in WEEKDAYS or RE_MONTH_NAME.fullmatch(name) or not 0 < age < 120:
            continue
        if blocked.overlaps(am.start("age"), am.end("age")) or RE_CODE_BEFORE.search(name + " "):
            continue
        s, e = am.span("age")
        mentions.append(_Mention(FactKind.AGE, s, e, float(age), s, e, outer=s))
        blocked.add(s, e)
    headline = functools.cache(lambda: _title_case(text))  # asked for rarely: only for a bare integer
    found: list[_Mention] = []
    for start, end, value, words in atoms:
        if blocked.overlaps(start, end) or (found and start < found[-1].end):
            continue  # blocked, or inside the mention before ("twenty and three fifths")
        if m := _decorate(text, start, end, value, words, headline):
            if blocked.overlaps(m.start, m.end):
                continue
            found.append(m)
    found = _merge_ranges(text, _merge_ratios(text, _merge_cents(text, found)))
    if len(found) > 1 and ("rom " in text or "ROM " in text):  # "from a to b" (RE_FROM_HEDGED_BEFORE)
        found = _lend_units(text, found)
    if len(found) > 1 and " of " in text:
        found = _lend_to_parts(text, found)
    if vague and (vague := [v for v in vague if not blocked.overlaps(v.start, v.end)]):
        taken = _Spans((m.start, m.end) for m in found)
        found = sorted(found + [v for v in vague if not taken.overlaps(v.start, v.end)], key=lambda m: m.start)
    qualified = [_qualify(text, m) for m in found]
    for m in _inherit_hedges(text, qualified) if len(qualified) > 1 else qualified:
        m = m._replace(counts=_counts(text, m))
        if _keep(text, m):
            mentions.append(m)
    mentions.sort(key=lambda m: (m.start, m.end))
    anchors = [Anchor(m.outer if m.outer >= 0 else m.start, m.start, m.end, m.kind, m.unit) for m in mentions]
    return tuple(m._replace(measures=thing) for m, thing in zip(mentions, measured(text, anchors), strict=True))


# Invisible characters that web copy leaves between digits (zero-width space and
# joiners, word joiner, byte-order mark, soft hyphen): `56\u200b000` is 56,000.
_INVISIBLE = r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]"
RE_ANY_INVISIBLE = regex.compile(_INVISIBLE)
RE_INVISIBLE_IN_NUMBER = regex.compile(rf"(?<=\d){_INVISIBLE}(?=\d)")


def _tidy(value: float) -> float:
    """`value` at the 15 significant digits a double holds: 4.1 * 1e6 is 4100000.0, not 4099999.9999999995.

    No figure in news has more digits, and the product of a decimal and a scale is
    otherwise a binary neighbour of the number written, which the JSON would show.
    """
    return float(f"{value:.15g}") if math.isfinite(value) else value


def visible_digits(text: str) -> str:
    """`text` with each invisible character between two digits read as a thin space.

    One character for one, so every offset still points into the text as written;
    a thin space between digit groups is a thousands separator (`55 000`), so
    `56\u200b000` reads as 56,000 and `2\u200b025` as 2025, while the fact's text
    keeps the character as written.
    """
    if not RE_ANY_INVISIBLE.search(text):
        return text
    return RE_INVISIBLE_IN_NUMBER.sub("\u2009", text)


def extract_numbers(article: Article, sentence: Sentence) -> Iterator[Fact]:
    """Yield every quantity, percent, money amount and age in `sentence`."""
    for m in _sentence_mentions(visible_digits(sentence.text)):
        start = sentence.start + m.start
        yield Fact(
            kind=m.kind,
            text=sentence.text[m.start : m.end],
            value=_tidy(m.value),
            start=start,
            end=sentence.start + m.end,
            line=line_of(article, start),
            sentence=sentence.index,
            high=None if m.high is None else _tidy(m.high),
            unit=m.unit,
            counts=m.counts,
            qualifier=m.qualifier,
            measures=m.measures,
        )
