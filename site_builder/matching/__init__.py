"""Find a quoted passage again in a source text.

Pure functions over strings: nothing here knows about YAML, files or MkDocs.
"""

from site_builder.matching.locate import Match, Span, Suggestion, locate
from site_builder.matching.text import SourceText

__all__ = ["Match", "SourceText", "Span", "Suggestion", "locate"]
