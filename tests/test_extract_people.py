"""People named with a title: the forms, the folded titles, the organisations, and what is no title."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.extract.people import (
    canonical_names,
    extract_people,
    normalise_title,
    resolve_name,
)
from compare.ingest import article_from_text
from compare.records import Article, FactKind

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

Row = tuple[str, str, str | None, str | None, bool]


def article(text: str) -> Article:
    """Build an article from `text` as the pipeline would."""
    return article_from_text(text, id="t", date="2025-03-30")


def rows(text: str) -> list[Row]:
    """Return (text, value, title, org, former) of every person fact in `text`."""
    return [(f.text, str(f.value), f.title, f.org, f.former) for f in extract_people(article(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Title before the name.
        (
            "Prime Minister Shigeru Ishiba wrapped up the meeting on Sunday.",
            [("Prime Minister Shigeru Ishiba", "Shigeru Ishiba", "prime minister", None, False)],
        ),
        (
            "Mr. Ishiba and Defense Minister Gen Nakatani vowed to work with the United States.",
            [("Defense Minister Gen Nakatani", "Gen Nakatani", "defense minister", None, False)],
        ),
        (
            "The prime minister and Japanese Defense Minister Gen Nakatani both vowed to work together.",
            [("Japanese Defense Minister Gen Nakatani", "Gen Nakatani", "defense minister", "Japan", False)],
        ),
        (
            "On Saturday, US Secretary of Defense Pete Hegseth reiterated the warning.",
            [("US Secretary of Defense Pete Hegseth", "Pete Hegseth", "defense secretary", "United States", False)],
        ),
        (
            "TOKYO — U.S. Defense Secretary Pete Hegseth and Japanese Prime Minister Shigeru Ishiba met.",
            [
                ("U.S. Defense Secretary Pete Hegseth", "Pete Hegseth", "defense secretary", "United States", False),
                ("Japanese Prime Minister Shigeru Ishiba", "Shigeru Ishiba", "prime minister", "Japan", False),
            ],
        ),
        (
            "Asked about Chinese President Xi Jinping’s order to his military, he declined to answer.",
            [("Chinese President Xi Jinping", "Xi Jinping", "president", "China", False)],
        ),
        (
            "He also referenced Deputy Assistant Secretary of Defense Elbridge Colby’s 2021 work.",
            [
                (
                    "Deputy Assistant Secretary of Defense Elbridge Colby",
                    "Elbridge Colby",
                    "deputy assistant secretary of defense",
                    None,
                    False,
                )
            ],
        ),
        (
            "NATO Secretary General Mark Rutte welcomed the pledge.",
            [("NATO Secretary General Mark Rutte", "Mark Rutte", "secretary general", "NATO", False)],
        ),
        (
            "Japan's Minister of Defence Gen Nakatani met him.",
            [("Japan's Minister of Defence Gen Nakatani", "Gen Nakatani", "defense minister", "Japan", False)],
        ),
        (
            "The British PM Keir Starmer called it a good day.",
            [("British PM Keir Starmer", "Keir Starmer", "prime minister", "United Kingdom", False)],
        ),
        (
            "Japanese Foreign Minister Toshimitsu Motegi, when asked, declined to comment.",
            [("Japanese Foreign Minister Toshimitsu Motegi", "Toshimitsu Motegi", "foreign minister", "Japan", False)],
        ),
        (
            "Hegseth urged that Secretary Hegseth, in order to deter, be given more troops.",
            [("Secretary Hegseth", "Hegseth", "secretary", None, False)],
        ),
        (
            "Pentagon chief Pete Hegseth landed in Tokyo.",
            [("Pentagon chief Pete Hegseth", "Pete Hegseth", "defense secretary", "United States", False)],
        ),
        (
            "Chairman of the Joint Chiefs Gen. Dan Caine and Defense Secretary Gen. Dan Caine met.",
            [("Defense Secretary Gen. Dan Caine", "Dan Caine", "defense secretary", None, False)],
        ),
        # A rank before the country is the title's: an assistant secretary is not the secretary.
        (
            "Assistant U.S. Treasury Secretary Lena Marsh will brief the committee on Thursday.",
            [("Assistant U.S. Treasury Secretary Lena Marsh", "Lena Marsh", "assistant treasury secretary", "United States", False)],
        ),
        (
            "Former Deputy U.S. Defense Secretary Tom Reyes and U.S. Defense Secretary Ann Cole spoke.",
            [
                ("Former Deputy U.S. Defense Secretary Tom Reyes", "Tom Reyes", "deputy defense secretary", "United States", True),
                ("U.S. Defense Secretary Ann Cole", "Ann Cole", "defense secretary", "United States", False),
            ],
        ),
        # No longer held.
        (
            "Former US President Joe Biden and Fumio Kishida, Japan's prime minister at the time, announced it.",
            [
                ("Former US President Joe Biden", "Joe Biden", "president", "United States", True),
                ("Fumio Kishida, Japan's prime minister at the time", "Fumio Kishida", "prime minister", "Japan", True),
            ],
        ),
        (
            "A statue honours the late Prime Minister Shinzo Abe in Nara.",
            [("the late Prime Minister Shinzo Abe", "Shinzo Abe", "prime minister", None, True)],
        ),
        (
            "The talks were led by then-Prime Minister Fumio Kishida and ex-President Moon Jae-in.",
            [
                ("then-Prime Minister Fumio Kishida", "Fumio Kishida", "prime minister", None, True),
                ("ex-President Moon Jae-in", "Moon Jae-in", "president", None, True),
            ],
        ),
        (
            "The plan was drawn up by former West German Chancellor Ulrich Brandtner and the deposed President Ramon Ortiz.",
            [
                ("former West German Chancellor Ulrich Brandtner", "Ulrich Brandtner", "chancellor", "Germany", True),
                ("deposed President Ramon Ortiz", "Ramon Ortiz", "president", None, True),
            ],
        ),
        (
            "West German Chancellor Ulrich Brandtner met the ousted President Ramon Ortiz in exile.",
            [
                ("German Chancellor Ulrich Brandtner", "Ulrich Brandtner", "chancellor", "Germany", False),
                ("ousted President Ramon Ortiz", "Ramon Ortiz", "president", None, True),
            ],
        ),
        # Appositives.
        (
            "Mark Rutte, the secretary general of NATO, said the target was fair.",
            [("Mark Rutte, the secretary general of NATO", "Mark Rutte", "secretary general", "NATO", False)],
        ),
        (
            "Gen Nakatani, Japan's defense minister, said Tokyo would decide.",
            [("Gen Nakatani, Japan's defense minister", "Gen Nakatani", "defense minister", "Japan", False)],
        ),
    ],
)
def test_titled_people(text: str, expected: list[Row]) -> None:
    """Each form of title and name yields the name, the folded title, its organisation and whether it is former."""
    assert expected == rows(text)


def test_a_name_broken_by_a_hard_wrap_is_one_name() -> None:
    """Wire copy wraps lines at a fixed width, between a first name and a surname as anywhere."""
    text = (
        "The new deputy was sworn in at a short ceremony on Tuesday. As the\n"
        "closest aide of the newly appointed Treasury Secretary Owen\n"
        "Hartley, she will handle the talks with the lenders and the rating\n"
        "agencies, and report to the cabinet every month on them, a spokesman\n"
        "said.\n"
    )
    assert [("Treasury Secretary Owen\nHartley", "Owen Hartley", "treasury secretary", None, False)] == rows(text)


def test_a_wrapped_name_stops_at_the_next_lines_first_word_that_names_no_one() -> None:
    """Across a hard wrap a name takes only name words: a weekday or a title word on the next line stays out."""
    text = (
        "Japanese Finance Minister Kenji Arai lunched with Treasury Secretary Owen Hartley\n"
        "Monday, and the two men talked about the yen and the trade gap for an\n"
        "hour, his spokesman told reporters waiting outside the building in the\n"
        "rain.\n"
    )
    assert [
        ("Japanese Finance Minister Kenji Arai", "Kenji Arai", "finance minister", "Japan", False),
        ("Treasury Secretary Owen Hartley", "Owen Hartley", "treasury secretary", None, False),
    ] == rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "During a press conference at the Defense Ministry, he spoke.",
        "Our job at the Defense Department is to build an alliance.",
        "With that being said, the Ministry of Defense is going to communicate closely.",
        "Hegseth said he did not talk specific numbers with Japanese counterpart Gen Nakatani on Sunday.",
        "The leaders agreed to move quicker on preparations for the prime minister’s official visit.",
        "Mr. Hegseth and Mr. Nakatani said they did not discuss specific figures.",
        "Gen. Charles Brown inspected the troops.",
        "The two defense chiefs discussed the severe security situation.",
        "It was the first time the president Monday spoke about it.",
        "She served as prime minister Japan had never seen before.",
        "Defense Secretary: allies who avoid responsibility will face consequences.",
        "Hegseth, 44, a former infantryman and Fox News personality, hailed the alliance.",
    ],
)
def test_no_person_without_an_office(text: str) -> None:
    """Bodies (`Defense Ministry`), honorifics, `counterpart`, possessive titles and lone titles yield no person."""
    assert [] == rows(text)


def test_short_name_takes_the_full_name_seen_elsewhere() -> None:
    """`President Trump` takes the full name the article gives elsewhere."""
    text = "US President Donald Trump's approach is clear.\n\nHegseth said President Trump plans to leverage ties."
    assert ["Donald Trump", "Donald Trump"] == [f.value for f in extract_people(article(text))]


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Secretary of Defense", "defense secretary"),
        ("Defense Secretary", "defense secretary"),
        ("Defence Secretary", "defense secretary"),
        ("Secretary of War", "defense secretary"),
        ("Pentagon chief", "defense secretary"),
        ("Minister of Defense", "defense minister"),
        ("Defence Minister", "defense minister"),
        ("minister of defence", "defense minister"),
        ("PM", "prime minister"),
        ("Prime  Minister", "prime minister"),
        ("Minister for Foreign Affairs", "foreign minister"),
        ("Foreign Minister", "foreign minister"),
        ("Secretary of State", "secretary of state"),
        ("Secretary of the Treasury", "treasury secretary"),
        ("Deputy Assistant Secretary of Defense", "deputy assistant secretary of defense"),
        ("Deputy Secretary of Defense", "deputy defense secretary"),
        ("Secretary-General", "secretary general"),
        ("Chief Cabinet Secretary", "chief cabinet secretary"),
        ("Vice President", "vice president"),
        ("Sen.", "senator"),
    ],
)
def test_normalise_title(title: str, expected: str) -> None:
    """Equivalent forms of a title fold into one lower-case form; rank words are kept."""
    assert expected == normalise_title(title)


def test_canonical_names_map_surnames_to_full_names() -> None:
    """Surnames map to the full name seen in the article; places and titles do not become names."""
    text = (
        "Defense Secretary Pete Hegseth visited the Taiwan Strait region.\n\n"
        "Hegseth met his Japanese counterpart Gen Nakatani in Tokyo.\n\n"
        "Nakatani said the U.S. Forces Japan would be upgraded."
    )
    names = canonical_names(article(text))
    assert ("Pete Hegseth", "Gen Nakatani") == (names["Hegseth"], names["Nakatani"])
    assert [] == [key for key in ("Strait", "Japan", "Secretary", "Forces") if key in names]


def test_a_sentences_first_word_is_no_first_name_when_the_article_writes_it_in_lower_case() -> None:
    """`Today Okafor said` names Okafor, not a `Today Okafor`: the article writes `today` elsewhere.

    The trade-off: `Rose Adeyemi` opening a sentence in an article that writes `rose`
    is read as `Adeyemi` there; her full name is still learnt where it stands mid-sentence.
    """
    text = (
        "Today Okafor said the port would reopen, and the harbour board repeated it today.\n\n"
        "Rose Adeyemi, who chairs the board, said the fees rose in March.\n\n"
        "The board, chaired by Rose Adeyemi since 2019, meets on Fridays.\n"
    )
    names = canonical_names(article(text))
    assert "Today Okafor" not in names.values()
    assert "Rose Adeyemi" == names["Adeyemi"]
    opening = canonical_names(article(text.split("\n\nThe board")[0] + "\n"))
    assert "Adeyemi" not in opening


def test_a_titled_short_name_stands_for_the_full_name_written_with_its_title() -> None:
    """`Governor Okafor` is `Ada Okafor`, written `Governor Ada Okafor` above, though `Ben Okafor` is named more often."""
    text = (
        "Ben Okafor opened the gallery, and Ben Okafor thanked its donors before Ben Okafor left.\n\n"
        "Governor Ada Okafor spoke on Monday, and Governor Okafor said the bridge would open in May.\n"
    )
    assert [("Governor Ada Okafor", "Ada Okafor"), ("Governor Okafor", "Ada Okafor")] == [
        (f.text, f.value) for f in extract_people(article(text))
    ]


def test_canonical_names_prefer_the_more_frequent_full_name() -> None:
    """Two full names sharing a surname: the one written more often wins."""
    text = (
        "Hillary Clinton spoke.\n\nBill Clinton listened.\n\nHillary Clinton left.\n\nClinton said nothing."
    )
    assert "Hillary Clinton" == canonical_names(article(text))["Clinton"]


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Mr. Hegseth", "Pete Hegseth"),
        ("Hegseth", "Pete Hegseth"),
        ("Hegseth’s", "Pete Hegseth"),
        ("Pete Hegseth", "Pete Hegseth"),
        ("Ms. Takaichi", "Takaichi"),
    ],
)
def test_resolve_name(phrase: str, expected: str) -> None:
    """Honorifics and possessives are dropped and a surname resolves to the full name."""
    assert expected == resolve_name(phrase, {"Hegseth": "Pete Hegseth", "Pete Hegseth": "Pete Hegseth"})


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_seed_facts_keep_the_invariants(path: Path) -> None:
    """Every person fact of a seed reproduces its text, line and sentence."""
    seed = article_from_text(path.read_text(encoding="utf-8"), id=path.stem)
    for fact in extract_people(seed):
        sentence = seed.sentences[fact.sentence]
        assert (fact.text, fact.line, FactKind.PERSON) == (
            seed.text[fact.start : fact.end],
            seed.line_of(fact.start),
            fact.kind,
        )
        assert sentence.start <= fact.start < fact.end <= sentence.end


def test_seed_people() -> None:
    """The Washington Times seed names its four office holders with folded titles."""
    seed = article_from_text((SEEDS / "002_3a1f343924c775c8.txt").read_text(encoding="utf-8"), id="002")
    assert [
        ("Pete Hegseth", "defense secretary", None),
        ("Shigeru Ishiba", "prime minister", "Japan"),
        ("Gen Nakatani", "defense minister", None),
        ("Pete Hegseth", "secretary", None),
        ("Xi Jinping", "president", "China"),
        ("Trump", "president", None),
    ] == [(f.value, f.title, f.org) for f in extract_people(seed)]


PERSON_FRAGMENTS = [
    "Prime Minister Shigeru Ishiba",
    "Japanese Defense Minister Gen Nakatani said.",
    "Fumio Kishida, Japan's prime minister at the time,",
    "Former US President",
    "Secretary of Defense",
    "the Defense Ministry",
    "Gen.",
    "Mr. Hegseth",
    "President Trump’s",
    "NATO Secretary General",
    "and",
    "\n\n",
]


@given(st.lists(st.sampled_from(PERSON_FRAGMENTS), max_size=10))
def test_any_mix_keeps_the_invariants(parts: list[str]) -> None:
    """Whatever the words, every person fact reproduces its text and stays in one sentence."""
    built = article(" ".join(parts) + ".")
    for fact in extract_people(built):
        sentence = built.sentences[fact.sentence]
        assert fact.text == built.text[fact.start : fact.end]
        assert sentence.start <= fact.start < fact.end <= sentence.end
        assert fact.value and fact.title


def test_region_named_america_is_not_the_united_states() -> None:
    """`Diageo North America president Ivan Menezes` is no office of the United States."""
    from compare.ingest import article_from_text

    article = article_from_text(
        'The US market is growing, said Diageo North America president Ivan Menezes on Monday.\n', id="t"
    )
    assert all(f.org != "United States" for f in extract_people(article))
