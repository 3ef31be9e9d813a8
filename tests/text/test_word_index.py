"""The index of words a wrong quote is looked up in: where the quote comes from, in a large source."""

from __future__ import annotations

import random

from site_builder.check.matching import SourceText, locate


def common_words_source(seed: int) -> tuple[list[str], SourceText]:
    """60,000 words drawn from 60 common ones (each found about a thousand times), and one rare
    word, ``haltbar``, found once."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 7))) for _ in range(60)]
    words = rng.choices(vocabulary, k=60_000)
    words[45_000] = "haltbar"
    return words, SourceText(" ".join(words))


def test_one_rare_wrong_word_does_not_pull_the_search_away_from_the_rest_of_the_quote():
    words, source = common_words_source(11)
    for at in (1_000, 20_000, 52_000):
        true = " ".join(words[at : at + 8])
        wrong = " ".join(words[at : at + 3] + ["haltbar"] + words[at + 4 : at + 8])
        assert not locate(wrong, source).found
        assert locate(wrong, source).suggestion.text == true


def test_a_quote_of_common_words_with_one_left_out_finds_its_passage():
    words, source = common_words_source(12)
    for at in (3_000, 33_000):
        true = " ".join(words[at : at + 10])
        wrong = " ".join(words[at : at + 4] + words[at + 5 : at + 10])
        assert locate(wrong, source).suggestion.text == true


def test_once_the_index_is_built_every_quote_in_the_source_is_still_found():
    words, source = common_words_source(13)
    locate("qqq zzz www", source)  # a wrong quote builds the index, which then turns wrong quotes away early
    assert "word_index" in source.__dict__
    text = source.text
    for at in range(0, 59_000, 997):
        quote = " ".join(words[at : at + 6])
        assert text[locate(quote, source).span.start :].startswith(quote)
