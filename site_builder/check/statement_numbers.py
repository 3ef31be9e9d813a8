"""Every number a statement gives is one its quotes give: a statement that says 160 million while
its quote says 170 million states what no source proves, though every quote stands.

Numbers are compared by value, so ``160 million``, ``160,000,000`` and ``$160m`` agree, and so do
``25th`` and ``25``, ``25 %`` and ``25 per cent``; dates by day and month, so ``October 25``,
``25 October`` and ``2024-10-25`` agree. A quote may spell a small number out (``three``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
#: short scales, read only when written against the number (``$160m``; ``5 m`` is five metres)
SHORT_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "tn": 10**12}
WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
WORDS.update({"hundred": 100, "dozen": 12})

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_SHORT_SCALE = "|".join(sorted(SHORT_SCALES, key=len, reverse=True))
#: a number as written: a sign only where no word or digit stands before it, thousands separated by
#: commas, thin or no-break spaces, a decimal part, an ordinal ending, a scale word
_NUMBER = re.compile(
    rf"(?<![\w.,])(?P<sign>[-\u2212])?(?P<digits>\d{{1,3}}(?:[,\u202f\u00a0]\d{{3}})+|\d+)(?P<decimals>[.,]\d+)?"
    rf"(?:st|nd|rd|th)?(?:\s?(?P<scale>{_SCALE})\b|(?P<short>{_SHORT_SCALE})\b)?",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{_MONTH})\.?(?!\w)", re.IGNORECASE
)
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b\d{4}-(?P<month>\d{2})-(?P<day>\d{2})\b")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class StatedNumber:
    """A number or a date as the statement writes it, and what it stands for."""

    text: str
    value: Decimal | tuple[int, int]  # a number's value, or a date's (month, day)


def _value(match: re.Match[str]) -> Decimal | None:
    digits = re.sub(r"[,\u202f\u00a0]", "", match["digits"])
    decimals = (match["decimals"] or "").replace(",", ".")
    try:
        value = Decimal(digits + decimals)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None
    value *= _scale(match)
    return -value if match["sign"] else value


def _scale(match: re.Match[str]) -> int:
    if match["scale"]:
        return SCALES[match["scale"].lower()]
    return SHORT_SCALES[match["short"].lower()] if match["short"] else 1


_MONTH_STARTS = tuple(sorted({name[:3] for name in MONTHS}))
_DIGIT = re.compile(r"\d")


def _names_a_month(text: str) -> bool:
    """Whether a month's name may stand in ``text``: a quick test before the date patterns."""
    lower = text.lower()
    return any(start in lower for start in _MONTH_STARTS)


def _dates(text: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """Each date's text, place and (month, day)."""
    out = []
    for pattern in (_DAY_MONTH, _MONTH_DAY) if _names_a_month(text) else ():
        for match in pattern.finditer(text):
            day = int(match["day"])
            if 1 <= day <= 31:
                out.append((match[0], match.span(), (MONTHS[match["month"].lower()], day)))
    for match in _ISO_DATE.finditer(text) if "-" in text else ():
        month, day = int(match["month"]), int(match["day"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.append((match[0], match.span(), (month, day)))
    return out


def stated_numbers(statement: str) -> list[StatedNumber]:
    """The numbers and dates a statement gives, in order; a date's day is not counted again as a number."""
    dates = _dates(statement)
    taken = [span for _, span, _ in dates]
    found: list[tuple[int, StatedNumber]] = [(span[0], StatedNumber(text, value)) for text, span, value in dates]
    for match in _NUMBER.finditer(statement):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = _value(match)
        if value is not None:
            found.append((match.start(), StatedNumber(match[0].strip(), value)))
    return [number for _, number in sorted(found, key=lambda pair: pair[0])]


def quoted_values(quotes: Sequence[str]) -> set[Decimal | tuple[int, int]]:
    """Every value the quotes give: numbers (with and without their scale word), spelled-out
    numbers, and dates."""
    values: set[Decimal | tuple[int, int]] = set()
    for quote in quotes:
        values.update(value for _, _, value in _dates(quote))
        for match in _NUMBER.finditer(quote):
            value = _value(match)
            if value is not None:
                values.add(value)
                values.add(value / _scale(match))
        for word in _WORD.findall(quote):
            if word.lower() in WORDS:
                values.add(Decimal(WORDS[word.lower()]))
    return values


def unquoted_numbers(statement: str, quotes: Sequence[str]) -> list[StatedNumber]:
    """The numbers and dates of ``statement`` that none of ``quotes`` gives."""
    return list(_unquoted(statement, tuple(quotes)))


@lru_cache(maxsize=1 << 16)  # a preview checks the same facts again after each edit
def _unquoted(statement: str, quotes: tuple[str, ...]) -> tuple[StatedNumber, ...]:
    if not _DIGIT.search(statement):  # every number and date a statement gives is written in digits
        return ()
    stated = stated_numbers(statement)
    if not stated:
        return ()
    quoted = quoted_values(quotes)
    return tuple(number for number in stated if number.value not in quoted)
