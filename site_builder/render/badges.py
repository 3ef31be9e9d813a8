"""The small badge that tells how a quote was found in its source."""

from __future__ import annotations

from site_builder.model import CitationResult
from site_builder.render.escape import Md, attribute, inline

LABELS = {"exact": "matches word for word", "normalized": "matches", "elided": "matches, with parts left out"}

EXPLANATIONS = {
    "exact": "The quote occurs word for word in the source.",
    "normalized": "The quote occurs in the source once both are written alike in the ways named.",
    "elided": "The quote leaves out parts of the source passage; only the parts it keeps are highlighted.",
}

#: What each normalization the matcher may report ignores, in a reader's words.
NORMALIZATIONS = {
    "nfc": "accents encoded another way",
    "whitespace": "spacing",
    "quotes": "curly quotes",
    "dashes": "dash styles",
    "ellipsis": "how ellipses are written",
    "no-break-space": "no-break spaces",
    "zero-width": "invisible characters",
    "guillemets": "guillemets",
    "corner-brackets": "corner brackets",
    "modifier-apostrophe": "apostrophe styles",
    "compatibility": "ligatures and character variants",
    "bidi-marks": "direction marks",
    "variation-selectors": "variation selectors",
    "hyphenation": "words split at line ends",
    "line-break-after-hyphen": "line breaks after a hyphen",
    "space-in-cjk": "line breaks between Chinese or Japanese characters",
}


def normalization_names(result: CitationResult) -> list[str]:
    names = result.match.normalizations if result.match else ()
    return [NORMALIZATIONS.get(n, n) for n in names]


def in_words(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def status_badge(result: CitationResult) -> Md:
    if not result.located:
        return Md(
            '<span class="sb-status sb-status-missing" title="The quote was not found in the source.">not found</span>'
        )
    label = LABELS.get(result.status, result.status)
    names = normalization_names(result)
    title = EXPLANATIONS.get(result.status, "")
    if names:
        label += ", ignoring " + in_words(names)
        if result.status == "elided":
            title += " It matches once written alike in the ways named."
    return Md(
        f'<span class="sb-status sb-status-{attribute(result.status)}" title="{attribute(title)}">'
        f"{inline(label)}</span>"
    )
