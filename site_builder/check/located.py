"""Locate a citation in its source, and what a run may remember of it, so that a second check of
an unchanged citation does not search its source again.

What locating finds (:class:`~site_builder.model.Located`) depends only on the quote, its prefix
and suffix, the source's text and the code that reads and searches it; it is remembered by the
quote, the selectors and the SHA-256 of the source file's bytes (see :mod:`site_builder.runtime`).
A place remembered from an earlier run is verified against the source before it is used, and
anything else located again: what is kept never decides a verdict.
"""

from __future__ import annotations

from functools import partial

from site_builder.check.matching import locate, shortest_unique_prefix
from site_builder.check.matching.locate import found_once
from site_builder.load.recall import Kind, Wanted
from site_builder.model import Citation, Located, Match, Source
from site_builder.text.normalize import normalize

#: What locating finds is decided by the text model, the loading code that turns bytes into text,
#: the matching code and this module.
LOCATED: Kind[Located] = Kind(
    "located", Located, ("model.py", "text", "load", "check/matching", "check/located.py"), worth_a_worker=1000
)


def locate_citation(citation: Citation, source: Source) -> Located:
    """Where ``citation``'s quote stands in ``source``, and, for a quote found in several places,
    the text to add as its prefix to tell the first one apart."""
    match = locate(citation.quote, source.text, prefix=citation.prefix, suffix=citation.suffix)
    unique_prefix = None
    if match.span is not None and len(match.occurrences) > 1:
        unique_prefix = shortest_unique_prefix(source.text, match.span, match.occurrences)
    return Located(match, unique_prefix)


def remembered(citation: Citation, source: Source) -> Wanted[Located] | None:
    """What locating ``citation`` in ``source`` is made from, to be recalled; None for a source
    made in memory, not read from a file (nothing to know its text by)."""
    if not source.digest:
        return None
    return Wanted(
        (source.digest, citation.quote, citation.prefix, citation.suffix),
        partial(locate_citation, citation, source),
        partial(still_true, citation=citation, source=source),
    )


def still_true(found: Located, citation: Citation, source: Source) -> bool:
    """Whether a remembered ``found`` is what locating finds now: the store never decides a verdict.

    A quote found once verbatim (most) is verified against the source: the text at its place is
    the quote, on word boundaries, and it stands nowhere else, verbatim or normalized. Anything else
    is located again."""
    if citation.prefix is not None or citation.suffix is not None or found.match.status != "exact":
        return False
    wanted = normalize(citation.quote)
    return bool(wanted) and found == Located(found_once(citation.quote, wanted, source.text) or Match("not-found"))
