"""The language of a source's text on the page: ``lang``, and ``dir="rtl"`` for scripts written
right to left, so that browsers, screen readers and search treat the text right."""

from __future__ import annotations

from site_builder.render.escape import Md, attribute

# Languages written right to left by default, and scripts that are (a subtag such as ``-Arab``).
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"})
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "samr", "mand"})


def is_rtl(language: str) -> bool:
    language_part, *subtags = language.lower().split("-")
    scripts = [s for s in subtags if len(s) == 4 and s.isalpha()]
    if scripts:
        return scripts[0] in RTL_SCRIPTS
    return language_part in RTL_LANGUAGES


def html_attributes(language: str | None) -> Md:
    """`` lang="…"`` (and `` dir="rtl"``) for an HTML tag; nothing when the language is unknown."""
    if not language:
        return Md("")
    direction = ' dir="rtl"' if is_rtl(language) else ""
    return Md(f' lang="{attribute(language)}"{direction}')


def attribute_list(language: str | None) -> Md:
    """The same as a Markdown attribute list for the paragraph it ends; nothing when unknown."""
    attributes = html_attributes(language)
    return Md(f"{{{attributes} }}") if attributes else Md("")
