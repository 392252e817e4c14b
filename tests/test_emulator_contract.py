"""The emulator speaks like the real (Go) Comet Server, and the SDK understands it.

Go writes nil slices and maps as ``null`` and leaves out empty ``omitempty``
fields; it reads a ``null`` parameter as the zero value; binary methods send
real bytes. Every one of the spec's methods is called through the SDK against
a seeded emulator and must decode (or raise a typed API error).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest

from aiocomet import CometAPIError, CometClient, PolicyNotFoundError, create_policy, models
from aiocomet._generated.methods import METHODS
from aiocomet._generated.omitempty import OMITEMPTY
from aiocomet._methodspec import MethodSpec
from aiocomet.testing import SEED_USERS, CometEmulator

from ._emulator_helpers import ok, refused
from ._samples import sample

SPECS = sorted(METHODS.values(), key=lambda s: s.name)
BINARY = [s for s in SPECS if s.returns_bytes]
FROM_STATE = {"AdminGetJobLog", "UserWebGetJobLog", "AdminMetaResourceGet"}
DOWNLOAD = 3000


@pytest.fixture(scope="module", params=["body", "http"])
def seeded(request: pytest.FixtureRequest) -> Iterator[CometEmulator]:
    """One seeded emulator per error mode for the whole module (on its own loop thread)."""
    emulator = CometEmulator(seed=True, download_size=DOWNLOAD, error_mode=request.param)
    with emulator.run_in_thread() as emu:
        yield emu


def _kwargs(spec: MethodSpec[Any]) -> dict[str, Any]:
    return {p.python_name: sample(p.python_type) for p in spec.params if not p.optional}


# -- every method through the SDK -----------------------------------------------------------


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_every_method_decodes_with_the_sdk(seeded: CometEmulator, spec: MethodSpec[Any]) -> None:
    async def run() -> None:
        user = spec.auth == "user"
        name, password = ("alice", SEED_USERS["alice"]) if user else ("admin", "admin")
        async with CometClient(
            seeded.url, name, password, account_type="user" if user else "admin"
        ) as client:
            method = getattr(client, spec.python_name)
            try:
                result = await method(**_kwargs(spec))
            except CometAPIError as exc:
                # only stateful methods refuse the sample IDs (unknown user, job, ...)
                assert spec.name in seeded.coverage()["stateful"], exc
                assert exc.status >= 400 and exc.message
                in_body = seeded.error_mode == "body"
                assert exc.http_status == (200 if in_body else exc.status), exc
                return
            if spec.returns_bytes:
                assert isinstance(result, bytes) and result
            elif spec.returns.startswith("[]"):
                assert isinstance(result, list)
            elif spec.returns.startswith("map["):
                assert isinstance(result, dict)

    asyncio.run(run())


# -- Go's JSON: null for empty, omitempty fields left out ------------------------------------


async def test_empty_lists_and_maps_are_null_top_level_and_nested(
    http: aiohttp.ClientSession,
) -> None:
    async with CometEmulator(users={"alice": "alice-pw"}) as emu:
        assert await ok(http, emu, "AdminGetJobsAll") is None
        assert await ok(http, emu, "AdminPoliciesList") is None
        assert await ok(http, emu, "AdminMetaWebhookOptionsGet") is None
        profile = await ok(http, emu, "AdminGetUserProfile", TargetUser="alice")
        for key in ("Emails", "Sources", "Destinations", "Devices", "BackupRules"):
            assert profile[key] is None, key
        # a struct is never omitted and never null, even when empty
        assert isinstance(profile["Policy"], dict)
        assert profile["Policy"]["DefaultSources"] is None
        omitted = OMITEMPTY["UserProfileConfig"]
        assert not omitted & {k for k, v in profile.items() if not v and k != "ServerConfig"}
        # the SDK reads every null as an empty container
        async with CometClient(emu.url, "admin", "admin") as client:
            assert await client.admin_get_jobs_all() == []
            assert await client.admin_policies_list() == {}
            typed = await client.admin_get_user_profile("alice")
            assert typed.Emails == [] and typed.Sources == {}


async def test_job_records_leave_out_empty_omitempty_fields(
    http: aiohttp.ClientSession,
) -> None:
    async with CometEmulator(seed=True) as emu:
        jobs = await ok(http, emu, "AdminGetJobsAll")
        assert jobs and all(isinstance(j, dict) for j in jobs)
        tagged = OMITEMPTY["BackupJobDetail"]
        assert "CancellationID" in tagged
        for job in jobs:
            assert "CancellationID" not in job  # empty, so Go leaves it out
            assert job["GUID"] and "Status" in job and "TotalFiles" in job
            assert all(job[k] for k in tagged & set(job)), job


async def test_what_a_client_stored_comes_back_as_it_sent_it(
    http: aiohttp.ClientSession,
) -> None:
    """Go's decoder makes the empty slices and maps a client sends: they are not nil."""
    async with CometEmulator(users={"alice": "alice-pw"}) as emu:
        profile = await ok(http, emu, "AdminGetUserProfile", TargetUser="alice")
        assert profile["Emails"] is None and profile["Sources"] is None  # never set: nil
        profile.update(Emails=[], Sources={})
        await ok(http, emu, "AdminSetUserProfile", TargetUser="alice", ProfileData=profile)
        again = await ok(http, emu, "AdminGetUserProfile", TargetUser="alice")
        assert again["Emails"] == [] and again["Sources"] == {}
        assert again["Devices"] is None  # sent as null: nil again
        assert await ok(http, emu, "AdminMetaWebhookOptionsGet") is None
        await ok(http, emu, "AdminMetaWebhookOptionsSet", WebhookOptions={})
        assert await ok(http, emu, "AdminMetaWebhookOptionsGet") == {}
        config = await ok(http, emu, "AdminMetaServerConfigGet")
        assert config["WebhookOptions"] == {} and config["AdminUsers"]
        admin = config["AdminUsers"][0]  # a struct the server made: omitempty applies
        assert admin["Username"] == "admin" and "U2FRegistrations" not in admin


# -- null parameters are zero values ------------------------------------------------------


async def test_null_parameters_are_read_as_zero_values(http: aiohttp.ClientSession) -> None:
    async with CometEmulator(users={"alice": "alice-pw"}) as emu:
        profile = await ok(http, emu, "AdminGetUserProfile", TargetUser="alice")
        # a Go client's nil slices/maps, a Ruby client's unset booleans
        profile.update(Emails=None, Sources=None, SendEmailReports=None, AccountName="A")
        await ok(http, emu, "AdminSetUserProfile", TargetUser="alice", ProfileData=profile)
        stored = emu.state.profile("alice")
        assert (stored["Emails"], stored["SendEmailReports"], stored["AccountName"]) == (
            None,
            False,
            "A",
        )
        await ok(http, emu, "AdminMetaWebhookOptionsSet", WebhookOptions="null")
        assert emu.state.webhooks() == {}
        assert await ok(http, emu, "AdminMetaWebhookOptionsGet") is None
        assert await ok(http, emu, "AdminGetJobsForDateRange", Start="null", End="null") is None
        # a whole document sent as null is the zero struct (a real server then stores it)
        await ok(http, emu, "AdminSetUserProfile", TargetUser="alice", ProfileData="null")
        assert emu.state.profile("alice")["AccountName"] == ""
        await ok(http, emu, "AdminPoliciesNew", Policy="null")
        assert await ok(http, emu, "AdminPoliciesList") == {next(iter(emu.state.policies)): ""}
        # an unset boolean form parameter (Ruby's nil) is false
        await ok(http, emu, "AdminMetaStats", Simple="")
        # a parameter that is not JSON at all is still refused
        status, message = await refused(http, emu, "AdminGetJobsForDateRange", Start="x", End="1")
        assert status == 400 and "Start" in message


WITH_JSON_PARAMS = [s for s in SPECS if any(p.encoding == "json" for p in s.params)]


@pytest.mark.parametrize("spec", WITH_JSON_PARAMS, ids=lambda s: s.name)
def test_every_json_parameter_may_be_null(seeded: CometEmulator, spec: MethodSpec[Any]) -> None:
    async def run() -> None:
        fields = (
            {"Username": "alice", "AuthType": "Password", "Password": SEED_USERS["alice"]}
            if spec.auth == "user"
            else {"Username": "admin", "AuthType": "Password", "Password": "admin"}
        )
        form = dict(fields)
        for p in spec.params:
            if p.encoding == "json":
                form[p.name] = "null"
            elif p.encoding == "raw":
                form[p.name] = "sample"
            elif p.encoding == "bool":
                form[p.name] = ""
        if spec.multipart:
            return  # its only parameter is the file
        async with (
            aiohttp.ClientSession() as http,
            http.request(spec.http_method, seeded.url + spec.path, data=form) as resp,
        ):
            assert resp.status < 500, resp.status
            if resp.content_type == "application/json":
                body = json.loads(await resp.read())
                if isinstance(body, dict) and "Message" in body:
                    # refusing the zero value itself (an empty search rule) is fine
                    assert "not valid JSON" not in str(body["Message"]), body

    asyncio.run(run())


# -- binary methods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "spec", [s for s in BINARY if s.name not in FROM_STATE], ids=lambda s: s.name
)
async def test_binary_methods_send_deterministic_bytes(
    spec: MethodSpec[Any], http: aiohttp.ClientSession
) -> None:
    async with CometEmulator(download_size=5000) as emu:
        params = {p.name: json.dumps(sample(p.python_type)) for p in spec.params}
        first = await ok(http, emu, spec.name, **params)
        assert isinstance(first, bytes) and len(first) == 5000
        assert await ok(http, emu, spec.name, **params) == first
    async with CometEmulator(download_size=7) as other:
        again = await ok(http, other, spec.name, **params)
        assert again == first[:7]  # the same stream, another size


async def test_sdk_downloads_the_configured_size(seeded: CometEmulator) -> None:
    async with CometClient(seeded.url, "admin", "admin") as client:
        body = await client.admin_branding_generate_client_linuxgeneric()
        assert len(body) == DOWNLOAD
        chunks = []
        async with client.admin_branding_generate_client_linuxgeneric_stream() as stream:
            async for chunk in stream.iter_chunks():
                chunks.append(chunk)
        assert b"".join(chunks) == body


async def test_job_log_entries_match_the_job_log(seeded: CometEmulator) -> None:
    async with CometClient(seeded.url, "admin", "admin") as client:
        jobs = await client.admin_get_jobs_all()
        assert len(jobs) == 12 and any(7000 <= j.Status <= 7999 for j in jobs)
        for job in jobs:
            entries = await client.admin_get_job_log_entries(job.GUID)
            text = (await client.admin_get_job_log(job.GUID)).decode()
            lines = [f"{e.Time}\t{e.Severity}\t{e.Message}" for e in entries]
            assert lines == text.splitlines() and len(lines) == 3
            found = await client.admin_get_job_log_entries(job.GUID, message_contains="Files:")
            assert [e.Message for e in found] == [entries[1].Message]
            errors = await client.admin_get_job_log_entries(job.GUID, min_severity="E")
            assert errors == [e for e in entries if e.Severity == "E"]
            assert len(errors) == (1 if 7000 <= job.Status <= 7999 else 0)
        async with CometClient(seeded.url, "alice", "alice-pw", account_type="user") as alice:
            job = next(j for j in jobs if j.Username == "alice")
            mine = await alice.user_web_get_job_log_entries(job.GUID)
            assert mine == await client.admin_get_job_log_entries(job.GUID)


# -- AdminPoliciesNew and the policy-ID helper ---------------------------------------------


async def test_create_policy_finds_the_new_id() -> None:
    async with (
        CometEmulator() as emu,
        CometClient(emu.url, "admin", "admin") as client,
    ):
        created = await client.admin_policies_new(models.GroupPolicy(Description="Laptops"))
        assert created.unknown_fields() == {}  # exactly CreateGroupPolicyResponse
        policy_id = await create_policy(client, models.GroupPolicy(Description="Servers"))
        got = await client.admin_policies_get(policy_id)
        assert got.Policy is not None and got.Policy.Description == "Servers"
        # the same description twice is fine: only policies new to the listing count
        again = await create_policy(client, models.GroupPolicy(Description="Servers"))
        assert again != policy_id


async def test_create_policy_refuses_to_guess() -> None:
    async with (
        CometEmulator() as emu,
        CometClient(emu.url, "admin", "admin") as client,
    ):
        # another admin renames it before we list: the new policy cannot be identified
        def rename(policy_id: str) -> None:
            emu.state.policies[policy_id]["Description"] = "renamed"

        original = emu.state.new_policy

        def new_policy(policy: dict[str, Any]) -> str:
            policy_id = original(policy)
            rename(policy_id)
            return policy_id

        emu.state.new_policy = new_policy  # type: ignore[method-assign]
        with pytest.raises(PolicyNotFoundError) as info:
            await create_policy(client, models.GroupPolicy(Description="Kiosks"))
        assert info.value.candidates == [] and "Kiosks" in str(info.value)
