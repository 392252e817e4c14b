"""A small Comet Server on 127.0.0.1 that checks credentials the way the real one does.

Session keys and the password are really checked; a refused credential is
answered either as HTTP 403 (``refusals="http"``) or as HTTP 200 with an
in-body ``{"Status": 403, "Message": "Unauthorised"}`` (``refusals="body"``).
An unknown ``TargetUser`` is always answered in the body, as Comet's own Ruby
SDK test expects of a real server. Every request is counted, per path and
per auth type, so tests can assert how many logins and probes a burst caused.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from typing import Any, Literal

from aiohttp import web

START = "/api/v1/admin/account/session-start"
PROPERTIES = "/api/v1/admin/account/properties"
PROFILE = "/api/v1/admin/get-user-profile"
UNAUTHORISED = {"Status": 403, "Message": "Unauthorised"}


class AuthComet:
    def __init__(
        self,
        *,
        password: str = "pw",
        keys: tuple[str, ...] = (),
        users: tuple[str, ...] = ("alice",),
        refusals: Literal["http", "body"] = "http",
        hold_refusals: int = 0,
    ) -> None:
        self.password = password
        self.keys = set(keys)
        self.users = set(users)
        self.refusals = refusals
        self.paths: Counter[str] = Counter()
        self.auth_types: Counter[str] = Counter()
        self._serial = itertools.count(1)
        # The first ``hold_refusals`` refusals (credentials or unknown user) wait
        # until that many have arrived, so a burst is really concurrent at the server.
        self._held = hold_refusals
        self._all_held = asyncio.Event()
        if hold_refusals == 0:
            self._all_held.set()
        app = web.Application()
        app.router.add_post("/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        self.url = ""

    @property
    def password_attempts(self) -> int:
        return self.auth_types["Password"] + self.auth_types["PasswordTOTP"]

    async def _handle(self, request: web.Request) -> web.Response:
        form = {k: str(v) for k, v in (await request.post()).items()}
        self.paths[request.path] += 1
        self.auth_types[form.get("AuthType", "")] += 1
        if not self._authenticated(form):
            await self._hold()
            status = 403 if self.refusals == "http" else 200
            return web.json_response(UNAUTHORISED, status=status)
        if request.path == START:
            key = f"key-{next(self._serial)}"
            self.keys.add(key)
            return web.json_response({"Status": 200, "Message": "OK", "SessionKey": key})
        if request.path == PROPERTIES:
            return web.json_response({"OrganizationID": "org-1"})
        if request.path == PROFILE:
            if form.get("TargetUser") not in self.users:
                await self._hold()
                return web.json_response(UNAUTHORISED)  # a real server: in the body
            return web.json_response({"Username": form["TargetUser"]})
        return web.json_response({"Status": 404, "Message": "not scripted"}, status=404)

    def _authenticated(self, form: dict[str, str]) -> bool:
        if form.get("AuthType") == "SessionKey":
            return form.get("SessionKey") in self.keys
        return form.get("Password") == self.password

    async def _hold(self) -> None:
        if self._held > 0:
            self._held -= 1
            if self._held == 0:
                self._all_held.set()
        await self._all_held.wait()

    async def __aenter__(self) -> AuthComet:
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._runner.cleanup()
