"""The help line of a quote not found offers a passage that the check finds once pasted, and its
difference line marks only what the curator changed."""

from __future__ import annotations

import re

import yaml

from site_builder.check.citation_messages import paste_line
from site_builder.check.matching import SourceText, locate

# Prose as sources have it: text from a PDF with words hyphenated at line ends, a soft hyphen,
# curly quotes and guillemets, brackets, dashes, CRLF line breaks, tabs and no-break spaces.
CORPUS = (
    "The harbour opened in 1851 after “years of delay.” Its first master, Ann Lee, kept a dif-\n"
    "ficult ledger of every ship that came in; the council read it twice a year, in spring and in\n"
    "autumn, and found it (as one councillor wrote) “more honest than the town’s own books.”\r\n"
    "\r\n"
    "Ships came from the north—mostly whalers—and the town grew quickly. By 1870 the quay was\n"
    "too short: the council voted to extend it, and the work, which took six years, was paid for\n"
    "by a toll on every barrel of oil landed at night, when the customs\u00a0house was closed.\n"
    "\n"
    "Le conseil a publié un rapport « sur l’état du port » en 1872\u202f; il décrit\tdes quais\n"
    "encombrés, des entre-\npôts trop petits et un bassin envasé, puis il propose un plan de travaux.\n"
    "The clerk noted that the sur\u00adveyors disagreed [with the plan], and that the mayor, tired of\n"
    "the quarrel, left the matter to the next council… which never met.\n"
)
_TOKEN = re.compile(r"\S+")
_EDGE = "“”\"'«»()[],.;:!?…—"
LENGTH = 9  # words a quote has


def as_read(passage: str) -> str:
    """The passage as a reader copies it: on one line, hyphenated words whole, no soft hyphen."""
    return " ".join(re.sub(r"(?<=\w)-\n(?=\w)", "", passage).replace("\u00ad", "").split())


def quotes() -> list[str]:
    """Quotes a curator would take from the corpus: nine words as they read, edge marks left out."""
    spans = [m.span() for m in _TOKEN.finditer(CORPUS)]
    found = []
    for first in range(0, len(spans) - LENGTH, 3):
        if CORPUS[: spans[first][0]].endswith("-\n"):
            continue  # the second half of a hyphenated word: not a word a curator quotes from
        text = as_read(CORPUS[spans[first][0] : spans[first + LENGTH - 1][1]]).strip(_EDGE + " ")
        if "[" not in text and "…" not in text and locate(text, SourceText(CORPUS)).found:
            found.append(text)
    return found


def mutations(quote: str) -> list[tuple[str, str]]:
    """The quote with its middle word substituted, left out, or mistyped; and the word changed."""
    words = quote.split(" ")
    middle = len(words) // 2
    word = words[middle]
    letters = re.search(r"\w+", word)
    changed = []
    if letters:
        substituted = word[: letters.start()] + "zebra" + word[letters.end() :]
        changed.append((" ".join(words[:middle] + [substituted] + words[middle + 1 :]), "zebra"))
        if len(letters.group()) >= 4:
            a = letters.start() + 1
            typo = word[:a] + word[a + 1] + word[a] + word[a + 2 :]
            changed.append((" ".join(words[:middle] + [typo] + words[middle + 1 :]), typo[letters.start() : a + 2]))
    changed.append((" ".join(words[:middle] + words[middle + 1 :]), ""))
    return changed


def test_the_corpus_gives_enough_quotes():
    assert len(quotes()) >= 25


def test_every_help_line_pasted_as_the_quote_is_found():
    source = SourceText(CORPUS)
    failures = []
    for quote in quotes():
        for wrong, _ in mutations(quote):
            match = locate(wrong, source)
            assert not match.found
            pasted = yaml.safe_load(paste_line(match.suggestion.text))["quote"]
            if not locate(pasted, source).found:
                failures.append((wrong, pasted))
    assert failures == []


def test_a_difference_line_marks_only_the_changed_word():
    source = SourceText(CORPUS)
    failures = []
    for quote in quotes():
        for wrong, word in mutations(quote):
            diff = locate(wrong, source).suggestion.diff
            removed = re.findall(r"\[-(.*?)-\]", diff)
            if word and (len(removed) != 1 or word not in removed[0] or diff.count("{+") != 1):
                failures.append((wrong, diff))
    assert failures == []


def test_a_help_line_leaves_out_the_comma_after_the_last_word():
    source = SourceText(CORPUS)
    match = locate("paid for by a toll on every barel of oil landed at night", source)
    assert match.suggestion.text == "paid for\nby a toll on every barrel of oil landed at night"
    assert match.suggestion.diff == "paid for by a toll on every [-barel-] {+barrel+} of oil landed at night"


def test_a_word_hyphenated_at_a_line_end_is_offered_as_the_check_reads_it():
    match = locate("kept a dificult ledger of every ship", SourceText(CORPUS))
    assert paste_line(match.suggestion.text) == "quote: kept a difficult ledger of every ship"
