"""A statement gives no number that its quotes do not give."""

from __future__ import annotations

import pytest

from site_builder.check.run import check
from site_builder.check.statement_numbers import unquoted_numbers


@pytest.mark.parametrize(
    ("statement", "quote"),
    [
        ("Revenue rose to $160 million.", "revenue rose to 160,000,000 dollars"),
        ("Revenue rose to $160 million.", "revenue rose to $160m"),
        ("It opened on October 25.", "it opened on 25 October"),
        ("It opened on October 25.", "it opened on 2024-10-25"),
        ("It opened on the 25th.", "it opened on the 25 of the month"),
        ("Prices rose 25%.", "prices rose by 25 per cent"),
        ("Three ships sailed.", "3 ships sailed"),
        ("3 ships sailed.", "three ships sailed"),
        ("About 1.5 billion people.", "some 1,500 million people"),
        ("No number at all.", "nothing here"),
        ("The mast is 5 m tall.", "a mast 5 metres tall"),
    ],
)
def test_a_number_the_quote_gives_in_another_form_is_quoted(statement, quote):
    assert unquoted_numbers(statement, [quote]) == []


@pytest.mark.parametrize(
    ("statement", "quote", "named"),
    [
        ("Revenue rose to $160 million.", "revenue rose to $170 million", ["160 million"]),
        ("It fell to −5 degrees.", "it fell to 5 degrees", ["−5"]),
        ("It opened on October 25.", "it opened on 25 November", ["October 25"]),
        ("It rose 25%, then 30%.", "it rose 25 per cent", ["30"]),
        ("The war lasted from 1914 to 1918.", "the war began in 1914", ["1918"]),
    ],
)
def test_a_number_no_quote_gives_is_named(statement, quote, named):
    assert [number.text for number in unquoted_numbers(statement, [quote])] == named


def test_the_check_warns_where_the_statement_says_what_no_quote_says(project):
    project.source("s", "The harbour cost 170 million dollars and opened in 1851.")
    project.sheet(
        "x",
        "title: X\nfacts:\n  - id: cost\n    statement: The harbour cost $160 million.\n    citations:\n"
        "      - source: s\n        quote: The harbour cost 170 million dollars\n"
        "  - id: opened\n    statement: The harbour opened in 1851.\n    citations:\n"
        "      - source: s\n        quote: opened in 1851\n",
    )
    report = check(project.root)
    found = [(x.code, x.severity, x.line, x.message) for x in report.diagnostics]
    assert found == [
        (
            "statement-number-unquoted",
            "warning",
            3,
            "fact 'cost': the statement says '160 million', which none of its quotes says",
        )
    ]
