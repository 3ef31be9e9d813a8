"""Scripts and launch actions in a PDF: what a viewer could run when the published original is opened.

Read with pypdf's public objects only: the catalog's open action and additional actions, the
JavaScript names tree, and each page's and annotation's actions (``/A``, ``/AA``), following
``/Next`` chains.
"""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

_DANGEROUS = {"/JavaScript": "JavaScript", "/Launch": "a Launch action"}
_LIMIT = 10_000  # objects looked at, so a hostile chain of actions cannot keep the reader busy


def active_content(reader: PdfReader) -> tuple[str, ...]:
    """Where the PDF holds JavaScript or Launch actions, said plainly (empty for a harmless PDF)."""
    found: list[str] = []
    root: Any = reader.trailer["/Root"]
    names = _get(root, "/Names")
    if names is not None and _get(names, "/JavaScript") is not None:
        found.append("JavaScript in the document's names tree")
    for key, where in (("/OpenAction", "the action run on opening"), ("/AA", "the document's actions")):
        found += [f"{kind} in {where}" for kind in _kinds(_get(root, key))]
    for number, page in enumerate(reader.pages, start=1):
        found += [f"{kind} in the actions of page {number}" for kind in _kinds(_get(page, "/AA"))]
        for annotation in _get(page, "/Annots") or []:
            annotation = annotation.get_object() if hasattr(annotation, "get_object") else annotation
            for key in ("/A", "/AA"):
                found += [f"{kind} in a link or form field on page {number}" for kind in _kinds(_get(annotation, key))]
    return tuple(dict.fromkeys(found))


def _get(obj: Any, key: str) -> Any:
    try:
        value: Any = obj.get(key) if hasattr(obj, "get") else None
        return value.get_object() if hasattr(value, "get_object") else value
    except Exception:  # a broken reference reads as nothing
        return None


def _kinds(action: Any) -> list[str]:
    """The dangerous kinds among an action, its ``/Next`` chain, and a dictionary of actions."""
    kinds: list[str] = []
    todo, seen = [action], 0
    while todo and seen < _LIMIT:
        obj = todo.pop()
        seen += 1
        if obj is None:
            continue
        obj = obj.get_object() if hasattr(obj, "get_object") else obj
        if isinstance(obj, list) or not hasattr(obj, "get") or _get(obj, "/Type") == "/Page":
            continue  # a destination, not an action
        kind = _get(obj, "/S")
        if kind is not None and str(kind) in _DANGEROUS:
            kinds.append(_DANGEROUS[str(kind)])
        if _get(obj, "/JS") is not None and "JavaScript" not in kinds:
            kinds.append("JavaScript")
        if kind is None:  # a dictionary of additional actions, one per event
            todo.extend(_get(obj, key) for key in obj)
        else:
            todo.append(_get(obj, "/Next"))
    return list(dict.fromkeys(kinds))
