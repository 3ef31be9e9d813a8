"""The matcher against other projects' anchoring tests: every ported case agrees with the project,
or is stricter by design while still pointing at the project's place (``peer_cases.yml``).

A case the matcher is known to get wrong (or looser) carries its ``gap`` and is an expected failure
until the matcher is fixed: strict, so that fixing it shows here.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from peer_verdicts import PeerCase, classify, load_cases, run

from site_builder.check.matching.locate import Match, Span, Suggestion
from site_builder.text import segments

CASES = load_cases()


def _param(case: PeerCase) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case.gap)] if case.gap else []
    if case.needs_icu:
        marks.append(pytest.mark.skipif(not segments.AVAILABLE, reason="ICU's wheel needs Python 3.11"))
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_peer_case(case: PeerCase) -> None:
    match = run(case)
    found = case.text[match.span.start : match.span.end] if match.span else None
    suggested = match.suggestion.text if match.suggestion else None
    assert classify(case, match) == case.verdict, (
        f"{case.origin.repo} {case.origin.path}: {case.peer!r} -> {match.status} {found!r}, "
        f"suggested {suggested!r}, problem {match.problem!r}"
    )


def _case(text: str, expected: tuple[Span, ...]) -> PeerCase:
    return replace(CASES[0], text=text, expected=expected, also=(), ambiguous=False)


def test_a_quote_found_where_the_project_finds_nothing_is_looser() -> None:
    case = _case("three blind mice", ())
    assert classify(case, Match("exact", Span(6, 11), occurrences=(Span(6, 11),))) == "looser"


def test_a_quote_found_at_another_place_is_wrong() -> None:
    case = _case("three blind mice", (Span(6, 11),))
    assert classify(case, Match("exact", Span(0, 5), occurrences=(Span(0, 5),))) == "wrong"


def test_a_quote_not_found_is_stricter_only_where_the_suggestion_points_at_the_place() -> None:
    case = _case("three blind mice", (Span(6, 11),))
    near = Match("not-found", suggestion=Suggestion("blind", 6, 11, 90.0))
    far = Match("not-found", suggestion=Suggestion("mice", 12, 16, 90.0))
    assert classify(case, near) == "stricter"
    assert classify(case, far) == "wrong"


def test_a_context_that_failed_at_the_place_is_stricter() -> None:
    case = _case("three blind mice", (Span(6, 11),))
    assert classify(case, Match("not-found", occurrences=(Span(6, 11),), problem="suffix")) == "stricter"
    assert classify(case, Match("not-found", occurrences=(Span(0, 5),), problem="suffix")) == "wrong"


def test_a_later_place_the_project_also_takes_is_stricter_only_when_the_case_names_it() -> None:
    case = replace(_case("This is it, this is", (Span(0, 7),)), also=(Span(12, 19),))
    assert classify(case, Match("exact", Span(12, 19), occurrences=(Span(12, 19),))) == "stricter"
    assert classify(replace(case, also=()), Match("exact", Span(12, 19), occurrences=(Span(12, 19),))) == "wrong"
