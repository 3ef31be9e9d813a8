"""Links between generated pages."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from site_builder.render import urls

part = st.sampled_from(["sheets", "sources", "tags", "a", "b", "index.md", "x.md"])
clean_path = st.lists(part, min_size=1, max_size=4).map("/".join)


@given(clean_path, st.lists(part, max_size=4).map("/".join))
def test_a_relative_link_is_the_one_posixpath_computes(path: str, folder: str) -> None:
    assert urls.relative(path, folder) == posixpath.relpath(path, folder or ".")


def test_links_between_pages_resolve_to_their_target() -> None:
    cases = [
        ("sheets/a.md", "sheets/b.md", "b.md"),
        ("sheets/a.md", "sources/s.md", "../sources/s.md"),
        ("index.md", "tags/t.md", "tags/t.md"),
        ("tags/t.md", "index.md", "../index.md"),
    ]
    for from_page, to_page, expected in cases:
        link = urls.href(from_page, to_page)
        assert link == expected
        assert posixpath.normpath(posixpath.join(posixpath.dirname(from_page), link)) == to_page
    assert urls.href("sheets/a.md", "sheets/a.md", "fact-1") == "#fact-1"
