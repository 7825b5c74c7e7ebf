# Two commands do everything (see README): `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1

SRC := assistant index eval tests $(wildcard app.py)

.PHONY: run test lint browser setup gemma eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# torch first and pinned: the CPU wheel on disk, never a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[dev,use]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)  ## set up, index the default article, start the web UI on 127.0.0.1:7860
	$(BIN)/isnad docs
	$(BIN)/isnad serve --host 127.0.0.1 --port $${PORT:-7860}

lint: $(STAMP)
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)
	$(BIN)/mypy

# The browser test drives Debian's Chromium; without it that one test skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	  || echo "chromium is not installed: the browser test will skip"; }

test: $(STAMP) lint browser  ## set up if needed, lint, run the whole suite
	$(BIN)/python -m pytest -q

gemma: $(STAMP)  ## optional: assemble EmbeddingGemma-300M (Gemma Terms of Use) and verify it
	$(BIN)/python -m index.fetch_gemma --dest $${ISNAD_MODELS:-$$HOME/.cache/isnad/models}/embeddinggemma-300m

eval: $(STAMP)
	$(BIN)/python -m eval.run eval/datasets/dev.jsonl --out eval/out/dev

bench: $(STAMP)
	$(BIN)/python -m eval.bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
