"""`python -m eval.synth N --out DIR [--seed 0]`: write N synthetic article files."""

from eval.synth import main

if __name__ == "__main__":
    raise SystemExit(main())
