"""Index a site built by another engine for search: ``python -m site_builder.publish.index_search SITE_DIR``.

Zensical, for one, publishes the generated Markdown with the same search button and dialog;
this writes the index they load into ``SITE_DIR/pagefind/``. Add ``--no-directory-urls`` for a
site built with ``use_directory_urls: false``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from site_builder.publish.search_index import SearchIndexError, index_site


def main(argv: list[str]) -> int:
    folders = [arg for arg in argv if not arg.startswith("--")]
    if len(folders) != 1 or not Path(folders[0]).is_dir():
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    try:
        index_site(Path(folders[0]), directory_urls="--no-directory-urls" not in argv)
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
