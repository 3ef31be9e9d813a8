"""A config file that inherits the site's ``mkdocs.yml`` and sets only ``site_dir``: for an engine
that reads the output folder from its config file alone (Zensical has no ``--site-dir``).

It is written beside the config file, so every relative path in it means what it meant there, under a
fresh name no other build uses, and removed once the build is done.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def with_site_dir(config_file: Path, site_dir: Path) -> Iterator[Path]:
    """A config file that is ``config_file`` building into ``site_dir``, while the context lasts."""
    # JSON strings are YAML strings: any file name is quoted safely.
    text = f"INHERIT: {json.dumps(config_file.name)}\nsite_dir: {json.dumps(str(site_dir.resolve()))}\n"
    fd, name = tempfile.mkstemp(prefix=f".{config_file.name}.", suffix=".yml", dir=config_file.parent)
    derived = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        yield derived
    finally:
        derived.unlink(missing_ok=True)
