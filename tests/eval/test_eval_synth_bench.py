"""eval/synth and eval/bench: the synthetic articles are deterministic (and unchanged by the
split into a package), the benchmark's helpers and command line."""

from __future__ import annotations

import hashlib

from eval.metrics import detect_lang

# sha256 of the text, question and claim of articles 0-9 (seed 0), as eval/synth.py wrote them
# before it became a package: the scale benchmark measures the same corpus.
FIRST_TEN = "fbb3762be4d5a56ccbda065d5c8b82d0f4fdda4c833ead88a0e24975f93af3fe"


def test_synth_is_deterministic_bilingual_and_long_enough() -> None:
    from eval.synth import article, articles

    arts = list(articles(20, seed=3))
    assert [a.text for a in arts] == [a.text for a in articles(20, seed=3)]
    assert arts[5].text == article(5, seed=3).text != article(5, seed=4).text
    assert {a.lang for a in arts[::2]} == {"en"} and {a.lang for a in arts[1::2]} == {"ar"}
    assert all(300 <= a.words <= 700 for a in arts)
    assert all(a.answer in a.text and a.answer in a.claim for a in arts)
    assert detect_lang(arts[1].text) == "ar" and detect_lang(arts[1].question) == "ar"
    blob = "".join(a.text + a.question + a.claim for a in articles(10, seed=0))
    assert hashlib.sha256(blob.encode()).hexdigest() == FIRST_TEN


def test_synth_main_writes_files(tmp_path) -> None:
    from eval.synth import main

    assert main(["3", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["synth_00000_en.txt", "synth_00001_ar.txt", "synth_00002_en.txt"]


def test_nice_floor() -> None:
    from eval.bench.scale import nice_floor

    assert [nice_floor(x) for x in (0.5, 1, 7, 1530, 2999, 10_000)] == [1, 1, 5, 1000, 2000, 10_000]


def test_bench_command_line() -> None:
    from eval.bench.cli import _parser, main

    args = _parser().parse_args([])
    assert (args.sizes, args.rounds, args.budget_min) == ("100,1000,10000", 5, 20)
    assert not args.server and not args.skip_dev
    assert args.out.parts[-3:] == ("eval", "out", "bench")
    assert main(["--sizes", "many"]) == 2  # refused before anything is measured


class _CountingEmbedder:
    """Deterministic stand-in for the model: a vector per text from its hash; counts texts."""

    spec, threads = "fake:counting", 1

    def __init__(self) -> None:
        self.texts = 0

    def encode_documents(self, texts: list[str]):
        import numpy as np

        self.texts += len(texts)
        rows = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=8) for t in texts]
        return np.array(rows, np.float32)

    def encode_query(self, text: str):
        return self.encode_documents([text])[0]


def test_vector_cache_resumes_and_serves_the_model_vectors(tmp_path) -> None:
    import numpy as np

    from eval.bench.vectors import CachedEmbeddings, VectorCache, build_cache, synth_texts

    model = _CountingEmbedder()
    texts = synth_texts(6, 0, 1200)
    assert len(texts) == len(set(texts)) > 100
    build_cache(3, 0, tmp_path, model, 1200)
    first = model.texts
    build_cache(6, 0, tmp_path, model, 1200)  # resumes: only the texts it lacks
    assert model.texts == len(texts) > first
    build_cache(6, 0, tmp_path, model, 1200)
    assert model.texts == len(texts)  # nothing left to embed
    cache = VectorCache(tmp_path)
    assert len(cache) == len(texts)
    cached = CachedEmbeddings(model, cache)
    got = cached.encode_documents([texts[5], "a text it never saw", texts[0]])
    want = _CountingEmbedder().encode_documents([texts[5], "a text it never saw", texts[0]])
    assert np.allclose(got, want)
    assert (cached.hits, cached.misses) == (2, 1)
    assert cached.spec == model.spec and np.allclose(
        cached.encode_query("q"), model.encode_query("q")
    )


def test_throughput_section_reports_the_ratio() -> None:
    from eval.bench.render import throughput_section

    run = {"variant": "overlap", "what": "x", "seconds": 10.0, "sentences_per_s": 45.0,
           "embedder_seconds": 9.0, "embedder_per_s": 50.0, "ratio": 0.9,
           "articles_per_min": 90.0, "stored": 450}  # fmt: skip
    goals: list[list[str]] = []
    text = "\n".join(throughput_section(
        {"n": 15, "texts": 450, "groups": 3, "batch_rows": 512, "threads": 2,
         "runs": [run, {**run, "variant": "serial", "ratio": 0.7}]}, goals))  # fmt: skip
    assert "| 90% |" in text and "| 70% |" in text
    assert goals == [["ingest ≥ 85% of the embedder's own throughput", "90% (overlap)", "yes"]]
