"""Figures 5 and 6: API calls against the emulator, run as its own process.

``python -m aiocomet.testing`` serves the calls; the user ``bench`` gets a
profile with a few devices, sources, destinations and backup rules first.

- ``api_concurrency_ratio``: calls/s of 32 concurrent
  ``admin_get_user_profile`` calls through one CometClient over sequential
  urllib calls (form POST + ``json.loads``, the API guide's Python example).
- ``call_overhead_ratio``: this process's CPU time per call (sequential
  calls, ``time.process_time``) of aiocomet over a bare aiohttp POST of the
  same form with a reused msgspec decoder of ``UserProfileConfig``.

The variants compared take turns in small chunks within each round.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass

import aiohttp
import msgspec

from aiocomet import CometClient, models

from . import _process
from ._harness import Figure, Stat, Target, ratios, stats

USER = "bench"
ADMIN = ("admin", "admin")
PROFILE_PATH = "/api/v1/admin/get-user-profile"
CONCURRENCY = 32
Clock = Callable[[], float]


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


Call = Callable[[], Awaitable[object]]
Chunk = Callable[[], Awaitable[int]]


async def _alternate(chunks: Mapping[str, Chunk], *, times: int, clock: Clock) -> dict[str, float]:
    """Run the chunks in turn ``times`` times; calls per second of ``clock`` for each.

    Alternating in small chunks puts every variant through the same slow and
    fast phases of a shared machine (one variant per second or more would not).
    """
    spent = dict.fromkeys(chunks, 0.0)
    done = dict.fromkeys(chunks, 0)
    for _ in range(times):
        for name, chunk in chunks.items():
            started = clock()
            done[name] += await chunk()
            spent[name] += clock() - started
    return {name: done[name] / spent[name] for name in chunks}


def urllib_chunk(emu: Emulator, calls: int) -> Chunk:
    """``calls`` sequential urllib calls (blocking, as the example is)."""

    async def run() -> int:
        for _ in range(calls):
            urllib_call(emu)
        return calls

    return run


def sequential_chunk(call: Call, calls: int) -> Chunk:
    async def run() -> int:
        for _ in range(calls):
            await call()
        return calls

    return run


def concurrent_chunk(call: Call, calls: int, concurrency: int = CONCURRENCY) -> Chunk:
    """``calls`` calls made by ``concurrency`` workers at once."""

    async def worker(n: int) -> None:
        for _ in range(n):
            await call()

    async def run() -> int:
        share, extra = divmod(calls, concurrency)
        await asyncio.gather(*(worker(share + (i < extra)) for i in range(concurrency)))
        return calls

    return run


@contextlib.asynccontextmanager
async def callers(emu: Emulator) -> AsyncIterator[tuple[Call, Call]]:
    """``admin_get_user_profile`` through a CometClient, and the same call made bare.

    The bare call posts the same form with aiohttp, ``read()``s the body and
    decodes it with a reused msgspec decoder of ``UserProfileConfig``.
    """
    decode = msgspec.json.Decoder(models.UserProfileConfig).decode
    url = emu.url + PROFILE_PATH
    form = emu.form
    async with CometClient(emu.url, *ADMIN) as client, aiohttp.ClientSession() as session:

        async def aiocomet() -> object:
            return await client.admin_get_user_profile(USER)

        async def bare() -> object:
            async with session.post(url, data=form) as resp:
                resp.raise_for_status()
                return decode(await resp.read())

        yield aiocomet, bare


async def api_figures(
    emu: Emulator, *, calls: int = 3000, cpu_calls: int = 2000, rounds: int = 5
) -> list[Figure]:
    """``api_concurrency_ratio`` and ``call_overhead_ratio``.

    In each round, ``calls`` concurrent calls (in chunks of 20 per worker) take
    turns with ``calls // 3`` urllib calls (in chunks of 100), then
    ``cpu_calls`` sequential aiocomet calls take turns with as many bare ones
    (in chunks of 100), timed with this process's CPU time.
    """
    rates: dict[str, list[float]] = {"aiocomet_32_concurrent": [], "urllib_sequential": []}
    cpu_us: dict[str, list[float]] = {"aiocomet": [], "bare_aiohttp_msgspec": []}
    async with callers(emu) as (aiocomet, bare):
        concurrent_calls = min(calls, 20 * CONCURRENCY)
        urllib_calls = min(max(calls // 3, 1), 100)
        seq_calls = min(cpu_calls, 100)
        throughput = {
            "aiocomet_32_concurrent": concurrent_chunk(aiocomet, concurrent_calls),
            "urllib_sequential": urllib_chunk(emu, urllib_calls),
        }
        cpu = {
            "aiocomet": sequential_chunk(aiocomet, seq_calls),
            "bare_aiohttp_msgspec": sequential_chunk(bare, seq_calls),
        }
        await _alternate(throughput, times=1, clock=time.perf_counter)  # warm-up
        await _alternate(cpu, times=1, clock=time.process_time)
        for _ in range(rounds):
            for name, rate in (
                await _alternate(
                    throughput,
                    times=max(calls // concurrent_calls, 1),
                    clock=time.perf_counter,
                )
            ).items():
                rates[name].append(rate)
            for name, rate in (
                await _alternate(cpu, times=max(cpu_calls // seq_calls, 1), clock=time.process_time)
            ).items():
                cpu_us[name].append(1e6 / rate)
    return [
        Figure(
            "api_concurrency_ratio",
            Stat.of(ratios(rates["aiocomet_32_concurrent"], rates["urllib_sequential"])),
            Target(">=", 3.0),
            details=stats(rates, "api_calls_per_s."),
        ),
        Figure(
            "call_overhead_ratio",
            Stat.of(ratios(cpu_us["aiocomet"], cpu_us["bare_aiohttp_msgspec"])),
            Target("<=", 1.15),
            details=stats(cpu_us, "api_client_cpu_us_per_call."),
        ),
    ]
