"""Reading article files (.txt, .md, .html) into checked source text, before chunking."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from index.errors import BadInput
from index.language import detect_language

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm")
# C0/C1 control characters other than tab, newline, carriage return and form feed have no place
# in prose (ESC starts terminal escape sequences; a NUL means a binary file): rejected.
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Bidi *overrides* (LRO/RLO) reorder the characters they cover, so a quote would display
# differently from what is stored and cited ("Trojan Source"): an article holding one is refused.
# Embeddings, isolates and marks (LRE/RLE/PDF, LRI/RLI/FSI/PDI, LRM/RLM/ALM) only set the
# direction of runs and occur in real mixed Arabic/English text: kept verbatim (offsets exact).
_BIDI_OVERRIDE = re.compile(r"[\u202d\u202e]")
# What a question or claim may not carry into search, answers and the page: bidi controls and
# marks, and control characters (tab and newline become spaces too).
_QUERY_STRIP = re.compile(
    r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])"  # ANSI sequences, whole
    r"|[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
)
_QUERY_SPACE = re.compile(r"[\x01-\x1f\x7f-\x9f\u2028\u2029]")


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


def display_name(path: Path | str) -> str:
    """A file name safe for a one-line message: invisible and control characters escaped."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(path)
    )


def clean_query(text: str) -> str:
    """A question or claim without bidi controls and control characters, stripped.

    Bidi overrides in a question would reverse it where it is echoed (answer JSON, the page) and
    split words for search; control characters (ESC...) could drive a terminal. NUL is not
    handled here: callers reject it.
    """
    spaced = _QUERY_SPACE.sub(" ", _QUERY_STRIP.sub("", text))
    return re.sub(r"[ \t]{2,}", " ", spaced).strip()


def check_query(text: str, what: str, max_chars: int) -> str:
    """A question or claim cleaned (see clean_query), or BadInput when it is empty, too long or
    holds a NUL character."""
    if not isinstance(text, str) or not text.strip():
        raise BadInput(f"the {what} is empty")
    if len(text) > max_chars:
        raise BadInput(f"the {what} is {len(text):,} characters long; the limit is {max_chars:,}")
    if "\x00" in text:
        raise BadInput(f"the {what} contains a NUL character")
    text = clean_query(text)
    if not text:
        raise BadInput(f"the {what} is empty")
    return text


def check_chars(text: str, name: str, bidi: bool = True) -> None:
    """BadInput when article text holds control characters (or, with bidi, an override)."""
    bad = _BAD_CONTROL.search(text)
    if bad:
        ch = bad.group()
        if ch == "\x00" or len(_BAD_CONTROL.findall(text, 0, 4096)) > 3:
            raise BadInput(f"{name}: looks like a binary file (control characters), not an article")
        raise BadInput(
            f"{name}: contains the control character U+{ord(ch):04X} at character "
            f"{bad.start():,}; remove it and ingest again"
        )
    over = _BIDI_OVERRIDE.search(text) if bidi else None
    if over:
        raise BadInput(
            f"{name}: contains a bidi override character (U+{ord(over.group()):04X}) at character "
            f"{over.start():,}, which would display quotes in another order than they are stored; "
            "remove it and ingest again"
        )


def _utf16_without_bom(data: bytes) -> bool:
    """Text saved as UTF-16 without a byte-order mark: NULs on one byte parity only."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return len(data) % 2 == 0 and (even == 0) != (odd == 0)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of a file, or BadInput naming what is wrong with it."""
    if not data.strip():
        raise BadInput(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadInput(f"{name}: not valid UTF-16 text ({exc.reason})") from None
    elif _utf16_without_bom(data):
        raise BadInput(
            f"{name}: looks like UTF-16 text without a byte-order mark; save it as UTF-8"
        )
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadInput(
                f"{name}: not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
            ) from None
    check_chars(text, name, bidi=False)  # binary files; bidi is checked on the visible text
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
    name = display_name(path)
    try:
        if not path.exists():
            raise BadInput(f"{name}: no such file")
        if not path.is_file():
            raise BadInput(f"{name}: not a file")
        if path.suffix.lower() not in SUPPORTED:
            raise BadInput(
                f"{name}: unsupported file type {display_name(path.suffix) or '(none)'}; "
                "use .txt, .md or .html"
            )
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except (OSError, ValueError) as exc:  # unreadable, name too long, NUL in the name...
        why = getattr(exc, "strerror", None) or type(exc).__name__
        raise BadInput(f"{name}: cannot be read ({why})") from None
    text = decode(data, name)
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
    name = display_name(path or doc_id)
    if not text.strip():
        raise BadInput(f"{name}: the article has no text")
    check_chars(text, name)  # pasted text and text extracted from HTML (entities) too
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
