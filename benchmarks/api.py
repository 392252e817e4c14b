"""Figures 5 and 6: API calls against the emulator, run as its own process.

``python -m aiocomet.testing`` serves the calls; the user ``bench`` gets a
profile with a few devices, sources, destinations and backup rules first.

- ``api_concurrency_ratio``: calls/s of 32 concurrent
  ``admin_get_user_profile`` calls through one CometClient over sequential
  urllib calls (form POST + ``json.loads``, the API guide's Python example).
- ``call_overhead_ratio``: this process's CPU time per call (sequential
  calls, ``time.process_time``) of aiocomet over a bare aiohttp POST of the
  same form with a reused msgspec decoder of ``UserProfileConfig``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import aiohttp
import msgspec

from aiocomet import CometClient, models

from . import _process
from ._harness import Figure, Stat, Target, interleaved, ratios, stats

USER = "bench"
ADMIN = ("admin", "admin")
PROFILE_PATH = "/api/v1/admin/get-user-profile"
CONCURRENCY = 32


@dataclass(frozen=True, slots=True)
class Emulator:
    url: str

    @property
    def form(self) -> dict[str, str]:
        """What the API guide's example posts for AdminGetUserProfile."""
        return {
            "Username": ADMIN[0],
            "AuthType": "Password",
            "Password": ADMIN[1],
            "TargetUser": USER,
        }


def bench_profile() -> models.UserProfileConfig:
    """A profile of a small business account: 2 devices, 4 sources, 2 vaults, 4 rules."""
    now = 1_764_000_000
    devices = {
        f"device-{i}": models.DeviceConfig(
            FriendlyName=f"WORKSTATION-{i:02d}",
            RegistrationTime=now,
            DeviceTimezone="Europe/Berlin",
            ClientVersion="25.9.8",
        )
        for i in range(2)
    }
    sources = {
        f"source-{i}": models.SourceConfig(
            Engine="engine1/file",
            Description=f"Documents {i}",
            OwnerDevice=f"device-{i % 2}",
            CreateTime=now,
            ModifyTime=now,
            EngineProps={"INCLUDE0": f"C:\\Users\\user{i}\\Documents", "EXCLUDE0": "*.tmp"},
        )
        for i in range(4)
    }
    destinations = {
        f"vault-{i}": models.DestinationConfig(
            Description=f"Cloud vault {i}", CreateTime=now, ModifyTime=now, DestinationType=1003
        )
        for i in range(2)
    }
    rules = {
        f"rule-{i}": models.BackupRuleConfig(
            Description=f"Nightly {i}",
            CreateTime=now,
            ModifyTime=now,
            Source=f"source-{i}",
            Destination=f"vault-{i % 2}",
        )
        for i in range(4)
    }
    return models.UserProfileConfig(
        Username=USER,
        AccountName="Benchmark Pty Ltd",
        LocalTimezone="Europe/Berlin",
        Emails=["it@example.com", "backup-reports@example.com"],
        SendEmailReports=True,
        Destinations=destinations,
        Sources=sources,
        BackupRules=rules,
        Devices=devices,
        MaximumDevices=10,
        AllowPasswordLogin=True,
        CreateTime=now,
    )


@contextlib.asynccontextmanager
async def emulator() -> AsyncIterator[Emulator]:
    """``python -m aiocomet.testing`` on a free port, with the ``bench`` user's profile set."""
    args = ["-m", "aiocomet.testing", "--port", "0", "--user", f"{USER}:bench-password"]
    async with _process.server(args, ready="listening on") as line:
        found = re.search(r"http://127\.0\.0\.1:\d+", line)
        if found is None:
            raise RuntimeError(f"unexpected emulator start line {line!r}")
        emu = Emulator(found.group(0))
        async with CometClient(emu.url, *ADMIN) as client:
            await client.admin_set_user_profile(USER, bench_profile())
        yield emu


def urllib_call(emu: Emulator) -> object:
    """The API guide's Python example: urlencode, urlopen, json.loads."""
    request = urllib.request.Request(
        url=emu.url + PROFILE_PATH, data=urllib.parse.urlencode(emu.form).encode("utf-8")
    )
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


async def urllib_rate(emu: Emulator, calls: int) -> float:
    """Sequential urllib calls per second (blocking, as the example is)."""
    urllib_call(emu)
    started = time.perf_counter()
    for _ in range(calls):
        urllib_call(emu)
    return calls / (time.perf_counter() - started)


async def concurrent_rate(emu: Emulator, calls: int, concurrency: int = CONCURRENCY) -> float:
    """Calls per second of ``concurrency`` workers sharing one CometClient."""
    async with CometClient(emu.url, *ADMIN) as client:

        async def worker(n: int) -> None:
            for _ in range(n):
                await client.admin_get_user_profile(USER)

        await asyncio.gather(*(worker(1) for _ in range(concurrency)))  # open the pool
        share, extra = divmod(calls, concurrency)
        started = time.perf_counter()
        await asyncio.gather(*(worker(share + (i < extra)) for i in range(concurrency)))
        return calls / (time.perf_counter() - started)


async def _cpu_per_call(calls: int, call: Callable[[], Awaitable[object]]) -> float:
    """Seconds of this process's CPU time per sequential call."""
    for _ in range(min(calls, 50)):
        await call()
    started = time.process_time()
    for _ in range(calls):
        await call()
    return (time.process_time() - started) / calls


async def aiocomet_cpu(emu: Emulator, calls: int) -> float:
    async with CometClient(emu.url, *ADMIN) as client:
        return await _cpu_per_call(calls, lambda: client.admin_get_user_profile(USER))


async def bare_cpu(emu: Emulator, calls: int) -> float:
    """aiohttp POST of the same form, ``read()``, reused typed msgspec decoder."""
    decode = msgspec.json.Decoder(models.UserProfileConfig).decode
    url = emu.url + PROFILE_PATH
    form = emu.form
    async with aiohttp.ClientSession() as session:

        async def call() -> object:
            async with session.post(url, data=form) as resp:
                resp.raise_for_status()
                return decode(await resp.read())

        return await _cpu_per_call(calls, call)


async def api_figures(
    emu: Emulator, *, calls: int = 3000, cpu_calls: int = 2000, rounds: int = 5
) -> list[Figure]:
    """``api_concurrency_ratio`` and ``call_overhead_ratio``."""
    urllib_calls = max(calls // 3, 1)

    async def run_urllib() -> float:
        return await urllib_rate(emu, urllib_calls)

    async def run_concurrent() -> float:
        return await concurrent_rate(emu, calls)

    async def run_aiocomet_cpu() -> float:
        return await aiocomet_cpu(emu, cpu_calls)

    async def run_bare_cpu() -> float:
        return await bare_cpu(emu, cpu_calls)

    rates = await interleaved(
        {"aiocomet_32_concurrent": run_concurrent, "urllib_sequential": run_urllib},
        rounds=rounds,
    )
    cpu = await interleaved(
        {"aiocomet": run_aiocomet_cpu, "bare_aiohttp_msgspec": run_bare_cpu}, rounds=rounds
    )
    cpu_us = {k: [v * 1e6 for v in values] for k, values in cpu.items()}
    return [
        Figure(
            "api_concurrency_ratio",
            Stat.of(ratios(rates["aiocomet_32_concurrent"], rates["urllib_sequential"])),
            Target(">=", 3.0),
            details=stats(rates, "api_calls_per_s."),
        ),
        Figure(
            "call_overhead_ratio",
            Stat.of(ratios(cpu["aiocomet"], cpu["bare_aiohttp_msgspec"])),
            Target("<=", 1.15),
            details=stats(cpu_us, "api_client_cpu_us_per_call."),
        ),
    ]
