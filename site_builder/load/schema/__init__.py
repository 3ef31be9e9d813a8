"""The record formats, defined once as JSON Schema files that ship with the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_schema(name: str) -> dict[str, Any]:
    """``name`` is ``factsheet``, ``source``, ``report`` or ``facts`` (the published facts.json)."""
    return json.loads(resources.files(__name__).joinpath(f"{name}.schema.json").read_text("utf-8"))


def schema_path(name: str) -> str:
    return str(resources.files(__name__).joinpath(f"{name}.schema.json"))
