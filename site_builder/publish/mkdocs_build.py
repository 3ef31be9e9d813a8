"""Publish generated Markdown with MkDocs, swapping the new site in only once it is complete.

MkDocs builds into a fresh folder beside ``site_dir``; only a build that succeeded replaces
``site_dir`` (see :mod:`site_builder.publish.swap`). A build stopped at any point, even by SIGKILL,
leaves the previous site as it was and at most a hidden leftover folder, which the next build
removes. Builds of one site take turns: each holds a lock on ``.<site>.lock``, and MkDocs
inherits it, so a leftover is never removed while a killed build's MkDocs still writes to it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from site_builder.publish.search_index import SearchIndexError, index_site
from site_builder.publish.swap import recover, replace_folder
from site_builder.render.site_settings import SiteSettings

CONFIG_NAME = "mkdocs.yml"


class PublishError(Exception):
    """MkDocs could not build the site; the previous site is left as it was."""


@dataclass(frozen=True)
class SiteConfig:
    config_file: Path
    docs_dir: Path
    site_dir: Path
    settings: SiteSettings = SiteSettings()  # noqa: RUF009 - frozen, so sharing it is safe; what the pages need to know of the site


def _contains(outer: Path, inner: Path) -> bool:
    return inner == outer or outer in inner.parents


def _check_folders(root: Path, site: SiteConfig) -> None:
    """Refuse a ``site_dir`` that would replace the project or its inputs."""
    root, docs, out = root.resolve(), site.docs_dir.resolve(), site.site_dir.resolve()
    keep = [root / "seeds", root / "factsheets", docs, site.config_file.resolve()]
    if _contains(out, root) or any(_contains(out, p) or _contains(p, out) for p in keep):
        raise PublishError(
            f"{site.config_file}: site_dir {site.site_dir} would overwrite the project's own files; "
            "choose a folder of its own, such as 'site'"
        )


def read_config(root: Path) -> SiteConfig:
    """The folders and site settings that ``mkdocs.yml`` names, read with MkDocs' own YAML loader."""
    from mkdocs.utils.yaml import yaml_load

    config_file = root / CONFIG_NAME
    try:
        with config_file.open("rb") as stream:
            raw = yaml_load(stream) or {}
    except FileNotFoundError:
        raise PublishError(f"{config_file} does not exist; the site is built from it") from None
    except Exception as exc:  # any YAML or I/O problem of the config file
        raise PublishError(f"{config_file} cannot be read: {exc}") from None
    if not isinstance(raw, dict):
        raise PublishError(f"{config_file} is not a mapping of MkDocs settings")
    base = config_file.parent
    site = SiteConfig(
        config_file,
        base / str(raw.get("docs_dir", "docs")),
        base / str(raw.get("site_dir", "site")),
        SiteSettings.from_config(raw),
    )
    _check_folders(root, site)
    return site


def _mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    return env


@contextmanager
def _build_lock(target: Path) -> Iterator[int]:
    """Hold the site's build lock; yields its file descriptor, for MkDocs to inherit."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target.with_name(f".{target.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not a POSIX system: builds do not take turns
            yield fd
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def leftovers(target: Path, kind: str = "*") -> list[Path]:
    """Folders left beside ``target`` by builds that were stopped."""
    return sorted(p for p in target.parent.glob(f".{target.name}.{kind}-*") if p.is_dir())


def publish(site: SiteConfig) -> None:
    """Run ``mkdocs build --strict`` into a new folder, index it for search, then swap it in for
    ``site_dir``."""
    target = site.site_dir
    with _build_lock(target) as lock:
        recover(target, leftovers(target, "old"))
        for leftover in leftovers(target):
            shutil.rmtree(leftover, ignore_errors=True)
        fresh = target.with_name(f".{target.name}.new-{os.getpid()}")
        stale = target.with_name(f".{target.name}.old-{os.getpid()}")
        try:
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "build",
                    "--strict",
                    "--clean",
                    "--quiet",
                    "--config-file",
                    str(site.config_file),
                    "--site-dir",
                    str(fresh),
                ],
                env=_mkdocs_env(),
                capture_output=True,
                text=True,
                pass_fds=(lock,) if os.name == "posix" else (),
            )
            if done.returncode != 0:
                raise PublishError("MkDocs did not build the site:\n" + (done.stderr + done.stdout).strip())
            try:
                index_site(fresh, site.settings.use_directory_urls)
            except SearchIndexError as exc:
                raise PublishError(str(exc)) from None
            replace_folder(target, fresh, stale)
        finally:
            recover(target, [stale] if stale.exists() else [])  # interrupted between two renames
            shutil.rmtree(fresh, ignore_errors=True)
            shutil.rmtree(stale, ignore_errors=True)
