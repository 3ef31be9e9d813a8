"""A site engine's command line, started before it is needed: it imports the engine and its theme
while the pages are being generated, then builds with the arguments it reads (JSON) from its input.

An input closed without arguments (the pages could not be generated) ends it without building.
"""

from __future__ import annotations

import importlib
import json
import sys


def main() -> None:
    engine = sys.argv[1] if len(sys.argv) > 1 else "mkdocs"
    # Imported now, while the pages are generated; the engine imports the Markdown extensions itself.
    import material  # noqa: F401

    cli = importlib.import_module(f"{engine}.__main__").cli
    given = sys.stdin.read()
    if not given.strip():
        return
    cli(args=json.loads(given), prog_name=engine)


if __name__ == "__main__":
    main()
