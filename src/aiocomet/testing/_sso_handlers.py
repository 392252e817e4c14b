"""Stateful session start for another account: ``AdminAccountSessionStartAsUser``.

An admin mints an end-user session key (for single sign-on into the web
interface as that user). The key is a real session of the target user in
the emulator's session table, so calls made with it act as that user.
Registered into the handler table of :mod:`._handlers`.
"""

from __future__ import annotations

from typing import Any

from .._generated import constants as c
from .._generated.models import SessionKeyRegeneratedResponse
from ._auth import Principal
from ._handlers import Call, StatefulAPI, stateful


@stateful("AdminAccountSessionStartAsUser")
def _session_start_as_user(api: StatefulAPI, call: Call) -> Any:
    target = call.values["TargetUser"]
    api.state.profile(target)  # an unknown user is refused like every other TargetUser
    key = api.accounts.start_session(Principal("user", target))
    api.publish(c.SEVT_ACCOUNT_SESSION_START, actor=target)
    return SessionKeyRegeneratedResponse(
        Status=200, Message="OK", SessionKey=key, SessionType="user"
    )
