"""Publish fact sheets whose every claim is proven, word for word, by the source it cites."""

__version__ = "0.1.0"
