"""A webhook receiver for the tests: a real HTTP server on 127.0.0.1 (an ephemeral port) in a thread, which
answers each post with the next status it is given (200 once they run out) and keeps what it received.

`check` verifies a post's signature as docs/webhooks.md tells a receiver to.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Post:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class Receiver:
    """Start with `start()` (on `port`, or a free one), stop with `stop()`; `url` is where to post."""

    def __init__(self, answers: list[int] | None = None, *, delay: float = 0.0, location: str = "") -> None:
        self.answers = list(answers or [])
        self.delay = delay  # seconds each answer waits, for the timeout and concurrency tests
        self.location = location  # the Location of a 3xx answer
        self.on_post: Callable[[], object] | None = None  # called as each post arrives
        self.posts: list[Post] = []
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/crosslink"

    def start(self, port: int = 0) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.posts.append(Post(self.path, dict(self.headers.items()), body))
                    status = receiver.answers.pop(0) if receiver.answers else 200
                if receiver.on_post is not None:
                    receiver.on_post()
                if receiver.delay:
                    time.sleep(receiver.delay)
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop answering and close the port (connections are then refused)."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def check(post: Post, secret: str) -> bool:
    """True when the post's signature is the HMAC-SHA256 of its timestamp, '.', and body under `secret`."""
    timestamp = post.headers["X-Crosslink-Timestamp"]
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + post.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(post.headers["X-Crosslink-Signature"], "sha256=" + expected)
