"""CometAccountClient keeps its secret (password or token) out of reprs, errors and logs,
in every auth mode."""

from __future__ import annotations

import logging

import aiohttp
import pytest
from aioresponses import aioresponses

import aiocomet

from ._account_helpers import AUTH_MODES, BASE, assert_no_secret, make_client, secret_of


@pytest.mark.parametrize("mode", sorted(AUTH_MODES))
async def test_secrets_never_in_repr_or_logs(
    mode: str, http_mock: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    http_mock.post(BASE + "/api/v1/license/list_all", body=b"[]")
    secret = secret_of(mode)
    http_mock.post(BASE + "/api/v1/license/relax", status=403, body=f"no such {secret}")
    http_mock.post(
        BASE + "/api/v1/license/archive", exception=aiohttp.ClientConnectionError(secret)
    )
    client = make_client(mode)
    texts = [repr(client), str(client), repr(client._credentials)]
    async with client:
        await client.license_list_all()
        for call in (client.license_relax("S"), client.license_archive("S")):
            with pytest.raises(aiocomet.CometError) as info:
                await call
            texts += [str(info.value), repr(info.value)]
    assert AUTH_MODES[mode][1]["authType"] in repr(client)
    assert caplog.records  # the transport did log each call
    texts += [r.getMessage() for r in caplog.records]
    texts += [repr(r.args) for r in caplog.records]
    assert_no_secret(*texts)
