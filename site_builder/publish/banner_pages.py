"""Which built pages of a preview show which error banner.

A preview rebuilds with MkDocs' dirty builds: only the pages whose Markdown changed are rendered
again, and a project with errors changes none. So the banner is put into each page as it is
rendered, and once the build is done every other page whose banner is no longer the latest
check's is rewritten in the built site, the banner put in, replaced or taken out.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.atomic import write_atomic
from site_builder.model import Report
from site_builder.publish.problem_banner import banner_html, with_banner


@dataclass
class BannerPages:
    banner: str = ""  # what every page shows now: the latest check's errors, or nothing
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # the project's files as then checked
    pages: dict[str, str] = field(default_factory=dict)  # each built page (its path) and the banner it shows
    generated_from: Report | None = None  # the latest report the hooks generated pages from, once seen

    def checked(self, files: dict[str, tuple[int, int]], report: Report) -> None:
        """Note the check of the project's ``files`` (as they were when it began) and its errors."""
        self.files = files
        self.banner = banner_html(report.diagnostics)

    def rendered(self, path: str, page: str) -> str:
        """The page just rendered to ``path``, with the banner of the latest check."""
        self.pages[path] = self.banner
        return with_banner(page, self.banner)

    def bring_up_to_date(self, site_dir: Path) -> list[str]:
        """Give every built page not rendered since the check its banner; the pages rewritten."""
        rewritten = []
        for path, shown in list(self.pages.items()):
            if shown == self.banner:
                continue
            try:
                page = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                del self.pages[path]  # gone from the site, or not a page that this preview wrote
                continue
            with contextlib.suppress(FileNotFoundError):
                write_atomic(Path(path), with_banner(page, self.banner).encode("utf-8"), root=site_dir, durable=False)
                rewritten.append(path)
            self.pages[path] = self.banner
        return rewritten
