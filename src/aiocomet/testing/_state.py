"""The data a Comet Server keeps: profiles, policies, jobs, config, resources.

Profiles, policies and the server config are stored as the JSON objects a
client sent (over the defaults of their struct), so keys this SDK version
does not know survive a round trip exactly as on a real server. Jobs are
kept as :class:`BackupJobDetail` structs in start order, bounded by
``max_jobs`` so that a long-running simulator does not grow without limit.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

import msgspec

from .._generated import constants as c
from .._generated.models import (
    BackupJobDetail,
    GroupPolicy,
    JobEntry,
    LicenseLimits,
    ServerConfigOptions,
    ServerMetaVersionInfo,
    UserProfileConfig,
)
from .._gojson import Stored, go_value, go_zero

_raw = msgspec.json.Decoder()
_sorted = msgspec.json.Encoder(order="sorted")
DAY = 86400


UNKNOWN_USER = (403, "Unauthorised")
"""How a real server (20.9.0 and later) answers for a user the admin cannot see."""


class StateError(Exception):
    """An API call that the server refuses: carries the HTTP status and message.

    ``in_body`` is the (Status, Message) a real server puts in its 200 answer
    when that differs from the HTTP-mode status and message.
    """

    def __init__(
        self, status: int, message: str, *, in_body: tuple[int, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.in_body = in_body


def normalize(cls: type[Any], raw: bytes | str) -> Stored:
    """``raw`` JSON over Go's zero value of ``cls``, every unknown key kept.

    What the client sent is kept as sent (an empty list stays ``[]``); fields it
    left out take Go's zero value (nil lists and maps), as a Go server decodes.
    """
    typed = msgspec.json.decode(raw, type=cls)
    merged = go_value(typed, cls)
    given = _raw.decode(raw)
    if isinstance(given, dict):
        merged.update(given)
    return Stored(merged)


def defaults(cls: type[Any]) -> Stored:
    """Go's zero value of a struct, as a stored document."""
    return go_zero(cls)


def content_hash(value: Any) -> str:
    """A stable hash of a JSON value (key order does not matter)."""
    return hashlib.sha256(_sorted.encode(value)).hexdigest()


def is_running(job: BackupJobDetail) -> bool:
    return c.JOB_STATUS_RUNNING__MIN <= job.Status <= c.JOB_STATUS_RUNNING__MAX


class ServerState:
    """Everything the emulated server remembers between requests."""

    def __init__(self, *, clock: Callable[[], float], max_jobs: int = 100_000) -> None:
        self._clock = clock
        self.max_jobs = max_jobs
        self.profiles: dict[str, dict[str, Any]] = {}
        self.policies: dict[str, dict[str, Any]] = {}
        self.jobs: OrderedDict[str, BackupJobDetail] = OrderedDict()
        self.config: dict[str, Any] = defaults(ServerConfigOptions)
        self.resources: dict[str, bytes] = {}
        self.start_time: int = 0
        self.start_hash: str = ""
        self.restarted()

    def now(self) -> int:
        return int(self._clock())

    def restarted(self) -> None:
        """A new server start: new start time and start hash, same data."""
        self.start_time = self.now()
        self.start_hash = secrets.token_hex(16)

    def version_info(self) -> ServerMetaVersionInfo:
        return ServerMetaVersionInfo(
            Version=c.APPLICATION_VERSION,
            VersionCodename="emulator",
            StorageRole=True,
            AuthenticationRole=True,
            SoftwareBuildRole=True,
            ServerStartTime=self.start_time,
            ServerStartHash=self.start_hash,
            CurrentTime=self.now(),
            ServerLicenseFeaturesAll=True,
            ServerLicenseLimit=LicenseLimits(),
            ConfiguredDevices=sum(len(p.get("Devices") or {}) for p in self.profiles.values()),
        )

    # -- user profiles -------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        *,
        organization_id: str = "",
        require_password_change: bool = False,
        profile: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        if not username or username.strip() != username or "/" in username:
            raise StateError(400, f"Invalid parameter TargetUser: invalid username {username!r}")
        if username in self.profiles:
            raise StateError(409, f"User {username!r} already exists")
        created = profile if profile is not None else defaults(UserProfileConfig)
        created.update(
            Username=username,
            OrganizationID=organization_id or created.get("OrganizationID", ""),
            RequirePasswordChange=require_password_change
            or bool(created.get("RequirePasswordChange")),
            CreateTime=created.get("CreateTime") or self.now(),
            CreationGUID=created.get("CreationGUID") or str(uuid.uuid4()),
            AllowPasswordLogin=True,
        )
        self.profiles[username] = created
        return created

    def profile(self, username: str) -> dict[str, Any]:
        try:
            return self.profiles[username]
        except KeyError:
            raise StateError(
                404, f"User {username!r} does not exist", in_body=UNKNOWN_USER
            ) from None

    def set_profile(self, username: str, profile: dict[str, Any]) -> dict[str, Any]:
        self.profile(username)
        profile["Username"] = username
        self.profiles[username] = profile
        return profile

    def delete_user(self, username: str) -> None:
        self.profile(username)
        del self.profiles[username]

    def profile_hash(self, username: str) -> str:
        return content_hash(self.profile(username))

    # -- policies ------------------------------------------------------------------------

    def policy(self, policy_id: str) -> dict[str, Any]:
        try:
            return self.policies[policy_id]
        except KeyError:
            raise StateError(404, f"Policy {policy_id!r} does not exist") from None

    def new_policy(self, policy: dict[str, Any]) -> str:
        policy_id = str(uuid.uuid4())
        now = self.now()
        policy["CreatedDate"] = now
        policy["ModifiedDate"] = now
        self.policies[policy_id] = policy
        return policy_id

    def set_policy(self, policy_id: str, policy: dict[str, Any], check_hash: str | None) -> bool:
        """Store a policy; True when it is new."""
        old = self.policies.get(policy_id)
        if check_hash and (old is None or content_hash(old) != check_hash):
            raise StateError(409, "CheckPolicyHash does not match the current policy")
        now = self.now()
        policy["CreatedDate"] = old.get("CreatedDate", now) if old else now
        policy["ModifiedDate"] = now
        self.policies[policy_id] = policy
        return old is None

    def delete_policy(self, policy_id: str) -> None:
        self.policy(policy_id)
        del self.policies[policy_id]

    def policies_for(self, organization_id: str | None) -> dict[str, dict[str, Any]]:
        return {
            pid: p
            for pid, p in self.policies.items()
            if organization_id is None or p.get("OrganizationID", "") == organization_id
        }

    @staticmethod
    def empty_policy() -> dict[str, Any]:
        return defaults(GroupPolicy)

    # -- jobs ----------------------------------------------------------------------------

    def add_jobs(self, jobs: Iterable[BackupJobDetail]) -> None:
        table = self.jobs
        for job in jobs:
            table[job.GUID] = job
        while len(table) > self.max_jobs:
            table.popitem(last=False)

    def finish_jobs(self, jobs: Iterable[BackupJobDetail]) -> list[BackupJobDetail]:
        """Store finished versions of running jobs; those no longer running are skipped."""
        done = []
        table = self.jobs
        for job in jobs:
            old = table.get(job.GUID)
            if old is not None and is_running(old):
                table[job.GUID] = job
                done.append(job)
        return done

    def job(self, guid: str, username: str | None = None) -> BackupJobDetail:
        job = self.jobs.get(guid)
        if job is None or (username is not None and job.Username != username):
            raise StateError(404, f"Job {guid!r} does not exist")
        return job

    def jobs_in_range(self, start: int, end: int) -> list[BackupJobDetail]:
        return [j for j in self.jobs.values() if start <= j.StartTime <= end]

    def jobs_for_user(self, username: str) -> list[BackupJobDetail]:
        return [j for j in self.jobs.values() if j.Username == username]

    def jobs_recent(self) -> list[BackupJobDetail]:
        """Running jobs and jobs that started or ended in the last day."""
        since = self.now() - DAY
        return [
            j
            for j in self.jobs.values()
            if is_running(j) or j.StartTime >= since or j.EndTime >= since
        ]

    def cancel_job(self, guid: str, username: str | None = None) -> BackupJobDetail | None:
        """Cancel a running job; the finished job, or None if it was not running."""
        job = self.job(guid, username)
        if not is_running(job):
            return None
        done = msgspec.structs.replace(
            job, Status=c.JOB_STATUS_FAILED_CANCELLED, EndTime=max(self.now(), job.StartTime)
        )
        self.jobs[guid] = done
        return done

    def job_log_entries(self, guid: str, username: str | None = None) -> list[JobEntry]:
        """The job's log; ``AdminGetJobLog`` is the same entries as text."""
        job = self.job(guid, username)
        info = c.SEVERITY_INFO
        entries = [JobEntry(Time=job.StartTime, Severity=info, Message=f"Starting job {guid}")]
        if job.EndTime:
            summary = (
                f"Files: {job.TotalFiles}, directories: {job.TotalDirectories}, "
                f"size: {job.TotalSize} bytes"
            )
            failed = c.JOB_STATUS_FAILED__MIN <= job.Status <= c.JOB_STATUS_FAILED__MAX
            entries.append(JobEntry(Time=job.EndTime, Severity=info, Message=summary))
            entries.append(
                JobEntry(
                    Time=job.EndTime,
                    Severity=c.SEVERITY_ERROR if failed else info,
                    Message=f"Job finished with status {job.Status}",
                )
            )
        return entries

    def job_log(self, guid: str, username: str | None = None) -> bytes:
        entries = self.job_log_entries(guid, username)
        return "".join(f"{e.Time}\t{e.Severity}\t{e.Message}\n" for e in entries).encode()

    # -- server config, webhooks, resources ---------------------------------------------

    def webhooks(self) -> dict[str, Any]:
        hooks: dict[str, Any] = self.config.get("WebhookOptions") or {}
        return hooks

    def webhooks_stored(self) -> Stored | None:
        """The webhook options as last set (None, Go's nil map, when never set)."""
        hooks = self.config.get("WebhookOptions")
        return None if hooks is None else Stored(hooks)

    def set_webhooks(self, hooks: dict[str, Any] | None) -> None:
        self.config["WebhookOptions"] = None if hooks is None else Stored(hooks)

    def set_config(self, config: dict[str, Any]) -> None:
        config.pop("AdminUsers", None)
        self.config = Stored(config)

    def add_resource(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.resources[digest] = data
        return digest

    def resource(self, digest: str) -> bytes:
        try:
            return self.resources[digest]
        except KeyError:
            raise StateError(404, f"Resource {digest!r} does not exist") from None
