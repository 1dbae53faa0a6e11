"""Small word lists that let differently worded text compare equal.

Each table folds variants that an editor would call the same word or the same
thing: spelling variants (`defence` / `defense`), what a number counts (`troops`
/ `personnel` / `service members`), names of a country (`U.S.` / `United States`).
They are deliberately small and explicit: a wrong fold here turns a real
discrepancy into silence, so every entry must be a true equivalence.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Collection

import regex

STOPWORDS = frozenset(
    """
    a an the and or but nor so yet of in on at to for from by with without about as into onto
    over under than then that this these those there here it its it's is are was were be been
    being am do does did done have has had having will would shall should can could may might
    must not no he him his she her hers they them their theirs we us our ours you your yours i
    me my mine who whom whose which what when where why how all any both each few more most
    other some such only own same too very just also said says say told tell according
    mr mrs ms dr up out if while after before during because until again further once
    """.split()
)

# Month names and their common abbreviations, to month numbers.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# British and American spellings, folded to one form.
SPELLING_VARIANTS = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "centre": "center",
    "theatre": "theater",
    "metre": "meter",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "labour": "labor",
    "favour": "favor",
    "honour": "honor",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "colour": "color",
    "behaviour": "behavior",
    "programme": "program",
    "programmes": "programs",
    "judgement": "judgment",
    "ageing": "aging",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "modelling": "modeling",
    "counselling": "counseling",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "aluminium": "aluminum",
    "cheque": "check",
    "cheques": "checks",
    "plough": "plow",
    "storey": "story",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "paediatric": "pediatric",
    "fulfil": "fulfill",
    "enrol": "enroll",
    "analyse": "analyze",
    "analysed": "analyzed",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "practise": "practice",
    "whilst": "while",
    "amongst": "among",
}

# -ise / -isation spellings of -ize verbs (recognise, organisation, ...).
RE_ISE = regex.compile(r"^(?P<stem>\p{L}{3,}?)is(?P<end>e|es|ed|ing|ation|ations)$")
ISE_STEMS_KEPT = frozenset(
    "adv advert chast comprom dem desp dev disgu excerc exerc expert franch improv merchand "
    "otherw prem prom rev superv surpr telev"
    .split()
)

# What a number counts, folded to one head noun: `troops` = `personnel` = `soldiers`.
COUNT_SYNONYMS = {
    "troop": "troops",
    "troops": "troops",
    "soldier": "troops",
    "soldiers": "troops",
    "personnel": "troops",
    "servicemember": "troops",
    "servicemembers": "troops",
    "service members": "troops",
    "service member": "troops",
    "military personnel": "troops",
    "forces": "troops",
    "marines": "troops",
    "sailors": "troops",
    "airmen": "troops",
    "people": "people",
    "persons": "people",
    "residents": "people",
    "individuals": "people",
    "dead": "deaths",
    "deaths": "deaths",
    "killed": "deaths",
    "fatalities": "deaths",
    "lives": "deaths",
    "injured": "injuries",
    "injuries": "injuries",
    "wounded": "injuries",
    "gross domestic product": "gdp",
    "gdp": "gdp",
    "economic output": "gdp",
}

# Countries and organisations, in every form a title carries them: noun, adjective, acronym.
PLACES: dict[str, str] = {
    "US": "United States", "U.S.": "United States", "United States": "United States",
    "America": "United States", "American": "United States",
    # Regions named with "America" are not the United States (longest match wins).
    "North America": "North America", "South America": "South America",
    "Latin America": "Latin America", "Central America": "Central America",
    "Japan": "Japan", "Japanese": "Japan",
    "China": "China", "Chinese": "China",
    "Taiwan": "Taiwan", "Taiwanese": "Taiwan",
    "South Korea": "South Korea", "South Korean": "South Korea",
    "North Korea": "North Korea", "North Korean": "North Korea",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "British": "United Kingdom", "United Kingdom": "United Kingdom",
    "France": "France", "French": "France", "Germany": "Germany", "German": "Germany",
    "Russia": "Russia", "Russian": "Russia", "Ukraine": "Ukraine", "Ukrainian": "Ukraine",
    "India": "India", "Indian": "India", "Australia": "Australia", "Australian": "Australia",
    "Philippines": "Philippines", "Philippine": "Philippines", "Filipino": "Philippines",
    "Israel": "Israel", "Israeli": "Israel", "Poland": "Poland", "Polish": "Poland",
    "Canada": "Canada", "Canadian": "Canada", "Italy": "Italy", "Italian": "Italy",
    "Spain": "Spain", "Spanish": "Spain", "Iran": "Iran", "Iranian": "Iran",
    "Turkey": "Turkey", "Turkish": "Turkey", "Vietnam": "Vietnam", "Vietnamese": "Vietnam",
    "Indonesia": "Indonesia", "Indonesian": "Indonesia",
    "Singapore": "Singapore", "Singaporean": "Singapore",
    "Pakistan": "Pakistan", "Pakistani": "Pakistan", "Brazil": "Brazil", "Brazilian": "Brazil",
    "Mexico": "Mexico", "Mexican": "Mexico", "Saudi Arabia": "Saudi Arabia", "Saudi": "Saudi Arabia",
    "Egypt": "Egypt", "Egyptian": "Egypt", "Syria": "Syria", "Syrian": "Syria",
    "Iraq": "Iraq", "Iraqi": "Iraq", "Afghanistan": "Afghanistan", "Afghan": "Afghanistan",
    "Lebanon": "Lebanon", "Lebanese": "Lebanon", "Qatar": "Qatar", "Qatari": "Qatar",
    "Thailand": "Thailand", "Thai": "Thailand", "Malaysia": "Malaysia", "Malaysian": "Malaysia",
    "New Zealand": "New Zealand", "Netherlands": "Netherlands", "Dutch": "Netherlands",
    "Belgium": "Belgium", "Belgian": "Belgium", "Sweden": "Sweden", "Swedish": "Sweden",
    "Norway": "Norway", "Norwegian": "Norway", "Finland": "Finland", "Finnish": "Finland",
    "Denmark": "Denmark", "Danish": "Denmark", "Greece": "Greece", "Greek": "Greece",
    "Hungary": "Hungary", "Hungarian": "Hungary", "Estonia": "Estonia", "Estonian": "Estonia",
    "Latvia": "Latvia", "Latvian": "Latvia", "Lithuania": "Lithuania", "Lithuanian": "Lithuania",
    "Romania": "Romania", "Romanian": "Romania", "Czech": "Czech Republic",
    "Austria": "Austria", "Austrian": "Austria", "Switzerland": "Switzerland", "Swiss": "Switzerland",
    "Ireland": "Ireland", "Irish": "Ireland", "South Africa": "South Africa",
    "South African": "South Africa", "Nigeria": "Nigeria", "Nigerian": "Nigeria",
    "Argentina": "Argentina", "Argentine": "Argentina", "Venezuela": "Venezuela",
    "Venezuelan": "Venezuela", "Cuba": "Cuba", "Cuban": "Cuba", "Mongolia": "Mongolia",
    "Mongolian": "Mongolia", "Palestinian": "Palestine",
    # More states and their adjectives (not `Jordan`, `Georgia`, `Chad`: names of people or
    # of a US state as often as of the country).
    "Morocco": "Morocco", "Moroccan": "Morocco", "Kuwait": "Kuwait", "Kuwaiti": "Kuwait",
    "Jordanian": "Jordan", "Peru": "Peru", "Peruvian": "Peru", "Chile": "Chile", "Chilean": "Chile",
    "Colombia": "Colombia", "Colombian": "Colombia", "Ecuador": "Ecuador", "Ecuadorean": "Ecuador",
    "Bolivia": "Bolivia", "Bolivian": "Bolivia", "Kenya": "Kenya", "Kenyan": "Kenya",
    "Ethiopia": "Ethiopia", "Ethiopian": "Ethiopia", "Algeria": "Algeria", "Algerian": "Algeria",
    "Libya": "Libya", "Libyan": "Libya", "Tunisia": "Tunisia", "Tunisian": "Tunisia",
    "Bangladesh": "Bangladesh", "Bangladeshi": "Bangladesh", "Sri Lanka": "Sri Lanka",
    "Sri Lankan": "Sri Lanka", "Nepal": "Nepal", "Nepalese": "Nepal", "Portugal": "Portugal",
    "Portuguese": "Portugal", "Hong Kong": "Hong Kong", "Zambia": "Zambia", "Zambian": "Zambia",
    "Zimbabwe": "Zimbabwe", "Zimbabwean": "Zimbabwe", "Ghana": "Ghana", "Ghanaian": "Ghana",
    "Uruguay": "Uruguay", "Uruguayan": "Uruguay", "Paraguay": "Paraguay", "Paraguayan": "Paraguay",
    "Panama": "Panama", "Panamanian": "Panama", "Nicaragua": "Nicaragua", "Nicaraguan": "Nicaragua",
    "Iceland": "Iceland", "Icelandic": "Iceland", "Luxembourg": "Luxembourg",
    "Bulgaria": "Bulgaria", "Bulgarian": "Bulgaria", "Yugoslavia": "Yugoslavia",
    "Yugoslav": "Yugoslavia", "Cyprus": "Cyprus", "Cypriot": "Cyprus", "Oman": "Oman",
    "Omani": "Oman", "Bahrain": "Bahrain", "Bahraini": "Bahrain", "Yemen": "Yemen",
    "Yemeni": "Yemen", "Sudan": "Sudan", "Sudanese": "Sudan", "Tanzania": "Tanzania",
    "Tanzanian": "Tanzania", "Uganda": "Uganda", "Ugandan": "Uganda", "Angola": "Angola",
    "Angolan": "Angola", "Mozambique": "Mozambique", "Mozambican": "Mozambique",
    "Senegal": "Senegal", "Senegalese": "Senegal", "Ivory Coast": "Ivory Coast",
    "Cameroon": "Cameroon", "Cameroonian": "Cameroon", "Zaire": "Zaire", "Zairean": "Zaire",
    "Burma": "Burma", "Burmese": "Burma", "Myanmar": "Myanmar", "Cambodia": "Cambodia",
    "Cambodian": "Cambodia", "Laos": "Laos", "Laotian": "Laos", "Belarus": "Belarus",
    "Belarusian": "Belarus", "Armenia": "Armenia", "Armenian": "Armenia",
    "Azerbaijan": "Azerbaijan", "Azerbaijani": "Azerbaijan", "Kazakhstan": "Kazakhstan",
    "Kazakh": "Kazakhstan", "Serbia": "Serbia", "Serbian": "Serbia", "Croatia": "Croatia",
    "Croatian": "Croatia", "Slovakia": "Slovakia", "Slovak": "Slovakia", "Slovenia": "Slovenia",
    "Slovenian": "Slovenia", "Costa Rica": "Costa Rica", "Costa Rican": "Costa Rica",
    "Guatemala": "Guatemala", "Guatemalan": "Guatemala", "Honduras": "Honduras",
    "Honduran": "Honduras", "El Salvador": "El Salvador", "Salvadorean": "El Salvador",
    "Jamaica": "Jamaica", "Jamaican": "Jamaica", "Haiti": "Haiti", "Haitian": "Haiti",
    "Dominican Republic": "Dominican Republic", "Trinidad": "Trinidad", "Fiji": "Fiji",
    "Fijian": "Fiji", "Papua New Guinea": "Papua New Guinea",
    # Wire copy of the 1980s: the Soviet Union is its own party (not Russia: a report
    # names it as its sources did), the European Community the European Union's forerunner.
    "Soviet Union": "Soviet Union", "Soviet": "Soviet Union", "Soviets": "Soviet Union",
    "USSR": "Soviet Union", "European Community": "European Union",
    "NATO": "NATO", "EU": "European Union", "European Union": "European Union",
    "European Commission": "European Commission", "UN": "United Nations",
    "U.N.": "United Nations", "United Nations": "United Nations",
}

# Capitals and institutions that news copy uses for their country ("Tokyo said").
METONYMS = {
    "u.s": "United States",
    "usa": "United States",
    "washington": "United States",
    "pentagon": "United States",
    "tokyo": "Japan",
    "okinawa": "Japan",
    "beijing": "China",
    "korea": "South Korea",
    "seoul": "South Korea",
    "pyongyang": "North Korea",
    "taipei": "Taiwan",
    "moscow": "Russia",
    "kyiv": "Ukraine",
}

# Every form of a place, lower-cased, to its one name: for comparing sentences' places.
ENTITY_ALIASES = {alias.lower(): name for alias, name in PLACES.items()} | METONYMS

RE_ENTITY = regex.compile(
    r"\b(?:"
    + "|".join(
        regex.escape(alias).replace(r"\.", r"\.")
        for alias in sorted(ENTITY_ALIASES, key=len, reverse=True)
    )
    + r")(?!\p{L})",
    regex.IGNORECASE,
)

# Words inside a token: letters and digits, with inner apostrophes and hyphens.
RE_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[’'\-‐‑][\p{L}\p{N}]+)*")


@functools.lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """Fold one word to a comparison form: case, apostrophes, hyphens, spelling.

    Cached: news vocabulary is small and every sentence of every article is folded.
    """
    word = unicodedata.normalize("NFKC", word).casefold()
    word = word.replace("’", "").replace("'", "").replace("ʼ", "").replace("-", "").replace("‐", "").replace("‑", "")
    if word in SPELLING_VARIANTS:
        return SPELLING_VARIANTS[word]
    match = RE_ISE.match(word)
    if match and match.group("stem") not in ISE_STEMS_KEPT:
        return f"{match.group('stem')}iz{match.group('end')}"
    return word


# The folded form of every word `words` has met (cleared past `FOLDED_LIMIT` words): it
# folds every token of every sentence, and a dict lookup is cheaper than an lru_cache
# call (BBC + Reuters' 3.5 M tokens: 0.52 s against 0.83 s).
_FOLDED: dict[str, str] = {}
FOLDED_LIMIT = 1 << 20


def words(text: str) -> list[str]:
    """Return the folded words of `text` (`fold_word`), dropping punctuation."""
    found = RE_WORD.findall(text)
    try:
        return list(map(_FOLDED.__getitem__, found))
    except KeyError:  # a word not met before
        if len(_FOLDED) > FOLDED_LIMIT:
            _FOLDED.clear()
        for word in found:
            if word not in _FOLDED:
                _FOLDED[word] = fold_word(word)
        return list(map(_FOLDED.__getitem__, found))


def content_words(tokens: list[str]) -> list[str]:
    """Return the tokens that carry content (not stopwords, not one letter)."""
    return [t for t in tokens if t not in STOPWORDS and len(t) > 1]


# Capitalised words that name no one in particular: the parts of firms' names that many
# firms share, honorifics, calendar words, wire copy's table labels and the agencies that
# sign every wire story.
COMMON_CAPITALISED = frozenset(
    """
    inc corp corporation co company cos ltd plc llc lp bv nv ag sa spa se ab asa oy kk group holdings
    holding international securities capital finance financial industries bank banks trust
    fund partners class mr mrs ms dr sir jr sr st
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    year years quarter half week weekend
    shr shrs net revs qtr oper avg note
    reuter reuters ap afp upi
    """.split()
)


RE_LOWER = regex.compile(r"\p{Ll}")
# A company tagged as wire copy tags the firm a story is about: with its stock symbol
# (Reuters' `HECHINGER <HECHA> SELLS DEBENTURES`, `Apple Inc (AAPL.O)`, a release's
# `(NYSE: WIT)`), or, unlisted, with its name in angle brackets (`<SAMSUNG CO> CALENDAR
# 1986`, `said its <Prudential-Bache Securities> unit`).
RE_TICKER = regex.compile(
    r"""
    <(?P<tag>[A-Z0-9][\p{L}0-9.&/'’-]{0,40}(?:[ ][\p{L}0-9.&/'’-]{1,40}){0,7})>
  | \((?P<ric>[A-Z][A-Z0-9]{0,5}\.[A-Z]{1,4})\)
  | \((?i:NYSE|NASDAQ|AMEX|NYSE[ ]American|LSE|TSX|ASX)[ ]?:[ ]?(?P<listed>[A-Z][A-Z0-9.]{0,7})\)
    """,
    regex.VERBOSE,
)
RE_CLAUSE_OPENING = regex.compile(r"""[:(\[{"“'‘]\s*\Z""")


@functools.lru_cache(maxsize=64)
def lower_words(text: str) -> frozenset[str]:
    """The folded words `text` writes in lower case: the common words of an article.

    Cached for the last articles: the name finder (`people`) and the comparer both
    ask for an article's, 1.65 times per article of a story on BBC + Reuters.
    """
    return frozenset(fold_word(word) for word in RE_WORD.findall(text) if word[0].islower())


def name_words(text: str, common: Collection[str] = frozenset()) -> frozenset[str]:
    """The folded capitalised words of `text` that can name someone or something (`Hegseth`, `Mizuho`).

    A word that opens the text or a clause after a colon or bracket counts only before
    another capitalised word ("Nordic Rail Finance"): alone it is capitalised as the
    first ("Sales rose", "(Note: Firm has said"). Stopwords, one-letter words and
    `COMMON_CAPITALISED` do not count. In a text with no lower-case letter (a wire
    headline, "ORBITAL MILLS TO REDEEM PREFERRED STOCK") capitals tell nothing, so a word
    counts only if it is not among `common`, the words its article writes in lower case
    (`lower_words`): "redeem", "preferred" and "stock" do not; "Orbital" does.
    """
    capitals = not RE_LOWER.search(text)
    found = set()
    matches = list(RE_WORD.finditer(text))
    for i, match in enumerate(matches):
        word = match.group()
        if not word[0].isupper() or len(word) < 2:
            continue
        folded = fold_word(word)
        if folded in STOPWORDS or folded in COMMON_CAPITALISED or (capitals and folded in common):
            continue
        opens = i == 0 or bool(RE_CLAUSE_OPENING.search(text, 0, match.start()))
        if not capitals and opens and not (i + 1 < len(matches) and matches[i + 1].group()[0].isupper()):
            continue
        found.add(folded)
    return frozenset(found)


def tickers(text: str) -> frozenset[str]:
    """The tags `text` gives firms (`RE_TICKER`) in capitals: `HECHA`, `AAPL.O`, `WIT`, `PRUDENTIAL-BACHE SECURITIES`."""
    return frozenset((m["tag"] or m["ric"] or m["listed"]).upper() for m in RE_TICKER.finditer(text))


@functools.lru_cache(maxsize=1 << 12)
def entities(text: str) -> frozenset[str]:
    """Return the countries and organisations named in `text`, folded.

    Cached: the comparer asks for those of each sentence a fact is in, and a story's
    articles repeat sentences word for word.
    """
    found = set()
    for match in RE_ENTITY.finditer(text):
        surface = match.group(0)
        # "US" is a country only in capitals; "us" is a pronoun.
        if surface.lower() == "us" and surface != "US":
            continue
        found.add(ENTITY_ALIASES[surface.lower()])
    return frozenset(found)


@functools.lru_cache(maxsize=4096)
def fold_counts(counts: str | None) -> str | None:
    """Fold what a number counts to a comparable head (`US military personnel` -> `troops`).

    Cached: the comparer asks for the same few phrases once per pair of facts.
    """
    if not counts:
        return None
    tokens = [t for t in words(counts) if t not in STOPWORDS]
    if not tokens:
        return None
    for size in (3, 2):
        tail = " ".join(tokens[-size:])
        if tail in COUNT_SYNONYMS:
            return COUNT_SYNONYMS[tail]
    head = tokens[-1]
    if head in COUNT_SYNONYMS:
        return COUNT_SYNONYMS[head]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head
