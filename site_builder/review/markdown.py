"""The review summary as Markdown, for a job summary or a pull-request comment.

GitHub takes at most 1 MiB of summary per step, so the text is kept under ``LIMIT`` bytes however
large the change: what does not fit is counted in a closing note that says how to see it all.
User text is escaped: it is shown, never read as Markdown or HTML.
"""

from __future__ import annotations

import html
import re

from site_builder.counts import counted
from site_builder.diagnostics import Diagnostic
from site_builder.review.compare import FactChange, FieldChange, Review, SheetChange, SourceChange
from site_builder.review.words import word_diff

LIMIT = 1_000_000  # bytes; GitHub's limit is 1 MiB (1 048 576) per step
SHOWN_PER_KIND = 10  # annotations GitHub shows per kind and step
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_RESULT = {"passes": "✅ passes", "warns": "⚠️ passes with warnings", "fails": "❌ fails", "removed": "removed"}


def escape(text: str) -> str:
    """``text`` shown as it is: HTML escaped, Markdown's punctuation backslashed, on one line."""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def code(text: str) -> str:
    """A short name (an id, a path) in code style, whatever backticks it holds."""
    flat = " ".join(text.split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _diff(change: FieldChange) -> str:
    parts = []
    for op, words in word_diff(change.old, change.new):
        shown = escape(words)
        parts.append(shown if op == "=" else f"~~{shown}~~" if op == "-" else f"**{shown}**")
    return " ".join(parts) or "*(empty)*"


#: fields that hold a list, shown item by item: ``+ uk``, ``− en``
LISTS = ("tags", "related")


def _items(change: FieldChange) -> str:
    old = [item for item in change.old.split(", ") if item]
    new = [item for item in change.new.split(", ") if item]
    added = [f"+ {code(item)}" for item in new if item not in old]
    removed = [f"− {code(item)}" for item in old if item not in new]
    return " ".join(added + removed)


def _fields(fields: tuple[FieldChange, ...]) -> list[str]:
    return [f"- {escape(f.name)}: {_items(f) if f.name in LISTS else _diff(f)}" for f in fields]


def _problem(x: Diagnostic) -> str:
    where = x.file + (f":{x.line}" if x.line else "") + (f":{x.column}" if x.line and x.column else "")
    return f"- {code(where)} **{x.severity}** {code(x.code)}: {escape(x.message)}"


def _fact(fact: FactChange) -> list[str]:
    if fact.status == "removed":
        statement = next((f.old for f in fact.fields if f.name == "statement"), "")
        return [f"#### {code(fact.ref)}: removed", "", f"- it said: {escape(statement)}", ""]
    lines = [f"#### {code(fact.ref)}: {fact.status} · {_RESULT[fact.result]}", ""]
    lines += _fields(fact.fields)
    lines += [_problem(x).replace("- ", "- problem: ", 1) for x in fact.problems]
    return lines + [""]


def _sheet(sheet: SheetChange) -> list[str]:
    lines = [f"### Sheet {code(sheet.id)}: {sheet.status} ({code(sheet.file)})", ""]
    if sheet.fields:
        lines += _fields(sheet.fields) + [""]
    return lines


def _source(source: SourceChange) -> list[str]:
    what = "text changed" if source.text_changed and source.status == "changed" else source.status
    lines = [f"### Source {code(source.id)}: {what} ({code(source.file)})", ""]
    lines += _fields(source.fields)
    for passage in source.passages:
        lines.append(f"- line {passage.line}: {_diff(FieldChange('text', passage.old, passage.new))}")
    if source.more_passages:
        lines.append(f"- and {source.more_passages} more edited passages")
    for broken in source.broken:
        closest = f"; closest passage now: “{escape(broken.closest)}”" if broken.closest else ""
        lines.append(f"- ❌ {code(broken.ref)} no longer stands: “{escape(broken.quote)}”{closest}")
    if source.facts:
        shown = ", ".join(code(ref) for ref in source.facts[:50])
        more = f" and {len(source.facts) - 50} more" if len(source.facts) > 50 else ""
        lines.append(f"- facts that rest on it ({len(source.facts)}): {shown}{more}")
    return lines + [""]


def _headline(review: Review) -> list[str]:
    facts = review.facts
    counts = {s: sum(1 for f in facts if f.status == s) for s in ("added", "changed", "removed")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "none"
    if review.errors:
        verdict = f"❌ {counted(review.errors, 'error')}, {counted(review.warnings, 'warning')}"
    elif review.warnings:
        verdict = f"⚠️ no errors, {counted(review.warnings, 'warning')}"
    else:
        verdict = "✅ every citation stands"
    return [
        f"## Fact review: changes since {code(review.since)}",
        "",
        f"- check: {verdict}",
        f"- sheets changed: {len(review.sheets)}; facts: {summary}; sources changed: {len(review.sources)}",
        "",
    ]


def _problems(review: Review) -> list[list[str]]:
    """The heading, then each problem as a block of its own, so that a long list is cut line by line."""
    if not review.problems:
        return []
    lines = ["### Problems", ""]
    over = [(kind, n) for kind, n in (("error", review.errors), ("warning", review.warnings)) if n > SHOWN_PER_KIND]
    if over:
        counted = " and ".join(f"{n} {kind}s" for kind, n in over)
        lines += [
            f"GitHub shows at most {SHOWN_PER_KIND} annotations of each kind on the changed lines; "
            f"there are {counted}, so all of them are listed here.",
            "",
        ]
    return [lines] + [[_problem(x)] for x in review.problems] + [[""]]


def render_markdown(review: Review, limit: int = LIMIT) -> str:
    """The review as Markdown of at most ``limit`` UTF-8 bytes."""
    blocks: list[list[str]] = [_headline(review), *_problems(review)]
    if review.sheets:
        blocks.append(["## Fact sheets", ""])
    for sheet in review.sheets:
        blocks.append(_sheet(sheet))
        blocks += [_fact(fact) for fact in sheet.facts]
    if review.sources:
        blocks.append(["## Sources", ""])
    blocks += [_source(source) for source in review.sources]
    if not review.sheets and not review.sources:
        blocks.append(["No fact sheet or source changed.", ""])
    out: list[str] = []
    size = 0
    reserve = 400  # room for the closing note
    for i, block in enumerate(blocks):
        text = "\n".join(block) + "\n"
        cost = len(text.encode("utf-8"))
        if size + cost > limit - reserve:
            left = len(blocks) - i
            out.append(
                f"*The summary stops here to stay under GitHub's 1 MiB limit: {left} more part"
                f"{'s' if left != 1 else ''} of the review are not shown. "
                f"Run {code(f'site-builder diff {review.since} --format json')} for all of it.*\n"
            )
            break
        out.append(text)
        size += cost
    return "".join(out)
