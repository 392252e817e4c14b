"""The SDK client end to end against the emulator."""

from __future__ import annotations

import pyotp
import pytest

from aiocomet import AuthenticationError, CometAPIError, CometClient, MFARequiredError, models
from aiocomet.testing import CometEmulator, ErrorMode


async def test_client_lists_users_and_keeps_unknown_profile_keys() -> None:
    async with (
        CometEmulator(users={"alice": "pw"}) as emu,
        CometClient(emu.url, emu.admin_username, emu.admin_password) as client,
    ):
        await client.admin_add_user("bob", "bob-pw")
        assert await client.admin_list_users() == ["alice", "bob"]
        # a newer server put keys into the profile that this SDK does not know
        raw = emu.state.profile("bob")
        raw["FutureField"] = {"x": 1}
        raw["Sources"] = {"s1": {"Description": "docs", "FutureNested": [1]}}
        profile = await client.admin_get_user_profile("bob")
        assert profile.unknown_fields() == {"FutureField": {"x": 1}}
        profile.AccountName = "Bob"
        result = await client.admin_set_user_profile("bob", profile)
        assert result.Status == 200
        stored = emu.state.profile("bob")
        assert stored["AccountName"] == "Bob"
        assert stored["FutureField"] == {"x": 1}
        assert stored["Sources"]["s1"]["FutureNested"] == [1]
        full = await client.admin_list_users_full()
        assert isinstance(full["bob"], models.UserProfileConfig)


async def test_client_login_uses_a_session_key_and_relogs_after_revoke() -> None:
    async with (
        CometEmulator() as emu,
        CometClient(emu.url, "admin", "admin") as client,
    ):
        key = await client.login()
        assert key and client.credentials.session_key == key
        assert emu.accounts.session_count == 1
        version = await client.admin_meta_version()
        assert version.ServerStartHash == emu.state.start_hash
        emu.faults.revoke_sessions()
        assert await client.admin_list_users() == []  # rejected key -> one fresh login
        assert client.credentials.session_key not in (None, key)


async def test_client_totp_login_and_449() -> None:
    secret = pyotp.random_base32()
    async with CometEmulator(admin_totp_secrets={"admin": secret}) as emu:
        async with CometClient(emu.url, "admin", "admin") as plain:
            with pytest.raises(MFARequiredError) as info:
                await plain.admin_list_users()
            assert info.value.totp_requested
        async with CometClient(emu.url, "admin", "admin", totp_secret=secret) as client:
            assert await client.login()
            assert await client.admin_list_users() == []


@pytest.mark.parametrize("mode", ["body", "http"])
async def test_client_errors_and_end_user_account(mode: ErrorMode) -> None:
    async with CometEmulator(users={"alice": "pw"}, error_mode=mode) as emu:
        async with CometClient(emu.url, "admin", "wrong") as bad:
            with pytest.raises(AuthenticationError):
                await bad.admin_list_users()
        async with CometClient(emu.url, "admin", "admin") as client:
            with pytest.raises(CometAPIError) as info:
                await client.admin_get_user_profile("nobody")
            if mode == "body":  # the real server: HTTP 200, 403 Unauthorised in the body
                assert (info.value.http_status, info.value.status) == (200, 403)
                assert info.value.message == "Unauthorised"
            else:
                assert (info.value.http_status, info.value.status) == (404, 404)
            with pytest.raises(CometAPIError) as deleted:
                await client.admin_delete_user("nobody")  # a CometAPIResponseMessage method
            assert deleted.value.status == info.value.status
            with pytest.raises(CometAPIError) as policy:
                await client.admin_policies_get("no-such-policy")
            assert policy.value.status == 404
            assert policy.value.http_status == (200 if mode == "body" else 404)
            start, end = emu.state.now(), emu.state.now() + 10
            await emu.simulate_jobs(5, users=["alice"])
            jobs = await client.admin_get_jobs_for_date_range(start, end)
            assert len(jobs) == 5 and all(isinstance(j, models.BackupJobDetail) for j in jobs)
        async with CometClient(emu.url, "alice", "pw", account_type="user") as user:
            assert await user.login()
            assert len(await user.user_web_get_jobs()) == 5
            with pytest.raises(CometAPIError) as job:
                await user.user_web_get_job_properties("no-such-job")
            assert job.value.status == 404


async def test_end_user_totp_login_449_and_wrong_code() -> None:
    secret = pyotp.random_base32()
    async with CometEmulator(users={"alice": "pw"}, user_totp_secrets={"alice": secret}) as emu:
        async with CometClient(emu.url, "alice", "pw", account_type="user") as plain:
            with pytest.raises(MFARequiredError) as info:
                await plain.user_web_get_jobs()
            assert info.value.totp_requested
        wrong = pyotp.random_base32()
        async with CometClient(
            emu.url, "alice", "pw", account_type="user", totp_secret=wrong
        ) as bad:
            with pytest.raises(AuthenticationError):
                await bad.user_web_get_jobs()
        async with CometClient(
            emu.url, "alice", "pw", account_type="user", totp_secret=secret
        ) as user:
            assert await user.login()
            assert await user.user_web_get_jobs() == []
        async with CometClient(emu.url, "admin", "admin") as admin:
            await admin.admin_delete_user("alice")
        assert "alice" not in emu.accounts.user_totp
