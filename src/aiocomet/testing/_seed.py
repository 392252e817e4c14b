"""Seed data: a small, realistic server for demos, the README and manual tries.

Three end users with devices, protected items (sources), storage vaults (one
of them a Comet vault, ``DESTINATIONTYPE_COMET``), a policy that two of them
use, and a day of finished backup jobs each. The data is the same on every
start (fixed IDs, a fixed random seed), times are relative to the clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from .._generated import constants as c
from .._generated.models import (
    DestinationConfig,
    DeviceConfig,
    GroupPolicy,
    OSInfo,
    SourceConfig,
    UserProfileConfig,
)
from .._gojson import Stored, go_value
from ._auth import Accounts
from ._simulator import JobSimulator
from ._state import ServerState

SEED_USERS: Mapping[str, str] = {"alice": "alice-pw", "bob": "bob-pw", "carol": "carol-pw"}
"""Seeded end-user accounts and their passwords (documented demo values)."""
SEED_POLICY_ID = "00000000-0000-4000-8000-00000000a001"
JOBS_PER_USER = 4
HOUR = 3600

_FAILED = {  # a realistic history has a warning and an error in it
    ("bob", JOBS_PER_USER - 1): c.JOB_STATUS_FAILED_ERROR,
    ("carol", 1): c.JOB_STATUS_FAILED_WARNING,
}
_PEOPLE = {
    "alice": ("Alice Example", "alice@example.com", ("ALICE-LAPTOP", "ALICE-NAS")),
    "bob": ("Bob Example", "bob@example.com", ("BOB-DESKTOP",)),
    "carol": ("Carol Example", "carol@example.com", ("CAROL-MAC",)),
}


def _id(user: str, kind: str, n: int) -> str:
    """A fixed, UUID-shaped ID for a seeded object."""
    tag = f"{sum(map(ord, user)):04x}"
    kinds = {"device": 1, "source": 2, "vault": 3}
    return f"{tag}{kinds[kind]:04x}-0000-4000-8000-{n:012x}"


def _profile(user: str, now: int) -> dict[str, Any]:
    name, email, devices = _PEOPLE[user]
    device_ids = [_id(user, "device", i) for i in range(len(devices))]
    profile = UserProfileConfig(
        Username=user,
        AccountName=name,
        Emails=[email],
        SendEmailReports=True,
        CreateTime=now - 90 * 24 * HOUR,
        PolicyID=SEED_POLICY_ID if user != "carol" else "",
        Devices={
            dev_id: DeviceConfig(
                FriendlyName=friendly,
                RegistrationTime=now - 60 * 24 * HOUR,
                PlatformVersion=OSInfo(Version="10.0", OS="windows", Arch="amd64"),
                ClientVersion=c.APPLICATION_VERSION,
            )
            for dev_id, friendly in zip(device_ids, devices, strict=True)
        },
        Sources={
            _id(user, "source", i): SourceConfig(
                Engine=c.ENGINE_BUILTIN_FILE,
                Description=f"Documents on {friendly}",
                OwnerDevice=dev_id,
                CreateTime=now - 60 * 24 * HOUR,
            )
            for i, (dev_id, friendly) in enumerate(zip(device_ids, devices, strict=True))
        },
        Destinations={
            _id(user, "vault", 0): DestinationConfig(
                Description="Comet Cloud",
                DestinationType=c.DESTINATIONTYPE_COMET,
                CometServer="https://storage.example.com/",
                CometBucket=f"{user}-bucket",
            ),
            _id(user, "vault", 1): DestinationConfig(
                Description="Office NAS", DestinationType=c.DESTINATIONTYPE_LOCALCOPY
            ),
        },
    )
    return Stored(go_value(profile, UserProfileConfig))


def seed(state: ServerState, accounts: Accounts) -> None:
    """Fill an empty server with the seed users, policy and job history."""
    now = state.now()
    policy = Stored(go_value(GroupPolicy(Description="Workstations"), GroupPolicy))
    state.set_policy(SEED_POLICY_ID, policy, None)
    for user, password in SEED_USERS.items():
        state.add_user(user, profile=_profile(user, now))
        accounts.set_user_password(user, password)
    jobs = JobSimulator(state, lambda types, payloads: None, _never_waits, seed=13)
    for user in SEED_USERS:
        for n in range(JOBS_PER_USER):
            start = now - (JOBS_PER_USER - n) * 5 * HOUR
            done = jobs.finished(jobs.new_job(user, start), start + 20 * 60)
            if (user, n) in _FAILED:
                done = msgspec.structs.replace(done, Status=_FAILED[user, n])
            state.add_jobs([done])


async def _never_waits() -> None:
    return None
