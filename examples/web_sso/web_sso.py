"""Single sign-on into an embedded Comet Server web interface.

Shows: a portal page that embeds the Comet web interface in an ``<iframe>``
and, when the iframe says ``app_loaded`` (checked: from the web interface's
origin and window), asks its own server for a session and posts the
``session_login`` / ``user_session_login`` message to that origin only
(``sso.js``). The server mints the session key with
:func:`aiocomet.webui.admin_web_login` or :func:`aiocomet.webui.user_web_login`
and never logs it.

Run::

    python examples/web_sso/web_sso.py [--as-user NAME] [--web-url URL] [--port 8080]

then open the printed URL. Connection settings come from COMET_URL /
COMET_USERNAME / COMET_PASSWORD, and the web interface is loaded from
``--web-url`` (default: COMET_URL). Without COMET_URL an embedded emulator
mints the keys, and a stand-in page on another port plays the web interface
(the emulator has none): it checks the key it receives against the emulator.

A real portal must authenticate its own users before minting a session for
them: this example signs everyone who opens the page in as one account.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # examples/, for _common

import _common
from aiohttp import web

from aiocomet import CometClient, CometError
from aiocomet.auth import AccountType
from aiocomet.webui import WebLoginMessage, admin_web_login, user_web_login, web_origin

HERE = Path(__file__).resolve().parent
REQUESTED_WITH = "aiocomet-sso"  # the header sso.js sends: a cross-site form cannot
NO_STORE = {"Cache-Control": "no-store"}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def make_app(
    client: CometClient,
    *,
    web_url: str | None = None,
    as_user: str | None = None,
    out: TextIO | None = None,
) -> web.Application:
    """The portal: ``/`` embeds the web interface, ``POST /sso/session`` mints a login."""
    out = out or sys.stdout
    frame_url = web_url or client.base_url
    origin = web_origin(frame_url)
    page = (
        (HERE / "index.html")
        .read_text(encoding="utf-8")
        .replace("{web_url}", html.escape(frame_url))
        .replace("{web_origin}", html.escape(origin))
    )
    policy = f"default-src 'self'; frame-src {origin}; style-src 'unsafe-inline'"

    async def index(request: web.Request) -> web.Response:
        return web.Response(
            text=page, content_type="text/html", headers={"Content-Security-Policy": policy}
        )

    async def session(request: web.Request) -> web.Response:
        if request.headers.get("X-Requested-With") != REQUESTED_WITH:
            return web.json_response({"error": "not from the portal page"}, status=403)
        try:
            login: WebLoginMessage
            if as_user:
                login = await user_web_login(client, as_user, web_url=frame_url)
            else:
                login = await admin_web_login(client, web_url=frame_url)
        except CometError as exc:  # SDK errors never contain the credentials
            print(f"sign-in failed: {exc}", file=out, flush=True)
            return web.json_response({"error": str(exc)}, status=502, headers=NO_STORE)
        print(
            f"minted a {login.msg} for {login.username!r} to {login.target_origin}",
            file=out,
            flush=True,
        )
        body = {"message": login.to_json(), "targetOrigin": login.target_origin}
        return web.json_response(body, headers=NO_STORE)

    app = web.Application()
    app.router.add_get("/", index)
    app.router.add_get("/sso.js", _file("sso.js", "text/javascript"))
    app.router.add_post("/sso/session", session)
    return app


def stand_in_app(server_url: str, out: TextIO | None = None) -> web.Application:
    """A stand-in for the web interface: posts ``app_loaded``, checks the key it gets."""
    out = out or sys.stdout

    async def login(request: web.Request) -> web.Response:
        data = await request.json()
        msg, username = str(data.get("msg", "")), str(data.get("username", ""))
        kind: AccountType = "admin" if msg == "session_login" else "user"
        try:
            async with CometClient(
                server_url, username, session_key=str(data.get("sessionkey", "")), account_type=kind
            ) as web_client:
                if kind == "admin":
                    await web_client.admin_account_properties()
                else:
                    await web_client.user_web_get_user_profile_and_hash()
        except CometError as exc:
            text = f"web interface: {msg} for {username!r} refused ({exc})"
        else:
            text = f"web interface: signed in as {username!r} ({kind} session key verified)"
        print(text, file=out, flush=True)
        return web.Response(text=text)

    app = web.Application()
    app.router.add_get("/", _file("stand_in.html", "text/html"))
    app.router.add_get("/stand_in.js", _file("stand_in.js", "text/javascript"))
    app.router.add_post("/login", login)
    return app


def _file(name: str, content_type: str) -> Handler:
    """A handler answering one file of this directory."""
    text = (HERE / name).read_text(encoding="utf-8")

    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=text, content_type=content_type)

    return handler


async def serve(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, str]:
    """Start ``app`` on ``host:port`` (0: a free port); returns the runner and its URL."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1]  # the port picked when port is 0
    return runner, f"http://{host}:{bound}/"


async def main() -> None:
    parser = argparse.ArgumentParser(description="A portal page that signs into Comet.")
    parser.add_argument("--as-user", help="sign in as this end user (default: the admin)")
    parser.add_argument("--web-url", help="where the web interface is (default: COMET_URL)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    args = parser.parse_args()
    embedded = _common.settings_from_env() is None
    runners: list[web.AppRunner] = []
    async with _common.connect() as client:
        try:
            web_url = args.web_url
            if embedded and web_url is None:
                runner, web_url = await serve(stand_in_app(client.base_url), args.host, 0)
                runners.append(runner)
            app = make_app(client, web_url=web_url, as_user=args.as_user)
            runner, url = await serve(app, args.host, args.port)
            runners.append(runner)
            print(f"open {url} (Ctrl-C stops)", flush=True)
            async with _common.at_most(args.duration):
                await asyncio.Event().wait()
        finally:
            for runner in reversed(runners):
                await runner.cleanup()


if __name__ == "__main__":
    _common.run_script(main)
