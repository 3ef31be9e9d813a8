"""The time a build gives its exports (``created``/``modified`` of the Web Annotations).

``SOURCE_DATE_EPOCH`` when set, the convention of reproducible builds; otherwise when the project's
content last changed: the newest modification time of its records, its sources and ``mkdocs.yml``.
Either way a rebuild of unchanged content is byte-identical, and rewrites no export.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path

INPUTS = ("factsheets", "seeds")


def content_time(root: Path) -> float | None:
    files = [p for folder in INPUTS for p in (root / folder).rglob("*") if p.is_file()]
    files.append(root / "mkdocs.yml")
    times = [p.stat().st_mtime for p in files if p.is_file()]
    return max(times) if times else None


def build_time(root: Path, environ: Mapping[str, str] | None = None) -> str:
    """An ISO 8601 time in UTC, to the second."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else content_time(root)
    moment = datetime.now(timezone.utc) if seconds is None else datetime.fromtimestamp(seconds, timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
