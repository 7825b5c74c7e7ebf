"""Load check of the web UI: N concurrent gradio_client clients asking different dev questions.

``python -m eval.ui_load [--clients 20] [--timeout 300]`` starts ``app.py`` on 127.0.0.1 with a
temporary index, asks every question once alone (the reference), then all at once from N threads
(one Client each) through ``/ask``. Each concurrent answer must be for its own question, in its
language, with verbatim citations, and equal to the reference; prints p50/p95 latency and errors.
Exit code 0 when every answer is correct.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.loopback import answers, free_port, stop
from eval.metrics import missing_groups, percentile, verbatim

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "eval" / "datasets"


@dataclass
class Outcome:
    """One client's question, its answer, how long it took and what is wrong with it."""

    item: dict[str, Any]
    seconds: float = 0.0
    result: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)


def dev_questions(n: int) -> list[dict[str, Any]]:
    """N different dev questions, Arabic and English interleaved (articles in the corpus only)."""
    rows = [json.loads(ln) for ln in (DATA / "dev.jsonl").read_text("utf-8").splitlines() if ln]
    qs = [r for r in rows if r["kind"] == "question"]
    by_lang = {lang: [q for q in qs if q["lang"] == lang] for lang in ("ar", "en")}
    mixed: list[dict[str, Any]] = []
    while len(mixed) < n and (by_lang["ar"] or by_lang["en"]):
        for lang in ("ar", "en"):
            if by_lang[lang] and len(mixed) < n:
                mixed.append(by_lang[lang].pop(0))
    if len(mixed) < n:
        raise SystemExit(f"only {len(mixed)} dev questions for {n} clients")
    return mixed


def prepare_index(env: dict[str, str], timeout: float) -> None:
    """The default article, then the other corpus articles, through the `isnad` CLI."""
    others = [p for p in sorted((DATA / "corpus").glob("*.txt")) if p.stem != "ccdh_musk_ar"]
    for args in (["docs"], ["ingest", *map(str, others)]):
        subprocess.run([sys.executable, "-m", "assistant", *args], env=env, cwd=ROOT, check=True,
                       capture_output=True, timeout=timeout)  # fmt: skip


def _wait_up(url: str, proc: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the UI server exited with code {proc.returncode}")
        if answers(url):
            return
        time.sleep(0.5)
    raise SystemExit("the UI server did not start in time")


def check(o: Outcome, sources: dict[str, str], reference: dict[str, Any] | None) -> None:
    """Record what is wrong with one answer (nothing when it is correct)."""
    r, item = o.result, o.item
    if r is None:
        return
    if r.get("question") != item["text"].strip():
        o.problems.append(f"answer is for another question: {r.get('question')!r}")
    if r.get("language") != item["lang"]:
        o.problems.append(f"answer in {r.get('language')}, not {item['lang']}")
    for c in r.get("citations") or []:
        if verbatim(c, sources) is not True:
            o.problems.append(f"citation {c.get('id')} not verbatim")
    if r.get("abstained") is item.get("answerable", True):
        o.problems.append("abstained" if r.get("abstained") else "answered an unanswerable one")
    if reference is not None and _key(r) != _key(reference):
        o.problems.append("differs from the same question asked alone")


def _key(r: dict[str, Any]) -> Any:
    cites = [(c["doc_id"], c["start"], c["end"]) for c in r.get("citations") or []]
    return r.get("answer"), cites


def _ask(client: Any, o: Outcome, timeout: float) -> None:
    t0 = time.perf_counter()
    try:
        o.result = client.submit(o.item["text"], api_name="/ask").result(timeout=timeout)
    except Exception as exc:  # a failed call is an error of the load check, not a crash
        o.problems.append(f"error: {type(exc).__name__}: {str(exc)[:200]}")
    o.seconds = time.perf_counter() - t0


def run(url: str, items: list[dict[str, Any]], timeout: float) -> tuple[list[Outcome], float]:
    """Reference pass (one client), then every question at once from its own client."""
    from gradio_client import Client

    sources = {p.stem: p.read_text("utf-8") for p in (DATA / "corpus").glob("*.txt")}
    solo = Client(url, verbose=False, download_files=False)
    reference = []
    for item in items:
        o = Outcome(item)
        _ask(solo, o, timeout)
        reference.append(o)
    clients = [Client(url, verbose=False, download_files=False) for _ in items]
    outcomes = [Outcome(item) for item in items]
    barrier = threading.Barrier(len(items))

    def worker(i: int) -> None:
        barrier.wait(timeout=timeout)
        _ask(clients[i], outcomes[i], timeout)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(len(items))]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    wall = time.perf_counter() - t0
    for o, ref in zip(outcomes, reference, strict=True):
        if o.result is None and not o.problems:
            o.problems.append("no answer before the timeout")
        check(o, sources, ref.result)
        o.item = {**o.item, "keys_missing": missing_groups(o.item.get("answer_keys") or [],
                                                           _texts(o.result))}  # fmt: skip
    solo_ms = [o.seconds * 1000 for o in reference if o.result is not None]
    print(f"alone, one after another: p50 {percentile(solo_ms, 50) or 0:.0f} ms")
    return outcomes, wall


def _texts(r: dict[str, Any] | None) -> list[str | None]:
    if not r:
        return []
    return [r.get("answer")] + [c.get(k) for c in r.get("citations") or [] for k in ("quote",
            "translation")]  # fmt: skip


def report(outcomes: list[Outcome], wall: float) -> int:
    """Print one line per client and the summary; returns the exit code."""
    for o in outcomes:
        status = "ok" if not o.problems else "FAIL " + "; ".join(o.problems)
        keys = (
            ""
            if not o.item["keys_missing"]
            else f" (answer keys missing: {o.item['keys_missing']})"
        )
        print(f"{o.item['id']:<12} {o.item['lang']} {o.seconds * 1000:7.0f} ms  {status}{keys}")
    lat = [o.seconds * 1000 for o in outcomes if o.result is not None]
    bad = [o for o in outcomes if o.problems]
    errors = sum(any(p.startswith("error") for p in o.problems) for o in outcomes)
    keyed = [o for o in outcomes if o.item.get("answerable", True) and o.item.get("answer_keys")]
    print(
        f"\n{len(outcomes)} concurrent clients: {len(outcomes) - len(bad)} correct, "
        f"{len(bad)} wrong, {errors} errors; wall {wall:.2f} s"
    )
    if lat:
        p50, p95 = percentile(lat, 50), percentile(lat, 95)
        print(f"latency ms: p50 {p50:.0f}  p95 {p95:.0f}  max {max(lat):.0f}")
    server = [float(o.result["timings_ms"]["total"]) for o in outcomes if o.result]
    if server:
        print(f"server compute ms (timings_ms.total): p50 {percentile(server, 50):.0f}  "
              f"p95 {percentile(server, 95):.0f}")  # fmt: skip
    print(f"answer keys found (quality, informative): "
          f"{sum(not o.item['keys_missing'] for o in keyed)}/{len(keyed)}")  # fmt: skip
    return 0 if not bad else 1


def main(argv: list[str] | None = None) -> int:
    """Start the UI server, run the load check, stop the server."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--timeout", type=float, default=300, help="seconds for the whole check")
    args = p.parse_args(argv)
    items = dev_questions(args.clients)
    deadline = time.monotonic() + args.timeout
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="isnad-ui-load-") as home:
        env = dict(os.environ, ISNAD_HOME=home, GRADIO_ANALYTICS_ENABLED="False",
                   HF_HUB_OFFLINE="1", NO_PROXY="127.0.0.1,localhost")  # fmt: skip
        prepare_index(env, args.timeout)
        log = Path(home) / "server.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, str(ROOT / "app.py"), "--port", str(port)],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
            try:
                url = f"http://127.0.0.1:{port}/"
                _wait_up(url, proc, deadline)
                print(f"server up at {url}; {len(items)} questions "
                      f"({sum(i['lang'] == 'ar' for i in items)} Arabic)")  # fmt: skip
                outcomes, wall = run(url, items, max(10.0, deadline - time.monotonic()))
                return report(outcomes, wall)
            finally:
                stop(proc)
                if proc.returncode not in (0, -15):
                    print(log.read_text("utf-8", "replace")[-2000:], file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
