"""The stateful API methods: each changes or reads :class:`ServerState` and emits events.

A handler gets a validated :class:`Call` (who called, typed and wire values
of the parameters) and returns the value to send back as JSON (or bytes for
binary methods). It raises :class:`StateError` for a refusal. Every state
change publishes the matching ``SEVT_*`` event with ``Data`` as the API
documents it. This module has the table, sessions, accounts, profiles and
policies; ``_job_handlers``, ``_meta_handlers`` and ``_downloads`` add theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import msgspec

from .._generated import constants as c
from .._generated.methods import METHODS
from .._generated.models import (
    AllowedAdminUser,
    GroupPolicy,
    SessionKeyRegeneratedResponse,
    UserProfileConfig,
)
from .._gojson import Stored
from .._methodspec import AuthKind, MethodSpec
from ._auth import Accounts, AuthError, Principal
from ._state import ServerState, StateError, content_hash, normalize

_raw = msgspec.json.Decoder()


class Publisher(Protocol):
    def __call__(
        self, event_type: int, data: Any = None, *, resource_id: str = "", actor: str = ""
    ) -> None: ...


@dataclass(slots=True)
class Call:
    """One validated API request."""

    spec: MethodSpec[Any]
    principal: Principal | None
    values: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    upload: bytes | None = None
    path: str = ""

    @property
    def who(self) -> Principal:
        assert self.principal is not None
        return self.principal

    @property
    def actor(self) -> str:
        return self.principal.username if self.principal else ""


Handler = Callable[["StatefulAPI", Call], Any]
HANDLERS: dict[str, Handler] = {}


def stateful(name: str) -> Callable[[Handler], Handler]:
    if name not in METHODS:
        raise KeyError(name)

    def register(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return register


def ok(message: str = "OK", **extra: Any) -> dict[str, Any]:
    return {"Status": 200, "Message": message, **extra}


def _admin_view(name: str, totp: bool) -> AllowedAdminUser:
    """An admin account as the API shows it (never with its password or TOTP key)."""
    return AllowedAdminUser(Username=name, AllowPasswordLogin=True, AllowPasswordAndTOTPLogin=totp)


class StatefulAPI:
    """Runs stateful handlers against one server's state."""

    def __init__(
        self,
        state: ServerState,
        accounts: Accounts,
        publish: Publisher,
        on_webhooks_changed: Callable[[], None],
        download_size: int,
        bucket_timeout: float = 30.0,
    ) -> None:
        self.state = state
        self.bucket_timeout = bucket_timeout  # bound of a Custom Remote Bucket POST (_buckets)
        self.accounts = accounts
        self.publish = publish
        self.on_webhooks_changed = on_webhooks_changed
        self.download_size = download_size

    def handles(self, name: str) -> bool:
        return name in HANDLERS

    def handle(self, call: Call) -> Any:
        return HANDLERS[call.spec.name](self, call)

    # -- helpers shared by handlers ----------------------------------------------------------

    def auth_failed(self, exc: AuthError, path: str, allowed: AuthKind) -> None:
        """Publish the event for a refused login (403) or an expired session."""
        if exc.status != 403:
            return
        kind = exc.kind or ("user" if allowed == "user" else "admin")
        if exc.expired:
            event = (
                c.SEVT_ACCOUNT_ADMIN_SESSION_EXPIRE
                if kind == "admin"
                else c.SEVT_ACCOUNT_SESSION_EXPIRE
            )
            self.publish(event, actor=exc.username)
            return
        event = (
            c.SEVT_ACCOUNT_ADMIN_LOGIN_FAILED if kind == "admin" else c.SEVT_ACCOUNT_LOGIN_FAILED
        )
        self.publish(event, resource_id=path, actor=exc.username)

    def admins_view(self) -> list[AllowedAdminUser]:
        return [_admin_view(n, n in self.accounts.totp) for n in sorted(self.accounts.admins)]

    def config_view(self) -> dict[str, Any]:
        return Stored({**self.state.config, "AdminUsers": self.admins_view()})

    def account_updated(self, username: str, actor: str) -> None:
        self.publish(
            c.SEVT_ACCOUNT_UPDATED, self.state.profile(username), resource_id=username, actor=actor
        )

    def set_profile_checked(
        self, username: str, raw_profile: str, required_hash: str, actor: str
    ) -> dict[str, Any]:
        if self.state.profile_hash(username) != required_hash:
            raise StateError(409, "The profile hash does not match: the profile was changed")
        self.state.set_profile(username, normalize(UserProfileConfig, raw_profile))
        self.account_updated(username, actor)
        profile = self.state.profile(username)
        return ok(ProfileHash=content_hash(profile), Profile=profile)

    def start_session(self, call: Call) -> SessionKeyRegeneratedResponse:
        who = call.who
        key = self.accounts.start_session(who)
        admin = who.kind == "admin"
        if who.session_key is None:
            login = c.SEVT_ACCOUNT_ADMIN_LOGIN if admin else c.SEVT_ACCOUNT_LOGIN
            self.publish(login, resource_id=call.path, actor=who.username)
        start = c.SEVT_ACCOUNT_ADMIN_SESSION_START if admin else c.SEVT_ACCOUNT_SESSION_START
        self.publish(start, actor=who.username)
        return SessionKeyRegeneratedResponse(
            Status=200, Message="OK", SessionKey=key, SessionType=who.kind
        )

    def revoke_session(self, call: Call) -> dict[str, Any]:
        who = call.who
        if who.session_key:
            self.accounts.revoke(who.session_key)
        else:
            self.accounts.revoke_account(who.kind, who.username)
        event = (
            c.SEVT_ACCOUNT_ADMIN_SESSION_REVOKE
            if who.kind == "admin"
            else c.SEVT_ACCOUNT_SESSION_REVOKE
        )
        self.publish(event, actor=who.username)
        return ok()

    def cancel_job(self, guid: str, username: str, actor: str) -> dict[str, Any]:
        done = self.state.cancel_job(guid, username)
        if done is not None:
            self.publish(c.SEVT_JOB_COMPLETED, done, resource_id=guid, actor=actor)
        return ok()

    def add_admin(self, name: str, password: str, actor: str) -> dict[str, Any]:
        if not name or self.accounts.kind_of(name) is not None:
            raise StateError(409, f"Account {name!r} already exists")
        self.accounts.admins[name] = password
        self.publish(
            c.SEVT_ACCOUNT_ADMIN_NEW, _admin_view(name, False), resource_id=name, actor=actor
        )
        return ok()


# -- sessions ----------


@stateful("AdminAccountSessionStart")
@stateful("UserWebSessionStart")
@stateful("HybridSessionStart")
def _session_start(api: StatefulAPI, call: Call) -> Any:
    return api.start_session(call)


@stateful("AdminAccountSessionRevoke")
@stateful("UserWebSessionRevoke")
def _session_revoke(api: StatefulAPI, call: Call) -> Any:
    return api.revoke_session(call)


# -- admin accounts ----------


@stateful("AdminAdminUserList")
def _admin_list(api: StatefulAPI, call: Call) -> Any:
    return api.admins_view()


@stateful("AdminAdminUserNew")
def _admin_new(api: StatefulAPI, call: Call) -> Any:
    return api.add_admin(call.values["TargetUser"], call.values["TargetPassword"], call.actor)


@stateful("AdminAddFirstAdminUser")
def _admin_first(api: StatefulAPI, call: Call) -> Any:
    if api.accounts.admins:
        raise StateError(403, "The server already has an admin account")
    return api.add_admin(call.values["TargetUser"], call.values["TargetPassword"], "")


@stateful("AdminAdminUserDelete")
def _admin_delete(api: StatefulAPI, call: Call) -> Any:
    name = call.values["TargetUser"]
    if name not in api.accounts.admins:
        raise StateError(404, f"Admin {name!r} does not exist")
    if name == call.actor:
        raise StateError(400, "Invalid parameter TargetUser: an admin cannot delete itself")
    api.accounts.remove_admin(name)
    api.publish(c.SEVT_ACCOUNT_ADMIN_REMOVED, resource_id=name, actor=call.actor)
    return ok()


# -- user accounts ----------


@stateful("AdminAddUser")
def _add_user(api: StatefulAPI, call: Call) -> Any:
    name = call.values["TargetUser"]
    if name in api.accounts.admins:
        raise StateError(409, f"Account {name!r} already exists")
    profile = api.state.add_user(
        name,
        organization_id=call.values.get("TargetOrganization", ""),
        require_password_change=bool(call.values.get("RequirePasswordChange", 0)),
    )
    api.accounts.set_user_password(name, call.values["TargetPassword"])
    api.publish(c.SEVT_ACCOUNT_NEW, profile, resource_id=name, actor=call.actor)
    return ok()


@stateful("AdminAddUserFromProfile")
def _add_user_from_profile(api: StatefulAPI, call: Call) -> Any:
    name = call.values["TargetUser"]
    if name in api.accounts.admins:
        raise StateError(409, f"Account {name!r} already exists")
    profile = api.state.add_user(
        name,
        organization_id=call.values.get("TargetOrganization", ""),
        profile=normalize(UserProfileConfig, call.raw["ProfileData"]),
    )
    api.publish(c.SEVT_ACCOUNT_NEW, profile, resource_id=name, actor=call.actor)
    return ok()


@stateful("AdminListUsers")
def _list_users(api: StatefulAPI, call: Call) -> Any:
    return sorted(api.state.profiles)


@stateful("AdminListUsersFull")
def _list_users_full(api: StatefulAPI, call: Call) -> Any:
    return api.state.profiles


@stateful("AdminGetUserProfile")
def _get_profile(api: StatefulAPI, call: Call) -> Any:
    return api.state.profile(call.values["TargetUser"])


@stateful("AdminGetUserProfileAndHash")
def _get_profile_and_hash(api: StatefulAPI, call: Call) -> Any:
    name = call.values["TargetUser"]
    return ok(ProfileHash=api.state.profile_hash(name), Profile=api.state.profile(name))


@stateful("AdminGetUserProfileHash")
def _get_profile_hash(api: StatefulAPI, call: Call) -> Any:
    return ok(ProfileHash=api.state.profile_hash(call.values["TargetUser"]))


@stateful("AdminSetUserProfile")
def _set_profile(api: StatefulAPI, call: Call) -> Any:
    name = call.values["TargetUser"]
    api.state.set_profile(name, normalize(UserProfileConfig, call.raw["ProfileData"]))
    api.account_updated(name, call.actor)
    return ok()


@stateful("AdminSetUserProfileHash")
def _set_profile_hash(api: StatefulAPI, call: Call) -> Any:
    return api.set_profile_checked(
        call.values["TargetUser"], call.raw["ProfileData"], call.values["RequireHash"], call.actor
    )


@stateful("AdminDeleteUser")
def _delete_user(api: StatefulAPI, call: Call) -> Any:
    name = call.values["TargetUser"]
    api.state.delete_user(name)
    api.accounts.remove_user(name)
    api.publish(c.SEVT_ACCOUNT_REMOVED, resource_id=name, actor=call.actor)
    return ok()


@stateful("AdminResetUserPassword")
def _reset_password(api: StatefulAPI, call: Call) -> Any:
    name = call.values["TargetUser"]
    api.state.profile(name)
    old = call.values.get("OldPassword")
    if old is not None and not api.accounts.check_user_password(name, old):
        raise StateError(400, "Invalid parameter OldPassword: it does not match")
    api.accounts.set_user_password(name, call.values["NewPassword"])
    api.account_updated(name, call.actor)
    return ok()


@stateful("UserWebGetUserProfileAndHash")
def _user_profile(api: StatefulAPI, call: Call) -> Any:
    name = call.who.username
    return ok(ProfileHash=api.state.profile_hash(name), Profile=api.state.profile(name))


@stateful("UserWebSetProfileHash")
def _user_set_profile(api: StatefulAPI, call: Call) -> Any:
    return api.set_profile_checked(
        call.who.username, call.raw["ProfileData"], call.values["ProfileHash"], call.actor
    )


# -- policies ----------


@stateful("AdminPoliciesNew")
def _policy_new(api: StatefulAPI, call: Call) -> Any:
    policy = normalize(GroupPolicy, call.raw["Policy"])
    policy_id = api.state.new_policy(policy)
    api.publish(c.SEVT_POLICY_NEW, policy, resource_id=policy_id, actor=call.actor)
    return ok(PolicyHash=content_hash(policy))  # exactly CreateGroupPolicyResponse: no ID


@stateful("AdminPoliciesGet")
def _policy_get(api: StatefulAPI, call: Call) -> Any:
    policy = api.state.policy(call.values["PolicyID"])
    return ok(Policy=policy, PolicyHash=content_hash(policy))


@stateful("AdminPoliciesSet")
def _policy_set(api: StatefulAPI, call: Call) -> Any:
    policy_id = call.values["PolicyID"]
    policy = normalize(GroupPolicy, call.raw["Policy"])
    new = api.state.set_policy(policy_id, policy, call.values.get("CheckPolicyHash"))
    event = c.SEVT_POLICY_NEW if new else c.SEVT_POLICY_UPDATED
    api.publish(event, policy, resource_id=policy_id, actor=call.actor)
    return ok()


@stateful("AdminPoliciesList")
def _policy_list(api: StatefulAPI, call: Call) -> Any:
    found = api.state.policies_for(call.values.get("TargetOrganization"))
    return {pid: p.get("Description", "") for pid, p in found.items()}


@stateful("AdminPoliciesListFull")
def _policy_list_full(api: StatefulAPI, call: Call) -> Any:
    return api.state.policies_for(call.values.get("TargetOrganization"))


@stateful("AdminPoliciesDelete")
def _policy_delete(api: StatefulAPI, call: Call) -> Any:
    policy_id = call.values["PolicyID"]
    api.state.delete_policy(policy_id)
    api.publish(c.SEVT_POLICY_REMOVED, resource_id=policy_id, actor=call.actor)
    return ok()
