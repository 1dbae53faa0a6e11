"""Find direct quotations with their speaker and the verb that cues them.

A quotation is the text between a pair of double quotation marks (straight `"` or
curly `“ ”`); single curly or straight marks count only in a headline-like paragraph
(one with no double marks and no final full stop), since `’` is also the apostrophe
of `don’t` and `Japan’s`. The fact's span is the inside of the marks; a quotation
that runs over several sentences (an unclosed mark runs to the paragraph's end)
yields one fact per sentence, each with the same speaker. A title in marks (two to
eight capitalised words and no sentence punctuation: `"Face the Nation"`, `"Marshall
Plan"`, `"A Change Is Gonna Come"`) names a programme, a plan or a song, is no one's
speech, and yields nothing (`_is_title`).

The speaker comes from a cue verb (`said`, `told`, `according to`...) in the
quotation's sentence, tried in this order:

1. a cue right after the closing mark: `"...," Mr. Hegseth said.`, `"...," said Hegseth.`;
2. the nearest cue before the opening mark: `Mr. Hegseth said, "..."`,
   `Hegseth said he "did not talk specific numbers"`, and the second half of a
   quotation broken by its cue;
3. any later cue: `... "robust, ready and credible deterrence" ..., Hegseth said Sunday`.

With no cue in its sentence, a quotation that opens its sentence keeps the speaker
of the paragraph's previous quotation (`"We must be prepared," he said. "We look
forward..."`), and a paragraph that is nothing but quotation continues the speaker
of the previous paragraph (news convention). Otherwise the speaker is None: scare
quotes (`the “global standard” of 5%`) are still yielded, with speaker and cue None,
since the comparer pairs quotations by speaker.

Speakers resolve to full names: names through `canonical_names` (`Mr. Hegseth` ->
`Pete Hegseth`); `he`/`she` to the most recent salient person before the cue (the
first person named in each sentence, or a resolved speaker), ignoring names inside
quotation marks; role phrases (`the Pentagon chief`, `the defense minister`) to the
last person before the cue with that title. Anything else stays as written
(`analysts`, `the Pentagon`).
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterator
from itertools import islice
from typing import NamedTuple

import regex

from compare.extract.lines import line_of
from compare.extract.people import (
    HONORIFIC,
    NON_NAME_WORDS,
    ORGS,
    TITLE,
    canonical_names,
    extract_people,
    normalise_title,
    resolve_name,
)
from compare.records import Article, Fact, FactKind, Sentence

# Stands in for quoted text (marks included) so cue patterns never look inside a quotation.
MASK = "\x00"

# Finite cue verbs, lower case only: `the United States` must not cue anything.
# A name after a dash at the end of a quotation's line: `"…" ― Jacklyn Ashley`, `"…" — Mark Twain.`
RE_DASH_SPEAKER = regex.compile(
    r"""(?<![^\S\n])[^\S\n]*[―—–][^\S\n]*(?P<name>\p{Lu}[\p{L}'’.-]*(?:[^\S\n]+\p{Lu}[\p{L}'’.-]*){0,4})[^\S\n]*[.,]?[^\S\n]*(?:\n|\Z)"""
)

# Prepositions that attach a place or body to a name: `Helen Ortiz of Castlebrook`.
POST_MODIFIERS = frozenset({"of", "from", "at"})

RE_CUE = regex.compile(
    r"""
    (?<![\p{L}\-'’])                           # a whole word
    (?P<cue>
        [Aa]ccording\s+to | pointed\s+out      # multi-word cues
        | said | says | told | tells | added | adds | stated | warned | warns | noted
        | explained | explains | insisted | insists | declared | declares | argued | argues
        | answered | replied | replies | remarked | stressed | stresses | emphasi[sz]ed
        | emphasi[sz]es | cautioned | urged | urges | vowed | vows | pledged | acknowledged
        | admitted | conceded | concedes | claimed | wrote | writes | tweeted | announced
        | announces | concluded | recalled | suggested | complained | countered | responded
        | confirmed | hailed | described | predicted | promised | asserted | reiterated
        | reiterates | quipped | joked | boasted | lamented | observed | continued | continues
        | shouted | chanted | demanded | commented | reads | asked | asks
        | Said                                   # inverted, opening the sentence: `Said Varga: "..."`
    )
    (?![\p{L}\-])                              # a whole word
    (?!(?<=\bask(?:ed|s))\s+(?:for|to|about)\b)   # not a request: `asked for a vote`, `asks to be`
    (?!(?<=\bSaid)(?![ \t\u00a0]+\p{Lu}))         # `Said` only before a name
    """,
    regex.VERBOSE,
)

# Participle cues count only after a comma or a conjunction: `, saying`, `and adding`
# (`a stark warning about` is a noun).
RE_PARTICIPLE = regex.compile(
    r"""
    (?:,[ \t\u00a0]*|[ \t\u00a0](?:and|while|before|after|by)[ \t\u00a0]+)  # the clause break
    (?P<cue>
        saying | adding | calling | noting | warning | stating | telling | insisting
        | arguing | explaining | describing | stressing | emphasi[sz]ing | cautioning
        | urging | declaring | vowing | pledging | asking | tweeting | writing | shouting | chanting
    )
    (?![\p{L}\-])                              # a whole word
    """,
    regex.VERBOSE,
)

# The first word of every cue of RE_CUE and of RE_PARTICIPLE, each a whole run of
# letters in the text: a sentence with none of them has no cue (a cheap test first).
CUE_FIRST_WORDS = frozenset(
    """
    According according pointed said says told tells added adds stated warned warns noted
    explained explains insisted insists declared declares argued argues answered replied
    replies remarked stressed stresses emphasised emphasized emphasises emphasizes cautioned
    urged urges vowed vows pledged acknowledged admitted conceded concedes claimed wrote
    writes tweeted announced announces concluded recalled suggested complained countered
    responded confirmed hailed described predicted promised asserted reiterated reiterates
    quipped joked boasted lamented observed asked asks continued continues shouted chanted
    demanded commented reads Said
    """.split()
)
PARTICIPLE_WORDS = frozenset(
    """
    saying adding calling noting warning stating telling insisting arguing explaining
    describing stressing emphasising emphasizing cautioning urging declaring vowing pledging
    asking tweeting writing shouting chanting
    """.split()
)
RE_LETTER_RUN = regex.compile(r"\p{L}+")

# A passive or auxiliary form before the verb: `he was told` names the listener.
RE_PASSIVE_BEFORE = regex.compile(r"(?:\b(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?)$")

# The last clause break before a cue: the subject lies between it and the cue.
RE_CLAUSE_BREAK = regex.compile(r"[,;:(\[\x00—–]|\s-\s")

# Words between a subject and its verb, dropped from the end of the subject window.
TRAILING_FILLERS = frozenset(
    """
    also later then previously has had have repeatedly once recently further already
    reportedly publicly earlier again first initially separately similarly subsequently
    finally simply never often frequently explicitly now still too just specifically
    privately openly clearly bluntly flatly himself herself themselves has had did does
    would will could may might can quickly immediately angrily proudly
    """.split()
)

# An adverb between a subject and its verb: `Clinton boldly suggested` (not `family`, `ally`).
RE_ADVERB = regex.compile(r"^(?!(?:family|ally|rally|supply|assembly|anomaly|monopoly)$)\p{Ll}{3,}ly$")

# Words that open a clause before its subject, dropped from the start of the window.
LEADING_FILLERS = frozenset(
    """
    and but while as because so though although when where if that whereas yet then
    also meanwhile however now still
    """.split()
)

# Coordinating words: `X met Y and said` has its subject at the start of the sentence.
COORDINATORS = frozenset({"and", "but", "or"})

# Personal pronouns; only `he` and `she` resolve to a person.
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
RESOLVED_PRONOUNS = frozenset({"he", "she"})

# Relative pronouns: `Nakatani, who said` has its subject before the comma.
RELATIVES = frozenset({"who", "which", "that"})

# Words that open a noun phrase: the subject runs from the last one to the verb.
DETERMINERS = frozenset(
    """
    the a an both some many several other two three four his her their its one another
    most all
    """.split()
)

# Words that end a speaker written after its verb: `said Hegseth on Sunday`.
AFTER_STOPS = frozenset(
    """
    on in at during after before while when as to adding who that which last this and
    from with of for monday tuesday wednesday thursday friday saturday sunday
    """.split()
)

# One word, with its offsets.
RE_WORD = regex.compile(r"[^\s\x00]+")

# What `str.split()` and `str.strip()` do not treat as white space (they also skip
# U+001C-U+001F), so searching with these gives the same answer without slicing.
RE_NON_SPACE = regex.compile(r"[^\s\x1c-\x1f]")
RE_NON_SPACE_RUN = regex.compile(r"[^\s\x1c-\x1f]+")

# A word that ends with sentence punctuation but is an abbreviation or an initial.
RE_ABBREVIATION = regex.compile(rf"^(?:{HONORIFIC}|\p{{Lu}}\.|U\.S\.|U\.K\.|U\.N\.)$")

# A role: a title with an optional organisation before it (`the Japanese defense minister`).
RE_ROLE = regex.compile(
    rf"""
    (?:(?P<org>{'|'.join(regex.escape(key) for key in sorted(ORGS, key=len, reverse=True))})
       (?:['’]s)?\s+)?                          # the country or body
    (?P<title>{TITLE})                          # the office
    """,
    regex.VERBOSE,
)

# A quotation in a headline-like paragraph marked with single quotes: ‘severe’.
RE_SINGLE_QUOTED = regex.compile(
    r"""
    (?<![\p{L}\p{N}])                          # the opening mark starts a word
    [‘']
    (?=\S)                                     # content starts right after it
    (?:[^‘’'\n]|(?<=\p{L})[’'](?=\p{L})){0,500}?         # content; an apostrophe inside a word is fine
                                               # (bounded: "'s 's 's ..." made finditer quadratic)
    \S
    [’']
    (?![\p{L}\p{N}])                           # the closing mark ends a word
    """,
    regex.VERBOSE,
)


# A double quotation mark: curly, straight, or two apostrophes (old wire copy).
RE_DOUBLE_MARK = regex.compile(r"''|[“”\"]")

# For `_find_names`: a capital letter; one that starts a word; a letter or a hyphen.
RE_CAPITAL = regex.compile(r"\p{Lu}")
RE_CAPITAL_WORD_START = regex.compile(r"(?<![\p{L}\-])\p{Lu}")
RE_LETTER_OR_HYPHEN = regex.compile(r"[\p{L}\-]")

# A possessive ending: Trump's, Hegseth’s.
RE_POSSESSIVE_END = regex.compile(r"['’]s$")

# An honorific and a name: `Mr. Hegseth`.
RE_HONORIFIC_NAME = regex.compile(rf"{HONORIFIC}\s+\p{{Lu}}\p{{L}}+")

# A short parenthetical aside, blanked before looking for a cue's subject.
RE_PARENTHETICAL = regex.compile(r"\([^()\n\x00]{1,40}\)")


class _Quote(NamedTuple):
    """One quotation: the opening mark, the content, and the end of the closing mark."""

    open: int
    start: int
    end: int
    close: int
    paragraph: int


class _Speaker(NamedTuple):
    """Who a cue names: the name (or phrase as written), and whether it is a known person."""

    name: str | None
    person: bool


class _Cue(NamedTuple):
    """A cue verb with the span of the words that name its speaker."""

    start: int
    end: int
    word: str
    sentence: int
    attribution: int
    speaker: _Speaker


class _Mention(NamedTuple):
    """A person named outside quotation marks."""

    start: int
    name: str


def _pair_marks(text: str) -> list[tuple[int, int, int | None, int | None]]:
    """Return `(open, start, end, close)` of each outer quotation of one paragraph.

    `start:end` is the content, `open:close` the whole with its marks; `end` and
    `close` are None for a quotation that is never closed. Curly marks pair by
    direction, straight ones (`"`, and `''` as old wire copy writes them) by order.
    """
    pairs: list[tuple[int, int, int | None, int | None]] = []
    open_curly: tuple[int, int] | None = None
    open_straight: tuple[int, int] | None = None
    for mark in RE_DOUBLE_MARK.finditer(text):
        index, char = mark.start(), mark.group()
        if char == "“":
            if open_curly is None:
                open_curly = (index, mark.end())
        elif char == "”":
            if open_curly is not None:
                pairs.append((*open_curly, index, mark.end()))
                open_curly = None
            elif (index == 0 or text[index - 1] in " \t\n([—") and text[index + 1 : index + 2].isalnum():
                open_curly = (index, mark.end())  # a closing mark used to open: ”We must...
        elif index and text[index - 1].isdigit():
            continue  # an inch mark: a 12" gun
        elif open_straight is None:
            open_straight = (index, mark.end())
        elif index >= 2 and text[index - 1] == " " and text[index - 2] in ".!?" and text[index + 1 : index + 2].isupper():
            # A mark that opens a new sentence while one is open: the writer left the first
            # unclosed (`commented: "We can. "Not only that."`); it ends before the space.
            pairs.append((*open_straight, index - 1, index - 1))
            open_straight = (index, mark.end())
        else:
            pairs.append((*open_straight, index, mark.end()))
            open_straight = None
    pairs.extend((*opened, None, None) for opened in (open_curly, open_straight) if opened is not None)
    if not pairs and not text.rstrip().endswith((".", "!", "?", "…")):
        pairs = [
            (m.start(), m.start() + 1, m.end() - 1, m.end()) for m in RE_SINGLE_QUOTED.finditer(text)
        ]
    outer: list[tuple[int, int, int | None, int | None]] = []
    for pair in sorted(pairs, key=lambda pair: pair[0]):
        if outer:
            last_close = outer[-1][3]
            if last_close is None or pair[0] < last_close:
                continue  # nested inside, or crossing, the previous quotation: keep the outer
        outer.append(pair)
    return outer


def _paragraphs(article: Article) -> list[list[Sentence]]:
    """Group the article's sentences by paragraph, in order."""
    groups: dict[int, list[Sentence]] = {}
    for sentence in article.sentences:
        groups.setdefault(sentence.paragraph, []).append(sentence)
    return [groups[key] for key in sorted(groups)]


def _quotes(article: Article) -> list[_Quote]:
    """Return every quotation of the article, in text order."""
    found: list[_Quote] = []
    for sentences in _paragraphs(article):
        base, end = sentences[0].start, sentences[-1].end
        text = article.text[base:end]
        for open_at, start, content_end, close_end in _pair_marks(text):
            stop = len(text) if content_end is None else content_end
            close = len(text) if close_end is None else close_end
            while start < stop and text[start].isspace():
                start += 1
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            if any(char.isalnum() for char in text[start:stop]):
                found.append(
                    _Quote(base + open_at, base + start, base + stop, base + close, sentences[0].paragraph)
                )
    return found


def _masked(article: Article, quotes: list[_Quote]) -> str:
    """Return the article text with every quotation, marks included, replaced by MASK.

    Short parentheticals become blanks: `Mitch McConnell (R-Ky.) said` has its
    subject before them.
    """
    chars = list(article.text)
    for quote in quotes:
        chars[quote.open : quote.close] = MASK * (quote.close - quote.open)
    masked = "".join(chars)
    return RE_PARENTHETICAL.sub(lambda match: " " * len(match.group()), masked)


class _Resolver:
    """Resolve speaker phrases of one article to full names, in text order."""

    def __init__(self, article: Article, masked: str) -> None:
        self.article = article
        self.masked = masked
        self.names = canonical_names(article)
        self.people = sorted(extract_people(article), key=lambda fact: fact.start)
        self.mentions: list[_Mention] = []
        self.salient: list[_Mention] = []

    def find_mentions(self, confirmed: set[str]) -> None:
        """Record every person named outside quotation marks, and the first of each sentence."""
        confirmed |= {str(fact.value) for fact in self.people}
        known = {key: full for key, full in self.names.items() if full in confirmed}
        known.update((name, name) for name in confirmed if name not in known)
        keys = sorted(known, key=len, reverse=True)
        found: dict[int, _Mention] = {
            fact.start: _Mention(fact.start, str(fact.value))
            for fact in self.people
            if MASK not in self.masked[fact.start : fact.end]
        }
        if keys:
            # Offsets inside a person fact, as sorted disjoint spans: a bisect per
            # match instead of a scan of every fact.
            covered: list[tuple[int, int]] = []
            for fact in self.people:
                if covered and fact.start <= covered[-1][1]:
                    covered[-1] = (covered[-1][0], max(covered[-1][1], fact.end))
                elif fact.start < fact.end:
                    covered.append((fact.start, fact.end))
            for start, key in _find_names(self.masked, keys):
                at = bisect.bisect_right(covered, (start, sys.maxsize)) - 1
                if not (at >= 0 and start < covered[at][1]):
                    found.setdefault(start, _Mention(start, known[key]))
        self.mentions = sorted(found.values())
        starts = [m.start for m in self.mentions]
        for sentence in self.article.sentences:
            first = bisect.bisect_left(starts, sentence.start)
            if first < len(starts) and starts[first] < sentence.end:
                self.salient.append(self.mentions[first])

    def in_sentence(self, sentence: Sentence, before: int) -> list[_Mention]:
        """Return the persons named in `sentence` before offset `before`."""
        return [m for m in self.mentions if sentence.start <= m.start < before]

    def last_salient(self, before: int) -> _Speaker | None:
        """Return the most recent salient person before offset `before`."""
        earlier = [m for m in self.salient if m.start < before]
        return _Speaker(max(earlier).name, True) if earlier else None

    def person_fact_ending(self, start: int, end: int) -> Fact | None:
        """Return the person fact that ends at `end` and starts at or after `start`."""
        for fact in self.people:
            if start <= fact.start and fact.end == end:
                return fact
        return None

    def role(self, phrase: str, before: int) -> _Speaker | None:
        """Resolve a role phrase (`the Pentagon chief`) to the last person holding that title."""
        words = phrase.split()
        if words and words[0].lower() in DETERMINERS:
            words = words[1:]
        match = RE_ROLE.fullmatch(" ".join(words))
        if match is None:
            return None
        title = normalise_title(match.group("title"))
        org = ORGS.get(RE_POSSESSIVE_END.sub("", match.group("org") or ""))

        def fits(fact: Fact) -> bool:
            held = fact.title or ""
            same = held == title or (title in {"minister", "secretary"} and held.endswith(title))
            return same and (org is None or fact.org in (None, org))

        earlier = [fact for fact in self.people if fact.start < before and fits(fact)]
        anywhere = [fact for fact in self.people if fits(fact)]
        chosen = earlier[-1] if earlier else (anywhere[0] if anywhere else None)
        return _Speaker(str(chosen.value), True) if chosen else _Speaker(phrase, False)

    def subject(
        self, sentence: Sentence, cue_start: int, window_start: int | None = None
    ) -> tuple[int, _Speaker | None, str]:
        """Return `(start, speaker, how)` of the subject before the cue at `cue_start`.

        The subject lies between the last clause break and the cue, unless
        `window_start` is given. `how` is `empty` (nothing between the clause break
        and the cue), `coord` (`... and said`), `rel` (`who said`) or `found`.
        """
        if window_start is None:
            window_start = sentence.start
            breaks = list(RE_CLAUSE_BREAK.finditer(self.masked[sentence.start : cue_start]))
            if breaks:
                window_start = sentence.start + breaks[-1].end()
        words = [
            (m.start() + window_start, m.end() + window_start, m.group())
            for m in RE_WORD.finditer(self.masked[window_start:cue_start])
        ]
        while words and (words[-1][2].lower() in TRAILING_FILLERS or RE_ADVERB.match(words[-1][2])):
            words.pop()
        if words and words[-1][2].lower() in COORDINATORS:
            return words[-1][0], None, "coord"
        while words and words[0][2].lower() in LEADING_FILLERS:
            words.pop(0)
        if not words:
            return cue_start, None, "empty"
        last = words[-1][2]
        if last.lower() in RELATIVES:
            if len(words) == 1 and window_start - 1 > sentence.start:
                return self.subject(sentence, window_start - 1)  # Nakatani, who said
            return words[-1][0], None, "rel"
        if last.lower() in PRONOUNS:
            start = words[-1][0]
            if last.lower() in RESOLVED_PRONOUNS:
                return start, self.last_salient(start) or _Speaker(last, False), "found"
            return start, _Speaker(last, False), "found"
        end = words[-1][1]
        fact = self.person_fact_ending(window_start, end)
        if fact is not None:
            return fact.start, _Speaker(str(fact.value), True), "found"
        run: list[tuple[int, int, str]] = []
        for word in reversed(words):
            if word[2][0].isupper() or RE_ABBREVIATION.match(word[2]):
                run.insert(0, word)
            else:
                break
        if run:
            first = len(words) - len(run)
            # `Mayor Helen Ortiz of Castlebrook told`, `Jane Smith from the University of
            # Leeds told`: the speaker is the person before the place or body; else a
            # name runs across `of` between capitalised words (`the Bank of England said`).
            while True:
                owner = self._owner_before(words, first, window_start)
                if owner is not None:
                    return owner.start, _Speaker(str(owner.value), True), "found"
                if not (first >= 2 and words[first - 1][2] == "of" and words[first - 2][2][0].isupper()):
                    break
                first -= 2
                while first >= 1 and words[first - 1][2][0].isupper():
                    first -= 1
            run = words[first:]
            word_before = words[first - 1] if first > 0 else None
            text = self.article.text[run[0][0] : end]
            plain = RE_POSSESSIVE_END.sub("", text)
            if word_before is not None and word_before[2].lower() == "the":
                return word_before[0], _Speaker(self.article.text[word_before[0] : end], False), "found"
            if any(
                word[2] in ORGS or word[2].lower() in NON_NAME_WORDS | DETERMINERS for word in run
            ) or plain in ORGS:
                return run[0][0], _Speaker(text, False), "found"  # The National Security Strategy
            return run[0][0], _Speaker(resolve_name(text, self.names), True), "found"
        phrase_words = words[-6:]
        for index in range(len(phrase_words) - 1, -1, -1):
            token = phrase_words[index][2].lower()
            if token in DETERMINERS or RE_POSSESSIVE_END.search(token):
                phrase_words = phrase_words[index:]
                break
        else:
            phrase_words = phrase_words[-3:]
        start = phrase_words[0][0]
        phrase = self.article.text[start:end]
        return start, self.role(phrase, start) or _Speaker(phrase, False), "found"

    def _owner_before(self, words: list[tuple[int, int, str]], first: int, window_start: int) -> Fact | None:
        """The person named just before `of`/`from`/`at` [`the`] that precedes `words[first]`, if any."""
        k = first - 1
        if k >= 0 and words[k][2].lower() == "the":
            k -= 1
        if k >= 1 and words[k][2].lower() in POST_MODIFIERS:
            return self.person_fact_ending(window_start, words[k - 1][1])
        return None

    def after(self, cue_end: int, sentence: Sentence) -> tuple[int, _Speaker | None]:
        """Return the speaker named after a cue (`said Mr. Hegseth`, `according to analysts`)."""
        words = []
        for match in RE_WORD.finditer(self.masked, cue_end, sentence.end):
            word = match.group()
            bare = word.rstrip(",;:.!?)")
            if bare.lower() in AFTER_STOPS or not bare:
                break
            words.append((match.start(), match.start() + len(bare)))
            if bare != word and not RE_ABBREVIATION.match(word):
                break
            if len(words) == 8:
                break
        if not words:
            return cue_end, None
        start, end = words[0][0], words[-1][1]
        fact = next((f for f in self.people if start <= f.start and f.end <= end), None)
        if fact is not None:
            return start, _Speaker(str(fact.value), True)
        phrase = self.article.text[start:end]
        if phrase[0].isupper() and phrase.split()[0].lower() not in DETERMINERS:
            plain = RE_POSSESSIVE_END.sub("", phrase)
            person = plain not in ORGS and plain.lower() not in NON_NAME_WORDS
            return start, _Speaker(resolve_name(phrase, self.names), person)
        return start, self.role(phrase, start) or _Speaker(phrase, False)


def _find_names(text: str, keys: list[str]) -> list[tuple[int, str]]:
    r"""Return `(start, key)` of every whole-word occurrence of `keys` (longest first) in `text`.

    The same as the matches of `(?<![\p{L}\-])(?:key1|key2|...)(?![\p{L}\-])`, whose
    compilation took as long as the rest of the quotation search: when every key
    starts with a capital, only capitals that start a word are tried, and at each the
    first key (of those starting with that letter) that ends a word there wins, as in
    the alternation.
    """
    if not all(RE_CAPITAL.match(key) for key in keys):
        pattern = regex.compile(r"(?<![\p{L}\-])(?:" + "|".join(regex.escape(key) for key in keys) + r")(?![\p{L}\-])")
        return [(match.start(), match.group()) for match in pattern.finditer(text)]
    by_first: dict[str, list[str]] = {}
    for key in keys:
        by_first.setdefault(key[0], []).append(key)
    found: list[tuple[int, str]] = []
    resume = 0
    for capital in RE_CAPITAL_WORD_START.finditer(text):
        start = capital.start()
        if start < resume:
            continue
        for key in by_first.get(text[start], ()):
            end = start + len(key)
            if text.startswith(key, start) and not RE_LETTER_OR_HYPHEN.match(text, end):
                found.append((start, key))
                resume = end
                break
    return found


def _cue_spans(masked: str, sentence: Sentence) -> Iterator[tuple[int, int, str, bool]]:
    """Yield `(start, end, word, is_participle)` of every cue verb in `sentence`, in order."""
    found = []
    words = set(RE_LETTER_RUN.findall(masked, sentence.start, sentence.end))
    if not CUE_FIRST_WORDS.isdisjoint(words):
        for match in RE_CUE.finditer(masked, sentence.start, sentence.end):
            if RE_PASSIVE_BEFORE.search(masked, sentence.start, match.start()):
                continue
            found.append((match.start("cue"), match.end("cue"), match.group("cue"), False))
    if not PARTICIPLE_WORDS.isdisjoint(words):
        for match in RE_PARTICIPLE.finditer(masked, sentence.start, sentence.end):
            found.append((match.start("cue"), match.end("cue"), match.group("cue"), True))
    yield from sorted(found)


def _head_clause(masked: str, sentence: Sentence, cue_start: int) -> tuple[int, int] | None:
    """Return the span of a short subject set off by commas before a cue, or None.

    `"...," Michael Mulgrew, president of the union, said` and `Hegseth, 44, a former
    infantryman, hailed` have their subject in the first clause after the quotation.
    """
    last_mark = masked.rfind(MASK, sentence.start, cue_start)
    anchor = sentence.start if last_mark < 0 else last_mark + 1
    while anchor < cue_start and masked[anchor] in " \t\n,":
        anchor += 1
    comma = masked.find(",", anchor, cue_start)
    if comma <= anchor or len(masked[anchor:comma].split()) > 6:
        return None
    return anchor, comma


def _cues(article: Article, resolver: _Resolver) -> list[_Cue]:
    """Find every cue of the article and resolve its speaker, in text order."""
    masked = resolver.masked
    confirmed: set[str] = set()
    # The cue spans of each sentence, found once for both passes.
    spans_of = [list(_cue_spans(masked, sentence)) for sentence in article.sentences]
    for sentence, spans in zip(article.sentences, spans_of, strict=True):
        for start, _, _, participle in spans:
            if not participle:
                _, speaker, _ = resolver.subject(sentence, start)
                if speaker is not None and speaker.person and speaker.name:
                    confirmed.add(speaker.name)
    for match in RE_HONORIFIC_NAME.finditer(masked):
        confirmed.add(resolve_name(match.group(), resolver.names))
    resolver.find_mentions(confirmed)

    cues: list[_Cue] = []
    for sentence, spans in zip(article.sentences, spans_of, strict=True):
        in_sentence: list[_Cue] = []
        for start, end, word, participle in spans:
            attribution, speaker = start, None
            if participle:
                speaker = next((c.speaker for c in reversed(in_sentence)), None)
                if speaker is None:
                    first = resolver.in_sentence(sentence, start)
                    speaker = _Speaker(first[0].name, True) if first else None
            elif word.startswith("according"):
                attribution, speaker = resolver.after(end, sentence)
            else:
                attribution, speaker, how = resolver.subject(sentence, start)
                if how == "empty":
                    head = _head_clause(masked, sentence, start)
                    if head is not None:
                        attribution, speaker, how = resolver.subject(sentence, head[1], head[0])
                if how == "empty":
                    mark_before = masked[sentence.start : start].rstrip(" \t\n,")
                    first = resolver.in_sentence(sentence, start)
                    if not mark_before or mark_before.endswith(MASK) or not first:
                        attribution, speaker = resolver.after(end, sentence)
                        attribution = min(attribution, start)
                    else:
                        speaker = _Speaker(first[0].name, True)
                elif how == "coord":
                    first = resolver.in_sentence(sentence, start)
                    speaker = _Speaker(first[0].name, True) if first else None
                elif how == "rel":
                    earlier = resolver.in_sentence(sentence, start)
                    speaker = _Speaker(earlier[-1].name, True) if earlier else resolver.last_salient(start)
            speaker = speaker or _Speaker(None, False)
            cue = _Cue(start, end, word, sentence.index, attribution, speaker)
            in_sentence.append(cue)
            if speaker.person and speaker.name:
                resolver.salient.append(_Mention(attribution, speaker.name))
        cues.extend(in_sentence)
    return cues


def _choose_cue(quote: _Quote, cues: list[_Cue], following: list[_Cue], text: str) -> _Cue | None:
    """Return the cue that attributes `quote` among its sentence's `cues`, or None.

    `following` are the cues of the next sentence of the paragraph: a quotation that
    ends with its own full stop is a sentence of its own (`"...?" Clinton said.`).
    """
    for cue in [*cues, *following]:
        if cue.attribution >= quote.close and not text[quote.close : cue.attribution].strip(" \t\n,"):
            return cue
    before = [cue for cue in cues if cue.end <= quote.open]
    if before:
        return before[-1]
    after = [cue for cue in cues if cue.start >= quote.close]
    return after[0] if after else None


def _attribute(
    article: Article, quotes: list[_Quote], masked: str, cues: list[_Cue]
) -> list[tuple[str | None, str | None]]:
    """Return `(speaker, cue)` of each quotation, in the order of `quotes`."""
    sentence_starts = [sentence.start for sentence in article.sentences]
    paragraphs = _paragraphs(article)
    by_index = {group[0].paragraph: group for group in paragraphs}
    position_of = {group[0].paragraph: position for position, group in enumerate(paragraphs)}
    # Per-sentence and per-paragraph facts computed once, not once per quotation:
    # a long paragraph with thousands of quotations must stay linear.
    cues_of: dict[int, list[_Cue]] = {}
    for cue in cues:
        cues_of.setdefault(cue.sentence, []).append(cue)
    text_starts: dict[int, int] = {}
    quotation_only_of: dict[int, bool] = {}
    found: list[tuple[str | None, str | None]] = []
    opens: list[bool] = []
    last_in_paragraph: dict[int, tuple[str | None, str | None]] = {}
    for quote in quotes:
        sentence = article.sentences[max(0, bisect.bisect_right(sentence_starts, quote.open) - 1)]
        next_sentence = sentence.index + 1
        if next_sentence < len(article.sentences) and article.sentences[next_sentence].paragraph != sentence.paragraph:
            next_sentence = -1
        if sentence.index not in text_starts:
            first = RE_NON_SPACE.search(masked, sentence.start, sentence.end)
            text_starts[sentence.index] = first.start() if first else sentence.end
        opens_sentence = text_starts[sentence.index] >= quote.open
        # Only a short attribution sentence after a quotation-only sentence counts:
        # `"How many times?" Clinton said.`, not `"... region." The strategy reiterates ...`
        after = [
            cue
            for cue in (cues_of.get(next_sentence, []) if opens_sentence else [])
            if _at_most_words(masked, cue.end, article.sentences[next_sentence].end, 6)
        ]
        chosen = _choose_cue(quote, cues_of.get(sentence.index, []), after, article.text)
        speaker, cue_word = (chosen.speaker.name, chosen.word) if chosen else (None, None)
        if chosen is None and (dash := RE_DASH_SPEAKER.match(article.text, quote.close)):
            name = dash.group("name").strip()
            if name.endswith(".") and len(name.rsplit(None, 1)[-1]) > 2:
                name = name[:-1]  # "Mark Twain." ends the line; "Julie A." keeps its initial
            speaker, cue_word = name, "―"  # "…" ― Jacklyn Ashley
        elif chosen is None:
            group = by_index[quote.paragraph]
            if quote.paragraph not in quotation_only_of:
                quotation_only_of[quote.paragraph] = not any(
                    char.isalnum() for char in masked[group[0].start : group[-1].end]
                )
            quotation_only = quotation_only_of[quote.paragraph]
            if opens_sentence and quote.paragraph in last_in_paragraph:
                speaker, cue_word = last_in_paragraph[quote.paragraph]  # "...," he said. "We look..."
            elif opens_sentence and (closing := _closing_cue_before(article, masked, cues_of, sentence)):
                speaker, cue_word = closing  # "Talks may stall, Okafor said. "The second issue...""
            elif quotation_only:
                speaker, cue_word = _previous_paragraph_speaker(
                    position_of[quote.paragraph], paragraphs, last_in_paragraph, cues_of
                )
        if speaker is not None:
            last_in_paragraph[quote.paragraph] = (speaker, cue_word)
        found.append((speaker, cue_word))
        opens.append(opens_sentence and chosen is None)
    # A quotation that opens a sentence with no cue, right before an attributed one of
    # the same paragraph, shares its speaker: "I love cats!" insists Burton. "I do."
    for index in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[index], quotes[index + 1]
        if (
            found[index][0] is None
            and opens[index]
            and following.paragraph == quote.paragraph
            and not masked[quote.close : following.open].strip()
        ):
            found[index] = found[index + 1]
    return found


def extract_quotes(article: Article) -> Iterator[Fact]:
    """Yield every direct quotation in `article` with its speaker and cue verb."""
    quotes = _quotes(article)
    if not quotes:  # most wire briefs: no speaker to resolve, no cue to read
        return
    masked = _masked(article, quotes)
    resolver = _Resolver(article, masked)
    cues = _cues(article, resolver)
    sentence_starts = [sentence.start for sentence in article.sentences]
    for quote, (speaker, cue_word) in zip(quotes, _attribute(article, quotes, masked, cues), strict=True):
        # Only the sentences the quotation overlaps (sentences are in text order).
        first = max(0, bisect.bisect_right(sentence_starts, quote.start) - 1)
        last = bisect.bisect_left(sentence_starts, quote.end)
        for sentence in article.sentences[first:last]:
            start, end = max(quote.start, sentence.start), min(quote.end, sentence.end)
            while start < end and article.text[start].isspace():
                start += 1
            while end > start and article.text[end - 1].isspace():
                end -= 1
            text = article.text[start:end]
            if not any(char.isalnum() for char in text) or _is_title(text):
                continue
            yield Fact(
                kind=FactKind.QUOTE,
                text=text,
                value=" ".join(text.split()).rstrip(", "),
                start=start,
                end=end,
                line=line_of(article, start),
                sentence=sentence.index,
                speaker=speaker,
                cue=" ".join(cue_word.lower().split()) if cue_word else None,
            )


# Words a title leaves in lower case: "Face the Nation", "State of the Union".
TITLE_MINOR_WORDS = frozenset("a an the and or but nor of in on at to for by with from as vs via".split())
TITLE_MAX_WORDS = 8
RE_TITLE_CASE_WORD = regex.compile(r"""[\p{L}\p{N}][\p{L}\p{N}'’.-]*""")


def _is_title(text: str) -> bool:
    """True if a quotation's words are a title, not speech: "Morning Joe", "Face the Nation", "A Change Is Gonna Come".

    Two to eight words, every one capitalised but the short function words of a
    title, and no sentence punctuation but a final comma or full stop: the name of a programme, a book, a song or an
    event, which news sets in quotation marks too. A capitalised slogan ("Lock Her Up")
    reads the same way and is left out with them.
    """
    text = text.rstrip(",.")  # "Face the Nation," with the sentence's comma inside the marks
    if any(mark in text for mark in ".!?,;:"):
        return False
    found = RE_TITLE_CASE_WORD.findall(text)
    if not 2 <= len(found) <= TITLE_MAX_WORDS or not found[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_MINOR_WORDS for w in found)


def _closing_cue_before(
    article: Article, masked: str, cues_of: dict[int, list[_Cue]], sentence: Sentence
) -> tuple[str, str] | None:
    """The speaker and cue that end the sentence before `sentence`, in its paragraph.

    Reported speech closed by its attribution ("Talks may stall, Okafor said.") and a
    quotation opening the next sentence with no cue of its own: the same speaker goes on.
    """
    if sentence.index == 0:
        return None
    before = article.sentences[sentence.index - 1]
    if before.paragraph != sentence.paragraph:
        return None
    for cue in reversed(cues_of.get(before.index, [])):
        # The attribution closes the sentence, after what was said: "..., Okafor said (on Monday)."
        said_first = "," in masked[before.start : min(cue.attribution, cue.start)]
        if cue.speaker.name and said_first and _at_most_words(masked, cue.end, before.end, 3):
            return cue.speaker.name, cue.word
    return None


def _at_most_words(text: str, start: int, end: int, limit: int) -> bool:
    """True if `text[start:end]` has at most `limit` words (reads no further than needed)."""
    return sum(1 for _ in islice(RE_NON_SPACE_RUN.finditer(text, start, end), limit + 1)) <= limit


def _previous_paragraph_speaker(
    position: int,
    paragraphs: list[list[Sentence]],
    last_in_paragraph: dict[int, tuple[str | None, str | None]],
    cues_of: dict[int, list[_Cue]],
) -> tuple[str | None, str | None]:
    """Return the speaker and cue a quotation-only paragraph (at `position`) continues from the one before."""
    if position == 0:
        return None, None
    previous = paragraphs[position - 1]
    if last_in_paragraph.get(previous[0].paragraph, (None, None))[0] is not None:
        return last_in_paragraph[previous[0].paragraph]
    spoken = [cue for sentence in previous for cue in cues_of.get(sentence.index, []) if cue.speaker.name]
    return (spoken[-1].speaker.name, spoken[-1].word) if spoken else (None, None)
