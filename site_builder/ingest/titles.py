"""A document's own title without what a site adds to every page (``| DW | 19.01.2020``)."""

from __future__ import annotations

import re

_DATE = re.compile(r"^[\d\s./\-–:,]+$")


def page_title(title: str) -> str | None:
    """``title`` with site names and dates cut off: of the parts between ``|`` (or a last
    `` - ``, `` – ``), the longest, unless the cut part is longer than a site name would be."""
    title = " ".join(title.split())
    if not title:
        return None
    parts = [part for part in re.split(r"\s+[|│·•]\s+", title) if part and not _DATE.match(part)]
    if not parts:
        return title
    best = max(parts, key=len)
    *head, tail = re.split(r"\s+[-–—]\s+", best)
    if head and len(tail.split()) <= 3 and len(" - ".join(head)) > 2 * len(tail) and tail[:1].isupper():
        # "Article title - Site Name": a short capitalized last part is the site
        return " - ".join(head)
    return best
