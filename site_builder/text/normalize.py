"""The normalizations a quote may need to match its source, and the normalized view of a text.

Each rule has a name reported to the user when a match needed it. The same
functions normalize the source (once, with an offset map back to it) and the
quotes (small strings, no map needed), so both sides always agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from site_builder.text import hyphenation
from site_builder.text.offsets import OffsetMap

NORMALIZATIONS = (
    "nfc",
    "whitespace",
    "quotes",
    "dashes",
    "ellipsis",
    "no-break-space",
    "zero-width",
    hyphenation.NAME,
)
ALL = frozenset(NORMALIZATIONS)

NO_BREAK_SPACES = "\u00a0\u202f\u2007"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Python counts the no-break spaces as white space; here they are a rule of their own.
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in NO_BREAK_SPACES)

_REPLACEMENTS = {
    "quotes": dict.fromkeys("‘’‚‛", "'") | dict.fromkeys("“”„‟", '"'),
    "dashes": dict.fromkeys("‐‑‒–—―−", "-"),
    "ellipsis": {"…": "..."},
    "no-break-space": dict.fromkeys(NO_BREAK_SPACES, " "),
}
_TABLE = {c: r for table in _REPLACEMENTS.values() for c, r in table.items()}
_ASCII_BEFORE_NON_ASCII = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


@dataclass(frozen=True)
class NormalizedText:
    """A text with every rule applied, and the way back to the original offsets."""

    text: str
    maps: tuple[OffsetMap, ...] = ()  # applied in this order

    def start_to_original(self, offset: int) -> int:
        for offsets in reversed(self.maps):
            offset = offsets.start_to_old(offset)
        return offset

    def end_to_original(self, offset: int) -> int:
        for offsets in reversed(self.maps):
            offset = offsets.end_to_old(offset)
        return offset

    def start_to_normalized(self, offset: int) -> int:
        for offsets in self.maps:
            offset = offsets.start_to_new(offset)
        return offset

    def end_to_normalized(self, offset: int) -> int:
        for offsets in self.maps:
            offset = offsets.end_to_new(offset)
        return offset


def normalize_source(text: str) -> NormalizedText:
    """Apply every rule to a whole source, keeping a map back to its offsets.

    Linear in the length of the text; the maps only hold the replaced pieces.
    """
    maps = []
    if not unicodedata.is_normalized("NFC", text):
        text, offsets = _compose(text)
        maps.append(offsets)
    offsets = OffsetMap()
    text = _pattern(ALL).sub(_recorder(offsets), text)
    if offsets:
        maps.append(offsets)
    return NormalizedText(text, tuple(maps))


def normalize(text: str, rules: Collection[str] = ALL, *, strip: bool = True) -> str:
    """``text`` with ``rules`` applied, trimmed of outer white space if that is a rule."""
    if "nfc" in rules:
        text = unicodedata.normalize("NFC", text)
    text = _pattern(frozenset(rules)).sub(_recorder(None), text)
    return text.strip(" ") if strip and "whitespace" in rules else text


def needed_rules(pairs: Collection[tuple[str, str]]) -> tuple[str, ...]:
    """The rules without which some source passage would no longer equal its quoted text.

    ``pairs`` are (source passage, quoted text) that are equal once every rule is
    applied. Rules are dropped one by one, in canonical order, while the pairs stay
    equal, so a rule that acted identically on both sides is never reported.
    """
    rules = set(ALL)
    for rule in NORMALIZATIONS:
        trial = rules - {rule}
        if all(normalize(passage, trial) == normalize(quoted, trial) for passage, quoted in pairs):
            rules = trial
    return tuple(rule for rule in NORMALIZATIONS if rule in rules)


def _compose(text: str) -> tuple[str, OffsetMap]:
    """NFC, run by run: an ASCII character never combines with what precedes it, so
    cutting before one is safe and each non-ASCII run can be composed on its own."""
    offsets = OffsetMap()
    pieces = []
    copied = 0
    shift = 0
    for m in _ASCII_BEFORE_NON_ASCII.finditer(text):
        run = m.group()
        composed = unicodedata.normalize("NFC", run)
        if composed == run:
            continue
        head = _common_prefix(run, composed)
        tail = _common_prefix(run[head:][::-1], composed[head:][::-1])
        old_start, old_end = m.start() + head, m.end() - tail
        new_piece = composed[head : len(composed) - tail]
        pieces.append(text[copied:old_start])
        pieces.append(new_piece)
        offsets.add(old_start, old_end, old_start + shift, old_start + shift + len(new_piece))
        shift += len(new_piece) - (old_end - old_start)
        copied = old_end
    pieces.append(text[copied:])
    return "".join(pieces), offsets


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@cache
def _pattern(rules: frozenset[str]) -> re.Pattern[str]:
    alternatives = [hyphenation.PATTERN] if hyphenation.NAME in rules else []
    spaces = WHITESPACE + (NO_BREAK_SPACES if "no-break-space" in rules else "")
    ignored = ZERO_WIDTH if "zero-width" in rules else ""
    if "whitespace" in rules:
        run = re.escape(spaces)
        inside = re.escape(spaces + ignored)
        # A lone space between words is already normal: skip it without a call back.
        alternatives.append(f"(?P<whitespace>(?! (?![{inside}]))[{run}][{inside}]*)")
    if ignored:
        alternatives.append(f"(?P<ignored>[{re.escape(ignored)}]+)")
    for rule, table in _REPLACEMENTS.items():
        if rule in rules:
            alternatives.append(f"(?P<{rule.replace('-', '_')}>[{re.escape(''.join(table))}])")
    return re.compile("|".join(alternatives) or "(?!)")


def _recorder(offsets: OffsetMap | None):
    """A ``re.sub`` callback that rewrites each match and, given a map, records it."""
    shift = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal shift
        piece = m.group()
        group = m.lastgroup
        new = " " if group == "whitespace" else "" if group in ("ignored", hyphenation.NAME) else _TABLE[piece]
        if offsets is not None:
            start = m.start() + shift
            offsets.add(m.start(), m.end(), start, start + len(new))
            shift += len(new) - len(piece)
        return new

    return replace
