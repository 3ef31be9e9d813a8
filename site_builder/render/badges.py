"""The small badge that tells how a quote was found in its source."""

from __future__ import annotations

from site_builder.model import CitationResult
from site_builder.render.escape import Md, attribute, inline

LABELS = {"exact": "verbatim", "normalized": "normalized", "elided": "elided"}

EXPLANATIONS = {
    "exact": "The quote occurs word for word in the source.",
    "normalized": "The quote occurs in the source once both are normalized.",
    "elided": "The quote leaves out parts of the source passage; only the parts it keeps are highlighted.",
}

#: How each normalization the matcher may report is named on the site.
NORMALIZATIONS = {
    "nfc": "Unicode form",
    "whitespace": "white space",
    "quotes": "quotes",
    "dashes": "dashes",
    "ellipsis": "ellipses",
    "no-break-space": "no-break spaces",
    "zero-width": "zero-width characters",
    "guillemets": "guillemets",
    "corner-brackets": "corner brackets",
    "modifier-apostrophe": "apostrophes",
    "compatibility": "compatibility characters",
    "bidi-marks": "direction marks",
    "variation-selectors": "variation selectors",
    "hyphenation": "words hyphenated at a line end",
    "line-break-after-hyphen": "line breaks after a hyphen",
    "space-in-cjk": "spaces between Chinese or Japanese characters",
}


def normalization_names(result: CitationResult) -> list[str]:
    names = result.match.normalizations if result.match else ()
    return [NORMALIZATIONS.get(n, n) for n in names]


def status_badge(result: CitationResult) -> Md:
    if not result.located:
        return Md(
            '<span class="sb-status sb-status-missing" title="The quote was not found in the source.">not found</span>'
        )
    label = LABELS.get(result.status, result.status)
    names = normalization_names(result)
    title = EXPLANATIONS.get(result.status, "")
    if names:
        label += ("; normalized: " if result.status == "elided" else ": ") + ", ".join(names)
        if result.status == "elided":
            title += " It matches once normalized."
    return Md(
        f'<span class="sb-status sb-status-{attribute(result.status)}" title="{attribute(title)}">'
        f"{inline(label)}</span>"
    )
