"""What ``site-builder serve`` keeps between two rebuilds, so that each does only what an edit needs.

MkDocs loads hook files as modules of their own, so the state lives here, in a module that the
command and the hooks both import.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.check.run import check
from site_builder.model import Report
from site_builder.publish.banner_pages import BannerPages
from site_builder.publish.build_time import build_time
from site_builder.render.incremental import Generated, generate_changes
from site_builder.render.site_settings import SiteSettings
from site_builder.runtime.session import Session


@dataclass
class Preview:
    root: Path
    session: Session  # the loaded records and located quotes, kept in memory and in the store
    generated: Generated | None = None  # what the docs folder holds
    report: Report | None = None  # the report the docs folder was last generated from
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # what the project's files were then
    #: the time the exports carry, fixed when the preview starts: were it to follow each edit, every
    #: page would differ from the last rebuild's settings and be generated again
    exports_time: str | None = None
    banners: BannerPages = field(default_factory=BannerPages)  # the errors each built page shows

    def settings(self, site: SiteSettings) -> SiteSettings:
        """The site's settings as the preview renders every page, from the first to the last."""
        if self.exports_time is None:
            self.exports_time = build_time(self.root)
        return dataclasses.replace(site, generated=self.exports_time)

    def unchanged(self) -> bool:
        """Whether no file of the project changed since the pages were last generated (the
        rebuild that the generated pages themselves set off); notes the files as they are now."""
        now = project_files(self.root)
        same = self.generated is not None and now == self.files
        self.files = now
        return same


def project_files(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file under the project's folders and of its config."""
    found: dict[str, tuple[int, int]] = {}
    pending = [root / "seeds", root / "factsheets"]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                    continue
                info = entry.stat()
            except OSError:
                continue
            found[entry.path] = (info.st_mtime_ns, info.st_size)
    with contextlib.suppress(OSError):
        info = os.stat(root / "mkdocs.yml")
        found["mkdocs.yml"] = (info.st_mtime_ns, info.st_size)
    return found


current: Preview | None = None


def start(root: Path, site: SiteSettings, docs_dir: Path) -> Preview:
    """Check the project and generate every page before MkDocs starts serving them."""
    state = for_root(root)
    state.unchanged()  # notes the files as they are now
    report = check(root, session=state.session)
    state.banners.checked(state.files, report)
    _, state.generated = generate_changes(report, docs_dir, state.settings(site), None)
    return state


def for_root(root: Path) -> Preview:
    """The preview of the project at ``root``, made on first use."""
    global current
    if current is None or current.root != root:
        current = Preview(root, Session.for_project(root))
    return current


def check_for_banner(state: Preview) -> None:
    """Bring the banner's errors up to date with the project's files, after the hooks' rebuild.

    A report the hooks have just generated pages from is the latest check: it is used as it is.
    Otherwise, if a file changed since the banner was made, the project is checked again; the
    citations unchanged since are not located again, so this costs little more than reading the
    records that changed.
    """
    banners = state.banners
    if state.report is not None and state.report is not banners.generated_from:
        banners.generated_from = state.report
        banners.checked(state.files, state.report)
        return
    now = project_files(state.root)
    if now != banners.files:
        banners.checked(now, check(state.root, session=state.session))
