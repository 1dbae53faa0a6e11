"""Find people named with a title (`Defense Minister Gen Nakatani`) and their full names.

Two forms are recognised, each inside one sentence:

- title before the name: `Prime Minister Shigeru Ishiba`, `Japanese Defense Minister
  Gen Nakatani`, `Former US President Joe Biden`, `President Trump`, `Secretary Hegseth`;
- an appositive after the name: `Fumio Kishida, Japan's prime minister at the time`,
  `Mark Rutte, the secretary general of NATO`.

CAUTION, traps kept in place:

- `Gen Nakatani` is a first name and a surname; only `Gen.` with a period is the rank,
  and ranks and honorifics (`Mr.`, `Dr.`, `Gen.`) are never titles.
- `Defense Ministry`, `the Defense Department`, `Ministry of Defense` are bodies, not
  offices: a title must be a whole word (`minister`, not `ministry`) followed by a name.
- `Deputy Assistant Secretary of Defense Elbridge Colby` is not the defense secretary:
  a title keeps its rank words, and only the plain `Secretary of Defense` folds into
  `defense secretary`.
- `Japanese counterpart Gen Nakatani` names no office and yields nothing.
"""

from __future__ import annotations

import bisect
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, NamedTuple, TypeVar

import regex

from compare.extract.lines import line_of
from compare.lexicon import PLACES as ORGS
from compare.lexicon import fold_word, lower_words
from compare.records import Article, Fact, FactKind

# Words that open a title but are not part of its office; they mark it as no longer held.
FORMER_WORDS = r"(?i:former|ex-|then-|then|the\s+late|one-?time|deposed|ousted|exiled)"
# A Cold War state's half between the marker and the country: `former West German Chancellor`.
FORMER_HALF = r"(?:(?:West|East)[\s-]+)?"

# Rank words that stay part of the title (`deputy assistant secretary of defense`).
RANKS = r"deputy|assistant|under(?=[\s-]+secretary)|vice|acting|chief|senior|principal|parliamentary|interim"

# Portfolios, before the office (`Defense Minister`) or after it (`Minister of Defense`).
PORTFOLIOS = r"""
    defen[cs]e | foreign\s+affairs | foreign | finance | trade | economy | economic
    | interior | home | justice | health | education | commerce | treasury | navy | army
    | air\s+force | homeland\s+security | national\s+security | energy | transport(?:ation)?
    | agriculture | labou?r | environment | industry | cabinet | digital | culture
    | internal\s+affairs | veterans\s+affairs | state | war | house | senate
"""

# Offices held by one named person; longer alternatives first.
CORES = r"""
    prime\s+minister | secretary[\s-]general | director[\s-]general | attorney\s+general
    | chief\s+executive | secretary | minister | president | premier | chancellor | governor
    | senator | congressman | congresswoman | ambassador | envoy | spokes(?:man|woman|person)
    | chair(?:man|woman|person)? | director | commander | advis[eo]r | mayor | speaker
    | king | queen | emperor | leader
"""

# One title: rank words, a portfolio, the office, a portfolio after `of`; or an alias.
TITLE = rf"""
    (?i:                                        # written in any case
        (?:(?:{RANKS})[\s-]+)*                  # rank words: deputy, assistant, vice
        (?:(?:{PORTFOLIOS})\s+)?                # portfolio before: defense, foreign
        (?:{CORES})                             # the office itself
        (?:\s+(?:of|for)\s+(?:the\s+)?(?:{PORTFOLIOS}))?  # portfolio after: of Defense
        (?![\p{{L}}\-])                         # a whole word: not Ministry
    )
    | (?:PM|CEO)(?![\p{{L}}])                   # abbreviations, capitals only
    | (?:Sen|Rep|Gov|Pres)\.                    # abbreviated titles with a period
    | Pentagon\s+(?:chief|head|boss)(?![\p{{L}}])  # the US defense secretary's nickname
"""

# An organisation before a title: noun (possessive allowed), adjective or acronym.
_ORG_ALTERNATION = "|".join(
    regex.escape(key).replace(r"\ ", r"\s+") for key in sorted(ORGS, key=len, reverse=True)
)
ORG = rf"""
    (?:{_ORG_ALTERNATION})(?:['’]s)?(?![\p{{L}}.])  # Japan's, US, Chinese, NATO
    | \p{{Lu}}{{2,6}}(?![\p{{L}}.])             # another acronym: IAEA, CIA
"""

# An organisation named after a title: `of NATO`, `of Japan`, but not `of Indian Oil Corp`.
ORG_OF = rf"(?:{_ORG_ALTERNATION})(?![\p{{L}}])(?!\s+\p{{Lu}})"

# Honorifics and ranks written with a period; they are never part of a title or a name.
HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm|Maj|Capt|Sgt|Brig|Sen|Rep|Gov|Prof)\."

# One word of a name: an initial (`F.`) or a capitalised word (`O'Brien`, `Jae-myung`).
NAME_WORD = r"""
    (?:\p{Lu}\.(?=\s+\p{Lu}))                   # an initial followed by more name
    | \p{Lu}[\p{Ll}\p{Lu}]*                     # a capitalised word
      (?:-\p{L}+|['’]\p{Lu}\p{L}*)*             # hyphen or O'Brien, but never a possessive 's
"""

# Lower-case particles inside a name: `Ursula von der Leyen`.
PARTICLE = r"(?:de|da|di|del|van|von|der|den|bin|al|la|le|du|dos|das|ibn)"

# The space between words of a name, or between a title and its name: blanks, or one line
# break with blanks around it (wire copy is hard-wrapped: "Treasury Secretary Owen\nHartley");
# never a blank line.
GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"

# A name: up to four words.
NAME = rf"""
    (?:{NAME_WORD})
    (?:{GAP}(?:{PARTICLE}{GAP})*(?:{NAME_WORD})){{0,3}}
"""

# What a titled name can open with (a necessary condition, so that the pattern below fails
# at once at most word starts): a capital (an organisation, an acronym, `PM`, `Sen.`,
# `Pentagon`) or, in any case, a word of FORMER_WORDS, a rank, a portfolio or an office.
TITLED_NAME_OPENING = rf"""
    (?=\p{{Lu}}
      | (?i:former|ex-|then|the\s+late|one-?time|deposed|ousted|exiled|{RANKS}|{PORTFOLIOS}|{CORES}))
"""

# Title before the name: `Former US President Joe Biden`, `Japan's then-prime minister X`.
TITLED_NAME = rf"""
    (?P<former>{FORMER_WORDS}[\s-]*{FORMER_HALF})?  # former, ex-, then-, the late, deposed
    (?P<ranks>(?i:(?:{RANKS})[\s-]+)+(?=(?:{ORG})\s))?  # rank words before the country: Assistant U.S. Treasury Secretary
    (?:(?P<org>{ORG})\s+)?                      # the country or body: US, Japanese, Japan's
    (?P<former2>{FORMER_WORDS}[\s-]*)?          # Japan's former prime minister
    (?P<title>{TITLE})                          # the office
    {GAP}
    (?P<honor>{HONORIFIC}{GAP})?                # a rank before the name: Gen. Dan Caine
    (?P<name>{NAME})                            # the person
"""
RE_TITLED_NAME = regex.compile(rf"(?<![\p{{L}}\p{{N}}'’.\-]){TITLED_NAME_OPENING}{TITLED_NAME}", regex.VERBOSE)

# Appositive: `Fumio Kishida, Japan's prime minister at the time`.
RE_APPOSITIVE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}'’.\-])                  # start at a word boundary
    (?P<honor>{HONORIFIC}[ \t\u00a0]+)?         # Mr. Ishiba, ...
    (?P<name>{NAME})                            # the person
    ,[ \t\u00a0]+
    (?:(?i:the|a)[ \t\u00a0]+)?                 # the defense minister
    (?P<former>{FORMER_WORDS}[\s-]*)?           # a former president
    (?:(?P<org>{ORG})\s+)?                      # Japan's, the US
    (?P<former2>{FORMER_WORDS}[\s-]*)?          # Japan's then-prime minister
    (?P<title>{TITLE})                          # the office
    (?:\s+of\s+(?:the\s+)?(?P<org_of>{ORG_OF}))?  # the secretary general of NATO
    (?P<when>\s+at\s+the\s+time)?               # no longer held
    (?=\s*[,.;:)—–]|\s+(?:and|who|said|says|told)\b|\s*$)  # the title ends here, no name follows
    """,
    regex.VERBOSE,
)

# A title on its own, to normalise: ranks, portfolio before, office, portfolio after.
RE_TITLE_PARTS = regex.compile(
    rf"""
    (?P<ranks>(?:(?:{RANKS})\s+)*)              # deputy assistant
    (?:(?P<pre>{PORTFOLIOS})\s+)?               # defense
    (?P<core>{CORES})                           # minister
    (?:\s+(?:of|for)\s+(?:the\s+)?(?P<post>{PORTFOLIOS}))?  # of defense
    """,
    regex.VERBOSE,
)

# Spellings folded before anything else (lower case).
TITLE_ALIASES = {
    "pm": "prime minister",
    "ceo": "chief executive",
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "pres.": "president",
    "pentagon chief": "defense secretary",
    "pentagon head": "defense secretary",
    "pentagon boss": "defense secretary",
}

# Portfolio spellings folded into one (lower case).
PORTFOLIO_ALIASES = {
    "defence": "defense",
    "foreign affairs": "foreign",
    "labour": "labor",
    "transportation": "transport",
}

# Words never part of a person's name (lower case): function words, days, months,
# headline verbs, and the words of titles and honorifics.
NAME_STOPWORDS = frozenset(
    """
    the a an and or but nor in on at to of for with by from as after before during about
    into over under said says told tells has have had is was were will would also who
    which that this these those his her their its it he she they we i former then late
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec warns urges visits meets calls vows slams hails announces agrees
    pledges rejects backs seeks plans heads arrives signs asks wants welcomes left right
    center centre mr mrs ms dr prof sir lady lord
    deputy assistant under vice acting chief senior principal parliamentary interim
    defense defence foreign affairs finance trade economy economic interior home justice
    health education commerce treasury navy army air force homeland security national
    energy transport transportation agriculture labor labour environment industry cabinet
    digital culture internal veterans state war house senate prime minister secretary
    general director attorney executive president premier chancellor governor senator
    congressman congresswoman ambassador envoy spokesman spokeswoman spokesperson chair
    chairman chairwoman chairperson commander adviser advisor mayor speaker king queen
    emperor leader pm ceo pentagon mp
    """.split()
)

# Capitalised words of places and organisations, never a person's name (lower case).
NON_NAME_WORDS = frozenset(
    """
    forces ministry department command strait sea island islands region administration
    office party council forum strategy news times post press agency association
    university center committee commission union alliance organization organisation
    group bank fund company corp inc ltd co cos plc llc lines airlines marine marines guard coast joint operations
    headquarters pacific indo asia europe western eastern northern southern north south
    east west gulf ocean river valley mountain california washington tokyo beijing
    white capitol congress parliament diet republic democratic republican communist
    kingdom states united nations gross domestic product national institute service
    corporation league cup club college school hospital airlines airways motors holdings
    federation foundation trust society church court tribunal media network
    """.split()
) | frozenset(word.lower() for key in ORGS for word in key.split())

# A run of two or more capitalised words, to find full names anywhere (for `canonical_names`).
RE_NAME_RUN = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}'’.\-])                  # start at a word boundary
    (?:{NAME_WORD})
    (?:[ \t\u00a0]+(?:{PARTICLE}[ \t\u00a0]+)*(?:{NAME_WORD}))+  # any number more
    """,
    regex.VERBOSE,
)

# One word inside a matched name, with its offsets.
RE_WORD = regex.compile(r"\S+")

# A possessive ending on a name as written: Trump's, Hegseth’s.
RE_POSSESSIVE = regex.compile(r"['’]s$")

# Honorifics opening a phrase, dropped before a name is resolved: `Mr. Hegseth`.
RE_LEADING_HONORIFICS = regex.compile(rf"^(?:{HONORIFIC}\s+)+")

# A necessary condition for RE_TITLED_NAME and RE_APPOSITIVE, checked per sentence
# first (a sentence without one is most sentences, and those two patterns cost ~0.1 ms
# a sentence): every TITLE holds an office word of CORES (case-insensitive, so looked
# for in the lower-cased text: see RE_FOLDS_TO_ASCII) after a non-letter, or glued to
# a FORMER_WORDS word (`then-king`, `formerking`); or one of TITLE's capitalised forms.
TITLE_WORDS = (
    "secretary", "director", "attorney", "chief", "minister", "president", "premier", "chancellor",
    "governor", "senator", "congress", "ambassador", "envoy", "spokes", "chair", "commander", "advis",
    "mayor", "speaker", "king", "queen", "emperor", "leader",
)  # fmt: skip
RE_TITLE_WORD = regex.compile(
    rf"(?:(?<![\p{{L}}\p{{N}}])|(?<=former|then|late|onetime|one-time))(?:{'|'.join(TITLE_WORDS)})"
)
RE_TITLE_FORM = regex.compile(r"PM|CEO|Sen\.|Rep\.|Gov\.|Pres\.|Pentagon")
# The characters that match an ASCII letter under `(?i:...)` without lower-casing to
# one (ſ, the Kelvin sign), or that lower-case to two characters (İ).
RE_FOLDS_TO_ASCII = regex.compile("[\u0130\u017f\u212a]")

# Words that never stay in a name segment (lower case).
NOT_NAME_WORDS = NAME_STOPWORDS | NON_NAME_WORDS

# What may open a sentence before its first word: blanks, opening quotes and brackets.
RE_OPENING = regex.compile(r"[\s\"“‘'(\[]+")


T = TypeVar("T")


class _Recent(Generic[T]):
    """One result per article for the last few articles, found by identity.

    `extract_facts` asks for an article's people and names twice (once more through
    the quotation speaker resolver). An article is held as long as its result, so no
    other article can reuse its id while it is here.
    """

    def __init__(self, size: int = 4) -> None:
        self.held: deque[tuple[Article, T]] = deque(maxlen=size)

    def get(self, article: Article, compute: Callable[[Article], T]) -> T:
        for held, result in self.held:
            if held is article:
                return result
        result = compute(article)
        self.put(article, result)
        return result

    def put(self, article: Article, result: T) -> None:
        """Hold `result` as `article`'s."""
        self.held.append((article, result))


class _Titled(NamedTuple):
    """A title-and-name match inside the article, before the name is resolved."""

    start: int
    end: int
    name: str
    name_start: int
    title: str
    org: str | None
    former: bool
    sentence: int


def normalise_title(title: str) -> str:
    """Return `title` in lower case with equivalent forms folded (`Minister of Defence` -> `defense minister`)."""
    text = " ".join(title.lower().replace("-", " ").split())
    text = TITLE_ALIASES.get(text, text)
    parts = RE_TITLE_PARTS.fullmatch(text)
    if parts is None:
        return text
    ranks = parts.group("ranks").split()
    core = " ".join(parts.group("core").split())
    pre, post = (_portfolio(parts.group(name)) for name in ("pre", "post"))
    if core in {"chairman", "chairwoman", "chairperson"}:
        core = "chair"
    if core == "advisor":
        core = "adviser"
    portfolio = pre or post
    if portfolio == "war" and core == "secretary":
        portfolio = "defense"  # the Department of War is the Defense Department renamed (2025)
    if post and core in {"secretary", "minister"}:
        if portfolio == "state" or {"assistant", "under"} & set(ranks):
            return " ".join([*ranks, core, "of", str(portfolio)])
    return " ".join([*ranks, *([portfolio] if portfolio else []), core])


def _portfolio(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return PORTFOLIO_ALIASES.get(text, text)


def _org(match: regex.Match[str]) -> str | None:
    """Return the organisation a title match names, folded, or None."""
    for group in ("org", "org_of"):
        text = match.groupdict().get(group)
        if text:
            text = RE_POSSESSIVE.sub("", " ".join(text.split()))
            return ORGS.get(text, text)
    if match.group("title").lower().startswith("pentagon"):
        return "United States"
    return None


def _trim_name(text: str, offset: int) -> tuple[int, int] | None:
    """Return the span of the name inside `text[offset:]` without stop words, or None."""
    words = [(m.start() + offset, m.end() + offset, m.group()) for m in RE_WORD.finditer(text)]
    while words and (
        words[0][2].lower().rstrip(".") in NAME_STOPWORDS
        or words[0][2] in ORGS
        or words[0][2][0].islower()
    ):
        words.pop(0)
    for index, (_, _, word) in enumerate(words):
        if word.lower() in NAME_STOPWORDS:
            words = words[:index]
            break
    while words and (words[-1][2][0].islower() or len(words[-1][2].rstrip(".")) == 1):
        words.pop()
    if not words or words[0][2] in ORGS or any(w[2].lower() in NON_NAME_WORDS - {"gen"} for w in words):
        return None  # `American President Lines`, `President Cos Ltd`: a firm's name, not a person's
    return words[0][0], words[-1][1]


def _may_hold_title(text: str) -> bool:
    """False only if no TITLE can match in `text` (see RE_TITLE_WORD)."""
    if RE_TITLE_FORM.search(text) or RE_FOLDS_TO_ASCII.search(text):
        return True
    low = text.lower()
    if len(low) != len(text):
        return True
    for word in TITLE_WORDS:
        at = low.find(word)
        while at >= 0:
            if RE_TITLE_WORD.match(low, at):
                return True
            at = low.find(word, at + 1)
    return False


def _titled(article: Article) -> Iterator[_Titled]:
    """Yield every title-and-name match in `article`, names as written, in text order."""
    for sentence in article.sentences:
        if not _may_hold_title(sentence.text):
            continue
        taken: list[tuple[int, int]] = []  # disjoint and sorted, so only neighbours can overlap
        for pattern in (RE_TITLED_NAME, RE_APPOSITIVE):
            for match in pattern.finditer(sentence.text):
                span = _trim_name(match.group("name"), match.start("name"))
                if span is None:
                    continue
                name = sentence.text[span[0] : span[1]]
                if pattern is RE_TITLED_NAME:
                    start, end = match.start(), span[1]
                else:
                    start = match.start("honor") if match.group("honor") else span[0]
                    end = match.end()
                at = bisect.bisect_left(taken, (start, end))
                if any(other_start < end and start < other_end for other_start, other_end in taken[max(0, at - 1) : at + 1]):
                    continue
                taken.insert(at, (start, end))
                yield _Titled(
                    start=sentence.start + start,
                    end=sentence.start + end,
                    name=name,
                    name_start=sentence.start + span[0],
                    title=normalise_title((match.groupdict().get("ranks") or "") + match.group("title")),
                    org=_org(match),
                    former=bool(
                        match.group("former")
                        or match.group("former2")
                        or (pattern is RE_APPOSITIVE and match.group("when"))
                    ),
                    sentence=sentence.index,
                )


def _name_segments(article: Article) -> Iterator[tuple[int, str]]:
    """Yield `(offset, name)` of every run of two to four name words in `article`.

    A sentence's first word is capitalised whatever it is: it counts as a name word
    only if the article never writes it in lower case (`When Reagan met ...`,
    `Today Reagan said ...` name Reagan; the article writes `when` and `today`).
    """
    common: frozenset[str] | None = None
    for sentence in article.sentences:
        for run in RE_NAME_RUN.finditer(sentence.text):
            words = [(m.start() + run.start(), m.group()) for m in RE_WORD.finditer(run.group())]
            if not RE_OPENING.sub("", sentence.text[: run.start()]):
                common = lower_words(article.text) if common is None else common
                if fold_word(words[0][1]) in common:
                    words = words[1:]
            segment: list[tuple[int, str]] = []
            for word in [*words, (-1, "")]:
                text = word[1]
                keep = bool(text) and text.lower() not in NOT_NAME_WORDS and text not in ORGS
                if keep:
                    segment.append(word)
                    continue
                while segment and (segment[-1][1][0].islower() or len(segment[-1][1]) <= 2):
                    segment.pop()  # a trailing particle or initial ends no name
                if 2 <= len(segment) <= 4:
                    offset = segment[0][0]
                    end = segment[-1][0] + len(segment[-1][1])
                    yield sentence.start + offset, sentence.text[offset:end]
                segment = []


def canonical_names(article: Article) -> dict[str, str]:
    """Map each surname or short form in `article` to the full name it stands for (`Hegseth` -> `Pete Hegseth`).

    Full names are runs of two to four capitalised words that are not title, place or
    organisation words; each full name maps to itself and its last word to it. When two
    full names share a surname the more frequent wins, then the earlier.
    """
    return dict(_RECENT_NAMES.get(article, _canonical_names))


def _canonical_names(article: Article) -> dict[str, str]:
    found = list(_name_segments(article))
    counts = Counter(name for _, name in found)
    first_seen: dict[str, int] = {}
    for offset, name in found:
        first_seen.setdefault(name, offset)
    ranked = sorted(counts, key=lambda name: (-counts[name], first_seen[name]))
    names: dict[str, str] = {}
    for full in ranked:
        names.setdefault(full, full)
        names.setdefault(full.split()[-1], full)
    return names


def resolve_name(phrase: str, names: dict[str, str]) -> str:
    """Return the full name `phrase` refers to (`Mr. Hegseth` -> `Pete Hegseth`), else `phrase` cleaned."""
    cleaned = RE_LEADING_HONORIFICS.sub("", " ".join(phrase.split()))
    cleaned = RE_POSSESSIVE.sub("", cleaned)
    if cleaned in names:
        return names[cleaned]
    last = cleaned.split()[-1] if cleaned else cleaned
    if last in names and len(cleaned.split()) == 1:
        return names[last]
    return cleaned


def extract_people(article: Article) -> Iterator[Fact]:
    """Yield every person named with a title in `article`, in text order."""
    yield from _RECENT_PEOPLE.get(article, _people)


def remember_people(article: Article, facts: Iterable[Fact]) -> None:
    """Take the PERSON facts among `facts`, already extracted from `article`, as what `extract_people` yields for it.

    For a process that has an article's people from another one (`pipeline`):
    the quotation speaker resolver reads them again, and need not find them again.
    """
    _RECENT_PEOPLE.put(article, tuple(sorted((f for f in facts if f.kind is FactKind.PERSON), key=lambda f: f.start)))


def _people(article: Article) -> tuple[Fact, ...]:
    titled = sorted(_titled(article), key=lambda found: found.start)  # disjoint spans
    if not titled:
        return ()  # most wire copy names no one with a title: its names need not be read
    names = _RECENT_NAMES.get(article, _canonical_names)
    # A short form with a title stands first for the full name written with the same title
    # in the article (`President Reagan` for `President Ronald Reagan`, though `Nancy Reagan`
    # is named more often), then for the article's commonest full name (`canonical_names`).
    titled_names: dict[tuple[str, str], str] = {}
    for found in titled:
        full = " ".join(found.name.split())
        if len(full.split()) >= 2:
            titled_names.setdefault((found.title, full.split()[-1]), full)
    return tuple(
        Fact(
            kind=FactKind.PERSON,
            text=article.text[found.start : found.end],
            value=_same_title(found, titled_names) or resolve_name(found.name, names),
            start=found.start,
            end=found.end,
            line=line_of(article, found.start),
            sentence=found.sentence,
            title=found.title,
            org=found.org,
            former=found.former,
        )
        for found in titled
    )


def _same_title(found: _Titled, titled_names: dict[tuple[str, str], str]) -> str | None:
    """The full name a one-word `found` stands for among the titled names of its title, or None."""
    short = RE_POSSESSIVE.sub("", " ".join(found.name.split()))
    return titled_names.get((found.title, short)) if len(short.split()) == 1 else None


_RECENT_NAMES: _Recent[dict[str, str]] = _Recent()
_RECENT_PEOPLE: _Recent[tuple[Fact, ...]] = _Recent()
