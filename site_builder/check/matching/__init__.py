"""Find a quoted passage again in a source text.

Pure functions over strings: nothing here knows about YAML, files or MkDocs.
"""

from site_builder.check.matching.context import shortest_unique_prefix
from site_builder.check.matching.locate import locate
from site_builder.check.matching.words import word_count
from site_builder.model import Match, Span, Suggestion
from site_builder.text.normalize import NORMALIZATIONS
from site_builder.text.source_text import SourceText

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
