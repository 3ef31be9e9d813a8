"""The site engines that build the generated Markdown into a site folder.

Each engine is a process started before it is needed (it imports itself while the pages are
generated); it reads its arguments from its input and answers with its exit code (the verdict)
and its output (the warnings). MkDocs and ProperDocs run through their public command line only.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ORDER = ("mkdocs", "properdocs")


class EngineError(Exception):
    """The engine asked for cannot build this site here."""


@dataclass(frozen=True)
class Engine:
    """How to start one engine and what to ask it to build."""

    name: str
    title: str  # as its users write it
    module: str  # the package whose command line builds

    def installed(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    def start(self, **popen: object) -> subprocess.Popen[str]:
        """Start the engine's runner; it waits for :meth:`build_arguments` on its input."""
        command = [sys.executable, "-m", "site_builder.publish.engines.runner", self.name]
        return subprocess.Popen(command, text=True, **popen)  # type: ignore[call-overload]

    def build_arguments(self, config_file: Path, site_dir: Path) -> list[str]:
        """A strict, clean build of ``config_file`` into ``site_dir``."""
        return [
            "build",
            "--strict",
            "--clean",
            "--quiet",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(site_dir),
        ]


ENGINES = {
    "mkdocs": Engine("mkdocs", "MkDocs", "mkdocs"),
    "properdocs": Engine("properdocs", "ProperDocs", "properdocs"),
}


def choose(name: str | None = None) -> Engine:
    """The engine called ``name``, or the first of :data:`DEFAULT_ORDER` that is installed."""
    if name is not None:
        engine = ENGINES.get(name)
        if engine is None:
            raise EngineError(f"there is no site engine {name!r}; choose one of {', '.join(sorted(ENGINES))}")
        if not engine.installed():
            raise EngineError(f"the site engine {name!r} is not installed; install it, or choose another engine")
        return engine
    for candidate in DEFAULT_ORDER:
        if ENGINES[candidate].installed():
            return ENGINES[candidate]
    raise EngineError("no site engine is installed; install mkdocs or properdocs")
