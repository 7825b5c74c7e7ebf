"""Reading article files (.txt, .md, .html) into checked source text, before chunking."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import BadInput
from index.normalize import detect_language

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm")
# Bidi overrides/isolates can hide text direction tricks in an article; control characters other
# than tab/newline have no place in prose. Both make a file "binary" for our purposes.
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Article:
    """An article read from disk: the exact text citations point into."""

    doc_id: str
    title: str
    lang: str
    source_text: str
    sha256: str
    path: str | None


def slugify(name: str) -> str:
    """A doc id from a file name: letters, digits, '-', '_' (Arabic letters kept)."""
    slug = re.sub(r"[^\w\-]+", "_", unicodedata.normalize("NFKC", name)).strip("_")
    return slug[:80] or "article"


def _html_text(raw: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    blocks = [re.sub(r"[ \t\r\f\v]+", " ", b).strip() for b in soup.get_text("\n").split("\n")]
    return "\n".join(b for b in blocks if b)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of a file, or BadInput naming what is wrong with it."""
    if not data.strip():
        raise BadInput(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadInput(f"{name}: not valid UTF-16 text ({exc.reason})") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadInput(
                f"{name}: not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
            ) from None
    if _BAD_CONTROL.search(text):
        raise BadInput(f"{name}: looks like a binary file (control characters), not an article")
    # Kept exactly as in the file (BOM and CRLF included): citations point into these characters.
    return text


def read_article(
    path: Path,
    doc_id: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    max_bytes: int = 5_000_000,
) -> Article:
    """Read and check one article file."""
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    if not path.is_file():
        raise BadInput(f"{path}: not a file")
    if path.suffix.lower() not in SUPPORTED:
        raise BadInput(
            f"{path}: unsupported file type {path.suffix or '(none)'}; use .txt, .md or .html"
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise BadInput(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit")
    text = decode(path.read_bytes(), str(path))
    if path.suffix.lower() in (".html", ".htm"):
        text = _html_text(text)  # citations point into the visible text of the page
    return make_article(text, doc_id or slugify(path.stem), title, lang, str(path))


def make_article(
    text: str,
    doc_id: str,
    title: str | None = None,
    lang: str | None = None,
    path: str | None = None,
) -> Article:
    """An Article from text already in memory (pasted text, HTML already extracted)."""
    if not text.strip():
        raise BadInput(f"{doc_id}: the article has no text")
    if lang not in (None, "ar", "en"):
        raise BadInput(f"unsupported language {lang!r}: use ar or en")
    if not re.fullmatch(r"[\w\-.]{1,100}", doc_id):
        raise BadInput(f"invalid doc id {doc_id!r}: use letters, digits, '-', '_' or '.'")
    first_line = next((ln.strip(" #\t") for ln in text.splitlines() if ln.strip()), doc_id)
    return Article(
        doc_id=doc_id,
        title=title or first_line[:120],
        lang=lang or detect_language(text),
        source_text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        path=path,
    )
