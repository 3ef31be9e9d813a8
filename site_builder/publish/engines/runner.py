"""A site engine's command line, started before it is needed: it imports the engine and its theme
while the pages are being generated, then builds with the arguments it reads (JSON) from its input.

``python -m site_builder.publish.engines.runner ENGINE [MODULE...]``: ENGINE is the package whose
``__main__`` has the ``cli``; the MODULEs are imported first. An input closed without arguments (the
pages could not be generated) ends it without building.
"""

from __future__ import annotations

import importlib
import json
import sys


def main() -> None:
    engine, *preload = sys.argv[1:] or ["mkdocs", "material"]
    for module in preload:  # imported now, while the pages are generated
        importlib.import_module(module)
    cli = importlib.import_module(f"{engine}.__main__").cli
    given = sys.stdin.read()
    if not given.strip():
        return
    try:
        cli(args=json.loads(given), prog_name=engine)
    except Exception as exc:  # an engine that reports a failed build by raising: its verdict, without a traceback
        print(f"{engine}: {exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
