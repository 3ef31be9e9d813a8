"""``python -m mkdocs``, started before it is needed: it imports MkDocs and its theme while the
pages are being generated, then builds with the arguments it reads (JSON) from its input, on two
cores when it can (see :mod:`site_builder.publish.mkdocs_two_cores`).

An input closed without arguments (the pages could not be generated) ends it without building.
"""

from __future__ import annotations

import json
import sys


def main() -> None:
    # Imported now, while the pages are generated; MkDocs imports the Markdown extensions itself.
    import material  # noqa: F401
    import mkdocs.config  # noqa: F401
    from mkdocs.__main__ import cli

    from site_builder.publish import mkdocs_two_cores

    given = sys.stdin.read()
    if not given.strip():
        return
    mkdocs_two_cores.install()
    cli(args=json.loads(given), prog_name="mkdocs")


if __name__ == "__main__":
    main()
