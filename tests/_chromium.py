"""A small headless-Chromium driver for the browser tests, over the DevTools Protocol.

Starts Debian's ``/usr/bin/chromium`` in its own process group with a fresh
profile, reads the DevTools websocket address from its stderr, and talks CDP
over an aiohttp websocket (flattened sessions: one browser socket, one
session per page). No new dependency: aiohttp is the SDK's own.

Waiting is on page conditions: :meth:`Page.wait_for` evaluates a promise in
the page that resolves when a JavaScript expression becomes truthy, with a
generous upper bound that fails the test.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import re
import shutil
import signal
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

CHROMIUM = os.environ.get("AIOCOMET_CHROMIUM", "/usr/bin/chromium")
START_TIMEOUT = 60.0  # a cold start on a busy CI core can take a while
WAIT = 20.0  # upper bound for a page condition
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-breakpad",
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
    "--remote-debugging-port=0",
    "--window-size=1200,900",
)
_LISTENING = re.compile(rb"DevTools listening on (ws://\S+)")


class CDPError(Exception):
    """A DevTools command failed, or the page threw."""


class Page:
    """One tab, driven through its flattened CDP session."""

    def __init__(self, browser: Chromium, session_id: str, target_id: str) -> None:
        self.browser = browser
        self.session_id = session_id
        self.target_id = target_id
        self.errors: list[str] = []  # uncaught exceptions and console errors, for messages

    async def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return await self.browser.send(method, params, session_id=self.session_id)

    async def goto(self, url: str) -> None:
        """Navigate and wait for the load event (iframes included)."""
        loaded = self.browser.expect("Page.loadEventFired", self.session_id)
        result = await self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            loaded.cancel()
            raise CDPError(f"navigating to {url}: {result['errorText']}")
        async with asyncio.timeout(WAIT):
            await loaded

    async def evaluate(self, expression: str) -> Any:
        """The JSON value of ``expression`` (awaited if it is a promise)."""
        result = await self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CDPError(f"{expression[:80]!r} threw: {text}")
        return result["result"].get("value")

    async def wait_for(self, condition: str, timeout: float = WAIT) -> Any:
        """Wait until the JavaScript ``condition`` is truthy in the page; returns its value.

        Fails with the page's errors when it stays falsy for ``timeout`` seconds.
        """
        script = f"""new Promise((resolve, reject) => {{
            const deadline = Date.now() + {int(timeout * 1000)};
            const check = () => {{
                let value;
                try {{ value = ({condition}); }} catch (e) {{ value = undefined; }}
                if (value) {{ resolve(value); return; }}
                if (Date.now() > deadline) {{ reject(new Error("timed out")); return; }}
                setTimeout(check, 20);
            }};
            check();
        }})"""
        try:
            async with asyncio.timeout(timeout + 10):
                return await self.evaluate(script)
        except (CDPError, TimeoutError) as exc:
            raise AssertionError(
                f"page condition {condition!r} not met within {timeout} s; "
                f"page errors: {self.errors}"
            ) from exc

    async def screenshot(self, path: Path) -> None:
        result = await self.send("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(result["data"]))

    async def close(self) -> None:
        with contextlib.suppress(CDPError, aiohttp.ClientError, ConnectionError):
            await self.browser.send("Target.closeTarget", {"targetId": self.target_id})


class Chromium:
    """A running headless Chromium and its browser-level DevTools websocket."""

    def __init__(
        self,
        proc: asyncio.subprocess.Process,
        profile: str,
        http: aiohttp.ClientSession,
        ws: aiohttp.ClientWebSocketResponse,
    ) -> None:
        self._proc = proc
        self._profile = profile
        self._http = http
        self._ws = ws
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[Any]] = {}
        self._waiters: list[tuple[str, str | None, asyncio.Future[dict[str, Any]]]] = []
        self._pages: dict[str, Page] = {}
        self._reader = asyncio.create_task(self._read())
        self._stderr = asyncio.create_task(self._drain_stderr())

    @classmethod
    async def start(cls) -> Chromium:
        profile = tempfile.mkdtemp(prefix="aiocomet-chromium-")
        proc = await asyncio.create_subprocess_exec(
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            "about:blank",
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,  # its own process group: killed as a whole at the end
        )
        http: aiohttp.ClientSession | None = None
        try:
            url = await _devtools_url(proc)
            http = aiohttp.ClientSession()
            ws = await http.ws_connect(url, max_msg_size=0, autoping=True)
        except BaseException:
            if http is not None:
                await http.close()
            await _kill(proc, profile)
            raise
        return cls(proc, profile, http, ws)

    # -- protocol ---------------------------------------------------------------------------

    async def send(
        self, method: str, params: dict[str, Any] | None = None, *, session_id: str | None = None
    ) -> Any:
        ident = next(self._ids)
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session_id is not None:
            message["sessionId"] = session_id
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[ident] = future
        await self._ws.send_str(json.dumps(message))
        async with asyncio.timeout(WAIT + 15):
            return await future

    def expect(self, method: str, session_id: str | None) -> asyncio.Future[dict[str, Any]]:
        """A future for the next event ``method`` (create it before causing the event)."""
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiters.append((method, session_id, future))
        return future

    async def _read(self) -> None:
        try:
            async for msg in self._ws:
                if msg.type is not aiohttp.WSMsgType.TEXT:
                    continue
                data = json.loads(msg.data)
                if "id" in data:
                    future = self._pending.pop(data["id"], None)
                    if future is not None and not future.done():
                        if "error" in data:
                            future.set_exception(CDPError(str(data["error"])))
                        else:
                            future.set_result(data.get("result", {}))
                    continue
                self._event(data)
        finally:
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(CDPError("the DevTools connection closed"))

    def _event(self, data: dict[str, Any]) -> None:
        method, session_id, params = data.get("method"), data.get("sessionId"), data.get("params")
        page = self._pages.get(session_id or "")
        if page is not None and method == "Runtime.exceptionThrown":
            page.errors.append(str(params["exceptionDetails"].get("exception", params)))
        elif page is not None and method == "Runtime.consoleAPICalled":
            if params.get("type") == "error":
                page.errors.append(" ".join(str(a.get("value")) for a in params["args"]))
        for waiter in list(self._waiters):
            want, want_session, future = waiter
            if want == method and want_session in (None, session_id):
                self._waiters.remove(waiter)
                if not future.done():
                    future.set_result(params or {})

    async def _drain_stderr(self) -> None:
        assert self._proc.stderr is not None
        while await self._proc.stderr.read(65536):
            pass

    # -- pages ----------------------------------------------------------------------------------

    async def new_page(self) -> Page:
        target = await self.send("Target.createTarget", {"url": "about:blank"})
        target_id = target["targetId"]
        attached = await self.send(
            "Target.attachToTarget", {"targetId": target_id, "flatten": True}
        )
        page = Page(self, attached["sessionId"], target_id)
        self._pages[page.session_id] = page
        await page.send("Page.enable")
        await page.send("Runtime.enable")
        return page

    @contextlib.asynccontextmanager
    async def page(self) -> AsyncIterator[Page]:
        page = await self.new_page()
        try:
            yield page
        finally:
            await page.close()

    async def close(self) -> None:
        """Close the websocket, kill the whole process group, remove the profile."""
        await self._ws.close()
        self._reader.cancel()
        await self._http.close()
        await _kill(self._proc, self._profile)
        self._stderr.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        with contextlib.suppress(asyncio.CancelledError):
            await self._stderr


async def _devtools_url(proc: asyncio.subprocess.Process) -> str:
    """The browser websocket URL Chromium prints on stderr once it listens."""
    assert proc.stderr is not None
    seen: list[bytes] = []
    async with asyncio.timeout(START_TIMEOUT):
        while line := await proc.stderr.readline():
            found = _LISTENING.search(line)
            if found:
                return found.group(1).decode()
            seen.append(line)
    raise RuntimeError(f"chromium exited before listening: {b''.join(seen[-20:])!r}")


async def _kill(proc: asyncio.subprocess.Process, profile: str) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    await proc.wait()
    shutil.rmtree(profile, ignore_errors=True)


@contextlib.asynccontextmanager
async def serving(app: web.Application, sites: int = 1) -> AsyncIterator[list[str]]:
    """``app`` on ``sites`` free 127.0.0.1 ports (each its own origin); yields their URLs."""
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    try:
        for _ in range(sites):
            await web.TCPSite(runner, "127.0.0.1", 0).start()
        yield [f"http://127.0.0.1:{port}" for _, port in runner.addresses]
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def example_server(script: Path, *args: str) -> AsyncIterator[tuple[Example, str]]:
    """Run an example web app as a reader would (no COMET_URL: its embedded emulator).

    Yields the process and the URL it printed; stops it with Ctrl-C (SIGINT) at the end,
    after which :attr:`Example.stderr` holds what it wrote there.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMET_")}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-W",
        "error",
        str(script),
        "--port",
        "0",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    example = Example(proc)
    try:
        async with asyncio.timeout(START_TIMEOUT):
            first = await example.line()
        assert first.startswith("open http://127.0.0.1:"), first
        yield example, first.split()[1]
    finally:
        proc.send_signal(signal.SIGINT)
        async with asyncio.timeout(START_TIMEOUT):
            _, stderr = await proc.communicate()
        example.stderr = stderr.decode()


class Example:
    """A running example and its output."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.stderr = ""

    async def line(self) -> str:
        assert self.proc.stdout is not None
        return (await self.proc.stdout.readline()).decode()

    async def line_with(self, text: str, timeout: float = WAIT) -> str:
        """The next stdout line containing ``text``."""
        async with asyncio.timeout(timeout):
            while line := await self.line():
                if text in line:
                    return line
        raise AssertionError(f"the example ended without printing {text!r}")
