"""Every method's refusal, in both of the emulator's error modes, raises the typed error.

A real Comet Server sends application errors inside an HTTP 200 answer; the
emulator does that by default and sends HTTP statuses with
``error_mode="http"``. Whatever the form, the SDK must raise, for all 251
methods, and an in-body 403 must not make it log in again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from aiocomet import (
    AccessDeniedError,
    AuthenticationError,
    CometAPIError,
    CometClient,
    ServerError,
)
from aiocomet._api_errors import PASSWORD_LOGINS
from aiocomet._generated.methods import METHODS
from aiocomet._methodspec import MethodSpec
from aiocomet.testing import SEED_USERS, CometEmulator

from ._samples import sample

SPECS = sorted(METHODS.values(), key=lambda s: s.name)


@pytest.fixture(scope="module", params=["body", "http"])
def emulator(request: pytest.FixtureRequest) -> Iterator[CometEmulator]:
    """One seeded emulator per error mode for the whole module (on its own loop thread)."""
    with CometEmulator(seed=True, error_mode=request.param).run_in_thread() as emu:
        yield emu


def _kwargs(spec: MethodSpec[Any]) -> dict[str, Any]:
    return {p.python_name: sample(p.python_type) for p in spec.params if not p.optional}


async def _refused(emu: CometEmulator, spec: MethodSpec[Any], status: int) -> CometAPIError:
    user = spec.auth == "user"
    name, password = ("alice", SEED_USERS["alice"]) if user else ("admin", "admin")
    emu.faults.fail_method(spec.name, status)
    async with CometClient(
        emu.url, name, password, account_type="user" if user else "admin"
    ) as client:
        with pytest.raises(CometAPIError) as caught:
            await getattr(client, spec.python_name)(**_kwargs(spec))
    return caught.value


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_every_method_raises_the_typed_error_in_both_modes(
    emulator: CometEmulator, spec: MethodSpec[Any]
) -> None:
    in_body = emulator.error_mode == "body"
    denied = asyncio.run(_refused(emulator, spec, 403))
    assert denied.status == 403 and denied.message
    if in_body and spec.name not in PASSWORD_LOGINS:  # "not yours / no such object"
        assert type(denied) is AccessDeniedError and denied.http_status == 200
    elif in_body:  # a login's only subject is the caller's credentials
        assert type(denied) is AuthenticationError and denied.http_status == 200
    else:
        assert type(denied) is AuthenticationError and denied.http_status == 403
    bad = asyncio.run(_refused(emulator, spec, 400))
    assert type(bad) is CometAPIError and bad.status == 400
    assert bad.http_status == (200 if in_body else 400)


@pytest.mark.parametrize("in_body", [True, False])
def test_injected_5xx_is_a_server_error_in_either_form(
    emulator: CometEmulator, in_body: bool
) -> None:
    async def run() -> CometAPIError:
        emulator.faults.fail_method("AdminMetaVersion", 500, count=4, in_body=in_body)
        async with CometClient(emulator.url, "admin", "admin") as client:
            with pytest.raises(ServerError) as caught:
                await client.admin_meta_version()
        emulator.faults.clear()
        return caught.value

    error = asyncio.run(run())
    assert error.status == 500 and error.http_status == (200 if in_body else 500)
