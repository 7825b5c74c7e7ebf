"""Training the learned parts of isnad from the dev sets (one command each, deterministic)."""
