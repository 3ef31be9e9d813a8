"""``python -m mkdocs``, started before it is needed: it imports MkDocs and its theme while the
pages are being generated, then builds with the arguments it reads (JSON) from its input.

An input closed without arguments (the pages could not be generated) ends it without building.
"""

from __future__ import annotations

import json
import runpy
import sys


def main() -> None:
    # Imported now, while the pages are generated; MkDocs imports the Markdown extensions itself.
    import material  # noqa: F401
    import mkdocs.__main__
    import mkdocs.commands.build
    import mkdocs.config  # noqa: F401

    given = sys.stdin.read()
    if not given.strip():
        return
    sys.argv = ["mkdocs", *json.loads(given)]
    runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
