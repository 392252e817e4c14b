"""Shared by the redaction tests (``test_redaction*.py``): the secrets, the check that a
secret is hidden in every encoded form, and a hostile HTTP server on 127.0.0.1 with the
answers that echo the request body back."""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, quote_plus

LONG_PW = "Pa ss/wörd&=+%1-9c2e"  # every character the form encoding changes
NEW_KEY = "NEW-SESSION-KEY-from-login-7b3f0a"


def forms_of(secret: str) -> list[str]:
    """The secret as written raw, in a form, in a URL, lower-case hex, in JSON."""
    plus, pct = quote_plus(secret), quote(secret, safe="")
    lower_hex = re.sub("%[0-9A-F]{2}", lambda m: m[0].lower(), pct)
    return [secret, plus, pct, lower_hex, json.dumps(secret)[1:-1], secret[-6:]]


def assert_hidden(text: str, secret: str) -> None:
    for form in forms_of(secret):
        assert form not in text, f"{form!r} leaked: {text[:500]}"


Answer = Callable[[str, bytes], tuple[int, dict[str, str], bytes]]


@contextlib.contextmanager
def hostile(answer: Answer) -> Iterator[str]:
    """A threaded stdlib HTTP server on 127.0.0.1 answering every POST with ``answer``."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, headers, reply = answer(self.path, body)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def echo_page(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    """A 400 error page showing the raw form body and its decoded fields (4xx: no retry)."""
    fields = dict(parse_qsl(body.decode()))
    page = f"<p>Invalid username or password</p><pre>{body.decode()}</pre><p>{fields}</p>"
    return 400, {"Content-Type": "text/html"}, page.encode()


def echo_json(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    message = f"cannot parse {body.decode()} ({dict(parse_qsl(body.decode()))})"
    return (
        400,
        {"Content-Type": "application/json"},
        json.dumps({"Status": 400, "Message": message}).encode(),
    )


def echo_redirect(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    location = f"http://127.0.0.1:9/login?{body.decode()}&p={quote(LONG_PW, safe='')}"
    return 307, {"Location": location}, b""
