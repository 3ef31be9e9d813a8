"""Other projects' anchoring tests, ported, and how the matcher's verdict compares with theirs.

``peer_cases.yml`` holds each case as its project's test states it: a source text, a quote
(with prefix and suffix), and where the project expects the quote to be found, or that it is
not found. A case's class says how the matcher's verdict compares with the project's:

- ``agree``: found at the same place, or not found by either;
- ``stricter``: the project finds it, the matcher does not, and its answer still points at that
  place (a suggested passage over it, or the place among the occurrences whose context failed),
  or the matcher takes a later place the project's own matcher takes too; the case says why the
  matcher is stricter there, by design;
- ``looser``: the project does not find it, the matcher does;
- ``wrong``: found elsewhere, or not found with nothing pointing at the project's place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from site_builder.check.matching.locate import Match, Span, locate
from site_builder.text.boundaries import whole_words
from site_builder.text.source_text import SourceText

CASES_FILE = Path(__file__).with_name("peer_cases.yml")
CLASSES = ("agree", "stricter", "looser", "wrong")
#: a suggested passage points at the expected place when it is that place widened to whole words,
#: or shares at least this share of the two spans' union with it
_SHARED = 0.5


@dataclass(frozen=True)
class Origin:
    repo: str
    path: str
    license: str


@dataclass(frozen=True)
class PeerCase:
    id: str  # the project, and the test case as it is named there
    origin: Origin
    peer: str  # the case in the project's own terms (its quote, or its text directive)
    text: str
    quote: str
    prefix: str | None
    suffix: str | None
    expected: tuple[Span, ...]  # where the project finds the quote (any one of them); none: not found
    also: tuple[Span, ...]  # later places the project's matcher takes too, after the first
    ambiguous: bool  # the project finds the quote in more than one place
    verdict: str  # the class the case is held to: agree, or stricter (by design)
    why: str  # why the matcher is stricter there
    gap: str | None  # a known wrong or looser verdict of the matcher, to be fixed in it
    needs_icu: bool  # Chinese or Japanese words as ICU's segmenter finds them (icu4py: Python 3.11+)


def load_cases(path: Path = CASES_FILE) -> list[PeerCase]:
    data = yaml.safe_load(path.read_text("utf-8"))
    origins = {key: Origin(**value) for key, value in data["origins"].items()}
    sources: dict[str, str] = data["sources"]
    cases = [_case(raw, origins, sources) for raw in data["cases"]]
    twice = [name for name, count in Counter(c.id for c in cases).items() if count > 1]
    if twice:
        raise ValueError(f"case ids used twice: {twice}")
    return cases


def _case(raw: dict[str, Any], origins: dict[str, Origin], sources: dict[str, str]) -> PeerCase:
    origin_key = raw["in"]
    text = raw["text"] if "text" in raw else sources[raw["source"]]
    found = raw["found"]
    if found is False:
        expected: tuple[Span, ...] = ()
    elif raw.get("any"):
        expected = tuple(_occurrences(text, found))
    else:
        expected = (expected_span(text, found, raw.get("around", found)),)
    also = tuple(expected_span(text, place, place) for place in raw.get("also", ()))
    verdict = raw.get("verdict", "agree")
    if verdict not in ("agree", "stricter"):
        raise ValueError(f"{raw['case']}: a case is held to agree or stricter, not {verdict}")
    if verdict == "stricter" and not raw.get("why"):
        raise ValueError(f"{raw['case']}: a stricter case says why")
    return PeerCase(
        id=f"{origin_key}/{raw['case']}",
        origin=origins[origin_key],
        peer=raw.get("peer", raw["quote"]),
        text=text,
        quote=raw["quote"],
        prefix=raw.get("prefix"),
        suffix=raw.get("suffix"),
        expected=expected,
        also=also,
        ambiguous=raw.get("ambiguous", False),
        verdict=verdict,
        why=raw.get("why", ""),
        gap=raw.get("gap"),
        needs_icu=bool(raw.get("needs_icu")),
    )


def expected_span(text: str, found: str, around: str) -> Span:
    """The place of ``found`` within the first occurrence of ``around`` in ``text``.

    ``around`` names the place without offsets: a longer stretch of the text that holds it."""
    at = text.find(around)
    if at == -1:
        raise ValueError(f"{around!r} does not occur in the source")
    inner = around.find(found)
    if inner == -1:
        raise ValueError(f"{found!r} is not within {around!r}")
    return Span(at + inner, at + inner + len(found))


def _occurrences(text: str, found: str) -> list[Span]:
    at = text.find(found)
    if at == -1:
        raise ValueError(f"{found!r} does not occur in the source")
    spans = []
    while at != -1:
        spans.append(Span(at, at + len(found)))
        at = text.find(found, at + 1)
    return spans


def run(case: PeerCase) -> Match:
    return locate(case.quote, SourceText(case.text), prefix=case.prefix, suffix=case.suffix)


def classify(case: PeerCase, match: Match) -> str:
    """How the matcher's ``match`` compares with the project's expectation."""
    if not case.expected:
        return "looser" if match.found else "agree"
    if match.found:
        assert match.span is not None
        place = _trimmed(case.text, match.span)
        if case.ambiguous and not match.ambiguous:
            return "wrong"
        if any(place == _trimmed(case.text, span) for span in case.expected):
            return "agree"
        if any(place == _trimmed(case.text, span) for span in case.also):
            return "stricter"  # the project's first place is one the matcher does not take
        return "wrong"
    return "stricter" if any(points_at(case.text, match, span) for span in case.expected) else "wrong"


def points_at(text: str, match: Match, place: Span) -> bool:
    """Whether a quote that was not found is still shown at ``place``: among the occurrences whose
    prefix or suffix failed, or as the suggested passage."""
    wanted = _trimmed(text, place)
    if any(_trimmed(text, span) == wanted for span in match.occurrences):
        return True
    if match.suggestion is None:
        return False
    start, end = match.suggestion.start, match.suggestion.end
    if (start, end) == whole_words(text, *wanted):
        return True
    shared = min(end, wanted[1]) - max(start, wanted[0])
    union = max(end, wanted[1]) - min(start, wanted[0])
    return shared > 0 and shared / union >= _SHARED


def _trimmed(text: str, span: Span) -> tuple[int, int]:
    """The span without the white space at its ends (peers differ in keeping it)."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
