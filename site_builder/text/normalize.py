"""The normalizations a quote may need to match its source, and the normalized view of a text.

Each rule has a name reported to the user when a match needed it. The same
functions normalize the source (once, with an offset map back to it) and the
quotes (small strings, no map needed), so both sides always agree.

``nfc`` runs first, on its own; every other rule is one entry of ``RULES`` and
all of them run in a single pass of one regular expression. A rule is either a
table of characters (or short sequences) and their replacement, a set of
characters that are dropped, or a pattern with its replacement. Adding one is
adding an entry to ``RULES``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import cache

from site_builder.text import cjk_spacing, hyphenation
from site_builder.text.offsets import OffsetMap

NO_BREAK_SPACES = "\u00a0\u202f\u2007"
# The joiner U+200D is not here: it binds emoji and Indic letters into one character.
ZERO_WIDTH = "\u200b\u200c\u2060\ufeff\u00ad"
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
VARIATION_SELECTORS = "\ufe0e\ufe0f"
# Python counts the no-break spaces as white space; here they are a rule of their own.
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in NO_BREAK_SPACES)


def _compatibility_table() -> dict[str, str]:
    """Compatibility characters that are another form of the same letters, digits or signs.

    Ligatures (ﬁ), full-width and half-width forms (Ｋ, １, ｶ) and Arabic presentation
    forms, replaced by what NFKC gives for them. NFKC's other foldings are left out on
    purpose: superscripts, circled and squared letters, fractions, font variants
    (ℌ, 𝐀) and the long s stand for something else.
    """
    table = {}
    for block in ((0xFB00, 0xFB4F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0xFF00, 0xFFEF)):
        for code in range(block[0], block[1] + 1):
            char = chr(code)
            tag = unicodedata.decomposition(char).split(" ")[0]
            if tag not in ("<compat>", "<wide>", "<narrow>", "<initial>", "<medial>", "<final>", "<isolated>"):
                continue
            folded = unicodedata.normalize("NFKC", char)
            if folded == char or any(c.isspace() or unicodedata.combining(c) for c in folded):
                continue
            table[char] = folded
    # Half-width kana with a half-width voicing mark: one full-width kana (ｶﾞ is ガ).
    for code in range(0xFF66, 0xFF9E):
        for mark in "\uff9e\uff9f":
            folded = unicodedata.normalize("NFKC", chr(code) + mark)
            if len(folded) == 1:
                table[chr(code) + mark] = folded
    return table


@dataclass(frozen=True)
class Rule:
    """One named normalization.

    ``table`` replaces each of its keys (characters or short sequences) by its value;
    ``dropped`` characters are removed (and count as nothing inside a run of white
    space); ``pattern`` with ``replace`` rewrites whatever the pattern matches.
    ``first`` rules are tried before the others where they could match at the same place.
    ``starts`` lists the characters a match of ``pattern`` can begin with: the one
    expression then skips, at the cost of one look-up, every character no rule can
    start at (without it, every rule is tried at every character of a source).
    """

    name: str
    table: Mapping[str, str] = field(default_factory=dict)
    dropped: str = ""
    pattern: str = ""
    replace: Callable[[re.Match[str]], str] | None = None
    first: bool = False
    starts: str | None = None


_SPACE_RUN = f"[{re.escape(WHITESPACE + NO_BREAK_SPACES)}]*"
_SPACES = _SPACE_RUN[:-1] + "+"  # not *: an alternative that may start with nothing is tried everywhere

RULES: tuple[Rule, ...] = (
    Rule("whitespace"),  # built in _pattern: it depends on the rules beside it
    # Chinese and Japanese have no spaces: a line break between two of their characters is none.
    Rule(
        cjk_spacing.NAME,
        pattern=cjk_spacing.pattern(WHITESPACE + NO_BREAK_SPACES),
        replace=lambda m: "",
        first=True,
        starts=WHITESPACE + NO_BREAK_SPACES,
    ),
    Rule("quotes", table=dict.fromkeys("‘’‚‛", "'") | dict.fromkeys("“”„‟", '"')),
    Rule("dashes", table=dict.fromkeys("‐‑‒–—―−", "-")),
    Rule("ellipsis", table={"…": "..."}),
    Rule("no-break-space", table=dict.fromkeys(NO_BREAK_SPACES, " ")),
    Rule("zero-width", dropped=ZERO_WIDTH),
    # « » ‹ › in either direction; the (no-break) space French sets inside them goes too.
    Rule(
        "guillemets",
        table=dict.fromkeys("«»", '"') | dict.fromkeys("‹›", "'"),
        pattern=rf"(?<!\w)[«‹]{_SPACE_RUN}|[»›](?!\w)|{_SPACES}[»›](?!\w)",
        replace=lambda m: "'" if "‹" in m.group() or "›" in m.group() else '"',
        first=True,
        starts="«‹»›" + WHITESPACE + NO_BREAK_SPACES,
    ),
    Rule("corner-brackets", table=dict.fromkeys("「」『』｢｣", '"')),
    Rule("modifier-apostrophe", table={"\u02bc": "'"}),
    Rule("compatibility", table=_compatibility_table()),
    Rule("bidi-marks", dropped=BIDI_MARKS),
    Rule("variation-selectors", dropped=VARIATION_SELECTORS),
    # A word hyphenated across a line end (PDF text): the hyphen and the break are dropped.
    Rule(
        hyphenation.NAME,
        pattern=hyphenation.PATTERN,
        replace=lambda m: "",
        first=True,
        starts=hyphenation.HYPHENS,
    ),
    # Its alternative: the line break after the hyphen is dropped, the hyphen kept. Where both could
    # apply the one above wins, so this rule acts only in a set of rules without ``hyphenation``.
    Rule(
        hyphenation.KEPT_NAME,
        pattern=hyphenation.PATTERN,
        replace=lambda m: m.group()[0],
        first=True,
        starts=hyphenation.HYPHENS,
    ),
)

NORMALIZATIONS = ("nfc",) + tuple(rule.name for rule in RULES)
ALL = frozenset(NORMALIZATIONS)
#: every rule, a word hyphenated at a line end being read with its hyphen
HYPHEN_KEPT = ALL - {hyphenation.NAME}
_BY_NAME = {rule.name: rule for rule in RULES}
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
    replace = _recorder(ALL, offsets)
    text = _ascii_sub(_pattern(ALL), replace, text) if text.isascii() else _pattern(ALL).sub(replace, text)
    if offsets:
        maps.append(offsets)
    return NormalizedText(text, tuple(maps))


# In ASCII text only two rules can apply: white space (a run that is not a lone space) and
# hyphenation (which starts at a hyphen). Every match starts at one of these characters, or at the
# first of two or more spaces, or at the spaces before one of these characters.
_ASCII_STARTS = re.compile(r"[\t\n\x0b\x0c\r\x1c-\x1f-]")


def _ascii_sub(pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], text: str) -> str:
    """``pattern.sub(replace, text)`` for an ASCII ``text`` and the pattern of every rule, tried only
    where a match may start (found by a character class, which the regular expression engine scans
    for far faster than it tries the whole pattern at every character)."""
    pieces = []
    copied = 0  # the end of the last match: text before it is in ``pieces``
    at = 0  # where to look for the next match
    end = len(text)
    while True:
        found = _ASCII_STARTS.search(text, at)
        start = found.start() if found is not None else end
        spaces = text.find("  ", at, start)
        if spaces != -1:
            start = spaces
        elif start == end:
            break
        elif text[start] != "-":  # white space: a match starts at the spaces before it, if any
            while start > at and text[start - 1] == " ":
                start -= 1
        match = pattern.match(text, start)
        if match is None:
            at = start + 1
            continue
        pieces.append(text[copied:start])
        pieces.append(replace(match))
        copied = at = match.end()
    pieces.append(text[copied:])
    return "".join(pieces)


def normalize(text: str, rules: Collection[str] = ALL, *, strip: bool = True) -> str:
    """``text`` with ``rules`` applied, trimmed of outer white space if that is a rule."""
    rules = rules if type(rules) is frozenset else frozenset(rules)
    if rules is ALL and text.isascii():  # ASCII is composed already, and read quicker
        text = _ascii_sub(_pattern(ALL), _recorder(ALL, None), text)
        return text.strip(" ") if strip else text
    if "nfc" in rules:
        text = unicodedata.normalize("NFC", text)
    text = _pattern(rules).sub(_recorder(rules, None), text)
    return text.strip(" ") if strip and "whitespace" in rules else text


def needed_rules(pairs: Collection[tuple[str, str]]) -> tuple[str, ...]:
    """The rules without which some source passage would no longer equal its quoted text.

    ``pairs`` are (source passage, quoted text) that are equal once every rule is
    applied. Rules are dropped one by one, in canonical order, while the pairs stay
    equal, so a rule that acted identically on both sides is never reported. Pairs equal only
    with the hyphen of a word hyphenated at a line end kept start from ``HYPHEN_KEPT``.
    """
    equal = all(normalize(passage) == normalize(quoted) for passage, quoted in pairs)
    rules = set(ALL if equal else HYPHEN_KEPT)
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


def _group(name: str) -> str:
    return "r_" + name.replace("-", "_")


@cache
def _pattern(rules: frozenset[str]) -> re.Pattern[str]:
    """One regular expression for ``rules``, a named group per rule."""
    active = [rule for rule in RULES if rule.name in rules]
    spaces = WHITESPACE + (NO_BREAK_SPACES if "no-break-space" in rules else "")
    dropped = "".join(rule.dropped for rule in active)
    groups = [_alternatives(rule) for rule in active if rule.first]
    if "whitespace" in rules:
        run = re.escape(spaces)
        inside = re.escape(spaces + dropped)
        # A lone space between words is already normal: skip it without a call back.
        groups.append(f"(?P<{_group('whitespace')}>(?! (?![{inside}]))[{run}][{inside}]*)")
    groups += [_alternatives(rule) for rule in active if not rule.first and rule.name != "whitespace"]
    if not groups:
        return re.compile("(?!)")
    starts = _starts(active, spaces)
    guard = _guard(starts, spaces + dropped) if starts is not None else ""
    return re.compile(guard + "(?:" + "|".join(groups) + ")")


def _guard(starts: str, spaces_and_dropped: str) -> str:
    """A look-ahead that lets the one expression skip every character no rule can start at.

    Most characters a rule may start at are rare; the plain space is not, and it starts a match
    only before more white space, a dropped character, or a closing guillemet (the rule that
    takes the space French sets inside them): a lone space between words is let through at once.
    """
    if " " not in starts:
        return f"(?=[{re.escape(starts)}])"
    others = starts.replace(" ", "")
    after_space = re.escape(spaces_and_dropped + "»›") + cjk_spacing.CHARACTERS
    return f"(?=[{re.escape(others)}]| [{after_space}])" if others else f"(?= [{after_space}])"


def _starts(active: list[Rule], spaces: str) -> str | None:
    """Every character a match of one of ``active`` can begin with; None if that is not known."""
    chars = set(spaces) if any(rule.name == "whitespace" for rule in active) else set()
    for rule in active:
        if rule.pattern and rule.starts is None:
            return None
        chars.update(rule.starts or "", rule.dropped, (key[0] for key in rule.table))
    return "".join(sorted(chars))


def _alternatives(rule: Rule) -> str:
    options = [rule.pattern] if rule.pattern else []
    if rule.dropped:
        options.append(f"[{re.escape(rule.dropped)}]+")
    if rule.table:
        keys = sorted(rule.table, key=len, reverse=True)
        options += [re.escape(k) for k in keys if len(k) > 1]
        options.append(f"[{re.escape(''.join(k for k in keys if len(k) == 1))}]")
    return f"(?P<{_group(rule.name)}>{'|'.join(options)})"


_GROUP_RULES = {_group(rule.name): rule for rule in RULES}


def _recorder(rules: frozenset[str], offsets: OffsetMap | None) -> Callable[[re.Match[str]], str]:
    """A ``re.sub`` callback that rewrites each match and, given a map, records it."""
    shift = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal shift
        piece = m.group()
        rule = _GROUP_RULES[m.lastgroup or ""]
        if rule.name == "whitespace":
            new = " "
        elif rule.dropped and piece[0] in rule.dropped:
            new = ""
        elif rule.table and piece in rule.table:
            new = rule.table[piece]
        elif rule.replace is not None:
            new = rule.replace(m)
        else:
            new = piece
        if offsets is not None:
            start = m.start() + shift
            offsets.add(m.start(), m.end(), start, start + len(new))
            shift += len(new) - len(piece)
        return new

    return replace
