"""Settings of the published site that pages and exports need, as plain values.

The build layer reads them from ``mkdocs.yml``; the core never imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: The key under ``extra:`` in ``mkdocs.yml`` that holds this tool's own settings.
EXTRA_KEY = "site_builder"


@dataclass(frozen=True)
class SiteSettings:
    site_url: str | None = None  # where the site is published; makes export links absolute
    use_directory_urls: bool = True  # MkDocs' setting: ``sheets/x/`` rather than ``sheets/x.html``
    repo_url: str | None = None  # with ``edit_uri``: "Edit this fact" links to the record's line
    edit_uri: str | None = None
    site_name: str | None = None  # MkDocs' ``site_name``: who the exports name as their creator
    generated: str | None = None  # when the content last changed (ISO 8601, UTC): the exports' created/modified

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> SiteSettings:
        """Read from MkDocs settings (a raw ``mkdocs.yml`` mapping or a loaded config).

        The edit links are read from ``extra.site_builder`` rather than MkDocs' own ``repo_url``
        and ``edit_uri``: Material shows a top-level ``repo_url`` in the header and fetches its
        stars and forks from the repository host, a request that leaves the site.
        """
        extra = config.get("extra") or {}
        own = extra.get(EXTRA_KEY) if isinstance(extra, Mapping) else None
        own = own if isinstance(own, Mapping) else {}
        return cls(
            site_url=_text(config.get("site_url")),
            use_directory_urls=config.get("use_directory_urls", True) is not False,
            repo_url=_text(own.get("repo_url")),
            edit_uri=_text(own.get("edit_uri")),
            site_name=_text(config.get("site_name")),
        )


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


#: Said by every build of a site whose ``mkdocs.yml`` has no ``site_url``.
NO_SITE_URL = (
    "warning: mkdocs.yml sets no site_url, so the exports cannot name themselves: the Web Annotations "
    "and facts.json link with relative addresses, which the W3C Web Annotation model does not allow "
    "for ids; set site_url to the address the site is published at"
)
