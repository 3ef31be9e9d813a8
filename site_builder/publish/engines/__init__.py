"""The site engines that build the generated Markdown into a site folder.

Each engine is a process started before it is needed (it imports itself while the pages are
generated); it reads its arguments from its input and answers with its exit code (the verdict)
and its output (the warnings). Each runs through its public command line only: MkDocs and ProperDocs
(MkDocs' maintained fork) build with MkDocs' own code, plugins and hooks included; Zensical reads the
same ``mkdocs.yml`` but renders with its own theme and runs no MkDocs plugin or hook.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from site_builder.publish.engines.derived_config import with_site_dir

DEFAULT_ORDER = ("mkdocs", "properdocs", "zensical")

_TERMINAL_STYLE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")  # colours an engine writes even to a pipe


class EngineError(Exception):
    """The engine asked for cannot build this site here."""


@dataclass(frozen=True)
class Engine:
    """How to start one engine and what to ask it to build."""

    name: str
    title: str  # as its users write it
    module: str  # the package whose command line builds
    preload: tuple[str, ...] = ("material",)  # imported while the pages are generated
    mkdocs_compatible: bool = True  # builds with MkDocs' code: its theme, warnings, plugins and hooks
    site_dir_option: bool = True  # takes the output folder on its command line

    def installed(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    def start(self, **popen: object) -> subprocess.Popen[str]:
        """Start the engine's runner; it waits for :meth:`build_arguments` on its input."""
        command = [sys.executable, "-m", "site_builder.publish.engines.runner", self.module, *self.preload]
        return subprocess.Popen(command, text=True, **popen)  # type: ignore[call-overload]

    @contextmanager
    def build_arguments(self, config_file: Path, site_dir: Path, quiet: bool = True) -> Iterator[list[str]]:
        """A strict build of ``config_file`` into the fresh folder ``site_dir``, valid while the
        context lasts."""
        if self.site_dir_option:
            yield [
                "build",
                "--strict",
                "--clean",
                *(["--quiet"] if quiet else []),
                "--config-file",
                str(config_file),
                "--site-dir",
                str(site_dir),
            ]
            return
        with with_site_dir(config_file, site_dir) as derived:
            yield ["build", "--strict", "--config-file", str(derived)]


def plain(output: str) -> str:
    """An engine's output without the terminal colours some engines write even to a pipe."""
    return _TERMINAL_STYLE.sub("", output)


ENGINES = {
    "mkdocs": Engine("mkdocs", "MkDocs", "mkdocs"),
    "properdocs": Engine("properdocs", "ProperDocs", "properdocs"),
    "zensical": Engine(
        "zensical", "Zensical", "zensical", preload=("zensical.config",), mkdocs_compatible=False, site_dir_option=False
    ),
}


def choose(name: str | None = None) -> Engine:
    """The engine called ``name``, or the first of :data:`DEFAULT_ORDER` that is installed."""
    if name is not None:
        engine = ENGINES.get(name)
        if engine is None:
            raise EngineError(f"there is no site engine {name!r}; choose one of {', '.join(sorted(ENGINES))}")
        if not engine.installed():
            raise EngineError(
                f"the site engine {name!r} is not installed; install it (pip install {engine.module}), "
                "or choose another engine"
            )
        return engine
    for candidate in DEFAULT_ORDER:
        if ENGINES[candidate].installed():
            return ENGINES[candidate]
    raise EngineError("no site engine is installed; install mkdocs, properdocs or zensical")
