"""A real OpenAI-compatible HTTP server on 127.0.0.1 with scripted replies, for LLM tests."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted reply: text, or an HTTP status, a delay, or raw garbage."""

    text: str = ""
    status: int = 200
    delay: float = 0.0
    raw: bytes | None = None


@dataclass
class FakeLLM:
    """Serves /v1/chat/completions; `script` is consumed in order, `default` after it."""

    script: list[Reply] = field(default_factory=list)
    default: Reply | Callable[[dict[str, Any]], Reply] = field(default_factory=Reply)
    requests: list[dict[str, Any]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        """Base URL for the openai client."""
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def next_reply(self, body: dict[str, Any]) -> Reply:
        """The scripted reply for this request."""
        self.requests.append(body)
        if self.script:
            return self.script.pop(0)
        return self.default(body) if callable(self.default) else self.default

    def start(self) -> FakeLLM:
        """Start serving on a free loopback port in a daemon thread."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                reply = fake.next_reply(body)
                time.sleep(reply.delay)
                if reply.raw is not None:
                    self._send(reply.status, reply.raw, "application/json")
                elif reply.status != 200:
                    err = {"error": {"message": "scripted failure", "type": "server_error"}}
                    self._send(reply.status, json.dumps(err).encode(), "application/json")
                elif body.get("stream"):
                    self._stream(reply.text, body.get("model", "fake"))
                else:
                    self._send(
                        200, json.dumps(_completion(reply.text, body)).encode(), "application/json"
                    )

            def _send(self, status: int, data: bytes, ctype: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, text: str, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = text.split(" ")
                for i, w in enumerate(words):
                    piece = w if i == 0 else " " + w
                    delta = {"index": 0, "delta": {"content": piece}, "finish_reason": None}
                    chunk = {
                        "id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model,
                        "choices": [delta],
                    }  # fmt: skip
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                end = {
                    "id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model,
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }  # fmt: skip
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def _completion(text: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "cmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "fake"),
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }
