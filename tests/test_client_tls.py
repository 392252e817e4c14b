"""TLS: verification on by default, a CA file or context as options, off only explicitly."""

from __future__ import annotations

import logging
import ssl
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from aiocomet import CometClient, RetryPolicy, TransportError


def make_cert(tmp: Path, name: str, san: str) -> tuple[Path, Path]:
    key, cert = tmp / f"{name}.key", tmp / f"{name}.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
            "-addext", f"subjectAltName={san}",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return key, cert


async def serve_tls(key: Path, cert: Path) -> tuple[web.AppRunner, str]:
    async def handler(request: web.Request) -> web.Response:
        return web.json_response(["tls-user"])

    app = web.Application()
    app.router.add_post("/api/v1/admin/list-users", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ctx)
    await site.start()
    return runner, f"https://127.0.0.1:{runner.addresses[0][1]}"


@pytest.fixture
async def matching(tmp_path: Path) -> AsyncIterator[tuple[str, Path]]:
    key, cert = make_cert(tmp_path, "loopback", "IP:127.0.0.1")
    runner, url = await serve_tls(key, cert)
    yield url, cert
    await runner.cleanup()


def one_try(url: str, **kw: object) -> CometClient:
    return CometClient(url, "admin", "pw", retry=RetryPolicy(attempts=1), **kw)  # type: ignore[arg-type]


async def test_self_signed_certificate_fails_by_default(matching: tuple[str, Path]) -> None:
    url, _ = matching
    async with one_try(url) as client:
        with pytest.raises(TransportError, match="certificate"):
            await client.admin_list_users()


async def test_ca_file_makes_it_trusted(matching: tuple[str, Path]) -> None:
    url, cert = matching
    async with one_try(url, ca_file=str(cert)) as client:
        assert await client.admin_list_users() == ["tls-user"]
    ctx = ssl.create_default_context(cafile=str(cert))
    async with one_try(url, ssl=ctx) as client:
        assert await client.admin_list_users() == ["tls-user"]


async def test_hostname_mismatch_fails(tmp_path: Path) -> None:
    key, cert = make_cert(tmp_path, "other", "DNS:other.example")
    runner, url = await serve_tls(key, cert)
    try:
        async with one_try(url, ca_file=str(cert)) as client:
            with pytest.raises(TransportError):
                await client.admin_list_users()
    finally:
        await runner.cleanup()


async def test_verification_off_only_explicitly_and_warns(
    matching: tuple[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    url, _ = matching
    with caplog.at_level(logging.WARNING, logger="aiocomet"):
        client = one_try(url, verify=False)
    assert any("verification is OFF" in r.getMessage() for r in caplog.records)
    async with client:
        assert await client.admin_list_users() == ["tls-user"]
