"""The `isnad` command line (see CONTRACT.md): errors become one line and exit code 2."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from assistant.errors import BadInput, IsnadError


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, like every other error (argparse prints the usage too)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"isnad: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="isnad", description="Who says what, from the article alone.")
    p.add_argument("--index", metavar="DIR", help="index folder (default: $ISNAD_HOME)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    for name, text, what, llm_help in (
        ("ask", "question", "answer a question with cited passages",
         "use the configured LLM (default: when ISNAD_LLM_BASE_URL is set)"),
        ("verify", "claim", "verdict on a claim, with evidence and who says what",
         "let the configured LLM write the explanation (verdicts stay rule-based)"),
    ):  # fmt: skip
        cmd = sub.add_parser(name, help=what)
        cmd.add_argument(text)
        cmd.add_argument("--doc", help="only this article")
        cmd.add_argument("--json", action="store_true", help="print the result as JSON")
        cmd.add_argument(
            "--llm", action=argparse.BooleanOptionalAction, default=None, help=llm_help
        )

    ing = sub.add_parser("ingest", help="add articles (.txt, .md, .html)")
    ing.add_argument("files", nargs="+", type=Path, metavar="FILE")
    ing.add_argument("--doc-id", help="id for the article (replaces one with the same id)")
    ing.add_argument("--title")
    ing.add_argument("--lang", choices=["ar", "en"])
    ing.add_argument("--aligned", type=Path, metavar="UNITS.jsonl", help="aligned edition")
    ing.add_argument(
        "--workers", type=int, metavar="N",
        help="processes that attribute and embed (default: ISNAD_INGEST__WORKERS, 1); "
        "several `isnad ingest` may also write to one Chroma server at once",
    )  # fmt: skip

    att = sub.add_parser("attribute", help="an article's voice map: who states each unit, how")
    att.add_argument("file", nargs="?", type=Path, metavar="FILE", help="read, not indexed")
    att.add_argument("--doc", help="an indexed article instead of a file")
    att.add_argument("--json", action="store_true", help="print the voice map as one JSON line")

    docs = sub.add_parser("docs", help="list indexed articles; `docs rm ID` removes one")
    docs.add_argument("action", nargs="?", choices=["list", "rm"], default="list")
    docs.add_argument("doc_id", nargs="?")
    docs.add_argument("--json", action="store_true")

    batch = sub.add_parser("batch", help="run a JSONL file of questions in one process")
    batch.add_argument("infile", type=Path, metavar="IN.jsonl")
    batch.add_argument("--out", type=Path, required=True, metavar="OUT.jsonl")

    serve = sub.add_parser("serve", help="the web UI (same as `python app.py`)")
    serve.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=7860)
    serve.add_argument("--share", action="store_true", help="ask Gradio for a public link")

    ev = sub.add_parser("eval", help="score a dataset through the batch contract (eval/)")
    ev.add_argument("eval_args", nargs=argparse.REMAINDER, metavar="DATASET.jsonl [--out DIR]")

    chat = sub.add_parser("chat", help="ask questions one after another on the terminal")
    chat.add_argument("--doc", help="only this article")
    return p


def _assistant(args: argparse.Namespace) -> Any:
    from assistant.config import Settings
    from assistant.core import Assistant

    overrides: dict[str, Any] = {"home": Path(args.index)} if args.index else {}
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise BadInput(f"bad setting {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    return Assistant(settings)


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _cmd_ask(args: argparse.Namespace) -> int:
    from assistant.ui.terminal import answer_text

    ans = _assistant(args).ask(args.question, doc=args.doc, llm=args.llm)
    _print_json(ans.model_dump(mode="json")) if args.json else print(answer_text(ans))
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from assistant.ui.terminal import verdict_text

    result = _assistant(args).verify(args.claim, doc=args.doc, llm=args.llm)
    _print_json(result.model_dump(mode="json")) if args.json else print(verdict_text(result))
    return 0


def _cmd_attribute(args: argparse.Namespace) -> int:
    from assistant.ui.terminal import voice_map_text

    if (args.file is None) == (args.doc is None):
        raise BadInput("give an article FILE or --doc ID (one of them)")
    assistant = _assistant(args)
    vm = assistant.voice_map(args.doc) if args.doc else assistant.attribute_file(args.file)
    # One compact line: tools read one voice map per line (a loop over files makes JSONL).
    print(vm.model_dump_json() if args.json else voice_map_text(vm))
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    if args.workers is not None and not 1 <= args.workers <= 64:
        raise BadInput("--workers takes a number from 1 to 64")
    assistant = _assistant(args)
    bars: list[Any] = []  # made on the first indexed file, so a refused call prints no bar

    def report(result: Any) -> None:
        if not bars:
            bars.append(
                tqdm(
                    total=len(args.files), unit="file", disable=len(args.files) < 3, file=sys.stderr
                )
            )
        bars[0].update(1)
        bars[0].write(f"{result.doc_id}: {result.status} ({result.units} units)", file=sys.stderr)

    try:
        assistant.ingest(
            args.files, doc_id=args.doc_id, title=args.title, lang=args.lang,
            aligned=args.aligned, progress=report, workers=args.workers,
        )  # fmt: skip
    finally:
        for bar in bars:
            bar.close()
    return 0


def _cmd_docs(args: argparse.Namespace) -> int:
    assistant = _assistant(args)
    if args.action == "rm":
        if not args.doc_id:
            raise BadInput("usage: isnad docs rm ID")
        n = assistant.remove(args.doc_id)
        print(f"removed {args.doc_id} ({n} index records)", file=sys.stderr)
        return 0
    from assistant.ui.terminal import docs_table

    docs = assistant.docs()
    _print_json([d.model_dump() for d in docs]) if args.json else print(docs_table(docs))
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from assistant.batch import run_lines

    if not args.infile.is_file():
        raise BadInput(f"{args.infile}: no such file")
    try:
        lines = args.infile.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise BadInput(f"{args.infile}: not UTF-8 text") from None
    assistant = _assistant(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    errors = 0
    with args.out.open("w", encoding="utf-8") as out:
        for record in tqdm(run_lines(assistant, lines), total=sum(1 for ln in lines if ln.strip()),
                           unit="item", file=sys.stderr, disable=len(lines) < 20):  # fmt: skip
            errors += "error" in record
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    print(f"wrote {args.out} ({errors} errors)", file=sys.stderr)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported
    from assistant.ui.app import serve

    serve(_assistant(args), host=args.host, port=args.port, share=args.share)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    # eval/ builds on the product, never the other way: it registers itself as a plugin.
    from importlib.metadata import entry_points

    found = entry_points(group="isnad.tools", name="eval")
    if not found:
        raise BadInput(
            "isnad eval needs the evaluation tools: install isnad with its eval/ package "
            "(pip install 'isnad[eval]' from a checkout)"
        )
    run_eval = next(iter(found)).load()
    return int(run_eval(args.eval_args) or 0)


def _cmd_chat(args: argparse.Namespace) -> int:
    from assistant.ui.terminal import answer_text

    assistant = _assistant(args)
    assistant.ensure_default()
    print("Ask about the indexed articles in Arabic or English (empty line or Ctrl-D quits).")
    for line in sys.stdin:
        if not line.strip():
            break
        try:
            print(answer_text(assistant.ask(line, doc=args.doc)) + "\n")
        except BadInput as exc:
            print(f"isnad: {exc}", file=sys.stderr)
    return 0


_COMMANDS = {
    "ask": _cmd_ask,
    "verify": _cmd_verify,
    "ingest": _cmd_ingest,
    "attribute": _cmd_attribute,
    "docs": _cmd_docs,
    "batch": _cmd_batch,
    "chat": _cmd_chat,
    "serve": _cmd_serve,
    "eval": _cmd_eval,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `isnad` console script."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except IsnadError as exc:
        print(f"isnad: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `isnad ask ... | head`: the reader left, nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("isnad: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the edge: one line for users, the traceback on request
        if os.environ.get("ISNAD_DEBUG"):
            raise
        print(
            f"isnad: internal error: {type(exc).__name__}: {exc} (ISNAD_DEBUG=1 shows more)",
            file=sys.stderr,
        )
        return 1
