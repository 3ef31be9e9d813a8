"""The review summary of a change: the working tree compared with a git revision, fact by fact."""

from site_builder.review.compare import Review, review
from site_builder.review.revision import project_at

__all__ = ["Review", "project_at", "review"]
