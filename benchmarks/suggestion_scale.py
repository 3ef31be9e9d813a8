"""The closest passage at scale: 1,000 wrong quotes in a 20 MB source.

Run ``python benchmarks/suggestion_scale.py [--size 20M] [--quotes 1000] [--seed 5]``.

The source is English prose generated deterministically: a chain of word pairs learnt from
the project's own prose (README.md, ARCHITECTURE.md and the seeds, so the figures move when
those are rewritten; compare runs on the same ones), in
paragraphs of sentences, with numbers, and with rare words sprinkled in the way real texts have
them (a word that occurs once or twice in the whole source). Quotes of 6 to 25 words that occur
once are taken from it, and each is changed once:

- ``substituted``: a word replaced by another word of the source;
- ``rare word``: a word replaced by a word found only once to three times elsewhere in the source
  (the case where one rare wrong word used to pull the search away);
- ``dropped``: a word left out (not the first or the last, which leaves a true, shorter quote);
- ``number``: a digit of a number changed.

It prints the true passes (the quotes as taken, found), the false passes (changed quotes
accepted), the suggestion accuracy (the suggested passage is the one the quote was taken from;
and within one word of it at each end), the time per wrong quote once the index of words is
built, the time to build it, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder.check.matching import SourceText, locate

SIZES = {"2M": 2_000_000, "20M": 20_000_000}
KINDS = ("substituted", "rare word", "dropped", "number")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NUMBER = re.compile(r"\d+")
_SYLLABLES = [c + v for c in "bcdfghklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ar", "en", "il", "on", "ur")]


def training_text() -> str:
    """The project's own English prose: its documents and its seeds."""
    parts = []
    for name in ("README.md", "ARCHITECTURE.md"):
        path = ROOT / name
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
    parts += [p.read_text(encoding="utf-8-sig") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    prose = []
    for line in "\n".join(parts).splitlines():
        if line.startswith(("    ", "|", "```", "#")):
            continue  # code, tables and headings
        prose.append(line)
    return " ".join(prose)


def word_chain(text: str) -> dict[str, list[str]]:
    """Each word and the words that follow it in ``text``, as often as they do."""
    words = _WORD.findall(text)
    chain: dict[str, list[str]] = defaultdict(list)
    for a, b in zip(words, words[1:]):
        chain[a.lower()].append(b.lower())
    return dict(chain)


def generate_source(size: int, rng: random.Random) -> str:
    """English-like paragraphs of about ``size`` characters."""
    chain = word_chain(training_text())
    starts = sorted(chain)
    rare = ["".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))) for _ in range(200_000)]
    paragraphs: list[str] = []
    length = 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(2, 7)):
            word = rng.choice(starts)
            words = []
            for _ in range(rng.randint(8, 30)):
                roll = rng.random()
                if roll < 0.02:
                    words.append(rng.choice(rare))  # most such words occur once or twice
                elif roll < 0.035:
                    words.append(str(rng.choice((rng.randint(2, 99), rng.randint(1700, 2030), rng.randint(100, 9999)))))
                else:
                    words.append(word)
                follow = chain.get(word)
                word = rng.choice(follow) if follow else rng.choice(starts)
            words[0] = words[0].capitalize()
            if rng.random() < 0.3:
                words[rng.randrange(1, len(words))] += ","
            sentences.append(" ".join(words) + rng.choice(".....?;"))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


@dataclass
class Case:
    kind: str
    start: int
    end: int
    quote: str  # as taken from the source
    changed: str


def take_quotes(text: str, count: int, rng: random.Random) -> list[tuple[int, int, str]]:
    """``count`` passages of 6 to 25 whole words, each found once in ``text``."""
    taken = []
    while len(taken) < count:
        at = text.find(" ", rng.randrange(len(text) - 400)) + 1
        spans = [m.span() for m in re.finditer(r"\S+", text[at : at + 400])][: rng.randint(6, 25)]
        start, end = at + spans[0][0], at + spans[-1][1]
        while text[end - 1] in ",.?;":
            end -= 1  # a curator quotes a clause without its closing mark
        quote = text[start:end]
        if "\n" in quote or len(spans) < 6 or text.count(quote) != 1:
            continue
        taken.append((start, end, quote))
    return taken


def mutate(kind: str, quote: str, counts: Counter[str], common: list[str], rare: list[str], rng: random.Random):
    words = quote.split(" ")
    inner = range(1, len(words) - 1)
    if kind == "dropped":
        k = rng.choice(inner)
        return " ".join(words[:k] + words[k + 1 :])
    if kind == "number":
        numbered = [i for i, w in enumerate(words) if _NUMBER.search(w)]
        if not numbered:
            return None
        i = rng.choice(numbered)
        digits = [m.start() for m in re.finditer(r"\d", words[i])]
        at = rng.choice(digits)
        words[i] = words[i][:at] + rng.choice([d for d in "0123456789" if d != words[i][at]]) + words[i][at + 1 :]
        return " ".join(words)
    k = rng.randrange(len(words))
    new = rng.choice(rare if kind == "rare word" else common)
    if new == words[k].lower().strip(",.?;"):
        return None
    words[k] = new
    return " ".join(words)


def cases(text: str, count: int, rng: random.Random) -> list[Case]:
    counts = Counter(w.lower() for w in _WORD.findall(text))
    rare = sorted(w for w, c in counts.items() if 1 <= c <= 3)
    common = sorted(w for w, c in counts.items() if c > 3)
    found: list[Case] = []
    per_kind = count // len(KINDS)
    for kind in KINDS:
        done = 0
        while done < per_kind:
            for start, end, quote in take_quotes(text, 1, rng):
                changed = mutate(kind, quote, counts, common, rare, rng)
                if changed is None or changed in text:
                    continue  # no change, or one that is in the source all the same: no wrong quote
                found.append(Case(kind, start, end, quote, changed))
                done += 1
    return found


def _words_between(text: str, a: int, b: int) -> int:
    return len(text[min(a, b) : max(a, b)].split())


def made(size_name: str, count: int, seed: int, folder: Path) -> Path:
    """The source and its cases, generated once and kept in ``folder``."""
    path = folder / f"suggestion-scale-{size_name}-{count}-{seed}.json"
    if not path.exists():
        rng = random.Random(seed)
        text = generate_source(SIZES[size_name], rng)
        found = [vars(c) for c in cases(text, count, rng)]
        path.write_text(json.dumps({"text": text, "cases": found}), encoding="utf-8")
    return path


def measure(path: Path) -> None:
    """Locate every case of ``path`` and print the figures (run in a process of its own, so that
    its peak memory is that of the search: the source, its normalized text, the index)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text, all_cases = data["text"], [Case(**c) for c in data["cases"]]
    del data
    source = SourceText(text)
    source.normalized  # noqa: B018 (normalizing is not what is timed)
    began = time.perf_counter()
    source.word_index  # noqa: B018
    index_time = time.perf_counter() - began
    true_passes = sum(locate(c.quote, source).found for c in all_cases)
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    began = time.perf_counter()
    for case in all_cases:
        match = locate(case.changed, source)
        tally = by_kind[case.kind]
        tally["n"] += 1
        if match.found:
            tally["passed"] += 1
            continue
        s = match.suggestion
        if s is None:
            continue
        tally["exact"] += (s.start, s.end) == (case.start, case.end)
        tally["near"] += _words_between(text, s.start, case.start) <= 1 and _words_between(text, s.end, case.end) <= 1
    searched = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"source: {len(text):,} characters, {len(text.split()):,} words")
    print(f"true passes: {true_passes} of {len(all_cases)} quotes as taken\n")
    print("| change | wrong quotes | false passes | right place (±1 word) | exact passage |")
    print("| --- | --- | --- | --- | --- |")
    by_kind["all"] = sum(by_kind.values(), Counter())
    for kind in (*KINDS, "all"):
        t = by_kind[kind]
        judged = t["n"] - t["passed"]
        print(
            f"| {kind} | {t['n']} | {t['passed']} | {t['near']} ({100 * t['near'] / judged:.1f}%) "
            f"| {t['exact']} ({100 * t['exact'] / judged:.1f}%) |"
        )
    print(
        f"\nindex of words built in {index_time:.2f} s; {len(all_cases)} wrong quotes searched in {searched:.1f} s, "
        f"{1000 * searched / len(all_cases):.1f} ms per quote; peak memory {peak:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="20M")
    parser.add_argument("--quotes", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="a folder to keep the generated source in, for later runs")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = made(args.size, args.quotes, args.seed, args.keep or Path(folder))
        subprocess.run([sys.executable, __file__, "--measure", str(path)], check=True)


if __name__ == "__main__":
    main()
