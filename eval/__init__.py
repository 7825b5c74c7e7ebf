"""Evaluation of isnad through its public contract (`python -m eval.run DATASET.jsonl`)."""
