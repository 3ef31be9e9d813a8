"""Links to a line of a record in the project's repository ("Edit this fact")."""

from __future__ import annotations

from urllib.parse import quote, urljoin

from site_builder.render.site_settings import SiteSettings


def edit_url(settings: SiteSettings, path: str, line: int | None = None) -> str | None:
    """Where to edit ``path`` (relative to the project root), at ``line``; ``None`` if not set up.

    ``edit_uri`` is joined to ``repo_url`` as MkDocs joins them, but it points at the project
    root, not at a docs folder: ``https://github.com/o/r`` and ``edit/main/`` give
    ``https://github.com/o/r/edit/main/factsheets/x.yml#L14``. ``#L14`` is how GitHub names a
    line in its file views.
    """
    if not settings.repo_url or not settings.edit_uri:
        return None
    base = urljoin(settings.repo_url.rstrip("/") + "/", settings.edit_uri)
    if not base.endswith("/"):
        base += "/"
    if not base.startswith(("https://", "http://")):
        return None
    return base + quote(path) + (f"#L{line}" if line else "")
