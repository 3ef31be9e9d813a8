"""What ``add-source`` prints: what it added and wrote, or what a replacement would break."""

from __future__ import annotations

from site_builder.ingest.add import Added


def pages_phrase(added: Added) -> str:
    if not added.pages:
        return ""
    plural = "page" if added.pages == 1 else "pages"
    labels = added.page_labels
    printed = f" (printed {labels[0]}–{labels[-1]})" if labels and len(labels) > 1 else ""
    return f", {added.pages} {plural}{printed}"


def summary_text(added: Added) -> str:
    verb = "replaced" if added.replaced else "added"
    language = f" ({added.language})" if added.language else ""
    lines = [
        f"{verb} {added.id}: {added.title}{language}, {added.paragraphs} "
        f"{'paragraph' if added.paragraphs == 1 else 'paragraphs'}{pages_phrase(added)}"
    ]
    lines += [f"wrote {path}" for path in added.files]
    lines += [note if note.startswith("warning: ") else f"note: {note}" for note in added.notes]
    return "\n".join(lines) + "\n"


def falling_text(added: Added) -> str:
    """The citations the replacement breaks, said before anything is written."""
    if not added.falling:
        return ""
    lines = [f"warning: replacing {added.id}: these quotes would no longer stand in the new text:"]
    lines += [f"  {falling}" for falling in added.falling]
    return "\n".join(lines) + "\n"
