"""Reading and checking an eval dataset, its speakers file and the articles it references."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = ("question", "claim")
LANGS = ("ar", "en")
ARTICLE_SUFFIXES = (".txt", ".md", ".html")
VERDICTS = ("supported", "contradicted", "disputed", "not_enough_info")


class BadInput(Exception):
    """A dataset, speakers file or corpus problem, reported as one line (exit code 2)."""


@dataclass(frozen=True)
class ArticleFile:
    """An article the dataset references: its file, text (None for .html) and aligned edition."""

    doc_id: str
    path: Path
    source: str | None
    aligned: Path | None


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_item(item: Any, where: str, seen: set[str]) -> None:
    if not isinstance(item, dict):
        raise BadInput(f"{where}: expected a JSON object")
    item_id = item.get("id")
    if not isinstance(item_id, str) or not item_id:
        raise BadInput(f"{where}: missing string 'id'")
    if item_id in seen:
        raise BadInput(f"{where}: duplicate id {item_id!r}")
    seen.add(item_id)
    if item.get("kind") not in KINDS:
        raise BadInput(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    if item.get("lang") not in LANGS:
        raise BadInput(f"{where}: 'lang' must be one of {', '.join(LANGS)}")
    if not isinstance(item.get("text"), str) or not item["text"].strip():
        raise BadInput(f"{where}: missing 'text'")
    if item.get("doc") is not None and not isinstance(item["doc"], str):
        raise BadInput(f"{where}: 'doc' must be a string")
    for key in ("evidence", "speaker", "role"):
        if item.get(key) is not None and not _strings(item[key]):
            raise BadInput(f"{where}: '{key}' must be a list of strings or null")
    if item["kind"] == "claim":
        if not _strings(item.get("verdict")) or not set(item["verdict"]) <= set(VERDICTS):
            raise BadInput(f"{where}: 'verdict' must be a list of {', '.join(VERDICTS)}")
    elif not isinstance(item.get("answerable", True), bool):
        raise BadInput(f"{where}: 'answerable' must be true or false")
    elif item.get("answerable", True):
        keys = item.get("answer_keys")
        if not isinstance(keys, list) or not all(_strings(g) and g for g in keys):
            raise BadInput(f"{where}: 'answer_keys' must be a list of non-empty string lists")


def load_items(path: Path) -> list[dict[str, Any]]:
    """The checked items of a JSONL dataset, in file order."""
    if not path.is_file():
        raise BadInput(f"{path}: no such dataset")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text") from None
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"{path}:{n}: not JSON ({exc.msg})") from None
        _check_item(item, f"{path}:{n}", seen)
        items.append(item)
    if not items:
        raise BadInput(f"{path}: no items")
    return items


def load_speakers(path: Path, items: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Speaker key -> aliases; every speaker key the items use must be defined."""
    used = sorted({k for it in items for k in it.get("speaker") or []})
    if not path.is_file():
        if used:
            raise BadInput(f"{path}: no such speakers file (items use {', '.join(used)})")
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: not a JSON speakers file ({exc})") from None
    if not isinstance(data, dict) or not all(_strings(v) for v in data.values()):
        raise BadInput(f"{path}: expected an object of speaker key -> list of aliases")
    unknown = [k for k in used if k not in data]
    if unknown:
        raise BadInput(
            f"{path}: speaker keys used by the dataset are missing: {', '.join(unknown)}"
        )
    return data


def aligned_matches(path: Path, source: str) -> bool:
    """True when every unit of an aligned edition has source[start:end] == unit[lang]."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        units = [json.loads(ln) for ln in lines if ln.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    if not units or not all(isinstance(u, dict) for u in units):
        return False
    for lang in LANGS:
        if all(
            isinstance(u.get("start"), int) and isinstance(u.get("end"), int)
            and 0 <= u["start"] < u["end"] <= len(source)
            and source[u["start"] : u["end"]] == u.get(lang)
            for u in units
        ):  # fmt: skip
            return True
    return False


def find_article(corpus: Path, doc_id: str) -> ArticleFile:
    """The article file for a doc id, its exact UTF-8 text and a matching aligned edition."""
    for suffix in ARTICLE_SUFFIXES:
        path = corpus / f"{doc_id}{suffix}"
        if path.is_file():
            break
    else:
        tried = "|".join(s.lstrip(".") for s in ARTICLE_SUFFIXES)
        raise BadInput(f"{corpus / doc_id}.{{{tried}}}: no such article")
    if suffix == ".html":  # citations point into the extracted text: not checkable from here
        return ArticleFile(doc_id, path, None, None)
    try:
        source = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text") from None
    aligned = next(
        (p for p in sorted(corpus.glob("*.aligned.jsonl")) if aligned_matches(p, source)), None
    )
    return ArticleFile(doc_id, path, source, aligned)


def load_articles(items: list[dict[str, Any]], corpus: Path) -> list[ArticleFile]:
    """Every article the items reference, in order of first use."""
    docs = dict.fromkeys(it["doc"] for it in items if it.get("doc"))
    if docs and not corpus.is_dir():
        raise BadInput(f"{corpus}: no such corpus folder")
    return [find_article(corpus, doc) for doc in docs]
