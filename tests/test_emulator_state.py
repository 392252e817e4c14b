"""Stateful methods over raw HTTP, each checked against the live event it publishes."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import aiohttp
import pytest

from aiocomet._generated import constants as c
from aiocomet._generated.models import BackupJobDetail
from aiocomet.testing import CometEmulator

from ._emulator_helpers import (
    ADMIN,
    STREAM,
    auth,
    call,
    ok,
    policy_id_of,
    recv_until,
    refused,
    session_auth,
    subscribe,
    unknown_user_status,
)

USER = auth("alice", "alice-pw")


@pytest.fixture(params=["body", "http"])
async def emu(request: pytest.FixtureRequest) -> AsyncIterator[CometEmulator]:
    """Every test here runs against both error modes: application errors in a 200 body
    (the real server) and as HTTP statuses."""
    async with CometEmulator(users={"alice": "alice-pw"}, error_mode=request.param) as emulator:
        yield emulator


@pytest.fixture
async def events(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    ws = await subscribe(http, emu)
    yield ws
    await ws.close()


async def test_user_lifecycle_with_events(
    emu: CometEmulator, http: aiohttp.ClientSession, events: aiohttp.ClientWebSocketResponse
) -> None:
    await ok(http, emu, "AdminAddUser", TargetUser="bob", TargetPassword="bob-pw")
    new = await recv_until(events, "SEVT_ACCOUNT_NEW")
    assert (new["ResourceID"], new["Actor"], new["Data"]["Username"]) == ("bob", "admin", "bob")
    assert await ok(http, emu, "AdminListUsers") == ["alice", "bob"]
    assert set(await ok(http, emu, "AdminListUsersFull")) == {"alice", "bob"}
    status, _ = await refused(http, emu, "AdminAddUser", TargetUser="bob", TargetPassword="x")
    assert status == 409

    profile = await ok(http, emu, "AdminGetUserProfile", TargetUser="bob")
    profile["AccountName"] = "Bob"
    profile["FutureTopLevel"] = {"kept": [1, 2]}
    profile["Sources"] = {"src-1": {"Description": "Docs", "FutureNested": True}}
    await ok(http, emu, "AdminSetUserProfile", TargetUser="bob", ProfileData=profile)
    updated = await recv_until(events, "SEVT_ACCOUNT_UPDATED")
    assert updated["Data"]["FutureTopLevel"] == {"kept": [1, 2]}
    again = await ok(http, emu, "AdminGetUserProfile", TargetUser="bob")
    assert again["AccountName"] == "Bob"
    assert again["FutureTopLevel"] == {"kept": [1, 2]}
    assert again["Sources"]["src-1"]["FutureNested"] is True

    await ok(http, emu, "AdminResetUserPassword", TargetUser="bob", NewPassword="new-pw")
    await recv_until(events, "SEVT_ACCOUNT_UPDATED")
    assert await ok(http, emu, "UserWebGetJobs", auth("bob", "new-pw")) is None  # Go's nil
    status, _, _ = await call(http, emu, "UserWebGetJobs", auth("bob", "bob-pw"))
    assert status == 403

    await ok(http, emu, "AdminDeleteUser", TargetUser="bob")
    removed = await recv_until(events, "SEVT_ACCOUNT_REMOVED")
    assert removed["ResourceID"] == "bob"
    assert "Data" not in removed  # a nil Data is omitempty in Go's StreamableEvent
    status, _ = await refused(http, emu, "AdminGetUserProfile", TargetUser="bob")
    assert status == unknown_user_status(emu)
    status, _, _ = await call(http, emu, "UserWebGetJobs", auth("bob", "new-pw"))
    assert status == 403


async def test_profile_hash_guards_concurrent_edits(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    got = await ok(http, emu, "AdminGetUserProfileAndHash", TargetUser="alice")
    digest = got["ProfileHash"]
    assert (await ok(http, emu, "AdminGetUserProfileHash", TargetUser="alice"))[
        "ProfileHash"
    ] == digest
    profile = {**got["Profile"], "AccountName": "A", "Unknown": 1}
    saved = await ok(
        http,
        emu,
        "AdminSetUserProfileHash",
        TargetUser="alice",
        ProfileData=profile,
        RequireHash=digest,
    )
    assert saved["ProfileHash"] != digest and saved["Profile"]["Unknown"] == 1
    status, _ = await refused(
        http,
        emu,
        "AdminSetUserProfileHash",
        TargetUser="alice",
        ProfileData=profile,
        RequireHash=digest,
    )
    assert status == 409
    mine = await ok(http, emu, "UserWebGetUserProfileAndHash", USER)
    assert mine["ProfileHash"] == saved["ProfileHash"]
    done = await ok(
        http,
        emu,
        "UserWebSetProfileHash",
        USER,
        ProfileData={**mine["Profile"], "X": 2},
        ProfileHash=mine["ProfileHash"],
    )
    assert done["Profile"]["X"] == 2


async def test_policies_crud_with_events(
    emu: CometEmulator, http: aiohttp.ClientSession, events: aiohttp.ClientWebSocketResponse
) -> None:
    policy = {"Description": "Laptops", "Policy": {"FutureKnob": 7}, "Extra": "kept"}
    created = await ok(http, emu, "AdminPoliciesNew", Policy=policy)
    assert set(created) == {"Status", "Message", "PolicyHash"}  # CreateGroupPolicyResponse
    policy_id = await policy_id_of(http, emu, "Laptops")
    new = await recv_until(events, "SEVT_POLICY_NEW")
    assert (new["ResourceID"], new["Data"]["Description"]) == (policy_id, "Laptops")
    got = await ok(http, emu, "AdminPoliciesGet", PolicyID=policy_id)
    assert got["Policy"]["Extra"] == "kept" and got["Policy"]["Policy"]["FutureKnob"] == 7
    assert got["PolicyHash"] == created["PolicyHash"]
    assert await ok(http, emu, "AdminPoliciesList") == {policy_id: "Laptops"}

    changed = {**got["Policy"], "Description": "Desktops"}
    status, _ = await refused(
        http, emu, "AdminPoliciesSet", PolicyID=policy_id, Policy=changed, CheckPolicyHash="stale"
    )
    assert status == 409
    await ok(
        http,
        emu,
        "AdminPoliciesSet",
        PolicyID=policy_id,
        Policy=changed,
        CheckPolicyHash=got["PolicyHash"],
    )
    updated = await recv_until(events, "SEVT_POLICY_UPDATED")
    assert updated["Data"]["Description"] == "Desktops"
    full = await ok(http, emu, "AdminPoliciesListFull")
    assert full[policy_id]["Description"] == "Desktops"
    assert await ok(http, emu, "AdminPoliciesListFull", TargetOrganization="other") is None

    await ok(http, emu, "AdminPoliciesDelete", PolicyID=policy_id)
    removed = await recv_until(events, "SEVT_POLICY_REMOVED")
    assert removed["ResourceID"] == policy_id
    status, _ = await refused(http, emu, "AdminPoliciesGet", PolicyID=policy_id)
    assert status == 404


async def test_jobs_history_and_cancel(
    emu: CometEmulator, http: aiohttp.ClientSession, events: aiohttp.ClientWebSocketResponse
) -> None:
    now = emu.state.now()
    emu.state.add_jobs(
        [
            BackupJobDetail(
                GUID="job-running",
                Username="alice",
                Status=c.JOB_STATUS_RUNNING_ACTIVE,
                StartTime=now - 10,
            ),
            BackupJobDetail(
                GUID="job-old",
                Username="alice",
                Status=c.JOB_STATUS_STOP_SUCCESS,
                StartTime=now - 3 * 86400,
                EndTime=now - 3 * 86400 + 60,
            ),
        ]
    )
    assert {j["GUID"] for j in await ok(http, emu, "AdminGetJobsAll")} == {"job-running", "job-old"}
    assert [j["GUID"] for j in await ok(http, emu, "AdminGetJobsRecent")] == ["job-running"]
    in_range = await ok(
        http, emu, "AdminGetJobsForDateRange", Start=now - 4 * 86400, End=now - 86400
    )
    assert [j["GUID"] for j in in_range] == ["job-old"]
    assert len(await ok(http, emu, "AdminGetJobsForUser", TargetUser="alice")) == 2
    assert (await ok(http, emu, "AdminGetJobProperties", JobID="job-old"))["EndTime"] > 0
    log = await ok(http, emu, "AdminGetJobLog", JobID="job-old")
    assert isinstance(log, bytes) and b"job-old" in log
    status, _ = await refused(http, emu, "AdminGetJobProperties", JobID="nope")
    assert status == 404
    status, _ = await refused(http, emu, "AdminJobCancel", TargetUser="bob", JobID="job-running")
    assert status == 404

    await ok(http, emu, "AdminJobCancel", TargetUser="alice", JobID="job-running")
    done = await recv_until(events, "SEVT_JOB_COMPLETED")
    assert (done["ResourceID"], done["Data"]["Status"]) == (
        "job-running",
        c.JOB_STATUS_FAILED_CANCELLED,
    )
    mine = await ok(http, emu, "UserWebGetJobs", USER)
    assert {j["GUID"] for j in mine} == {"job-running", "job-old"}
    assert (await ok(http, emu, "UserWebGetJobProperties", USER, JobID="job-old"))["GUID"]
    assert b"job-old" in await ok(http, emu, "UserWebGetJobLog", USER, JobID="job-old")
    await ok(http, emu, "UserWebJobCancel", USER, JobID="job-old")  # not running: a no-op


async def test_server_config_and_version(
    emu: CometEmulator, http: aiohttp.ClientSession, events: aiohttp.ClientWebSocketResponse
) -> None:
    version = await ok(http, emu, "AdminMetaVersion")
    assert version["Version"] == c.APPLICATION_VERSION and version["ServerStartHash"]
    config = await ok(http, emu, "AdminMetaServerConfigGet")
    assert [a["Username"] for a in config["AdminUsers"]] == ["admin"]
    assert all(not a["Password"] for a in config["AdminUsers"])
    config["TrustXForwardedFor"] = True
    config["FutureSection"] = {"on": True}
    await ok(http, emu, "AdminMetaServerConfigSet", Config=config)
    updated = await recv_until(events, "SEVT_SERVER_UPDATED")
    assert updated["Data"]["FutureSection"] == {"on": True}
    again = await ok(http, emu, "AdminMetaServerConfigGet")
    assert again["TrustXForwardedFor"] is True and again["FutureSection"] == {"on": True}


async def test_admin_accounts(
    emu: CometEmulator, http: aiohttp.ClientSession, events: aiohttp.ClientWebSocketResponse
) -> None:
    await ok(http, emu, "AdminAdminUserNew", TargetUser="ops", TargetPassword="ops-pw")
    new = await recv_until(events, "SEVT_ACCOUNT_ADMIN_NEW")
    assert new["Data"]["Username"] == "ops" and not new["Data"]["Password"]
    listed = await ok(http, emu, "AdminAdminUserList", auth("ops", "ops-pw"))
    assert [a["Username"] for a in listed] == ["admin", "ops"]
    status, _ = await refused(http, emu, "AdminAdminUserDelete", TargetUser="admin")
    assert status == 400  # not yourself
    await ok(http, emu, "AdminAdminUserDelete", auth("ops", "ops-pw"), TargetUser="admin")
    await recv_until(events, "SEVT_ACCOUNT_ADMIN_REMOVED")
    status, _, _ = await call(http, emu, "AdminListUsers", ADMIN)
    assert status == 403


async def test_first_admin_only_on_an_empty_server(http: aiohttp.ClientSession) -> None:
    async with CometEmulator(admins={}) as emu:
        await ok(http, emu, "AdminAddFirstAdminUser", {}, TargetUser="root", TargetPassword="pw")
        assert await ok(http, emu, "AdminListUsers", auth("root", "pw")) is None
        status, _ = await refused(
            http, emu, "AdminAddFirstAdminUser", {}, TargetUser="x", TargetPassword="y"
        )
        assert status == 403


async def test_login_and_session_events(
    emu: CometEmulator, http: aiohttp.ClientSession, events: aiohttp.ClientWebSocketResponse
) -> None:
    key = (await ok(http, emu, "AdminAccountSessionStart"))["SessionKey"]
    login = await recv_until(events, "SEVT_ACCOUNT_ADMIN_LOGIN")
    assert (login["Actor"], login["ResourceID"]) == ("admin", "/api/v1/admin/account/session-start")
    assert (await recv_until(events, "SEVT_ACCOUNT_ADMIN_SESSION_START"))["Actor"] == "admin"
    await ok(http, emu, "AdminAccountSessionRevoke", session_auth("admin", key))
    await recv_until(events, "SEVT_ACCOUNT_ADMIN_SESSION_REVOKE")
    await ok(http, emu, "UserWebSessionStart", USER)
    assert (await recv_until(events, "SEVT_ACCOUNT_LOGIN"))["Actor"] == "alice"
    await recv_until(events, "SEVT_ACCOUNT_SESSION_START")
    await call(http, emu, "UserWebGetJobs", auth("alice", "nope"))
    failed = await recv_until(events, "SEVT_ACCOUNT_LOGIN_FAILED")
    assert failed["ResourceID"] == "/api/v1/user/web/get-jobs"
    assert STREAM not in json.dumps(failed)
