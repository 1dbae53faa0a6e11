"""Direct quotations: their content, speaker and cue, and the marks that are not quotations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.extract.quotes import extract_quotes
from compare.ingest import article_from_text
from compare.records import Article, FactKind

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

Row = tuple[str, str | None, str | None]


def article(text: str) -> Article:
    """Build an article from `text` as the pipeline would."""
    return article_from_text(text, id="t", date="2025-03-30")


def rows(text: str) -> list[Row]:
    """Return (content, speaker, cue) of every quotation in `text`."""
    return [(f.text, f.speaker, f.cue) for f in extract_quotes(article(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The speaker after the quotation.
        (
            'Defense Secretary Pete Hegseth visited Tokyo. "We are ready," Mr. Hegseth said.',
            [("We are ready,", "Pete Hegseth", "said")],
        ),
        (
            '"It is extremely important to strengthen the alliance," said Hegseth.',
            [("It is extremely important to strengthen the alliance,", "Hegseth", "said")],
        ),
        (
            '"It is done," said US Defense Secretary Pete Hegseth on Sunday.',
            [("It is done,", "Pete Hegseth", "said")],
        ),
        (
            "“How many times must we see this?” Clinton said. “It needs to be intolerable.”",
            [("How many times must we see this?", "Clinton", "said"), ("It needs to be intolerable.", "Clinton", "said")],
        ),
        (
            '"Immunity deals should not be required," Oversight Chairman Jason Chaffetz (R-Utah) said.',
            [("Immunity deals should not be required,", "Jason Chaffetz", "said")],
        ),
        # A place or body attached to the speaker's name: the person speaks, not the place.
        (
            '"The water came up fast," Mayor Helen Ortiz of Castlebrook told the Herald.',
            [("The water came up fast,", "Helen Ortiz", "told")],
        ),
        # A name after a dash at the end of the quotation's line.
        (
            'Readers wrote in.\n\n“I cannot believe it.” ― Jacklyn Ashley\n\n“Me neither.” — Mark Twain.',
            [("I cannot believe it.", "Jacklyn Ashley", "―"), ("Me neither.", "Mark Twain", "―")],
        ),
        # A dash inside the line is an aside, not an attribution.
        (
            '"We will win," said Mayor Helen Ortiz — and the crowd cheered.',
            [("We will win,", "Helen Ortiz", "said")],
        ),
        # A body's name runs across `of`: not "England".
        (
            '"Rates will stay on hold," the Bank of England said.',
            [("Rates will stay on hold,", "the Bank of England", "said")],
        ),
        # The speaker before the quotation.
        (
            "On the alliance, Mr. Hegseth said, “Our forces operate and train together across all domains.”",
            [("Our forces operate and train together across all domains.", "Hegseth", "said")],
        ),
        (
            "Defense Secretary Pete Hegseth delivered a speech.\n\n"
            "He stated, “Those model allies stepping up will receive our attention.”",
            [("Those model allies stepping up will receive our attention.", "Pete Hegseth", "stated")],
        ),
        (
            "According to Nakatani, the talks were “frank and useful.”",
            [("frank and useful.", "Nakatani", "according to")],
        ),
        # A quotation broken by its cue, and several sentences inside one quotation.
        (
            'Mr. Hegseth spoke.\n\n"We must be prepared," he said. "We look forward to working together."',
            [("We must be prepared,", "Hegseth", "said"), ("We look forward to working together.", "Hegseth", "said")],
        ),
        (
            "“We must be prepared. We look forward to working closely together,” Mr. Hegseth said.",
            [("We must be prepared. We look forward to working closely together,", "Hegseth", "said")],
        ),
        # Partial quotations inside a sentence.
        (
            'Hegseth said he "did not talk specific numbers" about defence spending.',
            [("did not talk specific numbers", "Hegseth", "said")],
        ),
        (
            'But Hegseth said the previous US administration had "created this vacuum, a perception of weakness".',
            [("created this vacuum, a perception of weakness", "Hegseth", "said")],
        ),
        (
            "At the forum, Secretary Hegseth delivered a keynote speech.\n\n"
            "He cautioned against continuing to “ride coattails,” refusing to increase defense spending.",
            [("ride coattails,", "Hegseth", "cautioned")],
        ),
        (
            'The US will ensure "robust, ready and credible deterrence" in the strait, US Defense Secretary '
            'Pete Hegseth said Sunday, calling China "aggressive and coercive".',
            [
                ("robust, ready and credible deterrence", "Pete Hegseth", "said"),
                ("aggressive and coercive", "Pete Hegseth", "calling"),
            ],
        ),
        (
            'Hegseth, 44, a former infantryman and Fox News personality, hailed the "extraordinary strength" '
            "of the alliance.",
            [("extraordinary strength", "Hegseth", "hailed")],
        ),
        (
            'Nakatani, who said the plan was "sound," left early.',
            [("sound,", "Nakatani", "said")],
        ),
        # Role phrases resolve to the last person holding the title.
        (
            "US Defense Secretary Pete Hegseth met Japanese Defense Minister Gen Nakatani.\n\n"
            '"Peace through strength is back," the Pentagon chief told reporters.\n\n'
            "“We will strengthen our defense capabilities,” the defense minister said.\n\n"
            "“It will be difficult to give a general answer,” the minister said.",
            [
                ("Peace through strength is back,", "Pete Hegseth", "told"),
                ("We will strengthen our defense capabilities,", "Gen Nakatani", "said"),
                ("It will be difficult to give a general answer,", "Gen Nakatani", "said"),
            ],
        ),
        (
            '"We have no comment," the spokesman said.',
            [("We have no comment,", "the spokesman", "said")],
        ),
        # A capitalised name in marks is no one's speech, not the analysts' (see _is_title).
        (
            'President Trump\'s "America First" approach could mean weakening the commitment, analysts have warned.',
            [],
        ),
        # Content keeps ellipses and nested quotations.
        (
            "“Our job is to say we are reestablishing deterrence, peace through strength … and we will ensure "
            "it,” Mr. Hegseth said.",
            [
                (
                    "Our job is to say we are reestablishing deterrence, peace through strength … and we will ensure it,",
                    "Hegseth",
                    "said",
                )
            ],
        ),
        (
            '"I also explained our defence capability... on which we received understanding," he said.',
            [("I also explained our defence capability... on which we received understanding,", "he", "said")],
        ),
        (
            "\"He told me 'never' and I said “fine”,\" said Nakatani.",
            [("He told me 'never' and I said “fine”,", "Nakatani", "said")],
        ),
    ],
)
def test_quotations(text: str, expected: list[Row]) -> None:
    """Each quotation yields its content inside the marks, its speaker resolved to a name, and its cue."""
    assert expected == rows(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Apostrophes are not quotation marks.
        (
            "Hegseth said Japan’s allies don’t “pay enough” and that Tokyo wasn’t ready.",
            [("pay enough", "Hegseth", "said")],
        ),
        ("Japan’s leaders didn’t say what the allies’ plans were.", []),
        ("It's Japan's call, and the allies' call, he said.", []),
        # Scare quotes with no cue keep no speaker.
        (
            "Japan has been moving closer to the “global standard” of 5% of GDP.",
            [("global standard", None, None)],
        ),
        ("Burton thinks that cats are \"cuties\".", [("cuties", None, None)]),
        # An inch mark is not a quotation mark; a passive cue names the listener, not the speaker.
        ('The 12" gun "works well," the engineer said.', [("works well,", "the engineer", "said")]),
        ('Reporters were told "nothing" at the briefing.', [("nothing", None, None)]),
        # `the United States` is not the cue `states`.
        ('The United States "will not back down" in the region.', [("will not back down", None, None)]),
        # Empty quotation marks hold no quotation.
        ('He wrote "" in the box.', []),
        # A title in quotation marks is a programme, book or song, not speech.
        ('Ryan told CBS\'s "Face the Nation," that he would vote, Pence said.', []),
        ('She sang "A Change Is Gonna Come" and "Fox and Friends" aired it.', []),
        # Speech stays speech: lower-case words, sentence punctuation, one word.
        ('He called it "a Trump disaster," Ryan said.', [("a Trump disaster,", "Ryan", "said")]),
        ('"We Will Win!" the crowd chanted.\n\nRyan said "Yes."', [("We Will Win!", "the crowd", "chanted"), ("Yes.", "Ryan", "said")]),
    ],
)
def test_marks_that_are_not_quotations(text: str, expected: list[Row]) -> None:
    """Apostrophes, inch marks and empty marks yield nothing; scare quotes yield no speaker."""
    assert expected == rows(text)


def test_unclosed_quotation_stops_at_the_paragraph_end() -> None:
    """An opening mark never closed runs to its paragraph's end, one fact per sentence, and no further."""
    text = 'Hegseth said: "We will not back down. We will deter.\n\nJapan is an ally.'
    assert [
        ("We will not back down.", "Hegseth", "said"),
        ("We will deter.", "Hegseth", "said"),
    ] == rows(text)


def test_single_quotes_count_in_a_headline_line() -> None:
    """A headline-like paragraph marks quotations with single quotes; the apostrophe in `Japan’s` does not."""
    text = "Hegseth spoke on Sunday.\n\nJapan’s leaders warn of ‘severe’ threats posed by China\n\nHe left."
    assert [("severe", None, None)] == rows(text)


def test_speaker_carries_and_pronouns_resolve_over_an_article() -> None:
    """Quotation-only paragraphs continue the previous speaker; `he` is the last salient person, not the last named."""
    text = (
        'US Defense Secretary Pete Hegseth said Sunday the alliance was "stronger than ever".\n\n'
        '"America is committed to deterrence in the Indo-Pacific," Hegseth said.\n\n'
        '"America and Japan stand firmly together."\n\n'
        'Hegseth said he "did not talk specific numbers" with Japanese counterpart Gen Nakatani on Sunday.\n\n'
        '"We\'re confident that Japan will make the correct determination," he said.\n\n'
        'Nakatani said he told Hegseth that spending should be "based on Japan\'s own judgement".\n\n'
        '"I also explained our position," he said.\n\n'
        '"President Trump has made it very clear," the Pentagon chief told reporters.\n\n'
        '"We have a great relationship with Japan," Trump said this month.\n\n'
        '"I actually ask, who makes these deals?"\n\n'
        "Japan has been shedding its pacifist stance.\n\n"
        '"Expansion of our presence is a top priority," Nakatani said.'
    )
    assert [
        ("stronger than ever", "Pete Hegseth", "said"),
        ("America is committed to deterrence in the Indo-Pacific,", "Pete Hegseth", "said"),
        ("America and Japan stand firmly together.", "Pete Hegseth", "said"),
        ("did not talk specific numbers", "Pete Hegseth", "said"),
        ("We're confident that Japan will make the correct determination,", "Pete Hegseth", "said"),
        ("based on Japan's own judgement", "Gen Nakatani", "told"),
        ("I also explained our position,", "Gen Nakatani", "said"),
        ("President Trump has made it very clear,", "Pete Hegseth", "told"),
        ("We have a great relationship with Japan,", "Trump", "said"),
        ("I actually ask, who makes these deals?", "Trump", "said"),
        ("Expansion of our presence is a top priority,", "Gen Nakatani", "said"),
    ] == rows(text)


def test_value_is_the_content_without_a_trailing_comma() -> None:
    """The value holds the quoted words with white space collapsed and the comma of the attribution dropped."""
    text = 'Hegseth spoke on Sunday.\n\n"We are\nready," Mr. Hegseth said.'
    [fact] = extract_quotes(article(text))
    assert ("We are ready", "We are\nready,") == (fact.value, fact.text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_seed_facts_keep_the_invariants(path: Path) -> None:
    """Every quotation of a seed reproduces its text and line, lies in its sentence, and excludes the marks."""
    seed = article_from_text(path.read_text(encoding="utf-8"), id=path.stem)
    for fact in extract_quotes(seed):
        sentence = seed.sentences[fact.sentence]
        assert (fact.text, fact.line, FactKind.QUOTE) == (
            seed.text[fact.start : fact.end],
            seed.line_of(fact.start),
            fact.kind,
        )
        assert sentence.start <= fact.start < fact.end <= sentence.end
        assert fact.text[0] not in "\"“”" and fact.text[-1] not in "\"“”"


def test_seed_speakers() -> None:
    """The AFP seed attributes every long quotation to Hegseth, Trump or Nakatani by name, pronoun or role."""
    seed = article_from_text((SEEDS / "001_c9e7a26a5d6843c3.txt").read_text(encoding="utf-8"), id="001")
    speakers = [(f.speaker, f.value[:24]) for f in extract_quotes(seed) if len(f.value.split()) > 8]
    assert [
        ("Pete Hegseth", "make the correct determi"[:24]),
        ("Pete Hegseth", "America is committed to s"[:24]),
        ("Pete Hegseth", "created this vacuum, a pe"[:24]),
        ("Pete Hegseth", "Our job now at this momen"[:24]),
        ("Pete Hegseth", "build an alliance so robu"[:24]),
        ("Pete Hegseth", "President Trump has also "[:24]),
        ("Pete Hegseth", "America and Japan stand f"[:24]),
        ("Donald Trump", "We have a great relations"[:24]),
        ("Pete Hegseth", "We're confident that Japa"[:24]),
        ("Pete Hegseth", "They have been a model al"[:24]),
        ("Gen Nakatani", "I also explained Japan ha"[:24]),
        ("Gen Nakatani", "We will accelerate our ef"[:24]),
        ("Gen Nakatani", "Expansion of the Japan-US"[:24]),
    ] == speakers


FRAGMENTS = [
    "Mr. Hegseth said.",
    '"We must be prepared," he said.',
    "“America and Japan stand together,” the Pentagon chief told reporters.",
    "Japan’s allies don’t “pay enough” and it wasn’t clear.",
    'The 12" gun',
    '"Unclosed',
    "”Misdirected mark",
    "‘severe’",
    "''Two apostrophes,'' said Nakatani.",
    "Defense Minister Gen Nakatani said",
    "…",
    "",
    "\n",
    "\n\n",
    "He stated, “",
    "” and then",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12), st.sampled_from([" ", "\n", "\n\n"]))
def test_any_mix_keeps_the_invariants(parts: list[str], sep: str) -> None:
    """Whatever the marks, every quotation reproduces its text, stays in one sentence and is never empty."""
    text = sep.join(parts) + "."
    built = article(text)
    for fact in extract_quotes(built):
        sentence = built.sentences[fact.sentence]
        assert fact.text == built.text[fact.start : fact.end]
        assert sentence.start <= fact.start < fact.end <= sentence.end
        assert fact.text.strip() == fact.text != ""


@pytest.mark.parametrize(
    "text, expected",
    [
        # A question's cue, before or after it, and the quotation that continues it.
        (
            "“Does anyone know what the plan even is?” Ortiz asked. “Nor do I.”",
            [
                ("Does anyone know what the plan even is?", "Ortiz", "asked"),
                ("Nor do I.", "Ortiz", "asked"),
            ],
        ),
        ("“Is this the end?” asked Smith.", [("Is this the end?", "Smith", "asked")]),
        ("Nakamura continued: “We are not finished.”", [("We are not finished.", "Nakamura", "continued")]),
        # Hard negative: a request, not a quotation's cue.
        ("Ortiz asked for a vote on the “fair pay” bill.", [("fair pay", None, None)]),
    ],
)
def test_question_and_continuation_cues(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Reported speech closed by its attribution, then a quotation with no cue: the speaker goes on.
        (
            'Talks may stall for weeks, Okafor said. "The second issue is trust."',
            [("The second issue is trust.", "Okafor", "said")],
        ),
        ('The plan will fail, Smith said on Monday. "Nobody wants it."', [("Nobody wants it.", "Smith", "said")]),
        # Hard negatives: an attribution that opens its sentence; another paragraph.
        ('Police said the man fled the scene. "It was terrifying."', [("It was terrifying.", None, None)]),
        ('The plan will fail, Smith said.\n\nCritics disagree. "Nobody wants it."', [("Nobody wants it.", None, None)]),
    ],
)
def test_quotation_after_attributed_reported_speech(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We are not going anywhere!" Reyes shouted to the crowd.', [("We are not going anywhere!", "Reyes", "shouted")]),
        ('"Where is the money?" Dunn demanded.', [("Where is the money?", "Dunn", "demanded")]),
        ('A neighbour commented: "The rent is too high."', [("The rent is too high.", "A neighbour", "commented")]),
        ('Moreno said he was joking, tweeting, "Watch the clock."', [("Watch the clock.", "Moreno", "tweeting")]),
        ('Experts disagree. Said Varga: "Nothing will change."', [("Nothing will change.", "Varga", "said")]),
        # Hard negatives: `said` inside a sentence is no inverted cue; a noun is no cue.
        ('The Said family owns the "lucky" hotel.', [("lucky", None, None)]),
        ('His comments, "a disgrace" to some, drew fire.', [("a disgrace", None, None)]),
    ],
)
def test_more_cue_verbs_and_the_inverted_said(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_a_quotation_left_unclosed_before_the_next_one_opens() -> None:
    """`commented: "We can. "Not only that."`: the second mark opens a sentence, so the first quotation ends before it."""
    text = 'Manager Ana Ruiz commented: "We can do more. "Not only that, we can do it now." The plan starts in May.'
    assert [content for content, _, _ in rows(text)] == ["We can do more.", "Not only that, we can do it now."]
    # Hard negative: a closing mark right after the punctuation still closes.
    assert [content for content, _, _ in rows('"We can do more." Then she left. "Now."')] == ["We can do more.", "Now."]
