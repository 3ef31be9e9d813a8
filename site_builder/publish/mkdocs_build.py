"""Publish generated Markdown with MkDocs, swapping the new site in only once it is complete.

MkDocs builds into a fresh folder beside ``site_dir``; only a build that succeeded replaces
``site_dir`` (see :mod:`site_builder.publish.swap`). A build stopped at any point, even by SIGKILL,
leaves the previous site as it was and at most a hidden leftover folder, which the next build
removes. The previous site, once replaced, is removed by a process of its own (see
:mod:`site_builder.publish.removal`): the build does not wait for thousands of files to go.
Builds of one site take turns: each holds a lock on ``.<site>.lock``, and the engine inherits it,
so a leftover is never removed while a killed build's engine still writes to it.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from site_builder.atomic import UnsafeWrite, check_no_links
from site_builder.publish.engines import Engine, EngineError, choose, plain
from site_builder.publish.removal import remove_in_background
from site_builder.publish.search_index import BUNDLE, SearchIndexError, index_site, start_indexing
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
    engine: str | None = None  # extra.engine of the config: the site engine that builds, if chosen
    hooks: tuple[str, ...] = ()  # the MkDocs hooks the config lists


def _contains(outer: Path, inner: Path) -> bool:
    return inner == outer or outer in inner.parents


def _check_folders(root: Path, site: SiteConfig) -> None:
    """Refuse a ``site_dir`` that would replace the project or its inputs, and a ``docs_dir`` or
    ``site_dir`` reached through a link inside the project (a committed ``build`` → elsewhere would
    carry every page out of it): raises :class:`UnsafeWrite`."""
    for folder in (site.docs_dir, site.site_dir):
        check_no_links(folder, root)
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
    extra = raw.get("extra")
    engine = extra.get("engine") if isinstance(extra, dict) else None
    hooks = raw.get("hooks")
    site = SiteConfig(
        config_file,
        base / str(raw.get("docs_dir", "docs")),
        base / str(raw.get("site_dir", "site")),
        SiteSettings.from_config(raw),
        None if engine is None else str(engine),
        tuple(str(hook) for hook in hooks) if isinstance(hooks, list) else (),
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
    lock = target.with_name(f".{target.name}.lock")
    if lock.is_symlink():
        raise UnsafeWrite(lock, "the build lock is a symbolic link; the tool does not write through links")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
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
    return sorted(p for p in target.parent.glob(f".{target.name}.{kind}-*") if p.is_dir() and not p.is_symlink())


def index_pages_folder(target: Path) -> Path:
    """Where the pages made for the search index are kept between builds of the site ``target``."""
    return target.with_name(f".{target.name}.index")


def publish(site: SiteConfig, search_pages: dict[str, str] | None = None, engine: str | None = None) -> None:
    """Run ``mkdocs build --strict`` into a new folder, index it for search, then swap it in for
    ``site_dir``.

    With ``search_pages`` (see :mod:`site_builder.render.search_pages`), the index is made from
    them while MkDocs builds; without, from the built site once MkDocs is done.
    """
    with publishing(site, engine) as publication:
        publication.publish(search_pages)


@contextmanager
def publishing(site: SiteConfig, engine: str | None = None) -> Iterator[Publication]:
    """Hold the site's build lock and start the site engine (``engine``, else the config's, else the
    first installed), which imports itself while the caller generates the pages; then
    :meth:`Publication.publish` builds. The engine inherits the lock."""
    try:
        chosen = choose(engine or site.engine)
    except EngineError as exc:
        raise PublishError(f"{site.config_file}: {exc}") from None
    if site.hooks and not chosen.mkdocs_compatible:
        raise PublishError(
            f"{site.config_file}: hooks: {chosen.title} runs no MkDocs hook, so {', '.join(site.hooks)} would be "
            "skipped; remove the hooks, or build with --engine mkdocs"
        )
    with _build_lock(site.site_dir) as lock:
        runner = chosen.start(
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_mkdocs_env(),
            pass_fds=(lock,) if os.name == "posix" else (),
        )
        try:
            yield Publication(site, runner, chosen)
        finally:
            if runner.poll() is None:
                runner.communicate("")  # not asked to build: it ends without building


@dataclass
class Publication:
    site: SiteConfig
    runner: subprocess.Popen
    engine: Engine

    def _mkdocs_build(self, site_dir: Path) -> tuple[int, str]:
        with self.engine.build_arguments(self.site.config_file, site_dir) as arguments:
            out, err = self.runner.communicate(json.dumps(arguments))
        return self.runner.returncode, plain(err + out).strip()

    def publish(self, search_pages: dict[str, str] | None = None) -> None:
        """See :func:`publish`."""
        target = self.site.site_dir
        recover(target, leftovers(target, "old"))
        remove_in_background(target, leftovers(target))
        # Fresh folders made with exclusive creation: no name a repository could have put a link at.
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        stale = fresh.with_name(fresh.name.replace(".new-", ".old-", 1))
        search = Path(tempfile.mkdtemp(prefix=f".{target.name}.search-", dir=target.parent))
        with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as said:
            indexer = None
            if search_pages is not None:
                indexer = start_indexing(search_pages, index_pages_folder(target), search, said)
            try:
                code, output = self._mkdocs_build(fresh)
                if code != 0:
                    raise PublishError(f"{self.engine.title} did not build the site:\n" + output)
                if indexer is None:
                    index_site(fresh, self.site.settings.use_directory_urls)
                elif indexer.wait() != 0:
                    said.seek(0)
                    raise SearchIndexError("Pagefind did not index the site:\n" + said.read().strip())
                else:
                    (search / BUNDLE).rename(fresh / BUNDLE)
                replace_folder(target, fresh, stale)
            except SearchIndexError as exc:
                raise PublishError(str(exc)) from None
            finally:
                if indexer is not None and indexer.poll() is None:
                    indexer.kill()
                    indexer.wait()
                recover(target, [stale] if stale.exists() else [])  # interrupted between two renames
                remove_in_background(target, [fresh, stale, search])
