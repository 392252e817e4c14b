"""The web-interface single sign-on page (examples/web_sso) in a real headless Chromium.

A stub plays the web interface's side on another 127.0.0.1 port (another
origin): it posts ``app_loaded`` to its parent and records every message it
receives by POSTing it back to its server. A forger page on a third origin,
nested inside the stub, posts ``app_loaded`` to the portal page too: the
portal must ignore it. Session keys come from a real emulator, and the
test uses the key the stub received to call the emulator.
"""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from aiocomet import CometClient
from aiocomet.testing import CometEmulator

from ._chromium import WAIT, Chromium, example_server, serving

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXAMPLE_DIR = Path(__file__).resolve().parents[1] / "examples" / "web_sso"
sys.path.insert(0, str(EXAMPLE_DIR))
import web_sso  # noqa: E402

ADMIN_PW = "portal-admin-pw-2b9f"
ALICE_PW = "alice-pw-80aa"

STUB_PAGE = """<!doctype html><meta charset="utf-8"><title>stub web interface</title>
<script>
const forge = new URLSearchParams(location.search).get("forge");
window.addEventListener("message", (event) => {
  fetch("/record", {method: "POST", body: JSON.stringify(
    {receiver: location.origin, origin: event.origin, data: event.data})});
});
if (forge) {
  const frame = document.createElement("iframe");
  frame.src = forge;
  document.documentElement.appendChild(frame);
} else {
  (window.opener || window.parent).postMessage({msg: "app_loaded"}, "*");
}
</script>"""
FORGER_PAGE = """<!doctype html><meta charset="utf-8"><title>forger</title>
<script>
window.addEventListener("message", (event) => {
  fetch("/record", {method: "POST", body: JSON.stringify(
    {receiver: location.origin, origin: event.origin, data: event.data})});
});
window.top.postMessage({msg: "app_loaded"}, "*");
</script>"""


class Stub:
    """The web interface's stand-in: its pages, on two origins, and what they received."""

    def __init__(self) -> None:
        self.received: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.app = web.Application()
        self.app.router.add_get("/webui", self._page(STUB_PAGE))
        self.app.router.add_get("/forger", self._page(FORGER_PAGE))
        self.app.router.add_post("/record", self._record)

    @staticmethod
    def _page(text: str) -> Any:
        async def handler(request: web.Request) -> web.Response:
            return web.Response(text=text, content_type="text/html")

        return handler

    async def _record(self, request: web.Request) -> web.Response:
        self.received.put_nowait(await request.json())
        return web.Response(text="ok")


@asynccontextmanager
async def portal(
    web_path: str, *, as_user: str | None = None
) -> AsyncIterator[tuple[CometEmulator, Stub, str, list[str], io.StringIO]]:
    """Emulator, stub (legit and forger origins), and the example portal embedding the stub."""
    stub = Stub()
    out = io.StringIO()
    async with (
        CometEmulator(admins={"admin": ADMIN_PW}, users={"alice": ALICE_PW}) as emu,
        CometClient(emu.url, "admin", ADMIN_PW) as client,
        serving(stub.app, sites=2) as stub_urls,
    ):
        web_url = stub_urls[0] + web_path.replace("{forger}", stub_urls[1])
        app = web_sso.make_app(client, web_url=web_url, as_user=as_user, out=out)
        async with serving(app) as (portal_url,):
            yield emu, stub, portal_url, stub_urls, out


async def received(stub: Stub) -> dict[str, Any]:
    async with asyncio.timeout(WAIT):
        return await stub.received.get()


async def test_the_page_signs_the_admin_in_when_the_web_interface_loads(
    chromium: Chromium,
) -> None:
    async with (
        portal("/webui") as (emu, stub, portal_url, stub_urls, out),
        chromium.page() as page,
    ):
        await page.goto(portal_url)
        record = await received(stub)
        assert await page.wait_for("window.cometSso.logins === 1")
        assert await page.evaluate("document.getElementById('status').textContent") == (
            "Signed in as admin"
        )

        # posted to the web interface's origin, from the portal's, in the guide's shape
        assert record["receiver"] == stub_urls[0]
        assert record["origin"] == portal_url
        message = record["data"]
        assert set(message) == {"msg", "username", "sessionkey"}
        assert (message["msg"], message["username"]) == ("session_login", "admin")
        key = message["sessionkey"]
        async with CometClient(emu.url, "admin", session_key=key) as web_ui:
            assert await web_ui.admin_list_users() == ["alice"]
        assert key not in out.getvalue() and "session_login for 'admin'" in out.getvalue()
        assert await page.evaluate("window.cometSso.ignored") == []

        # the web interface loads again (say, after a logout): no second sign-in
        sessions = emu.accounts.session_count
        await page.evaluate("const f = document.getElementById('comet'); f.src = f.src")
        await page.wait_for("window.cometSso.loaded === 2")
        assert await page.evaluate("window.cometSso.logins") == 1
        assert emu.accounts.session_count == sessions
        assert page.errors == []


async def test_the_page_signs_an_end_user_in(chromium: Chromium) -> None:
    async with (
        portal("/webui", as_user="alice") as (emu, stub, portal_url, _, _out),
        chromium.page() as page,
    ):
        await page.goto(portal_url)
        message = (await received(stub))["data"]
        assert (message["msg"], message["username"]) == ("user_session_login", "alice")
        async with CometClient(
            emu.url, "alice", session_key=message["sessionkey"], account_type="user"
        ) as web_ui:
            profile = await web_ui.user_web_get_user_profile_and_hash()
        assert profile.Profile is not None and profile.Profile.Username == "alice"
        await page.wait_for("document.getElementById('status').textContent.includes('alice')")


async def test_app_loaded_from_another_origin_is_ignored(chromium: Chromium) -> None:
    async with (
        portal("/webui?forge={forger}/forger") as (emu, stub, portal_url, stub_urls, _out),
        chromium.page() as page,
    ):
        forger = stub_urls[1]
        await page.goto(portal_url)
        # the forger (nested in the web interface's frame, on another origin) said app_loaded
        await page.wait_for(f"window.cometSso.ignored.includes({forger!r})")
        # so did the portal's own window
        await page.evaluate("window.postMessage({msg: 'app_loaded'}, '*')")
        await page.wait_for(f"window.cometSso.ignored.includes({portal_url.rstrip('/')!r})")

        assert await page.evaluate("window.cometSso.logins") == 0
        assert emu.accounts.session_count == 0  # no session key was minted
        assert stub.received.empty()  # and nothing was posted to anyone


async def test_the_session_endpoint_refuses_requests_not_from_the_page() -> None:
    async with (
        portal("/webui") as (emu, _stub, portal_url, stub_urls, _out),
        aiohttp.ClientSession() as http,
    ):
        async with http.post(portal_url + "/sso/session") as response:
            assert response.status == 403
        assert emu.accounts.session_count == 0
        headers = {"X-Requested-With": web_sso.REQUESTED_WITH}
        async with http.post(portal_url + "/sso/session", headers=headers) as response:
            assert response.status == 200
            assert response.headers["Cache-Control"] == "no-store"
            body = await response.json()
        assert body["targetOrigin"] == stub_urls[0]
        assert body["message"]["msg"] == "session_login"


async def test_the_example_runs_with_its_stand_in_web_interface(chromium: Chromium) -> None:
    async with example_server(EXAMPLE_DIR / "web_sso.py") as (example, url):
        async with chromium.page() as page:
            await page.goto(url)
            await page.wait_for("window.cometSso.logins === 1")
        line = await example.line_with("web interface:")
        assert "signed in as 'admin' (admin session key verified)" in line
    assert example.proc.returncode == 130  # Ctrl-C
    assert "Traceback" not in example.stderr and "Warning" not in example.stderr
