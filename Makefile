# Two commands do everything (see README): `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1

SRC := assistant index eval tests $(wildcard app.py)

.PHONY: run test lint check setup gemma eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	# torch first and pinned: the CPU wheel on disk, never a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[dev,use]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)  ## set up, index the default article, start isnad
	$(BIN)/isnad docs
	$(BIN)/isnad chat

lint: $(STAMP)
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)
	$(BIN)/mypy

test: $(STAMP) lint  ## set up if needed, lint, run the whole suite
	$(BIN)/python -m pytest -q

gemma: $(STAMP)  ## optional: assemble EmbeddingGemma-300M (Gemma Terms of Use) and verify it
	$(BIN)/python -m index.fetch_gemma --dest $${ISNAD_MODELS:-$$HOME/.cache/isnad/models}/embeddinggemma-300m

eval: $(STAMP)
	$(BIN)/python -m eval.run eval/datasets/dev.jsonl

bench: $(STAMP)
	$(BIN)/python -m eval.bench_ask

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
