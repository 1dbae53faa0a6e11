"""What a quantity measures: the thing it is a value of, or the one it belongs to.

`counts` (see `numbers`) is the noun a number counts: `13000 workers` counts
`workers`. `measures` is a different relation, the one NewsQuant's annotators call
the referred concept: the thing whose size, price, level or change the amount
states, or its owner. In "Ford, which has 13000 workers" the workers are counted
and Ford is measured; in "the driving range rose by 35 miles" nothing is counted,
the range is measured. The two are kept apart (a separate `Fact.measures`, shown in
the JSON fact and the `facts` table, never used to pair facts) because the comparer
pairs facts across articles on `counts` (`lexicon.fold_counts`): pairing on a
subject such as `Ford` or `the company` would pair a firm's staff with its profit,
and `counts` keeps its meaning, so findings do not change.

Without a parser, each rule is a general English pattern read over the tokens of
one sentence (words, numbers, signs, punctuation; tokens inside another amount are
never taken into a phrase), tried in this order, the first phrase found winning:

1. `X of N`: the noun phrase heading an amount in an `of` phrase, "a fine of $10m",
   "an interest rate of 1.38%"; for a change noun, the thing after it, "an
   increase of 7% in lending". A vague head ("a total of", "an average of") says how
   the amount is stated, not of what, and is read through (rule 6).
2. `N unit of X`: an amount with a unit, percent sign or currency followed by `of`,
   "64GB of storage", "13% of the global economy", past a conversion in parentheses
   ("8 miles (13 km) of tunnels"); for a bare count, the phrase after the noun it
   counts, "five new seasons of Star Trek".
3. A value that continues the amount before it measures what that one measures:
   `N to M`, `N at M`, `from the M`, `N higher at M`, `to close at M`, a conversion
   `N (M)` or `(N / M)`, `N, or M`, `N, up M`, `N wide and M long`, `N vs M`, `N versus
   last year's M`, `N, compared with M`, `N, revised upward by M`, a change noun's
   thing before `to` ("a 2% fall in its costs to £40m"), parallel phrases ("5%
   for men and 3% for women"), the time a change took ("from 0 to 60 mph in 3.5
   seconds"). An item of a semicolon list that holds only amounts repeats the first
   item's frame, place by place ("Homes under $500,000 sold 20% faster; $500,000 to $1
   million, 12%").
4. Money `in` what it is, lower-case and without a determiner: "$1 billion in gains".
5. The noun an amount modifies: after a determiner for a percent or money ("a 5% pay
   rise", "the $27bn cost of the hurricanes", "a million dollar house"), or after `of`
   for a percent ("50 ml of 30% hydrogen peroxide"), also without one for a measure
   with a unit ("60mph winds"), past another amount ("a three-year $900,000 grant");
   a change noun is its thing ("a 3% increase in sales"), and alone only when no
   predicate says what changed ("retail sales could see a 2% rebound" is the sales'); a
   milestone noun ("the £3 trillion mark") is not. An age is its person's ("a
   50-year-old man", "Hughes, 64,"). An object that a verb moves by the amount is
   measured ("sent shares in Acme 5% higher").
6. The predicate rule, over the words between the amount and the clause before it
   (prepositions, adverbs, auxiliaries, raising words, hedges, `up`/`down`, a sign,
   `record`, an adjective taking a preposition, "is punishable by", "is equivalent
   to"): after a verb of having, being or change ("has", "is", "rose", "was up", "is
   expected to rise to"), the clause subject, read back over a relative pronoun ("Ford
   (F), which has"), a comma-delimited relative clause or apposition, a time phrase
   ("in 2022"), a closing date ("the quarter ended December"), an amount in a phrase
   of the subject ("Revenue of $5m was", "Homes under $500,000 sell"), a rate's phrase
   against another currency ("rose against the dollar to $1.30"), and up to two
   `of`/`for`/`in`/`to` phrases ("the pace of price increases", "life expectancy for
   men in Glasgow"). A verb
   without tense takes its subject from the verb before it: an object of `cause`,
   `expect`, `see` ("cause sea levels to rise", "see the euro falling to"), else that
   verb's subject ("Dell announced plans to lay off", "Nokia plans to cut", "Okoro
   started the season averaging 21.4"); after a passive participle and its agent, the
   patient ("an engine built by Cosworth to produce 420 hp"). A participle clause with
   `having` has the nearest subject before it ("the trade gap widened having grown
   by $20bn"); one after a comma the phrase before the comma ("complaints, ranging
   from £50"), else its clause's subject ("the lira was steady, easing to 32.1"). A
   subject pronoun (`it`, `they`, `he`, `she`) stands for the nearest phrase before it
   in the sentence that agrees with it: for `it`/`they` a verb's object (not a
   reporting verb's), then a subject; for `he`/`she` a name ("Acme said it has 300
   staff", "sent the shares soaring and they were up 12%"); after a preposition it
   leaves the phrase before it ("the fee for it was $40"). After a
   transitive verb with an object and `by`/`to`/`from`/`at`/`worth`, or `for` after a
   purchase verb, that object ("boost the driving range by 35 miles", "bought the unit
   for $9.3bn"); a duration after `for` is a noun's that no verb takes as its object
   ("fines and a ban for three years"). After a comma, `up N` or an `-ing` link
   ("after jumping 9%") has the subject of the clause before. In an elliptic list the
   name before the amount ("..., Burlington by 2.6%", "Barratt, down 14p", "wheat rose
   by 4% and oats by 6%"). An amount set off by commas is its phrase's ("a bigger
   screen, 13 inches,"); a fronted `at N` the subject's after it ("at 95 cents, the
   shares are").
7. A heading: a phrase that opens a clause or a line right before the amount, in
   lists, tickers and wire tables ("Total floor area: 85 m2", "RHP John Gant (0.5
   WAR)", "Revs 2.1 mln vs 1.8 mln"). No phrase or predicate is read across a line
   break, so one table row never labels the next.

Hard negatives the rules keep out (each with a test in tests/test_extract_measures.py):
a pronoun subject without an antecedent in the sentence that agrees with it ("Analysts
said it has 1,000 customers", "It was tuned by Brabus to produce 600 hp") gives
nothing rather than a guess (but see below, across sentences), nor does `it` before a
duration ("it could take 15 years before"); a reporting verb ("said", "told") ends the
search, so "police said two of the victims" measures nothing; the object of a modal's
verb ("would need to add ten stores") and a passive agent ("Brabus" in "tuned by
Brabus to produce 600 hp") are no subject; "one of the three suspects" is no measured
thing; durations and claims after `for` ("plagued Japan for five years", "signed a
contract for two years", "sued the government for $28bn") are not the object's; a
counted noun is not what the next amount measures ("32 goals in 36 games"); an item of
a semicolon list with words of its own is no ellipsis; time words and sentence
adverbs ("last year", "However", "Meanwhile") are not part of a subject, nor a
lower-case word before a capitalised name ("last season Chris Wood"), nor a
participle, an adjective of dimension or direction, a date or an -ing word as its
head ("boiling down to", "90 miles wide", "six miles east of", "until February 22 were
155,221 bags"); "consist of two classes" has no X.

The phrase is taken as written from the sentence (whitespace collapsed), without
a leading determiner. Scans are bounded in tokens, so a sentence of thousands of
amounts stays linear.

Across sentences (`resolve_pronouns`, run by `extract_facts`): when the subject is a
pronoun that nothing before it in its sentence stands for, the amount measures the
nearest subject that agrees with it in the (up to three) sentences before it in the
same paragraph, the phrase that opens a sentence first: "Acme Corp employs 300 people.
It has 20 shops." -> Acme Corp. That phrase is as written in its own sentence, so
`measures` is words of the fact's sentence or of an earlier sentence of its paragraph;
a new paragraph, or a subject that does not agree, gives nothing. `measured` alone
(as `extract_numbers` calls it) reads only the sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

import regex

from compare.records import Article, Fact, FactKind, Sentence

# ---------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------

DETERMINERS = frozenset("a an the this that these those its their his her our your my another each every".split())
PRONOUNS = frozenset(
    "it he she they we you i this that these those there which who whom what one someone anyone "
    "everyone something everything anything nothing both all none many most some several".split()
)  # fmt: skip
OBJECT_PRONOUNS = frozenset("it them him her us me you".split())
# Subject pronouns that stand for a phrase said before them: "Acme said it has 300 staff".
ANAPHORS = frozenset("it they he she".split())
# Plurals without an -s, which `it` does not stand for: "People ... It spent two years".
PLURAL_NOUNS = frozenset("people children men women police".split())
# Prepositions after which such a pronoun is an object ("the fee for it"); not
# those that are also conjunctions ("as it rose", "after it fell").
PRONOUN_PREPOSITIONS = frozenset(
    "of in on at to for from by with without into onto over under about around through during between among "
    "against per via toward towards across along amid upon within".split()
)  # fmt: skip
RELATIVES = frozenset("which who that whose".split())
# Words that end a noun phrase read leftwards: prepositions, conjunctions, function words.
FUNCTION_WORDS = frozenset(
    """
    of in on at to for from by with without into onto over under about around after before since
    until through during between among against per via toward towards across along amid upon within despite
    and or but nor so yet as than if then when while whether because although though unless where
    not no also only just even still already now then too very more less most least much
    is are was were be been being am has have had having do does did will would shall should
    can could may might must said says say told tells according including vs versus
    """.split()
)  # fmt: skip
# Prepositions that attach a phrase inside a subject: "exports to China", "the price of gold".
PP_PREPOSITIONS = frozenset("of for in to across on at among from".split())
# Time words, which head an adverbial before a subject ("last year Tesla shares").
TIME_WORDS = frozenset(
    """
    year years month months week weeks day days today yesterday tomorrow tonight morning afternoon
    evening night season decade quarter weekend ago later earlier
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    """.split()
)  # fmt: skip
# Time words that are an adverbial on their own, and the words that make one of the others.
ADVERBIAL_TIMES = frozenset(
    "today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday".split()
)  # fmt: skip
TIME_DETERMINERS = frozenset("last this next every each that past same previous coming recent".split())
# Sentence adverbs and connectives, capitalised at the start of a sentence like a name.
SENTENCE_ADVERBS = frozenset(
    """
    however meanwhile also still but and yet so thus instead overall separately elsewhere earlier
    later now then last next first finally indeed moreover further furthermore besides otherwise
    """.split()
)  # fmt: skip
# Adjectives in -ly that stay inside a noun phrase ("the quarterly dividend").
LY_WORDS = frozenset(
    "daily weekly monthly quarterly yearly early elderly family supply assembly ally rally italy july".split()
)  # fmt: skip
# Heads that say how an amount is stated, not of what: read through them ("paid a total of").
VAGUE_HEADS = frozenset(
    "total number sum tally lot handful average maximum minimum high low record estimate figures "
    "amount range level".split()
)  # fmt: skip
# Prepositions that attach an amount to the subject before a verb: "Homes under $500,000 sell".
AMOUNT_PREPOSITIONS = frozenset("of from between under over above below at".split())
# Units of a duration.
TIME_UNITS = frozenset("s min h day week month year decade century".split())
# Verbs of change in the base form, a verb after a name: "Nasdaq rise by 1%".
CHANGE_VERBS = frozenset("rise fall increase decrease drop climb jump grow decline slip slide surge plunge".split())
# Nouns that name a value reached, not what reaches it: "the £3 trillion mark".
MILESTONES = frozenset("mark level barrier threshold milestone line point ceiling floor".split())
# Nouns of change: "a 3% increase in sales" measures the sales.
CHANGE_NOUNS = frozenset(
    "increase increases rise rises gain gains jump drop drops fall falls decline declines cut cuts "
    "decrease reduction reductions improvement boost hike hikes growth slump loss losses rebound rebounds "
    "recovery surge surges".split()
)  # fmt: skip
# Verbs of having, being, changing and stating an amount, by stem; `_verb_forms` inflects them.
VERB_STEMS = """
    rise fall gain lose add climb jump drop increase decrease decline slide slip plunge tumble surge
    soar advance ease edge grow shrink expand contract end close finish open trade stand hit reach
    top exceed total amount come cost have be employ score average record post measure weigh stretch
    span cover contain hold run produce deliver sell perform make earn pay spend raise cut slash lift
    boost hike reduce lower double triple hover sit peak dip sink slump rally rebound recover leap
    spike fetch generate attract draw receive get win take claim hire serve lay shed slow accelerate
    mark register log notch net book collect bring give offer charge buy borrow owe invest seek
    forecast expect project predict estimate value price last play travel go move shoot extend range
    vary face carry push pull send host house seat count number boast feature comprise represent
    account revise trend settle finish improve widen narrow fetch lend sink swell plummet cause see
    allow help force lead drive want stay remain
    """.split()  # fmt: skip
IRREGULAR_VERBS = frozenset(
    """
    rose risen fell fallen lost grew grown shrank shrunk stood held ran made paid spent sank sunk
    leapt leaped drew drawn got gotten won took taken brought gave given sought sold bought went gone
    shot came cost hit cut put set lent swelled swollen slid laid paid seen done known shown found
    sent built kept
    is are was were been am has had
    """.split()
)  # fmt: skip
# Auxiliaries and raising words inside a predicate: "was expected to rise", "is set to".
AUXILIARIES = frozenset(
    """
    is are was were be been being am has have had having will would shall should can could may might
    must do does did
    """.split()
)  # fmt: skip
# Verbs of intent before `to`, whose subject is the infinitive's: "it also plans to cut 200 jobs".
# As often nouns: "announced plans to cut" (see `_intent_verb`).
INTENT = frozenset(
    "plan plans planned planning aim aims aimed hope hopes hoped intend intends intended want wants wanted "
    "seek seeks sought need needs needed agree agrees agreed decide decides decided try tries tried "
    "threaten threatens threatened promise promises promised pledge pledges pledged vow vows vowed".split()
)  # fmt: skip
# Words that raise a predicate to an infinitive: "is expected to rise", "was set to climb".
RAISING = frozenset(
    "to not never set expected forecast projected poised likely due going seen tipped predicted estimated "
    "anticipated scheduled slated able".split()
) | INTENT  # fmt: skip
# Prepositions and particles between a predicate and its amount: "stood at", "fell by", "came to".
PREPOSITIONS = frozenset("by to at from of for around about between than as on in over under off out worth".split())
# Adverbs of time, degree and manner that sit beside a verb: "is also trending", "fell sharply to".
VERB_MODIFIERS = frozenset(
    "just only nearly almost also still now currently typically roughly barely marginally slightly already "
    "even further again then once sharply steadily".split()
)  # fmt: skip
# Words that hedge or state a direction between a predicate and its amount.
ADVERBS = VERB_MODIFIERS | frozenset(
    """
    approximately around about some more less well far a an another additional whopping mere staggering
    respectively estimated up down higher lower upward downward back somewhere
    """.split()
)  # fmt: skip
DIRECTIONS = frozenset("up down higher lower".split())
# Adjectives of an amount that sit between it and its verb: "sold for a record $44 million".
RECORD_WORDS = frozenset("record all-time".split())
# Adverbs that stand between a subject or auxiliary and its verb: "is also trending", "has not risen".
VERB_ADVERBS = VERB_MODIFIERS | {"never", "not"}
# Adjectives of dimension after an amount: "90 miles wide" measures no "wide".
DIMENSIONS = frozenset(
    "wide long high deep tall old thick heavy away apart below above ahead behind across "
    "north south east west northeast northwest southeast southwest".split()  # "10 km (six miles) east of"
)  # fmt: skip
# Adjectives that take their amount through a preposition: "is equivalent to 5%".
PREDICATE_ADJECTIVES = frozenset("equivalent equal close similar comparable eligible liable subject due".split())
# Verbs that take `of`, so that "X of N" has no X: "the securities consist of two classes".
OF_VERBS = frozenset("consist consists consisted consisting comprised composed".split())
MODALS = frozenset("will would shall should can could may might must".split())
ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last".split())
ING_NOUNS = frozenset(
    "funding spending financing training housing building shipping clothing offering meeting "
    "earnings holdings savings ranking rating listing lending borrowing pricing trading sterling".split()
)  # fmt: skip
# Verbs with two objects, the first of which is not what the amount measures.
DOUBLE_OBJECT = frozenset(
    "cost costs costing owe owes owed give gives gave charge charges charged save saves saved earn earns earned "
    "award awards awarded grant grants granted hand hands handed lend lends lent offer offers offered".split()
)  # fmt: skip
PARTICLES = frozenset("up down out off back".split())
# Prepositions that tie a changed or set object to its amount: "cut rates by / to 1%"; not
# "plagued Japan for five years", "sued the government for $28bn".
OBJECT_PREPOSITIONS = frozenset("by to from at worth".split())
# Verbs whose object is what a price after `for` is the price of.
PURCHASES = frozenset(
    "buy buys buying bought sell sells selling sold purchase purchases purchased acquire acquires acquired "
    "acquiring offer offers offered lease leases leased rent rents rented list lists listed has have had".split()
)  # fmt: skip
# Words that open an -ing clause whose subject is the main clause's: "after plummeting 65%".
CLAUSE_LINKS = frozenset("after before while since when by despite".split())
# Verbs whose object is the subject of the infinitive after it: "cause sea levels to rise 11 feet".
OBJECT_CONTROL = frozenset(
    "cause causes caused causing expect expects expected see sees saw allow allows allowed push pushes pushed "
    "help helps helped force forces forced lead leads led drive drives drove want wants wanted".split()
)  # fmt: skip
# Verbs that end the search: what follows them is reported, not measured.
REPORTING_VERBS = frozenset(
    "said says say told tells tell reported reports announced announces noted notes "
    "wrote writes explained explains argued argues claimed warned believes believed thinks".split()
)  # fmt: skip


def _verb_forms(stems: Sequence[str]) -> frozenset[str]:
    """The regular inflections of each stem: `rise` -> rises, rised, rising (harmless extras)."""
    forms: set[str] = set()
    for stem in stems:
        base = stem[:-1] if stem.endswith("e") else stem
        forms.update({stem, stem + "s", stem + "es", base + "ed", base + "ing", stem + "ed", stem + "d"})
        if stem[-1:] in "pgtnm" and len(stem) <= 5 and stem[-2:-1] in "aeiou" and stem[-3:-2] not in "aeiou":
            forms.update({stem + stem[-1] + "ed", stem + stem[-1] + "ing"})  # drop -> dropped, slip -> slipping
        if stem.endswith("y"):
            forms.update({stem[:-1] + "ies", stem[:-1] + "ied"})
    return frozenset(forms)


VERBS = _verb_forms(VERB_STEMS) | IRREGULAR_VERBS
# Unions used per token, built once.
NOT_SUBJECTS = DETERMINERS | FUNCTION_WORDS  # a word that cannot be the subject before an -s verb
NOT_LIST_ITEMS = DETERMINERS | PREPOSITIONS  # "on a tear, up 57%" is not a list item
PHRASE_ENDS = FUNCTION_WORDS | DETERMINERS | PRONOUNS | RELATIVES | DIMENSIONS  # end a phrase read rightwards
NOT_OBJECT_VERBS = REPORTING_VERBS | AUXILIARIES  # "said the rate to 5%" and "is the rate" have no object
BASE_FORMS = frozenset(VERB_STEMS)
S_FORMS = frozenset(
    f"{stem}es" if stem.endswith(("sh", "ch", "x", "ss")) else f"{stem[:-1]}ies" if stem[-2:-1] not in "aeiou" and stem.endswith("y") else f"{stem}s"
    for stem in VERB_STEMS
) | {"is", "has", "does"}  # "carries", not "carrys"
# Irregular verbs that are as often nouns inside a phrase: "the cost", "a price cut".
NOUN_HOMOGRAPHS = frozenset("cost hit cut put set".split())

# ---------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------

RE_TOKEN = regex.compile(
    r"""
      (?P<word>\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’&/.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*)   # TA-25, S&P, Volt’s
    | (?P<num>\p{N}(?:[\p{N},.]*\p{N})?)                                           # 500, 1,478.2
    | (?P<sign>[+−-](?=[ ]?\p{N}))                                                 # Dow +0.2%
    | \S                                                                           # punctuation
    """,
    regex.VERBOSE,
)
# What may join an amount to the one before it so that both measure one thing:
# "18 sen to RM23.50", "up 19 cents at $58.24", "seven miles (11 km)", "6,650, or about 5%".
RE_CONTINUES = regex.compile(
    r"""
    \A[ \u00a0]*+
    (?:
        \([ \u00a0]*                                                    # a conversion: "87 mph (140 km/h)"
      | [/=][ \u00a0]*                                                  # inside one: "(224 kW / 300 PS)"
      | (?:\p{Ll}+[ ]+)?                                               # a unit not read as one: "18 sen to"
        (?:(?i:higher|lower|up|down)[ ]+)?                             # "34% higher at 3.23"
        (?:(?i:to)[ ]+(?i:close|end|finish|settle|stand|trade)[ ]+)?   # "gained 1% to close at"
        (?i:to|at|from)[ ]+(?:(?i:the)[ ]+)?                           # "rose 8% to 3.65", "from the £130m"
      | \)?,[ ]+(?i:up|down)[ ]+                                        # "was $3.1 million, down 9.2%"
      | (?i:wide|long|high|deep|tall|thick)?[ ]*(?i:and|by)[ ]+          # "90 miles wide and 175 miles long"
      | [-–—]?[ ]*(?i:from)[ ]+(?:(?i:up[ ]to|about|around)[ ]+)?      # "- from up to 252 miles"
      | ,[ ]+(?i:or)[ ]+                                                # "6,650 employees, or about 5%"
      | (?:\p{Ll}+[ ]+)?(?:(?i:vs\.?|versus)|(?:,[ ]*)?(?i:compared[ ]+(?:with|to)))[ ]+  # "Shr 23 cts vs 18 cts"
        (?:(?i:last|this|a)[ ]+(?i:year|quarter|month|week)(?:['’]?s)?[ ]+)?  # "versus last year's $32,280"
      | (?<=[ ])(?i:increase|rise|gain|jump|drop|fall|decline|cut|reduction|improvement|growth)  # a change noun:
        [ ]+(?i:in|of)[ ]+[\p{L}'’ -]{1,60}?[ ]+(?i:to|from)[ ]+           # "a 2% fall in its costs to £40m"
      | ,[ ]+(?i:revised|adjusted|restated|raised|lowered|cut|trimmed)      # "of $880m, revised upward by $40m"
        [ ]+(?:(?i:up|down)(?:wards?)?[ ]+)?(?i:by|to|from)[ ]+
    )
    \Z
    """,
    regex.VERBOSE,
)
# Values of one thing in parallel phrases: "rose 5% for men and 3% for women" (the phrase
# after the second value must open with the same preposition; not "5% in spring and 300 staff").
RE_PARALLEL = regex.compile(
    r"\A[ ]+(?P<prep>for|in|among)[ ]+\p{Ll}[\p{L}-]*(?:[ ]+\p{Ll}[\p{L}-]*)?,?[ ]+(?:and|but|while)[ ]+\Z"
)
# What an item of a semicolon list holds besides its amounts when it repeats the first item's frame.
RE_ELLIPTIC_ITEM = regex.compile(r"\A[\s,.:–-]*(?:and[\s,.:–-]*)?\Z")
RE_POSSESSIVE = regex.compile(r"['’]s?\Z")
RE_VOWEL = regex.compile("[aeiouy]")
# How far the scans reach, in tokens: a phrase, and the words between an amount and its
# predicate. Bounded so that a sentence of thousands of amounts stays linear.
PHRASE_TOKENS = 8
PREDICATE_TOKENS = 12
ANTECEDENT_TOKENS = 40
RE_SPACES = regex.compile(r"\s+")

# ---------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------


class _Token(NamedTuple):
    text: str
    low: str  # `text` lower-cased
    start: int
    end: int
    kind: str  # "word", "num", "sign" or "punct"


# A hedge after an amount: "50 or more people", "100 or so", "a third or more of voters"
# (`numbers` reads it as the amount's qualifier; what the amount measures comes after it).
RE_HEDGE_AFTER = regex.compile(
    r"""[ \u00a0]+or[ \u00a0]+(?:(?P<more>more)|(?P<less>less|fewer)|(?P<so>so))(?![\p{L}\p{N}'’-])(?![ \u00a0]+than\b)""",
    regex.VERBOSE | regex.IGNORECASE,
)


class Anchor(NamedTuple):
    """Where an amount sits in its sentence: `outer` is where its hedge starts, `end` past its unit."""

    outer: int
    start: int
    end: int
    kind: FactKind
    unit: str | None


def _tokenize(text: str) -> list[_Token]:
    return [
        _Token(m.group(0), m.group(0).lower(), m.start(), m.end(), m.lastgroup or "punct") for m in RE_TOKEN.finditer(text)
    ]


class _Sentence:
    """The tokens of a sentence with lookups by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.ends = [t.end for t in self.tokens]
        self.starts = [t.start for t in self.tokens]
        self.blocked: set[int] = set()  # tokens inside an amount, which no phrase takes
        self.topics: Mapping[str, str] = {}  # what a pronoun without an antecedent here stands for

    def block(self, start: int, end: int) -> None:
        """Mark the tokens of `text[start:end]` (an amount) as taken."""
        self.blocked.update(range(self.after(start), self.before(end) + 1))

    def before(self, pos: int) -> int:
        """Index of the last token ending at or before `pos` (-1 if none)."""
        return bisect.bisect_right(self.ends, pos) - 1

    def after(self, pos: int) -> int:
        """Index of the first token starting at or after `pos` (len if none)."""
        return bisect.bisect_left(self.starts, pos)

    def phrase(self, first: int, last: int, head: int | None = None) -> str | None:
        """The words of tokens `first..last` as written, without a leading determiner, or None.

        None too when the head (default: the last token) cannot head a noun phrase: a
        pronoun, a function or time word, an ordinal, a participle or adjective in
        -ing/-able ("boiling down to", "punishable by").
        """
        while first <= last and (self.tokens[first].low in DETERMINERS or self.tokens[first].low in ("all", "both")):
            first += 1
        if first < last and RE_POSSESSIVE.search(self.tokens[first].text) and RE_POSSESSIVE.sub("", self.tokens[first].low) in TIME_WORDS:
            first += 1  # "this year's list price"
        if first > last:
            return None
        if head is not None and head + 2 <= last and self.tokens[head].low in CHANGE_NOUNS and self.tokens[head + 1].low in ("in", "of"):
            first = head = head + 2  # "a 52% rise in profits for the year to £198m": the profits
            while head < last and self.tokens[head + 1].low not in PP_PREPOSITIONS:
                head += 1
        index = last if head is None else head
        word = self.tokens[index]
        if word.kind != "word" and not (word.kind == "num" and first < last):
            return None
        if word.kind == "num" and (self.tokens[index - 1].low in TIME_WORDS or self.tokens[index - 1].text == "May"):
            return None  # a date, not a name like "S&P 500": "the week ended February 22 were 155,221 bags"
        if word.kind == "word" and not _can_head(word):
            if not (_ing(word.low) and index > 0 and self.tokens[index - 1].low in DETERMINERS):
                return None  # but "a ban for three years"
        return RE_SPACES.sub(" ", self.text[self.tokens[first].start : self.tokens[last].end])


# ---------------------------------------------------------------------------
# Noun phrases
# ---------------------------------------------------------------------------


def _adverb(low: str) -> bool:
    """True for an -ly adverb ("sharply"), not an -ly noun or adjective ("family", "single-family", "quarterly")."""
    return low.endswith("ly") and low.rsplit("-", 1)[-1] not in LY_WORDS


def _can_head(tok: _Token) -> bool:
    """True unless `tok` is a pronoun, a function or time word, an ordinal, an adjective of
    dimension, or a participle or adjective in -ing/-able ("boiling down to", "punishable by")."""
    low = tok.low
    if low in PRONOUNS or low in FUNCTION_WORDS or low in TIME_WORDS or low in ORDINALS or low in DIMENSIONS:
        return False
    if low in ADVERBS or low in DIRECTIONS or low in SENTENCE_ADVERBS or _past(low):
        return False
    if low in IRREGULAR_VERBS and low not in NOUN_HOMOGRAPHS:
        return False  # "the £130m seen a year earlier"
    if len(low) == 1 and not tok.text.isupper():
        return False  # "2004's total": the `s` of a possessive
    if _ing(low) and low not in ING_NOUNS and not tok.text[:1].isupper():
        return False  # but "Sterling", "Beijing"
    return not low.endswith(("able", "ible"))


def _ing(low: str) -> bool:
    """True for an -ing form ("rising", "going"), not a word such as "king", "thing" or "spring"."""
    return low.endswith("ing") and RE_VOWEL.search(low, 0, len(low) - 3) is not None


def _past(low: str) -> bool:
    """True for a regular past form ("used", "climbed"), not a noun in -eed ("speed"), a short word ("bed")
    or a compound adjective ("self-styled", "state-owned")."""
    return low.endswith("ed") and len(low) >= 4 and not low.endswith("eed") and "-" not in low


def _finite(toks: Sequence[_Token], i: int) -> bool:
    """True if token `i` is a verb that ends a noun phrase read leftwards: a past form or a reporting verb.

    CAUTION: base and -s forms are not: "the September crude contract", "the driving range".
    """
    low = toks[i].low
    if low in REPORTING_VERBS or (low in IRREGULAR_VERBS and low not in NOUN_HOMOGRAPHS):
        return True
    if low in S_FORMS and i > 0:
        j = i - 1
        while j > 0 and toks[j].low in VERB_ADVERBS:
            j -= 1
        if toks[j].low in RELATIVES or toks[j].low in PRONOUNS:
            return True  # "which also makes Scholl footwear"
    # an -ed word after a determiner is an adjective: "the estimated cost", "a reconstructed skeleton"
    return _past(low) and not (i > 0 and toks[i - 1].low in DETERMINERS)


def _zone_verb(toks: Sequence[_Token], i: int) -> bool:
    """True if token `i`, read between an amount and its clause, is a verb ("rose", "to rise", "is trending").

    A past form always is; an -s form after a word that is not a determiner ("prices
    rise 5%" has one, "the driving range by 35 miles" none); a base form after an
    auxiliary, a modal, `to` or a relative pronoun ("is set to climb", "funds which
    range from"); an -ing form before a preposition ("the pound going to $1").
    """
    tok = toks[i]
    low = tok.low
    if tok.kind != "word":
        return False
    if low in IRREGULAR_VERBS or _past(low):
        return True
    prev = i - 1
    while prev >= 0 and prev > i - 3 and (toks[prev].low in VERB_ADVERBS or toks[prev].low.endswith("ly")):
        prev -= 1  # "the boot now stands at", "is also trending"
    before = toks[prev].low if prev >= 0 else ""
    if low in S_FORMS:  # "prices rises", "a queue that stretches"
        if prev >= 1 and toks[prev].text == ",":
            # after a relative clause: "Acme, which Bob Smith founded, employs 300"
            return any(toks[j].low in RELATIVES and toks[j - 1].text == "," for j in range(max(prev - 12, 1), prev))
        return prev >= 0 and toks[prev].kind == "word" and (before not in NOT_SUBJECTS or before in RELATIVES)
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and tok.text.islower() and prev == i - 1 >= 1:
        # an unlisted -s word between a name and its amount: "UK Coal operates 15 mines" (not at
        # the start of a line, where it is a table's label: "Avg shrs 4,066,309")
        return toks[prev].text[:1].isupper() and toks[prev].low not in NOT_SUBJECTS and i + 1 < len(toks) and (
            toks[i + 1].kind == "num" or toks[i + 1].low in ADVERBS
        )
    if _ing(low) and low not in ING_NOUNS and i + 1 < len(toks) and before not in DETERMINERS:
        # "the pound going to $1", "it was selling two plants"
        nxt = toks[i + 1].low
        return (
            nxt in PREPOSITIONS or nxt in DIRECTIONS or nxt in PARTICLES or before in AUXILIARIES
            or (toks[i + 1].kind in ("num", "sign") and low not in ADVERBS)
        )  # "averaging 21.4 points", not "a whopping 80GB"  # fmt: skip
    if low in VERBS:
        if before in AUXILIARIES or before in MODALS or before == "to" or before in RELATIVES:
            return True
        if low in CHANGE_VERBS and prev >= 1 and toks[prev].text[:1].isupper() and i + 1 < len(toks) and toks[i + 1].low in ("to", "by"):
            return True  # after a name: "saw exports for June decrease to $2bn", "the Nasdaq rise by 1%"
        # after a plural noun: "diamonds typically score between 50 and 70", "prices rise 5%"
        return (
            low in BASE_FORMS and before.endswith("s") and not before.endswith(("ss", "us"))
            and before not in NOT_SUBJECTS and toks[prev].kind == "word" and not toks[prev].text.isupper()
        )  # fmt: skip
    return False


def _intent_verb(toks: Sequence[_Token], i: int) -> bool:
    """True if the intent word at `i` is a verb ("it plans to"), not a noun ("its plans to", "announced plans to")."""
    if i == 0:
        return True
    before = toks[i - 1]
    return not (before.low in DETERMINERS or RE_POSSESSIVE.search(before.text) or _zone_verb(toks, i - 1))


def _np_word(tok: _Token, before: _Token | None = None) -> bool:
    """True if `tok` may stand inside a noun phrase read leftwards (`before` is the token to its left).

    An -ly word does only as an adjective after a determiner ("a disorderly exit").
    """
    if tok.kind != "word":
        return False
    low = tok.low
    if low in FUNCTION_WORDS or low in DETERMINERS or low in PRONOUNS or low in RELATIVES:
        return False
    if _adverb(low) and not (before is not None and before.low in DETERMINERS):
        return False
    return low not in SENTENCE_ADVERBS or (before is not None and before.low in DETERMINERS)  # "the first quarter"


def _adverbial_time(toks: Sequence[_Token], i: int) -> bool:
    """True if token `i` is a time word that heads an adverbial ("last year", "this week", "Monday").

    A month alone is a modifier inside a phrase: "the September crude contract".
    """
    low = toks[i].low
    if low not in TIME_WORDS:
        return False
    if low in ADVERBIAL_TIMES:
        return True
    return i > 0 and (toks[i - 1].low in TIME_DETERMINERS or toks[i - 1].kind == "num")


def _np_left(s: _Sentence, last: int) -> int:
    """The first token of the noun phrase ending at token `last` (> last if there is none).

    Reads words leftwards; a number stands inside it only after a word ("iPhone 12 Mini",
    "S&P 500 index"); a time word ends it ("last year Tesla shares"); a lower-case word
    does not join a run of capitalised words ("last season Chris Wood").
    """
    toks = s.tokens
    i = last
    while i >= 0 and last - i < PHRASE_TOKENS:
        tok = toks[i]
        if i in s.blocked or (i < last and "\n" in s.text[tok.end : toks[i + 1].start]):
            break  # an amount's token, or a line break: a table's rows are no phrase
        if tok.low in ("and", "&") and 0 < i < last and toks[i - 1].text[:1].isupper() and toks[i + 1].text[:1].isupper():
            i -= 1  # "Urban Outfitters and Ross", "Johnson & Johnson"
            continue
        if tok.kind == "num":
            if i == 0 or not _np_word(toks[i - 1]):
                break
        elif not _np_word(tok, toks[i - 1] if i > 0 else None) or _finite(toks, i) or _adverbial_time(toks, i):
            break
        elif i < last and tok.low in VERBS and tok.low not in S_FORMS and _zone_verb(toks, i):
            break  # "expected to grow sales by": the verb is not part of the phrase
        elif i < last and tok.text[:1].islower() and all(t.text[:1].isupper() for t in toks[i + 1 : last + 1]):
            break
        i -= 1
    first = i + 1
    while first <= last and toks[first].kind == "num":
        first += 1
    return first


def _subject_left(s: _Sentence, last: int, *, attach: int = 2) -> tuple[int, int, int] | None:
    """The noun phrase ending at token `last`, with up to two attached phrases ("pace of price increases").

    Returns its first and last token and its head, the last token of the first phrase
    ("Revenue" in "Revenue in the quarter"). A closing date is read over: "its guidance
    for the quarter ended December" ends at `quarter`.
    """
    toks = s.tokens
    j = last
    while j > 0 and toks[j].kind == "num":
        j -= 1  # "ended June 30"
    if j >= 2 and toks[j].low in TIME_WORDS and toks[j - 1].low in ("ended", "ending"):
        last = j - 2
    first = _np_left(s, last)
    if first > last:
        return None
    head = last
    for _ in range(attach):
        p = first - 1
        while p >= 0 and s.tokens[p].low in DETERMINERS:
            p -= 1
        if p < 1 or s.tokens[p].low not in PP_PREPOSITIONS:
            break
        j = p - 1
        outer = _np_left(s, j)
        if outer > j or not _can_head(s.tokens[j]):
            break  # "traveling at a speed": a verb, not a phrase the speed belongs to
        first, head = outer, j
    return first, last, head


def _np_right(s: _Sentence, first: int, limit: int = 6, *, determiner: bool = True) -> int | None:
    """The last token of the noun phrase starting at token `first` (maybe at a determiner), or None."""
    toks = s.tokens
    i = first
    while determiner and i < len(toks) and (toks[i].low in DETERMINERS or toks[i].low in ("all", "both")):
        i += 1  # "46% of all UK adults"
    start = i
    last = None
    while i < len(toks) and i - start < limit and i not in s.blocked:
        tok = toks[i]
        if tok.kind == "num" and last is not None:
            i += 1
            last = i - 1
            continue
        if tok.kind != "word" or tok.low in PHRASE_ENDS:
            break
        if _adverb(tok.low):
            break
        if _adverbial_time(toks, i) or (tok.low in TIME_DETERMINERS and i + 1 < len(toks) and toks[i + 1].low in TIME_WORDS):
            break  # "of new track last year"
        if _finite(toks, i) and last is not None:
            break
        if last is not None and _ing(tok.low) and tok.low not in ING_NOUNS and (
            toks[last].low.endswith("s") or (i + 1 < len(toks) and toks[i + 1].low in PHRASE_ENDS)
        ):
            break  # "46% of UK adults reporting low knowledge", "two counts of theft saying he"
        last = i
        if RE_POSSESSIVE.search(tok.text) and tok.text[-1:] != "s":
            break
        i += 1
    return last


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


def _x_of_n(s: _Sentence, a: Anchor) -> str | None:
    """Rule 1: "a fine of $10m" -> fine; None for a vague head ("a total of")."""
    i = s.before(a.outer)
    if i >= 0 and s.tokens[i].low == "between":
        i -= 1
    if i < 1 or s.tokens[i].low != "of":
        return None
    found = _subject_left(s, i - 1, attach=0)
    if found is None:
        return None
    first, last, head = found
    if s.tokens[head].low in VAGUE_HEADS or s.tokens[head].low in OF_VERBS:
        return None
    if s.tokens[head].low in CHANGE_NOUNS and (thing := _change_of(s, s.after(a.end))):
        return thing  # "an increase of 5% in sales"
    return s.phrase(first, last, head)


def _change_of(s: _Sentence, i: int) -> str | None:
    """The phrase after `in`/`of` at token `i`: what a change noun is a change in."""
    toks = s.tokens
    if i + 1 < len(toks) and toks[i].low in ("in", "of") and (last := _np_right(s, i + 1)) is not None:
        return s.phrase(i + 1, last)
    return None


def _past_parenthesis(s: _Sentence, i: int) -> int:
    """Token `i`, or the one after the parenthesis that opens there ("8 miles (13 km) of")."""
    toks = s.tokens
    if i < len(toks) and toks[i].text == "(":
        close = next((j for j in range(i + 1, min(i + 12, len(toks))) if toks[j].text == ")"), None)
        return close + 1 if close is not None else len(toks)
    return i


def _n_of_x(s: _Sentence, a: Anchor) -> str | None:
    """Rule 2: "64GB of storage", "13% of the global economy", "8 miles (13 km) of new tunnels".

    A bare count takes the phrase after the noun it counts ("five new seasons of Sesame
    Street", "one count of fraud").
    """
    toks = s.tokens
    i = _past_parenthesis(s, s.after(a.end))
    if a.unit is None and a.kind is FactKind.QUANTITY:
        counted = _np_right(s, i, limit=4, determiner=False)
        if counted is None or toks[counted].low in VAGUE_HEADS:
            return None
        i = counted + 1
    if i + 1 >= len(toks):
        return None
    if toks[i].low != "of":
        return None
    i += 1
    while i < len(toks) and i in s.blocked and i < s.after(a.end) + PHRASE_TOKENS:
        i += 1  # another amount modifying the thing: "50 ml of 30% sulfuric acid"
    last = _np_right(s, i)
    return s.phrase(i, last) if last is not None else None


def _money_in(s: _Sentence, a: Anchor) -> str | None:
    """Money `in` what it is, lower-case, without a determiner: "$1 billion in gains".

    Tried after a continued value, so "up 6% at 458.5p in morning trade" keeps the shares.
    """
    toks = s.tokens
    i = _past_parenthesis(s, s.after(a.end))
    if a.kind is not FactKind.MONEY or i + 1 >= len(toks) or toks[i].low != "in":
        return None
    last = _np_right(s, i + 1, determiner=False)
    if last is None or not toks[last].text[:1].islower():
        return None  # "$5m in London", "$1 in the event of"
    return s.phrase(i + 1, last)


def _moved(s: _Sentence, a: Anchor) -> str | None:
    """An object that a verb moves by the amount: "sent shares in Acme 5% higher".

    The amount stands between the object and `higher`/`lower`/`up`/`down`, and a verb
    (not a reporting one) before the object: "sent shares in Acme 5% higher".
    """
    toks = s.tokens
    after = s.after(a.end)
    b = s.before(a.outer)
    if after >= len(toks) or toks[after].low not in DIRECTIONS or b < 1 or toks[b].kind != "word":
        return None
    found = _subject_left(s, b)
    if found is None:
        return None
    verb = _object_verb(s, found[0])
    if verb < 0 or toks[verb].low in NOT_OBJECT_VERBS or not (_zone_verb(toks, verb) or toks[verb].low in VERBS):
        return None
    return s.phrase(*found)


def _fronted(s: _Sentence, a: Anchor) -> str | None:
    """The subject after a fronted `at N`: "at 95 cents, the shares are cheap" -> shares."""
    toks = s.tokens
    b = s.before(a.outer)
    if b < 0 or toks[b].low != "at" or not (b == 0 or toks[b - 1].text in ",;:" or toks[b - 1].low in ("so", "and", "but")):
        return None
    i = _past_parenthesis(s, s.after(a.end))
    if i < len(toks) and toks[i].text == ",":
        i += 1
    last = _np_right(s, i)
    if last is None or last + 1 >= len(toks) or not _clause_verb(toks, last + 1):
        return None
    return s.phrase(i, last)


def _apposition(s: _Sentence, a: Anchor) -> str | None:
    """An amount set off by commas after a noun phrase: "a bigger screen, 13 inches, this year"."""
    toks = s.tokens
    b = s.before(a.outer)
    after = _past_parenthesis(s, s.after(a.end))
    if b < 1 or toks[b].text != "," or toks[b - 1].kind != "word" or (after < len(toks) and toks[after].text not in ",;)."):
        return None
    found = _subject_left(s, b - 1)
    return s.phrase(*found) if found else None


def _modified(s: _Sentence, a: Anchor, *, bare: bool = False) -> str | None:
    """Rule 4: "a 5% pay rise" -> pay rise; "a 3% increase in sales" -> sales; "50mph winds".

    A measure with a unit of length, mass, speed... modifies the noun after it without a
    determiner too; a percent or money amount needs one (CAUTION: "48% use two").
    """
    if a.unit is None and a.kind is FactKind.QUANTITY:
        return None
    toks = s.tokens
    if a.kind is FactKind.QUANTITY and a.unit != "fraction":
        return _noun_after(s, a, bare=bare)
    b = s.before(a.outer)
    while b > 0 and b in s.blocked:
        b -= 1  # another amount modifying the same noun: "a five-year $700,000 award"
    while b >= 0 and toks[b].kind == "word" and toks[b].low not in DETERMINERS and b > 0 and (
        toks[b].low in ADVERBS or toks[b].low.endswith("ly") or toks[b].low in ("sharp", "modest", "small", "big")
    ):
        b -= 1
    own = s.after(a.start)  # an amount written with its article: "a million dollar house"
    if not (0 <= b and (toks[b].low in DETERMINERS or RE_POSSESSIVE.search(toks[b].text))) and toks[own].low not in ("a", "an"):
        if not (b >= 0 and toks[b].low == "of" and a.kind is FactKind.PERCENT):
            return None  # "50 ml of 30% sulfuric acid" has the acid
    return _noun_after(s, a, bare=bare)


def _noun_after(s: _Sentence, a: Anchor, *, bare: bool = False) -> str | None:
    """The lower-case noun phrase right after amount `a`, or the thing a change noun there is of.

    A change noun alone ("a 5% rebound") only with `bare`, when no predicate says what changed.
    """
    toks = s.tokens
    i = _past_parenthesis(s, s.after(a.end))
    if i + 2 < len(toks) and toks[i].text == "-" and toks[i + 1].low in DIMENSIONS:
        i += 2  # "the 37m (121ft)-long skeleton"
    while i < len(toks) and i in s.blocked and a.start < toks[i].start:
        i += 1  # another amount between: "a three-year $900,000 grant"
    last = _np_right(s, i, limit=5, determiner=False)
    if last is None or not (toks[last].text[:1].islower() or toks[last].text.isupper()):
        return None  # "a 1.6 liter EcoBoost engine"; not "50 miles Paris"
    if toks[last].low in MILESTONES:
        return None  # "reached the £3.3 trillion mark": the mark is the value, not what has it
    if toks[last].low in CHANGE_NOUNS:
        if thing := _change_of(s, last + 1):
            return thing
        if last == i and not bare:
            return None  # "retail sales could see a 2% rebound": the predicate's subject first
    head = last
    if last + 2 < len(toks) and toks[last + 1].low == "of" and (more := _np_right(s, last + 2)) is not None:
        if s.phrase(last + 2, more):
            last = more  # "the $27bn cost of the hurricanes"
    return s.phrase(i, last, head)


def _age(s: _Sentence, a: Anchor) -> str | None:
    """Whose age an age is: "a 50-year-old man" -> man; "Maddon, 66, has" -> Maddon."""
    toks = s.tokens
    i = s.after(a.end)
    if i < len(toks) and toks[i].text[:1].islower() and (last := _np_right(s, i, limit=4)) is not None:
        return s.phrase(i, last)
    b = s.before(a.outer)
    if b >= 1 and toks[b].text == "," and (found := _subject_left(s, b - 1)):
        return s.phrase(*found)
    return None


def _heading(s: _Sentence, a: Anchor) -> str | None:
    """A phrase that opens a clause right before the amount, as in lists and tickers.

    "floor area 32m2", "wavelengths at least 2.4 μm", "RHP John Gant (0.5 WAR)": nothing
    but the phrase (and a parenthesis) stands between the clause start and the amount.
    """
    toks = s.tokens
    i = s.before(a.outer)
    if i >= 0 and toks[i].text in ("(", ":"):
        i -= 1  # "RHP John Gant (0.5 WAR)", "Total floor area: 85 m2"
    if i < 0 or toks[i].kind != "word" or i in s.blocked or toks[i].low in PREPOSITIONS:
        return None  # "Manhattan, worth $5m": a predicate without a verb, not a heading
    found = _subject_left(s, i)
    if found is None:
        return None
    first = found[0]
    opens = first == 0 or (toks[first - 1].kind == "punct" and toks[first - 1].text in ",;:(")
    if not (opens or "\n" in s.text[toks[first - 1].end : toks[first].start]):
        return None  # a table row starts a line: "Net 13,555,000"
    if toks[found[2]].low in VAGUE_HEADS:
        return None  # "..., total 80.8"
    return s.phrase(*found)


def _predicate(s: _Sentence, a: Anchor) -> str | None:
    """Rule 5: the subject (or object, or list item) that the words before the amount predicate it of."""
    toks = s.tokens
    i = s.before(a.outer)
    verb = preposition = direction = infinitive = False
    read = 0
    nearest = ""  # the preposition right before the amount
    if i >= 0 and toks[i].kind == "word" and toks[i].low not in OBJECT_PRONOUNS and (np := _np_left(s, i)) <= i:
        v = np - 1 - (np >= 1 and toks[np - 1].low in DETERMINERS)
        if v >= 0 and toks[v].low in DOUBLE_OBJECT:
            i, verb, read = v - 1, True, 1  # "would cost the airline £30 million": the first object is skipped
    while i >= 0 and read < PREDICATE_TOKENS:
        tok = toks[i]
        low = tok.low
        if low in REPORTING_VERBS:
            return None
        if tok.text == "May" and i > 0:
            break  # the month, not the modal: "homes in May was $3.1 million"
        if "\n" in s.text[tok.end : toks[i + 1].start]:
            return None  # a line break: in a table, "29 cts\n Net 13,555,000" is two rows
        if verb and low not in AUXILIARIES and low not in RAISING and low not in ADVERBS:
            break  # one clause has one tensed verb: "the pace of price increases is expected to rise"
        if preposition and not verb and (v := _verb_before_rate(s, i)) >= 0:
            # "the euro rose against the dollar to $1.30": the verb before the rate's phrase
            verb, infinitive = True, _ing(toks[v].low) or (v > 0 and toks[v - 1].low == "to")
            i, read = v - 1, read + 1
            continue
        if tok.kind == "sign":
            direction = True
        elif low == "of" and i >= 1 and toks[i - 1].low in VAGUE_HEADS:
            i -= 2  # "paid a total of", "an average of"
            if i >= 1 and toks[i].text.islower() and toks[i].low not in NOT_SUBJECTS and toks[i - 1].low in DETERMINERS:
                i -= 1  # "pay the hefty sum of"
            while i >= 0 and toks[i].low in DETERMINERS:
                i -= 1
            continue
        elif low in AUXILIARIES or _zone_verb(toks, i) or low == "with" or (low in BASE_FORMS and i - 1 in s.blocked):
            # a base form after an amount in its subject: "Homes under $500,000 sell"
            verb = True
            # a verb without tense, "to rise" or "going": its subject may be an object before it
            infinitive = infinitive or (i > 0 and toks[i - 1].low == "to" and low in VERBS) or _ing(low)
        elif low in DIRECTIONS:
            direction = True
        elif low in INTENT and not _intent_verb(toks, i):
            break  # "announced plans to cut 200 jobs": a noun, the object of `announced`
        elif low in PREPOSITIONS or (low in RAISING and (low in ("to", "not", "never") or toks[i + 1].low == "to")):
            preposition = preposition or low in PREPOSITIONS  # "is expected to", not "its forecast from"
            if low in PREPOSITIONS and not read:
                nearest = low
        elif low in ADVERBS or _adverb(low) or (low == "the" and not read) or low in RECORD_WORDS:
            pass  # "reached the £3.3 trillion mark", "netted a record 32 goals"
        elif preposition and (low in PREDICATE_ADJECTIVES or low.endswith(("able", "ible"))):
            pass  # "would be punishable by three years", "is equivalent to 5%"
        elif low in OBJECT_PRONOUNS and i > 0 and _zone_verb(toks, i - 1):
            pass  # "would cost it $800 million"
        else:
            break
        read += 1
        i -= 1
    if i >= 2 and _ing(toks[i].low) and toks[i - 1].low in CLAUSE_LINKS and not verb:
        return _clause_subject(s, i - 2)  # "rose 5% after jumping 3%": the -ing clause has the main subject
    if i >= 1 and toks[i].low in CLAUSE_LINKS and _ing(toks[i + 1].low):
        return _clause_subject(s, i - 1)  # "after plummeting 65%"
    if verb and i + 1 < len(toks) and toks[i + 1].low == "having" and toks[i].text != ",":
        return _antecedent(s, i + 1)  # "the trade gap widened last year having grown by $20bn"
    if not read or i < 0:
        return None
    if direction and not verb and toks[i].text == "," and i > 0:
        found = _subject_left(s, i - 1)  # "Unite Group, down 68p"
        if found is None or (
            found[0] > 0
            and (toks[found[0] - 1].low in NOT_LIST_ITEMS or (_finite(toks, found[0] - 1) and toks[found[0] - 1].low not in AUXILIARIES))
        ):  # "Tesla shares have been on a tear, up 57%", "sent shares in SSL, which makes shoes, up 6%"
            return _clause_subject(s, i - 1)
        return s.phrase(*found)
    if toks[i].low == "," and preposition and not verb and read == 1 and toks[i + 1].low == "worth":
        found = _subject_left(s, i - 1)  # "the deal, worth $5bn, ..."
        return s.phrase(*found) if found else None
    if verb and toks[i].text == "," and i > 0 and _ing(toks[i + 1].low) and toks[i - 1].kind == "word":
        # an -ing clause after a comma: "complaints, ranging from £50", else "the lira was steady, easing to 32"
        found = _subject_left(s, i - 1)
        if found is None or (found[0] > 0 and toks[found[0] - 1].low in AUXILIARIES):
            return _clause_subject(s, i - 1)  # "the yen was weaker, easing": a predicate, not a phrase
        return s.phrase(*found)
    if verb or direction:
        if toks[i].low == "it" and a.unit in TIME_UNITS:
            return None  # "it could take up to 15 years before", "it has been two years since": no subject
        return _subject_before(s, i, infinitive=infinitive)
    if preposition and toks[i].kind == "word":
        found = _subject_left(s, i)
        if found is None:
            return None
        first, last, head = found
        before = _object_verb(s, first)
        # "bought a notebook for €1,200"; not "sued the government for $28bn"
        priced = nearest == "for" and a.kind is FactKind.MONEY and before >= 0 and toks[before].low in PURCHASES
        changed = (
            nearest in OBJECT_PREPOSITIONS and before >= 0 and toks[before].low not in NOT_OBJECT_VERBS
            and (_zone_verb(toks, before) or toks[before].low in VERBS)
        )  # fmt: skip
        # "a ban for three years": a duration of a noun that no verb takes as its object
        lasting = (
            nearest == "for" and a.unit in TIME_UNITS and first >= 2 and toks[first - 1].low in DETERMINERS
            and toks[first - 2].kind == "word" and (toks[first - 2].low in FUNCTION_WORDS or toks[first - 2].text == ",")
        )  # fmt: skip
        if changed or priced or lasting:
            return s.phrase(first, last, head)  # "boost the driving range by 35 miles"
        before = first - 1
        listed = before < 0 or toks[before].text == "," or toks[before].low in ("and", "while")
        after_amount = before >= 1 and before - 1 in s.blocked and toks[head].low not in VERBS
        if listed and (toks[first].text[:1].isupper() or after_amount):
            return s.phrase(first, last, head)  # "..., Burlington by 2.6%", "dairy by 4% and oils by 6%"
    return None


def _verb_before_rate(s: _Sentence, last: int) -> int:
    """The verb before a phrase `against`/`versus` another currency or index that ends at token
    `last` ("rose against the dollar", "easing against the euro"), or -1."""
    toks = s.tokens
    first = _np_left(s, last)
    p = first - 1 - (first >= 1 and toks[first - 1].low in DETERMINERS)
    if first > last or p < 1 or toks[p].low not in ("against", "versus"):
        return -1
    v = p - 1
    return v if toks[v].kind == "word" and (toks[v].low in VERBS or _zone_verb(toks, v)) else -1


def _object_verb(s: _Sentence, first: int) -> int:
    """The token before an object starting at token `first`, past a determiner, an amount
    modifying it and a particle: "revised its three-year forecast", "bring down the rate"."""
    toks = s.tokens
    before = first - 1
    if before in s.blocked:
        while before >= 0 and before in s.blocked:
            before -= 1
        if before < 0 or not (toks[before].low in DETERMINERS or RE_POSSESSIVE.search(toks[before].text)):
            return -1  # "netted a record 32 goals in 36 games": the goals are counted, not measured
    if before >= 2 and toks[before].text.islower() and toks[before].low not in NOT_SUBJECTS and toks[before - 1].low in DETERMINERS:
        before -= 1  # a lower-case word before a name: "sells the boxed Sony Walkman for $45"
    if before >= 1 and (toks[before].low in DETERMINERS or RE_POSSESSIVE.search(toks[before].text)):
        before -= 1
    if before >= 1 and toks[before].low in PARTICLES:
        before -= 1
    return before


def _subject_before(s: _Sentence, i: int, *, infinitive: bool = False) -> str | None:
    """The subject ending at token `i`, read back over a relative pronoun or a comma-delimited clause.

    With `infinitive` (the predicate is "to rise"), an object of a verb such as `cause`
    or `expect` is the subject.
    """
    toks = s.tokens
    if i >= 0 and toks[i].low in RELATIVES:
        i -= 1
        if i >= 0 and toks[i].text == ",":
            i -= 1
    elif i >= 0 and toks[i].text == ",":
        # ", which is made of carbon," / ", 2018's best performing sector,": the subject is before it
        j = i - 1
        while j >= 0 and j > i - 14 and toks[j].text not in (",", ";", ":"):
            j -= 1
        if j < 0 or toks[j].text != "," or not (toks[j + 1].low in RELATIVES or _np_only(s, j + 1, i - 1)):
            return None
        i = j - 1
    if i >= 0 and toks[i].text == ")":
        j = i - 1
        while j >= 0 and j > i - 5 and toks[j].text != "(":
            j -= 1
        if j >= 0 and toks[j].text == "(":
            i = j - 1  # "Ford (F) which has"
    if i >= 2 and toks[i - 1].low in PP_PREPOSITIONS and toks[i - 2].kind == "word" and (
        toks[i].kind == "num" or toks[i].text == "May" or toks[i].low in TIME_WORDS
    ):
        i -= 2  # "China's economy in 2022 grew by 3%", "the price for homes in May was $3.1 million"
    if i in s.blocked:
        j = i
        while j >= 0 and j in s.blocked:
            j -= 1
        if j >= 1 and toks[j].low in AMOUNT_PREPOSITIONS and toks[j - 1].kind == "word" and j - 1 not in s.blocked:
            j -= 1  # "Homes under $500,000 sell", "Revenue of $5m was"
        if j >= 0 and toks[j].kind == "word":
            i = j  # "the Lumen Air 15 inch is worth $1,400"
    while i > 0 and _adverb(toks[i].low) and toks[i - 1].kind == "word":
        i -= 1  # "the villa reportedly sold for"
    if i < 0 or toks[i].kind not in ("word", "num"):
        return None
    if toks[i].low in ANAPHORS:
        if i >= 2 and toks[i - 1].low in PRONOUN_PREPOSITIONS:
            # after a preposition it is no subject: "the fee for it was $40"
            found = _subject_left(s, i - 2, attach=0)
            return s.phrase(*found) if found else None
        return _antecedent(s, i)
    found = _subject_left(s, i)
    if found is None:
        return None
    first, last, head = found
    verb = _object_verb(s, first) if first > 0 else -1
    if infinitive and verb >= 0 and toks[verb].low in OBJECT_CONTROL:
        return s.phrase(first, last, head)  # "could cause sea levels to rise 11 feet"
    if infinitive and verb >= 1 and _zone_verb(toks, verb) and toks[verb].low not in AUXILIARIES:
        return _subject_before(s, verb - 1)  # "Dell on Monday announced plans to lay off 6,650": Dell
    before = s.tokens[first - 1].low if first > 0 else ""
    participle = toks[first - 2].low if first >= 3 else ""
    if infinitive and before == "by" and (_past(participle) or participle in IRREGULAR_VERBS):
        # "an engine built by Cosworth to produce 420 hp": the engine produces them, not Cosworth
        k = first - 3
        while k > 0 and (toks[k].low in AUXILIARIES or toks[k].low in VERB_ADVERBS):
            k -= 1  # "the car was tuned by Brabus to produce"
        if k > 0 and toks[k].text == ",":
            k -= 1  # "the engine, built by Cosworth to produce"
        return _subject_before(s, k) if toks[k].low not in ANAPHORS else _antecedent(s, k)
    if before in AUXILIARIES or before in MODALS or before in ("by", "than", "to") or (infinitive and first > 0 and _zone_verb(toks, first - 1)):
        # "they would need to add ten users", "tuned by M-Sport to produce 296 hp", "announced
        # plans to lay off 6,650": an object, not the subject the amount is predicated of
        return None
    return s.phrase(first, last, head)


def _antecedent(s: _Sentence, p: int) -> str | None:
    """What the subject pronoun at token `p` stands for: a phrase of a clause before it.

    Read leftwards, verb by verb, the first phrase that agrees with the pronoun: for `it`
    and `they` the verb's object (not a reporting verb's: "told Reuters it"), then its
    subject. A name
    (a capitalised word) agrees with `he`/`she`; a plural or a name with `they`; anything
    but a plural common noun with `it`. "Acme Corp said it has 300 staff" -> Acme Corp;
    "sent the shares soaring and they were up 12%" -> shares.
    For a token that is no pronoun (a participle clause: "having risen 5%"), the first
    subject. CAUTION: "Analysts said it has 300 staff" has no antecedent (`it` is no plural, and a
    capital at the start of a sentence is no name), nor has a pronoun that opens the
    sentence: nothing is guessed.
    """
    toks = s.tokens
    pronoun = toks[p].low if toks[p].low in ANAPHORS else ""
    for j in range(p - 1, max(p - ANTECEDENT_TOKENS, 0), -1):
        if j in s.blocked or toks[j].kind != "word" or not _clause_verb(toks, j):
            continue
        if pronoun in ("it", "they") and toks[j].low not in NOT_OBJECT_VERBS and j + 1 < p:
            last = _np_right(s, j + 1)
            if last is not None and last < p and _agrees(pronoun, s, j + 1, last, last):
                if thing := s.phrase(j + 1, last):
                    return thing  # "sent the shares soaring and they were up 12%"
        k = j - 1
        while k >= 0 and (toks[k].low in VERB_ADVERBS or toks[k].low in AUXILIARIES or toks[k].low in MODALS):
            k -= 1  # "Acme has only raised"
        if k < 0 or toks[k].kind != "word" or toks[k].low in ANAPHORS:
            continue
        found = _subject_left(s, k)
        if found is not None and _agrees(pronoun, s, *found) and (thing := s.phrase(*found)):
            return thing
    return s.topics.get(pronoun)


def _clause_verb(toks: Sequence[_Token], j: int) -> bool:
    """True if token `j` is a verb after its subject: tensed, or an unlisted -s word after a name ("Okafor hosts a")."""
    low = toks[j].low
    if low in AUXILIARIES or low in MODALS or low in REPORTING_VERBS or _finite(toks, j) or _zone_verb(toks, j):
        return True
    return (
        j >= 1 and j + 1 < len(toks) and toks[j].text.islower() and low.endswith("s")
        and not low.endswith(("ss", "us", "is")) and toks[j - 1].text[:1].isupper()
        and toks[j - 1].low not in NOT_SUBJECTS
        and (toks[j + 1].low in DETERMINERS or toks[j + 1].kind == "num" or RE_POSSESSIVE.search(toks[j + 1].text) is not None)
    )  # fmt: skip


def _agrees(pronoun: str, s: _Sentence, first: int, last: int, head: int, *, across: bool = False) -> bool:
    """True if the phrase of tokens `first..last` (head `head`) may be what `pronoun` stands for.

    A capital names only inside the sentence: "Analysts said it" has no name. `across`
    sentences, `he`/`she` take only a person's name: a capitalised head, in a phrase
    without a lower-case word after it ("Robin Cook", not "Debate on euthanasia" or
    "Court of Appeal").
    """
    toks = s.tokens
    name = any(t.text[:1].isupper() for t in toks[max(first, 1) : last + 1])
    word = toks[head].low
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is")) and not (head and toks[head].text[:1].isupper())
    plural = plural or word in PLURAL_NOUNS
    if pronoun in ("he", "she") and across:
        return toks[head].text[:1].isupper() and not any(t.text[:1].islower() for t in toks[head + 1 : last + 1])
    if pronoun in ("he", "she"):
        return name or (head == 0 and toks[head].text[:1].isupper())
    if pronoun == "they":
        return plural or name
    return pronoun == "" or not plural


def _np_only(s: _Sentence, first: int, last: int) -> bool:
    """True if tokens `first..last` can be an apposition: words and numbers, no verb or clause word."""
    toks = s.tokens
    return first <= last and all(
        t.kind in ("word", "num") and (t.low not in FUNCTION_WORDS or t.low == "of") and not _finite(toks, j)
        for j, t in enumerate(toks[first : last + 1], start=first)
    )


def _clause_subject(s: _Sentence, i: int) -> str | None:
    """The subject of the clause ending at token `i`: the phrase before its first verb.

    "So far this year Tesla shares have been on a tear": the clause starts after the last
    comma, semicolon or colon; its first auxiliary or verb is `have`.
    """
    toks = s.tokens
    for _ in range(2):  # a clause without a verb ("up 40%" before "after jumping 9%") leads to the one before
        start = i
        while start > 0 and start > i - PREDICATE_TOKENS * 2 and toks[start - 1].text not in (",", ";", ":"):
            start -= 1
        for v in range(start + 1, i + 1):
            low = toks[v].low
            if low in AUXILIARIES or (low not in BASE_FORMS and _zone_verb(toks, v)):
                return _subject_before(s, v - 1)  # a base form is too often a noun here: "the sales price for"
        if start < 2 or toks[start - 1].text != ",":
            return None
        i = start - 2
    return None


def _continues(text: str, before: Anchor, a: Anchor) -> bool:
    """True if amount `a` continues the amount `before` it, so that both measure one thing (rule 3)."""
    between = text[before.end : a.outer]
    if RE_CONTINUES.match(between):
        return True
    if a.unit in TIME_UNITS and between == " in ":
        return True  # the time a change took: "went from 0 to 80 km/h in 8 seconds"
    parallel = RE_PARALLEL.match(between)
    return parallel is not None and text.startswith(f" {parallel['prep']} ", a.end)


def measured(text: str, anchors: Sequence[Anchor], topics: Mapping[str, str] | None = None) -> list[str | None]:
    """What each amount of a sentence measures (see the module docstring), in `anchors` order.

    `topics` maps a subject pronoun to what it stands for when nothing before it in the
    sentence does (see `resolve_pronouns`).
    """
    if not anchors:
        return []
    s = _Sentence(text)
    s.topics = topics if topics is not None else {}
    anchors = [a._replace(end=hedge.end()) if (hedge := RE_HEDGE_AFTER.match(text, a.end)) else a for a in anchors]
    for a in anchors:
        s.block(a.start, a.end)
    found: list[str | None] = []
    for k, a in enumerate(anchors):
        thing = _x_of_n(s, a) or _n_of_x(s, a)
        if thing is None and k > 0 and found[k - 1] and _continues(text, anchors[k - 1], a):
            thing = found[k - 1]
        if thing is None and a.kind is FactKind.AGE:
            thing = _age(s, a)
        thing = thing or _money_in(s, a) or _modified(s, a) or _moved(s, a) or _predicate(s, a) or _heading(s, a)
        thing = thing or _apposition(s, a) or _fronted(s, a)
        found.append(thing or _modified(s, a, bare=True))
    if ";" in text:
        _elliptic_items(text, anchors, found)
    return found


def _elliptic_items(text: str, anchors: Sequence[Anchor], found: list[str | None]) -> None:
    """Items of a semicolon list that are only amounts take what the amounts of the first item
    measure, place by place: "Homes from $1m to $2m sell in 70 days; $2m to $3m, 99 days".

    CAUTION: an item with words of its own is no ellipsis ("sales rose 5%; staff fell by 300").
    """
    cuts = [-1, *(m.start() for m in regex.finditer(";", text)), len(text)]
    items: list[list[int]] = [[] for _ in cuts[1:]]
    for k, a in enumerate(anchors):
        items[bisect.bisect_left(cuts, a.outer) - 1].append(k)
    first = items[0]
    for n, item in enumerate(items[1:], start=1):
        if len(item) != len(first) or not item:
            continue
        rest = text[cuts[n] + 1 : cuts[n + 1]]
        for k in reversed(item):  # what is left when the amounts are taken out
            a = anchors[k]
            rest = rest[: a.outer - cuts[n] - 1] + rest[a.end - cuts[n] - 1 :]
        if not RE_ELLIPTIC_ITEM.match(rest):
            continue
        for k, template in zip(item, first, strict=True):
            if found[k] is None:
                found[k] = found[template]


# ---------------------------------------------------------------------------
# Pronouns across sentences
# ---------------------------------------------------------------------------

NOT_TOPICS = AUXILIARIES | MODALS | {"to"}
RE_ANAPHOR = regex.compile(r"\b(?i:it|they|he|she)\b")
# How many sentences before a pronoun's, in its paragraph, are read for what it stands for.
TOPIC_SENTENCES = 3
# How far before an amount, in characters, its subject pronoun may be ("It was tuned by
# Brabus to produce 600 hp"): about the predicate's reach of PREDICATE_TOKENS tokens.
PRONOUN_REACH = 100


@functools.lru_cache(maxsize=64)  # each sentence is read for the (up to three) sentences after it
def _subjects(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The clause subjects of a sentence, the main one (the phrase that opens it) first, each
    with the pronouns that agree with it."""
    s = _Sentence(text)
    toks = s.tokens
    opening = 0
    while opening < len(toks) and (toks[opening].low in SENTENCE_ADVERBS or toks[opening].text == ","):
        opening += 1  # "Meanwhile, Acme ..."
    main: list[tuple[str, frozenset[str]]] = []
    others: list[tuple[str, frozenset[str]]] = []
    last = _np_right(s, opening) if opening < len(toks) else None
    if last is not None and last + 1 < len(toks) and (
        toks[last + 1].text in ",(" or toks[last + 1].low in RELATIVES or _clause_verb(toks, last + 1)
    ) and (thing := s.phrase(opening, last)):
        # "Acme Corp, which Bob Smith founded, employs": the phrase that opens the sentence
        main.append((thing, frozenset(p for p in ANAPHORS if _agrees(p, s, opening, last, last, across=True))))
    for j in range(1, min(len(toks), ANTECEDENT_TOKENS)):
        if toks[j].kind != "word" or not _clause_verb(toks, j):
            continue
        k = j - 1
        while k >= 0 and (toks[k].low in VERB_ADVERBS or toks[k].low in AUXILIARIES or toks[k].low in MODALS):
            k -= 1
        if k < 0 or toks[k].kind != "word" or (found := _subject_left(s, k)) is None:
            continue
        if (thing := s.phrase(*found)) is None or (found[0] > 0 and toks[found[0] - 1].low in NOT_TOPICS):
            continue  # "would depend on the outcome": a verb, not a subject
        if _adverb(toks[found[2]].low):
            continue  # "the widely recognised": an adverb, not a noun
        first = found[0] - (found[0] > 0 and toks[found[0] - 1].low in DETERMINERS)
        agree = frozenset(p for p in ANAPHORS if _agrees(p, s, *found, across=True))
        (main if first == opening else others).append((thing, agree))
    return (*main, *others)


def _topics(article: Article, sentence: Sentence) -> dict[str, str]:
    """What each subject pronoun of `sentence` may stand for: the nearest subject before it,
    in the sentences before it in its paragraph, that agrees with it."""
    topics: dict[str, str] = {}
    earlier = article.sentences[max(sentence.index - TOPIC_SENTENCES, 0) : sentence.index]
    for before in reversed(earlier):
        if before.paragraph != sentence.paragraph:
            break
        for thing, agree in _subjects(before.text):
            for pronoun in agree - topics.keys():
                topics[pronoun] = thing
    return topics


def resolve_pronouns(article: Article, sentence: Sentence, facts: Sequence[Fact]) -> list[Fact]:
    """The numeric `facts` of `sentence` (as `extract_numbers` yields them), where an amount's
    subject is a pronoun that nothing before it in the sentence stands for, measuring what it
    stands for in the sentences before it in its paragraph.

    "Acme Corp employs 300 people. It has 20 shops." -> the 20 measures Acme Corp. Only
    facts that measure nothing change, and only to a phrase of an earlier sentence.
    """
    offset = sentence.start
    if not any(
        f.measures is None and RE_ANAPHOR.search(sentence.text, max(f.start - offset - PRONOUN_REACH, 0), f.start - offset)
        for f in facts
    ):
        return list(facts)  # no pronoun in reach before an amount that measures nothing
    if sentence.index == 0 or article.sentences[sentence.index - 1].paragraph != sentence.paragraph:
        return list(facts)  # the first sentence of its paragraph
    anchors = [Anchor(f.start - offset, f.start - offset, f.end - offset, f.kind, f.unit) for f in facts]
    topics = _Topics(article, sentence)
    found = measured(sentence.text, anchors, topics)
    if not topics.read:
        return list(facts)  # no pronoun was left without an antecedent
    taken = set(topics.values())
    return [
        dataclasses.replace(f, measures=thing) if f.measures is None and thing in taken else f
        for f, thing in zip(facts, found, strict=True)
    ]


class _Topics(Mapping[str, str]):
    """`_topics` of a sentence, read from the sentences before it only when first asked for."""

    def __init__(self, article: Article, sentence: Sentence) -> None:
        self._where = (article, sentence)
        self._found: dict[str, str] | None = None

    @property
    def read(self) -> bool:
        """True once a pronoun has asked what it stands for."""
        return self._found is not None

    def _topics(self) -> dict[str, str]:
        if self._found is None:
            self._found = _topics(*self._where)
        return self._found

    def __getitem__(self, pronoun: str) -> str:
        return self._topics()[pronoun]

    def __iter__(self) -> Iterator[str]:
        return iter(self._topics())

    def __len__(self) -> int:
        return len(self._topics())
