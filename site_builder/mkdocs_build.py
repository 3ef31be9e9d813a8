"""Publish generated Markdown with MkDocs, swapping the new site in only once it is complete."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from site_builder.render.site_settings import SiteSettings

CONFIG_NAME = "mkdocs.yml"


class PublishError(Exception):
    """MkDocs could not build the site; the previous site is left as it was."""


@dataclass(frozen=True)
class SiteConfig:
    config_file: Path
    docs_dir: Path
    site_dir: Path
    settings: SiteSettings = SiteSettings()  # what the pages need to know of the site


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
    return SiteConfig(config_file, base / str(raw.get("docs_dir", "docs")), base / str(raw.get("site_dir", "site")),
                      SiteSettings.from_config(raw))


def _mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    return env


def publish(site: SiteConfig) -> None:
    """Run ``mkdocs build --strict`` into a new folder, then swap it in for ``site_dir``."""
    target = site.site_dir
    fresh = target.with_name(f".{target.name}.new-{os.getpid()}")
    stale = target.with_name(f".{target.name}.old-{os.getpid()}")
    for leftover in target.parent.glob(f".{target.name}.*-*"):  # from an interrupted build
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet",
             "--config-file", str(site.config_file), "--site-dir", str(fresh)],
            env=_mkdocs_env(), capture_output=True, text=True,
        )
        if done.returncode != 0:
            raise PublishError("MkDocs did not build the site:\n" + (done.stderr + done.stdout).strip())
        if target.exists():
            target.rename(stale)
        fresh.rename(target)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(stale, ignore_errors=True)
