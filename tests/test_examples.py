"""The admin REST examples in examples/: each one's real effect against a fresh emulator.

Each test calls an example's ``run`` function with a client of a seeded
:class:`CometEmulator` (the same seed the scripts use) and checks what it did on
the server: users, profiles, policies, vaults, recent jobs, TOTP sessions and a
Custom Remote Bucket provider. The event examples are in test_examples_events.py,
the scripts run as-is in test_examples_scripts.py.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import pyotp
import pytest

from aiocomet import CometClient, models
from aiocomet._codec import decode, to_builtins
from aiocomet.constants import DESTINATIONTYPE_COMET, DESTINATIONTYPE_S3
from aiocomet.testing import CometEmulator

from . import _examples_helpers as helpers
from ._examples_helpers import (
    EX,
    PASSWORD,
    Wire,
    assert_no_secrets,
    common,
    policy_id,
    traced_client,
)

server = helpers.server


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
