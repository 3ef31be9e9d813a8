"""The banner a preview page shows at its top while the check finds errors: each error as the
terminal prints it, ``file:line:col: error[code]: message``.

Every word of it is escaped: a message quotes the curator's records, which are data, never markup.
The banner sits between two comments, so a page that carries it can be given another, or none.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from site_builder.counts import counted
from site_builder.diagnostics import Diagnostic

START = "<!-- site-builder: errors -->"
END = "<!-- /site-builder: errors -->"
SHOWN = 50  # errors listed in the banner; the terminal lists them all

_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BANNER = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)

_BOX = (
    "margin:0;padding:.6rem 1rem;background:#fdecea;color:#5f2120;border-bottom:4px solid #b71c1c;"
    "font:.7rem/1.5 system-ui,sans-serif;max-height:40vh;overflow:auto"
)


def where(problem: Diagnostic) -> str:
    """``file:line:col``, or as much of it as the problem knows."""
    return ":".join(str(part) for part in (problem.file, problem.line, problem.column) if part)


def problem_line(problem: Diagnostic) -> str:
    """The problem in one line, as ``site-builder serve`` prints it in the terminal."""
    return f"{where(problem)}: {problem.severity}[{problem.code}]: {problem.message}"


def banner_html(problems: Sequence[Diagnostic]) -> str:
    """The banner listing the errors among ``problems``; empty when there is none."""
    errors = [x for x in problems if x.severity == "error"]
    if not errors:
        return ""
    items = [
        f"<li><code>{html.escape(where(x))}</code>: {html.escape(f'{x.severity}[{x.code}]: {x.message}')}</li>"
        for x in errors[:SHOWN]
    ]
    if len(errors) > SHOWN:
        items.append(f"<li>and {len(errors) - SHOWN} more: run <code>site-builder check</code> to see them all</li>")
    heading = f"{counted(len(errors), 'error')} in the fact sheets: this page reloads once the records are fixed"
    return (
        f'{START}\n<section class="site-builder-errors" role="alert" aria-label="Errors in the fact sheets" '
        f'style="{_BOX}">\n<p style="margin:0 0 .3rem;font-weight:bold">{html.escape(heading)}</p>\n'
        f'<ul style="margin:0;padding-left:1.2rem">\n' + "\n".join(items) + f"\n</ul>\n</section>\n{END}"
    )


def with_banner(page: str, banner: str) -> str:
    """``page`` with ``banner`` (empty: none) as the first thing in its body, in place of any it had."""
    page = _BANNER.sub("", page, count=1)
    if not banner:
        return page
    body = _BODY.search(page)
    at = body.end() if body else 0
    return page[:at] + banner + page[at:]
