"""The job simulator, the CLI process, and running the emulator for sync code."""

from __future__ import annotations

import asyncio
import json
import re
import signal
import sys
import urllib.request

import aiohttp
import pytest

from aiocomet._generated import constants as c
from aiocomet.testing import SEED_USERS, CometEmulator
from aiocomet.testing.__main__ import emulator_from_args, parser
from aiocomet.testing.__main__ import main as cli_main

from ._emulator_helpers import ADMIN, ok, recv_event, subscribe

STARTUP_TIMEOUT = 30.0


async def test_simulated_jobs_stream_and_land_in_history(http: aiohttp.ClientSession) -> None:
    async with CometEmulator(users={"alice": "a", "bob": "b"}) as emu:
        ws = await subscribe(http, emu)
        t0 = emu.state.now()
        await emu.simulate_jobs(40)
        t1 = emu.state.now()
        seen: dict[str, list[dict[str, object]]] = {}
        for _ in range(80):
            event = await recv_event(ws)
            assert event["ResourceID"] == event["Data"]["GUID"]
            seen.setdefault(event["ResourceID"], []).append(event)
        assert len(seen) == 40
        for new, done in seen.values():
            assert (new["Type"], done["Type"]) == (c.SEVT_JOB_NEW, c.SEVT_JOB_COMPLETED)
            job_new, job = new["Data"], done["Data"]
            assert isinstance(job_new, dict) and isinstance(job, dict)
            assert job_new["Status"] == c.JOB_STATUS_RUNNING_ACTIVE
            assert job["Status"] == c.JOB_STATUS_STOP_SUCCESS or (
                c.JOB_STATUS_FAILED__MIN <= job["Status"] <= c.JOB_STATUS_FAILED__MAX
            )
            assert job["Classification"] in set(c.JobClassification)
            assert job["Username"] in ("alice", "bob") and new["Actor"] == job["Username"]
            assert job["EndTime"] >= job["StartTime"] >= t0
            assert job["TotalFiles"] > 0 and job["TotalSize"] > 0
            assert job["Progress"]["ItemsDone"] == job["TotalFiles"]
        history = await ok(http, emu, "AdminGetJobsForDateRange", Start=t0, End=t1)
        assert {j["GUID"] for j in history} == set(seen)
        assert all(j["EndTime"] for j in history)
        assert emu.events_published == 80
        await ws.close()


async def test_simulator_rate_users_and_cancel_on_stop(http: aiohttp.ClientSession) -> None:
    async with CometEmulator() as emu:
        await emu.simulate_jobs(10, rate=2000.0, users=["carol"])
        jobs = await ok(http, emu, "AdminGetJobsForUser", TargetUser="carol")
        assert len(jobs) == 10
        forever = emu.simulate_jobs(None, rate=50.0)
    assert forever.cancelled()


async def test_history_is_bounded(http: aiohttp.ClientSession) -> None:
    async with CometEmulator(max_jobs=25) as emu:
        await emu.simulate_jobs(60)
        assert len(await ok(http, emu, "AdminGetJobsAll")) == 25


def test_run_in_thread_serves_sync_code() -> None:
    emu = CometEmulator(users={"alice": "pw"})
    with emu.run_in_thread() as running:
        request = urllib.request.Request(
            running.url + "/api/v1/admin/list-users",
            data=b"Username=admin&AuthType=Password&Password=admin",
        )
        with urllib.request.urlopen(request, timeout=5) as resp:
            assert json.load(resp) == ["alice"]
        running.publish(c.SEVT_DEVICE_NEW, {"n": 1})  # from this (non-loop) thread

        async def published() -> int:
            return running.events_published

        assert running.loop is not None
        assert asyncio.run_coroutine_threadsafe(published(), running.loop).result(5) == 1


def test_cli_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["--coverage"]) == 0
    out = capsys.readouterr().out
    cov = CometEmulator.coverage()
    assert f"stateful ({len(cov['stateful'])}):" in out
    assert f"schema-only ({len(cov['schema_only'])}):" in out
    assert "  AdminListUsers\n" in out


def test_cli_options_seed_error_mode_and_download_size(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seeded = emulator_from_args(parser().parse_args([]))
    assert sorted(seeded.state.profiles) == sorted(SEED_USERS) and seeded.state.policies
    assert seeded.state.jobs and seeded.error_mode == "body"
    assert seeded.api.download_size == 64 * 1024
    bare = emulator_from_args(
        parser().parse_args(["--empty", "--error-mode", "http", "--download-size", "10"])
    )
    assert not bare.state.profiles and not bare.state.policies and not bare.state.jobs
    assert bare.error_mode == "http" and bare.api.download_size == 10
    mine = emulator_from_args(parser().parse_args(["--user", "alice:other", "--user", "dave:d"]))
    assert mine.accounts.check_user_password("alice", "other")
    assert sorted(mine.state.profiles) == ["alice", "bob", "carol", "dave"]
    assert mine.state.profile("alice")["AccountName"] == "Alice Example"  # seeded, kept
    with pytest.raises(SystemExit):
        parser().parse_args(["--download-size", "0"])
    assert "positive number of bytes" in capsys.readouterr().err


async def test_cli_process_answers_the_quickstart_curl(http: aiohttp.ClientSession) -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "aiocomet.testing",
        "--port",
        "0",
        "--simulate-jobs",
        "200",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        line = (await asyncio.wait_for(proc.stdout.readline(), STARTUP_TIMEOUT)).decode()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        assert match, line
        assert "admin account 'admin'" in line and "end users: alice, bob, carol" in line
        assert not any(password in line for password in SEED_USERS.values())
        url = match.group(0)
        async with http.post(
            url + "/api/v1/admin/list-users",
            data="Username=admin&AuthType=Password&Password=admin",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ) as resp:
            assert resp.status == 200
            assert await resp.json() == sorted(SEED_USERS)  # seed data by default
        ws = await http.ws_connect(url + "/api/v1/events/stream")
        for frame in (ADMIN["Username"], ADMIN["AuthType"], ADMIN["Password"], "", ""):
            await ws.send_str(frame)
        assert (await asyncio.wait_for(ws.receive_str(), 5)) == "200 OK"
        types: set[int] = set()
        for _ in range(2_000):  # a batch publishes the last one's COMPLETED first, then NEW
            types.add((await recv_event(ws))["Type"])
            if c.SEVT_JOB_NEW in types:
                break
        assert c.SEVT_JOB_NEW in types
        await ws.close()
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGINT)
        try:
            out, err = await asyncio.wait_for(proc.communicate(), 10)
        except TimeoutError:
            proc.kill()
            out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    assert b"stopped" in out
