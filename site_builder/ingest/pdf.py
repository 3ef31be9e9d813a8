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
from dataclasses import dataclass
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from site_builder.ingest import language as languages
from site_builder.ingest.document import Extracted
from site_builder.ingest.errors import IngestError
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


@dataclass
class _Line:
    text: str
    x: float
    y: float
    size: float


def extract_pdf(data: bytes, name: str) -> Extracted:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and _locked(reader):
            raise IngestError(
                f"{name} is an encrypted PDF that needs a password to open; save an unencrypted copy and add that"
            )
        pages = [_page_text(page) for page in reader.pages]
        labels = _labels(reader)
        info: Any = reader.metadata or {}
        language = _catalog_language(reader)
    except IngestError:
        raise
    except Exception as exc:  # a damaged or hostile file can break the parser in any way
        raise IngestError(f"{name} is not a readable PDF ({type(exc).__name__})") from None
    texts = [text for text, _ in pages]
    characters = sum(len(t) - t.count(" ") - t.count("\n") for t in texts)
    coded = sum(c for _, c in pages)
    if characters == 0:
        raise IngestError(f"{name} has no text layer (its pages are pictures); {_NEEDS_OCR}")
    if coded > GLYPH_CODE_SHARE * characters or _CID_TOKEN.search("".join(texts)):
        raise IngestError(
            f"{name} gives only glyph codes instead of letters (its fonts have no Unicode map); {_NEEDS_OCR}"
        )
    empty = [labels[i] if labels else str(i + 1) for i, t in enumerate(texts) if not t.strip()]
    notes = (f"no text on page{'s' if len(empty) > 1 else ''} {', '.join(empty)}",) if empty else ()
    text = PAGE_BREAK.join(texts)
    return Extracted(
        text=text,
        title=_info(info, "/Title"),
        author=_info(info, "/Author"),
        language=languages.declared(language) or languages.detected(text),
        pages=len(texts),
        page_labels=tuple(labels),
        notes=notes,
    )


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


def _page_text(page: Any) -> tuple[str, int]:
    """The page's text with its paragraphs rebuilt, and how many of its characters are glyph codes."""
    lines: list[_Line] = []
    current: list[_Line] = []  # the line being built, as a one-element list
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
                    current.append(_Line("", x, y, (size or 10.0) * scale))
                current[0].text += part
            if n < len(parts) - 1 and current:
                lines.append(current.pop())

    page.extract_text(visitor_text=visit)
    if current:
        lines.append(current.pop())
    return _paragraphs(lines), coded


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


def _paragraphs(lines: list[_Line]) -> str:
    """The lines, a blank line between paragraphs, each line stripped of outer white space."""
    lines = [_Line(" ".join(_CONTROL.sub(" ", ln.text).split()), ln.x, ln.y, ln.size) for ln in lines]
    lines = [ln for ln in lines if ln.text]
    if not lines:
        return ""
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:]) if 0 < a.y - b.y < 3 * a.size]
    spacing = statistics.median(gaps) if gaps else 1.2 * lines[0].size
    out = [lines[0].text]
    for before, line in zip(lines, lines[1:]):
        drop = before.y - line.y
        if drop < -0.5 * line.size:  # higher up: the next column or a new region
            new_paragraph = not _runs_on(before.text, line.text)
        else:
            new_paragraph = (
                drop > 1.4 * spacing  # more space than between the lines of a paragraph
                or line.x - before.x > 0.8 * line.size
            )  # a first-line indent
        out.append("\n\n" if new_paragraph else "\n")
        out.append(line.text)
    return "".join(out)
