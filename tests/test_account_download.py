"""CometAccountClient DownloadsGet over a loopback socket: a 1 MiB download streamed to
disk and in chunks, and a failed download that leaves no file and no secret."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from aiocomet import AuthenticationError, CometAccountClient, ServerError

from ._account_helpers import EMAIL, PASSWORD, TOKEN, assert_no_secret

PAYLOAD = hashlib.sha256(b"seed").digest() * (1 << 15)  # 1 MiB


@dataclass
class Portal:
    url: str
    forms: list[dict[str, str]]


@pytest.fixture
async def portal() -> AsyncIterator[Portal]:
    """A stand-in account.cometbackup.com on 127.0.0.1 serving DownloadsGet in chunks."""
    forms: list[dict[str, str]] = []

    async def downloads_get(request: web.Request) -> web.StreamResponse:
        form = {k: str(v) for k, v in (await request.post()).items()}
        forms.append(form)
        if form.get("password", "").startswith("wrong"):
            return web.Response(status=403, text=f"Invalid credentials {form['password']}")
        if form["version_key"] == "broken":
            return web.Response(status=500, text="Internal error")
        resp = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        resp.content_length = len(PAYLOAD)
        await resp.prepare(request)
        for i in range(0, len(PAYLOAD), 1 << 16):
            await resp.write(PAYLOAD[i : i + (1 << 16)])
        await resp.write_eof()
        return resp

    app = web.Application()
    app.router.add_post("/api/v1/downloads/get", downloads_get)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield Portal(str(server.make_url("")).rstrip("/"), forms)
    finally:
        await server.close()


async def test_streamed_download_to_disk_over_loopback(
    portal: Portal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    target = tmp_path / "comet-server.deb"
    # A 256-byte cap on buffered bodies: a 1 MiB download only fits because it is streamed.
    async with CometAccountClient(
        email=EMAIL, password=PASSWORD, base_url=portal.url, max_response_bytes=256
    ) as client:
        written = await client.downloads_get_save("25.9.8", "download_linux_deb", target)
        async with client.downloads_get_stream("25.9.8", "download_windows") as dl:
            assert dl.content_length == len(PAYLOAD)  # type: ignore[attr-defined]
            sizes = [len(chunk) async for chunk in dl.iter_chunks(8192)]
    assert written == len(PAYLOAD) and target.read_bytes() == PAYLOAD
    assert sum(sizes) == len(PAYLOAD) and max(sizes) <= 8192
    assert portal.forms[0] == {
        "authType": "password",
        "email": EMAIL,
        "password": PASSWORD,
        "version_key": "25.9.8",
        "platform": "download_linux_deb",
    }
    assert portal.forms[1]["platform"] == "download_windows"
    assert_no_secret(*(r.getMessage() for r in caplog.records))


async def test_failed_download_leaves_no_file(portal: Portal, tmp_path: Path) -> None:
    target = tmp_path / "comet.exe"
    async with CometAccountClient(api_token=TOKEN, base_url=portal.url) as client:
        with pytest.raises(ServerError):
            await client.downloads_get_save("broken", "download_windows", target)
    wrong = "wrong-password-d41c"
    async with CometAccountClient(email=EMAIL, password=wrong, base_url=portal.url) as client:
        with pytest.raises(AuthenticationError) as info:
            await client.downloads_get_save("25.9.8", "download_windows", target)
    assert wrong not in str(info.value)
    assert "Invalid credentials <redacted>;" in str(info.value)
    assert not target.exists()
    assert portal.forms[0]["apiToken"] == TOKEN
