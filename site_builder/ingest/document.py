"""What an extraction gives: the source text and what is known about the document."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Extracted:
    """The text of a document, its paragraphs separated by a blank line, and its metadata.

    A paged document (a PDF) has its pages separated by a line holding only a form feed,
    ``page_labels`` naming each page as printed (empty when the document prints none).
    """

    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    pages: int | None = None
    page_labels: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what the curator should know, e.g. empty pages
    repairs: dict[str, int] = field(default_factory=dict)  # what extraction mended, counted (``accents``)
    active_content: tuple[str, ...] = ()  # where a PDF holds scripts or launch actions
