"""The text of a PDF, page by page, with its printed page labels (pypdf, BSD licence).

Lines are rebuilt into paragraphs from where they stand on the page: a paragraph ends where the
next line starts higher up (a new column), further down than the usual line spacing, or
indented. Ligature glyphs and hyphens stay as the PDF has them; the matcher's normalizations
deal with them. A PDF whose text is only glyph codes, or that has none, needs OCR and is refused.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from site_builder.ingest import language as languages
from site_builder.ingest.document import Extracted
from site_builder.ingest.errors import IngestError
from site_builder.ingest.pdf_actions import active_content
from site_builder.ingest.pdf_furniture import Line, footnotes, furniture
from site_builder.ingest.pdf_repairs import artifacts, join_accents
from site_builder.ingest.titles import page_title
from site_builder.text.pages import PAGE_BREAK

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_GLYPH_NAME = re.compile(r"^/(?:g|G|gid|glyph|cid|index|c)\d+$")
_SENTENCE_ENDS = tuple('.!?:;"”’)»')
# What word processors put in the title of a document that has none.
_PLACEHOLDER = re.compile(r"(?i)^(?:untitled|anonymous|unknown|.*\.(?:docx?|pdf|rtf|odt|indd|tex|qxd))$")
_CID_TOKEN = re.compile(r"\(cid:\d+\)")
# Share of a document's characters that may be glyph codes before it is refused: a few
# symbols drawn from a font without a Unicode map are common and harmless.
GLYPH_CODE_SHARE = 0.05
_NEEDS_OCR = "it needs OCR (text recognition) first; add the recognized text as a plain-text source instead"


def extract_pdf(data: bytes, name: str) -> Extracted:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and _locked(reader):
            raise IngestError(
                f"{name} is an encrypted PDF that needs a password to open; save an unencrypted copy and add that"
            )
        read = [_page_lines(page) for page in reader.pages]
        labels = _labels(reader)
        info: Any = reader.metadata or {}
        language = _catalog_language(reader)
        active = active_content(reader)
    except IngestError:
        raise
    except Exception as exc:  # a damaged or hostile file can break the parser in any way
        raise IngestError(f"{name} is not a readable PDF ({type(exc).__name__})") from None
    pages = [lines for lines, _ in read]
    edges = furniture(pages)
    texts = [_paragraphs(lines, apart, footnotes(lines, apart)) for lines, apart in zip(pages, edges)]
    characters = sum(len(t) - t.count(" ") - t.count("\n") for t in texts)
    coded = sum(c for _, c in read)
    if characters == 0:
        raise IngestError(f"{name} has no text layer (its pages are pictures); {_NEEDS_OCR}")
    if coded > GLYPH_CODE_SHARE * characters or _CID_TOKEN.search("".join(texts)):
        raise IngestError(
            f"{name} gives only glyph codes instead of letters (its fonts have no Unicode map); {_NEEDS_OCR}"
        )
    repaired = [join_accents(t) for t in texts]
    texts = [r.text for r in repaired]
    names = labels or [str(i + 1) for i in range(len(texts))]
    empty = [names[i] for i, t in enumerate(texts) if not t.strip()]
    notes = [f"no text on page{'s' if len(empty) > 1 else ''} {', '.join(empty)}"] if empty else []
    notes += _artifact_notes(texts, names)
    text = PAGE_BREAK.join(texts)
    accents = sum(r.accents for r in repaired)
    if accents:
        notes.append(
            f"joined {accents} accents drawn apart from their letters (na¨ıve → naïve); see repairs: in the metadata"
        )
    return Extracted(
        text=text,
        title=page_title(_info(info, "/Title") or "") or _first_heading(pages[0] if pages else [], edges[0]),
        author=_info(info, "/Author"),
        language=languages.declared(language) or languages.detected(text),
        pages=len(texts),
        page_labels=tuple(labels),
        notes=tuple(notes),
        repairs={"accents": accents} if accents else {},
        active_content=active,
    )


def _artifact_notes(texts: list[str], names: list[str]) -> list[str]:
    """A warning per kind of glyph the PDF did not map to a letter, naming the pages."""
    by_kind: dict[str, list[str]] = {}
    for text, label in zip(texts, names):
        for found in artifacts(text):
            by_kind.setdefault(found.split(" (")[0].split(" ", 1)[1], []).append(f"{label} ({found})")
    return [
        f"warning: the text holds glyphs the PDF does not map to letters on page{'s' if len(pages) > 1 else ''} "
        f"{'; '.join(pages)}; compare those pages with the PDF and correct seeds/ by hand if a quote needs them"
        for pages in by_kind.values()
    ]


def _first_heading(lines: list[Line], apart: set[int]) -> str | None:
    """The first page's largest line and the lines in the same type right after it, if larger than the text."""
    body = [(i, ln) for i, ln in enumerate(lines) if i not in apart and ln.text.strip()]
    if len(body) < 2:
        return None
    usual = statistics.median(ln.size for _, ln in body)
    largest = max(ln.size for _, ln in body)
    if largest < 1.15 * usual:
        return None
    first = next(k for k, (_, ln) in enumerate(body) if ln.size >= largest - 0.5)
    heading = []
    for _, ln in body[first:]:
        if ln.size < largest - 0.5:
            break
        heading.append(" ".join(ln.text.split()))
    return " ".join(heading)[:300] or None


def _locked(reader: PdfReader) -> bool:
    """Whether the PDF stays locked without a password (many are encrypted with an empty one)."""
    try:
        return reader.decrypt("") == PasswordType.NOT_DECRYPTED
    except (DependencyError, PyPdfError, NotImplementedError):
        return True


def _labels(reader: PdfReader) -> list[str]:
    """The printed page labels, or none when the PDF does not define them."""
    root: Any = reader.trailer["/Root"]
    if "/PageLabels" not in root:
        return []
    labels = [str(label) for label in reader.page_labels]
    return [] if labels == [str(n + 1) for n in range(len(labels))] else labels


def _catalog_language(reader: PdfReader) -> str | None:
    root: Any = reader.trailer["/Root"]
    lang = root.get("/Lang")
    return str(lang).strip() or None if lang is not None else None


def _info(info: Any, key: str) -> str | None:
    """A field of the document information, unless empty or a placeholder (``untitled``)."""
    value = info.get(key)
    text = " ".join(str(value).split()) if value is not None else ""
    if not text or _PLACEHOLDER.match(text):
        return None
    return text


def _page_lines(page: Any) -> tuple[list[Line], int]:
    """The page's lines in drawing order, cleaned of control characters, and how many characters are glyph codes."""
    lines: list[Line] = []
    current: list[Line] = []  # the line being built, as a one-element list
    coded = 0

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        nonlocal coded
        if not text:
            return
        if _is_glyph_coded(font):
            coded += len(text.replace(" ", "").replace("\n", ""))
        parts = text.split("\n")
        for n, part in enumerate(parts):
            if part:
                if not current:
                    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                    scale = abs(tm[3] * cm[3]) or 1.0
                    current.append(Line("", x, y, (size or 10.0) * scale))
                current[0].text += part
            if n < len(parts) - 1 and current:
                lines.append(current.pop())

    page.extract_text(visitor_text=visit)
    if current:
        lines.append(current.pop())
    lines = [Line(" ".join(_CONTROL.sub(" ", ln.text).split()), ln.x, ln.y, ln.size) for ln in lines]
    return [ln for ln in lines if ln.text], coded


def _is_glyph_coded(font: Any) -> bool:
    """Whether text drawn with ``font`` comes out as glyph ids rather than letters."""
    if not font or "/ToUnicode" in font:
        return False
    encoding = font.get("/Encoding")
    if font.get("/Subtype") == "/Type0":
        # Glyph ids without a Unicode map (pypdf would guess letters from them); a predefined
        # Unicode CMap such as UniGB-UCS2-H still names the characters.
        return not str(encoding).startswith("/Uni")
    try:
        resolved: Any = encoding.get_object() if encoding is not None else None
        differences = resolved.get("/Differences", []) if hasattr(resolved, "get") else []
    except (PyPdfError, AttributeError):
        return False
    return any(_GLYPH_NAME.match(str(name)) for name in differences if str(name).startswith("/"))


def _runs_on(end: str, start: str) -> bool:
    """Whether a sentence cut at the foot of a column goes on at the head of the next one."""
    return not end.endswith(_SENTENCE_ENDS) and start[:1].islower()


def _paragraphs(lines: list[Line], apart: set[int], notes: set[int]) -> str:
    """The page's text, a blank line between paragraphs; running heads, feet and page numbers
    (``apart``) are paragraphs of their own, and footnotes (``notes``) close the page."""
    flow = [ln for i, ln in enumerate(lines) if i not in notes]
    edge = {id(lines[i]) for i in apart}
    body = [ln for ln in flow if id(ln) not in edge]
    gaps = [a.y - b.y for a, b in zip(body, body[1:]) if 0 < a.y - b.y < 3 * a.size]
    spacing = statistics.median(gaps) if gaps else 1.2 * (body or flow or lines or [Line("", 0, 0, 10)])[0].size
    out: list[str] = []
    before: Line | None = None
    for line in flow:
        if id(line) in edge:
            out.append(line.text)
            before = None
            continue
        if before is not None and not _new_paragraph(before, line, spacing):
            out[-1] += "\n" + line.text
        else:
            out.append(line.text)
        before = line
    notes_text = "\n".join(lines[i].text for i in sorted(notes))
    return "\n\n".join(out + ([notes_text] if notes_text else []))


def _new_paragraph(before: Line, line: Line, spacing: float) -> bool:
    """Whether ``line`` starts a paragraph: the next column (unless a sentence runs on), more space
    than between the lines of a paragraph, or a first-line indent."""
    drop = before.y - line.y
    if drop < -0.5 * line.size:
        return not _runs_on(before.text, line.text)
    return drop > 1.4 * spacing or line.x - before.x > 0.8 * line.size
