"""How to fix each kind of problem: the help a code-scanning alert shows beside its rule."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, metadata

#: Where the diagnostic codes are documented when the installed package names no documentation.
DEFAULT_DOCUMENTATION = "https://github.com/site-builder/site-builder"

HELP: dict[str, str] = {
    "yaml-syntax": "Fix the YAML at the line shown: indent with spaces, quote text holding ': ' or ' #', "
    "and keep one document per file with plain data (no tags, anchors or merge keys).",
    "schema": "Give the record the keys its format asks for, with the right types; the message names "
    "the key and what it expects.",
    "duplicate-id": "Rename one of the two sheets or facts; ids are what links and related entries point at.",
    "source-not-found": "Cite a source that exists in seeds/ (the message suggests the closest id), or add "
    "the source text as seeds/<id>.txt.",
    "source-invalid": "Save the source as UTF-8 text inside seeds/; a link out of the folder is never read.",
    "quote-not-found": "Copy the passage exactly as the source has it; the closest passage is shown. "
    "`site-builder check --fix` applies the fix when only typography, spacing, punctuation, case or a "
    "spelling slip differ; sources are never edited to fit a quote.",
    "quote-partial-word": "Widen the quote to whole words (the message suggests the passage), or mark the part of "
    "a word you change in brackets: `[s]he`.",
    "quote-context-mismatch": "Correct the prefix or suffix so that it is the text right around the passage meant.",
    "quote-ambiguous": "Add the suggested `prefix` (or a suffix) so that the quote points at one place; "
    "`site-builder check --fix` adds it.",
    "quote-crosses-paragraph": "Quote each paragraph in a citation of its own, or end the quote where the "
    "paragraph ends.",
    "quote-insertion": "Check that each bracketed insertion only clarifies what the source says (a name for "
    "'he', a changed capital); quote the source's own words instead of one that adds a negation, a number or "
    "a claim.",
    "quote-too-short": "Quote the whole clause that proves the statement.",
    "source-changed": "Review the source's new text, check the facts that cite it, then run `site-builder pin`.",
    "source-unpinned": "Once the source is reviewed, run `site-builder pin` to record its sha256.",
    "broken-reference": "Point the related entry at an existing sheet or fact (the message suggests one).",
    "statement-number-unquoted": "Say in the statement the number the source says, or cite the passage that "
    "gives the statement's number; `160 million` and `160,000,000`, `25th` and `25` count as the same.",
}


@cache
def documentation() -> str:
    """The documentation address the package metadata gives, without a fragment."""
    try:
        entries = metadata("site-builder").get_all("Project-URL") or []
    except PackageNotFoundError:  # pragma: no cover - running from a source tree never installed
        entries = []
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip().partition("#")[0]
    return DEFAULT_DOCUMENTATION


def help_uri(code: str | None) -> str:
    """Where the codes are documented (``None``: the tool's own page)."""
    return documentation() + ("#diagnostic-codes" if code else "")
