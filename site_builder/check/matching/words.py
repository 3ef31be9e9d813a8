"""Counting the words of a quote."""

from __future__ import annotations

from site_builder.check.matching.elision import ELISION, INSERTION


def plain_text(quote: str) -> str:
    """The quote without elision markers and bracketed insertions, word gaps kept.

    An insertion glued to a word (``[T]he``) leaves the rest of that word.
    """
    return INSERTION.sub("", ELISION.sub(" ", quote))


def word_count(quote: str) -> int:
    """How many words the quote itself contributes, for a too-short-quote warning."""
    return sum(1 for token in plain_text(quote).split() if any(c.isalnum() for c in token))
