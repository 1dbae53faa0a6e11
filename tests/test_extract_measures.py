"""What a quantity measures (`Fact.measures`): rules over news sentences, and their hard negatives."""

from __future__ import annotations

import pytest

from compare.extract.numbers import extract_numbers
from compare.records import Article, Sentence


def measures(sentence: str) -> list[tuple[str, str | None]]:
    article = Article(id="t", path="t.txt", text=sentence, sentences=(Sentence(0, sentence, 0, len(sentence), 1, 0),))
    return [(f.text, f.measures) for f in extract_numbers(article, article.sentences[0])]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # X of N: the phrase an amount is the value of.
        ("The regulator imposed a fine of $4.2 million on the lender.", [("$4.2 million", "fine")]),
        ("Savers can lock in an interest rate of 4.5% for two years.", [("4.5%", "interest rate"), ("two years", None)]),
        ("The council approved a budget of £12m for the new library.", [("£12m", "budget")]),
        # N unit of X: what a measure with a unit is a measure of.
        ("The cheapest model comes with 128GB of storage.", [("128GB", "storage")]),
        ("Exports account for 40% of the island's economy.", [("40%", "island's economy")]),
        ("Crews laid 12 miles (19 km) of new track last year.", [("12 miles", "new track"), ("19 km", "new track")]),
        # A value continued by another ("to", "at", a conversion) measures the same thing.
        (
            "Shell shares rose 12 pence to 2,450p in London.",
            [("12 pence", "Shell shares"), ("2,450p", "Shell shares")],
        ),
        ("The storm's winds reached 90 mph (145 km/h) on Tuesday.", [("90 mph", "storm's winds"), ("145 km/h", "storm's winds")]),
        # The noun an amount modifies after a determiner; a change noun is of its thing.
        ("Workers were offered a 4% pay rise.", [("4%", "pay rise")]),
        ("The chain reported a 3% increase in online sales.", [("3%", "online sales")]),
        ("Gusts brought 60mph winds to the coast.", [("60mph", "winds")]),
        # The subject a verb of having, being or change predicates the amount of.
        ("The September wheat contract was up 8 cents.", [("8 cents", "September wheat contract")]),
        ("Acme Corp (ACME), which has 4,500 employees, is based in Ohio.", [("4,500", "Acme Corp")]),
        ("Since the start of the season Maria Lopez has scored 14 goals.", [("14", "Maria Lopez")]),
        ("The average rent for a flat in Leeds is around £950.", [("£950", "average rent for a flat in Leeds")]),
        (
            "The rate of inflation is expected to rise only to 2.4% next year.",
            [("2.4%", "rate of inflation")],
        ),
        ("However the figure falls to just 60 mph in town.", [("60 mph", "figure")]),
        ("Meanwhile, imports from Japan dropped 6% in March.", [("6%", "imports from Japan")]),
        ("The bridge is 1,200 metres long.", [("1,200 metres", "bridge")]),
        ("A strike would cost the airline £30 million a day.", [("£30 million a day", "strike")]),
        # The object of a transitive verb with `by` or `to`.
        ("The update will extend the battery life by about 20%.", [("20%", "battery life")]),
        ("The central bank cut its main rate to 3.5%.", [("3.5%", "main rate")]),
        # Lists and tickers that leave out the verb.
        ("Shares of Ford were down 2.1%, GM by 1.4% and Tesla was up 3%.", [("2.1%", "Shares of Ford"), ("1.4%", "GM"), ("3%", "Tesla")]),
        ("The biggest fallers were Barratt, down 14p at 512p.", [("14p", "Barratt"), ("512p", "Barratt")]),
        ("Total floor area: 85 m2.", [("85 m2", "Total floor area")]),
        # Read back over a time phrase, a particle, an amount modifying the object.
        ("The eurozone economy in 2023 grew by just 0.4%.", [("0.4%", "eurozone economy")]),
        ("The lab managed to bring down the error rate to 0.1%.", [("0.1%", "error rate")]),
        (
            "The airline has revised its two-year capacity forecast from 6% to 4%.",
            [("two-year", "capacity forecast"), ("6%", "capacity forecast"), ("4%", "capacity forecast")],
        ),
        # An infinitive's subject after `cause`, an -ing verb before its preposition, a relative clause.
        ("Warmer seas could cause sea levels to rise 30 cm by 2100.", [("30 cm", "sea levels")]),
        ("Analysts see the euro falling to $1.02 this winter.", [("$1.02", "euro")]),
        ("The charges of the older funds, which range from 1% to 2%, were cut.", [("1% to 2%", "charges of the older funds")]),
        # Values continued by `and`, by `, up`, and a change noun with its thing.
        ("The island is about 12 miles wide and 30 miles long.", [("12 miles", "island"), ("30 miles", "island")]),
        (
            "The group expects a net profit of $1.2 billion (£950 million), up $200 million on last year.",
            [("$1.2 billion", "net profit"), ("£950 million", "net profit"), ("$200 million", "net profit")],
        ),
        ("The bank reported an increase of 7% in mortgage lending.", [("7%", "mortgage lending")]),
        ("The insurer posted a loss of 12 cents a share.", [("12 cents a share", "loss")]),
        # Money "in" what it is; a count's noun "of" what it belongs to.
        ("Investors are sitting on $2 billion in gains.", [("$2 billion", "gains")]),
        ("Three new seasons of Star Trek will stream on the service.", [("Three", "Star Trek")]),
        # A clause that states the change after a comma or an -ing link has the main subject;
        # an apposition or a month between subject and verb is read over.
        (
            "So far this year Nvidia shares have been on a tear, up nearly 40% after jumping 9% in May.",
            [("40%", "Nvidia shares"), ("9%", "Nvidia shares")],
        ),
        ("Energy, last year's worst performing sector, fell 0.9%.", [("0.9%", "Energy")]),
        ("The median price for single-family homes in May was $410,000.", [("$410,000", "median price for single-family homes")]),
        ("Rubies typically score between 8 and 9 on the scale.", [("8 and 9", "Rubies")]),
        ("The contract, worth $2.1 billion, runs to 2030.", [("$2.1 billion", "contract")]),
        # A verb of intent passes its subject to the infinitive; a milestone noun is no thing.
        ("Nokia also plans to cut 1,800 jobs in Finland.", [("1,800", "Nokia")]),
        ("The value of the housing stock reached the £3.3 trillion mark.", [("£3.3 trillion", "value of the housing stock")]),
        ("Insurers expect a bill below the $27bn cost of the hurricanes.", [("$27bn", "cost of the hurricanes")]),
        # `for` ties a price to what is bought, not a duration or a claim to its object.
        ("The state firm bought the unit for $9.3bn.", [("$9.3bn", "unit")]),
        ("Shares in Wimpey were up 6% at 458p in morning trade.", [("6%", "Shares in Wimpey"), ("458p", "Shares in Wimpey")]),
        # A change noun's object is what changed, read through to the values it reaches.
        (
            "Reuters posted a 52% rise in profits to £198m from the £130m seen a year earlier.",
            [("52%", "profits"), ("£198m", "profits"), ("£130m", "profits")],
        ),
        # A clause after a verb without `that`; an unlisted -s verb between a name and its amount.
        ("Analysts noticed profits rose 5% in the quarter.", [("5%", "profits")]),
        ("Northern Coal operates 15 deep mines.", [("15", "Northern Coal")]),
        # Stacked amounts modify one noun; an adjective takes its amount through a preposition;
        # `of all X` is X, and an -ing clause after it is not part of it.
        ("The lab won a three-year $900,000 grant.", [("three-year", "grant"), ("$900,000", "grant")]),
        ("Fraud would be punishable by five years in prison.", [("five years", "Fraud")]),
        ("About 46% of all UK adults reporting debts were young.", [("46%", "UK adults")]),
        # An age belongs to the person it is given for.
        ("Hughes, 64, has run the firm since 1998.", [("64", "Hughes")]),
        # Hard negatives: a pronoun subject, a reporting verb, an "of" phrase that is a part,
        # sentence-initial time adverbials, the object of a modal's verb, a passive agent.
        ("The company said it has more than 1,000 customers.", [("1,000", None)]),
        ("Police said two of the victims were taken to hospital.", [("two", None)]),
        ("One of the three suspects was later released.", [("three", None)]),
        ("Last year prices rose 4%.", [("4%", "prices")]),
        ("This week Tesla shares fell 7%.", [("7%", "Tesla shares")]),
        ("They would need to add ten stores to break even.", [("ten", None)]),
        ("The car was tuned by Brabus to produce 600 hp.", [("600 hp", None)]),
        ("The museum is about 90 miles wide of the city centre.", [("90 miles", "museum")]),
        # An infinitive of purpose or a noun's infinitive has the subject of the verb before it.
        ("The firm on Monday announced plans to cut 2,000 jobs.", [("2,000", "firm")]),
        ("Rescue teams used boats to reach more than 400 people.", [("400", "Rescue teams")]),
        ("She netted a record 32 goals in 36 league games.", [("32", None), ("36", None)]),
        ("It also plans to cut 200 jobs.", [("200", None)]),
        ("Deflation has plagued Japan for more than five years.", [("five years", None)]),
        ("The owner has sued the government for $28bn.", [("$28bn", None)]),
        ("The new bonds consist of two classes.", [("two", None)]),
        ("Arrivals for the week ended March 8 were 155,221 bags.", [("155,221", None)]),
        ("The lake lies 10 kilometres (six miles) east of the city.", [("10 kilometres", None), ("six miles", None)]),
        ("Net profit was 4.1 mln dlrs vs 3.2 mln dlrs.", [("4.1 mln", "Net profit"), ("3.2 mln", "Net profit")]),
        ("The pound could slide to $1.05 in the event of a downgrade.", [("$1.05", "pound")]),
    ],
)
def test_what_an_amount_measures(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    """Each rule of `compare.extract.measures` on a news sentence, and what it must not take."""
    assert expected == measures(sentence)


def test_a_table_row_is_its_own_heading() -> None:
    """In wire tables each line's label is what its amounts measure; no phrase crosses a line."""
    assert [("2.1 mln", "Revs"), ("1.8 mln", "Revs"), ("13,555,000", "Net"), ("14,635,000", "Net")] == measures(
        "Revs 2.1 mln vs 1.8 mln\n    Net 13,555,000 vs 14,635,000"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue in the quarter rose to $7.4 billion from $6.9 billion a year earlier.",
        "Shares of Urban Holdings and Ross Group were down 2.3% before the bell.",
        "The iPhone’s 6.1-inch display costs $120 to replace.",
    ],
)
def test_measures_is_written_in_the_sentence(sentence: str) -> None:
    """`measures` is words of the sentence as written, never a made-up phrase."""
    found = [thing for _, thing in measures(sentence) if thing]
    assert found
    assert all(thing in sentence for thing in found)
