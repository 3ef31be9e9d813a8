"""How well the closest passage finds the passage a wrong quote was taken from.

Run ``python benchmarks/suggestion_study.py [--per-kind 60] [--seed 9] [--no-timing]``.

Quotes are taken from real prose: the repository's own seed, the licence texts
of /usr/share/common-licenses, Python's own documentation (``pydoc_data``) and,
where the machine has them, Vim's tutorials in Russian, Ukrainian, French,
German, Korean, Chinese and Japanese. Each quote is changed once, by one kind of
mutation: a word substituted, deleted, inserted, swapped with its neighbour, a
typo, a punctuation mark, a change of case. In scripts written without spaces
(Han, Hiragana, Katakana) a "word" is one character.

For every changed quote that is (rightly) not found, the study asks:

- ``exact``: is the suggested passage the one the quote was taken from?
- ``±1 word``: does it start and end within one word of it?
- ``caret``: does the first difference (the word the caret points at) fall on
  the changed word? For a deleted word, either neighbour of the gap counts.
- ``help passes``: pasted as the quote, is the help line's passage found?
- ``passes``: changed quotes that were (wrongly) accepted.

It prints one table per mutation kind and one per script, then the time the
closest-passage search takes: 300 wrong quotes in a 2 MB source, and the cost of
one wrong quote in a 20 MB source once its index of words is built.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import yaml

from site_builder.check.citation_messages import paste_line
from site_builder.check.matching import Match, SourceText, locate

LICENCES = ("GPL-3", "Apache-2.0", "GFDL-1.3", "MPL-2.0", "LGPL-2.1", "Artistic", "CC0-1.0")
TUTORS = {
    "ru": "Cyrillic",
    "uk": "Cyrillic",
    "fr": "Latin",
    "de": "Latin",
    "ko": "Hangul",
    "zh_cn": "Han",
    "zh_tw": "Han",
    "ja": "Japanese",
}
TUTOR_DIRS = sorted(Path("/usr/share/vim").glob("vim*/tutor"))
KINDS = ("substituted", "deleted", "inserted", "swapped", "typo", "punctuation", "case")
NO_SPACE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff]")
WORD = re.compile(r"\w+")
PUNCT_END = re.compile(r"[,.;:!?]$")
CJK_PUNCT = "，。、；：！？"
NEIGHBOUR = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff]|[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff]+"
)


@dataclass
class Corpus:
    name: str
    script: str
    text: str
    no_space: bool = False
    vocabulary: list[str] = field(default_factory=list)


def corpora() -> list[Corpus]:
    found = []
    seed = ROOT / "seeds" / "000_d0771ebc44447108.txt"
    if seed.exists():
        found.append(Corpus("seed article", "Latin", seed.read_text(encoding="utf-8-sig")))
    for name in LICENCES:
        path = Path("/usr/share/common-licenses") / name
        if path.exists():
            found.append(Corpus(name, "Latin", path.read_text(encoding="utf-8", errors="replace")))
    try:
        from pydoc_data.topics import topics

        found.append(Corpus("pydoc topics", "Latin", "\n\n".join(topics[k] for k in sorted(topics))))
    except ImportError:
        pass
    for lang, script in TUTORS.items():
        for folder in TUTOR_DIRS:
            path = folder / f"tutor.{lang}.utf-8"
            if path.exists():
                no_space = script in ("Han", "Japanese")
                found.append(Corpus(f"vimtutor {lang}", script, path.read_text(encoding="utf-8"), no_space))
                break
    for corpus in found:
        if corpus.no_space:
            corpus.vocabulary = sorted(set(NO_SPACE.findall(corpus.text)))
        else:
            corpus.vocabulary = sorted({w for w in WORD.findall(corpus.text) if w.isalpha() and len(w) > 2})
    return found


@dataclass
class Sample:
    start: int
    end: int
    quote: str


def _attached(char: str) -> bool:
    return not char.isspace() and not char.isalnum() and char != "_"


def _opening(char: str) -> bool:
    return unicodedata.category(char) in ("Ps", "Pi") or char in "\"'¿¡"


def _extend(text: str, start: int, end: int) -> tuple[int, int]:
    """Over the punctuation attached to the first and last word (opening marks only before
    the first), the way a curator quotes a clause."""
    while start > 0 and _attached(text[start - 1]) and _opening(text[start - 1]):
        start -= 1
    while end < len(text) and _attached(text[end]) and not _opening(text[end]):
        end += 1
    return start, end


def sample(corpus: Corpus, source: SourceText, rng: random.Random) -> Sample | None:
    """A passage of whole words that occurs once in the source, as a curator would quote it."""
    text = corpus.text
    a, b = rng.choice(source.paragraphs)
    if corpus.no_space:
        line_start = text.rfind("\n", 0, rng.randrange(a, b)) + 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        starts = [i for i in range(line_start, line_end) if NO_SPACE.match(text, i)]
        if len(starts) < 12:
            return None
        start = rng.choice(starts[: len(starts) - 10])
        length = rng.randint(10, 30)
        end = start
        count = 0
        while end < line_end and count < length:
            count += bool(NO_SPACE.match(text, end))
            end += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    else:
        spans = [m.span() for m in re.finditer(r"\S+", text[a:b])]
        if len(spans) < 8:
            return None
        length = rng.randint(6, min(20, len(spans)))
        first = rng.randrange(len(spans) - length + 1)
        start, end = a + spans[first][0], a + spans[first + length - 1][1]
    start, end = _extend(text, start, end)
    quote = " ".join(text[start:end].split())
    if re.search(r"…|\.\.\.|\[|\]|---|~~~|===", quote) or len(WORD.findall(quote)) < 4:
        return None
    if corpus.no_space and len(NO_SPACE.findall(quote)) < 8:
        return None
    match = locate(quote, source)
    if not match.found or len(match.occurrences) != 1 or (match.span.start, match.span.end) != (start, end):
        return None
    return Sample(start, end, quote)


@dataclass
class Mutation:
    quote: str
    changed: tuple[tuple[int, int], ...]  # ranges in the changed quote; the caret must fall in one


def _tokens(quote: str, no_space: bool) -> list[tuple[int, int]]:
    """Words of the quote: white-space separated, or single characters without spaces."""
    if no_space:
        return [(m.start(), m.end()) for m in NO_SPACE.finditer(quote)]
    return [m.span() for m in re.finditer(r"\S+", quote)]


def _replace(quote: str, span: tuple[int, int], new: str) -> tuple[str, tuple[int, int]]:
    a, b = span
    return quote[:a] + new + quote[b:], (a, a + len(new))


def mutate(kind: str, quote: str, corpus: Corpus, rng: random.Random) -> Mutation | None:
    no_space = corpus.no_space
    tokens = _tokens(quote, no_space)
    wordy = [t for t in tokens if WORD.search(quote[t[0] : t[1]])]
    if len(wordy) < 4:
        return None
    if kind == "substituted":
        span = rng.choice(wordy)
        old = WORD.search(quote[span[0] : span[1]])
        new = rng.choice(corpus.vocabulary)
        if new == old.group():
            return None
        at = span[0] + old.start(), span[0] + old.end()
        changed, at = _replace(quote, at, new)
        return Mutation(changed, (span[:1] + (at[1] + span[1] - span[0] - old.end(),),))
    if kind == "deleted":
        k = rng.randrange(1, len(tokens) - 1)  # an edge word left out leaves a true, shorter quote
        a, b = tokens[k]
        if no_space:
            changed = quote[:a] + quote[b:]
            gap = a
        else:
            cut_a, cut_b = (a - 1, b) if k else (a, min(b + 1, len(quote)))
            changed = quote[:cut_a] + quote[cut_b:]
            gap = cut_a if k else 0
        near = [m.span() for m in NEIGHBOUR.finditer(changed)]
        before = [t for t in near if t[1] <= gap]
        after = [t for t in near if t[0] >= gap]
        ranges = tuple(x for x in (before[-1:] + after[:1]))
        return Mutation(changed, ranges)
    if kind == "inserted":
        new = rng.choice(corpus.vocabulary)
        k = rng.randrange(len(tokens) + 1)
        at = tokens[k][0] if k < len(tokens) else len(quote)
        piece = new if no_space else (new + " " if k < len(tokens) else " " + new)
        changed = quote[:at] + piece + quote[at:]
        start = at if no_space or k < len(tokens) else at + 1
        return Mutation(changed, ((start, start + len(new)),))
    if kind == "swapped":
        k = rng.randrange(len(tokens) - 1)
        (a, b), (c, e) = tokens[k], tokens[k + 1]
        first, second = quote[a:b], quote[c:e]
        if first == second or (no_space and c != b):
            return None
        changed = quote[:a] + second + quote[b:c] + first + quote[e:]
        return Mutation(changed, ((a, e),))
    if kind == "typo":
        span = rng.choice(wordy)
        word = quote[span[0] : span[1]]
        letters = [i for i, c in enumerate(word) if c.isalpha()]
        if no_space:
            c = word
            if not "\u3041" <= c <= "\u3096":
                return None  # a typo in kana only: a neighbouring kana (か/が)
            new = chr(ord(c) + rng.choice((-1, 1)))
            if not "\u3041" <= new <= "\u3096":
                return None
            changed, at = _replace(quote, span, new)
            return Mutation(changed, (at,))
        if len(letters) < 4:
            return None
        i = rng.choice(letters[:-1])
        how = rng.choice(("swap", "drop", "double", "replace"))
        if how == "swap" and word[i] != word[i + 1] and word[i + 1].isalpha():
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif how == "drop":
            new = word[:i] + word[i + 1 :]
        elif how == "double":
            new = word[:i] + word[i] + word[i:]
        else:
            alphabet = sorted({c for c in "".join(corpus.vocabulary[:2000]) if c.islower()})
            new = word[:i] + rng.choice(alphabet) + word[i + 1 :]
        if new == word:
            return None
        changed, at = _replace(quote, span, new)
        return Mutation(changed, (at,))
    if kind == "punctuation":
        if no_space:
            marks = [i for i, c in enumerate(quote) if c in CJK_PUNCT]
            if marks and rng.random() < 0.5:
                i = rng.choice(marks)
                new = rng.choice([p for p in CJK_PUNCT if p != quote[i]])
                changed = quote[:i] + new + quote[i + 1 :]
                return Mutation(changed, ((max(i - 1, 0), i + 1),))
            span = rng.choice(wordy[:-1])
            changed = quote[: span[1]] + "，" + quote[span[1] :]
            return Mutation(changed, ((span[0], span[1] + 1),))
        span = rng.choice(wordy)
        word = quote[span[0] : span[1]]
        if PUNCT_END.search(word):
            # Leaving out the last word's final mark would leave a true, shorter quote.
            drop = rng.random() < 0.5 and span != wordy[-1]
            new = word[:-1] if drop else word[:-1] + rng.choice([p for p in ",.;:!?" if p != word[-1]])
        else:
            new = word + rng.choice(",;:")
        changed, at = _replace(quote, span, new)
        return Mutation(changed, (at,))
    if kind == "case":
        span = rng.choice(wordy)
        word = quote[span[0] : span[1]]
        i = next((i for i, c in enumerate(word) if c.isalpha()), None)
        if i is None or word[i].lower() == word[i].upper():
            return None
        c = word[i]
        new = word[:i] + (c.lower() if c.isupper() else c.upper()) + word[i + 1 :]
        changed, at = _replace(quote, span, new)
        return Mutation(changed, (at,))
    raise ValueError(kind)


def _words_between(text: str, a: int, b: int, no_space: bool) -> int:
    a, b = min(a, b), max(a, b)
    piece = text[a:b]
    return len(NO_SPACE.findall(piece)) if no_space else len(WORD.findall(piece))


@dataclass
class Tally:
    n: int = 0
    passes: int = 0
    exact: int = 0
    near: int = 0
    caret: int = 0
    pasted: int = 0

    def add(self, other: Tally) -> None:
        for name in ("n", "passes", "exact", "near", "caret", "pasted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


SHOW_MISSES: list[int] = [0]


def first_difference(match: Match) -> tuple[int, str] | None:
    """Where the caret goes: the quote's first word that differs from the suggestion."""
    return match.suggestion.departure if match.suggestion else None


def _show(kind: str, corpus: Corpus, truth: Sample, mutation: Mutation, match: Match, tally: Tally) -> None:
    if SHOW_MISSES[0] <= 0 or (tally.exact and tally.caret):
        return
    SHOW_MISSES[0] -= 1
    s = match.suggestion
    print(f"--- {kind} in {corpus.name}: exact={tally.exact} near={tally.near} caret={tally.caret}")
    print(f"    truth:      {corpus.text[truth.start : truth.end]!r}")
    print(f"    quote:      {mutation.quote!r} changed at {mutation.changed}")
    print(f"    suggestion: {s.text if s else None!r}")
    print(f"    diff:       {s.diff if s else None}")
    print(f"    departure:  {s.departure if s else None}")


def judge(corpus: Corpus, source: SourceText, truth: Sample, mutation: Mutation, kind: str = "") -> Tally:
    tally = Tally(n=1)
    match = locate(mutation.quote, source)
    if match.found:
        tally.passes = 1
        if SHOW_MISSES[0] > 0:
            print(f"--- passed: {kind} {mutation.quote!r} at {corpus.text[match.span.start : match.span.end]!r}")
        return tally
    s = match.suggestion
    if s is None:
        return tally
    text = corpus.text
    tally.exact = int((s.start, s.end) == (truth.start, truth.end))
    tally.near = int(
        _words_between(text, s.start, truth.start, corpus.no_space) <= 1
        and _words_between(text, s.end, truth.end, corpus.no_space) <= 1
    )
    tally.pasted = int(locate(yaml.safe_load(paste_line(s.text))["quote"], source).found)
    difference = first_difference(match)
    if difference is not None:
        at = difference[0]
        tally.caret = int(any(a <= at < max(b, a + 1) for a, b in mutation.changed))
    _show(kind, corpus, truth, mutation, match, tally)
    return tally


def _row(label: str, t: Tally) -> str:
    judged = t.n - t.passes

    def pct(x: int) -> str:
        return f"{100 * x / judged:5.1f}%" if judged else "    -"

    return f"| {label} | {t.n} | {t.passes} | {pct(t.exact)} | {pct(t.near)} | {pct(t.caret)} | {pct(t.pasted)} |"


def study(per_kind: int, seed: int) -> None:
    rng = random.Random(seed)
    by_kind: dict[str, Tally] = defaultdict(Tally)
    by_script: dict[str, Tally] = defaultdict(Tally)
    by_script_kind: dict[tuple[str, str], Tally] = defaultdict(Tally)
    found = corpora()
    scripts = sorted({c.script for c in found})
    print("corpora:", ", ".join(f"{c.name} ({c.script}, {len(c.text)} chars)" for c in found))
    sources = {c.name: SourceText(c.text) for c in found}
    for script in scripts:
        group = [c for c in found if c.script == script]
        for kind in KINDS:
            if kind == "case" and script in ("Han", "Japanese"):
                continue
            if kind == "typo" and script == "Han":
                continue
            done = 0
            tries = 0
            while done < per_kind and tries < per_kind * 50:
                tries += 1
                corpus = rng.choice(group)
                source = sources[corpus.name]
                truth = sample(corpus, source, rng)
                if truth is None:
                    continue
                mutation = mutate(kind, truth.quote, corpus, rng)
                if mutation is None or mutation.quote == truth.quote:
                    continue
                tally = judge(corpus, source, truth, mutation, kind)
                by_kind[kind].add(tally)
                by_script[script].add(tally)
                by_script_kind[(script, kind)].add(tally)
                done += 1
    header = (
        "| {} | quotes | passed | exact | ±1 word | caret | help passes |\n| --- | --- | --- | --- | --- | --- | --- |"
    )
    print("\nby mutation kind\n")
    print(header.format("mutation"))
    total = Tally()
    for kind in KINDS:
        print(_row(kind, by_kind[kind]))
        total.add(by_kind[kind])
    print(_row("all", total))
    print("\nby script\n")
    print(header.format("script"))
    for script in scripts:
        print(_row(script, by_script[script]))
    print("\nby script and mutation kind\n")
    print(header.format("script, mutation"))
    for (script, kind), tally in sorted(by_script_kind.items()):
        print(_row(f"{script}, {kind}", tally))


def timing(seed: int) -> None:
    from matching import generate_source, sample_quotes, wrong_variant

    print("\nclosest-passage search on generated prose (seconds)\n")
    print("| source | wrong quotes | first quote (builds the index) | all quotes | per quote after the first |")
    print("| --- | --- | --- | --- | --- |")
    for name, size, count in (("2 MB", 2_000_000, 300), ("20 MB", 20_000_000, 100)):
        rng = random.Random(seed)
        text = generate_source(size, rng)
        quotes = [wrong_variant(q, rng) for q in sample_quotes(text, count, rng)]
        source = SourceText(text)
        source.normalized  # noqa: B018 (normalizing is not what is timed)
        began = time.perf_counter()
        locate(quotes[0], source)
        first = time.perf_counter() - began
        for quote in quotes[1:]:
            match = locate(quote, source)
            assert match.suggestion is not None
        total = time.perf_counter() - began
        per = (total - first) / (count - 1)
        print(f"| {name} | {count} | {first:.2f} | {total:.2f} | {per * 1000:.1f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=60, help="changed quotes per kind and script")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--show-misses", type=int, default=0, help="print this many misses, to study them")
    args = parser.parse_args()
    SHOW_MISSES[0] = args.show_misses
    study(args.per_kind, args.seed)
    if not args.no_timing:
        timing(args.seed)


if __name__ == "__main__":
    main()
