"""Who says what, scored on the shared attribution set through the contract.

    python -m eval.attribution [GOLD.jsonl] [--out DIR] [--in-process] [--details]

Runs `python -m assistant attribute FILE --json` once per corpus file (no model, no index; the
doc id is the file's stem), writes the PRED lines, runs the set's own scorer (`score.py` beside
the gold file) and prints per language: speaker recall and precision, narration precision, role
accuracy, and the recall of accusations and of denials (gold attributions of that role whose
content overlaps a unit with a matching speaker *and* that role). `--in-process` reads the files
through the same `Assistant.attribute_file` in this process (faster while developing).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared/attribution/attribution_dev.jsonl"
ROOT = Path(__file__).resolve().parents[1]


def predict(gold: list[dict[str, Any]], base: Path, in_process: bool, home: Path) -> list[str]:
    """One voice-map JSON line per gold article."""
    files = [base / g["file"] for g in gold]
    if in_process:
        from assistant.config import Settings
        from assistant.core import Assistant

        a = Assistant(Settings(home=home, default_article=False))
        return [a.attribute_file(f).model_dump_json() for f in files]
    env = dict(os.environ, ISNAD_HOME=str(home), PYTHONPATH=str(ROOT))
    lines = []
    for f in files:
        cmd = [sys.executable, "-m", "assistant", "attribute", str(f), "--json"]
        out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        lines.append(out.stdout.strip())
    return lines


def role_recall(
    gold: list[dict[str, Any]], scored: dict[str, Any], role: str
) -> tuple[int, int] | None:
    """(matched with this role, gold attributions of this role that name a source)."""
    hit = scored.get("role_confusion", {}).get(f"{role}->{role}", 0)
    names = ("source_text", "antecedent", "alt_source")
    n = sum(1 for a in gold if a["role"] == role and any(a.get(k) for k in names))
    return (hit, n) if n else None


def main(argv: list[str] | None = None) -> int:
    """Predict, score, print the table."""
    ap = argparse.ArgumentParser(prog="python -m eval.attribution", description=__doc__)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, help="folder for pred.jsonl, scores.json, misses.jsonl")
    ap.add_argument("--in-process", action="store_true", help="no subprocess per file")
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"no gold file at {args.gold}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="isnad-attr-"))
    out.mkdir(parents=True, exist_ok=True)
    gold = [json.loads(ln) for ln in args.gold.read_text(encoding="utf-8").splitlines() if ln]
    with tempfile.TemporaryDirectory() as home:
        lines = predict(gold, args.gold.parent, args.in_process, Path(home))
    pred = out / "pred.jsonl"
    pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scorer = args.gold.parent / "score.py"
    cmd = [sys.executable, str(scorer), str(args.gold), "--pred", str(pred),
           "--details", str(out / "misses.jsonl")]  # fmt: skip
    scores = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    (out / "scores.json").write_text(json.dumps(scores, indent=1, ensure_ascii=False))
    print("| lang | speaker recall | speaker precision | narration precision | role accuracy "
          "| accusation recall | denial recall |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for lang, s in scores.items():
        c = s["counts"]
        atts = [a for g in gold if g["lang"] == lang for a in g["attributions"]]
        cells = [
            _ratio(c.get("speaker_hit", 0), c.get("gold_sourced", 0)),
            _ratio(c.get("speaker_ok", 0), c.get("pred_speaker", 0)),
            _ratio(c.get("narration_ok", 0), c.get("pred_narration", 0)),
            _ratio(c.get("role_ok", 0), c.get("role_n", 0)),
            *(_recall(atts, s, r) for r in ("accusation", "denial")),
        ]
        print(f"| {lang} | " + " | ".join(cells) + " |")
    print(f"(files in {out})", file=sys.stderr)
    return 0


def _recall(atts: list[dict[str, Any]], scored: dict[str, Any], role: str) -> str:
    got = role_recall(atts, scored, role)
    return _ratio(*got) if got else "–"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "–"


if __name__ == "__main__":
    sys.exit(main())
