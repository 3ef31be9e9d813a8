"""Find a quoted passage again in a source text.

Pure functions over strings: nothing here knows about YAML, files or MkDocs.
"""

from site_builder.matching.context import shortest_unique_prefix
from site_builder.matching.locate import Match, Span, Suggestion, locate
from site_builder.matching.normalize import NORMALIZATIONS
from site_builder.matching.text import SourceText
from site_builder.matching.words import word_count

__all__ = [
    "NORMALIZATIONS",
    "Match",
    "SourceText",
    "Span",
    "Suggestion",
    "locate",
    "shortest_unique_prefix",
    "word_count",
]
