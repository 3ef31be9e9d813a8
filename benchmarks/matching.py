"""Time the matcher on large generated sources.

Run ``python benchmarks/matching.py [--sizes 100k 2M 20M] [--quotes 200]``. For each
size it prints, in seconds, how long the source takes to normalize and how long a
batch of quotes takes to locate when they occur verbatim, when they need
normalizing, when they are elided, and when they are wrong (not found, so the
closest passage is searched for).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_builder.check.matching import SourceText, locate

SIZES = {"100k": 100_000, "2M": 2_000_000, "20M": 20_000_000}


def generate_source(size: int, rng: random.Random) -> str:
    """Prose-like text: Zipf-distributed words, punctuation, curly quotes, CRLF paragraphs."""
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(1, 10))) for _ in range(20_000)]
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    paragraphs = []
    length = 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(2, 8)):
            words = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(5, 30))
            words[0] = words[0].capitalize()
            if rng.random() < 0.2:
                i = rng.randrange(len(words))
                words[i] = f"“{words[i]}”"
            if rng.random() < 0.1:
                words.insert(rng.randrange(len(words)), "—")
            sentences.append(" ".join(words) + rng.choice([".", ".", ".", "?", "…"]))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 4
    return "\r\n\r\n".join(paragraphs)[:size]


def sample_quotes(text: str, count: int, rng: random.Random) -> list[str]:
    quotes = []
    while len(quotes) < count:
        start = rng.randrange(len(text) - 400)
        start = text.index(" ", start) + 1
        words = text[start : start + 400].split(" ")[: rng.randint(6, 25)]
        quote = " ".join(words)
        if "\r" not in quote and "\n" not in quote:
            quotes.append(quote)
    return quotes


def normalized_variant(quote: str) -> str:
    return quote.replace("“", '"').replace("”", '"').replace(" ", "  ", 1).replace("—", "-")


def elided_variant(quote: str) -> str:
    words = quote.split(" ")
    return " ".join(words[:2] + ["…"] + words[4:])


def wrong_variant(quote: str, rng: random.Random) -> str:
    words = quote.split(" ")
    words[rng.randrange(len(words))] = "qqqqzz"
    return " ".join(words)


def timed(label: str, quotes: list[str], source: SourceText, expected: set[str]) -> float:
    began = time.perf_counter()
    for quote in quotes:
        match = locate(quote, source)
        if match.status not in expected:
            raise AssertionError(f"{label}: {quote!r} gave {match.status}")
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--quotes", type=int, default=200, help="quotes of each kind per source")
    args = parser.parse_args()

    print(f"{args.quotes} quotes of each kind; times in seconds for the whole batch")
    print(
        f"{'source':>8} {'generate':>9} {'normalize':>10} {'exact':>8} {'normalized':>11} {'elided':>8} {'not-found':>10}"
    )
    for name in args.sizes:
        rng = random.Random(name)
        began = time.perf_counter()
        text = generate_source(SIZES[name], rng)
        quotes = sample_quotes(text, args.quotes, rng)
        generated = time.perf_counter() - began

        source = SourceText(text)
        began = time.perf_counter()
        _ = source.normalized, source.normalized_paragraphs  # the cost of preparing a source
        normalizing = time.perf_counter() - began

        exact = timed("exact", quotes, source, {"exact"})
        normalized = timed("normalized", [normalized_variant(q) for q in quotes], source, {"exact", "normalized"})
        elided = timed("elided", [elided_variant(q) for q in quotes], source, {"elided", "exact", "normalized"})
        wrong = timed("not-found", [wrong_variant(q, rng) for q in quotes], source, {"not-found"})
        print(
            f"{name:>8} {generated:>9.2f} {normalizing:>10.2f} {exact:>8.2f} "
            f"{normalized:>11.2f} {elided:>8.2f} {wrong:>10.2f}"
        )


if __name__ == "__main__":
    main()
