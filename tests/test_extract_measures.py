"""What a quantity measures (`Fact.measures`): rules over news sentences, and their hard negatives."""

from __future__ import annotations

import pytest

from compare.extract import extract_facts
from compare.extract.numbers import extract_numbers
from compare.ingest import article_from_text
from compare.records import AMOUNT_KINDS, Article, Sentence


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
        # A subject pronoun stands for the phrase it agrees with before it: an object of
        # it/they (not a reporting verb's), else a subject; he/she only for a name.
        ("The insurer also said it has more than 2,000 clients.", [("2,000", "insurer")]),
        ("Northgate Rail said it was scrapping two old trains.", [("two", "Northgate Rail")]),
        ("Meanwhile, Okafor runs a podcast, where she has 50,000 listeners.", [("50,000", "Okafor")]),
        ("The bid sent the shares soaring and they were up 12% by noon.", [("12%", "shares")]),
        ("The union told members they would get a 4% rise.", [("4%", "rise")]),
        ("The regulator said he was fined £40,000.", [("£40,000", None)]),
        # A passive's patient, not its agent, is the infinitive's subject; a participle
        # clause with `having` has the nearest subject.
        ("The car was tuned by Brabus to produce 600 hp.", [("600 hp", "car")]),
        ("The V8 engine, built by Cosworth to produce 420 hp, is lighter.", [("420 hp", "V8 engine")]),
        (
            "The trade gap widened last year having grown by $20 billion to $310 billion.",
            [("$20 billion", "trade gap"), ("$310 billion", "trade gap")],
        ),
        # Adverbs and adjectives of an amount are read over: "reportedly sold for a record".
        ("The villa reportedly sold for a record $30 million.", [("$30 million", "villa")]),
        ("The tablet is worth exactly $700.", [("$700", "tablet")]),
        ("The robot forms a queue that stretches 40 metres.", [("40 metres", "queue")]),
        ("The fee for it was $40.", [("$40", "fee")]),
        ("It cost a million dollars.", [("a million dollars", None)]),
        # A value revised, or compared with another, measures what that one measures.
        (
            "The bank now sees a full-year loss of £120m, revised down by £15m.",
            [("£120m", "full-year loss"), ("£15m", "full-year loss")],
        ),
        ("Sales were $5 million, compared with $4 million a year earlier.", [("$5 million", "Sales"), ("$4 million", "Sales")]),
        ("This year's entry fee is £45 versus last year's £40.", [("£45", "entry fee"), ("£40", "entry fee")]),
        ("Sales were $5 million, helped by a 10% price rise.", [("$5 million", "Sales"), ("10%", "price rise")]),
        ("Pay rose 5% for men and 3% for women.", [("5%", "Pay"), ("3%", "Pay")]),
        ("Sales rose 5% in the spring and 300 staff were hired.", [("5%", "Sales"), ("300", None)]),
        # A closing date and an ordinal after a determiner stay inside the phrase.
        ("Net profit for the quarter ended June 30 rose 5%.", [("5%", "Net profit for the quarter")]),
        ("Revenue of $5 million was up 3% on the year.", [("$5 million", "Revenue"), ("3%", "Revenue")]),
        ("Homes under $500,000 sell in 30 days.", [("$500,000", "Homes"), ("30 days", "Homes")]),
        ("Shares in Acme, up 5%, rise to $3.", [("5%", "Shares in Acme"), ("$3", None)]),
        # A semicolon list item of amounts alone repeats the first item's frame; one with words does not.
        (
            "Homes under $500,000 sold 20% faster; $500,000 to $1 million, 12%; and over $1 million, 5%.",
            [("$500,000", "Homes"), ("20%", "Homes"), ("$500,000 to $1 million", "Homes"), ("12%", "Homes"),
             ("$1 million", "Homes"), ("5%", "Homes")],
        ),  # fmt: skip
        ("Sales rose 5%; staff numbers fell by 300.", [("5%", "Sales"), ("300", "staff numbers")]),
        ("Prices rose 5% in London; 3%, in Leeds.", [("5%", "Prices"), ("3%", None)]),
        # An object a verb moves by the amount; not a reporting verb's.
        ("The results sent shares in Acme 5% higher.", [("5%", "shares in Acme")]),
        ("Analysts told clients 5% higher prices were likely.", [("5%", None)]),
        # A change noun alone is what changes only when no predicate says what does.
        ("Analysts said retail sales could see a 2% rebound this year.", [("2%", "retail sales")]),
        ("Gold fell to $1,810, a modest 1% drop.", [("$1,810", "Gold"), ("1%", "drop")]),
        # "N of M% X", an amount with its own article, an adjective before a name.
        ("Add 20 ml of 3% hydrogen peroxide.", [("20 ml", "hydrogen peroxide"), ("3%", "hydrogen peroxide")]),
        ("They bought a million dollar yacht.", [("a million dollar", "yacht")]),
        ("The retailer now sells the boxed Sony Walkman for $45.", [("$45", "Sony Walkman")]),
        ("The trader admitted two counts of theft saying he was sorry.", [("two", "theft")]),
        # A duration after `for` is a noun's when no verb takes that noun as its object.
        ("The club faced fines and a ban for three years.", [("three years", "ban")]),
        ("The firm signed a contract for two years.", [("two years", None)]),
        # An -ing clause: after a comma the phrase before it, else the clause's subject;
        # after an object, the subject of that object's verb; after a clause link, the main subject.
        (
            "Savers lodged £3 million of complaints, ranging from £50 to £90,000.",
            [("£3 million", "complaints"), ("£50 to £90,000", "complaints")],
        ),
        ("The lira was steady, easing to 32.1.", [("32.1", "lira")]),
        # A fronted `at N` is the value of the subject after it; the time a change took is the changed thing's.
        ("At 95 cents, the shares are cheap.", [("95 cents", "shares")]),
        ("At 3%, the rise was the smallest in a decade.", [("3%", "rise")]),
        ("Prices were steady, and at 10 there were few buyers.", [("10", None)]),
        ("The car can go from 0 to 60 mph in about 3.5 seconds.", [("0", "car"), ("60 mph", "car"), ("3.5 seconds", "car")]),
        ("She won 3 titles in 5 years.", [("3", None), ("5 years", None)]),
        # A rate's phrase against another currency is read over; a capitalised -ing word is a name.
        ("The euro rose against the dollar to $1.30.", [("$1.30", "euro")]),
        ("The yen was weaker, easing against the euro to 132.5.", [("132.5", "yen")]),
        ("Sterling fell 0.5% against the dollar.", [("0.5%", "Sterling")]),
        ("Okoro started the season averaging 21.4 points.", [("21.4", "Okoro")]),
        ("Tesla shares rose 5% on Friday after plummeting 12% in May.", [("5%", "Tesla shares"), ("12%", "Tesla shares")]),
        ("The bundle gives you a whopping 80GB of storage.", [("80GB", "storage")]),
        # A value reached by a change noun's thing; an apposition; a list item after an amount.
        ("The chain reported a 2% fall in its operating costs to £40m.", [("2%", "operating costs"), ("£40m", "operating costs")]),
        ("The tablet gets a bigger screen, 13 inches, this year.", [("13 inches", "bigger screen")]),
        ("In 2019, 300 people died.", [("300", None)]),
        ("Wheat prices rose by 4% and oats by 6%.", [("4%", "Wheat prices"), ("6%", "oats")]),
        # An age belongs to the person it is given for.
        ("Hughes, 64, has run the firm since 1998.", [("64", "Hughes")]),
        ("Acme Corp, which Bob Smith founded, employs 300 people.", [("300", "Acme Corp")]),
        # Hard negatives: a pronoun subject, a reporting verb, an "of" phrase that is a part,
        # sentence-initial time adverbials, the object of a modal's verb, a passive agent.
        ("Analysts said it has more than 1,000 customers.", [("1,000", None)]),
        ("Police said two of the victims were taken to hospital.", [("two", None)]),
        ("One of the three suspects was later released.", [("three", None)]),
        ("Last year prices rose 4%.", [("4%", "prices")]),
        ("This week Tesla shares fell 7%.", [("7%", "Tesla shares")]),
        ("They would need to add ten stores to break even.", [("ten", None)]),
        ("It was tuned by Brabus to produce 600 hp.", [("600 hp", None)]),
        ("The museum is about 90 miles wide of the city centre.", [("90 miles", "museum")]),
        # An infinitive of purpose or a noun's infinitive has the subject of the verb before it.
        ("The firm on Monday announced plans to cut 2,000 jobs.", [("2,000", "firm")]),
        ("Rescue teams used boats to reach more than 400 people.", [("400", "Rescue teams")]),
        ("She netted a record 32 goals in 36 league games.", [("32", None), ("36", None)]),
        ("It also plans to cut 200 jobs.", [("200", None)]),
        ("Deflation has plagued Japan for more than five years.", [("five years", None)]),
        ("The owner has sued the government for $28bn.", [("$28bn", None)]),
        ("The new bonds consist of two classes.", [("two", None)]),
        ("Arrivals for the week ended March 8 were 155,221 bags.", [("155,221", "Arrivals for the week")]),
        ("Until February 22 were 155,221 bags.", [("155,221", None)]),
        ("The lake lies 10 kilometres (six miles) east of the city.", [("10 kilometres", None), ("six miles", None)]),
        ("Net profit was 4.1 mln dlrs vs 3.2 mln dlrs.", [("4.1 mln dlrs", "Net profit"), ("3.2 mln dlrs", "Net profit")]),
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


def article_measures(text: str) -> list[tuple[str, str | None]]:
    """What each amount of a whole article measures, as `extract_facts` gives it."""
    return [(f.text, f.measures) for f in extract_facts(article_from_text(text, id="t")) if f.kind in AMOUNT_KINDS]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A pronoun with no antecedent in its sentence stands for the subject before it in
        # its paragraph that agrees with it: the phrase that opens the sentence first.
        (
            "Acme Corp employs 300 people in Leeds. It has 20 shops.",
            [("300", "Acme Corp"), ("20", "Acme Corp")],
        ),
        (
            "Meanwhile, Acme Corp, which Bob Smith founded, makes boilers. It has 20 shops.",
            [("20", "Acme Corp")],
        ),
        ("Maria Lopez joined the club in 2019. She has scored 14 goals this season.", [("14", "Maria Lopez")]),
        ("Shares in Acme fell sharply. They were down 12% by noon.", [("12%", "Shares in Acme")]),
        # Hard negatives: a new paragraph, a subject that does not agree, an amount that
        # already measures something in its own sentence.
        ("Acme Corp employs 300 people.\n\nIt has 20 shops.", [("300", "Acme Corp"), ("20", None)]),
        ("Analysts were gloomy on Monday. It has 1,000 customers.", [("1,000", None)]),
        ("Acme Corp makes boilers. It posted a 5% rise in sales.", [("5%", "sales")]),
        # Across sentences `he`/`she` take only a person's name, `it` no plural.
        ("The Court of Appeal ruled on Monday. He must pay £400.", [("£400", None)]),
        ("Robin Hale ruled on Monday. He must pay £400.", [("£400", "Robin Hale")]),
        ("People queued for hours. It raised $2m on the day.", [("$2m", None)]),
        # `it` before a duration is no pronoun of a thing: "it could take 15 years before".
        ("Serbia hopes to join the bloc. It may take ten years before talks end.", [("ten years", None)]),
    ],
)
def test_a_pronoun_stands_for_a_subject_before_it(text: str, expected: list[tuple[str, str | None]]) -> None:
    """`extract_facts` fills a pronoun subject's `measures` from the sentences before it in its paragraph."""
    assert expected == article_measures(text)


def test_measures_across_sentences_is_written_in_the_paragraph() -> None:
    """A measure taken across sentences is words of an earlier sentence of the same paragraph, as written."""
    text = "Northern Rail said on Monday that fares would rise. It carries 90,000 passengers a day.\n\nIt runs 300 trains."
    article = article_from_text(text, id="t")
    facts = [f for f in extract_facts(article) if f.kind in AMOUNT_KINDS]
    assert [("90,000", "Northern Rail"), ("300", None)] == [(f.text, f.measures) for f in facts]
    sentence = article.sentences[facts[0].sentence]
    earlier = [s for s in article.sentences[: sentence.index] if s.paragraph == sentence.paragraph]
    assert facts[0].measures is not None
    assert any(facts[0].measures in s.text for s in earlier)
