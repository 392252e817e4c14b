"""Binary answers: installers, server logs, device registration, job log entries.

Every method whose spec return kind is ``bytes`` answers real bytes, so that
downloads (and the SDK's streaming code) are exercised: job logs and uploaded
resources come from the state, every other binary method answers
``download_size`` deterministic bytes derived from the method name, the same
on every call and every run. ``AdminGetJobLogEntries`` returns exactly the
entries that ``AdminGetJobLog`` renders as text.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .._generated import constants as c
from .._generated.methods import METHODS
from ._handlers import Call, StatefulAPI, stateful

DEFAULT_DOWNLOAD_SIZE = 64 * 1024
_SEVERITY_RANK = {
    c.SEVERITY_DEBUG: 0,
    c.SEVERITY_INFO: 1,
    c.SEVERITY_WARNING: 2,
    c.SEVERITY_ERROR: 3,
}
_LOG_METHODS = ("AdminMetaReadLogs", "AdminMetaReadAllLogs", "AdminMetaReadSelectLogs")


def payload(seed: str, size: int) -> bytes:
    """``size`` bytes that depend only on ``seed`` (a SHA-256 counter stream)."""
    out = bytearray()
    block = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}:{block}".encode()).digest()
        block += 1
    return bytes(out[:size])


def log_text(seed: str, size: int, start: int) -> bytes:
    """``size`` bytes of server-log lines, deterministic for ``seed`` and ``start``."""
    lines = []
    total = 0
    n = 0
    while total < size:
        line = f"{start + n}\tI\t{seed}: emulator log line {n}\n"
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines).encode()[:size]


def _download(api: StatefulAPI, call: Call) -> bytes:
    name = call.spec.name
    if name in _LOG_METHODS:
        return log_text(name, api.download_size, api.state.start_time)
    return payload(name, api.download_size)


def _register_downloads() -> None:
    from_state = {"AdminGetJobLog", "UserWebGetJobLog", "AdminMetaResourceGet"}
    for name, spec in METHODS.items():
        if spec.returns_bytes and name not in from_state:
            stateful(name)(_download)


_register_downloads()


def _entries(api: StatefulAPI, call: Call, username: str | None) -> list[Any]:
    entries = api.state.job_log_entries(call.values["JobID"], username)
    floor = _SEVERITY_RANK.get(call.values.get("MinSeverity") or "", 0)
    contains = call.values.get("MessageContains") or ""
    return [
        e for e in entries if _SEVERITY_RANK.get(e.Severity, 3) >= floor and contains in e.Message
    ]


@stateful("AdminGetJobLogEntries")
def _job_log_entries(api: StatefulAPI, call: Call) -> Any:
    return _entries(api, call, None)


@stateful("UserWebGetJobLogEntries")
def _user_job_log_entries(api: StatefulAPI, call: Call) -> Any:
    return _entries(api, call, call.who.username)
