"""The scripts in examples/: each one's real effect against a fresh emulator, and each run as-is.

The in-process tests call an example's ``run`` function with a client of a
seeded :class:`CometEmulator` (the same seed the scripts use) and check what
it did on the server. ``test_scripts_run_on_a_fresh_clone`` runs every script
the way a reader would (``python examples/x.py``, no COMET_URL).
"""

from __future__ import annotations

import asyncio
import copy
import csv
import importlib
import io
import json
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import aiohttp
import pyotp
import pytest

from aiocomet import CometClient, models
from aiocomet._codec import decode, to_builtins
from aiocomet.constants import (
    DESTINATIONTYPE_COMET,
    DESTINATIONTYPE_S3,
    SEVT_JOB_COMPLETED,
    SEVT_JOB_NEW,
)
from aiocomet.testing import CometEmulator

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(p.stem for p in EXAMPLES.glob("*.py") if not p.stem.startswith("_"))
PASSWORD = "example-admin-password"
JOB_EVENTS = {SEVT_JOB_NEW, SEVT_JOB_COMPLETED}
WAIT = 10.0  # upper bound for anything the tests wait for


def _load_examples() -> dict[str, ModuleType]:
    """Import every example (they import ``_common`` and each other from their directory)."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        return {name: importlib.import_module(name) for name in ["_common", *SCRIPTS]}
    finally:
        sys.path.remove(str(EXAMPLES))


EX = _load_examples()
common = EX["_common"]


@asynccontextmanager
async def seeded(**options: Any) -> AsyncIterator[tuple[CometEmulator, CometClient]]:
    """A fresh emulator with the examples' seed data, and an admin client for it."""
    async with (
        CometEmulator(admins={"admin": PASSWORD}, **options) as emu,
        CometClient(emu.url, "admin", PASSWORD) as client,
    ):
        await common.seed(client, emu)
        yield emu, client


@pytest.fixture
async def server() -> AsyncIterator[tuple[CometEmulator, CometClient]]:
    async with seeded() as pair:
        yield pair


def assert_no_secrets(text: str, *secrets: str) -> None:
    for secret in (PASSWORD, *secrets):
        assert secret not in text


async def policy_id(client: CometClient, description: str) -> str:
    policies = await client.admin_policies_list_full()
    return next(pid for pid, p in policies.items() if p.Description == description)


# -- wire capture: what the client really sent ---------------------------------------------------


@dataclass
class Wire:
    """Requests sent on a session (path and form fields) and the most in flight at once."""

    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0

    def trace(self) -> aiohttp.TraceConfig:
        config = aiohttp.TraceConfig()
        config.on_request_start.append(self._start)
        config.on_request_chunk_sent.append(self._chunk)
        config.on_request_end.append(self._end)
        config.on_request_exception.append(self._end)
        return config

    async def _start(self, _: object, ctx: SimpleNamespace, params: Any) -> None:
        ctx.path, ctx.body = urlsplit(str(params.url)).path, bytearray()
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)

    async def _chunk(self, _: object, ctx: SimpleNamespace, params: Any) -> None:
        ctx.body += params.chunk

    async def _end(self, _: object, ctx: SimpleNamespace, params: Any) -> None:
        self.in_flight -= 1
        self.requests.append((ctx.path, dict(parse_qsl(ctx.body.decode()))))


@asynccontextmanager
async def traced_client(
    emu: CometEmulator, wire: Wire, **options: Any
) -> AsyncIterator[CometClient]:
    async with (
        aiohttp.ClientSession(trace_configs=[wire.trace()]) as session,
        CometClient(emu.url, "admin", PASSWORD, session=session, **options) as client,
    ):
        yield client


# -- 1. list users -----------------------------------------------------------------------------


async def test_list_users(server: tuple[CometEmulator, CometClient]) -> None:
    _, client = server
    out = io.StringIO()
    names = await EX["list_users"].run(client, out)
    assert names == await client.admin_list_users() == ["alice", "bob", "carol"]
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines[1:4]] == names
    assert lines[-1] == "3 user accounts"
    assert_no_secrets(out.getvalue())


# -- 2. modify one profile -------------------------------------------------------------------------


async def test_modify_profile_sets_policy_and_keeps_every_other_field(
    server: tuple[CometEmulator, CometClient],
) -> None:
    emu, client = server
    example = EX["modify_profile"]
    wanted = await policy_id(client, common.EXAMPLE_POLICY)
    before = copy.deepcopy(emu.state.profile("alice"))
    assert common.FUTURE_KEY in before  # the seed has keys this SDK does not know
    out = io.StringIO()

    assert await example.run(client, "alice", common.EXAMPLE_POLICY, out) is True

    profile = await client.admin_get_user_profile("alice")
    assert profile.PolicyID == wanted
    # byte for byte the same profile but for PolicyID, unknown keys (top level and nested) too
    assert emu.state.profile("alice") == {**before, "PolicyID": wanted}
    assert profile.unknown_fields() == {common.FUTURE_KEY: before[common.FUTURE_KEY]}
    assert f"alice: PolicyID set to {wanted}" in out.getvalue()
    assert common.FUTURE_KEY in out.getvalue()
    # by ID, a second time: nothing to change
    assert await example.run(client, "alice", wanted, io.StringIO()) is False
    with pytest.raises(example.PolicyNotFound, match="Example: servers"):
        await example.run(client, "alice", "no such policy", io.StringIO())


# -- 3. a policy for every user, bounded concurrency ----------------------------------------------


async def test_set_policy_all_users_is_bounded_and_reports_failures(
    server: tuple[CometEmulator, CometClient],
) -> None:
    emu, admin = server
    for n in range(20):
        await admin.admin_add_user(f"user{n:02}", "pw")
    wanted = await policy_id(admin, common.EXAMPLE_POLICY)
    await EX["modify_profile"].set_policy(admin, "bob", wanted)  # bob has it already
    emu.faults.fail_method("AdminSetUserProfileHash", 500)  # one update fails
    before = copy.deepcopy(emu.state.profiles)
    wire = Wire()
    out = io.StringIO()

    async with traced_client(emu, wire) as client:
        results = await EX["set_policy_all_users"].run(
            client, common.EXAMPLE_POLICY, concurrency=3, out=out
        )

    users = await admin.admin_list_users()
    assert sorted(results) == users and len(users) == 23
    assert results["bob"] == "unchanged"
    failed = [name for name, outcome in results.items() if outcome.startswith("failed")]
    assert len(failed) == 1 and "HTTP 500" in results[failed[0]]
    assert sum(outcome == "set" for outcome in results.values()) == 21
    for name in users:
        profile = await admin.admin_get_user_profile(name)
        expected = before[name]["PolicyID"] if name in failed else wanted
        assert profile.PolicyID == expected
        if name not in failed:
            # the same profile, unknown keys included, as the SDK reads it: a Go server
            # that stored nil may now hold the [] / {} the SDK sent back (same meaning)
            assert _as_sdk_reads(emu.state.profile(name)) == _as_sdk_reads(
                {**before[name], "PolicyID": wanted}
            )
    assert wire.max_in_flight == 3  # the semaphore bound, reached and never exceeded
    assert "22 of 23 users done, 1 failed" in out.getvalue()


def _as_sdk_reads(profile: dict[str, Any]) -> Any:
    typed = decode(json.dumps(profile).encode(), models.UserProfileConfig)
    return to_builtins(typed)


# -- 4. Comet-type vaults as CSV -------------------------------------------------------------------


async def test_comet_vaults_csv_lists_exactly_the_comet_vaults(
    server: tuple[CometEmulator, CometClient],
) -> None:
    emu, client = server
    expected = sorted(
        (user, v["Description"], v["CometServer"], v["CometBucket"])
        for user, profile in emu.state.profiles.items()
        for v in profile["Destinations"].values()
        if v["DestinationType"] == DESTINATIONTYPE_COMET
    )
    kinds = {
        v["DestinationType"]
        for p in emu.state.profiles.values()
        for v in p["Destinations"].values()
    }
    assert len(expected) == 3 and len(kinds) > 1  # the seed has other vault types as well
    out = io.StringIO()

    rows = await EX["comet_vaults_csv"].run(client, out)

    assert rows == expected
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert parsed[0] == list(EX["comet_vaults_csv"].HEADER)
    assert [tuple(row) for row in parsed[1:]] == expected
    bucket_keys = [
        v["CometBucketKey"]
        for p in emu.state.profiles.values()
        for v in p["Destinations"].values()
        if v.get("CometBucketKey")
    ]
    assert_no_secrets(out.getvalue(), *bucket_keys)


# -- 5. recent jobs -------------------------------------------------------------------------------


async def test_recent_jobs_table_and_json(server: tuple[CometEmulator, CometClient]) -> None:
    _, client = server
    example = EX["recent_jobs"]
    recent = await client.admin_get_jobs_recent()
    assert len(recent) == common.SEED_JOBS

    out = io.StringIO()
    jobs = await example.run(client, out=out)
    assert {j.GUID for j in jobs} == {j.GUID for j in recent}
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 + len(recent) + 1 and lines[-1] == f"{len(recent)} recent jobs"
    for line, job in zip(lines[1:-1], jobs, strict=True):
        assert job.Username in line and "JOB_STATUS" not in line

    out = io.StringIO()
    await example.run(client, as_json=True, out=out)
    decoded = json.loads(out.getvalue())
    assert [j["GUID"] for j in decoded] == [j.GUID for j in jobs]
    assert decoded == [json.loads(models.encode(j)) for j in jobs]


# -- 6. TOTP login, then the session key ----------------------------------------------------------


async def test_totp_session_logs_in_once_then_uses_the_session_key() -> None:
    secret = pyotp.random_base32()
    async with (
        CometEmulator(admins={"admin": PASSWORD}, admin_totp_secrets={"admin": secret}) as emu,
        CometClient(emu.url, "admin", PASSWORD, totp_secret=secret) as admin,
    ):
        await common.seed(admin, emu)
        await admin.admin_account_session_start()  # a session of someone else stays untouched
        sessions_before = emu.accounts.session_count
        wire = Wire()
        out = io.StringIO()
        async with traced_client(emu, wire, totp_secret=secret) as client:
            users = await EX["totp_session"].run(client, out)

        assert users == ["alice", "bob", "carol"]
        (start_path, start), *later = wire.requests
        assert start_path == "/api/v1/admin/account/session-start"
        assert start["AuthType"] == "PasswordTOTP" and start["TOTP"] and start["Password"]
        assert [path.rsplit("/", 1)[-1] for path, _ in later] == [
            "list-users",
            "version",
            "session-revoke",
        ]
        keys = {fields.get("SessionKey", "") for _, fields in later}
        assert len(keys) == 1 and "" not in keys
        for _, fields in later:
            assert fields["AuthType"] == "SessionKey"
            assert "Password" not in fields and "TOTP" not in fields
        assert emu.accounts.session_count == sessions_before  # its own session was revoked
        codes = [pyotp.TOTP(secret).at(int(emu.state.now()) + d) for d in range(-90, 91, 30)]
        assert_no_secrets(out.getvalue(), secret, *keys, *codes)


# -- 7. events with a running summary -------------------------------------------------------------


async def test_event_summary_counts_each_job_event_once_across_a_dropped_connection() -> None:
    # No seed jobs here: resync_jobs() replays every job of the gap's window, and the window
    # reaches back before this stream existed (see JobResync.window), so earlier jobs would count.
    async with (
        CometEmulator(admins={"admin": PASSWORD}, users={"alice": "pw", "bob": "pw"}) as emu,
        CometClient(emu.url, "admin", PASSWORD) as client,
    ):
        out = io.StringIO()
        task = asyncio.create_task(
            EX["event_summary"].run(client, limit=8, types=JOB_EVENTS, every=3, out=out)
        )
        await emu.wait_for_subscribers(1, timeout=WAIT)
        emu.faults.drop_after(4)  # the connection drops after the 4 SEVT_JOB_NEW events
        await emu.simulate_jobs(4)  # so the 4 SEVT_JOB_COMPLETED come only through the resync
        summary = await asyncio.wait_for(task, WAIT)
        jobs = await client.admin_get_jobs_all()

    assert len(jobs) == 4
    assert summary.events == 8
    assert summary.per_type == {"SEVT_JOB_NEW": 4, "SEVT_JOB_COMPLETED": 4}
    assert summary.running == set()
    assert summary.succeeded + summary.failed == 4
    assert summary.uploaded == sum(job.UploadSize for job in jobs)
    assert (summary.gaps, summary.replayed) == (1, 4)
    text = out.getvalue()
    assert "connection lost" in text and "replaying missed job events" in text
    assert text.splitlines()[-3].startswith("summary: 8 events: 0 jobs running")
    assert_no_secrets(text)


# -- 8. webhooks ----------------------------------------------------------------------------------


async def test_receive_webhooks_registers_receives_and_unregisters() -> None:
    async with seeded(webhook_retries=0) as (emu, client):
        other = models.WebhookOption(URL="http://127.0.0.1:9/other", WhiteListedEventTypes=[4300])
        await client.admin_meta_webhook_options_set({"other": other})
        registered = asyncio.Event()
        out = io.StringIO()
        task = asyncio.create_task(
            EX["receive_webhooks"].run(
                client, types=JOB_EVENTS, limit=6, registered=registered, out=out
            )
        )
        await asyncio.wait_for(registered.wait(), WAIT)
        hooks = await client.admin_meta_webhook_options_get()
        mine = hooks[EX["receive_webhooks"].WEBHOOK_NAME]
        assert sorted(mine.WhiteListedEventTypes or []) == sorted(JOB_EVENTS)
        assert mine.CustomHeaders  # the shared secret travels in a header
        before = {job.GUID for job in await client.admin_get_jobs_all()}
        await emu.simulate_jobs(3)
        counts = await asyncio.wait_for(task, WAIT)

        assert counts == {"SEVT_JOB_NEW": 3, "SEVT_JOB_COMPLETED": 3}
        new = {job.GUID for job in await client.admin_get_jobs_all()} - before
        lines = [line for line in out.getvalue().splitlines() if line.startswith("SEVT_JOB")]
        assert {line.split("resource=")[1].split()[0] for line in lines} == new
        assert all("tracing-id=" in line and not line.endswith("=") for line in lines)
        # unregistered again; the other webhook is as it was
        after = await client.admin_meta_webhook_options_get()
        assert list(after) == ["other"] and after["other"].URL == other.URL
        assert_no_secrets(out.getvalue(), *(mine.CustomHeaders or {}).values())


# -- 9. several servers at once -------------------------------------------------------------------


async def test_merge_servers_counts_per_server_and_survives_a_failing_source() -> None:
    async with (
        seeded() as (emu_a, client_a),
        seeded() as (emu_b, client_b),
        CometClient(emu_b.url, "admin", "wrong password") as refused,
    ):
        out = io.StringIO()
        task = asyncio.create_task(
            EX["merge_servers"].run(
                [client_a, client_b, refused], limit=8, types=JOB_EVENTS, out=out
            )
        )
        await emu_a.wait_for_subscribers(1, timeout=WAIT)
        await emu_b.wait_for_subscribers(1, timeout=WAIT)
        await emu_a.simulate_jobs(2)
        await emu_b.simulate_jobs(2)
        per_server = await asyncio.wait_for(task, WAIT)

        assert per_server == {emu_a.url: 4, emu_b.url: 4}
        text = out.getvalue()
        assert f"{emu_b.url}: stream stopped for good" in text
        assert f"{emu_a.url}: 4 events" in text and f"{emu_b.url}: 4 events" in text
        assert_no_secrets(text, "wrong password")


# -- 10. a Custom Remote Bucket provider ----------------------------------------------------------


async def test_custom_bucket_allocates_vaults_into_the_profile_and_cleans_up(
    server: tuple[CometEmulator, CometClient],
) -> None:
    emu, client = server
    example = EX["custom_bucket"]
    other = models.RemoteStorageOption(Type="b2", Description="Existing B2 pool", ID="b2-pool")
    await client.admin_meta_remote_storage_vault_set([other])
    before = set(emu.state.profile("bob")["Destinations"])
    out = io.StringIO()

    created = await example.run(client, "bob", requests=2, out=out)

    vaults = emu.state.profile("bob")["Destinations"]
    assert set(vaults) == before | set(created) and len(created) == 2
    new = [vaults[vault_id] for vault_id in created]
    assert [v["S3BucketName"] for v in new] == ["comet-gold-0001", "comet-gold-0002"]
    assert all(v["Description"] == example.PROVIDER_NAME for v in new)
    assert all(v["DestinationType"] == DESTINATIONTYPE_S3 for v in new)
    # the provider is gone again, the other one untouched
    assert [o.ID for o in await client.admin_meta_remote_storage_vault_get()] == ["b2-pool"]
    text = out.getvalue()
    assert all(vault_id in text for vault_id in created)
    assert "bob now has 3 Storage Vaults" in text
    assert_no_secrets(text, *(v[key] for v in new for key in ("S3AccessKey", "S3SecretKey")))


# -- the scripts themselves ----------------------------------------------------------------------

SCRIPT_ARGS = {
    "event_summary": ["--limit", "5"],
    "receive_webhooks": ["--limit", "3"],
    "merge_servers": ["--limit", "5"],
}
SCRIPT_TIMEOUT = 45.0


def _env(**changes: str) -> dict[str, str]:
    """This process's environment without any COMET_* setting, plus ``changes``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMET_")}
    return {**env, **changes}


async def _script(name: str, args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-W",
        "error",
        str(EXAMPLES / f"{name}.py"),
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(SCRIPT_TIMEOUT):
            stdout, stderr = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise AssertionError(f"{name} did not finish within {SCRIPT_TIMEOUT} s") from None
    assert proc.returncode is not None
    return proc.returncode, stdout.decode(), stderr.decode()


def test_every_example_is_covered() -> None:
    assert SCRIPTS == sorted(
        [
            "comet_vaults_csv",
            "custom_bucket",
            "event_summary",
            "list_users",
            "merge_servers",
            "modify_profile",
            "receive_webhooks",
            "recent_jobs",
            "set_policy_all_users",
            "totp_session",
        ]
    )
    for name in SCRIPTS:
        doc = EX[name].__doc__ or ""
        assert f"python examples/{name}.py" in doc, name  # says how to run it


async def test_scripts_run_on_a_fresh_clone() -> None:
    results = await asyncio.gather(
        *(_script(name, SCRIPT_ARGS.get(name, []), _env()) for name in SCRIPTS)
    )
    for name, (code, stdout, stderr) in zip(SCRIPTS, results, strict=True):
        assert code == 0, (name, stdout, stderr)
        assert stdout.strip(), name
        # stderr only says where it connected: no traceback, warning or unclosed resource
        notes = stderr.splitlines()
        assert notes and all(n.startswith("COMET_URL is not set: using") for n in notes), (
            name,
            stderr,
        )


async def test_scripts_use_the_server_in_the_environment(
    server: tuple[CometEmulator, CometClient],
) -> None:
    emu, _ = server
    env = _env(COMET_URL=emu.url, COMET_USERNAME="admin", COMET_PASSWORD=PASSWORD)
    code, stdout, stderr = await _script("list_users", [], env)
    assert (code, stderr) == (0, "")
    assert stdout.splitlines()[-1] == "3 user accounts"
    code, stdout, stderr = await _script("comet_vaults_csv", [], env)
    assert (code, stderr) == (0, "") and len(stdout.splitlines()) == 4
    assert_no_secrets(stdout)

    code, stdout, stderr = await _script("list_users", [], _env(COMET_URL=emu.url))
    assert code == 1 and "COMET_PASSWORD" in stderr and not stdout
    code, stdout, stderr = await _script("totp_session", [], env)
    assert code == 1 and "COMET_TOTP_SECRET" in stderr

    env["COMET_PASSWORD"] = "wrong-password"
    code, stdout, stderr = await _script("list_users", [], env)
    assert code == 1 and stderr.startswith("error: ") and "Traceback" not in stderr
    assert "wrong-password" not in stderr
